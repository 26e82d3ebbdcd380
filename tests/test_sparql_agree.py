"""One answer on every engine: every shipped query and our own edge cases give equal
results on the build's Oxigraph store, on rdflib over the graph files, and on a real
``oxigraph serve --union-default-graph`` after ``kotamitra push``."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.cli import main
from graph.pipeline.build import build
from graph.sparql.query import run_user_query, shipped_queries

REPO = Path(__file__).resolve().parent.parent
UNION = ["--union-default-graph"]  # the setting the README gives for Oxigraph
NO_ENT = ["--no-entailments"]

# Our own edge cases: dates of each precision compared with each other (through the
# first-day dates the build adds), language tags, OPTIONAL/UNION, aggregates, classes.
# Rows that one triple stated in several documents would repeat are made DISTINCT:
# Oxigraph's union default graph is a bag (a triple in two named graphs matches twice),
# the store's default graph and rdflib's union are sets.
EDGE_CASES = {
    "class-closure": "SELECT DISTINCT ?x WHERE { ?x a km:LocalGovernment }",
    "class-closure-count": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a km:Organization }",
    "symmetric": "SELECT DISTINCT ?x WHERE { kmr:singapore km:partnersWith ?x }",
    "subproperty": "SELECT DISTINCT ?a ?b WHERE { ?a <http://www.w3.org/ns/org#headOf> ?b }",
    "since-before-2000": """SELECT DISTINCT ?p ?since WHERE {
        ?p km:since ?since ; km:sinceFirstDay ?d FILTER(?d < "2000-01-01"^^xsd:date) }""",
    "dates-compared-across-precisions": """SELECT DISTINCT ?a ?b WHERE {
        ?a km:startFirstDay ?da . ?b km:sinceFirstDay ?db . FILTER(?da > ?db) }""",
    "dates-per-precision": """SELECT ?dt (COUNT(*) AS ?n) WHERE {
        { ?x km:since ?d } UNION { ?x km:startDate ?d } UNION { ?x km:endDate ?d }
        BIND(DATATYPE(?d) AS ?dt) } GROUP BY ?dt""",
    "year-of-any-precision": """SELECT DISTINCT ?x (YEAR(?d) AS ?y) WHERE {
        ?x km:startFirstDay ?d }""",
    "language-tags": """SELECT DISTINCT ?x ?l WHERE { ?x a km:Country ; rdfs:label ?l
        FILTER(LANGMATCHES(LANG(?l), "id")) }""",
    "no-language": 'SELECT DISTINCT ?x ?l WHERE { ?x skos:altLabel ?l FILTER(LANG(?l) = "") }',
    "optional-union": """SELECT DISTINCT ?lg ?partner ?since WHERE {
        { ?lg km:partnersWith ?partner } UNION { ?partner km:partnersWith ?lg }
        ?lg km:kemendagriCode ?code .
        OPTIONAL { ?n a km:Partnership ; km:partner ?lg, ?partner ; km:since ?since } }""",
    "aggregates": """SELECT ?unit (COUNT(*) AS ?n) (MIN(?q) AS ?min) (MAX(?q) AS ?max)
        (SUM(?q) AS ?sum) WHERE { ?c a km:Claim ; km:unit ?unit ; km:quantity ?q }
        GROUP BY ?unit""",
    "ask": "ASK { kmr:kota-jambi km:partnersWith kmr:singapore }",
    "not-exists": """SELECT DISTINCT ?x WHERE { ?x a km:CityGovernment
        FILTER NOT EXISTS { ?x km:kemendagriCode ?c } }""",
    "construct": "CONSTRUCT { ?a km:partnersWith ?b } WHERE { ?a km:partnersWith ?b }",
    "ontology-graph": """SELECT ?c ?l WHERE { GRAPH <https://w3id.org/kotamitra/id/graph/ontology> {
        ?c rdfs:subClassOf km:LocalGovernment ; rdfs:label ?l } }""",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("agree")
    build([REPO / "sources"], out, with_metrics=False, with_viz=False)
    return out


@pytest.fixture(scope="module")
def oxigraph_endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    port = _free_port()
    db = tmp_path_factory.mktemp("oxigraph-db")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(db), "--bind", f"127.0.0.1:{port}", *UNION],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph server did not start")
        result = CliRunner().invoke(
            main, ["push", "--graph", str(built), "--endpoint", base + "/store"]
        )
        assert result.exit_code == 0, result.output
        yield base + "/query"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _term(t: dict[str, str]) -> tuple[str, ...]:
    if t["type"] == "bnode":
        return ("bnode",)
    dtype = t.get("datatype", "")
    if dtype == "http://www.w3.org/2001/XMLSchema#string":
        dtype = ""
    return (t["type"].replace("typed-literal", "literal"), t["value"], dtype, t.get("xml:lang", ""))


def _normal(text: str, unordered: set[str] = frozenset()) -> object:  # type: ignore[assignment]
    """A result as something comparable: rows as a multiset, or a graph, or a boolean.
    The values of ``unordered`` variables (GROUP_CONCAT, whose order SPARQL leaves to
    the engine) are compared as sorted lists."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        data = json.loads(text)
        if "boolean" in data:
            return data["boolean"]
        rows = []
        for b in data["results"]["bindings"]:
            for k in unordered & set(b):
                b[k]["value"] = " ".join(sorted(b[k]["value"].split(" ")))
            rows.append(tuple(sorted((k, _term(v)) for k, v in b.items())))
        return Counter(rows)
    return Graph().parse(data=text, format="turtle")


def _answers(name: str, query: str, built: Path, endpoint: str | None) -> dict[str, object]:
    fmt = "turtle" if query.lstrip().upper().startswith(("CONSTRUCT", "DESCRIBE")) else "json"
    if name in shipped_queries():
        fmt = "turtle" if "CONSTRUCT" in query.split("WHERE")[0] else "json"
    engines = {"store": built, "rdflib": built / "graph.trig"}
    concat = set(re.findall(r"GROUP_CONCAT\([^)]*\)\s+AS\s+\?(\w+)", query, re.I))
    out = {e: _normal(run_user_query(query, g, fmt=fmt), concat) for e, g in engines.items()}
    if endpoint:
        remote = run_user_query(query, fmt=fmt, endpoint=endpoint)
        out["oxigraph serve"] = _normal(remote, concat)
    return out


def _assert_same(answers: dict[str, object], empty_ok: bool = False) -> None:
    store = answers["store"]
    assert store or empty_ok, "the store found nothing: the case tests nothing"
    for engine, answer in answers.items():
        if isinstance(store, Graph):
            assert isinstance(answer, Graph) and isomorphic(store, answer), engine
        else:
            assert answer == store, (engine, answer, store)


@pytest.mark.parametrize("name", sorted(shipped_queries()))
def test_shipped_queries_agree(name: str, built: Path, oxigraph_endpoint: str) -> None:
    query = shipped_queries()[name].read_text(encoding="utf-8")
    _assert_same(_answers(name, query, built, oxigraph_endpoint), empty_ok=True)


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_agree(name: str, built: Path, oxigraph_endpoint: str) -> None:
    _assert_same(_answers(name, EDGE_CASES[name], built, oxigraph_endpoint))


def test_every_local_government_is_found_by_its_superclass(built: Path) -> None:
    typed = json.loads(
        run_user_query(
            "SELECT DISTINCT ?x WHERE { VALUES ?c { km:CityGovernment km:RegencyGovernment "
            "km:ProvincialGovernment } GRAPH ?g { ?x a ?c } "
            "FILTER(?g != <https://w3id.org/kotamitra/id/graph/entailments>) }",
            built,
            fmt="json",
        )
    )
    members = json.loads(
        run_user_query("SELECT DISTINCT ?x WHERE { ?x a km:LocalGovernment }", built, fmt="json")
    )
    sub = {b["x"]["value"] for b in typed["results"]["bindings"]}
    found = {b["x"]["value"] for b in members["results"]["bindings"]}
    assert len(sub) > 10 and sub <= found


def test_no_entailments_leaves_them_out(tmp_path: Path) -> None:
    out = tmp_path / "plain"
    result = CliRunner().invoke(
        main,
        ["build", str(REPO / "sources"), "-o", str(out), "--no-viz", "--no-metrics", *NO_ENT],
    )
    assert result.exit_code == 0, result.output
    ask = "ASK { GRAPH <https://w3id.org/kotamitra/id/graph/entailments> { ?s ?p ?o } }"
    assert run_user_query(ask, out) == "no\n"
    # the normalised dates and the ontology stay: they are not entailments
    assert run_user_query("ASK { ?x km:sinceFirstDay ?d }", out) == "yes\n"
    # Indonesian governments are typed by their level (km:CityGovernment…); only the
    # entailments would add km:LocalGovernment to them
    lgs = (
        "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a km:LocalGovernment ; km:kemendagriCode ?c }"
    )
    assert (
        int(
            json.loads(run_user_query(lgs, out, fmt="json"))["results"]["bindings"][0]["n"]["value"]
        )
        < 5
    )
