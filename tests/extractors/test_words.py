"""The proposal phrasings' word splitting finds what its expression finds, piece by piece."""

import random

from extractors.proposal_text import WORD_OR_MARK, split_words

_PIECES = list("aZ9 _-+.^'’*\"“”‘(),:;—–!?\n\t/ε²\xa0") + ["Qwen2.5-7B", "ControlNet++", " we propose ", "AD^ε", "(SBv2),"]


def _by_expression(text, start, end):
    return [(m.start(), m.end(), m.group()) for m in WORD_OR_MARK.finditer(text, start, end)]


def test_words_match_the_expression_on_random_text():
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 25)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert split_words(text, start, end) == _by_expression(text, start, end), (text, start, end)


def test_words_keep_names_whole_and_offsets_in_the_text():
    text = "Intro. We propose Qwen2.5-7B-R1 (QR1), a model."
    start = text.index("Qwen")
    assert [w for _, _, w in split_words(text, start, len(text))] == ["Qwen2.5-7B-R1", "(", "QR1", ")", ",", "a", "model", "."]
    assert all(text[s:e] == w for s, e, w in split_words(text, 0, len(text)))
