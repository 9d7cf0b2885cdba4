"""A small multinomial logistic regression over sparse string features, in plain Python.

A decision learned from the labelled papers (which phrases name a paper's tasks) is tens of
thousands of examples with a few dozen features each: a linear model fits them in seconds and
scores a candidate with a few dictionary look-ups, so it needs no numerical library and no
compiled code. Training is deterministic for a given seed.

>>> model = fit([(["a"], "x"), (["b"], "y")] * 20, seed=0)
>>> model.predict(["a"]), model.predict(["b"])
('x', 'y')
>>> LinearModel.from_data(model.to_data()).predict(["b"])
'y'
"""

import math
import random

__all__ = ["LinearModel", "fit"]


class LinearModel:
    """Classes, and per feature one weight per class; unknown features weigh nothing."""

    def __init__(self, classes, weights):
        self.classes = tuple(classes)
        self.weights = weights  # feature -> tuple of one weight per class
        self._difference = None

    def scores(self, features):
        """The class scores (before the softmax) of a feature list."""
        totals = [0.0] * len(self.classes)
        weights = self.weights
        for feature in features:
            row = weights.get(feature)
            if row is not None:
                for i, w in enumerate(row):
                    totals[i] += w
        return totals

    def probability(self, features):
        """For a model of two classes: the probability of the first, from one weight per feature
        (the difference of the two classes' weights), half the look-ups of ``probabilities``."""
        difference = self._difference
        if difference is None:
            difference = self._difference = {f: row[0] - row[1] for f, row in self.weights.items()}
        total = 0.0
        for feature in features:
            total += difference.get(feature, 0.0)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total))))

    def probabilities(self, features):
        scores = self.scores(features)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def predict(self, features):
        scores = self.scores(features)
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]

    def to_data(self):
        """Plain data (lists, dicts, rounded numbers) for JSON or msgpack."""
        return {
            "classes": list(self.classes),
            "weights": {f: [round(w, 4) for w in row] for f, row in sorted(self.weights.items())},
        }

    @classmethod
    def from_data(cls, data):
        return cls(data["classes"], {f: tuple(row) for f, row in data["weights"].items()})


def fit(examples, classes=None, epochs=30, rate=0.3, l2=1e-4, min_count=2, seed=0):
    """Fit a model to ``examples``, (feature list, class) pairs, by stochastic gradient descent
    with per-weight step sizes (AdaGrad) and an L2 penalty.

    Features seen fewer than ``min_count`` times in the examples are dropped (except "bias"):
    a feature seen once says more about that one paper than about the next one. The examples
    are visited in an order drawn from ``seed``, so the same examples give the same model.
    """
    classes = tuple(classes or sorted({c for _, c in examples}))
    index = {c: i for i, c in enumerate(classes)}
    counts = {}
    for features, _ in examples:
        for feature in set(features):
            counts[feature] = counts.get(feature, 0) + 1
    kept = {f for f, n in counts.items() if n >= min_count or f == "bias"}
    data = [(sorted(set(f for f in features if f in kept)), index[label]) for features, label in examples]
    n = len(classes)
    weights = {f: [0.0] * n for f in sorted(kept)}
    squares = {f: [1e-8] * n for f in weights}
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            features, gold = data[i]
            totals = [0.0] * n
            for f in features:
                for c, w in enumerate(weights[f]):
                    totals[c] += w
            top = max(totals)
            exps = [math.exp(t - top) for t in totals]
            norm = sum(exps)
            gradient = [e / norm for e in exps]
            gradient[gold] -= 1.0
            for f in features:
                row, square = weights[f], squares[f]
                for c in range(n):
                    g = gradient[c] + l2 * row[c]
                    square[c] += g * g
                    row[c] -= rate * g / math.sqrt(square[c])
    return LinearModel(classes, {f: tuple(row) for f, row in weights.items() if any(abs(w) >= 1e-4 for w in row)})
