"""Graph stores: one interface, two implementations.

A store holds the graph and merges what it is given by the schema's rules (``graphbuild.rows``):
``write(nodes, relations)`` merges rows into the graph, ``document()`` returns the whole graph as
the canonical graph document, ``counts()`` the number of nodes per label and relationships per
type, ``close()`` releases it. The builder, queries and views take a store as an argument and
never know which one it is.

- ``NetworkXStore``: in memory, saved to and loaded from a graph file; no server.
- ``Neo4jStore``: a Neo4j 5 server over Bolt (``graphbuild.stores.neo4j_store``).
"""

from graphbuild.stores.networkx_store import NetworkXStore

__all__ = ["NetworkXStore", "STORE_KINDS"]

STORE_KINDS = ("networkx", "neo4j")
