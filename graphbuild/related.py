"""Related work: which papers are related to a paper, and why.

``resolve_paper`` turns what a user typed (an id or a title, whole or in part) into one paper,
``resolve_concept`` a "LABEL:NAME" into one concept;
``related_papers`` ranks the papers that share concepts or citations with it, using the named
query ``related_work`` so that both stores answer alike; ``reason_evidence`` adds, for each
reason, the sentences of both abstracts it came from.
"""

import difflib
import re

from graphbuild import schema
from graphbuild.errors import PaperNotFound
from graphbuild.query_library import run_named_query

__all__ = ["resolve_paper", "resolve_concept", "related_papers", "reason_evidence"]


def resolve_paper(store, text):
    """(id, title) of the one paper ``text`` names: an exact id, then the exact title, then the
    title ignoring case, then a unique title prefix, then a unique part of a title.

    Raises
    ------
    PaperNotFound
        When nothing matches, or several papers do; the message lists the closest titles.
    """
    # Word stems, to suggest titles when nothing matches ("Controlnett" finds "ControlNet...").
    words = " ".join(word[:6] for word in re.findall(r"\w[\w+\-]*", text))
    rows = run_named_query(store, "find_paper", {"text": text, "words": words})
    for match in (0, 1, 2, 3, 4):
        found = [row for row in rows if row["match"] == match]
        if len(found) == 1:
            return found[0]["id"], found[0]["title"]
        if len(found) > 1:
            titles = "; ".join(repr(row["title"]) for row in found[:5])
            raise PaperNotFound(
                f"{len(found)} papers match {text!r}: {titles}{' ...' if len(found) > 5 else ''}; give more of the title or an id"
            )
    suggestions = difflib.get_close_matches(text, [row["title"] for row in rows], n=3, cutoff=0.3)
    hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else "; check the id or the title"
    raise PaperNotFound(f"no paper matches {text!r}{hint}")


def resolve_concept(store, text):
    """The (label, key) of the concept ``text`` names as "LABEL:NAME" ("Benchmark:MATH500"), its
    name matched against keys, names and aliases ignoring case.

    Raises
    ------
    PaperNotFound
        When ``text`` is not LABEL:NAME with a concept label, or no such concept exists.
    """
    label, _, name = text.partition(":")
    if label not in schema.CONCEPT_LABELS or not name:
        raise PaperNotFound(f"--concept {text!r}: give LABEL:NAME with LABEL one of {', '.join(schema.CONCEPT_LABELS)}")
    focus = store.find_node(label, name)
    if focus is None:
        raise PaperNotFound(f"no {label} named {name!r} in the graph; `graphbuild stats` lists the common ones")
    return focus


def related_papers(store, paper_id, limit=10):
    """The ranked related papers of ``paper_id``: rows with id, title, score and reasons."""
    return run_named_query(store, "related_work", {"id": paper_id, "limit": limit})


def reason_evidence(store, paper_id, related):
    """For each reason of one related-paper row, the sentences it was found in.

    Returns a list of (reason, [(paper id, relationship, sentence), ...]).
    """
    explained = []
    for reason in related["reasons"]:
        sentences = []
        if reason["kind"] in ("text", "meaning"):
            pass  # the shared words or the cosine are the evidence; no one sentence holds them
        elif reason["kind"] == "shared":
            for paper in (paper_id, related["id"]):
                for row in run_named_query(store, "paper_evidence", {"id": paper, "key": reason["key"]}):
                    sentences.append((paper, row["relationship"], row["sentence"]))
        else:
            citing, cited = (paper_id, related["id"]) if reason["kind"] == "cites" else (related["id"], paper_id)
            for row in run_named_query(store, "paper_evidence", {"id": citing, "key": cited}):
                sentences.append((citing, row["relationship"], row["sentence"]))
        explained.append((reason, sentences))
    return explained
