"""Train the learned task choice from labelled papers, and judge extraction by leave-one-listing-out.

Training: the candidate task phrases of each labelled paper (``extractors.task_candidates``),
those its labels list marked right, teach a linear ranking model (``extractors.linear``), fitted
with a fixed seed and written to ``extractors/data/task_model.json``, which the pipeline loads.
The same candidates, described in full, also fit the slower trees (``extractors.task_trees``,
LightGBM), written to ``extractors/data/task_trees.json``.

Cross-validation: each listing (input file) is one fold. The model is fitted on the labelled
papers of the other listings (a paper that also appears in the held-out listing is left out of
training) and scored on the held-out listing's labelled papers; the rules alone (the task
gazetteer) are scored on the same papers in the same run. The mean over folds and the worst fold
are the figures the README gives: no paper scored was used to fit the model that scored it. (The
hand rules for names were written over the years against most of these papers, so for names the
figure is still partly a tuning-set figure; ``docs/evaluation.md`` says how much.)
"""

import json
import os
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from extractors.linear import fit_ranking
from extractors.normalize import scoring_form
from extractors.sections import compose
from extractors.sections import title_end as end_of_title
from extractors.task_candidates import candidates, recurrence_feature, title_colon
from extractors.task_candidates import features as task_features
from extractors.task_choice import SETTINGS, task_chooser
from extractors.task_trees import TREES_PATH, TreeRanker, describe, tree_chooser
from graphbuild.errors import InputError
from graphbuild.evaluate import TYPES, entry_forms, evaluate, read_gold
from graphbuild.extraction import contract_record
from graphbuild.ingest import read_records
from graphbuild.papers import title_id, title_key

__all__ = [
    "SEED", "MODEL_PATH", "read_labels", "Listing", "read_listings", "Corpus",
    "train_model", "chooser", "write_model", "train_trees", "trees_chooser", "write_trees",
    "cross_validate", "FoldReport", "format_folds",
]

SEED = 13
MODEL_PATH = Path(__file__).resolve().parent.parent / "extractors" / "data" / "task_model.json"


def read_labels(paths):
    """Labelled papers from JSON Lines files or folders of them, by title key (the first label
    of a title wins)."""
    files = []
    for path in paths:
        path = Path(path)
        files.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    if not files:
        raise InputError(", ".join(map(str, paths)) or "--labels", "no labelled files (expected JSON Lines as ../shared/ANNOTATION.md describes)")
    labels = {}
    for file in files:
        for paper in read_gold(file):
            labels.setdefault(title_key(paper["title"]), paper)
    return labels


@dataclass
class Listing:
    """One input file's papers: (title key, title, composed text) each."""

    name: str
    papers: list


def read_listings(paths):
    """Each input file (a folder: each file in it) as one ``Listing``."""
    files = []
    for path in paths:
        path = Path(path)
        files.extend(sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path])
    listings = []
    for file in files:
        seen, papers = set(), []
        for record in read_records([file]):
            key = title_key(record.title)
            if key not in seen:
                seen.add(key)
                papers.append((key, record.title, compose(record.title, record.abstract)))
        listings.append(Listing(file.name, papers))
    return listings


class _Paper:
    __slots__ = ("id", "title")

    def __init__(self, title):
        self.id, self.title = title_id(title), title


class Corpus:
    """The processed documents of the labelled papers, made once and assembled as often as a
    fold needs (the rules do not change between folds; only the decision does)."""

    def __init__(self, extractor, listings, labels):
        self.extractor = extractor
        self.labels = labels
        self.texts = {}
        for listing in listings:
            for key, title, text in listing.papers:
                if key in labels:
                    self.texts.setdefault(key, (title, text))
        keys = list(self.texts)
        docs = []
        for start in range(0, len(keys), 256):
            docs.extend(extractor.process([self.texts[k][1] for k in keys[start:start + 256]]))
        self.docs = dict(zip(keys, docs))

    def assemble(self, key, choose_tasks=None):
        return self.extractor.assemble_doc(self.docs[key], title_id(self.texts[key][0]), choose_tasks)

    def task_groups(self, keys):
        """Per labelled paper of ``keys``: the features of each candidate task phrase, and which
        candidates the labels list."""
        known, heads = self.task_phrases, self.task_heads
        groups = []
        for key in keys:
            text = self.texts[key][1]
            title_end = end_of_title(text)
            colon = title_colon(text, title_end)
            gold = {scoring_form(task) for task in self.labels[key].get("tasks", ())}
            found = candidates(text, title_end, known, heads)
            abstract, counted = text[title_end:].lower(), {}
            groups.append((
                [task_features(c, title_end, known, colon) + [recurrence_feature(c.phrase, abstract, counted)] for c in found],
                {i for i, c in enumerate(found) if scoring_form(c.phrase) in gold},
            ))
        return groups

    def described_groups(self, keys):
        """As ``task_groups``, with each candidate described for the trees
        (``extractors.task_trees.describe``)."""
        known, heads = self.task_phrases, self.task_heads
        groups = []
        for key in keys:
            text = self.texts[key][1]
            gold = {scoring_form(task) for task in self.labels[key].get("tasks", ())}
            found, described = describe(text, end_of_title(text), known, heads)
            groups.append((described, {i for i, c in enumerate(found) if scoring_form(c.phrase) in gold}))
        return groups

    @property
    def task_phrases(self):
        return self.extractor.nlp.get_pipe("graphbuild_task_choice").task_phrases

    @property
    def task_heads(self):
        return self.extractor.nlp.get_pipe("graphbuild_task_choice").task_heads

    def predictions(self, keys, choose_tasks=None):
        return [contract_record(_Paper(self.texts[k][0]), self.assemble(k, choose_tasks)) for k in keys]


#: How the model is fitted (chosen on the cross-validation below from a grid of about thirty
#: settings of the penalty, epochs, feature cut-off and number of tasks; docs/evaluation.md).
FIT = {"epochs": 10, "l2": 0.1, "min_count": 2}


def train_model(corpus, keys, seed=SEED):
    """The task model fitted on the labelled papers ``keys``."""
    return fit_ranking(corpus.task_groups(keys), seed=seed, **FIT)


def chooser(corpus, model, settings=SETTINGS):
    """``choose_tasks`` for ``assemble`` from a fitted model."""
    return task_chooser(model, corpus.task_phrases, settings["most"], settings["threshold"], corpus.task_heads)


def write_model(model, path=MODEL_PATH, provenance=None):
    """Write the model as JSON through a temporary file, so a failed write leaves the old one."""
    return _write_json(path, {"provenance": provenance or {}, "settings": dict(SETTINGS), **model.to_data()})


def train_trees(corpus, keys, seed=SEED):
    """The trees ranking the candidate tasks of the labelled papers ``keys`` (needs LightGBM)."""
    return TreeRanker.fit(corpus.described_groups(keys), seed)


def trees_chooser(corpus, ranker, settings=SETTINGS):
    """``choose_tasks`` for ``assemble`` from fitted trees."""
    return tree_chooser(ranker, corpus.task_phrases, settings["most"], settings["threshold"], corpus.task_heads)


def write_trees(ranker, path=TREES_PATH, provenance=None):
    """Write the trees as ``write_model`` writes the linear model."""
    return _write_json(path, {"provenance": provenance or {}, "settings": dict(SETTINGS), **ranker.to_data()})


def _write_json(path, data):
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


@dataclass
class FoldReport:
    """Strict and lenient scores of each system on each held-out listing."""

    folds: list = field(default_factory=list)  # (listing name, papers, {system: Evaluation})

    def figure(self, system, kind, mode="strict", measure="f1"):
        values = [getattr(getattr(ev[system], mode)[kind], measure) for _, _, ev in self.folds]
        return statistics.mean(values), min(values), values

    def as_dict(self):
        systems = list(self.folds[0][2]) if self.folds else []
        out = {"folds": [], "mean": {}, "min": {}}
        for name, papers, evaluations in self.folds:
            out["folds"].append({
                "listing": name,
                "papers": papers,
                **{s: {m: {k: _prf(getattr(ev, m)[k]) for k in TYPES} for m in ("strict", "lenient")} for s, ev in evaluations.items()},
            })
        for system in systems:
            for mode in ("strict", "lenient"):
                out["mean"].setdefault(system, {})[mode] = {k: round(self.figure(system, k, mode)[0], 4) for k in TYPES}
                out["min"].setdefault(system, {})[mode] = {k: round(self.figure(system, k, mode)[1], 4) for k in TYPES}
        return out


def _prf(score):
    return {"precision": round(score.precision, 4), "recall": round(score.recall, 4), "f1": round(score.f1, 4)}


def cross_validate(extractor, listings, labels, seed=SEED, trees=False):
    """Leave-one-listing-out: per listing, the rules alone and the task model fitted on the other
    listings' labelled papers (and with ``trees``, the trees too), scored on its labelled papers."""
    corpus = Corpus(extractor, listings, labels)
    report = FoldReport()
    for held_out in listings:
        test = [key for key, _, _ in held_out.papers if key in labels]
        if not test:
            continue
        test_set = set(test)
        train = [key for key in corpus.texts if key not in test_set]
        learned = chooser(corpus, train_model(corpus, train, seed))
        gold = [labels[key] for key in test]
        evaluations = {
            "rules": evaluate(gold, corpus.predictions(test)),
            "learned": evaluate(gold, corpus.predictions(test, learned)),
        }
        if trees:
            evaluations["trees"] = evaluate(gold, corpus.predictions(test, trees_chooser(corpus, train_trees(corpus, train, seed))))
        report.folds.append((held_out.name, len(test), evaluations))
    return report


def format_folds(report, mode="strict"):
    """A table per system: P/R/F1 per type and fold, then the mean and the worst fold."""
    lines = []
    systems = list(report.folds[0][2]) if report.folds else []
    for system in systems:
        lines.append(f"{system} ({mode}): F1 per held-out listing, mean, worst; P/R of the mean")
        header = f"  {'type':<11}" + "".join(f"{name[:10]:>11}" for name, _, _ in report.folds) + f"{'mean':>8}{'worst':>8}{'P':>7}{'R':>7}"
        lines.append(header)
        for kind in TYPES:
            mean, worst, values = report.figure(system, kind, mode)
            precision = report.figure(system, kind, mode, "precision")[0]
            recall = report.figure(system, kind, mode, "recall")[0]
            lines.append(f"  {kind:<11}" + "".join(f"{v:>11.3f}" for v in values) + f"{mean:>8.3f}{worst:>8.3f}{precision:>7.3f}{recall:>7.3f}")
        lines.append("")
    return lines
