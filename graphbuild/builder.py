"""Build the knowledge graph: records in, papers, concepts and citations merged into a store.

The builder reads nothing and writes nothing itself: it is given records, an ``Extractor`` and a
store, so the same code builds into NetworkX or Neo4j.
"""

from dataclasses import dataclass

from graphbuild.citations import citation_rows, inferred_citations
from graphbuild.extraction import contract_record, resolve_aliases
from graphbuild.papers import merge_records
from graphbuild.rows import merge_rows, paper_rows
from graphbuild.text_meaning import similar_meaning_rows
from graphbuild.text_similarity import similar_text_rows

__all__ = ["BuildSummary", "build_graph", "contract_records", "extract_papers", "graph_rows"]


@dataclass(frozen=True)
class BuildSummary:
    """What a build did: records read, distinct papers, and the store's counts afterwards."""

    records: int
    papers: int
    counts: dict


def extract_papers(records, extractor, workers=1, progress=None, report=None):
    """(papers, extractions) for records: duplicates merged (``report`` told of records that
    disagree, see ``merge_records``), aliases resolved across papers."""
    papers = merge_records(records, report)
    extractions = resolve_aliases(list(extractor.extract(papers, workers=workers, progress=progress)))
    return papers, extractions


def graph_rows(papers, extractions, encoder=None):
    """The merged nodes and relationships of a set of papers, with the citations among them and
    each paper's nearest papers by words and, given a sentence ``encoder``, by meaning."""
    nodes, relations = [], []
    for paper, extraction in zip(papers, extractions):
        paper_nodes, paper_relations = paper_rows(paper, extraction)
        nodes.extend(paper_nodes)
        relations.extend(paper_relations)
    citation_nodes, citation_relations = citation_rows(*inferred_citations(extractions))
    texts = [(p.id, p.title, p.abstract) for p in papers]
    text_relations = similar_text_rows(texts) + similar_meaning_rows(texts, encoder)
    return merge_rows(nodes + citation_nodes, relations + citation_relations + text_relations)


def build_graph(records, store, extractor, workers=1, progress=None, report=None, encoder=None):
    """Extract every paper in ``records`` and merge the result into ``store``; with a sentence
    ``encoder`` (``graphbuild.sentence_encoder.load_encoder``), papers that mean alike are joined too.

    Returns
    -------
    BuildSummary
    """
    papers, extractions = extract_papers(records, extractor, workers=workers, progress=progress, report=report)
    store.write(*graph_rows(papers, extractions, encoder))
    return BuildSummary(records=len(records), papers=len(papers), counts=store.counts())


def contract_records(records, extractor, workers=1, progress=None, report=None):
    """The ``graphbuild extract`` objects for records, one per distinct paper."""
    papers, extractions = extract_papers(records, extractor, workers=workers, progress=progress, report=report)
    return [contract_record(p, e) for p, e in zip(papers, extractions)]

