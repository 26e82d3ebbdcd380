"""RDF stage: extractions become an rdflib Dataset, one named graph per source document.

The model is documented in ``docs/rdf-model.md``. IRIs are slugs of canonical names
(``kmr:kota-jambi``); statement, evidence, activity and claim nodes get IRIs from a hash
of their content, so the same sources always give the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS
from rdflib.term import Node

from graph.model import Activity, Agreement, Claim, Evidence, Extraction
from graph.rdf.resolved import (
    activity_report_iri,
    agreement_report_iri,
    qualified_report_iri,
    resolved_triples,
    statement_iri,
)
from graph.resolve.layer import resolve_layer
from graph.vocab import DIRECT_RELATIONS, ENTITY_CLASSES, KM, KMR, PREFIXES, SCHEMA, WD, bind

__all__ = ["DIRECT_RELATIONS", "ENTITY_CLASSES", "KM", "KMR", "PREFIXES", "SCHEMA", "WD", "bind"]


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def date_literal(iso: str) -> Literal:
    """An ISO date at its own precision: xsd:date, xsd:gYearMonth or xsd:gYear.

    >>> date_literal("2023-05").datatype == XSD.gYearMonth
    True
    """
    n = iso.count("-")
    dtype = XSD.date if n == 2 else XSD.gYearMonth if n == 1 else XSD.gYear
    return Literal(iso, datatype=dtype)


def doc_iri(doc_id: str) -> URIRef:
    return KMR[f"doc/{doc_id}"]


def graph_iri(doc_id: str) -> URIRef:
    return KMR[f"graph/{doc_id}"]


Triple = tuple[Node, Node, Node]


class TripleSink:
    """Triples in the order they were written, each once: what the writer fills. Much
    cheaper than an rdflib Graph (no indexes), which only library users need."""

    def __init__(self) -> None:
        self.triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> None:
        self.triples[triple] = None

    def __contains__(self, triple: object) -> bool:
        return triple in self.triples

    def __len__(self) -> int:
        return len(self.triples)


class _Writer:
    def __init__(self, g: TripleSink, ex: Extraction) -> None:
        self.g = g
        self.ex = ex
        self.doc = doc_iri(ex.document.doc_id)
        self.lang = ex.document.language or "id"

    def evidence(self, ev: Evidence) -> URIRef:
        node = KMR[f"evidence/{_h(self.ex.document.doc_id, ev.index)}"]
        if (node, RDF.type, KM.Evidence) not in self.g:
            self.g.add((node, RDF.type, KM.Evidence))
            self.g.add((node, KM.text, Literal(ev.sentence, lang=self.lang)))
            self.g.add((node, KM.sentenceIndex, Literal(ev.index)))
            self.g.add((node, PROV.wasQuotedFrom, self.doc))
        return node

    def document(self) -> None:
        d = self.ex.document
        g, node = self.g, self.doc
        # a table of partnerships (graph/tables.py) is a dataset, not a news article
        g.add((node, RDF.type, SCHEMA.Dataset if d.kind == "table" else SCHEMA.NewsArticle))
        g.add((node, RDF.type, PROV.Entity))
        if d.url:
            g.add((node, SCHEMA.url, URIRef(d.url)))
        if d.title:
            g.add((node, SCHEMA.headline, Literal(d.title, lang=self.lang)))
        if d.published:
            g.add((node, SCHEMA.datePublished, date_literal(d.published)))
        if d.publisher:
            pub = BNode(f"pub{_h(d.doc_id, d.publisher)}")
            g.add((node, SCHEMA.publisher, pub))
            g.add((pub, RDF.type, SCHEMA.Organization))
            g.add((pub, SCHEMA.name, Literal(d.publisher)))
        g.add((node, SCHEMA.inLanguage, Literal(self.lang)))
        g.add((node, KM.sourceFile, Literal(d.path)))
        if d.kind:
            g.add((node, KM.kind, Literal(d.kind)))

    def entities(self) -> None:
        g = self.g
        for ent in self.ex.entities.values():
            node = KMR[ent.slug]
            g.add((node, RDF.type, KM[ent.type]))
            labels = dict(ent.labels)
            plain = labels.pop("und", None)
            for lang, label in sorted(labels.items()):
                g.add((node, RDFS.label, Literal(label, lang=lang)))
            if plain is not None and not labels:
                g.add((node, RDFS.label, Literal(plain)))
            known = {str(v) for v in ent.labels.values()}
            for alias in sorted(ent.aliases):
                if alias not in known:
                    g.add((node, SKOS.altLabel, Literal(alias)))
            if ent.wikidata:
                g.add((node, OWL.sameAs, WD[ent.wikidata]))
            if ent.code:
                g.add((node, KM.kemendagriCode, Literal(ent.code)))

    def facts(self) -> None:
        g = self.g
        for f in self.ex.facts:
            s, p, o = KMR[f.subject], KM[f.predicate], KMR[f.object]
            g.add((s, p, o))
            st = statement_iri(self.ex.document.doc_id, f.subject, f.predicate, f.object)
            g.add((st, RDF.type, KM.Statement))
            g.add((st, RDF.subject, s))
            g.add((st, RDF.predicate, p))
            g.add((st, RDF.object, o))
            # the document directly, so a query by source needs no hop through evidence
            g.add((st, KM.source, self.doc))
            g.add((st, KM.evidence, self.evidence(f.evidence)))

    def qualified(self) -> None:
        g = self.g
        for q in self.ex.qualified:
            a, b = q.ends
            # this source's report; the one node per pair is the resolved layer's
            node = qualified_report_iri(q.kind, a, b, self.ex.document.doc_id)
            # only what this source says of it: the ends, and any value summed or listed
            # by queries, are on the resolved node alone (km:report links the two), so a
            # query that forgets the type cannot count a report as a second partnership
            g.add((node, RDF.type, KM[f"{q.kind}Report"]))
            if q.kind == "Partnership":
                g.add((node, KM.status, Literal(q.status)))
            if q.since:
                g.add((node, KM.since, date_literal(q.since)))
            for ev in q.evidence:
                g.add((node, KM.evidence, self.evidence(ev)))

    def activity(self, act: Activity, n: int) -> None:
        g = self.g
        # this source's report; the one node per real event is the resolved layer's
        node = activity_report_iri(self.ex.document.doc_id, n)
        g.add((node, RDF.type, KM.ActivityReport))
        g.add((node, KM.activityType, KM[act.type]))
        # its dates, count, theme and actors are on the resolved event (km:report links
        # them; values this source gives differently are kept there with their source),
        # so a sum over km:participantCount counts each event once
        for ev in act.evidence:
            g.add((node, KM.evidence, self.evidence(ev)))

    def agreement(self, a: Agreement, n: int) -> None:
        """This source's report of an agreement (the resolved km:Agreement merges them)."""
        g = self.g
        node = agreement_report_iri(self.ex.document.doc_id, n)
        g.add((node, RDF.type, KM.AgreementReport))
        g.add((node, KM.agreementKind, Literal(a.kind)))
        for slug in a.parties:
            g.add((node, KM.party, KMR[slug]))
        for slug in a.signatories:
            g.add((node, KM.signatory, KMR[slug]))
        if a.signed:
            g.add((node, KM.signedOn, date_literal(a.signed)))
        if a.place:
            g.add((node, KM.signedAt, KMR[a.place]))
        for ev in a.evidence:
            g.add((node, KM.evidence, self.evidence(ev)))

    def claim(self, c: Claim) -> None:
        g = self.g
        node = KMR[f"claim/{_h(self.ex.document.doc_id, c.evidence.index, c.quantity, c.unit)}"]
        g.add((node, RDF.type, KM.Claim))
        q = int(c.quantity) if c.quantity == int(c.quantity) else c.quantity
        g.add((node, KM.quantity, Literal(q)))
        g.add((node, KM.unit, Literal(c.unit)))
        g.add((node, KM.about, Literal(c.about, lang=self.lang)))
        g.add((node, KM.approximate, Literal(c.approximate)))
        for slug in c.concerns:
            if slug in self.ex.entities:
                g.add((node, KM.concerns, KMR[slug]))
        if c.said_by and c.said_by in self.ex.entities:
            g.add((node, KM.saidBy, KMR[c.said_by]))
        g.add((node, KM.evidence, self.evidence(c.evidence)))


def extraction_triples(ex: Extraction) -> list[Triple]:
    """The triples of one extraction's named graph."""
    sink = TripleSink()
    w = _Writer(sink, ex)
    w.document()
    w.entities()
    w.facts()
    w.qualified()
    for n, act in enumerate(ex.activities):
        w.activity(act, n)
    for n, ag in enumerate(ex.agreements):
        w.agreement(ag, n)
    for c in ex.claims:
        w.claim(c)
    return list(sink.triples)


def add_extraction(ds: Dataset, ex: Extraction) -> Graph:
    """Write one extraction into its own named graph of ``ds``."""
    g = ds.graph(graph_iri(ex.document.doc_id))
    for triple in extraction_triples(ex):
        g.add(triple)
    return g


def reference_triples(extractions: Iterable[Extraction]) -> list[Triple]:
    """Reference data for the default graph: the country of each foreign local
    government (km:country) and that country's names and Wikidata id, from the gazetteer.

    These facts come from the shipped gazetteer, not from a source document, so they
    live outside the per-document named graphs.
    """
    from graph.extract.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    g = TripleSink()
    seen: set[str] = set()
    for ex in extractions:
        for ent in ex.entities.values():
            # Indonesian local governments carry their Kemendagri code instead; the
            # country link is kept for foreign ones, whose country metrics need
            if (
                not ent.country
                or ent.country == "indonesia"
                or ent.type == "Country"
                or ent.slug in seen
            ):
                continue
            seen.add(ent.slug)
            rec = gaz.records.get(ent.country)
            if rec is None or rec.type != "Country":
                continue
            g.add((KMR[ent.slug], KM.country, KMR[rec.id]))
            if rec.id in seen:
                continue
            seen.add(rec.id)
            g.add((KMR[rec.id], RDF.type, KM.Country))
            for lang, label in sorted(rec.labels.items()):
                g.add((KMR[rec.id], RDFS.label, Literal(label, lang=lang)))
            if rec.wikidata:
                g.add((KMR[rec.id], OWL.sameAs, WD[rec.wikidata]))
    return list(g.triples)


def add_reference(ds: Dataset, extractions: Iterable[Extraction]) -> None:
    """Reference data (see :func:`reference_triples`) into the default graph of ``ds``."""
    for triple in reference_triples(extractions):
        ds.default_graph.add(triple)


@dataclass
class BuiltGraph:
    """A build's graph as plain triples: one named graph per document that states
    something, and reference data for the default graph. The build writes files and
    the store from it without an rdflib Dataset; :meth:`to_dataset` gives one."""

    named: list[tuple[URIRef, list[Triple]]] = field(default_factory=list)
    default: list[Triple] = field(default_factory=list)

    def union(self) -> list[Triple]:
        """Every triple once, in a stable order (what ``graph.ttl`` holds)."""
        seen: dict[Triple, None] = dict.fromkeys(self.default)
        for _, triples in self.named:
            seen.update(dict.fromkeys(triples))
        return list(seen)

    def to_dataset(self) -> Dataset:
        ds = Dataset()
        bind(ds)
        for iri, triples in self.named:
            g = ds.graph(iri)
            for triple in triples:
                g.add(triple)
        for triple in self.default:
            ds.default_graph.add(triple)
        return ds

    def union_graph(self) -> Graph:
        g = Graph()
        bind(g)
        for triple in self.union():
            g.add(triple)
        return g


def build_graph(
    extractions: Iterable[Extraction], dormant_after_years: int | None = None
) -> BuiltGraph:
    """The graph of the extractions: a named graph for each one that states something
    (a document that states no fact, activity or claim gets none: the build report
    counts it, but the graph is of partnerships, not of everything read), and in the
    default graph the reference data and the resolved layer (one partnership per pair,
    one event per occurrence, agreements and lifecycles: :mod:`graph.rdf.resolved`).
    ``dormant_after_years`` (default: ``graph/lexicon/agreements.yaml``) is how many years
    without reported activity make a partnership dormant."""
    exs = [ex for ex in extractions if ex.states_something]
    return BuiltGraph(
        named=[(graph_iri(ex.document.doc_id), extraction_triples(ex)) for ex in exs],
        default=reference_triples(exs) + resolved_triples(resolve_layer(exs, dormant_after_years)),
    )


def to_dataset(extractions: Iterable[Extraction]) -> Dataset:
    """A Dataset with one named graph per extraction that states something, and
    reference data (the countries of the local governments) in the default graph."""
    return build_graph(extractions).to_dataset()


def union_graph(ds: Dataset) -> Graph:
    """All named graphs merged into one graph (what ``graph.ttl`` holds)."""
    g = Graph()
    bind(g)
    for ctx in ds.graphs():
        for triple in ctx:
            g.add(triple)
    return g
