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

from graph.rdf.triples import BuiltGraph, Triple
from graph.vocab import PREFIXES

GRAPH_TTL = "graph.ttl"
GRAPH_TRIG = "graph.trig"
GRAPH_NQ = "graph.nq"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def _convert(term: Node, named: type = ox.NamedNode) -> OxTerm:
    if type(term) is URIRef:  # the common case first
        return named(term)
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


OxSpo = tuple[OxTerm, OxTerm, OxTerm]


def _grouped(spos: Iterable[OxSpo]) -> list[OxSpo]:
    """Triples grouped by subject (subjects in the order they first appear, each
    subject's triples in the order written), each once: the Turtle and TriG serialisers
    then write each subject once. The order only depends on the input, so the same
    sources always give the same bytes."""
    groups: dict[OxTerm, dict[OxSpo, None]] = {}
    for spo in spos:
        group = groups.get(spo[0])
        if group is None:
            group = groups[spo[0]] = {}
        group[spo] = None
    return [spo for group in groups.values() for spo in group]


def _ox(triples: Iterable[Triple]) -> list[OxSpo]:
    c = _convert
    return [(c(s), c(p), c(o)) for s, p, o in triples]


def ox_triples(triples: Iterable[Triple]) -> list[ox.Triple]:
    """The triples as pyoxigraph triples, grouped by subject."""
    return [ox.Triple(s, p, o) for s, p, o in _grouped(_ox(triples))]  # type: ignore[arg-type]


def ox_quads(built: BuiltGraph) -> list[ox.Quad]:
    """Every quad of the build: the default graph first, then the named graphs in
    document order."""
    return _quads_and_union(built)[0]


def _quads_and_union(built: BuiltGraph) -> tuple[list[ox.Quad], list[ox.Triple]]:
    default = _grouped(_ox(built.default))
    quads = [ox.Quad(s, p, o) for s, p, o in default]  # type: ignore[arg-type]
    union: list[OxSpo] = list(default)
    for iri, triples in built.named:
        g = ox.NamedNode(str(iri))
        spos = _grouped(_ox(triples))
        union.extend(spos)
        quads.extend(ox.Quad(s, p, o, g) for s, p, o in spos)  # type: ignore[arg-type]
    return quads, [ox.Triple(s, p, o) for s, p, o in _grouped(union)]  # type: ignore[arg-type]


def serialize_graph(
    triples: Iterable[Triple],
    path: Path,
    prefixes: dict[str, str] | None = None,
    tail: str = "",
) -> Path:
    """Write triples as Turtle with the project's prefixes and ``prefixes``, then the
    Turtle text ``tail`` (atomically)."""
    from graph.files import atomic_write

    with atomic_write(path, "wb") as fh:
        names = {**PREFIXES, **(prefixes or {})}
        ox.serialize(ox_triples(triples), fh, ox.RdfFormat.TURTLE, prefixes=names)
        fh.write(tail.encode("utf-8"))
    return path


def write_rdf_files(built: BuiltGraph, out_dir: Path) -> tuple[list[Path], list[ox.Triple]]:
    """Write ``graph.trig``, ``graph.ttl`` and ``graph.nq`` into ``out_dir`` (atomically);
    returns the files and the union (what ``graph.ttl`` holds)."""
    from graph.files import atomic_write

    quads, union = _quads_and_union(built)
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
    return written, union
