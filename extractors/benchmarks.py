"""Benchmarks by phrasing: names the gazetteer does not know, recognised by how they are cited.

"on the WebShop benchmark", "the MIT Integration Bee dataset", "benchmarks such as AIME2024,
AIME2025 and MATH500", "on GSM8K and MATH benchmarks": a capitalised or coined name next to a
benchmark cue word (``data/benchmark_cues.txt``). Known benchmarks are found by the gazetteer
component; this one adds the rest to the same span group, ``doc.spans["benchmarks"]``.
"""

import re

from spacy.language import Language
from spacy.tokens import Span

from extractors.gazetteer import DATA_DIR, read_list
from extractors.sections import title_end
from extractors.shapes import is_coined_word

__all__ = ["BenchmarkPhrasing", "BenchmarkRules"]

# A word that can be part of a benchmark name: capitalised, a number, or camel case (miniImageNet).
_NAMEISH = r"(?:[A-Z0-9]|[a-z]+[A-Z])[\w\-+.^'’*&/]*[\w+*]|[A-Z]"
_LEADING_NON_NAMES = frozenset("the on in for across both we our a an and or to at of with".split())
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_LIST_WORDS = r"(?:such\s+as|including|like|e\.g\.,?|namely|i\.e\.,?|:)"


class BenchmarkRules:
    """Regular expressions for the phrasings, compiled from the cue words."""

    def __init__(self, cues, not_names):
        self.not_names = {n.lower() for n in not_names}
        cue = "|".join(sorted(map(re.escape, cues), key=len, reverse=True))
        # A name: one to four words, each capitalised, coined or a number, e.g. "MIT Integration Bee".
        name = rf"(?:{_NAMEISH})(?:[ \t](?:{_NAMEISH})){{0,3}}"
        self.name = re.compile(name)
        name_list = rf"{name}(?:\s*,\s*{name}){{0,12}}(?:\s*,?\s*(?:and|or)\s+{name})?"
        # "the X benchmark" / "X dataset" / "X and Y benchmarks"
        self.before_cue = re.compile(rf"(?<![\w-])(?P<names>{name_list})[ \t]+(?i:{cue})\b")
        # "benchmarks such as X, Y and Z" / "datasets: X, Y"
        self.after_cue = re.compile(rf"\b(?i:{cue})\s*,?\s+{_LIST_WORDS}\s+(?:the\s+)?(?P<names>{name_list})")
        self.item = re.compile(rf"{name}")
        # "exceed 81 in SciWorld", "72.2% accuracy on MiniF2F": a coined name a number is reported on.
        self.after_number = re.compile(
            rf"(?<![\w.])\d+(?:\.\d+)?\s?\\?%?\s+(?:[a-z@\-]+\s+){{0,2}}(?:on|in)\s+(?:the\s+)?(?P<names>{_NAMEISH})(?![\w\-])"
        )
        self.cue_word = re.compile(rf"^(?i:{cue})$")

    def _is_name(self, text):
        words = text.split()
        if not words or text.lower() in self.not_names or not any(ch.isalpha() for ch in text):
            return False
        if not any(ch.isupper() for ch in text):
            return False
        return all(w[0].isupper() or w[0].isdigit() or is_coined_word(w) for w in words)

    def names(self, text, title_end=0):
        """(start, end) of each benchmark name cited by phrasing.

        In the title, where every word is capitalised, only coined names count ("GSM8K", not
        "Continual Learning Benchmarks").
        """
        found = []
        for pattern in (self.before_cue, self.after_cue):
            for match in pattern.finditer(text):
                group_start = match.start("names")
                for item in self.item.finditer(match.group("names")):
                    words = item.group().split()
                    # Drop leading sentence words ("The", "On") and trailing cue words.
                    while words and words[0].lower() in _LEADING_NON_NAMES:
                        words = words[1:]
                    if not words:
                        continue
                    phrase = " ".join(words)
                    start = group_start + item.start() + item.group().index(words[0])
                    end = start + len(phrase)
                    if self._is_name(phrase) and (start >= title_end or any(is_coined_word(w) for w in words)):
                        found.append((start, end))
        for match in self.after_number.finditer(text):
            name = match.group("names")
            if is_coined_word(name) and self._is_name(name):
                found.append((match.start("names"), match.end("names")))
        return sorted(set(found))


class BenchmarkPhrasing:
    """spaCy component: adds benchmarks cited by phrasing to ``doc.spans["benchmarks"]``."""

    def __init__(self, name="graphbuild_benchmarks", spans_key="benchmarks"):
        self.name = name
        self.spans_key = spans_key
        self.rules = None

    def initialize(self, get_examples=None, *, nlp=None, extra_files=()):
        self.rules = BenchmarkRules(
            read_list(DATA_DIR / "benchmark_cues.txt"), read_list(DATA_DIR / "not_methods.txt")
        )

    def __call__(self, doc):
        spans = []
        for span in doc.spans.get(self.spans_key, []):
            # A year or version after a known name is part of it: "iNat 2019", "AIME 2024".
            if span.end < len(doc) and _YEAR.match(doc[span.end].text):
                extended = Span(doc, span.start, span.end + 1, label=span.label_)
                extended.id_ = f"{span.id_}-{doc[span.end].text}" if span.id_ else ""
                spans.append(extended)
        for start, end in self.rules.names(doc.text, title_end(doc.text)):
            span = doc.char_span(start, end, label="BENCHMARK", alignment_mode="contract")
            if span is not None and len(span):
                spans.append(span)
        group = doc.spans.get(self.spans_key)
        doc.spans[self.spans_key] = (list(group) if group is not None else []) + spans
        return doc


@Language.factory("graphbuild_benchmarks", default_config={"spans_key": "benchmarks"})
def make_benchmark_phrasing(nlp, name, spans_key):
    return BenchmarkPhrasing(name, spans_key)
