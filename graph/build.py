"""The build: sources → load → extract → resolve → rdf → files in the output folder.

Outputs are written atomically: each file is written to a temporary file in the output
folder and moved over the old one only when complete, so an interrupted build leaves
the previous outputs intact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from graph.extract import extract
from graph.gazetteer import Gazetteer, default_gazetteer
from graph.load import LoadResult, iter_sources
from graph.model import Document, Extraction, SourceProblem
from graph.rdf import to_dataset, union_graph
from graph.resolve import resolve
from graph.tables import extract_table, is_table

CACHE_DIR = ".cache"  # per-document extraction cache inside the output folder
GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"


@dataclass
class BuildReport:
    out_dir: Path
    documents: int = 0
    facts: int = 0
    activities: int = 0
    claims: int = 0
    entities: int = 0
    triples: int = 0
    prefiltered: int = 0  # documents with nothing international in them
    cached: int = 0  # documents taken from the cache
    problems: list[SourceProblem] = field(default_factory=list)
    warnings: list[SourceProblem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


@contextlib.contextmanager
def atomic_write(path: Path, mode: str = "w") -> Iterator[object]:
    """Open a temporary file beside ``path``; on success move it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: Path, text: str) -> Path:
    with atomic_write(path) as fh:
        fh.write(text)  # type: ignore[attr-defined]
    return path


def extract_document(doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """One document's extraction: a table of partnerships, or a text."""
    gaz = gazetteer or default_gazetteer()
    if is_table(doc.path):  # a .csv/.tsv table of partnerships
        return extract_table(doc, gaz)
    return extract(doc, gaz)


@dataclass
class ExtractStats:
    documents: int = 0
    prefiltered: int = 0
    cached: int = 0


def extract_all(
    paths: Iterable[Path | str],
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    stats: ExtractStats | None = None,
) -> tuple[list[Extraction], list[SourceProblem], list[SourceProblem]]:
    """Load and extract every source; returns extractions, problems and warnings.

    With ``jobs`` > 1 the extraction runs in worker processes (same result as one);
    with ``cache_dir`` unchanged documents are taken from the cache (see
    :mod:`graph.parallel`).
    """
    from graph.parallel import Cache, extract_documents

    loaded = LoadResult()
    documents = iter_sources(paths, loaded)  # a stream: a corpus is never all in memory
    cache = None
    if gazetteer is not None and jobs == 1 and cache_dir is None:
        outcomes = (_safe_extract(doc, gazetteer) for doc in documents)
    else:
        cache = Cache(cache_dir) if cache_dir is not None else None
        outcomes = extract_documents(documents, jobs=jobs, cache=cache)
    extractions: list[Extraction] = []
    problems: list[SourceProblem] = []
    stats = stats if stats is not None else ExtractStats()
    for outcome in outcomes:
        if progress:
            progress(1)
        if isinstance(outcome, SourceProblem):
            problems.append(outcome)
            continue
        stats.documents += 1
        if outcome.prefiltered:
            stats.prefiltered += 1  # kept: its named graph describes the article only
        extractions.append(outcome)
    if cache_dir is not None and cache is not None:
        stats.cached = cache.hits
    return resolve(extractions), [*loaded.problems, *problems], list(loaded.warnings)


def _safe_extract(doc: Document, gazetteer: Gazetteer) -> Extraction | SourceProblem:
    try:
        return extract_document(doc, gazetteer)
    except Exception as exc:  # a bug on one text must not lose the others
        return SourceProblem(doc.path, f"extraction failed: {type(exc).__name__}: {exc}")


def build_dataset(paths: Iterable[Path | str], gazetteer: Gazetteer | None = None) -> Dataset:
    """The graph of the given sources, in memory (for notebooks and tests)."""
    extractions, _, _ = extract_all(paths, gazetteer)
    return to_dataset(extractions)


def write_graph(ds: Dataset, out_dir: Path) -> tuple[list[Path], Graph]:
    """Write ``graph.trig`` (named graphs) and ``graph.ttl`` (their union)."""
    union = union_graph(ds)
    trig = ds.serialize(format="trig")
    ttl = union.serialize(format="turtle")
    return [write_text(out_dir / GRAPH_TRIG, trig), write_text(out_dir / GRAPH_TTL, ttl)], union


def build(
    paths: Iterable[Path | str],
    out_dir: Path,
    *,
    with_metrics: bool = True,
    with_viz: bool = True,
    with_store: bool = True,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    cache: bool = True,
    force: bool = False,
) -> BuildReport:
    """Run the whole build and write its outputs into ``out_dir``.

    Every output is first written into a staging folder inside ``out_dir``; only when
    all of them are complete are they moved over the previous ones, so a build that
    fails or is interrupted midway leaves the previous outputs as they were and
    consistent with each other.
    """
    out_dir = Path(out_dir)
    cache_dir = out_dir / CACHE_DIR if cache else None
    if cache_dir is not None and force:
        shutil.rmtree(cache_dir, ignore_errors=True)
    stats = ExtractStats()
    extractions, problems, warnings = extract_all(
        paths, progress=progress, jobs=jobs, cache_dir=cache_dir, stats=stats
    )
    ds = to_dataset(extractions)
    report = BuildReport(out_dir=out_dir, problems=problems, warnings=warnings)
    report.prefiltered = stats.prefiltered
    report.cached = stats.cached
    report.documents = len(extractions)
    report.facts = sum(len(e.facts) for e in extractions)
    report.activities = sum(len(e.activities) for e in extractions)
    report.claims = sum(len(e.claims) for e in extractions)
    report.entities = len({slug for e in extractions for slug in e.entities})
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir))
    try:
        metrics = None
        metrics_trig = None
        if with_metrics:
            from graph.metrics import add_metrics_graph, compute_metrics
            from graph.rdf import bind

            # computed on the facts; written as a named graph of its own
            # (kmr:graph/metrics) into metrics.trig and the store, so that SPARQL can rank
            # actors by them, while graph.trig keeps one named graph per source document
            metrics = compute_metrics(ds)
            mds = Dataset()
            bind(mds)
            add_metrics_graph(mds, metrics)
            metrics_trig = write_text(staging / "metrics.trig", mds.serialize(format="trig"))
        staged, union = write_graph(ds, staging)
        if metrics_trig is not None:
            staged.append(metrics_trig)
        report.triples = len(union)
        from graph.export import write_exports

        staged.extend(write_exports(ds, staging))
        if metrics is not None:
            from graph.metrics import write_metrics

            staged.extend(write_metrics(metrics, staging))
        if with_viz:
            from graph.viz import render_html

            staged.append(render_html(union, staging / "graph.html"))
        if with_store:
            from graph.store import write_store

            extra = [metrics_trig] if metrics_trig is not None else []
            staged_store = write_store(staging / GRAPH_TRIG, staging, extra=extra)
        for path in staged:
            target = out_dir / path.name
            os.replace(path, target)
            report.written.append(target)
        if with_store:
            target = out_dir / staged_store.name
            old = staging / ".old-store"
            if target.exists():
                target.rename(old)
            staged_store.rename(target)
            report.written.append(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report
