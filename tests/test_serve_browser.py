"""The query page of ``kotamitra serve`` (``/``) and its entity pages in a real browser:
headless Chromium driven by Selenium against a live server on the build of ``sources/``.

Skips (with the reason) when Selenium, ``chromium`` or ``chromedriver`` is missing. The
browser may reach the loopback server only (every other request goes to a dead proxy),
and the tests check that the pages asked for nothing else: no CDN, they work offline.
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.pipeline.build import build
from graph.sparql.serve import make_server
from graph.sparql.store import load_store, open_store, run
from graph.vocab import PREFIXES

pytest.importorskip("selenium", reason="selenium is not installed (pip install selenium)")

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from test_viz_browser import XSS_ALERT, XSS_IMG, XSS_SCRIPT, _binaries

REPO = Path(__file__).resolve().parent.parent
KM, KMR = PREFIXES["km"], PREFIXES["kmr"]
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    "--proxy-server=127.0.0.1:9",  # anything but the loopback server fails
    "--window-size=1400,900",
)


def _serve(folder: Path) -> Iterator[str]:
    server = make_server(folder, "127.0.0.1", 0, timeout=60.0, workers=4)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("serve-page")
    build([REPO / "sources"], out, with_metrics=False, with_viz=False)
    return out


@pytest.fixture(scope="module")
def base(built: Path) -> Iterator[str]:
    yield from _serve(built)


EVIL_TRIG = f"""
@prefix km: <{KM}> . @prefix kmr: <{KMR}> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix schema: <https://schema.org/> .
kmr:graph-evil {{
  kmr:evil a km:Organization ; rdfs:label {json.dumps(XSS_IMG)}@en , {json.dumps(XSS_ALERT)} .
  kmr:kota-jambi km:memberOf kmr:evil ; rdfs:label "Jambi City"@en .
  kmr:st-evil a km:Statement ; rdf:subject kmr:evil ; rdf:predicate km:memberOf ;
      rdf:object kmr:kota-jambi ; km:evidence kmr:ev-evil .
  kmr:ev-evil km:text {json.dumps("It said " + XSS_SCRIPT)} ; prov:wasQuotedFrom kmr:doc-evil .
  kmr:doc-evil schema:headline {json.dumps(XSS_SCRIPT)} ; schema:url "javascript:alert(1)" .
}}
"""


@pytest.fixture(scope="module")
def evil_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("evil")
    trig = folder / "graph.trig"
    trig.write_text(EVIL_TRIG, encoding="utf-8")
    load_store(trig, folder / "store")
    yield from _serve(folder)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    chrome, chromedriver = _binaries()
    if not chrome or not chromedriver:
        pytest.skip(
            "headless Chromium tests need chromium and chromedriver "
            "(Debian: apt-get install chromium chromium-driver)"
        )
    os.environ.setdefault("SE_OFFLINE", "true")
    opts = Options()
    opts.binary_location = chrome
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(chromedriver), options=opts)
    try:
        drv.set_script_timeout(60)
        drv.set_page_load_timeout(60)
        yield drv
    finally:
        drv.quit()


def open_page(drv: webdriver.Chrome, url: str) -> None:
    drv.get_log("browser")
    drv.get_log("performance")
    drv.get(url)
    end = time.monotonic() + 30
    while drv.execute_script("return document.body.dataset.kmReady") != "1":
        assert time.monotonic() < end, "the page did not become ready"
        time.sleep(0.05)


def run_query(drv: webdriver.Chrome, query: str | None = None) -> None:
    if query is not None:
        drv.execute_script("document.getElementById('km-query').value = arguments[0];", query)
    drv.execute_script("document.body.dataset.kmState = '';")
    drv.find_element(By.ID, "km-run").click()
    end = time.monotonic() + 60
    while drv.execute_script("return document.body.dataset.kmState") != "done":
        assert time.monotonic() < end, "the query did not finish"
        time.sleep(0.05)


def table(drv: webdriver.Chrome) -> list[list[str]]:
    return drv.execute_script(
        "return Array.from(document.querySelectorAll('#km-table tbody tr'))"
        ".map(tr => Array.from(tr.cells).map(td => td.textContent));"
    )


def store_rows(built: Path, query: str) -> list[list[str]]:
    result = run(open_store(built), query)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [[s[n].value if s[n] is not None else "" for n in names] for s in result]  # type: ignore[union-attr]


def requested(drv: webdriver.Chrome) -> list[str]:
    out = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            out.append(msg["params"]["request"]["url"])
    return out


def test_page_loads_offline_without_errors(driver: webdriver.Chrome, base: str) -> None:
    open_page(driver, base + "/")
    run_query(driver)
    assert table(driver)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    urls = requested(driver)
    assert base + "/assets/page.js" in urls and base + "/run" in urls
    assert all(u.startswith((base + "/", "data:", "blob:")) for u in urls), urls


def test_select_shows_prefixed_names_with_entity_links(
    driver: webdriver.Chrome, base: str, built: Path
) -> None:
    open_page(driver, base + "/")
    run_query(driver)
    query = driver.find_element(By.ID, "km-query").get_attribute("value")
    expected = store_rows(built, query)
    shown = table(driver)
    assert [r[0] for r in shown] == [e[0].replace(KMR, "kmr:") for e in expected]
    assert [r[1] for r in shown] == [f"{e[1]} @en" for e in expected]
    links = driver.find_elements(By.CSS_SELECTOR, "#km-table a.km-entity")
    assert [a.get_attribute("href") for a in links] == [
        e[0].replace(KMR, base + "/entity/") for e in expected
    ]
    status = driver.find_element(By.ID, "km-status").text
    assert status.startswith(f"{len(expected)} rows in ")


def test_construct_describe_and_ask(driver: webdriver.Chrome, base: str, built: Path) -> None:
    open_page(driver, base + "/")
    partners = store_rows(built, "SELECT ?o WHERE { kmr:kota-jambi km:partnersWith ?o }")
    run_query(
        driver,
        "CONSTRUCT { kmr:kota-jambi km:partnersWith ?o }\n"
        "WHERE { kmr:kota-jambi km:partnersWith ?o }",
    )
    assert driver.find_element(By.ID, "km-table").get_attribute("data-kind") == "graph"
    shown = sorted(map(tuple, table(driver)))
    assert shown == sorted(
        ("kmr:kota-jambi", "km:partnersWith", p[0].replace(KMR, "kmr:")) for p in partners
    )
    assert driver.find_element(By.ID, "km-error").get_attribute("hidden") is not None
    formats = [
        b.get_attribute("data-format")
        for b in driver.find_elements(By.CSS_SELECTOR, "#km-download-links button")
    ]
    assert formats == ["turtle", "nt", "json-ld"]

    run_query(driver, "DESCRIBE kmr:kota-jambi")
    described = table(driver)
    assert described and {r[0] for r in described} == {"kmr:kota-jambi"}
    assert ["kmr:kota-jambi", "km:kemendagriCode", "15.71"] in described

    run_query(driver, "ASK { kmr:kota-jambi km:partnersWith kmr:singapore }")
    assert driver.find_element(By.ID, "km-boolean").text == "yes (true)"


def test_shipped_query_with_a_parameter(driver: webdriver.Chrome, base: str, built: Path) -> None:
    open_page(driver, base + "/")
    Select(driver.find_element(By.ID, "km-pick")).select_by_value("partners")
    question = driver.find_element(By.ID, "km-question-en").text
    assert question.startswith("Who are the partners of a local government")
    field = driver.find_element(By.CSS_SELECTOR, "#km-params input[data-param='lg']")
    assert field.get_attribute("value") == "kota-jambi"
    field.clear()
    field.send_keys("Surabaya")  # a name, resolved to kmr:kota-surabaya
    run_query(driver)
    text = (REPO / "ontology/queries/partners.rq").read_text(encoding="utf-8")
    expected = store_rows(built, text.replace("kmr:kota-jambi", "kmr:kota-surabaya"))
    assert expected
    assert [r[0] for r in table(driver)] == [e[0].replace(KMR, "kmr:") for e in expected]

    field = driver.find_element(By.CSS_SELECTOR, "#km-params input[data-param='lg']")
    field.clear()
    field.send_keys("Nowhere Town")
    run_query(driver)
    error = driver.find_element(By.ID, "km-error-text").text
    assert "--param lg=Nowhere Town: no entity is named 'Nowhere Town'" in error


def test_entity_link_opens_facts_and_evidence(driver: webdriver.Chrome, base: str) -> None:
    open_page(driver, base + "/")
    run_query(driver, "SELECT ?lg WHERE { VALUES ?lg { kmr:kota-medan } }")
    driver.find_element(By.CSS_SELECTOR, "#km-table a.km-entity").click()
    end = time.monotonic() + 30
    while not driver.find_elements(By.ID, "km-name"):
        assert time.monotonic() < end
        time.sleep(0.05)
    assert driver.current_url == base + "/entity/kota-medan"
    assert driver.find_element(By.ID, "km-name").text == "Medan City"
    facts = driver.find_element(By.ID, "km-facts").text
    assert "km:partnersWith" in facts and "kmr:gwangju" in facts
    evidence = driver.find_element(By.ID, "km-evidence").text
    assert "Gwangju" in evidence
    # its links lead on to other entities
    driver.find_element(By.CSS_SELECTOR, "#km-facts a[href='/entity/gwangju']").click()
    assert driver.current_url == base + "/entity/gwangju"
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_errors_are_readable(driver: webdriver.Chrome, base: str) -> None:
    open_page(driver, base + "/")
    run_query(driver, "SELECT ?s WHERE {\n  ?s a km:CityGovernment .\n  ?s foo:bar ?x\n}")
    assert driver.find_element(By.ID, "km-error").get_attribute("hidden") is None
    lines = driver.find_element(By.ID, "km-error-text").get_attribute("textContent").splitlines()
    assert lines[0] == "SPARQL syntax error at line 3, column 6:"
    assert lines[1:3] == ["    ?s foo:bar ?x", "       ^"]
    assert lines[3] == "unknown prefix 'foo:'"
    assert lines[4].startswith("hint: declare it with PREFIX")
    assert table(driver) == []
    run_query(driver, "INSERT DATA { kmr:a kmr:b kmr:c }")
    assert "read-only" in driver.find_element(By.ID, "km-error-text").text


def test_downloads_in_each_format(driver: webdriver.Chrome, base: str) -> None:
    open_page(driver, base + "/")
    run_query(driver)
    buttons = driver.find_elements(By.CSS_SELECTOR, "#km-download-links button")
    assert [b.get_attribute("data-format") for b in buttons] == ["json", "xml", "csv", "tsv"]
    media = {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
    }
    for button in buttons:
        fmt = button.get_attribute("data-format")
        driver.execute_script("window.kmLastDownload = null;")
        button.click()
        end = time.monotonic() + 30
        while not (got := driver.execute_script("return window.kmLastDownload;")):
            assert time.monotonic() < end
            time.sleep(0.05)
        assert got["format"] == fmt and got["type"].startswith(media[fmt]) and got["size"] > 100


def test_download_bodies(base: str) -> None:
    query = (
        "CONSTRUCT { ?s km:partnersWith ?o } "
        "WHERE { VALUES ?s { kmr:kota-jambi } ?s km:partnersWith ?o }"
    )
    for fmt, first in (("turtle", "@prefix"), ("nt", "<https://"), ("json-ld", "[")):
        form = urllib.parse.urlencode({"query": query, "format": fmt}).encode()
        with urllib.request.urlopen(base + "/run", data=form, timeout=60) as r:
            body = r.read().decode()
            assert r.headers["Content-Disposition"].startswith("attachment; filename=")
        assert body.startswith(first) and "singapore" in body


def test_graph_and_user_text_is_escaped(driver: webdriver.Chrome, evil_base: str) -> None:
    open_page(driver, evil_base + "/")
    run_query(driver, 'SELECT ?l ?x WHERE { kmr:evil rdfs:label ?l BIND("<b>x</b>" AS ?x) }')
    cells = {c for row in table(driver) for c in row}
    assert f"{XSS_IMG} @en" in cells and XSS_ALERT in cells and "<b>x</b>" in cells
    run_query(driver, f"SELECT * WHERE {{ {XSS_IMG} }}")  # an error echoing the query
    assert XSS_IMG in driver.find_element(By.ID, "km-error-text").text

    driver.get(evil_base + "/entity/evil")
    assert driver.find_element(By.ID, "km-name").text == XSS_IMG
    evidence = driver.find_element(By.ID, "km-evidence")
    assert "It said " + XSS_SCRIPT in evidence.text
    assert not evidence.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    driver.get(evil_base + "/entity/" + urllib.parse.quote(XSS_SCRIPT))
    assert "Not found" in driver.find_element(By.TAG_NAME, "h1").text
    time.sleep(0.3)
    assert driver.execute_script("return window.__kmXss || 0;") == 0
    alerts = driver.execute_script("return 1;")  # a pending alert would make this raise
    assert alerts == 1


def test_entity_page_escapes_without_a_browser(evil_base: str) -> None:
    with urllib.request.urlopen(evil_base + "/entity/evil", timeout=60) as r:
        page = r.read().decode()
    for payload in (XSS_IMG, XSS_SCRIPT, XSS_ALERT):
        assert payload not in page
    assert "&lt;img src=x onerror=" in page and "javascript:" not in page
