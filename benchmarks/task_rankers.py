"""Task choice: the default linear ranking against the trees (``--task-ranker trees``), in one run.

Both are fitted on three listings' labelled papers and scored on the fourth (leave-one-listing-
out, as ``graphbuild cross-validate --trees``), through the same ``assemble``. Prints strict task
F1 per held-out listing and the mean for both, next to what each costs: choosing one paper's tasks
(median of three passes over the labelled papers), and the whole extraction of the shared corpus
(``Extractor.extract``, one process, median of three runs; the trees' first use, which imports
LightGBM, happens before the clock starts, and is printed apart).

    python benchmarks/task_rankers.py
    python benchmarks/task_rankers.py ../shared/corpus/hf-daily-papers/ --labels tests/data
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.sections import title_end as end_of_title  # noqa: E402
from graphbuild.extraction import Extractor  # noqa: E402
from graphbuild.ingest import read_records  # noqa: E402
from graphbuild.papers import merge_records  # noqa: E402
from graphbuild.training import SEED, Corpus, chooser, read_labels, read_listings, train_model, train_trees, trees_chooser  # noqa: E402
from graphbuild.evaluate import evaluate  # noqa: E402


def choice_cost(choose_tasks, texts):
    """Median microseconds to choose one paper's tasks, over three passes."""
    passes = []
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            choose_tasks(text, end_of_title(text))
        passes.append((time.perf_counter() - start) / len(texts) * 1e6)
    return statistics.median(passes)


def extraction_rate(extractor, papers):
    """Median papers per second of the whole extraction, one process, over three runs."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for _ in extractor.extract(papers):
            pass
        runs.append(len(papers) / (time.perf_counter() - start))
    return statistics.median(runs)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", default=[str(ROOT.parent / "shared" / "corpus" / "hf-daily-papers")])
    parser.add_argument("--labels", default=str(ROOT / "tests" / "data"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    labels = read_labels([args.labels])
    listings = read_listings(args.inputs)
    corpus = Corpus(Extractor(), listings, labels)
    figures, costs = {"linear": [], "trees": []}, {"linear": [], "trees": []}
    for held_out in listings:
        test = [key for key, _, _ in held_out.papers if key in labels]
        if not test:
            continue
        train = [key for key in corpus.texts if key not in set(test)]
        rankers = {
            "linear": chooser(corpus, train_model(corpus, train, args.seed)),
            "trees": trees_chooser(corpus, train_trees(corpus, train, args.seed)),
        }
        gold = [labels[key] for key in test]
        for name, choose_tasks in rankers.items():
            figures[name].append(evaluate(gold, corpus.predictions(test, choose_tasks), types=("tasks",)).strict["tasks"].f1)
            costs[name].append(choice_cost(choose_tasks, [corpus.texts[key][1] for key in test]))
    papers = merge_records(read_records(args.inputs))
    linear = Extractor()
    start = time.perf_counter()
    trees = Extractor(task_ranker="trees")
    next(iter(trees.extract(papers[:1])))
    first_use = time.perf_counter() - start
    rates = {"linear": extraction_rate(linear, papers), "trees": extraction_rate(trees, papers)}
    print(f"strict task F1 per held-out listing; cost of choosing a paper's tasks; whole extraction ({len(papers)} papers, one process)")
    print(f"  {'ranker':<8}" + "".join(f"{listing.name[:10]:>11}" for listing in listings) + f"{'mean':>8}{'us/paper':>10}{'papers/s':>10}")
    for name in figures:
        print(f"  {name:<8}" + "".join(f"{v:>11.3f}" for v in figures[name]) + f"{statistics.mean(figures[name]):>8.3f}"
              f"{statistics.median(costs[name]):>10.0f}{rates[name]:>10.0f}")
    print(f"  trees / linear extraction rate: {rates['trees'] / rates['linear']:.2f}; loading the trees and LightGBM: {first_use:.2f} s")


if __name__ == "__main__":
    main()
