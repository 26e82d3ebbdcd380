"""Tests for graph.viz: RDF → networkx network → self-contained offline HTML page."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Graph, Literal, Namespace, URIRef

from graph.viz import build_network, render_html, render_network_html

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
    """A small graph following docs/rdf-model.md: 9 nodes, 11 edges (1 planned)."""
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
    return json.loads(data[0])


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


def test_node_and_edge_counts(graph: Graph) -> None:
    net = build_network(graph)
    assert isinstance(net, nx.MultiDiGraph)
    assert net.number_of_nodes() == 9
    assert net.number_of_edges() == 11
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
    # fallbacks: other language, then slug; activity named by its theme
    assert net.nodes[str(KMR["syarif-fasha"])]["label"] == "Syarif Fasha"
    assert net.nodes[str(KMR["perumdam-tirta-mayang"])]["label"] == "perumdam-tirta-mayang"
    act = net.nodes[str(KMR["activity/abc123"])]
    assert act["label"] == "Water Management"
    assert act["kind"] == "Training"
    assert act["participant_count"] == 25


def test_edge_evidence(graph: Graph) -> None:
    net = build_network(graph)
    edge = _edge(net, "kota-jambi", "singapore", "partnersWith")
    assert edge["status"] == "active" and edge["dashed"] is False
    assert [e["date"] for e in edge["evidence"]] == ["2023-05-13", "2023-06-01"]
    first = edge["evidence"][0]
    assert first == {
        "text": "Pemkot Jambi menjalin kerja sama dengan Singapura.",
        "headline": "Jambi kirim ASN ke Singapura",
        "url": "https://example.org/a",
        "date": "2023-05-13",
    }
    # activity edges take the activity's own evidence
    loc = _edge(net, "activity/abc123", "singapore", "location")
    assert [e["text"] for e in loc["evidence"]] == ["Pelatihan pengelolaan air di Singapura."]


def test_planned_partnership_dashed(graph: Graph, page: str) -> None:
    net = build_network(graph)
    (key,) = net[str(KMR["kota-bandung"])][str(KMR["namur"])]
    edge = _edge(net, "kota-bandung", "namur", key)
    assert edge["relation"] == "partnersWith"
    assert edge["status"] == "planned"
    assert edge["dashed"] is True
    assert edge["since"] == "2024"
    assert len(edge["evidence"]) == 1

    edges = _payload(page)["edges"]
    planned = [e for e in edges if e["status"] == "planned"]
    assert len(planned) == 1 and planned[0]["dashes"]
    assert planned[0]["label"] == "partners with (planned)"
    assert all(not e["dashes"] for e in edges if e["status"] != "planned")


def test_lang_id_labels(graph: Graph, tmp_path: Path) -> None:
    net = build_network(graph, lang="id")
    assert net.nodes[str(KMR["kota-jambi"])]["label"] == "Kota Jambi"
    assert net.nodes[str(KMR["singapore"])]["label"] == "Singapura"
    assert net.nodes[str(KMR["namur"])]["label"] == "Namur"  # falls back to English
    assert _edge(net, "kota-jambi", "singapore", "partnersWith")["label"] == "bermitra dengan"

    out = render_html(graph, tmp_path / "id.html", lang="id")
    page = out.read_text(encoding="utf-8")
    assert '<html lang="id">' in page
    assert "Pemerintah kota" in page  # legend
    labels = {e["label"] for e in _payload(page)["edges"]}
    assert {"bermitra dengan", "bermitra dengan (direncanakan)", "bagian dari"} <= labels


def test_html_makes_no_remote_loads(page: str) -> None:
    parser = _parse(page)
    assert not any(tag == "script" and "src" in attrs for tag, attrs in parser.tags)
    assert not any(tag == "link" for tag, _attrs in parser.tags)
    for tag, attrs in parser.tags:
        for name in ("src", "href", "srcset", "data", "action", "poster", "background"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, name, value)
    styles = re.findall(r"<style[^>]*>(.*?)</style>", page, flags=re.DOTALL | re.IGNORECASE)
    assert styles
    for css in styles:
        assert "@import" not in css
        assert not re.search(r"url\(\s*['\"]?\s*(https?:|//)", css, re.IGNORECASE)
    for host in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "googleapis"):
        assert host not in page.lower()
    assert "vis.Network" in page and len(page) > 400_000  # vis-network is inlined
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page


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
    evidence = [ev for e in payload["edges"] for ev in e["evidence"]]
    bad = [ev for ev in evidence if XSS_IMG in ev["text"]]
    assert bad and bad[0]["text"] == f"Payload {XSS_IMG} and {XSS_SCRIPT} & more"
    assert bad[0]["headline"] == XSS_SCRIPT + " headline"
    assert bad[0]["url"] is None
    # the application inserts source text with textContent only
    app = _parse(page).scripts[-1][1]
    assert "innerHTML" not in app and "insertAdjacentHTML" not in app
    assert "document.write" not in app


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
    assert out.read_bytes() == first
    assert [p.name for p in out_dir.iterdir()] == ["network.html"]
    first.decode("utf-8")


def test_physics_stabilises_then_stops(page: str) -> None:
    payload = _payload(page)
    physics = payload["options"]["physics"]
    assert physics["enabled"] is True
    assert physics["stabilization"]["enabled"] is True
    assert 0 < physics["stabilization"]["iterations"] <= 1000
    app = _parse(page).scripts[-1][1]
    assert "stabilizationIterationsDone" in app
    assert "physics: { enabled: false }" in app


def test_visual_encoding(page: str) -> None:
    payload = _payload(page)
    nodes = {n["id"]: n for n in payload["nodes"]}
    jambi = nodes[str(KMR["kota-jambi"])]
    pdam = nodes[str(KMR["perumdam-tirta-mayang"])]
    assert jambi["size"] > pdam["size"]  # degree 4 vs 1
    assert nodes[str(KMR["singapore"])]["shape"] == "diamond"
    assert jambi["wikidataUrl"] == "https://www.wikidata.org/wiki/Q3812"
    edges = payload["edges"]
    widths = {e["relation"]: e["width"] for e in edges if e["status"] == "active"}
    assert widths["partnersWith"] > min(e["width"] for e in edges)
    assert all(isinstance(e["title"], str) for e in edges)  # plain-text tooltips
    assert all(isinstance(n["title"], str) for n in payload["nodes"])
    assert 'id="km-search"' in page and 'id="km-legend"' in page


def test_dataset_named_graphs_are_unioned(tmp_path: Path) -> None:
    ds = Dataset()
    sample_graph(ds.graph(URIRef("https://w3id.org/kotamitra/id/graph/sample")))
    net = build_network(ds)
    assert (net.number_of_nodes(), net.number_of_edges()) == (9, 11)


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


def test_empty_graph_renders(tmp_path: Path) -> None:
    out = render_html(Graph(), tmp_path / "empty.html")
    payload = _payload(out.read_text(encoding="utf-8"))
    assert payload["nodes"] == [] and payload["edges"] == []
