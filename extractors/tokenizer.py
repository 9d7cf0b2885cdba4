"""The pipeline's tokenizer: spaCy's English rules with two suffix rules changed for names.

Names are not measurements: spaCy's default suffixes split a unit after a number, which cuts
"GSM8K" into "GSM8" + "K". And a sentence-final period after a name ending in a capital or a digit
("on GSM8K.", "Llama 3.2 3B.") is punctuation, which the defaults keep attached. Registered as
``graphbuild.name_friendly_tokenizer.v1`` so that a saved pipeline's config names it.

>>> import spacy
>>> nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
>>> [t.text for t in nlp("We beat Llama 3.2 3B on GSM8K.")]
['We', 'beat', 'Llama', '3.2', '3B', 'on', 'GSM8K', '.']
"""

import spacy
from spacy.tokenizer import Tokenizer
from spacy.util import compile_prefix_regex, compile_infix_regex, compile_suffix_regex

__all__ = ["TOKENIZER", "name_friendly_tokenizer"]

TOKENIZER = "graphbuild.name_friendly_tokenizer.v1"


def name_friendly_tokenizer(nlp):
    """A tokenizer for ``nlp``'s language with the units rule dropped and a period after a capital
    or digit split off."""
    defaults = nlp.Defaults
    suffixes = [s for s in defaults.suffixes if "km" not in s]  # drop the units rule
    return Tokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(suffixes + [r"(?<=[A-Za-z0-9+*])\."]).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@spacy.registry.tokenizers(TOKENIZER)
def create_name_friendly_tokenizer():
    return name_friendly_tokenizer
