"""Write stage: a built graph into files, serialised by Oxigraph.

``graph.trig`` (one named graph per source document that states something, and the
reference data in the default graph), ``graph.ttl`` (their union, each triple once) and
``graph.nq`` (N-Quads, for tools that stream). rdflib builds the terms; pyoxigraph's
serialisers (Rust) write them, some twenty times faster than rdflib's Turtle and TriG
serialisers on a large build. Triples are sorted, so the same sources always give the
same bytes. Every file is written to a temporary file and moved into place when complete.
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


def _sort_key(t: tuple[OxTerm, ...]) -> tuple[str, ...]:
    return tuple(str(x) for x in t)


def ox_triples(triples: Iterable[Triple], terms: _Terms | None = None) -> list[ox.Triple]:
    conv = terms or _Terms()
    out = [(conv(s), conv(p), conv(o)) for s, p, o in triples]
    out.sort(key=_sort_key)
    return [ox.Triple(s, p, o) for s, p, o in out]  # type: ignore[arg-type]


def ox_quads(built: BuiltGraph, terms: _Terms | None = None) -> list[ox.Quad]:
    """Every quad of the build: the default graph first, then the named graphs in
    document order (each sorted)."""
    conv = terms or _Terms()
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in ox_triples(built.default, conv)]
    for iri, triples in built.named:
        g = ox.NamedNode(str(iri))
        quads.extend(
            ox.Quad(t.subject, t.predicate, t.object, g) for t in ox_triples(triples, conv)
        )
    return quads


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
