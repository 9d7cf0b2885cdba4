"""Methods by shape: named techniques the gazetteer does not know.

A method a paper builds on is usually written as a defined abbreviation with a title-case long form
("Exponential Moving Average (EMA)"), or as a bare acronym or camel-case name used as a method
("baselines such as RLOO", "a ControlNet-based model"); the words around a bare name are data
(``data/method_contexts.json``). This component adds such candidates to ``doc._.method_shapes``, skipping
the stop list of generic acronyms and words (``data/not_methods.txt``: LLM, RL, CoT, GPU, FID...).
Which candidates are methods rather than proposed names, models or benchmarks is decided when a
document is assembled into an extraction, where all the evidence is at hand.
"""

import re

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.doc_values import get_value, set_value
from extractors.lexicon import CODED, document_text, interesting_tokens
from extractors.shapes import FUNCTION_WORDS, is_acronym, is_camel_case
from extractors.token_reads import aligned

__all__ = ["MethodShapes", "MethodContexts", "defined_methods", "singular"]

def singular(word):
    """'LLMs' -> 'LLM', 'PRMs' -> 'PRM': acronyms in the plural."""
    return word[:-1] if len(word) > 2 and word.endswith("s") and word[-2].isupper() else word


def _title_case(long_form):
    words = long_form.split()
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


class MethodContexts:
    """Words around a bare acronym or camel-case name that show it is used as a method."""

    def __init__(self, before, after):
        self.after_words = {w.lower() for w in after if not w.startswith("-")}
        self.after_suffixes = {w.lower().lstrip("-") for w in after if w.startswith("-")}
        # "such as X", "such as A, B and X", "compared with the X": the words that end right
        # before a name. The expression is kept reversed and matched on the reversed text before
        # the name, so it is tried once, where the name is, instead of at every position of the
        # 80 characters before it. Read backwards it says: "and"/"or", list items ("B, A," or "B ,A"),
        # "the", then one of the context phrases at the start of the window or after a non-word
        # character.
        left = "|".join(sorted((re.escape(w[::-1]) for w in before), key=len, reverse=True))
        item = r"(?:\)[^()]*\(\s*)?[\w\-+.]+"
        reversed_context = rf"(?:(?:\s+dna|\s+ro)(?:\s+{item})?)?(?:\s+,{item})*(?:\s+eht)?\s+(?:{left})"
        self.before_reversed = re.compile(rf"{reversed_context}\W", re.IGNORECASE)
        self.before_reversed_at_start = re.compile(rf"{reversed_context}(?:\W|\Z)", re.IGNORECASE)

    def used_as_method(self, doc, text, index, start):
        """True when the words before token ``index`` (at ``start``), or the word after it, show
        a method: "baselines such as X", "X-based", "the X algorithm"."""
        if index + 1 < len(doc):
            following = doc[index + 1].lower_
            if following in self.after_words:
                return True
            if following == "-" and index + 2 < len(doc) and doc[index + 2].lower_ in self.after_suffixes:
                return True
        window_start = max(0, start - 80)
        before = self.before_reversed if window_start else self.before_reversed_at_start
        return before.match(text[window_start:start][::-1]) is not None


_SIZES = frozenset(("large", "small", "tiny"))  # "Large Reasoning Models" is a family as "Reasoning Models" is


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _lowercase(text, start, words):
    """A lowercase long form, or one whose first word is capitalised only because it starts the
    sentence ("Worst-case optimization (WCO) ...")."""
    if words[0][:1].islower():
        return True
    before = text[max(0, start - 8):start].rstrip(" ")
    at_sentence_start = before[-1:] in (".", "\n") or (not before and start < 8)
    rest = words[0][1:]
    return at_sentence_start and rest == rest.lower() and not any(w[:1].isupper() for w in words[1:])


def defined_methods(text, abbreviations, stop, benchmark_cues, generic_heads, method_heads):
    """Long forms of defined abbreviations that name methods, and the short forms to ignore.

    A title-case long form is a candidate unless it is a two-word family name ("Supervised
    Learning"; a leading size does not count, so "Large Reasoning Models" is one too); a
    lowercase long form is left to the gazetteer, as most are generic ("large language models",
    "test-time training"), unless it ends in a method word (``data/method_heads.txt``): an
    architecture family named by an acronym ("sparse autoencoders (SAEs)") or a named technique
    ("gradual magnitude pruning (GMP)"). A capital that only starts the sentence does not make a
    long form title case ("Worst-case optimization (WCO) ..."). Returns (list of (start, end),
    set of short forms that are defined and so not bare names).
    """
    found = []
    defined = set()
    for long_start, long_end, short_start, short_end in abbreviations:
        long_form = text[long_start:long_end]
        short_form = singular(text[short_start:short_end])
        defined.add(short_form)
        words = long_form.split()
        last = words[-1].lower() if words else ""
        family_words = len(words) - (1 if words and words[0].lower() in _SIZES else 0)
        if short_form.lower() in stop or long_form.lower() in stop or last in benchmark_cues:
            continue
        following = _NEXT_WORD.match(text, short_end + 1)
        if following is not None and following.group(1).lower() in benchmark_cues:
            continue  # "the New York Times (NYT) dataset" names a dataset
        if _title_case(long_form) and not (family_words <= 2 and last in generic_heads):
            found.append((long_start, long_end))
        elif len(words) >= 2 and last in method_heads and _lowercase(text, long_start, words):
            found.append((long_start, long_end))
    return found, defined


class MethodShapes(DataComponent):
    """spaCy component: method-shaped candidates in ``doc._.method_shapes``."""

    def __init__(self, name="graphbuild_methods", key="method_shapes"):
        self.name = name
        self.key = key

    def data_from(self, resources, nlp):
        return {
            "not_names": list(resources.not_names),
            "benchmark_cues": list(resources.benchmark_cues),
            "generic_heads": list(resources.generic_heads),
            "method_heads": list(resources.method_heads),
            "contexts": {"before": list(resources.method_contexts["before"]), "after": list(resources.method_contexts["after"])},
        }

    def set_up(self, data):
        super().set_up(data)
        self.stop = frozenset(s.lower() for s in data["not_names"])
        self.benchmark_cues = frozenset(c.lower() for c in data["benchmark_cues"])
        self.generic_heads = frozenset(data["generic_heads"])
        self.method_heads = frozenset(data["method_heads"])
        self.contexts = MethodContexts(data["contexts"]["before"], data["contexts"]["after"])

    def __call__(self, doc):
        self.check_initialised()
        text = document_text(doc)
        found, defined = defined_methods(
            text, get_value(doc, "abbreviations") or [], self.stop, self.benchmark_cues, self.generic_heads,
            self.method_heads,
        )
        for index, start, end, word, _ in interesting_tokens(doc, CODED):
            base = singular(word)
            if base in defined or base.lower() in self.stop or word.lower() in self.stop:
                continue
            if not (is_acronym(word) or is_camel_case(word)):
                continue
            if self.contexts.used_as_method(doc, text, index, start):
                found.append((start, end))
        shapes = []
        for start, end in sorted(set(found)):
            offsets = aligned(doc, start, end, "contract")
            if offsets is not None:
                shapes.append((*offsets, "METHOD", ""))
        set_value(doc, self.key, shapes)
        return doc


@Language.factory("graphbuild_methods", default_config={"key": "method_shapes"})
def make_method_shapes(nlp, name, key):
    return MethodShapes(name, key)
