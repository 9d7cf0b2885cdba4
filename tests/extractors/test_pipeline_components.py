"""Each extractor on short hand-written abstracts, through the whole pipeline."""

import pytest
from conftest import extract_one


def test_proposed_from_title_prefix_and_verbs(extractor):
    found = extract_one(
        extractor,
        "LADDER: Self-Improving Models Through Recursion",
        "We introduce LADDER, a framework that lets models improve themselves. "
        "We further propose a test-time method called TTRL that trains on variants of test problems.",
    )
    assert found["proposed"] == ["LADDER", "TTRL"]


def test_proposed_names_with_digits_and_symbols(extractor):
    found = extract_one(
        extractor,
        "Improving Conditional Controls with Consistency Feedback",
        "Existing efforts like ControlNet add image-based controls. To this end, we propose ControlNet++, "
        "a novel approach that optimizes cycle consistency. Experiments show that ControlNet++ improves "
        "controllability over ControlNet.",
    )
    assert found["proposed"] == ["ControlNet++"]
    assert found["methods"] == ["ControlNet"]


def test_a_known_family_a_title_names_in_the_plural_is_used_not_proposed(extractor):
    found = extract_one(
        extractor,
        "Sequence Labeling with Conditional Random Fields",
        "We present a named entity recognizer based on conditional random fields (CRFs).",
    )
    assert found["proposed"] == []
    # The title's plural and the abstract's definition are one known concept.
    assert found["methods"] == ["conditional random fields (CRFs)"]


def test_the_tool_a_title_names_after_with_or_via(extractor):
    defined = extract_one(
        extractor,
        "Controllable Text Generation with Neurally-Decomposed Oracle",
        "We propose a framework to control generation models with Neurally-Decomposed Oracle (NADO). "
        "NADO trains a small auxiliary model.",
    )
    assert defined["proposed"] == ["Neurally-Decomposed Oracle (NADO)"]
    said = extract_one(
        extractor,
        "Boosting Multi-modal Model Performance with Adaptive Gradient Modulation",
        "In this paper, we first propose an adaptive gradient modulation method that works with any fusion strategy.",
    )
    assert said["proposed"] == ["Adaptive Gradient Modulation"]
    earlier_work = extract_one(
        extractor,
        "Fine-Tuning Agents with Proximal Value Shaping",
        "Proximal Value Shaping (PVS) is a popular technique for agents. We study when it fails.",
    )
    assert earlier_work["proposed"] == []


def test_a_coined_name_before_a_head_noun_where_it_first_appears(extractor):
    bold = extract_one(
        extractor,
        "Learning from Peers in Reasoning Models",
        "Small models fail to follow the instructions. To address this, we fine-tune them into our **LeaP-T** model series.",
    )
    assert bold["proposed"] == ["LeaP-T"]
    variant = extract_one(
        extractor,
        "Dropout Strategy in Reinforcement Learning",
        "We propose a dropout framework for policy optimization methods, and apply it to the PPO algorithm "
        "to obtain the D-PPO variant. D-PPO improves over PPO.",
    )
    assert variant["proposed"] == ["D-PPO"]
    mentioned_before = extract_one(
        extractor,
        "Steering Diffusion Policies",
        "Behavioral cloning (BC) policies need more demonstrations. We propose DSRL: adapting the BC policy "
        "by running RL over its latent-noise space.",
    )
    assert mentioned_before["proposed"] == ["DSRL"]


def test_long_and_short_form_make_one_entry_and_a_bare_short_form_resolves(extractor):
    found = extract_one(
        extractor,
        "One-Step Distillation Without Images",
        "Diffusion distillation often relies on Variational Score Distillation (VSD). We show that VSD can be "
        "replaced by a simpler objective.",
    )
    assert found["methods"] == ["Variational Score Distillation (VSD)"]


def test_generic_phrases_and_acronyms_are_not_methods(extractor):
    found = extract_one(
        extractor,
        "Scaling Reasoning in Language Models",
        "Large language models (LLMs) trained with reinforcement learning (RL) and chain-of-thought (CoT) "
        "prompting reason better. We fine-tune LLMs with PPO on a GPU cluster.",
    )
    assert found["methods"] == ["PPO"]


def test_every_coined_name_of_a_list_a_comparison_opens_is_a_method(extractor):
    found = extract_one(
        extractor,
        "Text classification",
        "Our model outperforms TextGCN and BertGCN, beats HyperGAT, and improves over SGCNx, TGNx and DGNx.",
    )
    assert found["methods"] == ["TextGCN", "BertGCN", "HyperGAT", "SGCNx", "TGNx", "DGNx"]


def test_models_by_family_version_and_size(extractor):
    found = extract_one(
        extractor,
        "Distilling Reasoning",
        "We distil DeepSeek-R1 and Qwen3-235B-A22B into Qwen2.5 7B and Llama 3.2 3B, and compare with "
        "GPT-4o and OpenAI o1.",
    )
    assert found["models"] == ["DeepSeek-R1", "Qwen3-235B-A22B", "Qwen2.5 7B", "Llama 3.2 3B", "GPT-4o", "OpenAI o1"]


@pytest.mark.parametrize(
    "title, abstract, models",
    [
        pytest.param(
            "Math RL",
            "We compare Qwen-Math-RL, Zephyr-7B-β and Llama-3-8B-Instruct-RL with Qwen2.5-7B-based judges.",
            ["Qwen-Math-RL", "Zephyr-7B-β", "Llama-3-8B-Instruct-RL", "Qwen2.5-7B"],
            id="a suffix written on to the name belongs to it",
        ),
        pytest.param(
            "Reading comprehension",
            "We fine-tune BERT-base, RoBERTa-large, Flan-T5-XXL and DeBERTa-v3-large, and prompt PaLM 540B and "
            "Flan-PaLM 540B. We clip gradients, as Albert did.",
            ["BERT-base", "RoBERTa-large", "Flan-T5-XXL", "DeBERTa-v3-large", "PaLM 540B", "Flan-PaLM 540B"],
            id="encoder and older families keep their size words",
        ),
        pytest.param(
            "Vision-language",
            "We prompt LLaVA-1.5-13B and LLaVA-NeXT-34B, and compare to LLaVA-OneVision.",
            ["LLaVA-1.5-13B", "LLaVA-NeXT-34B", "LLaVA-OneVision"],
            id="LLaVA keeps its version and size",
        ),
        pytest.param(
            "Scaling",
            "We compare Flamingo-80B, UL2-20B and Parti-20B with Flamingo; a flamingo is a bird.",
            ["Flamingo-80B", "UL2-20B", "Parti-20B", "Flamingo"],
            id="Flamingo, UL2 and Parti keep their size",
        ),
        pytest.param(
            "Agents and generators",
            "We compare UI-TARS-72B, xLAM-2-8B, LLaDA-8B-Instruct, Dream-7B, OmniGen, BAGEL and DUSt3R with "
            "OpenAI o3-mini. We dream of a bagel.",
            ["UI-TARS-72B", "xLAM-2-8B", "LLaDA-8B-Instruct", "Dream-7B", "OmniGen", "BAGEL", "DUSt3R", "OpenAI o3-mini"],
            id="2024-2025 families and OpenAI's o-series as written",
        ),
    ],
)
def test_a_model_name_keeps_what_is_written_on_to_it(extractor, title, abstract, models):
    assert extract_one(extractor, title, abstract)["models"] == models


def test_a_family_that_needs_a_version_counts_when_called_a_family(extractor):
    found = extract_one(
        extractor,
        "Up-scaling",
        "It helps models in the Llama-2 and Falcon families and GPT models, but not Falcon alone, nor Phi.",
    )
    assert found["models"] == ["Llama-2", "Falcon", "GPT"]


def test_stable_diffusion_versions_are_models_whether_or_not_the_gazetteer_lists_them(extractor):
    found = extract_one(
        extractor,
        "Controls for Every Backbone",
        "We test on UNet (e.g., SD1.5) and DiT (e.g., SD3.0) backbones, and on SD3.5 Large, with SDS as the loss.",
    )
    assert found["models"] == ["SD1.5", "SD3.0", "SD3.5 Large"]
    assert found["methods"] == ["UNet", "DiT", "SDS"]


def test_benchmarks_by_gazetteer_and_phrasing(extractor):
    found = extract_one(
        extractor,
        "Evaluating Integration Skills",
        "We evaluate on MATH500 and ImageNet-1K, and on the ZebraLogic benchmark. "
        "Models are also tested on the MIT Integration Bee dataset.",
    )
    assert found["benchmarks"] == ["MATH500", "ImageNet-1K", "ZebraLogic", "MIT Integration Bee"]


@pytest.mark.parametrize(
    "abstract, benchmarks",
    [
        pytest.param(  # a coined name run "on" after an evaluation word, with no cue word near it
            "We learn embeddings from English text. Experiments on WordSim-353 and SimLex-999 show gains, "
            "and the vectors are evaluated on the MEN-3k collection. Alignment experiments on Mistral-7B agree.",
            ["WordSim-353", "SimLex-999", "MEN-3k"],
            id="after-an-evaluation-word",
        ),
        pytest.param(  # "Rank" ends a longer title-case name and is none of its own
            "Results on the Yahoo Learning to Rank Challenge and the ZetaRank benchmark improve.",
            ["ZetaRank"],
            id="end-of-a-longer-name",
        ),
        pytest.param(  # "on ImageNet, ZetaNet reaches" lists nothing; a bracketed list does
            "For classification on ImageNet, ZetaNet reaches 80.1% accuracy. Training on several sets (CIFAR-10, ZetaSet-5K) helps.",
            ["ImageNet", "CIFAR-10", "ZetaSet-5K"],
            id="only-a-real-list",
        ),
        pytest.param(
            "On the 415 prompts of T3Bench-Pro and on Spec-Bench, it is fast; a Workbench is not one.",
            ["T3Bench-Pro", "Spec-Bench"],
            id="a-coined-name-ending-in-bench",
        ),
        pytest.param(  # a short note in brackets after each name of a list before a cue word
            "We reach 100% accuracy across both the GigaScience (3-class) and BCI-IV-2a (4-class) datasets.",
            ["GigaScience", "BCI-IV-2a"],
            id="names-with-notes-before-a-cue",
        ),
    ],
)
def test_benchmarks_by_how_the_abstract_writes_them(extractor, abstract, benchmarks):
    assert extract_one(extractor, "A paper", abstract)["benchmarks"] == benchmarks


def test_a_title_that_calls_its_name_a_benchmark_makes_it_a_new_benchmark(extractor):
    found = extract_one(
        extractor,
        "FightLadder: A Benchmark for Competitive Multi-Agent Reinforcement Learning",
        "We present FightLadder, a real-time fighting game platform, to empower competitive research.",
    )
    assert found["proposed"] == ["FightLadder"]
    assert found["benchmarks"] == ["FightLadder"]
    generated = extract_one(
        extractor,
        "EnvGen: Generating and Adapting Environments via LLMs for Training Embodied Agents",
        "We propose EnvGen, a novel framework where an LLM generates training environments.",
    )
    assert generated["proposed"] == ["EnvGen"]
    assert generated["benchmarks"] == []


def test_a_known_name_with_and_is_also_found_with_an_ampersand(extractor):
    found = extract_one(
        extractor,
        "Warm Up Before You Train",
        "We distil long reasoning from Knights & Knaves (K&K) puzzles, then from Knights \\& Knaves again.",
    )
    assert found["benchmarks"] == ["Knights & Knaves (K&K)"]


def test_results_are_tied_to_benchmarks(extractor):
    found = extract_one(
        extractor,
        "Distillation Sources",
        "The model achieves the best performance (e.g., 84.3 on AIME2024, 72.2 on AIME2025 and 98.4 on "
        "MATH500) using 1.89 million queries.",
    )
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [
        ("AIME2024", "84.3"),
        ("AIME2025", "72.2"),
        ("MATH500", "98.4"),
    ]


def test_a_signed_percentage_is_a_reported_number(extractor):
    found = extract_one(
        extractor,
        "Initialization",
        "TLEG surpasses existing methods by a large margin (e.g., +6.87% on iNat 2019 and +7.66% on CIFAR-100).",
    )
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("iNat 2019", "6.87"), ("CIFAR-100", "7.66")]


def test_from_a_to_b_after_a_benchmark_reports_both_numbers(extractor):
    found = extract_one(
        extractor,
        "Best-of-N",
        "Our methods improve the Bo32 performance of Gemma 2B on Hendrycks MATH from 26.8% to 30.8%.",
    )
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("Hendrycks MATH", "26.8"), ("Hendrycks MATH", "30.8")]


def test_a_range_is_one_reported_number(extractor):
    found = extract_one(extractor, "Iterative decoding", "IAD achieves 8--10% gains on the Webshop benchmark and 3–6 points on MMLU.")
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("Webshop", "8--10"), ("MMLU", "3–6")]


def test_numbers_joined_by_slashes_pair_with_benchmarks_joined_by_slashes(extractor):
    found = extract_one(
        extractor,
        "Generative models",
        "Our models beat diffusion models on CIFAR-10/FFHQ, with FID scores of 1.91/2.43 when D=2048/128. "
        "On ImageNet/COCO we train on 1/2 of the 2023/24 data.",
    )
    # Whole numbers, a fraction and a year span are not paired.
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("CIFAR-10", "1.91"), ("FFHQ", "2.43")]
    assert [r["metric"] for r in found["results"]] == ["FID", "FID"]


def test_a_decimal_right_after_a_benchmark_reports_on_it(extractor):
    found = extract_one(extractor, "Scores", "Results: MMLU 78.5, GSM8K 88.1, HumanEval 72.0. We train on ImageNet 21 times.")
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("MMLU", "78.5"), ("GSM8K", "88.1"), ("HumanEval", "72.0")]


def test_a_metric_and_a_number_in_parentheses_after_a_benchmark_report_on_it(extractor):
    found = extract_one(
        extractor, "Parsing", "Results on Spider (EM 78.2), HotpotQA (F1: 71.3) and COCO (mAP 52.3) confirm it; COCO (5000 images) is small.",
    )
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("Spider", "78.2"), ("HotpotQA", "71.3"), ("COCO", "52.3")]


def test_numbers_listed_before_a_unit_are_all_counts(extractor):
    found = extract_one(
        extractor,
        "Deep residual nets",
        "We present analysis on CIFAR-10 with 100 and 1000 layers. On GSM8K we reach 85.2 and 90.1 accuracy, "
        "cutting chains from 741 to 225 tokens.",
    )
    values = [(r["benchmark"], r["value"]) for r in found["results"]]
    assert ("CIFAR-10", "100") not in values
    assert values[:2] == [("GSM8K", "85.2"), ("GSM8K", "90.1")]


def test_a_sentence_naming_one_benchmark_reports_its_later_percentages_and_decimals(extractor):
    found = extract_one(
        extractor,
        "Device-control agents",
        "We evaluate on the Android-in-the-Wild (AitW) dataset, where our agent achieves a 49.5% absolute "
        "improvement -- from 17.7 to 67.2% success rate. Training used 8 GPUs and 2 stages. "
        "GSM8K and MATH both improve as well, by 12% overall.",
    )
    values = [(r["benchmark"], r["value"]) for r in found["results"]]
    # The first sentence names one benchmark: its three numbers report on it. The third names
    # two, so "12%" stays unassigned; "8 GPUs" is a count.
    assert [v for _, v in values] == ["49.5", "17.7", "67.2"]
    assert {b for b, _ in values} == {"Android-in-the-Wild (AitW)"}  # named as the benchmark list names it


@pytest.mark.parametrize(
    "abstract, results",
    [
        pytest.param(  # a benchmark a sentence or clause opens with reports the numbers after it
            "On SQuAD, our reader reaches an exact match of 68.0 and an F1 of 77.3; on NewsQA it leads as well. "
            "On SVHN the model reaches 95.7% accuracy, and on MNIST 99.75%.",
            [("SQuAD", "68.0"), ("SQuAD", "77.3"), ("SVHN", "95.7"), ("MNIST", "99.75")],
            id="a-benchmark-a-clause-opens-with",
        ),
        pytest.param(  # the clause opens further into the sentence than the look-back reaches from its start
            "Gains are large and steady on MNIST; on SVHN the model reaches 95.7% accuracy.",
            [("SVHN", "95.7")],
            id="a-benchmark-a-later-clause-opens-with",
        ),
        pytest.param(  # "i.e." does not end the sentence
            "On PROTEINS, i.e. protein graphs, HEAP reaches 77.9%, and on NCI1 80.3%.",
            [("PROTEINS", "77.9"), ("NCI1", "80.3")],
            id="an-abbreviation-inside-the-sentence",
        ),
        pytest.param(  # each list of as many numbers as benchmarks pairs with them
            "We reach MRR of 0.352 and 0.491 on FB15k-237 and WN18RR respectively, compared with 0.338 and 0.476 for RotatE.",
            [("FB15k-237", "0.352"), ("WN18RR", "0.491"), ("FB15k-237", "0.338"), ("WN18RR", "0.476")],
            id="respectively-with-more-numbers",
        ),
        pytest.param(  # numbers "for" a compared name repeat the benchmarks of the results before them
            "ZetaLM reaches 52.7% on AlpacaEval 2, compared with 47.5% for SimPO and 40.3% for DPO. "
            "It scores 5.12 on MT-Bench and 4.87 on GSM8K, against 4.21 and 3.95 for EAGLE-2.",
            [("AlpacaEval 2", "52.7"), ("AlpacaEval 2", "47.5"), ("AlpacaEval 2", "40.3"),
             ("MT-Bench", "5.12"), ("GSM8K", "4.87"), ("MT-Bench", "4.21"), ("GSM8K", "3.95")],
            id="numbers-for-a-compared-name",
        ),
        pytest.param(  # numbers listed with a metric each report on the benchmark after the last
            "A single model obtains 67.7 exact match and 77.3 F1 on the SQuAD test set, "
            "and the parser 95.7% UAS and 94.1% LAS on PTB.",
            [("SQuAD", "67.7"), ("SQuAD", "77.3"), ("PTB", "95.7"), ("PTB", "94.1")],
            id="numbers-each-with-a-metric",
        ),
        pytest.param(  # a sentence naming no benchmark reports numbers with a metric on the one named just before
            "We outperform earlier methods on ImageNet. A linear classifier on our features achieves 76.5% top-1 "
            "accuracy, a 7% relative improvement. Training takes 3.5 days.",
            [("ImageNet", "76.5")],
            id="the-benchmark-of-the-sentence-before",
        ),
        pytest.param(  # the value before a change reports on the benchmark too
            "It improves accuracy from 28.9% to 43.3% on AIME 2024, and Mistral-7B (77.9%→84.1% on GSM8K). We scale 7 to 70 on MATH.",
            [("AIME 2024", "28.9"), ("AIME 2024", "43.3"), ("GSM8K", "77.9"), ("GSM8K", "84.1"), ("MATH", "70")],
            id="from-one-value-to-another",
        ),
        pytest.param(  # ... with the metric before the number, or in brackets after a compared name
            "On WebArena-Lite, WebRL improves Llama-3.1-8B from 4.8% to 42.4%. It surpasses GPT-4-Turbo (17.6%) "
            "and GPT-4o (13.9%), at an average accuracy of 40.2%.",
            [("WebArena-Lite", "4.8"), ("WebArena-Lite", "42.4"), ("WebArena-Lite", "17.6"), ("WebArena-Lite", "13.9"),
             ("WebArena-Lite", "40.2")],
            id="the-sentence-before-with-the-metric-first",
        ),
        pytest.param(  # what a model was trained on is not what it reports on
            "MMLU accuracy rises from 33% when trained on FineWeb to 37% when trained on FineWeb-Edu.",
            [("MMLU", "33")],
            id="trained-on-is-no-benchmark",
        ),
        pytest.param(  # "on DeepSeek-R1" names the model the number was measured on, not a benchmark
            "On HarmBench, the attack reaches 91.5% on DeepSeek-R1 and 84.0% on o3-mini.",
            [("HarmBench", "91.5"), ("HarmBench", "84.0")],
            id="a-number-on-a-model",
        ),
        pytest.param(  # "3-class" describes; it reports nothing
            "The model reaches 97.1% on CIFAR-100 (100-class).",
            [("CIFAR-100", "97.1")],
            id="a-number-written-on-to-a-word",
        ),
        pytest.param(  # a split named after the benchmark
            "Our editor raises the CLIP-T score on the MagicBrush test set from 0.271 to 0.296, and accuracy on "
            "MathVista testmini from 61.0% to 64.2%.",
            [("MagicBrush", "0.271"), ("MagicBrush", "0.296"), ("MathVista", "61.0"), ("MathVista", "64.2")],
            id="a-split-after-the-benchmark",
        ),
        pytest.param(  # numbers each after a metric of their own, listed before the benchmark
            "The agent attains a success rate (SR) of 41.5% and an SPL of 36.2 on R2R-CE.",
            [("R2R-CE", "41.5"), ("R2R-CE", "36.2")],
            id="numbers-each-after-a-metric",
        ),
        pytest.param(  # the clause opens with a participle and a long form with its short form
            "Evaluated on Google Scanned Objects (GSO), the model reaches a PSNR of 25.30 and an SSIM of 0.921, "
            "and on OmniObject3D it lowers the error by 12%.",
            [("Google Scanned Objects (GSO)", "25.30"), ("Google Scanned Objects (GSO)", "0.921"), ("OmniObject3D", "12")],
            id="evaluated-on-a-long-and-short-form",
        ),
        pytest.param(  # a sentence opening with an unknown name reports on it; a version stays with its benchmark
            "On Libri3Mix, the separator attains an SI-SDRi of 14.2 dB. It reaches a mAP of 38.0 on LVIS v1.0.",
            [("Libri3Mix", "14.2"), ("LVIS v1.0", "38.0")],
            id="an-opening-name-and-a-version",
        ),
        pytest.param(  # a clause opening with a benchmark after a describing word
            "On LRS3, the separator attains an SI-SDRi of 15.1 dB, and on the noisy VoxCeleb2 mixtures it reaches "
            "12.9 dB, compared with 10.4 dB for the baseline.",
            [("LRS3", "15.1"), ("VoxCeleb2", "12.9"), ("VoxCeleb2", "10.4")],
            id="a-clause-opening-with-a-described-benchmark",
        ),
        pytest.param(  # a colon opens a clause too
            "Two findings stand out: on MNIST, the error falls to 0.9%, while CIFAR-10 gains little.",
            [("MNIST", "0.9")],
            id="a-clause-after-a-colon",
        ),
        pytest.param(  # a metric at a cut-off before "on"; a coined name after it is a benchmark
            "It attains 48.2 Acc@0.25 on ScanRefer and 41.0 F1@0.5 on Multi3DRefer.",
            [("ScanRefer", "48.2"), ("Multi3DRefer", "41.0")],
            id="a-metric-at-a-cut-off",
        ),
        pytest.param(  # the second metric a phrase of its own; words before the metric after the number
            "The model obtains a WER of 2.31% and a speaker similarity of 0.71 on LibriSpeech, and a 58.0% "
            "visual matching success rate on SimplerEnv.",
            [("LibriSpeech", "2.31"), ("LibriSpeech", "0.71"), ("SimplerEnv", "58.0")],
            id="metrics-written-as-phrases",
        ),
        pytest.param(  # a version in the bracketed short form is no result; a metric in brackets is
            "On the Chinese Penn Treebank (CTB 5.1) it achieves 90.71% UAS, and on Spider (EM 78.2) it leads.",
            [("Chinese Penn Treebank (CTB 5.1)", "90.71"), ("Spider", "78.2")],
            id="a-version-in-a-short-form",
        ),
    ],
)
def test_results_by_how_the_sentence_ties_numbers_to_benchmarks(extractor, abstract, results):
    found = extract_one(extractor, "A paper", abstract)
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == results


def test_results_on_the_benchmark_the_paper_introduces(extractor):
    """A sentence that names no benchmark reports numbers with a metric on the one benchmark the
    paper introduces, once it is introduced; a paper introducing none gets no such result."""
    own = (
        "We introduce ChartLeak-300, a benchmark of 300 charts with hidden traps. The best system reaches 41.2% "
        "accuracy, while humans reach 93.0% accuracy."
    )
    found = extract_one(extractor, "A paper", own)
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("ChartLeak-300", "41.2"), ("ChartLeak-300", "93.0")]
    other = "We fine-tune on ChartQA and study charts. The best system reaches 41.2% accuracy."
    assert [(r["benchmark"], r["value"]) for r in extract_one(extractor, "A paper", other)["results"]] == [("ChartQA", "41.2")]
    unrelated = "We study charts with hidden traps. The best system reaches 41.2% accuracy. We release ChartQA-2."
    assert extract_one(extractor, "A paper", unrelated)["results"] == []


def test_a_language_opening_a_sentence_is_no_benchmark(extractor):
    found = extract_one(extractor, "A paper", "We translate text. On English, German and French, accuracy rises by 4 points.")
    assert found["benchmarks"] == [] and found["results"] == []
    parsed = extract_one(extractor, "A paper", "We parse text. On English AMR 3.0, the parser reaches 84.1 Smatch.")
    assert parsed["benchmarks"] == ["AMR 3.0"]
    directions = extract_one(extractor, "A paper", "We translate text and obtain BLEU scores of 29.8 on En-De and 35.2 on En-Ro.")
    assert directions["benchmarks"] == []  # a translation direction is no benchmark


def test_a_number_on_a_name_that_is_no_benchmark_is_no_result(extractor):
    found = extract_one(
        extractor,
        "Adaptive thinking",
        "AutoThink reduces token usage by 52 percent on DeepSeek-R1-Distill-Qwen-1.5B and reaches 83.1% on GSM8K.",
    )
    assert "DeepSeek-R1-Distill-Qwen-1.5B" in found["models"]
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("GSM8K", "83.1")]


def test_a_number_is_not_reported_on_the_benchmark_after_a_conjunction(extractor):
    found = extract_one(extractor, "Reasoning", "On MATH500 and GSM8K our model scores 90.2 and on AIME 2024 it reaches 40.1% accuracy.")
    assert ("AIME 2024", "90.2") not in [(r["benchmark"], r["value"]) for r in found["results"]]


def test_a_benchmark_whose_figure_rises_from_one_number_to_another_reports_both(extractor):
    found = extract_one(extractor, "Code", "Pass@1 on HumanEval improves from 60.4 to 68.9, and accuracy on MBPP rises to 61.2%.")
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("HumanEval", "60.4"), ("HumanEval", "68.9"), ("MBPP", "61.2")]


def test_a_figure_with_its_metric_is_no_benchmark_name(extractor):
    found = extract_one(extractor, "Dense prediction", "Our approach reaches 42.3 mAP on COCO and 55.1 mIoU on ADE20K.")
    assert found["benchmarks"] == ["COCO", "ADE20K"]
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("COCO", "42.3"), ("ADE20K", "55.1")]


def test_a_number_before_a_describing_word_and_a_unit_is_a_count(extractor):
    found = extract_one(
        extractor,
        "Offline RL",
        "On 21 offline tasks in D4RL our method improves the state of the art by 4.6% on D4RL.",
    )
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("D4RL", "4.6")]


def test_names_listed_with_a_known_benchmark_are_benchmarks_wherever_written(extractor):
    found = extract_one(
        extractor,
        "Iterative decoding",
        "We compare baselines on Sketch2Code, Text2SQL, and Webshop where IAD outperforms them. "
        "IAD achieves 8% gains on Webshop across metrics.",
    )
    assert {"Sketch2Code", "Text2SQL", "Webshop"} <= set(found["benchmarks"])
    assert [(r["benchmark"], r["value"]) for r in found["results"]] == [("Webshop", "8")]


def test_a_list_with_a_known_benchmark_after_from_or_in_lists_benchmarks(extractor):
    found = extract_one(
        extractor,
        "Manipulation",
        "It improves 72 simulation tasks from MetaWorld, Adroit and DexArt. Results in ObjectNet and FooBarSet agree. "
        "We draw samples from GPT-4 and Claude.",
    )
    assert found["benchmarks"] == ["MetaWorld", "Adroit", "DexArt", "ObjectNet", "FooBarSet"]


def test_a_list_in_parentheses_with_a_known_benchmark_lists_benchmarks(extractor):
    found = extract_one(
        extractor,
        "Graph learning",
        "In experiments on citation networks (Cora, Citeseer, Pubmed) our approach wins. Baselines (GCN, FooNet) lose.",
    )
    assert found["benchmarks"] == ["Cora", "Citeseer", "Pubmed"]


def test_a_comma_after_a_benchmark_cue_opens_a_list_of_names(extractor):
    found = extract_one(
        extractor,
        "Few-shot tricks",
        "We perform experiments on three benchmark datasets, CIFAR-100, CUB-200, and miniIMageNet, to evaluate it. "
        "On both datasets, Our method helps.",
    )
    assert {"CIFAR-100", "CUB-200", "miniIMageNet"} <= set(found["benchmarks"])
    assert "Our" not in found["benchmarks"]


def test_links_are_cleaned_in_the_contract(extractor):
    found = extract_one(extractor, "A Paper", "Code is at https://github.com/org/repo. Data: https://huggingface.co/datasets/o/d).")
    assert found["links"] == ["https://github.com/org/repo", "https://huggingface.co/datasets/o/d"]


def test_tasks_are_few_as_written_and_from_the_title_first(extractor):
    title = "Continual Learning for Text-to-Image Generation"
    abstract = (
        "We study text-to-image generation models that must keep learning. Image classification and "
        "object detection are discussed. Continual learning is hard."
    )
    found = extract_one(extractor, title, abstract)
    assert 1 <= len(found["tasks"]) <= 2
    assert found["tasks"][0] in title.lower()
    assert all(task in f"{title} {abstract}".lower() for task in found["tasks"])
    assert not {"image classification", "object detection"} & set(found["tasks"])  # mentioned in passing


def test_contract_has_exactly_the_documented_keys(extractor):
    found = extract_one(extractor, "T", "An abstract without names.")
    assert list(found) == ["id", "title", "proposed", "methods", "benchmarks", "models", "tasks", "links", "results"]


def test_a_defined_name_in_an_apposition_of_novelty_is_proposed(extractor):
    found = extract_one(
        extractor,
        "Planning Helps Agents",
        "In this work, we lay the groundwork for Goal Trees with Critics (GTC), a novel approach that "
        "plans with critics. GTC beats PPO.",
    )
    assert found["proposed"] == ["Goal Trees with Critics (GTC)"]
    assert found["methods"] == ["PPO"]


def test_a_lowercase_name_introduced_with_a_description_is_proposed(extractor):
    found = extract_one(
        extractor,
        "Short Prompts for Agents",
        "We introduce delta prompting, a simple and effective solution for long histories. "
        "We also introduce heuristics, a family of methods for search.",
    )
    assert found["proposed"] == ["delta prompting"]


def test_a_hyphenated_variant_of_a_known_benchmark_is_its_own_benchmark(extractor):
    found = extract_one(
        extractor,
        "Robust Classifiers",
        "We evaluate on ImageNet, ImageNet-Sketch2 and CIFAR-10, and report ImageNet-pretrained baselines.",
    )
    assert found["benchmarks"] == ["ImageNet", "ImageNet-Sketch2", "CIFAR-10"]


def test_a_title_phrase_the_abstract_gives_another_name_is_not_proposed(extractor):
    found = extract_one(
        extractor,
        "Sharper Images via Confidence-weighted Reward Shaping",
        "To this end, we propose a confidence-weighted reward shaping, called CoRe, which lowers the "
        "weight of unreliable rewards.",
    )
    assert found["proposed"] == ["CoRe"]


def test_a_title_written_as_an_apposition_names_its_subject(extractor):
    found = extract_one(
        extractor,
        "MeLM, a generative pretrained language modeling framework that solves mechanics problems",
        "We report a flexible multi-modal mechanics language model trained on physics data.",
    )
    assert found["proposed"] == ["MeLM"]


def test_what_others_presented_and_what_a_paper_works_for_are_not_its_proposals(extractor):
    found = extract_one(
        extractor,
        "HyperInterval: Hypernetwork approach to training weight interval regions",
        "Recently, a new Continual Learning (CL) paradigm was presented, called Interval Continual "
        "Learning (InterContiNet). We present a bag of tricks framework for few-shot class-incremental "
        "learning (FSCIL). To address this, we introduce HyperInterval, a technique that uses a "
        "hypernetwork. We establish a transformation equation R=-a*e^H+b between entropy H and reward R.",
    )
    assert found["proposed"] == ["HyperInterval"]


def test_capitalised_adjectives_and_terms_of_a_description_are_not_proposals(extractor):
    found = extract_one(
        extractor,
        "Learning Curves",
        "We develop a hierarchical Bayesian framework that predicts training. The estimate holds once a "
        "point in the process, called prediction level, has been passed. We also add a module called "
        "slot memory.",
    )
    assert found["proposed"] == ["slot memory"]


def test_each_component_leaves_its_findings_on_the_document(nlp):
    from extractors.doc_values import as_spans
    from extractors.sections import compose

    text = compose(
        "LADDER: Self-Improving Models Through Recursion",
        "We introduce LADDER and reach 84.3 on AIME 2024 with Qwen2.5 7B. Code: https://github.com/org/ladder.",
    )
    doc = nlp(text)
    # (start, end, label, key) tuples, keys where a gazetteer knows the name, "" where not.
    assert [(text[s:e], label) for s, e, label, _ in doc._.proposed] == [("LADDER", "METHOD"), ("LADDER", "METHOD")]
    assert ("AIME 2024", "BENCHMARK") in [(text[s:e], label) for s, e, label, _ in doc._.benchmarks]
    assert [(text[s:e], label) for s, e, label, _ in doc._.models] == [("Qwen2.5 7B", "MODEL")]
    assert [(text[s:e], kind, url) for s, e, kind, url in doc._.links] == [
        ("https://github.com/org/ladder", "code", "https://github.com/org/ladder")
    ]
    # The same findings as spaCy spans, for displaCy and other spaCy tools.
    assert [(span.text, span.label_) for span in as_spans(doc, "models")] == [("Qwen2.5 7B", "MODEL")]


def test_our_proposed_or_our_method_before_a_definition_makes_it_the_papers_own(extractor):
    found = extract_one(
        extractor,
        "Test-time adaptation",
        "This leads to our proposed neuro-modulated Hebbian learning (NHL) method for test-time adaptation. "
        "We compare it with our method Sparse Gated Replay (SGR) on both tasks.",
    )
    assert {"neuro-modulated Hebbian learning", "Sparse Gated Replay"} <= {p.split(" (")[0] for p in found["proposed"]}


def test_an_architecture_family_defined_with_an_acronym_is_a_method(extractor):
    found = extract_one(
        extractor,
        "Interpreting features",
        "We apply sparse autoencoders (SAEs) to the activations of deep neural networks to interpret features.",
    )
    assert found["methods"] == ["sparse autoencoders (SAEs)"]  # "deep neural networks" stays generic


def test_a_name_after_our_head_noun_and_a_comma_is_the_papers_own(extractor):
    found = extract_one(
        extractor,
        "Math agents",
        "We evaluate on GSM8K, and our new framework, MathAgent, wins on our new benchmark, HardMath. "
        "We also test on the hard benchmark, FooBench.",
    )
    # "and" before "our" no longer hides the phrase; a benchmark head counts after "our" only.
    assert found["proposed"] == ["MathAgent", "HardMath"]
    assert "HardMath" in found["benchmarks"]


def test_a_proposed_name_is_a_benchmark_when_its_noun_phrase_says_dataset(extractor):
    found = extract_one(
        extractor,
        "Guarding chat models",
        "We introduce SafeChat, a guardrail framework, and SafeBench, a new large-scale dataset of adversarial "
        "prompts. We also release FooNet, a novel model for dataset distillation.",
    )
    assert found["proposed"] == ["SafeChat", "SafeBench", "FooNet"]
    assert found["benchmarks"] == ["SafeBench"]  # FooNet's phrase ends at "for"


def test_a_named_technique_defined_with_an_acronym_is_a_method(extractor):
    found = extract_one(
        extractor,
        "Sparse training",
        "Worst-case optimization (WCO) trains robust networks. We test the lottery ticket hypothesis "
        "(LTH) on human pose estimation (HPE).",
    )
    # A capital that only starts the sentence is no title case; "estimation" ends tasks too.
    assert sorted(found["methods"]) == ["Worst-case optimization (WCO)", "lottery ticket hypothesis (LTH)"]


def test_retrieval_augmented_generation_is_a_method_not_a_task(extractor):
    found = extract_one(extractor, "Open-domain QA", "We combine beam search with retrieval-augmented generation (RAG); RAG helps.")
    assert "retrieval-augmented generation (RAG)" in found["methods"]
    assert not any("retrieval" in task for task in found["tasks"])


def test_a_family_with_a_size_in_front_is_not_a_method(extractor):
    found = extract_one(
        extractor,
        "Reasoning efficiency",
        "Large Reasoning Models (LRMs) think too long. We train LRMs with Group Relative Policy Optimization (GRPO).",
    )
    assert [m.split(" (")[0] for m in found["methods"]] == ["Group Relative Policy Optimization"]


def test_a_known_short_form_defined_anew_by_the_paper_is_its_own(extractor):
    # ACO is a known name (ant colony optimization); here the paper gives it a meaning of its own.
    found = extract_one(
        extractor,
        "Better reasoning training",
        "To address this, we propose an advantage-calibrated optimization (ACO) loss function to mitigate estimation bias.",
    )
    assert found["proposed"] == ["advantage-calibrated optimization (ACO)"]


def test_a_found_name_is_looked_for_again_at_most_mentioned_times(extractor):
    from extractors.benchmarks import MENTIONED

    names = [f"Bench{chr(65 + i // 26)}{chr(65 + i % 26)}x" for i in range(MENTIONED + 2)]
    lists = " ".join(
        f"We evaluate on the benchmarks such as {', '.join(names[k:k + 8][:-1])} and {names[k:k + 8][-1]}."
        for k in range(0, len(names), 8)
    )
    found = extract_one(extractor, "Many benchmarks", f"{lists} Its scores: {names[0]} (50.1), {names[-1]} (60.2).")
    assert set(names) <= set(found["benchmarks"])
    reported = {r["benchmark"] for r in found["results"]}
    assert names[0] in reported  # among the first MENTIONED names (sorted): found again
    assert names[-1] not in reported  # beyond them: not looked for again, so work stays linear


def test_the_sizes_of_the_papers_own_model_are_its_own(extractor):
    # The paper releases them; the labels list them with what it proposes, not among the models it uses.
    found = extract_one(
        extractor,
        "CogVideoX: Text-to-Video Diffusion",
        "We present CogVideoX. CogVideoX-5B beats Llama-3-8B. We also introduce Mixtral 8x7B, and Mixtral beats GPT-3.5.",
    )
    assert found["proposed"] == ["CogVideoX", "CogVideoX-5B", "Mixtral 8x7B"]  # "Mixtral" alone: the family of its own
    assert found["models"] == ["Llama-3-8B", "GPT-3.5"]
    # "Series" and "family" after the name say what it is; they are not part of it.
    found = extract_one(extractor, "Vision-language models", "We present the Qwen2-VL Series, an upgrade of Qwen-VL, with DINOv2-L features.")
    assert found["proposed"] == ["Qwen2-VL"]
    assert found["models"] == ["Qwen-VL", "DINOv2-L"]  # a pretrained encoder, as CLIP and SigLIP are


def test_a_known_name_the_paper_proposes_keeps_its_known_key(extractor):
    # The paper that introduced SimPO and a paper that uses it meet at one concept; the title's
    # long form is the proposal, not a method the paper mentions.
    from graphbuild.records import Paper

    papers = [
        Paper(id="p1", title="SimPO: Simple Preference Optimization with a Reference-Free Reward",
              abstract="We propose SimPO. Simple Preference Optimization uses the average log probability.", sources=("t:1",)),
        Paper(id="p2", title="Alignment", abstract="We compare DPO with SimPO.", sources=("t:2",)),
    ]
    own, other = extractor.extract(papers)
    (proposed,) = [m for m in own.mentions if m.kind == "proposed"]
    assert not [m for m in own.mentions if m.kind == "method"]
    assert proposed.key in {m.key for m in other.mentions if m.kind == "method"}


def test_a_metric_name_next_to_a_number_is_no_method(extractor):
    """"LAS" and "MAE" also name methods (Listen, Attend and Spell; masked autoencoders)."""
    metrics = extract_one(extractor, "A paper", "The parser obtains 94.28% LAS on PTB and the forecaster an MAE of 3.29 on METR-LA.")
    assert metrics["methods"] == []
    method = extract_one(extractor, "A paper", "We pretrain the encoder with MAE and decode with LAS.")
    assert method["methods"] == ["MAE", "LAS"]


def test_a_defined_name_followed_by_a_dataset_word_is_no_method(extractor):
    found = extract_one(extractor, "A paper", "Experiments on the New York Times (NYT) dataset use Exponential Moving Average (EMA) updates.")
    assert found["methods"] == ["Exponential Moving Average (EMA)"]


def test_a_definition_a_result_is_reported_on_is_not_the_papers_own(extractor):
    found = extract_one(
        extractor, "A paper",
        "With 20% of the labels, our method achieves a Dice of 89.65% on the Left Atrium (LA) set, and our model reaches "
        "word error rates (WERs) of 3.1%. We introduce a general framework and apply dropout to the policy update to "
        "obtain the D-PPO variant.",
    )
    assert found["proposed"] == ["D-PPO"]


def test_the_papers_name_inside_its_link_is_no_second_proposal(extractor):
    found = extract_one(extractor, "Vision-R1-Zero: Incentivizing Reasoning", "We release our code at https://github.com/org/Vision-R1-Zero.")
    assert found["proposed"] == ["Vision-R1-Zero"]
    assert found["links"] == ["https://github.com/org/Vision-R1-Zero"]
