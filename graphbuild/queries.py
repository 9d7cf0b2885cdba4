"""NetworkX twins of the named Cypher queries: the same rows from the in-memory store.

One small function per ``cypher/<name>.cypher`` file, taking the store and the query's
parameters and returning the rows (dicts with the Cypher statement's columns, in its order).
They follow the Cypher statements' semantics exactly (matching, degrees, rounding, ordering with
nulls last), so that both stores answer every query alike; the parity tests hold them to it.
"""

import itertools
import math

import networkx as nx

from graphbuild import schema
from graphbuild.rows import parse_result_entry

__all__ = [
    "TWINS",
    "related_work",
    "concept_papers",
    "benchmark_results",
    "method_lineage",
    "papers_with_code",
    "cooccurring_concepts",
    "shortest_connection",
    "most_connected",
    "ambiguous_names",
    "paper_evidence",
    "find_paper",
    "CITATION_WEIGHT",
]

#: What a citation in either direction adds to a related-work score.
CITATION_WEIGHT = 3.0
TEXT_WEIGHT = 20.0  # times the SIMILAR_TEXT cosine; cypher/related_work.cypher says the same
MEANING_WEIGHT = 15.0  # times the SIMILAR_MEANING cosine; likewise


def _round6(value):
    """Round to 6 decimals as the Cypher statements do: floor(x * 10^6 + 0.5) / 10^6."""
    return math.floor(value * 1000000 + 0.5) / 1000000


def _last_if_none(value):
    """A sort key that puts None last, as Cypher's ascending ORDER BY does."""
    return (value is None, value if value is not None else "")


def _matches(data, name):
    """The concept's name or one of its aliases equals ``name``, ignoring case."""
    wanted = name.lower()
    if (data.get("name") or "").lower() == wanted:
        return True
    return any(alias.lower() == wanted for alias in data.get("aliases") or ())


def _concepts(graph, name, labels=None):
    """Non-paper nodes whose name or alias is ``name``."""
    return [
        node
        for node, data in graph.nodes(data=True)
        if data["label"] != schema.PAPER
        and (labels is None or data["label"] in labels)
        and _matches(data, name)
    ]


def _in_edges(graph, node, types):
    return [(start, rel_type, data) for start, _, rel_type, data in graph.in_edges(node, keys=True, data=True) if rel_type in types]


def _out_edges(graph, node, types):
    return [(end, rel_type, data) for _, end, rel_type, data in graph.out_edges(node, keys=True, data=True) if rel_type in types]


def related_work(store, id, limit=10):
    """Papers related to paper ``id``: papers that read alike weighted ``TEXT_WEIGHT`` x their
    SIMILAR_TEXT cosine, papers that mean alike ``MEANING_WEIGHT`` x their SIMILAR_MEANING cosine,
    citations either way weighted ``CITATION_WEIGHT``; shared concepts are reasons weighing 0."""
    graph = store.graph
    paper = (schema.PAPER, id)
    if paper not in graph:
        return []
    totals, reasons = {}, {}
    for concept in graph.successors(paper):
        others = [other for other in graph.predecessors(concept) if other[0] == schema.PAPER and other != paper]
        if concept[0] == schema.PAPER or not others:
            continue
        weight = 0.0  # shared concepts explain, they do not rank: no weight helped (docs/relevance.md)
        reason = {
            "kind": "shared",
            "label": concept[0],
            "key": concept[1],
            "name": graph.nodes[concept].get("name"),
            "weight": _round6(weight),
            "via": None,
        }
        for other in others:
            totals[other] = totals.get(other, 0.0) + weight
            reasons.setdefault(other, []).append(reason)
    # Papers joined to this one directly: reading or meaning alike and citations, either way.
    for outgoing, edges in ((True, graph.out_edges(paper, keys=True, data=True)), (False, graph.in_edges(paper, keys=True, data=True))):
        for start, end, rel_type, data in edges:
            other = end if outgoing else start
            if other == paper:
                continue
            if rel_type == "SIMILAR_TEXT":
                kind, weight, via = "text", TEXT_WEIGHT * data["score"], data.get("terms")
            elif rel_type == "SIMILAR_MEANING":
                kind, weight, via = "meaning", MEANING_WEIGHT * data["score"], None
            elif rel_type == "CITES":
                kind, weight, via = "cites" if outgoing else "cited by", CITATION_WEIGHT, data.get("via")
            else:
                continue
            totals[other] = totals.get(other, 0.0) + weight
            reasons.setdefault(other, []).append(
                {"kind": kind, "label": schema.PAPER, "key": other[1], "name": graph.nodes[other].get("title"),
                 "weight": _round6(weight), "via": via}
            )
    ranked = sorted(((_round6(total), other) for other, total in totals.items()), key=lambda item: (-item[0], item[1][1]))
    return [
        {
            "id": other[1],
            "title": graph.nodes[other].get("title"),
            "score": score,
            "reasons": sorted(reasons[other], key=lambda r: (-r["weight"], r["kind"], r["label"], r["key"])),
        }
        for score, other in ranked[:limit]
    ]


def concept_papers(store, name):
    graph = store.graph
    rows = []
    for concept in _concepts(graph, name):
        data = graph.nodes[concept]
        for paper, rel_type, _ in _in_edges(graph, concept, schema.RELATIONSHIP_TYPES):
            if paper[0] == schema.PAPER:
                rows.append(
                    {"label": concept[0], "concept": data.get("name"), "key": concept[1], "relationship": rel_type,
                     "id": paper[1], "title": graph.nodes[paper].get("title")}
                )
    return sorted(rows, key=lambda r: (r["label"], r["key"], r["relationship"], r["id"]))


def benchmark_results(store, name):
    graph = store.graph
    rows = []
    for benchmark in _concepts(graph, name, (schema.BENCHMARK,)):
        for paper, _, data in _in_edges(graph, benchmark, ("EVALUATES_ON",)):
            for entry in data.get("results") or ():
                result = parse_result_entry(entry)
                rows.append(
                    {"benchmark": graph.nodes[benchmark].get("name"), "id": paper[1], "title": graph.nodes[paper].get("title"),
                     "value": result["value"] or "", "metric": result["metric"], "subject": result["subject"]}
                )
    return sorted(rows, key=lambda r: (_last_if_none(r["benchmark"]), r["id"], r["value"]))


def method_lineage(store, name):
    graph = store.graph
    found = set()
    for concept in _concepts(graph, name, (schema.METHOD, schema.MODEL, schema.BENCHMARK)):
        proposers = [paper for paper, _, _ in _in_edges(graph, concept, ("PROPOSES",))]
        for proposer in proposers:
            found.add((0, "proposes", proposer, None))
            for citing, _, data in _in_edges(graph, proposer, ("CITES",)):
                found.add((1, "cites the proposer", citing, tuple(data.get("via") or ())))
        for paper, _, _ in _in_edges(graph, concept, ("MENTIONS", "USES_MODEL", "EVALUATES_ON")):
            if paper in proposers:
                continue
            if any(cited in proposers for cited, _, _ in _out_edges(graph, paper, ("CITES",))):
                continue
            found.add((2, "mentions", paper, None))
    rows = sorted(found, key=lambda f: (f[0], f[2][1], f[3] is None, f[3] or ()))
    return [
        {"role": role, "id": paper[1], "title": graph.nodes[paper].get("title"), "via": list(via) if via is not None else None}
        for _, role, paper, via in rows
    ]


def papers_with_code(store, task):
    graph = store.graph
    rows = set()
    for node in _concepts(graph, task, (schema.TASK,)):
        for paper, _, _ in _in_edges(graph, node, ("ADDRESSES",)):
            for repository, _, _ in _out_edges(graph, paper, ("LINKS_TO",)):
                data = graph.nodes[repository]
                if data.get("kind") == "code":
                    rows.add((graph.nodes[node].get("name"), paper[1], graph.nodes[paper].get("title"), data.get("url")))
    return [
        {"task": task_name, "id": paper_id, "title": title, "url": url}
        for task_name, paper_id, title, url in sorted(rows, key=lambda r: (_last_if_none(r[0]), r[1], _last_if_none(r[3])))
    ]


def cooccurring_concepts(store, name, limit=10):
    graph = store.graph
    papers_of = {}
    for concept in _concepts(graph, name):
        for paper in graph.predecessors(concept):
            if paper[0] != schema.PAPER:
                continue
            for other in graph.successors(paper):
                if other[0] != schema.PAPER and other != concept:
                    papers_of.setdefault(other, set()).add(paper)
    rows = [
        {"label": other[0], "name": graph.nodes[other].get("name"), "key": other[1], "papers": len(papers)}
        for other, papers in papers_of.items()
    ]
    return sorted(rows, key=lambda r: (-r["papers"], r["label"], r["key"]))[:limit]


def _node_name(node):
    return f"{node[0]}:{node[1]}"


def shortest_connection(store, **endpoints):
    """The shortest chain between papers ``from`` and ``to`` (a Python keyword, hence
    ``**endpoints``), at most 6 steps, the first by node names among equally short ones."""
    graph = store.graph
    start, end = (schema.PAPER, endpoints["from"]), (schema.PAPER, endpoints["to"])
    if start not in graph or end not in graph or start == end:
        return []
    undirected = graph.to_undirected(as_view=True)
    try:
        paths = nx.all_shortest_paths(undirected, start, end)
        best = min((path for path in itertools.islice(paths, 100000)), key=lambda path: [_node_name(n) for n in path])
    except nx.NetworkXNoPath:
        return []
    if len(best) - 1 > 6:
        return []
    return [
        {"step": step, "label": node[0], "key": node[1],
         "name": graph.nodes[node].get("title") if node[0] == schema.PAPER else graph.nodes[node].get("name")}
        for step, node in enumerate(best)
    ]


def most_connected(store, limit=5):
    graph = store.graph
    by_label = {}
    for node, data in graph.nodes(data=True):
        if data["label"] in schema.CONCEPT_LABELS:
            by_label.setdefault(data["label"], []).append(
                {"label": data["label"], "name": data.get("name"), "key": node[1], "relationships": graph.degree(node)}
            )
    rows = []
    for label in sorted(by_label):
        rows.extend(sorted(by_label[label], key=lambda r: (-r["relationships"], r["key"]))[:limit])
    return rows


def ambiguous_names(store, limit=100):
    graph = store.graph
    proposers = {}
    for start, end, rel_type in graph.edges(keys=True):
        if rel_type == "PROPOSES":
            for alias in graph.nodes[end].get("aliases") or ():
                proposers.setdefault(alias.lower(), set()).add(start[1])
    mentioned = {}
    for node, data in graph.nodes(data=True):
        for name in data.get("ambiguous_names") or ():
            mentioned.setdefault(name.lower(), set()).add(node[1])
    rows = [
        {"name": name, "proposed_by": sorted(ids), "mentioned_by": sorted(mentioned.get(name, ()))}
        for name, ids in proposers.items()
        if len(ids) > 1
    ]
    return sorted(rows, key=lambda r: r["name"])[:limit]


def paper_evidence(store, id, key):
    graph = store.graph
    paper = (schema.PAPER, id)
    if paper not in graph:
        return []
    data = graph.nodes[paper]
    rows = set()
    for other, rel_type, properties in _out_edges(graph, paper, schema.RELATIONSHIP_TYPES):
        if other[1] != key or not properties.get("evidence"):
            continue
        other_data = graph.nodes[other]
        name = other_data.get("name") if other_data.get("name") is not None else other_data.get("title")
        for place in properties["evidence"]:
            field, start, end = place.split(":")
            sentence = data.get("title") if field == "title" else (data.get("abstract") or "")[int(start):int(end)]
            rows.add((rel_type, other[0], name, sentence))
    return [
        {"relationship": rel_type, "label": label, "name": name, "sentence": sentence}
        for rel_type, label, name, sentence in sorted(rows, key=lambda r: (r[0], _last_if_none(r[3])))
    ]


def find_paper(store, text, words=""):
    graph = store.graph
    lower = text.lower()
    word_list = [w for w in words.lower().split(" ") if len(w) > 3]
    rows = []
    for node, data in graph.nodes(data=True):
        if data["label"] != schema.PAPER:
            continue
        title = data.get("title") or ""
        low = title.lower()
        if node[1] == text:
            match = 0
        elif title == text:
            match = 1
        elif low == lower:
            match = 2
        elif low.startswith(lower):
            match = 3
        elif lower in low:
            match = 4
        elif any(w in low for w in word_list):
            match = 5
        else:
            continue
        rows.append({"id": node[1], "title": data.get("title"), "match": match})
    return sorted(rows, key=lambda r: (r["match"], r["id"]))[:200]


#: Query name -> its NetworkX twin.
TWINS = {
    "related_work": related_work,
    "concept_papers": concept_papers,
    "benchmark_results": benchmark_results,
    "method_lineage": method_lineage,
    "papers_with_code": papers_with_code,
    "cooccurring_concepts": cooccurring_concepts,
    "shortest_connection": shortest_connection,
    "most_connected": most_connected,
    "ambiguous_names": ambiguous_names,
    "paper_evidence": paper_evidence,
    "find_paper": find_paper,
}
