"""Proposed names: what the paper itself introduces.

Four phrasings name a paper's own contribution:

- a title prefix that is a name: "LADDER: ...", "Dualformer: ...", "Mobile-R1: ..." (not "Survey:");
- an introducing verb followed closely by a name: "we propose ControlNet++", "this paper
  introduces a framework, LADDER, ...", "we present Hierarchical Diffuser, a ...";
- a naming verb: "a method called X", "dubbed X", "which we term X";
- an apposition of novelty: "X, a novel framework ...".

Each proposal becomes a finding in ``doc._.proposed`` labelled BENCHMARK, MODEL or METHOD from
the words around it ("a new benchmark", "a 7B language model", "a framework"). The cue words are
data (``data/proposal_cues.json``, ``data/benchmark_cues.txt``).
"""

import bisect
import json
import re

from spacy.language import Language

from extractors.doc_values import get_value, set_value
from extractors.gazetteer import DATA_DIR, read_entries, read_list
from extractors.lexicon import CODED, INTRO, NAMING, NOVELTY, OWN, WE_NAMING, document_text, interesting_tokens
from extractors.methods import singular
from extractors.normalize import concept_key
from extractors.sections import title_end
from extractors.shapes import FUNCTION_WORDS, NAME_WORD, is_coined_word
from extractors.text_search import matches_at, occurrences
from extractors.token_reads import aligned

__all__ = ["ProposalFinder", "ProposalRules"]

_MARKS = "\"“”‘’'(),:;—–.!?"  # each a word of its own
_TOKEN = re.compile(rf"{NAME_WORD}|[{_MARKS}]")
# A clause ends at ". " (or ";", "!", "?" before a space or the end) or at a blank line. Written to
# start with one set of characters, which lets the expression engine skip ahead to the candidates
# instead of trying both alternatives at every position.
_CLAUSE_END = re.compile(r"[.;!?\n](?:(?<=[.;!?])(?=\s|$)|(?<=\n)\n)")
_ADVERBS = frozenset("also then further thus therefore here now first finally additionally next".split())
_WHOLE_WORD = re.compile(r"[^\s,;()]+")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_TITLE_LINKS = r"(?:For|In|Of|On|And|To|From|Via|With|Using|At|By|Through|Towards?|Under|Beyond|Without|Beats?)\b"
_CAPITALISED = rf"(?!{_TITLE_LINKS})[A-Z][\w\-+]*"
# "... with|using|via|through Title-Case Words" up to the title's end or its next small word.
_TITLE_TOOL = re.compile(
    rf"\s(?i:with|using|via|through)\s+(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,4}})(?=\s+(?:[a-z]|{_TITLE_LINKS})|\s*$|\s*[:?!,])",
    re.MULTILINE,
)
_TITLE_APPOSITION = re.compile(r"([^\W_][^\s,]*), (?:a|an) ")
_NAMED_NEXT = re.compile(r"\s*,?\s*(?:called|named|dubbed|termed)\s", re.IGNORECASE)
_WE_OR_THIS_PAPER = re.compile(r"\b(?:we|this (?:\w+ )?(?:paper|work|study))\b", re.IGNORECASE)
_WE_BEFORE = re.compile(r"\bwe\s+$", re.IGNORECASE)
_PRIOR_WORK = re.compile(r"\b(?:existing|popular|prior|previous|previously|conventional|standard|classical|traditional|widely|well-known|commonly|recently)\b", re.IGNORECASE)
_PROPOSE_VERBS = "propose|proposes|introduce|introduces|present|presents|develop|develops"
_PROPOSE_STEMS = ("propose", "introduce", "present", "develop")
_OPENING_QUOTES = "'\"“‘"
_QUOTED_HEAD = re.compile(r"['\"“‘](?P<name>[^'\"“”‘’]{3,40})['\"”’]\s+(?P<head>[a-z]+)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?$", re.IGNORECASE)
_APPOSITION_END = re.compile(r"(?:,\s*|\s)(?:is\s+)?(?:a|an)\s+$")
# The words after a proposed name up to its head noun: "X (SHORT), a simple yet effective method".
# "a multi-perspective course learning (MCL) method is proposed"
_PASSIVE_INTRO = re.compile(r"^[^,;]{0,60}?\b(?:is|are)\s+(?:(?:first|newly|hereby)\s+)?(?:proposed|introduced|presented|developed|devised)\b")
_HEAD_AFTER = re.compile(
    r"\s*(?:\([^()]*\))?\s*[,:]?\s*(?:(?:is|are)\s+)?(?:(?:a|an|the|our)\s+)?((?:[\w\-]+\s+){0,4}?)([\w\-]+)\b"
)
# Words that start a description rather than a name: "we propose a ...", "we introduce two ...".
_NOT_NAME_START = frozenset("a an the our this these those two three several new novel simple".split())
_DESCRIPTION_ENDS = frozenset("of to for that which with in on by , ;".split())
_CLAUSE_WORDS = frozenset("that which who to for is are was were with in on by as and or from into via".split())
_QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'"}
_CUES = INTRO | NAMING | WE_NAMING | NOVELTY | OWN
_LOWER_WORDS = re.compile(r"[a-z]+")
_NOT_NAMING = re.compile(r"so-$|\bnamed\s+entit")  # "so-called", "named entity"
_WE_OR_OUR = re.compile(r"\b(?:we|our)\b")
_WE = re.compile(r"\bwe\b", re.IGNORECASE)
_ARTICLE_AT_END = re.compile(r"\b(?:an?|two|three|\(\w\))\s*$")


def _sentence_start(text, position):
    """Where the sentence holding ``position`` starts (after ". " or a line break)."""
    return max(text.rfind(". ", 0, position), text.rfind("\n", 0, position)) + 1


def _words(text, start, end):
    """(start, end, word) for each word or punctuation mark of ``text[start:end]``; the offsets
    are offsets in ``text``.

    What ``_TOKEN.finditer`` finds, which never spans a space: a piece between spaces made of
    letters and digits only, most of them, is one word as it stands, and one with a single mark
    before or after it ("X,", "(X") is two; the expression is tried only on the rest ("(SHORT),",
    "Qwen2.5-7B", a piece holding a line break).
    """
    words = []
    at = start
    for piece in text[start:end].split(" "):
        size = len(piece)
        if not size:
            pass
        elif piece.isalnum():
            words.append((at, at + size, piece))
        elif size > 1 and piece[-1] in _MARKS and piece[:-1].isalnum():
            words.append((at, at + size - 1, piece[:-1]))
            words.append((at + size - 1, at + size, piece[-1]))
        elif size > 1 and piece[0] in _MARKS and piece[1:].isalnum():
            words.append((at, at + 1, piece[0]))
            words.append((at + 1, at + size, piece[1:]))
        else:
            words.extend((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, at, at + size))
        at += size + 1
    return words


class ProposalRules:
    """The compiled proposal phrasings for a set of cue words."""

    def __init__(self, cues, benchmark_cues, not_names=(), known_keys=(), known_model=lambda name: False):
        self.cues = cues
        self.not_names = {n.lower() for n in not_names}
        self.known_keys = set(known_keys)
        self.known_model = known_model
        self.relation = re.compile(r"\b(?:than|based on|builds? (?:on|upon)|extend(?:s|ing)?|following|like|such as|including|compared|versus|vs\.?|over|against|unlike|instead of|inspired by|existing|standard|classical|conventional|popular|prior|previous|baselines?|with)\b")
        self.benchmark_cues = {c.lower() for c in benchmark_cues}
        self.gap_stops = set(cues["gap_stop_words"])
        self.novelty = set(cues["novelty_words"])
        self.method_heads = set(cues["method_heads"])
        self.model_heads = set(cues["model_heads"])
        self.heads = self.method_heads | self.model_heads
        self.phenomena = re.compile(
            rf"\b(?:{'|'.join(sorted(map(re.escape, cues['phenomenon_words']), key=len, reverse=True))})\b"
        )
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
        self.intro_verbs = {v.lower() for v in cues["intro_verbs"]}
        self.reuse_verbs = {v.lower() for v in cues.get("reuse_verbs", ())}
        self.subject_set = {" ".join(v.lower().split()) for v in cues["intro_subjects"]}
        self.subject_words = max((len(v.split()) for v in self.subject_set), default=0)
        # The word right before an introducing verb whose subject is the paper: the last word of
        # a subject ("we", "this paper"), or an adverb between them ("we also propose").
        self.subject_ends = {v.split()[-1] for v in self.subject_set} | {"paper", "work", "study"} | _ADVERBS
        self.intro_gerunds = {v.lower() for v in cues["intro_gerunds"]}
        naming = "|".join(sorted(map(re.escape, cues["naming_verbs"]), key=len, reverse=True))
        self.naming = re.compile(rf"(?<![-\w])(?:{naming})\s+(?:it\s+|this\s+|them\s+)?(?:as\s+)?(?:the\s+)?", re.IGNORECASE)
        we_naming = "|".join(sorted(map(re.escape, cues["we_naming_verbs"]), key=len, reverse=True))
        self.we_naming = re.compile(rf"(?:{we_naming})\s+(?:it\s+|this\s+|them\s+)?(?:as\s+)?(?:the\s+)?", re.IGNORECASE)
        own = "|".join(sorted(map(re.escape, cues["own_work"]), key=len, reverse=True))
        self.own_work = re.compile(rf"\b(?:{own}),?\s+(?=[^\W_])", re.IGNORECASE)

    def _known(self, name):
        """A name the gazetteers know, in the singular too ("LSTMs"), or a model name."""
        return concept_key(name) in self.known_keys or concept_key(singular(name)) in self.known_keys or self.known_model(name)

    def _describes_a_thing(self, text):
        """Whether ``text`` holds a head noun or a novelty word: "a novel regularizer, namely",
        "a method called"."""
        return any(w in self.heads or w in self.novelty for w in _LOWER_WORDS.findall(text))

    # -- name shapes ---------------------------------------------------------------------------

    def _name_at(self, text, words, i, sentence_start):
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
            if words[j + 1][0] - words[j][1] > 1 and "\n" in text[words[j][1]:words[j + 1][0]]:
                break
            if nxt[0].isalnum() and (nxt[0].isupper() or is_coined_word(nxt)) and nxt not in self.sentence_words:
                j += 1
            elif (
                nxt.lower() in FUNCTION_WORDS
                and j + 2 < len(words)
                and words[j + 2][2][0].isupper()
                and nxt.lower() not in ("and", "or", "a", "an", "the", "on", "in", "with", "for", "as", "at", "by")
                and not (j == i and is_coined_word(word))  # "Light-R1-32B from Qwen2.5" is two names
                and "\n" not in text[words[j][1]:words[j + 2][0]]
            ):
                j += 2
            else:
                break
        if j == i and not is_coined_word(word) and i == sentence_start:
            return None
        return j, "name"

    def _head_label(self, word):
        if word in self.benchmark_cues:
            return "BENCHMARK"
        if word in self.model_heads:
            return "MODEL"
        if word in self.method_heads:
            return "METHOD"
        return None

    def _label(self, text, start, end):
        """BENCHMARK, MODEL or METHOD from the head noun next to the proposed name at
        [start, end): "X, a new benchmark", "the X dataset", "a 7B language model, X", or a
        title's "X: A Large-Scale Benchmark for ..."; METHOD when nothing says otherwise."""
        if start == 0 and text.startswith(": ", end):
            # The title says what its name is, in a noun phrase of up to five words after the
            # colon ("A Large-Scale Benchmark for ..."; not "Generating Environments for ...").
            for k, word in enumerate(text[end + 2:title_end(text)].lower().split()[:5]):
                label = self._head_label(word)
                if label is not None:
                    return label
                if (k and word in FUNCTION_WORDS) or word.endswith("ing"):
                    break
        after = _HEAD_AFTER.match(text, end, min(len(text), end + 120))
        heads = []
        if after:
            heads.append(after.group(2).lower())
            heads.extend(w.lower() for w in after.group(1).split())
        before = text[max(0, start - 40):start].replace(",", " ").split()
        while before and before[-1].lower() in ("called", "named", "dubbed", "termed", "namely", "the", ":"):
            before.pop()
        if before:
            heads.append(before[-1].lower())
        for head in heads:
            label = self._head_label(head)
            if label is not None:
                return label
        return "METHOD"

    # -- phrasings -----------------------------------------------------------------------------

    def title_prefix(self, text):
        """The name before the title's colon, when it is one: [(start, end)]."""
        end_of_title = title_end(text)
        title = text[:end_of_title]
        colon = title.find(": ")
        if colon <= 0:
            # "MeLM, a generative pretrained language modeling framework that ...": a title that
            # is an apposition names its subject.
            apposition = _TITLE_APPOSITION.match(title)
            if apposition and (is_coined_word(apposition.group(1)) or apposition.group(1)[0].isupper()):
                return [apposition.span(1)]
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
            # A title-case phrase is a name only when the abstract uses it as one, or uses its
            # initials as a name ("Language Control Diffusion" and "(LCD)").
            initials = "".join(w[0] for w in words if w[0].isupper())
            accepted = all(w[0].isupper() or w.lower() in FUNCTION_WORDS or not w[0].isalpha() for w in words) and (
                prefix in abstract
                or re.search(rf"{re.escape(prefix)}\s*\(", abstract, re.IGNORECASE) is not None
                or (len(initials) >= 3 and re.search(rf"\({re.escape(initials)}s?\)", abstract) is not None)
            )
        return [(0, len(prefix))] if accepted else []

    def _subject_precedes(self, text, start):
        """True when "we", "this paper", "this work", ... (and at most two adverbs) come right
        before ``start``."""
        if text.endswith(("we ", "We "), max(0, start - 3), start) and (start < 4 or not text[start - 4].isalnum()):
            return True  # the common case, decided without splitting words
        words = text[max(0, start - 60):start].lower().split()[-5:]
        for _ in range(2):
            if words and (words[-1].endswith("ly") or words[-1] in _ADVERBS):
                words.pop()
        if any(" ".join(words[k:]) in self.subject_set for k in range(max(0, len(words) - self.subject_words), len(words))):
            return True
        return len(words) >= 3 and words[-3] == "this" and words[-1] in ("paper", "work", "study")

    def _introduces(self, text, start, word):
        """True when the introducing word at ``start`` has the paper as its subject: "we
        propose", "this paper introduces", "by proposing", "we challenge X and propose"."""
        lower = word.lower()
        before = text[max(0, start - 12):start].lower().split()
        if lower in self.intro_gerunds:
            return bool(before) and before[-1] == "by"
        if lower not in self.intro_verbs:
            return False
        # The cheap test first: "the proposed method", "is presented" have no subject before.
        if before and (before[-1] in self.subject_ends or before[-1].endswith("ly")) and self._subject_precedes(text, start):
            return True
        if before and (before[-1] in ("and", "to", "then") or (len(before) > 1 and before[-2] in ("and", "to", "then") and before[-1] in ("also", "further"))):
            sentence_start = _sentence_start(text, start)
            return _WE_OR_THIS_PAPER.search(text, sentence_start, start) is not None
        return False

    def introduced(self, text, triggers):
        """Names right after an introducing verb: [(start, end)]."""
        found = []
        for start, end, word in triggers:
            if not self._introduces(text, start, word):
                continue
            clause_end = _CLAUSE_END.search(text, end, end + 110)  # a name comes within ~12 words
            stop = clause_end.start() if clause_end else min(len(text), end + 110)
            words = _words(text, end, stop)
            # "we train GRUs", "we build on LLaMA": after a verb that also takes existing things,
            # a known name is not the paper's own.
            reused = word.lower() in self.reuse_verbs
            found.extend(self._scan_for_names(text, words, reused=reused) or self._lowercase_apposition(words))
        return found

    def _lowercase_apposition(self, words):
        """A lowercase name the paper introduces and describes at once: "we introduce diff
        history, a simple and highly effective solution": one to three lowercase words right
        after the verb, then ", a" and, within six words, a head noun: [(start, end)] or []."""
        k = 0
        while k < min(3, len(words)) and words[k][2].isalpha() and words[k][2].islower() and words[k][2] not in _NOT_NAME_START and words[k][2] not in self.gap_stops:
            k += 1
        if not 0 < k < len(words) - 2 or words[k][2] != "," or words[k + 1][2] not in ("a", "an"):
            return []
        for _, _, word in words[k + 2:k + 8]:
            if word.lower() in self.heads:
                break
            if word in _DESCRIPTION_ENDS:
                return []  # "metaheuristics, a branch of ... methods": the head is another thing
        else:
            return []
        phrase = " ".join(w[2] for w in words[:k])
        if k == 1 and phrase.endswith("s"):
            return []  # a single plural word names a kind of thing, not a contribution
        if concept_key(phrase) in self.known_keys or phrase in self.not_names or phrase.rstrip("s") in self.not_names:
            return []
        return [(words[0][0], words[k - 1][1])]

    def _scan_for_names(self, text, words, max_gap=12, reused=False):
        names = []
        i = 0
        gap = 0
        after_names = 0  # index of the word right after the last name found
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
                    hit = self._name_at(text, words, i, -1)
                    if hit is None:
                        break
                    names.append(self._span(words, i, hit))
                    i = after_names = hit[0] + 1
                continue
            if names:
                break
            if lower in self.gap_stops or (i == 0 and lower.endswith("ing") and word.islower()):
                # "we propose to ...", "we propose expanding ...": an action, not a name.
                break
            hit = self._name_at(text, words, i, -1)
            if hit is not None and hit[0] == i and words[i][2].lower() in self.not_names:
                hit = None  # "a search-based offline IL method": a generic acronym on the way
            if (
                hit is not None
                and hit[0] == i
                and hit[1] == "name"
                and not is_coined_word(words[i][2])
                and i + 1 < len(words)
                and words[i + 1][2].lower() in self.heads
                and any(w[2].lower() in ("a", "an") for w in words[:i])
            ):
                break  # "a hierarchical Bayesian framework": a capitalised adjective, not a name
            if hit is not None:
                span = self._span(words, i, hit)
                name = text[span[0]:span[1]]
                article = any(w[2].lower() in ("a", "an", "the") for w in words[:i])
                if (article or reused) and self._known(name):
                    break  # "construct an auxiliary Transformer": an instance of a known method
                names.append(span)
                i = after_names = hit[0] + 1
                continue
            i += 1
            gap += 1
        # "we release the X and Y distilled datasets": the names modify a noun; they are not it.
        i = after_names
        if names and i + 1 < len(words) and words[i][2].islower() and words[i][2] not in _CLAUSE_WORDS:
            head = words[i + 1][2].lower()
            if head in self.benchmark_cues or head in self.heads:
                return []
        return names

    @staticmethod
    def _span(words, i, hit):
        end_index, kind = hit
        if kind == "quoted":
            return words[i + 1][0], words[end_index - 1][1]
        return words[i][0], words[end_index][1]

    def named(self, text, naming_triggers, we_naming_triggers):
        """Names after "called", "dubbed", "which we term", ...: [(start, end)]."""
        found = []
        verbs = [self.naming.match(text, start) for start, _, _ in naming_triggers]
        verbs += [
            self.we_naming.match(text, start)
            for start, _, _ in we_naming_triggers
            if _WE_BEFORE.search(text[max(0, start - 8):start])
        ]
        for verb in verbs:
            if verb is None:
                continue
            before = text[max(0, verb.start() - 60):verb.start()].lower()
            if _NOT_NAMING.search(text[max(0, verb.start() - 3):verb.end() + 7].lower()):
                continue
            if self.phenomena.search(before):
                continue
            sentence = text[_sentence_start(text, verb.start()):verb.start()]
            if _PRIOR_WORK.search(sentence) and not _WE_OR_THIS_PAPER.search(sentence):
                continue  # "Recently, a new paradigm was presented, called X": someone else's
            if verb.group().lower().startswith("namely") and not self._describes_a_thing(before[-30:]):
                continue  # "(namely overthinking)" clarifies; "a novel regularizer, namely X" names
            clause_end = _CLAUSE_END.search(text, verb.end(), verb.end() + 110)
            stop = clause_end.start() if clause_end else min(len(text), verb.end() + 110)
            words = _words(text, verb.end(), stop)
            # "we name the algorithm X", "called our method X": skip the description.
            k = 0
            while k < len(words) and k < 3 and (
                words[k][2].lower() in ("the", "our", "this", "it", "a", "an", "new", "novel")
                or words[k][2].lower() in self.heads
            ):
                k += 1
            if 0 < k < len(words) and words[k - 1][2].lower() in self.heads:
                words = words[k:]
            # "we term such module as learngene", "we dub our method as X": the name follows "as".
            as_index = next((k for k, w in enumerate(words[:5]) if w[2].lower() == "as"), None)
            if as_index is not None and as_index + 1 < len(words):
                words = words[as_index + 1:]
            if not words:
                continue
            hit = self._name_at(text, words, 0, -1)
            if hit is not None:
                found.append(self._span(words, 0, hit))
                continue
            # A lowercase coined phrase: up to five words before a delimiter.
            j = 0
            while j < len(words) and j < 4 and words[j][2][0].isalnum() and words[j][2].lower() not in (
                "that", "which", "to", "for", "is", "are", "and", "with", "in", "on", "by", "where", "as"
            ):
                j += 1
            # Only as the name of something the paper makes or claims: "a method called ...",
            # "which we call ...", not "a point in the process, called prediction level".
            said_by_us = _WE_OR_OUR.search(before) is not None
            if 0 < j <= 3 and (said_by_us or self._describes_a_thing(before[-40:])):
                found.append((words[0][0], words[j - 1][1]))
        return found

    def novel_noun_phrases(self, text, triggers):
        """Names inside or after a novel noun phrase: "a novel deterministic Q-exit criterion",
        "a new theory-inspired approach, StepNet", "a simple yet effective 'thought dropout'
        operation": [(start, end)]."""
        found = []
        for start, end, _ in triggers:
            if not _ARTICLE_BEFORE.search(text, max(0, start - 16), start):
                continue  # "a novel ...", "the first ...": only an article starts such a phrase
            words = _words(text, end, min(len(text), end + 60))[:7]
            for i, (w_start, w_end, word) in enumerate(words):
                if word in (".", ";") or word.lower() in self.gap_stops:
                    break
                if word in _QUOTES:
                    hit = self._name_at(text, words, i, -1)
                    if hit is not None and hit[0] + 1 < len(words) and words[hit[0] + 1][2].lower() in self.method_heads:
                        found.append(self._span(words, i, hit))
                    break
                if is_coined_word(word) and word.lower() not in self.not_names and concept_key(word) not in self.known_keys:
                    following = words[i + 1][2].lower() if i + 1 < len(words) else ""
                    if following in self.heads:
                        found.append((w_start, w_end))
                    break
                if word.lower() in self.method_heads and i + 2 < len(words) and words[i + 1][2] == ",":
                    hit = self._name_at(text, words, i + 2, -1)
                    if hit is not None and is_coined_word(words[i + 2][2]):
                        found.append(self._span(words, i + 2, hit))
                    break
        return found

    def headed_names(self, text, triggers, claim_starts):
        """A coined, unknown name next to a head noun of the paper's own: after "the 32B model,"
        or "our framework,", or as in "to obtain the D-PPO variant" in a sentence where the paper
        speaks of its own work: [(start, end)]."""
        found = []
        seen = set()
        for token_start, _, _ in triggers:
            # The whole word: the tokenizer cuts "Light-R1-32B-DS" and "D-PPO" at hyphens.
            if token_start and text[token_start - 1] in " (":
                start = token_start  # the common case, without searching back
            else:
                start = max(text.rfind(" ", 0, token_start), text.rfind("(", 0, token_start)) + 1
            if start in seen or start < 2 or text[start - 1] != " ":
                continue  # both tests below need a space before the word
            seen.add(start)
            after_comma = text[start - 2] == ","
            after_article = start >= 4 and text[start - 4:start].lower() in ("the ", "our ")
            if not (after_comma or after_article):
                continue  # the cheap test first: most coined words are neither
            whole = _WHOLE_WORD.match(text, start)
            word = whole.group().rstrip(".,;:") if whole else ""
            bold = 2 if word.startswith(("**", "__")) and word.endswith(word[:2]) and len(word) > 4 else 0
            word = word[bold:len(word) - bold]  # Markdown bold: "our **LeaP-T** model"
            end = start + bold + len(word)
            if after_comma:
                before = text[max(0, start - 50):start - 2].lower().split()[-4:]
                named = (
                    bool(before)
                    and before[-1] in self.heads
                    and any(w in ("the", "our") for w in before[:-1])
                    and not any(w in self.gap_stops for w in before[:-1])  # "the standard models, CBMs"
                )
            else:
                following = _NEXT_WORD.match(text, end + bold, min(len(text), end + 24))
                # "our X model" claims X outright, "the X variant" needs a sentence that does; either
                # introduces X only where it first appears ("adapting the BC policy" does not).
                named = (
                    bool(following)
                    and following.group(1).lower() in self.heads
                    and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text[:start]) is None
                    and (text[start - 4:start].lower() == "our " or self._introduced_before(text, start, claim_starts, names_between=True))
                )
            if (
                named
                and is_coined_word(word)
                and word.lower() not in self.not_names
                and concept_key(word) not in self.known_keys
                and not self.known_model(word)
            ):
                found.append((start + bold, end))
        return found

    def quoted_names(self, text, claim_starts):
        """A quoted name followed by a head noun, in a sentence about the paper's own work:
        "a simple yet effective 'thought dropout' operation": [(start, end)]."""
        found = []
        for match in matches_at(_QUOTED_HEAD, text, occurrences(text, _OPENING_QUOTES)):
            if match.group("head").lower() in self.method_heads and self._introduced_before(text, match.start(), claim_starts, names_between=True):
                found.append(match.span("name"))
        return found

    def own_work_names(self, text, triggers):
        """Names right after "our method", "our framework", ...: [(start, end)]."""
        found = []
        for start, _, _ in triggers:
            match = self.own_work.match(text, start)
            if match is None:
                continue
            words = _words(text, match.end(), min(len(text), match.end() + 80))
            if words and is_coined_word(words[0][2]):
                hit = self._name_at(text, words, 0, -1)
                if hit is not None:
                    found.append(self._span(words, 0, hit))
        return found

    def appositions(self, text, triggers, pairs=()):
        """Names in "X, a novel ..." appositions, and in "LONG (SHORT), a novel ...", where the
        defined long form is the name: [(start, end)]."""
        found = []
        defined_before = {short_end + 1: (long_start, long_end) for long_start, long_end, _, short_end in pairs}
        for start, _, _ in triggers:
            article = _APPOSITION_END.search(text, max(0, start - 8), start)
            if not article:
                continue  # "novel" without ", a" before it: not an apposition
            long_form = defined_before.get(article.start())
            if long_form is not None and text[article.start() - 1] == ")":
                found.append(long_form)
                continue
            words = _words(text, max(0, article.start() - 70), article.start())
            # The trailing run of words that is a name ("Finally, ControlNet++" -> "ControlNet++").
            for i in range(max(0, len(words) - 6), len(words)):
                # A capitalised word that starts a sentence ("Recently, a new ...") is no name.
                first = i == 0 or not text[_sentence_start(text, words[i][0]):words[i][0]].strip()
                hit = self._name_at(text, words, i, i if first else -1)
                if hit is not None and hit[0] == len(words) - 1:
                    found.append(self._span(words, i, hit))
                    break
        return found

    def owned_definitions(self, text, pairs, claim_starts):
        """Abbreviations the paper defines for its own contribution: the defining sentence says
        "we propose", "our" or "this paper introduces" before the long form, with nothing between
        that relates it to earlier work ("than", "based on", ...), and neither form is a known
        method."""
        found = []
        for long_start, long_end, short_start, short_end in pairs:
            long_form, short_form = text[long_start:long_end], text[short_start:short_end]
            if (
                len(long_form.split()) >= 2
                and len(short_form) >= 2
                and is_coined_word(short_form)
                and concept_key(long_form) not in self.known_keys
                and concept_key(short_form) not in self.known_keys
                and short_form.lower() not in self.not_names
                and not text.endswith(" for ", 0, long_start)  # "a framework for <task> (SHORT)"
                and self._introduced_before(text, min(long_start, short_start), claim_starts)
            ):
                found.append((long_start, long_end))
        return found

    def title_tools(self, text, pairs):
        """The capitalised phrase a title ends on after "with", "using", "via" or "through"
        ("Controllable Text Generation with Neurally-Decomposed Oracle"), when the abstract
        defines it with an abbreviation or says it proposes it ("we propose an adaptive
        gradient modulation method"): the paper names its own tool in its title."""
        end_of_title = title_end(text)
        match = _TITLE_TOOL.search(text, 0, end_of_title)
        if match is None:
            return []
        phrase = match.group("name")
        key = concept_key(phrase)
        if key in self.known_keys or phrase.lower() in self.not_names or phrase.lower().rstrip("s") in self.not_names:
            return []
        for long_start, long_end, short_start, short_end in pairs:
            short_form = text[short_start:short_end]
            if long_start >= end_of_title and concept_key(text[long_start:long_end]) == key:
                sentence_start = _sentence_start(text, long_start)
                sentence_end = _CLAUSE_END.search(text, short_end)
                sentence = text[sentence_start:sentence_end.start() if sentence_end else len(text)]
                if short_form.lower() in self.not_names or concept_key(short_form) in self.known_keys or _PRIOR_WORK.search(sentence):
                    return []
                return [(long_start, long_end)]
        abstract = text[end_of_title:]
        lowered = abstract.lower()
        if phrase.lower() not in lowered:
            return []  # the cheap test first: the abstract has to say the phrase at all
        proposing = re.compile(rf"\b(?:{_PROPOSE_VERBS})\s+(?:an?\s+|the\s+|our\s+)?(?:[a-z]+\s+){{0,2}}{re.escape(phrase)}\b", re.IGNORECASE)
        if abstract.isascii():
            # A match starts where one of the verbs does: try only there, not at every position.
            said = next(matches_at(proposing, abstract, occurrences(lowered, _PROPOSE_STEMS)), None)
        else:
            said = proposing.search(abstract)  # lowercasing beyond ASCII can move offsets
        if said and _NAMED_NEXT.match(abstract, said.end()):
            return []  # "we propose an uncertainty-aware reward modeling, called Ctrl-U": the name is Ctrl-U
        return [(match.start("name"), match.end("name"))] if said else []

    def _introduced_before(self, text, position, claim_starts, names_between=False):
        """True when the sentence holding ``position`` introduces something of the paper's own
        ("we propose", "our method", "this paper presents") before it, with nothing after that
        relating it to other work, or says so after it in the passive ("... (MCL) method is
        proposed").

        ``claim_starts``, the sorted offsets of the document's introducing verbs and "our", spare
        the expressions a sentence that holds none of them: every claim needs one.
        """
        sentence_start = _sentence_start(text, position)
        sentence_end = _CLAUSE_END.search(text, position)
        after = text[position:sentence_end.start() if sentence_end else len(text)]
        if _PASSIVE_INTRO.search(after[:120]):
            return True
        first = bisect.bisect_left(claim_starts, sentence_start)
        if first == len(claim_starts) or claim_starts[first] >= position:
            return False
        before = text[sentence_start:position]
        claims = [m.end() for m in self.intro.finditer(before)] + [m.end() for m in self.intro_gerund.finditer(before)]
        claims += [m.end() for m in self.intro_implied.finditer(before) if _WE.search(before, 0, m.start())]
        claims += [m.end() for m in self.own_work.finditer(before)]
        if not claims:
            return False
        gap = before[max(claims):]
        if not names_between and any(is_coined_word(w.strip(",;:()")) for w in gap.split()) and not _ARTICLE_AT_END.search(gap):
            # "we propose ControlVAR, ... in visual autoregressive (VAR) modeling" names earlier
            # work; "we propose EchoVideo, which employs (1) an Identity ... Module (IITF)" does not.
            return False
        return not self.relation.search(gap.lower())

    def proposals(self, text, pairs=(), tokens=()):
        """Every proposed name in ``text``: sorted (start, end, label), overlaps removed.

        ``pairs`` are the document's abbreviation definitions (long start, long end, short start,
        short end); ``tokens`` its interesting tokens (index, start, end, text, classes), whose
        introducing verbs, naming verbs, novelty words and "our" trigger the phrasings.
        """
        coded = [(start, end, word) for _, start, end, word, c in tokens if c & CODED]
        rare = [t for t in tokens if t[4] & _CUES]  # the rare classes, tested together
        claim_starts = [t[1] for t in rare if t[4] & (INTRO | OWN)]
        intro, naming, we_naming, novelty, own = (
            [(start, end, word) for _, start, end, word, c in rare if c & bit] if rare else []
            for bit in (INTRO, NAMING, WE_NAMING, NOVELTY, OWN)
        )

        spans = (
            self.title_prefix(text)
            + self.introduced(text, intro)
            + self.named(text, naming, we_naming)
            + self.appositions(text, novelty, pairs)
            + self.novel_noun_phrases(text, novelty)
            + self.own_work_names(text, own)
            + self.headed_names(text, coded, claim_starts)
            + self.quoted_names(text, claim_starts)
            + self.owned_definitions(text, pairs, claim_starts)
            + self.title_tools(text, pairs)
        )
        chosen = []
        for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
            if chosen and start < chosen[-1][1]:
                continue
            name = text[start:end]
            base = name[:-1] if name.endswith("s") and name[-2:-1].isupper() else name
            if len(name) < 2 or name.lower() in self.generic_prefixes or base.lower() in self.not_names:
                continue
            if "\n" in name or "=" in name:
                continue  # across a line break, or an equation ("R=-a*e^H+b")
            chosen.append((start, end, self._label(text, start, end)))
        return chosen


class ProposalFinder:
    """spaCy component: adds proposed names to ``doc._.proposed``, spanning whole tokens."""

    def __init__(self, name="graphbuild_proposed", key="proposed"):
        self.name = name
        self.key = key
        self.rules = None

    def initialize(self, get_examples=None, *, nlp=None, extra_files=()):
        cues = json.loads((DATA_DIR / "proposal_cues.json").read_text(encoding="utf-8"))
        # Every name the gazetteers know, canonical or alias: "a novel RLHF algorithm" is not RLHF.
        known = [
            key
            for file in ("methods.jsonl", "models.jsonl", "benchmarks.jsonl")
            for e in read_entries(DATA_DIR / file)
            for key in (e.key, concept_key(e.pattern))
        ]
        grammar = nlp.get_pipe("graphbuild_models").grammar if nlp is not None and nlp.has_pipe("graphbuild_models") else None
        self.rules = ProposalRules(
            cues,
            read_list(DATA_DIR / "benchmark_cues.txt"),
            read_list(DATA_DIR / "not_methods.txt"),
            known,
            known_model=(lambda name: grammar.pattern.fullmatch(name) is not None) if grammar else (lambda name: False),
        )

    def __call__(self, doc):
        proposed = []
        tokens = interesting_tokens(doc, _CUES | CODED)
        for start, end, label in self.rules.proposals(document_text(doc), get_value(doc, "abbreviations") or (), tokens):
            offsets = aligned(doc, start, end, "expand")
            if offsets is not None:
                proposed.append((*offsets, label, ""))
        set_value(doc, self.key, proposed)
        return doc


@Language.factory("graphbuild_proposed", default_config={"key": "proposed"})
def make_proposal_finder(nlp, name, key):
    return ProposalFinder(name, key)
