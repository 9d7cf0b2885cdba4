"""Proposed names: what the paper itself introduces.

The phrasings (``extractors.proposal_phrasings``: a title prefix "LADDER: ...", "we propose X",
"called X", "X, a novel ...", ...) each find candidate names; ``proposals`` runs them all, keeps
one name per place and labels each BENCHMARK, MODEL or METHOD from the words around it ("a new
benchmark", "a 7B language model", "a framework"). ``ProposalFinder`` is the spaCy component that
runs ``proposals`` on a document and adds the names to ``doc._.proposed``. The cue words are data
(``data/proposal_cues.json``, ``data/benchmark_cues.txt``); a name a gazetteer lists, the
user's included, is a known name, the paper's own only where the words right before it claim it
("we introduce a Region Proposal Network (RPN)", "our novel Focal Loss": the paper that
introduced a name now known).

>>> from extractors.proposal_cues import default_cues
>>> text = "LADDER: Self-Improving Models\\n\\nWe introduce LADDER, and we train Transformer-XL on it."
>>> [text[start:end] for start, end, _ in proposals(text, (), (), default_cues())]
['LADDER']
"""

import re

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.doc_values import findings, get_value, set_value
from extractors.lexicon import CODED, INTRO, NAMING, NOVELTY, OWN, WE_NAMING, document_text, interesting_tokens
from extractors.proposal_cues import ProposalCues, cue_data
from extractors.proposal_phrasings import (
    appositions,
    headed_names,
    introduced,
    named,
    novel_noun_phrases,
    own_work_names,
    owned_definitions,
    quoted_names,
    title_prefix,
    title_tools,
)
from extractors.proposal_text import proposal_label
from extractors.shapes import MODEL_SIZE
from extractors.spans import SpanIndex
from extractors.token_reads import aligned

__all__ = ["proposals", "ProposalFinder"]

_CUES = INTRO | NAMING | WE_NAMING | NOVELTY | OWN
_SIZE_AFTER = re.compile(rf"[ -](?:{MODEL_SIZE})")  # " 8x7B", "-16B", " 350M"


def proposals(text, pairs, tokens, cues):
    """Every proposed name in ``text``: sorted (start, end, label), overlaps removed.

    ``pairs`` are the document's abbreviation definitions (long start, long end, short start,
    short end); ``tokens`` its interesting tokens (index, start, end, text, classes), whose
    introducing verbs, naming verbs, novelty words and "our" trigger the phrasings.
    """
    coded = [(start, end, word) for _, start, end, word, c in tokens if c & CODED]
    rare = [t for t in tokens if t[4] & _CUES]  # the rare classes, tested together
    claim_starts = [t[1] for t in rare if t[4] & (INTRO | OWN)]
    intro, naming, we_naming, novelty, own = (
        [(start, end, word) for _, start, end, word, c in rare if c & bit] if rare else []
        for bit in (INTRO, NAMING, WE_NAMING, NOVELTY, OWN)
    )

    spans = (
        title_prefix(text, cues)
        + introduced(text, intro, cues)
        + named(text, naming, we_naming, cues)
        + appositions(text, novelty, pairs, cues)
        + novel_noun_phrases(text, novelty, cues)
        + own_work_names(text, own, cues)
        + headed_names(text, coded, claim_starts, cues)
        + quoted_names(text, claim_starts, cues)
        + owned_definitions(text, pairs, claim_starts, cues)
        + title_tools(text, pairs, cues)
    )
    chosen = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if chosen and start < chosen[-1][1]:
            continue
        name = text[start:end]
        base = name[:-1] if name.endswith("s") and name[-2:-1].isupper() else name
        if len(name) < 2 or name.lower() in cues.generic_prefixes or base.lower() in cues.not_names:
            continue
        if "\n" in name or "=" in name:
            continue  # across a line break, or an equation ("R=-a*e^H+b")
        size = _SIZE_AFTER.match(text, end)
        if size is not None:
            end = size.end()  # "we introduce Mixtral 8x7B": the size names the released model
        elif name.endswith((" Series", " series", " Family", " family")):
            end = start + name.rindex(" ")  # "the Qwen2-VL Series" is Qwen2-VL
        chosen.append((start, end, proposal_label(text, start, end, cues)))
    return chosen


class ProposalFinder(DataComponent):
    """spaCy component: adds proposed names to ``doc._.proposed``, spanning whole tokens. Reads
    the lexicon's interesting tokens and the abbreviation pairs (``doc._.abbreviations``)."""

    def __init__(self, name="graphbuild_proposed", key="proposed"):
        self.name = name
        self.key = key
        self.cues = None

    def data_from(self, resources, nlp):
        return cue_data(resources)

    def set_up(self, data):
        super().set_up(data)
        self.cues = ProposalCues(data)

    def __call__(self, doc):
        self.check_initialised()
        proposed = []
        tokens = interesting_tokens(doc, _CUES | CODED)
        links = SpanIndex((start, end) for start, end, _, _ in findings(doc, "links"))
        for start, end, label in proposals(document_text(doc), get_value(doc, "abbreviations") or (), tokens, self.cues):
            if links.overlaps(start, end):
                continue  # the name in "github.com/org/Vision-R1-Zero" is part of a link
            offsets = aligned(doc, start, end, "expand")
            if offsets is not None:
                proposed.append((*offsets, label, ""))
        set_value(doc, self.key, proposed)
        return doc


@Language.factory("graphbuild_proposed", default_config={"key": "proposed"})
def make_proposal_finder(nlp, name, key):
    return ProposalFinder(name, key)
