"""Finding where a regular expression can match without trying it at every position.

Python's expression engine tries a pattern that starts with a word boundary or a case-insensitive
letter at every character of the text, which on an abstract costs more than the rule around it.
Where every match must start at a known string (a quote mark, a verb, a capital before a dash),
``occurrences`` finds those places with ``str.find`` and ``matches_at`` tries the pattern there.

>>> import re
>>> text = "a 'b' and 'cd' e"
>>> [m.group() for m in matches_at(re.compile(r"'\\w+'"), text, occurrences(text, "'"))]
["'b'", "'cd'"]
"""

__all__ = ["occurrences", "matches_at", "continues_word"]


def occurrences(text, needles):
    """Sorted offsets of every occurrence in ``text`` of each of ``needles`` (characters or
    words)."""
    found = []
    for needle in needles:
        k = text.find(needle)
        while k >= 0:
            found.append(k)
            k = text.find(needle, k + 1)
    found.sort()
    return found


def matches_at(pattern, text, starts):
    """What ``pattern.finditer(text)`` yields when a match can only start at one of the sorted
    offsets ``starts``."""
    end = 0
    for start in starts:
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                end = match.end()
                yield match


def continues_word(text, position):
    """Whether ``position`` holds a character that continues a name ("-" and "_" included), so
    that a match ending before it or starting after it is no whole word."""
    return 0 <= position < len(text) and (text[position].isalnum() or text[position] in "-_")
