"""Scoring as ../shared/ANNOTATION.md defines it."""

from graphbuild.evaluate import TypeScore, entry_forms, evaluate, score_paper


def score(kind, predicted, gold, lenient=False):
    result = TypeScore()
    score_paper(kind, predicted, gold, result, lenient)
    return result.true_positives, result.false_positives, result.false_negatives


def test_names_compare_without_case_and_punctuation_but_plus_counts():
    assert score("models", ["qwen2.5 7b"], ["Qwen2.5-7B"]) == (1, 0, 0)
    assert score("methods", ["ControlNet"], ["ControlNet++"]) == (0, 1, 1)


def test_either_form_of_a_long_short_entry_matches_it():
    assert entry_forms("Variational Score Distillation (VSD)") == {"variationalscoredistillation", "vsd"}
    assert score("methods", ["VSD"], ["Variational Score Distillation (VSD)"]) == (1, 0, 0)
    assert score("methods", ["Variational Score Distillation (VSD)"], ["VSD"]) == (1, 0, 0)


def test_a_second_prediction_of_a_matched_entry_is_neither_right_nor_wrong():
    assert score("methods", ["VSD", "Variational Score Distillation"], ["Variational Score Distillation (VSD)"]) == (1, 0, 0)


def test_links_ignore_scheme_www_git_and_trailing_slash():
    assert score("links", ["http://www.github.com/org/repo.git/"], ["https://github.com/org/repo"]) == (1, 0, 0)


def test_results_compare_benchmark_and_value():
    gold = [{"benchmark": "AIME2024", "value": "84.3", "metric": None, "subject": None}]
    assert score("results", [{"benchmark": "aime 2024", "value": "84.30"}], gold) == (1, 0, 0)
    assert score("results", [{"benchmark": "AIME2024", "value": "72.2"}], gold) == (0, 1, 1)


def test_lenient_accepts_one_name_containing_the_other():
    assert score("proposed", ["Distraction"], ["Distraction module"]) == (0, 1, 1)
    assert score("proposed", ["Distraction"], ["Distraction module"], lenient=True) == (1, 0, 0)


def test_evaluate_matches_papers_by_title_and_reports_unmatched():
    gold = [{"title": "A Paper", "methods": ["PPO"]}, {"title": "Missing Paper", "methods": ["DPO"]}]
    predictions = [{"title": "a paper", "methods": ["PPO", "GRPO"]}]
    evaluation = evaluate(gold, predictions, types=("methods",))
    assert evaluation.papers == 1
    assert evaluation.unmatched_titles == ["Missing Paper"]
    methods = evaluation.strict["methods"]
    assert (methods.precision, methods.recall) == (0.5, 1.0)
    assert methods.false_alarms["GRPO"] == 1
