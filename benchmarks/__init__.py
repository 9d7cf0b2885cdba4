"""Benchmarks that print figures with a baseline from the same run; the pieces they share.

Each benchmark is a script (``python benchmarks/NAME.py``) that puts the project on the path and
reads the shared corpus unless given inputs.
"""

from pathlib import Path

from graphbuild.stores import DEFAULT_BATCH_SIZE, Neo4jSettings, connect_neo4j

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "corpus" / "hf-daily-papers"


def add_input_argument(parser):
    """INPUT... (listing files or folders), the shared corpus when none is given."""
    parser.add_argument("inputs", nargs="*", default=[str(DEFAULT_INPUT)])


def add_neo4j_arguments(parser):
    """--uri, --user and --database, defaulting as the graphbuild command does (NEO4J_* variables)."""
    settings = Neo4jSettings.from_environment()
    parser.add_argument("--uri", default=settings.uri)
    parser.add_argument("--user", default=settings.user)
    parser.add_argument("--database", default=settings.database)


def open_neo4j(args, batch_size=DEFAULT_BATCH_SIZE):
    """The Neo4j store the parsed arguments name; the password comes from NEO4J_PASSWORD."""
    return connect_neo4j(Neo4jSettings(args.uri, args.user, args.database, batch_size))
