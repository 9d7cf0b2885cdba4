"""The token reads answer as spaCy's own API does: lexeme flags as ``token.check_flag``, read
from an array instead of token by token."""

import pytest
import spacy

from extractors.token_reads import flagged_tokens

HANDWRITTEN = [
    "Qwen2.5 7B beats  GPT-4o on MATH500 (84.3%),\nand   ControlNet++ helps.  ",
    "  Leading spaces, a trailing one ",
    "Ünïcode nämes like Café-Net and 😀 emoji sit between ImageNet-1K words.",
    "x",
    "",
    "Large Language Models large language models LARGE LANGUAGE MODELS",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.fixture(scope="module", params=["handwritten", "corpus"])
def texts(request):
    """Hand-written texts, and real abstracts where the shared corpus is beside the project."""
    return HANDWRITTEN if request.param == "handwritten" else request.getfixturevalue("corpus_texts")[:120]


def test_flagged_tokens_are_the_tokens_with_the_flag(nlp, texts):
    flag = nlp.vocab.add_flag(lambda word: word[:1].isupper() or word[:1].isdigit())
    for text in texts:
        doc = nlp(text)
        expected = [(t.i, t.idx, t.idx + len(t)) for t in doc if t.check_flag(flag)]
        assert flagged_tokens(doc, flag) == expected
        assert all(text[start:end] == doc[i].text for i, start, end in expected)
