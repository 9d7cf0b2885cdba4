"""Extraction quality must not fall below the figures recorded in tests/data/quality_thresholds.json.

The figures that count are the leave-one-listing-out ones (``graphbuild cross-validate``): the
task model fitted on three listings' labelled papers, scored on the fourth's. The per-set figures
below them are scored with the shipped model, which was trained on every labelled paper, so for
tasks they are tuning-set figures: they guard against regressions, not for quality.

The labelled sets (tests/data/*.jsonl: titles and labels only) were labelled by hand from the
shared corpus following ../shared/ANNOTATION.md and docs/labelling.md; the abstracts are read
from ../shared.
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
def folds(corpus_files, extractor):
    """Leave-one-listing-out over the four shared listings, every labelled set together."""
    from graphbuild.training import cross_validate, read_labels, read_listings

    return cross_validate(extractor, read_listings(corpus_files), read_labels([DATA]), trees=True)


def test_cross_validated_figures_stay_at_their_recorded_values(folds):
    recorded = THRESHOLDS["cross_validation"]
    tolerance = THRESHOLDS["tolerance"]
    assert [name for name, _, _ in folds.folds] == recorded["listings"]
    fallen = {}
    for kind in TYPES:
        mean, worst, _ = folds.figure("learned", kind)
        if mean < recorded["mean"][kind] - tolerance:
            fallen[("mean", kind)] = round(mean, 3)
        if worst < recorded["worst"][kind] - tolerance:
            fallen[("worst", kind)] = round(worst, 3)
    assert fallen == {}, f"cross-validated strict F1 below tests/data/quality_thresholds.json: {fallen}"


def test_the_learned_task_choice_beats_the_task_list_on_every_held_out_listing(folds):
    for name, _, evaluations in folds.folds:
        learned, rules = evaluations["learned"].strict["tasks"], evaluations["rules"].strict["tasks"]
        assert learned.f1 > rules.f1, f"{name}: learned {learned.f1:.3f} <= task list {rules.f1:.3f}"
        assert learned.precision > rules.precision


def test_the_trees_task_ranker_stays_at_its_recorded_figures_and_beats_the_linear_one(folds):
    """The slower ranker is worth offering only while it chooses tasks better, leaving one listing
    out, than the default one does in the same run."""
    recorded = THRESHOLDS["cross_validation"]["trees"]
    mean, worst, _ = folds.figure("trees", "tasks")
    assert mean >= recorded["mean"] - THRESHOLDS["tolerance"] and worst >= recorded["worst"] - THRESHOLDS["tolerance"], (mean, worst)
    assert mean > folds.figure("learned", "tasks")[0] + 0.02


def test_the_shipped_task_model_is_what_the_training_command_makes(corpus_files, tmp_path):
    """``graphbuild train`` on the shared corpus and tests/data reproduces the model the package
    ships, weight for weight: the model is never edited by hand or left stale by a label change."""
    from click.testing import CliRunner

    from graphbuild.cli import main
    from graphbuild.training import MODEL_PATH

    out = tmp_path / "model.json"
    result = CliRunner().invoke(main, ["train", *corpus_files, "--labels", str(DATA), "--out", str(out)])
    assert result.exit_code == 0, result.output
    made, shipped = json.loads(out.read_text(encoding="utf-8")), json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert made["settings"] == shipped["settings"]
    assert made["weights"] == shipped["weights"], "retrain: graphbuild train ../shared/corpus/hf-daily-papers/ --labels tests/data"


def test_the_shipped_trees_are_what_the_training_command_makes(corpus_files, tmp_path):
    """As for the linear model: ``graphbuild train --task-ranker trees`` reproduces the shipped
    trees (LightGBM fits them deterministically, on one thread)."""
    from click.testing import CliRunner

    from graphbuild.cli import main
    from graphbuild.training import TREES_PATH

    out = tmp_path / "trees.json"
    result = CliRunner().invoke(main, ["train", *corpus_files, "--labels", str(DATA), "--task-ranker", "trees", "--out", str(out)])
    assert result.exit_code == 0, result.output
    made, shipped = json.loads(out.read_text(encoding="utf-8")), json.loads(TREES_PATH.read_text(encoding="utf-8"))
    assert made["columns"] == shipped["columns"]
    trees = [line for line in made["model"].splitlines() if line.startswith(("split_feature=", "threshold=", "leaf_value="))]
    assert trees == [line for line in shipped["model"].splitlines() if line.startswith(("split_feature=", "threshold=", "leaf_value="))], (
        "retrain: graphbuild train ../shared/corpus/hf-daily-papers/ --labels tests/data --task-ranker trees"
    )


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
