"""A linear ranking model over sparse string features, in plain Python.

Choosing a paper's tasks is ranking its candidate phrases: which of these few dozen phrases
name what the paper works on. A linear model does it with a few dictionary look-ups per phrase,
so it needs no numerical library and no compiled code, and it fits the labelled papers (tens of
thousands of candidates) in seconds. ``fit_ranking`` trains it as a softmax over each paper's
candidates, so a paper's phrases compete with one another rather than with every other paper's;
training is deterministic for a given seed.

>>> model = fit_ranking([([["good"], ["bad"]], {0}), ([["bad"], ["good"]], {1})] * 5, min_count=1, seed=0)
>>> model.score(["good"]) > model.score(["bad"])
True
>>> LinearModel.from_data(model.to_data()).score(["good"]) == round(model.score(["good"]), 4)
True
"""

import math
import random

__all__ = ["LinearModel", "fit_ranking"]


class LinearModel:
    """One weight per feature; a candidate's score is the sum of its features' weights (unknown
    features weigh nothing)."""

    def __init__(self, weights):
        self.weights = weights

    def score(self, features):
        weights = self.weights
        total = 0.0
        for feature in features:
            total += weights.get(feature, 0.0)
        return total

    def to_data(self):
        """Plain data (a dict of rounded numbers) for JSON or msgpack."""
        return {"weights": {f: round(w, 4) for f, w in sorted(self.weights.items())}}

    @classmethod
    def from_data(cls, data):
        return cls(dict(data["weights"]))


def fit_ranking(groups, epochs=10, rate=0.3, l2=0.1, min_count=2, seed=0):
    """Fit weights so that, within each group (the candidates of one paper), the right
    candidates score above the others.

    ``groups`` are (list of feature lists, set of indices of the right candidates). Each right
    candidate in turn is a target of a softmax over its group's candidates; stochastic gradient
    descent with per-weight step sizes (AdaGrad) and an L2 penalty. Features seen in fewer than
    ``min_count`` candidates are dropped: a feature seen once says more about that one paper
    than about the next. Groups without a right candidate teach nothing and are skipped. The
    targets are visited in an order drawn from ``seed``, so the same groups give the same model.
    """
    counts = {}
    for candidates, _ in groups:
        for features in candidates:
            for feature in set(features):
                counts[feature] = counts.get(feature, 0) + 1
    kept = {f for f, n in counts.items() if n >= min_count}
    data = [
        ([sorted(set(f for f in features if f in kept)) for features in candidates], sorted(right))
        for candidates, right in groups
        if right
    ]
    weights = {f: 0.0 for f in sorted(kept)}
    squares = {f: 1e-8 for f in weights}
    order = [(g, r) for g, (_, right) in enumerate(data) for r in right]
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for g, right in order:
            candidates = data[g][0]
            totals = [sum(weights[f] for f in features) for features in candidates]
            top = max(totals)
            exps = [math.exp(t - top) for t in totals]
            norm = sum(exps)
            gradient = {}
            for i, features in enumerate(candidates):
                share = exps[i] / norm - (1.0 if i == right else 0.0)
                for f in features:
                    gradient[f] = gradient.get(f, 0.0) + share
            for f, g_f in gradient.items():
                g_f += l2 * weights[f]
                squares[f] += g_f * g_f
                weights[f] -= rate * g_f / math.sqrt(squares[f])
    return LinearModel({f: w for f, w in weights.items() if abs(w) >= 1e-4})
