"""What a name looks like: the shapes of coined names, acronyms and title-case phrases.

Names that papers coin are written so that a reader sees they are names: capitals inside a word
(ControlNet, SwiftBrushv2), all capitals (LADDER, GRPO), digits and symbols (ControlNet++, PG-SB,
AD^ε, Qwen2.5), or a run of capitalised words (Variational Score Distillation). These functions
decide shape only; whether a name is a method, a model or a benchmark is decided elsewhere.

Examples
--------
>>> [is_coined_word(w) for w in ["ControlNet++", "LADDER", "PG-SB", "Dualformer", "diffusion", "The"]]
[True, True, True, False, False, False]
"""

import functools
import re

__all__ = [
    "LANGUAGES",
    "NAME_WORD",
    "is_coined_word",
    "is_acronym",
    "is_camel_case",
    "is_title_case_phrase",
    "FUNCTION_WORDS",
    "MODEL_SIZE",
    "AT_METRIC",
]

#: Language names and their two-letter codes as papers write them: a language pair after a
#: benchmark ("WMT 2014 English-to-German") is part of its name, and a language is no benchmark.
LANGUAGES = (
    "English", "German", "French", "Chinese", "Romanian", "Czech", "Russian", "Japanese", "Spanish", "Finnish",
    "Turkish", "Estonian", "Latvian", "Hindi", "Gujarati", "Kazakh", "Lithuanian", "Arabic", "Korean", "Vietnamese",
    "Italian", "Portuguese", "Dutch", "Polish", "Hungarian", "Icelandic",
    "En", "De", "Fr", "Zh", "Ro", "Cs", "Ru", "Ja", "Es", "Fi", "Tr", "Et", "Lv", "Hi", "Gu", "Kk", "Lt", "Ar", "Ko",
    "Vi", "It", "Pt", "Nl", "Pl", "Hu", "Is",
)

#: One word of a name as a regular expression: starts with a letter or digit, may hold hyphens,
#: dots, plus signs, carets, apostrophes and non-ASCII letters (AD^ε), ends without punctuation.
NAME_WORD = r"[^\W_][\w\-+.^'’*]*[\w+*]|[^\W_]"

#: A metric at a cut-off, as papers write it before "on" and a benchmark: "Acc@0.5", "R@1", "F1@0.25".
AT_METRIC = r"[A-Za-z]+\d*@[\d.]+"

#: A model's size as written on to its name: "7B", "0.5B", "350M", "235B-A22B", "8x7B".
MODEL_SIZE = r"\d+(?:\.\d+)?[BMK](?:-A\d+(?:\.\d+)?B)?(?!\w|\.\d)|\d+x\d+(?:\.\d+)?B(?!\w|\.\d)"

#: Small words allowed inside a title-case name ("Learning to Retain while Acquiring").
FUNCTION_WORDS = frozenset(
    "a an and as at by for from in into of on or the to via with without while over under".split()
)

_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9][A-Za-z0-9\-+.^*]*$")
_LETTER_PREFIXED = re.compile(r"^[A-Z]{1,3}-[a-z]{2,}$")
_CAMEL = re.compile(r"^[A-Za-z]*[a-z][A-Z][\w\-+.^*]*$|^[A-Z][a-z]+[A-Z0-9][\w\-+.^*]*$|^[A-Z]{2,}[a-z]{3,}$")


@functools.lru_cache(maxsize=1 << 16)
def is_acronym(word):
    """Mostly capitals, at least two, starting with a capital or digit: GRPO, RLHF, SBv2, PG-SB,
    3DGS; not a hyphenated pair of capitalised words such as "One-Step"."""
    letters = [ch for ch in word if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return bool(_ACRONYM.match(word)) and capitals >= 2 and 2 * capitals >= len(letters)


@functools.lru_cache(maxsize=1 << 16)
def is_camel_case(word):
    """A capital inside a lowercase run: ControlNet, SwiftBrush, iDPO, ResNet-50, LLMsuite."""
    return bool(_CAMEL.match(word))


@functools.lru_cache(maxsize=1 << 16)
def is_coined_word(word):
    """A single word that is visibly a name: an acronym, camel case, or a word with digits or
    symbols such as '++' or '^' (but not a plain number)."""
    if not word or not word[0].isalnum():
        return False
    if is_acronym(word) or is_camel_case(word):
        return True
    if _LETTER_PREFIXED.match(word):
        return True  # "Q-exit", "D-PPO", "k-NN"
    has_letter = any(ch.isalpha() for ch in word)
    return has_letter and (any(ch in "+^" for ch in word) or (word[0].isupper() and any(ch.isdigit() for ch in word)))


def is_title_case_phrase(words):
    """Every word capitalised or a name, small function words allowed inside, at least two words."""
    if len(words) < 2 or words[0].lower() in FUNCTION_WORDS or words[-1].lower() in FUNCTION_WORDS:
        return False
    return all(w.lower() in FUNCTION_WORDS or w[:1].isupper() or is_coined_word(w) for w in words)
