"""Words and names in running text, as the proposal phrasings read them.

The phrasings look at the few words around a cue ("we propose", "called", "a novel"), so instead
of the document's tokens they split just that stretch of text into words and punctuation marks
(``split_words``), read the name that starts at a word (``name_at``: a quoted phrase, a coined
word, or a run of capitalised words) and tell what the name is from the head noun next to it
(``proposal_label``).

>>> text = "We propose LADDER, a framework."
>>> words = split_words(text, 11, len(text))
>>> [w for _, _, w in words]
['LADDER', ',', 'a', 'framework', '.']
>>> from extractors.proposal_cues import default_cues
>>> hit = name_at(text, words, 0, -1, default_cues())
>>> text[slice(*span_of(words, 0, hit))], proposal_label(text, 11, 17, default_cues())
('LADDER', 'METHOD')
"""

import re

from extractors.sections import title_end
from extractors.shapes import FUNCTION_WORDS, NAME_WORD, is_coined_word

__all__ = [
    "CLAUSE_END",
    "QUOTES",
    "WORD_OR_MARK",
    "LONGEST_SENTENCE",
    "sentence_start_of",
    "split_words",
    "name_at",
    "span_of",
    "proposal_label",
]

_MARKS = "\"“”‘’'(),:;—–.!?"  # each a word of its own
#: A word or a punctuation mark, as ``split_words`` finds them.
WORD_OR_MARK = re.compile(rf"{NAME_WORD}|[{_MARKS}]")
#: A clause ends at ". " (or ";", "!", "?" before a space or the end) or at a blank line. Written
#: to start with one set of characters, which lets the expression engine skip ahead to the
#: candidates instead of trying both alternatives at every position.
CLAUSE_END = re.compile(r"[.;!?\n](?:(?<=[.;!?])(?=\s|$)|(?<=\n)\n)")
#: Opening quote marks and the closing mark of each.
QUOTES = {'"': '"', "“": "”", "‘": "’", "'": "'"}
# What stands between a proposed name and the noun phrase saying what it is: "X (SHORT), a new
# large-scale dataset"; the phrase is read up to its first function word.
_HEAD_AFTER = re.compile(r"\s*(?:\([^()]*\))?\s*[,:]?\s*(?:(?:is|are)\s+)?(?:(?:a|an|the|our)\s+)?(?=[\w\-])")
_PHRASE_WORDS = re.compile(r"[\w\-]+(?: [\w\-]+)*")  # words up to the next mark


#: How far back a sentence's start is looked for: half as much again as the shared corpus's
#: longest sentence (658 characters). A text with no full stop for longer is read as sentences of
#: this length, so that the phrasings' work stays in proportion to the text.
LONGEST_SENTENCE = 1000


def sentence_start_of(text, position):
    """Where the sentence holding ``position`` starts (after ". " or a line break), looking back
    no further than ``LONGEST_SENTENCE`` characters."""
    low = max(0, position - LONGEST_SENTENCE)
    return max(text.rfind(". ", low, position) + 1, text.rfind("\n", low, position) + 1, low)


def split_words(text, start, end):
    """(start, end, word) for each word or punctuation mark of ``text[start:end]``; the offsets
    are offsets in ``text``.

    What ``WORD_OR_MARK.finditer`` finds, which never spans a space: a piece between spaces made of
    letters and digits only, most of them, is one word as it stands, and one with a single mark
    before or after it ("X,", "(X") is two; the expression is tried only on the rest ("(SHORT),",
    "Qwen2.5-7B", a piece holding a line break).
    """
    words = []
    at = start
    for piece in text[start:end].split(" "):
        size = len(piece)
        if not size:
            pass
        elif piece.isalnum():
            words.append((at, at + size, piece))
        elif size > 1 and piece[-1] in _MARKS and piece[:-1].isalnum():
            words.append((at, at + size - 1, piece[:-1]))
            words.append((at + size - 1, at + size, piece[-1]))
        elif size > 1 and piece[0] in _MARKS and piece[1:].isalnum():
            words.append((at, at + 1, piece[0]))
            words.append((at + 1, at + size, piece[1:]))
        else:
            words.extend((m.start(), m.end(), m.group()) for m in WORD_OR_MARK.finditer(text, at, at + size))
        at += size + 1
    return words


def name_at(text, words, i, sentence_start, cues):
    """The name starting at ``words[i]``: (end index, kind) or None.

    A name is a quoted phrase, a coined word, or a run of capitalised words (small function
    words allowed inside) that is not just the first word of a sentence.
    """
    start, end, word = words[i][:3]
    if word in QUOTES:
        close = QUOTES[word]
        for j in range(i + 1, min(len(words), i + 9)):
            if words[j][2] == close or (close == "”" and words[j][2] == '"'):
                return (j, "quoted") if j > i + 1 else None
        return None
    if not word[0].isalnum():
        return None
    if not (word[0].isupper() or is_coined_word(word)):
        return None
    if word in cues.sentence_words:
        return None
    j = i
    while j + 1 < len(words):
        nxt = words[j + 1][2]
        if words[j + 1][0] - words[j][1] > 1 and "\n" in text[words[j][1]:words[j + 1][0]]:
            break
        if nxt[0].isalnum() and (nxt[0].isupper() or is_coined_word(nxt)) and nxt not in cues.sentence_words:
            j += 1
        elif (
            nxt.lower() in FUNCTION_WORDS
            and j + 2 < len(words)
            and words[j + 2][2][0].isupper()
            and nxt.lower() not in ("and", "or", "a", "an", "the", "on", "in", "with", "for", "as", "at", "by")
            and not (j == i and is_coined_word(word))  # "Light-R1-32B from Qwen2.5" is two names
            and "\n" not in text[words[j][1]:words[j + 2][0]]
        ):
            j += 2
        else:
            break
    if j == i and not is_coined_word(word) and i == sentence_start:
        return None
    return j, "name"


def span_of(words, i, hit):
    """(start, end) in the text of the name ``name_at`` found at ``words[i]`` (a quoted name
    without its quotes)."""
    end_index, kind = hit
    if kind == "quoted":
        return words[i + 1][0], words[end_index - 1][1]
    return words[i][0], words[end_index][1]


def proposal_label(text, start, end, cues):
    """BENCHMARK, MODEL or METHOD from the head noun next to the proposed name at
    [start, end): "X, a new benchmark", "the X dataset", "a 7B language model, X", or a
    title's "X: A Large-Scale Benchmark for ..."; METHOD when nothing says otherwise."""
    if start == 0 and text.startswith(": ", end):
        # The title says what its name is, in a noun phrase of up to five words after the
        # colon ("A Large-Scale Benchmark for ..."; not "Generating Environments for ...").
        for k, word in enumerate(text[end + 2:title_end(text)].lower().split()[:5]):
            label = cues.head_label(word)
            if label is not None:
                return label
            if (k and word in FUNCTION_WORDS) or word.endswith("ing"):
                break
        return "METHOD"
    after = _HEAD_AFTER.match(text, end, min(len(text), end + 120))
    heads = []
    if after:
        # The noun phrase after the name, up to its first function word: "X, a new
        # large-scale dataset of ..." is headed by "dataset".
        phrase = _PHRASE_WORDS.match(text, after.end(), after.end() + 80)
        for word in phrase.group().lower().split()[:5]:
            if word in FUNCTION_WORDS:
                break
            heads.append(word)
    before = text[max(0, start - 40):start].replace(",", " ").split()
    while before and before[-1].lower() in ("called", "named", "dubbed", "termed", "namely", "the", ":"):
        before.pop()
    if before:
        heads.append(before[-1].lower())
    for head in heads:
        label = cues.head_label(head)
        if label is not None:
            return label
    return "METHOD"
