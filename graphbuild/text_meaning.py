"""Papers that mean alike: each paper's nearest papers by the sentence embedding of its title and abstract.

TF-IDF finds papers that share distinctive words; a sentence-embedding model also finds papers
that say the same in other words. The two lists share about 3 of 10 papers, and judged blind the
sum of both signals ranks related work better than either (docs/relevance.md). So the builder
writes each paper's nearest papers by embedding as ``SIMILAR_MEANING`` relationships with the
cosine as ``score``. The cosines come from dense products a block of rows at a time, so memory
stays bounded by the block, not by the square of the corpus.
"""

from graphbuild import schema
from graphbuild.neighbours import nearest_pairs
from graphbuild.records import Relation

__all__ = ["NEIGHBOURS", "similar_meaning_rows"]

NEIGHBOURS = 20  # nearest papers kept per paper, as for SIMILAR_TEXT
BLOCK = 512  # rows of the similarity matrix computed at a time


def similar_meaning_rows(papers, encoder, neighbours=NEIGHBOURS, block=BLOCK):
    """``SIMILAR_MEANING`` relationships between papers given as (id, title, abstract) triples.

    ``encoder`` embeds texts (``graphbuild.sentence_encoder``); None writes nothing. Each paper is
    joined to its ``neighbours`` nearest papers by cosine (0 < cosine), a pair near from both sides
    once, from the smaller id to the larger, with ``score``, the cosine rounded to 6 places.
    """
    papers = list(papers)
    if encoder is None or len(papers) < 2:
        return []
    vectors = encoder.encode([f"{title}. {abstract}".strip() for _, title, abstract in papers])
    ids = [paper_id for paper_id, _, _ in papers]
    pairs = nearest_pairs(ids, _rows(vectors, block, neighbours), neighbours)
    return [
        Relation("SIMILAR_MEANING", (schema.PAPER, ids[a]), (schema.PAPER, ids[b]), {"score": round(value, 6)})
        for a, b, value in pairs
    ]


def _rows(vectors, block, neighbours):
    """(row, columns, cosines) of every row of ``vectors @ vectors.T``, a block of rows at a time,
    with only the columns that can be among the row's ``neighbours`` nearest (ties kept)."""
    import numpy

    for low in range(0, len(vectors), block):
        similarities = vectors[low:low + block] @ vectors.T
        rows = numpy.arange(similarities.shape[0])
        similarities[rows, low + rows] = -numpy.inf  # a paper is not its own neighbour
        if similarities.shape[1] > neighbours + 1:
            cut = numpy.partition(similarities, -neighbours, axis=1)[:, -neighbours]
        else:
            cut = numpy.full(similarities.shape[0], -numpy.inf)
        for offset in range(similarities.shape[0]):
            (columns,) = numpy.nonzero(similarities[offset] >= cut[offset])
            yield low + offset, columns, similarities[offset, columns]
