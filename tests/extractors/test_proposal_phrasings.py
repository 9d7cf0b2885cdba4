"""Each proposal phrasing on its own: a pure function of the text, the cue words that trigger it
(read by the pipeline's lexicon, as in a run) and the compiled cues."""

import pytest

from extractors.abbreviations import abbreviation_pairs
from extractors.lexicon import CODED, INTRO, NAMING, NOVELTY, OWN, WE_NAMING, interesting_tokens
from extractors.proposal_cues import default_cues
from extractors.proposal_phrasings import (
    appositions,
    headed_names,
    introduced,
    named,
    novel_noun_phrases,
    own_work_names,
    owned_definitions,
    quoted_names,
    title_prefix,
    title_tools,
)
from extractors.sections import compose


@pytest.fixture(scope="module")
def cues():
    return default_cues()


@pytest.fixture(scope="module")
def read(nlp):
    """The text of a paper, and its cue words by class, as the lexicon finds them."""

    def read(title, abstract):
        text = compose(title, abstract)
        doc = nlp.get_pipe("graphbuild_lexicon")(nlp.make_doc(text))

        def triggers(classes):
            return [(start, end, word) for _, start, end, word, _ in interesting_tokens(doc, classes)]

        claim_starts = [start for start, _, _ in triggers(INTRO | OWN)]
        return text, triggers, claim_starts

    return read


def names(text, spans):
    return [text[start:end] for start, end in spans]


def test_title_prefix_is_the_name_before_a_titles_colon(read, cues):
    text, _, _ = read("LADDER: Self-Improving Models Through Recursion", "We show that it works.")
    assert names(text, title_prefix(text, cues)) == ["LADDER"]
    text, _, _ = read("Survey: Methods for Reasoning", "We review methods.")
    assert title_prefix(text, cues) == []
    text, _, _ = read("s1: Simple test-time scaling", "We curate a small dataset.")
    assert names(text, title_prefix(text, cues)) == ["s1"]  # lowercase, but a name by its number
    text, _, _ = read("scaling: a study of test-time compute", "We study compute.")
    assert title_prefix(text, cues) == []
    text, _, _ = read("wav2vec 2.0: A Framework for Self-Supervised Learning", "We learn from speech.")
    assert names(text, title_prefix(text, cues)) == ["wav2vec 2.0"]  # a name and its version
    text, _, _ = read("Kimi k1.5: Scaling Reinforcement Learning with LLMs", "We report on its training.")
    assert names(text, title_prefix(text, cues)) == ["Kimi k1.5"]
    text, _, _ = read("Qwen2.5-Math Technical Report: Toward Mathematical Expert Model", "We present a series of models.")
    assert names(text, title_prefix(text, cues)) == ["Qwen2.5-Math"]
    text, _, _ = read("Understanding R1-Zero-Like Training: A Critical Perspective", "We study R1-Zero.")
    assert title_prefix(text, cues) == []  # what the paper does, not a name


def test_introduced_is_the_name_right_after_the_papers_own_introducing_verb(read, cues):
    text, triggers, _ = read("T", "To this end, we propose ControlNet++, a novel approach. Prior work introduces STaR.")
    assert names(text, introduced(text, triggers(INTRO), cues)) == ["ControlNet++"]
    text, triggers, _ = read("T", "We train ZebraFormer on ImageNet, and we propose to scale it.")
    assert names(text, introduced(text, triggers(INTRO), cues)) == ["ZebraFormer"]  # unknown: the paper's own
    text, triggers, _ = read("T", "We train ViT-L/14 and DiT-XL/2 models, and we train ZebraFormer-L.")
    assert names(text, introduced(text, triggers(INTRO), cues)) == ["ZebraFormer-L"]  # sizes of known ones are known


def test_introduced_names_a_list_whose_names_have_appositions(read, cues):
    text, triggers, _ = read("T", "We present VidGen-1, a family of video models, and VidBench, a benchmark for video quality.")
    assert names(text, introduced(text, triggers(INTRO), cues)) == ["VidGen-1", "VidBench"]
    text, triggers, _ = read("T", "We propose StepNet, a plug-in for DiT, and LoRA adapters for it.")
    assert names(text, introduced(text, triggers(INTRO), cues)) == ["StepNet"]  # a known name is no new one
    text, triggers, _ = read("T", "We release OpenWorld-1M, a dataset of driving clips, together with DriveSim, a world model.")
    assert names(text, introduced(text, triggers(INTRO), cues)) == ["OpenWorld-1M", "DriveSim"]
    text, triggers, _ = read("T", "We present VidGen-1, a video model, as well as VidBench, a benchmark.")
    assert names(text, introduced(text, triggers(INTRO), cues)) == ["VidGen-1", "VidBench"]


def test_the_proposed_before_a_coined_unknown_name_introduces_it(read, cues):
    text, triggers, _ = read("T", "The proposed TreeQuant quantizes weights; the proposed method and the proposed LoRA variant help.")
    assert names(text, introduced(text, triggers(INTRO), cues)) == ["TreeQuant"]


def test_referred_to_as_names_and_a_coined_term_is_no_contribution(read, cues):
    text, triggers, _ = read("T", "Our method, referred to as SparseKV, compresses the cache. We coin the term LatentDrift for this.")
    assert names(text, named(text, triggers(NAMING), triggers(WE_NAMING), cues)) == ["SparseKV"]


def test_named_is_the_name_after_a_naming_verb_of_the_papers_own(read, cues):
    text, triggers, _ = read(
        "T", "We further propose a test-time method called TTRL. A point in the process, called prediction level, passes."
    )
    assert names(text, named(text, triggers(NAMING), triggers(WE_NAMING), cues)) == ["TTRL"]
    text, triggers, _ = read("T", "Recently, a new paradigm was presented, called InterContiNet.")
    assert named(text, triggers(NAMING), triggers(WE_NAMING), cues) == []
    # The description between "we call" and the name is not part of it.
    text, triggers, _ = read("T", "We use a Transformer to process states and actions, naming the model Seer.")
    assert names(text, named(text, triggers(NAMING), triggers(WE_NAMING), cues)) == ["Seer"]
    text, triggers, _ = read("T", "We couple it with an inverse mapping; we call the resulting model CycleGAN.")
    assert names(text, named(text, triggers(NAMING), triggers(WE_NAMING), cues)) == ["CycleGAN"]
    text, triggers, _ = read("T", "We decouple weight decay from the loss; we call the resulting variants AdamW and SGDW.")
    assert names(text, named(text, triggers(NAMING), triggers(WE_NAMING), cues)) == ["AdamW"]


def test_appositions_of_novelty_name_what_they_follow(read, cues):
    text, triggers, _ = read(
        "T", "In this work, we study Goal Trees with Critics (GTC), a novel approach. Finally, StepNet, a new method, helps."
    )
    pairs = list(abbreviation_pairs(text))
    assert names(text, appositions(text, triggers(NOVELTY), pairs, cues)) == ["Goal Trees with Critics", "StepNet"]


def test_novel_noun_phrases_name_the_coined_word_inside_or_after_them(read, cues):
    text, triggers, _ = read("T", "We present a novel deterministic Q-exit criterion, and a new theory-inspired approach, StepNet.")
    assert names(text, novel_noun_phrases(text, triggers(NOVELTY), cues)) == ["Q-exit", "StepNet"]
    text, triggers, _ = read("T", "We present a novel RLHF criterion.")  # a known name is not new
    assert novel_noun_phrases(text, triggers(NOVELTY), cues) == []
    # ... unless the paper calls it "our novel" one (the paper that introduced it).
    text, triggers, _ = read("T", "Our novel Focal Loss focuses training on hard examples; our new ViT variant helps.")
    assert names(text, novel_noun_phrases(text, triggers(NOVELTY), cues)) == ["Focal Loss"]


def test_own_work_names_follow_our_method(read, cues):
    text, triggers, _ = read("T", "Experiments show that our method, MoDA, beats PPO.")
    assert names(text, own_work_names(text, triggers(OWN), cues)) == ["MoDA"]
    text, triggers, _ = read("T", "Both GPT-4 and our fine-tuned model SWE-Llama, built on CodeLlama, resolve few issues.")
    assert names(text, own_work_names(text, triggers(OWN), cues)) == ["SWE-Llama"]  # a describing word between
    # An apposition with "our" names what it follows, when it ends on a head noun.
    text, triggers, _ = read(
        "T", "Moshi speaks with the quantizer of Mimi, our streaming neural audio codec, in real time. "
        "Moreover, our method works. On ZetaQA, our model is faster. Compared with GPT-4, our agent wins."
    )
    assert names(text, own_work_names(text, triggers(OWN), cues)) == ["Mimi"]
    # "new", "novel", "proposed" and a head noun together: "our new algorithm DRPO".
    text, triggers, _ = read("T", "Using our new algorithm DRPO and our proposed method, SkillNet, helps; our model beats PPO.")
    assert names(text, own_work_names(text, triggers(OWN), cues)) == ["DRPO", "SkillNet"]


def test_headed_names_are_coined_words_before_a_head_noun_of_the_papers_own(read, cues):
    text, triggers, claims = read(
        "T",
        "We propose a dropout framework and apply it to the PPO algorithm to obtain the D-PPO variant. "
        "We fine-tune them into our **LeaP-T** model series.",
    )
    assert names(text, headed_names(text, triggers(CODED), claims, cues)) == ["D-PPO", "LeaP-T"]
    text, triggers, claims = read("T", "Baselines adapt the BC policy to new tasks.")
    assert headed_names(text, triggers(CODED), claims, cues) == []


def test_quoted_names_before_a_head_noun_in_a_sentence_of_the_papers_own(read, cues):
    text, _, claims = read("T", "We propose a simple yet effective 'thought dropout' operation. Others use a 'magic trick' method.")
    assert names(text, quoted_names(text, claims, cues)) == ["thought dropout"]


def test_owned_definitions_are_abbreviations_the_paper_defines_for_its_own_work(read, cues):
    text, _, claims = read("T", "We propose Goal Trees with Critics (GTC) for planning. Unlike Proximal Value Shaping (PVS), it plans.")
    assert names(text, owned_definitions(text, list(abbreviation_pairs(text)), claims, cues)) == ["Goal Trees with Critics"]


def test_a_known_name_the_paper_claims_in_so_many_words_is_its_own(read, cues):
    # The paper that introduced a now-known name: the words right before its definition claim it.
    for abstract, expected in [
        ("In this work, we introduce a Region Proposal Network (RPN) that shares features.", ["Region Proposal Network"]),
        ("We introduce a class of CNNs called deep convolutional generative adversarial networks (DCGANs).",
         ["deep convolutional generative adversarial networks"]),
        ("We then develop a simple architecture, the Graph Isomorphism Network (GIN), that is expressive.",
         ["Graph Isomorphism Network"]),
        # Using a known name is not claiming it.
        ("We fine-tune with Direct Preference Optimization (DPO) and Low-Rank Adaptation (LoRA).", []),
        ("Recently, a method called Region Proposal Network (RPN) was shown to help; we study it.", []),
        # "our" or "the proposed" right before a definition claims it by itself.
        ("The filtering yields our Large Video Dataset (LVD) of 580M clips.", ["Large Video Dataset"]),
    ]:
        text, _, claims = read("T", abstract)
        assert names(text, owned_definitions(text, list(abbreviation_pairs(text)), claims, cues)) == expected, abstract


def test_title_tools_are_the_titles_with_phrase_the_abstract_defines_or_proposes(read, cues):
    text, _, _ = read(
        "Controllable Text Generation with Neurally-Decomposed Oracle",
        "We control generation with Neurally-Decomposed Oracle (NADO). NADO trains a small model.",
    )
    assert names(text, title_tools(text, list(abbreviation_pairs(text)), cues)) == ["Neurally-Decomposed Oracle"]
    text, _, _ = read("Fine-Tuning Agents with Proximal Value Shaping", "Proximal Value Shaping (PVS) is a popular technique.")
    assert title_tools(text, list(abbreviation_pairs(text)), cues) == []
