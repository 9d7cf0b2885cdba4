"""The reads of a document's tokens the components make on every document: the tokens carrying a
lexeme flag, the phrase matcher's matches with their character offsets, and a character span
moved to token boundaries.

Through spaCy's Python API each read makes a Python object per token (``doc[i]``, a ``Span``)
or calls a spaCy attribute function per token, and these three reads cost about a tenth of
extraction time. Where the install compiled ``extractors/_token_reads.pyx`` against spaCy's C
declarations, the same functions read the token array directly, two to three times as fast; the
plain functions here are the fallback and the reference its tests compare with.

>>> import spacy
>>> doc = spacy.blank("en")("Qwen2.5 7B model")
>>> aligned(doc, 0, 9, "expand"), aligned(doc, 0, 9, "contract"), aligned(doc, 1, 3, "contract")
((0, 10), (0, 7), None)
"""

import numpy

__all__ = ["flagged_tokens", "phrase_matches", "aligned"]


def flagged_tokens(doc, flag):
    """(index, start char, end char) of each token whose lexeme has the flag ``flag`` set."""
    found = []
    for i in numpy.flatnonzero(doc.to_array(flag)).tolist():
        start = doc[i].idx
        found.append((i, start, start + len(doc[i])))
    return found


def phrase_matches(matcher, doc):
    """``matcher(doc)`` with the characters of each match: (match id, start token, end token,
    start char, end char), in the matcher's order."""
    matches = []
    for match_id, start, end in matcher(doc):
        last = doc[end - 1]
        matches.append((match_id, start, end, doc[start].idx, last.idx + len(last)))
    return matches


def aligned(doc, start, end, mode):
    """``(start, end)`` moved to token boundaries as ``doc.char_span`` does with
    ``alignment_mode=mode`` ("expand" or "contract"); None where no token fits."""
    span = doc.char_span(start, end, alignment_mode=mode)
    return (span.start_char, span.end_char) if span is not None and len(span) else None


try:  # the compiled reads, where the install built them for this spaCy (graphbuild.compiled)
    from extractors._token_reads import aligned, flagged_tokens, phrase_matches  # noqa: F811
except ImportError:
    pass
