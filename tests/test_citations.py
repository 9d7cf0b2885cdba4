from graphbuild.citations import citation_rows, inferred_citations
from graphbuild.records import Extraction, Mention


def mention(kind, text, key, aliases=None, label="Method", name=None):
    return Mention(kind, label, text, key, name, ("abstract:0:10",), ("x",), tuple(aliases or (text,)))


def paper(paper_id, *mentions):
    return Extraction(paper_id, tuple(mentions))


def test_a_paper_naming_what_one_other_paper_proposes_cites_it():
    citations, ambiguous = inferred_citations(
        [
            paper("controlnet", mention("proposed", "ControlNet", "controlnet")),
            paper("controlnet++", mention("proposed", "ControlNet++", "controlnet++"), mention("method", "ControlNet", "controlnet", name="ControlNet")),
        ]
    )
    assert [(c.citing, c.cited, c.via) for c in citations] == [("controlnet++", "controlnet", ("ControlNet",))]
    assert ambiguous == {}


def test_a_name_several_papers_propose_is_not_linked_but_recorded():
    citations, ambiguous = inferred_citations(
        [
            paper("a", mention("proposed", "Self-Play Preference Optimization (SPO)", "self-play-preference-optimization", ["Self-Play Preference Optimization", "SPO"])),
            paper("b", mention("proposed", "Segment Policy Optimization (SPO)", "segment-policy-optimization", ["Segment Policy Optimization", "SPO"])),
            paper("c", mention("method", "SPO", "spo")),
        ]
    )
    assert citations == []
    assert ambiguous == {"c": ["SPO"]}


def test_the_long_form_decides_between_papers_sharing_a_short_name():
    citations, _ = inferred_citations(
        [
            paper("a", mention("proposed", "Self-Play Preference Optimization (SPO)", "self-play-preference-optimization", ["Self-Play Preference Optimization", "SPO"])),
            paper("b", mention("proposed", "Segment Policy Optimization (SPO)", "segment-policy-optimization", ["Segment Policy Optimization", "SPO"])),
            paper("c", mention("method", "Self-Play Preference Optimization (SPO)", "self-play-preference-optimization", ["Self-Play Preference Optimization", "SPO"])),
        ]
    )
    assert [(c.citing, c.cited) for c in citations] == [("c", "a")]


def test_a_paper_never_cites_itself():
    citations, _ = inferred_citations([paper("a", mention("proposed", "LADDER", "ladder"), mention("method", "LADDER", "ladder"))])
    assert citations == []


def test_a_benchmark_mention_does_not_cite_a_method_of_the_same_name():
    citations, _ = inferred_citations(
        [
            paper("a", mention("proposed", "Action Inference by Maximising Evidence (AIME)", "action-inference", ["Action Inference", "AIME"])),
            paper("b", mention("benchmark", "AIME", "aime", label="Benchmark")),
        ]
    )
    assert citations == []


def test_citation_rows_carry_source_via_and_evidence():
    citations, ambiguous = inferred_citations(
        [paper("p", mention("proposed", "X-Net", "x-net")), paper("q", mention("method", "X-Net", "x-net"))]
    )
    nodes, relations = citation_rows(citations, {"q": ["SPO"]})
    (relation,) = relations
    assert (relation.type, relation.start, relation.end) == ("CITES", ("Paper", "q"), ("Paper", "p"))
    assert relation.properties == {"source": "inferred", "via": ["X-Net"], "evidence": ["abstract:0:10"], "extractors": ["graphbuild_citations"]}
    assert nodes[0].properties == {"ambiguous_names": ["SPO"]}
