"""The store, the SPARQL endpoint (tested with SPARQLWrapper, a client we did not write)
and pushing to a real Oxigraph server."""

from __future__ import annotations

import concurrent.futures
import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.pipeline.build import build
from graph.sparql.serve import make_server
from graph.sparql.store import StoreError, open_store, run, store_path

REPO = Path(__file__).resolve().parent.parent
PARTNERS = "SELECT DISTINCT ?p WHERE { kmr:kota-jambi km:partnersWith ?p } ORDER BY ?p"
EXPECTED = [
    "https://w3id.org/kotamitra/id/iclei",
    "https://w3id.org/kotamitra/id/singapore",
    "https://w3id.org/kotamitra/id/temasek-polytechnic-singapore",
    "https://w3id.org/kotamitra/id/uclg-aspac",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    build([REPO / "sources"], out, with_metrics=False, with_viz=False)
    return out


@pytest.fixture(scope="module")
def endpoint(built: Path) -> Iterator[str]:
    server = make_server(built, "127.0.0.1", 0, timeout=60.0, workers=8)  # loaded CI machines
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/sparql"
    server.shutdown()
    server.server_close()


def _post(url: str, data: bytes, ctype: str, accept: str = "*/*") -> tuple[int, bytes, dict]:
    req = urllib.request.Request(url, data=data, headers={"Content-Type": ctype, "Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), dict(exc.headers)


def test_build_writes_a_store_that_answers(built: Path) -> None:
    assert store_path(built) == built / "store"
    result = run(open_store(built), PARTNERS)
    assert [s["p"].value for s in result] == EXPECTED


def test_store_refuses_updates_and_service(built: Path) -> None:
    store = open_store(built)
    with pytest.raises(StoreError, match="UPDATE"):
        run(store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(StoreError, match="SERVICE"):
        run(store, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")


def test_sparqlwrapper_get_and_post(endpoint: str) -> None:
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    for method in (SPARQLWrapper.GET, SPARQLWrapper.POST):
        client = SPARQLWrapper.SPARQLWrapper(endpoint)
        client.setMethod(method)
        client.setReturnFormat(SPARQLWrapper.JSON)
        client.setQuery(PARTNERS)
        data = client.query().convert()
        assert [b["p"]["value"] for b in data["results"]["bindings"]] == EXPECTED


def test_sparqlwrapper_construct_as_turtle(endpoint: str) -> None:
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
    client = SPARQLWrapper.SPARQLWrapper(endpoint)
    client.setQuery(
        "CONSTRUCT { kmr:kota-jambi km:partnersWith ?p } "
        "WHERE { kmr:kota-jambi km:partnersWith ?p }"
    )
    client.setReturnFormat(SPARQLWrapper.TURTLE)
    graph = client.queryAndConvert()
    text = graph.decode() if isinstance(graph, bytes) else graph.serialize(format="turtle")
    assert "partnersWith" in text and "singapore" in text


@pytest.mark.parametrize(
    ("accept", "media", "first_line"),
    [
        ("text/csv", "text/csv", "p"),
        ("text/tab-separated-values", "text/tab-separated-values", "?p"),
        ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
    ],
)
def test_content_negotiation(endpoint: str, accept: str, media: str, first_line: str) -> None:
    body = urllib.parse.urlencode({"query": PARTNERS}).encode()
    status, data, headers = _post(endpoint, body, "application/x-www-form-urlencoded", accept)
    assert status == 200
    assert headers["Content-Type"].startswith(media)
    assert data.decode().splitlines()[0].startswith(first_line)
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_direct_post_body(endpoint: str) -> None:
    status, data, _ = _post(
        endpoint, PARTNERS.encode(), "application/sparql-query", "application/sparql-results+json"
    )
    assert status == 200
    assert [b["p"]["value"] for b in json.loads(data)["results"]["bindings"]] == EXPECTED


@pytest.mark.parametrize(
    ("data", "ctype"),
    [
        (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        (
            urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
            "application/x-www-form-urlencoded",
        ),
        (
            urllib.parse.urlencode({"query": "LOAD <http://example.org/x.ttl>"}).encode(),
            "application/x-www-form-urlencoded",
        ),
        (
            b"SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
            "application/sparql-query",
        ),
    ],
)
def test_writes_and_federation_are_refused(endpoint: str, data: bytes, ctype: str) -> None:
    status, body, _ = _post(endpoint, data, ctype)
    assert status == 403, body
    assert b"not allowed" in body


def test_fifty_concurrent_queries_all_correct(endpoint: str) -> None:
    def ask(i: int) -> list[str]:
        if i % 2:  # half form-encoded, half direct body
            data, ctype = (
                urllib.parse.urlencode({"query": PARTNERS}).encode(),
                "application/x-www-form-urlencoded",
            )
        else:
            data, ctype = PARTNERS.encode(), "application/sparql-query"
        status, body, _ = _post(endpoint, data, ctype, "application/sparql-results+json")
        assert status == 200
        return [b["p"]["value"] for b in json.loads(body)["results"]["bindings"]]

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        answers = list(pool.map(ask, range(50)))
    assert answers == [EXPECTED] * 50


def test_slow_query_times_out_without_blocking_others(built: Path) -> None:
    server = make_server(built, "127.0.0.1", 0, timeout=1.0, workers=4)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://{}:{}/sparql".format(*server.server_address[:2])
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            started = time.monotonic()
            slow_future = pool.submit(_post, url, slow.encode(), "application/sparql-query")
            time.sleep(0.1)
            fast = _post(
                url,
                PARTNERS.encode(),
                "application/sparql-query",
                "application/sparql-results+json",
            )
            fast_done = time.monotonic() - started
            status, body, _ = slow_future.result()
        assert fast[0] == 200 and fast_done < 1.0
        assert status == 503 and b"timed out" in body
    finally:
        server.shutdown()
        server.server_close()


def test_cli_query_uses_the_store_with_params(built: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["query", "partners", "--graph", str(built), "--param", "lg=kota-medan", "--format", "csv"],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("partner,")
    assert lines[1].startswith("https://w3id.org/kotamitra/id/gwangju,")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("oxigraph") or str(Path(__import__("sys").executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
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
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_push_to_a_real_oxigraph_server_is_idempotent(built: Path, oxigraph_server: str) -> None:
    runner = CliRunner()
    for _ in range(2):  # pushing twice replaces the graphs, never duplicates them
        result = runner.invoke(
            main, ["push", "--graph", str(built), "--endpoint", oxigraph_server + "/store"]
        )
        assert result.exit_code == 0, result.output
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    local = int(next(iter(run(open_store(built), count)))["n"].value)
    result = runner.invoke(
        main, ["query", count, "--endpoint", oxigraph_server + "/query", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    remote = int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])
    assert remote == local
    in_graphs = (
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { kmr:kota-jambi km:partnersWith ?p } } ORDER BY ?p"
    )
    result = runner.invoke(
        main, ["query", in_graphs, "--endpoint", oxigraph_server + "/query", "--format", "json"]
    )
    assert [b["p"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]] == EXPECTED


def test_build_push_sends_the_graph_to_a_server(tmp_path: Path, oxigraph_server: str) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(REPO / "sources"),
            "-o",
            str(out),
            "--no-viz",
            "--no-metrics",
            "--push",
            oxigraph_server + "/store",
        ],
    )
    assert result.exit_code == 0, result.output
    # 22 articles, the Wikidata reference table, the ontology, the entailments, the dates
    # and the default graph
    assert "pushed 27 graph(s)" in result.output
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    local = int(next(iter(run(open_store(out), count)))["n"].value)
    result = CliRunner().invoke(
        main, ["query", count, "--endpoint", oxigraph_server + "/query", "--format", "json"]
    )
    assert int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"]) == local


def test_build_push_to_a_dead_endpoint_keeps_the_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(REPO / "sources"),
            "-o",
            str(out),
            "--no-viz",
            "--no-metrics",
            "--push",
            "http://127.0.0.1:9/store",
        ],
    )
    assert result.exit_code == 2  # could not run (the push)
    assert "the build is written, but pushing failed" in result.output
    assert (out / "graph.trig").is_file()
