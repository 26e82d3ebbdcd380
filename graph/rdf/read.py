"""Reading RDF files into rdflib quickly: Oxigraph parses, and its terms become rdflib's.

On a build of ``sources/`` plus the Wikipedia twin-town table (584k triples, a 24 MB
``graph.ttl``) rdflib's own Turtle parser takes 18 s, this 9 s (oxrdflib, the packaged
bridge, 12 s; it also types plain strings as ``xsd:string``, which rdflib keeps distinct
from plain literals, so SHACL ``sh:in`` lists of plain strings no longer match).

>>> import tempfile, pathlib
>>> f = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
>>> _ = f.write_text('<http://x/a> <http://x/b> "s", "t"@en, 3 .', encoding="utf-8")
>>> sorted(o.n3() for o in read_graph(f).objects())
['"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '"s"', '"t"@en']
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}


class _Terms:
    """Oxigraph terms to rdflib terms, each distinct term converted once."""

    def __init__(self) -> None:
        self.seen: dict[object, Node] = {}

    def __call__(self, term: object) -> Node:
        node = self.seen.get(term)
        if node is not None:
            return node
        if isinstance(term, ox.NamedNode):
            node = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            node = BNode(term.value)
        elif isinstance(term, ox.Literal):
            if term.language:
                node = Literal(term.value, lang=term.language)
            elif term.datatype.value == _XSD_STRING:
                node = Literal(term.value)  # RDF 1.1: a plain string is an xsd:string
            else:
                node = Literal(term.value, datatype=URIRef(term.datatype.value))
        else:  # a quoted triple (RDF-star): not written by kotamitra
            raise ValueError(f"unsupported RDF term {term}")
        self.seen[term] = node
        return node


def read_graph(file: Path) -> Graph:
    """The triples of a Turtle, N-Triples, N-Quads or TriG file (named graphs merged) as
    one rdflib graph. Raises ``SyntaxError``/``OSError`` as pyoxigraph does."""
    fmt = _FORMATS.get(file.suffix.lower(), ox.RdfFormat.TURTLE)
    g = Graph()
    term = _Terms()
    quads = ox.parse(path=str(file), format=fmt)
    g.addN((term(q.subject), term(q.predicate), term(q.object), g) for q in quads)
    return g
