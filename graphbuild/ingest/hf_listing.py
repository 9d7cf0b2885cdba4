"""Parse Hugging Face "Daily Papers" listing pages saved as text.

A saved page holds a few boilerplate lines ("Get trending papers in your email inbox!",
"Subscribe", "Daily Papers", ...), an optional date line ("Jul 30"), and then one paper after
another: a title line followed by its abstract on one long line, with or without blank lines in
between. A browser's "save as text" may glue the first title to the word before it
("SubscribeControlNet++: ..."). Every title/abstract pair becomes exactly one record; anything that
breaks the alternation is reported with its line number rather than guessed at.
"""

import re

from graphbuild.errors import InputError
from graphbuild.ingest.fields import MAX_CHARACTERS, checked
from graphbuild.records import PaperRecord

__all__ = ["parse_listing", "looks_like_listing", "BOILERPLATE"]

#: Page furniture that is never a title or an abstract.
BOILERPLATE = frozenset(
    {
        "new",
        "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!",
        "Subscribe",
        "Daily Papers",
        "byAK and the research community",
    }
)

_DATE_LINE = re.compile(
    r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?$"
)
_GLUED_PREFIX = "Subscribe"
# A title is short and at most one sentence; an abstract is prose: long, or several sentences, or
# one full sentence. Both checks together catch a missing line wherever the alternation breaks.
_MAX_TITLE_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z(]")


def _looks_like_title(line):
    return len(line) <= _MAX_TITLE_CHARS and len(_SENTENCE_END.findall(line)) < 2


def _looks_like_abstract(line):
    return (
        len(line) > _MAX_TITLE_CHARS
        or len(_SENTENCE_END.findall(line)) >= 2
        or (len(line) >= 80 and line.endswith("."))
    )


def looks_like_listing(text):
    """True when ``text`` reads like a saved listing page rather than JSON Lines."""
    return not text.lstrip().startswith("{")


def _content_lines(lines, source):
    """Yield (line number, text) for every line that may be a title or an abstract."""
    date = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line in BOILERPLATE:
            continue
        if _DATE_LINE.match(line):
            date = line
            continue
        if line.startswith(_GLUED_PREFIX) and line != _GLUED_PREFIX and line[len(_GLUED_PREFIX)].isupper():
            # "SubscribeControlNet++: ..." — the first title glued to the button's label.
            candidate = line[len(_GLUED_PREFIX):]
            if _looks_like_title(candidate):
                line = candidate
        yield number, line, date


def parse_listing(lines, source):
    """Yield one ``PaperRecord`` per title/abstract pair of a saved listing.

    Parameters
    ----------
    lines : iterable of str
        The page's lines.
    source : str
        Name of the input, used in records' ``source`` ("file.txt:12") and in error messages.

    Raises
    ------
    InputError
        When a line where a title belongs reads like an abstract, or an abstract is missing.
    """
    pending = None  # (line number, title, date)
    for number, line, date in _content_lines(lines, source):
        if pending is None:
            if not _looks_like_title(line):
                raise InputError(
                    f"{source}:{number}",
                    "expected a paper title here but found abstract-like text; is the title line "
                    "above it missing? (a listing alternates title line, abstract line)",
                )
            pending = (number, line, date)
            continue
        title_line, title, title_date = pending
        if not _looks_like_abstract(line):
            raise InputError(
                f"{source}:{number}",
                f"expected the abstract of {title!r} (line {title_line}) but found a short line; "
                "every title in a listing must be followed by its abstract",
            )
        title = checked(title, "title", f"{source}:{title_line}", MAX_CHARACTERS)
        abstract = checked(line, "abstract", f"{source}:{number}", MAX_CHARACTERS)
        yield PaperRecord(title=title, abstract=abstract, source=f"{source}:{title_line}", date=title_date)
        pending = None
    if pending is not None:
        title_line, title, _ = pending
        raise InputError(
            f"{source}:{title_line}",
            f"the title {title!r} has no abstract after it (the listing ends there)",
        )
