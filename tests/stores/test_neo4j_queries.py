"""Every named query gives the same rows from Neo4j and from NetworkX on the shared corpus."""

import pytest

from graphbuild.builder import build_graph
from graphbuild.ingest import read_records
from graphbuild.query_library import run_named_query
from graphbuild.related import resolve_paper
from graphbuild.stores import NetworkXStore


@pytest.fixture(scope="module")
def both_stores(neo4j_connection, corpus_files, extractor, encoder):
    neo4j_connection.clear()
    records = read_records(corpus_files)
    memory = NetworkXStore()
    build_graph(records, memory, extractor, encoder=encoder)
    build_graph(records, neo4j_connection, extractor, encoder=encoder)
    return memory, neo4j_connection


def parameters(memory):
    plus, _ = resolve_paper(memory, "ControlNet++")
    controlnet, _ = resolve_paper(memory, "Adding Conditional Control to Text-to-Image Diffusion Models")
    spo, _ = resolve_paper(memory, "Segment Policy Optimization")
    return [
        ("related_work", {"id": plus}),
        ("concept_papers", {"name": "ControlNet"}),
        ("concept_papers", {"name": "continual learning"}),
        ("benchmark_results", {"name": "MATH-500"}),
        ("benchmark_results", {"name": "AIME2024"}),
        ("method_lineage", {"name": "ControlNet"}),
        ("method_lineage", {"name": "SPO"}),
        ("papers_with_code", {"task": "controllable image generation"}),
        ("cooccurring_concepts", {"name": "GRPO", "limit": "15"}),
        ("shortest_connection", {"from": plus, "to": spo}),
        ("shortest_connection", {"from": plus, "to": controlnet}),
        ("most_connected", {"limit": "7"}),
        ("ambiguous_names", {}),
        ("paper_evidence", {"id": plus, "key": "controlnet"}),
        ("paper_evidence", {"id": plus, "key": controlnet}),
        ("find_paper", {"text": "control", "words": "control"}),
    ]


def test_every_named_query_returns_the_same_rows(both_stores):
    memory, neo4j = both_stores
    covered = set()
    for name, given in parameters(memory):
        assert run_named_query(neo4j, name, given) == run_named_query(memory, name, given), name
        covered.add(name)
    from graphbuild.queries import TWINS

    assert covered == set(TWINS)


def test_related_work_is_the_same_for_every_paper(both_stores):
    memory, neo4j = both_stores
    papers = [key for label, key in memory.graph.nodes if label == "Paper"]
    assert len(papers) == 466
    for paper in papers:
        rows = run_named_query(memory, "related_work", {"id": paper})
        assert run_named_query(neo4j, "related_work", {"id": paper}) == rows, paper
        assert len(rows) == 10 and all(row["reasons"] for row in rows), paper  # never short, always explained


@pytest.mark.parametrize("limit", ["-1", "0", "99999999999999999999"])
def test_both_stores_refuse_a_bad_limit_with_the_same_error(both_stores, limit):
    from graphbuild.errors import QueryError

    messages = []
    for store in both_stores:
        with pytest.raises(QueryError) as raised:
            run_named_query(store, "most_connected", {"limit": limit})
        messages.append(str(raised.value))
    assert messages[0] == messages[1] == f"parameter 'limit' of 'most_connected' must be a whole number from 1 to 1,000,000, not {limit!r}"


def test_the_overview_is_the_same_on_both_stores(both_stores):
    memory, neo4j = both_stores
    ranked = [sorted((n.label, n.key) for n in store.overview(40)[0]) for store in (memory, neo4j)]
    assert ranked[0] == ranked[1]
    assert {label for label, _ in ranked[0]} - {"Paper"}
