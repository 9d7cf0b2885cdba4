"""Specific exceptions the library raises; the CLI turns each into a one-line message and exit 1."""

__all__ = [
    "GraphbuildError",
    "InputError",
    "GraphFileError",
    "StoreError",
    "PaperNotFound",
    "QueryError",
    "WorkerError",
]


class GraphbuildError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""


class InputError(GraphbuildError):
    """An input file is missing, unreadable or malformed. The message names the file and line."""

    def __init__(self, where, problem):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class GraphFileError(GraphbuildError):
    """A saved graph file is missing or not a graphbuild graph."""


class StoreError(GraphbuildError):
    """The graph store cannot be reached or refused the operation."""


class PaperNotFound(GraphbuildError):
    """No paper, or more than one, matches what the user asked for."""


class QueryError(GraphbuildError):
    """An unknown named query, or a missing or malformed query parameter."""


class WorkerError(GraphbuildError):
    """A worker process of ``--workers N`` ended before sending back all its work."""
