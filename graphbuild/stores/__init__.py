"""Graph stores: one interface, two implementations.

A store holds the graph and merges what it is given by the schema's rules (``graphbuild.rows``):
``write(nodes, relations)`` merges rows into the graph, ``document()`` returns the whole graph as
the canonical graph document, ``counts()`` the number of nodes per label and relationships per
type, ``most_connected(limit)`` the concepts with most relationships per label, ``close()``
releases it. The builder, queries and views take a store as an argument and
never know which one it is.

- ``NetworkXStore``: in memory, saved to and loaded from a graph file; no server.
- ``Neo4jStore``: a Neo4j 5 server over Bolt (``graphbuild.stores.neo4j_store``).
"""

import os
import re

__all__ = [
    "redacted_uri",
    "redacted",
    "NetworkXStore",
    "STORE_KINDS",
    "Neo4jSettings",
    "connect_neo4j",
    "DEFAULT_URI",
    "DEFAULT_USER",
    "DEFAULT_DATABASE",
    "DEFAULT_BATCH_SIZE",
]

STORE_KINDS = ("networkx", "neo4j")

#: Where a Neo4j store is unless told otherwise (the environment variables override these).
DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
DEFAULT_BATCH_SIZE = 5000


def __getattr__(name):
    # NetworkX takes half a second to import; the command line reads this module's settings
    # without it and loads the store only when a command needs it.
    if name == "NetworkXStore":
        from graphbuild.stores.networkx_store import NetworkXStore

        return NetworkXStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_USERINFO = re.compile(r"(?<=//)([^/@:]*):([^/@]*)@")


def redacted_uri(uri):
    """``uri`` as it may be shown: a password inside it (``bolt://user:secret@host``) replaced.

    >>> redacted_uri("bolt://neo4j:secret@db.example.org:7687"), redacted_uri("bolt://127.0.0.1:7687")
    ('bolt://neo4j:***@db.example.org:7687', 'bolt://127.0.0.1:7687')
    """
    return _USERINFO.sub(r"\1:***@", str(uri))


def redacted(text, uri):
    """``text`` (an error message about ``uri``) without the password ``uri`` may hold."""
    text = str(text).replace(str(uri), redacted_uri(uri))
    for match in _USERINFO.finditer(str(uri)):
        if match.group(2):
            text = text.replace(match.group(2), "***")
    return text


class Neo4jSettings:
    """Where a Neo4j store is: URI, user and database; the password comes from NEO4J_PASSWORD."""

    def __init__(self, uri, user, database, batch_size=DEFAULT_BATCH_SIZE):
        self.uri, self.user, self.database, self.batch_size = uri, user, database, batch_size

    @classmethod
    def from_environment(cls, batch_size=DEFAULT_BATCH_SIZE):
        """NEO4J_URI, NEO4J_USERNAME and NEO4J_DATABASE, or the defaults."""
        return cls(
            os.environ.get("NEO4J_URI", DEFAULT_URI),
            os.environ.get("NEO4J_USERNAME", DEFAULT_USER),
            os.environ.get("NEO4J_DATABASE", DEFAULT_DATABASE),
            batch_size,
        )


def connect_neo4j(settings):
    """A checked connection to the Neo4j store described by ``settings``."""
    from graphbuild.stores.neo4j_store import Neo4jStore  # only this store needs the driver

    return Neo4jStore.connect(
        settings.uri,
        settings.user,
        os.environ.get("NEO4J_PASSWORD"),
        settings.database,
        batch_size=settings.batch_size,
    )
