"""Which extraction modules run compiled, and the source for those edited since their build.

The build (``graphbuild/cython_build.py``) compiles the extractors and the assembly with Cython
where it can, and records the SHA-256 of each source it compiled in ``compiled_sources.json``.
Python imports a compiled module before the ``.py`` beside it, so a source edited after the build
(a checkout of another commit, a fix being tried) would silently not run. ``use_current_sources``, run once when ``graphbuild`` is
imported, compares the hashes and has every changed module imported from its source instead,
with a warning that says how to rebuild. ``GRAPHBUILD_PURE_PYTHON=1`` imports them all from
source.
"""

import hashlib
import importlib.machinery
import importlib.metadata
import importlib.util
import json
import os
import sys
import warnings
from pathlib import Path

__all__ = ["use_current_sources", "stale_modules", "compiled_modules", "source_path", "source_hash"]

MANIFEST_NAME = "compiled_sources.json"  # written by the build beside this module
_MANIFEST = Path(__file__).with_name(MANIFEST_NAME)
_ROOT = Path(__file__).resolve().parents[1]
_from_source = {}  # module name -> path of the source it is imported from


class _SourceFinder:
    """Import hook: the listed modules from their ``.py`` files, ahead of their compiled builds;
    a listed module written in Cython (``.pyx``) is not imported at all, and its plain Python
    counterpart does the work."""

    def __init__(self, sources):
        self.sources = sources

    def find_spec(self, name, path=None, target=None):
        source = self.sources.get(name)
        if source is None:
            return None
        if source.endswith(".pyx"):
            raise ModuleNotFoundError(f"{name} is not used: its build is out of date (graphbuild.compiled)", name=name)
        return importlib.util.spec_from_file_location(name, source)


def source_path(root, name):
    """The source of module ``name`` under ``root``: its ``.py``, or the ``.pyx`` of one written
    in Cython. The build (``graphbuild/cython_build.py``) loads this module to use the same
    rules."""
    base = Path(root).joinpath(*name.split("."))
    return base.with_suffix(".py") if base.with_suffix(".py").is_file() else base.with_suffix(".pyx")


def _spacy_release():
    try:
        return ".".join(importlib.metadata.version("spacy").split(".")[:2])
    except importlib.metadata.PackageNotFoundError:
        return ""


def source_hash(path):
    """The SHA-256 of a source, as the build records it; of a ``.pyx``, with the spaCy release
    whose C declarations it is compiled against (a build is good for that release only)."""
    data = Path(path).read_bytes()
    if Path(path).suffix == ".pyx":
        data += b"\0spacy " + _spacy_release().encode()
    return hashlib.sha256(data).hexdigest()


def _recorded():
    try:
        return json.loads(_MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # never compiled: every module is plain Python already


def stale_modules(manifest, root, pure=False, built=()):
    """Module name -> source path of each module in ``manifest`` (module name -> SHA-256 of the
    source it was compiled from) whose source under ``root`` differs now, and of each module in
    ``built`` (those with a compiled file) that the manifest does not list, left by an earlier
    build; every module with a source, when ``pure``."""
    stale = {}
    for name in sorted(set(manifest) | set(built)):
        source = source_path(root, name)
        digest = manifest.get(name)
        if source.is_file() and (pure or digest is None or source_hash(source) != digest):
            stale[name] = str(source)
    return stale


def _built_modules():
    """Names of the modules of our packages that have a compiled file beside them."""
    suffixes = sorted(importlib.machinery.EXTENSION_SUFFIXES, key=len, reverse=True)  # ".cpython-311-...so" before ".so"
    names = set()
    for package in ("extractors", "graphbuild"):
        for path in (_ROOT / package).iterdir():
            suffix = next((s for s in suffixes if path.name.endswith(s)), None)
            if suffix is not None:
                names.add(f"{package}.{path.name[: -len(suffix)]}")
    return names


def use_current_sources():
    """Import from source each compiled module whose source changed since it was compiled (or
    every one, with ``GRAPHBUILD_PURE_PYTHON`` set); returns the names of those modules."""
    if any(isinstance(finder, _SourceFinder) for finder in sys.meta_path):
        return sorted(_from_source)
    pure = bool(os.environ.get("GRAPHBUILD_PURE_PYTHON"))
    _from_source.update(stale_modules(_recorded(), _ROOT, pure, _built_modules()))
    if _from_source:
        sys.meta_path.insert(0, _SourceFinder(_from_source))
    if _from_source and not pure:
        changed = [str(Path(path).relative_to(_ROOT)) for path in _from_source.values() if path.endswith(".py")]
        if changed:
            one = len(changed) == 1
            warnings.warn(
                f"graphbuild runs {', '.join(changed)} from source, as plain Python (slower): "
                f"{'it' if one else 'they'} changed since {'it was' if one else 'they were'} compiled, or the last build did not compile "
                f"{'it' if one else 'them'}. Rebuild with: pip install -e .",
                stacklevel=2,
            )
        for path in _from_source.values():
            if path.endswith(".pyx"):
                warnings.warn(
                    f"graphbuild does not use its compiled {Path(path).name} (its plain Python counterpart is slower): "
                    f"it changed since it was compiled, or was compiled against another spaCy release than the installed "
                    f"{_spacy_release() or '(none)'}. Rebuild with: pip install -e . (add --no-build-isolation to compile "
                    "against the installed spaCy rather than the newest one)",
                    stacklevel=2,
                )
    return sorted(_from_source)


def compiled_modules():
    """Names of the modules this process runs compiled (imported or not yet)."""
    return sorted((set(_recorded()) & _built_modules()) - set(_from_source))
