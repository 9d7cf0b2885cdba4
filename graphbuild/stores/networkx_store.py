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

    def find_node(self, label, name):
        """The (label, key) of the node of ``label`` whose key, name or alias is ``name``
        (ignoring case), or None."""
        schema.check_label(label)
        wanted = name.lower()
        for node, data in self.graph.nodes(data=True):
            if data["label"] == label and (
                node[1].lower() == wanted
                or (data.get("name") or "").lower() == wanted
                or (data.get("title") or "").lower() == wanted
                or any(alias.lower() == wanted for alias in data.get("aliases") or ())
            ):
                return node
        return None

    def _with_relations(self, identities):
        """(nodes, relations, degrees) of the subgraph induced by ``identities``."""
        graph = self.graph
        nodes = [Node(i[0], i[1], {k: v for k, v in graph.nodes[i].items() if k not in ("label", "key")}) for i in identities]
        relations = [
            Relation(rel_type, start, end, {k: v for k, v in data.items() if k != "type"})
            for start, end, rel_type, data in graph.subgraph(identities).edges(keys=True, data=True)
        ]
        return nodes, relations, {i: graph.degree(i) for i in identities}

    def neighbourhood(self, identity, hops):
        """(nodes, relations, degrees) of every node within ``hops`` relationships of
        ``identity``, whichever their direction; degrees are in the whole graph."""
        if identity not in self.graph:
            return [], [], {}
        reached = nx.single_source_shortest_path_length(self.graph.to_undirected(as_view=True), identity, cutoff=hops)
        return self._with_relations(sorted(reached))

    def overview(self, top):
        """(nodes, relations, degrees) of the ``top`` most connected nodes (ties by label, key),
        text similarity not counted."""
        graph, excluded = self.graph, schema.TEXT_RELATIONSHIP_TYPES

        def connections(node):
            return sum(1 for edges in (graph.in_edges(node, keys=True), graph.out_edges(node, keys=True))
                       for *_, rel_type in edges if rel_type not in excluded)

        ranked = sorted(graph.nodes, key=lambda n: (-connections(n), n))[:top]
        return self._with_relations(sorted(ranked))

    def save(self, path):
        """Write the graph to ``path`` atomically as a graph document."""
        write_json_atomic(self.document(), path)

    def close(self):
        """Nothing to release; present so every store can be closed the same way."""
