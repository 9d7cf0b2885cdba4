"""SIMILAR_MEANING: each paper's nearest papers by the sentence embedding of its title and abstract."""

import json
import os
import subprocess
import sys
import zipfile

import numpy
import pytest
from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.sentence_encoder import ModelError, SentenceEncoder, load_encoder, model_source
from graphbuild.text_meaning import similar_meaning_rows
from graphbuild.text_similarity import similar_text_rows

# Same meaning, no word in common beyond stop words: words alone cannot join the first two.
PARAPHRASES = [
    ("a", "Detecting car crashes from dashboard video", "We spot automobile accidents in footage recorded while driving."),
    ("b", "Collision recognition for vehicles", "A model that tells when road vehicles collide, using onboard camera clips."),
    ("c", "Protein structure prediction", "Folding amino acid chains into three-dimensional shapes with attention."),
]


def test_the_model_graph_computes_the_published_model(encoder):
    # The full-precision graph written from the weights gives the cosine the reference forward
    # pass gave (0.7553 for this pair); the int8 graph the encoder runs stays within 0.99 of it.
    sentences = ["A man is eating food.", "A man is eating a piece of bread.", PARAPHRASES[2][2]]
    exact = SentenceEncoder(model_source(), full_precision=True).encode(sentences)
    assert float(exact[0] @ exact[1]) == pytest.approx(0.7553, abs=5e-4)
    quick = encoder.encode(sentences)
    assert numpy.allclose(numpy.linalg.norm(quick, axis=1), 1.0, atol=1e-5)
    assert (quick * exact).sum(axis=1).min() > 0.98


def test_meaning_joins_papers_that_share_no_words(encoder):
    assert not any({r.start[1], r.end[1]} == {"a", "b"} for r in similar_text_rows(PARAPHRASES))
    rows = similar_meaning_rows(PARAPHRASES, encoder, neighbours=1)
    assert [(r.type, r.start[1], r.end[1]) for r in rows] == [("SIMILAR_MEANING", "a", "b"), ("SIMILAR_MEANING", "b", "c")]
    assert 0 < rows[1].properties["score"] < rows[0].properties["score"] <= 1


def test_blocks_of_rows_and_input_order_give_the_same_relationships(encoder):
    papers = PARAPHRASES + [("d", "Car accident video datasets", "Dashcam clips of traffic collisions."), ("e", "", "")]
    one = similar_meaning_rows(papers, encoder, neighbours=2)
    assert similar_meaning_rows(papers, encoder, neighbours=2, block=1) == one
    assert similar_meaning_rows(list(reversed(papers)), encoder, neighbours=2) == one


def test_too_few_papers_or_no_model_give_nothing(encoder):
    assert similar_meaning_rows([], encoder) == []
    assert similar_meaning_rows(PARAPHRASES[:1], encoder) == []
    assert similar_meaning_rows(PARAPHRASES, None) == []
    assert load_encoder("none") is None


def test_a_model_in_a_folder_works_like_the_default(encoder, tmp_path):
    with zipfile.ZipFile(model_source()) as archive:
        archive.extractall(tmp_path / "minilm")
    folder = SentenceEncoder(tmp_path / "minilm", folder=tmp_path / "cache")
    texts = [t + ". " + a for _, t, a in PARAPHRASES]
    assert numpy.allclose(folder.encode(texts), encoder.encode(texts), atol=1e-5)
    (cached,) = (tmp_path / "cache").glob("sentence-model-*.onnx")
    cached.write_bytes(b"not a model")  # damaged: prepared again, not a traceback
    again = SentenceEncoder(tmp_path / "minilm", folder=tmp_path / "cache")
    assert numpy.allclose(again.encode(texts), encoder.encode(texts), atol=1e-5)
    assert cached.stat().st_size > 1_000_000


def test_a_missing_or_wrong_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="no such sentence model"):
        load_encoder(str(tmp_path / "nowhere"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="missing config.json, model.safetensors, tokenizer.json"):
        load_encoder(str(tmp_path / "empty"))


def test_build_joins_papers_by_meaning_and_related_says_so(encoder, tmp_path):
    listing = tmp_path / "papers.jsonl"
    listing.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for _, t, a in PARAPHRASES), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(listing), "--out", str(tmp_path / "g.json"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "SIMILAR_MEANING" in result.output
    result = runner.invoke(main, ["related", "Detecting car crashes", "--graph", str(tmp_path / "g.json")])
    assert result.exit_code == 0, result.output
    assert "Collision recognition for vehicles" in result.output.splitlines()[1]
    assert "means alike" in result.output
    result = runner.invoke(main, ["build", str(listing), "--out", str(tmp_path / "words.json"), "--meaning-model", "none", "--quiet"])
    assert result.exit_code == 0 and "SIMILAR_MEANING" not in result.output
    result = runner.invoke(main, ["build", str(listing), "--out", str(tmp_path / "bad.json"), "--meaning-model", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "no such sentence model" in result.output
    assert not (tmp_path / "bad.json").exists()


def test_a_hugging_face_id_is_fetched_the_standard_way_or_explained(tmp_path):
    # Offline, from a Hub cache laid out as huggingface_hub lays it out (no network in tests).
    listing = tmp_path / "papers.jsonl"
    listing.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for _, t, a in PARAPHRASES), encoding="utf-8")
    snapshot = tmp_path / "hf" / "hub" / "models--someone--minilm" / "snapshots" / ("0" * 40)
    with zipfile.ZipFile(model_source()) as archive:
        archive.extractall(snapshot)
    (snapshot.parents[1] / "refs").mkdir()
    (snapshot.parents[1] / "refs" / "main").write_text("0" * 40)
    env = {**os.environ, "HF_HOME": str(tmp_path / "hf"), "HF_HUB_OFFLINE": "1"}

    def build(model):
        command = [sys.executable, "-m", "graphbuild", "build", str(listing), "--out", str(tmp_path / "g.json"), "--quiet", "--meaning-model", model]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)

    done = build("someone/minilm")
    assert done.returncode == 0, done.stderr
    assert "SIMILAR_MEANING" in done.stdout
    done = build("someone/not-there")
    assert done.returncode == 1 and "cannot fetch it from the Hugging Face Hub" in done.stderr, done.stderr


def test_an_unwritable_cache_folder_is_a_warning_not_an_error(encoder, tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    texts = [t + ". " + a for _, t, a in PARAPHRASES]
    with caplog.at_level("WARNING", logger="graphbuild.sentence_encoder"):
        uncached = SentenceEncoder(model_source(), folder=blocked)
    assert "cannot cache the sentence model" in caplog.text
    assert numpy.allclose(uncached.encode(texts), encoder.encode(texts), atol=1e-5)
