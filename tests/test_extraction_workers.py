"""Extraction in batches and in worker processes gives the records one process gives, in order."""

import gc
import json
import multiprocessing
import os
import time

import pytest
from click.testing import CliRunner
from conftest import run_spawned_helper_alone

from extractors.sections import compose
from graphbuild import extraction, workers
from graphbuild.cli import main
from graphbuild.errors import WorkerError
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


def test_spawned_workers_give_the_same_records(extractor):
    # The start method of platforms without fork (Windows): nothing is inherited, and the helper
    # loads the pipeline this process saved. Which process does which batch is left to them.
    many = _papers(8 * CHUNK)
    alone = list(extractor.extract(many))
    chunks = extraction._chunks([(p.id, compose(p.title, p.abstract)) for p in many], 2)
    assert list(workers.in_workers(extractor, chunks, 2, start_method="spawn")) == alone


def test_a_spawned_helper_loads_the_saved_pipeline_and_extracts_what_this_process_does(extractor, papers):
    # The helper alone, taking every batch: nothing inherited, only the saved pipeline's folder.
    assert extractor.pipeline_path is not None
    alone = list(extractor.extract(papers))
    assert run_spawned_helper_alone(papers, None, (), extractor.pipeline_path) == alone


def test_progress_counts_every_paper_with_workers(extractor, papers):
    seen = []
    list(extractor.extract(papers, workers=2, progress=seen.append))
    assert seen == list(range(1, len(papers) + 1))


def _failing_chunk(extractor, index, items):
    raise RuntimeError(f"worker failed on chunk {index}")


def _dying_chunk(extractor, index, items):
    os._exit(3)  # as a worker killed by the system would end: no error sent back


def _needs_fork():
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs forked workers (this platform cannot fork) to see the replaced chunk function")


def test_a_failing_worker_stops_the_extraction_with_its_error(extractor, papers, monkeypatch):
    # Forked helpers run the module's chunk function; this one fails as a broken worker would.
    _needs_fork()
    monkeypatch.setattr(workers, "_extract_chunk", _failing_chunk)
    with pytest.raises(RuntimeError, match="worker failed on chunk") as raised:
        list(extractor.extract(papers, workers=2))
    assert any("in the worker process" in note and "_failing_chunk" in note for note in raised.value.__notes__)
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_stops_the_extraction_with_a_clear_error(extractor, papers, monkeypatch):
    _needs_fork()
    monkeypatch.setattr(workers, "_extract_chunk", _dying_chunk)
    with pytest.raises(WorkerError, match="worker process stopped with exit code 3"):
        list(extractor.extract(papers, workers=2))
    assert not multiprocessing.active_children()


def _stuck_chunk(extractor, index, items):
    time.sleep(3600)  # a helper still at work when the run is stopped


def test_stopping_early_stops_the_workers(extractor, papers, monkeypatch):
    _needs_fork()
    monkeypatch.setattr(workers, "_extract_chunk", _stuck_chunk)
    records = extractor.extract(papers, workers=2)
    assert next(records).paper_id == papers[0].id  # this process's first batch
    assert multiprocessing.active_children()  # the helper, stuck in its batch
    records.close()
    assert not multiprocessing.active_children()


def test_worker_batches_cover_the_papers_in_order_and_are_short_where_the_processes_meet():
    items = list(range(10 * CHUNK + 5))
    for count in (2, 3):
        chunks = extraction._chunks(items, count)
        assert [i for chunk in chunks for i in chunk] == items
        assert all(0 < len(chunk) <= CHUNK for chunk in chunks)
        meeting = next(chunk for chunk in chunks if chunk[0] <= len(items) // count < chunk[0] + len(chunk))
        assert len(meeting) == CHUNK // 4
    assert [len(c) for c in extraction._chunks(items)] == [CHUNK] * 10 + [5]


def test_the_cli_reports_a_dead_worker_in_one_line_and_exits_1(tmp_path, monkeypatch):
    _needs_fork()
    monkeypatch.setattr(workers, "_extract_chunk", _dying_chunk)
    listing = tmp_path / "papers.jsonl"
    listing.write_text(
        "".join(json.dumps({"id": p.id, "title": p.title, "abstract": p.abstract}) + "\n" for p in _papers(3 * CHUNK)),
        encoding="utf-8",
    )
    out = tmp_path / "graph.json"
    result = CliRunner().invoke(main, ["build", str(listing), "--workers", "2", "--out", str(out), "--quiet"])
    assert result.exit_code == 1
    assert "worker process stopped with exit code 3" in result.output
    assert "--workers 1" in result.output
    assert not out.exists()


def test_extraction_leaves_no_reference_cycles(extractor, papers):
    # Batches run with the garbage collector off (Extractor.extract_batch): that frees nothing
    # late only while extraction makes no cycles.
    gc.collect()
    collecting = gc.isenabled()
    gc.disable()
    try:
        records = list(extractor.extract(papers))
        assert gc.collect() == 0
    finally:
        if collecting:
            gc.enable()
    assert len(records) == len(papers)
