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

from extractors.gazetteer import DATA_DIR, read_entries, read_list
from extractors.normalize import concept_key
from extractors.sections import title_end
from extractors.shapes import FUNCTION_WORDS, NAME_WORD, is_coined_word

__all__ = ["ProposalFinder", "ProposalRules"]

_TOKEN = re.compile(rf"{NAME_WORD}|[\"“”‘’'(),:;—–]")
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n\n")
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'"}


def _words(text, offset=0):
    """(start, end, word, text) for each word or punctuation mark of ``text``."""
    return [(m.start() + offset, m.end() + offset, m.group(), text, offset) for m in _TOKEN.finditer(text)]


def text_between(words, i, j):
    """The text from the end of ``words[i]`` to the start of ``words[j]``."""
    text, offset = words[i][3], words[i][4]
    return text[words[i][1] - offset:words[j][0] - offset]


class ProposalRules:
    """The compiled proposal phrasings for a set of cue words."""

    def __init__(self, cues, benchmark_cues, not_names=(), known_keys=()):
        self.cues = cues
        self.not_names = {n.lower() for n in not_names}
        self.known_keys = set(known_keys)
        self.relation_words = r"\b(?:than|based on|builds? (?:on|upon)|extend(?:s|ing)?|following|like|such as|including|compared|versus|vs\.?|over|against|unlike|instead of|inspired by|existing|standard|classical|conventional|popular|prior|previous|baselines?|with)\b"
        self.benchmark_cues = {c.lower() for c in benchmark_cues}
        self.gap_stops = set(cues["gap_stop_words"])
        self.novelty = set(cues["novelty_words"])
        self.method_heads = set(cues["method_heads"])
        self.model_heads = set(cues["model_heads"])
        self.phenomena = set(cues["phenomenon_words"])
        self.generic_prefixes = set(cues["generic_title_prefixes"])
        self.sentence_words = set(cues["sentence_words"])
        verbs = "|".join(sorted(map(re.escape, cues["intro_verbs"]), key=len, reverse=True))
        subjects = "|".join(sorted(map(re.escape, cues["intro_subjects"]), key=len, reverse=True))
        self.intro = re.compile(
            rf"\b(?:{subjects}|this\s+\w+\s+(?:paper|work|study))\s+(?:[a-z]+ly\s+|also\s+|then\s+|further\s+|thus\s+|therefore\s+|here\s+|now\s+|first\s+){{0,2}}(?:{verbs})\b",
            re.IGNORECASE,
        )
        base_verbs = "|".join(sorted((re.escape(v) for v in cues["intro_verbs"] if not v.endswith(("s", "ed", "built"))), key=len, reverse=True))
        self.intro_implied = re.compile(rf"\b(?:and|to|then)\s+(?:also\s+|further\s+)?(?:{base_verbs})\b", re.IGNORECASE)
        gerunds = "|".join(sorted(map(re.escape, cues["intro_gerunds"]), key=len, reverse=True))
        self.intro_gerund = re.compile(rf"\bby\s+(?:{gerunds})\b", re.IGNORECASE)
        naming = "|".join(sorted(map(re.escape, cues["naming_verbs"]), key=len, reverse=True))
        self.naming = re.compile(rf"(?<![-\w])(?:{naming})\s+(?:it\s+|this\s+|them\s+)?(?:as\s+)?(?:the\s+)?", re.IGNORECASE)
        own = "|".join(sorted(map(re.escape, cues["own_work"]), key=len, reverse=True))
        self.own_work = re.compile(rf"\b(?:{own}),?\s+(?=[^\W_])", re.IGNORECASE)
        novelty = "|".join(sorted(map(re.escape, self.novelty), key=len, reverse=True))
        self.apposition = re.compile(
            rf"(?:(?<=\s)|^)((?:{NAME_WORD})(?:[ \t](?:{NAME_WORD})){{0,5}}),?[ \t]+(?:is[ \t]+)?(?:a|an)[ \t]+(?:{novelty})\b"
        )

    # -- name shapes ---------------------------------------------------------------------------

    def _name_at(self, words, i, sentence_start):
        """The name starting at ``words[i]``: (end index, kind) or None.

        A name is a quoted phrase, a coined word, or a run of capitalised words (small function
        words allowed inside) that is not just the first word of a sentence.
        """
        start, end, word = words[i][:3]
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
        if word in self.sentence_words:
            return None
        j = i
        while j + 1 < len(words):
            nxt = words[j + 1][2]
            if "\n" in text_between(words, j, j + 1):
                break
            if nxt[0].isalnum() and (nxt[0].isupper() or is_coined_word(nxt)) and nxt not in self.sentence_words:
                j += 1
            elif (
                nxt.lower() in FUNCTION_WORDS
                and j + 2 < len(words)
                and words[j + 2][2][0].isupper()
                and nxt.lower() not in ("and", "or", "a", "an", "the", "on", "in", "with", "for", "as", "at", "by")
                and not (j == i and is_coined_word(word))  # "Light-R1-32B from Qwen2.5" is two names
                and "\n" not in text_between(words, j, j + 2)
            ):
                j += 2
            else:
                break
        if j == i and not is_coined_word(word) and i == sentence_start:
            return None
        return j, "name"

    def _label(self, text_after, text_before=""):
        """BENCHMARK, MODEL or METHOD from the head noun next to a proposed name: "X, a new
        benchmark", "the X dataset", "a 7B language model, X"; METHOD when nothing says otherwise."""
        after = re.match(r"^\s*(?:\([^()]*\))?\s*[,:]?\s*(?:(?:is|are)\s+)?(?:(?:a|an|the|our)\s+)?((?:[\w\-]+\s+){0,4}?)([\w\-]+)\b", text_after[:120])
        before = re.search(r"((?:[\w\-]+\s+){0,1})([\w\-]+)\s*[,:]?\s*(?:(?:called|named|dubbed|termed|namely)\s+)?(?:the\s+)?$", text_before[-60:])
        heads = []
        if after:
            heads.append(after.group(2).lower())
            heads.extend(w.lower() for w in after.group(1).split())
        if before:
            heads.append(before.group(2).lower())
        for head in heads:
            if head in self.benchmark_cues:
                return "BENCHMARK"
            if head in self.model_heads:
                return "MODEL"
            if head in self.method_heads:
                return "METHOD"
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
        verbs = list(self.intro.finditer(text)) + list(self.intro_gerund.finditer(text))
        for implied in self.intro_implied.finditer(text):
            # "we challenge X and propose Y", "we use this to develop Y": the subject came before.
            sentence_start = max(text.rfind(". ", 0, implied.start()), text.rfind("\n", 0, implied.start())) + 1
            if re.search(r"\b(?:we|this (?:\w+ )?(?:paper|work|study))\b", text[sentence_start:implied.start()], re.IGNORECASE):
                verbs.append(implied)
        for verb in verbs:
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
            if names and word == "(":
                # "X (SHORT) and Y": skip the short form of the name just found.
                close = next((k for k in range(i + 1, min(len(words), i + 6)) if words[k][2] == ")"), None)
                if close is None:
                    break
                i = close + 1
                continue
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
            if lower in self.gap_stops or (i == 0 and lower.endswith("ing") and word.islower()):
                # "we propose to ...", "we propose expanding ...": an action, not a name.
                break
            hit = self._name_at(words, i, -1)
            if hit is not None:
                span = self._span(words, i, hit)
                name = words[i][3][span[0] - words[i][4]:span[1] - words[i][4]]
                article = any(w[2].lower() in ("a", "an", "the") for w in words[:i])
                if article and concept_key(name) in self.known_keys:
                    break  # "construct an auxiliary Transformer": an instance of a known method
                names.append(span)
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
            # "we name the algorithm X", "called our method X": skip the description.
            k = 0
            while k < len(words) and k < 3 and (
                words[k][2].lower() in ("the", "our", "this", "it", "a", "an", "new", "novel")
                or words[k][2].lower() in self.method_heads
                or words[k][2].lower() in self.model_heads
            ):
                k += 1
            if 0 < k < len(words) and words[k - 1][2].lower() in self.method_heads | self.model_heads:
                words = words[k:]
            # "we term such module as learngene", "we dub our method as X": the name follows "as".
            as_index = next((k for k, w in enumerate(words[:5]) if w[2].lower() == "as"), None)
            if as_index is not None and as_index + 1 < len(words):
                words = words[as_index + 1:]
            if not words:
                continue
            hit = self._name_at(words, 0, -1)
            if hit is not None:
                found.append(self._span(words, 0, hit))
                continue
            # A lowercase coined phrase: up to five words before a delimiter.
            j = 0
            while j < len(words) and j < 4 and words[j][2][0].isalnum() and words[j][2].lower() not in (
                "that", "which", "to", "for", "is", "are", "and", "with", "in", "on", "by", "where", "as"
            ):
                j += 1
            if 0 < j <= 3:
                found.append((words[0][0], words[j - 1][1]))
        return found

    def own_work_names(self, text):
        """Names right after "our method", "our framework", ...: [(start, end)]."""
        found = []
        for match in self.own_work.finditer(text):
            words = _words(text[match.end():match.end() + 80], match.end())
            if words and is_coined_word(words[0][2]):
                hit = self._name_at(words, 0, -1)
                if hit is not None:
                    found.append(self._span(words, 0, hit))
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

    def owned_definitions(self, text, pairs):
        """Abbreviations the paper defines for its own contribution: the defining sentence says
        "we propose", "our" or "this paper introduces" before the long form, with nothing between
        that relates it to earlier work ("than", "based on", ...), and neither form is a known
        method."""
        found = []
        for long_start, long_end, short_start, short_end in pairs:
            long, short = text[long_start:long_end], text[short_start:short_end]
            if (
                len(long.split()) >= 2
                and len(short) >= 2
                and is_coined_word(short)
                and any(ch.isupper() for ch in long)
                and concept_key(long) not in self.known_keys
                and concept_key(short) not in self.known_keys
                and short.lower() not in self.not_names
                and self._introduced_before(text, min(long_start, short_start))
            ):
                found.append((long_start, long_end))
        return found

    def _introduced_before(self, text, position):
        """True when the sentence holding ``position`` introduces something of the paper's own
        ("we propose", "our", "this paper presents") before it, and nothing after that relates it
        to other work."""
        sentence_start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1
        before = text[sentence_start:position]
        claims = [m.end() for m in self.intro.finditer(before)] + [m.end() for m in self.intro_gerund.finditer(before)]
        claims += [m.end() for m in self.intro_implied.finditer(before) if re.search(r"\bwe\b", before[: m.start()], re.IGNORECASE)]
        claims += [m.end() for m in re.finditer(r"\bour\b", before, re.IGNORECASE)]
        if not claims:
            return False
        gap = before[max(claims):].lower()
        return not re.search(self.relation_words, gap)

    def proposals(self, text, pairs=()):
        """Every proposed name in ``text``: sorted (start, end, label), overlaps removed.

        ``pairs`` are the document's abbreviation definitions (long start, long end, short start,
        short end).
        """
        spans = (
            self.title_prefix(text)
            + self.introduced(text)
            + self.named(text)
            + self.appositions(text)
            + self.own_work_names(text)
            + self.owned_definitions(text, pairs)
        )
        chosen = []
        for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
            if chosen and start < chosen[-1][1]:
                continue
            name = text[start:end]
            base = name[:-1] if name.endswith("s") and name[-2:-1].isupper() else name
            if len(name) < 2 or name.lower() in self.generic_prefixes or base.lower() in self.not_names:
                continue
            if "\n" in name:
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
        known = [e.key for e in read_entries(DATA_DIR / "methods.jsonl")]
        self.rules = ProposalRules(
            cues, read_list(DATA_DIR / "benchmark_cues.txt"), read_list(DATA_DIR / "not_methods.txt"), known
        )

    def __call__(self, doc):
        spans = []
        for start, end, label in self.rules.proposals(doc.text, doc._.abbreviations or ()):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("graphbuild_proposed", default_config={"spans_key": "proposed"})
def make_proposal_finder(nlp, name, spans_key):
    return ProposalFinder(name, spans_key)
