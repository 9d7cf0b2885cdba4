import pytest

from extractors.normalize import concept_key, scoring_form, url_key


@pytest.mark.parametrize(
    "a, b",
    [("Qwen2.5 7B", "Qwen2.5-7B"), ("LLaMA-2", "Llama2"), ("ImageNet-1K", "ImageNet 1K"), ("MATH500", "MATH-500")],
)
def test_spellings_of_one_concept_share_a_key(a, b):
    assert concept_key(a) == concept_key(b)


@pytest.mark.parametrize("a, b", [("ControlNet++", "ControlNet"), ("Qwen2.5", "Qwen25"), ("AIME2024", "AIME2025")])
def test_different_concepts_keep_different_keys(a, b):
    assert concept_key(a) != concept_key(b)


def test_url_key_ignores_scheme_www_git_and_trailing_slash():
    assert url_key("https://www.GitHub.com/org/repo.git/") == url_key("http://github.com/org/repo") == "github.com/org/repo"


def test_scoring_form_follows_the_annotation_guide():
    assert scoring_form("Qwen2.5-7B") == scoring_form("qwen2.5 7b") == "qwen257b"
    assert scoring_form("ControlNet++") != scoring_form("ControlNet")
