"""Entailments materialised at build time, so that plain SPARQL finds what users expect.

``build`` writes ``entailments.trig`` beside ``graph.trig``, with three named graphs:

- ``kmr:graph/ontology``: the ontology (``ontology/kotamitra.ttl``) itself, so queries
  can ask for the labels and definitions of classes and properties;
- ``kmr:graph/entailments``: what RDFS and OWL say follows from the facts, and nothing
  else: the ``rdf:type`` closure over ``rdfs:subClassOf`` (a ``km:CityGovernment`` is
  also a ``km:LocalGovernment``, an ``org:Organization``…), the closure over
  ``rdfs:subPropertyOf`` (``km:memberOf`` gives ``org:memberOf``) and the inverse of
  every ``owl:SymmetricProperty`` (``km:partnersWith``). Left out with
  ``build --no-entailments``;
- ``kmr:graph/dates``: every date (``km:since``, ``km:startDate``, ``km:endDate``,
  ``schema:datePublished``) also as the ``xsd:date`` of its first day
  (``km:sinceFirstDay`` …): dates keep the precision of the text (``xsd:gYear``,
  ``xsd:gYearMonth``), which SPARQL engines compare differently or not at all; the
  first day compares the same way on every engine.

The store loads them into its named graphs and its default graph (the union), the
rdflib engine of ``kotamitra query`` reads them with ``graph.trig``, and ``push`` sends
them too. ``graph.ttl``, ``graph.nq``, the metrics and the page are made from the
stated facts only.

>>> from rdflib import RDF, URIRef
>>> city = URIRef("https://w3id.org/kotamitra/id/kota-x")
>>> KM_ = "https://w3id.org/kotamitra/ontology#"
>>> new = entailed([(city, RDF.type, URIRef(KM_ + "CityGovernment"))])
>>> (city, RDF.type, URIRef(KM_ + "LocalGovernment")) in new
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL

from graph.rdf.triples import KMR, PREFIXES, SCHEMA, BuiltGraph, Triple
from graph.resources import ontology_dir

ENTAILMENTS_TRIG = "entailments.trig"
ONTOLOGY_GRAPH = KMR["graph/ontology"]
ENTAILMENTS_GRAPH = KMR["graph/entailments"]
DATES_GRAPH = KMR["graph/dates"]

_KM = PREFIXES["km"]
#: each date property and the property of its first day (xsd:date)
FIRST_DAY = {
    URIRef(_KM + "since"): URIRef(_KM + "sinceFirstDay"),
    URIRef(_KM + "startDate"): URIRef(_KM + "startFirstDay"),
    URIRef(_KM + "endDate"): URIRef(_KM + "endFirstDay"),
    SCHEMA.datePublished: URIRef(_KM + "publishedFirstDay"),
}
_DATE = re.compile(r"(-?\d{4,})(?:-(\d\d)(?:-(\d\d))?)?(?:Z|[+-]\d\d:\d\d)?")
_PRECISION = {XSD.gYear: 1, XSD.gYearMonth: 2, XSD.date: 3}


@cache
def ontology_graph() -> Graph:
    """The ontology (``ontology/kotamitra.ttl``) as an rdflib graph."""
    return Graph().parse(ontology_dir() / "kotamitra.ttl", format="turtle")


def _closure(pairs: Iterable[tuple[URIRef, URIRef]]) -> dict[URIRef, set[URIRef]]:
    """Every term's strict ancestors along the given (child, parent) links."""
    parents: dict[URIRef, set[URIRef]] = {}
    for child, parent in pairs:
        if child != parent:
            parents.setdefault(child, set()).add(parent)
    result: dict[URIRef, set[URIRef]] = {}
    for start in parents:
        seen: set[URIRef] = set()
        todo = list(parents[start])
        while todo:
            node = todo.pop()
            if node not in seen and node != start:
                seen.add(node)
                todo.extend(parents.get(node, ()))
        result[start] = seen
    return result


@cache
def _schema() -> tuple[dict[URIRef, set[URIRef]], dict[URIRef, set[URIRef]], frozenset[URIRef]]:
    onto = ontology_graph()

    def named(p: URIRef) -> list[tuple[URIRef, URIRef]]:
        return [
            (s, o)
            for s, o in onto.subject_objects(p)
            if isinstance(s, URIRef) and isinstance(o, URIRef)
        ]

    symmetric = frozenset(
        s for s in onto.subjects(RDF.type, OWL.SymmetricProperty) if isinstance(s, URIRef)
    )
    return _closure(named(RDFS.subClassOf)), _closure(named(RDFS.subPropertyOf)), symmetric


def entailed(triples: Iterable[Triple]) -> list[Triple]:
    """The triples that RDFS subclass and subproperty entailment and the symmetry of
    symmetric properties add to ``triples`` (only the new ones, in a stable order)."""
    supers, superprops, symmetric = _schema()
    given: set[Triple] = set()
    new: dict[Triple, None] = {}
    for s, p, o in triples:
        given.add((s, p, o))
        if p == RDF.type:
            for c in sorted(supers.get(o, ())):  # type: ignore[call-overload]
                new[(s, RDF.type, c)] = None
        elif p in superprops or p in symmetric:
            for q in sorted(superprops.get(p, ())):  # type: ignore[call-overload]
                new[(s, q, o)] = None
            if p in symmetric:
                new[(o, p, s)] = None
    return [t for t in new if t not in given]


def first_day(value: Literal) -> Literal | None:
    """The first day of a date at any precision, as an ``xsd:date`` (None if it is not
    a well-formed xsd:gYear, xsd:gYearMonth or xsd:date).

    >>> first_day(Literal("2016", datatype=XSD.gYear))
    rdflib.term.Literal('2016-01-01', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
    >>> str(first_day(Literal("2023-05", datatype=XSD.gYearMonth)))
    '2023-05-01'
    """
    dtype = value.datatype if isinstance(value, Literal) else None
    precision = _PRECISION.get(dtype) if dtype is not None else None
    m = _DATE.fullmatch(str(value)) if precision else None
    if m is None or sum(g is not None for g in m.groups()) != precision:
        return None
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return Literal(f"{year}-{month}-{day}", datatype=XSD.date)


def date_bounds(triples: Iterable[Triple]) -> list[Triple]:
    """The first day (``xsd:date``) of every date of ``triples``, see :data:`FIRST_DAY`."""
    out: dict[Triple, None] = {}
    for s, p, o in triples:
        prop = FIRST_DAY.get(p)  # type: ignore[call-overload]
        if prop is not None and isinstance(o, Literal):
            day = first_day(o)
            if day is not None:
                out[(s, prop, day)] = None
    return list(out)


def entailment_graphs(
    built: BuiltGraph, entailments: bool = True
) -> list[tuple[URIRef, list[Triple]]]:
    """The named graphs of ``entailments.trig`` for a build (see the module)."""
    union = built.union()
    graphs: list[tuple[URIRef, list[Triple]]] = [(DATES_GRAPH, date_bounds(union))]
    if entailments:
        graphs.append((ENTAILMENTS_GRAPH, entailed(union)))
    return graphs


def ontology_quads() -> list[object]:
    """The ontology as quads of ``kmr:graph/ontology``, in the file's order, its blank
    nodes named by their order of appearance (the same bytes every build)."""
    import pyoxigraph as ox

    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    names: dict[str, ox.BlankNode] = {}

    def stable(term: object) -> object:
        if isinstance(term, ox.BlankNode):
            return names.setdefault(term.value, ox.BlankNode(f"o{len(names)}"))
        return term

    path = ontology_dir() / "kotamitra.ttl"
    return [
        ox.Quad(stable(t.subject), t.predicate, stable(t.object), graph)  # type: ignore[arg-type]
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    ]


def write_entailments(built: BuiltGraph, out_dir: Path, entailments: bool = True) -> Path:
    """Write ``entailments.trig`` into ``out_dir`` (atomically)."""
    import pyoxigraph as ox

    from graph.files import atomic_write
    from graph.rdf.write import ox_triples

    path = out_dir / ENTAILMENTS_TRIG
    quads = ontology_quads()
    quads += [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(str(iri)))
        for iri, triples in entailment_graphs(built, entailments)
        for t in ox_triples(triples)
    ]
    with atomic_write(path, "wb") as fh:
        ox.serialize(quads, fh, ox.RdfFormat.TRIG, prefixes=PREFIXES)  # type: ignore[arg-type]
    return path
