"""Engines: a JSONL corpus split into partitions gives the same graph on one process, on
a pool of workers and as Dask tasks on a LocalCluster; engine errors are clear."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from graph.cli import main
from graph.errors import EngineError
from graph.pipeline.build import build
from graph.pipeline.parallel import run_partitions
from graph.rdf.triples import union_graph
from graph.sources.load import LoadResult, plan_partitions, read_partition

REPO = Path(__file__).resolve().parent.parent


def _graph(out: Path) -> Dataset:
    return Dataset().parse(out / "graph.trig", format="trig")


def _named(ds: Dataset) -> set[str]:
    return {str(g.identifier) for g in ds.graphs() if len(g) and "/graph/" in str(g.identifier)}


def _iris(ds: Dataset) -> set[str]:
    return {str(s) for s in union_graph(ds).subjects() if isinstance(s, URIRef)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, make_corpus) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    make_corpus(path, 2)
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    out = tmp_path_factory.mktemp("ref")
    build([corpus], out, with_metrics=False, with_viz=False, with_store=False, cache=False)
    return _graph(out)


def test_partitions_cover_every_line_once(corpus: Path) -> None:
    lines = corpus.read_bytes().count(b"\n")
    parts, problems = plan_partitions([corpus], size=7)
    assert not problems
    assert sum(p.documents for p in parts) == lines
    assert parts[0].start == 0 and parts[-1].end == corpus.stat().st_size
    for a, b in itertools.pairwise(parts):
        assert a.end == b.start and b.first_line == a.first_line + a.documents


def test_small_partitions_on_a_pool_give_the_same_graph(
    corpus: Path, reference: Dataset, tmp_path: Path
) -> None:
    report = build(
        [corpus],
        tmp_path,
        with_metrics=False,
        with_viz=False,
        with_store=False,
        cache=False,
        jobs=2,
        partition_size=5,
    )
    ds = _graph(tmp_path)
    assert report.stating == len(_named(ds)) == len(_named(reference))
    assert _iris(ds) == _iris(reference)
    assert isomorphic(union_graph(ds), union_graph(reference))


def test_dask_local_cluster_gives_the_same_graph(
    corpus: Path, reference: Dataset, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    first = build(
        [corpus],
        tmp_path,
        with_metrics=False,
        with_viz=False,
        with_store=False,
        engine="dask",
        jobs=2,
        partition_size=6,
    )
    ds = _graph(tmp_path)
    assert first.cached == 0 and first.documents == corpus.read_bytes().count(b"\n")
    assert _named(ds) == _named(reference)
    assert _iris(ds) == _iris(reference)
    assert isomorphic(union_graph(ds), union_graph(reference))
    # the Dask workers read the cache the first build wrote
    again = build(
        [corpus],
        tmp_path,
        with_metrics=False,
        with_viz=False,
        with_store=False,
        engine="dask",
        jobs=2,
        partition_size=6,
    )
    assert again.cached == first.documents
    assert isomorphic(union_graph(_graph(tmp_path)), union_graph(reference))


def test_unreachable_scheduler_is_a_clear_error(corpus: Path) -> None:
    pytest.importorskip("distributed")
    parts, _ = plan_partitions([corpus])
    with pytest.raises(
        EngineError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        list(run_partitions(parts, engine="dask", scheduler="tcp://127.0.0.1:9", connect_timeout=2))


def test_unknown_engine_is_refused(corpus: Path) -> None:
    parts, _ = plan_partitions([corpus])
    with pytest.raises(EngineError, match="unknown engine 'spark'"):
        list(run_partitions(parts, engine="spark"))


def test_scheduler_needs_the_dask_engine(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(corpus), "-o", str(tmp_path), "--scheduler", "tcp://x:8786"]
    )
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.output


def test_progress_counts_every_document(corpus: Path, tmp_path: Path) -> None:
    steps: list[int] = []
    report = build(
        [corpus],
        tmp_path,
        with_metrics=False,
        with_viz=False,
        with_store=False,
        cache=False,
        partition_size=10,
        progress=steps.append,
    )
    lines = corpus.read_bytes().count(b"\n")
    assert sum(steps) == lines == report.documents
    assert len(steps) == -(-lines // 10)  # one step a batch


def test_summary_reports_the_prefilter_and_no_bar_off_a_terminal(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    records = [
        {"id": "a", "language": "id", "text": "Harga cabai di Pasar Angso Duo naik lagi."},
        {"id": "b", "language": "id", "text": "Wali Kota Medan meresmikan taman kota yang baru."},
    ]
    news.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(news), "-o", str(tmp_path / "out"), "--no-viz"])
    assert result.exit_code == 0, result.output
    assert "Built 2 document(s)" in result.output
    assert "0 document(s) state something" in result.output
    assert "2 held nothing international (skipped by the prefilter, 100%)" in result.output
    assert "extracting" not in result.output  # no progress bar when not on a terminal
    assert "time: extract" in result.output


@pytest.mark.parametrize("size", [1, 2, 3, 7])
@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["a"],
        ["a", "b", "c", "d", "e", "f"],
        ["a", "", "b", "c"],  # a blank line
        ["a", "b", "c"],  # written without a final newline below
    ],
)
def test_partitions_cover_any_file_exactly(tmp_path: Path, lines: list[str], size: int) -> None:
    path = tmp_path / "c.jsonl"
    body = "\n".join(json.dumps({"id": x, "text": f"teks {x}"}) if x else "" for x in lines)
    path.write_text(body + ("\n" if lines and lines != ["a", "b", "c"] else ""))
    parts, _ = plan_partitions([path], size=size)
    data = path.read_bytes()
    assert b"".join(data[p.start : p.end] for p in parts) == data
    assert sum(p.documents for p in parts) == len(lines)
    line = 1
    for p in parts:
        assert p.first_line == line and (p.start == 0 or data[p.start - 1 : p.start] == b"\n")
        line += p.documents
    texts = [d.text for p in parts for d in read_partition(p, LoadResult())]
    assert texts == [f"teks {x}" for x in lines if x]


def test_cli_build_on_a_running_dask_scheduler(
    corpus: Path, reference: Dataset, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = CliRunner().invoke(
            main,
            [
                "build",
                str(corpus),
                "-o",
                str(tmp_path),
                "--engine",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
                "--batch-size",
                "8",
                "--no-viz",
                "--no-metrics",
                "--no-store",
            ],
        )
    assert result.exit_code == 0, result.output
    ds = _graph(tmp_path)
    assert _named(ds) == _named(reference)
    assert isomorphic(union_graph(ds), union_graph(reference))


def test_dask_engine_without_distributed_says_how_to_install(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    result = CliRunner().invoke(
        main, ["build", str(corpus), "-o", str(tmp_path), "--engine", "dask", "--no-viz"]
    )
    assert result.exit_code == 2  # could not run
    assert "the dask engine needs the 'distributed' package" in result.output
    assert "pip install 'kotamitra[dask]'" in result.output
    assert not (tmp_path / "graph.trig").exists()
