"""The learned choice of a paper's central tasks, and the component that keeps its model.

Which one to three phrases name what a paper works on is the decision hand rules made worst:
a list of known task phrases found whatever the abstract mentioned, generic fields included
(strict F1 about 0.25 on the labelled papers). Here every candidate phrase
(``extractors.task_candidates``) is scored by a linear ranking model (``extractors.linear``)
trained by ``graphbuild train`` on the labelled papers, and the best one or two are kept. The model is data
(``extractors/data/task_model.json``); the ``graphbuild_task_choice`` component keeps it, so it
is saved and loaded with the pipeline, and ``graphbuild.extraction.assemble`` asks it for each
paper's tasks. The known task phrases (built-in and the user's ``TASK`` gazetteer lines) are one
of the model's features.
"""

import math

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.linear import LinearModel
from extractors.task_candidates import (
    candidates, choose, head_words, phrase_features, place_features, recurrence_feature, title_colon,
)

__all__ = ["SETTINGS", "task_chooser", "TaskChoice"]

#: How many tasks a paper gets when the model file does not say: its best phrase, and the next
#: best ones up to ``most`` in all whose share of the candidates' softmax is at least
#: ``threshold`` times the best one's.
SETTINGS = {"most": 2, "threshold": 0.5}
SHORTLIST, TITLE_BONUS = 16, 1.0  # candidates described in full; a title phrase's head start
PHRASES_REMEMBERED = 200_000  # phrase scores kept between papers (a few tens of MB at most)


def task_chooser(model, known, most=SETTINGS["most"], threshold=SETTINGS["threshold"]):
    """``choose_tasks(text, title_end, named=None)`` for ``assemble``: the paper's tasks as
    (phrase, positions) pairs, best first. ``named(start, end)`` tells where the paper's names
    are: a phrase written only inside names ("sparse mixture routing" of "Sparse Mixture Routing
    (SMR)") is a name, not a task."""
    heads = head_words(known)
    score = model.score
    weights_get = model.weights.get
    by_phrase = {}  # phrase -> score of its phrase features: the same in every paper

    def phrase_score(phrase):
        value = by_phrase.get(phrase)
        if value is None:
            if len(by_phrase) >= PHRASES_REMEMBERED:
                by_phrase.clear()
            value = by_phrase[phrase] = score(phrase_features(phrase, known))
        return value

    words_of = {}  # phrase -> its words, for recurrence_feature

    def choose_tasks(text, title_end, named=None):
        found = candidates(text, title_end, known, heads)
        if named is not None:
            found = [c for c in found if not all(named(p, p + len(c.phrase)) for p in c.positions)]
        if not found:
            return []
        colon = title_colon(text, title_end)
        # The words alone rule most phrases out: only the best few by their phrase score (a
        # phrase in the title counts as one of them) are worth describing where they stand.
        ranked = sorted(((phrase_score(c.phrase) + (TITLE_BONUS if c.positions[0] < title_end else 0.0), i) for i, c in enumerate(found)), reverse=True)
        found = [found[i] for _, i in ranked[:SHORTLIST]]
        if len(words_of) >= PHRASES_REMEMBERED:
            words_of.clear()
        abstract, counted = text[title_end:].lower(), {}
        scores = [
            phrase_score(c.phrase)
            + score(place_features(c, title_end, known, colon))
            + weights_get(recurrence_feature(c.phrase, abstract, counted, words_of), 0.0)
            for c in found
        ]
        best = max(scores)
        relative = [(math.exp(s - best), c.phrase) for s, c in zip(scores, found)]
        positions = {c.phrase: c.positions for c in found}
        return [(phrase, positions[phrase]) for phrase in choose(relative, most, threshold)]

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
