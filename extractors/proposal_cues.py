"""The cue words of the proposal phrasings, compiled once: introducing and naming verbs, head
nouns, the words that relate a name to earlier work, and the names the gazetteers already know.

``ProposalCues`` is built from plain data (``cue_data(resources)``), which the proposal component
saves with the pipeline; every phrasing (``extractors.proposal_phrasings``) takes it as its last
argument.

>>> cues = default_cues()
>>> cues.head_label("benchmark"), cues.head_label("framework"), cues.known("LSTMs")
('BENCHMARK', 'METHOD', True)
"""

import functools
import re

from extractors.methods import singular
from extractors.models import grammar_data, grammar_from
from extractors.normalize import concept_key
from extractors.resources import load_resources

__all__ = ["ProposalCues", "cue_data", "default_cues", "ADVERBS"]

#: Adverbs allowed between a subject and its introducing verb: "we also propose".
ADVERBS = frozenset("also then further thus therefore here now first finally additionally next".split())
_LOWER_WORDS = re.compile(r"[a-z]+")


def cue_data(resources):
    """The plain data ``ProposalCues`` is built from: the proposal cue words, benchmark cue words,
    the stop list, every known name's key and the model families (a model name is never a
    proposal's own new name)."""
    return {
        "cues": dict(resources.proposal_cues),
        "benchmark_cues": list(resources.benchmark_cues),
        "not_names": list(resources.not_names),
        "known_keys": sorted(resources.known_keys()),
        "models": grammar_data(resources),
    }


# A size of an architecture, written on to its name: "ViT-L/14", "Swin-T", "DiT-XL/2", "BERT-Large".
_SIZED = re.compile(r"(?P<head>[^\W_][\w.+]*?)(?:-(?:[SBLHGTM]|Ti|XL|XXL|Base|Large|Small|Tiny|Huge|Giant)){1,2}(?:/\d+)?")


@functools.lru_cache(maxsize=1)
def default_cues():
    """The cues of the built-in data alone (for examples and tests)."""
    return ProposalCues(cue_data(load_resources()))


class ProposalCues:
    """The compiled cue words of the proposal phrasings (see the module docstring)."""

    def __init__(self, data):
        cues, benchmark_cues, not_names = data["cues"], data["benchmark_cues"], data["not_names"]
        grammar = grammar_from(data["models"])
        self.not_names = {n.lower() for n in not_names}
        self.known_keys = set(data["known_keys"])
        self.known_model = lambda name: grammar.pattern.fullmatch(name) is not None
        # Words between a claim and a name that relate the name to other work, or report a result
        # on it ("our method achieves a Dice of 89.65% on the Left Atrium (LA) dataset").
        self.relation = re.compile(
            r"\b(?:than|based on|builds? (?:on|upon)|extend(?:s|ing)?|following|like|such as|including|compared|versus|vs\.?|over|against|unlike|instead of|inspired by|existing|standard|classical|conventional|popular|prior|previous|baselines?|with"
            r"|achiev(?:es?|ing)|reach(?:es|ing)?|attain(?:s|ing)?|outperform(?:s|ing)?|surpass(?:es|ing)?)\b"
        )
        self.benchmark_cues = {c.lower() for c in benchmark_cues}
        self.gap_stops = set(cues["gap_stop_words"])
        self.novelty = set(cues["novelty_words"])
        self.method_heads = set(cues["method_heads"])
        self.model_heads = set(cues["model_heads"])
        self.heads = self.method_heads | self.model_heads
        self.phenomena = re.compile(
            rf"\b(?:{'|'.join(sorted(map(re.escape, cues['phenomenon_words']), key=len, reverse=True))})\b"
        )
        self.generic_prefixes = set(cues["generic_title_prefixes"])
        self.sentence_words = set(cues["sentence_words"])
        verbs = "|".join(sorted(map(re.escape, cues["intro_verbs"]), key=len, reverse=True))
        subjects = "|".join(sorted(map(re.escape, cues["intro_subjects"]), key=len, reverse=True))
        self.intro = re.compile(
            rf"\b(?:{subjects}|this\s+\w+\s+(?:paper|work|study))\s+(?:[a-z]+ly\s+|also\s+|then\s+|further\s+|thus\s+|therefore\s+|here\s+|now\s+|first\s+){{0,2}}(?:{verbs})\b",
            re.IGNORECASE,
        )
        base_verbs = "|".join(sorted((re.escape(v) for v in cues["intro_verbs"] if not v.endswith(("s", "ed", "built"))), key=len, reverse=True))
        self.intro_implied = re.compile(rf"\b(?:and|to|then)\s+(?:also\s+|further\s+)?(?:{base_verbs})\b", re.IGNORECASE)
        gerunds = "|".join(sorted(map(re.escape, cues["intro_gerunds"]), key=len, reverse=True))
        self.intro_gerund = re.compile(rf"\bby\s+(?:{gerunds})\b", re.IGNORECASE)
        self.intro_verbs = {v.lower() for v in cues["intro_verbs"]}
        self.reuse_verbs = {v.lower() for v in cues.get("reuse_verbs", ())}
        self.subject_set = {" ".join(v.lower().split()) for v in cues["intro_subjects"]}
        self.subject_words = max((len(v.split()) for v in self.subject_set), default=0)
        # The word right before an introducing verb whose subject is the paper: the last word of
        # a subject ("we", "this paper"), or an adverb between them ("we also propose").
        self.subject_ends = {v.split()[-1] for v in self.subject_set} | {"paper", "work", "study"} | ADVERBS
        self.intro_gerunds = {v.lower() for v in cues["intro_gerunds"]}
        naming = "|".join(sorted(map(re.escape, cues["naming_verbs"]), key=len, reverse=True))
        self.naming = re.compile(rf"(?<![-\w])(?:{naming})\s+(?:it\s+|this\s+|them\s+)?(?:as\s+)?(?:the\s+)?", re.IGNORECASE)
        we_naming = "|".join(sorted(map(re.escape, cues["we_naming_verbs"]), key=len, reverse=True))
        self.we_naming = re.compile(rf"(?:{we_naming})\s+(?:it\s+|this\s+|them\s+)?(?:as\s+)?(?:the\s+)?", re.IGNORECASE)
        # "our" and a word of the list, maybe with one describing word between ("our fine-tuned
        # model X"), and a second word of the list may follow: "our new algorithm X".
        seconds = "|".join(sorted({re.escape(v.split()[-1]) for v in cues["own_work"]}, key=len, reverse=True))
        self.own_work = re.compile(
            rf"\bour\s+(?:(?!(?:{seconds})\b)[a-z][a-z\-]*\s+)?(?:{seconds})(?:\s+(?:{seconds}))?,?\s+(?=[^\W_])", re.IGNORECASE
        )

    def known(self, name):
        """A name the gazetteers know, in the singular too ("LSTMs"), a model name, or a size of a
        known one ("ViT-L/14", "ConvNeXt-B", "T5-XXL": "we train ViT-L/14" proposes nothing)."""
        if concept_key(name) in self.known_keys or concept_key(singular(name)) in self.known_keys or self.known_model(name):
            return True
        sized = _SIZED.fullmatch(name)
        return sized is not None and (concept_key(sized.group("head")) in self.known_keys or self.known_model(sized.group("head")))

    def describes_a_thing(self, text):
        """Whether ``text`` holds a head noun or a novelty word: "a novel regularizer, namely",
        "a method called"."""
        return any(w in self.heads or w in self.novelty for w in _LOWER_WORDS.findall(text))

    def head_label(self, word):
        if word in self.benchmark_cues:
            return "BENCHMARK"
        if word in self.model_heads:
            return "MODEL"
        if word in self.method_heads:
            return "METHOD"
        return None
