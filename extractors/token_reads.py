"""The reads of a document's tokens that the components make on every document: the tokens
carrying a lexeme flag, and a character span moved to token boundaries.

The flags of every token are read as one array (``doc.to_array``: no Python object per token);
token objects are made only for the few tokens returned.

>>> import spacy
>>> doc = spacy.blank("en")("Qwen2.5 7B model")
>>> aligned(doc, 0, 9, "expand"), aligned(doc, 0, 9, "contract"), aligned(doc, 1, 3, "contract")
((0, 10), (0, 7), None)
"""

import numpy

__all__ = ["flagged_tokens", "aligned"]


def flagged_tokens(doc, flag):
    """(index, start char, end char) of each token whose lexeme has the flag ``flag`` set."""
    found = []
    for i in numpy.flatnonzero(doc.to_array(flag)).tolist():
        token = doc[i]
        start = token.idx
        found.append((i, start, start + len(token)))
    return found


def aligned(doc, start, end, mode):
    """``(start, end)`` moved to token boundaries as ``doc.char_span`` does with
    ``alignment_mode=mode`` ("expand" or "contract"); None where no token fits."""
    span = doc.char_span(start, end, alignment_mode=mode)
    return (span.start_char, span.end_char) if span is not None and len(span) else None
