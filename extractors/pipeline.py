"""The extraction pipeline: graphbuild's components in order, initialised once from the resources.

``build_pipeline`` adds the components to ``spacy.blank("en")`` (with the name-friendly tokenizer)
and runs ``nlp.initialize()``, whose ``[initialize]`` settings give every component the same
``Resources`` through the registered function ``graphbuild.resources.v1``. The result is an
ordinary spaCy pipeline: ``nlp.to_disk(path)`` saves it with all its data, and ``spacy.load(path)``
loads it again without reading a data file or tokenizing a gazetteer.

>>> import spacy, tempfile
>>> nlp = build_pipeline()
>>> with tempfile.TemporaryDirectory() as folder:
...     nlp.to_disk(folder)
...     loaded = spacy.load(folder)
>>> loaded.pipe_names == list(COMPONENTS)
True
>>> doc = loaded("ControlNet++: Improving Controls\\n\\nWe propose ControlNet++ and test it on MATH500.")
>>> [doc.text[start:end] for start, end, _, _ in doc._.benchmarks]
['MATH500']
"""

import spacy

from extractors.resources import gazetteer_files
from extractors.tokenizer import TOKENIZER, name_friendly_tokenizer

__all__ = ["COMPONENTS", "build_pipeline", "initialize_components"]

#: The components, in the order they run: each reads what the ones before it found.
COMPONENTS = (
    "graphbuild_lexicon",
    "graphbuild_links",
    "graphbuild_abbreviations",
    "graphbuild_gazetteer",
    "graphbuild_benchmarks",
    "graphbuild_models",
    "graphbuild_proposed",
    "graphbuild_methods",
    "graphbuild_results",
    "graphbuild_task_choice",
)
RESOURCES = "graphbuild.resources.v1"


def build_pipeline(gazetteers=(), base=None):
    """The extraction pipeline, initialised: graphbuild's components on ``spacy.blank("en")``.

    Parameters
    ----------
    gazetteers : list of paths, optional
        User gazetteer files, or folders of ``*.jsonl`` files, read with the built-in data
        (``extractors.resources``).
    base : str, optional
        Name or path of an installed trained pipeline (e.g. "en_core_web_sm") to start from; its
        sentence boundaries then locate evidence. Never needed.
    """
    if base:
        nlp = spacy.load(base, exclude=["ner", "lemmatizer", "attribute_ruler", "tagger"])
        nlp.tokenizer = name_friendly_tokenizer(nlp)
    else:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    initialize_components(nlp, gazetteers)
    return nlp


def initialize_components(nlp, gazetteers=()):
    """Run ``nlp.initialize()`` for graphbuild's components in ``nlp`` (leaving any trained
    component of a base pipeline as it is), all of them reading one ``Resources`` of the
    built-in data and ``gazetteers``."""
    settings = {"@misc": RESOURCES, "gazetteers": [str(path) for path in gazetteer_files(gazetteers)]}
    ours = [name for name, component in nlp.pipeline if nlp.get_pipe_meta(name).factory in COMPONENTS]
    for name in ours:
        nlp.config["initialize"]["components"][name] = {"resources": dict(settings)}
    with nlp.select_pipes(enable=ours):
        nlp.initialize()
    return nlp
