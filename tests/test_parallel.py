"""Parallel and incremental builds: same graph with any number of workers; a rebuild
re-extracts only what changed; deleted sources drop out; a broken cache is harmless."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from graph.pipeline.build import CACHE_DIR, build
from graph.pipeline.cache import CACHE_FILE, Entry, open_cache
from graph.rdf.triples import union_graph

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


def cacheable(sources: Path, report) -> int:  # type: ignore[no-untyped-def]
    """Documents the cache holds: texts (a table is read again each time, never cached)."""
    return report.documents - len([*sources.rglob("*.tsv"), *sources.rglob("*.csv")])


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
    assert second.cached == cacheable(sources, first) - 1
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


def test_a_damaged_cache_file_is_set_aside(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    clean = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    reference = union_graph(_graph(out))
    (out / CACHE_DIR / CACHE_FILE).write_bytes(b"not a database" * 100)
    again = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    assert again.cached == 0 and again.documents == clean.documents
    assert isomorphic(union_graph(_graph(out)), reference)
    third = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    assert third.cached == cacheable(sources, clean)  # the cache was rebuilt


def test_a_damaged_cache_entry_is_extracted_again(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    clean = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    reference = union_graph(_graph(out))
    with sqlite3.connect(out / CACHE_DIR / CACHE_FILE) as db:
        (key,) = db.execute("SELECT key FROM extraction WHERE data IS NOT NULL LIMIT 1").fetchone()
        db.execute("UPDATE extraction SET data = ? WHERE key = ?", (b"not a pickle", key))
    again = build([sources], out, with_metrics=False, with_viz=False, with_store=False)
    assert again.cached == cacheable(sources, clean) - 1
    assert isomorphic(union_graph(_graph(out)), reference)


def test_cache_keeps_few_stale_entries_and_prunes_many(tmp_path: Path) -> None:
    cache = open_cache(tmp_path)
    entry = Entry(prefiltered=True, data=None, digest=b"d" * 16, doc_id=None)
    keys = [i.to_bytes(20, "big") for i in range(400)]
    cache.put_many((k, entry) for k in keys)
    assert cache.prune(keys[:350]) == 0  # 50 stale: not worth a sweep
    assert cache.count() == 400
    assert cache.prune(keys[:100]) == 300
    assert cache.count() == 100
    assert set(cache.get_many(keys)) == set(keys[:100])
    cache.close()


def test_the_cache_key_covers_every_module_the_extractor_imports() -> None:
    """A change to any module the extraction depends on must empty the cache."""
    import ast

    from graph.pipeline.cache import EXTRACTOR_MODULES

    package = REPO / "graph"

    def path_of(module: str) -> str:
        rel = module.split(".", 1)[1].replace(".", "/")
        return f"{rel}/__init__.py" if (package / rel).is_dir() else f"{rel}.py"

    def covered(rel: str) -> bool:
        return any(rel == e or rel.startswith(e + "/") for e in EXTRACTOR_MODULES)

    seen: set[str] = set()
    todo = ["pipeline/parallel.py", "pipeline/cache.py", "extract/extractor.py"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in ast.walk(ast.parse((package / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("graph."):
                todo.append(path_of(node.module))
    missing = {rel for rel in seen if not covered(rel)}
    assert not missing, missing


def test_a_rebuild_that_changes_nothing_in_the_graph_keeps_the_outputs(
    sources: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = build([sources], out, with_viz=False)
    assert not first.unchanged
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    # a sentence that states nothing: the graph is the same, nothing is rewritten
    changed = sorted(sources.glob("*.md"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nCuaca cerah.\n", "utf-8")
    second = build([sources], out, with_viz=False)
    assert second.unchanged and second.cached == cacheable(sources, first) - 1
    assert second.triples == first.triples
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == stamps
    # another option, a missing output, or a changed graph: written again
    assert not build([sources], out).unchanged  # now with the page
    (out / "metrics.json").unlink()
    assert not build([sources], out).unchanged
    assert (out / "metrics.json").is_file()
    gone = sorted(sources.glob("*.md"))[2]
    gone.unlink()
    third = build([sources], out)
    assert not third.unchanged and third.triples < first.triples
    assert build([sources], out).unchanged
    assert not build([sources], out, force=True).unchanged
