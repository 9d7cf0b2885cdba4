"""The learned choice of a paper's central tasks, and the component that keeps its model.

Which one to three phrases name what a paper works on is the decision hand rules made worst:
a list of known task phrases found whatever the abstract mentioned, generic fields included
(strict F1 about 0.25 on the labelled papers). Here every candidate phrase
(``extractors.task_candidates``) is scored by a linear ranking model (``extractors.linear``)
trained by ``graphbuild train`` on the labelled papers, and the best one or two are kept. The model is data
(``extractors/data/task_model.json``); the ``graphbuild_task_choice`` component keeps it, so it
is saved and loaded with the pipeline, and ``graphbuild.extraction.assemble`` asks it for each
paper's tasks. The known task phrases (built-in and the user's ``TASK`` gazetteer lines, and the
broad task vocabulary ``data/task_vocabulary.txt``) are one of the model's features, and their
common last words say where a candidate may end (``task_lexicon``).
"""

import math

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.linear import LinearModel
from extractors.task_candidates import (
    candidates, choose, head_words, phrase_features, place_features, recurrence_feature, task_lexicon, title_colon,
)

__all__ = ["SETTINGS", "task_chooser", "TaskChoice"]

#: How many tasks a paper gets when the model file does not say: its best phrase, and the next
#: best ones up to ``most`` in all whose share of the candidates' softmax is at least
#: ``threshold`` times the best one's.
SETTINGS = {"most": 2, "threshold": 0.5}
SHORTLIST, TITLE_BONUS = 16, 1.0  # candidates described in full; a title phrase's head start
PHRASES_REMEMBERED = 200_000  # phrase scores kept between papers (a few tens of MB at most)


def task_chooser(model, known, most=SETTINGS["most"], threshold=SETTINGS["threshold"], heads=None):
    """``choose_tasks(text, title_end, named=None)`` for ``assemble``: the paper's tasks as
    (phrase, positions) pairs, best first. ``named(start, end)`` tells where the paper's names
    are: a phrase written only inside names ("sparse mixture routing" of "Sparse Mixture Routing
    (SMR)") is a name, not a task. ``known`` and ``heads`` are ``task_lexicon``'s (without
    ``heads``, the words ending a known phrase)."""
    heads = head_words(known) if heads is None else heads
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
        # The words alone rule most phrases out: only the best few by their phrase score (a
        # phrase in the title counts as one of them) are worth describing where they stand.
        # Names are looked for only among those best few, as each look costs.
        ranked = sorted(((phrase_score(c.phrase) + (TITLE_BONUS if c.positions[0] < title_end else 0.0), i) for i, c in enumerate(found)), reverse=True)
        shortlist = []
        for _, i in ranked:
            candidate = found[i]
            if named is None or not all(named(p, p + len(candidate.phrase)) for p in candidate.positions):
                shortlist.append(candidate)
                if len(shortlist) == SHORTLIST:
                    break
        if not shortlist:
            return []
        found = shortlist
        colon = title_colon(text, title_end)
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
        self.task_phrases, self.task_heads = frozenset(), frozenset()  # task_lexicon's, once set up

    def data_from(self, resources, nlp):
        known, heads = task_lexicon({e.pattern.lower() for e in resources.gazetteers["TASK"]}, resources.task_vocabulary)
        return {"model": dict(resources.task_model), "task_phrases": sorted(known), "task_heads": sorted(heads)}

    def set_up(self, data):
        super().set_up(data)
        model = data["model"]
        settings = {**SETTINGS, **model.get("settings", {})}
        self.task_phrases = frozenset(data["task_phrases"])
        self.task_heads = frozenset(data["task_heads"]) if "task_heads" in data else head_words(self.task_phrases)
        self.choose_tasks = (
            task_chooser(LinearModel.from_data(model), self.task_phrases, settings["most"], settings["threshold"], self.task_heads)
            if model.get("weights") else None
        )

    def __call__(self, doc):
        return doc


@Language.factory("graphbuild_task_choice")
def make_task_choice(nlp, name):
    return TaskChoice(name)
