"""Tests for graph.viz.page: RDF → networkx network → self-contained offline HTML page.

The page's behaviour in a real browser is tested in test_viz_browser.py (headless Chromium).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Graph, Literal, Namespace, URIRef

from graph.viz.page import (
    BETWEENNESS_EXACT_MAX,
    FocusError,
    build_network,
    find_node,
    focus_network,
    node_metrics,
    render_html,
    render_network_html,
    timeline,
)

KM = Namespace("https://w3id.org/kotamitra/ontology#")
KMR = Namespace("https://w3id.org/kotamitra/id/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace keeps pytest quiet

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"


def _entity(g: Graph, slug: str, cls: str, en: str | None, id_: str | None, *alts: str) -> URIRef:
    node = KMR[slug]
    g.add((node, RDF.type, KM[cls]))
    if en:
        g.add((node, RDFS.label, Literal(en, lang="en")))
    if id_:
        g.add((node, RDFS.label, Literal(id_, lang="id")))
    for alt in alts:
        g.add((node, SKOS.altLabel, Literal(alt)))
    return node


def _doc(g: Graph, slug: str, headline: str, url: str, date: str) -> URIRef:
    doc = KMR[f"doc/{slug}"]
    g.add((doc, RDF.type, SCHEMA.NewsArticle))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, SCHEMA.headline, Literal(headline)))
    g.add((doc, SCHEMA.url, URIRef(url)))
    g.add((doc, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
    return doc


def _evidence(g: Graph, key: str, text: str, doc: URIRef, index: int = 0) -> URIRef:
    ev = KMR[f"evidence/{key}"]
    g.add((ev, RDF.type, KM.Evidence))
    g.add((ev, KM.text, Literal(text, lang="id")))
    g.add((ev, KM.sentenceIndex, Literal(index)))
    g.add((ev, PROV.wasQuotedFrom, doc))
    return ev


def _fact(g: Graph, s: URIRef, rel: str, o: URIRef, *evidence: URIRef) -> None:
    g.add((s, KM[rel], o))
    st = KMR["statement/" + hashlib.sha1(f"{s} {rel} {o}".encode()).hexdigest()[:12]]
    g.add((st, RDF.type, KM.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, KM[rel]))
    g.add((st, RDF.object, o))
    for ev in evidence:
        g.add((st, KM.evidence, ev))


def sample_graph(g: Graph | None = None) -> Graph:
    """A small graph following docs/rdf-model.md: 9 entities and activities (8 drawn: no
    edge reaches Indonesia), 11 edges (1 planned)."""
    g = Graph() if g is None else g
    jambi = _entity(
        g, "kota-jambi", "CityGovernment", "Jambi City", "Kota Jambi", "Pemkot Jambi", "Kota Jambi"
    )
    g.add((jambi, OWL.sameAs, WD.Q3812))
    g.add((jambi, KM.kemendagriCode, Literal("15.71")))
    indonesia = _entity(g, "indonesia", "Country", "Indonesia", "Indonesia")
    g.add((jambi, KM.country, indonesia))  # not drawn: km:country is not a network relation
    singapore = _entity(g, "singapore", "Country", "Singapore", "Singapura")
    bandung = _entity(g, "kota-bandung", "CityGovernment", "Bandung City", "Kota Bandung")
    namur = _entity(g, "namur", "LocalGovernment", "Namur", None)
    scp = _entity(
        g, "singapore-cooperation-programme", "Programme", "Singapore Cooperation Programme", None
    )
    fasha = _entity(g, "syarif-fasha", "Person", None, "Syarif Fasha")
    pdam = _entity(g, "perumdam-tirta-mayang", "Organization", None, None, "PDAM Tirta Mayang")

    doc1 = _doc(g, "jambi-1", "Jambi kirim ASN ke Singapura", "https://example.org/a", "2023-05-13")
    doc2 = _doc(g, "jambi-2", XSS_SCRIPT + " headline", "javascript:alert(1)", "2023-06-01")
    ev1 = _evidence(g, "e1", "Pemkot Jambi menjalin kerja sama dengan Singapura.", doc1, 3)
    ev2 = _evidence(g, "e2", f"Payload {XSS_IMG} and {XSS_SCRIPT} & more", doc2, 0)
    ev3 = _evidence(g, "e3", "Kota Jambi ikut Singapore Cooperation Programme.", doc1, 4)
    ev4 = _evidence(g, "e4", "Syarif Fasha, Wali Kota Jambi, memprakarsai program.", doc1, 5)
    ev5 = _evidence(g, "e5", "Pelatihan pengelolaan air di Singapura.", doc1, 6)
    ev6 = _evidence(g, "e6", "Bandung berencana menjalin sister city dengan Namur.", doc2, 1)

    _fact(g, jambi, "partnersWith", singapore, ev1, ev2)
    _fact(g, jambi, "participatesIn", scp, ev3)
    _fact(g, fasha, "headOf", jambi, ev4)
    _fact(g, scp, "initiatedBy", fasha, ev4)

    act = KMR["activity/abc123"]
    g.add((act, RDF.type, KM.Training))
    g.add((act, KM.theme, Literal("Water Management")))
    g.add((act, KM.partOf, scp))
    g.add((act, KM.location, singapore))
    g.add((act, KM.startDate, Literal("2023-05-15", datatype=XSD.date)))
    g.add((act, KM.endDate, Literal("2023-05-19", datatype=XSD.date)))
    g.add((act, KM.participantCount, Literal(25)))
    g.add((act, KM.participant, jambi))
    g.add((act, KM.participant, pdam))
    g.add((act, KM.fundedBy, singapore))
    g.add((act, KM.organizedBy, singapore))
    g.add((act, KM.evidence, ev5))

    part = KMR["partnership/bandung--namur"]
    g.add((part, RDF.type, KM.Partnership))
    g.add((part, KM.partner, bandung))
    g.add((part, KM.partner, namur))
    g.add((part, KM.status, Literal("planned")))
    g.add((part, KM.since, Literal("2024", datatype=XSD.gYear)))
    g.add((part, KM.evidence, ev6))

    claim = KMR["claim/c1"]
    g.add((claim, RDF.type, KM.Claim))
    g.add((claim, KM.quantity, Literal(300)))
    g.add((claim, KM.evidence, ev5))
    return g


class _Collector(HTMLParser):
    """Collects tags/attributes and the raw text of each <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self._buf = []

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._buf.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._buf)))
            self._in_script = None


def _parse(page: str) -> _Collector:
    parser = _Collector()
    parser.feed(page)
    parser.close()
    return parser


def _payload(page: str) -> dict[str, Any]:
    parser = _parse(page)
    data = [text for attrs, text in parser.scripts if attrs.get("id") == "km-data"]
    assert len(data) == 1
    raw = json.loads(data[0])  # pyvis's nodes, edges and options, and the page's data
    return {**raw["page"], "nodes": raw["nodes"], "edges": raw["edges"], "options": raw["options"]}


def _node(payload: dict[str, Any], slug: str) -> tuple[int, dict[str, Any]]:
    for i, n in enumerate(payload["nodes"]):
        if n["iri"] == str(KMR[slug]):
            return i, n
    raise KeyError(slug)


def _sentences(payload: dict[str, Any], edge: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence of a payload edge, resolved: text plus its article's fields."""
    out = []
    for k in edge["evidence"]:
        s = payload["sentences"][k]
        out.append({"text": s["text"], **payload["docs"][s["doc"]]})
    return out


def lg_with_activities(g: Graph, slug: str, label: str, years: dict[int, int]) -> URIRef:
    """Add a city government and ``years[y]`` trainings in year ``y`` it took part in."""
    lg = _entity(g, slug, "CityGovernment", label, None)
    for year, count in years.items():
        for i in range(count):
            act = KMR[f"activity/{slug}-{year}-{i}"]
            g.add((act, RDF.type, KM.Visit if i % 2 else KM.Training))
            g.add((act, KM.theme, Literal(f"{label} {year} #{i}")))
            g.add((act, KM.startDate, Literal(f"{year}-03", datatype=XSD.gYearMonth)))
            g.add((act, KM.participant, lg))
    return lg


@pytest.fixture
def graph() -> Graph:
    return sample_graph()


@pytest.fixture
def page(graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    out = render_html(graph, tmp_path / "net.html")
    return out.read_text(encoding="utf-8")


def _edge(net: nx.MultiDiGraph, u: str, v: str, key: str) -> dict[str, Any]:
    return net.edges[str(KMR[u]), str(KMR[v]), key]


# --- RDF → network --------------------------------------------------------------------------


def test_node_and_edge_counts(graph: Graph) -> None:
    net = build_network(graph)
    assert isinstance(net, nx.MultiDiGraph)
    assert net.number_of_nodes() == 8  # Indonesia: no edge reaches it, so it is not drawn
    assert net.number_of_edges() == 11
    assert str(KMR["indonesia"]) not in net and str(KMR["singapore"]) in net
    relations = sorted(d["relation"] for _u, _v, d in net.edges(data=True))
    assert relations.count("partnersWith") == 2
    assert relations.count("participant") == 2
    assert not net.has_edge(str(KMR["kota-jambi"]), str(KMR["indonesia"]))
    assert str(KMR["claim/c1"]) not in net


def test_node_attributes(graph: Graph) -> None:
    net = build_network(graph)
    jambi = net.nodes[str(KMR["kota-jambi"])]
    assert jambi["label"] == "Jambi City"
    assert jambi["kind"] == "CityGovernment"
    assert jambi["wikidata"] == "http://www.wikidata.org/entity/Q3812"
    assert jambi["iri"] == str(KMR["kota-jambi"])
    assert jambi["alt_names"] == ["Kota Jambi", "Pemkot Jambi"]  # deduplicated
    assert jambi["country"] == str(KMR["indonesia"])  # km:country
    # fallbacks: other language, then slug; activity named by its theme
    assert net.nodes[str(KMR["syarif-fasha"])]["label"] == "Syarif Fasha"
    assert net.nodes[str(KMR["perumdam-tirta-mayang"])]["label"] == "perumdam-tirta-mayang"
    act = net.nodes[str(KMR["activity/abc123"])]
    assert act["label"] == "Water Management"
    assert act["kind"] == "Training"
    assert act["participant_count"] == 25
    assert act["years"] == (2023, 2023)
    assert act["country"] == str(KMR["singapore"])  # the country of its location
    assert net.nodes[str(KMR["singapore"])]["country"] == str(KMR["singapore"])
    assert net.graph["countries"][str(KMR["singapore"])] == "Singapore"


def test_country_from_kemendagri_code_and_location_city() -> None:
    g = Graph()
    medan = _entity(g, "kota-medan", "CityGovernment", "Medan City", "Kota Medan")
    g.add((medan, KM.kemendagriCode, Literal("12.71")))
    korea = _entity(g, "south-korea", "Country", "South Korea", "Korea Selatan")
    gwangju = _entity(g, "gwangju", "LocalGovernment", "Gwangju", None)
    g.add((gwangju, KM.country, korea))
    act = KMR["activity/x"]
    g.add((act, RDF.type, KM.Exchange))
    g.add((act, KM.location, gwangju))
    net = build_network(g)
    assert net.nodes[str(medan)]["country"] == str(KMR["indonesia"])
    assert net.nodes[str(act)]["country"] == str(korea)
    assert net.nodes[str(act)]["years"] is None  # no date, no evidence
    assert net.graph["countries"][str(KMR["indonesia"])] == "Indonesia"


def test_edge_evidence(graph: Graph) -> None:
    net = build_network(graph)
    edge = _edge(net, "kota-jambi", "singapore", "partnersWith")
    assert edge["status"] == "active" and edge["dashed"] is False
    assert [e["date"] for e in edge["evidence"]] == ["2023-05-13", "2023-06-01"]
    assert edge["sources"] == 2
    first = edge["evidence"][0]
    assert first == {
        "text": "Pemkot Jambi menjalin kerja sama dengan Singapura.",
        "headline": "Jambi kirim ASN ke Singapura",
        "url": "https://example.org/a",
        "date": "2023-05-13",
        "source": str(KMR["doc/jambi-1"]),
    }
    # activity edges take the activity's own evidence
    loc = _edge(net, "activity/abc123", "singapore", "location")
    assert [e["text"] for e in loc["evidence"]] == ["Pelatihan pengelolaan air di Singapura."]
    # two sentences of one article are one source
    fasha = _edge(net, "syarif-fasha", "kota-jambi", "headOf")
    g = sample_graph()
    extra = _evidence(g, "e9", "Fasha memimpin Kota Jambi.", KMR["doc/jambi-1"], 9)
    st = next(
        s for s in g.subjects(RDF.type, KM.Statement) if g.value(s, RDF.predicate) == KM.headOf
    )
    g.add((st, KM.evidence, extra))
    fasha = _edge(build_network(g), "syarif-fasha", "kota-jambi", "headOf")
    assert len(fasha["evidence"]) == 2 and fasha["sources"] == 1


def test_planned_partnership_dashed(graph: Graph, page: str) -> None:
    net = build_network(graph)
    (key,) = net[str(KMR["kota-bandung"])][str(KMR["namur"])]
    edge = _edge(net, "kota-bandung", "namur", key)
    assert edge["relation"] == "partnersWith"
    assert edge["status"] == "planned"
    assert edge["dashed"] is True
    assert edge["since"] == "2024"
    assert len(edge["evidence"]) == 1

    payload = _payload(page)
    planned = [e for e in payload["edges"] if e["status"] == "planned"]
    assert len(planned) == 1 and planned[0]["dashed"] is True
    assert planned[0]["years"] == [2023, 2024]  # its article (2023-06-01) to its start year
    assert all(not e["dashed"] for e in payload["edges"] if e["status"] != "planned")
    assert payload["statuses"]["planned"] == "planned"


def test_a_resolved_partnership_carries_its_status_and_history(tmp_path: Path) -> None:
    g = sample_graph()
    bandung, namur = KMR["kota-bandung"], KMR["namur"]
    doc1 = _doc(g, "loi", "Bandung dan Namur teken LoI", "https://example.org/loi", "2016-03-02")
    doc2 = _doc(g, "mou", "Bandung and Namur sign", "https://example.org/mou", "2017-10-18")
    part = KMR["partnership/kota-bandung--namur"]
    g.add((part, RDF.type, KM.Partnership))
    g.add((part, KM.partner, bandung))
    g.add((part, KM.partner, namur))
    g.add((part, KM.status, Literal("active")))
    g.add((part, KM.lifecycleStage, Literal("signed")))
    g.add((part, KM.provenance, Literal("news")))
    g.add((part, KM.sourceCount, Literal(2)))
    # steps added out of order: the panel follows km:order
    for n, stage, date, doc in ((2, "signed", "2017-10-17", doc2), (1, "intent", "2016-03", doc1)):
        step = KMR[f"partnership/kota-bandung--namur/step/{n}"]
        g.add((part, KM.historyStep, step))
        g.add((step, KM.order, Literal(n)))
        g.add((step, KM.stage, Literal(stage)))
        g.add((step, KM.date, Literal(date)))
        g.add((step, KM.basis, Literal(f"{stage} basis")))
        g.add((step, KM.source, doc))
    choice, alt1, alt2 = KMR["choice/c"], KMR["choice/a1"], KMR["choice/a2"]
    g.add((part, KM.valueChoice, choice))
    g.add((choice, KM.property, KM.since))
    g.add((choice, KM.chosenValue, Literal("2017")))
    g.add((choice, KM.rule, Literal("the earliest start stated by any source")))
    for alt, value, doc in ((alt1, "2017", doc2), (alt2, "2018", doc1)):
        g.add((choice, KM.alternative, alt))
        g.add((alt, KM.value, Literal(value)))
        g.add((alt, KM.source, doc))

    out = render_html(g, tmp_path / "graph.html", lang="id")
    payload = _payload(out.read_text(encoding="utf-8"))
    (edge,) = [e for e in payload["edges"] if e.get("partnership")]
    record = edge["partnership"]
    assert (record["stage"], record["provenance"], record["sourceCount"]) == ("signed", "news", 2)
    assert [(s["order"], s["stage"], s["date"]) for s in record["history"]] == [
        (1, "intent", "2016-03"),
        (2, "signed", "2017-10-17"),
    ]
    docs = payload["docs"]
    assert [docs[s["doc"]]["url"] for s in record["history"]] == [
        "https://example.org/loi",
        "https://example.org/mou",
    ]
    (chosen,) = record["choices"]
    assert (chosen["property"], chosen["chosen"]) == ("since", "2017")
    assert [(a["value"], docs[a["doc"]]["headline"]) for a in chosen["alternatives"]] == [
        ("2017", "Bandung and Namur sign"),
        ("2018", "Bandung dan Namur teken LoI"),
    ]
    assert payload["stages"]["signed"] == "ditandatangani"
    assert payload["provenances"]["news"] == "berita"
    # a partnership the resolved layer did not write (no provenance, no history) has none
    assert not [e for e in payload["edges"] if e["status"] == "planned" and e.get("partnership")]


def test_lang_id_labels(graph: Graph, tmp_path: Path) -> None:
    net = build_network(graph, lang="id")
    assert net.nodes[str(KMR["kota-jambi"])]["label"] == "Kota Jambi"
    assert net.nodes[str(KMR["singapore"])]["label"] == "Singapura"
    assert net.nodes[str(KMR["namur"])]["label"] == "Namur"  # falls back to English
    assert _edge(net, "kota-jambi", "singapore", "partnersWith")["label"] == "bermitra dengan"

    out = render_html(graph, tmp_path / "id.html", lang="id")
    page = out.read_text(encoding="utf-8")
    assert '<html lang="id">' in page
    assert "Pemerintah kota" in page and "Linimasa" in page  # legend, second view
    payload = _payload(page)
    assert payload["relations"]["partnersWith"]["label"] == "bermitra dengan"
    assert payload["relations"]["partOf"]["label"] == "bagian dari"
    assert payload["statuses"]["planned"] == "direncanakan"
    assert payload["ui"]["search_placeholder"] == "Cari nama…"
    assert [m["label"] for m in payload["metrics"]][:2] == ["PageRank", "Simpul terhubung"]


def test_dataset_named_graphs_are_unioned(tmp_path: Path) -> None:
    ds = Dataset()
    sample_graph(ds.graph(URIRef("https://w3id.org/kotamitra/id/graph/sample")))
    net = build_network(ds)
    assert (net.number_of_nodes(), net.number_of_edges()) == (8, 11)


def test_subclass_from_ontology_and_filtered_render(tmp_path: Path) -> None:
    g = sample_graph()
    g.add((KM.Workshop, RDFS.subClassOf, KM.Training))
    ws = KMR["activity/ws1"]
    g.add((ws, RDF.type, KM.Workshop))
    g.add((ws, KM.location, KMR["singapore"]))
    net = build_network(g)
    assert net.nodes[str(ws)]["kind"] == "Training"
    sub = net.subgraph([str(ws), str(KMR["singapore"])]).copy()
    out = render_network_html(sub, tmp_path / "sub.html")
    assert len(_payload(out.read_text(encoding="utf-8"))["edges"]) == 1


# --- metrics, focus, timeline ---------------------------------------------------------------


def test_node_metrics(graph: Graph) -> None:
    net = build_network(graph)
    metrics = node_metrics(net)
    assert set(metrics) == set(net.nodes)
    assert sum(m["pagerank"] for m in metrics.values()) == pytest.approx(1.0, abs=1e-3)
    jambi, pdam = metrics[str(KMR["kota-jambi"])], metrics[str(KMR["perumdam-tirta-mayang"])]
    assert jambi["degree"] == 4  # Singapore, the programme, Fasha, the training
    assert pdam["degree"] == 1
    assert jambi["sources"] == 2  # both articles
    assert jambi["pagerank"] > pdam["pagerank"]
    assert jambi["betweenness"] > 0 and pdam["betweenness"] == 0  # small graph: computed
    assert "betweenness" not in next(iter(node_metrics(net, betweenness=False).values()))
    assert node_metrics(nx.MultiDiGraph()) == {}


def test_betweenness_skipped_on_large_networks_unless_asked() -> None:
    net = nx.MultiDiGraph()
    for i in range(BETWEENNESS_EXACT_MAX + 1):
        net.add_edge(f"n{i}", f"n{i + 1}", key="partOf", relation="partOf", evidence=[])
    assert "betweenness" not in node_metrics(net)[f"n{3}"]
    assert node_metrics(net, betweenness=True)["n3"]["betweenness"] > 0


def test_find_node_by_any_name(graph: Graph) -> None:
    net = build_network(graph)
    jambi = str(KMR["kota-jambi"])
    for name in ("Jambi City", "kota jambi", "  Pemkot   Jambi ", "kota-jambi", jambi, "jambi c"):
        assert find_node(net, name) == jambi, name
    # an exact name wins over names that contain it (the Singapore Cooperation Programme)
    assert find_node(net, "singapore") == str(KMR["singapore"])
    with pytest.raises(FocusError, match="several") as several:
        find_node(net, "ing")
    assert "Singapore" in several.value.candidates
    with pytest.raises(FocusError, match="no entity named") as missing:
        find_node(net, "Jambi Cty")
    assert missing.value.candidates == ["Jambi City"]


def test_focus_network(graph: Graph) -> None:
    net = build_network(graph)
    one = focus_network(net, "Kota Jambi", 1)
    assert {n.rsplit("/", 1)[-1] for n in one} == {
        "kota-jambi",
        "singapore",
        "singapore-cooperation-programme",
        "syarif-fasha",
        "abc123",
    }
    assert one.graph["focus"] == (str(KMR["kota-jambi"]), 1)
    assert one.number_of_edges() == 9  # every edge among them, not only those of Jambi
    two = focus_network(net, "Kota Jambi", 2)
    assert str(KMR["perumdam-tirta-mayang"]) in two and str(KMR["namur"]) not in two
    assert set(focus_network(net, "Namur", 5)) == {str(KMR["namur"]), str(KMR["kota-bandung"])}
    assert list(focus_network(net, "Namur", 0)) == [str(KMR["namur"])]
    with pytest.raises(ValueError):
        focus_network(net, "Namur", -1)


def test_render_with_focus_writes_only_the_neighbourhood(graph: Graph, tmp_path: Path) -> None:
    out = render_html(graph, tmp_path / "f.html", focus="Kota Jambi", depth=1)
    page = out.read_text(encoding="utf-8")
    payload = _payload(page)
    assert len(payload["nodes"]) == 5
    i, _jambi = _node(payload, "kota-jambi")
    assert payload["focus"] == {"node": i, "depth": 1}
    assert "Jambi City, within 1 hop(s)" in page.split("</title>")[0]
    assert "Namur" not in page.split('<script type="application/json"')[0]
    with pytest.raises(FocusError):
        render_html(graph, tmp_path / "g.html", focus="Atlantis")
    assert not (tmp_path / "g.html").exists()


def test_timeline_counts_activities_per_year_per_local_government() -> None:
    g = sample_graph()
    lg_with_activities(g, "kota-medan", "Medan City", {2019: 2, 2021: 1})
    busy = lg_with_activities(g, "kota-surabaya", "Surabaya City", {2018: 9, 2020: 1})
    g.add((busy, KM.country, KMR["indonesia"]))
    lg_with_activities(g, "namur", "Namur", {2017: 1})
    g.add((KMR["namur"], KM.country, KMR["belgium"]))
    _entity(g, "belgium", "Country", "Belgium", "Belgia")
    undated = KMR["activity/undated"]
    g.add((undated, RDF.type, KM.Meeting))
    g.add((undated, KM.participant, KMR["kota-medan"]))
    net = build_network(g)
    line = timeline(net)
    assert line["years"] == list(range(2017, 2024))
    assert [r["label"] for r in line["rows"]] == [
        "Surabaya City",
        "Medan City",
        "Jambi City",
        "Namur",
    ]
    assert [r["total"] for r in line["rows"]] == [10, 3, 1, 1]
    medan = line["rows"][1]
    assert {y: len(a) for y, a in medan["cells"].items()} == {2019: 2, 2021: 1}
    assert line["rows"][3]["country"] == "Belgium" and line["rows"][0]["country"] is None
    assert line["undated"] == 1 and line["omitted"] == 0
    short = timeline(net, limit=2)
    assert len(short["rows"]) == 2 and short["omitted"] == 2
    assert short["years"] == list(range(2018, 2022))


def test_timeline_is_drawn_in_the_page(tmp_path: Path) -> None:
    g = sample_graph()
    lg_with_activities(g, "kota-medan", "Medan City", {2019: 2, 2021: 8})
    page = render_html(g, tmp_path / "t.html").read_text(encoding="utf-8")
    svg = page.split('<svg id="km-timeline"', 1)[1].split("</svg>", 1)[0]
    cells = re.findall(r'<g class="km-cell" data-row="(\d+)" data-year="(\d+)"', svg)
    assert sorted(cells) == [("0", "2019"), ("0", "2021"), ("1", "2023")]
    assert svg.count("<circle") == 2 + 1  # dots up to 6 per cell; 8 shows as a number
    assert ">8</text>" in svg
    assert "Medan City, 2021: 8 activit(y/ies)" in svg  # the cell's title (hover text)
    payload = _payload(page)
    row = payload["timeline"]["rows"][0]
    assert payload["nodes"][row["node"]]["label"] == "Medan City"
    assert sorted(row["cells"]) == ["2019", "2021"] and len(row["cells"]["2021"]) == 8
    assert all(payload["nodes"][a]["kind"] in {"Training", "Visit"} for a in row["cells"]["2021"])


def test_empty_timeline_says_so(tmp_path: Path) -> None:
    page = render_html(Graph(), tmp_path / "e.html").read_text(encoding="utf-8")
    assert "No activity of a local government in this graph." in page
    assert "<svg" not in page


# --- the page -------------------------------------------------------------------------------


def test_html_makes_no_remote_loads(page: str) -> None:
    parser = _parse(page)
    assert not any(tag == "script" and "src" in attrs for tag, attrs in parser.tags)
    assert not any(tag in ("link", "iframe", "object", "embed", "img") for tag, _ in parser.tags)
    for tag, attrs in parser.tags:
        for name in ("src", "href", "srcset", "data", "action", "poster", "background"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, name, value)
    styles = re.findall(r"<style[^>]*>(.*?)</style>", page, flags=re.DOTALL | re.IGNORECASE)
    assert styles
    for css in styles:
        assert "@import" not in css
        assert "url(" not in css
    for host in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "googleapis"):
        assert host not in page.lower()
    assert "vis.Network" in page and len(page) > 400_000  # vis-network is inlined
    assert page.startswith("<!DOCTYPE html>")


def test_utf8_everywhere(graph: Graph, tmp_path: Path) -> None:
    out = render_html(graph, tmp_path / "u.html", lang="id")
    raw = out.read_bytes()
    text = raw.decode("utf-8")  # strict
    assert not raw.startswith(b"\xef\xbb\xbf")
    head = raw[:1024].decode("utf-8", "replace")
    assert '<meta charset="utf-8">' in head  # within the first 1024 bytes, as HTML requires
    assert "Cari nama…" in text and "\r\n" not in text


def test_content_security_policy_allows_only_own_scripts(page: str) -> None:
    parser = _parse(page)
    (csp,) = [
        a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv") is not None
    ]
    assert csp is not None
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    executable = [text for attrs, text in parser.scripts if attrs.get("type") is None]
    assert len(executable) == 2
    for text in executable:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_xss_payloads_are_inert(page: str) -> None:
    assert "<img src=x onerror" not in page
    assert XSS_SCRIPT not in page
    assert "javascript:alert" not in page
    # exactly three <script> elements: data, vis-network, app; no stray end tags from data
    assert len(_parse(page).scripts) == 3
    assert len(re.findall(r"</script", page, flags=re.IGNORECASE)) == 3
    data_text = next(t for a, t in _parse(page).scripts if a.get("id") == "km-data")
    assert "<" not in data_text and ">" not in data_text
    assert "\\u003cimg src=x onerror" in data_text
    # the texts survive intact as data, and unsafe URLs are dropped
    payload = _payload(page)
    evidence = [ev for e in payload["edges"] for ev in _sentences(payload, e)]
    bad = [ev for ev in evidence if XSS_IMG in ev["text"]]
    assert bad and bad[0]["text"] == f"Payload {XSS_IMG} and {XSS_SCRIPT} & more"
    assert bad[0]["headline"] == XSS_SCRIPT + " headline"
    assert bad[0]["url"] is None
    # the application inserts source text with textContent only
    app = _parse(page).scripts[-1][1]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in app
    assert "new Function" not in app


def test_xss_in_names_is_escaped_in_the_markup(tmp_path: Path) -> None:
    """Names reach the markup too (legend, country list, timeline): escaped there."""
    g = sample_graph()
    evil = _entity(g, "evil-country", "Country", XSS_SCRIPT, None)
    lg = lg_with_activities(g, "evil-city", XSS_IMG, {2020: 1})
    g.add((lg, KM.country, evil))
    page = render_html(g, tmp_path / "x.html").read_text(encoding="utf-8")
    assert XSS_SCRIPT not in page and "<img" not in page
    markup = page.split('<script type="application/json"')[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; (1)" in markup  # <option> of the country
    assert "&lt;img src=x onerror=alert(1)&gt;" in markup  # timeline row
    assert len(_parse(page).scripts) == 3


def test_title_is_escaped(graph: Graph, tmp_path: Path) -> None:
    out = render_html(graph, tmp_path / "t.html", title="A & B <b>")
    page = out.read_text(encoding="utf-8")
    assert "<title>A &amp; B &lt;b&gt;</title>" in page
    assert "<b>" not in page.split("<body>", 1)[1].split('<script type="application/json"')[0]


def test_no_lib_folder_and_atomic_write(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    out_dir = tmp_path / "out"
    out = render_html(graph, out_dir / "network.html")
    assert out == out_dir / "network.html"
    assert list(cwd.iterdir()) == []
    assert [p.name for p in out_dir.iterdir()] == ["network.html"]
    first = out.read_bytes()
    out.write_text("stale", encoding="utf-8")
    render_html(graph, out)  # overwrites in place, leaves no temporary file behind
    assert out.read_bytes() == first  # and the same input gives the same bytes
    assert [p.name for p in out_dir.iterdir()] == ["network.html"]


def test_physics_stabilises_then_stops(page: str) -> None:
    payload = _payload(page)
    physics = payload["options"]["physics"]
    assert physics["enabled"] is True
    assert physics["stabilization"]["enabled"] is True
    assert 0 < physics["stabilization"]["iterations"] <= 1000
    assert payload["maxLayoutMs"] <= 20_000
    app = _parse(page).scripts[-1][1]
    assert "stabilizationIterationsDone" in app
    assert "physics: { enabled: false }" in app


def test_large_networks_start_from_a_computed_layout() -> None:
    net = nx.MultiDiGraph()
    for i in range(400):  # a ring of 20-node rings, plus isolated nodes
        net.add_node(f"n{i}", kind="Person", label=f"n{i}")
        if i < 380:
            ring = i // 20 * 20
            net.add_edge(f"n{i}", f"n{ring + (i + 1) % 20}", key="x", relation="partOf")
    payload = _payload(render_network_html_text(net))
    xy = [n["xy"] for n in payload["nodes"]]
    assert all(p is not None and all(math.isfinite(c) for c in p) for p in xy)
    assert len({tuple(p) for p in xy}) > 390  # jittered: (almost) no two on the same spot
    assert (
        payload["layoutBudgetMs"]
        and payload["options"]["physics"]["stabilization"]["iterations"] <= 400
    )
    assert payload == _payload(render_network_html_text(net))  # deterministic
    small = _payload(render_network_html_text(build_network(sample_graph())))
    assert all(n["xy"] is None for n in small["nodes"]) and small["layoutBudgetMs"] is None


def render_network_html_text(net: nx.MultiDiGraph, **kwargs: Any) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = render_network_html(net, Path(tmp) / "p.html", **kwargs)
        return out.read_text(encoding="utf-8")


def test_visual_encoding(page: str) -> None:
    payload = _payload(page)
    _i, jambi = _node(payload, "kota-jambi")
    _i, pdam = _node(payload, "perumdam-tirta-mayang")
    assert payload["sizeBy"] == "pagerank"
    assert [m["id"] for m in payload["metrics"]] == ["pagerank", "degree", "sources", "betweenness"]
    # the actor network's metrics: Jambi is an actor; the water company links to no actor
    assert jambi["metrics"]["pagerank"] > 0 and "pagerank" not in pdam["metrics"]
    assert pdam["metrics"]["sources"] >= 1
    assert payload["kinds"]["Country"]["shape"] == "diamond"
    # drawn through pyvis: each node carries vis-network's attributes, biggest for the top
    assert jambi["shape"] == "dot" and jambi["group"] == "CityGovernment"
    top = max(payload["nodes"], key=lambda n: n["metrics"].get("pagerank", 0))
    assert top["font"]["size"] == max(n["font"]["size"] for n in payload["nodes"])
    assert payload["kinds"]["Training"]["activity"] is True
    assert jambi["wikidata"] == "Q3812"
    assert jambi["details"] == [["Kemendagri code", "15.71"]]
    _i, act = _node(payload, "activity/abc123")
    assert ["Dates", "2023-05-15 – 2023-05-19"] in act["details"]
    assert payload["countries"][jambi["country"]]["label"] == "Indonesia"
    edges = payload["edges"]
    partner = next(e for e in edges if e["relation"] == "partnersWith" and e["status"] == "active")
    assert partner["sources"] == 2 and len(partner["evidence"]) == 2
    assert {e["relation"] for e in edges} <= set(payload["relations"])
    assert payload["relations"]["partnersWith"]["directed"] is False
    assert payload["relations"]["headOf"]["directed"] is True
    assert payload["years"] == [2023, 2024]
    assert 'id="km-search"' in page and 'id="km-f-kinds"' in page
    for control in ("km-year-from", "km-year-to", "km-country", "km-depth", "km-size-by"):
        assert f'id="{control}"' in page
    legend = page.split('id="km-f-kinds"')[1].split("</details>")[0]
    assert legend.count('class="km-kind"') == 7  # one checkbox per class present


def test_size_by(graph: Graph, tmp_path: Path) -> None:
    page = render_html(graph, tmp_path / "s.html", size_by="degree").read_text(encoding="utf-8")
    assert _payload(page)["sizeBy"] == "degree"
    assert '<option value="degree" selected>' in page
    with pytest.raises(ValueError, match="size_by"):
        render_html(graph, tmp_path / "s.html", size_by="colour")


def test_empty_graph_renders(tmp_path: Path) -> None:
    out = render_html(Graph(), tmp_path / "empty.html")
    payload = _payload(out.read_text(encoding="utf-8"))
    assert payload["nodes"] == [] and payload["edges"] == []
    assert payload["years"] is None and payload["sizeBy"] is None


# --- the command ------------------------------------------------------------------------------


@pytest.fixture
def graph_file(graph: Graph, tmp_path: Path) -> Path:
    path = tmp_path / "g" / "graph.ttl"
    path.parent.mkdir()
    graph.serialize(path, format="turtle")
    return path


def test_cli_viz_options(graph_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.cli import main

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "page" / "jambi.html"
    result = CliRunner().invoke(
        main,
        [
            *("viz", "--graph", str(graph_file), "--out", str(out), "--lang", "id"),
            *("--focus", "Kota Jambi", "--depth", "1", "--size-by", "sources"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {out}"
    payload = _payload(out.read_text(encoding="utf-8"))
    assert len(payload["nodes"]) == 5 and payload["sizeBy"] == "sources"
    assert payload["lang"] == "id"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g", "page"]  # nothing else written


def test_cli_viz_unknown_focus(graph_file: Path, tmp_path: Path) -> None:
    from graph.cli import main

    out = tmp_path / "x.html"
    result = CliRunner().invoke(
        main, ["viz", "--graph", str(graph_file), "--out", str(out), "--focus", "Jambi Cty"]
    )
    assert result.exit_code == 2
    assert "no entity named 'Jambi Cty'" in result.output
    assert "did you mean: Jambi City?" in result.output
    assert not out.exists()


def test_page_pagerank_is_the_pagerank_of_metrics_csv(sources_build, tmp_path: Path) -> None:
    """One network: the page shows the actor network's metrics, as metrics.csv has them."""
    import csv
    import io

    from graph.network import compute_metrics, open_graph, to_csv
    from graph.sparql.query import load_graph

    _report, out = sources_build
    rows = list(csv.DictReader(io.StringIO(to_csv(compute_metrics(open_graph(out))))))
    expected = {str(KMR[r["actor"]]): float(r["pagerank"]) for r in rows}
    page = render_html(load_graph(out), tmp_path / "p.html").read_text(encoding="utf-8")
    shown = {
        n["iri"]: n["metrics"]["pagerank"]
        for n in _payload(page)["nodes"]
        if "pagerank" in n["metrics"]
    }
    assert len(expected) >= 10
    assert shown == expected


def test_cli_viz_pyvis_options_and_title(graph_file: Path, tmp_path: Path) -> None:
    from graph.cli import main

    opts = tmp_path / "opts.json"
    opts.write_text('{"physics": {"solver": "barnesHut"}, "layout": {"randomSeed": 3}}')
    out = tmp_path / "p.html"
    args = ["viz", "--graph", str(graph_file), "--out", str(out), "--options", str(opts)]
    result = CliRunner().invoke(main, [*args, "--title", "Jejaring <Jambi>"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    options = _payload(page)["options"]
    assert options["physics"]["solver"] == "barnesHut"  # passed through pyvis
    assert options["physics"]["stabilization"]["enabled"] is True  # the page's own kept
    assert options["layout"]["randomSeed"] == 3
    assert "<title>Jejaring &lt;Jambi&gt;</title>" in page
    # without --title, the title comes from the graph
    CliRunner().invoke(main, ["viz", "--graph", str(graph_file), "--out", str(out)])
    title = out.read_text("utf-8").split("<title>")[1].split("</title>")[0]
    assert title == "Jambi City: international partnerships"  # Indonesian ones first
    opts.write_text("[1, 2]")
    bad = CliRunner().invoke(main, args)
    assert bad.exit_code == 2 and "must be a JSON object" in bad.output


def test_to_pyvis_is_a_pyvis_network(graph: Graph) -> None:
    from pyvis.network import Network

    from graph.viz.page import to_pyvis

    page = to_pyvis(build_network(graph), options={"physics": {"enabled": False}})
    assert isinstance(page, Network)
    assert page.num_nodes() == 8 and page.num_edges() == 11
    assert page.options["physics"]["enabled"] is False
    page.add_node(99, label="Added through pyvis", kind="Person", metrics={}, alt=[], details=[])
    html = page.generate_html()
    assert "Added through pyvis" in html and 'id="km-network"' in html


def test_classes_are_styled_through_vis_groups(page: str) -> None:
    """pyvis keeps no per-node colour beside a group: the class colours live in the groups."""
    from graph.viz.labels import style

    payload = _payload(page)
    groups = payload["options"]["groups"]
    for node in payload["nodes"]:
        colour, shape, _symbol = style(node["kind"])
        assert groups[node["group"]]["color"]["background"] == colour
        assert node["shape"] == shape == groups[node["group"]]["shape"]


def test_timeline_opens_on_the_years_with_activities(tmp_path: Path) -> None:
    g = sample_graph()
    lg_with_activities(g, "kota-tua", "Old Town", {1960: 1, 2019: 2})
    page = render_html(g, tmp_path / "t.html").read_text(encoding="utf-8")
    svg = page.split('id="km-timeline"')[1].split("</svg>")[0]
    assert ">1960<" in svg and ">2019<" in svg and ">…<" in svg
    assert ">1975<" not in svg  # the empty decades are one narrow column
