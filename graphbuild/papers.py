"""Merge paper records into distinct papers.

The same paper seen twice, in one file or across files, becomes one ``Paper`` that remembers every
source. Two records are the same paper when their normalised titles match or they carry the same
explicit id. A paper's id is its explicit id (an arXiv id) when any record has one, otherwise a
stable id derived from the normalised title, so rebuilding gives the same ids.
"""

import hashlib

from extractors.normalize import concept_key
from graphbuild.records import Paper

__all__ = ["merge_records", "title_key", "title_id"]


def title_key(title):
    """The identity of a title: case, punctuation and spacing do not matter."""
    return concept_key(title)


def title_id(title):
    """A stable paper id derived from the normalised title, for papers without an explicit id.

    >>> title_id("ControlNet++: Improving Conditional Controls") == title_id("controlnet++ improving conditional controls")
    True
    """
    return "t-" + hashlib.sha1(title_key(title).encode("utf-8")).hexdigest()[:12]


def _most_common(values):
    """The most frequent value; ties go to the smallest, so the choice does not depend on order."""
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return min(counts, key=lambda value: (-counts[value], value))


def merge_records(records):
    """Group records into distinct papers, in order of first appearance.

    Parameters
    ----------
    records : iterable of PaperRecord

    Returns
    -------
    list of Paper
    """
    groups = []  # list of lists of records
    by_title = {}
    by_id = {}
    for record in records:
        tkey = title_key(record.title)
        group = by_id.get(record.id) if record.id else None
        if group is None:
            group = by_title.get(tkey)
        if group is None:
            group = []
            groups.append(group)
        group.append(record)
        by_title.setdefault(tkey, group)
        if record.id:
            by_id.setdefault(record.id, group)
    return [_merge_group(group) for group in groups]


def _merge_group(group):
    explicit_ids = sorted({r.id for r in group if r.id})
    title = _most_common(r.title for r in group)
    abstracts = sorted({r.abstract for r in group}, key=lambda a: (-len(a), a))
    dates = sorted({r.date for r in group if r.date})
    urls = [r.url for r in group if r.url]
    authors = next((r.authors for r in group if r.authors), ())
    return Paper(
        id=explicit_ids[0] if explicit_ids else title_id(title),
        title=title,
        abstract=abstracts[0],
        sources=tuple(sorted({r.source for r in group})),
        url=urls[0] if urls else None,
        date=dates[0] if dates else None,
        authors=authors,
    )
