"""The graph schema, defined once: node labels with their key property, and relationship types.

Every store, query and view takes labels and relationship types from here, never from input text,
so nothing a paper says can become part of a Cypher statement.
"""

__all__ = [
    "PAPER",
    "METHOD",
    "BENCHMARK",
    "MODEL",
    "TASK",
    "REPOSITORY",
    "AUTHOR",
    "LABELS",
    "CONCEPT_LABELS",
    "KEY",
    "RELATIONSHIP_TYPES",
    "TEXT_RELATIONSHIP_TYPES",
    "ENDPOINTS",
    "LIST_PROPERTIES",
    "check_label",
    "check_relationship_type",
]

PAPER = "Paper"
METHOD = "Method"
BENCHMARK = "Benchmark"
MODEL = "Model"
TASK = "Task"
REPOSITORY = "Repository"
AUTHOR = "Author"

#: Every node label, in the order summaries list them.
LABELS = (PAPER, METHOD, BENCHMARK, MODEL, TASK, REPOSITORY, AUTHOR)

#: Labels of the things papers are related through (everything but papers and authors).
CONCEPT_LABELS = (METHOD, BENCHMARK, MODEL, TASK, REPOSITORY)

#: The key property of a label: Paper nodes are keyed by ``id``, every other label by ``key``.
KEY = {PAPER: "id", METHOD: "key", BENCHMARK: "key", MODEL: "key", TASK: "key", REPOSITORY: "key", AUTHOR: "key"}

#: Relationship type -> (allowed start labels, allowed end labels).
ENDPOINTS = {
    "PROPOSES": ((PAPER,), (METHOD, BENCHMARK, MODEL)),
    "MENTIONS": ((PAPER,), (METHOD,)),
    "EVALUATES_ON": ((PAPER,), (BENCHMARK,)),
    "USES_MODEL": ((PAPER,), (MODEL,)),
    "ADDRESSES": ((PAPER,), (TASK,)),
    "LINKS_TO": ((PAPER,), (REPOSITORY,)),
    "AUTHORED": ((AUTHOR,), (PAPER,)),
    "CITES": ((PAPER,), (PAPER,)),
    "SIMILAR_TEXT": ((PAPER,), (PAPER,)),
    "SIMILAR_MEANING": ((PAPER,), (PAPER,)),
}

RELATIONSHIP_TYPES = tuple(ENDPOINTS)

#: Relationships computed from the papers' text rather than found in it: every paper has about
#: twenty, so they are left out where "most connected" ranks nodes (the overview), or papers
#: would crowd out the concepts.
TEXT_RELATIONSHIP_TYPES = ("SIMILAR_TEXT", "SIMILAR_MEANING")

#: Properties that hold lists and are merged as sorted sets when the same node or relationship is
#: written again (a paper seen in two listings keeps both sources). Every other property is set.
LIST_PROPERTIES = frozenset(
    {
        # nodes
        "sources",
        "ids",  # Paper: every explicit id its records carry
        "aliases",
        "ambiguous_names",  # Paper: names it mentions that several papers propose
        # relationships: evidence, one entry per place the relationship was found
        "evidence",
        "extractors",
        # EVALUATES_ON: reported numbers, one "value|metric|subject" entry per result
        "results",
        # CITES: the names that link the two papers
        "via",
    }
)


def check_label(label):
    """Return ``label`` if it is one of the schema's labels, else raise ValueError."""
    if label not in KEY:
        raise ValueError(f"unknown label {label!r}; the schema has {', '.join(LABELS)}")
    return label


def check_relationship_type(rel_type):
    """Return ``rel_type`` if it is one of the schema's relationship types, else raise ValueError."""
    if rel_type not in ENDPOINTS:
        raise ValueError(
            f"unknown relationship type {rel_type!r}; the schema has {', '.join(RELATIONSHIP_TYPES)}"
        )
    return rel_type
