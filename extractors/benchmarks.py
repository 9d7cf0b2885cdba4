"""Benchmarks by phrasing: names the gazetteer does not know, recognised by how they are cited.

"on the WebShop benchmark", "the MIT Integration Bee dataset", "benchmarks such as AIME2024,
AIME2025 and MATH500", "on GSM8K and MATH benchmarks", "exceed 81 in SciWorld", "experiments on
WordSim-353 and SimLex-999", "T3Bench": a capitalised or coined name next to a benchmark cue word
(``data/benchmark_cues.txt``) or after a reported number, a coined one after "on" that follows an
evaluation word (``data/evaluation_words.txt``), and a coined name ending in "Bench".
Known benchmarks are found by the gazetteer component (which also extends a known name by a
following year, "iNat 2019"); this one adds the rest to the same findings, ``doc._.benchmarks``.
"""

import re

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.doc_values import add_findings, findings
from extractors.lexicon import BENCH_CUE, EVALUATION, NUMBER, document_text, interesting_tokens
from extractors.sections import title_end
from extractors.shapes import AT_METRIC, LANGUAGES, is_coined_word
from extractors.text_search import continues_word, matches_at, occurrences
from extractors.token_reads import aligned

__all__ = ["BenchmarkPhrasing", "BenchmarkRules", "named_a_bench"]

# A word that can be part of a benchmark name: capitalised, a number, or camel case (miniImageNet).
_NAMEISH = r"(?:[A-Z0-9]|[a-z]+[A-Z])[\w\-+.^'’*&/]*[\w+*]|[A-Z]"
_MEASURE = re.compile(r"[-+]?\d+(?:\.\d+)?%?$")  # a number on its own, where a name would start
_LEADING_NON_NAMES = frozenset("the on in for across both we our a an and or to at of with".split())
_LIST_WORDS = r"(?:such\s+as|including|like|e\.g\.,?|namely|i\.e\.,?|:)"
# "the Learning to Rank Challenge": the capitalised words before a cue are the end of a longer
# title-case name, and "Rank" is no benchmark.
_INSIDE_A_LONGER_NAME = re.compile(r"\b[A-Z][a-z]+[ \t]+(?:to|of|for)[ \t]+$")
_NAMED_A_BENCH = re.compile(r"[A-Z0-9][\w.+]*?-?[Bb]ench(?:-[A-Za-z0-9][\w.]*)?")  # "MT-Bench", "T3Bench", "SWE-bench-Lite"
_NAME_CHARACTERS = frozenset("-.+_")
_LONGEST_BENCH = 40  # characters each side of "ench" that a name may take
_JOINED = re.compile(r"\s(?:and|or)\s")  # a list's last item comes after "and" or "or"
MENTIONED = 32  # names looked for again elsewhere in a text; an abstract names far fewer
# Where an "on A, B and C" list can start ("tasks from A, B and C", "results in A and B" too);
# "in" and "from" looked for with their spaces, as "in" is inside many words.
_ENUMERATION_WORDS = ("on", "across", "over", "including", "such", "(")
_SPACED_ENUMERATION_WORDS = (" in ", " from ")
_OPENING_WORDS = ("On ", "Across ")  # a sentence that opens with where it reports
_SENTENCE_ENDS = (". ", "! ", "? ")
_LANGUAGE_NAMES = frozenset(LANGUAGES)


def named_a_bench(text):
    """(start, end) of each coined name ending in "Bench" ("MT-Bench", "T3Bench", "Spec-Bench"):
    named as a benchmark, wherever it stands. Found from each "ench" not followed by "mark", so
    an abstract costs a few substring searches.

    >>> text = "On Spec-Bench, T3Bench-Pro and the benchmark, a Workbench and a bench."
    >>> [text[s:e] for s, e in named_a_bench(text)]
    ['Spec-Bench', 'T3Bench-Pro']
    """
    found = []
    at = text.find("ench", 1)
    while at >= 0:
        if text[at - 1] in "Bb" and not text.startswith("mark", at + 4):
            start, end = at - 1, at + 4
            while start > max(0, at - _LONGEST_BENCH) and (text[start - 1].isalnum() or text[start - 1] in _NAME_CHARACTERS):
                start -= 1
            while end < min(len(text), at + _LONGEST_BENCH) and (text[end].isalnum() or text[end] in _NAME_CHARACTERS):
                end += 1
            while end > start and text[end - 1] in _NAME_CHARACTERS:
                end -= 1  # "MT-Bench." ends a sentence
            name = text[start:end]
            if _NAMED_A_BENCH.fullmatch(name) and ("-" in name or is_coined_word(name)):
                found.append((start, end))  # not "Workbench"
        at = text.find("ench", at + 4)
    return found


class BenchmarkRules:
    """The phrasings as regular expressions, applied around cue words and numbers."""

    def __init__(self, not_names):
        self.not_names = {n.lower() for n in not_names}
        # A name: one to four words, each capitalised, coined or a number, e.g. "MIT Integration Bee".
        name = rf"(?:{_NAMEISH})(?:[ \t](?:{_NAMEISH})){{0,3}}"
        name_list = rf"{name}(?:\s*,\s*{name}){{0,12}}(?:\s*,?\s*(?:and|or)\s+{name})?"
        # "the X benchmark" / "X and Y benchmarks": the names just before a cue word.
        # "GigaScience (3-class) and BCI-IV-2a (4-class) datasets": a short note in brackets may
        # follow each name of the list (not a short form: "Android-in-the-Wild (AitW)" is one name).
        noted = rf"{name}(?:[ \t]*\([0-9a-z][^()]{{0,23}}\))?"
        noted_list = rf"{noted}(?:\s*,\s*{noted}){{0,12}}(?:\s*,?\s*(?:and|or)\s+{noted})?"
        self.before_cue = re.compile(rf"(?<![\w-])(?P<names>{noted_list})[ \t]+$")
        # "benchmarks such as X, Y and Z" / "datasets: X, Y" / "three datasets, X, Y, and Z": the
        # names just after one (after a bare comma, a list of two names or more).
        self.after_cue = re.compile(
            rf"(?:\s*,?\s+{_LIST_WORDS}\s+(?:the\s+)?|\s*,\s+(?=(?:{name})\s*,))(?P<names>{name_list})"
        )
        # "on Sketch2Code, Text2SQL, and Webshop", "tasks from MetaWorld, Adroit and DexArt": a
        # list that names a known benchmark names others.
        self.enumeration = re.compile(rf"(?:\b(?:on|across|over|including|such\s+as|from|in)\s+(?:the\s+)?|\(\s*)(?P<names>{name_list})")
        self.item = re.compile(name)
        # "On Libri2Mix, PromptTSE attains an SI-SDRi of 15.8 dB": a sentence that opens with the
        # names it reports a number on.
        self.opening = re.compile(rf"(?:On|Across)\s+(?:the\s+)?(?P<names>{name_list})\s*,[^.;]{{0,200}}?\d")
        # "experiments on X, Y and Z", "evaluated on the X", "results of our method on X": the
        # names after "on", a few words after an evaluation word.
        self.after_evaluation_word = re.compile(
            rf"\s+(?:[a-z\-]+\s+){{0,3}}?on\s+(?:the\s+)?(?P<names>{name_list})"
        )
        # "exceed 81 in SciWorld", "72.2% accuracy on MiniF2F", "55.4 Acc@0.5 on ScanRefer": a coined
        # name a number is reported on.
        self.after_number = re.compile(
            rf"\d+(?:\.\d+)?\s?\\?%?\s+(?:(?:[a-z@\-]+|{AT_METRIC})\s+){{0,2}}(?:on|in)\s+(?:the\s+)?(?P<names>{_NAMEISH})(?![\w\-])"
        )

    def _is_name(self, text):
        words = text.split()
        if not words or text.lower() in self.not_names or not any(ch.isalpha() for ch in text):
            return False
        if not any(ch.isupper() for ch in text) or _MEASURE.match(words[0]):
            return False  # "55.1 mIoU" is a figure, not a name
        if _LANGUAGE_NAMES.issuperset(re.split(r"-to-|-|→", text)):
            return False  # "38.1 on En-Fr": a translation direction, not a benchmark
        return all(w[0].isupper() or w[0].isdigit() or is_coined_word(w) for w in words)

    def _items(self, names, offset, title_end):
        """(start, end) of each name in a matched list, leading sentence words dropped."""
        for item in self.item.finditer(names):
            words = item.group().split()
            while words and words[0].lower() in _LEADING_NON_NAMES:
                words = words[1:]
            if not words:
                continue
            phrase = " ".join(words)
            start = offset + item.start() + item.group().index(words[0])
            # In the title, where every word is capitalised, only coined names count.
            if self._is_name(phrase) and (start >= title_end or any(is_coined_word(w) for w in words)):
                yield start, start + len(phrase)

    def around_cue(self, text, cue_start, cue_end, title_end, look_before=True):
        """Names cited with the cue word at [cue_start, cue_end); ``look_before`` False when the
        word before the cue cannot end a name."""
        if look_before:
            before = self.before_cue.search(text, max(0, cue_start - 120), cue_start)
            if before and not _INSIDE_A_LONGER_NAME.search(text, max(0, before.start("names") - 24), before.start("names")):
                yield from self._items(before.group("names"), before.start("names"), title_end)
        after = self.after_cue.match(text, cue_end, min(len(text), cue_end + 300))
        if after:
            yield from self._items(after.group("names"), after.start("names"), title_end)

    def after_evaluation(self, text, word_end, title_end):
        """Coined names run "on" after an evaluation word ending at ``word_end``: "experiments
        on WordSim-353 and SimLex-999". Only coined ones: after "trained on" a plain capitalised
        word is as often a language or a source ("English", "Wikipedia")."""
        match = self.after_evaluation_word.match(text, word_end, min(len(text), word_end + 240))
        if match:
            for start, end in self._items(match.group("names"), match.start("names"), title_end):
                if any(is_coined_word(word) for word in text[start:end].split()):
                    yield start, end

    def listed_with(self, text, known, title_end):
        """The names of each "on A, B and C" list after the title that holds a ``known`` benchmark."""
        spaced = [k + 1 for k in occurrences(text, _SPACED_ENUMERATION_WORDS)]
        starts = sorted(k for k in occurrences(text, _ENUMERATION_WORDS) + spaced if k >= title_end)
        for match in matches_at(self.enumeration, text, starts):
            bracketed = match.group().startswith("(") and text.startswith(")", match.end())
            if not (bracketed or _JOINED.search(match.group("names"))):
                continue  # "on the Stanford Sentiment Treebank, GRCN achieves": no list without "and"/"or"
            items = list(self._items(match.group("names"), match.start("names"), title_end))
            if len(items) >= 2 and not known.isdisjoint(items):
                yield from items

    def opening_sentence(self, text, title_end):
        """The names a sentence after the title opens with, "On X, ...", when a number follows in
        the same sentence; languages are not names here."""
        starts = [k for k in occurrences(text, _OPENING_WORDS) if k > title_end and (text[k - 1] == "\n" or text[k - 2:k] in _SENTENCE_ENDS)]
        for match in matches_at(self.opening, text, starts):
            for start, end in self._items(match.group("names"), match.start("names"), title_end):
                # "On English and German, ..." names no benchmark; "On English AMR 2.0" names AMR 2.0.
                words = text[start:end].split()
                while words and words[0] in _LANGUAGE_NAMES:
                    start += len(words.pop(0)) + 1
                if words:
                    yield start, end

    @staticmethod
    def mentions(text, name, title_end):
        """Every (start, end) of ``name`` as a whole word after the title."""
        for start in occurrences(text, [name]):
            end = start + len(name)
            if start >= title_end and not continues_word(text, start - 1) and not continues_word(text, end):
                yield start, end

    def after_reported_number(self, text, number_start):
        match = self.after_number.match(text, number_start, min(len(text), number_start + 80))
        if match:
            name = match.group("names")
            if is_coined_word(name) and self._is_name(name):
                yield match.start("names"), match.end("names")


class BenchmarkPhrasing(DataComponent):
    """spaCy component: adds benchmarks cited by phrasing to ``doc._.benchmarks``; names on the
    stop list (``not_methods.txt`` and the user's ``NOT_METHOD`` lines) are never benchmarks."""

    def __init__(self, name="graphbuild_benchmarks", key="benchmarks"):
        self.name = name
        self.key = key
        self.rules = None

    def data_from(self, resources, nlp):
        return {"not_names": list(resources.not_names)}

    def set_up(self, data):
        super().set_up(data)
        self.rules = BenchmarkRules(data["not_names"])

    def __call__(self, doc):
        self.check_initialised()
        text = document_text(doc)
        boundary = title_end(text)
        found = set()
        found.update(named_a_bench(text))
        for index, start, end, _, classes in interesting_tokens(doc, BENCH_CUE | NUMBER | EVALUATION):
            if classes & EVALUATION and start >= boundary:
                found.update(self.rules.after_evaluation(text, end, boundary))
            if classes & BENCH_CUE:
                # Names come right before the cue or after "such as", "including", ":".
                before = index > 0 and (doc[index - 1].text == ")" or (doc[index - 1].text[:1].isalnum() and not doc[index - 1].is_lower))
                found.update(self.rules.around_cue(text, start, end, boundary, before))
            elif classes & NUMBER:
                found.update(self.rules.after_reported_number(text, start))
        found.update(self.rules.opening_sentence(text, boundary))
        earlier = {(start, end) for start, end, _, _ in findings(doc, self.key)}
        found.update(self.rules.listed_with(text, earlier | found, boundary))
        # A name found once is the same benchmark wherever else the abstract writes it (each
        # search reads the whole text: at most MENTIONED names, so work stays linear in length).
        for name in sorted({text[start:end] for start, end in found})[:MENTIONED]:
            found.update(self.rules.mentions(text, name, boundary))
        found -= earlier
        cited = []
        for start, end in sorted(found):
            offsets = aligned(doc, start, end, "contract")
            if offsets is not None:
                cited.append((*offsets, "BENCHMARK", ""))
        add_findings(doc, self.key, cited)
        return doc


@Language.factory("graphbuild_benchmarks", default_config={"key": "benchmarks"})
def make_benchmark_phrasing(nlp, name, key):
    return BenchmarkPhrasing(name, key)
