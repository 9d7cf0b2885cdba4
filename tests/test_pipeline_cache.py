"""The saved pipeline: built once, then loaded; rebuilt when what it was built from changes, and
never trusted when its files are damaged."""

import json
import logging
import os
import shutil
import subprocess
import sys

import pytest

import extractors.resources
from extractors.sections import compose
from graphbuild import pipeline_cache
from graphbuild.pipeline_cache import MANIFEST, load_pipeline, pipeline_key

TEXT = compose("Zorblax: A Benchmark", "We evaluate on MATH500 and on the zorblax suite with Qwen2.5 7B.")


def benchmarks(nlp):
    doc = nlp(TEXT)
    return [doc.text[start:end] for start, end, _, _ in doc._.benchmarks]


@pytest.fixture
def builds(monkeypatch):
    """The pipelines built from the data (not loaded from a saved folder), counted."""
    count = []
    build = pipeline_cache.build_pipeline

    def counted(*args, **kwargs):
        count.append(args)
        return build(*args, **kwargs)

    monkeypatch.setattr(pipeline_cache, "build_pipeline", counted)
    return count


def test_the_first_use_builds_and_saves_and_the_next_loads(tmp_path, builds):
    nlp, saved = load_pipeline(folder=tmp_path)
    assert saved == tmp_path / pipeline_key() and (saved / MANIFEST).is_file()
    again, saved_again = load_pipeline(folder=tmp_path)
    assert len(builds) == 1 and saved_again == saved
    assert benchmarks(again) == benchmarks(nlp) == ["MATH500"]


def test_a_changed_user_gazetteer_gets_a_pipeline_of_its_own(tmp_path, builds):
    gazetteer = tmp_path / "mine.jsonl"
    gazetteer.write_text(json.dumps({"label": "BENCHMARK", "pattern": "MATH500", "id": "MATH-500"}) + "\n")
    first, _ = load_pipeline([gazetteer], folder=tmp_path / "cache")
    gazetteer.write_text(json.dumps({"label": "BENCHMARK", "pattern": "Zorblax Suite", "id": "Zorblax"}) + "\n")
    changed, _ = load_pipeline([gazetteer], folder=tmp_path / "cache")
    assert len(builds) == 2
    assert benchmarks(first) == ["MATH500"]
    assert benchmarks(changed) == ["MATH500", "zorblax suite"]


def test_a_changed_data_file_rebuilds_the_pipeline(tmp_path, builds, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(extractors.resources.DATA_DIR, data)
    monkeypatch.setattr(extractors.resources, "DATA_DIR", data)
    load_pipeline(folder=tmp_path / "cache")
    with (data / "benchmarks.jsonl").open("a", encoding="utf-8") as file:
        file.write(json.dumps({"label": "BENCHMARK", "pattern": "Zorblax Suite", "id": "Zorblax"}) + "\n")
    nlp, _ = load_pipeline(folder=tmp_path / "cache")
    assert len(builds) == 2
    assert benchmarks(nlp) == ["MATH500", "zorblax suite"]


@pytest.mark.parametrize(
    "damage",
    ["flip a byte of the gazetteer's data", "drop the manifest", "truncate the vocabulary", "add a file"],
)
def test_a_damaged_saved_pipeline_is_reported_and_rebuilt(tmp_path, builds, caplog, damage):
    _, saved = load_pipeline(folder=tmp_path)
    if damage == "flip a byte of the gazetteer's data":
        path = saved / "graphbuild_gazetteer" / "data.msgpack"
        content = bytearray(path.read_bytes())
        content[len(content) // 2] ^= 0xFF
        path.write_bytes(bytes(content))
    elif damage == "drop the manifest":
        (saved / MANIFEST).unlink()
    elif damage == "truncate the vocabulary":
        (saved / "vocab" / "strings.json").write_text("[")
    else:
        (saved / "graphbuild_results" / "extra.bin").write_bytes(b"\0")
    with caplog.at_level(logging.WARNING, logger="graphbuild"):
        nlp, saved_again = load_pipeline(folder=tmp_path)
    assert len(builds) == 2
    assert saved_again == saved
    assert "is unusable" in caplog.text and "rebuilding it" in caplog.text
    assert benchmarks(nlp) == ["MATH500"]
    load_pipeline(folder=tmp_path)
    assert len(builds) == 2  # the rebuilt one is sound


def test_a_pipeline_that_matches_its_manifest_but_does_not_load_is_rebuilt(tmp_path, builds, caplog):
    _, saved = load_pipeline(folder=tmp_path)
    (saved / "config.cfg").write_text("[nlp]\nlang = \"xx-not-a-language\"\n")
    manifest = json.loads((saved / MANIFEST).read_text())
    manifest["files"] = pipeline_cache._hashes(saved)
    (saved / MANIFEST).write_text(json.dumps(manifest))
    with caplog.at_level(logging.WARNING, logger="graphbuild"):
        nlp, _ = load_pipeline(folder=tmp_path)
    assert len(builds) == 2 and "rebuilding it" in caplog.text
    assert benchmarks(nlp) == ["MATH500"]


def test_an_unwritable_cache_folder_builds_in_memory_with_a_warning(tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="graphbuild"):
        nlp, saved = load_pipeline(folder=blocked / "cache")
    assert saved is None
    assert "cannot save the extraction pipeline" in caplog.text and "GRAPHBUILD_CACHE_DIR" in caplog.text
    assert benchmarks(nlp) == ["MATH500"]


def test_two_commands_building_the_same_pipeline_at_once_both_succeed(tmp_path):
    listing = tmp_path / "papers.jsonl"
    listing.write_text(json.dumps({"title": "Zorblax", "abstract": "We evaluate on MATH500."}) + "\n")
    env = {**os.environ, "GRAPHBUILD_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "graphbuild", "extract", str(listing)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    assert [json.loads(out)["benchmarks"] for out, _ in outputs] == [["MATH500"], ["MATH500"]]
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [pipeline_key()]  # no temporary left


def test_old_pipelines_are_pruned(tmp_path):
    for number in range(pipeline_cache.KEEP + 3):
        (tmp_path / f"old-{number:02d}").mkdir()
        os.utime(tmp_path / f"old-{number:02d}", (number, number))
    _, saved = load_pipeline(folder=tmp_path)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert saved.name in kept and len(kept) == pipeline_cache.KEEP
    assert "old-00" not in kept and f"old-{pipeline_cache.KEEP + 2:02d}" in kept
