"""The wheel ships every part of the package: each folder of ``graph/`` that holds code or
data is listed in ``[tool.setuptools] packages`` (a sub-package left out installs fine and
fails only when imported from the installed tool)."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_folder_of_the_package_is_shipped() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(d.relative_to(REPO).parts)
        for d in [REPO / "graph", *(REPO / "graph").rglob("*")]
        if d.is_dir() and d.name != "__pycache__" and any(f.is_file() for f in d.iterdir())
    }
    assert sorted(folders - listed) == [], "add these to [tool.setuptools] packages"
