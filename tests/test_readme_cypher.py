"""The Cypher statements the README offers for the Neo4j Browser run on the shared corpus."""

import re
from pathlib import Path

import pytest

from graphbuild.builder import build_graph
from graphbuild.ingest import read_records

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
STATEMENTS = re.findall(r"```cypher\n(.*?)```", README, re.S)


@pytest.fixture(scope="module")
def corpus_in_neo4j(neo4j_connection, corpus_files, extractor, encoder):
    neo4j_connection.clear()
    build_graph(read_records(corpus_files), neo4j_connection, extractor, encoder=encoder)
    return neo4j_connection


def test_the_readme_has_browser_statements():
    assert len(STATEMENTS) >= 3


@pytest.mark.parametrize("statement", STATEMENTS, ids=[s.splitlines()[0][:40] for s in STATEMENTS])
def test_readme_statement_returns_rows(corpus_in_neo4j, statement):
    assert corpus_in_neo4j._run_read(statement), "the statement returned no rows on the shared corpus"
