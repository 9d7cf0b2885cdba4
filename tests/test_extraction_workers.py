"""Extraction in batches and in worker processes gives the records one process gives, in order."""

import pytest

from graphbuild import extraction
from graphbuild.extraction import CHUNK
from graphbuild.records import Paper

_ABSTRACTS = [
    "We propose {name}, a framework for video generation. It reaches 84.{i} on VBench.",
    "Large language models struggle with math. We introduce {name}, trained from Qwen2.5 7B with GRPO, "
    "and report 7{i}.2% accuracy on MATH500 and GSM8K.",
    "This paper presents a benchmark, {name}, for long-context retrieval. Code: https://github.com/org/{name}.",
    "We study Variational Score Distillation (VSD) and show that VSD with {name} beats DPO.",
]


def _papers(count):
    """Distinct papers: each has its own coined name, so records differ from paper to paper."""
    papers = []
    for i in range(count):
        name = f"Zeta{i}Net"
        abstract = _ABSTRACTS[i % len(_ABSTRACTS)].format(name=name, i=i % 10)
        papers.append(Paper(id=f"p{i}", title=f"{name}: Paper {i}", abstract=abstract, sources=("test",)))
    return papers


@pytest.fixture(scope="module")
def papers():
    return _papers(3 * CHUNK + 17)  # enough chunks for every process to take several


def test_workers_give_the_same_records_in_the_same_order(extractor, papers):
    alone = list(extractor.extract(papers))
    assert [e.paper_id for e in alone] == [p.id for p in papers]
    assert any(m.text == "Zeta5Net" for m in alone[5].mentions)
    assert list(extractor.extract(papers, workers=2)) == alone
    assert list(extractor.extract(papers, workers=3)) == alone


def test_a_batch_gives_what_one_paper_at_a_time_gives(extractor, papers):
    some = papers[:40]
    one_by_one = [extractor.extract_one(p.id, f"{p.title}\n\n{p.abstract}") for p in some]
    assert list(extractor.extract(some)) == one_by_one


def test_progress_counts_every_paper_with_workers(extractor, papers):
    seen = []
    list(extractor.extract(papers, workers=2, progress=seen.append))
    assert seen == list(range(1, len(papers) + 1))


def _failing_chunk(index, items):
    raise RuntimeError(f"worker failed on chunk {index}")


def test_a_failing_worker_stops_the_extraction_with_its_error(extractor, papers, monkeypatch):
    # Forked helpers run the module's chunk function; this one fails as a broken worker would.
    monkeypatch.setattr(extraction, "_extract_chunk", _failing_chunk)
    if "fork" not in extraction.multiprocessing.get_all_start_methods():
        pytest.skip("needs forked workers (this platform cannot fork) to see the replaced chunk function")
    with pytest.raises(RuntimeError, match="worker failed on chunk"):
        list(extractor.extract(papers, workers=2))


def test_worker_batches_cover_the_papers_in_order_and_are_short_where_the_processes_meet():
    items = list(range(10 * CHUNK + 5))
    for workers in (2, 3):
        chunks = extraction._chunks(items, workers)
        assert [i for chunk in chunks for i in chunk] == items
        assert all(0 < len(chunk) <= CHUNK for chunk in chunks)
        meeting = next(chunk for chunk in chunks if chunk[0] <= len(items) // workers < chunk[0] + len(chunk))
        assert len(meeting) == CHUNK // 4
    assert [len(c) for c in extraction._chunks(items)] == [CHUNK] * 10 + [5]
