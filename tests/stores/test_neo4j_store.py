"""The Neo4j store against a real Neo4j 5 server (started by tests/run.sh)."""

import urllib.request

import pytest
from click.testing import CliRunner

from graphbuild.builder import build_graph
from graphbuild.cli import main
from graphbuild.errors import StoreError
from graphbuild.ingest import read_records
from graphbuild.records import Node, Relation
from graphbuild.stores import NetworkXStore
from graphbuild.stores.neo4j_store import Neo4jStore, server_major_version


def test_uniqueness_constraints_exist_for_every_label(neo4j_store):
    names = {r["name"] for r in neo4j_store._run_read("SHOW CONSTRAINTS YIELD name RETURN name")}
    assert {"graphbuild_paper_id", "graphbuild_method_key", "graphbuild_benchmark_key", "graphbuild_model_key",
            "graphbuild_task_key", "graphbuild_repository_key", "graphbuild_author_key"} <= names


def test_rows_merge_exactly_as_in_networkx(neo4j_store):
    first = ([Node("Paper", "p1", {"title": "Old", "sources": ["b.txt:1"]}), Node("Model", "qwen", {"aliases": ["Qwen2.5-7B"]})],
             [Relation("USES_MODEL", ("Paper", "p1"), ("Model", "qwen"), {"evidence": ["abstract:0:9"], "extractors": ["x"]})])
    second = ([Node("Paper", "p1", {"title": "New", "sources": ["a.txt:1"]}), Node("Model", "qwen", {"aliases": ["Qwen2.5 7B"]})],
              [Relation("USES_MODEL", ("Paper", "p1"), ("Model", "qwen"), {"evidence": ["title:0:4"], "extractors": ["x"]})])
    memory = NetworkXStore()
    for rows in (first, second, first):
        memory.write(*rows)
        neo4j_store.write(*rows)
    assert neo4j_store.document() == memory.document()
    model = next(n for n in neo4j_store.document()["nodes"] if n["label"] == "Model")
    assert model["properties"] == {"aliases": ["Qwen2.5 7B", "Qwen2.5-7B"], "name": "Qwen2.5 7B"}


def test_the_shared_corpus_gives_the_same_graph_in_both_stores(neo4j_store, corpus_files, extractor):
    records = read_records(corpus_files)
    memory = NetworkXStore()
    build_graph(records, memory, extractor)
    summary = build_graph(records, neo4j_store, extractor)
    assert summary.counts["nodes"]["Paper"] == 466
    assert neo4j_store.document() == memory.document()


def test_every_id_of_a_paper_is_kept_alike_in_both_stores(neo4j_store, extractor):
    from graphbuild.records import PaperRecord

    builds = [
        [PaperRecord("ZetaNet: A Net", "We propose ZetaNet.", "a.jsonl:1", id="2404.07987")],
        [PaperRecord("ZetaNet: a net", "We propose ZetaNet.", "b.jsonl:1", id="2404.07987v2"),
         PaperRecord("ZetaNet: A Net", "We propose ZetaNet.", "b.jsonl:2", id="10.1000/zeta")],
    ]
    memory = NetworkXStore()
    for records in builds:  # two builds: the second one's ids merge into the first one's
        build_graph(records, memory, extractor)
        build_graph(records, neo4j_store, extractor)
    assert neo4j_store.document() == memory.document()
    papers = [n for n in memory.document()["nodes"] if n["label"] == "Paper"]
    # Any version of the arXiv id gives the key: the second build merges into the first one's paper.
    assert [(p["key"], p["properties"]["ids"]) for p in papers] == [("2404.07987", ["10.1000/zeta", "2404.07987", "2404.07987v2"])]


def test_a_second_build_changes_nothing(neo4j_store, corpus_files, extractor):
    records = read_records(corpus_files)
    build_graph(records, neo4j_store, extractor)
    before = neo4j_store.document()
    build_graph(records, neo4j_store, extractor)
    assert neo4j_store.document() == before


def test_overlapping_builds_merge_sources_and_aliases_like_networkx(neo4j_store, corpus_files, extractor):
    memory = NetworkXStore()
    for part in (corpus_files[:2], corpus_files[1:]):
        records = read_records(part)
        build_graph(records, memory, extractor)
        build_graph(records, neo4j_store, extractor)
    assert neo4j_store.document() == memory.document()


def test_values_are_parameters_never_cypher(neo4j_store):
    title = 'X"}) MATCH (n) DETACH DELETE n //'
    neo4j_store.write([Node("Paper", "p1", {"title": title}), Node("Paper", "p2", {"title": "kept"})], [])
    titles = sorted(n["properties"]["title"] for n in neo4j_store.document()["nodes"])
    assert titles == [title, "kept"]


def test_a_failed_write_leaves_nothing_behind(neo4j_store):
    good = [Node("Paper", f"p{i}", {"title": "fine"}) for i in range(50)]
    bad = Node("Method", "m1", {"aliases": ["x"], "family": [1, "mixed"]})  # Neo4j cannot store mixed lists
    with pytest.raises(StoreError, match="nothing of the failed transaction was written"):
        neo4j_store.write(good + [bad], [])
    assert neo4j_store.counts()["nodes"]["Paper"] == 0


def test_wrong_password_is_a_clear_error(neo4j_settings):
    with pytest.raises(StoreError) as error:
        Neo4jStore.connect(neo4j_settings["uri"], neo4j_settings["user"], "not-the-password")
    assert str(error.value) == (
        f"Neo4j at {neo4j_settings['uri']} refused the credentials of user 'neo4j'; check NEO4J_USERNAME and NEO4J_PASSWORD"
    )
    assert "not-the-password" not in str(error.value)


def test_unknown_database_is_a_clear_error(neo4j_settings):
    with pytest.raises(StoreError, match=r"has no database 'nosuchdb'; give an existing one with --database"):
        Neo4jStore.connect(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"], database="nosuchdb")


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match=r"cannot reach Neo4j at bolt://127.0.0.1:1; start one with `docker/neo4j-local.sh start`"):
        Neo4jStore.connect("bolt://127.0.0.1:1", "neo4j", "whatever")


def test_servers_older_than_5_are_recognised():
    assert server_major_version("Neo4j/4.4.30") == 4
    assert server_major_version("Neo4j/5.26.30") == 5


def test_the_browser_answers(neo4j_settings):
    if not neo4j_settings["http"]:
        pytest.skip("the test server's HTTP address is unknown (GRAPHBUILD_TEST_NEO4J_HTTP)")
    with urllib.request.urlopen(neo4j_settings["http"] + "/browser/", timeout=10) as response:
        assert response.status == 200
        assert "Neo4j Browser" in response.read().decode("utf-8", "replace")


def test_cli_builds_into_neo4j_and_exports_the_same_document(neo4j_store, neo4j_settings, tmp_path, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings["password"])
    runner = CliRunner()
    graph = tmp_path / "g.json"
    assert runner.invoke(main, ["build", "--example", "--out", str(graph), "-q"]).exit_code == 0
    result = runner.invoke(main, ["build", "--example", "--store", "neo4j", "--uri", neo4j_settings["uri"], "-q"])
    assert result.exit_code == 0, result.output
    assert f"-> Neo4j {neo4j_settings['uri']} (database neo4j)" in result.output
    from_file = runner.invoke(main, ["export", "--graph", str(graph)])
    from_neo4j = runner.invoke(main, ["export", "--store", "neo4j", "--uri", neo4j_settings["uri"]])
    assert from_neo4j.exit_code == 0, from_neo4j.output
    assert from_neo4j.output == from_file.output


def test_cli_loads_a_graph_file(neo4j_store, neo4j_settings, tmp_path, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings["password"])
    runner = CliRunner()
    graph = tmp_path / "g.json"
    runner.invoke(main, ["build", "--example", "--out", str(graph), "-q"])
    result = runner.invoke(main, ["load", str(graph), "--uri", neo4j_settings["uri"]])
    assert result.exit_code == 0, result.output
    assert "  Paper           6" in result.output


def test_cli_reports_a_wrong_password_in_one_line(neo4j_settings, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    result = CliRunner().invoke(main, ["stats", "--store", "neo4j", "--uri", neo4j_settings["uri"]])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "refused the credentials" in result.output
