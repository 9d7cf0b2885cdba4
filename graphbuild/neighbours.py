"""Each paper's nearest papers, as pairs: what SIMILAR_TEXT and SIMILAR_MEANING keep of a similarity matrix.

>>> nearest_pairs(["a", "b", "c"], [(0, [1, 2], [0.5, 0.2]), (1, [0, 2], [0.5, 0.3]), (2, [0, 1], [0.2, 0.3])], 1)
[(0, 1, 0.5), (1, 2, 0.3)]
"""

__all__ = ["nearest_pairs"]


def nearest_pairs(ids, rows, neighbours):
    """[(i, j, similarity)] for each row's ``neighbours`` largest positive similarities, sorted by ids.

    ``rows`` yields (row, columns, similarities) for every row of the matrix. A row's own column
    is skipped; papers tied with the last one kept are kept too, so the cut does not depend on the
    order of the columns. A pair near from both sides is one pair, smaller id first, with the
    similarity seen last. Pairs are kept in arrays, not objects: a million take about 20 MB.
    """
    import numpy

    rank = numpy.empty(len(ids), numpy.int64)
    rank[sorted(range(len(ids)), key=ids.__getitem__)] = numpy.arange(len(ids))
    firsts, seconds, values = [], [], []
    for row, columns, similarities in rows:
        columns, similarities = numpy.asarray(columns), numpy.asarray(similarities)
        keep = (columns != row) & (similarities > 0)
        columns, similarities = columns[keep], similarities[keep]
        if len(columns) > neighbours:
            # The ``neighbours`` largest (partition: linear in the row), and any tied with the last.
            cut = numpy.partition(similarities, len(similarities) - neighbours)[len(similarities) - neighbours]
            keep = similarities >= cut
            columns, similarities = columns[keep], similarities[keep]
        before = rank[row] < rank[columns]
        firsts.append(numpy.where(before, rank[row], rank[columns]))
        seconds.append(numpy.where(before, rank[columns], rank[row]))
        values.append(similarities.astype(numpy.float64))
    if not firsts:
        return []
    firsts, seconds, values = numpy.concatenate(firsts), numpy.concatenate(seconds), numpy.concatenate(values)
    keys = firsts * len(ids) + seconds
    # The last occurrence of each pair: unique over the reversed keys finds it first.
    unique, last = numpy.unique(keys[::-1], return_index=True)
    chosen = len(keys) - 1 - last
    by_rank = numpy.argsort(rank)  # rank -> position in ids
    return [
        (int(by_rank[a]), int(by_rank[b]), float(v))
        for a, b, v in zip(firsts[chosen].tolist(), seconds[chosen].tolist(), values[chosen].tolist())
    ]
