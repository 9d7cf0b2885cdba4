"""No input makes reading or extraction fail other than with the one-line error, or take work out
of proportion to its length.

Property-based (Hypothesis, derandomised so that every run tries the same inputs): the listing
parser and the JSON Lines reader take any text; the whole pipeline takes any abstract up to the
100,000 characters a field may have, built from random Unicode (surrogates and control characters
included), runs of punctuation, nested brackets, long tokens, links and phrasings the rules look
for. Work is counted, not timed: the Python functions (and the C functions they call) run during
an extraction, a number that does not depend on the machine or how busy it is, and that grows
with the square of the length where an algorithm does.
"""

import json
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from graphbuild.errors import InputError
from graphbuild.extraction import contract_record
from graphbuild.ingest.fields import MAX_CHARACTERS
from graphbuild.ingest.hf_listing import parse_listing
from graphbuild.ingest.jsonl import parse_jsonl

# Calls per character of the shared corpus's abstracts are about 4, of the costliest families of
# benchmarks/pathological.py about 15; a quadratic step shows as thousands at these lengths.
CALLS_PER_CHARACTER = 40
CALLS_AT_LEAST = 200_000  # a short text's fixed cost: the assembly, the records, the first tokens

ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and control characters too
PIECES = st.one_of(
    st.text(ANY_CHARACTER, max_size=300),
    st.builds(lambda mark, n: mark * n, st.sampled_from(list("([{<)]}>-.'\"!?,;:~*_/\\%#@$^&|`")), st.integers(1, 30000)),
    st.builds(lambda n: "[" * n + "a " + "]" * n, st.integers(1, 10000)),
    st.builds(lambda piece, n: piece * n, st.sampled_from(["a", "Ab9", "a:", "'s", "\U0001F600", "x-", "(a", "a."]), st.integers(1, 20000)),
    st.sampled_from(["https://github.com/org/repo).", "www.example.org/a(b)", "\\href{https://huggingface.co/datasets/o/x{X}"]),
    st.builds(
        lambda phrase, n: phrase * n,
        st.sampled_from([
            "We propose ZetaNet, a novel framework. ",
            "84.3 on MATH500, ",
            "Variational Score Distillation (VSD) ",
            "SLCD -- Supervised Learning based Controllable Diffusion ",
            "our method, ZetaNet, ",
            "a method called ZetaNet and ",
            "GPT-4 (35.6%) and ",
            "x -- ",
        ]),
        st.integers(1, 2000),
    ),
)
ABSTRACTS = st.lists(PIECES, min_size=1, max_size=6).map(lambda pieces: "".join(pieces)[:MAX_CHARACTERS])
ROBUSTNESS = settings(derandomize=True, deadline=None, max_examples=40, suppress_health_check=list(HealthCheck))


def counted_calls(function, *args):
    """``function(*args)`` and the number of function calls it made, Python and C."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        result = function(*args)
    finally:
        sys.setprofile(None)
    return result, calls


def read_line(line):
    """The records of one JSON Lines line, or the InputError it gives."""
    return list(parse_jsonl([line], "papers.jsonl"))


@ROBUSTNESS
@given(ABSTRACTS)
@example("x -- " + "-" * 16000)
@example("x " + "(" * 16000)
@example("a" * 100000)
@example("\U0001F600" * 20000)
@example("'s" * 30000)
@example("x \ud800 y")
@example("\u200b\u200b\u200b")
def test_any_abstract_gives_a_record_or_the_one_line_error_with_work_in_proportion(extractor, abstract):
    line = json.dumps({"title": "A Title", "abstract": abstract})
    try:
        (record,) = read_line(line)
    except InputError as error:
        assert str(error).startswith("papers.jsonl:1: ") and "\n" not in str(error)
        return
    from graphbuild.papers import merge_records

    (paper,) = merge_records([record])
    (extraction,), calls = counted_calls(lambda: list(extractor.extract([paper])))
    found = contract_record(paper, extraction)
    assert list(found) == ["id", "title", "proposed", "methods", "benchmarks", "models", "tasks", "links", "results"]
    assert calls <= CALLS_PER_CHARACTER * len(abstract) + CALLS_AT_LEAST, (len(abstract), calls)


@ROBUSTNESS
@given(st.text(ANY_CHARACTER, max_size=2000))
@example('{"title": "t", "abstract": "x", "z": ' + "[" * 100000 + "]" * 100000 + "}")
@example('{"title": "t", "abstract": "x", "id": NaN}')
@example('{"title": "t", "abstract": "x", "id": 1e400}')
@example('{"title": "t", "abstract": "x", "id": true}')
@example('{"title": "t", "abstract": "x", "n": ' + "9" * 5000 + "}")
@example('{"title": "t\\ud800", "abstract": "x"}')
def test_any_json_line_gives_records_or_the_one_line_error(line):
    try:
        records = read_line(line)
    except InputError as error:
        assert str(error).startswith("papers.jsonl:1: ") and "\n" not in str(error)
        return
    for record in records:
        assert record.title.strip() and record.abstract.strip()
        assert all(field.encode("utf-8") for field in (record.title, record.abstract, record.id or "", *record.authors))


@ROBUSTNESS
@given(st.lists(st.text(ANY_CHARACTER.filter(lambda ch: ch not in "\n\r"), max_size=400), max_size=12))
def test_any_listing_gives_records_or_the_one_line_error(lines):
    try:
        records = list(parse_listing(lines, "listing.txt"))
    except InputError as error:
        assert str(error).startswith("listing.txt:") and "\n" not in str(error)
        return
    for record in records:
        assert record.title and record.abstract and len(record.abstract) <= MAX_CHARACTERS


@pytest.mark.parametrize(
    "line, message",
    [
        (json.dumps({"title": "t", "abstract": "a" * (MAX_CHARACTERS + 1)}), '"abstract" is 100,001 characters long'),
        (json.dumps({"title": "t\ud800", "abstract": "x"}), '"title" holds a lone surrogate (\\ud800)'),
        (json.dumps({"title": "t", "abstract": "x", "authors": ["A \udfff"]}), '"authors" holds a lone surrogate'),
        (json.dumps({"title": "t", "abstract": "\u200b\u200b"}), '"abstract" has no visible character'),
        ('{"title": "t", "abstract": "x", "id": NaN}', '"id" must be a string (in quotes), not the number nan'),
        ('{"title": "t", "abstract": "x", "id": true}', '"id" must be a string (in quotes), not true or false'),
        ('{"title": "t", "abstract": "x", "z": ' + "[" * 100000 + "]" * 100000 + "}", "JSON nested too deeply"),
    ],
)
def test_each_bad_field_is_named_in_the_error(line, message):
    with pytest.raises(InputError, match=f"^papers.jsonl:1: {message[:30].replace('(', '.').replace(')', '.').replace('[', '.')}"):
        read_line(line)
