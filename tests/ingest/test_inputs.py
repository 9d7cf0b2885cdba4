import io
import json

import pytest

from graphbuild.errors import InputError
from graphbuild.ingest import read_records

ABSTRACT = "We propose a method that works. It is tested on two benchmarks and beats the baselines clearly."


def write_listing(path, titles):
    path.write_text("\n".join(line for t in titles for line in (t, ABSTRACT)) + "\n", encoding="utf-8")


def test_directory_reads_every_supported_file_in_sorted_order(tmp_path):
    write_listing(tmp_path / "b.txt", ["Second Paper"])
    (tmp_path / "a.jsonl").write_text(json.dumps({"title": "First Paper", "abstract": "A."}) + "\n")
    (tmp_path / "notes.md").write_text("not an input")
    records = read_records([str(tmp_path)])
    assert [r.title for r in records] == ["First Paper", "Second Paper"]


def test_stdin_format_is_recognised_from_content():
    jsonl = io.BytesIO((json.dumps({"title": "T", "abstract": "A."}) + "\n").encode())
    assert read_records(["-"], stdin=jsonl)[0].source == "<stdin>:1"
    listing = io.BytesIO(f"Some Title\n{ABSTRACT}\n".encode())
    assert read_records(["-"], stdin=listing)[0].title == "Some Title"


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"nope.txt: no such file or directory"):
        read_records([str(tmp_path / "nope.txt")])


def test_directory_with_nothing_readable(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(InputError, match=r"directory holds no readable input"):
        read_records([str(tmp_path)])


def test_binary_file(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(InputError, match=r"blob.txt: binary file, not text"):
        read_records([str(path)])


def test_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\n".encode() + "Caf\xe9 abstract".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.txt:2: not UTF-8 text"):
        read_records([str(path)])


def test_empty_file_holds_no_papers(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n")
    with pytest.raises(InputError, match=r"empty.jsonl: holds no papers"):
        read_records([str(path)])
