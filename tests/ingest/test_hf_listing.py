import pytest

from graphbuild.errors import InputError
from graphbuild.ingest.hf_listing import parse_listing

ABSTRACT_A = (
    "We study how small models learn to reason. We propose a method that scores each step. "
    "It improves accuracy on several benchmarks without extra data."
)
ABSTRACT_B = (
    "Adding control to image generators is costly. We present an adapter that is cheap to train. "
    "It matches strong baselines with a tenth of the parameters."
)

SPACED = f"""new

Get trending papers in your email inbox!

Subscribe

Daily Papers

byAK and the research community

Jul 30

StepWise: Rewarding Each Step

{ABSTRACT_A}

LatticeNet: Sparse Adapters

{ABSTRACT_B}
"""

DENSE = f"""Get trending papers in your email inbox once a day!
Get trending papers in your email inbox!
SubscribeStepWise: Rewarding Each Step
{ABSTRACT_A}
LatticeNet: Sparse Adapters
{ABSTRACT_B}
"""


def parse(text, source="listing.txt"):
    return list(parse_listing(text.split("\n"), source))


def test_spaced_layout_gives_one_record_per_pair_with_date_and_line():
    records = parse(SPACED)
    assert [r.title for r in records] == ["StepWise: Rewarding Each Step", "LatticeNet: Sparse Adapters"]
    assert [r.abstract for r in records] == [ABSTRACT_A, ABSTRACT_B]
    assert records[0].date == "Jul 30"
    assert records[0].source == "listing.txt:13"


def test_glued_first_title_is_split_from_subscribe():
    records = parse(DENSE)
    assert records[0].title == "StepWise: Rewarding Each Step"
    assert records[0].source == "listing.txt:3"
    assert records[1].title == "LatticeNet: Sparse Adapters"
    assert records[0].date is None


def test_boilerplate_never_becomes_a_paper():
    titles = {r.title for r in parse(SPACED) + parse(DENSE)}
    assert not titles & {"new", "Subscribe", "Daily Papers", "byAK and the research community"}


def test_missing_abstract_is_reported_with_its_line():
    broken = DENSE.replace(ABSTRACT_A + "\n", "")
    with pytest.raises(InputError) as error:
        parse(broken)
    assert str(error.value).startswith("listing.txt:4: expected the abstract of 'StepWise: Rewarding Each Step'")


def test_abstract_where_a_title_belongs_is_reported():
    broken = DENSE.replace("LatticeNet: Sparse Adapters\n", "")
    with pytest.raises(InputError) as error:
        parse(broken)
    assert str(error.value).startswith("listing.txt:5: expected a paper title")


def test_title_without_abstract_at_the_end_is_reported():
    with pytest.raises(InputError, match=r"listing.txt:7: the title 'Dangling Title' has no abstract"):
        parse(DENSE + "Dangling Title\n")
