"""Abbreviations: pair long forms with the short forms defined for them.

Implements the algorithm of Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text" (Pacific Symposium on Biocomputing): a short form in
parentheses after a candidate long form is matched character by character from the end, each
character of the short form found in the long form, the first one at the start of a word. So
"Variational Score Distillation (VSD)" and "SwiftBrushv2 (SBv2)" pair up, and a later bare "VSD" can
be resolved to the concept the paper defined. Two other ways of writing a definition are read too:
"SLCD -- Supervised Learning based Controllable Diffusion" and "Low-Rank Adaptation, or LoRA,"
(there the word initials must spell the short form).

The algorithm is the two pure functions ``abbreviation_pairs`` and ``best_long_form``; the component
stores pairs of character offsets in ``doc._.abbreviations`` (plain integers, so documents cross
process boundaries intact).

Examples
--------
>>> text = "We build on Variational Score Distillation (VSD) and improve VSD."
>>> [(text[a:b], text[c:d]) for a, b, c, d in abbreviation_pairs(text)]
[('Variational Score Distillation', 'VSD')]
"""

import re

from spacy.language import Language

from extractors.doc_values import register, set_value
from extractors.lexicon import document_text
from extractors.shapes import MODEL_SIZE
from extractors.text_search import matches_at

__all__ = ["abbreviation_pairs", "best_long_form", "AbbreviationDetector"]

register("abbreviations")

_PAREN = re.compile(r"\(([^()]{1,120})\)")
# Where a long form cannot reach back across: a sentence end, a colon or semicolon, a bracket.
# Characters that may wrap a long form but are not part of it (markdown emphasis, quotes).
_WRAPPING = "*_\"'“”‘’`"


_MODEL_SIZE = re.compile(rf"[-\s](?:{MODEL_SIZE})$", re.IGNORECASE)  # "Qwen2.5-7B", "OPT-350M" ("L2M" is a short form)


def _short_form_candidate(inner):
    """The short form inside parentheses, or None: 2-10 characters, at most two words, a letter,
    starting with a letter or digit (Schwartz & Hearst's conditions)."""
    candidate = inner.split("; ", 1)[0].split(", ", 1)[0].strip()
    limit = 16 if "-" in candidate else 12
    if not 2 <= len(candidate) <= limit or len(candidate.split()) > 2:
        return None
    if not candidate[0].isalnum() or not any(ch.isalpha() for ch in candidate):
        return None
    if candidate.lower() in ("e.g", "i.e", "e.g.", "i.e.", "ours", "see", "etc"):
        return None
    if _MODEL_SIZE.search(candidate):
        return None  # "41% (Qwen2.5-7B)": a model's size says it is a name of its own, not a short form
    return candidate


def best_long_form(short_form, long_form):
    """The shortest suffix of ``long_form`` that contains every letter and digit of ``short_form`` in order,
    the first one at the start of a word; None when there is none.

    >>> best_long_form("SBv2", "distill SwiftBrushv2")
    'SwiftBrushv2'
    """
    lowered = long_form.lower()
    if len(lowered) != len(long_form):
        # A character whose lowercase is longer ("İ") matches no character of a short form.
        lowered = "".join(c.lower() if len(c.lower()) == 1 else "\0" for c in long_form)
    end = len(long_form)  # the next character is searched for before this offset
    for s in range(len(short_form) - 1, -1, -1):
        ch = short_form[s].lower()
        if not ch.isalnum():
            continue
        end = lowered.rfind(ch, 0, end) if len(ch) == 1 else -1
        while s == 0 and end > 0 and long_form[end - 1].isalnum():
            end = lowered.rfind(ch, 0, end)  # the first character starts a word
        if end < 0:
            return None
    start = long_form.rfind(" ", 0, end) + 1
    return long_form[start:]


def _strip_wrapping(text, start, end):
    while start < end and text[start] in _WRAPPING:
        start += 1
    while end > start and text[end - 1] in _WRAPPING:
        end -= 1
    return start, end


# The word right before a parenthesis, matched on the reversed text so that it is tried once, at
# the parenthesis, rather than from every position before it: ``([^\W_][\w\-+^]*[\w+])\s*$``.
_SHORT_BEFORE_REVERSED = re.compile(r"\s*([\w+][\w\-+^]*[^\W_])")


def _reverse_pair(text, match):
    """"SUPE (Skills from Unlabeled Prior data for Exploration)": a short form followed by its
    long form in parentheses, the long form's first word starting with the short form's first
    letter."""
    inner = match.group(1).strip()
    if len(inner.split()) < 2:
        return None
    window_start = max(0, match.start() - 30)
    before = _SHORT_BEFORE_REVERSED.match(text[window_start:match.start()][::-1])
    if before is None:
        return None
    short_form = before.group(1)[::-1]
    if not (2 <= len(short_form) <= 16 and sum(ch.isupper() for ch in short_form) >= 2):
        return None
    long_form = best_long_form(short_form, inner)
    if long_form is None or long_form != inner or inner[0].lower() != short_form[0].lower():
        return None
    short_start = match.start() - before.end(1)
    long_start = match.start(1) + match.group(1).index(inner)
    return long_start, long_start + len(inner), short_start, short_start + len(short_form)


_SKIPPABLE = frozenset("a an and as at by for from in into of on or the to via with".split())


def initials_long_form(short_form, long_form):
    """The suffix of ``long_form`` whose word initials spell the capitals and digits of ``short_form``
    (small function words may be skipped), or None. Tried before Schwartz & Hearst's character
    match, which would pair "PPO" with "Policy Optimization" inside "Proximal Policy Optimization".

    >>> initials_long_form("PPO", "success of Proximal Policy Optimization")
    'Proximal Policy Optimization'
    >>> initials_long_form("LeaP", "called Learning from Peers")
    'Learning from Peers'
    """
    base = short_form[:-1] if short_form.endswith("s") and len(short_form) > 2 and short_form[-2].isupper() else short_form
    letters = [ch.lower() for ch in base if ch.isupper() or ch.isdigit()]
    if len(letters) < 2:
        return None
    words = long_form.replace("-", " ").split()
    w = len(words) - 1
    for letter in reversed(letters):
        while w >= 0 and words[w][0].lower() != letter:
            if words[w].lower() not in _SKIPPABLE:
                return None
            w -= 1
        if w < 0:
            return None
        w -= 1
    # Offset of word w + 1: the pieces after it, and the separators, come from the end.
    tail = len(words) - (w + 1)
    start = len(long_form)
    for _ in range(tail):
        start = max(long_form.rfind(" ", 0, start), long_form.rfind("-", 0, start))
    # A hyphenated first word belongs to the long form whole ("Self-Supervised ...").
    start = long_form.rfind(" ", 0, start + 1) + 1
    # A hyphenated first word belongs to the long form whole ("Free-Form Deformation").
    start = long_form.rfind(" ", 0, start) + 1
    return long_form[start:]


# A clause barrier written backwards, to find the last one before a parenthesis with one search of
# the reversed text: a bracket, semicolon or line break, or a space after a sentence end or colon
# (" ." reversed). It starts with one set of characters, which lets the engine skip to them.
_BARRIER_REVERSED = re.compile(r"[ ;()\[\]\n](?:(?<=[^ ])|[.!?:])")


def _clause_start(text, start, end):
    """Where the clause holding ``end`` begins, looking back no further than ``start``: right
    after its last sentence end, colon, semicolon, bracket or line break."""
    match = _BARRIER_REVERSED.search(text[start:end][::-1])
    return end - match.start() if match else start


# "SLCD -- Supervised Learning based Controllable Diffusion": a short form, a dash or colon, and
# its long form.
_DASHED = re.compile(r"\b([A-Z][A-Za-z0-9\-+]{0,30}[A-Z0-9+])\s+(?:--|—|–)\s+((?:[^\W\d_][\w\-]*\s+){0,9}[^\W\d_][\w\-]*)")
_DASH_CHARACTERS = "-—–"
_REACH = 32  # characters looked back over for the short form before a dash, and for the space


def _dashed_starts(text):
    """Sorted offsets where a ``_DASHED`` match can start: the capitals of the word right before
    each dash. A run of dashes is looked at once, from its first dash, and the look back goes no
    further than a short form can be long, so the work stays linear in the text however many
    dashes it holds."""
    starts = set()
    for dash in ("--", "—", "–"):
        position = text.find(dash)
        while position >= 0:
            end = position
            while end > max(0, position - _REACH) and text[end - 1].isspace():
                end -= 1
            begin = end
            while begin > max(0, end - _REACH) and (text[begin - 1].isalnum() or text[begin - 1] in "-+"):
                begin -= 1
            starts.update(k for k in range(begin, end) if "A" <= text[k] <= "Z")
            run_end = position
            while run_end < len(text) and text[run_end] in _DASH_CHARACTERS:
                run_end += 1
            position = text.find(dash, run_end)
    return sorted(starts)


def _dashed_pairs(text):
    for match in matches_at(_DASHED, text, _dashed_starts(text)):
        short_form, candidate = match.group(1), match.group(2)
        words = candidate.split()
        for k in range(2, len(words) + 1):
            long_form = " ".join(words[:k])
            if words[k - 1][0].isupper() and best_long_form(short_form, long_form) == long_form and long_form[0].lower() == short_form[0].lower():
                long_start = match.start(2)
                yield long_start, long_start + len(long_form), match.start(1), match.end(1)
                break


# "Low-Rank Adaptation, or LoRA,": a long form, ", or" and a short form of two capitals or more.
_OR_SHORT = re.compile(r", or ([A-Za-z][\w\-+]{0,14}[\w+])(?=[\s,.;:)])")


def _or_pairs(text):
    """Definitions written "LONG, or SHORT": the long form's word initials must spell the short
    form (``initials_long_form``), which keeps out "X, or Y" naming two things."""
    position = text.find(", or ")
    while position >= 0:
        match = _OR_SHORT.match(text, position)
        position = text.find(", or ", position + 1)
        if match is None or sum(ch.isupper() for ch in match.group(1)) < 2:
            continue
        short_form = match.group(1)
        window_start = _clause_start(text, max(0, match.start() - 160), match.start())
        candidate = text[window_start:match.start()].rstrip()
        long_form = initials_long_form(short_form, candidate.lstrip())
        if long_form is None or not long_form[:1].isupper():
            continue
        long_end = window_start + len(candidate)
        yield long_end - len(long_form), long_end, match.start(1), match.end(1)


def abbreviation_pairs(text):
    """Yield (long start, long end, short start, short end) character offsets for each definition."""
    if " -- " in text or " — " in text or " – " in text:
        yield from _dashed_pairs(text)
    if ", or " in text:
        yield from _or_pairs(text)
    position = text.find("(")
    while position >= 0:
        match = _PAREN.match(text, position)
        position = text.find("(", position + 1)
        if match is None:
            continue
        short_form = _short_form_candidate(match.group(1))
        if short_form is None:
            reverse = _reverse_pair(text, match)
            if reverse is not None:
                yield reverse
            continue
        short_start = match.start(1) + match.group(1).index(short_form)
        # Candidate long form: up to min(|S| + 5, 2|S|) words before the parenthesis, in one clause.
        before_end = match.start()
        # At most min(|S| + 5, 2|S|) words: 160 characters are plenty.
        window_start = _clause_start(text, max(0, before_end - 160), before_end)
        window = text[window_start:before_end]
        max_words = min(len(short_form) + 5, 2 * len(short_form))
        words = window.rsplit(None, max_words)
        if not words:
            continue
        if len(words) > max_words:  # words[0] is the rest of the clause, kept as it was
            long_start = window_start + window.find(words[1], len(words[0]))
        else:
            long_start = window_start + len(window) - len(window.lstrip())
        candidate = text[long_start:before_end].rstrip()
        if short_form.lower() in candidate.lower().split():
            continue
        long_form = initials_long_form(short_form, candidate) or best_long_form(short_form, candidate)
        if long_form is None and any(ch.isdigit() for ch in short_form) and sum(ch.isupper() for ch in short_form) >= 2:
            # "Hybrid Offline-and-Online Reinforcement Learning (H2O)": a digit that counts
            # letters ("2 O") rather than standing for a word is left out of the match.
            letters = "".join(ch for ch in short_form if not ch.isdigit())
            long_form = initials_long_form(letters, candidate) or best_long_form(letters, candidate)
        if long_form is None or len(long_form) <= len(short_form):
            continue
        long_end = long_start + len(candidate)
        start, end = _strip_wrapping(text, long_end - len(long_form), long_end)
        if end - start > len(short_form):
            yield start, end, short_start, short_start + len(short_form)


class AbbreviationDetector:
    """spaCy component: ``doc._.abbreviations`` = list of (long start, long end, short start,
    short end) character offsets, in text order."""

    def __init__(self, name="graphbuild_abbreviations"):
        self.name = name

    def __call__(self, doc):
        text = document_text(doc)
        pairs = sorted(abbreviation_pairs(text))  # each way of writing a definition tests for itself
        set_value(doc, "abbreviations", pairs)
        return doc


@Language.factory("graphbuild_abbreviations")
def make_abbreviation_detector(nlp, name):
    return AbbreviationDetector(name)
