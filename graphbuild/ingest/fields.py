"""What every text field of a paper record must be, whatever file it came from.

Each title, abstract, id, URL, date and author is text a person could read: no lone surrogate
(a JSON ``\\ud800`` escape that stands for no character, and that no file can be written with),
at least one visible character (not only spaces, zero-width characters or control characters),
and a title or abstract at most ``MAX_CHARACTERS`` long: a long abstract runs to a few thousand
characters, and a field a hundred times that is a whole paper or a broken file, reported rather
than cut short.

>>> checked("We propose X.", "abstract", "a.jsonl:3")
'We propose X.'
>>> checked("\\u200b\\u200b", "abstract", "a.jsonl:3")
Traceback (most recent call last):
...
graphbuild.errors.InputError: a.jsonl:3: "abstract" has no visible character (only spaces, zero-width or control characters)
"""

import re
import unicodedata

from graphbuild.errors import InputError

__all__ = ["MAX_CHARACTERS", "checked", "visible"]

MAX_CHARACTERS = 100_000  # per title or abstract
_SURROGATE = re.compile("[\ud800-\udfff]")
_INVISIBLE = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))


def visible(text):
    """Whether ``text`` holds a character that shows: not a space, control or format character
    (zero-width space, joiner, byte order mark)."""
    return any(unicodedata.category(ch) not in _INVISIBLE for ch in text)


def checked(text, name, where, limit=None):
    """``text``, the field ``name`` of the record at ``where``, once it is known to be text; an
    ``InputError`` naming file and line otherwise. ``limit`` caps its length (titles and
    abstracts: ``MAX_CHARACTERS``)."""
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise InputError(
            where,
            f'"{name}" holds a lone surrogate ({surrogate.group().encode("unicode_escape").decode()}), which is no '
            "character; fix the \\u escape that made it",
        )
    if not visible(text):
        raise InputError(where, f'"{name}" has no visible character (only spaces, zero-width or control characters)')
    if limit is not None and len(text) > limit:
        raise InputError(
            where,
            f'"{name}" is {len(text):,} characters long; at most {limit:,} are read per title or abstract '
            "(is it a whole paper rather than its abstract?)",
        )
    return text
