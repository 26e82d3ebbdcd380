"""Exports: JSON-LD with the kotamitra context, N-Quads, and the VoID description."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.compare import isomorphic

from graph.pipeline.build import build
from graph.rdf.export import export
from graph.rdf.triples import union_graph
from graph.sparql.query import load_graph

REPO = Path(__file__).resolve().parent.parent
VOID = Namespace("http://rdfs.org/ns/void#")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    build([REPO / "sources"], out, with_metrics=False, with_viz=False, with_store=False)
    return out


def test_nquads_hold_the_same_named_graphs_as_trig(built: Path) -> None:
    trig = Dataset().parse(built / "graph.trig", format="trig")
    nq = Dataset().parse(built / "graph.nq", format="nquads")
    names = {str(g.identifier) for g in trig.graphs() if len(g)}
    assert names == {str(g.identifier) for g in nq.graphs() if len(g)}
    assert isomorphic(union_graph(trig), union_graph(nq))


def test_jsonld_export_parses_back_to_the_same_facts(built: Path) -> None:
    ds = load_graph(built)
    text = export(ds, "jsonld")
    assert '"partnersWith"' in text  # compacted with the shipped context
    back = Dataset().parse(data=text, format="json-ld")
    assert isomorphic(union_graph(back), union_graph(ds))


def test_void_counts_the_dataset_and_its_subsets(built: Path) -> None:
    void = Graph().parse(built / "void.ttl", format="turtle")
    dataset = URIRef("https://w3id.org/kotamitra/id/dataset")
    union = Graph().parse(built / "graph.ttl", format="turtle")
    assert int(void.value(dataset, VOID.triples)) == len(union)
    subsets = set(void.objects(dataset, VOID.subset))
    from graph.sources.load import load_sources

    # one subset per source document: the articles and the reference table (no README)
    assert len(subsets) == len(load_sources([REPO / "sources"]).documents)
