"""Latency of `related` (the related_work query) on both stores, at corpus size and at 100,000 papers.

Prints median and 95th-percentile milliseconds per call:
  - over every paper of the shared corpus (466 papers), NetworkX and Neo4j;
  - on the corpus's graph replicated under renamed paper ids to --papers papers (concepts shared
    between copies, so common concepts grow as in a large corpus), over --sample papers.
The NetworkX figures are the in-memory query alone; Neo4j's include the round trip over Bolt.
Baseline for scale: the same calls at corpus size, from the same run. THE NEO4J DATABASE IS EMPTIED.

    NEO4J_PASSWORD=... python benchmarks/related_latency.py --uri bolt://127.0.0.1:7687

Targets: under 20 ms median on NetworkX and under 50 ms on Neo4j at 100,000 papers.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import add_input_argument, add_neo4j_arguments, open_neo4j  # noqa: E402
from benchmarks.neo4j_load import replicated  # noqa: E402
from graphbuild.builder import extract_papers, graph_rows  # noqa: E402
from graphbuild.extraction import Extractor  # noqa: E402
from graphbuild.ingest import read_records  # noqa: E402
from graphbuild.related import related_papers  # noqa: E402
from graphbuild.sentence_encoder import load_encoder  # noqa: E402
from graphbuild.stores import NetworkXStore  # noqa: E402



def latencies(store, papers):
    times = []
    for paper in papers:
        start = time.perf_counter()
        related_papers(store, paper, 10)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name, times):
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    print(f"  {name:<38} median {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms   ({len(ordered)} calls)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_argument(parser)
    add_neo4j_arguments(parser)
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--skip-neo4j", action="store_true")
    args = parser.parse_args()

    papers, extractions = extract_papers(read_records(args.inputs), Extractor())
    nodes, relations = graph_rows(papers, extractions, load_encoder())  # both text signals, as `build` writes them
    small = NetworkXStore()
    small.write(nodes, relations)
    ids = [p.id for p in papers]

    copies = -(-args.papers // len(ids))
    big_nodes, big_relations = replicated(nodes, relations, copies * len(relations))
    big = NetworkXStore()
    big.write(big_nodes, big_relations)
    big_ids = [key for label, key in big.graph.nodes if label == "Paper"]
    sample = random.Random(7).sample(big_ids, min(args.sample, len(big_ids)))
    print(f"corpus: {len(ids)} papers, {len(relations)} relationships; large: {len(big_ids)} papers, {len(big_relations)} relationships")

    latencies(small, ids[:50])  # warm up
    report("NetworkX, corpus, every paper", latencies(small, ids))
    report(f"NetworkX, {len(big_ids)} papers, sample", latencies(big, sample))

    if args.skip_neo4j:
        return
    neo4j = open_neo4j(args)
    neo4j.clear()
    neo4j.write(nodes, relations)
    latencies(neo4j, ids[:50])
    report("Neo4j, corpus, every paper", latencies(neo4j, ids))
    neo4j.clear()
    start = time.perf_counter()
    neo4j.write(big_nodes, big_relations)
    print(f"  (loaded the large graph into Neo4j in {time.perf_counter() - start:.0f} s)")
    latencies(neo4j, sample[:50])
    report(f"Neo4j, {len(big_ids)} papers, sample", latencies(neo4j, sample))
    neo4j.clear()
    neo4j.close()


if __name__ == "__main__":
    main()
