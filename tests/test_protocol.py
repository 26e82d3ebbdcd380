"""The SPARQL 1.1 Protocol, query part: the cases of the W3C protocol test suite
(https://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/), written here as our
own tests against ``kotamitra serve``. The update cases are refused on purpose: the
endpoint is read-only (403 for every update, by GET, form or direct POST)."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.pipeline.build import build
from graph.sparql.serve import make_server

REPO = Path(__file__).resolve().parent.parent
KMR = "https://w3id.org/kotamitra/id/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
FORM = "application/x-www-form-urlencoded"
JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("protocol")
    build([REPO / "sources"], out, with_metrics=False, with_viz=False)
    server = make_server(out, "127.0.0.1", 0, timeout=60.0, workers=4)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/sparql"
    server.shutdown()
    server.server_close()


def _call(
    url: str,
    method: str = "GET",
    data: bytes | None = None,
    ctype: str | None = None,
    accept: str = JSON,
) -> tuple[int, bytes, str]:
    headers = {"Accept": accept}
    if ctype:
        headers["Content-Type"] = ctype
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read(), r.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), exc.headers.get("Content-Type", "")


def _q(pairs: list[tuple[str, str]]) -> str:
    return urllib.parse.urlencode(pairs)


def _count(body: bytes) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def _graphs(endpoint: str) -> list[str]:
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a <https://schema.org/NewsArticle> } }"
    status, body, _ = _call(endpoint + "?" + _q([("query", q)]))
    assert status == 200
    return sorted(b["g"]["value"] for b in json.loads(body)["results"]["bindings"])


def _size(endpoint: str, graph: str) -> int:
    q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return _count(_call(endpoint + "?" + _q([("query", q)]))[1])


# --- query_get, query_post_form, query_post_direct ------------------------------------------


def test_query_get_post_form_and_post_direct_agree(endpoint: str) -> None:
    a = _call(endpoint + "?" + _q([("query", COUNT)]))
    b = _call(endpoint, "POST", _q([("query", COUNT)]).encode(), FORM)
    c = _call(endpoint, "POST", COUNT.encode(), "application/sparql-query")
    assert a[0] == b[0] == c[0] == 200
    assert _count(a[1]) == _count(b[1]) == _count(c[1]) > 1000


# --- datasets --------------------------------------------------------------------------------


def test_query_dataset_default_graph(endpoint: str) -> None:
    g = _graphs(endpoint)[0]
    status, body, _ = _call(endpoint + "?" + _q([("query", COUNT), ("default-graph-uri", g)]))
    assert status == 200 and _count(body) == _size(endpoint, g) > 0


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_query_dataset_default_graphs(endpoint: str, method: str) -> None:
    g1, g2 = _graphs(endpoint)[:2]
    pairs = [("query", COUNT), ("default-graph-uri", g1), ("default-graph-uri", g2)]
    if method == "GET":
        status, body, _ = _call(endpoint + "?" + _q(pairs))
    else:
        status, body, _ = _call(endpoint, "POST", _q(pairs).encode(), FORM)
    assert status == 200
    merged = _count(body)
    assert max(_size(endpoint, g1), _size(endpoint, g2)) < merged
    assert merged <= _size(endpoint, g1) + _size(endpoint, g2)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_query_dataset_named_graphs(endpoint: str, method: str) -> None:
    g1, g2, g3 = _graphs(endpoint)[:3]
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    pairs = [("query", q), ("named-graph-uri", g1), ("named-graph-uri", g2)]
    if method == "GET":
        status, body, _ = _call(endpoint + "?" + _q(pairs))
    else:
        status, body, _ = _call(endpoint, "POST", _q(pairs).encode(), FORM)
    assert status == 200
    found = {b["g"]["value"] for b in json.loads(body)["results"]["bindings"]}
    assert found == {g1, g2} and g3 not in found


def test_query_dataset_full(endpoint: str) -> None:
    g1, g2 = _graphs(endpoint)[:2]
    q = "SELECT ?what (COUNT(*) AS ?n) WHERE { { ?s ?p ?o BIND('d' AS ?what) } UNION "
    q += "{ GRAPH ?g { ?s ?p ?o } BIND(STR(?g) AS ?what) } } GROUP BY ?what"
    pairs = [("query", q), ("default-graph-uri", g1), ("named-graph-uri", g2)]
    status, body, _ = _call(endpoint + "?" + _q(pairs))
    assert status == 200
    counts = {
        b["what"]["value"]: int(b["n"]["value"]) for b in json.loads(body)["results"]["bindings"]
    }
    assert counts == {"d": _size(endpoint, g1), g2: _size(endpoint, g2)}


def test_query_multiple_dataset_protocol_overrides_from(endpoint: str) -> None:
    g1, g2 = _graphs(endpoint)[:2]
    q = f"SELECT (COUNT(*) AS ?n) FROM <{g2}> WHERE {{ ?s ?p ?o }}"
    status, body, _ = _call(endpoint + "?" + _q([("query", q), ("default-graph-uri", g1)]))
    assert status == 200 and _count(body) == _size(endpoint, g1)


def test_an_unknown_default_graph_is_an_empty_dataset(endpoint: str) -> None:
    pairs = [("query", COUNT), ("default-graph-uri", KMR + "graph/no-such-graph")]
    status, body, _ = _call(endpoint + "?" + _q(pairs))
    assert status == 200 and _count(body) == 0


# --- content types ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "accept", "media"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", JSON, JSON),
        ("ASK { ?s ?p ?o }", "application/sparql-results+xml", "application/sparql-results+xml"),
        (f"DESCRIBE <{KMR}kota-jambi>", "text/turtle", "text/turtle"),
        ("CONSTRUCT WHERE { ?s a ?o } LIMIT 1", "application/n-triples", "application/n-triples"),
    ],
)
def test_query_content_type(endpoint: str, query: str, accept: str, media: str) -> None:
    status, body, ctype = _call(endpoint + "?" + _q([("query", query)]), accept=accept)
    assert status == 200 and ctype.startswith(media) and body


# --- bad requests ----------------------------------------------------------------------------


def test_bad_query_method(endpoint: str) -> None:
    status, _, _ = _call(endpoint + "?" + _q([("query", COUNT)]), "PUT", b"", FORM)
    assert 400 <= status < 500


def test_bad_multiple_queries(endpoint: str) -> None:
    pairs = [("query", "ASK { }"), ("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1")]
    assert _call(endpoint + "?" + _q(pairs))[0] == 400
    assert _call(endpoint, "POST", _q(pairs).encode(), FORM)[0] == 400
    direct = _call(endpoint + "?" + _q(pairs[:1]), "POST", b"ASK {}", "application/sparql-query")
    assert direct[0] == 400


def test_bad_query_wrong_media_type(endpoint: str) -> None:
    assert 400 <= _call(endpoint, "POST", b"ASK {}", "text/plain")[0] < 500


@pytest.mark.parametrize("body", [_q([("query", "ASK {}")]).encode(), b"ASK {}"])
def test_bad_query_missing_form_type_and_direct_type(endpoint: str, body: bytes) -> None:
    import http.client

    url = urllib.parse.urlsplit(endpoint)
    conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=30)
    conn.putrequest("POST", url.path)  # no Content-Type (urllib would add a form type)
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    status = conn.getresponse().status
    conn.close()
    assert 400 <= status < 500


def test_bad_query_non_utf8(endpoint: str) -> None:
    body = 'ASK { ?s ?p "caf\xe9" }'.encode("latin-1")
    assert _call(endpoint, "POST", body, "application/sparql-query")[0] == 400


def test_bad_query_syntax_is_400_with_the_line_and_a_caret(endpoint: str) -> None:
    status, body, _ = _call(endpoint + "?" + _q([("query", "SELECT ?s WHERE { ?s ?p }")]))
    assert status == 400
    assert "line 1" in body.decode() and "^" in body.decode()


@pytest.mark.parametrize(
    ("how", "make"),
    [
        ("get", lambda e: (e + "?" + _q([("update", "CLEAR ALL")]), "GET", None, None)),
        ("form", lambda e: (e, "POST", _q([("update", "CLEAR ALL")]).encode(), FORM)),
        ("direct", lambda e: (e, "POST", b"CLEAR ALL", "application/sparql-update")),
        ("as-query", lambda e: (e, "POST", b"CLEAR ALL", "application/sparql-query")),
    ],
)
def test_updates_are_refused_on_purpose(endpoint: str, how: str, make) -> None:  # type: ignore[no-untyped-def]
    url, method, data, ctype = make(endpoint)
    assert _call(url, method, data, ctype)[0] == 403
    assert _count(_call(endpoint + "?" + _q([("query", COUNT)]))[1]) > 1000
