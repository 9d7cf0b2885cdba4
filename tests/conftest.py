"""Shared fixtures: the extraction pipeline (built once) and the shared corpus, when present."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "hf-daily-papers"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def extractor():
    from graphbuild.extraction import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def corpus_files():
    """The four shared listing files; tests that need them skip when ../shared is absent."""
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip(f"shared corpus not found at {CORPUS} (it lives beside the project in ../shared)")
    return [str(f) for f in files]


def extract_one(extractor, title, abstract):
    """The contract record of a single hand-written paper."""
    from graphbuild.extraction import contract_record
    from graphbuild.records import Paper

    paper = Paper(id="p1", title=title, abstract=abstract, sources=("test:1",))
    (extraction,) = list(extractor.extract([paper]))
    return contract_record(paper, extraction)
