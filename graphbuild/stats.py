"""Summaries of a graph for people: counts per label and type."""

__all__ = ["format_counts"]


def format_counts(counts):
    """Lines 'Label  n' then 'TYPE  n' for the non-zero counts."""
    lines = ["nodes:"]
    lines += [f"  {label:<12} {n}" for label, n in counts["nodes"].items() if n]
    lines.append("relationships:")
    lines += [f"  {rel_type:<12} {n}" for rel_type, n in counts["relationships"].items() if n]
    return lines
