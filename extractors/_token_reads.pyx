# distutils: language = c++
"""``extractors.token_reads`` on spaCy's C structures: the same answers, without a Python
object (or a spaCy attribute call) per token.

Compiled at install against spaCy's own declarations (``spacy/structs.pxd``, ``tokens/doc.pxd``,
``matcher/phrasematcher.pxd``), so it reads the token array as spaCy lays it out in the version
it was built with; ``graphbuild.compiled`` keeps it unused under another spaCy release, and
``tests/extractors/test_token_reads.py`` checks every answer against the plain functions.
"""

from preshed.maps cimport MapStruct, key_t, map_get, map_iter
from spacy.attrs cimport LOWER
from spacy.matcher.phrasematcher cimport PhraseMatcher
from spacy.structs cimport TokenC
from spacy.tokens.doc cimport Doc
from spacy.typedefs cimport flags_t

# The plain functions, for the cases these do not cover (imported before token_reads replaces them).
from extractors.token_reads import aligned as _plain_aligned, phrase_matches as _plain_phrase_matches


def flagged_tokens(Doc doc, int flag):
    cdef flags_t bit = (<flags_t>1) << flag
    cdef const TokenC* token
    cdef int i
    found = []
    for i in range(doc.length):
        token = &doc.c[i]
        if token.lex.flags & bit:
            found.append((i, token.idx, token.idx + <int>token.lex.length))
    return found


def phrase_matches(PhraseMatcher matcher, Doc doc):
    if matcher.attr != LOWER:
        return _plain_phrase_matches(matcher, doc)
    cdef MapStruct* node
    cdef void* found
    cdef void* value
    cdef key_t match_id
    cdef key_t terminal = matcher._terminal_hash
    cdef int start, end, i, length = doc.length
    cdef const TokenC* last
    matches = []
    for start in range(length):
        found = map_get(matcher.c_map, doc.c[start].lex.lower)
        end = start + 1
        while found:
            node = <MapStruct*>found
            found = map_get(node, terminal)  # phrases that end here
            if found:
                last = &doc.c[end - 1]
                i = 0
                while map_iter(<MapStruct*>found, &i, &match_id, &value):
                    matches.append((match_id, start, end, doc.c[start].idx, last.idx + <int>last.lex.length))
            if end == length:
                break
            found = map_get(node, doc.c[end].lex.lower)
            end += 1
    if matches:
        callbacks, strings = matcher._callbacks, matcher.vocab.strings
        if any(callbacks.get(strings[match[0]]) is not None for match in matches):
            return _plain_phrase_matches(matcher, doc)  # it runs the callbacks, as matcher(doc) does
    return matches


cdef int _token_at(Doc doc, int char_index):
    """The token holding ``char_index`` (its trailing space included), -1 for none."""
    cdef int low = 0, high = doc.length - 1, middle
    while low <= high:
        middle = (low + high) // 2
        if char_index < doc.c[middle].idx:
            high = middle - 1
        elif char_index >= doc.c[middle].idx + <int>doc.c[middle].lex.length + doc.c[middle].spacy:
            low = middle + 1
        else:
            return middle
    return -1


def aligned(Doc doc, int start, int end, str mode):
    if mode != "expand" and mode != "contract":
        return _plain_aligned(doc, start, end, mode)
    cdef int first = _token_at(doc, start)
    if first < 0:
        return None
    cdef int last = _token_at(doc, end - 1)
    if last < 0:
        return None
    if mode == "contract":
        if doc.c[first].idx < start:
            first += 1
        if end < doc.c[last].idx + <int>doc.c[last].lex.length:
            last -= 1
        if last < first:
            return None
    elif start == doc.c[first].idx + <int>doc.c[first].lex.length:
        first += 1  # the span starts on the trailing space of a token: not that token
    if last < first:
        return None
    return doc.c[first].idx, doc.c[last].idx + <int>doc.c[last].lex.length
