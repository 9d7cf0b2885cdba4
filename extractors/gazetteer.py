"""Gazetteers: find the names the data files (and the user's gazetteers) list, with their
spelling variants.

Each entry (``extractors.resources``: ``{"label", "pattern", "id"}``) is matched in every spelling
that differs only in separators ("Video-MME", "Video MME", "VideoMME"), in the plural ("LSTMs") and
with "&" for "and". An entry written in capitals ("MATH", "ARC") or with capitals inside one word
("ZeRO") matches only as written, so the ordinary words "math" and "arc" are not benchmarks; a
benchmark or model named by one capitalised word ("Traffic", "Habitat", "Bark") matches only with
its capital.
A known benchmark with a named variant after it ("ImageNet-C") and a known one-word method with a
number after it, written as one token ("ResNet-50"), are names of their own.

The component tokenizes every spelling once, in ``initialize``, and keeps each as the sequence of
its tokens' lowercase hashes (``token.lower``): plain numbers, which ``to_disk`` saves. Loading
adds those sequences to a spaCy ``PhraseMatcher`` as they are, the form its own pickling stores
them in, so a saved pipeline never tokenizes the tens of thousands of spellings again; a document
is then matched in one pass of the matcher over its tokens.
"""

import re
from itertools import product

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string

from extractors.component_data import DataComponent
from extractors.doc_values import add_findings
from extractors.lexicon import document_text
from extractors.normalize import concept_key
from extractors.shapes import LANGUAGES, is_coined_word
from extractors.text_search import continues_word

__all__ = ["surface_variants", "GazetteerMatcher", "GROUPS"]

#: The findings group each label's names go to.
GROUPS = {"BENCHMARK": "benchmarks", "MODEL": "models", "METHOD": "methods", "TASK": "tasks"}

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DASH_NUMBER = re.compile(r"-\d+(?![\w\-])")  # the "-50" of "ResNet-50"
_CHUNK_BOUNDARY = re.compile(r"[\s_-]+|(?<=[^\W\d_])(?=\d)")


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


def _is_capitalised_word(variant):
    """A single capitalised word ("Traffic", "Spider", "Habitat", "Bark"): as a benchmark or a model
    it is a name only when written with a capital first ("Traffic", "BlocksWorld" for
    "Blocksworld"), since its lowercase form is an ordinary word ("production traffic", "natural
    habitat", "a dog barks")."""
    return len(variant) > 1 and variant.isalpha() and variant[0].isupper() and variant[1:].islower()


def _capitalised(word):
    """"BlocksWorld" and "BLOCKSWORLD" as the capitalised word "Blocksworld" they also write."""
    return word[:1] + word[1:].lower()


_THOUSANDS = re.compile(r"(?<=\d)[kK](?![a-z])")


def _flip_case(match):
    return match.group().swapcase()


def _is_capitals_word(word):
    return len(word) > 1 and word.isalpha() and word.isupper()


def _written_form(variant):
    """What must match as written: the whole of a single word ("ZeRO"), and in a phrase only its
    words in capitals ("PID controllers" is "PID Controllers", "base layers" is not "BASE Layers")."""
    if " " not in variant:
        return variant
    return " ".join(w if _is_capitals_word(w) else w.lower() for w in variant.split())


class GazetteerMatcher(DataComponent):
    """spaCy component: the names the gazetteers list, added to one findings group per label.

    Each name becomes a finding with its label and, as key, the concept key of the entry's ``id``.
    All labels share one phrase matcher, so a document is scanned once. The component has no
    names until ``initialize`` derives them from the resources (or ``from_disk`` loads them).
    """

    def __init__(self, nlp, name="graphbuild_gazetteer", groups=None):
        self.nlp = nlp
        self.name = name
        self.groups = dict(groups or GROUPS)

    def data_from(self, resources, nlp):
        """Every entry of the resources' gazetteers spelled out, each spelling tokenized."""
        return gazetteer_data(resources.gazetteers, self.groups, _scratch_tokenizer(nlp or self.nlp))

    def set_up(self, data):
        super().set_up(data)
        self.concepts = [tuple(concept) for concept in data["concepts"]]  # (label, group, key, exact)
        self.exact_forms = {lower: set(forms) for lower, forms in data["exact_forms"].items()}
        self.canonical = data["canonical"]
        self.alias_keys = data["alias_keys"]
        self.concepts_of = {}  # token hashes of a spelling -> indices into ``concepts``
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for hashes, concepts in data["spellings"]:
            self.concepts_of[tuple(hashes)] = concepts
        self.matcher.add(self.name, [hashes for hashes, _ in data["spellings"]])
        # One-word method names by their lowercase hash, for numbered variants written as one
        # token ("ResNet-50", "VGG-16"): the matcher sees only whole tokens.
        self.numbered = {}
        for hashes, concepts in data["spellings"]:
            methods = [c for c in concepts if self.concepts[c][0] == "METHOD"]
            if len(hashes) == 1 and methods:
                self.numbered[hashes[0]] = methods

    def matches(self, doc):
        """(concept index, start token, end token) of every spelling in ``doc``, by start, then
        end, then the spelling's order of concepts."""
        found = []
        for _, start, end in self.matcher(doc):
            spelling = tuple(doc[i].lower for i in range(start, end))
            found.extend((concept, start, end) for concept in self.concepts_of[spelling])
        return found

    def __call__(self, doc):
        self.check_initialised()
        matches = self.matches(doc)
        text = document_text(doc)
        variants = self.numbered_variants(doc, text)
        if not matches and not variants:
            return doc
        groups = {}
        with_years = {}  # group -> known names with the year after them, after all the others
        longest = {}
        for _, start, end in matches:
            longest[start] = max(end, longest.get(start, end))
        for concept, start, end in matches:
            label, group, key, exact = self.concepts[concept]
            last = doc[end - 1]
            start_char, end_char = doc[start].idx, last.idx + len(last)
            if exact and not self.written_as_listed(text[start_char:end_char]):
                continue  # this concept has spellings that count only as written, and this is not one
            found = groups.setdefault(group, [])
            prefix_start = _prefix_start(doc, start) if label != "BENCHMARK" and _variant_end(doc, end) == end else start
            if prefix_start < start:
                # "MP-SENet", "AV-ConvTasNet": a known name with a coined prefix is another one.
                start_char = doc[prefix_start].idx
                key = concept_key(text[start_char:end_char])
            if label in ("BENCHMARK", "MODEL") and longest[start] == end:
                variant_end = _variant_end(doc, end) if label == "BENCHMARK" else _model_variant_end(doc, end)
                if variant_end > end:
                    # "BabyAI-Text", "ImageNet-C": a named variant of a known benchmark is a
                    # benchmark of its own; "MusicGen-Large", "FLUX.1-pro", "SALMONN-13B": a
                    # known model's variant or size is a model of its own.
                    end = variant_end
                    last = doc[end - 1]
                    end_char = last.idx + len(last)
                    key = concept_key(text[start_char:end_char])
            if label == "BENCHMARK" and longest[start] == end:
                # "WMT'15 English-German", "COCO test-dev": a language pair or a named split.
                end_char, key = _with_pair_or_split(text, start_char, end_char, key)
            found.append((start_char, end_char, label, key))
            if label == "BENCHMARK" and end < len(doc) and _YEAR.match(doc[end].text):
                # A year after a known name is part of it too: "iNat 2019", "AIME 2024", and the
                # language pair after the year: "WMT 2014 English-to-German".
                year = doc[end]
                year_end, year_key = _with_pair_or_split(text, start_char, year.idx + len(year), f"{key}-{year.text}")
                with_years.setdefault(group, []).append((start_char, year_end, label, year_key))
        for start_char, end_char, key, label, group in variants:
            groups.setdefault(group, []).append((start_char, end_char, label, key))
        for group, items in groups.items():
            add_findings(doc, group, items + with_years.get(group, []))
        return doc

    def numbered_variants(self, doc, text):
        """(start, end, key, label, group) of each numbered variant of a known one-word method
        written as one token: "ResNet-50" is a method of its own, as "ImageNet-C" is a benchmark."""
        found = []
        for number in _DASH_NUMBER.finditer(text):  # a fast scan for "-50"; the word comes next
            dash = start = number.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            if dash - start < 2 or continues_word(text, start - 1):
                continue
            head = text[start:dash]
            concepts = self.numbered.get(hash_string(head.lower()))
            if not concepts or doc.char_span(start, number.end()) is None:
                continue  # not a known name, or not a whole token
            for concept in concepts:
                label, group, _, exact = self.concepts[concept]
                if not exact or self.written_as_listed(head):
                    found.append((start, number.end(), concept_key(text[start:number.end()]), label, group))
        return found

    def written_as_listed(self, surface):
        """False when ``surface`` is a spelling that counts only as written ("MATH", "ZeRO", a
        one-word benchmark's capital) and is not written so."""
        forms = self.exact_forms.get(surface.lower())
        if forms is None or _written_form(surface) in forms or _capitalised(surface) in forms:
            return True
        # A thousand after a number is written "k" or "K" alike: "ADE20k" is "ADE20K".
        return _THOUSANDS.search(surface) is not None and _written_form(_THOUSANDS.sub(_flip_case, surface)) in forms


def gazetteer_data(gazetteers, groups, tokenizer):
    """The spellings of the entries of ``gazetteers`` (label -> entries) for the labels in
    ``groups`` (label -> findings group), as plain data: each concept (label, group, key, whether
    some spelling must match as written); each spelling's token hashes with the concepts it
    spells (where an entry writes it first, then where it is generated); the written forms of the
    case-sensitive spellings; canonical names and the key each spelling leads to.

    >>> import spacy
    >>> from extractors.resources import GazetteerEntry
    >>> nlp = spacy.blank("en")
    >>> data = gazetteer_data({"MODEL": [GazetteerEntry("MODEL", "Llama-2", "Llama 2")]}, {"MODEL": "models"}, nlp.tokenizer)
    >>> data["concepts"], sorted(data["exact_forms"])
    ([['MODEL', 'models', 'llama-2', False]], [])
    >>> sorted(([nlp.vocab.strings[h] for h in hashes], concepts) for hashes, concepts in data["spellings"])
    [(['llama', '2'], [0]), (['llama-2'], [0]), (['llama2'], [0])]
    """
    canonical, alias_keys, exact_forms = {}, {}, {}
    concepts, concept_of = [], {}
    spellings = {}  # spelling -> {concept index: 0 where an entry writes it, 1 where generated}
    for label, group in groups.items():
        for entry in gazetteers.get(label, ()):
            key = entry.key
            canonical.setdefault(key, entry.id)
            ampersands = _ampersands(entry.pattern)
            for spelling in (entry.pattern, *ampersands):
                alias_keys.setdefault(concept_key(spelling), key)
            index = concept_of.get((label, key))
            if index is None:
                index = concept_of[(label, key)] = len(concepts)
                concepts.append([label, group, key, False])
            spellings.setdefault(entry.pattern, {})[index] = 0
            for variant in surface_variants(entry.pattern) | _plurals(entry.pattern) | ampersands:
                spellings.setdefault(variant, {}).setdefault(index, 1)
                if entry.case_sensitive or _is_case_sensitive(variant) or (label in ("BENCHMARK", "MODEL") and _is_capitalised_word(variant)):
                    exact_forms.setdefault(variant.lower(), set()).add(_written_form(variant))
    for spelling, indices in spellings.items():
        if spelling.lower() in exact_forms:  # some spelling of these concepts counts only as written
            for index in indices:
                concepts[index][3] = True
    phrases = {}  # token hashes -> {concept index: rank}
    ordered = sorted(spellings)
    for spelling, doc in zip(ordered, tokenizer.pipe(ordered)):
        if len(doc):
            ranks = phrases.setdefault(tuple(doc.to_array("LOWER").tolist()), {})
            for index, rank in spellings[spelling].items():
                ranks[index] = min(rank, ranks.get(index, rank))
    return {
        "concepts": concepts,
        "spellings": [[list(hashes), sorted(ranks, key=lambda i: (ranks[i], i))] for hashes, ranks in phrases.items()],
        "exact_forms": {lower: sorted(forms) for lower, forms in exact_forms.items()},
        "canonical": canonical,
        "alias_keys": alias_keys,
    }


def _scratch_tokenizer(nlp):
    """A copy of ``nlp``'s tokenizer on a vocabulary of its own: the spellings' words stay out of
    the pipeline's vocabulary (and out of its saved strings)."""
    tokenizer = nlp.tokenizer
    if not hasattr(tokenizer, "to_bytes"):
        return tokenizer
    scratch = spacy.blank(nlp.lang).tokenizer
    scratch.from_bytes(tokenizer.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    return scratch


_LANGUAGES = "|".join(LANGUAGES)
# A language pair, a named split or a version right after a benchmark's name: " English-to-German",
# " En-De", " English to French", " test-dev", " test-clean", " val2017", " v1.0".
_PAIR_OR_SPLIT = re.compile(
    rf"\s+(?:(?:{_LANGUAGES})(?:-to-|-|\s+to\s+|\s*(?:→|->)\s*)(?:{_LANGUAGES})|(?:test|dev)-(?:dev|std|clean|other)|(?:train|val|test)20\d\d|v\d+(?:\.\d+)*)\b",
    re.IGNORECASE,
)


def _with_pair_or_split(text, start, end, key):
    """(end, key) of the benchmark name at [start, end) with the language pair or named split
    right after it, if one is; ``end`` and ``key`` as they are otherwise."""
    part = _PAIR_OR_SPLIT.match(text, end)
    return (end, key) if part is None else (part.end(), concept_key(text[start:part.end()]))


def _is_prefix(word):
    """A coined word ("MP", "AV") or a digit-led one with a capital ("1D", "3D")."""
    return is_coined_word(word) or (word[:1].isdigit() and word.isalnum() and any(ch.isupper() for ch in word))


def _prefix_start(doc, start):
    """The first token of the coined prefixes joined by hyphens to the name starting at token
    ``start``: "MP-" of "MP-SENet", "1D-CNN-" of "1D-CNN-LSTM"; ``start`` itself when there is
    none. A word ("Multi-", "Self-") is no such prefix."""
    first = start
    while (
        first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ and not doc[first - 2].whitespace_
        and _is_prefix(doc[first - 2].text)
    ):
        first -= 2
    return first


#: Lowercase words a model's variant may be named by after a hyphen ("FLUX.1-pro", "MMS-1B-all").
_MODEL_VARIANT_WORDS = frozenset("pro dev schnell large base small medium mini tiny turbo instruct chat all xl lite plus max".split())


def _model_variant_end(doc, end):
    """The end of a known model's hyphenated variants and size right after tokens ``[..., end)``:
    "-Large" of "MusicGen-Large", "-pro" of "FLUX.1-pro", "-1B-all" of "MMS-1B-all"."""
    for _ in range(3):
        if end + 1 >= len(doc) or doc[end - 1].whitespace_ or doc[end].text != "-" or doc[end].whitespace_:
            break
        if doc[end + 1].text.lower() not in _MODEL_VARIANT_WORDS and _variant_end(doc, end) == end:
            break
        end += 2
    return end


def _variant_end(doc, end):
    """The end of a hyphenated variant name right after tokens ``[..., end)``: "-Text" in
    "BabyAI-Text", "-C" in "ImageNet-C", "-v1" in "LOL-v1"; ``end`` itself when there is none. The
    suffix is written without spaces and starts with a capital, a digit or a "v" and a version
    ("ImageNet-pretrained" is no variant)."""
    if end + 1 >= len(doc) or doc[end - 1].whitespace_ or doc[end].text != "-" or doc[end].whitespace_:
        return end
    suffix = doc[end + 1].text
    versioned = suffix[:1] == "v" and suffix[1:].isdigit()  # "LOL-v1"
    if not (suffix[:1].isupper() or suffix[:1].isdigit() or versioned) or not suffix.replace("-", "").isalnum():
        return end
    return end + 2


@Language.factory(
    "graphbuild_gazetteer",
    default_config={"groups": GROUPS},
    assigns=[f"doc._.{group}" for group in GROUPS.values()],
    requires=[],
)
def make_gazetteer_matcher(nlp, name, groups):
    return GazetteerMatcher(nlp, name, groups)
