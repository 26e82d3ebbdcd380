"""Extraction of many documents: worker processes, a content-hash cache, bounded memory.

- ``jobs``: documents are extracted in a pool of worker processes (each loads the
  gazetteer once); results come back in input order, so ``--jobs 4`` gives exactly the
  graph ``--jobs 1`` gives.
- ``cache_dir``: one file per document, keyed by a hash of the document (text and
  metadata) and of the extractor itself (its code and word lists). A rebuild extracts
  only new or changed documents; deleted ones simply drop out. Cache files are written
  atomically, so a killed build never leaves a half-written entry.
- Memory: an extraction keeps its document's metadata but not its text (the evidence
  sentences are kept), so a corpus streams through with memory bounded by the facts, not
  the text.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache
from itertools import islice
from pathlib import Path

from graph.model import Document, Extraction, SourceProblem

Outcome = Extraction | SourceProblem
CACHE_FORMAT = 1


@cache
def extractor_version() -> str:
    """A hash of the extractor's code and data: a change to either empties the cache."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256(str(CACHE_FORMAT).encode())
    for path in sorted([*here.glob("*.py"), *(here / "lexicon").glob("*")]):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def document_key(doc: Document) -> str:
    h = hashlib.sha256(extractor_version().encode())
    for value in (
        doc.doc_id,
        doc.path,
        doc.title,
        doc.url,
        doc.publisher,
        doc.published,
        doc.language,
        doc.kind,
        doc.text,
    ):
        h.update(b"\x1f" + (value or "").encode("utf-8"))
    return h.hexdigest()


def _extract_one(doc: Document) -> Outcome:
    from graph.build import extract_document

    try:
        ex = extract_document(doc)
    except Exception as exc:  # a bug on one text must not lose the others
        return SourceProblem(doc.path, f"extraction failed: {type(exc).__name__}: {exc}")
    ex.document = replace(ex.document, text="")
    return ex


class Cache:
    """Extractions on disk, one pickle per document key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> Extraction | None:
        path = self._path(key)
        try:
            with open(path, "rb") as fh:
                ex = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return ex  # type: ignore[no-any-return]

    def put(self, key: str, ex: Extraction) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(ex, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def extract_documents(
    docs: Iterable[Document],
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 256,
) -> Iterator[Outcome]:
    """Extract every document, in input order (an extraction or a problem each)."""
    store = cache
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    try:
        for batch in _batches(docs, batch_size):
            keys = [document_key(d) for d in batch] if store else [""] * len(batch)
            cached = [store.get(k) if store else None for k in keys]
            todo = [d for d, c in zip(batch, cached, strict=True) if c is None]
            if pool is not None and len(todo) > 1:
                fresh = iter(
                    pool.map(_extract_one, todo, chunksize=max(1, len(todo) // (jobs * 4)))
                )
            else:
                fresh = iter(map(_extract_one, todo))
            for key, hit in zip(keys, cached, strict=True):
                outcome: Outcome = hit if hit is not None else next(fresh)
                if store is not None and hit is None and isinstance(outcome, Extraction):
                    store.put(key, outcome)
                if progress:
                    progress(1)
                yield outcome
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
