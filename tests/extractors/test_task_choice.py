"""The learned task choice: candidate phrases, the ranking model, choosing, and the component."""

import json
import subprocess
import sys

import pytest

import extractors.task_choice
from conftest import extract_one
from extractors.linear import LinearModel, fit_ranking
from extractors.resources import load_resources
from extractors.task_candidates import candidates, choose, features, head_words, recurrence_feature, task_lexicon
from extractors.task_choice import TaskChoice, task_chooser

KNOWN = frozenset({"continual learning", "image generation"})


def phrases(text, title_end):
    return [c.phrase for c in candidates(text, title_end, KNOWN)]


def test_any_title_phrase_is_a_candidate_but_only_task_like_endings_in_the_abstract():
    title = "Scaling Laws for Robot Arms"
    text = title + "\n\nWe study robot arms and their grasping."
    found = phrases(text, len(title))
    assert {"scaling laws", "robot arms", "scaling laws for robot arms"} <= set(found)
    # In the abstract "robot arms" is no candidate of its own there ("arms" cannot end a task
    # phrase), but "grasping" (an activity) is.
    positions = {c.phrase: c.positions for c in candidates(text, len(title), KNOWN)}
    assert positions["robot arms"] == [title.index("Robot")]
    assert "grasping" in found


def test_phrases_stay_in_a_clause_and_never_start_or_end_with_a_function_word():
    title = "Learning from Human Feedback, and Planning"
    found = phrases(title + "\n\nAn abstract.", len(title))
    assert "learning from human feedback" in found
    assert "feedback and planning" not in found  # the comma ends a clause
    assert not any(p.split()[0] in {"from", "and", "we"} for p in found)


def test_a_word_may_start_with_digits_but_never_starts_inside_another():
    title = "Lidar-Based 3D Object Detection"
    found = phrases(title + "\n\nWe improve 3D human pose estimation on H36M.", len(title))
    assert {"3d object detection", "3d human pose estimation"} <= set(found)
    assert not any(p.startswith(("d ", "m ")) for p in found)


def test_a_capital_inside_the_abstract_marks_a_phrase_as_cased():
    text = "T\n\nResults on Atari Gaming and in image generation."
    by_phrase = {c.phrase: c for c in candidates(text, 1, KNOWN)}
    assert by_phrase["atari gaming"].cased
    assert not by_phrase["image generation"].cased


def test_features_say_where_the_phrase_stands():
    title = "ZooNet: Continual Learning for Zoos"
    text = title + "\n\nContinual learning is hard."
    (candidate,) = [c for c in candidates(text, len(title), KNOWN) if c.phrase == "continual learning"]
    found = set(features(candidate, len(title), KNOWN, title.index(":")))
    assert {"known", "title", "in=title", "in=abstract", "abstract=1", "title&before=", "title&after=for"} <= found
    assert "in=head" not in found  # after the colon, not in the part naming the paper's method


def test_choose_keeps_the_best_and_close_ones_without_overlap():
    scored = [(1.0, "image generation"), (0.9, "text-to-image generation"), (0.7, "video editing"), (0.6, "style transfer")]
    assert choose(scored, most=2, threshold=0.5) == ["image generation", "video editing"]
    assert choose(scored, most=3, threshold=0.8) == ["image generation"]
    assert choose([(0.1, "only one")], most=2, threshold=0.5) == ["only one"]  # always the best one
    assert choose([], most=2) == []


def test_ranking_learns_which_candidate_is_right_and_is_deterministic():
    groups = [
        ([["title", "last=learning"], ["last=results"], ["title", "last=results"]], {0}),
        ([["last=results"], ["title", "last=learning"]], {1}),
        ([["last=learning"], ["title", "last=methods"]], {0}),
    ] * 4
    model = fit_ranking(groups, min_count=1, seed=3)
    assert model.score(["title", "last=learning"]) > model.score(["title", "last=results"])
    assert fit_ranking(groups, min_count=1, seed=3).weights == model.weights
    assert LinearModel.from_data(json.loads(json.dumps(model.to_data()))).weights == {
        f: round(w, 4) for f, w in model.weights.items()
    }


def test_rare_features_are_dropped_and_groups_without_an_answer_teach_nothing():
    model = fit_ranking([([["seen", "once"], ["seen"]], {0}), ([["seen"], ["seen"]], set())], min_count=2, seed=0)
    assert "once" not in model.weights
    assert fit_ranking([([["a"], ["b"]], set())], min_count=1).weights == {}


def test_the_chooser_returns_phrases_with_their_positions():
    model = LinearModel({"title": 2.0, "known": 1.0, "last=generation": 1.0})
    title = "Fast Image Generation"
    text = title + "\n\nImage generation is slow."
    (first, *_) = task_chooser(model, KNOWN, most=1)(text, len(title))
    assert first == ("image generation", [title.index("Image"), len(title) + 2])


def test_a_phrase_whose_words_the_abstract_keeps_writing_wins_when_the_model_weighs_recurrence():
    title = "Notes"
    text = title + ("\n\nWe study grasp planning for robots. Planning grasps is hard; our grasp planning "
                    "differs from motion forecasting.")
    # Both phrases end like tasks; only recurrence tells them apart.
    assert recurrence_feature("grasp planning", text[len(title):].lower(), {}) == "recurrence=3"
    assert recurrence_feature("motion forecasting", text[len(title):].lower(), {}) == "recurrence=1"
    model = LinearModel({"phrase=grasp planning": 1.0, "phrase=motion forecasting": 1.5})
    assert task_chooser(model, KNOWN, most=1)(text, len(title))[0][0] == "motion forecasting"
    model.weights.update({"recurrence=1": -1.0, "recurrence=3": 0.5})
    assert task_chooser(model, KNOWN, most=1)(text, len(title))[0][0] == "grasp planning"


def test_a_phrase_written_only_inside_a_name_is_no_task(extractor):
    model = LinearModel({"title": 2.0, "known": 1.0, "last=generation": 1.0, "last=routing": 3.0})
    title = "Sparse Mixture Routing for Image Generation"
    text = title + "\n\nWe study image generation."
    name = (0, len("Sparse Mixture Routing"))
    chosen = task_chooser(model, KNOWN, most=1)(text, len(title), lambda start, end: start < name[1] and end > name[0])
    assert [phrase for phrase, _ in chosen] == ["image generation"]
    # Through the pipeline: the paper's own method is a proposed name, not its task.
    found = extract_one(extractor, "Better agents", "We propose a novel method called Sparse Mixture Routing (SMR) that builds on LoRA.")
    assert "Sparse Mixture Routing (SMR)" in found["proposed"]
    assert "sparse mixture routing" not in found["tasks"]


def test_a_name_does_not_take_a_place_among_the_candidates_described(monkeypatch):
    """Names are looked for while the shortlist fills: the best phrase by its words lies inside
    the paper's own name, so the one place goes to the next."""
    monkeypatch.setattr(extractors.task_choice, "SHORTLIST", 1)
    model = LinearModel({"last=routing": 3.0, "last=generation": 1.0})
    title = "Sparse Mixture Routing for Image Generation"
    text = title + "\n\nWe study image generation."
    named = lambda start, end: start < len("Sparse Mixture Routing")  # noqa: E731
    assert [phrase for phrase, _ in task_chooser(model, KNOWN, most=2)(text, len(title), named)] == ["image generation"]


def test_the_task_vocabulary_is_known_and_its_common_last_words_end_abstract_candidates(extractor):
    choice = extractor.nlp.get_pipe("graphbuild_task_choice")
    assert {"protein structure prediction", "weather forecasting", "mode collapse"} <= choice.task_phrases
    # "collapse" ends many task names ("mode collapse", "posterior collapse", ...), "law" one.
    assert "collapse" in choice.task_heads and "law" not in choice.task_heads
    text = "Notes\n\nWe analyse mode collapse under a scaling law."
    found = [c.phrase for c in candidates(text, 5, choice.task_phrases, choice.task_heads)]
    assert "mode collapse" in found and "scaling law" not in found
    # Without the vocabulary, "collapse" ends no task phrase the gazetteer lists.
    assert "collapse" not in head_words({e.pattern.lower() for e in load_resources().gazetteers["TASK"]})


def test_a_vocabulary_name_is_written_as_the_candidates_are():
    known, heads = task_lexicon(["continual learning"], ["Long-Context Modeling", "Goodhart's law"])
    assert {"long-context modeling", "long context modeling", "goodhart s law", "continual learning"} <= known
    assert heads == {"learning"}


def test_without_a_trained_model_the_component_leaves_the_choice_to_the_gazetteer():
    component = TaskChoice()
    component.set_up({"model": {"weights": {}}, "task_phrases": ["continual learning"]})
    assert component.choose_tasks is None
    component.set_up({"model": {"weights": {"title": 1.0}}, "task_phrases": ["continual learning"]})
    assert component.choose_tasks is not None and component.task_phrases == {"continual learning"}


def test_a_users_task_phrase_reaches_the_learned_choice(tmp_path):
    from extractors import build_pipeline

    gazetteer = tmp_path / "mine.jsonl"
    gazetteer.write_text('{"label": "TASK", "pattern": "Zorp Folding"}\n', encoding="utf-8")
    nlp = build_pipeline([gazetteer])
    assert "zorp folding" in nlp.get_pipe("graphbuild_task_choice").task_phrases


def test_the_saved_pipeline_chooses_the_same_tasks(tmp_path, extractor):
    """The model travels with ``nlp.to_disk``: a fresh process loading the folder with
    ``spacy.load`` has the same choice."""
    title = "Continual Learning for Text-to-Image Generation"
    text = title + "\n\nWe study text-to-image generation models that must keep learning."
    expected = extractor.choose_tasks(text, len(title))
    assert expected, "the shipped model chose no task"
    extractor.nlp.to_disk(tmp_path / "saved")
    script = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "choose = nlp.get_pipe('graphbuild_task_choice').choose_tasks\n"
        "print(json.dumps(choose(sys.argv[2], int(sys.argv[3]))))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "saved"), text, str(len(title))],
                         capture_output=True, text=True, check=True).stdout
    assert [tuple(pair) for pair in json.loads(out)] == [tuple(pair) for pair in expected]


@pytest.mark.parametrize("word", ["learning", "generation", "planning"])
def test_known_task_phrases_lend_their_last_words(word):
    assert word in head_words({"continual learning", "image generation", "motion planning"})
