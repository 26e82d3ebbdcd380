"""``kotamitra fetch``: news pages and the items of RSS/Atom feeds become source documents.

Each article becomes one Markdown file with YAML front matter (``title``, ``url``,
``canonical_url``, ``publisher``, ``published``, ``language``, ``fetched_at``, and where
its original is kept: ``warc`` and ``warc_record``) and the main text, extracted by
trafilatura and cleaned of page debris ("Baca juga" lines and the like). The responses
themselves go into a WARC file under ``DIR/warc/``, exactly as served.

A rerun asks again only about pages it has fetched before, with a conditional GET
(``If-None-Match`` / ``If-Modified-Since``, from ``DIR/.fetch-state.json``); a 304 or the
same text is "unchanged". A URL listed twice, or a page whose canonical URL is that of a
page already kept, is "skipped". Every other problem is "failed", with its reason, and
the other URLs go on.

>>> normalise_url("HTTPS://Warta.Example/berita/1?utm_source=x&id=2#komentar")
'https://warta.example/berita/1?id=2'
>>> normalise_url("ftp://warta.example/x") is None
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from graph.errors import KotamitraError
from graph.files import write_text
from graph.sources.load import detect_language
from graph.sources.text import clean_lines
from graph.sources.webclient import (
    Client,
    ClientOptions,
    FetchFailure,
    Response,
    WarcLog,
    host_of,
)
from graph.vocab import slugify

DEFAULT_INTO = Path("sources/fetched")
STATE_FILE = ".fetch-state.json"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"}
TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
MAX_THREADS = 32

Status = Literal["fetched", "unchanged", "skipped", "failed"]
STATUSES: tuple[Status, ...] = ("fetched", "unchanged", "skipped", "failed")


class FetchError(KotamitraError):
    """The fetch cannot run at all (an unreadable list of URLs, a bad option)."""


@dataclass(frozen=True)
class FetchOptions(ClientOptions):
    """:class:`ClientOptions` plus what makes a page worth keeping."""

    min_chars: int = 200  # less main text than this is a failed extraction
    refresh: bool = False  # re-GET known pages that gave no ETag/Last-Modified


@dataclass
class Outcome:
    """What happened to one URL."""

    url: str
    status: Status
    reason: str = ""
    path: Path | None = None

    def line(self) -> str:
        """``fetched: URL -> FILE``, ``failed: URL: reason`` and the like."""
        if self.path is not None and self.status == "fetched":
            return f"{self.status}: {self.url} -> {self.path}"
        return f"{self.status}: {self.url}" + (f": {self.reason}" if self.reason else "")


@dataclass
class FetchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    warc: Path | None = None
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def summary(self) -> str:
        """``fetched 1, unchanged 0, skipped 0, failed 3``."""
        return ", ".join(f"{s} {self.count(s)}" for s in STATUSES)


def normalise_url(url: str) -> str | None:
    """The URL as kotamitra keys it (no fragment, no tracking parameters), or ``None``
    when it is not an absolute http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
            return None
        host = host_of(url.strip())
    except ValueError:  # a bad port or IPv6 literal
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = [(k, v) for k, v in query if not k.lower().startswith(TRACKING)]
    scheme, _, netloc = host.partition("://")
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def read_url_file(path: Path) -> list[str]:
    """The URLs of a file, one a line (blank lines and ``#`` comments ignored)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FetchError(
            f"{path}: no such file", "--urls takes a file of URLs, one a line"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FetchError(f"{path}: cannot read the list of URLs ({exc})") from None
    return [u for line in text.splitlines() if (u := _url_of_line(line))]


def _url_of_line(line: str) -> str:
    """A line of a URL file without its comment: ``#`` starts one at the line's start or
    after a space (a ``#`` inside a URL is a fragment).

    >>> _url_of_line("https://a.example/x#y  # the second article"), _url_of_line("# note")
    ('https://a.example/x#y', '')
    """
    stripped = line.strip()
    if stripped.startswith("#"):
        return ""
    return stripped.split(" #", 1)[0].strip()


# --- the state of earlier runs ------------------------------------------------------


class State:
    """What earlier runs kept: per URL its file, canonical URL, validators, text hash."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_FILE
        self.folder = folder
        self.pages: dict[str, dict[str, Any]] = {}
        if self.path.is_file():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.pages = dict(data.get("pages", {}))
            except (ValueError, OSError, AttributeError):
                self.pages = {}  # a broken state file: everything is new again
        self.pages = {u: p for u, p in self.pages.items() if (folder / p.get("file", "")).is_file()}
        self.canonical = {p["canonical"]: u for u, p in self.pages.items() if p.get("canonical")}
        self.names = {p["file"] for p in self.pages.values()}

    def owner(self, url: str) -> str | None:
        """The URL under which a page with this URL or canonical URL is already kept."""
        if url in self.pages:
            return url
        return self.canonical.get(url)

    def save(self) -> None:
        data = {"version": 1, "pages": dict(sorted(self.pages.items()))}
        write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


# --- extraction ---------------------------------------------------------------------


@dataclass
class Article:
    title: str | None
    canonical: str | None
    publisher: str | None
    published: str | None
    language: str | None
    text: str


def extract_article(html: str | bytes, url: str, hints: dict[str, str] | None = None) -> Article:
    """Main text and metadata of a page, by trafilatura, cleaned of debris lines.

    ``hints`` (from a feed item) fill a missing title or date.
    """
    import trafilatura

    hints = hints or {}
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    data: dict[str, Any] = {}
    if found is not None:
        data = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    title = (data.get("title") or hints.get("title") or "").strip() or None
    lines = clean_lines(data.get("text") or "")
    if lines and title and lines[0].strip().lower() == title.lower():
        lines = lines[1:]  # the headline repeated as the first paragraph
    text = "\n\n".join(lines)
    language = _declared_language(html) or str(data.get("language") or "")[:2].lower() or None
    if text and language not in {"id", "en"}:
        language = detect_language(text)
    canonical = data.get("url")
    return Article(
        title=title,
        canonical=normalise_url(canonical) if canonical else None,
        publisher=data.get("sitename") or data.get("hostname") or urlsplit(url).hostname,
        published=data.get("date") or hints.get("published"),
        language=language,
        text=text,
    )


_HTML_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)


def _declared_language(html: str | bytes) -> str | None:
    """The language the page declares on its ``<html lang>`` (two letters).

    >>> _declared_language('<!DOCTYPE html><html class="x" lang="id-ID"><head>')
    'id'
    """
    head = html[:4096] if isinstance(html, bytes) else html[:4096].encode("utf-8", "replace")
    m = _HTML_LANG.search(head)
    lang = m.group(1).decode().lower() if m else None
    return {"in": "id", "ind": "id", "eng": "en"}.get(lang or "", lang) if lang else None


def document_text(article: Article, meta: dict[str, Any]) -> str:
    """The source file: YAML front matter, then the text (a paragraph a line)."""
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n{article.text}\n"


def _file_name(article: Article, url: str, taken: set[str]) -> str:
    host = (urlsplit(url).hostname or "web").removeprefix("www.")
    date = (article.published or "")[:7]
    title = slugify(article.title or urlsplit(url).path)[:60].strip("-") or "page"
    stem = "-".join(p for p in (slugify(host), date, title) if p)
    name, n = f"{stem}.md", 2
    while name in taken:
        name, n = f"{stem}-{n}.md", n + 1
    return name


# --- feeds ----------------------------------------------------------------------------


def feed_items(response: Response) -> list[tuple[str, dict[str, str]]]:
    """The links of a feed's items, each with hints (title, published date)."""
    import feedparser

    parsed = feedparser.parse(
        response.body,
        response_headers={
            "content-location": response.url,
            "content-type": response.header("Content-Type") or "application/xml",
        },
    )
    if parsed.bozo and not parsed.entries:
        raise FetchFailure(f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        hints: dict[str, str] = {}
        if entry.get("title"):
            hints["title"] = str(entry["title"])
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            hints["published"] = dt.date(*stamp[:3]).isoformat()
        items.append((str(link), hints))
    return items


# --- a run ----------------------------------------------------------------------------


class _Run:
    def __init__(
        self, into: Path, options: FetchOptions, progress: Callable[[Outcome], None] | None
    ) -> None:
        self.into = into
        self.options = options
        self.progress = progress
        self.state = State(into)
        self.client = Client(options)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        self.warc = WarcLog(into / "warc" / f"kotamitra-fetch-{stamp}.warc.gz")
        self.lock = threading.Lock()
        self.outcomes: list[Outcome] = []
        self.planned: frozenset[str] = frozenset()

    def report(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)
        if self.progress is not None:
            self.progress(outcome)

    # feeds and the list of URLs

    def expand_feed(self, feed: str) -> list[tuple[str, dict[str, str]]]:
        url = normalise_url(feed)
        if url is None:
            self.report(Outcome(feed, "failed", "not an http(s) URL"))
            return []
        try:
            refusal = self.client.allowed(url)
            if refusal:
                self.report(Outcome(feed, "skipped", refusal))
                return []
            response = self.client.get(url)
            if response.status >= 400:
                raise FetchFailure(f"HTTP {response.status} {response.reason}".strip())
            return feed_items(response)
        except FetchFailure as exc:
            self.report(Outcome(feed, "failed", f"feed: {exc}"))
            return []

    def plan(self, items: Iterable[tuple[str, dict[str, str]]]) -> dict[str, deque[Any]]:
        """URLs grouped by host, each once; bad and repeated URLs reported here."""
        seen: set[str] = set()
        hosts: dict[str, deque[tuple[str, str, dict[str, str]]]] = defaultdict(deque)
        for given, hints in items:
            url = normalise_url(given)
            if url is None:
                self.report(Outcome(given, "failed", "not an http(s) URL"))
            elif url in seen:
                self.report(Outcome(given, "skipped", "listed more than once"))
            else:
                seen.add(url)
                hosts[host_of(url)].append((given, url, hints))
        self.planned = frozenset(seen)
        return hosts

    def run(self, items: list[tuple[str, dict[str, str]]]) -> None:
        hosts = self.plan(items)
        # one worker a connection: more only contend for the GIL while extracting
        workers = max(1, self.options.per_host)
        jobs = [q for q in hosts.values() for _ in range(min(workers, len(q)))]
        if not jobs:
            return
        with ThreadPoolExecutor(max_workers=min(MAX_THREADS, len(jobs))) as pool:
            for future in [pool.submit(self.worker, q) for q in jobs]:
                future.result()

    def worker(self, queue: deque[tuple[str, str, dict[str, str]]]) -> None:
        while True:
            try:
                given, url, hints = queue.popleft()
            except IndexError:
                return
            try:
                self.report(self.one(given, url, hints))
            except FetchFailure as exc:
                self.report(Outcome(given, "failed", str(exc)))
            except Exception as exc:  # a bug or a library's surprise: this URL only
                self.report(Outcome(given, "failed", f"unexpected {type(exc).__name__}: {exc}"))

    # one URL

    def one(self, given: str, url: str, hints: dict[str, str]) -> Outcome:
        known = self.state.pages.get(url)
        headers = {}
        if known:
            if known.get("etag"):
                headers["If-None-Match"] = known["etag"]
            if known.get("last_modified"):
                headers["If-Modified-Since"] = known["last_modified"]
            if not headers and not self.options.refresh:
                return Outcome(given, "skipped", f"already fetched ({known['file']})")
        refusal = self.client.allowed(url)
        if refusal:
            return Outcome(given, "skipped", refusal)
        response = self.client.get(url, headers)
        if response.status == 304 and known:
            return Outcome(given, "unchanged", "not modified (HTTP 304)")
        self.check(response)
        final = normalise_url(response.url) or url
        with self.lock:
            owner = self.state.owner(final) if final != url else None
        if owner and owner != url:
            return Outcome(given, "skipped", f"redirects to {final}, already kept")
        article = extract_article(self.html(response), response.url, hints)
        if len(article.text) < self.options.min_chars:
            raise FetchFailure(
                f"no article text found ({len(article.text)} characters after extraction: "
                "a paywall, a consent page or not an article)"
            )
        return self.keep(given, url, response, article)

    def check(self, response: Response) -> None:
        if response.status >= 400 or response.status == 304:
            raise FetchFailure(f"HTTP {response.status} {response.reason}".strip())
        if response.content_type and response.content_type not in HTML_TYPES:
            raise FetchFailure(f"not an HTML page ({response.content_type})")

    @staticmethod
    def html(response: Response) -> str | bytes:
        if response.charset:
            try:
                return response.body.decode(response.charset, "replace")
            except LookupError:  # an unknown charset name: let trafilatura guess
                pass
        return response.body

    def keep(self, given: str, url: str, response: Response, article: Article) -> Outcome:
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        with self.lock:
            known = self.state.pages.get(url)
            if known and known.get("sha256") == digest:
                known.update(_validators(response))
                return Outcome(given, "unchanged", "same text as before")
            canonical = article.canonical
            if (
                canonical
                and canonical != url
                and canonical in self.planned | self.state.pages.keys()
            ):
                return Outcome(given, "skipped", f"a copy of {canonical} (its canonical URL)")
            owner = self.state.owner(canonical) if canonical else None
            if owner and owner != url:
                other = self.state.pages[owner]["file"]
                return Outcome(given, "skipped", f"same canonical URL as {other}")
            name = known["file"] if known else _file_name(article, url, self.state.names)
            self.state.names.add(name)
            record = {"file": name, "canonical": article.canonical, "sha256": digest}
            self.state.pages[url] = record
            if article.canonical:
                self.state.canonical[article.canonical] = url
        record_id = self.warc.add(response)
        fetched_at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        meta = {
            "title": article.title,
            "url": response.url,
            "canonical_url": article.canonical,
            "publisher": article.publisher,
            "published": article.published,
            "language": article.language,
            "fetched_at": fetched_at,
            "kind": "fetched",
            "warc": f"warc/{self.warc.path.name}",
            "warc_record": record_id,
        }
        path = write_text(self.into / name, document_text(article, meta))
        with self.lock:
            record.update(_validators(response), fetched_at=fetched_at, warc=meta["warc"])
        return Outcome(given, "fetched", "updated" if known else "", path)


def _validators(response: Response) -> dict[str, str | None]:
    return {"etag": response.header("ETag"), "last_modified": response.header("Last-Modified")}


def fetch(
    urls: Iterable[str] = (),
    *,
    feeds: Iterable[str] = (),
    into: Path = DEFAULT_INTO,
    options: FetchOptions | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> FetchReport:
    """Fetch ``urls`` and the items of ``feeds`` into source documents under ``into``.

    Never raises for one URL: each ends as an :class:`Outcome` in the report.
    """
    import time

    start = time.perf_counter()
    run = _Run(Path(into), options or FetchOptions(), progress)
    try:
        items: list[tuple[str, dict[str, str]]] = [(u, {}) for u in urls]
        for feed in feeds:
            items.extend(run.expand_feed(feed))
        run.run(items)
    finally:
        run.client.close()
        run.warc.close()
        if run.state.pages:
            run.state.save()
    return FetchReport(
        outcomes=run.outcomes,
        warc=run.warc.path if run.warc.records else None,
        seconds=time.perf_counter() - start,
    )
