"""Parse JSON Lines paper records: one object per line with at least "title" and "abstract".

Optional keys: "id" (an arXiv id, say), "url", "date", "authors" (a list of names, or one string of
names separated by commas and "and", as in arXiv's metadata snapshot). Other keys are ignored, so
arXiv metadata dumps and exports of other tools load as they are.
"""

import json
import re

from graphbuild.errors import InputError
from graphbuild.ingest.fields import MAX_CHARACTERS, checked
from graphbuild.records import PaperRecord

__all__ = ["parse_jsonl", "json_objects"]

_SPACE = re.compile(r"\s+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|\band\b)\s*")
_HINT = '(every line needs "title" and "abstract")'


def _text(value):
    return _SPACE.sub(" ", value).strip()


def _optional_text(obj, name, where):
    """The optional field ``name`` as text: a string, or a whole number (a year, a numeric id);
    None when absent or blank. A float, true or false, NaN or infinity is an error: an id such as
    2401.01230 written as a number has already lost its last digit."""
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        kind = "true or false" if isinstance(value, bool) else f"the number {value!r}" if isinstance(value, float) else type(value).__name__
        raise InputError(where, f'"{name}" must be a string (in quotes), not {kind}')
    text = _text(str(value))
    return checked(text, name, where) if text else None


def _authors(value, where):
    if value is None:
        return ()
    if isinstance(value, str):
        names = _AUTHOR_SPLIT.split(_text(value))
    elif isinstance(value, list) and all(isinstance(name, str) for name in value):
        names = [_text(name) for name in value]
    else:
        raise InputError(where, '"authors" must be a list of names or one string of names')
    return tuple(checked(name, "authors", where) for name in names if name)


def json_objects(lines, source, hint=_HINT):
    """Yield ``("source:line", object)`` for each non-blank line of a JSON Lines file.

    Raises ``InputError`` naming ``source:line`` for invalid JSON or a line that is not an object;
    ``hint`` says what every line should hold.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(where, f"not valid JSON ({error.msg} at column {error.colno})") from None
        except RecursionError:
            raise InputError(where, f"JSON nested too deeply to read {hint}") from None
        except ValueError as error:  # an integer of thousands of digits
            raise InputError(where, f"not readable JSON ({error}) {hint}") from None
        if not isinstance(obj, dict):
            raise InputError(where, f"expected a JSON object, found {type(obj).__name__} {hint}")
        yield where, obj


def parse_jsonl(lines, source):
    """Yield one ``PaperRecord`` per non-blank line.

    Raises
    ------
    InputError
        Naming ``source:line`` for invalid JSON, a line that is not an object, or a missing or
        empty "title" or "abstract".
    """
    for where, obj in json_objects(lines, source):
        for required in ("title", "abstract"):
            value = obj.get(required)
            if not isinstance(value, str) or not value.strip():
                problem = "missing" if value is None else "empty or not a string:"
                raise InputError(where, f'{problem} "{required}" {_HINT}')
        yield PaperRecord(
            title=checked(_text(obj["title"]), "title", where, MAX_CHARACTERS),
            abstract=checked(_text(obj["abstract"]), "abstract", where, MAX_CHARACTERS),
            source=where,
            id=_optional_text(obj, "id", where),
            url=_optional_text(obj, "url", where),
            date=_optional_text(obj, "date", where) or _optional_text(obj, "update_date", where),
            authors=_authors(obj.get("authors"), where),
        )
