"""What the text signals cost as the graph grows: SIMILAR_TEXT and SIMILAR_MEANING at N papers.

Makes N synthetic papers from the shared corpus (each abstract eight sentences drawn at random
from real abstracts, seeded), then measures, in one run:
- SIMILAR_TEXT (TF-IDF, 20 neighbours): seconds and peak memory, against fitting the
  TF-IDF vectors alone (the baseline: what any text signal pays);
- the sentence model: abstracts per second for ``--embed`` papers with the int8 graph the build
  uses, against the same model at full precision (the baseline), and the cost per 1,000 abstracts;
- SIMILAR_MEANING's neighbours (20 per paper) over N embeddings (the embedded ones repeated with
  a little noise): seconds and peak memory.
Each timing is the median of ``--rounds`` runs; memory is the process's peak resident size.

    python benchmarks/text_neighbours.py --papers 20000
    python benchmarks/text_neighbours.py --papers 100000 --rounds 1
"""

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import add_input_argument  # noqa: E402
from graphbuild.ingest import read_records  # noqa: E402
from graphbuild.neighbours import nearest_pairs  # noqa: E402
from graphbuild.papers import merge_records  # noqa: E402
from graphbuild.sentence_encoder import SentenceEncoder, load_encoder, model_source  # noqa: E402
from graphbuild.text_meaning import _rows  # noqa: E402
from graphbuild.text_similarity import similar_text_rows  # noqa: E402


def synthetic_papers(papers, count, seed=19):
    """``count`` (id, title, abstract) triples whose sentences come from real abstracts."""
    rng = random.Random(seed)
    sentences = [s.strip() + "." for p in papers for s in p.abstract.split(". ") if len(s.split()) > 4]
    titles = [p.title for p in papers]
    return [(f"s{n:07d}", f"{rng.choice(titles)} ({n})", " ".join(rng.choices(sentences, k=8))) for n in range(count)]


def measure(function, rounds):
    """(median seconds, the process's peak resident MB so far, last result). Stages run in the
    order printed, so each peak holds the stages before it too (tracing allocations instead
    would slow the sparse products several times over)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_argument(parser)
    parser.add_argument("--papers", type=int, default=20000, help="synthetic papers (default 20,000)")
    parser.add_argument("--embed", type=int, default=1000, help="papers embedded to time the model (default 1,000)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import numpy
    from sklearn.feature_extraction.text import TfidfVectorizer

    papers = synthetic_papers(merge_records(read_records(args.inputs)), args.papers)
    print(f"{len(papers):,} synthetic papers, {args.rounds} round(s), medians")

    texts = [f"{t}\n{a}" for _, t, a in papers]
    fit, _, _ = measure(lambda: TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=numpy.float32).fit_transform(texts), args.rounds)
    seconds, peak, rows = measure(lambda: similar_text_rows(papers), args.rounds)
    print(f"SIMILAR_TEXT: {seconds:.1f} s, process peak {peak:.0f} MB, {len(rows):,} relationships"
          f" (baseline, TF-IDF vectors alone: {fit:.1f} s; ratio {seconds / fit:.1f}x)")

    encoder = load_encoder()
    sample = [f"{t}. {a}" for _, t, a in papers[:args.embed]]
    quick, _, vectors = measure(lambda: encoder.encode(sample), args.rounds)
    rng = numpy.random.default_rng(5)
    repeated = vectors[numpy.arange(len(papers)) % len(vectors)] + rng.normal(0, 0.02, (len(papers), vectors.shape[1])).astype(numpy.float32)
    repeated /= numpy.linalg.norm(repeated, axis=1, keepdims=True)
    ids = [paper_id for paper_id, _, _ in papers]
    seconds, peak, pairs = measure(lambda: nearest_pairs(ids, _rows(repeated, 512, 20), 20), args.rounds)
    print(f"SIMILAR_MEANING neighbours: {seconds:.1f} s, process peak {peak:.0f} MB, {len(pairs):,} pairs")
    full = SentenceEncoder(model_source(), full_precision=True)
    exact, _, _ = measure(lambda: full.encode(sample), args.rounds)
    rate = len(sample) / quick
    print(f"sentence model (int8): {rate:.0f} abstracts/s, {1000 / rate:.1f} s per 1,000 abstracts, "
          f"{len(papers) / rate / 60:.1f} min for {len(papers):,} (baseline, full precision: {len(sample) / exact:.0f}/s;"
          f" ratio {exact / quick:.2f}x)")

    print(f"process peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
