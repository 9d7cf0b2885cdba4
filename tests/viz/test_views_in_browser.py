"""Views in a real headless Chromium (Debian's chromium and chromedriver, driven by Selenium)."""

import json
import shutil
import time
from pathlib import Path

import pytest

from conftest import IN_CI, ROOT
from graphbuild.related import resolve_paper
from viz.views import neighbourhood_view, overview_view, write_view

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        reason = "Debian's chromium and chromium-driver are not installed (bash tests/run.sh installs them when run as root)"
        if IN_CI:
            pytest.fail(reason + " (CI=true: the test setup must provide them)")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                     "--window-size=1400,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def wait_until(condition, what, limit=60):
    """Poll ``condition`` until it holds; fail, saying ``what`` never happened, only after a limit
    far beyond any normal wait (a busy machine slows the page, it does not fail the test)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {limit} s")
        time.sleep(0.05)


def details(browser):
    return browser.execute_script("return document.getElementById('details').innerText")


def open_view(browser, path):
    """Load a page from a file:// URL and wait until vis-network has drawn it, settled."""
    browser.get_log("performance")
    browser.get_log("browser")
    browser.get(path.resolve().as_uri())
    wait_until(lambda: browser.execute_script("return !!(window.graphbuild && window.graphbuild.stable)"), f"{path} settling")


def network_events(browser):
    events = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"].startswith("Network."):
            events.append(message)
    return events


def hover(browser, node_id):
    """Move the real mouse onto a node, as a person would."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    x, y = browser.execute_script(
        "const n = window.graphbuild.network; const p = n.canvasToDOM(n.getPosition(arguments[0])); return [p.x, p.y];", node_id
    )
    graph = browser.find_element(By.ID, "graph")
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(graph, 0, 0).move_by_offset(int(x - size["width"] / 2), int(y - size["height"] / 2)).perform()
    name = browser.execute_script("return window.graphbuild.nodes.get(arguments[0]).details.name", node_id)
    wait_until(lambda: name in details(browser), f"the details of {name!r} showing on hover")


@pytest.fixture(scope="module")
def controlnet_view(corpus_store, tmp_path_factory):
    focus = ("Paper", resolve_paper(corpus_store, "ControlNet++")[0])
    view = neighbourhood_view(corpus_store, focus, hops=2, max_nodes=300)
    path = tmp_path_factory.mktemp("views") / "controlnet.html"
    write_view(view, path)
    return view, path


def test_the_page_loads_offline_with_no_requests_and_no_errors(browser, controlnet_view):
    _, path = controlnet_view
    open_view(browser, path)
    events = network_events(browser)
    # Only the requests our page made: the browser's own start page (chrome://) shares the log.
    page = path.resolve().as_uri()
    loaders = {e["params"]["loaderId"] for e in events
               if e["method"] == "Network.requestWillBeSent" and e["params"]["request"]["url"] == page}
    assert loaders, f"the log shows no request for {page}"
    ours = [e for e in events if e["params"].get("loaderId") in loaders or e["params"].get("documentURL") == page]
    requested = [e["params"]["request"]["url"] for e in ours if e["method"] == "Network.requestWillBeSent"]
    assert all(url.startswith(("file://", "data:")) for url in requested), requested
    failed_ids = {e["params"]["requestId"] for e in events if e["method"] == "Network.loadingFailed"}
    assert failed_ids.isdisjoint(e["params"]["requestId"] for e in ours)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_the_network_holds_the_view_and_its_focus(browser, controlnet_view):
    view, path = controlnet_view
    open_view(browser, path)
    counts = browser.execute_script("const g = window.graphbuild; return [g.nodes.length, g.edges.length, g.nodes.get(g.focus) !== null];")
    assert counts == [len(view.nodes), len(view.relations), True]
    titles = browser.execute_script("return window.graphbuild.nodes.get().map(n => n.details.name);")
    assert "ControlNet++: Improving Conditional Controls with Efficient Consistency Feedback" in titles
    assert "Adding Conditional Control to Text-to-Image Diffusion Models" in titles
    assert "ControlNet" in titles


def test_hovering_a_node_shows_its_details(browser, controlnet_view):
    from selenium.webdriver.common.by import By

    _, path = controlnet_view
    open_view(browser, path)
    node = browser.execute_script(
        "return window.graphbuild.nodes.get().find(n => n.details.name === 'Adding Conditional Control to Text-to-Image Diffusion Models').id;"
    )
    hover(browser, node)
    shown = browser.find_element(By.ID, "details").text
    assert "Adding Conditional Control to Text-to-Image Diffusion Models" in shown
    assert "We present ControlNet" in shown


def test_the_legend_lists_every_label_present(browser, controlnet_view):
    from selenium.webdriver.common.by import By

    view, path = controlnet_view
    open_view(browser, path)
    legend = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "#legend .legend-item")]
    assert sorted(legend) == sorted({n.label for n in view.nodes})


def test_the_search_box_selects_and_shows_a_node(browser, controlnet_view):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _, path = controlnet_view
    open_view(browser, path)
    box = browser.find_element(By.ID, "search")
    box.send_keys("controlar: controllable", Keys.ENTER)  # part of a title, any case
    wait_until(lambda: "ControlAR:" in details(browser), "the search result's details showing")
    assert browser.find_element(By.ID, "details").text.splitlines()[1].startswith("ControlAR:")
    assert browser.execute_script("return window.graphbuild.network.getSelectedNodes().length") == 1


def test_a_click_on_a_repository_opens_its_url(browser, tmp_path, hostile_store):
    path = tmp_path / "view.html"
    write_view(overview_view(hostile_store, 50), path)
    open_view(browser, path)
    browser.execute_script("window.open = function (url) { window.opened = url; };")
    node = browser.execute_script("return window.graphbuild.nodes.get().find(n => n.details.kind === 'Repository').id;")
    from selenium.webdriver.common.action_chains import ActionChains

    hover(browser, node)
    ActionChains(browser).click().perform()
    wait_until(lambda: browser.execute_script("return window.opened"), "the click opening a URL")
    assert browser.execute_script("return window.opened") == "https://github.com/org/evil"


def test_a_title_with_markup_never_runs(browser, tmp_path, hostile_store):
    from selenium.webdriver.common.by import By

    path = tmp_path / "hostile.html"
    write_view(overview_view(hostile_store, 50), path)
    open_view(browser, path)
    for title in ("<script>window.pwned = 1</script> Scripted Title", '<img src=x onerror="window.pwned = 2"> Image Title'):
        node = browser.execute_script("return window.graphbuild.nodes.get().find(n => n.details.name === arguments[0]).id;", title)
        hover(browser, node)
        assert title in browser.find_element(By.ID, "details").text
        # Shown as text: the details hold no element a title's markup could have made.
        assert browser.execute_script("return document.querySelectorAll('#details img, #details script').length") == 0
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#details a")]
    assert all(link.startswith("https://") for link in links)


def test_a_screenshot_is_kept_for_people(browser, controlnet_view, corpus_store, tmp_path):
    _, path = controlnet_view
    ARTIFACTS.mkdir(exist_ok=True)
    open_view(browser, path)
    assert browser.save_screenshot(str(ARTIFACTS / "view-controlnet.png"))
    overview = tmp_path / "overview.html"
    write_view(overview_view(corpus_store, 300), overview)
    open_view(browser, overview)
    assert browser.save_screenshot(str(ARTIFACTS / "view-overview.png"))
    assert (ARTIFACTS / "view-controlnet.png").stat().st_size > 10_000
