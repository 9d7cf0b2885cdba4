"""Proposed names: what the paper itself introduces.

Four phrasings name a paper's own contribution:

- a title prefix that is a name: "LADDER: ...", "Dualformer: ...", "Mobile-R1: ..." (not "Survey:");
- an introducing verb followed closely by a name: "we propose ControlNet++", "this paper
  introduces a framework, LADDER, ...", "we present Hierarchical Diffuser, a ...";
- a naming verb: "a method called X", "dubbed X", "which we term X";
- an apposition of novelty: "X, a novel framework ...".

Each proposal becomes a span in ``doc.spans["proposed"]`` labelled BENCHMARK, MODEL or METHOD from
the words around it ("a new benchmark", "a 7B language model", "a framework"). The cue words are
data (``data/proposal_cues.json``, ``data/benchmark_cues.txt``).
"""

import json
import re

from spacy.language import Language

from extractors.gazetteer import DATA_DIR, read_list
from extractors.sections import title_end
from extractors.shapes import FUNCTION_WORDS, NAME_WORD, is_coined_word

__all__ = ["ProposalFinder", "ProposalRules"]

_TOKEN = re.compile(rf"{NAME_WORD}|[\"“”‘’'(),:;—–]")
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n\n")
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'"}


def _words(text, offset=0):
    """(start, end, word) for each word or punctuation mark of ``text``."""
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)]


class ProposalRules:
    """The compiled proposal phrasings for a set of cue words."""

    def __init__(self, cues, benchmark_cues):
        self.cues = cues
        self.benchmark_cues = {c.lower() for c in benchmark_cues}
        self.gap_stops = set(cues["gap_stop_words"])
        self.novelty = set(cues["novelty_words"])
        self.method_heads = set(cues["method_heads"])
        self.model_heads = set(cues["model_heads"])
        self.phenomena = set(cues["phenomenon_words"])
        self.generic_prefixes = set(cues["generic_title_prefixes"])
        verbs = "|".join(sorted(map(re.escape, cues["intro_verbs"]), key=len, reverse=True))
        subjects = "|".join(sorted(map(re.escape, cues["intro_subjects"]), key=len, reverse=True))
        self.intro = re.compile(
            rf"\b(?:{subjects})\s+(?:[a-z]+ly\s+|also\s+|then\s+|further\s+|thus\s+|therefore\s+|here\s+|now\s+|first\s+){{0,2}}(?:{verbs})\b",
            re.IGNORECASE,
        )
        naming = "|".join(sorted(map(re.escape, cues["naming_verbs"]), key=len, reverse=True))
        self.naming = re.compile(rf"(?<![-\w])(?:{naming})\s+(?:it\s+|this\s+|them\s+)?(?:as\s+)?(?:the\s+)?", re.IGNORECASE)
        novelty = "|".join(sorted(map(re.escape, self.novelty), key=len, reverse=True))
        self.apposition = re.compile(
            rf"(?:(?<=\s)|^)((?:{NAME_WORD})(?:\s(?:{NAME_WORD})){{0,5}}),?\s+(?:is\s+)?(?:a|an)\s+(?:{novelty})\b"
        )

    # -- name shapes ---------------------------------------------------------------------------

    def _name_at(self, words, i, sentence_start):
        """The name starting at ``words[i]``: (end index, kind) or None.

        A name is a quoted phrase, a coined word, or a run of capitalised words (small function
        words allowed inside) that is not just the first word of a sentence.
        """
        start, end, word = words[i]
        if word in _QUOTES:
            close = _QUOTES[word]
            for j in range(i + 1, min(len(words), i + 9)):
                if words[j][2] == close or (close == "”" and words[j][2] == '"'):
                    return (j, "quoted") if j > i + 1 else None
            return None
        if not word[0].isalnum():
            return None
        if not (word[0].isupper() or is_coined_word(word)):
            return None
        if word in ("A", "An", "The", "We", "Our", "This", "These", "It", "In", "To", "For"):
            return None
        j = i
        while j + 1 < len(words):
            nxt = words[j + 1][2]
            if nxt[0].isalnum() and (nxt[0].isupper() or is_coined_word(nxt)):
                j += 1
            elif (
                nxt.lower() in FUNCTION_WORDS
                and j + 2 < len(words)
                and words[j + 2][2][0].isupper()
                and nxt.lower() not in ("and", "or", "a", "an", "the", "on", "in", "with", "for", "to", "as", "at", "by")
            ):
                j += 2
            else:
                break
        if j == i and not is_coined_word(word) and i == sentence_start:
            return None
        return j, "name"

    def _label(self, text_after, text_before=""):
        """BENCHMARK, MODEL or METHOD from the words around a proposed name."""
        around = re.findall(r"[a-z]+(?:\s(?:model|models))?", (text_before[-40:] + " " + text_after[:80]).lower())
        window = around[:14]
        if any(w in self.benchmark_cues for w in window):
            return "BENCHMARK"
        heads = [w for w in window if w in self.method_heads or w in self.model_heads]
        if heads and heads[0] in self.model_heads:
            return "MODEL"
        return "METHOD"

    # -- phrasings -----------------------------------------------------------------------------

    def title_prefix(self, text):
        """The name before the title's colon, when it is one: [(start, end)]."""
        end_of_title = title_end(text)
        title = text[:end_of_title]
        colon = title.find(": ")
        if colon <= 0:
            return []
        prefix = title[:colon].strip()
        words = prefix.split()
        if not words or len(words) > 6 or any(ch in prefix for ch in ",?!"):
            return []
        if prefix.lower() in self.generic_prefixes or words[0].lower() in self.generic_prefixes:
            return []
        abstract = text[end_of_title:]
        if len(words) == 1:
            accepted = words[0][0].isupper() or is_coined_word(words[0])
        elif any(is_coined_word(w) for w in words) and len(words) <= 3:
            accepted = True
        else:
            # A title-case phrase is a name only when the abstract uses it as one.
            accepted = all(w[0].isupper() or w.lower() in FUNCTION_WORDS or not w[0].isalpha() for w in words) and (
                prefix in abstract or re.search(rf"{re.escape(prefix)}\s*\(", abstract, re.IGNORECASE) is not None
            )
        return [(0, len(prefix))] if accepted else []

    def introduced(self, text):
        """Names right after an introducing verb: [(start, end)]."""
        found = []
        for verb in self.intro.finditer(text):
            clause_end = _CLAUSE_END.search(text, verb.end())
            stop = clause_end.start() if clause_end else len(text)
            words = _words(text[verb.end():stop], verb.end())
            found.extend(self._scan_for_names(words))
        return found

    def _scan_for_names(self, words, max_gap=12):
        names = []
        i = 0
        gap = 0
        while i < len(words) and gap <= max_gap:
            word = words[i][2]
            lower = word.lower()
            if names and word in (",", "and") and i + 1 < len(words):
                # A list of names: "two benchmarks, X and Y".
                i += 1
                if words[i][2] == "and":
                    i += 1
                if i < len(words):
                    hit = self._name_at(words, i, -1)
                    if hit is None:
                        break
                    names.append(self._span(words, i, hit))
                    i = hit[0] + 1
                continue
            if names:
                break
            if lower in self.gap_stops:
                break
            hit = self._name_at(words, i, -1)
            if hit is not None:
                names.append(self._span(words, i, hit))
                i = hit[0] + 1
                continue
            i += 1
            gap += 1
        return names

    @staticmethod
    def _span(words, i, hit):
        end_index, kind = hit
        if kind == "quoted":
            return words[i + 1][0], words[end_index - 1][1]
        return words[i][0], words[end_index][1]

    def named(self, text):
        """Names after "called", "dubbed", "termed", ...: [(start, end)]."""
        found = []
        for verb in self.naming.finditer(text):
            before = text[max(0, verb.start() - 60):verb.start()].lower()
            if re.search(r"so-$|\bnamed\s+entit", text[max(0, verb.start() - 3):verb.end() + 7].lower()):
                continue
            if any(re.search(rf"\b{re.escape(w)}\b", before) for w in self.phenomena):
                continue
            clause_end = _CLAUSE_END.search(text, verb.end())
            stop = clause_end.start() if clause_end else len(text)
            words = _words(text[verb.end():stop], verb.end())
            if not words:
                continue
            hit = self._name_at(words, 0, -1)
            if hit is not None:
                found.append(self._span(words, 0, hit))
                continue
            # A lowercase coined phrase: up to five words before a delimiter.
            j = 0
            while j < len(words) and j < 5 and words[j][2][0].isalnum() and words[j][2].lower() not in (
                "that", "which", "to", "for", "is", "are", "and", "with", "in", "on", "by", "where", "as"
            ):
                j += 1
            if 0 < j <= 4:
                found.append((words[0][0], words[j - 1][1]))
        return found

    def appositions(self, text):
        """Names in "X, a novel ..." appositions: [(start, end)]."""
        found = []
        for match in self.apposition.finditer(text):
            name = match.group(1)
            words = _words(name, match.start(1))
            # Keep the trailing run that is a name ("Finally, ControlNet++" -> "ControlNet++").
            for i in range(len(words)):
                hit = self._name_at(words, i, 0)
                if hit is not None and hit[0] == len(words) - 1:
                    found.append(self._span(words, i, hit))
                    break
        return found

    def proposals(self, text):
        """Every proposed name in ``text``: sorted (start, end, label), overlaps removed."""
        spans = self.title_prefix(text) + self.introduced(text) + self.named(text) + self.appositions(text)
        chosen = []
        for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
            if chosen and start < chosen[-1][1]:
                continue
            name = text[start:end]
            if len(name) < 2 or name.lower() in self.generic_prefixes:
                continue
            chosen.append((start, end, self._label(text[end:], text[:start])))
        return chosen


class ProposalFinder:
    """spaCy component: adds proposed names to ``doc.spans["proposed"]``."""

    def __init__(self, name="graphbuild_proposed", spans_key="proposed"):
        self.name = name
        self.spans_key = spans_key
        self.rules = None

    def initialize(self, get_examples=None, *, nlp=None, extra_files=()):
        cues = json.loads((DATA_DIR / "proposal_cues.json").read_text(encoding="utf-8"))
        self.rules = ProposalRules(cues, read_list(DATA_DIR / "benchmark_cues.txt"))

    def __call__(self, doc):
        spans = []
        for start, end, label in self.rules.proposals(doc.text):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("graphbuild_proposed", default_config={"spans_key": "proposed"})
def make_proposal_finder(nlp, name, spans_key):
    return ProposalFinder(name, spans_key)
