"""The initialised extraction pipeline, kept on disk so that a command starts in about a second.

Building the pipeline reads every data file and tokenizes every spelling of every known name:
seconds of work that would otherwise repeat on every command and in every spawned worker. The
first command that needs a pipeline builds it once, saves it with ``nlp.to_disk`` into the cache
folder, and every later command loads it with ``spacy.load``.

A saved pipeline lives in a folder named after its key: a hash of the contents of the built-in
data files and the user's gazetteers (and their paths), the spaCy and graphbuild versions and the
extractors' source code. A changed data file or gazetteer therefore gets a pipeline of its own,
built afresh. Each folder carries a manifest with the SHA-256 of every file in it; a folder
whose files do not match it, or that fails to load, is reported, removed and rebuilt, never used.
A pipeline is saved into a temporary folder and renamed into place, so no reader ever sees a
half-written one. The cache folder is ``GRAPHBUILD_CACHE_DIR`` when set, else
``$XDG_CACHE_HOME/graphbuild/pipelines`` (``~/.cache/graphbuild/pipelines``); the eight most
recently used pipelines are kept.
"""

import gc
import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

import spacy

import extractors
from extractors import build_pipeline
from extractors.resources import digest
from graphbuild import __version__

__all__ = ["cache_folder", "pipeline_key", "load_pipeline", "load_saved", "CorruptPipelineError"]

MANIFEST = "graphbuild-manifest.json"
KEEP = 8  # saved pipelines kept in the cache folder
_log = logging.getLogger("graphbuild")


class CorruptPipelineError(RuntimeError):
    """A saved pipeline's files do not match its manifest."""


def cache_folder():
    """Where saved pipelines live: ``GRAPHBUILD_CACHE_DIR``, else the user's cache folder."""
    configured = os.environ.get("GRAPHBUILD_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "graphbuild" / "pipelines"


def pipeline_key(gazetteers=()):
    """The key of the pipeline for ``gazetteers``: it changes with any data file, user gazetteer,
    extractor source file, spaCy or graphbuild version."""
    sha = hashlib.sha256()
    sha.update(f"graphbuild {__version__}\0spacy {spacy.__version__}\0".encode())
    sha.update(digest(gazetteers).encode())
    for source in sorted(Path(extractors.__file__).parent.glob("*.py")):
        sha.update(source.name.encode() + b"\0" + hashlib.sha256(source.read_bytes()).digest())
    return sha.hexdigest()[:32]


def load_pipeline(gazetteers=(), folder=None):
    """The initialised extraction pipeline for ``gazetteers`` and the folder it was loaded from.

    Loads the saved pipeline when the cache holds a sound one; otherwise builds it, saves it and
    loads what was saved. Where the cache folder cannot be written, the pipeline is built in
    memory (with a warning) and the folder returned is None.
    """
    folder = Path(folder) if folder is not None else cache_folder()
    saved = folder / pipeline_key(gazetteers)
    if saved.exists():
        try:
            nlp = load_saved(saved)
        except Exception as error:  # whatever is wrong with it, the pipeline is rebuilt
            _log.warning("graphbuild: the saved extraction pipeline in %s is unusable (%s); rebuilding it", saved, error)
            shutil.rmtree(saved, ignore_errors=True)
        else:
            _touch(saved)
            return nlp, saved
    nlp = build_pipeline(gazetteers)
    try:
        _save(nlp, saved)
    except OSError as error:
        _log.warning(
            "graphbuild: cannot save the extraction pipeline in %s (%s); building it on every run. "
            "Set GRAPHBUILD_CACHE_DIR to a writable folder to start faster.",
            folder, error.strerror or error,
        )
        return nlp, None
    _prune(folder, current=saved)
    try:
        return load_saved(saved), saved
    except Exception as error:  # changed under our feet by another process: use the one built here
        _log.warning("graphbuild: the extraction pipeline saved in %s is unusable (%s)", saved, error)
        return nlp, None


def load_saved(saved):
    """Load the pipeline saved in folder ``saved`` once its files match its manifest; raise
    otherwise (a missing manifest, a changed or added file, a pipeline spaCy cannot load)."""
    saved = Path(saved)
    manifest = json.loads((saved / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("key") != saved.name:
        raise CorruptPipelineError(f"its manifest is for key {manifest.get('key')!r}")
    found, expected = _hashes(saved), manifest.get("files") or {}
    changed = sorted(name for name in set(found) | set(expected) if found.get(name) != expected.get(name))
    if changed:
        raise CorruptPipelineError(f"files differ from its manifest: {', '.join(changed)}")
    # Loading makes a few hundred thousand objects that live as long as the process; the garbage
    # collector would walk them all several times on the way (about a third of the load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return spacy.load(saved)
    finally:
        if collecting:
            gc.enable()


def _hashes(saved):
    """Relative path -> SHA-256 of every file of a saved pipeline but the manifest."""
    return {
        path.relative_to(saved).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(saved.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }


def _save(nlp, saved):
    """Save ``nlp`` with its manifest into a temporary folder beside ``saved`` and rename it
    there; when another process got there first, its pipeline stays and this one is dropped."""
    saved.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{saved.name}-", dir=saved.parent))
    try:
        nlp.to_disk(temporary)
        manifest = {"key": saved.name, "spacy": spacy.__version__, "graphbuild": __version__, "files": _hashes(temporary)}
        (temporary / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        try:
            os.rename(temporary, saved)
        except OSError:
            if not saved.is_dir():
                raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _touch(saved):
    try:
        os.utime(saved)
    except OSError:
        pass


def _prune(folder, current):
    """Remove all but the ``KEEP`` most recently used saved pipelines (and any left-over
    temporary folder of a run that was killed while saving, once it is an hour old)."""
    try:
        entries = [path for path in folder.iterdir() if path.is_dir()]
    except OSError:
        return
    saved = sorted((p for p in entries if not p.name.startswith(".")), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in saved[KEEP:]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)
    for leftover in (p for p in entries if p.name.startswith(".")):
        try:
            if leftover.stat().st_mtime < current.stat().st_mtime - 3600:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass
