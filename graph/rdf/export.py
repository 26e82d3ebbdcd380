"""Export stage: the built graph in other RDF syntaxes, and its VoID description.

``build`` writes ``void.ttl`` (a VoID description of the dataset: size, vocabularies,
one subset per source document; ``graph.nq`` is written by :mod:`graph.rdf.write`).
``kotamitra export`` writes JSON-LD (compacted with the context shipped in
``ontology/context.jsonld``), N-Quads, TriG, Turtle or N-Triples.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from graph.rdf.triples import BuiltGraph, Triple
from graph.resources import ontology_dir
from graph.vocab import KMR, PREFIXES, bind

VOID = Namespace("http://rdfs.org/ns/void#")
DATASET = KMR["dataset"]
DUMPS = ("graph.trig", "graph.nq")  # beside void.ttl: IRIs relative to it


def void_description(
    ds: Dataset | BuiltGraph,
    title: str = "kotamitra partnership graph",
    documents: int | None = None,
    union_ox: list[ox.Triple] | None = None,
) -> Graph:
    """A VoID description of a built dataset (``documents``: how many source documents
    were read, stating something or not; ``union_ox``: the union as Oxigraph triples,
    when the caller has it, to count from)."""
    counts = None
    if isinstance(ds, BuiltGraph):
        named = [(iri, len(triples)) for iri, triples in ds.named]
        if union_ox is not None:
            counts = (
                len(union_ox),
                len({t.subject for t in union_ox if isinstance(t.subject, ox.NamedNode)}),
                len({t.subject for t in union_ox}),
                len({t.predicate for t in union_ox}),
            )
            union = []
        else:
            union = ds.union()
    else:
        named, seen = [], set[Triple]()
        for ctx in ds.graphs():
            seen.update(ctx)
            if ctx.identifier != ds.default_graph.identifier:
                named.append((URIRef(str(ctx.identifier)), len(ctx)))
        union = list(seen)
    g = Graph()
    bind(g)
    g.bind("void", VOID)
    g.bind("dcterms", DCTERMS)
    for node, triples in named:
        if not triples:
            continue
        g.add((DATASET, VOID.subset, node))
        g.add((node, RDF.type, VOID.Dataset))
        g.add((node, VOID.triples, Literal(triples)))
        g.add((node, DCTERMS.source, KMR["doc/" + str(node).rsplit("/", 1)[-1]]))
    g.add((DATASET, RDF.type, VOID.Dataset))
    g.add((DATASET, DCTERMS.title, Literal(title, lang="en")))
    g.add((DATASET, DCTERMS.license, URIRef("https://spdx.org/licenses/MIT")))
    if counts is None:
        counts = (
            len(union),
            len({s for s, _, _ in union if isinstance(s, URIRef)}),
            len({s for s, _, _ in union}),
            len({p for _, p, _ in union}),
        )
    triples, entities, subjects, properties = counts
    g.add((DATASET, VOID.triples, Literal(triples)))
    if documents is not None:
        g.add((DATASET, VOID.documents, Literal(documents)))
    g.add((DATASET, VOID.entities, Literal(entities)))
    g.add((DATASET, VOID.distinctSubjects, Literal(subjects)))
    g.add((DATASET, VOID.properties, Literal(properties)))
    g.add((DATASET, VOID.uriSpace, Literal(str(KMR))))
    g.add((DATASET, VOID.sparqlEndpoint, URIRef("http://127.0.0.1:7878/sparql")))
    for dump in DUMPS:
        g.add((DATASET, VOID.dataDump, URIRef(dump)))
    for ns in (PREFIXES["km"], PREFIXES["schema"], PREFIXES["prov"], PREFIXES["skos"]):
        g.add((DATASET, VOID.vocabulary, URIRef(ns)))
    return g


def jsonld_context() -> dict[str, object]:
    with open(ontology_dir() / "context.jsonld", encoding="utf-8") as fh:
        context: dict[str, object] = json.load(fh)["@context"]
        return context


def export(ds: Dataset, fmt: str) -> str:
    """The dataset in ``fmt``: jsonld, nquads, trig, turtle (union) or nt (union)."""
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", context=jsonld_context(), indent=1)
    if fmt == "nquads":
        return ds.serialize(format="nquads")
    if fmt == "trig":
        return ds.serialize(format="trig")
    from graph.rdf.triples import union_graph

    return union_graph(ds).serialize(format="turtle" if fmt == "turtle" else "nt")


def write_void(
    built: BuiltGraph,
    out_dir: Path,
    documents: int | None = None,
    union_ox: list[ox.Triple] | None = None,
) -> Path:
    """Write ``void.ttl`` (atomically) into ``out_dir``."""
    from graph.rdf.write import serialize_graph

    void = void_description(built, documents=documents, union_ox=union_ox)
    names = {"void": str(VOID), "dcterms": str(DCTERMS)}
    # the dumps are named relative to void.ttl itself, which Oxigraph's terms (absolute
    # IRIs only) cannot say: they are written as a statement of their own
    absolute = [t for t in void if not (t[1] == VOID.dataDump and str(t[2]) in DUMPS)]
    dumps = " , ".join(f"<{d}>" for d in DUMPS)
    tail = f"<{DATASET}> <{VOID.dataDump}> {dumps} .\n"
    return serialize_graph(absolute, out_dir / "void.ttl", names, tail)
