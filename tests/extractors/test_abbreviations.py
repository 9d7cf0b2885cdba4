from conftest import extract_one
from extractors.abbreviations import _clause_start, abbreviation_pairs, best_long_form


def pairs(text):
    return [(text[a:b], text[c:d]) for a, b, c, d in abbreviation_pairs(text)]


def test_long_form_before_short_form():
    text = "We build on Variational Score Distillation (VSD) and Group Relative Policy Optimization (GRPO)."
    assert pairs(text) == [("Variational Score Distillation", "VSD"), ("Group Relative Policy Optimization", "GRPO")]


def test_short_form_with_lowercase_and_digits():
    assert pairs("We distill SwiftBrushv2 (SBv2) into one step.") == [("SwiftBrushv2", "SBv2")]


def test_a_digit_that_counts_letters_is_left_out_of_the_match():
    text = "We propose Hybrid Offline-and-Online Reinforcement Learning (H2O) and Learning-to-Modulate (L2M)."
    assert pairs(text) == [("Hybrid Offline-and-Online Reinforcement Learning", "H2O"), ("Learning-to-Modulate", "L2M")]
    assert pairs("We fine-tune Text-to-Text Transfer Transformer (T5).") == []  # one capital: too little to go on


def test_a_short_form_after_comma_or_is_defined_when_the_initials_spell_it():
    text = "We propose Low-Rank Adaptation, or LoRA, and compare PPO, or GRPO, with supervised tuning, or SFT."
    assert pairs(text) == [("Low-Rank Adaptation", "LoRA")]  # "PPO, or GRPO" names two things


def test_the_extraction_joins_a_comma_or_definition_into_one_name(extractor):
    found = extract_one(extractor, "Adapters", "We propose Low-Rank Adaptation, or LoRA, which freezes the weights. LoRA is fast.")
    assert found["proposed"] == ["Low-Rank Adaptation (LoRA)"]


def test_parentheses_that_are_not_abbreviations_are_ignored():
    assert pairs("It improves results (e.g., on ImageNet) and speed (by 2x).") == []


def test_long_form_does_not_cross_a_sentence():
    assert pairs("We use networks. Policy Optimization (PO) follows.") == [("Policy Optimization", "PO")]


def test_best_long_form_requires_first_letter_at_a_word_start():
    assert best_long_form("RL", "we use reinforcement learning") == "reinforcement learning"
    assert best_long_form("XY", "alpha beta") is None


def test_the_pipeline_leaves_pairs_and_results_readable_as_doc_extensions(nlp):
    text = "We build on Variational Score Distillation (VSD). It scores 84.3 on MATH500."
    doc = nlp(text)
    ((long_start, long_end, short_start, short_end),) = doc._.abbreviations
    assert (text[long_start:long_end], text[short_start:short_end]) == ("Variational Score Distillation", "VSD")
    assert [(text[r[0]:r[1]], r[2]) for r in doc._.results] == [("MATH500", "84.3")]


def test_a_long_form_is_looked_for_after_the_last_clause_barrier():
    text = "We tune it (briefly). Then: see [7]; with Direct Preference Optimization (DPO)"
    end = text.index(" (DPO)")
    assert text[_clause_start(text, 0, end):end] == " with Direct Preference Optimization"
    assert _clause_start(text, 0, text.index(": see")) == text.index("Then")  # ". " ends a clause
    assert _clause_start(text, 0, text.index(" (briefly")) == 0  # no barrier: the window's start
    assert _clause_start("e.g.x", 1, 5) == 1  # a full stop without a space is no barrier


def test_a_model_with_its_size_in_parentheses_is_no_short_form():
    # Its letters are spread over the sentence before it, which made a 20-word "long form".
    text = (
        "Experiments on seven question-answering datasets, including NQ, HotpotQA and Bamboogle, show that "
        "Search-R1 improves performance by 41% (Qwen2.5-7B)."
    )
    assert pairs(text) == []
    assert pairs("We distil Stable Diffusion 1.5 (SD1.5) into one step.") == [("Stable Diffusion 1.5", "SD1.5")]
