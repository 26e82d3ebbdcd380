"""SHACL engines: pyrudof and pyshacl-turbo give pySHACL's verdicts and violation lists
(focus node, path, value, severity, message) on small graphs, conforming and violating."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef

from graph.pipeline.build import build_dataset
from graph.rdf.triples import KM, KMR, union_graph
from graph.rdf.validate import validate

REPO = Path(__file__).resolve().parent.parent
OTHERS = [e for e in ("pyrudof", "pyshacl-turbo") if importlib.util.find_spec(e.replace("-", "_"))]


@pytest.fixture(scope="module")
def good() -> Graph:
    return union_graph(build_dataset([REPO / "sources"]))


def _broken(good: Graph, how: str) -> Graph:
    g = Graph()
    for t in good:
        g.add(t)
    partnership = next(iter(g.subjects(RDF.type, KM.Partnership)))
    city = next(iter(g.subjects(RDF.type, KM.CityGovernment)))
    if how == "label":
        g.add((KMR["kota-baru"], RDF.type, KM.CityGovernment))  # an entity with no label
    elif how == "since":
        g.set((partnership, KM.since, Literal("sekitar 2010")))  # not a date
    elif how == "partner":
        g.add((city, KM.partnersWith, Literal("Busan")))  # a literal, not an actor
    elif how == "status":
        g.remove((partnership, KM.status, None))
        g.add((partnership, KM.status, Literal("maybe")))
    elif how == "count":
        act = next(iter(g.subjects(KM.participantCount, None)))
        g.set((act, KM.participantCount, Literal("twelve", datatype=XSD.string)))
    elif how == "many":
        for n in range(3):
            g.add((URIRef(f"{KMR}org-{n}"), RDF.type, KM.Organization))
        g.remove((partnership, KM.evidence, None))
    return g


def _key(report) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return sorted((v.focus, v.path, v.value, v.severity) for v in report.violations)


@pytest.mark.parametrize("engine", OTHERS)
def test_same_verdict_on_the_conforming_build(engine: str, good: Graph) -> None:
    reference = validate(good, engine="pyshacl")
    assert reference.conforms
    assert validate(good, engine=engine).conforms


@pytest.mark.parametrize("engine", OTHERS)
@pytest.mark.parametrize("how", ["label", "since", "partner", "status", "count", "many"])
def test_same_violations_as_pyshacl(engine: str, how: str, good: Graph) -> None:
    g = _broken(good, how)
    reference = validate(g, engine="pyshacl")
    assert not reference.conforms and reference.violations
    other = validate(g, engine=engine)
    assert not other.conforms
    assert _key(other) == _key(reference)
    assert sorted(v.message for v in other.violations) == sorted(
        v.message for v in reference.violations
    )


def test_a_file_is_validated_like_the_graph(good: Graph, tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    g = _broken(good, "since")
    g.serialize(path, format="turtle")
    assert _key(validate(path)) == _key(validate(g, engine="pyshacl"))
