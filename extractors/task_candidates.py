"""Candidate task phrases of a paper, and what describes each, for the learned task choice.

A paper's central tasks are short lowercase phrases as the paper writes them ("text-to-image
generation", "continual learning"); a list of known task phrases finds only the ones someone
listed. Here every phrase of one to five words in the title or abstract whose last word can end a
task phrase (the last word of a known task phrase, or a word ending like an activity: "-ing",
"-tion", "-sis", ...) is a candidate, and ``features`` says what a reader would look at: is it in
the title, how often the abstract repeats it, its head word, the words around it, whether the
task list knows it. The linear model trained by ``graphbuild train`` scores candidates; the best
one to three that do not overlap are the paper's tasks (``choose``).

>>> [c.phrase for c in candidates("Continual Learning for Robots", 30, ["continual learning"])][:3]
['continual learning', 'learning']
"""

import re
from dataclasses import dataclass, field

__all__ = ["TaskCandidate", "candidates", "features", "choose", "head_words"]

_CLAUSE = re.compile(r"[^.,;:!?()\[\]{}\"“”]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_ACTIVITY = ("ing", "tion", "sion", "sis", "ment", "ance", "ence", "ery", "ogy", "ics")
_STOP = frozenset(
    "a an the of for in on to and or with by from via as at into our we this that these those its their "
    "is are be been was were which while using based towards toward new novel such both each than "
    "can may also not more most less very how what when where why".split()
)
MAX_WORDS = 5


@dataclass
class TaskCandidate:
    """One candidate phrase of one paper: where it occurs, in words and characters."""

    phrase: str
    positions: list = field(default_factory=list)  # character offsets in the text
    before: list = field(default_factory=list)  # the word before each occurrence, lowercased
    after: list = field(default_factory=list)  # the word after each occurrence, lowercased
    cased: bool = False  # written with a capital inside the abstract (a name more than a task)


def head_words(known_phrases):
    """The words a known task phrase ends with."""
    return frozenset(phrase.split()[-1] for phrase in known_phrases if phrase.split())


def _can_end(word, heads):
    return word in heads or word.endswith(_ACTIVITY)


def candidates(text, title_end, known_phrases, heads=None):
    """Every candidate task phrase of ``text`` (title first), in order of first occurrence."""
    heads = heads if heads is not None else head_words(known_phrases)
    found = {}
    for clause in _CLAUSE.finditer(text):
        offset = clause.start()
        words = [(m.group(), offset + m.start()) for m in _WORD.finditer(clause.group())]
        lowered = [w.lower() for w, _ in words]
        # A word written with a capital inside the abstract (not first in its clause) makes the
        # phrase look like a name.
        capital = [
            position >= title_end and ((i > 0 and word[0].isupper()) or not word[1:].islower() and any(c.isupper() for c in word[1:]))
            for i, (word, position) in enumerate(words)
        ]
        for end, last in enumerate(lowered):
            if last in _STOP or not (last in heads or last.endswith(_ACTIVITY)):
                continue
            cased = False
            for start in range(end, max(-1, end - MAX_WORDS), -1):
                first = lowered[start]
                if first in _STOP and first != "and":
                    break
                cased = cased or capital[start]
                if first == "and":
                    continue
                phrase = " ".join(lowered[start:end + 1])
                candidate = found.get(phrase)
                if candidate is None:
                    candidate = found[phrase] = TaskCandidate(phrase)
                candidate.positions.append(words[start][1])
                candidate.before.append(lowered[start - 1] if start > 0 else "")
                candidate.after.append(lowered[end + 1] if end + 1 < len(words) else "")
                candidate.cased = candidate.cased or cased
    return list(found.values())


def features(candidate, title_end, known_phrases):
    """The feature strings of one candidate phrase."""
    words = candidate.phrase.split()
    in_title = [p for p in candidate.positions if p < title_end]
    in_abstract = len(candidate.positions) - len(in_title)
    out = [
        "bias",
        f"words={len(words)}",
        f"last={words[-1]}",
        f"first={words[0]}",
        f"phrase={candidate.phrase}",
        f"abstract={min(in_abstract, 4)}",
    ]
    if len(words) > 1:
        out.append(f"pair={words[-2]} {words[-1]}")
    if in_title:
        out += ["title", f"title&words={len(words)}", f"title&last={words[-1]}"]
    if candidate.phrase in known_phrases:
        out += ["known", f"known&title={bool(in_title)}", f"known&abstract={min(in_abstract, 3)}"]
    if candidate.cased:
        out.append("cased")
    if "-" in candidate.phrase:
        out.append("hyphen")
    first = min(candidate.positions) - title_end
    out.append("early" if first < 300 else "middle" if first < 900 else "late")
    for word in set(candidate.before):
        out.append(f"before={word}")
    for word in set(candidate.after):
        out.append(f"after={word}")
    return out


def choose(scored, most=3, threshold=0.5):
    """The tasks of a paper from (probability, phrase) pairs: the best ones at or above
    ``threshold`` (at least the best one), at most ``most``, none containing or contained in
    one already chosen."""
    chosen = []
    for probability, phrase in sorted(scored, key=lambda s: (-s[0], s[1])):
        if len(chosen) >= most or (chosen and probability < threshold):
            break
        padded = f" {phrase} "
        if any(padded in f" {c} " or f" {c} " in padded for c in chosen):
            continue
        chosen.append(phrase)
    return chosen
