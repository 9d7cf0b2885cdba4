"""Models: named pretrained models and systems, by family, version, variant and size.

A model name is a family word followed by an optional version, variant words and a size:
"Qwen2.5 7B", "Qwen3-235B-A22B", "Llama 3.2 3B", "LLaMA-2-70b", "GPT-4o-mini", "DeepSeek-R1",
"Claude 3.5 Sonnet", "Mixtral-8x7B"; a suffix written on to the name after a hyphen, starting
with a capital or a digit, belongs to it ("Qwen-Math-RL"). Families and variant words are data
(``data/model_families.jsonl``, ``data/model_variants.txt``); this module turns them into one
regular expression. Fixed names that do not follow the grammar (CLIP, SDXL, OpenAI o1) are in the
models gazetteer and found by ``GazetteerMatcher``.

Examples
--------
>>> finder = ModelGrammar([FamilyEntry("Qwen", "Qwen"), FamilyEntry("Llama", "Llama")], ["Instruct"])
>>> [m.group() for m in finder.pattern.finditer("We distil Qwen2.5 7B and Llama 3.2 3B-Instruct.")]
['Qwen2.5 7B', 'Llama 3.2 3B-Instruct']
>>> finder.describe("Qwen3-235B-A22B")
{'family': 'Qwen', 'size': '235B-A22B'}
"""

import functools
import re

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.doc_values import add_findings
from extractors.lexicon import FAMILY, document_text, interesting_tokens
from extractors.resources import FamilyEntry
from extractors.shapes import MODEL_SIZE
from extractors.token_reads import aligned

__all__ = ["ModelGrammar", "ModelFinder", "grammar_data", "grammar_from"]

_SIZE = MODEL_SIZE
_VERSION = r"v?\d+(?:\.\d+)*(?:[a-z](?![a-zA-Z]))?"
# What a paper appends to a model's name, written on to it: "-RL" of "Qwen-Math-RL", "-Zero-Chat".
# A capital or digit after the hyphen ("Qwen-7B-based" is no new name).
_NAMED_SUFFIXES = re.compile(r"(?:-[A-Z0-9][A-Za-z0-9.]*(?<!\.)|-[α-ω](?![\w]))*")  # and "-β" of "Zephyr-7B-β"


def _alternation(words):
    # Longest first so that "DeepSeek-Coder" wins over "DeepSeek".
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]?") for w in sorted(set(words), key=lambda w: (-len(w), w)))


class ModelGrammar:
    """The compiled model-name grammar for a set of families and variant words."""

    def __init__(self, families, variants):
        self.families = list(families)
        # Written family word, without spaces or hyphens, lowercase -> canonical family.
        self.family_of = {}
        for entry in self.families:
            self.family_of.setdefault(re.sub(r"[\s-]", "", entry.pattern.lower()), entry.family)
        self.describe = functools.lru_cache(maxsize=1 << 14)(self._describe)
        loose = [e.pattern for e in self.families if not e.case_sensitive and not e.needs_version]
        strict = [e.pattern for e in self.families if e.case_sensitive and not e.needs_version]
        loose_v = [e.pattern for e in self.families if not e.case_sensitive and e.needs_version]
        strict_v = [e.pattern for e in self.families if e.case_sensitive and e.needs_version]
        variant_any = _alternation(variants) or r"(?!x)x"
        variant_caps = _alternation([v for v in variants if v[:1].isupper()]) or r"(?!x)x"
        family_any = _alternation(e.pattern for e in self.families)
        tail = (
            rf"(?:-(?:{_SIZE}|(?i:{variant_any})(?:\d+(?:\.\d+)*)?(?![\w])|(?i:{family_any})(?:{_VERSION})?|{_VERSION}(?![\w]))"
            rf"|\s(?:{_SIZE}|(?:{variant_caps})(?![\w])))"
        )
        head_parts = []
        if loose:
            head_parts.append(rf"(?i:{_alternation(loose)})(?:[\s-]?(?:{_SIZE}|{_VERSION}))?")
        if strict:
            head_parts.append(rf"(?:{_alternation(strict)})(?:[\s-]?(?:{_SIZE}|{_VERSION}))?")
        # A family that needs a version also counts on its own when the text calls it a family:
        # "the Llama-2 and Falcon families", "GPT models".
        family_word = r"(?=\s+(?:famil(?:y|ies)|series|models?)\b)"
        if loose_v:
            head_parts.append(rf"(?i:{_alternation(loose_v)})(?:[\s-]?(?:{_SIZE}|{_VERSION})|{family_word})")
        if strict_v:
            head_parts.append(rf"(?:{_alternation(strict_v)})(?:[\s-]?(?:{_SIZE}|{_VERSION})|{family_word})")
        if not head_parts:
            head_parts.append(r"(?!x)x")
        self.pattern = re.compile(
            rf"(?<![\w\-./])(?:{'|'.join(head_parts)})(?:{tail})*(?![\w+])"
        )
        self._family_head = re.compile(rf"(?i:{family_any})")
        self._size = re.compile(_SIZE)

    def _describe(self, name):
        """The family and size of a model name found by the grammar (size None when not given)."""
        head = self._family_head.match(name)
        family = None
        if head:
            family = self.family_of.get(re.sub(r"[\s-]", "", head.group().lower()), head.group())
        sizes = [m.group() for m in self._size.finditer(name, head.end() if head else 0)]
        return {"family": family, "size": sizes[-1] if sizes else None}


def grammar_data(resources):
    """The resources' model families (built-in and the user's) and variant words, as plain data."""
    return {
        "families": [[f.family, f.pattern, f.case_sensitive, f.needs_version] for f in resources.model_families],
        "variants": list(resources.model_variants),
    }


def grammar_from(data):
    """The ``ModelGrammar`` of ``grammar_data``."""
    return ModelGrammar([FamilyEntry(*family) for family in data["families"]], data["variants"])


class ModelFinder(DataComponent):
    """spaCy component: adds every name the model grammar matches to ``doc._.models``."""

    def __init__(self, name="graphbuild_models", key="models"):
        self.name = name
        self.key = key
        self.grammar = None

    def data_from(self, resources, nlp):
        return grammar_data(resources)

    def set_up(self, data):
        super().set_up(data)
        self.grammar = grammar_from(data)

    def __call__(self, doc):
        self.check_initialised()
        text = document_text(doc)
        found = []
        covered = -1
        for _, start, _, _, _ in interesting_tokens(doc, FAMILY):
            if start < covered:
                continue
            match = self.grammar.pattern.match(text, start)
            if match is None:
                continue
            end = covered = _NAMED_SUFFIXES.match(text, match.end()).end()
            offsets = aligned(doc, match.start(), end, "contract")
            if offsets is None or offsets[1] != end:
                offsets = aligned(doc, match.start(), end, "expand")
            if offsets is not None:
                found.append((*offsets, "MODEL", ""))
        add_findings(doc, self.key, found)
        return doc


@Language.factory("graphbuild_models", default_config={"key": "models"})
def make_model_finder(nlp, name, key):
    return ModelFinder(name, key)
