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

from graphbuild.stores.networkx_store import NetworkXStore

__all__ = ["NetworkXStore", "STORE_KINDS", "Neo4jSettings", "connect_neo4j"]

STORE_KINDS = ("networkx", "neo4j")


class Neo4jSettings:
    """Where a Neo4j store is: URI, user and database; the password comes from NEO4J_PASSWORD."""

    def __init__(self, uri, user, database, batch_size=5000):
        self.uri, self.user, self.database, self.batch_size = uri, user, database, batch_size


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
