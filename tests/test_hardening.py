"""Hostile-but-fair input, one regression test per defect: one-line errors instead of tracebacks,
nothing printed or written by a failed run, duplicates merged alike in any order, nothing a
terminal or spreadsheet would run, no password shown."""

import json
import logging
import os
import random
import re

import pytest
from click.testing import CliRunner

from extractors.tokenizer import CHUNK, RUN, tokenizable
from graphbuild.cli import _log_to_stderr, main
from graphbuild.graph_file import write_text_atomic
from graphbuild.papers import merge_records
from graphbuild.records import PaperRecord

ESCAPE = "\x1b[31m"


@pytest.fixture
def runner():
    return CliRunner()


def write_jsonl(path, *objects):
    path.write_text("".join(json.dumps(obj) + "\n" for obj in objects), encoding="utf-8")
    return path


def test_the_tokenizer_never_gets_a_long_punctuation_run_or_a_long_stretch_without_a_space():
    for text in ("x -- " + "-" * 16000, "x " + "(" * 16000, "a" * 5000, "\U0001F600" * 3000, "'s" * 4000):
        bounded = tokenizable(text)
        assert len(bounded) == len(text)  # every offset still points where it did
        assert max(len(run) for run in bounded.split()) <= CHUNK
        assert re.search(rf"[^\w\s]{{{RUN + 1}}}", bounded) is None


def test_a_bad_record_on_line_3_prints_nothing(runner, tmp_path):
    path = write_jsonl(
        tmp_path / "papers.jsonl",
        {"title": "One", "abstract": "We propose ZetaNet."},
        {"title": "Two", "abstract": "We propose BetaNet."},
        {"title": "Three\ud800", "abstract": "x"},
    )
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f'Error: {path}:3: "title" holds a lone surrogate (\\ud800), which is no character; fix the \\u escape that made it\n'


def test_an_abstract_over_the_limit_is_a_one_line_error(runner, tmp_path):
    path = write_jsonl(tmp_path / "papers.jsonl", {"title": "Long", "abstract": "word " * 30000})
    result = runner.invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        f'Error: {path}:1: "abstract" is 149,999 characters long; at most 100,000 are read per title or '
        "abstract (is it a whole paper rather than its abstract?)\n"
    )


def test_out_into_a_missing_folder_fails_before_any_work(runner, tmp_path, monkeypatch):
    import graphbuild.cli

    monkeypatch.setattr(graphbuild.cli, "_read", lambda *args: pytest.fail("the inputs were read"))
    out = tmp_path / "no-such-folder" / "graph.json"
    for command in (["build", "--example", "--out", str(out)], ["view", "--overview", "--out", str(out)], ["export", "--out", str(out)]):
        result = runner.invoke(main, command)
        assert result.exit_code == 1, command
        assert result.output == f"Error: cannot write {out}: the folder {out.parent} does not exist; create it first or give another --out\n"


def test_titles_with_escape_sequences_are_shown_as_text(runner, tmp_path):
    papers = write_jsonl(
        tmp_path / "papers.jsonl",
        {"title": f"{ESCAPE}Red ZetaNet", "abstract": "We propose ZetaNet, evaluated on MATH500."},
        {"title": "Blue\u202eZetaNet", "abstract": "We build on ZetaNet and report on MATH500."},
    )
    graph = tmp_path / "g.json"
    assert runner.invoke(main, ["build", str(papers), "--out", str(graph), "-q"]).exit_code == 0
    outputs = [
        runner.invoke(main, ["related", "Blue", "--graph", str(graph), "--evidence"]).output,
        runner.invoke(main, ["query", "concept_papers", "-p", "name=MATH500", "--graph", str(graph)]).output,
        runner.invoke(main, ["related", "no such title", "--graph", str(graph)]).output,
    ]
    for output in outputs:
        assert "\x1b" not in output and "\u202e" not in output
    assert "\\x1b[31mRed ZetaNet" in outputs[0] and "Blue\\u202eZetaNet" in outputs[0]


def test_csv_cells_that_would_run_as_formulas_are_neutralised(runner, tmp_path):
    papers = write_jsonl(tmp_path / "papers.jsonl", {"title": "=HYPERLINK(\"http://x\")", "abstract": "We evaluate on MATH500."})
    graph = tmp_path / "g.json"
    assert runner.invoke(main, ["build", str(papers), "--out", str(graph), "-q"]).exit_code == 0
    result = runner.invoke(main, ["query", "concept_papers", "-p", "name=MATH500", "--graph", str(graph), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "'=HYPERLINK" in result.output and "\n=HYPERLINK" not in result.output and ",=HYPERLINK" not in result.output


@pytest.mark.parametrize("value", ["-1", "0", "99999999999999999999", "ten"])
def test_a_bad_limit_is_one_error_before_the_store_runs(runner, tmp_path, value):
    graph = tmp_path / "g.json"
    runner.invoke(main, ["build", "--example", "--out", str(graph), "-q"])
    result = runner.invoke(main, ["query", "most_connected", "-p", f"limit={value}", "--graph", str(graph)])
    assert result.exit_code == 1
    assert result.output == f"Error: parameter 'limit' of 'most_connected' must be a whole number from 1 to 1,000,000, not {value!r}\n"


def test_a_graph_file_cannot_give_a_node_another_key(runner, tmp_path):
    graph = tmp_path / "g.json"
    runner.invoke(main, ["build", "--example", "--out", str(graph), "-q"])
    document = json.loads(graph.read_text())
    paper = next(node for node in document["nodes"] if node["label"] == "Paper")
    paper["properties"]["id"] = "t-overwrite"
    graph.write_text(json.dumps(document))
    result = runner.invoke(main, ["stats", str(graph)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {graph}: the Paper node {paper['key']!r} has 'id' among its properties; a graph file gives a "
        "node's id only as its \"key\" (was the file edited?)\n"
    )


RECORDS = [
    PaperRecord("ControlNet++: Improving Controls", "We propose ControlNet++.", "a.jsonl:1", id="2404.07987"),
    PaperRecord("ControlNet++: improving controls", "We propose ControlNet++, a method.", "b.jsonl:1", id="10.1000/cn",
                url="https://arxiv.org/abs/2404.07987", authors=("Ming Li",)),
    PaperRecord("ControlNet++ Improving Controls", "We propose ControlNet++.", "c.txt:3", id="2404.07987v2",
                url="https://example.org/cn", authors=("Ming Li", "Taojiannan Yang")),
    PaperRecord("Other Paper", "We build on ControlNet++.", "c.txt:5", url="https://example.org/other"),
]


def test_duplicates_merge_alike_in_any_order_and_keep_every_id():
    expected = merge_records(RECORDS)
    for seed in range(6):
        shuffled = RECORDS[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(merge_records(shuffled), key=lambda p: p.id) == sorted(expected, key=lambda p: p.id)
    controlnet = next(p for p in expected if p.title.startswith("ControlNet"))
    assert controlnet.ids == ("10.1000/cn", "2404.07987", "2404.07987v2")
    assert controlnet.id == "2404.07987"  # the arXiv id without its version is the key, whatever the order
    assert controlnet.sources == ("a.jsonl:1", "b.jsonl:1", "c.txt:3")
    assert controlnet.url == "https://arxiv.org/abs/2404.07987"  # a tie, to the smallest


def test_a_merge_of_records_that_disagree_is_reported_and_the_graph_is_the_same_in_any_order(runner, tmp_path):
    lines = [{"title": r.title, "abstract": r.abstract, **({"id": r.id} if r.id else {}), **({"url": r.url} if r.url else {}),
              **({"authors": list(r.authors)} if r.authors else {})} for r in RECORDS]
    graphs = []
    for name, order in (("forward", lines), ("backward", lines[::-1])):
        path = write_jsonl(tmp_path / f"{name}.jsonl", *order)
        out = tmp_path / f"{name}.json"
        result = runner.invoke(main, ["build", str(path), "--out", str(out), "-q"])
        assert result.exit_code == 0, result.output
        assert "note: " in result.stderr and "one paper (2404.07987) whose records differ in id (10.1000/cn, 2404.07987, 2404.07987v2; all kept" in result.stderr
        document = json.loads(out.read_text())
        for node in document["nodes"]:
            node["properties"].pop("sources", None)  # file names differ, on purpose
        graphs.append(document)
    assert graphs[0] == graphs[1]
    (paper,) = [n for n in graphs[0]["nodes"] if n["label"] == "Paper" and n["key"] == "2404.07987"]
    assert paper["properties"]["ids"] == ["10.1000/cn", "2404.07987", "2404.07987v2"]


def test_a_write_cleans_up_what_a_killed_write_left(tmp_path):
    target = tmp_path / "graph.json"
    dead = tmp_path / ".graph.json.999999999.x1y2.tmp"  # no process has that id
    alive = tmp_path / f".graph.json.{os.getppid()}.a1b2.tmp"  # a running process's: left alone
    dead.write_text("")
    alive.write_text("")
    write_text_atomic("{}", target)
    assert target.read_text() == "{}" and not dead.exists() and alive.exists()


def test_a_password_inside_the_uri_is_never_shown(runner, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "a-password")
    for uri in ("bolt://neo4j:supersecret@127.0.0.1:1", "neo4j://neo4j:supersecret@127.0.0.1:notaport"):
        result = runner.invoke(main, ["stats", "--store", "neo4j", "--uri", uri])
        assert result.exit_code == 1
        assert "supersecret" not in result.output and "neo4j:***@127.0.0.1" in result.output


def test_the_drivers_warnings_reach_stderr_only_with_verbose(capsys):
    _log_to_stderr(False)
    logging.getLogger("neo4j").warning("Transaction failed and will be retried")
    assert capsys.readouterr().err == ""
    _log_to_stderr(True)
    logging.getLogger("neo4j").warning("Transaction failed and will be retried")
    assert capsys.readouterr().err == "Transaction failed and will be retried\n"
    _log_to_stderr(False)


def test_a_write_the_system_refuses_is_a_one_line_error(runner):
    out = "/proc/graphbuild-cannot-write-here.json"  # /proc takes no new files, not even from root
    result = runner.invoke(main, ["build", "--example", "--out", out, "-q"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot write {out}: ") and result.output.count("\n") == 1


def test_a_reader_that_stops_early_is_no_error(corpus_files):
    import subprocess
    import sys

    command = [sys.executable, "-m", "graphbuild", "extract", *corpus_files]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.read(200)  # as `| head -c 200` would, then it stops reading
    process.stdout.close()
    _, errors = process.communicate()
    assert first.startswith(b'{"id": ')
    assert process.returncode == 0 and errors == b""
