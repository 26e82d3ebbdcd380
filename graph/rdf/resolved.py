"""RDF of the resolved layer (:mod:`graph.resolve.layer`): one ``km:Partnership`` per
pair, one ``km:Participation`` per actor and programme, one activity node per real event,
one ``km:Agreement`` per agreement, each linking every source and evidence that attests
it, with its lifecycle and the values sources disagree on. Written to the default graph:
the per-source named graphs stay the evidence (see ``docs/rdf-model.md``)."""

from __future__ import annotations

import hashlib
from collections import Counter

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from graph.model import Activity, Evidence
from graph.resolve.model import (
    Choice,
    ResolvedAgreement,
    ResolvedEvent,
    ResolvedLayer,
    ResolvedParticipation,
    ResolvedPartnership,
    Source,
    origin,
)
from graph.vocab import KM, KMR, QUALIFIED_ENDS

Triple = tuple[Node, Node, Node]


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def date_literal(iso: str) -> Literal:
    n = iso.count("-")
    dtype = XSD.date if n == 2 else XSD.gYearMonth if n == 1 else XSD.gYear
    return Literal(iso, datatype=dtype)


def doc_iri(doc_id: str) -> URIRef:
    return KMR[f"doc/{doc_id}"]


def evidence_iri(doc_id: str, ev: Evidence) -> URIRef:
    """The evidence node of a sentence: the same IRI the per-source graph gives it."""
    return KMR[f"evidence/{_h(doc_id, ev.index)}"]


def statement_iri(doc_id: str, s: str, p: str, o: str) -> URIRef:
    """The statement node of a direct fact in one source's named graph (one per source:
    a node shared by several named graphs would be seen once per graph by a store whose
    default graph is the union of the named graphs, and multiply every join on it)."""
    return KMR[f"statement/{_h(doc_id, s, p, o)}"]


def resolved_statement_iri(s: str, p: str, o: str) -> URIRef:
    """The one resolved node of a direct fact, whatever the number of sources stating it."""
    return KMR[f"fact/{_h(s, p, o)}"]


def partnership_iri(a: str, b: str) -> URIRef:
    """The stable IRI of the partnership of two actors, from the pair (order-free)."""
    x, y = sorted((a, b))
    return KMR[f"partnership/{x}--{y}"]


def participation_iri(actor: str, target: str, kind: str = "Participation") -> URIRef:
    """The node of an actor's participation in a programme, or with ``kind`` "Membership"
    of its membership of an organisation."""
    return KMR[f"{kind.lower()}/{actor}--{target}"]


def event_iri(key: str) -> URIRef:
    return KMR[f"event/{key}"]


def agreement_iri(key: str) -> URIRef:
    return KMR[f"agreement/{key}"]


def activity_report_iri(doc_id: str, n: int) -> URIRef:
    return KMR[f"activity/{doc_id}-{n + 1}"]


def agreement_report_iri(doc_id: str, n: int) -> URIRef:
    return KMR[f"agreement-report/{doc_id}-{n + 1}"]


def qualified_report_iri(kind: str, a: str, b: str, doc_id: str) -> URIRef:
    return KMR[f"{kind.lower()}/{a}--{b}--{doc_id}"]


class _Out:
    def __init__(self) -> None:
        self.triples: dict[Triple, None] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples[(s, p, o)] = None

    def provenance(self, node: URIRef, sources: list[Source]) -> None:
        """Where a resolved fact comes from: each source document, its kinds, and one
        summary value ("news", "reference" or "both")."""
        for src in sources:
            self.add(node, KM.source, doc_iri(src.doc_id))
            self.add(node, KM.sourceKind, Literal(src.kind))
        if sources:
            self.add(node, KM.provenance, Literal(origin(sources)))
            self.add(node, KM.sourceCount, Literal(len({s.doc_id for s in sources})))

    def choices(self, node: URIRef, choices: list[Choice]) -> None:
        for c in choices:
            cn = KMR[f"choice/{_h(str(node), c.prop)}"]
            self.add(node, KM.valueChoice, cn)
            self.add(cn, RDF.type, KM.ValueChoice)
            self.add(cn, KM.property, KM[c.prop])
            self.add(cn, KM.chosenValue, Literal(c.chosen))
            self.add(cn, KM.rule, Literal(c.rule, lang="en"))
            for v in c.values:
                vn = KMR[f"choice/{_h(str(node), c.prop, v.value)}"]
                self.add(cn, KM.alternative, vn)
                self.add(vn, RDF.type, KM.ReportedValue)
                self.add(vn, KM.value, Literal(v.value))
                for doc in v.sources:
                    self.add(vn, KM.source, doc_iri(doc))


def _activity_values(out: _Out, node: URIRef, act: Activity) -> None:
    if act.theme:
        out.add(node, KM.theme, Literal(act.theme))
    for prop, value in (
        (KM.partOf, act.part_of),
        (KM.location, act.location),
        (KM.fundedBy, act.funded_by),
        (KM.organizedBy, act.organized_by),
        (KM.ledBy, act.led_by),
    ):
        if value:
            out.add(node, prop, KMR[value])
    if act.start:
        out.add(node, KM.startDate, date_literal(act.start))
    if act.end:
        out.add(node, KM.endDate, date_literal(act.end))
    if act.participant_count is not None:
        out.add(node, KM.participantCount, Literal(act.participant_count))
    for slug in act.participants:
        out.add(node, KM.participant, KMR[slug])


def _event(out: _Out, ev: ResolvedEvent) -> None:
    node = event_iri(ev.key)
    out.add(node, RDF.type, KM[ev.activity.type])
    _activity_values(out, node, ev.activity)
    for r in ev.reports:
        out.add(node, KM.report, activity_report_iri(r.source.doc_id, r.index))
        for e in r.item.evidence:
            out.add(node, KM.evidence, evidence_iri(r.source.doc_id, e))
    out.add(node, KM.reportCount, Literal(len(ev.reports)))
    out.provenance(node, ev.sources)
    out.choices(node, ev.choices)


def _agreement(out: _Out, ag: ResolvedAgreement, names: dict[str, str]) -> None:
    node = agreement_iri(ag.key)
    a = ag.agreement
    out.add(node, RDF.type, KM.Agreement)
    parties = " – ".join(names.get(p, p) for p in a.parties)
    label = f"{a.kind}: {parties}" + (f", {a.signed}" if a.signed else "")
    out.add(node, RDFS.label, Literal(label, lang="en"))
    out.add(node, KM.agreementKind, Literal(a.kind))
    for slug in a.parties:
        out.add(node, KM.party, KMR[slug])
    for slug in a.signatories:
        out.add(node, KM.signatory, KMR[slug])
    if a.signed:
        out.add(node, KM.signedOn, date_literal(a.signed))
    if a.place:
        out.add(node, KM.signedAt, KMR[a.place])
    if a.valid_years:
        out.add(node, KM.validYears, Literal(a.valid_years))
    if a.valid_until:
        out.add(node, KM.endDate, date_literal(a.valid_until))
    if a.expired:
        ended = a.expired_on or min(
            (r.source.published for r in ag.reports if r.item.expired and r.source.published),
            default=None,
        )
        if ended:
            out.add(node, KM.expiredOn, date_literal(ended))
    for theme in a.themes:
        out.add(node, KM.scope, Literal(theme, lang="en"))
    if len(a.parties) >= 2:
        out.add(node, KM.partnership, partnership_iri(a.parties[0], a.parties[1]))
    for r in ag.reports:
        out.add(node, KM.report, agreement_report_iri(r.source.doc_id, r.index))
        for e in r.item.evidence:
            out.add(node, KM.evidence, evidence_iri(r.source.doc_id, e))
    out.provenance(node, ag.sources)
    out.choices(node, ag.choices)


def _partnership(out: _Out, p: ResolvedPartnership) -> None:
    node = partnership_iri(p.a, p.b)
    out.add(node, RDF.type, KM.Partnership)
    out.add(node, KM.partner, KMR[p.a])
    out.add(node, KM.partner, KMR[p.b])
    out.add(node, KM.status, Literal(p.status))
    if p.since:
        out.add(node, KM.since, date_literal(p.since))
    for slug in p.initiated_by:
        out.add(node, KM.initiatedBy, KMR[slug])
    if p.stage:
        out.add(node, KM.lifecycleStage, Literal(p.stage))
    for r in p.reports:
        out.add(node, KM.report, qualified_report_iri("Partnership", *r.item.ends, r.source.doc_id))
    for f in p.facts:
        st = statement_iri(f.source.doc_id, f.item.subject, f.item.predicate, f.item.object)
        out.add(node, KM.statement, st)
    for src, e in p.evidence:
        out.add(node, KM.evidence, evidence_iri(src.doc_id, e))
    sources = p.sources
    for ag in p.agreements:
        out.add(node, KM.agreement, agreement_iri(ag.key))
        for ar in ag.reports:
            for e in ar.item.evidence:
                out.add(node, KM.evidence, evidence_iri(ar.source.doc_id, e))
        sources += [s for s in ag.sources if s not in sources]
    for ev in p.events:
        out.add(node, KM.activity, event_iri(ev.key))
    out.provenance(node, sources)
    out.choices(node, p.choices)
    _stages(out, node, p)


def _stages(out: _Out, node: URIRef, p: ResolvedPartnership) -> None:
    """The partnership's lifecycle, one step node a stage."""
    for i, stage in enumerate(p.stages):
        sn = KMR[f"partnership/{p.key}/step/{i + 1}"]
        out.add(node, KM.historyStep, sn)
        out.add(sn, RDF.type, KM.LifecycleStep)
        out.add(sn, KM.stage, Literal(stage.stage))
        out.add(sn, KM.order, Literal(i + 1))
        out.add(sn, KM.basis, Literal(stage.basis, lang="en"))
        if stage.date:
            out.add(sn, KM.date, date_literal(stage.date))
        if stage.agreement:
            out.add(sn, KM.agreement, agreement_iri(stage.agreement))
        if stage.event:
            out.add(sn, KM.activity, event_iri(stage.event))
        for src in stage.sources:
            out.add(sn, KM.source, doc_iri(src.doc_id))


def _participation(out: _Out, q: ResolvedParticipation) -> None:
    """A km:Participation (actor, programme) or a km:Membership (member, organisation)."""
    node = participation_iri(q.actor, q.target, q.kind)
    out.add(node, RDF.type, KM[q.kind])
    actor_p, target_p, _ = QUALIFIED_ENDS[q.kind]
    out.add(node, actor_p, KMR[q.actor])
    out.add(node, target_p, KMR[q.target])
    if q.since:
        out.add(node, KM.since, date_literal(q.since))
    for slug in q.initiated_by:
        out.add(node, KM.initiatedBy, KMR[slug])
    for r in q.reports:
        out.add(node, KM.report, qualified_report_iri(q.kind, *r.item.ends, r.source.doc_id))
        for e in r.item.evidence:
            out.add(node, KM.evidence, evidence_iri(r.source.doc_id, e))
    out.provenance(node, q.sources)
    out.choices(node, q.choices)


def _first(sources: list[Source]) -> Source:
    """The source that reported a fact first: the earliest dated, then by document id."""
    return min(sources, key=lambda s: (s.published is None, s.published or "", s.doc_id))


def _resolved_statement(out: _Out, fact: tuple[str, str, str], sources: list[Source]) -> None:
    """One node per direct fact with what whole-graph questions count: how many documents
    state it, which stated it first, and how many per year of publication. A query then
    reads one node per fact, not one statement per source (docs/rdf-model.md)."""
    s, p, o = fact
    node = resolved_statement_iri(s, p, o)
    out.add(node, RDF.type, KM.ResolvedStatement)
    out.add(node, KM.factSubject, KMR[s])
    out.add(node, KM.factPredicate, KM[p])
    out.add(node, KM.factObject, KMR[o])
    docs = {src.doc_id: src for src in sources}
    out.add(node, KM.sourceCount, Literal(len(docs)))
    out.add(node, KM.firstSource, doc_iri(_first(list(docs.values())).doc_id))
    years = Counter((src.published or "")[:4] for src in docs.values())
    for year, count in sorted(years.items()):
        yn = URIRef(f"{node}/year/{year or 'unknown'}")
        out.add(node, KM.yearCount, yn)
        out.add(yn, RDF.type, KM.YearCount)
        out.add(yn, KM.sourceCount, Literal(count))
        if year:
            out.add(yn, KM.reportYear, Literal(year, datatype=XSD.gYear))


def resolved_triples(layer: ResolvedLayer) -> list[Triple]:
    """The triples of the resolved layer, in a stable order."""
    out = _Out()
    for p in layer.partnerships:
        _partnership(out, p)
    for q in layer.participations:
        _participation(out, q)
    for ev in layer.events:
        _event(out, ev)
    for ag in layer.agreements:
        _agreement(out, ag, layer.names)
    for fact in sorted(layer.statements):
        _resolved_statement(out, fact, layer.statements[fact])
    if layer.as_of:
        out.add(KMR["build"], KM.asOf, date_literal(layer.as_of))
        out.add(KMR["build"], KM.dormantAfterYears, Literal(layer.dormant_after_years))
    return list(out.triples)
