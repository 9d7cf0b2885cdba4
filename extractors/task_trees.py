"""Gradient-boosted trees that rank a paper's candidate task phrases: the slower, more accurate
task choice (``--task-ranker trees``).

The default linear ranking (``extractors.task_choice``) keeps within the speed target by
describing in full only the 16 candidates best by their words. Trees see every candidate, with the
linear model's feature strings and a dozen numbers a linear model cannot weigh well (how many of
the phrase's words the title holds, how often its rarest word recurs, where it first stands, how
many other candidates it contains or sits inside); leaving one listing out, they choose tasks
better on every listing, at several times the cost of the task choice (docs/evaluation.md,
``benchmarks/task_rankers.py``). LightGBM fits and runs them; it is an optional dependency
(``pip install lightgbm``, the ``trees`` extra), imported only when this ranker is asked for.
The model is data: ``extractors/data/task_trees.json``, written by ``graphbuild train
--task-ranker trees`` (``graphbuild.training``).

>>> text = "Robot Learning\\n\\nWe study robot learning."
>>> [c.phrase for c in candidates(text, 14, ())]
['robot', 'learning', 'robot learning', 'study robot learning']
>>> [round(x, 2) for x in numbers(text, 14, candidates(text, 14, ()))[2]]  # "robot learning"
[1.0, 11.0, 0.42, 2.0, 1.0, 1.0, 1.0, 1.0, 2.0, 0.0, 2.0, 4.0]
"""

import json
import math
from pathlib import Path

from extractors.task_candidates import PHRASE_WORD, candidates, choose, features, head_words, title_colon
from extractors.task_choice import SETTINGS

__all__ = ["TREES_PATH", "FIT", "TreesUnavailable", "numbers", "describe", "TreeRanker", "tree_chooser", "load_trees"]

TREES_PATH = Path(__file__).resolve().parent / "data" / "task_trees.json"
#: How the trees are fitted: chosen leaving one listing out from a handful of settings (100 to
#: 600 trees, 7 to 31 leaves, means 0.40 to 0.45), so the figure may be a point or two optimistic.
FIT = {"trees": 100, "rate": 0.1, "leaves": 15, "min_count": 3}
NUMBERS = 12


class TreesUnavailable(RuntimeError):
    """The trees ranker was asked for where LightGBM or the model is missing."""


def _lightgbm():
    try:
        import lightgbm
    except ImportError:
        raise TreesUnavailable(
            "the trees task ranker needs LightGBM: pip install lightgbm (graphbuild's 'trees' extra), or leave out --task-ranker"
        ) from None
    except OSError as error:  # the wheel is there, a system library it needs is not
        raise TreesUnavailable(
            f"LightGBM is installed but does not load ({error}); on Debian or Ubuntu: apt-get install libgomp1"
        ) from None
    return lightgbm


def numbers(text, title_end, found):
    """Per candidate: abstract occurrences, first abstract offset (characters, and share of the
    abstract), words, share of its words in the title, its rarest and its last word's counts in
    the abstract, how many candidates contain it and it contains, where in the title it starts
    (-1: not there), the title's words, the paper's candidates."""
    low = text.lower()
    counts = {}
    for word in PHRASE_WORD.findall(low, title_end):
        counts[word] = counts.get(word, 0) + 1
    title_words = PHRASE_WORD.findall(low, 0, title_end)
    in_title = set(title_words)
    # Which candidates sit inside which: every run of a candidate's words that is a candidate.
    index = {c.phrase: i for i, c in enumerate(found)}
    contains, contained = [0] * len(found), [0] * len(found)
    for i, candidate in enumerate(found):
        words = candidate.phrase.split(" ")
        runs = {" ".join(words[start:end]) for start in range(len(words)) for end in range(start + 1, len(words) + 1)}
        for run in runs:
            inner = index.get(run)
            if inner is not None and inner != i:
                contains[i] += 1
                contained[inner] += 1
    length = max(len(text) - title_end, 1)
    papers_candidates, title_length = float(len(found)), float(len(title_words))
    rows = []
    for i, candidate in enumerate(found):
        words = PHRASE_WORD.findall(candidate.phrase) or [""]
        abstract = [p - title_end for p in candidate.positions if p >= title_end]
        first = min(abstract) if abstract else -1
        titled = 0
        rarest = None
        for word in words:
            titled += word in in_title
            count = counts.get(word, 0)
            rarest = count if rarest is None or count < rarest else rarest
        rows.append([
            float(len(abstract)), float(first), first / length if abstract else -1.0, float(len(words)),
            titled / len(words), float(rarest), float(counts.get(words[-1], 0)), float(contained[i]), float(contains[i]),
            candidate.positions[0] / max(title_end, 1) if candidate.positions[0] < title_end else -1.0,
            title_length, papers_candidates,
        ])
    return rows


def describe(text, title_end, known, heads):
    """A paper's candidates, and each one's (feature strings, numbers)."""
    found = candidates(text, title_end, known, heads)
    colon = title_colon(text, title_end)
    strings = [features(c, title_end, known, colon) for c in found]
    return found, list(zip(strings, numbers(text, title_end, found)))


class TreeRanker:
    """LightGBM trees over a candidate's feature strings (one column each, for those seen in at
    least ``FIT["min_count"]`` training candidates) and its numbers."""

    def __init__(self, columns, model):
        self.columns = {s: i for i, s in enumerate(columns)}
        self.model = model  # LightGBM's own text form of the trees
        self._booster = None

    @classmethod
    def fit(cls, groups, seed, trees=FIT["trees"], rate=FIT["rate"], leaves=FIT["leaves"], min_count=FIT["min_count"]):
        """Trees ranking the right candidates of each group first. ``groups`` are (list of
        described candidates, set of indices of the right ones); groups without a right one teach
        a ranking nothing and are left out. The same groups and seed give the same trees."""
        lightgbm = _lightgbm()
        groups = [(rows, right) for rows, right in groups if right]
        counts = {}
        for rows, _ in groups:
            for strings, _ in rows:
                for s in set(strings):
                    counts[s] = counts.get(s, 0) + 1
        ranker = cls(sorted(s for s, n in counts.items() if n >= min_count), None)
        rows = [row for described, _ in groups for row in described]
        labels = [int(i in right) for described, right in groups for i in range(len(described))]
        dataset = lightgbm.Dataset(ranker.matrix(rows), labels, group=[len(d) for d, _ in groups], free_raw_data=True)
        parameters = {
            "objective": "lambdarank", "learning_rate": rate, "num_leaves": leaves, "min_data_in_leaf": 20,
            "feature_fraction": 0.5, "bagging_fraction": 0.8, "bagging_freq": 1, "seed": seed,
            "deterministic": True, "force_col_wise": True, "num_threads": 1, "verbose": -1,
        }
        booster = lightgbm.train(parameters, dataset, num_boost_round=trees)
        ranker.model, ranker._booster = booster.model_to_string(), booster
        return ranker

    def matrix(self, rows):
        """The rows as a sparse matrix: a column per known feature string, then the numbers."""
        import numpy
        from scipy import sparse

        columns, values, starts = [], [], [0]
        width, known = len(self.columns), self.columns.get
        numeric = list(range(width, width + NUMBERS))
        for strings, numbers_ in rows:
            found = sorted(c for c in map(known, strings) if c is not None)  # LightGBM fits from rows in column order
            columns += found
            values += [1.0] * len(found)
            columns += numeric
            values += [value or 1e-9 for value in numbers_]  # a stored zero, not a missing value
            starts.append(len(columns))
        return sparse.csr_matrix(
            (numpy.array(values, dtype=numpy.float64), numpy.array(columns, dtype=numpy.int32), numpy.array(starts, dtype=numpy.int32)),
            shape=(len(rows), width + NUMBERS),
        )

    @property
    def booster(self):
        """The trees in LightGBM, loaded from their text on first use."""
        if self._booster is None:
            self._booster = _lightgbm().Booster(model_str=self.model)
        return self._booster

    def scores(self, rows):
        """One score per described candidate; higher ranks first."""
        return [float(s) for s in self.booster.predict(self.matrix(rows), num_threads=1)]

    def to_data(self):
        return {"columns": sorted(self.columns, key=self.columns.get), "model": self.model}

    @classmethod
    def from_data(cls, data):
        return cls(data["columns"], data["model"])


def tree_chooser(ranker, known, most=SETTINGS["most"], threshold=SETTINGS["threshold"], heads=None):
    """``choose_tasks(text, title_end, named=None)`` as ``extractors.task_choice.task_chooser``
    makes it, with every candidate ranked by the trees."""
    heads = head_words(known) if heads is None else heads

    def choose_tasks(text, title_end, named=None):
        found, described = describe(text, title_end, known, heads)
        keep = [i for i, c in enumerate(found) if named is None or not all(named(p, p + len(c.phrase)) for p in c.positions)]
        if not keep:
            return []
        scores = ranker.scores([described[i] for i in keep])
        best = max(scores)
        chosen = choose([(math.exp(s - best), found[i].phrase) for s, i in zip(scores, keep)], most, threshold)
        positions = {c.phrase: c.positions for c in found}
        return [(phrase, positions[phrase]) for phrase in chosen]

    return choose_tasks


def load_trees(path=TREES_PATH):
    """The shipped (or given) trees and their settings, loaded into LightGBM before any paper
    is read, so a damaged file fails here and names itself."""
    lightgbm = _lightgbm()
    retrain = "make one with graphbuild train --task-ranker trees"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        ranker = TreeRanker.from_data(data)
        ranker.booster  # loaded now: a damaged file fails here, not on the first paper
    except FileNotFoundError:
        raise TreesUnavailable(f"{path}: no trees model; {retrain}") from None
    except (ValueError, KeyError, TypeError, lightgbm.basic.LightGBMError) as error:
        raise TreesUnavailable(f"{path}: not a trees model ({error}); {retrain}") from None
    return ranker, {**SETTINGS, **data.get("settings", {})}
