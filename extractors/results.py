"""Results: numbers reported on a named benchmark.

"84.3 on AIME2024", "72.2% accuracy on MATH500", "GenEval (0.82)", "a win rate of 51.6 on
Arena-Hard", "84.3, 72.2 and 98.4 on AIME2024, AIME2025 and MATH500, respectively", "FID of
1.91/2.43 on CIFAR-10/FFHQ". A number is tied to the benchmark it is reported on when the words
between them are only a metric and a preposition; in a sentence that names a single benchmark,
every later percentage or decimal reports on it. Counts and sizes ("1.89 million queries", "7B")
are never results. Runs after the benchmark, model and proposal components and stores plain
tuples in ``doc._.results``: (benchmark start, benchmark end, value, metric or None, subject
start, subject end) with -1 for no subject.
"""

import bisect
import re

from spacy.language import Language

from extractors.benchmarks import MENTIONED, BenchmarkRules
from extractors.component_data import DataComponent
from extractors.doc_values import findings, register, set_value
from extractors.lexicon import NUMBER, document_text, interesting_tokens
from extractors.sections import sentence_bounds
from extractors.shapes import AT_METRIC
from extractors.spans import SpanIndex

__all__ = ["ResultFinder", "reported_results"]

register("results")
register("metric_names")

# A number, with the "\\%" of LaTeX sources and the "53. 6" of broken PDF extraction tolerated;
# a range written with "--" or an en dash ("3--6%", "8–10%") is one value.
_NUMBER = re.compile(
    r"(?<![\w.\-/])[-+]?\d+(?:\.\d+|\.\s\d+(?=\s?\\?%))?(?:\s?(?:--|–)\s?\d+(?:\.\d+)?)?(?:\s?\\?%)?(?![\w/]|\.\d|-[A-Za-z])"
)  # not "3-class", "5-shot": a number written on to a word describes, it reports nothing
_CHAIN = re.compile(r"^\s*(?:->|→|to|and|,|vs\.?|versus)\s*(?:\(\s*)?$")
_CHANGED_TO = re.compile(r"\s*\\?%?\s*(?:→|->|to)\s*$")  # between the two values of a change
_PREPOSITION = r"(?:on|in|for|at|over|across|of)"
# "37% when trained on FineWeb-Edu": what a model was trained on is no benchmark it reports on.
_TRAINED = r"trained|training|fine-tuned|finetuned|pretrained|pre-trained"
# A split named after a benchmark: "on the MagicBrush test set from 0.852", "MathVista testmini from 68.2%".
_SPLIT = r"(?:(?:test|val|validation|dev|testmini|test-dev|val-unseen|val-seen|held-out)(?:\s+(?:set|split))?\s+)?"
_NUMBER_NEXT = re.compile(r"\s+(?:of|to|=|:)?\s*\d")  # after a metric's name: "MAE of 19.12"
_NUMBER_BEFORE = re.compile(r"\d\s?%?\s+$")  # before one: "94.28% LAS"
_BRACKETED_SHORT_FORM = re.compile(r"\s*\(\s*([A-Z][A-Za-z\-]*)\s+")  # " (CTB " before the version of "(CTB 5.1)"
_TRAINED_ON = re.compile(rf"\b(?:{_TRAINED})\s+on\s+(?:the\s+)?$", re.IGNORECASE)
# "HumanEval improves from 60.4 to 68.9", "accuracy on X rises to 91%".
_CHANGE = r"(?:improves?|improved|increases?|increased|rises?|rose|grows?|jumps?|climbs?|drops?|dropped|decreases?|decreased|falls?|goes|went)"
_FOLLOWING_WORDS = re.compile(r"\s*([A-Za-z×]+)(?:\s+([a-z]+))?")  # the two words after a number
_LISTED_COUNT = re.compile(r"(?:\s*,)?\s+(?:and|or)\s+\d+(?:[.,]\d+)?(?=\s)")  # " and 1000" of "100 and 1000 layers"


def _value(number_text):
    """The value as written, without sign, percent sign or the space of "53. 6"."""
    return re.sub(r"\s", "", number_text).replace("\\%", "").replace("%", "").lstrip("+")


def _metric_words(metrics):
    return "|".join(sorted((re.escape(m) for m in metrics), key=len, reverse=True))


class _Rules:
    def __init__(self, metrics, units):
        metric = _metric_words(metrics)
        self.units = {u.lower() for u in units}
        self.metric_set = {m.lower() for m in metrics}
        # Number ... benchmark: "84.3 on X", "72.2% accuracy on the X", "+5.2 points on X"; not
        # across a conjunction ("On X it scores 90.2 and on Y 40.1": 90.2 is not Y's).
        self.before = re.compile(
            rf"^\s*(?:\)\s*)?(?:(?:{metric})\s+)?(?:(?!(?:and|or|but|while|whereas|{_TRAINED})\s)(?:[a-z\-]+|{AT_METRIC})\s+){{0,2}}?(?:(?:{metric})\s+)?(?:(?:score|points?|improvement|gain)\s+)?(?:respectively\s+)?{_PREPOSITION}\s+(?:the\s+)?(?:[a-z\-]+\s+){{0,3}}$",
            re.IGNORECASE,
        )
        # Benchmark ... number: "X (84.3)", "X (EM 84.3)", "X: 84.3", "X accuracy of 84.3", "X to 84.3".
        self.after = re.compile(
            rf"^\s*(?:\(\s*(?:(?:{metric})\s*[:=]?\s*)?|:\s*|=\s*|{_SPLIT}(?:benchmark\s+)?(?:(?:{metric})\s+)?(?:score\s+)?(?:{_CHANGE}\s+)?(?:of|at|to|reaching|with|by|from(?:\s+[\d.]+%?\s+to)?)\s+(?:an?\s+)?(?:(?:{metric})\s+)?(?:of\s+)?)$",
            re.IGNORECASE,
        )
        self.metric_in = re.compile(rf"\b({metric})\b", re.IGNORECASE)
        self.metric_after_number = re.compile(rf"^\s*%?\s*({metric})\b", re.IGNORECASE)
        # A metric right before a number, its short form in brackets allowed: "an average accuracy
        # of 75.0%", "a success rate (SR) of 39.2%".
        self.metric_before_number = re.compile(rf"\b({metric})(?:\s*\([^()]{{1,12}}\))?\s+(?:of\s+|:\s*|=\s*)$", re.IGNORECASE)
        # Between two numbers of a list, the first one's metric: "% UAS and ", " ROUGE-1, ".
        self.metric_listed = re.compile(rf"\s*\\?%?\s*({metric})\s*(?:,\s*(?:and\s+)?|and\s+)$", re.IGNORECASE)
        # Numbers listed each after its own metric: "a success rate (SR) of 39.2% and an SPL of 33.0",
        # "a WER of 2.14% and a speaker similarity of 0.67": the gap after the first one (the
        # second's metric a known one or a word or two); the first's is ``metric_before_number``.
        self.metric_next = re.compile(
            rf"\s*\\?%?\s*(?:,\s*(?:and\s+)?|and\s+)(?:an?\s+)?(?:{metric}|[a-z\-]+(?:\s+[a-z\-]+)?)(?:\s*\([^()]{{1,12}}\))?\s+(?:of\s+|:\s*)$",
            re.IGNORECASE,
        )

    def used_as_metrics(self, text, spans):
        """Those of the name spans ``spans`` that a metric list names and that are written right
        before or after a number: "MAE of 19.12", "94.28% LAS". There such a name ("LAS", "MAE",
        "EM") is a metric, not the method it also names (Listen, Attend and Spell; masked
        autoencoders; expectation maximisation)."""
        return [
            (start, end) for start, end in spans
            if text[start:end].lower() in self.metric_set
            and (_NUMBER_NEXT.match(text, end) or _NUMBER_BEFORE.search(text, max(0, start - 16), start))
        ]

    def is_count(self, text, number):
        """True for a count or a size: "1.89 million queries", "7B", and a whole number before
        one describing word and a unit ("21 offline tasks"); in "100 and 1000 layers" both
        numbers are."""
        listed = _LISTED_COUNT.match(text, number.end())
        following = _FOLLOWING_WORDS.match(text, listed.end() if listed else number.end())
        if following is None:
            return False
        if following.group(1).lower() in self.units:
            return True
        second = following.group(2)
        return second is not None and second.lower() in self.units and number.group().lstrip("+-").isdigit()


_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$")
# A benchmark named first in its sentence or clause, after a preposition: "On SQuAD, ...",
# "...; on CNN/DailyMail ...", "..., and for MNIST ...", "..., and on the audio-visual VoxCeleb2
# mixtures ...", "...: on ogbl-collab, ...". Matched on the few characters before the
# benchmark (``_FRONTED_LOOK_BACK``), with "^" the sentence's start when they reach it.
_CLAUSE_START = r"[;:,\n]\s*(?:(?:and|while|whereas|but)\s+)?"
_FRONTING = r"\s*(?:(?:when\s+)?(?:evaluated|tested|benchmarked)\s+)?(?:on|in|for|across)\s+(?:the\s+)?(?:[a-z][a-z\-]*\s+)?$"
_FRONTED = re.compile(rf"(?:^|{_CLAUSE_START}){_FRONTING}", re.IGNORECASE)
_FRONTED_IN_SENTENCE = re.compile(rf"{_CLAUSE_START}{_FRONTING}", re.IGNORECASE)
_FRONTED_LOOK_BACK = 32
_FOR_A_NAME = re.compile(r"\s*\\?%?\s+for\s+")  # "47.5% for SimPO": the name comes next
_LONGEST_LIST_GAP = 64  # characters between two listed numbers or benchmarks: ", and the " and its like
# "FID of 1.91/2.43 on CIFAR-10/FFHQ": numbers joined by slashes, each a decimal or a percentage
# (so no date or fraction such as "2023/24" or "1/2").
_SLASHED = re.compile(r"(?<![\w.\-/])\d+(?:\.\d+%?|%)(?:/\d+(?:\.\d+%?|%))+(?![\w/]|\.\d)")
_SLASHED_PART = re.compile(r"\d+(?:\.\d+)?%?")
_NONE, _SEVERAL = -1, -2  # a sentence names no benchmark, or more than one
_LISTED_NUMBERS = r"^\s*\\?%?\s*(?:,\s*(?:and\s+)?|and\s+)$"  # between two numbers of a list: ", ", " and ", "%, and "


def _runs(numbers, text, joiner):
    """Maximal runs of numbers separated only by ``joiner`` ("84.3, 72.2 and 98.4")."""
    runs, current = [], []
    for number in numbers:
        if (
            current
            and number.start() - current[-1].end() <= _LONGEST_LIST_GAP
            and re.match(joiner, text[current[-1].end():number.start()])
        ):
            current.append(number)
        else:
            if current:
                runs.append(current)
            current = [number]
    if current:
        runs.append(current)
    return runs


def reported_results(text, benchmarks, subjects, rules, number_starts, max_gap=48, own=-1):
    """(benchmark index, value, metric, subject index) for each reported number.

    ``benchmarks`` are sorted, non-overlapping (start, end) character ranges, ``subjects`` sorted
    ranges; numbers inside any of them (the 2024 of "AIME 2024", the 7 of "Qwen2.5 7B") are not
    values. ``number_starts`` are where the document's number tokens start. Every look-up (the
    benchmark next to a number, the subject before it, the sentence it is in) is a binary search,
    so an abstract of thousands of numbers and names costs time in proportion to its length.
    ``own`` is the index of the one benchmark the paper introduces, -1 for none or several.
    """
    taken_numbers = set()
    taken = []
    taken_order = []  # start of the number behind each entry of ``taken``
    covered = SpanIndex(benchmarks + subjects)
    b_starts = [start for start, _ in benchmarks]
    b_ends = [end for _, end in benchmarks]  # sorted too: the benchmarks do not overlap
    s_starts = [start for start, _ in subjects]
    s_ends = {end for _, end in subjects}
    longest_subject = max((end - start for start, end in subjects), default=0)
    # Where sentences end ("vs.", "e.g." and their like do not end one: "(77.9% vs. 76.1%)").
    sentences = sentence_bounds(text)
    breaks = [end - 1 for _, end in sentences[:-1]]

    def last_break(position):
        """The last sentence break whose space comes before ``position``, -1 for none."""
        k = bisect.bisect_left(breaks, position - 1) - 1
        return breaks[k] if k >= 0 else -1

    def in_name_brackets(number):
        """Whether ``number`` is the version in a short form bracketed after a benchmark's name,
        "Chinese Penn Treebank (CTB 5.1)", not a result on it ("Spider (EM 78.2)" is one)."""
        if not text.startswith(")", number.end()):
            return False
        index = bisect.bisect_right(b_ends, number.start()) - 1
        if index < 0:
            return False
        short = _BRACKETED_SHORT_FORM.fullmatch(text, b_ends[index], number.start())
        return short is not None and not rules.metric_in.fullmatch(short.group(1))

    numbers = []
    for start in number_starts:
        match = _NUMBER.match(text, start)
        if match is None or (numbers and start < numbers[-1].end()):
            continue
        if not covered.contains(match.start(), match.end()) and not rules.is_count(text, match) and not in_name_brackets(match):
            numbers.append(match)
    n_starts = [m.start() for m in numbers]
    n_ends = [m.end() for m in numbers]

    def metric_for(gap, number_end):
        after = rules.metric_after_number.match(text[number_end:number_end + 40])
        if after:
            return after.group(1)
        found = rules.metric_in.search(gap)
        return found.group(1) if found else None

    def take(index, number, metric):
        """Report ``number`` on benchmark ``index``."""
        taken.append((index, _value(number.group()), metric, subject_for(number.start())))
        taken_numbers.add(number.start())
        taken_order.append(number.start())

    def subject_for(position):
        """The last subject ending at or before ``position`` in its sentence, -1 for none."""
        boundary = last_break(position)
        for index in range(bisect.bisect_right(s_starts, position) - 1, -1, -1):
            start, end = subjects[index]
            if start + longest_subject <= boundary:
                break  # this subject and every earlier one end before the sentence starts
            if boundary < end <= position:
                return index
        return -1

    # "a, b and c on X, Y and Z, respectively"
    for s_start, s_end in sentences if "respectively" in text else ():
        if "respectively" not in text[s_start:s_end]:
            continue
        in_sentence_b = range(bisect.bisect_left(b_starts, s_start), bisect.bisect_right(b_ends, s_end))
        in_sentence_n = numbers[bisect.bisect_left(n_starts, s_start):bisect.bisect_right(n_ends, s_end)]
        if len(in_sentence_b) < 2:
            continue
        if len(in_sentence_n) == len(in_sentence_b):
            for index, number in zip(in_sentence_b, in_sentence_n):
                take(index, number, metric_for("", number.end()))
            continue
        # More numbers than benchmarks: each list of as many numbers as there are benchmarks pairs
        # with them ("MRR of 0.352 and 0.491 respectively, against 0.338 and 0.476 for RotatE").
        for run in _runs(in_sentence_n, text, _LISTED_NUMBERS):
            if len(run) == len(in_sentence_b) and not any(n.start() in taken_numbers for n in run):
                for index, number in zip(in_sentence_b, run):
                    take(index, number, metric_for("", number.end()))

    # "on CIFAR-10/FFHQ, with FID scores of 1.91/2.43": benchmarks joined by slashes and as many
    # numbers joined by slashes in the same sentence pair up in order.
    for s_start, s_end in sentences if "/" in text else ():
        if text.count("/", s_start, s_end) < 2:
            continue
        first = bisect.bisect_left(b_starts, s_start)
        last = bisect.bisect_right(b_ends, s_end)
        runs = []  # runs of benchmarks written "A/B/C"
        for index in range(first, last):
            if runs and runs[-1][-1] == index - 1 and text[b_ends[index - 1]:b_starts[index]] == "/":
                runs[-1].append(index)
            else:
                runs.append([index])
        by_length = {}  # the sentence's slashed runs of benchmarks by length, first one first
        for run in reversed(runs):
            if len(run) >= 2:
                by_length.setdefault(len(run), []).append(run)
        for slashed in _SLASHED.finditer(text, s_start, s_end) if by_length else ():
            parts = list(_SLASHED_PART.finditer(text, slashed.start(), slashed.end()))
            if by_length.get(len(parts)):
                group = by_length[len(parts)].pop()
                for index, part in zip(group, parts):
                    take(index, part, metric_for(text[b_ends[group[-1]]:slashed.start()], slashed.end()))

    # "by 10.06% and 12.14% on the AIME2024 and AIME2025 datasets": a list of numbers before a
    # list of as many benchmarks.
    for run in _runs(numbers, text, _LISTED_NUMBERS):
        if len(run) < 2 or any(n.start() in taken_numbers for n in run):
            continue
        first = bisect.bisect_left(b_starts, run[-1].end())
        following = range(first, min(first + len(run), len(benchmarks)))
        if len(following) != len(run) or b_starts[first] - run[-1].end() > max_gap:
            continue
        first_gap = text[run[-1].end():b_starts[first]]
        joined = all(
            b_starts[b] - b_ends[a] <= _LONGEST_LIST_GAP and _LIST_GAP.match(text[b_ends[a]:b_starts[b]])
            for a, b in zip(following, following[1:])
        )
        if joined and rules.before.match(first_gap.replace("%", "", 1)):
            for index, number in zip(following, run):
                take(index, number, metric_for(first_gap, number.end()))

    for position, number in enumerate(numbers):
        if number.start() in taken_numbers:
            continue
        choice = None
        # The nearest benchmark after the number, when only a metric and a preposition lie between.
        index = bisect.bisect_left(b_starts, number.end())
        if index < len(benchmarks) and b_starts[index] - number.end() <= max_gap:
            gap = text[number.end():b_starts[index]]
            if rules.before.match(gap.replace("\\%", "").replace("%", "", 1)):
                choice = (index, gap)
        if choice is None:
            # The nearest benchmark before the number: "X (84.3)", "X accuracy of 84.3".
            index = bisect.bisect_right(b_ends, number.start()) - 1
            if index >= 0 and number.start() - b_ends[index] <= max_gap:
                gap = text[b_ends[index]:number.start()]
                written = number.group()
                if (rules.after.match(gap) or (gap == " " and ("." in written or "%" in written))) and not _TRAINED_ON.search(
                    text, max(0, b_starts[index] - 24), b_starts[index]
                ):
                    choice = (index, gap)  # also "MMLU 78.5, GSM8K 88.1": a decimal right after the name
        if choice is None:
            continue
        index, gap = choice
        take(index, number, metric_for(gap, number.end()))
        if index >= bisect.bisect_left(b_starts, number.end()):
            # "95.7% UAS and 94.1% LAS on PTB": numbers before this one, each with a metric of
            # its own, listed up to it report on the same benchmark.
            # "from 28.9% to 43.3% on AIME 2024", "(77.9%→84.1% on GSM8K)": the value before the
            # change reports on it too.
            k = position - 1
            while k >= 0 and numbers[k].start() not in taken_numbers:
                listed = rules.metric_listed.match(text, numbers[k].end(), numbers[k + 1].start())
                if listed is not None:
                    take(index, numbers[k], listed.group(1))
                elif rules.metric_next.match(text, numbers[k].end(), numbers[k + 1].start()) and (
                    named_before := rules.metric_before_number.search(text, max(0, numbers[k].start() - 40), numbers[k].start())
                ):
                    take(index, numbers[k], named_before.group(1))
                elif _CHANGED_TO.match(text, numbers[k].end(), numbers[k + 1].start()) and (
                    "to" not in text[numbers[k].end():numbers[k + 1].start()] or text.endswith("from ", 0, numbers[k].start())
                ):
                    take(index, numbers[k], metric_for("", numbers[k].end()))
                else:
                    break
                k -= 1
        # "by 51.6% -> 60.1% for DPO and 52.6% -> 62.4% for RLOO": numbers chained to this one.
        previous = number
        for k in range(position + 1, len(numbers)):
            following = numbers[k]
            between = re.sub(r"\\?%|\bfor\s+[\w\-.]+", "", text[previous.end():following.start()])
            if following.start() in taken_numbers or not _CHAIN.match(between):
                break
            take(index, following, metric_for(gap, following.end()))
            previous = following
    # "62% win rate in WebShop, outperforming RFT (53.6%) and GPT-4 (35.6%)": numbers in
    # parentheses after a compared name belong to the result reported last before them in the
    # same sentence.
    reported = sorted(zip(taken_order, range(len(taken))))  # (number start, entry), by start
    for number in numbers:
        if number.start() in taken_numbers or not taken:
            continue
        opening = re.search(r"\(\s*$", text[max(0, number.start() - 3):number.start()])
        closing = re.match(r"^\s*\)", text[number.end():number.end() + 3])
        after_subject = any(number.start() - distance in s_ends for distance in range(4))
        if not (opening and closing and after_subject):
            continue
        k = bisect.bisect_left(reported, (number.start(), -1)) - 1
        if k >= 0 and reported[k][0] > last_break(number.start()):
            index, _, metric, _ = taken[reported[k][1]]
            take(index, number, metric)
            bisect.insort(reported, (number.start(), len(taken) - 1))
    # "52.7% on AlpacaEval 2, compared with 47.5% for SimPO", "86.1 on BFCL and 58.4 on
    # tau-bench, against 81.3 and 49.7 for xLAM-2-8B": a list of numbers "for" a compared name
    # repeats, in order, the benchmarks of as many results reported just before it in the sentence.
    subject_starts = set(s_starts)
    for run in _runs([n for n in numbers if n.start() not in taken_numbers], text, _LISTED_NUMBERS):
        compared = _FOR_A_NAME.match(text, run[-1].end())
        if compared is None or compared.end() not in subject_starts:
            continue
        k = bisect.bisect_left(reported, (run[0].start(), -1))
        if k < len(run) or reported[k - len(run)][0] <= last_break(run[0].start()):
            continue  # fewer results than numbers before it in its sentence
        for (_, entry), number in zip(reported[k - len(run):k], run):
            index, _, metric, _ = taken[entry]
            take(index, number, metric)
        for offset, number in enumerate(run):
            bisect.insort(reported, (number.start(), len(taken) - len(run) + offset))
    # "On SQuAD, BiDAF reaches an exact match of 68.0 and an F1 of 77.3; on CNN/DailyMail ...": a
    # benchmark a sentence or clause opens with reports the percentages and decimals after it, up
    # to the next benchmark named, though the sentence names others.
    for number in numbers:
        written = number.group()
        if number.start() in taken_numbers or not ("%" in written or "." in written):
            continue
        index = bisect.bisect_right(b_ends, number.start()) - 1
        boundary = last_break(number.start())
        if index < 0 or b_starts[index] <= boundary:
            continue
        # "Evaluated on Google Scanned Objects (GSO), ...": the short form's long form opens the clause.
        opens = b_starts[index]
        if index > 0 and b_starts[index - 1] > boundary and text[b_ends[index - 1]:opens] in ("(", " ("):
            opens = b_starts[index - 1]
        look_from = max(boundary + 1, opens - _FRONTED_LOOK_BACK)
        fronted = _FRONTED if look_from == boundary + 1 else _FRONTED_IN_SENTENCE
        if fronted.search(text[look_from:opens]):
            take(index, number, metric_for("", number.end()))
    # The one benchmark each sentence names: its index, NONE when it names none, SEVERAL when more.
    named = []
    for s_start, s_end in sentences:
        first, last = bisect.bisect_left(b_starts, s_start), bisect.bisect_right(b_ends, s_end)
        if first >= last:
            named.append(_NONE)
        else:
            named.append(first if len({text[b_starts[i]:b_ends[i]].lower() for i in range(first, last)}) == 1 else _SEVERAL)
    # "We evaluate on AitW, where our agent reaches 49.5% -- from 17.7 to 67.2% success rate":
    # in a sentence that names one benchmark, a percentage or decimal written after the name
    # and not tied to anything above reports on it.
    for (s_start, s_end), first in zip(sentences, named):
        if first < 0:
            continue
        for number in numbers[bisect.bisect_left(n_starts, b_ends[first]):bisect.bisect_right(n_ends, s_end)]:
            written = number.group()
            if number.start() not in taken_numbers and ("%" in written or "." in written):
                take(first, number, metric_for("", number.end()))
    def with_metric(number, s_start):
        """A metric after the number or right before it ("an average accuracy of 75.0%"), or the
        number in brackets after a compared name ("GPT-4o (13.9%)")."""
        return (
            rules.metric_after_number.match(text[number.end():number.end() + 40])
            or rules.metric_before_number.search(text, max(s_start, number.start() - 40), number.start())
            or (text.endswith("(", 0, number.start()) and any(number.start() - d in s_ends for d in range(1, 4)))
        )

    # "... on ImageNet. A linear classifier on these features achieves 76.5% top-1 accuracy": a
    # sentence that names no benchmark reports its numbers with a metric on the one benchmark the
    # sentence before it names.
    for k in range(1, len(sentences)):
        s_start, s_end = sentences[k]
        first = named[k - 1]
        if named[k] != _NONE or first < 0:
            continue  # this sentence names its own, or the one before names none or several
        for number in numbers[bisect.bisect_left(n_starts, s_start):bisect.bisect_right(n_ends, s_end)]:
            if number.start() not in taken_numbers and with_metric(number, s_start):
                take(first, number, metric_for("", number.end()))
    # "We introduce CountBench-T2I, a benchmark of ... The strongest systems reach only 48.7% and
    # 45.1% exact-count accuracy": in a paper that introduces one benchmark, a sentence after it
    # that names no benchmark reports its numbers with a metric on the paper's own.
    for (s_start, s_end), first in zip(sentences, named) if own >= 0 else ():
        if first != _NONE or s_start < b_ends[own]:
            continue
        for number in numbers[bisect.bisect_left(n_starts, s_start):bisect.bisect_right(n_ends, s_end)]:
            if number.start() not in taken_numbers and with_metric(number, s_start):
                take(own, number, metric_for("", number.end()))
    return [entry for _, entry in sorted(zip(taken_order, taken), key=lambda pair: pair[0])]


class ResultFinder(DataComponent):
    """spaCy component: ``doc._.results`` from the benchmarks and names already found."""

    def __init__(self, name="graphbuild_results", subject_keys=("proposed", "models", "methods")):
        self.name = name
        self.subject_keys = tuple(subject_keys)
        self.rules = None

    def data_from(self, resources, nlp):
        return {"metrics": list(resources.metrics), "units": list(resources.result_units)}

    def set_up(self, data):
        super().set_up(data)
        self.rules = _Rules(data["metrics"], data["units"])

    def __call__(self, doc):
        self.check_initialised()
        text = document_text(doc)
        methods = [(start, end) for group in ("methods", "method_shapes") for start, end, _, _ in findings(doc, group)]
        set_value(doc, "metric_names", self.rules.used_as_metrics(text, methods))
        # A name only the phrasing rules call a benchmark ("91.5% on DeepSeek-R1") is no benchmark
        # where the model rules found a model.
        models = SpanIndex((start, end) for start, end, _, _ in findings(doc, "models"))
        ranges = {(start, end) for start, end, _, key in findings(doc, "benchmarks") if key or not models.overlaps(start, end)}
        # The benchmarks the paper introduces, wherever the abstract names them.
        own_names = {text[start:end] for start, end, label, _ in findings(doc, "proposed") if label == "BENCHMARK"}
        for name in sorted(own_names)[:MENTIONED]:
            ranges.update(BenchmarkRules.mentions(text, name, 0))
        ranges = sorted(ranges, key=lambda r: (r[0], -r[1]))
        benchmarks = []
        for start, end in ranges:  # the longest of overlapping names
            if not benchmarks or start >= benchmarks[-1][1]:
                benchmarks.append((start, end))
        if not benchmarks:
            set_value(doc, "results", [])
            return doc
        subjects = sorted(
            {(start, end) for group in self.subject_keys for start, end, _, _ in findings(doc, group)}
        )
        results = []
        number_starts = [start for _, start, _, _, _ in interesting_tokens(doc, NUMBER)]
        # The one benchmark the paper introduces (a proposed name that is a benchmark), if one.
        own = [i for i, (start, end) in enumerate(benchmarks) if text[start:end] in own_names]
        one_own = own[0] if len({text[benchmarks[i][0]:benchmarks[i][1]].lower() for i in own}) == 1 else -1
        for b_index, value, metric, s_index in reported_results(text, benchmarks, subjects, self.rules, number_starts, own=one_own):
            b_start, b_end = benchmarks[b_index]
            s_start, s_end = subjects[s_index] if s_index >= 0 else (-1, -1)
            results.append((b_start, b_end, value, metric, s_start, s_end))
        set_value(doc, "results", results)
        return doc


@Language.factory("graphbuild_results")
def make_result_finder(nlp, name):
    return ResultFinder(name)
