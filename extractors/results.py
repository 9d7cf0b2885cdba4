"""Results: numbers reported on a named benchmark.

"84.3 on AIME2024", "72.2% accuracy on MATH500", "GenEval (0.82)", "a win rate of 51.6 on
Arena-Hard", "84.3, 72.2 and 98.4 on AIME2024, AIME2025 and MATH500, respectively". A number is
tied to the benchmark it is reported on when the words between them are only a metric and a
preposition; counts and sizes ("1.89 million queries", "7B") are never results. Runs after the
benchmark, model and proposal components and stores plain tuples in ``doc._.results``:
(benchmark start, benchmark end, value, metric or None, subject start, subject end) with -1 for
no subject.
"""

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.gazetteer import DATA_DIR, read_list

__all__ = ["ResultFinder", "reported_results"]

if not Doc.has_extension("results"):
    Doc.set_extension("results", default=None)

_NUMBER = re.compile(r"(?<![\w.\-/])[-+]?\d+(?:\.\d+)?(?:\s?%)?(?![\w/]|\.\d)")
_SENTENCE = re.compile(r"[^.!?]*(?:[.!?](?=\s|$)|$)")
_PREPOSITION = r"(?:on|in|for|at|over|across|of)"


def _metric_words(metrics):
    return "|".join(sorted((re.escape(m) for m in metrics), key=len, reverse=True))


class _Rules:
    def __init__(self, metrics, units):
        metric = _metric_words(metrics)
        self.units = {u.lower() for u in units}
        # Number ... benchmark: "84.3 on X", "72.2% accuracy on the X", "+5.2 points on X".
        self.before = re.compile(
            rf"^\s*(?:\)\s*)?(?:(?:{metric})\s+)?(?:(?:score|points?|improvement|gain)\s+)?{_PREPOSITION}\s+(?:the\s+)?(?:challenging\s+)?$",
            re.IGNORECASE,
        )
        # Benchmark ... number: "X (84.3)", "X: 84.3", "X accuracy of 84.3", "X to 84.3".
        self.after = re.compile(
            rf"^\s*(?:\(\s*|:\s*|=\s*|(?:benchmark\s+)?(?:(?:{metric})\s+)?(?:score\s+)?(?:of|at|to|reaching|with|by|from\s+[\d.]+%?\s+to)\s+(?:an?\s+)?(?:(?:{metric})\s+)?(?:of\s+)?)$",
            re.IGNORECASE,
        )
        self.metric_in = re.compile(rf"\b({metric})\b", re.IGNORECASE)
        self.metric_after_number = re.compile(rf"^\s*%?\s*({metric})\b", re.IGNORECASE)

    def is_count(self, text, end):
        following = re.match(r"\s*([A-Za-z×]+)", text[end:end + 20])
        return bool(following and following.group(1).lower() in self.units)


def reported_results(text, benchmarks, subjects, rules, max_gap=48):
    """(benchmark index, value, metric, subject index) for each reported number.

    ``benchmarks`` and ``subjects`` are sorted (start, end) character ranges; numbers inside any of
    them (the 2024 of "AIME 2024", the 7 of "Qwen2.5 7B") are not values.
    """
    taken_numbers = set()
    taken = []
    covered = benchmarks + subjects

    def inside(start, end):
        return any(s <= start and end <= e for s, e in covered)

    numbers = [
        m for m in _NUMBER.finditer(text) if not inside(m.start(), m.end()) and not rules.is_count(text, m.end())
    ]

    def metric_for(gap, number_end):
        after = rules.metric_after_number.match(text[number_end:number_end + 40])
        if after:
            return after.group(1)
        found = rules.metric_in.search(gap)
        return found.group(1) if found else None

    def subject_for(position):
        best = -1
        for index, (start, end) in enumerate(subjects):
            if end <= position and not re.search(r"[.!?]\s", text[end:position]):
                best = index
        return best

    # "a, b and c on X, Y and Z, respectively"
    for sentence in _SENTENCE.finditer(text):
        if "respectively" not in sentence.group():
            continue
        s_start, s_end = sentence.span()
        in_sentence_b = [i for i, (b0, b1) in enumerate(benchmarks) if s_start <= b0 and b1 <= s_end]
        in_sentence_n = [m for m in numbers if s_start <= m.start() and m.end() <= s_end]
        if len(in_sentence_b) >= 2 and len(in_sentence_n) == len(in_sentence_b):
            for index, number in zip(in_sentence_b, in_sentence_n):
                value = number.group().replace("%", "").strip().lstrip("+")
                taken.append((index, value, metric_for("", number.end()), subject_for(number.start())))
                taken_numbers.add(number.start())

    for number in numbers:
        if number.start() in taken_numbers:
            continue
        value = number.group().replace("%", "").strip().lstrip("+")
        choice = None
        # The nearest benchmark after the number, when only a metric and a preposition lie between.
        for index, (b_start, b_end) in enumerate(benchmarks):
            if b_start >= number.end():
                gap = text[number.end():b_start]
                if len(gap) <= max_gap and rules.before.match(gap.replace("%", "", 1)):
                    choice = (index, gap)
                break
        if choice is None:
            # The nearest benchmark before the number: "X (84.3)", "X accuracy of 84.3".
            for index in range(len(benchmarks) - 1, -1, -1):
                b_start, b_end = benchmarks[index]
                if b_end <= number.start():
                    gap = text[b_end:number.start()]
                    if len(gap) <= max_gap and rules.after.match(gap):
                        choice = (index, gap)
                    break
        if choice is not None:
            index, gap = choice
            taken.append((index, value, metric_for(gap, number.end()), subject_for(number.start())))
            taken_numbers.add(number.start())
    return taken


class ResultFinder:
    """spaCy component: ``doc._.results`` from the benchmarks and names already found."""

    def __init__(self, name="graphbuild_results", subject_keys=("proposed", "models", "methods")):
        self.name = name
        self.subject_keys = tuple(subject_keys)
        self.rules = None

    def initialize(self, get_examples=None, *, nlp=None, extra_files=()):
        self.rules = _Rules(read_list(DATA_DIR / "metrics.txt"), read_list(DATA_DIR / "result_units.txt"))

    def __call__(self, doc):
        benchmarks = sorted({(s.start_char, s.end_char) for s in doc.spans.get("benchmarks", [])})
        benchmarks = [b for i, b in enumerate(benchmarks) if not (i and b[0] < benchmarks[i - 1][1])]
        subjects = sorted(
            {(s.start_char, s.end_char) for key in self.subject_keys for s in doc.spans.get(key, [])}
        )
        results = []
        for b_index, value, metric, s_index in reported_results(doc.text, benchmarks, subjects, self.rules):
            b_start, b_end = benchmarks[b_index]
            s_start, s_end = subjects[s_index] if s_index >= 0 else (-1, -1)
            results.append((b_start, b_end, value, metric, s_start, s_end))
        doc._.results = results
        return doc


@Language.factory("graphbuild_results")
def make_result_finder(nlp, name):
    return ResultFinder(name)
