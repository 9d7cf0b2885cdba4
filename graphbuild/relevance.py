"""Score related-paper rankings against judged pairs, as ``../shared/RELEVANCE.md`` defines it.

A judged set is JSON Lines of ``{"query", "candidate", "rel", "reason"}``, paper ids both, ``rel``
0 (not related), 1 (nearby) or 2 (would be cited). ``tests/data/relevance/`` holds one for the
shared corpus (``docs/relevance.md`` says how it was made). A ranking is scored by nDCG@10 (gain
2^rel - 1, discount 1/log2(rank + 1), the ideal built from every judged candidate of the query,
averaged over the queries with at least one candidate graded 1 or more) and P@5 (the share of the
first five places holding a candidate graded 1 or more; a missing place is a miss). Results nobody
judged count as 0 and are counted, so that a comparison can say how much it rests on guesses.

>>> judged = {"q": {"a": 2, "b": 0, "c": 1}}
>>> round(score({"q": ["a", "c", "b"]}, judged).ndcg, 3), round(score({"q": ["b", "c", "a"]}, judged).ndcg, 3)
(1.0, 0.587)
"""

import math
import random
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.errors import InputError
from graphbuild.ingest.jsonl import json_objects

__all__ = ["read_judgements", "ndcg_at", "precision_at", "Score", "score", "paired_interval"]

GRADES = (0, 1, 2)


def read_judgements(path):
    """Query id -> {candidate id: grade} from a judged set; a malformed line is an error naming it."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(str(path), f"cannot read judged pairs ({error.strerror or error})") from None
    judged = {}
    hint = '(expected {"query": id, "candidate": id, "rel": 0|1|2, "reason": ...} per line)'
    for where, obj in json_objects(lines, path, hint):
        if not all(isinstance(obj.get(key), str) for key in ("query", "candidate")):
            raise InputError(where, f'"query" and "candidate" must be paper ids {hint}')
        if obj.get("rel") not in GRADES or isinstance(obj.get("rel"), bool):
            raise InputError(where, f'"rel" must be 0, 1 or 2, not {obj.get("rel")!r}')
        judged.setdefault(obj["query"], {})[obj["candidate"]] = obj["rel"]
    return judged


def _dcg(grades):
    return sum((2 ** grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg_at(ranked, grades, k=10):
    """nDCG@k of one ranked list of ids against one query's grades (unjudged ids count as 0)."""
    ideal = _dcg(sorted(grades.values(), reverse=True)[:k])
    return _dcg([grades.get(paper, 0) for paper in ranked[:k]]) / ideal if ideal else 0.0


def precision_at(ranked, grades, k=5):
    """Share of the first ``k`` places holding a paper graded 1 or more; a missing place is a miss."""
    return sum(1 for paper in ranked[:k] if grades.get(paper, 0) >= 1) / k


@dataclass
class Score:
    """A ranking's figures over a judged set."""

    ndcg: float
    precision: float
    queries: int  # queries scored: those with at least one candidate graded 1 or more
    short_lists: int  # queries whose list has fewer than 10 papers
    unjudged: int  # results nobody judged (counted as 0)
    per_query: dict = field(default_factory=dict)  # query -> (nDCG@10, P@5)


def score(rankings, judged, k=10):
    """Score ``rankings`` (query id -> ranked ids) on every judged query that has a candidate
    graded 1 or more; a judged query missing from ``rankings`` counts as an empty list."""
    per_query, short, unjudged = {}, 0, 0
    for query, grades in judged.items():
        ranked = list(rankings.get(query, ()))[:k]
        short += len(ranked) < k
        unjudged += sum(1 for paper in ranked if paper not in grades)
        if any(grade >= 1 for grade in grades.values()):
            per_query[query] = (ndcg_at(ranked, grades, k), precision_at(ranked, grades))
    count = len(per_query)
    return Score(
        ndcg=sum(n for n, _ in per_query.values()) / count if count else 0.0,
        precision=sum(p for _, p in per_query.values()) / count if count else 0.0,
        queries=count,
        short_lists=short,
        unjudged=unjudged,
        per_query=per_query,
    )


def paired_interval(first, second, rounds=2000, seed=0, level=0.95):
    """A paired bootstrap interval of the mean nDCG@10 gain of ``first`` over ``second`` (two
    ``Score`` of the same judged set), resampling the queries with a fixed seed.

    >>> a = Score(0, 0, 2, 0, 0, {"q1": (0.9, 1.0), "q2": (0.7, 1.0)})
    >>> b = Score(0, 0, 2, 0, 0, {"q1": (0.5, 1.0), "q2": (0.6, 1.0)})
    >>> low, high = paired_interval(a, b)
    >>> 0.09 <= low <= high <= 0.41
    True
    """
    queries = sorted(set(first.per_query) & set(second.per_query))
    if not queries:
        return 0.0, 0.0
    gains = [first.per_query[q][0] - second.per_query[q][0] for q in queries]
    rng = random.Random(seed)
    means = sorted(sum(rng.choice(gains) for _ in gains) / len(gains) for _ in range(rounds))
    cut = int(rounds * (1 - level) / 2)
    return means[cut], means[rounds - 1 - cut]
