"""graphbuild train and graphbuild cross-validate on small hand-written listings."""

import json

import pytest
from click.testing import CliRunner

from graphbuild.cli import main

PAPERS = [
    ("Continual Learning for Robots", "We study continual learning on robot arms. Forgetting is measured."),
    ("Fast Image Generation with Tiny Nets", "We speed up image generation. Image generation is costly."),
    ("Motion Planning under Noise", "Motion planning for drones is studied. Results improve."),
    ("Robust Speech Recognition", "We make speech recognition robust to noise in speech recognition."),
    ("Text Summarization at Scale", "Text summarization of long documents is hard."),
    ("Offline Policy Evaluation Revisited", "We revisit offline policy evaluation for bandits."),
]
TASKS = {
    "Continual Learning for Robots": ["continual learning"],
    "Fast Image Generation with Tiny Nets": ["image generation"],
    "Motion Planning under Noise": ["motion planning"],
    "Robust Speech Recognition": ["speech recognition"],
    "Text Summarization at Scale": ["text summarization"],
    "Offline Policy Evaluation Revisited": ["offline policy evaluation"],
}
EMPTY = {"proposed": [], "methods": [], "benchmarks": [], "models": [], "links": [], "results": []}


@pytest.fixture()
def labelled(tmp_path):
    """Two listings of three papers each, and their labels."""
    listings = []
    for number, chunk in enumerate((PAPERS[:3], PAPERS[3:])):
        path = tmp_path / f"listing{number}.jsonl"
        path.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for t, a in chunk), encoding="utf-8")
        listings.append(str(path))
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps({"title": t, "tasks": tasks, **EMPTY}) + "\n" for t, tasks in TASKS.items()), encoding="utf-8")
    return listings, str(labels)


def test_training_twice_writes_the_same_model(labelled, tmp_path):
    listings, labels = labelled
    runner = CliRunner()
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        result = runner.invoke(main, ["train", *listings, "--labels", labels, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert "trained on 6 labelled papers" in result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    model = json.loads(outputs[0])
    assert model["weights"] and model["provenance"]["papers"] == 6 and model["provenance"]["seed"] == 13
    assert model["weights"].get("title", 0) > 0  # every labelled task here is in its title


def test_a_model_that_cannot_be_written_is_an_error_and_leaves_nothing(labelled, tmp_path):
    listings, labels = labelled
    out = tmp_path / "missing-folder" / "model.json"
    result = CliRunner().invoke(main, ["train", *listings, "--labels", labels, "--out", str(out)])
    assert result.exit_code != 0
    assert "missing-folder" in result.output
    assert not out.parent.exists()


def test_cross_validation_holds_each_listing_out_in_turn(labelled):
    listings, labels = labelled
    result = CliRunner().invoke(main, ["cross-validate", *listings, "--labels", labels, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [fold["listing"] for fold in report["folds"]] == ["listing0.jsonl", "listing1.jsonl"]
    assert all(fold["papers"] == 3 for fold in report["folds"])
    assert set(report["mean"]) == {"rules", "learned"}
    assert 0.0 <= report["min"]["learned"]["strict"]["tasks"] <= report["mean"]["learned"]["strict"]["tasks"] <= 1.0


def test_the_table_names_every_fold_and_the_worst(labelled):
    listings, labels = labelled
    result = CliRunner().invoke(main, ["cross-validate", *listings, "--labels", labels])
    assert result.exit_code == 0, result.output
    assert "listing0.j" in result.output and "worst" in result.output and "learned (strict)" in result.output


def test_labels_for_other_papers_are_a_clear_error(labelled, tmp_path):
    listings, _ = labelled
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"title": "Nothing Here", "tasks": [], **EMPTY}) + "\n", encoding="utf-8")
    for command in ("train", "cross-validate"):
        result = CliRunner().invoke(main, [command, *listings, "--labels", str(other)])
        assert result.exit_code != 0
        assert "other.jsonl" in result.output and "none of its titles" in result.output


def test_a_broken_labels_line_is_named(labelled, tmp_path):
    listings, _ = labelled
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "A", "tasks": []}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["cross-validate", *listings, "--labels", str(broken)])
    assert result.exit_code != 0
    assert "broken.jsonl:2" in result.output


@pytest.mark.parametrize("line", ['{"title": "A", "tasks": "continual learning"}', '{"title": "A", "results": ["84.3"]}'])
def test_a_label_of_the_wrong_shape_is_named(labelled, tmp_path, line):
    listings, _ = labelled
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(line + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["train", *listings, "--labels", str(wrong), "--out", str(tmp_path / "m.json")])
    assert result.exit_code != 0
    assert "wrong.jsonl:1" in result.output and "must be a list" in result.output
    assert not (tmp_path / "m.json").exists()


def test_cross_validation_needs_two_listings(labelled):
    listings, labels = labelled
    result = CliRunner().invoke(main, ["cross-validate", listings[0], "--labels", labels])
    assert result.exit_code != 0
    assert "at least two input files" in result.output
