"""The polite HTTP client behind ``kotamitra fetch``.

- requests with urllib3's :class:`~urllib3.util.Retry`: timeouts, retries with
  exponential backoff on connection errors, read timeouts and 429/5xx answers
  (``Retry-After`` honoured, capped), a size limit on every body;
- ``robots.txt`` read once per host with Protego (RFC 9309: a missing file allows
  everything, a server error disallows everything) and its ``Crawl-delay`` honoured;
- per-host gates: at most ``per_host`` connections to one host and at least ``delay``
  seconds between the starts of two requests to it;
- a user agent that names the project;
- the originals kept exactly as served (status line, headers, body still
  content-encoded) in a WARC file, written with warcio.

Every problem with one URL is a :class:`FetchFailure` with a readable reason.

>>> host_of("HTTPS://Warta.Example:443/a?b=1#c")
'https://warta.example'
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

RETRY_STATUS = (429, 500, 502, 503, 504)
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is shortened to this
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: crawlers may stop reading at 500 KiB
CHUNK = 64 * 1024


def _version() -> str:
    try:
        return version("kotamitra")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "dev"


USER_AGENT = (
    f"kotamitra/{_version()} (+https://w3id.org/kotamitra; knowledge graph of the "
    "international partnerships of Indonesian local governments)"
)
ROBOTS_AGENT = "kotamitra"


class FetchFailure(Exception):
    """One URL could not be fetched; ``str(exc)`` says why in a few words."""


@dataclass(frozen=True)
class ClientOptions:
    """How politely and how patiently to fetch."""

    timeout: float = 20.0  # seconds to connect, and between two reads of the body
    retries: int = 2  # further tries after a connection error, timeout or 429/5xx
    backoff: float = 0.5  # seconds: the waits grow 0.5, 1, 2… between tries
    max_bytes: int = 5 * 1024 * 1024  # largest body read (as served)
    per_host: int = 2  # connections to one host at a time
    delay: float = 1.0  # seconds between the starts of two requests to one host
    max_redirects: int = 10
    user_agent: str = USER_AGENT
    verify: bool | str = True  # TLS certificates checked (or a CA bundle's path)


@dataclass
class Response:
    """A response as served (``raw``) and with its content encoding undone (``body``)."""

    url: str  # after redirects
    status: int
    reason: str
    http_version: str
    headers: list[tuple[str, str]]
    raw: bytes
    body: bytes
    request_headers: list[tuple[str, str]] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        """The first header of that name (case-insensitive)."""
        low = name.lower()
        return next((v for k, v in self.headers if k.lower() == low), None)

    @property
    def content_type(self) -> str:
        return (self.header("Content-Type") or "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in (self.header("Content-Type") or "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class _Retry(Retry):
    """urllib3's Retry with ``Retry-After`` capped, so one server cannot stall a run."""

    def get_retry_after(self, response: Any) -> float | None:
        after = super().get_retry_after(response)
        return None if after is None else min(after, MAX_RETRY_AFTER)


def host_of(url: str) -> str:
    """``scheme://host[:port]`` in lower case, the default port left out."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


class HostGate:
    """At most ``per_host`` requests to one host at once, their starts ``delay`` apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self._slots = threading.BoundedSemaphore(max(1, per_host))
        self._lock = threading.Lock()
        self._next = 0.0
        self.delay = delay

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next)
                self._next = start + self.delay
            if start > now:
                time.sleep(start - now)
            yield


def _reason(exc: BaseException, opts: ClientOptions) -> str:
    """A few words on why a request failed, from requests' and urllib3's exceptions."""
    inner: object = exc.args[0] if exc.args else None
    inner = getattr(inner, "reason", inner)  # MaxRetryError wraps the last error
    if isinstance(exc, requests.exceptions.SSLError):
        return f"bad TLS certificate ({_short(inner)})"
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return f"redirect loop (more than {opts.max_redirects} redirects)"
    if isinstance(exc, requests.exceptions.Timeout | urllib3.exceptions.TimeoutError) or (
        isinstance(inner, urllib3.exceptions.TimeoutError)
    ):
        return f"timed out after {opts.timeout:g} s"
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return "not a valid URL"
    if isinstance(exc, urllib3.exceptions.ProtocolError | requests.exceptions.ChunkedEncodingError):
        return f"the connection broke while reading ({_short(inner)})"
    return f"cannot connect ({_short(inner)})"


def _short(obj: object) -> str:
    text = str(obj) if obj is not None else "no detail"
    return text if len(text) <= 160 else text[:157] + "..."


def _decoded(raw: bytes, encoding: str | None, limit: int) -> bytes:
    """The body with its Content-Encoding undone, by warcio's decompressing reader."""
    from warcio.bufferedreaders import BufferedReader

    kind = (encoding or "").strip().lower()
    if kind in {"", "identity"}:
        return raw
    if kind == "x-gzip":
        kind = "gzip"
    if kind not in {"gzip", "deflate", "br"}:
        raise FetchFailure(f"unsupported Content-Encoding {encoding!r}")
    try:
        data: bytes = BufferedReader(io.BytesIO(raw), decomp_type=kind).read(limit + 1)
    except Exception as exc:  # zlib.error, brotli.error: the body is corrupt
        raise FetchFailure(f"corrupt {kind} body ({_short(exc)})") from None
    if len(data) > limit:
        raise FetchFailure(f"larger than the limit of {limit:,} bytes once decompressed")
    return data


class Client:
    """One session, one gate and one ``robots.txt`` per host; thread-safe for GETs."""

    def __init__(self, options: ClientOptions | None = None) -> None:
        self.options = opts = options or ClientOptions()
        retry = _Retry(
            total=opts.retries,
            connect=opts.retries,
            read=opts.retries,
            status=opts.retries,
            other=0,
            redirect=False,  # requests follows redirects itself, up to max_redirects
            backoff_factor=opts.backoff,
            status_forcelist=RETRY_STATUS,
            allowed_methods=frozenset({"GET", "HEAD"}),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(
            max_retries=retry, pool_connections=16, pool_maxsize=max(1, opts.per_host)
        )
        self.session = requests.Session()
        self.session.max_redirects = opts.max_redirects
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update(
            {
                "User-Agent": opts.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                "Accept-Language": "id,en;q=0.8",
                "Accept-Encoding": "gzip, deflate",  # what warcio can undo
            }
        )
        self._lock = threading.Lock()
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, Protego | str | FetchFailure | None] = {}
        self._robot_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.session.close()

    def gate(self, url: str) -> HostGate:
        host = host_of(url)
        with self._lock:
            if host not in self._gates:
                self._gates[host] = HostGate(self.options.per_host, self.options.delay)
            return self._gates[host]

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET ``url`` through its host's gate; raises :class:`FetchFailure`."""
        with self.gate(url).turn():
            return self._get(url, headers or {}, self.options.max_bytes)

    def _get(self, url: str, headers: dict[str, str], limit: int) -> Response:
        opts = self.options
        try:
            with self.session.get(
                url,
                headers=headers,
                timeout=(opts.timeout, opts.timeout),
                stream=True,
                verify=opts.verify,
            ) as r:
                raw = _read_limited(r, limit)
                served = list(r.raw.headers.items())
                request = r.request
        except FetchFailure:
            raise
        except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError) as exc:
            raise FetchFailure(_reason(exc, opts)) from None
        response = Response(
            url=r.url,
            status=r.status_code,
            reason=r.reason or "",
            http_version="HTTP/1.0" if r.raw.version == 10 else "HTTP/1.1",
            headers=served,
            raw=raw,
            body=b"",
            request_headers=[(k, str(v)) for k, v in request.headers.items()],
        )
        response.body = _decoded(raw, response.header("Content-Encoding"), 4 * limit)
        return response

    # robots.txt --------------------------------------------------------------------

    def allowed(self, url: str) -> str | None:
        """``None`` when ``robots.txt`` lets kotamitra fetch ``url``, else the reason.

        Raises :class:`FetchFailure` when the host cannot be reached for its robots.txt
        (a bad certificate, a timeout): the page itself would fail the same way.
        """
        host = host_of(url)
        with self._lock:
            lock = self._robot_locks.setdefault(host, threading.Lock())
        with lock:
            if host not in self._robots:
                self._robots[host] = self._read_robots(host)
        rules = self._robots[host]
        if isinstance(rules, FetchFailure):
            raise FetchFailure(str(rules))
        if isinstance(rules, str):
            return rules
        if rules is not None and not rules.can_fetch(url, ROBOTS_AGENT):
            return "robots.txt disallows it"
        return None

    def _read_robots(self, host: str) -> Protego | str | FetchFailure | None:
        """Rules (or ``None``: everything allowed), a reason to fetch nothing, or why
        the host cannot be reached."""
        try:
            with self.gate(host).turn():
                r = self._get(f"{host}/robots.txt", {}, ROBOTS_MAX_BYTES)
        except FetchFailure as exc:
            if "larger than" in str(exc):
                return None
            return exc
        if r.status >= 500:
            return f"robots.txt answered HTTP {r.status}: the host asks not to be crawled now"
        if r.status >= 400 or not r.body.strip():
            return None
        rules = Protego.parse(r.body.decode("utf-8", "replace"))
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            gate = self.gate(host)
            gate.delay = max(gate.delay, min(float(delay), MAX_RETRY_AFTER))
        return rules


def _read_limited(r: requests.Response, limit: int) -> bytes:
    """The body as served (still content-encoded), at most ``limit`` bytes."""
    declared = r.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchFailure(f"larger than the limit of {limit:,} bytes ({int(declared):,})")
    chunks: list[bytes] = []
    size = 0
    for chunk in r.raw.stream(CHUNK, decode_content=False):
        size += len(chunk)
        if size > limit:
            raise FetchFailure(f"larger than the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


class WarcLog:
    """A WARC file (gzip per record) of request/response pairs, opened on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._fh: Any = None
        self._writer: Any = None
        self.records = 0

    def add(self, response: Response) -> str:
        """Store the exchange; returns the response record's ``WARC-Record-ID``."""
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        served = [(k, v) for k, v in response.headers if k.lower() != "transfer-encoding"]
        http = StatusAndHeaders(
            f"{response.status} {response.reason}".strip(), served, protocol=response.http_version
        )
        parts = urlsplit(response.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        asked = [("Host", parts.netloc), *response.request_headers]
        request_http = StatusAndHeaders(
            f"GET {target} HTTP/1.1", asked, protocol="HTTP/1.1", is_http_request=True
        )
        with self._lock:
            if self._writer is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fh = open(self.path, "ab")  # noqa: SIM115 - closed by close()
                self._writer = WARCWriter(self._fh, gzip=True)
            resp = self._writer.create_warc_record(
                response.url, "response", payload=io.BytesIO(response.raw), http_headers=http
            )
            req = self._writer.create_warc_record(
                response.url, "request", payload=io.BytesIO(b""), http_headers=request_http
            )
            self._writer.write_request_response_pair(req, resp)
            self._fh.flush()
            self.records += 1
            return str(resp.rec_headers.get_header("WARC-Record-ID"))

    def close(self) -> None:
        with self._lock:
            if self._fh is not None:
                self._fh.close()
                self._fh = None
                self._writer = None
