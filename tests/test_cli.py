"""Tests for the command line (graph.cli.main) with click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from graph.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent
README = REPO_ROOT / "README.md"
KMR = "https://w3id.org/kotamitra/id/"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=True)


def assert_clean_exit(result, code: int) -> None:  # type: ignore[no-untyped-def]
    """The command ended with ``code`` on its own, not through an uncaught exception."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {result.exception!r}\n{result.output}") from (
            result.exception
        )
    assert result.exit_code == code, result.output


# --- build --------------------------------------------------------------------------------


def test_build_writes_every_output(runner: CliRunner, tmp_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "build", tmp_sources, "--out", out)
    assert_clean_exit(result, 0)
    for name in ("graph.ttl", "graph.trig", "metrics.json", "metrics.csv", "graph.html"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
        assert f"wrote {out / name}" in result.stdout
    assert "Built 3 document(s)" in result.stdout
    assert result.stderr == ""
    Graph().parse(out / "graph.ttl", format="turtle")
    json.loads((out / "metrics.json").read_text(encoding="utf-8"))


def test_build_graph_files(runner: CliRunner, tmp_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "build", tmp_sources, "--out", out, "--no-metrics")
    assert_clean_exit(result, 0)
    assert "Built 3 document(s)" in result.stdout
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert not (out / "metrics.json").exists()
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    graphs = {str(g.identifier) for g in ds.graphs() if str(g.identifier).startswith(KMR)}
    assert graphs == {
        f"{KMR}graph/medan-gwangju",
        f"{KMR}graph/denpasar-mossel-bay",
        f"{KMR}graph/surabaya-busan",
    }


def test_build_quiet_prints_nothing_on_success(
    runner: CliRunner, tmp_sources: Path, tmp_path: Path
) -> None:
    result = invoke(
        runner, "build", tmp_sources, "--out", tmp_path / "o", "-q", "--no-metrics", "--no-viz"
    )
    assert_clean_exit(result, 0)
    assert result.output == ""


@pytest.fixture
def one_bad_one_good(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text(
        "---\ntitle: Medan Lepas Mahasiswa ke Gwangju\npublished: 2023-10-04\nlanguage: id\n---\n"
        "Wali Kota Medan Bobby Nasution melepas 12 mahasiswa ke Gwangju, Korea Selatan, dalam "
        "program pertukaran sister city pada 3 Oktober 2023.\n",
        encoding="utf-8",
    )
    (folder / "bad.md").write_text("---\ntitle: [rusak\n---\nIsi.\n", encoding="utf-8")
    return folder


def test_build_reports_a_bad_file_and_builds_the_good_one(
    runner: CliRunner, one_bad_one_good: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = invoke(runner, "build", one_bad_one_good, "--out", out, "--no-metrics", "--no-viz")
    assert_clean_exit(result, 0)
    bad = one_bad_one_good / "bad.md"
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(lines) == 1
    assert lines[0].startswith(f"skipped: {bad}: ")
    assert "front matter" in lines[0]
    assert "Built 1 document(s)" in result.stdout
    assert "1 source(s) skipped" in result.stdout
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    graphs = {str(g.identifier) for g in ds.graphs() if str(g.identifier).startswith(KMR)}
    assert graphs == {f"{KMR}graph/good"}


def test_build_strict_exits_3(runner: CliRunner, one_bad_one_good: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(
        runner, "build", one_bad_one_good, "--out", out, "--strict", "--no-metrics", "--no-viz"
    )
    assert_clean_exit(result, 3)
    assert f"skipped: {one_bad_one_good / 'bad.md'}: " in result.stderr
    # the good source is still built
    assert (out / "graph.ttl").is_file()


def test_build_strict_without_problems_exits_0(
    runner: CliRunner, tmp_sources: Path, tmp_path: Path
) -> None:
    result = invoke(
        runner,
        "build",
        tmp_sources,
        "--out",
        tmp_path / "o",
        "--strict",
        "--no-metrics",
        "--no-viz",
    )
    assert_clean_exit(result, 0)


def test_build_missing_source_is_reported(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = invoke(runner, "build", missing, "--out", tmp_path / "o", "--no-metrics", "--no-viz")
    assert_clean_exit(result, 0)
    assert f"skipped: {missing}: no such file or folder" in result.stderr
    strict = invoke(
        runner, "build", missing, "--out", tmp_path / "o", "--strict", "--no-metrics", "--no-viz"
    )
    assert_clean_exit(strict, 3)


def test_build_empty_folder_warns(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke(runner, "build", empty, "--out", tmp_path / "o", "--no-metrics", "--no-viz")
    assert_clean_exit(result, 0)
    assert "no sources found" in result.stderr


# --- query --------------------------------------------------------------------------------

PARTNERS = "SELECT ?a ?b WHERE { ?a km:partnersWith ?b } ORDER BY ?a"
EXPECTED_PAIRS = [
    (f"{KMR}kota-denpasar", f"{KMR}mossel-bay"),
    (f"{KMR}kota-medan", f"{KMR}gwangju"),
]


def test_query_json(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "query", PARTNERS, "--graph", graph_dir, "--format", "json")
    assert_clean_exit(result, 0)
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["a", "b"]
    pairs = [(b["a"]["value"], b["b"]["value"]) for b in data["results"]["bindings"]]
    assert pairs == EXPECTED_PAIRS


def test_query_csv(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "query", PARTNERS, "--graph", graph_dir, "--format", "csv")
    assert_clean_exit(result, 0)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [["a", "b"], *map(list, EXPECTED_PAIRS)]


def test_query_tsv(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "query", PARTNERS, "--graph", graph_dir, "--format", "tsv")
    assert_clean_exit(result, 0)
    lines = result.stdout.rstrip("\n").split("\n")
    assert lines[0] == "?a\t?b"
    assert lines[1:] == [f"<{a}>\t<{b}>" for a, b in EXPECTED_PAIRS]


def test_query_table_is_the_default(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "query", PARTNERS, "--graph", graph_dir)
    assert_clean_exit(result, 0)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["a", "b"]
    assert lines[-1] == "(2 rows)"
    shortened = [[iri.replace(str(KMR), "kmr:") for iri in p] for p in EXPECTED_PAIRS]
    assert [line.split() for line in lines[2:-1]] == shortened


def test_query_xml_and_turtle(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "query", PARTNERS, "--graph", graph_dir, "--format", "xml")
    assert_clean_exit(result, 0)
    assert 'xmlns="http://www.w3.org/2005/sparql-results#"' in result.stdout
    construct = "CONSTRUCT { ?a km:partnersWith ?b } WHERE { ?a km:partnersWith ?b }"
    result = invoke(runner, "query", construct, "--graph", graph_dir, "--format", "turtle")
    assert_clean_exit(result, 0)
    assert len(Graph().parse(data=result.stdout, format="turtle")) == 2


def test_query_from_rq_file_and_ttl_graph(
    runner: CliRunner, graph_dir: Path, tmp_path: Path
) -> None:
    rq = tmp_path / "partners.rq"
    rq.write_text(PARTNERS, encoding="utf-8")
    result = invoke(runner, "query", rq, "--graph", graph_dir / "graph.ttl", "--format", "csv")
    assert_clean_exit(result, 0)
    assert list(csv.reader(io.StringIO(result.stdout)))[1:] == list(map(list, EXPECTED_PAIRS))


def test_query_without_a_graph(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "query", PARTNERS, "--graph", tmp_path)
    assert_clean_exit(result, 2)
    assert "kotamitra build" in result.stderr
    assert "Traceback" not in result.output


def test_query_syntax_error(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "query", "SELECT ?a WHERE { ?a km:partnersWith }", "--graph", graph_dir)
    assert_clean_exit(result, 2)
    assert "syntax error" in result.stderr
    assert "^" in result.stderr
    assert "Traceback" not in result.output


def test_query_update_refused_without_flag(runner: CliRunner, graph_dir: Path) -> None:
    before = (graph_dir / "graph.trig").read_bytes()
    update = "INSERT DATA { kmr:kota-medan km:partnersWith kmr:mossel-bay }"
    result = invoke(runner, "query", update, "--graph", graph_dir)
    assert_clean_exit(result, 2)
    assert "UPDATE" in result.stderr
    assert "--allow-update" in result.stderr
    assert (graph_dir / "graph.trig").read_bytes() == before


def test_query_update_with_flag_changes_no_file(runner: CliRunner, graph_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in graph_dir.iterdir()}
    update = "DELETE WHERE { kmr:kota-medan km:partnersWith ?o }"
    result = invoke(runner, "query", update, "--graph", graph_dir, "--allow-update")
    assert_clean_exit(result, 0)
    assert "in memory" in result.stdout
    assert {p.name: p.read_bytes() for p in graph_dir.iterdir()} == before


def test_query_ask_csv_does_not_crash(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(
        runner, "query", "ASK { ?a km:partnersWith ?b }", "--graph", graph_dir, "--format", "csv"
    )
    assert result.exit_code in (0, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- metrics ------------------------------------------------------------------------------


def test_metrics_json(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "metrics", "--graph", graph_dir, "--format", "json")
    assert_clean_exit(result, 0)
    data = json.loads(result.stdout)
    assert set(data) >= {"network", "actors"}
    assert data["network"]["relations"] == {"partnersWith": 2}
    medan = next(a for a in data["actors"] if a["actor"] == "kota-medan")
    assert medan["partners"] == ["Gwangju"]
    assert medan["partner_count"] == 1


def test_metrics_unknown_actor_exits_2(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "metrics", "--graph", graph_dir, "--actor", "nonexistent")
    assert_clean_exit(result, 2)
    assert "nonexistent" in result.stderr


def test_metrics_json_without_relations(
    runner: CliRunner, graph_dir_without_relations: Path
) -> None:
    result = invoke(runner, "metrics", "--graph", graph_dir_without_relations, "--format", "json")
    assert_clean_exit(result, 0)
    data = json.loads(result.stdout)
    assert set(data) >= {"network", "actors"}
    assert data["network"]["nodes"] == 0
    assert data["network"]["edges"] == 0
    assert data["actors"] == []


def test_metrics_unknown_actor_exits_2_without_relations(
    runner: CliRunner, graph_dir_without_relations: Path
) -> None:
    result = invoke(
        runner, "metrics", "--graph", graph_dir_without_relations, "--actor", "nonexistent"
    )
    assert_clean_exit(result, 2)
    assert "nonexistent" in result.stderr


def test_metrics_without_a_graph(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "metrics", "--graph", tmp_path)
    assert_clean_exit(result, 2)
    assert "kotamitra build" in result.stderr


# --- viz ----------------------------------------------------------------------------------


def test_viz_writes_the_file(runner: CliRunner, graph_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "page" / "f.html"
    result = invoke(runner, "viz", "--graph", graph_dir, "--out", out)
    assert_clean_exit(result, 0)
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Gwangju" in html
    # works offline: no script is loaded from another host
    assert not re.search(r"<script[^>]+src=[\"']https?://", html, re.I)


# --- validate -----------------------------------------------------------------------------


def test_validate_graph_built_from_sources(runner: CliRunner, sources_build) -> None:
    _, out = sources_build
    result = invoke(runner, "validate", "--graph", out)
    assert_clean_exit(result, 0)
    assert "conforms" in result.stdout


def test_validate_hand_made_graph_conforms(runner: CliRunner, graph_dir: Path) -> None:
    result = invoke(runner, "validate", "--graph", graph_dir)
    assert_clean_exit(result, 0)
    assert "conforms" in result.stdout


BROKEN = """\
@prefix km: <https://w3id.org/kotamitra/ontology#> .
@prefix kmr: <https://w3id.org/kotamitra/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

kmr:kota-medan a km:CityGovernment ;
    rdfs:label "Medan City"@en , "City of Medan"@en , "Kota Medan"@id .
kmr:gwangju a km:CityGovernment ; rdfs:label "Gwangju"@en .
kmr:kota-medan km:partnersWith kmr:gwangju .
<https://w3id.org/kotamitra/id/statement/no-evidence> a km:Statement ;
    rdf:subject kmr:kota-medan ; rdf:predicate km:partnersWith ; rdf:object kmr:gwangju .
"""


def test_validate_reports_violations(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN, encoding="utf-8")
    result = invoke(runner, "validate", "--graph", path)
    assert_clean_exit(result, 1)
    out = result.stdout
    # the labels; the statement's missing evidence and missing source document
    assert "3 violation(s)" in out
    assert "kmr:kota-medan" in out and "rdfs:label" in out
    assert "statement/no-evidence" in out and "km:evidence" in out
    assert "km:source" in out


def test_validate_without_a_graph(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "validate", "--graph", tmp_path)
    assert_clean_exit(result, 2)


# --- evaluate -----------------------------------------------------------------------------


def test_evaluate_empty_dir_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "evaluate", tmp_path)
    assert_clean_exit(result, 2)
    assert "gold" in result.stderr


def test_evaluate_missing_dir_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "evaluate", tmp_path / "missing")
    assert_clean_exit(result, 2)


def test_evaluate_shared_dev_gold(runner: CliRunner, shared_dir: Path) -> None:
    dev = shared_dir / "eval" / "dev"
    if not list(dev.glob("*.gold.yaml")):
        pytest.skip(f"no gold files in {dev}")
    result = invoke(runner, "evaluate", dev, "--format", "json")
    assert_clean_exit(result, 0)
    rows = json.loads(result.stdout)
    assert len(rows) == len(list(dev.glob("*.gold.yaml")))
    for row in rows:
        assert row["error"] is None
        for key in ("precision", "recall", "f1"):
            assert 0.0 <= row[key] <= 1.0
        assert row["tp"] + row["fn"] > 0
    table = invoke(runner, "evaluate", dev)
    assert_clean_exit(table, 0)
    header = table.stdout.splitlines()[0].split()
    assert header[:4] == ["document", "P", "R", "F1"]


# --- help, README, python -m graph ----------------------------------------------------------


def test_every_command_has_help(runner: CliRunner) -> None:
    assert set(main.commands) >= {"build", "query", "metrics", "viz", "evaluate", "validate"}
    top = invoke(runner, "--help")
    assert_clean_exit(top, 0)
    for name in main.commands:
        assert name in top.stdout
        result = invoke(runner, name, "--help")
        assert_clean_exit(result, 0)
        assert f"Usage: main {name}" in result.stdout or f"{name} [OPTIONS]" in result.stdout


def test_version(runner: CliRunner) -> None:
    from graph import __version__

    result = invoke(runner, "--version")
    assert_clean_exit(result, 0)
    assert __version__ in result.stdout


def test_readme_mentions_every_command() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in main.commands if not re.search(rf"kotamitra {name}\b", text)]
    assert not missing, f"README.md does not mention: {missing}"


def test_python_m_graph_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graph", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout
    for name in main.commands:
        assert name in result.stdout


def test_evaluate_with_no_text_scores_nothing_and_fails(runner: CliRunner, tmp_path: Path) -> None:
    """A gold folder whose texts are all missing prints n/a and exits 2, never 1.000."""
    (tmp_path / "a.gold.yaml").write_text(
        "source: {file: a.txt, language: id}\nentities: []\nrelations: []\n", encoding="utf-8"
    )
    result = invoke(runner, "evaluate", tmp_path)
    assert_clean_exit(result, 2)
    assert "n/a" in result.output
    assert "1.000" not in result.output
    assert "nothing was scored" in result.output
