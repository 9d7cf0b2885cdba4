"""Extraction time per character on pathological abstracts, beside normal ones.

Each family below builds abstracts of a given length out of one thing repeated: runs of one
punctuation character, nested brackets, a word of thousands of characters, thousands of
abbreviation definitions, reported numbers, links, introducing verbs with no full stop. The
script extracts each (title and abstract, as ``graphbuild extract`` does, in one process) at two
lengths and prints the time per character beside the time per character of the shared corpus's
abstracts, measured in the same run, each from an empty tokenizer cache. Linear work keeps the ratio flat from the short length to
the long one; work that grows faster shows as a ratio that grows with the length.

    python benchmarks/pathological.py                   # 20,000 and 100,000 characters
    python benchmarks/pathological.py --lengths 5000 50000

Target: every family's time per character at most 10x that of normal abstracts, at every length.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import add_input_argument  # noqa: E402
from graphbuild.extraction import Extractor  # noqa: E402
from graphbuild.ingest import read_records  # noqa: E402
from graphbuild.papers import merge_records  # noqa: E402
from graphbuild.records import Paper  # noqa: E402

#: Family name -> the piece repeated to fill an abstract (after a short normal start).
FAMILIES = {
    "dashes after ' -- '": "-",
    "dashed definitions": "ABC -- Alpha Beta Cut ",
    "opening brackets": "(",
    "closing brackets": ")",
    "mixed brackets": "([{<",
    "nested brackets and words": "[a ",
    "quotes": '"',
    "full stops": ".",
    "one long word": "a",
    "one long coined word": "AbC9",
    "digits": "7",
    "defined abbreviations": "Variational Score Distillation (VSD) ",
    "reported numbers": "84.3 on MATH500, ",
    "links": "https://github.com/org/repo ",
    "introductions without a full stop": "we propose ZetaNet, a novel framework, ",
    "capitalised words": "Alpha Beta ",
    "models": "Qwen2.5 7B and Llama 3.2 3B ",
    "quoted names": "a 'thought dropout' method ",
    "our methods": "our method, ZetaNet, ",
    "our coined models": "our ZetaNet model and ",
    "variants": "we obtain the D-PPO variant and ",
    "results respectively": "84.3 and 72.2 on MATH500 and GSM8K, respectively, ",
    "results in parentheses": "GPT-4 (35.6%) and ",
    "slashed results": "1.91/2.43 on CIFAR-10/FFHQ and ",
    "chained results": "51.6% -> 60.1% for DPO and ",
    "reverse definitions": "SUPE (Skills from Unlabeled Prior data) ",
    "comma-or definitions": "Low-Rank Adaptation, or LoRA, and ",
    "listed appositions": "we present ZetaNet, a family of models, and ",
    "metrics in parentheses": "Spider (EM 78.2) and ",
    "named": "a method called ZetaNet and ",
    "fronted results": "on MATH500, it reaches 84.3% and ",
    "evaluation words": "experiments on ZetaBench-1, ",
    "bench names": "ZetaBench-",
    "apposition lists": "we release ZetaNet, a family of models, together with ",
    "novel noun phrases": "a novel Q-exit criterion and ",
    "benchmark cues": "the ZetaBench benchmark and ",
    "metrics listed": "95.7% UAS and 94.1% LAS and ",
    "changes": "from 28.9% to 43.3% and 77.9%\u219284.1% on GSM8K ",
    "claimed definitions": "our Large Video Dataset (LVD) called Region Proposal Network (RPN) ",
    "language pairs": "WMT 2014 English-to-German and COCO test-dev ",
    "our appositions": "of ZetaNet, our streaming neural audio codec, ",
    "opening sentences": "On ZetaSet-2, it reaches 84.3. ",
    "own benchmarks": "We introduce ZetaBench-9, a benchmark. The best model reaches 41.2% accuracy. ",
    "splits and versions": "on the MagicBrush test set from 0.852 to 0.903 on LVIS v1.0 and COCO val2017 ",
    "metric names": "94.28% LAS and an MAE of 3.29 and ",
    "prefixed and variant names": "MP-SENet, 1D-CNN-LSTM, MusicGen-Large and FLUX.1-pro and ",
    "task head words": "mode collapse of output diversity and reasoning efficiency under distribution drift ",
    "emoji": "\U0001F600",
    "apostrophe s": "'s",
    "letters and colons": "a:",
}


def abstract(piece, length):
    start = "x -- " if piece == "-" else "We study this. "
    return start + piece * ((length - len(start)) // len(piece) + 1)


def seconds_per_character(extractor, papers):
    """Extraction time per character of ``papers``, from an empty tokenizer cache: spaCy keeps the
    tokens of the first 10,000 distinct words it sees, and a second pass over the same abstracts
    would find every word there, as no real run does."""
    tokenizer = extractor.nlp.tokenizer
    tokenizer.rules = tokenizer.rules  # setting the rules empties the cache
    start = time.perf_counter()
    list(extractor.extract(papers))
    return (time.perf_counter() - start) / sum(len(p.title) + len(p.abstract) for p in papers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_argument(parser)
    parser.add_argument("--lengths", type=int, nargs="+", default=[20000, 100000], help="abstract lengths")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; medians are reported (default 3)")
    args = parser.parse_args()
    extractor = Extractor()
    normal = merge_records(read_records(args.inputs))
    seconds_per_character(extractor, normal[:50])  # warm up
    baseline = statistics.median(seconds_per_character(extractor, normal) for _ in range(args.rounds))
    print(f"normal abstracts: {baseline * 1e6:.2f} us per character (median of {args.rounds} rounds)")
    print(f"{'family':<36}" + "".join(f"{length:>10,} chars" for length in args.lengths) + "   (x normal)")
    worst = 0.0
    for name, piece in FAMILIES.items():
        ratios = []
        for length in args.lengths:
            paper = Paper(id="p", title="A Title", abstract=abstract(piece, length), sources=("bench",))
            per_character = statistics.median(seconds_per_character(extractor, [paper]) for _ in range(args.rounds))
            ratios.append(per_character / baseline)
        worst = max(worst, *ratios)
        print(f"{name:<36}" + "".join(f"{ratio:>16.1f}" for ratio in ratios))
    print(f"worst: {worst:.1f}x normal (target <= 10)")


if __name__ == "__main__":
    main()
