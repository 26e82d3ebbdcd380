"""The build: sources → load → extract → resolve → rdf → files in the output folder.

Outputs are written atomically: each file is written to a temporary file in the output
folder and moved over the old one only when complete, so an interrupted build leaves
the previous outputs intact.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Dataset

from graph import vocab
from graph.errors import BuildLocked
from graph.extract.gazetteer import Gazetteer
from graph.files import write_text
from graph.model import Extraction, NotAnArticle, SourceProblem
from graph.rdf.entail import ENTAILMENTS_TRIG, write_entailments
from graph.rdf.export import write_void
from graph.rdf.triples import build_graph, to_dataset
from graph.rdf.write import GRAPH_TRIG, GRAPH_TTL, write_rdf_files
from graph.resolve import resolve

CACHE_DIR = ".cache"  # per-document extraction cache inside the output folder


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
    stating: int = 0  # documents stating something: one named graph each
    unchanged: bool = False  # the graph is the last build's: its outputs were kept
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    problems: list[SourceProblem] = field(default_factory=list)
    warnings: list[SourceProblem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


LOCK_FILE = ".lock"
METRICS_TRIG = "metrics.trig"


class Background:
    """Run ``fn`` in a forked child process while this process goes on; :meth:`wait`
    joins it and returns what ``fn`` returned (it must pickle), or raises if it failed.
    Where ``fork`` is missing, ``fn`` runs at once."""

    def __init__(self, fn: Callable[[], object], stage: str) -> None:
        import multiprocessing

        self.stage = stage
        self.proc = None
        self.result: object = None
        try:
            ctx = multiprocessing.get_context("fork")
        except ValueError:
            self.result = fn()
            return
        self.receiver, sender = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_child, args=(fn, sender), daemon=True)
        self.proc.start()
        sender.close()

    def cancel(self) -> None:
        """Stop the child if it still runs (the build failed elsewhere)."""
        if self.proc is not None and self.proc.is_alive():
            self.proc.kill()
        if self.proc is not None:
            self.proc.join()

    def wait(self) -> object:
        if self.proc is None:
            return self.result
        try:
            failure, result = self.receiver.recv()
        except EOFError:  # the child died without a word (killed)
            failure, result = "the process ended unexpectedly", None
        self.proc.join()
        self.receiver.close()
        if failure is not None or self.proc.exitcode != 0:
            raise RuntimeError(f"the {self.stage} stage failed: {failure}")
        return result


def _child(fn: Callable[[], object], sender: Any) -> None:
    try:
        result = fn()
    except BaseException as exc:
        sender.send((f"{type(exc).__name__}: {exc}", None))
        raise SystemExit(1) from None
    sender.send((None, result))


@contextlib.contextmanager
def build_lock(out_dir: Path) -> Iterator[None]:
    """Hold the output folder for one build at a time, and clear what a build that
    was killed left behind (its staging folder, temporary files).

    An advisory lock (``flock`` on ``OUT/.lock``): the system releases it when the
    process ends, however it ends, so a ``kill -9`` never leaves the folder locked.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no lock, nothing else changes
        _clear_leftovers(out_dir)
        yield
        return
    fh = open(out_dir / LOCK_FILE, "a+")  # noqa: SIM115 - held for the whole build
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLocked(
                f"another build is writing into {out_dir}",
                "wait for it to finish, or build into another folder with --out",
            ) from None
        _clear_leftovers(out_dir)
        yield
    finally:
        fh.close()


def _clear_leftovers(out_dir: Path) -> None:
    for path in out_dir.iterdir():
        name = path.name
        if not (
            name.startswith((".build-", ".store-")) or (name[:1] == "." and name.endswith(".tmp"))
        ):
            continue
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def _timed(report: BuildReport, stage: str) -> Iterator[None]:
    clock = time.perf_counter()
    try:
        yield
    finally:
        report.timings[stage] = report.timings.get(stage, 0.0) + time.perf_counter() - clock


@dataclass
class ExtractStats:
    documents: int = 0  # read (duplicates and unreadable ones aside)
    prefiltered: int = 0  # nothing international in them: skipped before extraction
    cached: int = 0  # taken from the cache
    stating: int = 0  # stating a fact, activity or claim (one named graph each)
    dropped: int = 0  # cache entries of documents gone or changed since the last build


def extract_all(
    paths: Iterable[Path | str],
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int], None] | None = None,
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    stats: ExtractStats | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    partition_size: int | None = None,
) -> tuple[list[Extraction], list[SourceProblem], list[SourceProblem]]:
    """Load and extract every source; returns the extractions of the documents that
    state something (resolved across documents), problems and warnings.

    The input is split into partitions extracted as independent tasks by ``engine``
    (see :mod:`graph.pipeline.parallel`); with ``cache_dir`` unchanged documents are taken from
    the cache. Results are merged in input order, so any engine and any ``jobs`` give
    the same graph. Only the extractions that state something are kept in memory.
    """
    from graph.pipeline.cache import open_cache
    from graph.pipeline.parallel import run_partitions
    from graph.sources.load import PARTITION_DOCUMENTS, Admission, plan_partitions

    parts, problems = plan_partitions(paths, partition_size or PARTITION_DOCUMENTS)
    warnings: list[SourceProblem] = [p for p in problems if isinstance(p, NotAnArticle)]
    problems = [p for p in problems if not isinstance(p, NotAnArticle)]
    stats = stats if stats is not None else ExtractStats()
    cache = open_cache(cache_dir) if cache_dir is not None else None
    admission = Admission()
    extractions: list[Extraction] = []
    used: list[bytes] = []
    results = run_partitions(
        parts,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        cache_folder=str(cache_dir) if cache is not None else None,
        gazetteer=gazetteer,
    )
    try:
        for part, result in zip(parts, results, strict=True):
            problems.extend(result.problems)
            warnings.extend(result.warnings)
            rows = []
            for out in result.outcomes:
                if out.problem is not None or out.entry is None:
                    problems.append(SourceProblem(out.path, out.problem or "not extracted"))
                    continue
                entry = out.entry
                first = admission.duplicate_of(entry.digest, out.path)
                if first is not None:
                    problems.append(
                        SourceProblem(out.path, f"duplicate of {first} (same text); skipped")
                    )
                    continue
                doc_id = admission.unique_id(out.doc_id)
                stats.documents += 1
                stats.prefiltered += entry.prefiltered
                if out.key is not None:
                    used.append(out.key)
                    if out.fresh:
                        rows.append((out.key, entry))
                    else:
                        stats.cached += 1
                if entry.data is not None:
                    ex: Extraction = pickle.loads(entry.data)
                    ex.document = replace(ex.document, doc_id=doc_id, path=out.path)
                    extractions.append(ex)
            if cache is not None and rows:
                cache.put_many(rows)  # one transaction a partition
            if progress:
                progress(part.documents)
        if cache is not None:
            stats.dropped = cache.prune(used)
    finally:
        if cache is not None:
            cache.close()
    stats.stating = len(extractions)
    return resolve(extractions), problems, warnings


def build_dataset(paths: Iterable[Path | str], gazetteer: Gazetteer | None = None) -> Dataset:
    """The graph of the given sources, in memory (for notebooks and tests)."""
    extractions, _, _ = extract_all(paths, gazetteer)
    return to_dataset(extractions)


STATE_FILE = "build.json"  # in the cache folder: the digest of the last build's graph


def _outputs(with_metrics: bool, with_viz: bool, with_store: bool) -> list[str]:
    names = [GRAPH_TRIG, GRAPH_TTL, "graph.nq", "void.ttl", ENTAILMENTS_TRIG]
    if with_metrics:
        names += [METRICS_TRIG, "metrics.json", "metrics.csv"]
    if with_viz:
        names.append("graph.html")
    if with_store:
        names.append("store")
    return names


@cache
def code_version() -> str:
    """A hash of the whole package: its code, word lists, ontology and templates."""
    from graph.resources import files_digest, ontology_dir

    package = Path(__file__).resolve().parents[1]
    files = [*package.rglob("*"), *ontology_dir().rglob("*")]
    return files_digest(p for p in files if "__pycache__" not in p.parts)


def _plain(value: object) -> object:
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"cannot digest {type(value).__name__}")


def graph_digest(
    extractions: Iterable[Extraction], documents: int, options: dict[str, bool | int | None]
) -> str:
    """What decides a build's outputs: the resolved extractions (in order), the number
    of documents read, the options and the code. Equal digests, equal outputs."""
    h = hashlib.sha256(code_version().encode())
    h.update(json.dumps({"documents": documents, "options": options}, sort_keys=True).encode())
    for ex in extractions:
        h.update(json.dumps(asdict(ex), sort_keys=True, default=_plain).encode())
    return h.hexdigest()


class BuildState:
    """The digest of the last completed build, kept beside the cache."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_FILE

    def read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def write(self, data: dict[str, Any]) -> None:
        write_text(self.path, json.dumps(data))


def _write_metrics(staging: Path) -> list[Path]:
    """Compute the metrics on the staged union graph (``graph.ttl``, loaded into an
    in-memory store); write them (metrics.json/csv, the network files) and their named
    graph ``kmr:graph/metrics`` into ``metrics.trig``, which the build adds to the store
    so that SPARQL can rank actors by them (graph.trig keeps one named graph per source
    document). Returns the files written."""
    import pyoxigraph as ox

    from graph import network

    memory = ox.Store()
    memory.bulk_load(path=str(staging / GRAPH_TTL), format=ox.RdfFormat.TURTLE)
    metrics = network.compute_metrics(network.UnionStore(memory))
    mds = Dataset()
    vocab.bind(mds)
    network.add_metrics_graph(mds, metrics)
    written = [write_text(staging / METRICS_TRIG, mds.serialize(format="trig"))]
    written.extend(network.write_metrics(metrics, staging))
    return written


def _count(report: BuildReport, stats: ExtractStats, extractions: list[Extraction]) -> None:
    """What the extraction read and found, into the report."""
    report.prefiltered = stats.prefiltered
    report.cached = stats.cached
    report.documents = stats.documents
    report.stating = stats.stating
    report.facts = sum(len(e.facts) for e in extractions)
    report.activities = sum(len(e.activities) for e in extractions)
    report.claims = sum(len(e.claims) for e in extractions)
    report.entities = len({slug for e in extractions for slug in e.entities})


def _unchanged_triples(
    state: BuildState, out_dir: Path, digest: str, expected: Iterable[str]
) -> int | None:
    """The triple count of the last build when it made the same graph and its outputs
    are all there (nothing to do), else None."""
    previous = state.read()
    if (
        previous.get("digest") == digest
        and all((out_dir / name).exists() for name in expected)
        and isinstance(previous.get("triples"), int)
    ):
        return int(previous["triples"])
    return None


def _publish(
    staged: list[Path], store_dir: Path | None, out_dir: Path, report: BuildReport
) -> None:
    """Move the staged files (and the new store) over the previous outputs."""
    for path in staged:
        target = out_dir / path.name
        os.replace(path, target)
        report.written.append(target)
    if store_dir is not None:
        from graph.sparql.store import swap_store

        report.written.append(swap_store(store_dir, out_dir))


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
    engine: str = "local",
    scheduler: str | None = None,
    partition_size: int | None = None,
    entailments: bool = True,
    dormant_after_years: int | None = None,
) -> BuildReport:
    """Run the whole build and write its outputs into ``out_dir``.

    Every output is first written into a staging folder inside ``out_dir``; only when
    all of them are complete are they moved over the previous ones, so a build that
    fails or is interrupted midway leaves the previous outputs as they were and
    consistent with each other. ``dormant_after_years`` (default 5, from
    ``graph/lexicon/agreements.yaml``): a partnership with no dated news, activity or
    agreement for this many years before the build's latest news date is dormant.
    """
    if dormant_after_years is not None and dormant_after_years < 1:
        raise ValueError("dormant_after_years must be at least 1")
    out_dir = Path(out_dir)
    with build_lock(out_dir):
        cache_dir = out_dir / CACHE_DIR if cache else None
        if cache_dir is not None and force:
            shutil.rmtree(cache_dir, ignore_errors=True)
        stats = ExtractStats()
        clock = time.perf_counter()
        extractions, problems, warnings = extract_all(
            paths,
            progress=progress,
            jobs=jobs,
            cache_dir=cache_dir,
            stats=stats,
            engine=engine,
            scheduler=scheduler,
            partition_size=partition_size,
        )
        report = BuildReport(out_dir=out_dir, problems=problems, warnings=warnings)
        report.timings["extract"] = time.perf_counter() - clock
        _count(report, stats, extractions)
        state = BuildState(cache_dir) if cache_dir is not None else None
        if state is not None:
            options: dict[str, bool | int | None] = {
                "metrics": with_metrics,
                "viz": with_viz,
                "store": with_store,
                "entailments": entailments,
                "dormant_after_years": dormant_after_years,
            }
            digest = graph_digest(extractions, report.documents, options)
            expected = _outputs(with_metrics, with_viz, with_store)
            triples = _unchanged_triples(state, out_dir, digest, expected)
            if triples is not None:
                # early cutoff: the same graph as the last build, whose outputs are whole
                report.unchanged = True
                report.triples = triples
                return report
        with _timed(report, "rdf"):
            built = build_graph(extractions, dormant_after_years)
        del extractions
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir))
        viz = metrics = None
        try:
            # the page and the metrics are made in forked processes, on the other core,
            # while the files and the store are written here
            if with_viz:
                from graph.viz.page import render_html

                page = staging / "graph.html"
                viz = Background(lambda: render_html(built.union_graph(), page), "viz")
            with _timed(report, "write"):
                staged, union = write_rdf_files(built, staging)
                staged.append(write_void(built, staging, report.documents, union))
                staged.append(write_entailments(built, staging, entailments))
            report.triples = len(union)
            del union
            if with_metrics:
                metrics = Background(lambda: _write_metrics(staging), "metrics")
            store_dir = None
            if with_store:
                from graph.sparql.store import STORE_DIR, load_store

                with _timed(report, "store"):
                    store_dir = load_store(staging / GRAPH_TRIG, staging / STORE_DIR)
            if metrics is not None:
                with _timed(report, "metrics"):  # what is left of it, waited for
                    staged.extend(metrics.wait())  # type: ignore[arg-type]
                if store_dir is not None:
                    from graph.sparql.store import add_graph_files

                    add_graph_files(store_dir, [staging / METRICS_TRIG])
            if viz is not None:
                with _timed(report, "viz"):
                    viz.wait()
                staged.append(page)
            if state is not None:
                state.clear()  # the outputs are about to change: no early cutoff until done
            _publish(staged, store_dir, out_dir, report)
            if state is not None:
                state.write({"digest": digest, "triples": report.triples})
        finally:
            for job in (viz, metrics):
                if job is not None:
                    job.cancel()
            shutil.rmtree(staging, ignore_errors=True)
        return report
