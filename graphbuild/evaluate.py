"""Score extraction against a labelled set, as ``../shared/ANNOTATION.md`` defines it.

Per type, precision and recall over names compared case-insensitively with everything but letters,
digits and '+' removed ("Qwen2.5-7B" = "qwen2.5 7b", "ControlNet++" != "ControlNet"). An entry
written "LONG (SHORT)" matches either form; a second prediction of an entry already matched is
neither right nor wrong. Links compare without scheme, "www.", ".git" and trailing slashes; results
compare as (benchmark, value) pairs. Strict scoring needs equal forms; lenient scoring accepts one
name containing the other.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extractors.normalize import scoring_form, url_key
from graphbuild.errors import InputError
from graphbuild.ingest.jsonl import json_objects
from graphbuild.papers import title_key

__all__ = ["TYPES", "TypeScore", "Evaluation", "read_gold", "evaluate", "entry_forms", "format_report"]

#: The scored types, in report order.
TYPES = ("links", "proposed", "benchmarks", "models", "methods", "results", "tasks")

_LONG_SHORT = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]+)\)$")


def entry_forms(entry):
    """The comparison forms of a name: both forms of "LONG (SHORT)", else the name itself.

    >>> sorted(entry_forms("Direct Preference Optimization (DPO)"))
    ['directpreferenceoptimization', 'dpo']
    """
    match = _LONG_SHORT.match(entry.strip())
    names = [match.group("long"), match.group("short")] if match else [entry]
    return {form for form in (scoring_form(n) for n in names) if form}


def _link_forms(url):
    return {url_key(url).lower()}


def _value_form(value):
    text = str(value).strip().replace("%", "").replace(",", "").lstrip("+")
    try:
        return f"{float(text):g}"
    except ValueError:
        return text


def _result_forms(result):
    return {f"{b}|{_value_form(result.get('value'))}" for b in entry_forms(str(result.get("benchmark", "")))}


def _forms(kind, entry):
    if kind == "links":
        return _link_forms(entry)
    if kind == "results":
        return _result_forms(entry)
    return entry_forms(entry)


def _display(kind, entry):
    if kind == "results":
        return f"{entry.get('benchmark')} = {entry.get('value')}"
    return entry


def _matches(kind, predicted, gold, lenient):
    if predicted & gold:
        return True
    if not lenient:
        return False
    if kind == "results":
        for p in predicted:
            for g in gold:
                pb, pv = p.split("|", 1)
                gb, gv = g.split("|", 1)
                if pv == gv and pb and gb and (pb in gb or gb in pb):
                    return True
        return False
    return any(p and g and (p in g or g in p) for p in predicted for g in gold)


@dataclass
class TypeScore:
    """Counts for one type under one matching rule, with what went wrong."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: Counter = field(default_factory=Counter)
    false_alarms: Counter = field(default_factory=Counter)

    @property
    def precision(self):
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self):
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, worst=10):
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
            "worst_misses": self.misses.most_common(worst),
            "worst_false_positives": self.false_alarms.most_common(worst),
        }


def score_paper(kind, predicted, gold, score, lenient):
    """Add one paper's predictions and gold entries of one type to ``score``."""
    gold_forms = [(_forms(kind, g), g) for g in gold]
    matched = [False] * len(gold_forms)
    for prediction in predicted:
        forms = _forms(kind, prediction)
        hit = next((i for i, (g, _) in enumerate(gold_forms) if not matched[i] and _matches(kind, forms, g, lenient)), None)
        if hit is not None:
            matched[hit] = True
            score.true_positives += 1
        elif any(_matches(kind, forms, g, lenient) for g, _ in gold_forms):
            continue  # a second prediction of an entry already matched
        else:
            score.false_positives += 1
            score.false_alarms[_display(kind, prediction)] += 1
    for (forms, entry), was_matched in zip(gold_forms, matched):
        if not was_matched:
            score.false_negatives += 1
            score.misses[_display(kind, entry)] += 1


@dataclass
class Evaluation:
    """Scores per type, strict and lenient, over the papers found in both gold and predictions."""

    papers: int
    strict: dict
    lenient: dict
    unmatched_titles: list

    def as_dict(self, worst=10):
        return {
            "papers": self.papers,
            "unmatched_gold_titles": self.unmatched_titles,
            "strict": {k: v.as_dict(worst) for k, v in self.strict.items()},
            "lenient": {k: v.as_dict(worst) for k, v in self.lenient.items()},
        }


def read_gold(path):
    """Labelled papers from a JSON Lines file (``title`` plus one list per type)."""
    path = Path(path)
    gold = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such file (expected labelled papers as JSON Lines)") from None
    hint = '(every labelled paper needs "title" and the type lists)'
    for where, obj in json_objects(lines, path, hint):
        if not isinstance(obj.get("title"), str):
            raise InputError(where, f'missing "title" {hint}')
        for kind in TYPES:
            entries = obj.get(kind, [])
            wanted = dict if kind == "results" else str
            if not isinstance(entries, list) or not all(isinstance(entry, wanted) for entry in entries):
                what = "objects" if kind == "results" else "strings"
                raise InputError(where, f'"{kind}" must be a list of {what} {hint}')
        gold.append(obj)
    return gold


def evaluate(gold, predictions, types=TYPES):
    """Score ``predictions`` (``graphbuild extract`` objects) against ``gold``, matched by title."""
    by_title = {title_key(p["title"]): p for p in predictions}
    strict = {kind: TypeScore() for kind in types}
    lenient = {kind: TypeScore() for kind in types}
    unmatched = []
    papers = 0
    for labelled in gold:
        predicted = by_title.get(title_key(labelled["title"]))
        if predicted is None:
            unmatched.append(labelled["title"])
            continue
        papers += 1
        for kind in types:
            score_paper(kind, predicted.get(kind, []), labelled.get(kind, []), strict[kind], lenient=False)
            score_paper(kind, predicted.get(kind, []), labelled.get(kind, []), lenient[kind], lenient=True)
    return Evaluation(papers=papers, strict=strict, lenient=lenient, unmatched_titles=unmatched)


def format_report(evaluation, worst=5):
    """The table and the worst misses and false positives, as lines of text."""
    lines = [
        f"{evaluation.papers} labelled papers",
        "",
        f"{'type':<12}{'strict P':>9}{'R':>7}{'F1':>7}   {'lenient P':>9}{'R':>7}{'F1':>7}   {'gold':>5}",
    ]
    for kind, score in evaluation.strict.items():
        loose = evaluation.lenient[kind]
        gold = score.true_positives + score.false_negatives
        lines.append(
            f"{kind:<12}{score.precision:>9.3f}{score.recall:>7.3f}{score.f1:>7.3f}   "
            f"{loose.precision:>9.3f}{loose.recall:>7.3f}{loose.f1:>7.3f}   {gold:>5}"
        )
    for kind, score in evaluation.strict.items():
        if score.misses or score.false_alarms:
            lines.append("")
            lines.append(f"{kind}:")
            if score.misses:
                lines.append("  missed:          " + "; ".join(f"{n} ({c})" if c > 1 else n for n, c in score.misses.most_common(worst)))
            if score.false_alarms:
                lines.append("  false positives: " + "; ".join(f"{n} ({c})" if c > 1 else n for n, c in score.false_alarms.most_common(worst)))
    if evaluation.unmatched_titles:
        lines.append("")
        lines.append(f"{len(evaluation.unmatched_titles)} labelled titles not found in the inputs, e.g. {evaluation.unmatched_titles[0]!r}")
    return lines

