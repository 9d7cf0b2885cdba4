"""A user's gazetteer counts for every component alike: the names it lists are known names
everywhere, its NOT_METHOD lines are stop words for every rule that has a stop list, its model
families are families for every rule that reads model names."""

import json

import pytest

from conftest import extract_one
from extractors.resources import GazetteerError, load_resources
from graphbuild.extraction import Extractor


def _gazetteer(tmp_path, name, *entries):
    path = tmp_path / name
    path.write_text("".join(json.dumps(entry) + "\n" for entry in entries), encoding="utf-8")
    return path


def test_a_name_the_user_lists_is_mentioned_not_proposed(tmp_path, extractor):
    abstract = "We train ZebraFormer on ImageNet. We train Transformer-XL on ImageNet."
    assert extract_one(extractor, "t", abstract)["proposed"] == ["ZebraFormer"]  # unknown: coined here
    path = _gazetteer(tmp_path, "zebra.jsonl", {"label": "METHOD", "pattern": "ZebraFormer", "id": "ZebraFormer"})
    found = extract_one(Extractor(gazetteers=[path]), "t", abstract)
    assert found["proposed"] == []
    assert found["methods"] == ["ZebraFormer", "Transformer-XL"]  # as the built-in name is


def test_a_not_method_line_stops_benchmark_and_proposal_phrasings_too(tmp_path, extractor):
    title, abstract = "Zorp Checks", "We propose Zorp, a framework. It is tested on the Glimmer benchmark."
    before = extract_one(extractor, title, abstract)
    assert (before["proposed"], before["benchmarks"]) == (["Zorp"], ["Glimmer"])
    path = _gazetteer(
        tmp_path, "stop.jsonl",
        {"label": "NOT_METHOD", "pattern": "Zorp"}, {"label": "NOT_METHOD", "pattern": "Glimmer"},
    )
    after = extract_one(Extractor(gazetteers=[path]), title, abstract)
    assert (after["proposed"], after["benchmarks"]) == ([], [])


def test_a_model_family_the_user_adds_is_read_as_models_everywhere(tmp_path, extractor):
    title, abstract = "Tuning", "We fine-tune Quokka-7B and Quokka 2 13B, and compare with Qwen2.5 7B."
    assert extract_one(extractor, title, abstract)["models"] == ["Qwen2.5 7B"]
    path = _gazetteer(tmp_path, "family.jsonl", {"label": "MODEL_FAMILY", "family": "Quokka", "pattern": "Quokka"})
    user = Extractor(gazetteers=[path])
    assert extract_one(user, title, abstract)["models"] == ["Quokka-7B", "Quokka 2 13B", "Qwen2.5 7B"]
    # The proposal rules know the family too: "we train Quokka-7B" reuses a model, as "we train
    # Qwen2.5-7B" does; unknown, Quokka-7B would be the paper's own.
    assert extract_one(extractor, "Q", "We train Quokka-7B on code.")["proposed"] == ["Quokka-7B"]
    assert extract_one(user, "Q", "We train Quokka-7B on code.")["proposed"] == []


def test_one_resources_object_is_read_once_and_again_when_a_file_changes(tmp_path):
    path = _gazetteer(tmp_path, "mine.jsonl", {"label": "BENCHMARK", "pattern": "Zorblax", "id": "Zorblax"})
    first = load_resources([path])
    assert load_resources([path]) is first
    assert [e.pattern for e in first.gazetteers["BENCHMARK"]][-1] == "Zorblax"
    _gazetteer(tmp_path, "mine.jsonl", {"label": "BENCHMARK", "pattern": "Zorblax Suite 2", "id": "Zorblax"})
    changed = load_resources([path])
    assert changed is not first
    assert [e.pattern for e in changed.gazetteers["BENCHMARK"]][-1] == "Zorblax Suite 2"


def test_a_folder_of_gazetteers_is_read_file_by_file_in_order(tmp_path):
    _gazetteer(tmp_path, "b.jsonl", {"label": "TASK", "pattern": "zorp folding"})
    _gazetteer(tmp_path, "a.jsonl", {"label": "TASK", "pattern": "zorp unfolding"})
    (tmp_path / "notes.txt").write_text("not a gazetteer\n", encoding="utf-8")
    tasks = [e.pattern for e in load_resources([tmp_path]).gazetteers["TASK"]]
    assert tasks[-2:] == ["zorp unfolding", "zorp folding"]


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"label": "METHOD", "pattern": "X"}\n{"pattern": \n', r"bad.jsonl:2: not a gazetteer entry"),
        ('["METHOD", "X"]\n', r"bad.jsonl:1: not a gazetteer entry \(a JSON object per line\)"),
        ('{"label": "METHOD", "id": "X"}\n', r"bad.jsonl:1: not a gazetteer entry \('pattern'\)"),
        ('{"label": "METHOD", "pattern": "  "}\n', r"bad.jsonl:1: empty pattern or id"),
    ],
)
def test_a_malformed_user_gazetteer_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(line, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_resources([path])


def test_a_copy_of_the_data_folder_is_read_from_where_it_is(tmp_path, monkeypatch):
    import shutil

    import extractors.resources

    load_resources()
    copy = tmp_path / "data"
    shutil.copytree(extractors.resources.DATA_DIR, copy)  # the same sizes and modification times
    monkeypatch.setattr(extractors.resources, "DATA_DIR", copy)
    assert load_resources().files[0] == str(copy / "benchmarks.jsonl")
