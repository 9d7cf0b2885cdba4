"""The trees task ranker (--task-ranker trees): fitting, saving, loading and choosing, on
hand-written papers; its quality on the shared corpus is in tests/test_extraction_quality.py."""

import json
import sys

import pytest
from click.testing import CliRunner
from conftest import run_spawned_helper_alone

from extractors.sections import compose
from extractors.sections import title_end as end_of_title
from extractors.task_candidates import head_words
from extractors.task_trees import TreeRanker, TreesUnavailable, describe, load_trees, tree_chooser
from graphbuild.cli import main
from graphbuild.extraction import CHUNK, Extractor
from graphbuild.records import Paper

pytest.importorskip("lightgbm", reason="the trees task ranker needs LightGBM (pip install lightgbm)")

SUBJECTS = ["graph", "protein", "speech", "weather", "market", "tumor", "lidar", "traffic", "music", "code", "retina", "crop"]
ACTIVITIES = ["forecasting", "segmentation", "retrieval", "translation", "detection", "generation", "ranking", "parsing"]


def _paper(i):
    """A title naming its task after "for", and an abstract that also names other activities; the
    label is the title's task."""
    subject, activity = SUBJECTS[i % len(SUBJECTS)], ACTIVITIES[i % len(ACTIVITIES)]
    other = ACTIVITIES[(i + 3) % len(ACTIVITIES)]
    task = f"{subject} {activity}"
    text = compose(
        f"Sparse Tiny Adapters for {task.title()}",
        f"Data cleaning and {other} are costly. We study {task} with small adapters, and report careful benchmarking.",
    )
    return text, task


def _groups(papers):
    groups = []
    for text, task in papers:
        found, described = describe(text, end_of_title(text), frozenset(), head_words(()))
        groups.append((described, {i for i, c in enumerate(found) if c.phrase == task}))
    return groups


@pytest.fixture(scope="module")
def ranker():
    return TreeRanker.fit(_groups([_paper(i) for i in range(60)]), seed=13, trees=40)


def test_trees_learn_where_a_task_stands_and_choose_it_in_unseen_papers(ranker):
    choose_tasks = tree_chooser(ranker, frozenset())
    right = 0
    for i in range(60, 84):  # subject and activity pairs the training papers did not have together
        text, task = _paper(i * 5 + 1)
        chosen = [phrase for phrase, _ in choose_tasks(text, end_of_title(text))]
        right += chosen[:1] == [task]
    assert right >= 20, f"{right} of 24 papers got their title task first"


def test_saved_trees_score_as_the_fitted_ones(ranker, tmp_path):
    from graphbuild.training import write_trees

    path = write_trees(ranker, tmp_path / "trees.json", {"papers": 60})
    loaded, settings = load_trees(path)
    text, _ = _paper(3)
    _, described = describe(text, end_of_title(text), frozenset(), head_words(()))
    assert loaded.scores(described) == pytest.approx(ranker.scores(described), abs=1e-9)
    assert settings == {"most": 2, "threshold": 0.5}
    assert json.loads(path.read_text(encoding="utf-8"))["provenance"] == {"papers": 60}


def test_matrix_rows_are_in_column_order_whatever_the_order_of_the_strings(ranker):
    # LightGBM fits from sparse rows in column order: on the shared corpus, rows out of order
    # fitted other trees (cross-validated task F1 0.446 -> 0.433).
    text, _ = _paper(5)
    _, described = describe(text, end_of_title(text), frozenset(), head_words(()))
    matrix = ranker.matrix([(list(reversed(strings)), numbers) for strings, numbers in described])
    for row in range(matrix.shape[0]):
        columns = list(matrix.indices[matrix.indptr[row]:matrix.indptr[row + 1]])
        assert columns == sorted(set(columns)) and len(columns) > 2
    assert (matrix.toarray() == ranker.matrix(described).toarray()).all()


def test_a_missing_or_damaged_trees_file_is_a_clear_error(tmp_path):
    with pytest.raises(TreesUnavailable, match="graphbuild train --task-ranker trees"):
        load_trees(tmp_path / "none.json")
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps({"columns": ["bias"], "model": "tree\nnot a model"}), encoding="utf-8")
    with pytest.raises(TreesUnavailable, match="damaged.json"):
        load_trees(damaged)
    damaged.write_text("{", encoding="utf-8")
    with pytest.raises(TreesUnavailable, match="damaged.json"):
        load_trees(damaged)


@pytest.fixture(scope="module")
def trees_extractor():
    return Extractor(task_ranker="trees")


def test_the_shipped_trees_choose_a_papers_task_and_leave_the_names_alone(trees_extractor):
    paper = Paper(
        id="p1", title="Sparse Mixture Routing for Long-Context Question Answering", sources=("test",),
        abstract="We propose Sparse Mixture Routing (SMR), a method for long-context question answering. "
        "SMR improves retrieval and reasoning over long documents.",
    )
    (extraction,) = trees_extractor.extract([paper])
    tasks = [m.text for m in extraction.mentions if m.label == "Task"]
    assert "long-context question answering" in tasks
    assert "sparse mixture routing" not in tasks  # a phrase only inside a name is the name


def test_workers_give_the_trees_choice_one_process_gives(trees_extractor):
    papers = [
        Paper(id=f"p{i}", title=f"Zeta{i}Net for {SUBJECTS[i % 12].title()} {ACTIVITIES[i % 8].title()}", sources=("test",),
              abstract=f"We study {SUBJECTS[i % 12]} {ACTIVITIES[i % 8]} with Zeta{i}Net.")
        for i in range(2 * CHUNK + 9)
    ]
    alone = list(trees_extractor.extract(papers))
    assert list(trees_extractor.extract(papers, workers=2)) == alone


def test_a_spawned_helper_chooses_with_the_trees_too(trees_extractor):
    # Where helpers are spawned (no fork), each loads its own pipeline and must load the trees too.
    papers = [
        Paper(
            id=f"p{i}", title=f"Zeta{i}Net: Scaling {SUBJECTS[i % 12].title()} Models", sources=("test",),
            abstract=f"Robust {SUBJECTS[i % 12]} {ACTIVITIES[i % 8]} remains hard. We improve {ACTIVITIES[(i + 3) % 8]} and "
            f"data cleaning with Zeta{i}Net, and study {SUBJECTS[(i + 5) % 12]} {ACTIVITIES[(i + 1) % 8]}.",
        )
        for i in range(40)
    ]
    alone = list(trees_extractor.extract(papers))
    assert alone != list(Extractor().extract(papers))  # the rankers choose differently here
    settings = (None, (), trees_extractor.pipeline_path, trees_extractor.task_ranker)
    assert run_spawned_helper_alone(papers, *settings) == alone


def test_the_cli_takes_the_trees_ranker(tmp_path, trees_extractor):
    # A paper the two rankers disagree on: the command's choice is the trees'.
    linear = Extractor()
    for i in range(40):
        paper = Paper(
            id=f"p{i}", title=f"Zeta{i}Net: Scaling {SUBJECTS[i % 12].title()} Models", sources=("test",),
            abstract=f"Robust {SUBJECTS[i % 12]} {ACTIVITIES[i % 8]} remains hard. We improve {ACTIVITIES[(i + 3) % 8]} and "
            f"data cleaning with Zeta{i}Net, and study {SUBJECTS[(i + 5) % 12]} {ACTIVITIES[(i + 1) % 8]}.",
        )
        trees_tasks, linear_tasks = ([m.text for m in x.mentions if m.label == "Task"] for (x,) in
                                     (trees_extractor.extract([paper]), linear.extract([paper])))
        if trees_tasks != linear_tasks:
            break
    else:
        pytest.fail("the rankers agree on every paper here")
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"title": paper.title, "abstract": paper.abstract}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--task-ranker", "trees", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(json.loads(result.output)["tasks"]) == sorted(set(trees_tasks))


def test_without_lightgbm_the_trees_ranker_is_a_one_line_error(tmp_path, monkeypatch):
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"title": "Robust Speech Recognition", "abstract": "We study speech recognition."}) + "\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "lightgbm", None)  # as if it were not installed
    result = CliRunner().invoke(main, ["extract", str(path), "--task-ranker", "trees", "-q"])
    assert result.exit_code == 1
    assert "pip install lightgbm" in result.output and "Traceback" not in result.output
    assert CliRunner().invoke(main, ["extract", str(path), "-q"]).exit_code == 0  # the default needs none


def test_lightgbm_that_cannot_load_its_system_library_is_a_one_line_error(tmp_path, monkeypatch):
    class Unloadable:  # an import of lightgbm fails as it does without libgomp
        @staticmethod
        def find_spec(name, path=None, target=None):
            if name == "lightgbm":
                raise OSError("libgomp.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.delitem(sys.modules, "lightgbm", raising=False)
    monkeypatch.setattr(sys, "meta_path", [Unloadable(), *sys.meta_path])
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"title": "Robust Speech Recognition", "abstract": "We study speech recognition."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--task-ranker", "trees", "-q"])
    assert result.exit_code == 1
    assert "apt-get install libgomp1" in result.output and "Traceback" not in result.output
