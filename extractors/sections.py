"""Title and abstract in one document, and the sentences evidence points to.

The extractors read a paper's title and abstract together, as ``title + "\\n\\n" + abstract``, so
that a name in the title ("LADDER: ...") and its definition in the abstract are seen at once.
Evidence points into one field: ``field_offsets`` turns document offsets into title or abstract
offsets, and ``sentence_bounds`` finds sentences without a parser (the title is one sentence).

>>> text = compose("LADDER: Self-Improving LLMs", "We propose LADDER. It works, e.g. on math.")
>>> field_offsets(text, 0, 6), field_offsets(text, 29, 35)
(('title', 0, 6), ('abstract', 0, 6))
>>> [text[a:b] for a, b in sentence_bounds(text)]
['LADDER: Self-Improving LLMs', 'We propose LADDER.', 'It works, e.g. on math.']
"""

import re

__all__ = ["SEPARATOR", "compose", "field_offsets", "title_end", "sentence_bounds"]

SEPARATOR = "\n\n"

# A sentence ends at . ! or ? before a space and a capital, digit or bracket, except after the
# abbreviations that abstracts use mid-sentence. Full stops have an expression of their own: one
# that starts with a single literal character lets the regular expression engine skip ahead to
# it, several times faster than trying a character class at every position.
_FULL_STOP = re.compile(r"\.\s+(?=[A-Z0-9(\[\"“])")
_OTHER_END = re.compile(r"[!?]\s+(?=[A-Z0-9(\[\"“])")
_NOT_AN_END = ("e.g", "i.e", "et al", "vs", "Fig", "Eq", "Sec", "cf", "resp", "approx")
_LAST_TWO = frozenset(a[-2:] for a in _NOT_AN_END)  # tested first: most sentences end otherwise


def compose(title, abstract):
    """The text the pipeline reads for one paper."""
    return f"{title}{SEPARATOR}{abstract}"


def title_end(text):
    """Character offset where the title ends (the whole text when there is no abstract)."""
    end = text.find(SEPARATOR)
    return len(text) if end < 0 else end


def field_offsets(text, start, end, boundary=None):
    """Turn document offsets into (field, start, end) with offsets inside the title or abstract;
    ``boundary`` is ``title_end(text)`` where the caller knows it already."""
    if boundary is None:
        boundary = title_end(text)
    if start < boundary:
        return "title", start, min(end, boundary)
    shift = boundary + len(SEPARATOR)
    return "abstract", max(0, start - shift), max(0, end - shift)


def sentence_bounds(text, boundary=None):
    """(start, end) of each sentence: the title, then the abstract's sentences; ``boundary`` as
    for ``field_offsets``."""
    if boundary is None:
        boundary = title_end(text)
    bounds = [(0, boundary)]
    start = boundary + len(SEPARATOR)
    if start >= len(text):
        return bounds
    first = start
    ends = list(_FULL_STOP.finditer(text, start))
    if text.find("!", start) >= 0 or text.find("?", start) >= 0:
        ends = sorted(ends + list(_OTHER_END.finditer(text, start)), key=lambda m: m.start())
    for match in ends:
        end = match.start()
        if text[end - 2:end] in _LAST_TWO and text.endswith(_NOT_AN_END, max(first, end - 6), end):
            continue
        bounds.append((start, end + 1))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text.rstrip())))
    return bounds
