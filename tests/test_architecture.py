"""The package's layers hold: import-linter contracts (pyproject.toml) and no import loops."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    """Layers follow the data flow; sources never import extraction; extraction never
    imports RDF; metrics never import the visualisation; nothing imports the pipeline or
    the command line from below."""
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    run = subprocess.run([exe, "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "BROKEN" not in run.stdout


def test_no_import_loops() -> None:
    """No module of ``graph`` reaches itself through imports (function-level ones included)."""
    grimp = pytest.importorskip("grimp")
    import networkx as nx

    graph = grimp.build_graph("graph")
    net = nx.DiGraph(
        (m, i) for m in graph.modules for i in graph.find_modules_directly_imported_by(m)
    )
    loops = list(nx.simple_cycles(net))
    assert loops == [], loops[:5]
