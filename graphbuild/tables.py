r"""Rows as text for people (aligned columns), CSV and JSON.

Text meant for a terminal shows every character as text: a control or format character in a title
(an escape sequence that would recolour the terminal, a right-to-left override) is written as its
escape, ``\x1b`` or ``\u202e``. A CSV cell that a spreadsheet would run as a formula (it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``, as OWASP advises.

>>> print(printable("Red \x1b[31mtitle\u202e"))
Red \x1b[31mtitle\u202e
>>> print(format_rows([{"title": "=HYPERLINK(1)"}], "csv"))
title
'=HYPERLINK(1)
"""

import csv
import io
import json
import unicodedata

__all__ = ["format_rows", "printable", "FORMATS"]

FORMATS = ("table", "json", "csv")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def printable(text):
    """``text`` with every character a terminal would not show as itself written as its escape
    (spaces other than " " become " ")."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else " " if unicodedata.category(ch) == "Zs" else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


def _csv_cell(value):
    text = _cell(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_cell(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def format_rows(rows, fmt="table", max_width=70):
    """Rows (a list of dicts sharing their keys) as a table, JSON or CSV text."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([_csv_cell(c) for c in columns])
        for row in rows:
            writer.writerow([_csv_cell(row[c]) for c in columns])
        return out.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    cells = [[printable(_cell(row[c])) for c in columns] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in line] for line in cells]
    widths = [max(len(columns[i]), *(len(line[i]) for line in cells)) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in cells]
    return "\n".join(lines)
