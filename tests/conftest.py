"""Shared fixtures: the extraction pipeline (built once) and the shared corpus, when present."""

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "hf-daily-papers"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# Saved pipelines go to a folder of this test session (and of the commands it starts), never to
# the user's cache: the session builds the pipeline once, as a first run does, then loads it.
os.environ["GRAPHBUILD_CACHE_DIR"] = tempfile.mkdtemp(prefix="graphbuild-test-pipelines-")


@pytest.fixture(scope="session", autouse=True)
def _remove_saved_pipelines():
    yield
    shutil.rmtree(os.environ["GRAPHBUILD_CACHE_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def extractor():
    from graphbuild.extraction import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def encoder():
    """The default sentence model (tests/run.sh installs it); skipped without it, failed in CI."""
    from graphbuild.sentence_encoder import INSTALL, default_installed, load_encoder

    if not default_installed():
        _unavailable(f"the default sentence model is not installed: {INSTALL} (tests/run.sh does)")
    return load_encoder()


@pytest.fixture(scope="session")
def corpus_store(corpus_files, extractor, encoder):
    """The shared corpus built into a NetworkX store as `graphbuild build` does (read-only for tests)."""
    from graphbuild.builder import build_graph
    from graphbuild.ingest import read_records
    from graphbuild.stores import NetworkXStore

    store = NetworkXStore()
    build_graph(read_records(corpus_files), store, extractor, encoder=encoder)
    return store


@pytest.fixture(scope="session")
def corpus_files():
    """The four shared listing files; tests that need them skip when ../shared is absent."""
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip(f"shared corpus not found at {CORPUS} (it lives beside the project in ../shared)")
    return [str(f) for f in files]


@pytest.fixture(scope="session")
def corpus_texts(corpus_files):
    """The composed title-and-abstract text of each distinct paper of the shared corpus."""
    from extractors.sections import compose
    from graphbuild.ingest import read_records
    from graphbuild.papers import merge_records

    return [compose(p.title, p.abstract) for p in merge_records(read_records(corpus_files))]


def extract_one(extractor, title, abstract):
    """The contract record of a single hand-written paper."""
    from graphbuild.extraction import contract_record
    from graphbuild.records import Paper

    paper = Paper(id="p1", title=title, abstract=abstract, sources=("test:1",))
    (extraction,) = list(extractor.extract([paper]))
    return contract_record(paper, extraction)


def run_spawned_helper_alone(papers, *settings):
    """The records a spawned worker helper makes when it takes every batch of ``papers`` alone,
    loading its pipeline from ``settings`` (base, gazetteers, saved pipeline[, task ranker]) as
    ``graphbuild.workers`` passes them: nothing is inherited."""
    import multiprocessing

    from extractors.sections import compose
    from graphbuild import extraction, workers

    chunks = extraction._chunks([(p.id, compose(p.title, p.abstract)) for p in papers], 2)
    context = multiprocessing.get_context("spawn")
    split = context.Array("l", [0, len(chunks), 0])
    reader, writer = context.Pipe(duplex=False)
    helper = context.Process(target=workers._helper, args=(split, writer, chunks, None, *settings))
    helper.start()
    writer.close()
    received = {}
    while len(received) < len(chunks):
        index, records = reader.recv()
        assert index is not None, records  # an error the helper sent back
        received[index] = records
    helper.join()
    assert helper.exitcode == 0
    return [record for index in sorted(received) for record in received[index]]


def _unavailable(reason):
    """Skip a test that needs a server, but fail it in CI, where the server must be there."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the test setup must provide it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_settings():
    """Connection settings of the test server started by tests/run.sh (GRAPHBUILD_TEST_NEO4J_*)."""
    uri = os.environ.get("GRAPHBUILD_TEST_NEO4J_URI")
    if not uri:
        _unavailable(
            "no test Neo4j: run the tests with `bash tests/run.sh`, which starts one with "
            "docker/neo4j-local.sh, or set GRAPHBUILD_TEST_NEO4J_URI and GRAPHBUILD_TEST_NEO4J_PASSWORD "
            "to a server the tests may empty"
        )
    return {
        "uri": uri,
        "user": os.environ.get("GRAPHBUILD_TEST_NEO4J_USER", "neo4j"),
        "password": os.environ.get("GRAPHBUILD_TEST_NEO4J_PASSWORD", ""),
        "http": os.environ.get("GRAPHBUILD_TEST_NEO4J_HTTP", ""),
    }


@pytest.fixture(scope="session")
def neo4j_connection(neo4j_settings):
    from graphbuild.errors import StoreError
    from graphbuild.stores.neo4j_store import Neo4jStore

    try:
        store = Neo4jStore.connect(neo4j_settings["uri"], neo4j_settings["user"], neo4j_settings["password"])
    except StoreError as error:
        _unavailable(f"test Neo4j at {neo4j_settings['uri']} is not usable: {error}")
    yield store
    store.close()


@pytest.fixture
def neo4j_store(neo4j_connection):
    """An empty test database (emptied before each test)."""
    neo4j_connection.clear()
    return neo4j_connection


# Papers whose titles carry markup, for the views' escaping tests.
HOSTILE = [
    {"title": "<script>window.pwned = 1</script> Scripted Title", "abstract": "We propose EvilNet, a method. It is evaluated on MATH500 and GSM8K.", "url": "javascript:alert(1)"},
    {"title": "<img src=x onerror=\"window.pwned = 2\"> Image Title", "abstract": "We build on EvilNet and evaluate on MATH500. Code: https://github.com/org/evil.", "url": "https://example.org/paper"},
]


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory, extractor):
    path = tmp_path_factory.mktemp("hostile") / "papers.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in HOSTILE) + "\n", encoding="utf-8")
    from graphbuild.builder import build_graph
    from graphbuild.ingest import read_records
    from graphbuild.stores import NetworkXStore

    store = NetworkXStore()
    build_graph(read_records([str(path)]), store, extractor)
    return store
