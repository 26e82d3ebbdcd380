"""The Python API (graph.build / graph.open → KnowledgeGraph) and the rule that the command
line calls it and nothing else."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import graph
from graph.errors import QueryError

pd = pytest.importorskip("pandas")
CLI = Path(__file__).resolve().parent.parent / "graph" / "cli"


def test_the_cli_imports_only_the_api() -> None:
    allowed = {"graph", "graph.api", "graph.api.commands", "graph.errors", "graph.files"}
    found = set()
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("graph"):
                if not node.module.startswith("graph.cli"):  # its own modules
                    found.add(node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("graph")}
    assert found and found <= allowed, found - allowed


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> graph.KnowledgeGraph:
    src = tmp_path_factory.mktemp("src")
    (src / "medan.md").write_text(
        "---\ntitle: Medan dan Gwangju\npublished: 2023-10-04\nlanguage: id\n---\n"
        "Wali Kota Medan Bobby Nasution melepas 12 mahasiswa ke Gwangju, Korea Selatan, "
        "dalam program pertukaran sister city pada 3 Oktober 2023.\n",
        encoding="utf-8",
    )
    return graph.build([src], out=tmp_path_factory.mktemp("out") / "output", with_viz=False)


def test_query_results(kg: graph.KnowledgeGraph) -> None:
    partners = kg.query("SELECT ?p WHERE { ?lg km:partnersWith ?p }", lg="kota-medan")
    assert isinstance(partners, pd.DataFrame) and list(partners["p"]) == ["kmr:gwangju"]
    assert kg.query("ASK { kmr:kota-medan km:partnersWith kmr:gwangju }") is True
    constructed = kg.query("CONSTRUCT { ?s a km:LocalGovernment } WHERE { ?s a km:CityGovernment }")
    count = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a km:CityGovernment }")
    assert count["n"].tolist() == [len(constructed)] and len(constructed) >= 1  # a number
    with pytest.raises(QueryError):
        kg.query("SELECT ?x WHERE { ?x a }")


def test_metrics_and_networks(kg: graph.KnowledgeGraph) -> None:
    actors, years = kg.metrics()
    assert {"kota-medan", "gwangju"} <= set(actors["actor"])
    assert {"pagerank", "degree", "betweenness"} <= set(actors.columns)
    assert 2023 in set(years["year"])
    net = kg.to_networkx()
    assert net.has_edge(
        "https://w3id.org/kotamitra/id/kota-medan", "https://w3id.org/kotamitra/id/gwangju"
    ) or net.has_edge(
        "https://w3id.org/kotamitra/id/gwangju", "https://w3id.org/kotamitra/id/kota-medan"
    )
    assert len(kg.to_rdflib()) > 0
    page = kg.to_pyvis(title="Medan")
    assert page.heading == "Medan" and page.num_nodes() >= 2
    shown = kg._repr_html_()
    assert "KnowledgeGraph" in shown and "documents" in shown


def test_open_without_a_build(tmp_path: Path) -> None:
    with pytest.raises(QueryError) as err:
        graph.open(tmp_path / "nothing")
    assert "graph.build" in (err.value.hint or "")


def _modules_with_examples() -> list[str]:
    root = Path(graph.__file__).resolve().parent
    return sorted(
        ".".join(("graph", *p.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        for p in root.rglob("*.py")
        if p.name != "__main__.py" and ">>>" in p.read_text(encoding="utf-8")
    )


def test_the_examples_are_found() -> None:
    assert {"graph.extract.dates", "graph.extract.lexicon", "graph.viz.page"} <= set(
        _modules_with_examples()
    )


@pytest.mark.parametrize("module", _modules_with_examples())
def test_doctests(module: str) -> None:
    """The examples in every module's docstrings run as written."""
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0, result
