"""spaCy components that find what a paper abstract names, and the pipeline that runs them.

Each component finds one kind of thing and writes spans (``doc.spans[...]``) or plain values
(``doc._.abbreviations``, ``doc._.results``); gazetteers and cue words are data files in
``extractors/data``. ``build_pipeline`` assembles them on ``spacy.blank("en")``: no model download
is ever needed. A user who has a trained pipeline installed may pass its name as ``base``.
"""

from pathlib import Path

import spacy
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex

# Importing the modules registers their factories with spaCy.
from extractors import (  # noqa: F401
    abbreviations,
    benchmarks,
    gazetteer,
    links,
    methods,
    models,
    proposed,
    results,
    sections,
)

__all__ = ["build_pipeline", "GAZETTEERS", "SPAN_KEYS"]

#: Gazetteer components: (pipe name, label, span group, built-in files).
GAZETTEERS = (
    ("benchmark_gazetteer", "BENCHMARK", "benchmarks", ["benchmarks.jsonl"]),
    ("model_gazetteer", "MODEL", "models", ["models.jsonl"]),
    ("method_gazetteer", "METHOD", "methods", ["methods.jsonl"]),
    ("task_gazetteer", "TASK", "tasks", ["task_phrases.txt"]),
)

#: Span groups the pipeline fills.
SPAN_KEYS = ("links", "proposed", "benchmarks", "models", "methods", "method_shapes", "tasks")


def _name_friendly_tokenizer(nlp):
    """The pipeline's tokenizer with two suffix rules changed for names.

    Names are not measurements: spaCy's default suffixes split a unit after a number, which cuts
    "GSM8K" into "GSM8" + "K". And a sentence-final period after a name ending in a capital or a
    digit ("on GSM8K.", "Llama 3.2 3B.") is punctuation, which the defaults keep attached. The
    tokenizer is built anew rather than patched: assigning ``suffix_search`` on a live tokenizer
    can leave it without its cache, several times slower.
    """
    old = nlp.tokenizer
    suffixes = [s for s in nlp.Defaults.suffixes if "km" not in s]  # drop the units rule
    return Tokenizer(
        nlp.vocab,
        rules=nlp.Defaults.tokenizer_exceptions,
        prefix_search=old.prefix_search,
        suffix_search=compile_suffix_regex(suffixes + [r"(?<=[A-Za-z0-9+*])\."]).search,
        infix_finditer=old.infix_finditer,
        token_match=old.token_match,
        url_match=old.url_match,
    )


def _gazetteer_files(paths):
    files = []
    for path in paths or ():
        path = Path(path)
        files.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    return files


def build_pipeline(base=None, gazetteers=()):
    """A ready pipeline: the extractors on ``spacy.blank("en")`` (or the trained ``base``).

    Parameters
    ----------
    base : str, optional
        Name of an installed trained pipeline (e.g. "en_core_web_sm") to start from; only its
        sentence boundaries are used. Never needed.
    gazetteers : list of paths, optional
        User gazetteer files or folders of ``*.jsonl`` files, read in addition to the built-in
        ones: lines ``{"label": "BENCHMARK" | "METHOD" | "MODEL" | "TASK", "pattern", "id"}``,
        ``{"label": "MODEL_FAMILY", "family": ..., "pattern": ...}`` for model families, and ``{"label": "NOT_METHOD",
        "pattern": ...}`` for the stop list.
    """
    if base:
        nlp = spacy.load(base, exclude=["ner", "lemmatizer", "attribute_ruler", "tagger"])
    else:
        nlp = spacy.blank("en")
    nlp.tokenizer = _name_friendly_tokenizer(nlp)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("graphbuild_sections")
    nlp.add_pipe("graphbuild_links")
    nlp.add_pipe("graphbuild_abbreviations")
    for name, label, spans_key, files in GAZETTEERS:
        nlp.add_pipe("graphbuild_gazetteer", name=name, config={"label": label, "spans_key": spans_key, "files": files})
        if label == "BENCHMARK":
            nlp.add_pipe("graphbuild_benchmarks")
        elif label == "MODEL":
            nlp.add_pipe("graphbuild_models")
        elif label == "METHOD":
            nlp.add_pipe("graphbuild_proposed")
            nlp.add_pipe("graphbuild_methods")
    nlp.add_pipe("graphbuild_results")
    extra = _gazetteer_files(gazetteers)
    for name, component in nlp.pipeline:
        if hasattr(component, "initialize") and name.startswith(("graphbuild", "benchmark_", "model_", "method_", "task_")):
            component.initialize(lambda: [], nlp=nlp, extra_files=extra)
    # Tokenising tens of thousands of gazetteer patterns leaves the tokenizer's cache in a state
    # that makes it about three times slower on prose; a fresh tokenizer with the same rules
    # (the vocabulary, and so the patterns, are shared) runs at full speed.
    nlp.tokenizer = _name_friendly_tokenizer(nlp)
    return nlp
