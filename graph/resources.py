"""Locations of the data that travels with the package (lexicons, ontology, queries)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@cache
def lexicon_dir() -> Path:
    """Folder holding the gazetteers, trigger words and patterns."""
    return Path(str(resources.files("graph") / "lexicon"))


@cache
def ontology_dir() -> Path:
    """Folder holding the OWL ontology, the SHACL shapes and the shipped queries.

    Installed, it is ``graph/ontology`` inside the package (the wheel maps the top-level
    ``ontology/`` folder there); in a source checkout it is the top-level ``ontology/``.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "ontology", here.parent / "ontology"):
        if (candidate / "kotamitra.ttl").is_file():
            return candidate
    raise FileNotFoundError(
        f"the kotamitra ontology is missing (looked in {here / 'ontology'} and "
        f"{here.parent / 'ontology'}); reinstall the package"
    )


@cache
def load_yaml(name: str) -> Any:
    """Parse a YAML data file of the lexicon folder."""
    with open(lexicon_dir() / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def files_digest(paths: Iterable[Path], salt: str = "") -> str:
    """A hash of files (names and bytes, each file once, in a stable order): what
    decides whether a cache made with them still holds."""
    h = hashlib.sha256(salt.encode())
    for path in sorted({p.resolve() for p in paths if p.is_file()}):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()
