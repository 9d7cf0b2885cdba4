"""The pipeline's tokenizer: spaCy's English rules with two suffix rules changed for names, and
an arrow between two numbers split off ("77.9%→84.1%" is two values).

Names are not measurements: spaCy's default suffixes split a unit after a number, which cuts
"GSM8K" into "GSM8" + "K". And a sentence-final period after a name ending in a capital or a digit
("on GSM8K.", "Llama 3.2 3B.") is punctuation, which the defaults keep attached. Registered as
``graphbuild.name_friendly_tokenizer.v1`` so that a saved pipeline's config names it.

>>> import spacy
>>> nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
>>> [t.text for t in nlp("We beat Llama 3.2 3B on GSM8K.")]
['We', 'beat', 'Llama', '3.2', '3B', 'on', 'GSM8K', '.']
>>> [t.text for t in nlp("(77.9%→84.1% on GSM8K)")]
['(', '77.9%', '→', '84.1%', 'on', 'GSM8K', ')']
"""

import re

import spacy
from spacy.tokenizer import Tokenizer
from spacy.util import compile_prefix_regex, compile_infix_regex, compile_suffix_regex

__all__ = ["TOKENIZER", "NameFriendlyTokenizer", "name_friendly_tokenizer", "tokenizable", "RUN", "CHUNK", "WINDOW"]

TOKENIZER = "graphbuild.name_friendly_tokenizer.v1"


class NameFriendlyTokenizer(Tokenizer):
    """spaCy's tokenizer, with its suffix expression searched for in the last ``WINDOW``
    characters of a token only.

    spaCy finds a token's suffix by searching the whole token, from its first character, for an
    expression that must end at its last, and splits one suffix at a time: a token of many
    suffixes ("'s's's...") took time quadratic in its length. Every suffix of the English rules
    is a few characters long (a run of full stops the longest, and ``tokenizable`` keeps runs to
    ``RUN``), so searching the end finds exactly what searching the whole token finds. The
    expression is kept as it is, so the tokenizer saves and loads as spaCy's does.
    """

    @property
    def suffix_search(self):
        return Tokenizer.suffix_search.__get__(self)

    @suffix_search.setter
    def suffix_search(self, search):
        expression = getattr(search, "__self__", None)
        if isinstance(expression, re.Pattern):
            search = _EndSearch(expression).search
        Tokenizer.suffix_search.__set__(self, search)


class _EndSearch:
    """An expression searched for from ``WINDOW`` characters before the end of a string; its
    ``pattern`` is what spaCy saves of a tokenizer's suffix search."""

    def __init__(self, expression):
        self.expression = expression
        self.pattern = expression.pattern

    def search(self, string):
        return self.expression.search(string, max(0, len(string) - WINDOW))


_ARROW = r"(?<=[0-9%])(?:→|->)(?=[0-9])"  # "77.9%→84.1%": a change between two values


def name_friendly_tokenizer(nlp):
    """A tokenizer for ``nlp``'s language with the units rule dropped and a period after a capital
    or digit split off."""
    defaults = nlp.Defaults
    suffixes = [s for s in defaults.suffixes if "km" not in s]  # drop the units rule
    return NameFriendlyTokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(suffixes + [r"(?<=[A-Za-z0-9+*])\."]).search,
        infix_finditer=compile_infix_regex(list(defaults.infixes) + [_ARROW]).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@spacy.registry.tokenizers(TOKENIZER)
def create_name_friendly_tokenizer():
    return name_friendly_tokenizer


# What spaCy's tokenizer is never given, because its affix rules take time quadratic in them: a
# run of more than RUN punctuation characters (each one a prefix or suffix split off in turn, with
# a search of the rest each time) and a stretch of more than CHUNK characters without a space. No
# abstract of the shared corpus comes near either (its longest are 7 and 98).
RUN = 16
CHUNK = 200
WINDOW = RUN + 8  # characters at the end of a token where its suffix is looked for
_MARKS = re.compile(rf"[^\w\s]{{{RUN + 1},}}")
_STRETCH = re.compile(rf"\S{{{CHUNK + 1},}}")
# Byte classes for a quick look before the expressions: ASCII whitespace stays a space, ASCII
# letters and digits become "a", anything else (punctuation, and every byte of a non-ASCII
# character) becomes "."; for stretches, everything but whitespace becomes "x".
_SPACE_BYTES = b" \t\n\r\x0b\x0c"
_AS_MARKS = bytes(b if b in _SPACE_BYTES else ord("a") if chr(b).isalnum() and b < 128 else ord(".") for b in range(256))
_AS_STRETCH = bytes(b if b in _SPACE_BYTES else ord("x") for b in range(256))


def tokenizable(text):
    """``text`` with what the tokenizer handles in quadratic time broken up by spaces: each run of
    more than ``RUN`` punctuation characters keeps its first ``RUN``, and each stretch without a
    space gets a space every ``CHUNK`` characters. The text keeps its length, so every offset
    into it still points at the same place of the original; text with neither comes back as it is.

    >>> tokenizable("x " + "(" * 20) == "x " + "(" * 16 + "    "
    True
    >>> [len(piece) for piece in tokenizable("a" * 450).split()]
    [200, 200, 48]
    >>> tokenizable("We propose LADDER (https://github.com/org/ladder).")
    'We propose LADDER (https://github.com/org/ladder).'
    """
    data = text.encode("utf-8", "surrogatepass")
    marks = data.translate(_AS_MARKS)
    stretch = data.translate(_AS_STRETCH)
    if b"." * (RUN + 1) in marks:
        text = _MARKS.sub(lambda m: m.group()[:RUN] + " " * (len(m.group()) - RUN), text)
    if b"x" * (CHUNK + 1) in stretch:
        text = _STRETCH.sub(_with_spaces, text)
    return text


def _with_spaces(match):
    piece = match.group()
    return "".join(piece[i:i + CHUNK] + (" " if i + CHUNK < len(piece) else "") for i in range(0, len(piece), CHUNK + 1))
