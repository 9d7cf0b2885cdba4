import json

import pytest
from click.testing import CliRunner

from graphbuild import __version__
from graphbuild.cli import main

ABSTRACT = "We propose StepNet, a method that scores steps. It reaches 71.2 on MATH500 with Qwen2.5 7B and PPO."


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def listing(tmp_path):
    path = tmp_path / "listing.txt"
    path.write_text(f"Subscribe\nStepNet: Scoring Steps\n{ABSTRACT}\nStepNet: Scoring Steps\n{ABSTRACT}\n", encoding="utf-8")
    return path


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"graphbuild, version {__version__}\n"


@pytest.mark.parametrize("command", ["build", "extract", "stats"])
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_build_summarises_and_saves(runner, listing, tmp_path):
    out = tmp_path / "g.json"
    result = runner.invoke(main, ["build", str(listing), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"1 papers from 2 title/abstract pairs -> {out}"
    counts = [line for line in lines if line.startswith("  ")]
    assert {"Paper": "1", "PROPOSES": "1"}.items() <= {line.split()[0]: line.split()[1] for line in counts}.items()
    assert len({line.rindex(" ") for line in counts}) == 1  # the numbers line up, whatever the longest name
    graph = json.loads(out.read_text())
    (paper,) = [n for n in graph["nodes"] if n["label"] == "Paper"]
    assert paper["properties"]["sources"] == [f"{listing}:2", f"{listing}:4"]


def test_extract_prints_one_contract_line_per_distinct_paper(runner, listing):
    result = runner.invoke(main, ["extract", str(listing)])
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    record = json.loads(line)
    assert record["proposed"] == ["StepNet"]
    assert record["models"] == ["Qwen2.5 7B"]
    (result,) = record["results"]
    assert (result["benchmark"], result["value"]) == ("MATH500", "71.2")
    assert set(result) == {"benchmark", "value", "metric", "subject"}


def test_stats_lists_counts_and_most_connected(runner, listing, tmp_path):
    out = tmp_path / "g.json"
    runner.invoke(main, ["build", str(listing), "--out", str(out), "-q"])
    result = runner.invoke(main, ["stats", str(out)])
    assert result.exit_code == 0
    assert "most connected:" in result.output
    assert "  Benchmark: MATH-500 (1)" in result.output


def test_missing_input_is_a_one_line_error(runner, tmp_path):
    result = runner.invoke(main, ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope.txt'}: no such file or directory\n"


def test_bad_json_line_names_file_and_line(runner, tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text('{"title": "T", "abstract": "A."}\n{"abstract": "no title"}\n')
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.output == f'Error: {path}:2: missing "title" (every line needs "title" and "abstract")\n'


def test_failed_build_leaves_the_previous_graph_untouched(runner, listing, tmp_path):
    out = tmp_path / "g.json"
    assert runner.invoke(main, ["build", str(listing), "--out", str(out), "-q"]).exit_code == 0
    before = out.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    result = runner.invoke(main, ["build", str(listing), str(bad), "--out", str(out), "-q"])
    assert result.exit_code == 1
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".g.json")] == []


def test_stats_on_a_missing_graph_says_how_to_make_one(runner, tmp_path):
    result = runner.invoke(main, ["stats", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    assert "build one with `graphbuild build INPUT... --out" in result.output


def test_example_builds_without_inputs(runner, tmp_path):
    result = runner.invoke(main, ["build", "--example", "--out", str(tmp_path / "g.json"), "-q"])
    assert result.exit_code == 0
    assert result.output.startswith("6 papers from 6 title/abstract pairs")


def test_jsonl_from_standard_input_with_authors_and_an_arxiv_id(runner, tmp_path):
    line = json.dumps({
        "id": "2404.07987", "title": "ControlNet++: Improving Conditional Controls", "authors": ["Ming Li", "Taojiannan Yang"],
        "abstract": "We propose ControlNet++, a novel approach. It improves over ControlNet on ADE20K.",
    })
    out = tmp_path / "g.json"
    result = runner.invoke(main, ["build", "-", "--out", str(out), "-q"], input=line + "\n")
    assert result.exit_code == 0, result.output
    graph = json.loads(out.read_text())
    assert [n["key"] for n in graph["nodes"] if n["label"] == "Paper"] == ["2404.07987"]
    assert sorted(n["properties"]["name"] for n in graph["nodes"] if n["label"] == "Author") == ["Ming Li", "Taojiannan Yang"]
    authored = [r for r in graph["relationships"] if r["type"] == "AUTHORED"]
    assert {tuple(r["end"]) for r in authored} == {("Paper", "2404.07987")} and len(authored) == 2


def test_a_missing_trained_pipeline_is_a_clear_error(runner):
    result = runner.invoke(main, ["extract", "--example", "--spacy-model", "no_such_model"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot load spaCy pipeline 'no_such_model'")
    assert result.output.rstrip().endswith("leave out --spacy-model to use the built-in blank pipeline")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_help_examples_are_printed_whole_not_rewrapped(runner, command):
    example = main.commands[command].help.split("Example:", 1)[1]
    lines = [line.strip() for line in example.splitlines() if line.strip() not in ("", "\b")]
    output = runner.invoke(main, [command, "--help"], terminal_width=60).output
    assert lines and all(line in output for line in lines)


def test_a_bad_gazetteer_is_a_one_line_error_naming_file_and_line(runner, listing, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "METHOD", "pattern": "StepNet"}\n{"label": "METHOD"}\n', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(listing), "--gazetteer", str(bad)])
    assert result.exit_code == 1
    assert result.output == f"Error: {bad}:2: not a gazetteer entry ('pattern'); expected {{\"label\": ..., \"pattern\": ..., \"id\": ...}}\n"


def test_a_gazetteer_that_is_not_utf8_is_a_one_line_error(runner, listing, tmp_path):
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes('{"label": "METHOD", "pattern": "Caf\xe9Net"}\n'.encode("latin-1"))
    result = runner.invoke(main, ["extract", str(listing), "--gazetteer", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: cannot read gazetteer (") and result.output.count("\n") == 1


def test_a_users_gazetteer_changes_what_extract_finds(runner, listing, tmp_path):
    names = tmp_path / "names.jsonl"
    names.write_text('{"label": "NOT_METHOD", "pattern": "StepNet"}\n', encoding="utf-8")
    assert json.loads(runner.invoke(main, ["extract", str(listing)]).output)["proposed"] == ["StepNet"]
    record = json.loads(runner.invoke(main, ["extract", str(listing), "--gazetteer", str(names)]).output)
    assert record["proposed"] == [] and record["methods"] == ["PPO"]


def test_counts_line_up_past_twelve_characters():
    from graphbuild.stats import format_counts

    lines = format_counts({"nodes": {"Paper": 2, "Method": 0}, "relationships": {"CITES": 1, "SIMILAR_MEANING": 1}})
    assert lines == ["nodes:", "  Paper           2", "relationships:", "  CITES           1", "  SIMILAR_MEANING 1"]
