"""The project's own gold files (tests/gold) are well-formed: each parses, names its text
and how to retrieve it, declares every key it uses, and uses only the vocabulary's classes
and properties. A malformed gold file would silently score as a miss or not at all."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph import vocab

GOLD = Path(__file__).parent / "gold"
FILES = sorted(GOLD.glob("*/*.gold.yaml"))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def _keys_used(gold: dict[str, Any]) -> set[str]:
    used: set[str] = set()
    for rel in gold.get("relations") or []:
        fact = rel["fact"] if isinstance(rel, dict) else rel
        used.update((fact[0], fact[2]))
        if isinstance(rel, dict):
            used.update(rel.get("also") or [])
    for q in gold.get("qualified") or []:
        used.update(q["between"])
    for act in gold.get("activities") or []:
        attrs = dict(act)
        attrs.update(act.get("optional_attributes") or {})
        for name in ("partOf", "location", "fundedBy", "organizedBy", "ledBy", "participants"):
            value = attrs.get(name)
            used.update(value if isinstance(value, list) else [value] if value else [])
    return used


def test_there_are_gold_files_in_every_split() -> None:
    assert {p.parent.name for p in FILES} >= {"tune", "check"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_gold_file_is_well_formed(path: Path) -> None:
    gold = _load(path)
    source, retrieve = gold["source"], gold["retrieve"]
    assert source["file"] == path.name.replace(".gold.yaml", ".txt")
    assert source["language"] in {"id", "en"}
    assert re.fullmatch(r"[0-9a-f]{64}", str(retrieve["sha256"]))
    assert int(retrieve["chars"]) > 0 and retrieve["url"] and retrieve["query"]
    keys = {e["key"] for e in gold.get("entities") or []}
    assert not _keys_used(gold) - keys, "keys used but not declared"
    for e in gold.get("entities") or []:
        assert e["type"] in vocab.CLASSES, e["type"]
        assert e["names"], e["key"]
    for rel in gold.get("relations") or []:
        fact = rel["fact"] if isinstance(rel, dict) else rel
        assert fact[1] in vocab.PROPERTIES, fact[1]
    for q in gold.get("qualified") or []:
        assert q["property"] in vocab.PROPERTIES, q["property"]
    for act in gold.get("activities") or []:
        assert act["type"] in vocab.ACTIVITY_CLASSES, act["type"]
