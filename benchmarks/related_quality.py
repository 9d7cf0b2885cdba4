"""Related-paper quality: `graphbuild related` against plain text baselines, on the judged set.

Builds the shared corpus into the NetworkX store, asks `related` for the top 10 of every judged
query of tests/data/relevance/judgements.jsonl, ranks the same queries by TF-IDF (unigrams,
sublinear term frequency, English stop words, cosine), by BM25 (k1 1.2, b 0.75) over title and
abstract and by the sentence model's cosine alone, and prints nDCG@10 and P@5 of each
(../shared/RELEVANCE.md), the lists shorter than 10, the results nobody judged, and paired
bootstrap intervals of the differences, all in one run. It also chooses `related`'s weights
leaving each query out, and prints what that ranking scores on the held-out queries.

    python benchmarks/related_quality.py
    python benchmarks/related_quality.py ../shared/corpus/hf-daily-papers/ --judgements tests/data/relevance/judgements.jsonl
"""

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import add_input_argument  # noqa: E402
from graphbuild.builder import build_graph  # noqa: E402
from graphbuild.extraction import Extractor  # noqa: E402
from graphbuild.ingest import read_records  # noqa: E402
from graphbuild.papers import merge_records  # noqa: E402
from graphbuild.related import related_papers  # noqa: E402
from graphbuild.queries import MEANING_WEIGHT, TEXT_WEIGHT  # noqa: E402
from graphbuild.relevance import paired_interval, read_judgements, score  # noqa: E402
from graphbuild.sentence_encoder import DEFAULT_MODEL, load_encoder  # noqa: E402
from graphbuild.stores import NetworkXStore  # noqa: E402

# A common English stop list (function words only), as text baselines use.
STOP = frozenset(
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further had "
    "has have having he her here hers herself him himself his how i if in into is it its itself just me "
    "more most my myself no nor not now of off on once only or other our ours ourselves out over own "
    "same she should so some such than that the their theirs them themselves then there these they "
    "this those through to too under until up very was we were what when where which while who whom "
    "why will with would you your yours yourself yourselves".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def words(text):
    return [w for w in _WORD.findall(text.lower()) if w not in STOP and len(w) > 1]


def tfidf_ranker(texts):
    """Rank papers by the cosine of sublinear TF-IDF vectors (smoothed idf, as scikit-learn's)."""
    counts = {paper: Counter(words(text)) for paper, text in texts.items()}
    df = Counter(term for c in counts.values() for term in c)
    n = len(texts)
    vectors = {}
    for paper, c in counts.items():
        v = {t: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[paper] = {t: x / norm for t, x in v.items()}
    postings = {}
    for paper, v in vectors.items():
        for term, weight in v.items():
            postings.setdefault(term, []).append((paper, weight))

    def rank(query, k=10):
        totals = Counter()
        for term, weight in vectors[query].items():
            for paper, other in postings[term]:
                if paper != query:
                    totals[paper] += weight * other
        return [paper for paper, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:k]]

    return rank


def bm25_ranker(texts, k1=1.2, b=0.75):
    """Rank papers by BM25 with the query paper's distinct words as the query."""
    tokens = {paper: words(text) for paper, text in texts.items()}
    tf = {paper: Counter(ws) for paper, ws in tokens.items()}
    n = len(texts)
    average = sum(len(ws) for ws in tokens.values()) / n
    df = Counter(term for ws in tokens.values() for term in set(ws))
    idf = {t: math.log(1 + (n - k + 0.5) / (k + 0.5)) for t, k in df.items()}

    def rank(query, k=10):
        totals = Counter()
        for term in set(tokens[query]):
            for paper in texts:
                f = tf[paper].get(term)
                if f and paper != query:
                    totals[paper] += idf[term] * f * (k1 + 1) / (f + k1 * (1 - b + b * len(tokens[paper]) / average))
        return [paper for paper, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:k]]

    return rank


def judged_corpus(description):
    """(judged pairs, papers, the papers' graph in a NetworkX store) from the command line:
    INPUT... (the shared corpus by default) and --judgements."""
    parser = argparse.ArgumentParser(description=description)
    add_input_argument(parser)
    parser.add_argument("--judgements", default=str(ROOT / "tests" / "data" / "relevance" / "judgements.jsonl"))
    parser.add_argument("--meaning-model", default=DEFAULT_MODEL, help="as graphbuild build's (none: words only)")
    args = parser.parse_args()
    judged = read_judgements(args.judgements)
    records = list(read_records(args.inputs))
    papers = merge_records(records)
    known = {p.id for p in papers}
    missing = [q for q in judged if q not in known]
    if missing:
        sys.exit(f"{len(missing)} judged queries are not among the inputs (e.g. {missing[0]}); give the listings they were drawn from")
    store = NetworkXStore()
    encoder = load_encoder(args.meaning_model)
    build_graph(records, store, Extractor(), encoder=encoder)
    return judged, papers, store, encoder


TEXT_WEIGHTS = (5.0, 10.0, 20.0, 30.0)
MEANING_WEIGHTS = (0.0, 2.0, 5.0, 10.0, 15.0, 20.0, 30.0)
CONCEPT_SCALES = (0.0, 0.5, 1.0, 2.0)  # times 1/ln(relationships of each shared concept)


def reweighted(store, judged):
    """nDCG@10 of ``related`` with its weights chosen on the other queries, each query in turn.

    Every candidate's score is split into its reasons, so any set of weights (TEXT_WEIGHTS x
    MEANING_WEIGHTS x CONCEPT_SCALES) re-ranks the same candidates; the set with the best mean over
    the other queries (ties: the smaller weights) ranks the held-out query. Returns (held-out
    nDCG@10, the sets chosen and how often, mean nDCG@10 per set).
    """
    parts = {}
    for query in judged:
        parts[query] = {}
        for row in related_papers(store, query, 1_000_000):
            text = sum(r["weight"] for r in row["reasons"] if r["kind"] == "text") / TEXT_WEIGHT
            meaning = sum(r["weight"] for r in row["reasons"] if r["kind"] == "meaning") / MEANING_WEIGHT
            # What the shared concepts would weigh if they counted: 1/ln(relationships of the concept).
            concepts = sum(1.0 / math.log(store.graph.in_degree((r["label"], r["key"]))) for r in row["reasons"] if r["kind"] == "shared")
            rest = row["score"] - TEXT_WEIGHT * text - MEANING_WEIGHT * meaning  # citations
            parts[query][row["id"]] = (rest, text, meaning, concepts)
    grid = [(t, m, c) for t in TEXT_WEIGHTS for m in MEANING_WEIGHTS for c in CONCEPT_SCALES]
    per_query = {}
    for t, m, c in grid:
        rankings = {
            q: [p for p, _ in sorted(((p, rest + t * text + m * meaning + c * concepts)
                                      for p, (rest, text, meaning, concepts) in candidates.items()),
                                     key=lambda item: (-round(item[1], 6), item[0]))[:10]]
            for q, candidates in parts.items()
        }
        per_query[(t, m, c)] = {q: values[0] for q, values in score(rankings, judged).per_query.items()}
    queries = list(per_query[grid[0]])
    held_out, chosen = [], Counter()
    for q in queries:
        best = max(grid, key=lambda g: (sum(per_query[g][o] for o in queries if o != q), -g[0], -g[1], -g[2]))
        chosen[best] += 1
        held_out.append(per_query[best][q])
    means = {g: sum(values.values()) / len(values) for g, values in per_query.items()}
    return sum(held_out) / len(held_out), chosen, means


def embedding_ranker(papers, encoder):
    """Rank papers by the cosine of their sentence embeddings alone (the semantic baseline)."""
    ids = [p.id for p in papers]
    vectors = encoder.encode([f"{p.title}. {p.abstract}" for p in papers])
    row = {paper: i for i, paper in enumerate(ids)}

    def rank(query, k=10):
        cosines = vectors @ vectors[row[query]]
        return [ids[i] for i in sorted(range(len(ids)), key=lambda i: (-cosines[i], ids[i])) if ids[i] != query][:k]

    return rank


def main():
    judged, papers, store, encoder = judged_corpus(__doc__.splitlines()[0])
    texts = {p.id: f"{p.title} {p.abstract}" for p in papers}
    tfidf, bm25 = tfidf_ranker(texts), bm25_ranker(texts)
    systems = {
        "related": {q: [row["id"] for row in related_papers(store, q, 10)] for q in judged},
        "TF-IDF": {q: tfidf(q) for q in judged},
        "BM25": {q: bm25(q) for q in judged},
    }
    if encoder is not None:
        embedding = embedding_ranker(papers, encoder)
        systems["MiniLM"] = {q: embedding(q) for q in judged}
    scores = {name: score(rankings, judged) for name, rankings in systems.items()}
    print(f"{len(judged)} judged queries ({scores['TF-IDF'].queries} with a relevant candidate), {sum(len(g) for g in judged.values())} judged pairs")
    print(f"  {'system':<10}{'nDCG@10':>9}{'P@5':>7}{'short lists':>13}{'unjudged':>10}")
    for name, s in scores.items():
        print(f"  {name:<10}{s.ndcg:>9.3f}{s.precision:>7.3f}{s.short_lists:>13}{s.unjudged:>10}")
    held_out, chosen, means = reweighted(store, judged)
    common = ", ".join(f"{t:g}/{m:g}/{c:g} ({n} times)" for (t, m, c), n in chosen.most_common(3))
    print(f"  related, text/meaning/concept weights chosen leaving each query out: nDCG@10 {held_out:.3f}"
          f" (chosen: {common}; shipped {TEXT_WEIGHT:g}/{MEANING_WEIGHT:g}/0)")
    shipped = (TEXT_WEIGHT, MEANING_WEIGHT)
    print("  concepts scaled by " + ", ".join(f"{c:g}: {means[shipped + (c,)]:.3f}" for c in CONCEPT_SCALES)
          + f"; no meaning signal: {means[(TEXT_WEIGHT, 0.0, 0.0)]:.3f}")
    for name in [name for name in systems if name != "TF-IDF"]:
        low, high = paired_interval(scores[name], scores["TF-IDF"])
        print(f"  {name} - TF-IDF, nDCG@10: {scores[name].ndcg - scores['TF-IDF'].ndcg:+.3f} (95% paired bootstrap {low:+.3f} to {high:+.3f})")


if __name__ == "__main__":
    main()
