"""Summaries of a graph for people: counts per label and type."""

__all__ = ["format_counts"]


def format_counts(counts):
    """Lines 'Label  n' then 'TYPE  n' for the non-zero counts."""
    width = max(map(len, [*counts["nodes"], *counts["relationships"]]), default=0)
    lines = ["nodes:"]
    lines += [f"  {label:<{width}} {n}" for label, n in counts["nodes"].items() if n]
    lines.append("relationships:")
    lines += [f"  {rel_type:<{width}} {n}" for rel_type, n in counts["relationships"].items() if n]
    return lines
