"""Write stage: a built graph into files, serialised by Oxigraph.

``graph.trig`` (one named graph per source document that states something, and the
reference data in the default graph), ``graph.ttl`` (their union, each triple once) and
``graph.nq`` (N-Quads, for tools that stream). rdflib builds the terms; pyoxigraph's
serialisers (Rust) write them, some twenty times faster than rdflib's Turtle and TriG
serialisers on a large build. Triples are grouped by subject in a stable order, so the
same sources always give the same bytes. Every file is written to a temporary file and
moved into place when complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.rdf import PREFIXES, BuiltGraph, Triple

GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
GRAPH_NQ = "graph.nq"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


class _Terms:
    """rdflib terms to pyoxigraph terms, each converted once."""

    def __init__(self) -> None:
        self.memo: dict[Node, OxTerm] = {}

    def __call__(self, term: Node) -> OxTerm:
        found = self.memo.get(term)
        if found is None:
            found = self.memo[term] = _convert(term)
        return found


def _convert(term: Node) -> OxTerm:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ox_triples(triples: Iterable[Triple], terms: _Terms | None = None) -> list[ox.Triple]:
    """The triples as pyoxigraph triples, grouped by subject (subjects in the order they
    first appear, each subject's triples in the order written): the Turtle and TriG
    serialisers then write each subject once. The order only depends on the input, so
    the same sources give the same bytes."""
    conv = terms or _Terms()
    groups: dict[OxTerm, list[ox.Triple]] = {}
    for s, p, o in triples:
        subject = conv(s)
        group = groups.get(subject)
        if group is None:
            group = groups[subject] = []
        group.append(ox.Triple(subject, conv(p), conv(o)))  # type: ignore[arg-type]
    return [t for group in groups.values() for t in group]


def ox_quads(built: BuiltGraph, terms: _Terms | None = None) -> list[ox.Quad]:
    """Every quad of the build: the default graph first, then the named graphs in
    document order."""
    conv = terms or _Terms()
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in ox_triples(built.default, conv)]
    for iri, triples in built.named:
        g = ox.NamedNode(str(iri))
        quads.extend(
            ox.Quad(t.subject, t.predicate, t.object, g) for t in ox_triples(triples, conv)
        )
    return quads


def serialize_graph(
    triples: Iterable[Triple],
    path: Path,
    prefixes: dict[str, str] | None = None,
    tail: str = "",
) -> Path:
    """Write triples as Turtle with the project's prefixes and ``prefixes``, then the
    Turtle text ``tail`` (atomically)."""
    from graph.build import atomic_write

    with atomic_write(path, "wb") as fh:
        names = {**PREFIXES, **(prefixes or {})}
        ox.serialize(ox_triples(triples), fh, ox.RdfFormat.TURTLE, prefixes=names)
        fh.write(tail.encode("utf-8"))  # type: ignore[attr-defined]
    return path


def write_rdf_files(built: BuiltGraph, out_dir: Path) -> list[Path]:
    """Write ``graph.trig``, ``graph.ttl`` and ``graph.nq`` into ``out_dir`` (atomically)."""
    from graph.build import atomic_write

    terms = _Terms()
    quads = ox_quads(built, terms)
    union = ox_triples(built.union(), terms)
    written = []
    for name, data, fmt in (
        (GRAPH_TRIG, quads, ox.RdfFormat.TRIG),
        (GRAPH_TTL, union, ox.RdfFormat.TURTLE),
        (GRAPH_NQ, quads, ox.RdfFormat.N_QUADS),
    ):
        path = out_dir / name
        with atomic_write(path, "wb") as fh:
            prefixes = None if fmt == ox.RdfFormat.N_QUADS else PREFIXES
            ox.serialize(data, fh, fmt, prefixes=prefixes)
        written.append(path)
    return written
