"""Load stage: files and folders of sources become :class:`Document` objects.

Accepted inputs: ``.md``/``.txt`` with or without YAML front matter, saved ``.html``
pages (main text extracted with trafilatura), and ``.jsonl`` corpora with one article
per line (``id, url, title, published, publisher, language, text``), and ``.csv``/``.tsv``
tables of partnerships (read by :mod:`graph.sources.tables`). Every problem is
reported as a :class:`SourceProblem` naming the file and the reason; it never stops the
other sources from loading.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from graph.model import Document, NotAnArticle, SourceProblem
from graph.vocab import slugify

TEXT_SUFFIXES = {".md", ".txt", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv"}  # tables of partnerships, see graph/tables.py
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | TABLE_SUFFIXES
#: Files that describe a source folder rather than report news (compared by stem,
#: case-insensitively): reported as skipped, never read as articles.
NOT_ARTICLES = {
    "readme",
    "source",
    "sources",
    "license",
    "licence",
    "copying",
    "notice",
    "changelog",
    "changes",
    "history",
    "authors",
    "contributing",
    "index",
}
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
DATE_PREFIX = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\s+")
MAX_BYTES = 20 * 1024 * 1024
# an absolute IRI (RFC 3987 in short): a scheme, then no spaces or characters IRIs forbid
ABSOLUTE_IRI = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+\Z")


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    warnings: list[SourceProblem] = field(default_factory=list)


def iter_source_files(paths: Iterable[Path]) -> Iterator[Path | SourceProblem]:
    """Every source file under the given files and folders, in a stable order."""
    for path in paths:
        if not path.exists():
            yield SourceProblem(str(path), "no such file or folder")
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() not in SUFFIXES or child.name.endswith(".gold.yaml"):
                    continue
                if child.stem.lower() in NOT_ARTICLES:
                    yield NotAnArticle(
                        str(child), "skipped: it describes the folder, it is not an article"
                    )
                    continue
                yield child
        elif path.suffix.lower() in SUFFIXES:
            yield path
        else:
            yield SourceProblem(
                str(path),
                f"unsupported file type {path.suffix!r} (use {', '.join(sorted(SUFFIXES))})",
            )


def decode(data: bytes, path: str) -> tuple[str, str | None]:
    """Bytes to text. Returns the text and a warning when it was not UTF-8.

    Raises ``ValueError`` with a readable reason for binary or undecodable data.
    """
    if not data.strip():
        raise ValueError("the file is empty")
    if b"\x00" in data[:8192]:
        raise ValueError("the file is binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ValueError(f"not UTF-8 text (bad byte at offset {exc.start})") from None
        return str(best), f"not UTF-8: decoded as {best.encoding}"


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        raise ValueError(f"'published' is not an ISO date: {text!r}")
    return "-".join(g for g in m.groups() if g)


def _norm_lang(value: Any) -> str | None:
    if not value:
        return None
    text = str(value).strip().lower()
    return {"ind": "id", "in": "id", "indonesian": "id", "eng": "en", "english": "en"}.get(
        text, text[:2]
    )


def detect_language(text: str) -> str:
    """``"id"`` or ``"en"`` (the languages the extractor reads), by py3langid.

    >>> detect_language("Wali Kota Jambi melepas delegasi ke Singapura pada Jumat malam.")
    'id'
    >>> detect_language("The mayor of Bandung signed a sister city agreement with Namur.")
    'en'
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    global _IDENTIFIER
    if _IDENTIFIER is None:
        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE)
        _IDENTIFIER.set_languages(["id", "en", "ms"])
    lang, _ = _IDENTIFIER.classify(text[:5000])
    return "id" if lang in {"id", "ms"} else "en"


_IDENTIFIER: Any = None


def _title_from_text(text: str) -> str | None:
    from graph.sources.text import clean_lines

    for line in clean_lines(text)[:5]:
        if 10 <= len(line) <= 200 and not line.endswith("."):
            return line
    return None


def make_document(
    text: str,
    path: str,
    doc_id: str,
    meta: dict[str, Any] | None = None,
    warnings: list[SourceProblem] | None = None,
) -> Document:
    """Build a :class:`Document`, filling what the metadata lacks from the text.

    A URL that is not an absolute IRI is dropped, with a warning added to ``warnings``.
    """
    meta = dict(meta or {})
    published = _iso(meta.get("published") or meta.get("date"))
    m = DATE_PREFIX.match(text)
    if m:
        published = published or m.group(1)
        text = text[m.end() :]
    if not text.strip():
        raise ValueError("the document has no text")
    title = meta.get("title")
    doc = Document(
        doc_id=doc_id,
        text=text,
        path=path,
        title=str(title).strip() if title else _title_from_text(text),
        url=clean_url(meta.get("url")),
        publisher=str(meta["publisher"]).strip() if meta.get("publisher") else None,
        published=published,
        language=_norm_lang(meta.get("language") or meta.get("lang")) or detect_language(text),
        kind=str(meta["kind"]) if meta.get("kind") else None,
    )
    if warnings is not None and (warning := url_warning(meta, doc)):
        warnings.append(warning)
    return doc


def clean_url(value: Any) -> str | None:
    """The URL of a source if it is an absolute IRI, else ``None``.

    >>> clean_url(" https://jambiupdate.co/x ")
    'https://jambiupdate.co/x'
    >>> clean_url("''") is None, clean_url("www.example.com/a b") is None
    (True, True)
    """
    text = str(value).strip() if value else ""
    return text if ABSOLUTE_IRI.match(text) else None


def url_warning(meta: dict[str, Any], doc: Document) -> SourceProblem | None:
    """A warning when the source gave a URL that cannot be used as an IRI."""
    given = meta.get("url")
    if given and doc.url is None:
        return SourceProblem(doc.path, f"url {str(given)[:80]!r} is not an absolute IRI; ignored")
    return None


def parse_text_file(
    text: str, path: str, doc_id: str, warnings: list[SourceProblem] | None = None
) -> Document:
    """A ``.md``/``.txt`` source, with optional YAML front matter."""
    meta: dict[str, Any] = {}
    m = FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            raise ValueError(
                f"broken YAML front matter{where}: {getattr(exc, 'problem', exc)}"
            ) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ValueError("front matter must be a YAML mapping (key: value lines)")
        meta = loaded or {}
        text = text[m.end() :]
    elif text.startswith(("---\n", "---\r\n")):
        raise ValueError("front matter starts with '---' but is never closed by a '---' line")
    return make_document(text, path, doc_id, meta, warnings)


def parse_html(html: str, path: str, doc_id: str) -> Document:
    """A saved web page: main text and metadata by trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        raise ValueError("no article text found in the HTML page")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    meta = {
        "title": data.get("title"),
        "url": data.get("url"),
        "publisher": data.get("sitename"),
        "published": data.get("date"),
        "language": data.get("language"),
    }
    return make_document(text, path, doc_id, meta)


class RawSource(NamedTuple):
    """One document's bytes as read, before any parsing: a JSONL line or a whole file."""

    where: str  # the file, or ``file:line`` for a JSONL record
    data: bytes
    path: Path
    lineno: int | None = None  # the line of a JSONL record

    @property
    def positional_id(self) -> str:
        """The id a document gets from where it is, when its record names none."""
        stem = self.path.stem
        return slugify(stem if self.lineno is None else f"{stem}-{self.lineno}")


def parse_raw(raw: RawSource, result: LoadResult) -> Document | None:
    """A document from its bytes; a problem (added to ``result``) gives ``None``."""
    if raw.lineno is None:
        return _parse_file(raw, result)
    where = raw.where
    try:
        record = json.loads(raw.data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        result.problems.append(SourceProblem(where, f"not a JSON object: {exc}"))
        return None
    if not isinstance(record, dict):
        result.problems.append(SourceProblem(where, "line is not a JSON object"))
        return None
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        result.problems.append(SourceProblem(where, "record has no 'text'"))
        return None
    doc_id = slugify(str(record["id"])) if record.get("id") else raw.positional_id
    try:
        return make_document(text, where, doc_id, record, result.warnings)
    except ValueError as exc:
        result.problems.append(SourceProblem(where, str(exc)))
        return None


def load_sources(paths: Iterable[Path | str]) -> LoadResult:
    """Read every source under ``paths``; problems are collected, never raised."""
    result = LoadResult()
    result.documents = list(iter_sources(paths, result))
    return result


@dataclass(frozen=True)
class Partition:
    """A slice of the input that one task reads and extracts on its own: a few whole
    files, or a range of lines of one JSONL corpus (byte offsets, so a task can seek to
    it without reading what comes before)."""

    files: tuple[str, ...] = ()
    jsonl: str | None = None
    start: int = 0  # byte offset of the first line of the range
    end: int = 0  # byte offset just after its last line
    first_line: int = 1
    documents: int = 0  # documents it holds (lines of a JSONL range, blank or not)

    def __str__(self) -> str:
        if self.jsonl is not None:
            return f"{self.jsonl}:{self.first_line}-{self.first_line + self.documents - 1}"
        return ", ".join(self.files)


PARTITION_DOCUMENTS = 500  # documents per partition of a JSONL corpus
PARTITION_FILES = 32  # files per partition of a folder of articles


def plan_partitions(
    paths: Iterable[Path | str], size: int = PARTITION_DOCUMENTS
) -> tuple[list[Partition], list[SourceProblem]]:
    """Split the sources under ``paths`` into partitions, in input order.

    Cheap: a JSONL corpus is scanned once for line offsets (no JSON is parsed), other
    files are only listed. Returns the partitions and the paths that cannot be read.
    """
    parts: list[Partition] = []
    problems: list[SourceProblem] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            parts.append(Partition(files=tuple(group), documents=len(group)))
            group.clear()

    for item in iter_source_files(Path(p) for p in paths):
        if isinstance(item, SourceProblem):
            problems.append(item)
            continue
        suffix = item.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            flush()
            try:
                parts.extend(_jsonl_partitions(item, size))
            except OSError as exc:
                problems.append(SourceProblem(str(item), f"cannot read the file: {exc.strerror}"))
        elif suffix in TABLE_SUFFIXES:  # a table is one (large) document
            flush()
            parts.append(Partition(files=(str(item),), documents=1))
        else:
            group.append(str(item))
            if len(group) >= PARTITION_FILES:
                flush()
    flush()
    return parts, problems


def _jsonl_partitions(path: Path, size: int) -> Iterator[Partition]:
    """Ranges of ``size`` lines of a JSONL file, found by counting newlines in large
    blocks (no line is parsed, nor even split)."""
    start, first, lines = 0, 1, 0  # the range being filled: byte offset, first line, lines
    offset = 0  # bytes read so far
    with open(path, "rb") as fh:
        while block := fh.read(1 << 22):
            pos = 0
            while True:
                want = size - lines  # newlines still needed to fill the range
                n = block.count(b"\n", pos)
                if n < want:
                    lines += n
                    break
                end = pos
                for _ in range(want):
                    end = block.index(b"\n", end) + 1
                yield Partition(
                    jsonl=str(path),
                    start=start,
                    end=offset + end,
                    first_line=first,
                    documents=size,
                )
                start, first, lines, pos = offset + end, first + size, 0, end
            offset += len(block)
    if offset > start:  # the last range, and a last line without a newline
        tail = lines + (1 if offset and not _ends_with_newline(path) else 0)
        yield Partition(jsonl=str(path), start=start, end=offset, first_line=first, documents=tail)


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as fh:
        fh.seek(-1, 2)
        return fh.read(1) == b"\n"


def iter_raw(part: Partition, result: LoadResult) -> Iterator[RawSource]:
    """The documents of one partition as bytes, in order (blank JSONL lines skipped;
    files that cannot be read are added to ``result`` as problems)."""
    if part.jsonl is not None:
        path = Path(part.jsonl)
        lineno = part.first_line - 1
        try:
            with open(path, "rb") as fh:
                fh.seek(part.start)
                offset = part.start
                for line in fh:
                    if offset >= part.end:
                        break
                    offset += len(line)
                    lineno += 1
                    if line.strip():
                        yield RawSource(f"{path}:{lineno}", line, path, lineno)
        except OSError as exc:
            reason = f"cannot read the file: {exc.strerror}"
            result.problems.append(SourceProblem(str(path), reason))
        return
    for name in part.files:
        path = Path(name)
        try:
            if path.stat().st_size > MAX_BYTES:
                reason = f"file is larger than {MAX_BYTES // 2**20} MiB"
                result.problems.append(SourceProblem(str(path), reason))
                continue
            data = path.read_bytes()
        except PermissionError:
            reason = "permission denied: cannot read the file"
            result.problems.append(SourceProblem(str(path), reason))
            continue
        except OSError as exc:
            reason = f"cannot read the file: {exc.strerror}"
            result.problems.append(SourceProblem(str(path), reason))
            continue
        yield RawSource(str(path), data, path)


def read_partition(part: Partition, result: LoadResult) -> Iterator[Document]:
    """The documents of one partition, in order, with ids local to it (made unique
    across the build by :func:`iter_sources` or the build's merge step); problems and
    warnings are added to ``result``."""
    for raw in iter_raw(part, result):
        doc = parse_raw(raw, result)
        if doc is not None:
            yield doc


def _parse_file(raw: RawSource, result: LoadResult) -> Document | None:
    path = raw.path
    suffix = path.suffix.lower()
    try:
        text, warning = decode(raw.data, str(path))
        if warning:
            result.warnings.append(SourceProblem(str(path), warning))
        doc_id = raw.positional_id
        if suffix in HTML_SUFFIXES:
            return parse_html(text, str(path), doc_id)
        if suffix in TABLE_SUFFIXES:
            from graph.sources.tables import parse_table

            doc, row_warnings = parse_table(text, str(path), doc_id)
            result.warnings.extend(row_warnings)
            return doc
        return parse_text_file(text, str(path), doc_id, result.warnings)
    except ValueError as exc:
        result.problems.append(SourceProblem(str(path), str(exc)))
    except Exception as exc:  # a parser bug on one file must not stop the others
        result.problems.append(
            SourceProblem(str(path), f"could not be read: {type(exc).__name__}: {exc}")
        )
    return None


def text_hash(text: str) -> bytes:
    """What makes two documents the same text (whitespace aside)."""
    return hashlib.sha256(" ".join(text.split()).encode()).digest()[:16]


class Admission:
    """Build-wide checks on documents met in input order: a text seen before is a
    duplicate (skipped, reported), and ids are made unique (``x``, ``x-2``, …)."""

    def __init__(self) -> None:
        self.seen: dict[bytes, str] = {}
        self.used_ids: set[str] = set()

    def duplicate_of(self, digest: bytes, path: str) -> str | None:
        first = self.seen.get(digest)
        if first is None:
            self.seen[digest] = path
        return first

    def unique_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self.used_ids.add(candidate)
        return candidate


def iter_sources(paths: Iterable[Path | str], result: LoadResult) -> Iterator[Document]:
    """Stream the documents under ``paths`` one at a time (a ``.jsonl`` corpus line by
    line), adding problems and warnings to ``result`` as they are met."""
    parts, problems = plan_partitions(paths)
    result.warnings.extend(p for p in problems if isinstance(p, NotAnArticle))
    result.problems.extend(p for p in problems if not isinstance(p, NotAnArticle))
    admission = Admission()
    for part in parts:
        for doc in read_partition(part, result):
            first = admission.duplicate_of(text_hash(doc.text), doc.path)
            if first is not None:
                result.problems.append(
                    SourceProblem(doc.path, f"duplicate of {first} (same text); skipped")
                )
                continue
            doc_id = admission.unique_id(doc.doc_id)
            yield doc if doc_id == doc.doc_id else replace(doc, doc_id=doc_id)


def with_text(doc: Document, text: str) -> Document:
    """A copy of ``doc`` with other text (used by tests and the cleaner)."""
    return replace(doc, text=text)
