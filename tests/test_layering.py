"""Which top-level package may import which: extractors stands on its own (a spaCy package),
graphbuild's core never imports viz, and only the command line ties everything together."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graphbuild", "extractors", "viz", "cypher")
TIES = {"graphbuild.cli", "graphbuild.__main__"}  # the command line may import anything


def imported_packages(path):
    """The top-level packages of the project that the module at ``path`` imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(name.split(".")[0] for name in names if name.split(".")[0] in PACKAGES)
    return found


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield ".".join(path.relative_to(ROOT).with_suffix("").parts), path


@pytest.mark.parametrize("name, path", [(n, p) for n, p in modules() if n.startswith("extractors")])
def test_extractors_import_nothing_of_the_project_but_themselves(name, path):
    assert imported_packages(path) <= {"extractors"}, name


def test_the_packages_import_each_other_without_a_cycle():
    edges = {package: set() for package in PACKAGES}
    for name, path in modules():
        if name not in TIES:
            edges[name.split(".")[0]] |= imported_packages(path) - {name.split(".")[0]}
    assert "viz" not in edges["graphbuild"]
    done, stack = set(), []

    def visit(package):
        assert package not in stack, f"import cycle: {' -> '.join(stack + [package])}"
        if package not in done:
            stack.append(package)
            for other in sorted(edges[package]):
                visit(other)
            stack.pop()
            done.add(package)

    for package in PACKAGES:
        visit(package)
