from graphbuild.papers import merge_records, title_id
from graphbuild.records import PaperRecord


def record(title, source, **fields):
    return PaperRecord(title=title, abstract="An abstract.", source=source, **fields)


def test_same_title_twice_is_one_paper_with_every_source():
    papers = merge_records([record("ControlNet++: Improving", "a.txt:3"), record("ControlNet++:  improving", "b.txt:9")])
    assert len(papers) == 1
    assert papers[0].sources == ("a.txt:3", "b.txt:9")
    assert papers[0].id == title_id("ControlNet++: Improving")


def test_explicit_id_wins_and_joins_records_with_other_titles():
    papers = merge_records(
        [record("Old Title", "a.jsonl:1", id="2404.07987"), record("New Title", "b.jsonl:1", id="2404.07987"), record("Old Title", "c.txt:5")]
    )
    assert [p.id for p in papers] == ["2404.07987"]
    assert papers[0].sources == ("a.jsonl:1", "b.jsonl:1", "c.txt:5")


def test_different_papers_stay_apart_in_input_order():
    papers = merge_records([record("B paper", "x:1"), record("A paper", "x:3")])
    assert [p.title for p in papers] == ["B paper", "A paper"]


def test_title_ids_are_stable_across_runs_and_distinct():
    # Pinned: ids must not change between versions, or rebuilt graphs would not merge.
    assert title_id("ControlNet++: Improving Conditional Controls") == "t-9fa1f69cd649"
    assert title_id("ControlNet++") != title_id("ControlNet")
