"""Word classes the extractors look for, decided once per word of the vocabulary.

Scanning every abstract with a dozen regular expressions costs more than tokenising it. Instead,
each distinct word is classified once (a coined name? a model family? a number? a benchmark cue,
an introducing verb, a naming verb?) and spaCy keeps the answer as a lexeme flag, so finding the
interesting tokens of a document is one array lookup done in C. The components then apply their
rules only around those tokens.

``graphbuild_lexicon`` runs first and stores, in ``doc.user_data``, the document's text and the
list of its interesting tokens: ``(index, start char, end char, text, classes)``. Its word lists
(model families, cue words, introducing and naming verbs) come from the resources.

Examples
--------
>>> classes = WordClasses(families=["Qwen"], cues=["benchmark"], intro=["propose"], naming=["called"],
...                       we_naming=[], novelty=["novel"])
>>> [names_of(classes.classify(w)) for w in ["Qwen2.5-7B", "84.3", "benchmark", "ControlNet++"]]
[['CODED', 'FAMILY'], ['NUMBER'], ['BENCH_CUE'], ['CODED']]
"""

import re

from spacy.language import Language

from extractors.component_data import DataComponent
from extractors.doc_values import get_value, set_value
from extractors.shapes import is_coined_word
from extractors.token_reads import flagged_tokens

__all__ = [
    "CODED",
    "FAMILY",
    "NUMBER",
    "BENCH_CUE",
    "INTRO",
    "NAMING",
    "WE_NAMING",
    "NOVELTY",
    "OWN",
    "EVALUATION",
    "WordClasses",
    "word_lists",
    "LexiconTagger",
    "interesting_tokens",
    "document_text",
    "set_document_text",
    "names_of",
]

CODED = 1 << 0  # a coined name: ControlNet++, GRPO, SBv2, Qwen2.5
FAMILY = 1 << 2  # starts with a model family word: Qwen2.5-7B, Llama, GPT-4o
NUMBER = 1 << 3  # a reported number: 84.3, 62%, +5.2
BENCH_CUE = 1 << 4  # benchmark, dataset, suite, ...
INTRO = 1 << 5  # propose, introduce, present, proposing, ...
NAMING = 1 << 6  # called, dubbed, named, termed, namely, ...
WE_NAMING = 1 << 7  # call, term, name, dub: naming verbs after "we"
NOVELTY = 1 << 8  # novel, new, innovative, ...
OWN = 1 << 9  # our
EVALUATION = 1 << 10  # evaluated, experiments, results, ...: "experiments on X"

_CLASS_NAMES = {
    CODED: "CODED",
    FAMILY: "FAMILY",
    NUMBER: "NUMBER",
    BENCH_CUE: "BENCH_CUE",
    INTRO: "INTRO",
    NAMING: "NAMING",
    WE_NAMING: "WE_NAMING",
    NOVELTY: "NOVELTY",
    OWN: "OWN",
    EVALUATION: "EVALUATION",
}

_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:–\d+(?:\.\d+)?)?(?:\\?%)?$")  # "8–10%": a range


def names_of(classes):
    """The names of the classes set in a bit mask, for reading and debugging."""
    return [name for bit, name in _CLASS_NAMES.items() if classes & bit]


class WordClasses:
    """Decides the classes of one word; every word list is data from ``extractors/data``."""

    def __init__(self, families, cues, intro, naming, we_naming, novelty, evaluation=()):
        # The first piece of each family as the tokenizer cuts it: "Show-o" starts at "Show".
        self.family_words = sorted({re.split(r"[\s\-]", f)[0] for f in families if f}, key=len, reverse=True)
        loose = [re.escape(w) for w in self.family_words]
        self.family = re.compile(rf"^(?i:{'|'.join(loose)})") if loose else None
        self.words = {}
        for bit, words in (
            (BENCH_CUE, cues),
            (INTRO, intro),
            (NAMING, naming),
            (WE_NAMING, we_naming),
            (NOVELTY, novelty),
            (EVALUATION, evaluation),
        ):
            for word in words:
                key = word.lower().split()[0]
                self.words[key] = self.words.get(key, 0) | bit
        self.words["our"] = self.words.get("our", 0) | OWN

    def classify(self, word):
        """The bit mask of classes of ``word`` (0 for an ordinary word)."""
        classes = self.words.get(word.lower(), 0)
        if _NUMBER.match(word):  # "+6.87%" too: a gain is a reported number
            return classes | NUMBER
        if not word[:1].isalnum():
            return classes
        if is_coined_word(word):
            classes |= CODED
        if self.family is not None and not (word.isalpha() and word.islower()) and self.family.match(word):
            classes |= FAMILY  # "Qwen2.5", "Show", "llama-2": not the verb "show"
        return classes


def word_lists(resources):
    """The word lists of ``WordClasses`` (its keyword arguments) taken from the resources."""
    cues = resources.proposal_cues
    return {
        "families": [family.pattern for family in resources.model_families],
        "cues": [cue for cue in resources.benchmark_cues if " " not in cue],
        "intro": [*cues["intro_verbs"], *cues["intro_gerunds"]],
        "naming": list(cues["naming_verbs"]),
        "we_naming": list(cues["we_naming_verbs"]),
        "novelty": list(cues["novelty_words"]),
        "evaluation": list(resources.evaluation_words),
    }


class LexiconTagger(DataComponent):
    """spaCy component: stores the text and the interesting tokens of each document.

    The word classes are one lexeme flag on the vocabulary, registered when the word lists arrive
    (``initialize`` or ``from_disk``); the classes of each flagged word are kept in a dictionary,
    so each word is classified once.
    """

    def __init__(self, nlp, name="graphbuild_lexicon"):
        self.nlp = nlp
        self.name = name
        self.classes_of = {}
        self.word_classes = None
        self.flag = None

    def data_from(self, resources, nlp):
        return word_lists(resources)

    def set_up(self, data):
        super().set_up(data)
        self.word_classes = WordClasses(**data)
        self.classes_of = {}
        self.flag = self.nlp.vocab.add_flag(self._interesting)

    def _interesting(self, word):
        classes = self.word_classes.classify(word)
        if classes:
            self.classes_of[word] = classes
        return bool(classes)

    def __call__(self, doc):
        self.check_initialised()
        text = document_text(doc)  # kept for the components after this one
        found = []
        classes_of = self.classes_of
        for i, start, end in flagged_tokens(doc, self.flag):
            word = text[start:end]
            classes = classes_of.get(word)
            if classes is None:  # a word flagged before this process's dictionary saw it
                classes = classes_of[word] = self.word_classes.classify(word)
            found.append((i, start, end, word, classes))
        set_value(doc, "tokens", found)
        return doc


def document_text(doc):
    """The document's text, kept by the lexicon component (``doc.text`` rebuilds it each time)."""
    text = get_value(doc, "text")
    if text is None:
        text = doc.text
        set_value(doc, "text", text)
    return text


def set_document_text(doc, text):
    """Record the text a document was made from, sparing the components a rebuild of it."""
    set_value(doc, "text", text)
    return doc


def interesting_tokens(doc, classes):
    """The stored tokens having any of ``classes``: (index, start, end, text, classes) tuples."""
    return [t for t in get_value(doc, "tokens") or () if t[4] & classes]


@Language.factory("graphbuild_lexicon")
def make_lexicon_tagger(nlp, name):
    return LexiconTagger(nlp, name)
