"""The network page in a real browser: headless Chromium driven by Selenium, networking off.

Skips (with the reason) when Selenium, ``chromium`` or ``chromedriver`` is missing; on Debian
``apt-get install chromium chromium-driver`` (``.ci/run`` does it) and ``pip install
selenium`` (the ``test`` extra).  One browser serves the whole module; every request other
than the page's own ``file:`` URL would go to a dead proxy and is refused by the emulated
offline network, and the tests also check that none was even attempted.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import RDF, Graph, Literal
from test_viz import KM, KMR, XSD, _doc, _entity, _evidence, _fact, sample_graph

from graph.viz.page import (
    build_network,
    focus_network,
    page_metrics,
    render_html,
    render_network_html,
    timeline,
)

pytest.importorskip("selenium", reason="selenium is not installed (pip install selenium)")

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

CHROME_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    # networking off: every proxied request fails; loopback is not exempted
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--window-size=1400,900",
)

# Payloads that would raise the flag window.__kmXss if the page ever ran them as markup.
XSS_IMG = '<img src=x onerror="window.__kmXss=(window.__kmXss||0)+1">'
XSS_SCRIPT = "<script>window.__kmXss=(window.__kmXss||0)+1</script>"
XSS_ALERT = "<img src=x onerror=alert(1)>"


def _binaries() -> tuple[str | None, str | None]:
    chrome = os.environ.get("KM_CHROMIUM") or next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
    )
    driver = os.environ.get("KM_CHROMEDRIVER") or shutil.which("chromedriver")
    return chrome, driver


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    chrome, chromedriver = _binaries()
    if not chrome or not chromedriver:
        pytest.skip(
            "headless Chromium tests need chromium and chromedriver "
            "(Debian: apt-get install chromium chromium-driver)"
        )
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never download anything
    opts = Options()
    opts.binary_location = chrome
    for flag in CHROME_FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(chromedriver), options=opts)
    try:
        drv.set_script_timeout(30)
        drv.set_page_load_timeout(30)
        drv.execute_cdp_cmd("Network.enable", {})
        drv.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
        )
        yield drv
    finally:
        drv.quit()


def evil_graph() -> Graph:
    """The sample graph plus an organisation, an edge and an activity full of payloads."""
    g = sample_graph()
    jambi = KMR["kota-jambi"]
    evil = _entity(g, "evil-org", "Organization", XSS_IMG, None, XSS_SCRIPT, XSS_ALERT)
    doc = _doc(g, "evil", XSS_SCRIPT, "https://example.org/evil?q=%3Cb%3E", "2022-01-02")
    ev = _evidence(g, "evil", f"Jambi joined {XSS_IMG} {XSS_SCRIPT} {XSS_ALERT}.", doc, 1)
    _fact(g, jambi, "memberOf", evil, ev)
    act = KMR["activity/evil"]
    g.add((act, RDF.type, KM.Meeting))
    g.add((act, KM.theme, Literal(XSS_SCRIPT)))
    g.add((act, KM.startDate, Literal("2022-02-03", datatype=XSD.date)))
    g.add((act, KM.participant, jambi))
    g.add((act, KM.evidence, ev))
    return g


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The page of evil_graph(), and what the network behind it holds."""
    g = evil_graph()
    out = render_html(g, tmp_path_factory.mktemp("page") / "graph.html")
    net = build_network(g)
    return {"path": out, "net": net, "graph": g}


def open_page(drv: webdriver.Chrome, path: Path) -> None:
    drv.get_log("browser")  # drop what earlier pages logged
    drv.get_log("performance")
    drv.get(path.resolve().as_uri())
    drv.execute_async_script(
        "var done = arguments[arguments.length - 1], t0 = Date.now();"
        "(function wait() {"
        "  if (document.body && document.body.getAttribute('data-km-ready')) { done(true); }"
        "  else if (Date.now() - t0 > 25000) { done(false); }"
        "  else { setTimeout(wait, 25); }"
        "})();"
    )
    assert drv.execute_script("return document.body.getAttribute('data-km-ready')") == "1"


def js(drv: webdriver.Chrome, script: str, *args: Any) -> Any:
    return drv.execute_script("var k = window.kotamitra;" + script, *args)


def counts(drv: webdriver.Chrome) -> dict[str, int]:
    return js(drv, "return k.counts();")


def index_of(drv: webdriver.Chrome, name: str) -> int:
    found = js(drv, "return k.find(arguments[0]);", name)
    assert found is not None, name
    return found


def move_to_node(drv: webdriver.Chrome, idx: int) -> ActionChains:
    """Actions that put the pointer on node ``idx`` (Selenium offsets are from the centre)."""
    x, y = js(
        drv,
        "var p = k.network.getPositions([arguments[0]])[arguments[0]];"
        "var d = k.network.canvasToDOM(p); return [d.x, d.y];",
        idx,
    )
    canvas = drv.find_element(By.ID, "km-network")
    size = canvas.size
    return ActionChains(drv).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)
    )


def panel_heading(drv: webdriver.Chrome) -> str:
    return drv.find_element(By.CSS_SELECTOR, "#km-panel h2").text


def wait_for(drv: webdriver.Chrome, script: str, timeout: float = 5.0) -> Any:
    end = time.monotonic() + timeout
    while True:
        value = js(drv, script)
        if value or time.monotonic() > end:
            return value
        time.sleep(0.05)


def test_loads_offline_without_console_errors_or_requests(
    driver: webdriver.Chrome, site: dict[str, Any]
) -> None:
    open_page(driver, site["path"])
    time.sleep(0.3)
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    page = site["path"].resolve().as_uri()
    sent = [
        msg["params"]
        for entry in driver.get_log("performance")
        if (msg := json.loads(entry["message"])["message"])["method"] == "Network.requestWillBeSent"
    ]
    # what the page asked for (the browser's own pages, such as a new tab, are not its doing)
    requested = [p["request"]["url"] for p in sent if p.get("documentURL") == page]
    assert page in requested
    assert all(url.startswith(("file:", "data:")) for url in requested), requested
    assert not [p["request"]["url"] for p in sent if p["request"]["url"].startswith("http")]
    # physics stabilised, then switched off: nothing moves any more
    assert js(driver, "return k.network.physics.physicsEnabled;") is False
    before = js(driver, "return k.network.getPositions();")
    time.sleep(0.4)
    assert js(driver, "return k.network.getPositions();") == before


def test_drawn_counts_equal_the_graph(driver: webdriver.Chrome, site: dict[str, Any]) -> None:
    open_page(driver, site["path"])
    net: nx.MultiDiGraph = site["net"]
    c = counts(driver)
    assert (c["drawnNodes"], c["drawnEdges"]) == (net.number_of_nodes(), net.number_of_edges())
    assert (c["nodes"], c["edges"]) == (net.number_of_nodes(), net.number_of_edges())
    assert driver.find_element(By.ID, "km-stats").text == (
        f"{net.number_of_nodes()} nodes · {net.number_of_edges()} edges"
    )
    painted = js(
        driver,
        "var c = document.querySelector('#km-network canvas'), n = 0;"
        "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        "for (var i = 0; i < d.length; i += 4) {"
        "  if (d[i + 3] && d[i] + d[i + 1] + d[i + 2] < 600) { n++; }"
        "}"
        "return n;",
    )
    assert painted > 500  # the canvas shows something


def test_hover_and_click_show_names_metrics_and_evidence(
    driver: webdriver.Chrome, site: dict[str, Any]
) -> None:
    open_page(driver, site["path"])
    jambi, singapore = index_of(driver, "Jambi City"), index_of(driver, "Singapore")
    move_to_node(driver, jambi).perform()
    tip = wait_for(
        driver,
        "var t = document.querySelector('.km-tooltip');return t && !t.hidden && t.textContent;",
    )
    assert tip and tip.startswith("Jambi City")
    for text in ("City government · Indonesia", "Kota Jambi; Pemkot Jambi", "Wikidata: Q3812"):
        assert text in tip
    degree = page_metrics(site["graph"], site["net"])[str(KMR["kota-jambi"])]["degree"]
    assert "PageRank: " in tip and f"Connected nodes: {degree} (#1 of" in tip

    move_to_node(driver, singapore).click().perform()
    assert panel_heading(driver) == "Singapore"
    assert "PageRank" in driver.find_element(By.CSS_SELECTOR, "#km-panel table").text

    # the edge Jambi City — partners with — Singapore, clicked half-way between its ends
    x0, y0, x1, y1 = js(
        driver,
        "var p = k.network.getPositions([arguments[0], arguments[1]]);"
        "var a = k.network.canvasToDOM(p[arguments[0]]);"
        "var b = k.network.canvasToDOM(p[arguments[1]]);"
        "return [a.x, a.y, b.x, b.y];",
        jambi,
        singapore,
    )
    canvas = driver.find_element(By.ID, "km-network")
    ActionChains(driver).move_to_element_with_offset(
        canvas,
        int((x0 + x1) / 2 - canvas.size["width"] / 2),
        int((y0 + y1) / 2 - canvas.size["height"] / 2),
    ).click().perform()
    assert panel_heading(driver) == "Jambi City — partners with — Singapore"
    items = driver.find_elements(By.CSS_SELECTOR, "#km-panel ol.evidence li")
    assert len(items) == 2
    first = items[0]
    assert "Pemkot Jambi menjalin kerja sama dengan Singapura." in first.text
    assert "2023-05-13" in first.text
    link = first.find_element(By.TAG_NAME, "a")
    assert link.get_attribute("href") == "https://example.org/a"
    assert link.text == "Jambi kirim ASN ke Singapura"
    assert link.get_attribute("rel") == "noopener noreferrer"
    # the javascript: URL of the second article is not a link
    assert items[1].find_elements(By.TAG_NAME, "a") == []


def test_search_changes_what_is_shown(driver: webdriver.Chrome, site: dict[str, Any]) -> None:
    open_page(driver, site["path"])
    scale = js(driver, "return k.network.getScale();")
    box = driver.find_element(By.ID, "km-search")
    box.send_keys("singapura", Keys.ENTER)  # another name of Singapore, any case
    singapore = index_of(driver, "Singapore")
    assert js(driver, "return k.network.getSelectedNodes();") == [singapore]
    assert panel_heading(driver) == "Singapore"
    # the view zooms (animated) onto Singapore
    centred = (
        "var c = k.network.getViewPosition(), id = k.find('Singapore');"
        "var p = k.network.getPositions([id])[id];"
        "return Math.abs(c.x - p.x) < 5 && Math.abs(c.y - p.y) < 5"
        f" && k.network.getScale() >= {max(1.2, scale) - 1e-6};"
    )
    assert wait_for(driver, centred, timeout=5.0)
    box.clear()
    box.send_keys("Atlantis", Keys.ENTER)
    assert driver.find_element(By.ID, "km-search-msg").text == "Not found"
    assert js(driver, "return k.network.getSelectedNodes();") == [singapore]


def test_filters_change_what_is_shown(driver: webdriver.Chrome, site: dict[str, Any]) -> None:
    open_page(driver, site["path"])
    net: nx.MultiDiGraph = site["net"]
    n, m = net.number_of_nodes(), net.number_of_edges()
    partner_edges = sum(1 for *_e, d in net.edges(data=True) if d["relation"] == "partnersWith")
    assert partner_edges == 2

    # relation: no partnerships. Bandung and Namur, linked only by a planned one, disappear
    driver.find_element(By.CSS_SELECTOR, "input.km-relation[value='partnersWith']").click()
    c = counts(driver)
    assert (c["drawnNodes"], c["drawnEdges"]) == (n - 2, m - partner_edges)
    assert driver.find_element(By.ID, "km-stats").text.startswith(f"showing {n - 2} of {n}")
    driver.find_element(By.CSS_SELECTOR, "input.km-relation[value='partnersWith']").click()
    assert counts(driver)["drawnEdges"] == m

    # class: no people. Syarif Fasha and his two relations go
    driver.find_element(By.CSS_SELECTOR, "input.km-kind[value='Person']").click()
    c = counts(driver)
    assert (c["drawnNodes"], c["drawnEdges"]) == (n - 1, m - 2)
    fasha = index_of(driver, "Syarif Fasha")
    assert fasha not in js(driver, "return k.network.body.nodeIndices;")
    # sizes can change while filtered: the hidden stay hidden
    Select(driver.find_element(By.ID, "km-size-by")).select_by_value("degree")
    assert counts(driver)["drawnNodes"] == n - 1
    driver.find_element(By.ID, "km-reset").click()
    assert counts(driver)["drawnNodes"] == n

    # country: Singapore, its training and what they link to directly
    Select(driver.find_element(By.ID, "km-country")).select_by_visible_text("Singapore (2)")
    c = counts(driver)
    shown = {
        js(driver, "return k.data.nodes[arguments[0]].label;", i)
        for i in js(driver, "return k.network.body.nodeIndices;")
    }
    assert shown == {
        "Singapore",
        "Water Management",
        "Jambi City",
        "Singapore Cooperation Programme",
        "perumdam-tirta-mayang",
    }
    assert c["drawnEdges"] == 7  # six of the training, and Jambi City partners with Singapore
    Select(driver.find_element(By.ID, "km-country")).select_by_value("")
    assert counts(driver)["drawnNodes"] == n

    # years: only 2024 meets the planned Bandung–Namur partnership (2023 article, 2024 start);
    # (Indonesia, linked to nothing, is not drawn at all)
    js(
        driver,
        "var a = document.getElementById('km-year-from');"
        "var b = document.getElementById('km-year-to');"
        "a.value = '2024'; a.dispatchEvent(new Event('input'));"
        "b.value = '2024'; b.dispatchEvent(new Event('input'));",
    )
    assert driver.find_element(By.ID, "km-year-from-out").text == "2024"
    c = counts(driver)
    assert (c["drawnNodes"], c["drawnEdges"]) == (2, 1)
    driver.find_element(By.ID, "km-reset").click()
    c = counts(driver)
    assert (c["drawnNodes"], c["drawnEdges"]) == (n, m)


def test_focus_on_n_hops(driver: webdriver.Chrome, site: dict[str, Any]) -> None:
    open_page(driver, site["path"])
    net: nx.MultiDiGraph = site["net"]
    assert driver.find_element(By.ID, "km-focus-btn").get_attribute("disabled") is not None
    driver.find_element(By.ID, "km-search").send_keys("Jambi City", Keys.ENTER)
    depth = driver.find_element(By.ID, "km-depth")
    depth.clear()
    depth.send_keys("1")
    driver.find_element(By.ID, "km-focus-btn").click()
    expected = focus_network(net, "Jambi City", 1)
    c = counts(driver)
    assert (c["drawnNodes"], c["drawnEdges"]) == (
        expected.number_of_nodes(),
        expected.number_of_edges(),
    )
    assert driver.find_element(By.ID, "km-focus-state").text == "Jambi City, within 1 hop(s)"
    depth.clear()
    depth.send_keys("2", Keys.TAB)  # changing the depth refocuses
    assert counts(driver)["drawnNodes"] == focus_network(net, "Jambi City", 2).number_of_nodes()
    driver.find_element(By.ID, "km-focus-clear").click()
    assert counts(driver)["drawnNodes"] == net.number_of_nodes()


def test_timeline_view(driver: webdriver.Chrome, site: dict[str, Any]) -> None:
    open_page(driver, site["path"])
    line = timeline(site["net"])
    driver.find_element(By.ID, "km-tab-timeline").click()
    assert driver.find_element(By.ID, "km-timeline").is_displayed()
    assert not driver.find_element(By.ID, "km-network").is_displayed()
    cells = driver.find_elements(By.CSS_SELECTOR, "#km-timeline .km-cell")
    assert len(cells) == sum(len(r["cells"]) for r in line["rows"]) == 2  # Jambi: 2022, 2023
    cell = driver.find_element(By.CSS_SELECTOR, "#km-timeline .km-cell[data-year='2023']")
    cell.click()
    assert driver.find_element(By.ID, "km-network").is_displayed()
    assert panel_heading(driver) == "Jambi City in 2023: 1 activit(y/ies)"
    selected = js(
        driver,
        "return k.network.getSelectedNodes().map(function (i) {"
        " return k.data.nodes[i].label; }).sort();",
    )
    assert selected == ["Jambi City", "Water Management"]


def test_xss_payloads_stay_inert(driver: webdriver.Chrome, site: dict[str, Any]) -> None:
    open_page(driver, site["path"])
    evil = index_of(driver, XSS_IMG)
    move_to_node(driver, evil).perform()
    tip = wait_for(
        driver,
        "var t = document.querySelector('.km-tooltip');return t && !t.hidden && t.textContent;",
    )
    assert tip and tip.startswith(XSS_IMG) and XSS_SCRIPT in tip
    move_to_node(driver, evil).click().perform()
    assert panel_heading(driver) == XSS_IMG
    assert XSS_ALERT in driver.find_element(By.ID, "km-panel").text
    edge = js(
        driver,
        "var evil = arguments[0];"
        "return k.data.edges.findIndex(function (e) { return e.to === evil; });",
        evil,
    )
    js(driver, "k.showEdge(arguments[0]);", edge)
    panel = driver.find_element(By.ID, "km-panel").text
    assert f"Jambi joined {XSS_IMG} {XSS_SCRIPT} {XSS_ALERT}." in panel
    assert XSS_SCRIPT in panel  # the headline, as text
    driver.find_element(By.ID, "km-tab-timeline").click()
    driver.find_element(By.CSS_SELECTOR, "#km-timeline .km-cell[data-year='2022']").click()
    assert XSS_SCRIPT in driver.find_element(By.ID, "km-panel").text
    driver.find_element(By.ID, "km-search").send_keys(XSS_IMG[:20], Keys.ENTER)
    assert panel_heading(driver) == XSS_IMG
    time.sleep(0.2)
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018
    assert js(driver, "return window.__kmXss === undefined;") is True
    assert js(driver, "return document.scripts.length;") == 3
    assert (
        js(
            driver,
            "return document.querySelectorAll('#km-panel img, .km-tooltip img,"
            " #km-panel script, .km-tooltip script').length;",
        )
        == 0
    )
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_a_partnership_panel_shows_its_status_and_history_in_order(
    driver: webdriver.Chrome, sources_build: Any, tmp_path: Path
) -> None:
    from graph.sparql.query import load_graph

    _report, out = sources_build
    page = render_html(load_graph(out / "graph.trig"), tmp_path / "graph.html")
    open_page(driver, page)
    denpasar, mossel = index_of(driver, "Kota Denpasar"), index_of(driver, "Mossel Bay")
    edge = js(
        driver,
        "var a = arguments[0], b = arguments[1];"
        "return k.data.edges.findIndex(function (e) { return e.relation === 'partnersWith'"
        " && ((e.from === a && e.to === b) || (e.from === b && e.to === a)); });",
        denpasar,
        mossel,
    )
    assert edge >= 0
    js(driver, "k.network.selectEdges([arguments[0]]); k.showEdge(arguments[0]);", edge)
    panel = driver.find_element(By.ID, "km-panel").text
    assert "Lifecycle stage: renewed" in panel
    assert "Known from: news" in panel
    steps = driver.find_elements(By.CSS_SELECTOR, "#km-panel ol.history li")
    stages = [s.get_attribute("data-stage") for s in steps]
    assert stages.index("signed") < stages.index("renewed")
    signed = steps[stages.index("signed")].text
    renewed = steps[stages.index("renewed")].text
    assert "2019-11-27" in signed and "2023-01-31" in renewed
    # each step links the article it comes from
    assert all(s.find_elements(By.CSS_SELECTOR, ".source a") for s in steps)
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_a_large_network_settles_and_stays_responsive(
    driver: webdriver.Chrome, tmp_path: Path
) -> None:
    """600 nodes: starts from the computed layout, stops its physics, filters quickly."""
    net = nx.MultiDiGraph(countries={})
    kinds = ["CityGovernment", "Country", "Person", "Training"]
    for i in range(600):
        net.add_node(f"n{i}", kind=kinds[i % 4], label=f"node {i}", iri=f"urn:n{i}")
    for i in range(1, 600):
        for j in (i // 3, (i * 7) % i):
            net.add_edge(f"n{i}", f"n{j}", key="memberOf", relation="memberOf", evidence=[])
    path = render_network_html(net, tmp_path / "large.html")
    open_page(driver, path)
    c = counts(driver)
    assert (c["drawnNodes"], c["drawnEdges"]) == (600, net.number_of_edges())
    assert js(driver, "return k.network.physics.physicsEnabled;") is False
    took = js(
        driver,
        "var t = performance.now(); k.setFilter({kinds: ['CityGovernment', 'Person']});"
        "return performance.now() - t;",
    )
    assert counts(driver)["drawnNodes"] < 600
    assert took < 2000  # generous: a responsiveness smoke test, not a benchmark
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
