import json

import pytest

from conftest import extract_one
from extractors.gazetteer import surface_variants
from extractors.resources import GazetteerError, read_entries
from extractors.sections import compose
from graphbuild.extraction import Extractor


def test_variants_differ_only_in_separators_and_never_glue_words():
    assert surface_variants("Llama-2") == {"Llama-2", "Llama 2", "Llama2"}
    assert surface_variants("Video-MME") == {"Video-MME", "Video MME", "VideoMME"}
    assert surface_variants("Chain-of-Thought") == {"Chain-of-Thought", "Chain of Thought", "Chain-of Thought", "Chain of-Thought"}


def test_a_glued_spelling_counts_only_as_written(extractor):
    found = extract_one(extractor, "Code", "We run multiple seeds on MultiPLE and on VideoMME, with Multiple checks.")
    assert found["benchmarks"] == ["MultiPLE", "VideoMME"]


def test_capitalised_entries_match_only_as_written(extractor):
    found = extract_one(extractor, "Math Skills", "We test math skills on MATH and ARC, and ZeRO saves memory with zero cost.")
    assert found["benchmarks"] == ["MATH", "ARC"]
    assert found["methods"] == ["ZeRO"]  # once, as written; "zero cost" is not the method


def test_a_benchmark_named_by_one_ordinary_word_needs_its_capital(extractor):
    found = extract_one(
        extractor,
        "Forecasting",
        "On our production traffic testset and in the weather data, we forecast Traffic, WEATHER and "
        "plan in BlocksWorld.",
    )
    assert found["benchmarks"] == ["Traffic", "WEATHER", "BlocksWorld"]


def test_a_numbered_variant_of_a_known_method_is_a_method_of_its_own(extractor):
    found = extract_one(extractor, "Backbones", "We pretrain ResNet-50 and VGG-16 on ImageNet and compare with a ResNet baseline.")
    assert found["methods"] == ["ResNet-50", "VGG-16", "ResNet"]


def test_a_numbered_variant_counts_alone_and_only_as_a_whole_token(extractor):
    # No other known name in the text; "ResNet-50/101" is one token, so not "ResNet-50".
    found = extract_one(extractor, "Backbones", "We pretrain ResNet-50/101 and a ResNet-18 encoder.")
    assert found["methods"] == ["ResNet-18"]


def test_a_user_gazetteer_adds_names(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"label": "BENCHMARK", "pattern": "Zorblax Suite", "id": "Zorblax"}) + "\n")
    paper = ("A Paper", "We report results on the zorblax suite and nothing else.")
    assert extract_one(Extractor(), *paper)["benchmarks"] == []
    assert extract_one(Extractor(gazetteers=[path]), *paper)["benchmarks"] == ["zorblax suite"]


def test_a_malformed_gazetteer_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"label": "METHOD", "pattern": "X", "id": "X"}\n{"pattern": \n')
    with pytest.raises(GazetteerError, match=r"bad.jsonl:2: not a gazetteer entry"):
        read_entries(path)


def test_a_variant_of_a_capitals_only_benchmark_needs_the_capitals(extractor):
    found = extract_one(extractor, "Proofs", "We report on MATH-Hard, and on math-Style questions.")
    assert found["benchmarks"] == ["MATH-Hard"]


def test_a_word_in_capitals_inside_a_known_phrase_must_be_written_in_capitals(extractor):
    found = extract_one(
        extractor,
        "Control",
        "We replace the base layers of the network. Traditional PID controllers need tuning, unlike BASE Layers.",
    )
    assert found["methods"] == ["PID controllers", "BASE Layers"]


def test_known_acronyms_are_found_in_the_plural(extractor):
    found = extract_one(extractor, "Memory", "We train GRUs and LSTMs on memory tasks, then merge LoRAs.")
    assert found["methods"] == ["GRUs", "LSTMs", "LoRAs"]


def test_a_known_short_form_the_paper_defines_otherwise_is_not_the_known_name(extractor):
    found = extract_one(
        extractor,
        "Understanding Self-attention",
        "We study the self-attention mechanism (SAM) as a dynamical system. SAM is stiff; we compare it with SAM 2.",
    )
    assert "SAM" not in found["models"] and "self-attention mechanism (SAM)" not in found["models"]


def test_a_known_short_form_defined_by_another_known_name_is_that_name(extractor):
    # GQA is a benchmark, and "grouped-query attention" a known method: the definition decides.
    found = extract_one(extractor, "Attention", "Each block uses grouped-query attention (GQA) to cut memory; GQA halves the cache.")
    assert found["methods"] == ["grouped-query attention (GQA)"] and found["benchmarks"] == []
    assert extract_one(extractor, "VQA", "We evaluate on VQAv2 and GQA.")["benchmarks"] == ["VQAv2", "GQA"]


def test_a_loosely_defined_known_name_is_not_also_a_method_by_its_shape(extractor):
    # The title-case long form looks like a method's; the short form is a known benchmark.
    found = extract_one(extractor, "Evaluation", "We report on Massive Multitask Understanding (MMLU), GSM8K and MATH.")
    assert found["benchmarks"] == ["Massive Multitask Understanding (MMLU)", "GSM8K", "MATH"]
    assert found["methods"] == []


def test_pascal_voc_in_capitals_is_the_whole_name(extractor):
    # Spellings with an all-capitals word match only as written: "Pascal VOC" missed "PASCAL VOC".
    assert extract_one(extractor, "Segmentation", "On PASCAL VOC and Cityscapes, segmentation improves.")["benchmarks"] == ["PASCAL VOC", "Cityscapes"]


def test_recent_widely_used_names_are_known(extractor):
    found = extract_one(
        extractor,
        "Baselines",
        "We compare with GFlowNet and CROWN-IBP baselines on Sketch2Code and ImageNet-100.",
    )
    assert found["methods"] == ["GFlowNet", "CROWN-IBP"]
    assert found["benchmarks"] == ["Sketch2Code", "ImageNet-100"]


def test_a_known_short_form_defined_loosely_is_still_the_known_name(extractor):
    loose = extract_one(
        extractor,
        "Evaluation",
        "We test on the Massive Multitask Understanding (MMLU) suite. MMLU accuracy improves.",
    )
    assert loose["benchmarks"] == ["Massive Multitask Understanding (MMLU)"]
    spelled = extractor.extract_one("p", compose("Alignment", "We train with Direct Preference Optimisation (DPO). DPO is simple."))
    assert [(m.key, m.name) for m in spelled.of_kind("method")] == [("direct-preference-optimization", "Direct Preference Optimization")]
    own = extract_one(
        extractor,
        "Action Inference by Maximising Evidence",
        "We propose Action Inference by Maximising Evidence (AIME). AIME imitates from observation.",
    )
    assert own["proposed"] == ["Action Inference by Maximising Evidence (AIME)"]
    assert own["benchmarks"] == []


def test_a_phrase_matcher_given_token_hashes_matches_as_one_given_docs():
    # The saved pipeline hands the gazetteer's spellings to spaCy's PhraseMatcher as token hashes
    # (the form its pickling keeps them in), not as Doc objects: the two must match alike.
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    phrases = ["large language models", "Qwen2.5 7B", "ImageNet-1K", "MATH500", "the Pile", "a", "GPT-4o mini"]
    from_docs, from_hashes = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LOWER")
    from_docs.add("P", [nlp.make_doc(p) for p in phrases])
    from_hashes.add("P", [nlp.make_doc(p).to_array("LOWER").tolist() for p in phrases])
    text = "A model beats Large Language Models on MATH500 and imagenet-1k, trained on the pile with qwen2.5 7b."
    doc = nlp(text)
    assert from_hashes(doc) == from_docs(doc)
    assert [doc[start:end].text for _, start, end in from_docs(doc)] == ["A", "Large Language Models", "MATH500", "the pile", "qwen2.5 7b"]


def test_machine_learning_frameworks_are_methods_and_general_software_is_not(extractor):
    # The guide counts frameworks among methods, and our labels list PyTorch and LangChain as
    # methods; NumPy and Python are general-purpose tools, not methods.
    found = extract_one(extractor, "Toolkit", "We implement it in PyTorch with NumPy and Python, and serve it with vLLM.")
    assert found["methods"] == ["PyTorch", "vLLM"]


def test_a_language_pair_or_a_named_split_after_a_known_benchmark_is_part_of_its_name(extractor):
    found = extract_one(
        extractor,
        "Translation",
        "We reach 28.4 BLEU on the WMT 2014 English-to-German task, 39.1 AP on COCO test-dev and "
        "5.3 WER on LibriSpeech test-clean; on COCO alone, English to German means nothing.",
    )
    assert found["benchmarks"] == ["WMT 2014 English-to-German", "COCO test-dev", "LibriSpeech test-clean", "COCO"]
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [
        ("WMT 2014 English-to-German", "28.4"), ("COCO test-dev", "39.1"), ("LibriSpeech test-clean", "5.3"),
    ]


def test_a_thousand_is_k_or_K_and_arc_splits_are_known_in_lowercase(extractor):
    found = extract_one(extractor, "Evaluation", "We evaluate on ADE20k, GSM8k, ImageNet-1k and ImageNet-1K, ARC-e and ARC-c, and BoolQ.")
    assert found["benchmarks"] == ["ADE20k", "GSM8k", "ImageNet-1k", "ARC-e", "ARC-c", "BoolQ"]


def test_a_known_name_with_a_coined_prefix_is_another_name(extractor):
    found = extract_one(
        extractor, "Speech",
        "We compare with MP-SENet, AV-ConvTasNet and a 1D-CNN-LSTM, and add Multi-LoRA adapters to a Self-Attention block.",
    )
    assert found["methods"] == ["MP-SENet", "AV-ConvTasNet", "1D-CNN-LSTM", "LoRA"]  # "Multi-" is a word, no prefix
    inside = extract_one(extractor, "Speech", "We compare with GS-LRM-Lite.")
    assert "GS-LRM" not in inside["methods"]  # the prefix of a longer compound makes no name


def test_a_year_split_or_a_version_after_a_known_benchmark_is_part_of_its_name(extractor):
    found = extract_one(
        extractor, "Detection", "We reach 43.7 AP on COCO val2017, 24.1 PSNR on LOL-v1 and 38.0 mAP on LVIS v1.0 with ImageNet-pretrained weights.",
    )
    assert found["benchmarks"] == ["COCO val2017", "LOL-v1", "LVIS v1.0", "ImageNet"]


def test_a_known_models_hyphenated_variant_or_size_is_part_of_its_name(extractor):
    found = extract_one(
        extractor, "Audio", "We compare with MusicGen-Large, FLUX.1-pro and WavLM-Large, using CLIP-based scores.",
    )
    assert found["models"] == ["MusicGen-Large", "FLUX.1-pro", "WavLM-Large", "CLIP"]


def test_a_model_named_by_one_capitalised_word_needs_its_capital(extractor):
    found = extract_one(extractor, "Audio", "The clip holds a dog that barks; Bark and Whisper transcribe it.")
    assert found["models"] == ["Bark", "Whisper"]
