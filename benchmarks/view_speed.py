"""View speed: writing a 300-node and a 2,000-node page, and drawing them in headless Chromium.

For each size, medians over --rounds of:
  - write: building the view from the store and writing the HTML file;
  - stable: from asking Chromium to open the file:// URL until vis-network has drawn the network
    and it has settled (the page sets window.graphbuild.stable);
beside, as the baseline from the same run, loading a blank page in the same browser.
The graph is the shared corpus's, replicated under renamed paper ids so the overview can hold
2,000 nodes. Needs Debian's chromium and chromedriver.

    python benchmarks/view_speed.py

Targets: under 1 s to write 2,000 nodes; under 3 s to a stable 300-node picture.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import add_input_argument  # noqa: E402
from benchmarks.neo4j_load import replicated  # noqa: E402
from graphbuild.builder import extract_papers, graph_rows  # noqa: E402
from graphbuild.extraction import Extractor  # noqa: E402
from graphbuild.ingest import read_records  # noqa: E402
from graphbuild.stores import NetworkXStore  # noqa: E402
from viz.views import overview_view, write_view  # noqa: E402



def chromium(profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--window-size=1400,900", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def time_to_stable(browser, path, timeout=60):
    start = time.perf_counter()
    browser.get(path.resolve().as_uri())
    while time.perf_counter() - start < timeout:
        if browser.execute_script("return !!(window.graphbuild && window.graphbuild.stable)"):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise RuntimeError(f"{path} did not settle within {timeout} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_argument(parser)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 2000])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    papers, extractions = extract_papers(read_records(args.inputs), Extractor())
    nodes, relations = graph_rows(papers, extractions)
    store = NetworkXStore()
    store.write(*replicated(nodes, relations, 10 * len(relations)))

    work = Path(tempfile.mkdtemp(prefix="graphbuild-view-bench-"))
    blank = work / "blank.html"
    blank.write_text("<!DOCTYPE html><title>blank</title><script>window.graphbuild = {stable: true};</script>")
    browser = chromium(work / "profile")
    try:
        baseline = [time_to_stable(browser, blank) for _ in range(args.rounds)]
        print(f"{args.rounds} rounds, medians (min-max); baseline, a blank page: {statistics.median(baseline) * 1000:.0f} ms")
        for size in args.sizes:
            path = work / f"view-{size}.html"
            writes, stables = [], []
            for _ in range(args.rounds):
                start = time.perf_counter()
                view = overview_view(store, size)
                write_view(view, path)
                writes.append(time.perf_counter() - start)
                stables.append(time_to_stable(browser, path))
            print(
                f"  {len(view.nodes):>5} nodes, {len(view.relations):>5} relationships: "
                f"write {statistics.median(writes):.2f} s ({min(writes):.2f}-{max(writes):.2f}), "
                f"stable in Chromium {statistics.median(stables):.2f} s ({min(stables):.2f}-{max(stables):.2f})"
            )
        print("  targets: write 2,000 nodes in under 1 s; a stable 300-node picture in under 3 s")
    finally:
        browser.quit()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
