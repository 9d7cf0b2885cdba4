"""The in-memory store: a NetworkX multi-digraph, one edge per relationship type between two nodes.

Nodes are identified as ``(label, key)`` and carry ``label``, ``key`` and their properties;
edges carry ``type`` (also their multigraph key) and properties. Merging follows
``graphbuild.rows`` exactly as the Neo4j store does, so both give the same graph document.
"""

import networkx as nx

from graphbuild import schema
from graphbuild.graph_file import graph_document, read_graph_file, write_json_atomic
from graphbuild.records import Node, Relation
from graphbuild.rows import merge_properties, with_display_name

__all__ = ["NetworkXStore"]


class NetworkXStore:
    """A graph held in memory.

    Examples
    --------
    >>> from graphbuild.records import Node
    >>> store = NetworkXStore()
    >>> store.write([Node("Method", "controlnet", {"aliases": ["ControlNet"]})], [])
    >>> store.graph.nodes[("Method", "controlnet")]["name"]
    'ControlNet'
    """

    kind = "networkx"

    def __init__(self, graph=None):
        self.graph = graph if graph is not None else nx.MultiDiGraph()

    @classmethod
    def from_file(cls, path):
        """Load a graph file saved by ``save`` (``graphbuild build --out``)."""
        store = cls()
        store.write(*read_graph_file(path))
        return store

    def write(self, nodes, relations):
        """Merge nodes and relationships into the graph."""
        graph = self.graph
        for node in nodes:
            identity = (schema.check_label(node.label), node.key)
            if identity in graph:
                old = {k: v for k, v in graph.nodes[identity].items() if k not in ("label", "key")}
            else:
                old = {}
            merged = with_display_name(node.label, merge_properties(old, node.properties), node.properties)
            graph.add_node(identity, label=node.label, key=node.key, **merged)
        for relation in relations:
            rel_type = schema.check_relationship_type(relation.type)
            start, end = tuple(relation.start), tuple(relation.end)
            for endpoint in (start, end):
                if endpoint not in graph:
                    graph.add_node(endpoint, label=endpoint[0], key=endpoint[1])
            if graph.has_edge(start, end, key=rel_type):
                data = graph.edges[start, end, rel_type]
                old = {k: v for k, v in data.items() if k != "type"}
                data.update(merge_properties(old, relation.properties))
            else:
                graph.add_edge(start, end, key=rel_type, type=rel_type, **merge_properties({}, relation.properties))

    def nodes(self):
        """Every node as a ``Node``."""
        return [
            Node(data["label"], data["key"], {k: v for k, v in data.items() if k not in ("label", "key")})
            for _, data in self.graph.nodes(data=True)
        ]

    def relations(self):
        """Every relationship as a ``Relation``."""
        return [
            Relation(data["type"], start, end, {k: v for k, v in data.items() if k != "type"})
            for start, end, data in self.graph.edges(data=True)
        ]

    def document(self):
        """The whole graph as the canonical graph document."""
        return graph_document(self.nodes(), self.relations())

    def counts(self):
        """{"nodes": {label: n}, "relationships": {type: n}}, every schema label and type listed."""
        nodes = dict.fromkeys(schema.LABELS, 0)
        for _, label in self.graph.nodes(data="label"):
            nodes[label] += 1
        relationships = dict.fromkeys(schema.RELATIONSHIP_TYPES, 0)
        for _, _, rel_type in self.graph.edges(keys=True):
            relationships[rel_type] += 1
        return {"nodes": nodes, "relationships": relationships}

    def most_connected(self, limit=5):
        """{label: [(name, key, number of relationships)]}, most connected first, ties by key."""
        ranked = {label: [] for label in schema.CONCEPT_LABELS + (schema.AUTHOR,)}
        for node, data in self.graph.nodes(data=True):
            if data["label"] in ranked:
                ranked[data["label"]].append((data.get("name") or data["key"], data["key"], self.graph.degree(node)))
        return {label: sorted(rows, key=lambda r: (-r[2], r[1]))[:limit] for label, rows in ranked.items()}

    def save(self, path):
        """Write the graph to ``path`` atomically as a graph document."""
        write_json_atomic(self.document(), path)

    def close(self):
        """Nothing to release; present so every store can be closed the same way."""
