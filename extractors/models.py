"""Models: named pretrained models and systems, by family, version, variant and size.

A model name is a family word followed by an optional version, variant words and a size:
"Qwen2.5 7B", "Qwen3-235B-A22B", "Llama 3.2 3B", "LLaMA-2-70b", "GPT-4o-mini", "DeepSeek-R1",
"Claude 3.5 Sonnet", "Mixtral-8x7B". Families and variant words are data
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
import json
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from extractors.doc_values import add_findings
from extractors.gazetteer import DATA_DIR, GazetteerError, read_list
from extractors.lexicon import FAMILY, document_text, interesting_tokens
from extractors.token_reads import aligned

__all__ = ["FamilyEntry", "ModelGrammar", "read_families", "ModelFinder"]

_SIZE = r"\d+(?:\.\d+)?[BMK](?:-A\d+(?:\.\d+)?B)?(?!\w|\.\d)|\d+x\d+(?:\.\d+)?B(?!\w|\.\d)"
_VERSION = r"v?\d+(?:\.\d+)*(?:[a-z](?![a-zA-Z]))?"


@dataclass(frozen=True)
class FamilyEntry:
    """A model family: its canonical name and one way it is written."""

    family: str
    pattern: str
    case_sensitive: bool = False
    needs_version: bool = False


def read_families(path, label=None):
    """Read model families from JSON Lines: ``{"family", "pattern", "case_sensitive",
    "needs_version"}`` per line; with ``label``, only lines whose "label" is that value."""
    entries = []
    path = Path(path)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
            if label is not None and obj.get("label") != label:
                continue
            entries.append(
                FamilyEntry(
                    family=str(obj["family"]),
                    pattern=str(obj["pattern"]),
                    case_sensitive=bool(obj.get("case_sensitive", False)),
                    needs_version=bool(obj.get("needs_version", False)),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise GazetteerError(
                f'{path}:{number}: not a model family ({error}); expected {{"family": ..., "pattern": ...}}'
            ) from None
    return entries


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


class ModelFinder:
    """spaCy component: adds every name the model grammar matches to ``doc._.models``."""

    def __init__(self, name="graphbuild_models", key="models"):
        self.name = name
        self.key = key
        self.grammar = ModelGrammar([], [])

    def initialize(self, get_examples=None, *, nlp=None, extra_files=()):
        families = read_families(DATA_DIR / "model_families.jsonl")
        for file in extra_files:
            families.extend(read_families(file, label="MODEL_FAMILY"))
        self.grammar = ModelGrammar(families, read_list(DATA_DIR / "model_variants.txt"))

    def __call__(self, doc):
        text = document_text(doc)
        found = []
        covered = -1
        for _, start, _, _, _ in interesting_tokens(doc, FAMILY):
            if start < covered:
                continue
            match = self.grammar.pattern.match(text, start)
            if match is None:
                continue
            covered = match.end()
            offsets = aligned(doc, match.start(), match.end(), "contract")
            if offsets is None or offsets[1] != match.end():
                offsets = aligned(doc, match.start(), match.end(), "expand")
            if offsets is not None:
                found.append((*offsets, "MODEL", ""))
        add_findings(doc, self.key, found)
        return doc


@Language.factory("graphbuild_models", default_config={"key": "models"})
def make_model_finder(nlp, name, key):
    return ModelFinder(name, key)
