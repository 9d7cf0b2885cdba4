"""Start-up: what a command costs around one abstract, measured on the whole process.

Runs, side by side in alternating order, and prints the processor time (user + system) and the
elapsed time of each, as medians over rounds:
  - the baseline, ``python -c "import spacy; spacy.blank('en')"``: what any spaCy program pays;
  - ``graphbuild extract ONE.jsonl`` with a warm cache: the saved pipeline is loaded;
  - ``graphbuild extract ONE.jsonl`` with a cold cache (an empty cache folder each round): the
    pipeline is built, saved and loaded, as on the first run after installing or after a data
    file or user gazetteer changed.
The ratio warm / baseline is taken per round, from the processor times of runs made seconds
apart, so that a machine's drift touches both.

    python benchmarks/startup.py               # 7 rounds
    python benchmarks/startup.py --rounds 11

Targets: warm <= 1.5x the baseline; cold <= 4.6 s of processor time (a warm start before the
pipeline was kept on disk).
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ABSTRACT = {
    "title": "ControlNet++: Improving Conditional Controls with Efficient Consistency Feedback",
    "abstract": "We propose ControlNet++, which improves over ControlNet on MultiGen-20M by 11.1% mIoU. "
    "Code: https://github.com/liming-ai/ControlNet_Plus_Plus.",
}


def graphbuild_command():
    """The installed console script beside this Python, else ``python -m graphbuild``."""
    script = Path(sys.executable).with_name("graphbuild")
    return [str(script)] if script.exists() else [sys.executable, "-m", "graphbuild"]


def measure(command, env):
    """(processor seconds, elapsed seconds) of one run of ``command``; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds; medians are reported (default 7)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        one = folder / "one.jsonl"
        one.write_text(json.dumps(ABSTRACT) + "\n", encoding="utf-8")
        warm_cache, cold_cache = folder / "warm", folder / "cold"
        warm_env = {**os.environ, "GRAPHBUILD_CACHE_DIR": str(warm_cache)}
        cold_env = {**os.environ, "GRAPHBUILD_CACHE_DIR": str(cold_cache)}
        extract = [*graphbuild_command(), "extract", str(one)]
        runs = {
            "baseline: spacy.blank('en')": ([sys.executable, "-c", "import spacy; spacy.blank('en')"], warm_env),
            "graphbuild extract, warm cache": (extract, warm_env),
            "graphbuild extract, cold cache": (extract, cold_env),
        }
        measure(extract, warm_env)  # fills the warm cache
        cpu = {name: [] for name in runs}
        wall = {name: [] for name in runs}
        ratios = []
        for number in range(args.rounds):
            order = list(runs) if number % 2 == 0 else list(reversed(runs))
            for name in order:
                shutil.rmtree(cold_cache, ignore_errors=True)
                command, env = runs[name]
                seconds, elapsed = measure(command, env)
                cpu[name].append(seconds)
                wall[name].append(elapsed)
            ratios.append(cpu["graphbuild extract, warm cache"][-1] / cpu["baseline: spacy.blank('en')"][-1])

    print(f"one abstract, whole process, {args.rounds} rounds, medians (min-max):")
    for name in runs:
        print(
            f"  {name:<32} {statistics.median(cpu[name]):5.2f} s processor ({min(cpu[name]):.2f}-{max(cpu[name]):.2f})"
            f"   {statistics.median(wall[name]):5.2f} s elapsed"
        )
    print(f"  warm / baseline (processor)      {statistics.median(ratios):5.2f}   (target <= 1.50; rounds {min(ratios):.2f}-{max(ratios):.2f})")
    print(f"  cold                             {statistics.median(cpu['graphbuild extract, cold cache']):5.2f} s   (target <= 4.6 s)")


if __name__ == "__main__":
    main()
