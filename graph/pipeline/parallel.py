"""Extraction of many documents: partitions read and extracted as independent tasks.

The input is split into partitions (:func:`graph.sources.load.plan_partitions`: a range of lines
of a JSONL corpus, or a few files). One task, :func:`process_partition`, reads its
partition, looks its documents up in the cache, extracts the others and returns a small
:class:`PartitionResult`: for each document its key, whether it was prefiltered, and the
pickled extraction only if it states something (most news states nothing). The text never
leaves the task, so the build's memory follows the facts, not the corpus.

Engines run those tasks and give the results back in input order, so every engine and
every number of workers gives the same graph:

- ``local`` with ``jobs`` = 1: in this process;
- ``local`` with ``jobs`` > 1: a pool of worker processes on this machine;
- ``dask``: tasks on a Dask ``distributed`` cluster (a ``LocalCluster`` of ``jobs``
  workers, or the scheduler at ``scheduler``); the workers must see the source files at
  the same paths (a shared file system) and have kotamitra installed.

At most a few tasks per worker are in flight, so memory stays bounded by the batch,
not the corpus.
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from graph.errors import EngineError
from graph.extract import extract
from graph.extract.agreements import extract_agreements
from graph.extract.gazetteer import Gazetteer, default_gazetteer
from graph.extract.tables import extract_table
from graph.model import Document, Extraction, SourceProblem
from graph.pipeline.cache import CACHE_FILE, Entry, ExtractionCache, raw_key
from graph.sources.load import TABLE_SUFFIXES, LoadResult, Partition, iter_raw, parse_raw, text_hash
from graph.sources.tables import is_table

ENGINES = ("local", "dask")


class DocOutcome(NamedTuple):
    """What one document gave, in a form cheap to send between processes."""

    path: str
    doc_id: str  # local to the partition; made unique across the build by the merge
    key: bytes | None  # cache key; None when the document is not cached (tables)
    entry: Entry | None = None  # what the cache holds (or will hold) for it
    fresh: bool = True  # extracted now, not taken from the cache
    problem: str | None = None  # extraction failed, with the reason


@dataclass
class PartitionResult:
    outcomes: list[DocOutcome] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    warnings: list[SourceProblem] = field(default_factory=list)


_READERS: dict[str, tuple[int, ExtractionCache]] = {}


def _reader(folder: str | None) -> ExtractionCache | None:
    """This worker process's read-only view of the cache, opened once and reopened if
    the file was replaced (``--force``, or a long-lived Dask worker between builds)."""
    if folder is None:
        return None
    cache_file = Path(folder) / CACHE_FILE
    try:
        inode = cache_file.stat().st_ino
    except OSError:
        return None
    known = _READERS.get(folder)
    if known is not None and known[0] == inode:
        return known[1]
    if known is not None:
        known[1].close()
    reader = ExtractionCache(Path(folder), readonly=True)
    _READERS[folder] = (inode, reader)
    return reader


def extract_document(doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """One document's extraction: a table of partnerships, or a text (its facts, then
    the agreements it reports)."""
    gaz = gazetteer or default_gazetteer()
    if is_table(doc.path):  # a .csv/.tsv table of partnerships
        return extract_table(doc, gaz)
    ex = extract(doc, gaz)
    if ex.states_something:
        ex.agreements = extract_agreements(doc, ex, gaz)
    return ex


# Two sentences that reach every rule family, in both languages: extracting them loads
# every word list, pattern and table the extractor reads lazily.
_WARM_UP = (
    Document(
        "warm-up-id",
        "Wali Kota Medan menandatangani MoU kota kembar dengan Wali Kota Gwangju, Korea "
        "Selatan, pada 3 Mei 2023 dan melepas 12 pelajar ke Jepang.",
        "warm-up.txt",
        language="id",
    ),
    Document(
        "warm-up-en",
        "The Mayor of Surabaya signed a sister city agreement with Kochi City, Japan, on "
        "3 May 2023, valid for five years.",
        "warm-up.txt",
        language="en",
    ),
)


def preload() -> None:
    """Load, in this process, everything the extractor reads lazily (gazetteer, word
    lists, the world table), so that worker processes forked afterwards share it instead
    of each reading it again."""
    for doc in _WARM_UP:
        extract_document(doc)


def process_partition(
    part: Partition,
    cache_folder: str | None = None,
    gazetteer: Gazetteer | None = None,
    reader: ExtractionCache | None = None,
) -> PartitionResult:
    """Read one partition and extract what the cache does not already hold (looked up
    through ``reader``, or this process's reader of ``cache_folder``). A document found
    in the cache is not even parsed."""
    loaded = LoadResult()
    raws = list(iter_raw(part, loaded))
    cached = not (part.files and Path(part.files[0]).suffix.lower() in TABLE_SUFFIXES)
    keys = [raw_key(r.data) if cached else None for r in raws]
    reader = reader or _reader(cache_folder)
    found = reader.get_many([k for k in keys if k is not None]) if reader else {}
    result = PartitionResult(problems=loaded.problems, warnings=loaded.warnings)
    for raw, key in zip(raws, keys, strict=True):
        hit = found.get(key) if key is not None else None
        if hit is not None and (hit.data is None or _loads(hit.data)):
            if hit.warnings:
                result.warnings.extend(SourceProblem(raw.where, w) for w in hit.warnings)
            doc_id = hit.doc_id or raw.positional_id
            result.outcomes.append(DocOutcome(raw.where, doc_id, key, hit, False))
            continue
        before = len(loaded.warnings)
        doc = parse_raw(raw, loaded)
        if doc is None:
            continue
        try:
            ex = extract_document(doc, gazetteer)
        except Exception as exc:  # a bug on one text must not lose the others
            problem = f"extraction failed: {type(exc).__name__}: {exc}"
            result.outcomes.append(DocOutcome(doc.path, doc.doc_id, key, problem=problem))
            continue
        data = None
        if ex.states_something:
            ex.document = replace(ex.document, text="")
            data = pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL)
        entry = Entry(
            prefiltered=ex.prefiltered,
            data=data,
            digest=text_hash(doc.text),
            doc_id=None if doc.doc_id == raw.positional_id else doc.doc_id,
            warnings=tuple(w.reason for w in loaded.warnings[before:]),
        )
        result.outcomes.append(DocOutcome(doc.path, doc.doc_id, key, entry))
    return result


def _loads(data: bytes) -> bool:
    try:
        pickle.loads(data)
    except Exception:
        return False
    return True


def run_partitions(
    parts: Sequence[Partition],
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache_folder: str | None = None,
    gazetteer: Gazetteer | None = None,
    connect_timeout: float = 30.0,
) -> Iterator[PartitionResult]:
    """Process every partition with ``engine``; results in input order."""
    if engine == "dask":
        yield from _run_dask(parts, jobs, scheduler, cache_folder, connect_timeout)
    elif engine != "local":
        raise EngineError(f"unknown engine {engine!r} (use one of: {', '.join(ENGINES)})")
    elif jobs <= 1 or len(parts) <= 1:
        # in this process: a reader of its own for this run (the module's readers are
        # for worker processes; a connection must not be inherited across a fork)
        reader = ExtractionCache(Path(cache_folder), readonly=True) if cache_folder else None
        try:
            for part in parts:
                yield process_partition(part, None, gazetteer, reader)
        finally:
            if reader is not None:
                reader.close()
    else:
        preload()  # word lists and tables loaded once here: forked workers share them
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from _windowed(
                parts, lambda p: pool.submit(process_partition, p, cache_folder), 2 * jobs + 1
            )


def _windowed(
    parts: Sequence[Partition], submit: Callable[[Partition], Any], window: int
) -> Iterator[PartitionResult]:
    """Keep ``window`` tasks in flight; yield their results in input order."""
    pending: deque[Any] = deque()
    todo = iter(parts)
    try:
        for part in todo:
            pending.append(submit(part))
            if len(pending) >= window:
                break
        while pending:
            future = pending.popleft()
            result = future.result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(submit(nxt))
            yield result
    finally:
        for future in pending:  # an interrupted build: drop the tasks not yet begun
            future.cancel()


def _run_dask(
    parts: Sequence[Partition],
    jobs: int,
    scheduler: str | None,
    cache_folder: str | None,
    connect_timeout: float,
) -> Iterator[PartitionResult]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(
            "the dask engine needs the 'distributed' package",
            "install it with: pip install 'kotamitra[dask]'",
        ) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=f"{connect_timeout}s")
        else:
            cluster = LocalCluster(
                n_workers=max(1, jobs),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        where = scheduler or "a local cluster"
        raise EngineError(f"cannot reach the Dask scheduler at {where}: {exc}") from None
    try:
        window = 2 * max(1, sum(client.nthreads().values())) + 1
        yield from _windowed(
            parts,
            lambda p: client.submit(process_partition, p, cache_folder, pure=False),
            window,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
