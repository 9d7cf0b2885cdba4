"""The extractors are an ordinary spaCy pipeline: registered factories anyone can add, one
``nlp.initialize()`` that gives every component its data, and ``to_disk``/``spacy.load``."""

import json
import subprocess
import sys

import pytest
import spacy

from extractors import COMPONENTS, build_pipeline
from extractors.component_data import NotInitialisedError
from extractors.sections import compose
from extractors.tokenizer import TOKENIZER

TEXT = compose(
    "LADDER: Self-Improving Models Through Recursion",
    "We introduce LADDER, trained from Qwen2.5 7B with GRPO, and reach 84.3 on AIME 2024 and "
    "72.2% accuracy on MATH500, beating Variational Score Distillation (VSD). "
    "Code: https://github.com/org/ladder.",
)
GROUPS = ("links", "proposed", "benchmarks", "models", "methods", "method_shapes", "tasks", "abbreviations", "results")


def findings(doc):
    return {group: [list(item) for item in getattr(doc._, group) or []] for group in GROUPS}


def run_python(code, tmp_path):
    """Run ``code`` in a new Python (in ``tmp_path``, so the project folder is not on its path:
    what it imports comes from the installed package, through spaCy's entry points)."""
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_component_is_a_factory_any_pipeline_can_add_through_the_entry_point(tmp_path):
    out = run_python(
        "import json, sys, spacy\n"
        f"names = {list(COMPONENTS)!r}\n"
        "nlp = spacy.blank('en')\n"
        "for name in names:\n"
        "    nlp.add_pipe(name)\n"
        "print(json.dumps([nlp.pipe_names, sorted(m for m in sys.modules if m.split('.')[0] == 'graphbuild')]))\n",
        tmp_path,
    )
    names, graphbuild_modules = json.loads(out)
    assert names == list(COMPONENTS)
    assert graphbuild_modules == []  # the extractors stand on their own


def test_a_saved_pipeline_loads_with_spacy_load_and_finds_the_same(nlp, tmp_path):
    built = build_pipeline()
    built.to_disk(tmp_path / "pipeline")
    expected = findings(built(TEXT))
    assert expected["proposed"] and expected["benchmarks"] and expected["results"] and expected["links"]
    out = run_python(
        "import json, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        f"doc = nlp({TEXT!r})\n"
        f"print(json.dumps({{g: [list(i) for i in getattr(doc._, g) or []] for g in {list(GROUPS)!r}}}))\n",
        tmp_path,
    )
    assert json.loads(out) == expected
    assert findings(nlp(TEXT)) == expected  # the pipeline graphbuild runs, loaded from its cache


def test_every_data_component_round_trips_through_bytes(nlp):
    expected = findings(nlp(TEXT))
    copy = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    for name in COMPONENTS:
        component = copy.add_pipe(name)
        original = nlp.get_pipe(name)
        if hasattr(original, "to_bytes"):
            component.from_bytes(original.to_bytes())
    assert findings(copy(TEXT)) == expected


def test_a_component_run_before_it_has_data_says_what_to_do():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_lexicon")
    with pytest.raises(NotInitialisedError, match=r"'graphbuild_lexicon' component has no data: call nlp.initialize\(\)"):
        nlp("A text.")


def test_initialize_without_settings_reads_the_built_in_data(nlp):
    mine = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    for name in COMPONENTS:
        mine.add_pipe(name)
    mine.initialize()
    assert findings(mine(TEXT)) == findings(nlp(TEXT))


def test_a_base_pipeline_keeps_its_own_components_and_gains_ours(tmp_path):
    # Any pipeline loadable by name or path can be the base; here a sentencizer's, saved to disk.
    from graphbuild.extraction import Extractor

    base = spacy.blank("en")
    base.add_pipe("sentencizer", config={"punct_chars": ["!"]})  # a sentence ends only at "!"
    base.to_disk(tmp_path / "base")
    extractor = Extractor(base=str(tmp_path / "base"))
    assert extractor.nlp.pipe_names == ["sentencizer", *COMPONENTS]
    assert extractor.pipeline_path is None  # a base pipeline is built anew, never saved
    text = compose("A Title", "We test on MATH500. Then on GSM8K!")

    def evidence(extractor):
        (mention,) = [m for m in extractor.extract_one("p", text).mentions if m.text == "GSM8K"]
        return mention.evidence

    # The base's one sentence runs from the title to "!"; graphbuild's own splitter ends one at ". ".
    assert evidence(extractor) == ("title:0:7",)
    assert evidence(Extractor()) == ("abstract:20:34",)
