"""Serve stage: the built graph as a read-only SPARQL 1.1 Protocol endpoint.

``kotamitra serve`` answers ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded
or a direct ``application/sparql-query`` body) from the build's Oxigraph store, with
content negotiation (SPARQL results JSON, XML, CSV, TSV; Turtle, N-Triples, JSON-LD or
RDF/XML for graphs), CORS for browser clients, a small query page at ``/`` and the
visualisation at ``/graph.html``.

Safe by default: it binds to 127.0.0.1; UPDATE, LOAD and the like are refused (403),
and so is ``SERVICE`` to any host (403), so the server never fetches anything; every
query has a time limit and a result-size limit (both configurable). Each query is
evaluated in a forked worker process that opens the store read-only; a query over its
time limit is stopped by ending its process, so a runaway query neither blocks the
others nor keeps burning a core.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import multiprocessing.connection
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from graph.sparql.store import Dataset, StoreError, is_update, open_store, run, serialize

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
MEDIA = {
    ("results", "json"): "application/sparql-results+json",
    ("results", "xml"): "application/sparql-results+xml",
    ("results", "csv"): "text/csv; charset=utf-8",
    ("results", "tsv"): "text/tab-separated-values; charset=utf-8",
    ("graph", "turtle"): "text/turtle; charset=utf-8",
    ("graph", "nt"): "application/n-triples",
    ("graph", "json-ld"): "application/ld+json",
    ("graph", "xml"): "application/rdf+xml",
}


@dataclass
class ServerConfig:
    graph_dir: Path
    timeout: float = 10.0  # seconds a query may take
    max_bytes: int = 20_000_000  # largest result body sent
    workers: int = 8  # queries evaluated at once


def _negotiate(accept: str, kind: str, explicit: str | None) -> str:
    table = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    if explicit:
        return explicit
    choices = []
    for i, part in enumerate(accept.split(",")):
        media, *opts = [p.strip() for p in part.split(";")]
        q = 1.0
        for o in opts:
            if o.startswith("q="):
                try:
                    q = float(o[2:])
                except ValueError:
                    q = 0.0
        if media in table and q > 0:
            choices.append((-q, i, table[media]))
    return min(choices)[2] if choices else ("json" if kind == "results" else "turtle")


class _Handler(BaseHTTPRequestHandler):
    server: _Server  # type: ignore[assignment]
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    # -- plumbing -----------------------------------------------------------------
    def _send(self, status: int, body: bytes, media: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "Content-Type")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _protocol(self, params: dict[str, list[str]], body: str | None = None) -> None:
        """A query request as the SPARQL 1.1 Protocol states it: exactly one ``query``
        (given in ``params`` or as the ``body``), an optional dataset by
        ``default-graph-uri``/``named-graph-uri``; an update is refused (403)."""
        if "update" in params:
            return self._error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
        queries = params.get("query", []) + ([body] if body is not None else [])
        if not queries:
            return self._error(400, "missing 'query' parameter")
        if len(queries) > 1:
            return self._error(400, "more than one query in the request: send exactly one")
        dataset = Dataset(params.get("default-graph-uri", []), params.get("named-graph-uri", []))
        self._query(queries[0], params.get("format", [None])[0], dataset)

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        try:
            params = urllib.parse.parse_qs(url.query, errors="strict")
        except UnicodeDecodeError:
            return self._error(400, "the request is not UTF-8")
        if url.path in {"/sparql", "/query"}:
            return self._protocol(params)
        if url.path == "/":
            return self._send(200, _page().encode("utf-8"), "text/html; charset=utf-8")
        if url.path == "/graph.html":
            viz = self.server.config.graph_dir / "graph.html"
            if viz.is_file():
                return self._send(200, viz.read_bytes(), "text/html; charset=utf-8")
            return self._error(404, "no graph.html: run 'kotamitra build' or 'kotamitra viz'")
        return self._error(404, f"not found: {url.path} (the endpoint is /sparql)")

    do_HEAD = do_GET

    def _refuse_method(self) -> None:
        self._error(405, f"{self.command} is not allowed: query with GET or POST")

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path not in {"/sparql", "/query", "/update"}:
            return self._error(404, f"not found: {url.path} (the endpoint is /sparql)")
        length = int(self.headers.get("Content-Length") or 0)
        if length > 1_000_000:
            return self._error(413, "request too large")
        raw = self.rfile.read(length)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path == "/update" or ctype == "application/sparql-update":
            return self._error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
        try:
            body = raw.decode("utf-8")
            params = urllib.parse.parse_qs(url.query, errors="strict")
            if ctype == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qs(body, errors="strict")
        except UnicodeDecodeError:
            return self._error(400, "the request is not UTF-8")
        if ctype == "application/x-www-form-urlencoded":
            if "query" in params:
                return self._error(400, "a form POST carries the query in its body only")
            return self._protocol({**params, **form})
        if ctype == "application/sparql-query":
            if "query" in params:
                return self._error(400, "more than one query in the request: send exactly one")
            return self._protocol(params, body)
        if not ctype:
            return self._error(400, "a POST needs a Content-Type (form or sparql-query)")
        return self._error(415, f"unsupported Content-Type {ctype!r}")

    # -- the query ----------------------------------------------------------------------
    def _query(self, query: str, fmt: str | None, dataset: Dataset | None = None) -> None:
        if is_update(query):
            return self._error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
        cfg = self.server.config
        accept = self.headers.get("Accept") or ""
        with self.server.slots:
            outcome = self.server.evaluate_in_worker(query, accept, fmt, dataset)
        if outcome is None:
            return self._error(503, f"query timed out after {cfg.timeout:g} s")
        status, body, media = outcome
        if status == 200 and len(body) > cfg.max_bytes:
            return self._error(413, f"result larger than {cfg.max_bytes} bytes; add a LIMIT")
        self._send(status, body, media)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # connections waiting to be accepted: socketserver's default of 5 makes a burst of
    # clients on a busy machine meet "connection reset"
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], config: ServerConfig, verbose: bool) -> None:
        super().__init__(address, _Handler)
        self.config = config
        self.verbose = verbose
        open_store(config.graph_dir)  # fail now, with a clear message, if there is none
        self.slots = threading.BoundedSemaphore(config.workers)
        self.context = multiprocessing.get_context("fork")

    def evaluate_in_worker(
        self, query: str, accept: str, fmt: str | None, dataset: Dataset | None = None
    ) -> tuple[int, bytes, str] | None:
        """Evaluate in a child process; None when it ran over the time limit."""
        receiver, sender = self.context.Pipe(duplex=False)
        child = self.context.Process(
            target=_worker,
            args=(sender, self.config.graph_dir, query, accept, fmt, dataset),
            daemon=True,
        )
        child.start()
        sender.close()
        try:
            if not receiver.poll(self.config.timeout):
                return None
            return receiver.recv()  # type: ignore[no-any-return]
        except EOFError:
            return 500, b"the query worker stopped unexpectedly\n", "text/plain"
        finally:
            receiver.close()
            if child.is_alive():
                child.kill()
            child.join(timeout=5)

    def evaluate(
        self, query: str, accept: str, fmt: str | None, dataset: Dataset | None = None
    ) -> tuple[int, bytes, str]:
        """Run one query in this process; returns status, body and media type."""
        deadline = time.monotonic() + self.config.timeout
        try:
            result = run(open_store(self.config.graph_dir), query, dataset=dataset)
            kind = "graph" if isinstance(result, ox.QueryTriples) else "results"
            chosen = _negotiate(accept, kind, fmt)
            if (kind, chosen) not in MEDIA:
                return 406, f"format {chosen!r} does not fit this query\n".encode(), "text/plain"
            body = serialize(result, chosen)
            if time.monotonic() > deadline:
                return 503, b"query timed out\n", "text/plain"
            return 200, body, MEDIA[(kind, chosen)]
        except StoreError as exc:
            return exc.status, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8"


def _worker(
    conn: multiprocessing.connection.Connection,
    graph_dir: Path,
    query: str,
    accept: str,
    fmt: str | None,
    dataset: Dataset | None = None,
) -> None:
    config = ServerConfig(graph_dir, timeout=float("inf"))
    evaluator = _Evaluator(config)
    try:
        conn.send(evaluator.evaluate(query, accept, fmt, dataset))
    finally:
        conn.close()


class _Evaluator:
    """Query evaluation outside the server (what a worker process runs)."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config

    evaluate = _Server.evaluate


def make_server(
    graph_dir: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 10.0,
    max_bytes: int = 20_000_000,
    workers: int = 8,
    verbose: bool = False,
) -> _Server:
    """A ready server (call ``serve_forever()``; ``server_address`` has the real port)."""
    config = ServerConfig(Path(graph_dir), timeout=timeout, max_bytes=max_bytes, workers=workers)
    return _Server((host, port), config, verbose)


def _page() -> str:
    example = html.escape(
        "SELECT ?partner ?name WHERE {\n  kmr:kota-jambi km:partnersWith ?partner .\n"
        '  ?partner rdfs:label ?name FILTER(lang(?name) = "en")\n}'
    )
    script = json.dumps("/sparql")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kotamitra SPARQL</title>
<style>body{{font:14px system-ui,sans-serif;margin:2em;max-width:70em}}
textarea{{width:100%;height:12em;font:13px monospace}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}}</style></head>
<body><h1>kotamitra SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 over the built graph. Prefixes <code>km: kmr: rdf: rdfs: owl: xsd:
skos: prov: schema: wd:</code> are predeclared. Endpoint: <code>/sparql</code>.
<a href="/graph.html">The network</a>.</p>
<textarea id="q">{example}</textarea><br><button id="run">Run</button>
<div id="out"></div>
<script>
document.getElementById("run").onclick = async () => {{
  const out = document.getElementById("out");
  out.textContent = "…";
  const r = await fetch({script}, {{method: "POST",
    headers: {{"Content-Type": "application/sparql-query",
              "Accept": "application/sparql-results+json"}},
    body: document.getElementById("q").value}});
  if (!r.ok) {{ out.textContent = await r.text(); return; }}
  const data = await r.json();
  const table = document.createElement("table");
  if (data.boolean !== undefined) {{ out.textContent = String(data.boolean); return; }}
  const head = table.insertRow();
  for (const v of data.head.vars) {{ const th = document.createElement("th");
    th.textContent = v; head.appendChild(th); }}
  for (const b of data.results.bindings) {{ const row = table.insertRow();
    for (const v of data.head.vars) {{ row.insertCell().textContent = b[v] ? b[v].value : ""; }} }}
  out.replaceChildren(table);
}};
</script></body></html>
"""
