"""The pipeline's tokenizer: the suffix search near a token's end splits exactly as spaCy's search
of the whole token does, and survives saving and loading."""

import pytest
import spacy
from spacy.tokenizer import Tokenizer

from extractors.tokenizer import TOKENIZER, NameFriendlyTokenizer, tokenizable

HANDWRITTEN = [
    "We beat Llama 3.2 3B on GSM8K. It's 5km/h faster: 84.3%, 12.5$, 20°C. and (a) [b] {c}...",
    "See https://github.com/org/repo).' and www.example.org/a(b)!?",
    "The model's gains (+4.2%), the models' loss... etc.…",
    "x " + "'s" * 100 + " " + "." * 16 + " " + "a:" * 50,
]


@pytest.fixture(scope="module")
def tokenizers():
    ours = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    plain = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    tokenizer = ours.tokenizer
    # The same rules with spaCy's own search of the whole token for a suffix.
    plain.tokenizer = Tokenizer(
        plain.vocab, rules=tokenizer.rules, prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search.__self__.expression.search, infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match, url_match=tokenizer.url_match,
    )
    return ours, plain


@pytest.fixture(scope="module", params=["handwritten", "corpus"])
def texts(request):
    return HANDWRITTEN if request.param == "handwritten" else request.getfixturevalue("corpus_texts")


def test_searching_the_end_for_a_suffix_splits_as_searching_the_whole_token(tokenizers, texts):
    ours, plain = tokenizers
    assert isinstance(ours.tokenizer, NameFriendlyTokenizer)
    for text in texts:
        text = tokenizable(text)
        assert [t.text for t in ours.make_doc(text)] == [t.text for t in plain.make_doc(text)]


def test_the_tokenizer_searches_the_end_after_saving_and_loading(tokenizers, tmp_path):
    ours, _ = tokenizers
    ours.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert isinstance(loaded.tokenizer, NameFriendlyTokenizer)
    assert loaded.tokenizer.suffix_search.__self__.pattern == ours.tokenizer.suffix_search.__self__.pattern
    assert [t.text for t in loaded(HANDWRITTEN[0])] == [t.text for t in ours(HANDWRITTEN[0])]
