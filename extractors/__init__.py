"""spaCy components that find what a paper abstract names, and the pipeline that runs them.

Each component finds one kind of thing and writes plain values: findings (``doc._.proposed``,
``doc._.benchmarks``, ..., see ``extractors.doc_values``), ``doc._.abbreviations``,
``doc._.results``; gazetteers and cue words are data files in
``extractors/data``. ``build_pipeline`` assembles them on ``spacy.blank("en")``: no model download
is ever needed. A user who has a trained pipeline installed may pass its name as ``base``.
"""

import json
from pathlib import Path

import spacy
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex

import graphbuild  # noqa: F401  (first: a module edited since it was compiled runs from source)

# Importing the modules registers their factories with spaCy.
from extractors import (  # noqa: F401
    abbreviations,
    benchmarks,
    gazetteer,
    lexicon,
    links,
    methods,
    models,
    proposed,
    results,
)
from extractors.gazetteer import DATA_DIR, read_list

__all__ = ["build_pipeline", "GAZETTEERS"]

#: Gazetteer sources: (label, findings group, built-in files); one matcher serves them all.
GAZETTEERS = (
    ("BENCHMARK", "benchmarks", ["benchmarks.jsonl"]),
    ("MODEL", "models", ["models.jsonl"]),
    ("METHOD", "methods", ["methods.jsonl"]),
    ("TASK", "tasks", ["task_phrases.txt"]),
)


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


def _word_classes(nlp):
    """The lexicon's word classes, from the data files the components use."""
    cues = json.loads((DATA_DIR / "proposal_cues.json").read_text(encoding="utf-8"))
    families = [f.pattern for f in nlp.get_pipe("graphbuild_models").grammar.families]
    return lexicon.WordClasses(
        families=families,
        cues=[c for c in read_list(DATA_DIR / "benchmark_cues.txt") if " " not in c],
        intro=cues["intro_verbs"] + cues["intro_gerunds"],
        naming=cues["naming_verbs"],
        we_naming=cues["we_naming_verbs"],
        novelty=cues["novelty_words"],
    )


def build_pipeline(base=None, gazetteers=()):
    """A ready pipeline: the extractors on ``spacy.blank("en")`` (or the trained ``base``).

    Parameters
    ----------
    base : str, optional
        Name of an installed trained pipeline (e.g. "en_core_web_sm") to start from; its
        sentence boundaries then locate evidence. Never needed.
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
    nlp.add_pipe("graphbuild_lexicon")
    nlp.add_pipe("graphbuild_links")
    nlp.add_pipe("graphbuild_abbreviations")
    nlp.add_pipe("graphbuild_gazetteer", name="gazetteers", config={"sources": [list(g) for g in GAZETTEERS]})
    nlp.add_pipe("graphbuild_benchmarks")
    nlp.add_pipe("graphbuild_models")
    nlp.add_pipe("graphbuild_proposed")
    nlp.add_pipe("graphbuild_methods")
    nlp.add_pipe("graphbuild_results")
    extra = _gazetteer_files(gazetteers)
    for name, component in nlp.pipeline:
        if hasattr(component, "initialize") and name.startswith(("graphbuild", "gazetteers")):
            component.initialize(lambda: [], nlp=nlp, extra_files=extra)
    nlp.get_pipe("graphbuild_lexicon").configure(_word_classes(nlp))
    # Tokenising tens of thousands of gazetteer patterns leaves the tokenizer's cache in a state
    # that makes it about three times slower on prose; a fresh tokenizer with the same rules
    # (the vocabulary, and so the patterns, are shared) runs at full speed.
    nlp.tokenizer = _name_friendly_tokenizer(nlp)
    return nlp
