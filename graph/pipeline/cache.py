"""The extraction cache: what each document gave the last time it was extracted.

One SQLite file (``OUT/.cache/extractions.sqlite``), keyed by a hash of the document's
bytes and of the extractor itself (its code and word lists: a change to either makes
every key new). A row holds whether the document was prefiltered, the hash of its
text, the id its record gave, its load warnings and, for a document that states
something, its pickled :class:`~graph.model.Extraction` (without the text).

SQLite gives what a cache of a build that can be killed at any moment needs: a batch of
entries is written in one transaction, so a ``kill -9`` leaves either all of it or none
(write-ahead log, recovered at the next open), and readers in worker processes see only
committed rows while the build writes. Only the build's main process writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from graph.resources import files_digest, lexicon_dir

CACHE_FILE = "extractions.sqlite"
CACHE_FORMAT = 4  # bump when the row layout or the pickled classes change


#: The modules and sub-packages (paths inside ``graph/``) whose code decides what a
#: document's extraction is (the later stages, resolve, rdf, metrics, viz, run on every
#: build and are not cached). A test walks the imports of the extractor and fails when one
#: is missing here.
EXTRACTOR_MODULES = (
    "sources",
    "extract",
    "pipeline/cache.py",
    "pipeline/parallel.py",  # extract_document: which extractor a document goes to
    "model.py",
    "resources.py",
    "vocab.py",
    "files.py",
    "errors.py",
)


def _package_files(entries: Iterable[str]) -> list[Path]:
    package = Path(__file__).resolve().parents[1]
    found: list[Path] = []
    for entry in entries:
        path = package / entry
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return found


@cache
def extractor_version() -> str:
    """A hash of the extractor's code and data: a change to either empties the cache."""
    modules = _package_files(EXTRACTOR_MODULES)
    return files_digest([*modules, *lexicon_dir().glob("*")], str(CACHE_FORMAT))[:16]


def raw_key(data: bytes) -> bytes:
    """The cache key of a document: a hash of its bytes as read (a JSONL line or a
    file) and of the extractor. Not of where it was read from: moving a file or
    inserting lines above a JSONL record keeps its entry. A hit needs no parsing."""
    h = hashlib.sha256(extractor_version().encode())
    h.update(b"\x1f")
    h.update(data)
    return h.digest()[:20]


class Entry(NamedTuple):
    """What the cache holds for one document (a named tuple: cheap to send between
    processes, as a build sends one for every document)."""

    prefiltered: bool
    data: bytes | None  # the pickled Extraction, when the document states something
    digest: bytes  # hash of its text, to find duplicates
    doc_id: str | None  # the id its record gave, None when the id comes from its place
    warnings: tuple[str, ...] = ()  # load warnings, reported again on every build


Row = tuple[bytes, Entry]


class ExtractionCache:
    """Read (any process) and write (the build's main process) the cache file."""

    def __init__(self, folder: Path, *, readonly: bool = False) -> None:
        self.path = folder / CACHE_FILE
        self.readonly = readonly
        self.hits = 0
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        if self.readonly:
            if not self.path.is_file():
                return None
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            # no fsync: a killed build cannot damage a WAL database without it, and a
            # cache damaged by a power cut is only set aside and rebuilt (open_cache)
            db.execute("PRAGMA synchronous=OFF")
            db.execute(
                "CREATE TABLE IF NOT EXISTS extraction ("
                "key BLOB PRIMARY KEY, prefiltered INTEGER NOT NULL, data BLOB, "
                "digest BLOB NOT NULL, doc_id TEXT, warnings TEXT"
                ") WITHOUT ROWID"
            )
            db.commit()
        self._db = db
        return db

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, Entry]:
        """The cached entries of ``keys`` (missing keys are left out)."""
        try:
            db = self._connect()
            if db is None or not keys:
                return {}
            found: dict[bytes, Entry] = {}
            for i in range(0, len(keys), 500):
                chunk = list(keys[i : i + 500])
                marks = ",".join("?" * len(chunk))
                for key, pre, data, digest, doc_id, warnings in db.execute(
                    "SELECT key, prefiltered, data, digest, doc_id, warnings "
                    f"FROM extraction WHERE key IN ({marks})",
                    chunk,
                ):
                    notes = tuple(warnings.split("\n")) if warnings else ()
                    found[bytes(key)] = Entry(bool(pre), data, bytes(digest), doc_id, notes)
        except sqlite3.DatabaseError:  # a damaged cache is only a slower build
            return {}
        self.hits += len(found)
        return found

    def put_many(self, rows: Iterable[Row]) -> None:
        """Write rows in one transaction (all of them or, if killed, none)."""
        db = self._connect()
        if db is None:
            return
        with db:
            db.executemany(
                "INSERT OR REPLACE INTO extraction "
                "(key, prefiltered, data, digest, doc_id, warnings) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (k, int(e.prefiltered), e.data, e.digest, e.doc_id, "\n".join(e.warnings))
                    for k, e in rows
                ),
            )

    def count(self) -> int:
        """How many entries the cache holds."""
        db = self._connect()
        if db is None:
            return 0
        return int(db.execute("SELECT count(*) FROM extraction").fetchone()[0])

    def prune(self, used: Sequence[bytes], slack: float = 0.1, minimum: int = 100) -> int:
        """Drop the entries not in ``used`` (documents deleted or changed since) once
        they are more than ``slack`` of the used ones and ``minimum``: a small rebuild
        does not pay for a sweep of the whole cache. Returns how many were dropped."""
        if self.count() <= len(used) * (1 + slack) + minimum:
            return 0
        return self.keep_only(used)

    def keep_only(self, keys: Iterable[bytes]) -> int:
        """Drop every entry not in ``keys`` (documents deleted or changed since); returns
        how many were dropped."""
        db = self._connect()
        if db is None:
            return 0
        with db:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key BLOB PRIMARY KEY)")
            db.execute("DELETE FROM used")
            db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in keys))
            cur = db.execute("DELETE FROM extraction WHERE key NOT IN (SELECT key FROM used)")
            dropped = cur.rowcount
            db.execute("DELETE FROM used")
        return dropped

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def open_cache(folder: Path) -> ExtractionCache:
    """The writer's cache; a file that is not a valid cache is set aside and rebuilt."""
    cache_ = ExtractionCache(folder)
    try:
        db = cache_._connect()
        if db is not None:
            db.execute("SELECT 1 FROM extraction LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        cache_.close()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(cache_.path) + suffix).unlink()
        cache_ = ExtractionCache(folder)
    return cache_
