"""The data contract: frozen records passed from ingest to extraction to the builder and stores.

``PaperRecord`` is one title/abstract pair as read from one place in one input; ``Paper`` is a
distinct paper after deduplication. ``Mention`` and ``Result`` are what the extractors found in a
paper. ``Node`` and ``Relation`` are what a store writes; ``graphbuild.rows`` turns the former
into the latter.
"""

from dataclasses import dataclass, field, fields

__all__ = ["PaperRecord", "Paper", "Mention", "Result", "Extraction", "Node", "Relation", "maker"]


@dataclass(frozen=True)
class PaperRecord:
    """One title/abstract pair as it appears in an input, with where it came from."""

    title: str
    abstract: str
    source: str  # "path:line" of the title line (listing) or of the JSON line
    id: str | None = None  # explicit id from the input (an arXiv id), when there is one
    url: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paper:
    """A distinct paper: every record of it merged, remembering every source."""

    id: str
    title: str
    abstract: str
    sources: tuple[str, ...]
    url: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()  # every explicit id the records carry: arXiv ids, versions, DOIs


@dataclass(frozen=True)
class Mention:
    """A concept a paper names, with every place it names it.

    ``kind`` is the extraction type (proposed, method, benchmark, model, task, link); ``label`` the
    schema label of the concept node; ``text`` the surface form as first written; ``key`` the
    normalised concept key; ``name`` the canonical name when a gazetteer knows the concept.
    ``evidence`` locates each sentence it was found in as ``field:start:end`` (title or abstract,
    character offsets) so a person can see why the relationship exists; ``extractors`` are the
    components that found it.
    """

    kind: str
    label: str
    text: str
    key: str
    name: str | None
    evidence: tuple[str, ...]
    extractors: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    properties: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Result:
    """A number reported on a named benchmark, e.g. 84.3 on AIME2024, with its sentence."""

    benchmark: str  # surface form of the benchmark
    benchmark_key: str
    value: str
    metric: str | None
    subject: str | None
    evidence: str  # field:start:end of the sentence

    def as_contract(self):
        """The ``results`` entry of ``graphbuild extract``'s output."""
        return {"benchmark": self.benchmark, "value": self.value, "metric": self.metric, "subject": self.subject}


@dataclass(frozen=True)
class Extraction:
    """Everything the extractors found in one paper."""

    paper_id: str
    mentions: tuple[Mention, ...] = ()
    results: tuple[Result, ...] = ()

    def of_kind(self, kind):
        """Mentions of one kind, one per concept, in text order."""
        seen = set()
        found = []
        for mention in self.mentions:
            if mention.kind == kind and (mention.label, mention.key) not in seen:
                seen.add((mention.label, mention.key))
                found.append(mention)
        return found


@dataclass(frozen=True)
class Node:
    """A node to write: schema label, key value, and properties (lists merge as sorted sets)."""

    label: str
    key: str
    properties: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Relation:
    """A relationship to write between two nodes given as (label, key)."""

    type: str
    start: tuple[str, str]
    end: tuple[str, str]
    properties: dict = field(default_factory=dict, hash=False, compare=False)


def maker(cls):
    """A fast constructor of the frozen dataclass ``cls`` taking every field positionally.

    The ``__init__`` of a frozen dataclass sets each field through ``object.__setattr__``, which
    for a ``Mention`` costs about as much as assembling it; extraction makes millions. The
    constructor is written for the fields as ``dataclasses`` writes ``__init__``, and sets the
    instance dictionary in one step. The record made is the same: equal, hashable and frozen.

    >>> make = maker(Result)
    >>> make("MATH500", "math500", "84.3", None, None, "abstract:0:10") == Result("MATH500", "math500", "84.3", None, None, "abstract:0:10")
    True
    """
    names = [f.name for f in fields(cls)]
    entries = ", ".join(f"{name!r}: {name}" for name in names)
    source = (
        f"def make({', '.join(names)}):\n"
        f"    record = new(cls)\n"
        f"    set_attribute(record, '__dict__', {{{entries}}})\n"
        f"    return record\n"
    )
    namespace = {"new": object.__new__, "set_attribute": object.__setattr__, "cls": cls}
    exec(source, namespace)
    return namespace["make"]
