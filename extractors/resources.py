"""The data every component reads, loaded once: known names, cue words and stop lists.

The built-in data lives in ``extractors/data``; users add gazetteer files of their own
(``--gazetteer PATH``). ``load_resources`` reads all of it into one ``Resources``, and
``nlp.initialize()`` hands that one object to every component through the registered function
``graphbuild.resources.v1`` (see ``extractors.pipeline``). This is the only module that opens a
data file: every component reads the same merged lists, so a user's gazetteer counts everywhere
at once (a name it lists is known to the proposal rules too, a ``NOT_METHOD`` line is a stop word
for every rule that has one).

Gazetteer files are JSON Lines in spaCy's pattern form, ``{"label": "BENCHMARK", "pattern":
"MATH500", "id": "MATH-500"}``: ``pattern`` a surface form, ``id`` the concept's canonical name, so
aliases are lines sharing an ``id``. Labels: ``BENCHMARK``, ``METHOD``, ``MODEL``, ``TASK``,
``NOT_METHOD`` (stop list) and ``MODEL_FAMILY`` (``{"label": "MODEL_FAMILY", "family": "Qwen",
"pattern": "Qwen"}``). Plain-text lists hold one entry per line, ``#`` starting a comment.

Examples
--------
>>> resources = load_resources()
>>> [(entry.pattern, entry.key) for entry in resources.gazetteers["BENCHMARK"] if entry.id == "MATH-500"]
[('MATH-500', 'math-500')]
>>> "llm" in {name.lower() for name in resources.not_names}
True
"""

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import spacy

from extractors.normalize import concept_key

__all__ = [
    "DATA_DIR",
    "GAZETTEER_LABELS",
    "GazetteerError",
    "GazetteerEntry",
    "FamilyEntry",
    "Resources",
    "load_resources",
    "gazetteer_files",
    "data_files",
    "read_entries",
    "read_families",
    "read_list",
]

DATA_DIR = Path(__file__).parent / "data"

#: Labels of the names a gazetteer finds, with the built-in file of each.
GAZETTEER_LABELS = {
    "BENCHMARK": "benchmarks.jsonl",
    "MODEL": "models.jsonl",
    "METHOD": "methods.jsonl",
    "TASK": "task_phrases.txt",
}
_LISTS = {
    "model_variants": "model_variants.txt",
    "not_names": "not_methods.txt",
    "benchmark_cues": "benchmark_cues.txt",
    "evaluation_words": "evaluation_words.txt",
    "generic_heads": "generic_heads.txt",
    "method_heads": "method_heads.txt",
    "metrics": "metrics.txt",
    "result_units": "result_units.txt",
    "task_vocabulary": "task_vocabulary.txt",
}
_JSON = {"proposal_cues": "proposal_cues.json", "method_contexts": "method_contexts.json", "task_model": "task_model.json"}
_FAMILIES = "model_families.jsonl"


class GazetteerError(ValueError):
    """A gazetteer or data file is unreadable or has a malformed line (the message names file and
    line)."""


@dataclass(frozen=True)
class GazetteerEntry:
    """One surface form of a known concept."""

    label: str
    pattern: str
    id: str
    case_sensitive: bool = False

    @property
    def key(self):
        return concept_key(self.id)


@dataclass(frozen=True)
class FamilyEntry:
    """A model family: its canonical name and one way it is written."""

    family: str
    pattern: str
    case_sensitive: bool = False
    needs_version: bool = False


class Resources:
    """Everything the components read, built-in data and the user's gazetteers merged.

    ``gazetteers`` maps each of ``GAZETTEER_LABELS`` to its entries (built-in first, then the
    user's, in file order); ``not_names`` is the stop list (``not_methods.txt`` and every
    ``NOT_METHOD`` line); ``model_families`` the built-in families and every ``MODEL_FAMILY`` line.
    ``files`` lists every file read, in order. A plain class rather than a dataclass: spaCy
    validates ``initialize`` settings with pydantic, which would turn a dataclass into a dict.
    """

    __slots__ = (
        "gazetteers", "model_families", "model_variants", "not_names", "benchmark_cues", "evaluation_words", "generic_heads",
        "method_heads", "metrics", "result_units", "proposal_cues", "method_contexts", "task_model", "task_vocabulary",
        "files",
    )

    def __init__(self, **fields):
        for name in self.__slots__:
            object.__setattr__(self, name, fields[name])

    def __setattr__(self, name, value):
        raise AttributeError("Resources are read-only: load new ones with load_resources()")

    def known_keys(self):
        """Concept keys of every method, model and benchmark a gazetteer knows, by its id and
        by each surface form: "a novel RLHF algorithm" does not propose RLHF.

        >>> "zebraformer" in load_resources().known_keys()
        False
        """
        return frozenset(
            key
            for label in ("METHOD", "MODEL", "BENCHMARK")
            for entry in self.gazetteers[label]
            for key in (entry.key, concept_key(entry.pattern))
        )


def read_entries(path, label=None):
    """Read a JSON Lines gazetteer; keep only entries of ``label`` when given."""
    path = Path(path)
    entries = []
    for number, obj in _json_lines(path, 'expected {"label": ..., "pattern": ..., "id": ...}'):
        try:
            if label is not None and str(obj.get("label", "")).upper() != label:
                continue
            entry = GazetteerEntry(
                label=str(obj["label"]).upper(),
                pattern=str(obj["pattern"]),
                id=str(obj.get("id") or obj["pattern"]),
                case_sensitive=bool(obj.get("case_sensitive", False)),
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise GazetteerError(
                f'{path}:{number}: not a gazetteer entry ({error}); expected {{"label": ..., '
                f'"pattern": ..., "id": ...}}'
            ) from None
        if not entry.pattern.strip() or not entry.key:
            raise GazetteerError(f"{path}:{number}: empty pattern or id")
        entries.append(entry)
    return entries


def read_families(path, label=None):
    """Read model families from JSON Lines: ``{"family", "pattern", "case_sensitive",
    "needs_version"}`` per line; with ``label``, only lines whose "label" is that value."""
    path = Path(path)
    entries = []
    for number, obj in _json_lines(path, 'expected {"family": ..., "pattern": ...}'):
        try:
            if label is not None and obj.get("label") != label:
                continue
            entries.append(
                FamilyEntry(
                    family=str(obj["family"]),
                    pattern=str(obj["pattern"]),
                    case_sensitive=bool(obj.get("case_sensitive", False)),
                    needs_version=bool(obj.get("needs_version", False)),
                )
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise GazetteerError(
                f'{path}:{number}: not a model family ({error}); expected {{"family": ..., "pattern": ...}}'
            ) from None
    return entries


def read_list(path):
    """Read a one-entry-per-line list, skipping blank lines and ``#`` comments."""
    lines = _read_text(Path(path), "list").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def gazetteer_files(paths):
    """The user's gazetteer files: each path as given, a folder as its ``*.jsonl`` files (sorted)."""
    files = []
    for path in paths or ():
        path = Path(path)
        files.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    return files


def data_files(gazetteers=()):
    """Every file ``load_resources(gazetteers)`` reads: the built-in data, then the user's."""
    builtin = [*GAZETTEER_LABELS.values(), _FAMILIES, *_LISTS.values(), *_JSON.values()]
    return [DATA_DIR / name for name in builtin] + gazetteer_files(gazetteers)


def digest(gazetteers=()):
    """SHA-256 over the names and contents of every file the resources are read from: it changes
    whenever a data file or a user gazetteer does."""
    sha = hashlib.sha256()
    for path in data_files(gazetteers):
        try:
            content = path.read_bytes()
        except OSError as error:
            raise GazetteerError(f"{path}: cannot read gazetteer ({error.strerror or error})") from None
        sha.update(str(path.resolve()).encode() + b"\0" + hashlib.sha256(content).digest())
    return sha.hexdigest()


def load_resources(gazetteers=()):
    """Read the built-in data and the user's gazetteer files (paths or folders of ``*.jsonl``)
    into one ``Resources``. A process reads the same unchanged files once: the result is kept
    while no file moves or changes its size or modification time."""
    files = tuple(str(Path(f).resolve()) for f in gazetteer_files(gazetteers))
    return _load(files, tuple(_stamp(path) for path in (*data_files(), *files)))


@functools.lru_cache(maxsize=8)
def _load(user_files, stamps):
    gazetteers = {}
    for label, name in GAZETTEER_LABELS.items():
        path = DATA_DIR / name
        if path.suffix == ".jsonl":
            entries = read_entries(path, label)
        else:
            entries = [GazetteerEntry(label, p, p) for p in read_list(path)]
        gazetteers[label] = entries
    families = read_families(DATA_DIR / _FAMILIES)
    lists = {field: read_list(DATA_DIR / name) for field, name in _LISTS.items()}
    documents = {}
    for field, name in _JSON.items():
        try:
            documents[field] = json.loads(_read_text(DATA_DIR / name, "data file"))
        except ValueError as error:
            raise GazetteerError(f"{DATA_DIR / name}: not JSON ({error})") from None
    for file in user_files:
        user = read_entries(file)
        for label, entries in gazetteers.items():
            entries.extend(entry for entry in user if entry.label == label)
        lists["not_names"].extend(entry.pattern for entry in user if entry.label == "NOT_METHOD")
        families.extend(read_families(file, label="MODEL_FAMILY"))
    return Resources(
        gazetteers=MappingProxyType({label: tuple(entries) for label, entries in gazetteers.items()}),
        model_families=tuple(families),
        **{field: tuple(values) for field, values in lists.items()},
        **{field: MappingProxyType(value) for field, value in documents.items()},
        files=tuple(str(path) for path in data_files()) + user_files,
    )


def _stamp(path):
    """What tells a file apart from its earlier self: where it is, its size and its modification
    time."""
    try:
        status = Path(path).stat()
    except OSError:
        return str(path), None  # reading it will say what is wrong
    return str(path), status.st_size, status.st_mtime_ns


def _read_text(path, kind):
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise GazetteerError(f"{path}: cannot read {kind} ({reason})") from None


def _json_lines(path, expected):
    """(line number, object) of each non-blank, non-comment line of a JSON Lines file."""
    for number, line in enumerate(_read_text(path, "gazetteer").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            raise GazetteerError(f"{path}:{number}: not a gazetteer entry ({error}); {expected}") from None
        if not isinstance(obj, dict):
            raise GazetteerError(f"{path}:{number}: not a gazetteer entry (a JSON object per line); {expected}")
        yield number, obj


@spacy.registry.misc("graphbuild.resources.v1")
def make_resources(gazetteers=()):
    """The registered function the pipeline's ``[initialize]`` settings call, so that
    ``nlp.initialize()`` hands every component the same ``Resources``."""
    return load_resources(gazetteers)
