"""The README documents every command and every Cypher file (the idea of sqlite-utils' test_docs)."""

from pathlib import Path

import pytest

from graphbuild.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_a_readme_section(command):
    assert f"### `graphbuild {command}" in README


@pytest.mark.parametrize("cypher_file", sorted(p.name for p in (ROOT / "cypher").glob("*.cypher")))
def test_every_cypher_file_is_documented(cypher_file):
    assert cypher_file[: -len(".cypher")] in README


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash tests/run.sh" in README
    assert "bash tests/run.sh" in ci
