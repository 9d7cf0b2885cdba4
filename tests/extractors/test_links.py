from extractors.links import classify_url, clean_url, find_links


def urls(text):
    return [url for _, _, url in find_links(text)]


def test_trailing_punctuation_and_brackets_are_cleaned():
    text = "Code: https://github.com/org/repo. See (https://example.org/page), and https://x.io/a_(b)."
    assert urls(text) == ["https://github.com/org/repo", "https://example.org/page", "https://x.io/a_(b)"]


def test_latex_href_debris_is_removed():
    text = r"Data: \href{https://huggingface.co/datasets/a-m-team/AM-Thinking-v1-Distilled{AM-Thinking-v1-Distilled}, done."
    assert urls(text) == ["https://huggingface.co/datasets/a-m-team/AM-Thinking-v1-Distilled"]


def test_bare_project_hosts_are_links():
    assert urls("Videos at learning-from-play.github.io and www.example.com/x.") == [
        "learning-from-play.github.io",
        "www.example.com/x",
    ]
    assert urls("Code is at github.com/anyasims/edge-of-reach and huggingface.co/org/model.") == [
        "github.com/anyasims/edge-of-reach",
        "huggingface.co/org/model",
    ]


def test_links_are_classified():
    assert classify_url("https://github.com/org/repo") == ("github.com", "code")
    assert classify_url("https://gitlab.com/org/repo") == ("gitlab.com", "code")
    assert classify_url("https://huggingface.co/datasets/org/d") == ("huggingface.co", "hf_dataset")
    assert classify_url("https://huggingface.co/spaces/org/s") == ("huggingface.co", "hf_space")
    assert classify_url("https://huggingface.co/org/model") == ("huggingface.co", "hf_model")
    assert classify_url("https://sites.google.com/view/x") == ("sites.google.com", "page")


def test_clean_url_keeps_balanced_parentheses():
    assert clean_url("https://en.wikipedia.org/wiki/Foo_(bar)") == "https://en.wikipedia.org/wiki/Foo_(bar)"
