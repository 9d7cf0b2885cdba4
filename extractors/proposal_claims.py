"""Who a sentence's claim belongs to: whether the paper itself introduces what follows.

A proposal counts only where the paper speaks of its own work: "we propose X", "this paper
introduces X", "by proposing X", "our method, X", or in the passive "an X method is proposed";
not where the sentence relates the name to other work ("we build on X", "than X").

>>> from extractors.proposal_cues import default_cues
>>> cues = default_cues()
>>> text = "In this paper, we propose LADDER. Prior work introduces STaR."
>>> introduces(text, text.index("propose"), "propose", cues), introduces(text, text.index("introduces"), "introduces", cues)
(True, False)
"""

import bisect
import re

from extractors.proposal_cues import ADVERBS
from extractors.proposal_text import CLAUSE_END, sentence_start_of
from extractors.shapes import is_coined_word

__all__ = ["WE_OR_THIS_PAPER", "subject_precedes", "introduces", "introduced_before"]

#: "we", "this paper", "this work", "this study".
WE_OR_THIS_PAPER = re.compile(r"\b(?:we|this (?:\w+ )?(?:paper|work|study))\b", re.IGNORECASE)
# "a multi-perspective course learning (MCL) method is proposed"
_PASSIVE_INTRO = re.compile(r"^[^,;]{0,60}?\b(?:is|are)\s+(?:(?:first|newly|hereby)\s+)?(?:proposed|introduced|presented|developed|devised)\b")
_WE = re.compile(r"\bwe\b", re.IGNORECASE)
_ARTICLE_AT_END = re.compile(r"\b(?:an?|two|three|\(\w\))\s*$")


def subject_precedes(text, start, cues):
    """True when "we", "this paper", "this work", ... (and at most two adverbs) come right
    before ``start``."""
    if text.endswith(("we ", "We "), max(0, start - 3), start) and (start < 4 or not text[start - 4].isalnum()):
        return True  # the common case, decided without splitting words
    words = text[max(0, start - 60):start].lower().split()[-5:]
    for _ in range(2):
        if words and (words[-1].endswith("ly") or words[-1] in ADVERBS):
            words.pop()
    if any(" ".join(words[k:]) in cues.subject_set for k in range(max(0, len(words) - cues.subject_words), len(words))):
        return True
    return len(words) >= 3 and words[-3] == "this" and words[-1] in ("paper", "work", "study")


def introduces(text, start, word, cues):
    """True when the introducing word at ``start`` has the paper as its subject: "we
    propose", "this paper introduces", "by proposing", "we challenge X and propose"."""
    lower = word.lower()
    before = text[max(0, start - 12):start].lower().split()
    if lower in cues.intro_gerunds:
        return bool(before) and before[-1] == "by"
    if lower not in cues.intro_verbs:
        return False
    # The cheap test first: "the proposed method", "is presented" have no subject before.
    if before and (before[-1] in cues.subject_ends or before[-1].endswith("ly")) and subject_precedes(text, start, cues):
        return True
    if before and (before[-1] in ("and", "to", "then") or (len(before) > 1 and before[-2] in ("and", "to", "then") and before[-1] in ("also", "further"))):
        sentence_start = sentence_start_of(text, start)
        return WE_OR_THIS_PAPER.search(text, sentence_start, start) is not None
    return False


def introduced_before(text, position, claim_starts, cues, names_between=False):
    """True when the sentence holding ``position`` introduces something of the paper's own
    ("we propose", "our method", "this paper presents") before it, with nothing after that
    relating it to other work, or says so after it in the passive ("... (MCL) method is
    proposed").

    ``claim_starts``, the sorted offsets of the document's introducing verbs and "our", spare
    the expressions a sentence that holds none of them: every claim needs one.
    """
    sentence_start = sentence_start_of(text, position)
    sentence_end = CLAUSE_END.search(text, position, position + 120)  # the passive comes within 120
    after = text[position:sentence_end.start() if sentence_end else position + 120]
    if _PASSIVE_INTRO.search(after):
        return True
    first = bisect.bisect_left(claim_starts, sentence_start)
    if first == len(claim_starts) or claim_starts[first] >= position:
        return False
    before = text[sentence_start:position]
    claims = [m.end() for m in cues.intro.finditer(before)] + [m.end() for m in cues.intro_gerund.finditer(before)]
    claims += [m.end() for m in cues.intro_implied.finditer(before) if _WE.search(before, 0, m.start())]
    # "our method X": the pattern looks one character past "our method ", so it reads the text on.
    claims += [m.end() - sentence_start for m in cues.own_work.finditer(text, sentence_start, position + 1) if m.end() <= position]
    if not claims:
        return False
    gap = before[max(claims):]
    if not names_between and any(is_coined_word(w.strip(",;:()")) for w in gap.split()) and not _ARTICLE_AT_END.search(gap):
        # "we propose ControlVAR, ... in visual autoregressive (VAR) modeling" names earlier
        # work; "we propose EchoVideo, which employs (1) an Identity ... Module (IITF)" does not.
        return False
    return not cues.relation.search(gap.lower())
