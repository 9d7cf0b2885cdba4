"""Extraction in several processes: this one and helper processes share a run's batches.

The batches are numbered; this process takes them from the front and yields their records at
once, the helpers take them from the back, and the two sides meet wherever their speeds make
them meet. Which batch goes to whom is decided by a counter pair in shared memory, so a helper
never waits for this process to hand it work, and it sends each batch's records back over its own
pipe, which this process reads between its own batches.

Why not ``multiprocessing.Pool``: measured on the benchmark, its helper sat idle about a twelfth
of the run. Handing out each task and reading back each result needs the parent's threads to get
the interpreter lock, and the parent's main thread keeps it for tens of milliseconds at a time
while it runs extraction code in spaCy; meanwhile the helper's result, larger than a pipe holds,
waited half-written (``benchmarks/extraction_speed.py``, README "Extraction speed").
"""

import multiprocessing
import multiprocessing.connection
import traceback

from graphbuild.errors import WorkerError

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None

__all__ = ["in_workers"]

PIPE_BYTES = 1 << 20  # a helper's results for several batches, so that sending never waits
_FRONT, _BACK, _STOPPED = 0, 1, 2
_RETRY = "run again with --workers 1 to see whether extraction itself fails"


def in_workers(extractor, chunks, workers, start_method=None):
    """Yield the records of every chunk, in order, extracted by this process and ``workers - 1``
    helpers.

    Parameters
    ----------
    extractor : graphbuild.extraction.Extractor
        Runs the batches; forked helpers inherit it, spawned ones load the saved pipeline it was
        loaded from (or build their own from its ``base`` and ``gazetteers`` where it has none).
    chunks : list of lists of (paper id, text) pairs
    workers : int
        Processes in all, this one included.
    start_method : str, optional
        "fork" where the platform has it (the helpers then start at once), else "spawn".
    """
    if start_method is None:
        start_method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    forking = start_method == "fork"
    context = multiprocessing.get_context(start_method)
    split = context.Array("l", [0, len(chunks), 0])  # front, back, stopped; with its lock
    helpers = {}
    try:
        for _ in range(workers - 1):
            reader, writer = context.Pipe(duplex=False)
            _widen(writer)
            # Forked helpers inherit the pipeline and the chunks; spawned ones get the chunks
            # pickled once and load the same saved pipeline.
            inherited = extractor if forking else None
            args = (split, writer, chunks, inherited, extractor.base, extractor.gazetteers, extractor.pipeline_path, extractor.task_ranker)
            process = context.Process(target=_helper, args=args, daemon=True, name="graphbuild-worker")
            process.start()
            writer.close()
            helpers[reader] = process
        results = {}
        while (index := _take(split, front=True)) is not None:
            yield from extractor.extract_batch(chunks[index])
            _receive(helpers, results, block=False)
        for index in range(split[_FRONT], len(chunks)):
            while index not in results:
                if not helpers:
                    raise WorkerError(
                        f"a worker process stopped before sending back batch {index} of "
                        f"{len(chunks)}; {_RETRY}"
                    )
                _receive(helpers, results, block=True)
            yield from results.pop(index)
    finally:
        with split.get_lock():
            split[_STOPPED] = 1  # helpers take no further batch
        for reader, process in helpers.items():
            process.terminate()
            process.join()
            reader.close()


def _take(split, front):
    """The next batch's number from the front (this process) or the back (a helper), or None
    once the two sides have met or the run is stopped."""
    with split.get_lock():
        if split[_FRONT] >= split[_BACK] or split[_STOPPED]:
            return None
        if front:
            split[_FRONT] += 1
            return split[_FRONT] - 1
        split[_BACK] -= 1
        return split[_BACK]


def _receive(helpers, results, block):
    """Read what the helpers have sent (waiting for something when ``block``): batches' records
    into ``results``; a helper's error is raised here; a helper that has finished is dropped."""
    for reader in multiprocessing.connection.wait(list(helpers), timeout=None if block else 0):
        try:
            index, sent = reader.recv()
        except EOFError:
            process = helpers.pop(reader)
            process.join()
            reader.close()
            if process.exitcode:
                raise WorkerError(
                    f"a worker process stopped with exit code {process.exitcode} (out of memory, "
                    f"or killed?); {_RETRY}"
                ) from None
            continue
        if index is None:
            raise sent
        results[index] = sent


def _helper(split, connection, chunks, extractor, base, gazetteers, pipeline_path, task_ranker="linear"):
    """A helper process: extract batches from the back until the two sides meet."""
    try:
        if extractor is None:
            from graphbuild.extraction import Extractor

            extractor = Extractor(base, gazetteers, pipeline_path=pipeline_path, task_ranker=task_ranker)
        while (index := _take(split, front=False)) is not None:
            connection.send(_extract_chunk(extractor, index, chunks[index]))
    except BaseException as error:  # sent back, to be raised where the run was started
        where = "".join(traceback.format_exception(error)).rstrip()
        error.add_note(f"in the worker process:\n{where}")
        try:
            connection.send((None, error))
        except Exception:  # an error that cannot be pickled
            connection.send((None, RuntimeError(f"worker process failed: {error!r}")))
    finally:
        connection.close()


def _extract_chunk(extractor, index, items):
    return index, extractor.extract_batch(items)


def _widen(connection):
    """Let the pipe hold several batches' results, where the system allows (Linux), so that a
    helper never waits for this process to read."""
    if fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
        try:
            fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        except OSError:  # above the system's limit: the default size works, a little slower
            pass
