"""The named query library: one Cypher statement per ``cypher/*.cypher`` file.

Each file starts with a header of ``//`` comments: ``name: what it answers``, more description,
``Returns: columns``, one ``param NAME: string|integer [= default]. What it is.`` line per
parameter, and ``:param`` lines to paste into the Neo4j Browser. The statement itself runs
unchanged in the Browser. On the NetworkX store each query has a twin in ``graphbuild.queries``
that returns the same rows.

Parameters always travel as query parameters, never into the query text.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import cypher
from graphbuild.errors import QueryError

__all__ = ["Parameter", "NamedQuery", "load_library", "named_query", "bind_parameters", "run_named_query"]

CYPHER_DIR = Path(cypher.__file__).parent
#: The largest value of an integer parameter (each counts rows: ``limit``). Checked here, before
#: either store runs the query, so both give the same one-line error for a bad value.
MAX_COUNT = 1_000_000
_PARAM = re.compile(r"^// param (\w+): (string|integer)(?: = (\S*))?\. (.+)$")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str | None
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A named Cypher statement with what it answers and what it needs."""

    name: str
    description: str
    returns: str
    parameters: tuple[Parameter, ...]
    statement: str
    path: Path


def _parse(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("//")]
    statement = "\n".join(line for line in lines if not line.startswith("//")).strip()
    if not header or not header[0].startswith(f"// {path.stem}: "):
        raise QueryError(f"{path}: the first line must be '// {path.stem}: what it answers'")
    description = [header[0][len(f"// {path.stem}: "):]]
    returns = ""
    parameters = []
    for line in header[1:]:
        match = _PARAM.match(line)
        if match:
            parameters.append(Parameter(*match.groups()))
        elif line.startswith("// Returns:"):
            returns = line[len("// Returns:"):].strip()
        elif not line.startswith("// :param") and not returns and not parameters:
            description.append(line[2:].strip())
    return NamedQuery(path.stem, " ".join(description), returns, tuple(parameters), statement, path)


def load_library(directory=CYPHER_DIR):
    """{name: NamedQuery} for every ``.cypher`` file, sorted by name."""
    return {path.stem: _parse(path) for path in sorted(Path(directory).glob("*.cypher"))}


@functools.cache
def _shipped_library():
    """The library shipped in ``cypher/``, read once per process: every query call looks it up."""
    return load_library()


def named_query(name, library=None):
    """The query called ``name``; a ``QueryError`` listing the known names otherwise."""
    library = library if library is not None else _shipped_library()
    if name not in library:
        raise QueryError(f"no query named {name!r}; `graphbuild query --list` shows them: {', '.join(library)}")
    return library[name]


def bind_parameters(query, given):
    """Typed parameter values for ``query`` from ``given`` (a dict of strings), with defaults.

    Raises ``QueryError`` for an unknown or missing parameter, a value of the wrong type, or an
    integer outside 1 to ``MAX_COUNT``.
    """
    known = {p.name: p for p in query.parameters}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise QueryError(
            f"query {query.name!r} has no parameter {unknown[0]!r}; it takes "
            + (", ".join(p.name for p in query.parameters) or "none")
        )
    bound = {}
    for parameter in query.parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None:
            raise QueryError(
                f"query {query.name!r} needs -p {parameter.name}=... ({parameter.description.rstrip('.')})"
            )
        if parameter.type == "integer":
            try:
                value = int(value)
            except (TypeError, ValueError):
                value = None
            if value is None or not 1 <= value <= MAX_COUNT:
                raise QueryError(
                    f"parameter {parameter.name!r} of {query.name!r} must be a whole number from 1 to "
                    f"{MAX_COUNT:,}, not {given.get(parameter.name, parameter.default)!r}"
                ) from None
        bound[parameter.name] = value
    return bound


def run_named_query(store, name, given=None):
    """Rows (a list of dicts) of the named query on either store."""
    from graphbuild import queries

    query = named_query(name)
    parameters = bind_parameters(query, dict(given or {}))
    if store.kind == "neo4j":
        return store.run_query(query.statement, parameters)
    return queries.TWINS[name](store, **parameters)
