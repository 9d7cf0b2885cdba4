"""Citations inferred from abstracts: a paper that names what exactly one other paper proposes.

Listings carry no reference lists, but abstracts name earlier work: the ControlNet++ abstract
names ControlNet, and another paper is the one that proposes ControlNet. ``inferred_citations``
links such pairs with ``CITES {source: "inferred", via: [names]}``.

Names are shared by unrelated work (several papers propose an "SPO"). A mention that matches
several proposing papers is linked only when one of its other names decides it (the paper wrote
"Self-Play Preference Optimization (SPO)"); otherwise no edge is drawn and the name is recorded in
the mentioning paper's ``ambiguous_names`` property, which the ``ambiguous_names`` query lists. A
paper never cites itself. Inputs that carry real references can add ``source: "explicit"`` edges
through the same rows.
"""

from dataclasses import dataclass

from extractors.normalize import concept_key
from graphbuild import schema
from graphbuild.records import Node, Relation

__all__ = ["Citation", "inferred_citations", "citation_rows"]

#: Kinds of mention that can refer to another paper's contribution.
CITING_KINDS = ("method", "model", "benchmark")


@dataclass(frozen=True)
class Citation:
    """Paper ``citing`` names ``via`` (its surface forms), which paper ``cited`` proposes."""

    citing: str
    cited: str
    via: tuple[str, ...]
    evidence: tuple[str, ...]


def _family(label):
    return "benchmark" if label == schema.BENCHMARK else "method"


def _names(mention):
    """The normalised names a mention or proposal goes by: its key and each of its aliases."""
    return {mention.key} | {concept_key(alias) for alias in mention.aliases} - {""}


def inferred_citations(extractions):
    """(citations, ambiguous) for a set of papers' extractions.

    ``citations`` is a sorted list of ``Citation``; ``ambiguous`` maps a paper id to the sorted
    names it mentions that several other papers propose and nothing decides between.
    """
    # (kind of thing, normalised name) -> {paper id: set of that paper's names for the same thing}.
    # A benchmark a paper evaluates on refers to a proposed benchmark, a method or model to a
    # proposed method or model: the "AIME" benchmark is not the "AIME" method a paper proposes.
    proposers = {}
    for extraction in extractions:
        for proposal in extraction.of_kind("proposed"):
            names = _names(proposal)
            for name in names:
                proposers.setdefault((_family(proposal.label), name), {}).setdefault(extraction.paper_id, set()).update(names)
    # A name a gazetteer knows is that known thing: "AIME" the benchmark is not the "AIME" method
    # some paper proposes, unless the proposal is the known concept itself (ControlNet's paper).

    found = {}  # (citing, cited) -> (set of surface forms, set of evidence)
    ambiguous = {}
    for extraction in extractions:
        citing = extraction.paper_id
        own = set()
        for proposal in extraction.of_kind("proposed"):
            own |= _names(proposal)
        for mention in extraction.mentions:
            if mention.kind not in CITING_KINDS:
                continue
            names = _names(mention)
            if names & own:
                continue  # the paper's own contribution, mentioned again
            candidates = {}
            for name in names:
                for paper, their_names in proposers.get((_family(mention.label), name), {}).items():
                    if paper != citing and (mention.name is None or mention.key in their_names):
                        candidates.setdefault(paper, set()).update(their_names)
            if not candidates:
                continue
            if len(candidates) > 1:
                # Keep the papers whose proposal shares every name the mention has (so "Self-Play
                # Preference Optimization (SPO)" decides between two papers proposing an "SPO").
                deciding = [paper for paper, their_names in candidates.items() if names <= their_names]
                if len(deciding) != 1:
                    ambiguous.setdefault(citing, set()).add(mention.text)
                    continue
                candidates = {deciding[0]: candidates[deciding[0]]}
            (cited,) = candidates
            via, evidence = found.setdefault((citing, cited), (set(), set()))
            via.add(mention.text)
            evidence.update(mention.evidence)
    citations = [
        Citation(citing, cited, tuple(sorted(via)), tuple(sorted(evidence)))
        for (citing, cited), (via, evidence) in sorted(found.items())
    ]
    return citations, {paper: sorted(names) for paper, names in sorted(ambiguous.items())}


def citation_rows(citations, ambiguous):
    """The nodes and relationships that record citations and ambiguous names."""
    relations = [
        Relation(
            "CITES",
            (schema.PAPER, c.citing),
            (schema.PAPER, c.cited),
            {"source": "inferred", "via": list(c.via), "evidence": list(c.evidence), "extractors": ["graphbuild_citations"]},
        )
        for c in citations
    ]
    nodes = [Node(schema.PAPER, paper, {"ambiguous_names": names}) for paper, names in ambiguous.items()]
    return nodes, relations
