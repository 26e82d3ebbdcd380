"""Tests for graph.network: the projection query, the algorithms on small graphs whose
values are computed by hand, the metrics of a small hand-made world (articles and a
table), the outputs (JSON, CSV, GraphML, GEXF, RDF) and the ``metrics`` command; and a
cross-check against igraph on a real twin-town network (skipped without igraph or
``../shared``)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef

import graph.network as M
from graph.cli import main
from graph.extract.gazetteer import default_gazetteer
from graph.model import Activity, Document, Entity, Evidence, Extraction, Fact, Qualified
from graph.network.projection import local_name, parse_years
from graph.rdf.triples import KMR, to_dataset
from graph.resolve import resolve

KM = "https://w3id.org/kotamitra/ontology#"


def iri(slug: str) -> str:
    return str(KMR[slug])


# --- algorithms on small graphs, values computed by hand --------------------------------------


def test_betweenness_of_a_path() -> None:
    # a - b - c - d: b lies on the shortest paths a-c and a-d, 2 of the 3 pairs without b
    g = nx.path_graph(["a", "b", "c", "d"])
    values, sample = M.betweenness(g)
    assert sample is None
    assert values == pytest.approx({"a": 0.0, "b": 2 / 3, "c": 2 / 3, "d": 0.0})


def test_betweenness_of_a_star_and_two_shortest_paths() -> None:
    star = nx.star_graph(3)  # centre 0: every pair of leaves goes through it
    assert M.betweenness(star)[0] == pytest.approx({0: 1.0, 1: 0.0, 2: 0.0, 3: 0.0})
    # a square a-b-c-d-a: a and c are joined by two shortest paths, through b and d;
    # b carries half of a-c: 0.5 out of the 3 pairs without b
    square = nx.cycle_graph(["a", "b", "c", "d"])
    assert M.betweenness(square)[0] == pytest.approx(dict.fromkeys("abcd", 0.5 / 3))


def test_betweenness_equals_networkx_exact_and_sampled() -> None:
    g = nx.gnm_random_graph(120, 200, seed=7)
    g.add_edges_from([(500, 501), (501, 502)])  # a second component
    g.add_node(600)  # and an isolated node
    exact, _ = M.betweenness(g)
    ref = nx.betweenness_centrality(g)
    assert max(abs(exact[v] - ref[v]) for v in g) < 1e-12
    sampled, sample = M.betweenness(g, k=30)
    assert sample is not None and len(sample) == 30
    ref = nx.betweenness_centrality(g, k=30, seed=M.SEED)
    assert max(abs(sampled[v] - ref[v]) for v in g) < 1e-12


def test_betweenness_sample_size() -> None:
    assert M.betweenness_sample_size(100, 150) is None
    k = M.betweenness_sample_size(17_000, 25_000)
    assert k is not None and M.MIN_BETWEENNESS_SAMPLE <= k < 17_000


def test_eigenvector_by_component() -> None:
    # a star with 3 leaves: eigenvalue sqrt(3), centre 1, leaves 1/sqrt(3); an isolated
    # pair: both 1 (each component is scaled to its own maximum)
    g = nx.star_graph(3)
    g.add_edge("x", "y")
    values = M.eigenvector_by_component(g, weight=None)
    assert values[0] == pytest.approx(1.0)
    for leaf in (1, 2, 3):
        assert values[leaf] == pytest.approx(1 / math.sqrt(3))
    assert values["x"] == values["y"] == 1.0


def test_eigenvector_of_a_large_component_uses_the_sparse_solver() -> None:
    g = nx.star_graph(500)  # above the dense limit
    values = M.eigenvector_by_component(g, weight=None)
    assert values[0] == pytest.approx(1.0)
    assert values[1] == pytest.approx(1 / math.sqrt(500), rel=1e-6)


def test_pagerank_of_a_star() -> None:
    # centre c and leaves l: l = 0.15/4 + 0.85 c/3 and c = 0.15/4 + 0.85 * 3 l
    # give c = 0.133125 / 0.2775 and l = (1 - c) / 3
    values = nx.pagerank(nx.star_graph(3))
    c = 0.133125 / 0.2775
    assert values[0] == pytest.approx(c, abs=1e-5)
    assert values[1] == pytest.approx((1 - c) / 3, abs=1e-5)


def test_louvain_and_modularity_of_two_triangles() -> None:
    # two triangles joined by one link: m = 7, each community has 3 inner links and a
    # degree sum of 7, so Q = 2 * (3/7 - (7/14)^2) = 5/14
    g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")])
    g.add_edge("c", "x")
    comms = M.louvain(g)
    assert sorted(map(sorted, comms)) == [["a", "b", "c"], ["x", "y", "z"]]
    assert M.modularity(g, comms) == pytest.approx(5 / 14)
    assert M.louvain(g) == comms  # the seed is fixed


def test_concentration() -> None:
    assert M.concentration({"japan": 1}) == (1.0, 0.0)
    share, entropy = M.concentration({"japan": 1, "korea": 1})
    assert (share, entropy) == (0.5, 1.0)
    assert M.concentration({}) == (None, None)


# --- a small hand-made world -------------------------------------------------------------------

TABLE = (
    "city,country,partner_city,partner_country,since,url\n"
    "Surabaya,Indonesia,Busan,South Korea,1994,https://example.org/a\n"
    "Surabaya,Indonesia,Kitakyushu,Japan,1997,\n"
    "Bandung,Indonesia,Braunschweig,Germany,1960,\n"
)


def _ent(slug: str) -> Entity:
    return default_gazetteer().records[slug].entity()


def _doc(doc_id: str, published: str) -> Document:
    return Document(
        doc_id=doc_id,
        text="(hand-made)",
        path=f"sources/{doc_id}.md",
        title=doc_id,
        published=published,
        language="id",
    )


def world_extractions(tmp_path: Path) -> list[Extraction]:
    """Three articles (Jambi and Singapore, Surabaya and Busan) and a table."""
    from graph.extract.tables import extract_table
    from graph.sources.load import load_sources

    ev = [Evidence(f"sentence {i}", i) for i in range(4)]
    a = Extraction(
        document=_doc("jambi-2019", "2019-02-15"),
        entities={
            s: _ent(s) for s in ("kota-jambi", "singapore", "singapore-cooperation-programme")
        },
        facts=[
            Fact("kota-jambi", "partnersWith", "singapore", ev[0]),
            Fact("kota-jambi", "sendsDelegationTo", "singapore", ev[1]),
            Fact("kota-jambi", "participatesIn", "singapore-cooperation-programme", ev[1]),
        ],
        activities=[
            Activity(
                type="Training",
                part_of="singapore-cooperation-programme",
                location="singapore",
                start="2019-02-17",
                participant_count=25,
                participants=["kota-jambi"],
                evidence=[ev[1]],
            )
        ],
    )
    b = Extraction(
        document=_doc("jambi-2023", "2023-05-13"),
        entities={s: _ent(s) for s in ("kota-jambi", "singapore", "denmark")},
        facts=[
            Fact("kota-jambi", "partnersWith", "singapore", ev[0]),
            Fact("kota-jambi", "sendsDelegationTo", "singapore", ev[1]),
            Fact("kota-jambi", "sendsDelegationTo", "denmark", ev[2]),
        ],
        activities=[
            Activity(
                type="Training",
                location="singapore",
                start="2023-05-15",
                participant_count=25,
                participants=["kota-jambi"],
                evidence=[ev[1]],
            )
        ],
    )
    c = Extraction(
        document=_doc("surabaya-2019", "2019-03-27"),
        entities={s: _ent(s) for s in ("kota-surabaya", "busan")},
        facts=[Fact("kota-surabaya", "partnersWith", "busan", ev[0])],
        qualified=[
            Qualified("Partnership", ("kota-surabaya", "busan"), since="1994", evidence=[ev[0]])
        ],
        activities=[
            Activity(
                type="Visit",
                location="kota-surabaya",
                start="2019-03-26",
                participants=["busan", "kota-surabaya"],
                evidence=[ev[0]],
            )
        ],
    )
    table = tmp_path / "twins.csv"
    table.write_text(TABLE, encoding="utf-8")
    loaded = load_sources([table])
    assert not loaded.problems, loaded.problems
    return resolve([a, b, c, extract_table(loaded.documents[0])])


@pytest.fixture
def world(tmp_path: Path) -> Dataset:
    return to_dataset(world_extractions(tmp_path))


@pytest.fixture
def world_metrics(world: Dataset) -> dict:
    return M.compute_metrics(world)


def actor(metrics: dict, slug: str) -> dict:
    return next(a for a in metrics["actors"] if a["actor"] == slug)


def test_projection_rows(world: Dataset) -> None:
    rows = M.query_runner(world)(M.actor_network_query())
    by_edge = {(M.slug_of(r["s"]), local_name(r["p"]), M.slug_of(r["o"])): r for r in rows}
    assert set(by_edge) == {
        ("kota-jambi", "partnersWith", "singapore"),
        ("kota-jambi", "sendsDelegationTo", "singapore"),
        ("kota-jambi", "sendsDelegationTo", "denmark"),
        ("kota-jambi", "participatesIn", "singapore-cooperation-programme"),
        ("kota-surabaya", "partnersWith", "busan"),
        ("kota-surabaya", "partnersWith", "kitakyushu"),
        ("kota-bandung", "partnersWith", "braunschweig"),
    }
    jambi_sg = by_edge[("kota-jambi", "partnersWith", "singapore")]
    # two articles state it; both trainings (in Singapore) support it, 25 people each
    assert (jambi_sg["sources"], jambi_sg["activities"], jambi_sg["participants"]) == (2, 2, 50)
    assert parse_years(jambi_sg["startYears"]) == [2019, 2023]
    assert parse_years(jambi_sg["reportYears"]) == [2019, 2023]
    # one Surabaya: the article and the table support the same link; since 1994
    sby = by_edge[("kota-surabaya", "partnersWith", "busan")]
    assert (sby["sources"], sby["activities"], sby["participants"]) == (2, 1, 0)
    assert parse_years(sby["startYears"]) == [1994, 2019]
    assert parse_years(sby["reportYears"]) == [2019]  # a table has no report year
    bdg = by_edge[("kota-bandung", "partnersWith", "braunschweig")]
    assert parse_years(bdg["startYears"]) == [1960] and parse_years(bdg["reportYears"]) == []


def test_rdflib_and_oxigraph_give_the_same_rows(world: Dataset) -> None:
    pytest.importorskip("pyoxigraph")

    def rows(engine: str, query: str) -> list:
        out = []
        for r in M.query_runner(world, engine)(query):
            r = dict(r)
            for col in ("startYears", "reportYears"):
                if col in r:
                    r[col] = parse_years(r[col])
            out.append(tuple(sorted((k, str(v)) for k, v in r.items())))
        return sorted(out)

    for query in (M.actor_network_query(), M.NODE_QUERY, M.ACTIVITY_QUERY):
        assert rows("oxigraph", query) == rows("rdflib", query)


def test_actor_metrics_by_hand(world_metrics: dict) -> None:
    jambi = actor(world_metrics, "kota-jambi")
    assert jambi["partners"] == ["Singapore"] and jambi["partner_count"] == 1
    assert jambi["partner_countries"] == ["singapore"]
    assert jambi["programmes"] == ["Singapore Cooperation Programme"]
    assert jambi["activities"] == 2
    # delegations: Singapore in two articles, Denmark in one
    assert (jambi["delegations_sent"], jambi["delegations_received"]) == (3, 0)
    assert jambi["delegations_to"] == ["Denmark", "Singapore"]
    assert jambi["people_sent"] == 50  # two trainings abroad, 25 each
    assert (jambi["first_year"], jambi["last_year"]) == (2019, 2023)
    # neighbours Singapore, SCP, Denmark; weights: partnersWith 2 + delegation 2, SCP 1,
    # Denmark 1
    assert (jambi["degree"], jambi["weighted_degree"]) == (3, 6.0)
    # Jambi is on the paths between its three neighbours: 3 of the 8 * 7 / 2 = 28 pairs
    # of the other actors of the network (networkx's normalisation)
    assert jambi["betweenness"] == pytest.approx(3 / 28, abs=1e-6)
    assert (jambi["activity_top_country_share"], jambi["activity_country_entropy"]) == (1.0, 0.0)
    singapore = actor(world_metrics, "singapore")
    assert singapore["delegations_received"] == 2 and singapore["delegations_from"] == [
        "Jambi City"
    ]
    assert singapore["activities"] == 2 and singapore["people_sent"] == 0

    surabaya = actor(world_metrics, "kota-surabaya")
    assert surabaya["partners"] == ["Busan", "Kitakyushu"]
    assert surabaya["partner_countries"] == ["japan", "south-korea"]
    assert surabaya["partner_top_country_share"] == 0.5
    assert surabaya["partner_country_entropy"] == 1.0
    assert (surabaya["first_year"], surabaya["last_year"]) == (1994, 2019)
    assert surabaya["people_sent"] == 0  # the visit was at home
    assert {y["year"]: y["new_partners"] for y in surabaya["by_year"]} == {
        1994: 1,
        1997: 1,
        2019: 0,
    }
    busan = actor(world_metrics, "busan")
    assert busan["country"] == "south-korea" and busan["activities"] == 1


def test_network_metrics_by_hand(world_metrics: dict) -> None:
    net = world_metrics["network"]
    # Jambi, Singapore, SCP, Denmark | Surabaya, Busan, Kitakyushu | Bandung, Braunschweig
    # 7 links, 6 linked pairs (Jambi and Singapore are partners and a delegation went)
    assert net["links"] == 7
    assert (net["nodes"], net["edges"], net["components"], net["largest_component"]) == (
        9,
        6,
        3,
        4,
    )
    assert net["density"] == pytest.approx(6 / 36, abs=1e-6)
    assert net["relations"] == {"participatesIn": 1, "partnersWith": 4, "sendsDelegationTo": 2}
    assert net["communities"] == 3  # each component is a community (stars and a pair)
    assert net["betweenness"] == "exact"
    assert net["activities"] == 3 and net["people_sent"] == 50
    assert sum(a["pagerank"] for a in world_metrics["actors"]) == pytest.approx(1.0, abs=1e-5)
    assert [a["rank"] for a in world_metrics["actors"]] == list(range(1, 10))
    assert world_metrics["actors"][0]["actor"] == "kota-jambi"


def test_years_by_hand(world_metrics: dict) -> None:
    years = {y["year"]: y for y in world_metrics["years"]}
    assert sorted(years) == [1960, 1994, 1997, 2019, 2023]
    assert [years[y]["new_partnerships"] for y in sorted(years)] == [1, 1, 1, 1, 0]
    assert [years[y]["cumulative_partnerships"] for y in sorted(years)] == [1, 2, 3, 4, 4]
    assert (years[2019]["activities"], years[2019]["people_sent"]) == (2, 25)
    assert (years[2023]["cumulative_activities"], years[2023]["cumulative_people_sent"]) == (3, 50)
    # the network at the end of 1997: Bandung-Braunschweig, Surabaya-Busan, -Kitakyushu
    assert (years[1997]["nodes"], years[1997]["edges"], years[1997]["components"]) == (5, 3, 2)
    assert years[2023]["nodes"] == 9


def test_metrics_as_of_a_year(world: Dataset) -> None:
    m = M.compute_metrics(world, year=2000)
    assert {a["actor"] for a in m["actors"]} == {
        "kota-surabaya",
        "busan",
        "kitakyushu",
        "kota-bandung",
        "braunschweig",
    }
    assert m["network"]["year"] == 2000
    assert any("end of 2000" in note for note in m["network"]["notes"])
    surabaya = actor(m, "kota-surabaya")
    assert surabaya["last_year"] == 1997 and surabaya["activities"] == 0
    assert [y["year"] for y in m["years"]] == [1960, 1994, 1997]


def test_sampled_betweenness_is_said(world: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    m = M.compute_metrics(world, betweenness_k=3)
    assert m["network"]["betweenness"] == f"sampled (k=3, seed={M.SEED})"
    assert any("estimated from 3 of 9 actors" in note for note in m["network"]["notes"])
    assert "estimated from 3 of 9" in M.to_table(m)


def test_empty_network(tmp_path: Path) -> None:
    m = M.compute_metrics(Graph())
    assert m["network"]["nodes"] == 0 and m["actors"] == [] and m["edges"] == []
    assert "0 actors" in M.to_table(m)
    assert M.to_csv(m).count("\n") == 1
    nx.read_graphml(io.BytesIO(M.to_graphml(m).encode()))


# --- outputs -----------------------------------------------------------------------------------


def test_csv_and_json(world_metrics: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(M.to_csv(world_metrics))))
    assert len(rows) == 9 and rows[0]["actor"] == "kota-jambi"
    assert rows[0]["delegations_to"] == "Denmark; Singapore"
    data = json.loads(M.to_json(world_metrics))
    assert set(data) == {"network", "years", "actors", "edges"}


def test_table_and_card(world_metrics: dict) -> None:
    table = M.to_table(world_metrics, top=2)
    assert "Jambi City" in table and "(2 of 9 actors" in table
    assert "per year" in table
    card = M.actor_card(world_metrics, M.find_actor(world_metrics, "Kota Surabaya"))
    assert "Busan; Kitakyushu" in card and "rank by PageRank" in card


def test_find_actor(world_metrics: dict) -> None:
    assert M.find_actor(world_metrics, "kmr:kota-jambi")["actor"] == "kota-jambi"
    assert M.find_actor(world_metrics, "KOTA JAMBI")["actor"] == "kota-jambi"  # id label
    assert M.find_actor(world_metrics, "kitaky")["actor"] == "kitakyushu"  # unique part
    assert M.find_actor(world_metrics, "kota") is None  # ambiguous
    assert M.find_actor(world_metrics, "atlantis") is None


def test_graphml_and_gexf(world_metrics: dict) -> None:
    g = nx.read_graphml(io.BytesIO(M.to_graphml(world_metrics).encode()))
    assert g.number_of_nodes() == 9 and g.number_of_edges() == 7
    jambi = g.nodes["kota-jambi"]
    assert jambi["label"] == "Jambi City" and jambi["people_sent"] == 50
    assert jambi["pagerank"] == actor(world_metrics, "kota-jambi")["pagerank"]
    relations = {d["relation"] for *_, d in g.edges(data=True)}
    assert relations == {"partnersWith", "sendsDelegationTo", "participatesIn"}
    gx = nx.read_gexf(io.BytesIO(M.to_gexf(world_metrics).encode()))
    assert gx.number_of_nodes() == 9 and gx.number_of_edges() == 7


def test_metrics_graph_ranks_by_sparql_and_validates(world: Dataset, world_metrics: dict) -> None:
    from graph.rdf.triples import union_graph
    from graph.rdf.validate import validate
    from graph.sparql.query import run_query

    M.add_metrics_graph(world, world_metrics)
    assert len(world.graph(M.METRICS_GRAPH)) > 0
    union = union_graph(world)
    rows = list(
        run_query(
            union,
            "SELECT ?a ?pr WHERE { ?m km:metricsOf ?a ; km:pagerank ?pr } ORDER BY DESC(?pr)",
        )
    )
    assert str(rows[0][0]) == iri("kota-jambi") and len(rows) == 9
    report = validate(union)
    assert report.conforms, report.text()
    # the shapes do check the metric nodes
    union.add((URIRef(iri("metrics/actor/kota-jambi")), URIRef(KM + "pagerank"), Literal("high")))
    assert not validate(union).conforms


def test_metric_terms_are_declared_in_the_ontology() -> None:
    from rdflib import OWL, RDF, SKOS
    from rdflib.namespace import RDFS

    from graph.resources import ontology_dir

    onto = Graph().parse(ontology_dir() / "kotamitra.ttl")
    for term in M.metric_terms():
        node = URIRef(KM + term)
        kinds = set(onto.objects(node, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        langs = {lbl.language for lbl in onto.objects(node, RDFS.label)}
        assert {"en", "id"} <= langs, term
        assert {d.language for d in onto.objects(node, SKOS.definition)} >= {"en", "id"}, term


def test_metrics_are_deterministic(world: Dataset) -> None:
    assert M.compute_metrics(world) == M.compute_metrics(world)


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def world_dir(tmp_path: Path) -> Path:
    from graph.rdf.triples import build_graph
    from graph.rdf.write import write_rdf_files

    out = tmp_path / "built"
    out.mkdir(parents=True, exist_ok=True)
    write_rdf_files(build_graph(world_extractions(tmp_path)), out)
    return out


def run(*args: object):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["metrics", *map(str, args)], catch_exceptions=False)
    return result


def test_cli_table_top_and_year(world_dir: Path) -> None:
    result = run("--graph", world_dir, "--top", "2")
    assert result.exit_code == 0, result.output
    assert "Jambi City" in result.stdout and "(2 of 9 actors" in result.stdout
    result = run("--graph", world_dir, "--year", "1997")
    assert result.exit_code == 0
    assert "at the end of 1997: 5 actors" in result.stdout
    assert "Jambi" not in result.stdout


def test_cli_actor_card_and_unknown_actor(world_dir: Path) -> None:
    result = run("--graph", world_dir, "--actor", "Surabaya City")
    assert result.exit_code == 0
    assert "Busan; Kitakyushu" in result.stdout and "partner countries" in result.stdout
    result = CliRunner().invoke(main, ["metrics", "--graph", str(world_dir), "--actor", "xyz"])
    assert result.exit_code == 2 and "xyz" in result.stderr
    result = CliRunner().invoke(main, ["metrics", "--graph", str(world_dir), "--top", "0"])
    assert result.exit_code == 2


def test_cli_formats(world_dir: Path) -> None:
    data = json.loads(run("--graph", world_dir, "--format", "json", "--top", "3").stdout)
    assert len(data["actors"]) == 3 and data["network"]["nodes"] == 9
    rows = list(csv.DictReader(io.StringIO(run("--graph", world_dir, "--format", "csv").stdout)))
    assert len(rows) == 9
    ego = run("--graph", world_dir, "--format", "graphml", "--actor", "kota-jambi").stdout
    g = nx.read_graphml(io.BytesIO(ego.encode()))
    assert set(g) == {"kota-jambi", "singapore", "denmark", "singapore-cooperation-programme"}
    gexf = run("--graph", world_dir, "--format", "gexf").stdout
    assert nx.read_gexf(io.BytesIO(gexf.encode())).number_of_nodes() == 9


def test_build_writes_the_metrics_everywhere(tmp_path: Path) -> None:
    from graph.pipeline.build import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "twins.csv").write_text(TABLE, encoding="utf-8")
    (src / "surabaya.md").write_text(
        "---\ntitle: Surabaya dan Busan\npublished: 2019-03-27\nlanguage: id\n---\n"
        "Kerja sama sister city antara Surabaya dan Busan telah berjalan sejak tahun 1994.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    report = build([src], out, with_viz=False, with_store=False)
    assert not report.problems, report.problems
    for name in M.EXPORT_FILES:
        assert (out / name).is_file(), name
    # the metrics' own named graph is in metrics.trig (and the store), while graph.trig
    # keeps exactly one named graph per source document
    ds = Dataset()
    ds.parse(out / "metrics.trig", format="trig")
    assert str(M.METRICS_GRAPH) in {str(g.identifier) for g in ds.graphs()}
    facts = Dataset()
    facts.parse(out / "graph.trig", format="trig")
    assert str(M.METRICS_GRAPH) not in {str(g.identifier) for g in facts.graphs()}
    data = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    surabaya = actor(data, "kota-surabaya")
    assert surabaya["partners"] == ["Busan", "Kitakyushu"]
    # one Surabaya, one Busan: the article and the table meet on the same link
    link = next(
        e for e in data["edges"] if {e["source"], e["target"]} == {"kota-surabaya", "busan"}
    )
    assert link["sources"] == 2


# --- cross-check against igraph on a real twin-town network ------------------------------------


def twin_town_network(shared: Path, rows: int) -> nx.Graph:
    """The undirected network of the first ``rows`` rows of the Wikipedia twin towns."""
    from graph.extract.tables import extract_table
    from graph.sources.tables import parse_table

    path = shared / "data" / "sister-cities-wikipedia" / "twin_cities_raw.csv"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    text = path.read_text(encoding="utf-8")
    head = "".join(text.splitlines(keepends=True)[: rows + 1])
    doc, _ = parse_table(head, str(path), "twin-cities")
    ex = extract_table(doc)
    g = nx.Graph()
    for f in ex.facts:
        if g.has_edge(f.subject, f.object):
            g[f.subject][f.object]["weight"] += 1
        else:
            g.add_edge(f.subject, f.object, weight=1)
    return g


def test_cross_check_with_igraph(shared_dir: Path) -> None:
    ig = pytest.importorskip("igraph")
    g = twin_town_network(shared_dir, 3000)
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
    h.es["weight"] = [d["weight"] for *_, d in g.edges(data=True)]
    n = len(nodes)
    # components
    ours = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    assert sorted(h.connected_components().sizes(), reverse=True) == ours
    # exact betweenness (igraph counts unordered pairs: normalise by (n-1)(n-2)/2)
    btw, _ = M.betweenness(g)
    theirs = h.betweenness(directed=False)
    scale = 2 / ((n - 1) * (n - 2))
    assert max(abs(btw[v] - theirs[index[v]] * scale) for v in nodes) < 1e-9
    # PageRank, weighted
    pr = nx.pagerank(g, weight="weight", tol=1e-10)
    theirs = h.pagerank(weights="weight", damping=0.85)
    assert max(abs(pr[v] - theirs[index[v]]) for v in nodes) < 1e-6
    # eigenvector centrality, component by component
    eig = M.eigenvector_by_component(g)
    for comp in h.connected_components():
        if len(comp) < 3:
            continue
        sub = h.subgraph(comp)
        values = sub.eigenvector_centrality(weights="weight", scale=True)
        for local, vid in enumerate(comp):
            assert eig[nodes[vid]] == pytest.approx(values[local], abs=1e-6)
    # modularity of our Louvain partition, computed by igraph
    comms = M.louvain(g)
    membership = [0] * n
    for i, c in enumerate(comms):
        for v in c:
            membership[index[v]] = i
    assert h.modularity(membership, weights="weight") == pytest.approx(
        M.modularity(g, comms), abs=1e-9
    )
    # and igraph's own Louvain finds about as good a partition
    assert h.community_multilevel(weights="weight").modularity == pytest.approx(
        M.modularity(g, comms), abs=0.03
    )
