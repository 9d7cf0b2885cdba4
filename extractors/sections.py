"""Title and abstract in one document.

The extractors read a paper's title and abstract together, as ``title + "\\n\\n" + abstract``, so
that a name in the title ("LADDER: ...") and its definition in the abstract are seen at once. This
component records where the title ends and makes the abstract start a new sentence, so evidence
can point into the right field and no sentence spans both.

>>> text = compose("LADDER: Self-Improving LLMs", "We propose LADDER.")
>>> field_offsets(text, 0, 6), field_offsets(text, 29, 35)
(('title', 0, 6), ('abstract', 0, 6))
"""

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["SEPARATOR", "compose", "field_offsets", "title_end", "SectionMarker"]

SEPARATOR = "\n\n"

if not Doc.has_extension("title_end"):
    Doc.set_extension("title_end", default=None)


def compose(title, abstract):
    """The text the pipeline reads for one paper."""
    return f"{title}{SEPARATOR}{abstract}"


def title_end(text):
    """Character offset where the title ends (the whole text when there is no abstract)."""
    end = text.find(SEPARATOR)
    return len(text) if end < 0 else end


def field_offsets(text, start, end):
    """Turn document offsets into (field, start, end) with offsets inside the title or abstract."""
    boundary = title_end(text)
    if start < boundary:
        return "title", start, min(end, boundary)
    shift = boundary + len(SEPARATOR)
    return "abstract", max(0, start - shift), max(0, end - shift)


class SectionMarker:
    """spaCy component: sets ``doc._.title_end`` and starts a sentence at the abstract's first token."""

    def __init__(self, name="graphbuild_sections"):
        self.name = name

    def __call__(self, doc):
        boundary = title_end(doc.text)
        doc._.title_end = boundary
        abstract_start = boundary + len(SEPARATOR)
        if abstract_start < len(doc.text):
            span = doc.char_span(abstract_start, len(doc.text), alignment_mode="expand")
            if span is not None and span.start > 0:
                doc[span.start].is_sent_start = True
        return doc


@Language.factory("graphbuild_sections")
def make_section_marker(nlp, name):
    return SectionMarker(name)
