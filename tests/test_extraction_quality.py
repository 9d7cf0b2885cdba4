"""Extraction quality on the labelled set must not fall below the figures the README records.

The labelled set (tests/data/gold.jsonl: titles and labels only) was labelled by hand from the
shared corpus following ../shared/ANNOTATION.md; the abstracts are read from ../shared.
"""

import re
from pathlib import Path

import pytest

from graphbuild.builder import contract_records
from graphbuild.evaluate import evaluate, read_gold
from graphbuild.ingest import read_records

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold.jsonl"
TOLERANCE = 0.02


def recorded_figures():
    """{type: (strict F1, lenient F1)} from the README's extraction quality table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Extraction quality", 1)[1].split("\n## ", 1)[0]
    figures = {}
    for row in re.finditer(r"^\| (\w+) \| [\d.]+ \| [\d.]+ \| ([\d.]+) \| [\d.]+ \| [\d.]+ \| ([\d.]+) \|", section, re.M):
        figures[row.group(1)] = (float(row.group(2)), float(row.group(3)))
    return figures


@pytest.fixture(scope="module")
def predictions(corpus_files, extractor):
    """What the extractors find in the whole corpus, extracted once for every labelled set."""
    return contract_records(read_records(corpus_files), extractor)


@pytest.fixture(scope="module")
def evaluation(predictions):
    return evaluate(read_gold(GOLD), predictions)


def test_every_labelled_paper_is_in_the_corpus(evaluation):
    assert evaluation.unmatched_titles == []
    assert evaluation.papers >= 100


@pytest.mark.parametrize("kind", ["links", "proposed", "benchmarks", "models", "methods", "results", "tasks"])
def test_f1_does_not_fall_below_the_readme(evaluation, kind):
    strict, lenient = recorded_figures()[kind]
    assert evaluation.strict[kind].f1 >= strict - TOLERANCE
    assert evaluation.lenient[kind].f1 >= lenient - TOLERANCE


HOLDOUT = ROOT / "tests" / "data" / "holdout.jsonl"
DEV = ROOT / "tests" / "data" / "dev.jsonl"
DEV2 = ROOT / "tests" / "data" / "dev2.jsonl"
# file, papers, column of the README table holding its current figures
SETS = {"holdout": (HOLDOUT, 44, 1), "dev": (DEV, 58, 4), "dev2": (DEV2, 80, 7)}


def recorded_set_figures(column):
    """{type: strict F1} from one column of the README's table of the further labelled sets."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("tests/data/holdout.jsonl", 1)[1].split("\n## ", 1)[0]
    return {
        row.group(1): float(row.group(2).split(" | ")[column - 1])
        for row in re.finditer(r"^\| (\w+) \| ((?:[\d.]+ \| ){7}[\d.]+) \|$", section, re.M)
    }


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_further_labelled_sets_stay_where_the_readme_says(name, predictions):
    path, papers, column = SETS[name]
    evaluation = evaluate(read_gold(path), predictions)
    recorded = recorded_set_figures(column)
    assert evaluation.unmatched_titles == []
    assert evaluation.papers == papers
    assert set(recorded) == {"links", "proposed", "benchmarks", "models", "methods", "results", "tasks"}
    fallen = {kind: round(evaluation.strict[kind].f1, 3) for kind, f1 in recorded.items()
              if evaluation.strict[kind].f1 < f1 - TOLERANCE}
    assert fallen == {}, f"strict F1 on {path.name} below the README's table: {fallen}"
