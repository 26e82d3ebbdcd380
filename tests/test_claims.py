"""Claims across sources: running totals that grow, contradictions, single events."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main
from graph.pipeline.build import build_dataset
from graph.rdf.triples import union_graph
from graph.sparql.claims import compare_claims

DOC = """---
title: "{title}"
url: https://example.org/{name}
publisher: Contoh News
published: {date}
language: id
---
Wali Kota Jambi Syarif Fasha melepas rombongan ASN ke Singapura untuk mengikuti
Singapore Cooperation Programme (SCP).
Sejak program dimulai, tercatat sebanyak {total} orang ASN Pemkot Jambi telah dilatih di Singapura.
"""


def _write(folder: Path, rows: list[tuple[str, str, int]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, date, total in rows:
        text = DOC.format(title=f"Berita {name}", name=name, date=date, total=total)
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def _groups(folder: Path):
    return compare_claims(union_graph(build_dataset([folder])))


def test_running_total_that_grows(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "s",
        [("a", "2019-02-17", 150), ("b", "2023-05-15", 300), ("c", "2024-07-01", 500)],
    )
    groups = _groups(folder)
    people = [g for g in groups if g.unit == "people"]
    assert len(people) == 1
    assert people[0].verdict == "growth"
    assert [c.quantity for c in people[0].claims] == [150, 300, 500]
    assert "kota-jambi" in people[0].concerns


def test_a_later_smaller_total_is_a_conflict(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", [("a", "2019-02-17", 300), ("b", "2023-05-15", 150)])
    people = [g for g in _groups(folder) if g.unit == "people"]
    assert [g.verdict for g in people] == ["conflict"]


def test_one_source_is_no_comparison(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", [("a", "2019-02-17", 300)])
    assert [g for g in _groups(folder) if g.unit == "people"] == []


def test_claims_command_json(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", [("a", "2019-02-17", 150), ("b", "2023-05-15", 300)])
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(folder), "--out", str(out), "--no-viz"]).exit_code == 0
    result = runner.invoke(main, ["claims", "--graph", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data[0]["verdict"] == "growth"
    assert [c["quantity"] for c in data[0]["claims"]] == [150.0, 300.0]
