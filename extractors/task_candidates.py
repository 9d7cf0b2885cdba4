"""Candidate task phrases of a paper, and what describes each, for the learned task choice.

A paper's central tasks are short lowercase phrases as the paper writes them ("text-to-image
generation", "continual learning"); a list of known task phrases finds only the ones someone
listed. Here every phrase of up to five words in the title, and every phrase of the abstract whose
last word can end a task phrase (the last word of a task-list phrase or of several names of the
task vocabulary, ``task_lexicon``, or a word ending like an activity: "-ing", "-tion", "-sis",
...), is a candidate, and the features say what a reader would look at: is it in the title, how
often the abstract repeats it, its words, the words around it, whether the task list or the
vocabulary knows it. The ranking model trained by ``graphbuild train`` scores the
candidates; the best one or two that do not overlap are the paper's tasks (``choose``).

>>> [c.phrase for c in candidates("Continual Learning\\n\\nWe study robot learning.", 18, ["continual learning"])]
['continual', 'learning', 'continual learning', 'robot learning', 'study robot learning']
"""

import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = [
    "TaskCandidate", "PHRASE_WORD", "candidates", "features", "phrase_features", "place_features", "recurrence_feature",
    "choose", "head_words", "task_lexicon", "title_colon",
]

# A word starts with a letter, or with digits and a letter ("3D", "6DoF"), never inside another.
_WORD_OR_BREAK = re.compile(r"(?<![A-Za-z0-9])(?P<word>\d*[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)|[.,;:!?()\[\]{}\"“”\n]")
_ACTIVITY = ("ing", "tion", "sion", "sis", "ment", "ance", "ence", "ery", "ogy", "ics")
_STOP = frozenset(
    "a an the of for in on to and or with by from via as at into our we this that these those its their "
    "is are be been was were which while using based towards toward new novel such both each than "
    "can may also not more most less very how what when where why".split()
)
PHRASE_WORD = re.compile(r"[a-z0-9]+")  # a word of a lowercased phrase or text, for counting
_RECURRENCE_BINS = (1, 2, 3, 5, 8)
_RECURRENCE = [f"recurrence={sum(n >= edge for edge in _RECURRENCE_BINS)}" for n in range(_RECURRENCE_BINS[-1] + 1)]
MAX_WORDS = 5
COMMON_HEAD = 3  # vocabulary phrases a word must end to end abstract candidates (task_lexicon)
_JOINING = frozenset("and of from in with for to on".split())  # may stand inside a phrase


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


def task_lexicon(listed, vocabulary=()):
    """The known task phrases and the words that can end a candidate in an abstract.

    ``listed`` are the task gazetteer's phrases: each of their last words can end a candidate.
    ``vocabulary`` (``data/task_vocabulary.txt``) is a broad list of task names written for the
    purpose, thousands of them: each is known, written as the candidates are (with and without
    its hyphens), and a word ending at least ``COMMON_HEAD`` of them is a task's head word
    ("collapse", "diversity") where one ending a single name ("law" of "goodhart's law") is not.

    >>> known, heads = task_lexicon(["continual learning"], ["mode collapse", "posterior collapse",
    ...                             "entropy collapse", "goodhart's law", "long-context modeling"])
    >>> sorted(heads), "goodhart s law" in known, "long context modeling" in known
    (['collapse', 'learning'], True, True)
    """
    known = set(listed)
    ends = Counter()
    for name in vocabulary:
        words = [word for word in (match[1] for match in _WORD_OR_BREAK.finditer(name.lower())) if word]
        if words:
            form = " ".join(words)
            known.update((form, form.replace("-", " ")))
            ends[words[-1]] += 1
    return frozenset(known), head_words(listed) | {word for word, count in ends.items() if count >= COMMON_HEAD}


def candidates(text, title_end, known_phrases, heads=None):
    """Every candidate task phrase of ``text`` (title first), in order of first occurrence.

    In the title, where most papers name their task, any phrase of up to ``MAX_WORDS`` words
    is a candidate; in the abstract, only those ending in a word that can end a task phrase. A
    phrase stays within a clause, neither starts nor ends with a function word, and holds inside
    it only the few that join a task's words ("learning from human feedback", "optimization of
    workflows").
    """
    heads = heads if heads is not None else head_words(known_phrases)
    found = {}
    # The clause so far, as three lists: its lowercased words, where each starts, and whether
    # each is written with a capital inside the abstract.
    words, starts, capitals = [], [], []
    for match in _WORD_OR_BREAK.finditer(text):
        word = match[1]
        if word is not None:
            start = match.start()
            if words and starts[0] < title_end <= start:  # the title is a clause of its own
                _add_phrases(words, starts, capitals, title_end, heads, found)
                words, starts, capitals = [], [], []
            # A capital inside the abstract (not on a clause's first word) makes a phrase look
            # like a name.
            lower = word.lower()
            capitals.append(start >= title_end and lower != word and ((words and word[0].isupper()) or word[1:] != lower[1:]))
            words.append(lower)
            starts.append(start)
        elif words:
            _add_phrases(words, starts, capitals, title_end, heads, found)
            words, starts, capitals = [], [], []
    if words:
        _add_phrases(words, starts, capitals, title_end, heads, found)
    return list(found.values())


def _add_phrases(words, starts, capitals, title_end, heads, found):
    in_title = starts[0] < title_end
    count = len(words)
    get = found.get
    for end in range(count):
        last = words[end]
        if last in _STOP or not (in_title or last in heads or last.endswith(_ACTIVITY)):
            continue
        after = words[end + 1] if end + 1 < count else ""
        cased = False
        phrase = None
        for start in range(end, max(-1, end - MAX_WORDS), -1):
            first = words[start]
            phrase = first if phrase is None else f"{first} {phrase}"
            if first in _STOP:
                if first in _JOINING:
                    continue
                break
            cased = cased or capitals[start]
            candidate = get(phrase)
            if candidate is None:
                candidate = found[phrase] = TaskCandidate(phrase)
            candidate.positions.append(starts[start])
            candidate.before.append(words[start - 1] if start > 0 else "")
            candidate.after.append(after)
            candidate.cased = candidate.cased or cased


def title_colon(text, title_end):
    """Where the title's colon is ("ControlNet++: Improving ..."), None without one."""
    colon = text.find(":", 0, title_end)
    return None if colon < 0 else colon


def phrase_features(phrase, known_phrases):
    """The features of a phrase wherever it occurs: its words, and whether the task list knows
    it. (Kept apart from ``place_features`` so a scorer can remember them per phrase.)"""
    words = phrase.split()
    out = [
        "bias", f"words={len(words)}", f"last={words[-1]}", f"first={words[0]}", f"phrase={phrase}",
        f"last_ending={words[-1][-3:]}",
    ]
    if len(words) > 1:
        out += [f"pair={words[-2]} {words[-1]}", f"first_ending={words[0][-3:]}"]
    if phrase in known_phrases:
        out.append("known")
    if "-" in phrase:
        out.append("hyphen")
    return out


def place_features(candidate, title_end, known_phrases, colon_at=None):
    """The features of where one paper writes a candidate phrase: in the title (before or after
    its colon: "ControlNet++: Improving Conditional Controls" names the paper's own method
    first), how often, how early, between which words."""
    positions = candidate.positions
    in_title = sum(1 for p in positions if p < title_end)
    in_abstract = len(positions) - in_title
    out = [f"abstract={min(in_abstract, 4)}"]
    if in_title:
        words = candidate.phrase.split()
        out += ["title", f"title&words={len(words)}", f"title&last={words[-1]}"]
        if in_abstract:
            out.append("title&abstract")
    if candidate.phrase in known_phrases:
        out += [f"known&title={bool(in_title)}", f"known&abstract={min(in_abstract, 3)}"]
    if candidate.cased:
        out.append("cased")
    first = min(positions) - title_end
    out.append("early" if first < 300 else "middle" if first < 900 else "late")
    colon = title_end if colon_at is None else colon_at
    seen = set()
    for position, before, after in zip(positions, candidate.before, candidate.after):
        # Whether the phrase is all of the words between two function words (or clause edges)
        # here, or a piece of a longer phrase.
        edges = ("L" if not before or before in _STOP else "-") + ("R" if not after or after in _STOP else "-")
        where = "head" if position < colon else "title" if position < title_end else "abstract"
        for feature in (f"before={before}", f"after={after}", f"edges={edges}", f"{where}&edges={edges}",
                        f"{where}&before={before}", f"{where}&after={after}", f"in={where}"):
            if feature not in seen:
                seen.add(feature)
                out.append(feature)
    return out


def recurrence_feature(phrase, abstract, counted, words_of=None):
    """How often the abstract writes the phrase's rarest word, binned (0, 1, 2, 3-4, 5-7, 8+).

    A paper keeps returning to the words of its task ("... *reasoning* ... *reasoning* ..."),
    while a phrase with one word the abstract never repeats is usually a passing mention.
    ``abstract`` is the abstract lowercased; a word is counted as written inside others too
    ("model" in "models"), which is cheap and is as good a signal. ``counted`` remembers this
    paper's counts, ``words_of`` (optional) each phrase's words across papers.

    >>> recurrence_feature("robot learning", "we study robot learning. learning helps robots.", {})
    'recurrence=2'
    """
    words = words_of.get(phrase) if words_of is not None else None
    if words is None:
        words = PHRASE_WORD.findall(phrase)
        if words_of is not None:
            words_of[phrase] = words
    rarest = _RECURRENCE_BINS[-1]
    for word in words:
        count = counted.get(word)
        if count is None:
            count = counted[word] = abstract.count(word)
        if count < rarest:
            rarest = count
    return _RECURRENCE[rarest if words else 0]


def features(candidate, title_end, known_phrases, colon_at=None):
    """All the feature strings of one candidate phrase of one paper."""
    return phrase_features(candidate.phrase, known_phrases) + place_features(candidate, title_end, known_phrases, colon_at)


def choose(scored, most=2, threshold=0.5):
    """The tasks of a paper from (score, phrase) pairs, scores relative to the best (1.0): the
    best phrase, then the next ones scoring at least ``threshold``, at most ``most`` in all,
    none containing or contained in one already chosen.

    >>> choose([(1.0, "image generation"), (0.9, "text-to-image generation"), (0.6, "image"), (0.2, "video")])
    ['image generation']
    """
    chosen = []
    for value, phrase in sorted(scored, key=lambda s: (-s[0], s[1])):
        if len(chosen) >= most or (chosen and value < threshold):
            break
        spaced = f" {phrase.replace('-', ' ')} "
        if any(spaced in f" {c.replace('-', ' ')} " or f" {c.replace('-', ' ')} " in spaced for c in chosen):
            continue
        chosen.append(phrase)
    return chosen
