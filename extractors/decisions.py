"""The learned decision over the rules' candidates: is this name the paper's own, a method, a
benchmark, a model, or no name at all?

The hand rules find candidates well (known names, defined abbreviations, cue phrasings, name
shapes) but decide their kind poorly on papers they were not written against: a dataset acronym
evaluated on reported as a method, a task reported as a benchmark, a title word taken for a name.
Those decisions are learned here from the labelled papers: ``features`` describes one candidate
concept of a paper (which rules found it and as what, its shape, its words, the words around
each mention, whether the title names it), and a linear model (``extractors.linear``) trained by
``graphbuild train`` picks its class. The model is data (``extractors/data/decisions.json``):
the ``graphbuild_decisions`` component keeps it, so it is saved and loaded with the pipeline,
and ``graphbuild.extraction.assemble`` asks it once per candidate concept, where every mention of
the concept in the paper is known.

>>> features("We test on FooBench.", 0, ("FooBench",), [11], {"benchmark"}, None, {"graphbuild_benchmarks"}, False)[:4]
['bias', 'rule=benchmark', 'kind=benchmark', 'x=graphbuild_benchmarks']
"""

import re

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.linear import LinearModel
from extractors.task_candidates import candidates, choose, head_words
from extractors.task_candidates import features as task_features

__all__ = ["CLASSES", "NONE", "SETTINGS", "features", "rule_class", "name_decider", "task_chooser", "Decisions"]

NONE = "none"
#: What a candidate concept can be: the paper's own method/model, its own benchmark (which is also
#: a benchmark mention), a mentioned method, benchmark or model, or no name at all.
CLASSES = ("proposed", "proposed_benchmark", "method", "benchmark", "model", NONE)

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_SHAPE_RUN = re.compile(r"(.)\1+")


def rule_class(kinds, proposal_label):
    """The class the rules alone gave a candidate concept."""
    if "proposed" in kinds:
        return "proposed_benchmark" if proposal_label == "Benchmark" else "proposed"
    for kind in ("model", "benchmark", "method"):
        if kind in kinds:
            return kind
    return NONE


def _shape(word):
    """"ImageNet-1K" -> "XxXx-dX": letters by case, digits, runs collapsed."""
    mapped = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUN.sub(r"\1", mapped)[:10]


def _around(text, start, end):
    """The two words before ``start`` and the two after ``end``, lowercased."""
    before = _WORD.findall(text[max(0, start - 60):start])[-2:]
    after = _WORD.findall(text[end:end + 60])[:2]
    return [w.lower() for w in before], [w.lower() for w in after], text[end:end + 2]


def features(text, title_end, surfaces, positions, kinds, proposal_label, extractors, known):
    """The feature strings of one candidate concept of one paper.

    Parameters
    ----------
    text : str
        The composed title-and-abstract text.
    title_end : int
        Where the title ends in ``text``.
    surfaces : tuple of str
        The ways the paper writes the concept; for a defined abbreviation (long form, short form).
    positions : list of int
        Where each mention starts.
    kinds : set of str
        What the rules found it as: "proposed", "method", "benchmark", "model".
    proposal_label : str or None
        The label the proposal rules gave it ("Benchmark", "Method", "Model") when proposed.
    extractors : set of str
        The components that found it.
    known : bool
        Whether a gazetteer knows the concept.
    """
    rule = rule_class(kinds, proposal_label)
    out = ["bias", f"rule={rule}"]
    out.extend(f"kind={k}" for k in sorted(kinds))
    out.extend(f"x={x}" for x in sorted(extractors))
    if known:
        out += ["known", f"known&{rule}"]
    if len(surfaces) > 1:
        out += ["defined", f"defined&{rule}"]
    short = min(surfaces, key=len)
    words = short.split()
    out.append(f"shape={_shape(short) if len(words) == 1 else 'multi'}")
    out.append(f"shape&{rule}={_shape(words[-1]) if words else ''}")
    out.append(f"words={min(len(words), 4)}")
    if short.islower():
        out.append("lower")
    if short.isupper() and len(short) > 1:
        out.append(f"caps&{rule}")
    if any(c.isdigit() for c in short):
        out.append("digit")
    for surface in surfaces:
        lowered = surface.lower()
        out.append(f"name={lowered}")
        tokens = lowered.split()
        out.append(f"first={tokens[0]}")
        out.append(f"last={tokens[-1]}")
        out.append(f"suffix={tokens[-1][-4:]}")
    in_title = [p for p in positions if p < title_end]
    if in_title:
        out.append(f"title&{rule}")
        head = text[:title_end].split(":", 1)
        if len(head) == 2 and min(in_title) < len(head[0]):
            out.append(f"title_head&{rule}")
    window = _WORD.findall(text[max(0, positions[0] - 80):positions[0]])[-6:]
    out.extend(f"window={w.lower()}" for w in set(window))
    if len(surfaces) > 1 and surfaces[-1] in text[:title_end]:
        out.append("short_in_title")
    abstract = [p for p in positions if p >= title_end]
    out.append(f"mentions={min(len(abstract), 3)}")
    seen = set()
    for position in positions:
        end = position + max((len(s) for s in surfaces if text.startswith(s, position)), default=len(short))
        before, after, follow = _around(text, position, end)
        found = []
        if before:
            found.append(f"prev={before[-1]}")
            found.append(f"prev&{rule}={before[-1]}")
        if len(before) == 2:
            found.append(f"prev2={before[0]} {before[1]}")
        if after:
            found.append(f"next={after[0]}")
            found.append(f"next&{rule}={after[0]}")
        if len(after) == 2:
            found.append(f"next2={after[0]} {after[1]}")
        if follow.startswith((" (", "(")):
            found.append("then_paren")
        if follow.startswith(":"):
            found.append("then_colon")
        for feature in found:
            if feature not in seen:
                seen.add(feature)
                out.append(feature)
    return out


#: How the models are used when ``decisions.json`` does not say: the name model overrides the
#: rules' class only when it is at least ``margin`` sure; a paper gets the best ``most`` task
#: phrases scoring at least ``threshold`` (and always its best one).
SETTINGS = {"margin": 0.8, "most": 3, "threshold": 0.25}


def name_decider(model, margin=SETTINGS["margin"]):
    """``decide(features, candidate)`` for ``assemble``: the model's class where it is at least
    ``margin`` sure, else the rules' class."""
    probabilities = model.probabilities

    def decide(features, candidate):
        scores = probabilities(features)
        best = max(scores, key=scores.get)
        return best if best == candidate.rule_class or scores[best] >= margin else candidate.rule_class

    return decide


def task_chooser(model, known, most=SETTINGS["most"], threshold=SETTINGS["threshold"]):
    """``choose(text, title_end)`` for ``assemble``: the paper's tasks as (phrase, positions)."""
    heads = head_words(known)
    probability = model.probability  # of "task", the model's first class

    def choose_tasks(text, title_end):
        found = {c.phrase: c for c in candidates(text, title_end, known, heads)}
        scored = [(probability(task_features(c, title_end, known)), phrase) for phrase, c in found.items()]
        return [(phrase, found[phrase].positions) for phrase in choose(scored, most, threshold)]

    return choose_tasks


class Decisions(DataComponent):
    """spaCy component that keeps the learned decision models with the pipeline.

    It leaves documents as they are: a name's class needs the paper-wide view of a concept (every
    mention, its definition, what each rule called it) that ``assemble`` builds after the
    pipeline, so ``assemble`` asks ``decide`` and ``choose_tasks`` there. Keeping the models in a
    component saves and loads them with the pipeline like every other component's data. The
    known task phrases (built-in and the user's ``TASK`` lines) are features of the task model.
    """

    def __init__(self, name="graphbuild_decisions"):
        self.name = name
        self.decide = self.choose_tasks = None

    def data_from(self, resources, nlp):
        return {"model": dict(resources.decisions), "task_phrases": [e.pattern.lower() for e in resources.gazetteers["TASK"]]}

    def set_up(self, data):
        super().set_up(data)
        model = data["model"]
        settings = {**SETTINGS, **model.get("settings", {})}
        names, tasks = model.get("names"), model.get("tasks")
        self.decide = name_decider(LinearModel.from_data(names), settings["margin"]) if names else None
        self.choose_tasks = (
            task_chooser(LinearModel.from_data(tasks), frozenset(data["task_phrases"]), settings["most"], settings["threshold"])
            if tasks else None
        )

    def __call__(self, doc):
        return doc


@Language.factory("graphbuild_decisions")
def make_decisions(nlp, name):
    return Decisions(name)
