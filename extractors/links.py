"""Links: every URL in a text, cleaned and classified.

Abstracts carry code repositories, Hugging Face models, datasets and spaces, and project pages, often
with debris around them: trailing punctuation, a closing bracket, or LaTeX such as
``\\href{https://huggingface.co/datasets/org/Name{Name}``. Each link becomes a finding in
``doc._.links`` whose label is its kind and whose key is the cleaned URL.

Examples
--------
>>> clean_url("https://github.com/org/repo).")
'https://github.com/org/repo'
>>> classify_url("https://huggingface.co/datasets/org/name")
('huggingface.co', 'hf_dataset')
"""

import re

from spacy.language import Language

from extractors.doc_values import set_value
from extractors.lexicon import document_text
from extractors.token_reads import aligned

__all__ = ["find_links", "clean_url", "classify_url", "LinkFinder", "LINK_KINDS"]

#: Kinds of link, in the order a person would look for them.
LINK_KINDS = ("code", "hf_model", "hf_dataset", "hf_space", "page")

_CODE_HOSTS = {"github.com": "code", "gitlab.com": "code", "bitbucket.org": "code"}
# A URL with a scheme, or a bare address on a host that abstracts cite without one.
_URL = re.compile(
    r"""(?:https?|ftp)://[^\s<>"{}|\\^`]+"""
    r"""|(?<![\w@./-])(?:www\.[\w-]+(?:\.[\w-]+)+|(?:[\w-]+\.)*(?:github\.io|github\.com|gitlab\.com|huggingface\.co|bitbucket\.org))(?:/[^\s<>"{}|\\^`]*)?""",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\"*"
_PAIRS = {")": "(", "]": "[", "}": "{"}


def clean_url(url):
    """Strip trailing punctuation and unbalanced closing brackets that follow a URL in prose."""
    while url:
        last = url[-1]
        if last in _TRAILING:
            url = url[:-1]
        elif last in _PAIRS and url.count(last) > url.count(_PAIRS[last]):
            url = url[:-1]
        else:
            break
    return url


def classify_url(url):
    """(host, kind) of a cleaned URL; kind is one of ``LINK_KINDS``."""
    rest = re.sub(r"^[a-z]+://", "", url, flags=re.IGNORECASE)
    host, _, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    if host in _CODE_HOSTS:
        return host, _CODE_HOSTS[host]
    if host in ("huggingface.co", "hf.co"):
        first = path.split("/", 1)[0].lower()
        if first == "datasets":
            return "huggingface.co", "hf_dataset"
        if first == "spaces":
            return "huggingface.co", "hf_space"
        if first in ("", "papers", "docs", "blog", "collections"):
            return "huggingface.co", "page"
        return "huggingface.co", "hf_model"
    return host, "page"


_HINTS = ("://", "www.", "github", "gitlab", "huggingface", "bitbucket")


def _chunks_with_hints(text):
    """(start, end) of the whitespace-delimited stretches of ``text`` holding a link hint."""
    chunks = set()
    for hint in _HINTS:
        position = text.find(hint)
        while position >= 0:
            start = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1
            end = min(p for p in (text.find(" ", position), text.find("\n", position), len(text)) if p >= 0)
            chunks.add((start, end))
            position = text.find(hint, end)
    return sorted(chunks)


def find_links(text):
    """Yield (start, end, url) for every link in ``text``, offsets of the cleaned URL.

    Only the stretches around "://", "www." and the hosts abstracts link to are searched: most
    abstracts have no link, and none should pay for a scan of its whole text.
    """
    matches = []
    for chunk_start, chunk_end in _chunks_with_hints(text):
        matches.extend(_URL.finditer(text, chunk_start, chunk_end))
    for match in sorted({m.start(): m for m in matches}.values(), key=lambda m: m.start()):
        url = clean_url(match.group())
        if "." not in url.split("://", 1)[-1]:
            continue
        yield match.start(), match.start() + len(url), url


class LinkFinder:
    """spaCy component: a finding per link in ``doc._.links``, spanning whole tokens."""

    def __init__(self, name="graphbuild_links", key="links"):
        self.name = name
        self.key = key

    def __call__(self, doc):
        found = []
        for start, end, url in find_links(document_text(doc)):
            offsets = aligned(doc, start, end, "expand")
            if offsets is not None:
                found.append((*offsets, classify_url(url)[1], url))
        set_value(doc, self.key, found)
        return doc


@Language.factory("graphbuild_links", default_config={"key": "links"})
def make_link_finder(nlp, name, key):
    return LinkFinder(name, key)
