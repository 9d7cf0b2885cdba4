"""Normalised keys: one key per concept, whatever the spelling.

"Qwen2.5 7B" and "Qwen2.5-7B", "LLaMA-2" and "Llama2", "ImageNet-1K" and "ImageNet 1K" each meet
in one key, so they become one node with every surface form kept as an alias.

Examples
--------
>>> concept_key("Qwen2.5 7B") == concept_key("Qwen2.5-7B")
True
>>> concept_key("LLaMA-2") == concept_key("Llama2")
True
>>> concept_key("ImageNet-1K"), concept_key("ControlNet++")
('imagenet-1k', 'controlnet++')
>>> url_key("https://www.github.com/org/repo.git/")
'github.com/org/repo'
"""

import functools
import re
import unicodedata

__all__ = ["concept_key", "url_key", "scoring_form"]

# Runs of letters and digits (any script), '+' kept so that ControlNet++ differs from ControlNet,
# and a decimal point kept between digits so that Qwen2.5 differs from Qwen25.
_PIECE = re.compile(r"[^\W_]+(?:\.\d+)*\+*", re.UNICODE)
_LETTER_THEN_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)", re.UNICODE)


@functools.lru_cache(maxsize=1 << 16)
def concept_key(name):
    """The normalised key of a concept name: lowercase pieces joined by '-'.

    Separators (space, hyphen, underscore, punctuation) are unified, and a letter followed by a
    digit counts as a boundary, so "Llama2", "Llama 2" and "LLaMA-2" share the key "llama-2".
    """
    text = unicodedata.normalize("NFKC", name).lower()
    pieces = []
    for piece in _PIECE.findall(text):
        pieces.extend(_LETTER_THEN_DIGIT.split(piece))
    return "-".join(p for p in pieces if p)


def url_key(url):
    """The normalised key of a URL: no scheme, no "www.", no ".git", no trailing slash; host lowercased."""
    text = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", url.strip())
    host, slash, rest = text.partition("/")
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    rest = rest.rstrip("/")
    if rest.endswith(".git"):
        rest = rest[:-4]
    return f"{host}/{rest}".rstrip("/") if slash else host


def scoring_form(name):
    """The comparison form of the annotation guide: lowercase, only letters, digits and '+'.

    >>> scoring_form("Qwen2.5-7B") == scoring_form("qwen2.5 7b")
    True
    """
    text = unicodedata.normalize("NFKC", name).lower()
    return "".join(ch for ch in text if ch.isalnum() or ch == "+")
