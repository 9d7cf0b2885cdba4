"""Task choice: the default linear ranking against the trees (``--task-ranker trees``), in one run.

Quality is ``graphbuild cross-validate --trees``: both fitted on three listings' labelled papers
and scored on the fourth, through the same ``assemble``. Cost is measured with the shipped models:
choosing one paper's tasks (median of three passes over the corpus's papers), and the whole
extraction of the corpus (``Extractor.extract``, one process, median of three runs; the trees'
first use, which imports LightGBM, happens before the clock starts, and is printed apart).

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

from extractors.sections import compose  # noqa: E402
from extractors.sections import title_end as end_of_title  # noqa: E402
from graphbuild.extraction import Extractor  # noqa: E402
from graphbuild.ingest import read_records  # noqa: E402
from graphbuild.papers import merge_records  # noqa: E402
from graphbuild.training import SEED, cross_validate, read_labels, read_listings  # noqa: E402


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
    linear = Extractor()
    listings = read_listings(args.inputs)
    report = cross_validate(linear, listings, read_labels([args.labels]), args.seed, trees=True)
    papers = merge_records(read_records(args.inputs))
    texts = [compose(p.title, p.abstract) for p in papers]
    start = time.perf_counter()
    trees = Extractor(task_ranker="trees")
    next(iter(trees.extract(papers[:1])))
    first_use = time.perf_counter() - start
    extractors = {"learned": ("linear", linear), "trees": ("trees", trees)}
    print(f"strict task F1 per held-out listing; cost of choosing a paper's tasks; whole extraction ({len(papers)} papers, one process)")
    print(f"  {'ranker':<8}" + "".join(f"{name[:10]:>11}" for name, _, _ in report.folds) + f"{'mean':>8}{'us/paper':>10}{'papers/s':>10}")
    rates = {}
    for system, (name, extractor) in extractors.items():
        mean, _, values = report.figure(system, "tasks")
        rates[name] = extraction_rate(extractor, papers)
        print(f"  {name:<8}" + "".join(f"{v:>11.3f}" for v in values) + f"{mean:>8.3f}"
              f"{choice_cost(extractor.choose_tasks, texts):>10.0f}{rates[name]:>10.0f}")
    print(f"  trees / linear extraction rate: {rates['trees'] / rates['linear']:.2f}; loading the trees and LightGBM: {first_use:.2f} s")


if __name__ == "__main__":
    main()
