"""The compiled build: every per-abstract module is compiled, extracts exactly what the plain
modules extract, and a source edited after the build runs as edited."""

import hashlib
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
        f"extractors.{path.stem}"
        for pattern in ("*.py", "*.pyx")
        for path in (ROOT / "extractors").glob(pattern)
        if path.name != "__init__.py"
    )
    assert sorted(LISTED) == modules + ["graphbuild.extraction"]


def test_the_listed_modules_run_compiled():
    _require_compiled()
    assert compiled_modules() == sorted(LISTED)
    import extractors._token_reads
    import extractors.proposed
    import extractors.token_reads

    assert not extractors.proposed.__file__.endswith(".py")
    assert extractors.token_reads.aligned is extractors._token_reads.aligned


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


def _with_stale_build(module):
    """Code that records a wrong hash for ``module`` (as an edit, or another spaCy release,
    would make it) before ``graphbuild.compiled`` decides what to import, and prints its answer."""
    return f"""
import importlib.util
spec = importlib.util.spec_from_file_location("probe", {str(ROOT / "graphbuild" / "compiled.py")!r})
probe = importlib.util.module_from_spec(spec)
spec.loader.exec_module(probe)
recorded = probe._recorded()
recorded[{module!r}] = "0" * 64
probe._recorded = lambda: recorded
print(probe.use_current_sources())"""


def test_an_edited_module_is_imported_from_its_source():
    """With text_search's recorded hash made stale (as an edit would): it alone runs from its .py,
    and the warning says how to rebuild."""
    _require_compiled()
    code = _with_stale_build("extractors.text_search") + """
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


def test_a_cython_module_built_for_another_spacy_release_is_found(tmp_path, monkeypatch):
    import graphbuild.compiled as compiled

    module = tmp_path / "pkg" / "reads.pyx"
    module.parent.mkdir()
    module.write_text("def f(): pass\n")
    manifest = {"pkg.reads": compiled.source_hash(module)}
    assert stale_modules(manifest, tmp_path) == {}
    monkeypatch.setattr(compiled, "_spacy_release", lambda: "9.9")
    assert stale_modules(manifest, tmp_path) == {"pkg.reads": str(module)}


def test_an_out_of_date_cython_module_gives_way_to_the_plain_reads():
    """With _token_reads' recorded hash made stale (as another spaCy release would): it is not
    imported, token_reads keeps its plain functions, extraction works, and the warning says so."""
    _require_compiled()
    code = _with_stale_build("extractors._token_reads") + """
import extractors.token_reads
print(extractors.token_reads.aligned.__module__)
from graphbuild.extraction import Extractor
extraction = Extractor().extract_one("p", "LADDER: Self-Improving LLMs. We propose LADDER, evaluated on MATH500.")
print(sorted((m.kind, m.text) for m in extraction.mentions))
"""
    run = _run(code)
    names, module, proposed = run.stdout.splitlines()
    assert names == "['extractors._token_reads']"
    assert module == "extractors.token_reads"
    assert proposed == "[('benchmark', 'MATH500'), ('proposed', 'LADDER')]"
    assert "does not use its compiled _token_reads.pyx" in run.stderr
    assert "--no-build-isolation" in run.stderr
