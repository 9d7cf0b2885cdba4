"""Turn papers and their extractions into the nodes and relationships a store writes.

Pure functions, no store in sight: ``paper_rows`` gives the rows of one paper, ``merge_rows``
combines rows of many papers the way every store merges them, so a build can hand a store each node
and relationship once. The merge rules are the schema's: list properties (sources, aliases,
evidence, results, ...) are unions kept sorted, other properties take the newest value, and a
concept without a canonical name is named by its first alias in sorted order.
"""

from extractors.normalize import concept_key
from graphbuild import schema
from graphbuild.records import Node, Relation

__all__ = [
    "paper_rows",
    "merge_rows",
    "merge_properties",
    "with_display_name",
    "result_entry",
    "parse_result_entry",
    "RELATIONSHIP_OF_KIND",
]

#: The relationship from a paper to each kind of extracted concept.
RELATIONSHIP_OF_KIND = {
    "proposed": "PROPOSES",
    "method": "MENTIONS",
    "benchmark": "EVALUATES_ON",
    "model": "USES_MODEL",
    "task": "ADDRESSES",
    "link": "LINKS_TO",
}


def merge_properties(old, new):
    """Merge ``new`` into a copy of ``old``: list properties become sorted unions, the rest are set."""
    merged = dict(old)
    for name, value in new.items():
        if name in schema.LIST_PROPERTIES:
            merged[name] = sorted(set(merged.get(name) or ()) | set(value or ()))
        elif value is not None:
            merged[name] = value
    return merged


def with_display_name(label, merged, written):
    """``merged`` with ``name`` decided: the canonical name when the written row carries one, else
    the first alias of the merged aliases, so a concept's name does not depend on build order."""
    if label == schema.PAPER or written.get("name") or not merged.get("aliases"):
        return merged
    return {**merged, "name": merged["aliases"][0]}


def result_entry(value, metric, subject):
    """A reported result as stored on EVALUATES_ON: "value|metric|subject", empty where unknown,
    so Cypher can split it ("84.3||", "72.2|accuracy|AM-Thinking-v1")."""
    return "|".join((part or "").replace("|", "/") for part in (value, metric, subject))


def parse_result_entry(entry):
    """{"value", "metric", "subject"} of a stored result entry (None for the empty parts)."""
    value, metric, subject = (entry.split("|") + ["", ""])[:3]
    return {"value": value or None, "metric": metric or None, "subject": subject or None}


def paper_rows(paper, extraction):
    """The nodes and relationships of one paper: (list of Node, list of Relation)."""
    paper_ref = (schema.PAPER, paper.id)
    properties = {
        "title": paper.title,
        "abstract": paper.abstract,
        "date": paper.date,
        "url": paper.url,
        "sources": list(paper.sources),
    }
    if paper.ids:
        properties["ids"] = list(paper.ids)
    nodes = [Node(schema.PAPER, paper.id, properties)]
    relations = []
    for mention in extraction.mentions:
        properties = {"aliases": sorted(set(mention.aliases))}
        if mention.name:
            properties["name"] = mention.name
        properties.update(dict(mention.properties))
        if mention.label == schema.REPOSITORY:
            properties["url"] = mention.text
        nodes.append(Node(mention.label, mention.key, properties))
        relations.append(
            Relation(
                RELATIONSHIP_OF_KIND[mention.kind],
                paper_ref,
                (mention.label, mention.key),
                {"evidence": list(mention.evidence), "extractors": list(mention.extractors)},
            )
        )
    for result in extraction.results:
        relations.append(
            Relation(
                "EVALUATES_ON",
                paper_ref,
                (schema.BENCHMARK, result.benchmark_key),
                {
                    "results": [result_entry(result.value, result.metric, result.subject)],
                    "evidence": [result.evidence],
                    "extractors": ["graphbuild_results"],
                },
            )
        )
        nodes.append(Node(schema.BENCHMARK, result.benchmark_key, {"aliases": [result.benchmark]}))
    for author in paper.authors:
        key = concept_key(author)
        if key:
            nodes.append(Node(schema.AUTHOR, key, {"aliases": [author]}))
            relations.append(Relation("AUTHORED", (schema.AUTHOR, key), paper_ref, {}))
    return nodes, relations


def merge_rows(nodes, relations):
    """Combine rows that name the same node or relationship, with the stores' merge rules.

    Returns (nodes, relations), each sorted by identity. Display names are left to the store,
    which decides them after merging with what it already holds (``with_display_name``).
    """
    merged_nodes = {}
    for node in nodes:
        identity = (node.label, node.key)
        merged_nodes[identity] = merge_properties(merged_nodes.get(identity, {}), node.properties)
    merged_relations = {}
    for relation in relations:
        identity = (relation.type, relation.start, relation.end)
        merged_relations[identity] = merge_properties(merged_relations.get(identity, {}), relation.properties)
    return (
        [Node(label, key, props) for (label, key), props in sorted(merged_nodes.items())],
        [Relation(t, s, e, props) for (t, s, e), props in sorted(merged_relations.items())],
    )
