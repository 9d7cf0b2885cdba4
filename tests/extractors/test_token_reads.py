"""The token reads (compiled or plain, whichever this install runs) answer as spaCy's own API
does: lexeme flags as ``token.check_flag``, phrase matches as ``PhraseMatcher.__call__``, and
aligned spans as ``doc.char_span``."""

import random
from pathlib import Path

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from extractors.token_reads import aligned, flagged_tokens, phrase_matches
from graphbuild.ingest import read_records
from graphbuild.papers import merge_records

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "hf-daily-papers"
HANDWRITTEN = [
    "Qwen2.5 7B beats  GPT-4o on MATH500 (84.3%),\nand   ControlNet++ helps.  ",
    "  Leading spaces, a trailing one ",
    "Ünïcode nämes like Café-Net and 😀 emoji sit between ImageNet-1K words.",
    "x",
    "Large Language Models large language models LARGE LANGUAGE MODELS",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def texts():
    found = list(HANDWRITTEN)
    if CORPUS.is_dir():  # real abstracts as well, where the shared corpus is beside the project
        found += [f"{p.title}\n\n{p.abstract}" for p in merge_records(read_records([CORPUS]))[:120]]
    return found


def test_flagged_tokens_are_the_tokens_with_the_flag(nlp, texts):
    flag = nlp.vocab.add_flag(lambda word: word[:1].isupper() or word[:1].isdigit())
    for text in texts:
        doc = nlp(text)
        expected = [(t.i, t.idx, t.idx + len(t)) for t in doc if t.check_flag(flag)]
        assert flagged_tokens(doc, flag) == expected
        assert all(text[start:end] == doc[i].text for i, start, end in expected)


def _matcher(nlp, attr):
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for key, phrases in {
        "LLM": ["large language models", "large language model", "Large"],
        "MODEL": ["Qwen2.5 7B", "GPT-4o", "ControlNet++"],
        "BENCH": ["MATH500", "ImageNet-1K", "words", "ImageNet-1K words"],
    }.items():
        matcher.add(key, [nlp.make_doc(p) for p in phrases])
    return matcher


@pytest.mark.parametrize("attr", ["LOWER", "ORTH"])
def test_phrase_matches_are_the_matchers_with_their_characters(nlp, texts, attr):
    matcher = _matcher(nlp, attr)
    total = 0
    for text in texts:
        doc = nlp(text)
        expected = [(m, s, e, doc[s:e].start_char, doc[s:e].end_char) for m, s, e in matcher(doc)]
        assert phrase_matches(matcher, doc) == expected
        total += len(expected)
    assert total >= 8  # overlapping, nested and end-of-text matches among them


def test_phrase_matches_run_the_matchers_callbacks(nlp):
    matcher = _matcher(nlp, "LOWER")
    seen = []
    matcher.add("CALLED", [nlp.make_doc("ControlNet++ helps")], on_match=lambda m, doc, i, matches: seen.append(i))
    doc = nlp(HANDWRITTEN[0])
    matches = phrase_matches(matcher, doc)
    assert [m[:3] for m in matches] == matcher(doc)
    assert seen  # called once by each of the two calls above
    assert len(seen) % 2 == 0


@pytest.mark.parametrize("mode", ["expand", "contract", "strict"])
def test_aligned_spans_are_char_spans(nlp, texts, mode):
    draw = random.Random(7)
    checked = 0
    for text in texts:
        doc = nlp(text)
        for _ in range(60):
            start = draw.randrange(-1, len(text) + 1)
            end = draw.randrange(start, len(text) + 2)
            span = doc.char_span(start, end, alignment_mode=mode)
            expected = (span.start_char, span.end_char) if span is not None and len(span) else None
            assert aligned(doc, start, end, mode) == expected, (text, start, end)
            checked += expected is not None
    assert checked > 100
