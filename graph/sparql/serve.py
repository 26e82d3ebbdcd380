"""Serve stage: the built graph as a read-only SPARQL 1.1 Protocol endpoint.

``kotamitra serve`` answers ``GET /sparql?query=…`` and ``POST /sparql`` (form-encoded
or a direct ``application/sparql-query`` body) from the build's Oxigraph store, with
content negotiation (SPARQL results JSON, XML, CSV, TSV; Turtle, N-Triples, JSON-LD or
RDF/XML for graphs), CORS for browser clients, and the visualisation at ``/graph.html``.
For people, a query page at ``/`` (the shipped queries with their parameters, results
with links, downloads) and a page per entity at ``/entity/<slug>`` (see
:mod:`graph.sparql.page`).

Safe by default: it binds to 127.0.0.1; UPDATE, LOAD and the like are refused (403),
and so is ``SERVICE`` to any host (403), so the server never fetches anything; every
query has a time limit and a result-size limit (both configurable). Each query is
evaluated in a forked worker process that opens the store read-only; a query over its
time limit is stopped by ending its process, so a runaway query neither blocks the
others nor keeps burning a core.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.sparql import page
from graph.sparql.store import (
    MEDIA,
    Dataset,
    StoreError,
    is_update,
    open_store,
    run,
    serialize,
)

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


class WorkerFailed(Exception):
    """A worker process failed (a bug, not the user's query): the server answers 500."""


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
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    # -- plumbing -----------------------------------------------------------------
    def _send(
        self, status: int, body: bytes, media: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
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
            return self._send(200, page.query_page().encode("utf-8"), "text/html; charset=utf-8")
        if url.path.startswith("/assets/"):
            found = page.asset(url.path.removeprefix("/assets/"))
            if found is not None:
                return self._send(200, *found)
        if url.path.startswith("/entity/"):
            return self._entity(urllib.parse.unquote(url.path.removeprefix("/entity/")))
        if url.path == "/graph.html":
            viz = self.server.config.graph_dir / "graph.html"
            if viz.is_file():
                return self._send(200, viz.read_bytes(), "text/html; charset=utf-8")
            return self._error(404, "no graph.html: run 'kotamitra build' or 'kotamitra viz'")
        return self._error(404, f"not found: {url.path} (the endpoint is /sparql)")

    def _in_worker(self, func: Callable[..., Any], *args: Any) -> Any:
        """``func(graph_dir, *args)`` in a worker (see :meth:`_Server.call`); None, with
        the error sent, when it timed out or failed."""
        try:
            with self.server.slots:
                outcome = self.server.call(func, *args)
        except WorkerFailed as exc:
            self._error(500, f"the worker failed: {exc}")
            return None
        if outcome is None:
            self._error(503, f"timed out after {self.server.config.timeout:g} s")
        return outcome

    def _entity(self, slug: str) -> None:
        outcome = self._in_worker(page.entity_page, slug)
        if outcome is None:
            return
        status, body = outcome
        self._send(status, body, "text/html; charset=utf-8")

    def _page_run(self, form: dict[str, list[str]]) -> None:
        """The query page's ``POST /run``: ``query``, ``format`` (``view`` for the page,
        else a download format) and ``param.NAME`` values."""
        query = form.get("query", [""])[0]
        fmt = form.get("format", ["view"])[0]
        params = {k.removeprefix("param."): v[0] for k, v in form.items() if k.startswith("param.")}
        outcome = self._in_worker(page.page_query, query, params, fmt)
        if outcome is None:
            return
        status, body, media, filename = outcome
        if status == 200 and len(body) > self.server.config.max_bytes:
            return self._error(413, f"result larger than {self.server.config.max_bytes} bytes")
        extra = {"Content-Disposition": f'attachment; filename="{filename}"'} if filename else {}
        self._send(status, body, media, extra)

    do_HEAD = do_GET

    def _refuse_method(self) -> None:
        self._error(405, f"{self.command} is not allowed: query with GET or POST")

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path not in {"/sparql", "/query", "/update", "/run"}:
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
        if url.path == "/run":
            if ctype != "application/x-www-form-urlencoded":
                return self._error(415, "the page's /run takes a form")
            return self._page_run(form)
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
        outcome = self._in_worker(_evaluate, query, accept, fmt, dataset)
        if outcome is None:
            return
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

    def call(self, func: Callable[..., Any], *args: Any) -> Any:
        """``func(graph_dir, *args)`` in a child process that ends when it answers or
        when the time limit is over (then None)."""
        receiver, sender = self.context.Pipe(duplex=False)
        child = self.context.Process(
            target=_worker, args=(sender, func, self.config.graph_dir, *args), daemon=True
        )
        child.start()
        sender.close()
        try:
            if not receiver.poll(self.config.timeout):
                return None
            outcome = receiver.recv()
            if isinstance(outcome, WorkerFailed):
                raise outcome
            return outcome
        except EOFError:
            raise WorkerFailed("the worker process stopped unexpectedly") from None
        finally:
            receiver.close()
            if child.is_alive():
                child.kill()
            child.join(timeout=5)

    def evaluate(
        self, query: str, accept: str, fmt: str | None, dataset: Dataset | None = None
    ) -> tuple[int, bytes, str]:
        """Run one query in this process; returns status, body and media type."""
        return evaluate_query(self.config, query, accept, fmt, dataset)


def evaluate_query(
    config: ServerConfig, query: str, accept: str, fmt: str | None, dataset: Dataset | None = None
) -> tuple[int, bytes, str]:
    """Run one query on the build ``config`` names; returns status, body and media type."""
    deadline = time.monotonic() + config.timeout
    try:
        result = run(open_store(config.graph_dir), query, dataset=dataset)
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
    func: Callable[..., Any],
    graph_dir: Path,
    *args: Any,
) -> None:
    try:
        try:
            outcome = func(graph_dir, *args)
        except Exception as exc:  # reported to the server, which answers 500
            outcome = WorkerFailed(f"{type(exc).__name__}: {exc}")
        conn.send(outcome)
    finally:
        conn.close()


def _evaluate(
    graph_dir: Path, query: str, accept: str, fmt: str | None, dataset: Dataset | None = None
) -> tuple[int, bytes, str]:
    """What a worker process runs: one query on the build in ``graph_dir``."""
    return evaluate_query(
        ServerConfig(graph_dir, timeout=float("inf")), query, accept, fmt, dataset
    )


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
