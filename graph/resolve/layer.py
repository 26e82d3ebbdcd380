"""The resolved layer: what all the sources of a build say, one node per real thing.

- **Partnerships**: one per pair of actors (``a--b`` with the two slugs sorted), from
  every ``Partnership`` report and every ``partnersWith`` fact between them, news or
  reference table. ``status``: the most advanced one stated (explored, planned, active),
  ``ended`` when stated after the latest ``active``. ``since``: the earliest start any report
  states, else the earliest signing of an MoU or charter between them. A value on which
  sources disagree is kept with every alternative and its sources.
- **Participations** and **memberships**: one per actor and programme (or organisation);
  ``since`` the earliest stated.
- **Events**: see :mod:`graph.resolve.events`.
- **Agreements**: one per pair, kind and signing (reports of the same pair and kind
  whose months of signing do not differ), in order of signing.
- **Lifecycle**: see :mod:`graph.resolve.lifecycle`.
- **Direct facts**: one triple per ``(subject, predicate, object)``, with every source.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from graph.extract.agreements import lexicon, same_agreement
from graph.model import Activity, Agreement, Extraction, Fact, Qualified
from graph.resolve.events import resolve_events
from graph.resolve.lifecycle import lifecycle
from graph.resolve.model import (
    NEWS,
    Choice,
    Reported,
    ResolvedAgreement,
    ResolvedLayer,
    ResolvedParticipation,
    ResolvedPartnership,
    Source,
    Value,
)

STATUS_RANK = {"active": 2, "planned": 1, "explored": 0}
_ENDING = frozenset({"ended", "inactive"})
PAIR_PREDICATES = frozenset({"partnersWith"})


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _values(items: Iterable[tuple[str | None, Source]]) -> list[Value]:
    seen: dict[str, list[str]] = defaultdict(list)
    for value, src in items:
        if value is not None and src.doc_id not in seen[value]:
            seen[value].append(src.doc_id)
    return [Value(v, docs) for v, docs in sorted(seen.items())]


def _status(p: ResolvedPartnership) -> None:
    """A partnership moves forward (explored, planned, active) and may end: the most
    advanced status any source states, except that ``ended`` wins only when stated
    later than the latest ``active`` (so does ``inactive``, a dormant tie). A later
    "planned" does not undo a partnership a source states as in force (it is most often a
    plan to widen it)."""
    # a partnersWith fact tells "active", unless its own source's report says otherwise
    # (a dormant tie keeps its fact: "inactive")
    reported = [r.source for r in p.reports]
    stated = [(r.item.status, r.source) for r in p.reports] + [
        ("active", f.source) for f in p.facts if f.source not in reported
    ]
    values = _values(stated)
    if stated:
        last_active = max((s.published or "" for v, s in stated if v == "active"), default=None)
        # "ended" (formally) or "inactive" (dormant, never ended): the latest told wins
        # over an earlier active
        ending = sorted((s.published or "", v) for v, s in stated if v in _ENDING)
        if ending and (last_active is None or ending[-1][0] > last_active):
            p.status = ending[-1][1]
        else:
            alive = [v for v, _ in stated if v not in _ENDING]
            p.status = max(alive, key=lambda v: STATUS_RANK.get(v, 0))
    else:  # known from agreements only: an LoI is an intent
        signed = any(ag.agreement.kind != "LoI" for ag in p.agreements)
        p.status = "active" if signed else "planned"
    if len(values) > 1:
        rule = (
            "the most advanced status stated (explored, planned, active); ended or inactive "
            "when stated after the latest active"
        )
        p.choices.append(Choice("status", p.status, rule, values))


def _since(p: ResolvedPartnership) -> None:
    stated = [(r.item.since, r.source) for r in p.reports if r.item.since]
    if not stated:
        signed = [
            (ag.agreement.signed, src)
            for ag in p.agreements
            if ag.agreement.kind in {"MoU", "charter"} and ag.agreement.signed
            for src in ag.sources
        ]
        # the earliest signing, then the first source by document id (two sources of
        # one signing date must not be compared as objects)
        stated = [min(signed, key=lambda x: (x[0], x[1].doc_id))] if signed else []
    values = _values(stated)
    if not values:
        return
    p.since = min(v.value for v in values)
    if len(values) > 1:
        rule = "the earliest start stated by any source"
        p.choices.append(Choice("since", p.since, rule, values))


def _participation_since(q: ResolvedParticipation) -> None:
    values = _values((r.item.since, r.source) for r in q.reports)
    if values:
        q.since = min(v.value for v in values)
        if len(values) > 1:
            q.choices.append(Choice("since", q.since, "the earliest start stated", values))


def _agreement_key(a: Agreement, parties: tuple[str, ...], first: Agreement) -> str:
    """``<a>--<b>--<kind>-<date of signing>`` (undated: a hash of its first sentence)."""
    text = first.evidence[0].sentence if first.evidence else ""
    when = a.signed or hashlib.sha1(text.encode()).hexdigest()[:8]
    return f"{'--'.join(parties)}--{a.kind.lower()}-{when}"


def resolve_agreements(reports: list[Reported[Agreement]]) -> list[ResolvedAgreement]:
    """One agreement per pair, kind and signing; values from the report giving a date
    of signing at the finest precision, gaps filled by the others."""
    groups: list[list[Reported[Agreement]]] = []
    ordered = sorted(reports, key=lambda r: (r.item.signed is None, r.item.signed or ""))
    for rep in ordered:
        home = next((g for g in groups if same_agreement(g[0].item, rep.item)), None)
        if home is None:
            groups.append([rep])
        else:
            home.append(rep)
    out = []
    for g in groups:
        best = max(g, key=lambda r: (len(r.item.signed or ""), r.source.kind == NEWS))
        merged = replace(best.item, evidence=[])
        for r in g:
            a = r.item
            merged.signed = merged.signed or a.signed
            merged.place = merged.place or a.place
            merged.valid_years = merged.valid_years or a.valid_years
            merged.valid_until = merged.valid_until or a.valid_until
            merged.expired = merged.expired or a.expired
            merged.expired_on = merged.expired_on or a.expired_on
            merged.signatories = list(dict.fromkeys([*merged.signatories, *a.signatories]))
            merged.themes = list(dict.fromkeys([*merged.themes, *a.themes]))
        parties = tuple(sorted(merged.parties))
        resolved = ResolvedAgreement(_agreement_key(merged, parties, g[0].item), merged, g)
        dates = _values((r.item.signed, r.source) for r in g)
        if len(dates) > 1 and merged.signed:
            rule = "the date of signing at the finest precision"
            resolved.choices.append(Choice("signedOn", merged.signed, rule, dates))
        out.append(resolved)
    return sorted(out, key=lambda a: (a.agreement.signed or "9999", a.key))


class _Collector:
    def __init__(self) -> None:
        self.partnerships: dict[tuple[str, str], ResolvedPartnership] = {}
        self.participations: dict[tuple[str, str, str], ResolvedParticipation] = {}
        self.activities: list[Reported[Activity]] = []
        self.agreements: list[Reported[Agreement]] = []
        self.statements: dict[tuple[str, str, str], list[Source]] = {}
        self.as_of: str | None = None
        self.names: dict[str, str] = {}

    def partnership(self, a: str, b: str) -> ResolvedPartnership:
        key = pair(a, b)
        p = self.partnerships.get(key)
        if p is None:
            p = self.partnerships[key] = ResolvedPartnership(*key)
        return p

    def add(self, ex: Extraction) -> None:
        src = Source.of(ex.document)
        for slug, ent in ex.entities.items():
            if slug not in self.names and ent.labels:
                labels = ent.labels
                self.names[slug] = (
                    labels.get("en") or labels.get("id") or next(iter(labels.values()))
                )
        if (
            src.kind == NEWS
            and src.published
            and (self.as_of is None or src.published > self.as_of)
        ):
            self.as_of = src.published
        for f in ex.facts:
            self._fact(src, f)
        for n, q in enumerate(ex.qualified):
            self._qualified(src, q, n)
        self.activities.extend(Reported(src, a, n) for n, a in enumerate(ex.activities))
        self.agreements.extend(Reported(src, a, n) for n, a in enumerate(ex.agreements))

    def _fact(self, src: Source, f: Fact) -> None:
        sources = self.statements.setdefault((f.subject, f.predicate, f.object), [])
        if src not in sources:
            sources.append(src)
        if f.predicate in PAIR_PREDICATES and f.subject != f.object:
            self.partnership(f.subject, f.object).facts.append(Reported(src, f))

    def _qualified(self, src: Source, q: Qualified, n: int) -> None:
        a, b = q.ends
        if q.kind == "Partnership":
            resolved = self.partnership(a, b)
            resolved.reports.append(Reported(src, q, n))
            if q.initiated_by and q.initiated_by not in resolved.initiated_by:
                resolved.initiated_by.append(q.initiated_by)
            return
        part = self.participations.get((q.kind, a, b))
        if part is None:
            part = ResolvedParticipation(a, b, kind=q.kind)
            self.participations[(q.kind, a, b)] = part
        part.reports.append(Reported(src, q, n))
        if q.initiated_by and q.initiated_by not in part.initiated_by:
            part.initiated_by.append(q.initiated_by)


def _involves(act: Activity, a: str, b: str) -> bool:
    named = {*act.participants, act.location, act.organized_by, act.funded_by}
    return a in named and b in named


def resolve_layer(
    extractions: Iterable[Extraction], dormant_after_years: int | None = None
) -> ResolvedLayer:
    """The resolved layer of a build's (entity-resolved) extractions."""
    col = _Collector()
    for ex in extractions:
        col.add(ex)
    layer = ResolvedLayer(
        statements=col.statements,
        names=col.names,
        as_of=col.as_of,
        dormant_after_years=dormant_after_years or lexicon().dormant_after_years,
    )
    layer.events = resolve_events(col.activities)
    for ev in layer.events:
        for r in ev.reports:
            layer.event_of[(r.source.doc_id, r.index)] = ev.key
    layer.agreements = resolve_agreements(col.agreements)
    for ag in layer.agreements:
        for ar in ag.reports:
            layer.agreement_of[(ar.source.doc_id, ar.index)] = ag.key
    by_pair: dict[tuple[str, str], list[ResolvedAgreement]] = defaultdict(list)
    for ag in layer.agreements:
        parties = sorted(ag.agreement.parties)
        if len(parties) >= 2:
            by_pair[pair(parties[0], parties[1])].append(ag)
            col.partnership(parties[0], parties[1])
    events_by_actor: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(layer.events):
        for actor in ev.activity.participants:
            events_by_actor[actor].append(i)
    for key in sorted(col.partnerships):
        p = col.partnerships[key]
        p.agreements = by_pair.get(key, [])
        near = set(events_by_actor.get(p.a, [])) | set(events_by_actor.get(p.b, []))
        p.events = [
            layer.events[i] for i in sorted(near) if _involves(layer.events[i].activity, p.a, p.b)
        ]
        _status(p)
        _since(p)
        lifecycle(p, layer.as_of, layer.dormant_after_years, layer.names)
        layer.partnerships.append(p)
    for kind_key in sorted(col.participations):
        q = col.participations[kind_key]
        _participation_since(q)
        layer.participations.append(q)
    return layer
