"""Read paper records from files, directories and standard input.

Supported inputs: saved Hugging Face Daily Papers listings (``.txt``), JSON Lines (``.jsonl``,
``.ndjson``, ``.json``), a directory (every supported file inside, in sorted order), and ``-`` for
standard input (the format is recognised from the content). Every file is checked whole before any
record is used, so a bad file stops a build before anything is written.
"""

from pathlib import Path

from graphbuild.errors import InputError
from graphbuild.ingest.hf_listing import looks_like_listing, parse_listing
from graphbuild.ingest.jsonl import parse_jsonl

__all__ = ["read_records", "expand_inputs", "LISTING_SUFFIXES", "JSONL_SUFFIXES"]

LISTING_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
STDIN = "-"


def expand_inputs(inputs):
    """Turn the user's input arguments into an ordered list of files (and ``-``)."""
    files = []
    for name in inputs:
        if name == STDIN:
            files.append(STDIN)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in LISTING_SUFFIXES + JSONL_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError(
                    name,
                    "directory holds no readable input (looked for .txt listings and "
                    ".jsonl/.ndjson/.json files)",
                )
            files.extend(str(p) for p in found)
        elif path.is_file():
            files.append(str(path))
        elif path.exists():
            raise InputError(name, "not a regular file or directory")
        else:
            raise InputError(name, "no such file or directory")
    return files


def _decode(data, source):
    """UTF-8 text of ``data``, or an InputError naming the line of the first bad byte."""
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary file, not text (expected a saved listing or JSON Lines)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"{source}:{line}", "not UTF-8 text; re-save the file as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


def _read_bytes(name, stdin):
    if name == STDIN:
        return stdin.read() if stdin is not None else b""
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise InputError(name, f"cannot read ({error.strerror})") from None


def read_records(inputs, stdin=None):
    """Read every input and return its records, in input order.

    Parameters
    ----------
    inputs : list of str
        Paths of files or directories, or ``-`` for standard input.
    stdin : binary file, optional
        What ``-`` reads from.

    Raises
    ------
    InputError
        For a missing file, an empty directory, a binary or non-UTF-8 file, or a malformed record.
    """
    records = []
    for name in expand_inputs(inputs):
        source = "<stdin>" if name == STDIN else name
        text = _decode(_read_bytes(name, stdin), source)
        lines = text.split("\n")
        suffix = Path(name).suffix.lower() if name != STDIN else ""
        if suffix in JSONL_SUFFIXES or not looks_like_listing(text):
            found = list(parse_jsonl(lines, source))
        else:
            found = list(parse_listing(lines, source))
        if not found:
            raise InputError(source, "holds no papers (expected title/abstract pairs or JSON Lines)")
        records.extend(found)
    return records
