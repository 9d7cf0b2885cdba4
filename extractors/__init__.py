"""spaCy components that find what a paper abstract names, and the pipeline that runs them.

Each component finds one kind of thing and writes plain values: findings (``doc._.proposed``,
``doc._.benchmarks``, ..., see ``extractors.doc_values``), ``doc._.abbreviations``,
``doc._.results``. Known names, cue words and stop lists are data (``extractors/data``, read once
by ``extractors.resources``). ``build_pipeline`` assembles the components on ``spacy.blank("en")``:
no model download is ever needed. The components are registered spaCy factories
(``graphbuild_links``, ``graphbuild_gazetteer``, ...), also exposed through the
``spacy_factories`` entry point, so ``nlp.add_pipe("graphbuild_links")`` works in any pipeline.
This package depends on spaCy only, never on ``graphbuild``.
"""

# Importing the modules registers their factories, the tokenizer and the resources with spaCy.
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
    task_choice,
    tokenizer,
)
from extractors.pipeline import COMPONENTS, build_pipeline, initialize_components
from extractors.resources import GazetteerError, load_resources

__all__ = ["COMPONENTS", "GazetteerError", "build_pipeline", "initialize_components", "load_resources"]
