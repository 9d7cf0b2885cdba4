"""Neo4j load speed: batched writes against a naive one-MERGE-per-row load of the same graph.

Builds the shared corpus's graph, replicates it under renamed paper ids until it has at least
--relationships relationships (concepts are shared between copies, as in a real corpus), and
times, in each round:
  - the batched load into an empty database;
  - the same load again into the full database (every row merges with an existing one);
  - the naive baseline: one MERGE statement per node and per relationship, each in its own
    transaction, on the first --naive-rows rows (it is too slow to run on all of them).
Medians over the rounds, relationships per second. THE DATABASE IS EMPTIED FIRST.

    NEO4J_PASSWORD=... python benchmarks/neo4j_load.py --uri bolt://127.0.0.1:7687

Target: at least 20,000 relationships per second, and the second load no slower than the first.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import add_input_argument, add_neo4j_arguments, open_neo4j  # noqa: E402
from graphbuild.builder import extract_papers, graph_rows  # noqa: E402
from graphbuild.extraction import Extractor  # noqa: E402
from graphbuild.ingest import read_records  # noqa: E402
from graphbuild.records import Node, Relation  # noqa: E402



def replicated(nodes, relations, minimum):
    """Copies of the graph, each with its papers renamed, until it has ``minimum`` relationships."""
    copies = max(1, -(-minimum // len(relations)))
    papers = [n for n in nodes if n.label == "Paper"]
    concepts = [n for n in nodes if n.label != "Paper"]
    all_nodes, all_relations = list(concepts), []

    def rename(end, copy):
        return (end[0], f"{end[1]}#{copy}") if end[0] == "Paper" else end

    for copy in range(copies):
        all_nodes.extend(Node("Paper", f"{p.key}#{copy}", p.properties) for p in papers)
        all_relations.extend(Relation(r.type, rename(r.start, copy), rename(r.end, copy), r.properties) for r in relations)
    return all_nodes, all_relations


def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_argument(parser)
    add_neo4j_arguments(parser)
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--naive-rows", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    papers, extractions = extract_papers(read_records(args.inputs), Extractor())
    nodes, relations = replicated(*graph_rows(papers, extractions), args.relationships)
    store = open_neo4j(args, batch_size=args.batch_size)
    print(f"{len(nodes)} nodes, {len(relations)} relationships; batch size {args.batch_size}; {args.rounds} rounds")

    empty, full, naive = [], [], []
    for _ in range(args.rounds):
        store.clear()
        empty.append(len(relations) / timed(lambda: store.write(nodes, relations)))
        full.append(len(relations) / timed(lambda: store.write(nodes, relations)))
        store.clear()
        sample_relations = relations[: args.naive_rows]
        ends = {r.start for r in sample_relations} | {r.end for r in sample_relations}
        sample_nodes = [n for n in nodes if (n.label, n.key) in ends]
        naive.append(len(sample_relations) / timed(lambda: store.write_one_by_one(sample_nodes, sample_relations)))
    store.clear()
    store.close()

    def line(name, values):
        print(f"  {name:<34} {statistics.median(values):>9.0f} relationships/s   ({min(values):.0f}-{max(values):.0f})")

    line("batched, into an empty database", empty)
    line("batched, again into the full one", full)
    line(f"naive, one MERGE per row ({args.naive_rows} rows)", naive)
    print(f"  batched / naive                    {statistics.median(empty) / statistics.median(naive):>9.1f}x")
    print("  targets: >= 20000 relationships/s; the second load no slower than the first")


if __name__ == "__main__":
    main()
