"""Merge paper records into distinct papers.

The same paper seen twice, in one file or across files, becomes one ``Paper`` that remembers every
source and every explicit id. Two records are the same paper when their normalised titles match or
their explicit ids name the same paper. A paper's id is its arXiv id (without the version) or its
smallest explicit id when any record has one, otherwise a stable id derived from the normalised
title, so rebuilding gives the same ids; the same records give the same papers in any order.
"""

import hashlib
import re

from extractors.normalize import concept_key
from graphbuild.records import Paper

__all__ = ["merge_records", "title_key", "title_id", "identity_of_id", "key_of_ids"]


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
    return min(counts, key=lambda value: (-counts[value], value)) if counts else None


_ARXIV_VERSION = re.compile(r"(?<=\d)v\d+$")
_ARXIV = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")


def key_of_ids(ids):
    """The paper id (its key in the graph) among explicit ids: the arXiv id without its version
    where there is one, so that every build that sees any version of it gives the same key;
    otherwise the smallest id.

    >>> key_of_ids(["2404.07987v2", "10.1000/xyz"]), key_of_ids(["10.1000/xyz", "W123"])
    ('2404.07987', '10.1000/xyz')
    """
    arxiv = sorted(_ARXIV_VERSION.sub("", i) for i in ids if _ARXIV.match(i))
    return arxiv[0] if arxiv else min(ids)


def identity_of_id(paper_id):
    """What an explicit id identifies: an arXiv id without its version, a DOI without case.

    >>> identity_of_id("2404.07987v2") == identity_of_id("2404.07987"), identity_of_id("10.1000/ABC") == identity_of_id("10.1000/abc")
    (True, True)
    """
    return _ARXIV_VERSION.sub("", paper_id.strip()).lower()


def merge_records(records, report=None):
    """Group records into distinct papers, in order of first appearance.

    Two records are one paper when their titles have the same key or their explicit ids the
    same identity (an arXiv id and its versions are one), directly or through other records:
    the groups do not depend on the order of the records, and neither does what a paper keeps
    of them (every source and every explicit id; the most common title, URL and author list,
    ties to the smallest; the longest abstract; the earliest date).

    Parameters
    ----------
    records : iterable of PaperRecord
    report : callable, optional
        Called with one line for each paper made of records that disagree (different ids, URLs,
        authors, abstracts or titles), saying what was kept.

    Returns
    -------
    list of Paper
    """
    records = list(records)
    parent = list(range(len(records)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with = {}  # identity -> first record with it
    for index, record in enumerate(records):
        identities = ["title:" + title_key(record.title)]
        if record.id:
            identities.append("id:" + identity_of_id(record.id))
        for identity in identities:
            other = first_with.setdefault(identity, index)
            a, b = root(index), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups = {}
    for index, record in enumerate(records):
        groups.setdefault(root(index), []).append(record)
    papers = []
    for group in groups.values():  # in order of each group's first record
        paper = _merge_group(group)
        if report is not None and len(group) > 1:
            differences = _differences(group, paper)
            if differences:
                report(f"{', '.join(sorted(r.source for r in group))}: one paper ({paper.id}) whose records differ in "
                       + "; ".join(differences))
        papers.append(paper)
    return papers


def _merge_group(group):
    explicit_ids = tuple(sorted({r.id for r in group if r.id}))
    title = _most_common(r.title for r in group)
    abstracts = sorted({r.abstract for r in group}, key=lambda a: (-len(a), a))
    dates = sorted({r.date for r in group if r.date})
    return Paper(
        id=key_of_ids(explicit_ids) if explicit_ids else title_id(title),
        title=title,
        abstract=abstracts[0],
        sources=tuple(sorted({r.source for r in group})),
        url=_most_common(r.url for r in group if r.url),
        date=dates[0] if dates else None,
        authors=_most_common(r.authors for r in group if r.authors) or (),
        ids=explicit_ids,
    )


def _differences(group, paper):
    """What the records of one paper disagree on, and what the paper kept."""
    found = []
    ids = {r.id for r in group if r.id}
    if len(ids) > 1:
        found.append(f"id ({', '.join(sorted(ids))}; all kept, {paper.id} as its key)")
    # Dates are left out: a listing's date is the day it listed the paper, and one paper listed
    # on two days is no disagreement.
    for name, kept in (("title", paper.title), ("url", paper.url), ("authors", paper.authors)):
        values = {getattr(r, name) for r in group if getattr(r, name)}
        if len(values) > 1:
            shown = sorted((", ".join(v) if isinstance(v, tuple) else v) for v in values)
            kept_shown = ", ".join(kept) if isinstance(kept, tuple) else kept
            found.append(f"{name} ({' | '.join(shown)}; kept {kept_shown})")
    if len({r.abstract for r in group}) > 1:
        found.append("abstract (kept the longest)")
    return found
