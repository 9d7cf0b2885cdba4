"""Papers that read alike: each paper's nearest papers by the words of its title and abstract.

Judged blind, a plain TF-IDF ranking over title and abstract finds related work far better than
shared extracted concepts do (nDCG@10 0.65 against 0.31 on tests/data/relevance; docs/relevance.md),
so the builder writes each paper's nearest papers by text into the graph as ``SIMILAR_TEXT``
relationships, with the cosine and the few distinctive words both papers share as evidence.

TF-IDF is scikit-learn's (unigrams, sublinear term frequency, English stop words); the cosines
come from sparse matrix products taken a block of rows at a time, so memory stays bounded by the
block, not by the square of the corpus.

>>> papers = [("a", "Reward hacking in RLHF", "Reward models get hacked during RLHF."),
...           ("b", "Reward model ensembles", "Ensembles of reward models reduce reward hacking."),
...           ("c", "Diffusion for images", "A diffusion model draws images.")]
>>> [(r.start[1], r.end[1], r.properties["terms"]) for r in similar_text_rows(papers, neighbours=1)]
[('a', 'b', ['reward', 'hacking', 'models']), ('b', 'c', ['model'])]
"""

from graphbuild import schema
from graphbuild.neighbours import nearest_pairs
from graphbuild.records import Relation

__all__ = ["NEIGHBOURS", "TERMS", "similar_text_rows"]

NEIGHBOURS = 20  # nearest papers kept per paper: enough for a full top 10 after mixing with concepts
TERMS = 3  # shared words kept as a relationship's evidence
BLOCK = 512  # rows of the similarity matrix computed at a time


def similar_text_rows(papers, neighbours=NEIGHBOURS, block=BLOCK):
    """``SIMILAR_TEXT`` relationships between papers, given as (id, title, abstract) triples.

    Each paper is joined to its ``neighbours`` nearest papers by cosine (0 < cosine); a pair that
    is near from both sides is one relationship, from the smaller id to the larger. Properties:
    ``score``, the cosine rounded to 6 places, and ``terms``, the words that weigh most in both.
    With fewer than two papers, or no word two papers share, there is nothing to write.
    """
    papers = list(papers)
    if len(papers) < 2:
        return []
    import numpy
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=numpy.float32)
    try:
        matrix = vectorizer.fit_transform(f"{title}\n{abstract}" for _, title, abstract in papers)
    except ValueError:  # no word left after the stop list: every text is empty or stop words
        return []
    words = vectorizer.get_feature_names_out().tolist()  # one str per word, shared by every relationship
    ids = [paper_id for paper_id, _, _ in papers]
    pairs = nearest_pairs(ids, _rows(matrix, matrix.T.tocsr(), block), neighbours)
    matrix.sort_indices()
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    relations = []
    for a, b, value in pairs:
        # The words both papers weigh most: the largest products of their two weights.
        shared, in_a, in_b = numpy.intersect1d(
            indices[indptr[a]:indptr[a + 1]], indices[indptr[b]:indptr[b + 1]], assume_unique=True, return_indices=True
        )
        products = data[indptr[a]:indptr[a + 1]][in_a] * data[indptr[b]:indptr[b + 1]][in_b]
        order = sorted(range(len(shared)), key=lambda i: (-products[i], words[shared[i]]))[:TERMS]
        relations.append(
            Relation(
                "SIMILAR_TEXT",
                (schema.PAPER, ids[a]),
                (schema.PAPER, ids[b]),
                {"score": round(float(value), 6), "terms": [words[shared[i]] for i in order]},
            )
        )
    return relations


def _rows(matrix, transposed, block):
    """(row, columns, cosines) of every row of ``matrix @ transposed``, a block of rows at a time."""
    for low in range(0, matrix.shape[0], block):
        similarities = (matrix[low:low + block] @ transposed).tocsr()
        for offset in range(similarities.shape[0]):
            start, end = similarities.indptr[offset], similarities.indptr[offset + 1]
            yield low + offset, similarities.indices[start:end], similarities.data[start:end]
