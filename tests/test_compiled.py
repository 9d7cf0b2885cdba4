"""The compiled build: every per-abstract module is compiled, extracts exactly what the plain
modules extract, and a source edited after the build runs as edited."""

import hashlib
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from graphbuild.compiled import compiled_modules, stale_modules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "hf-daily-papers"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

LISTED = [entry["name"] for entry in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["ext-modules"]]

# Prints the extraction of the corpus (or, without it, the bundled example) as JSON lines.
_EXTRACT = """
import json, sys
from pathlib import Path
from graphbuild.extraction import Extractor, contract_record
from graphbuild.ingest import read_records
from graphbuild.papers import merge_records
papers = merge_records(read_records([Path(sys.argv[1])]))
for paper, extraction in zip(papers, Extractor().extract(papers)):
    print(json.dumps([contract_record(paper, extraction), repr(extraction)]))
"""


def _run(code, *args, pure=False):
    """Run ``code`` in a fresh interpreter, with the plain modules when ``pure``."""
    env = dict(os.environ)
    env.pop("GRAPHBUILD_PURE_PYTHON", None)
    if pure:
        env["GRAPHBUILD_PURE_PYTHON"] = "1"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True)


def _python(code, *args, pure=False):
    return _run(code, *args, pure=pure).stdout


def _require_compiled():
    if compiled_modules():
        return
    message = "nothing is compiled (no C compiler or Cython at install time, or GRAPHBUILD_PURE_PYTHON set)"
    if IN_CI:
        pytest.fail(f"{message}: CI measures and tests the compiled build")
    pytest.skip(message)


def test_every_extractor_module_is_listed_for_compiling():
    modules = sorted(
        f"extractors.{path.stem}" for path in (ROOT / "extractors").glob("*.py") if path.name != "__init__.py"
    )
    assert sorted(LISTED) == modules + ["graphbuild.extraction"]


def test_the_listed_modules_run_compiled():
    _require_compiled()
    assert compiled_modules() == sorted(LISTED)
    import extractors.proposed

    assert not extractors.proposed.__file__.endswith(".py")


def test_compiled_and_plain_modules_extract_the_same():
    _require_compiled()
    source = CORPUS if CORPUS.is_dir() else ROOT / "graphbuild" / "examples" / "example_listing.txt"
    pure_files = _python("import extractors.proposed as m; print(m.__file__)", pure=True)
    assert pure_files.strip().endswith(".py")
    compiled, plain = _python(_EXTRACT, str(source)), _python(_EXTRACT, str(source), pure=True)
    assert compiled.count("\n") >= 3
    assert compiled == plain


def test_a_source_changed_since_the_build_is_found(tmp_path):
    module = tmp_path / "pkg" / "mod.py"
    module.parent.mkdir()
    module.write_text("X = 1\n")
    manifest = {"pkg.mod": hashlib.sha256(module.read_bytes()).hexdigest(), "pkg.gone": "0" * 64}
    assert stale_modules(manifest, tmp_path) == {}
    assert stale_modules(manifest, tmp_path, pure=True) == {"pkg.mod": str(module)}
    module.write_text("X = 2\n")
    assert stale_modules(manifest, tmp_path) == {"pkg.mod": str(module)}
    left = tmp_path / "pkg" / "left.py"  # compiled by an earlier build, not by the last one
    left.write_text("Y = 1\n")
    assert stale_modules(manifest, tmp_path, built={"pkg.left"}) == {"pkg.left": str(left), "pkg.mod": str(module)}


def test_an_edited_module_is_imported_from_its_source():
    """With text_search's recorded hash made stale (as an edit would): it alone runs from its .py,
    and the warning says how to rebuild."""
    _require_compiled()
    code = f"""
import importlib.util, json
spec = importlib.util.spec_from_file_location("probe", {str(ROOT / "graphbuild" / "compiled.py")!r})
probe = importlib.util.module_from_spec(spec)
spec.loader.exec_module(probe)
recorded = probe._recorded()
recorded["extractors.text_search"] = "0" * 64
probe._recorded = lambda: recorded
print(probe.use_current_sources())
import extractors.text_search, extractors.shapes
print(extractors.text_search.__file__)
print(extractors.shapes.__file__)
"""
    run = _run(code)
    names, edited, untouched = run.stdout.splitlines()
    assert names == "['extractors.text_search']"
    assert edited.endswith("extractors/text_search.py")
    assert not untouched.endswith(".py")
    assert "graphbuild runs extractors/text_search.py from source" in run.stderr
    assert "pip install -e ." in run.stderr
