"""The ``graphbuild`` command line: thin click commands over the library."""

import json
import sys
from pathlib import Path

import click

from graphbuild import __version__
from graphbuild.errors import GraphbuildError

__all__ = ["main"]

EXAMPLE = Path(__file__).parent / "examples" / "example_listing.txt"
PROGRESS_THRESHOLD = 200  # papers; smaller inputs finish before a bar would help


def _fail(error):
    raise click.ClickException(str(error))


class _Progress:
    """A progress bar on stderr for long inputs at a terminal; nothing for short inputs, for
    redirected stderr, or with --quiet."""

    def __init__(self, total, quiet, label):
        self.bar = None
        if not quiet and total >= PROGRESS_THRESHOLD and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()
        self.done = 0

    def __call__(self, done):
        if self.bar is not None:
            self.bar.update(done - self.done)
        self.done = done

    def close(self):
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _inputs(inputs, example):
    if example:
        return [str(EXAMPLE), *inputs]
    if not inputs:
        raise click.UsageError("give at least one INPUT (a file, a directory or -), or --example")
    return list(inputs)


def _read(inputs, example):
    from graphbuild.ingest import read_records

    return read_records(_inputs(inputs, example), stdin=sys.stdin.buffer)


def _extractor(base, gazetteers):
    from extractors.gazetteer import GazetteerError
    from graphbuild.extraction import Extractor

    try:
        return Extractor(base=base, gazetteers=gazetteers)
    except GazetteerError as error:
        _fail(error)
    except OSError as error:
        _fail(f"cannot load spaCy pipeline {base!r} ({error}); leave out --spacy-model to use the built-in blank pipeline")


_extraction_options = [
    click.option("--example", is_flag=True, help="Add the small example listing bundled with graphbuild to the inputs."),
    click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Extraction processes."),
    click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True), help="Extra gazetteer file or folder of .jsonl files (repeatable)."),
    click.option("--spacy-model", default=None, help="An installed trained spaCy pipeline to start from (optional; never needed)."),
    click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
]


def extraction_options(command):
    for option in reversed(_extraction_options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
def main():
    """Turn ML paper listings into a citation-and-concept knowledge graph.

    Inputs are saved Hugging Face Daily Papers listings (.txt), JSON Lines with "title" and
    "abstract" (.jsonl), directories of those, or - for standard input.
    """


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--out", "-o", type=click.Path(dir_okay=False), default="graph.json", show_default=True, help="Graph file to write (NetworkX store).")
@extraction_options
def build(inputs, out, example, workers, gazetteers, spacy_model, quiet):
    """Build the knowledge graph from INPUTS and save it.

    Prints the number of papers and the nodes and relationships per label and type.

    Example:

        graphbuild build ../shared/corpus/hf-daily-papers/*.txt --out graph.json
    """
    from graphbuild.builder import build_graph
    from graphbuild.stats import format_counts
    from graphbuild.stores import NetworkXStore

    try:
        records = _read(inputs, example)
        extractor = _extractor(spacy_model, gazetteers)
        store = NetworkXStore()
        progress = _Progress(len(records), quiet, "extracting")
        try:
            summary = build_graph(records, store, extractor, workers=workers, progress=progress)
        finally:
            progress.close()
        store.save(out)
    except GraphbuildError as error:
        _fail(error)
    click.echo(f"{summary.papers} papers from {summary.records} title/abstract pairs -> {out}")
    for line in format_counts(summary.counts):
        click.echo(line)


@main.command()
@click.argument("inputs", nargs=-1)
@extraction_options
def extract(inputs, example, workers, gazetteers, spacy_model, quiet):
    """Print what the extractors find: one JSON object per distinct paper.

    Each object has exactly the keys id, title, proposed, methods, benchmarks, models, tasks,
    links (lists of strings) and results (objects with benchmark, value, metric, subject).

    Example:

        graphbuild extract papers.jsonl > extracted.jsonl
    """
    from graphbuild.builder import contract_records

    try:
        records = _read(inputs, example)
        extractor = _extractor(spacy_model, gazetteers)
        progress = _Progress(len(records), quiet, "extracting")
        try:
            rows = contract_records(records, extractor, workers=workers, progress=progress)
        finally:
            progress.close()
    except GraphbuildError as error:
        _fail(error)
    out = click.get_text_stream("stdout")
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False), default="graph.json")
@click.option("--top", type=click.IntRange(1), default=5, show_default=True, help="Concepts listed per label.")
def stats(graph, top):
    """Counts per label and relationship type, and the most connected concepts per label.

    Example:

        graphbuild stats graph.json --top 10
    """
    from graphbuild.stats import format_counts, most_connected
    from graphbuild.stores import NetworkXStore

    try:
        store = NetworkXStore.from_file(graph)
    except GraphbuildError as error:
        _fail(error)
    for line in format_counts(store.counts()):
        click.echo(line)
    click.echo("most connected:")
    for label, rows in most_connected(store, top).items():
        if rows:
            click.echo(f"  {label}: " + ", ".join(f"{name} ({degree})" for name, _, degree in rows))


@main.command()
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--worst", type=click.IntRange(0), default=5, show_default=True, help="Misses and false positives listed per type.")
@extraction_options
def evaluate(gold, inputs, as_json, worst, example, workers, gazetteers, spacy_model, quiet):
    """Score extraction on INPUTS against the labelled papers in GOLD.

    Prints precision, recall and F1 per type, strict and lenient (one name contains the other) as
    ../shared/ANNOTATION.md defines them, then the worst misses and false positives per type.
    Papers are matched by title; GOLD holds titles and labels only.

    Example:

        graphbuild evaluate tests/data/gold.jsonl ../shared/corpus/hf-daily-papers/
    """
    from graphbuild.builder import contract_records
    from graphbuild.evaluate import evaluate as score, format_report, read_gold

    try:
        labelled = read_gold(gold)
        records = _read(inputs, example)
        extractor = _extractor(spacy_model, gazetteers)
        progress = _Progress(len(records), quiet, "extracting")
        try:
            predictions = contract_records(records, extractor, workers=workers, progress=progress)
        finally:
            progress.close()
    except GraphbuildError as error:
        _fail(error)
    evaluation = score(labelled, predictions)
    if evaluation.papers == 0:
        _fail(f"{gold}: none of its {len(labelled)} titles is among the inputs; give the listings it was labelled from")
    if as_json:
        click.echo(json.dumps(evaluation.as_dict(worst), ensure_ascii=False, indent=1))
    else:
        for line in format_report(evaluation, worst):
            click.echo(line)
