import json

import pytest

from graphbuild.errors import InputError
from graphbuild.ingest.jsonl import parse_jsonl


def parse(lines):
    return list(parse_jsonl(lines, "papers.jsonl"))


def test_optional_fields_are_read_and_whitespace_collapsed():
    line = json.dumps(
        {"id": "2404.07987", "title": "ControlNet++:\n  Improving", "abstract": "An  abstract.", "url": "https://arxiv.org/abs/2404.07987", "date": "2024-04-11", "authors": ["Ming Li", "Taojiannan Yang"]}
    )
    (record,) = parse([line])
    assert record.id == "2404.07987"
    assert record.title == "ControlNet++: Improving"
    assert record.abstract == "An abstract."
    assert record.authors == ("Ming Li", "Taojiannan Yang")
    assert record.source == "papers.jsonl:1"


def test_arxiv_metadata_author_string_is_split():
    line = json.dumps({"title": "T", "abstract": "A.", "authors": "Ada Lovelace, Alan Turing and Grace Hopper"})
    assert parse([line])[0].authors == ("Ada Lovelace", "Alan Turing", "Grace Hopper")


def test_blank_lines_are_skipped_and_line_numbers_kept():
    lines = ["", json.dumps({"title": "T", "abstract": "A."})]
    assert parse(lines)[0].source == "papers.jsonl:2"


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"abstract": "A."}', 'papers.jsonl:1: missing "title" (every line needs "title" and "abstract")'),
        ('{"title": "T"}', 'papers.jsonl:1: missing "abstract" (every line needs "title" and "abstract")'),
        ('{"title": "", "abstract": "A."}', 'papers.jsonl:1: empty or not a string: "title"'),
        ('{"title": "T", "abstract": "A."', "papers.jsonl:1: not valid JSON"),
        ('["T", "A."]', "papers.jsonl:1: expected a JSON object, found list"),
        ('{"title": "T", "abstract": "A.", "authors": 3}', 'papers.jsonl:1: "authors" must be a list'),
    ],
)
def test_bad_lines_name_file_and_line(line, message):
    with pytest.raises(InputError) as error:
        parse([line])
    assert str(error.value).startswith(message)
