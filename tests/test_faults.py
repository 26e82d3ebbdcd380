"""Faults: a build killed with SIGKILL, while extracting or while writing its outputs,
never damages the previous outputs, the store or the cache, and the next build
completes (keeping what the killed one had already extracted). One build at a time
writes into an output folder."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.errors import BuildError
from graph.pipeline.build import build_lock
from graph.pipeline.cache import CACHE_FILE
from graph.rdf.triples import union_graph
from graph.sparql.store import open_store

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

OUTPUTS = ("graph.trig", "graph.ttl", "graph.nq", "void.ttl", "metrics.json", "graph.html")


def start_build(sources: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "graph", "build", str(sources), "-o", str(out), "-q", *extra]
    return subprocess.Popen(
        cmd,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the workers are killed too
    )


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def store_triples(out: Path) -> int:
    store = open_store(out)
    (row,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(row[0].value)


def cache_rows(out: Path) -> int:
    path = out / ".cache" / CACHE_FILE
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(db.execute("SELECT count(*) FROM extraction").fetchone()[0])


def wait_for(predicate, proc: subprocess.Popen[bytes], timeout: float = 120) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.005)
    return False


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory, make_corpus):  # type: ignore[no-untyped-def]
    """sources/, and sources/ with a corpus of 264 more articles beside it."""
    root = tmp_path_factory.mktemp("faults")
    small, large = root / "small", root / "large"
    shutil.copytree(REPO / "sources", small)
    shutil.copytree(REPO / "sources", large)
    make_corpus(large / "news.jsonl", 12)
    return small, large


@pytest.fixture(scope="module")
def base(sources: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A completed build of sources/ (outputs, store and cache)."""
    out = tmp_path_factory.mktemp("base") / "out"
    done = start_build(sources[0], out)
    assert done.wait(timeout=300) == 0, done.stderr.read() if done.stderr else ""
    return out


@pytest.fixture(scope="module")
def expected(sources: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The graph a build of the large sources gives, from scratch."""
    out = tmp_path_factory.mktemp("expected") / "out"
    done = start_build(sources[1], out, "--no-viz", "--no-metrics", "--no-store")
    assert done.wait(timeout=300) == 0, done.stderr.read() if done.stderr else ""
    return union_graph(Dataset().parse(out / "graph.trig", format="trig"))


@pytest.fixture
def previous(base: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(base, out, symlinks=True)
    return out


def test_kill_9_while_extracting_keeps_outputs_and_cache(
    sources: tuple[Path, Path], previous: Path, expected: Graph
) -> None:
    out, src = previous, sources[1]
    before, triples, rows = outputs(out), store_triples(out), cache_rows(out)
    proc = start_build(src, out, "--jobs", "2", "--batch-size", "20")
    # killed once some batches are in the cache, before the build can write
    assert wait_for(lambda: cache_rows(out) >= rows + 40, proc), "the build ended too soon"
    kill_group(proc)
    assert outputs(out) == before
    assert store_triples(out) == triples
    assert cache_rows(out) >= rows + 40  # the cache opens, is consistent, kept the work done
    # the next build completes, taking what the killed one extracted from the cache
    proc = start_build(src, out, "--jobs", "2", "--no-viz")
    assert proc.wait(timeout=600) == 0, proc.stderr.read() if proc.stderr else ""
    assert store_triples(out) > triples
    assert not [p for p in out.iterdir() if p.name.startswith(".build-")]
    assert isomorphic(union_graph(Dataset().parse(out / "graph.trig", format="trig")), expected)


def test_kill_9_while_writing_leaves_every_output_whole(
    sources: tuple[Path, Path], previous: Path, expected: Graph
) -> None:
    out, src = previous, sources[1]
    proc = start_build(src, out, "--jobs", "2")
    # the extraction is over and the outputs are being staged
    assert wait_for(lambda: any(out.glob(".build-*/*")), proc, timeout=600)
    kill_group(proc)
    # each output is a whole file (the old one or the new one), the store opens
    trig = Dataset().parse(out / "graph.trig", format="trig")
    ttl = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(ttl) and len(trig)
    assert store_triples(out) > 0
    cache_rows(out)
    # the next build completes, clears what the killed one left, and gives the graph
    # a build from scratch gives
    proc = start_build(src, out, "--no-viz")
    assert proc.wait(timeout=600) == 0, proc.stderr.read() if proc.stderr else ""
    assert not [p for p in out.iterdir() if p.name.startswith((".build-", ".store-"))]
    assert isomorphic(union_graph(Dataset().parse(out / "graph.trig", format="trig")), expected)


def test_one_build_at_a_time_per_output_folder(tmp_path: Path) -> None:
    with (
        build_lock(tmp_path),
        pytest.raises(BuildError, match="another build is writing"),
        build_lock(tmp_path),
    ):
        pass
    with build_lock(tmp_path):  # released when the first build ends
        pass
