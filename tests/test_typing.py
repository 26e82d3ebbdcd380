"""mypy finds the typed modules clean (the list is ``[tool.kotamitra] typed`` in
pyproject.toml); every module of ``graph/`` is either typed or listed as not yet typed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def lists() -> tuple[list[str], list[str]]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    section = config["tool"]["kotamitra"]
    return list(section["typed"]), list(section.get("not_yet_typed", []))


def test_every_module_is_classified() -> None:
    typed, untyped = lists()
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "graph").rglob("*.py")}
    assert sorted(set(typed) & set(untyped)) == [], "a module is in both lists"
    assert sorted(modules - set(typed) - set(untyped)) == [], (
        "new modules: add them to [tool.kotamitra] typed in pyproject.toml"
    )
    assert sorted((set(typed) | set(untyped)) - modules) == [], "listed modules that are gone"


def test_typed_modules_are_mypy_clean() -> None:
    exe = shutil.which("mypy", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("mypy is not installed (pip install '.[test]')")
    typed, _ = lists()
    # errors in modules outside the list (imported by typed ones) are not reported here
    run = subprocess.run(
        [exe, "--follow-imports=silent", "--no-error-summary", *typed],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
