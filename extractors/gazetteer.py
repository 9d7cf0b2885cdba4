"""Gazetteers: known names of benchmarks, methods, models and tasks, kept as data files.

An entry is one JSON line in spaCy's pattern form, ``{"label": "BENCHMARK", "pattern": "MATH500",
"id": "MATH-500"}``: ``pattern`` is a surface form, ``id`` the concept's canonical name (its key is
``concept_key(id)``), so aliases are extra lines sharing an ``id``. Plain-text lists (task phrases,
stop lists) hold one entry per line, ``#`` starting a comment. Users extend the built-in lists with
files of their own (``--gazetteer PATH``), which are read the same way.

``GazetteerMatcher`` is the spaCy component that finds the entries of one label in a text: two
phrase matchers, one on lowercase forms and one exact for all-capital entries such as "MATH" or
"ARC" whose lowercase forms are ordinary words.
"""

import json
import re
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from extractors.doc_values import add_findings
from extractors.lexicon import document_text
from extractors.normalize import concept_key
from extractors.token_reads import phrase_matches

__all__ = [
    "DATA_DIR",
    "GazetteerEntry",
    "GazetteerError",
    "read_entries",
    "read_list",
    "surface_variants",
    "GazetteerMatcher",
]

DATA_DIR = Path(__file__).parent / "data"

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_CHUNK_BOUNDARY = re.compile(r"[\s_-]+|(?<=[^\W\d_])(?=\d)")


class GazetteerError(ValueError):
    """A gazetteer file is unreadable or has a malformed line (the message names file and line)."""


@dataclass(frozen=True)
class GazetteerEntry:
    """One surface form of a known concept."""

    label: str
    pattern: str
    id: str
    case_sensitive: bool = False

    @property
    def key(self):
        return concept_key(self.id)


def read_entries(path, label=None):
    """Read a JSON Lines gazetteer; keep only entries of ``label`` when given."""
    path = Path(path)
    entries = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GazetteerError(f"{path}: cannot read gazetteer ({error})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
            if label is not None and str(obj.get("label", "")).upper() != label:
                continue
            entry = GazetteerEntry(
                label=str(obj["label"]).upper(),
                pattern=str(obj["pattern"]),
                id=str(obj.get("id") or obj["pattern"]),
                case_sensitive=bool(obj.get("case_sensitive", False)),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise GazetteerError(
                f'{path}:{number}: not a gazetteer entry ({error}); expected {{"label": ..., '
                f'"pattern": ..., "id": ...}}'
            ) from None
        if not entry.pattern.strip() or not entry.key:
            raise GazetteerError(f"{path}:{number}: empty pattern or id")
        if label is None or entry.label == label:
            entries.append(entry)
    return entries


def read_list(path):
    """Read a one-entry-per-line list, skipping blank lines and ``#`` comments."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GazetteerError(f"{path}: cannot read list ({error})") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _single_capital(piece, following):
    return len(piece) == 1 and piece.isupper() and following[:1].isupper()


def _camel_join(piece, following):
    """"Video" + "MME", "Meta" + "World": joined, the capital shows where the pieces meet, and a
    spelling with a capital inside counts only as written (so "MultiPLE" never matches "multiple")."""
    return piece[:1].isupper() and piece[-1:].isalpha() and following[:1].isupper()


def surface_variants(pattern, limit=27):
    """Spellings of ``pattern`` that differ only in separators.

    Pieces are joined by a space or a hyphen, and joined directly only next to a number, after a
    single capital ("U-Net" and "UNet") or before a capital ("Video-MME" and "VideoMME"): a joined
    spelling then has a capital inside and counts only as written, so "MultiPLE" never matches the
    word "multiple".

    >>> sorted(surface_variants("ImageNet-1K"))
    ['ImageNet 1K', 'ImageNet-1K', 'ImageNet1K']
    >>> sorted(surface_variants("MultiPL-E"))
    ['MultiPL E', 'MultiPL-E', 'MultiPLE']
    >>> sorted(surface_variants("U-Net"))
    ['U Net', 'U-Net', 'UNet']
    """
    chunks = [c for c in _CHUNK_BOUNDARY.split(pattern) if c]
    if len(chunks) < 2:
        return {pattern}
    joiner_choices = [
        ("", " ", "-") if any(ch.isdigit() for ch in a + b) or _single_capital(a, b) or _camel_join(a, b) else (" ", "-")
        for a, b in zip(chunks, chunks[1:])
    ]
    variants = {pattern}
    if len(list(product(*joiner_choices))) <= limit:
        for joiners in product(*joiner_choices):
            variants.add(chunks[0] + "".join(j + c for j, c in zip(joiners, chunks[1:])))
    else:
        for joiner in (" ", "-"):
            variants.add(joiner.join(chunks))
    return variants


def _plurals(pattern):
    """"Transformers" for "Transformer": a plural of a name ending in a lowercase word."""
    last = re.split(r"[\s\-]", pattern)[-1]
    if len(last) >= 4 and last.isalpha() and last.islower() and not last.endswith(("s", "y", "x", "ch", "sh")):
        return {pattern + "s"}
    if len(last) >= 4 and last.isalpha() and last[0].isupper() and last[1:].islower() and not last.endswith(("s", "y", "x")):
        return {pattern + "s"}
    if " " not in pattern and len(pattern) >= 3 and pattern.isalpha() and any(ch.isupper() for ch in pattern[1:]) and pattern[-1] not in "sS":
        return {pattern + "s"}  # "LSTMs", "LoRAs", "GFlowNets"
    return set()


def _ampersands(pattern):
    r""""Knights & Knaves" for "Knights and Knaves", and the other way round, with the "\&" of
    abstracts taken from LaTeX sources.

    >>> sorted(_ampersands("Hide and Seek"))
    ['Hide & Seek', 'Hide \\& Seek']
    """
    for word in (" and ", " & "):
        if word in pattern:
            return {pattern.replace(word, other) for other in (" and ", " & ", " \\& ")} - {pattern}
    return set()


def _is_all_caps(pattern):
    letters = [ch for ch in pattern if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _is_case_sensitive(variant):
    """Spellings that only mean the name as written: all capitals ("MATH", "ARC") and single
    words with capitals inside ("ZeRO", "ReAct", "STaR"), whose lowercase forms are words."""
    if _is_all_caps(variant):
        return True
    if " " in variant:
        # "BASE Layers", "PID Controller": a word in capitals is a name only in capitals.
        return any(_is_capitals_word(word) for word in variant.split())
    return any(ch.isupper() for ch in variant[1:]) and variant.replace("-", "").isalpha()


def _is_capitals_word(word):
    return len(word) > 1 and word.isalpha() and word.isupper()


def _written_form(variant):
    """What must match as written: the whole of a single word ("ZeRO"), and in a phrase only its
    words in capitals ("PID controllers" is "PID Controllers", "base layers" is not "BASE Layers")."""
    if " " not in variant:
        return variant
    return " ".join(w if _is_capitals_word(w) else w.lower() for w in variant.split())


class GazetteerMatcher:
    """Find gazetteer entries and add them to span groups, one group per label.

    All labels share one phrase matcher on lowercase forms, so a document is scanned once.
    Entries written in capitals ("MATH", "ARC"), or marked ``case_sensitive``, match only as
    written, so the ordinary words "math" and "arc" are not benchmarks. Each span gets its
    label and ``span.id_`` = the concept key of the entry's ``id``. The component is empty
    until ``initialize`` loads its data files.
    """

    def __init__(self, nlp, name, sources):
        self.nlp = nlp
        self.name = name
        self.sources = [tuple(source) for source in sources]  # (label, findings group, files)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_forms = {}  # lowercase variant -> the spellings it must have
        self.group_of = {}  # match id -> (label, findings group, concept key, exact-case check)
        self.canonical = {}  # concept key -> canonical name
        self.alias_keys = {}  # concept key of every surface form -> concept key of its entry
        self._lowercase_variants = {}  # match id -> lowercase spellings, while loading

    def initialize(self, get_examples=None, *, nlp=None, extra_files=()):
        """Load the built-in data files and any user-supplied JSON Lines gazetteers."""
        for label, group, files in self.sources:
            entries = []
            for file in files:
                file = DATA_DIR / file
                if file.suffix == ".jsonl":
                    entries.extend(read_entries(file, label))
                else:
                    entries.extend(GazetteerEntry(label, p, p) for p in read_list(file))
            for file in extra_files:
                if Path(file).suffix == ".jsonl":
                    entries.extend(read_entries(file, label))
            self.add_entries(label, group, entries)
        for match_id, lowercase in self._lowercase_variants.items():
            if not lowercase.isdisjoint(self.exact_forms):
                self.group_of[match_id] = self.group_of[match_id][:3] + (True,)
        self._lowercase_variants.clear()

    def add_entries(self, label, group, entries):
        """Add entries of one label, found into the findings group ``group``."""
        by_match_id = {}
        strings = self.nlp.vocab.strings
        for entry in entries:
            self.canonical.setdefault(entry.key, entry.id)
            ampersands = _ampersands(entry.pattern)
            for spelling in (entry.pattern, *ampersands):
                self.alias_keys.setdefault(concept_key(spelling), entry.key)
            match_id = f"{label}|{entry.key}"
            for variant in surface_variants(entry.pattern) | _plurals(entry.pattern) | ampersands:
                by_match_id.setdefault(match_id, set()).add(variant)
                if entry.case_sensitive or _is_case_sensitive(variant):
                    self.exact_forms.setdefault(variant.lower(), set()).add(_written_form(variant))
        for match_id, variants in by_match_id.items():
            key = match_id.split("|", 1)[1]
            # Whether some spelling needs an exact-case check is settled once all labels are loaded.
            self.group_of[strings.add(match_id)] = (label, group, key, False)
            self._lowercase_variants[strings.add(match_id)] = {v.lower() for v in variants}
        for match_id, variants in by_match_id.items():
            self.matcher.add(match_id, list(self.nlp.tokenizer.pipe(sorted(variants))))

    def __call__(self, doc):
        matches = phrase_matches(self.matcher, doc)
        if not matches:
            return doc
        text = document_text(doc)
        groups = {}
        with_years = {}  # group -> known names with the year after them, after all the others
        longest = {}
        for _, start, end, _, _ in matches:
            longest[start] = max(end, longest.get(start, end))
        for match_id, start, end, start_char, end_char in matches:
            label, group, key, exact = self.group_of[match_id]
            if exact:
                # This concept has spellings that count only as written: check this one.
                surface = text[start_char:end_char]
                forms = self.exact_forms.get(surface.lower())
                if forms is not None and _written_form(surface) not in forms:
                    continue
            found = groups.setdefault(group, [])
            if label == "BENCHMARK" and longest[start] == end:
                variant_end = _variant_end(doc, end)
                if variant_end > end:
                    # "BabyAI-Text", "ImageNet-C": a named variant of a known benchmark is a
                    # benchmark of its own.
                    end = variant_end
                    last = doc[end - 1]
                    end_char = last.idx + len(last)
                    key = concept_key(text[start_char:end_char])
            found.append((start_char, end_char, label, key))
            if label == "BENCHMARK" and end < len(doc) and _YEAR.match(doc[end].text):
                # A year after a known name is part of it too: "iNat 2019", "AIME 2024".
                year = doc[end]
                with_years.setdefault(group, []).append((start_char, year.idx + len(year), label, f"{key}-{year.text}"))
        for group, items in groups.items():
            add_findings(doc, group, items + with_years.get(group, []))
        return doc


def _variant_end(doc, end):
    """The end of a hyphenated variant name right after tokens ``[..., end)``: "-Text" in
    "BabyAI-Text", "-C" in "ImageNet-C"; ``end`` itself when there is none. The suffix is written
    without spaces and starts with a capital or a digit ("ImageNet-pretrained" is no variant)."""
    if end + 1 >= len(doc) or doc[end - 1].whitespace_ or doc[end].text != "-" or doc[end].whitespace_:
        return end
    suffix = doc[end + 1].text
    if not (suffix[:1].isupper() or suffix[:1].isdigit()) or not suffix.replace("-", "").isalnum():
        return end
    return end + 2


@Language.factory("graphbuild_gazetteer", default_config={"sources": []})
def make_gazetteer_matcher(nlp, name, sources):
    return GazetteerMatcher(nlp, name, sources)
