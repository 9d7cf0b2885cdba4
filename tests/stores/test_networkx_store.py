from graphbuild.records import Node, Relation
from graphbuild.stores import NetworkXStore


def test_list_properties_merge_as_sorted_sets_and_scalars_take_the_newest():
    store = NetworkXStore()
    store.write([Node("Paper", "p1", {"title": "Old", "sources": ["b.txt:1"]})], [])
    store.write([Node("Paper", "p1", {"title": "New", "sources": ["a.txt:1", "b.txt:1"]})], [])
    (paper,) = store.document()["nodes"]
    assert paper["properties"] == {"sources": ["a.txt:1", "b.txt:1"], "title": "New"}


def test_concept_name_is_canonical_or_first_alias_whatever_the_order():
    first, second = NetworkXStore(), NetworkXStore()
    a = Node("Model", "qwen-2.5-7b", {"aliases": ["Qwen2.5-7B"]})
    b = Node("Model", "qwen-2.5-7b", {"aliases": ["Qwen2.5 7B"]})
    first.write([a], [])
    first.write([b], [])
    second.write([b], [])
    second.write([a], [])
    assert first.document() == second.document()
    assert first.document()["nodes"][0]["properties"]["name"] == "Qwen2.5 7B"
    first.write([Node("Model", "qwen-2.5-7b", {"aliases": [], "name": "Qwen2.5 7B Canonical"})], [])
    assert first.document()["nodes"][0]["properties"]["name"] == "Qwen2.5 7B Canonical"


def test_relationship_evidence_accumulates_and_rewriting_changes_nothing():
    store = NetworkXStore()
    rows = (
        [Node("Paper", "p1", {"title": "T"}), Node("Method", "dpo", {"aliases": ["DPO"]})],
        [Relation("MENTIONS", ("Paper", "p1"), ("Method", "dpo"), {"evidence": ["abstract:0:10"], "extractors": ["x"]})],
    )
    store.write(*rows)
    store.write([], [Relation("MENTIONS", ("Paper", "p1"), ("Method", "dpo"), {"evidence": ["title:0:5"], "extractors": ["x"]})])
    before = store.document()
    store.write(*rows)
    assert store.document() == before
    (rel,) = before["relationships"]
    assert rel["properties"]["evidence"] == ["abstract:0:10", "title:0:5"]
    assert store.counts()["relationships"]["MENTIONS"] == 1


def test_saved_graph_loads_back_identically(tmp_path):
    store = NetworkXStore()
    store.write([Node("Paper", "p1", {"title": "T", "sources": ["x:1"]})], [])
    store.save(tmp_path / "g.json")
    assert NetworkXStore.from_file(tmp_path / "g.json").document() == store.document()
