"""Extraction quality on the labelled sets must not fall below the figures recorded in
tests/data/quality_thresholds.json.

The labelled sets (tests/data/*.jsonl: titles and labels only) were labelled by hand from the
shared corpus following ../shared/ANNOTATION.md; the abstracts are read from ../shared.
"""

import json
from pathlib import Path

import pytest

from graphbuild.builder import contract_records
from graphbuild.evaluate import evaluate, read_gold
from graphbuild.ingest import read_records

DATA = Path(__file__).resolve().parent / "data"
THRESHOLDS = json.loads((DATA / "quality_thresholds.json").read_text(encoding="utf-8"))
TYPES = {"links", "proposed", "benchmarks", "models", "methods", "results", "tasks"}


@pytest.fixture(scope="module")
def predictions(corpus_files, extractor):
    """What the extractors find in the whole corpus, extracted once for every labelled set."""
    return contract_records(read_records(corpus_files), extractor)


def test_every_labelled_set_has_thresholds_for_every_type():
    assert set(THRESHOLDS["sets"]) == {path.name for path in DATA.glob("*.jsonl")}
    for recorded in THRESHOLDS["sets"].values():
        assert set(recorded["strict"]) == TYPES


@pytest.mark.parametrize("name", sorted(THRESHOLDS["sets"]))
def test_a_labelled_set_stays_at_its_recorded_figures(name, predictions):
    recorded = THRESHOLDS["sets"][name]
    evaluation = evaluate(read_gold(DATA / name), predictions)
    assert evaluation.unmatched_titles == []
    assert evaluation.papers == recorded["papers"]
    tolerance = THRESHOLDS["tolerance"]
    fallen = {
        (mode, kind): round(getattr(evaluation, mode)[kind].f1, 3)
        for mode in ("strict", "lenient")
        for kind, f1 in recorded.get(mode, {}).items()
        if getattr(evaluation, mode)[kind].f1 < f1 - tolerance
    }
    assert fallen == {}, f"F1 on {name} below tests/data/quality_thresholds.json: {fallen}"
