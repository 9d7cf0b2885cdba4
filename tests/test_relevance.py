"""The relevance scorer (../shared/RELEVANCE.md) and the judged set in tests/data/relevance."""

import json
from pathlib import Path

import pytest

from graphbuild.errors import InputError
from graphbuild.relevance import ndcg_at, paired_interval, precision_at, read_judgements, score

JUDGED = Path(__file__).resolve().parent / "data" / "relevance"


def test_ndcg_rewards_the_best_first_and_uses_every_judged_candidate_for_the_ideal():
    grades = {"a": 2, "b": 1, "c": 0, "d": 1}
    assert ndcg_at(["a", "b", "d"], grades) == pytest.approx(1.0)
    assert ndcg_at(["a", "b"], grades) < 1.0  # "d" was judged relevant and is missing
    assert ndcg_at(["c", "b", "a"], grades) < ndcg_at(["a", "b", "c"], grades)
    assert ndcg_at(["x", "y"], grades) == 0.0  # unjudged results count as 0


def test_precision_counts_a_missing_place_as_a_miss():
    grades = {"a": 2, "b": 1, "c": 0}
    assert precision_at(["a", "b", "c", "x", "y"], grades) == pytest.approx(0.4)
    assert precision_at(["a", "b"], grades) == pytest.approx(0.4)


def test_queries_without_a_relevant_candidate_are_not_averaged_but_short_lists_and_unjudged_are_counted():
    judged = {"q1": {"a": 2, "b": 0}, "q2": {"c": 0}}
    result = score({"q1": ["a", "x"], "q2": ["c"]}, judged)
    assert result.queries == 1
    assert result.ndcg == pytest.approx(1.0)
    assert result.short_lists == 2
    assert result.unjudged == 1


def test_the_bootstrap_interval_is_reproducible_and_brackets_the_gain():
    better = score({"q1": ["a"], "q2": ["c"]}, {"q1": {"a": 2, "b": 1}, "q2": {"c": 1, "d": 2}})
    worse = score({"q1": ["b"], "q2": ["x"]}, {"q1": {"a": 2, "b": 1}, "q2": {"c": 1, "d": 2}})
    interval = paired_interval(better, worse, seed=5)
    assert interval == paired_interval(better, worse, seed=5)
    assert 0 < interval[0] <= better.ndcg - worse.ndcg <= interval[1]


@pytest.mark.parametrize(
    "line, problem",
    [('{"query": "q", "candidate": "c", "rel": 3}', '"rel" must be 0, 1 or 2'),
     ('{"query": "q", "rel": 1}', "must be paper ids"),
     ("{oops", "not valid JSON")],
)
def test_a_bad_judgement_line_is_named(tmp_path, line, problem):
    path = tmp_path / "judged.jsonl"
    path.write_text('{"query": "q", "candidate": "a", "rel": 1, "reason": "ok"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_judgements(path)
    assert f"{path}:2" in str(error.value) and problem in str(error.value)


def test_the_judged_set_covers_its_pools_and_at_least_forty_queries():
    judged = read_judgements(JUDGED / "judgements.jsonl")
    pools = [json.loads(line) for line in (JUDGED / "pools.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(judged) == len(pools) >= 40
    for pool in pools:
        assert {c["candidate"] for c in pool["candidates"]} == set(judged[pool["query"]])
        assert pool["query"] not in judged[pool["query"]]


def test_every_judged_paper_is_in_the_shared_corpus(corpus_files):
    from graphbuild.ingest import read_records
    from graphbuild.papers import merge_records

    ids = {p.id for p in merge_records(read_records(corpus_files))}
    judged = read_judgements(JUDGED / "judgements.jsonl")
    assert set(judged) <= ids
    assert {c for grades in judged.values() for c in grades} <= ids
