"""The resolved layer's data: one node per real partnership, participation, event and
agreement, each with every report that attests it (see ``docs/rdf-model.md``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from graph.model import Activity, Agreement, Document, Evidence, Fact, Qualified

T = TypeVar("T")

NEWS = "news"
REFERENCE = "reference"


@dataclass(frozen=True)
class Source:
    """Where a report comes from: a news document or reference data (a table)."""

    doc_id: str
    kind: str  # NEWS or REFERENCE
    published: str | None = None

    @staticmethod
    def of(doc: Document) -> Source:
        return Source(doc.doc_id, REFERENCE if doc.kind == "table" else NEWS, doc.published)


@dataclass
class Reported(Generic[T]):
    """One source's report of a thing: the item as that source states it."""

    source: Source
    item: T
    index: int = 0  # position in its extraction's list (names the report node)


@dataclass
class Value:
    value: str
    sources: list[str]  # doc ids stating it


@dataclass
class Choice:
    """A property on which sources disagree: the value chosen, by which rule, and
    every value with the sources stating it."""

    prop: str  # local name of the km: property
    chosen: str
    rule: str
    values: list[Value]


def origin(sources: list[Source]) -> str:
    """``news``, ``reference`` or ``both``."""
    kinds = {s.kind for s in sources}
    return "both" if len(kinds) > 1 else next(iter(kinds), NEWS)


def evidence_of(
    reports: list[Reported[Qualified]] | list[Reported[Activity]],
) -> list[tuple[Source, Evidence]]:
    return [(r.source, ev) for r in reports for ev in r.item.evidence]


@dataclass
class ResolvedAgreement:
    key: str  # stable part of its IRI
    agreement: Agreement  # the merged values
    reports: list[Reported[Agreement]] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)

    @property
    def sources(self) -> list[Source]:
        return list(dict.fromkeys(r.source for r in self.reports))


@dataclass
class ResolvedEvent:
    key: str
    activity: Activity  # the merged values
    reports: list[Reported[Activity]] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)

    @property
    def sources(self) -> list[Source]:
        return list(dict.fromkeys(r.source for r in self.reports))


@dataclass
class Stage:
    """One step of a partnership's history."""

    stage: str  # explored, intent, signed, renewed, expired, dormant, activity
    date: str | None
    basis: str  # why, in words
    sources: list[Source] = field(default_factory=list)
    agreement: str | None = None  # key of the agreement it comes from
    event: str | None = None  # key of the event it comes from


@dataclass
class ResolvedPartnership:
    a: str
    b: str
    status: str = "active"
    since: str | None = None
    initiated_by: list[str] = field(default_factory=list)  # who proposed or started it
    reports: list[Reported[Qualified]] = field(default_factory=list)
    facts: list[Reported[Fact]] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    agreements: list[ResolvedAgreement] = field(default_factory=list)
    events: list[ResolvedEvent] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    stage: str | None = None  # the lifecycle stage now (the last one)

    @property
    def key(self) -> str:
        return f"{self.a}--{self.b}"

    @property
    def sources(self) -> list[Source]:
        found = [r.source for r in self.reports] + [f.source for f in self.facts]
        return list(dict.fromkeys(found))

    @property
    def evidence(self) -> list[tuple[Source, Evidence]]:
        out = evidence_of(self.reports) + [(f.source, f.item.evidence) for f in self.facts]
        return list(dict.fromkeys(out))


@dataclass
class ResolvedParticipation:
    """One actor's participation in a programme or, with ``kind`` "Membership", its
    membership of an organisation: ``target`` is the programme or the organisation."""

    actor: str
    target: str
    since: str | None = None
    initiated_by: list[str] = field(default_factory=list)
    reports: list[Reported[Qualified]] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    kind: str = "Participation"

    @property
    def key(self) -> str:
        return f"{self.actor}--{self.target}"

    @property
    def sources(self) -> list[Source]:
        return list(dict.fromkeys(r.source for r in self.reports))


@dataclass
class ResolvedLayer:
    partnerships: list[ResolvedPartnership] = field(default_factory=list)
    participations: list[ResolvedParticipation] = field(default_factory=list)
    events: list[ResolvedEvent] = field(default_factory=list)
    agreements: list[ResolvedAgreement] = field(default_factory=list)
    # (subject, predicate, object) of each direct fact -> the sources stating it
    statements: dict[tuple[str, str, str], list[Source]] = field(default_factory=dict)
    # the report node of each activity report: (doc id, index) -> event key
    event_of: dict[tuple[str, int], str] = field(default_factory=dict)
    agreement_of: dict[tuple[str, int], str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # slug -> a name, for labels
    as_of: str | None = None  # the latest news date of the build: "now" for the lifecycle
    dormant_after_years: int = 5
