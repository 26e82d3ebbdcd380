"""Speed and size of the interactive network (not part of the tests).

Builds a synthetic RDF graph that follows docs/rdf-model.md (Indonesian local governments,
their heads, foreign partner cities, countries, organisations, programmes and activities,
every fact with evidence sentences quoted from news articles), then measures:

* generation: RDF graph → network (``build_network``) → HTML page (``render_network_html``);
* the size of the page;
* in headless Chromium with networking disabled (when ``chromium`` and ``chromedriver`` are
  installed and Selenium is importable): the time from navigation until the network is drawn
  and its physics has stabilised and stopped (the page sets ``data-km-ready``), and how
  long a filter change takes.

Usage: python benchmarks/bench_viz.py [--nodes 2000] [--repeat 3] [--keep FILE] [--no-browser]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef  # noqa: E402

from graph.viz.page import build_network, render_network_html  # noqa: E402

KM = Namespace("https://w3id.org/kotamitra/ontology#")
KMR = Namespace("https://w3id.org/kotamitra/id/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

_WORDS = (
    "kerja sama pemerintah kota kabupaten delegasi pelatihan program kunjungan nota "
    "kesepahaman sister city investasi pendidikan pariwisata lingkungan air limbah digital "
    "inovasi pelayanan publik wali bupati gubernur menandatangani bersama dengan dalam "
    "rangka tahun peserta budaya pertukaran pelajar perdagangan"
)

WORDS = _WORDS.split(" ")


def synthetic_graph(n_nodes: int = 2000, seed: int = 7) -> Graph:
    """An RDF graph with about ``n_nodes`` network nodes, shaped like kotamitra's output."""
    rnd = random.Random(seed)
    g = Graph()
    n_countries = max(3, n_nodes // 40)
    n_orgs = max(2, n_nodes // 40)
    n_programmes = max(2, n_nodes // 80)
    n_lgs = max(3, n_nodes // 6)
    n_foreign = max(2, n_nodes // 6)
    n_people = max(2, n_nodes // 8)
    n_activities = max(
        1, n_nodes - n_countries - n_orgs - n_programmes - n_lgs - n_foreign - n_people
    )
    docs: list[URIRef] = []
    for i in range(max(5, n_nodes // 4)):
        doc = KMR[f"doc/synthetic-{i}"]
        g.add((doc, RDF.type, SCHEMA.NewsArticle))
        g.add((doc, SCHEMA.headline, Literal(" ".join(rnd.choices(WORDS, k=8)).capitalize())))
        g.add((doc, SCHEMA.url, URIRef(f"https://news.example.org/{2010 + i % 15}/{i}")))
        date = f"{2010 + rnd.randrange(15)}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"
        g.add((doc, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
        docs.append(doc)

    def entity(slug: str, cls: str, en: str, id_: str | None = None) -> URIRef:
        node = KMR[slug]
        g.add((node, RDF.type, KM[cls]))
        g.add((node, RDFS.label, Literal(en, lang="en")))
        if id_:
            g.add((node, RDFS.label, Literal(id_, lang="id")))
            g.add((node, SKOS.altLabel, Literal("Pemerintah " + id_)))
        if rnd.random() < 0.5:
            g.add((node, OWL.sameAs, WD[f"Q{rnd.randrange(1, 10**7)}"]))
        return node

    def evidence() -> list[URIRef]:
        out = []
        for _ in range(1 + (rnd.random() < 0.4) + (rnd.random() < 0.15)):
            text = " ".join(rnd.choices(WORDS, k=rnd.randrange(12, 40))).capitalize() + "."
            ev = KMR["evidence/" + hashlib.sha1(text.encode()).hexdigest()[:16]]
            g.add((ev, RDF.type, KM.Evidence))
            g.add((ev, KM.text, Literal(text, lang="id")))
            g.add((ev, KM.sentenceIndex, Literal(rnd.randrange(30))))
            g.add((ev, PROV.wasQuotedFrom, rnd.choice(docs)))
            out.append(ev)
        return out

    def fact(s: URIRef, rel: str, o: URIRef) -> None:
        g.add((s, KM[rel], o))
        st = KMR["statement/" + hashlib.sha1(f"{s} {rel} {o}".encode()).hexdigest()[:16]]
        g.add((st, RDF.type, KM.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, KM[rel]))
        g.add((st, RDF.object, o))
        for ev in evidence():
            g.add((st, KM.evidence, ev))

    indonesia = entity("indonesia", "Country", "Indonesia", "Indonesia")
    countries = [indonesia] + [
        entity(f"country-{i}", "Country", f"Country {i}", f"Negara {i}")
        for i in range(n_countries - 1)
    ]
    lg_classes = ["CityGovernment", "RegencyGovernment", "ProvincialGovernment"]
    lgs = []
    for i in range(n_lgs):
        cls = rnd.choices(lg_classes, weights=[5, 4, 1])[0]
        word = {"CityGovernment": "Kota", "RegencyGovernment": "Kabupaten"}.get(cls, "Provinsi")
        lg = entity(f"lg-{i}", cls, f"{word} Contoh {i}", f"{word} Contoh {i}")
        g.add((lg, KM.kemendagriCode, Literal(f"{10 + i // 100}.{i % 100:02d}")))
        lgs.append(lg)
    foreign = []
    for i in range(n_foreign):
        city = entity(f"city-{i}", "LocalGovernment", f"City {i}")
        g.add((city, KM.country, rnd.choice(countries[1:])))
        foreign.append(city)
    orgs = [
        entity(
            f"org-{i}", "InternationalOrganization" if i % 3 == 0 else "Organization", f"Org {i}"
        )
        for i in range(n_orgs)
    ]
    programmes = [
        entity(f"programme-{i}", "Programme", f"Programme {i}") for i in range(n_programmes)
    ]
    for p in programmes:
        fact(p, "organizedBy", rnd.choice(countries[1:] + orgs))

    # Local structure, as in the news: each local government has its head, a few partner
    # cities (mostly in one or two countries), and activities with those partners.
    partners_of: dict[URIRef, list[URIRef]] = {}
    by_country: dict[URIRef, list[URIRef]] = {}
    for city in foreign:
        by_country.setdefault(g.value(city, KM.country), []).append(city)
    country_list = list(by_country)
    for i in range(n_people):
        person = entity(f"person-{i}", "Person", f"Person {i}")
        fact(person, "headOf", lgs[i % n_lgs])
    for lg in lgs:
        home = rnd.sample(country_list, k=min(2, len(country_list)))
        pool = [c for country in home for c in by_country[country]]
        partners = rnd.sample(pool, k=min(len(pool), rnd.choice([0, 1, 1, 2, 3])))
        if rnd.random() < 0.1:
            partners.append(rnd.choice(foreign))
        partners_of[lg] = partners
        for partner in partners:
            fact(lg, "partnersWith", partner)
            if rnd.random() < 0.3:
                fact(partner, "sendsDelegationTo", lg)
        if rnd.random() < 0.3:
            fact(lg, "participatesIn", rnd.choice(programmes))
        if rnd.random() < 0.15:
            fact(lg, "memberOf", rnd.choice(orgs))
        if rnd.random() < 0.1 and pool:
            part = KMR[f"partnership/planned-{lg.rsplit('/', 1)[-1]}"]
            g.add((part, RDF.type, KM.Partnership))
            g.add((part, KM.partner, lg))
            g.add((part, KM.partner, rnd.choice(pool)))
            g.add((part, KM.status, Literal(rnd.choice(["planned", "explored"]))))
            for ev in evidence():
                g.add((part, KM.evidence, ev))
    # Activities: busier local governments have more of them.
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_lgs)]
    kinds = ["Training", "Visit", "Meeting", "Signing", "Exchange"]
    for i in range(n_activities):
        lg = rnd.choices(lgs, weights=weights)[0]
        act = KMR[f"activity/synthetic-{i}"]
        g.add((act, RDF.type, KM[rnd.choice(kinds)]))
        g.add((act, KM.theme, Literal(" ".join(rnd.choices(WORDS, k=3)).title())))
        year = 2010 + rnd.randrange(15)
        month = f"{year}-{1 + rnd.randrange(12):02d}"
        g.add((act, KM.startDate, Literal(month, datatype=XSD.gYearMonth)))
        g.add((act, KM.participant, lg))
        partner = rnd.choice(partners_of[lg]) if partners_of[lg] else None
        if partner is not None and rnd.random() < 0.6:
            g.add((act, KM.participant, partner))
        if partner is not None:
            g.add((act, KM.location, rnd.choice([partner, g.value(partner, KM.country)])))
        else:
            g.add((act, KM.location, rnd.choice(countries[1:])))
        if rnd.random() < 0.3:
            g.add((act, KM.partOf, rnd.choice(programmes)))
        if rnd.random() < 0.2:
            g.add((act, KM.organizedBy, rnd.choice(orgs + countries[1:])))
        for ev in evidence():
            g.add((act, KM.evidence, ev))
    return g


def _browser_time(page: Path, repeat: int) -> list[dict[str, float]]:
    """Seconds until drawn and stable in headless Chromium, per run (empty if unavailable)."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("selenium is not installed: no browser timing")
        return []
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_bin = shutil.which("chromedriver")
    if not chrome or not driver_bin:
        print("chromium/chromedriver not found: no browser timing")
        return []
    runs = []
    for _ in range(repeat):
        profile = tempfile.mkdtemp(prefix="km-bench-")
        opts = Options()
        opts.binary_location = chrome
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--proxy-server=127.0.0.1:9",
            "--proxy-bypass-list=<-loopback>",
            "--window-size=1400,900",
            f"--user-data-dir={profile}",
        ):
            opts.add_argument(arg)
        driver = webdriver.Chrome(service=Service(driver_bin), options=opts)
        try:
            driver.set_script_timeout(60)
            t0 = time.perf_counter()
            driver.get(page.resolve().as_uri())
            driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "(function wait() { if (document.body.getAttribute('data-km-ready')) done(1);"
                " else setTimeout(wait, 20); })();"
            )
            wall = time.perf_counter() - t0
            timing = driver.execute_script(
                "var k = window.kotamitra;"
                "return {ready: k.readyAt, drawn: k.firstDrawAt, iterations: k.layoutIterations,"
                " nodes: k.network.body.nodeIndices.length,"
                " edges: k.network.body.edgeIndices.length};"
            )
            # a filter change, until the network is drawn again
            filt = (
                driver.execute_async_script(
                    "var done = arguments[arguments.length - 1], k = window.kotamitra;"
                    "var t = performance.now();"
                    "k.network.once('afterDrawing', function () { done(performance.now() - t); });"
                    "k.setFilter({relations: ['partnersWith']});"
                )
                / 1000
            )
            runs.append(
                {
                    "wall": wall,
                    "ready": timing["ready"] / 1000,
                    "drawn": (timing["drawn"] or 0) / 1000,
                    "filter": filt,
                    "iterations": timing["iterations"] or 0,
                    "nodes": timing["nodes"],
                    "edges": timing["edges"],
                }
            )
        finally:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="also copy the page here")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()

    g = synthetic_graph(args.nodes)
    gen: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "graph.html"
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            net = build_network(g)
            t1 = time.perf_counter()
            render_network_html(net, page)
            t2 = time.perf_counter()
            gen.append((t1 - t0, t2 - t1))
        size = page.stat().st_size
        print(
            f"graph: {len(g)} triples -> {net.number_of_nodes()} nodes, "
            f"{net.number_of_edges()} edges"
        )
        print(
            f"generation: build_network {statistics.median(t for t, _ in gen):.2f} s, "
            f"render {statistics.median(t for _, t in gen):.2f} s (median of {args.repeat})"
        )
        print(f"page size: {size / 1e6:.2f} MB")
        if args.keep:
            shutil.copyfile(page, args.keep)
        if not args.no_browser:
            runs = _browser_time(page, args.repeat)
            if runs:
                med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print(
                    f"headless Chromium (median of {len(runs)}): drawn at {med['drawn']:.2f} s, "
                    f"stable and stopped at {med['ready']:.2f} s after navigation start "
                    f"(wall clock incl. driver {med['wall']:.2f} s); "
                    f"layout iterations {med['iterations']:.0f}; "
                    f"filter change (until redrawn) {med['filter'] * 1000:.0f} ms; "
                    f"drawn {med['nodes']:.0f} nodes, {med['edges']:.0f} edges"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
