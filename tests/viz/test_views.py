"""Views as files: self-contained, deterministic, escaped (no browser needed)."""

import re

from click.testing import CliRunner

from graphbuild.cli import main
from viz.views import neighbourhood_view, overview_view, render_html


def test_the_page_is_self_contained(hostile_store):
    page = render_html(overview_view(hostile_store, 50))
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page, re.I)
    assert "cdn" not in page.lower() or "cdnjs" not in page
    assert "default-src 'none'" in page


def test_titles_are_escaped_and_never_markup(hostile_store):
    page = render_html(overview_view(hostile_store, 50))
    assert "<script>window.pwned" not in page
    assert '<img src=x onerror' not in page
    assert "\\u003cscript\\u003ewindow.pwned = 1\\u003c/script\\u003e Scripted Title" in page


def test_the_same_view_gives_the_same_bytes(hostile_store):
    assert render_html(overview_view(hostile_store, 50)) == render_html(overview_view(hostile_store, 50))


def test_a_large_neighbourhood_is_cut_and_says_so(corpus_store):
    store = corpus_store
    focus = store.find_node("Task", "continual learning")
    around = len(store.neighbourhood(focus, 2)[0])
    assert around > 15, "the corpus's continual-learning neighbourhood is smaller than this test assumes"
    view = neighbourhood_view(store, focus, hops=2, max_nodes=15)
    assert len(view.nodes) == 15
    assert focus in {(n.label, n.key) for n in view.nodes}
    assert view.notes == [f"Showing the 15 most relevant of {around} nodes within 2 steps."]
    assert "Showing the 15 most relevant" in render_html(view)


def test_cli_view_needs_exactly_one_subject(tmp_path):
    result = CliRunner().invoke(main, ["view", "--graph", str(tmp_path / "g.json")])
    assert result.exit_code == 2 and "give exactly one of PAPER, --concept LABEL:NAME or --overview" in result.output


def test_cli_view_of_an_unknown_concept(tmp_path):
    graph = tmp_path / "g.json"
    CliRunner().invoke(main, ["build", "--example", "--out", str(graph), "-q"])
    result = CliRunner().invoke(main, ["view", "--concept", "Benchmark:NoSuchBench", "--graph", str(graph)])
    assert result.exit_code == 1
    assert result.output == "Error: no Benchmark named 'NoSuchBench' in the graph; `graphbuild stats` lists the common ones\n"


def test_a_papers_view_keeps_its_ten_related_papers_in_order(corpus_store):
    from graphbuild.related import related_papers, resolve_paper

    paper, _ = resolve_paper(corpus_store, "ControlNet++")
    related = [("Paper", row["id"]) for row in related_papers(corpus_store, paper, 10)]
    assert len(related) == 10
    view = neighbourhood_view(corpus_store, ("Paper", paper), hops=2, max_nodes=12)
    kept = {(n.label, n.key) for n in view.nodes}
    assert set(related) <= kept


def test_the_overview_ranks_by_named_connections_not_text_similarity(corpus_store):
    nodes, _, _ = corpus_store.overview(40)
    labels = {n.label for n in nodes}
    assert labels - {"Paper"}, "the overview shows only papers: SIMILAR_TEXT was counted"
