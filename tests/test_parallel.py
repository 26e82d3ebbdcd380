"""Parallel and incremental builds: same graph with any number of workers; a rebuild
re-extracts only what changed; deleted sources drop out; a broken cache is harmless."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from graph.build import CACHE_DIR, build
from graph.rdf import union_graph

REPO = Path(__file__).resolve().parent.parent


def _graph(out: Path) -> Dataset:
    return Dataset().parse(out / "graph.trig", format="trig")


def _named(ds: Dataset) -> set[str]:
    return {str(g.identifier) for g in ds.graphs() if len(g) and "/graph/" in str(g.identifier)}


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(REPO / "sources", folder)
    return folder


def test_two_workers_give_the_same_graph(sources: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    build([sources], one, with_metrics=False, with_viz=False, with_store=False, jobs=1, cache=False)
    build([sources], two, with_metrics=False, with_viz=False, with_store=False, jobs=2, cache=False)
    a, b = _graph(one), _graph(two)
    assert _named(a) == _named(b)
    assert isomorphic(union_graph(a), union_graph(b))

    def iris(ds: Dataset) -> set[str]:
        return {str(s) for s in union_graph(ds).subjects() if isinstance(s, URIRef)}

    assert iris(a) == iris(b)  # the same IRIs, not only the same shape


def test_rebuild_extracts_only_what_changed(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    assert first.cached == 0
    changed = sorted(sources.glob("*.md"))[1]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nTambahan kalimat.\n", encoding="utf-8"
    )
    second = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    assert second.cached == first.documents - 1
    forced = build([sources], out, with_metrics=False, with_viz=False, with_store=False, force=True)
    assert forced.cached == 0
    assert isomorphic(union_graph(_graph(out)), union_graph(_graph(out)))


def test_deleted_source_drops_its_named_graph(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    before = _named(_graph(out))
    gone = sorted(sources.glob("*.md"))[2]
    gone.unlink()
    build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    after = _named(_graph(out))
    assert len(after) == len(before) - 1
    assert not any(gone.stem in g for g in after)


def test_a_broken_cache_file_is_ignored(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    clean = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    reference = union_graph(_graph(out))
    for f in (out / CACHE_DIR).rglob("*.pkl"):
        f.write_bytes(b"not a pickle")  # as if a build had been killed while writing it
        break
    again = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    assert again.cached == clean.documents - 1
    assert isomorphic(union_graph(_graph(out)), reference)
