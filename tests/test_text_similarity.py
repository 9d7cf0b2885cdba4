"""SIMILAR_TEXT: each paper's nearest papers by the words of its title and abstract."""

import json

from click.testing import CliRunner

from graphbuild.builder import build_graph
from graphbuild.cli import main
from graphbuild.records import PaperRecord
from graphbuild.related import related_papers
from graphbuild.stores import NetworkXStore
from graphbuild.text_similarity import similar_text_rows

TOPICS = ["reward hacking", "image diffusion", "robot grasping", "speech recognition"]


def papers(count):
    """``count`` papers on four topics, every one sharing the word "learning"."""
    return [
        (f"p{n:02d}", f"Paper {n} on {TOPICS[n % 4]}", f"We study {TOPICS[n % 4]} with learning, variant {n}.")
        for n in range(count)
    ]


def test_a_pair_is_one_relationship_from_the_smaller_id_and_carries_its_evidence():
    rows = similar_text_rows(papers(8), neighbours=3)
    pairs = [(r.start[1], r.end[1]) for r in rows]
    assert len(pairs) == len(set(pairs)) and all(a < b for a, b in pairs)
    assert all(r.type == "SIMILAR_TEXT" and 0 < r.properties["score"] <= 1 for r in rows)
    same_topic = next(r for r in rows if (r.start[1], r.end[1]) == ("p00", "p04"))
    assert {"reward", "hacking"} <= set(same_topic.properties["terms"])


def test_the_nearest_papers_are_the_ones_on_the_same_topic():
    rows = similar_text_rows(papers(12), neighbours=2)
    near = {}
    for r in rows:
        near.setdefault(r.start[1], {})[r.end[1]] = r.properties["score"]
        near.setdefault(r.end[1], {})[r.start[1]] = r.properties["score"]
    for paper, others in near.items():
        best = max(others, key=others.get)
        assert int(best[1:]) % 4 == int(paper[1:]) % 4, (paper, best)


def test_blocks_of_rows_give_the_same_relationships_as_one():
    assert similar_text_rows(papers(13), neighbours=4, block=1) == similar_text_rows(papers(13), neighbours=4, block=512)


def test_too_little_text_gives_nothing_rather_than_an_error():
    assert similar_text_rows([]) == []
    assert similar_text_rows([("a", "Alone", "Just one paper.")]) == []
    assert similar_text_rows([("a", "The", "of"), ("b", "A", "an")]) == []  # stop words only
    assert similar_text_rows([("a", "Cats", "Cats."), ("b", "Dogs", "Dogs.")]) == []  # no word in common


def test_with_eleven_papers_or_more_every_paper_gets_ten_related_papers_with_reasons():
    store = NetworkXStore()
    records = [PaperRecord(title=t, abstract=a, source=f"t.jsonl:{n}") for n, (_, t, a) in enumerate(papers(12), 1)]
    build_graph(records, store, extractor=_Extractor())
    for label, key in list(store.graph.nodes):
        if label == "Paper":
            rows = related_papers(store, key, 10)
            assert len(rows) == 10, key
            assert all(row["reasons"] for row in rows)
            assert any(r["kind"] == "text" and r["via"] for row in rows for r in row["reasons"])


def test_related_shows_the_shared_words(tmp_path):
    listing = tmp_path / "papers.jsonl"
    listing.write_text("".join(json.dumps({"title": t, "abstract": a}) + "\n" for _, t, a in papers(12)), encoding="utf-8")
    graph = tmp_path / "graph.json"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(listing), "--out", str(graph), "--quiet"]).exit_code == 0
    result = runner.invoke(main, ["related", "Paper 0 on reward hacking", "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert "reads alike:" in result.output and "reward" in result.output
    assert result.output.count(". ") >= 10


class _Extractor:
    """Extracts nothing: the text signal alone must fill the related lists."""

    def extract(self, papers, workers=1, progress=None):
        from graphbuild.records import Extraction

        return (Extraction(paper.id, (), ()) for paper in papers)
