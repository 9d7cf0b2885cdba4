"""The learned choice of a paper's central tasks, and the component that keeps its model.

Which one to three phrases name what a paper works on is the decision hand rules made worst:
a list of known task phrases found whatever the abstract mentioned, generic fields included
(strict F1 about 0.25 on the labelled papers). Here every candidate phrase
(``extractors.task_candidates``) is scored by a linear model (``extractors.linear``) trained by
``graphbuild train`` on the labelled papers, and the best few are kept. The model is data
(``extractors/data/task_model.json``); the ``graphbuild_task_choice`` component keeps it, so it
is saved and loaded with the pipeline, and ``graphbuild.extraction.assemble`` asks it for each
paper's tasks. The known task phrases (built-in and the user's ``TASK`` gazetteer lines) are one
of the model's features.
"""

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.linear import LinearModel
from extractors.task_candidates import candidates, choose, features, head_words

__all__ = ["SETTINGS", "TASK", "task_chooser", "TaskChoice"]

TASK = "task"  # the model's first class; the other is "none"
#: How many tasks a paper gets when the model file does not say: the best ``most`` phrases scoring
#: at least ``threshold``, and always the best one.
SETTINGS = {"most": 3, "threshold": 0.25}


def task_chooser(model, known, most=SETTINGS["most"], threshold=SETTINGS["threshold"]):
    """``choose_tasks(text, title_end)`` for ``assemble``: the paper's tasks as (phrase,
    positions) pairs, best first."""
    heads = head_words(known)
    probability = model.probability  # of TASK

    def choose_tasks(text, title_end):
        found = {c.phrase: c for c in candidates(text, title_end, known, heads)}
        scored = [(probability(features(c, title_end, known)), phrase) for phrase, c in found.items()]
        return [(phrase, found[phrase].positions) for phrase in choose(scored, most, threshold)]

    return choose_tasks


class TaskChoice(DataComponent):
    """spaCy component that keeps the task model with the pipeline.

    It leaves documents as they are: ``assemble`` asks ``choose_tasks`` once the names are known.
    Keeping the model in a component saves and loads it with the pipeline like every other
    component's data. Without a trained model (an empty model file) ``choose_tasks`` is None and
    the task gazetteer's phrases are used as before.
    """

    def __init__(self, name="graphbuild_task_choice"):
        self.name = name
        self.choose_tasks = None

    def data_from(self, resources, nlp):
        return {"model": dict(resources.task_model), "task_phrases": sorted({e.pattern.lower() for e in resources.gazetteers["TASK"]})}

    def set_up(self, data):
        super().set_up(data)
        model = data["model"]
        settings = {**SETTINGS, **model.get("settings", {})}
        self.choose_tasks = (
            task_chooser(LinearModel.from_data(model), frozenset(data["task_phrases"]), settings["most"], settings["threshold"])
            if model.get("weights") else None
        )

    @property
    def task_phrases(self):
        return frozenset(self.data["task_phrases"])

    def __call__(self, doc):
        return doc


@Language.factory("graphbuild_task_choice")
def make_task_choice(nlp, name):
    return TaskChoice(name)
