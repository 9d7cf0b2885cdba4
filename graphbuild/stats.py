"""Summaries of a graph: counts per label and type, and the most connected concepts per label."""

from graphbuild import schema

__all__ = ["most_connected", "format_counts"]


def most_connected(store, limit=5):
    """{label: [(name, key, number of relationships)]} for every concept label, most connected first.

    Ties are broken by key so the answer is the same on every run.
    """
    graph = store.graph
    ranked = {label: [] for label in schema.CONCEPT_LABELS + (schema.AUTHOR,)}
    for node, data in graph.nodes(data=True):
        if data["label"] in ranked:
            ranked[data["label"]].append((data.get("name") or data["key"], data["key"], graph.degree(node)))
    return {label: sorted(rows, key=lambda r: (-r[2], r[1]))[:limit] for label, rows in ranked.items()}


def format_counts(counts):
    """Lines 'Label  n' then 'TYPE  n' for the non-zero counts."""
    lines = ["nodes:"]
    lines += [f"  {label:<12} {n}" for label, n in counts["nodes"].items() if n]
    lines.append("relationships:")
    lines += [f"  {rel_type:<12} {n}" for rel_type, n in counts["relationships"].items() if n]
    return lines
