"""Plain data types passed between the pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = str  # a km: class local name, e.g. "CityGovernment", "Country", "Person"


@dataclass(frozen=True)
class Document:
    """One source document, whatever format it came in."""

    doc_id: str  # stable slug, unique within a build
    text: str
    path: str  # where it was read from (file path, or "file.jsonl#line")
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or coarser (YYYY-MM, YYYY)
    language: str | None = None  # "id" or "en"
    kind: str | None = None  # e.g. "summary", "article"


@dataclass(frozen=True)
class SourceProblem:
    """A source that could not be read, with the reason in words a user understands."""

    path: str
    reason: str


@dataclass(frozen=True)
class NotAnArticle(SourceProblem):
    """A file in a source folder that describes the folder (README, SOURCE, LICENSE,
    CHANGELOG): reported as skipped, but not a problem of the sources (``--strict``
    does not fail on it)."""


@dataclass
class Entity:
    """A resolved entity as it appears in one document."""

    slug: str
    type: EntityType
    labels: dict[str, str] = field(default_factory=dict)  # language -> preferred label
    aliases: set[str] = field(default_factory=set)  # names as written in the source
    wikidata: str | None = None
    country: str | None = None  # slug of the country, for local governments
    code: str | None = None  # Kemendagri code


@dataclass(frozen=True)
class Evidence:
    sentence: str
    index: int  # sentence index in the document


@dataclass
class Fact:
    """A direct fact ``subject --predicate--> object`` between entity slugs."""

    subject: str
    predicate: str
    object: str
    evidence: Evidence


@dataclass
class Qualified:
    """An n-ary node qualifying a participation, a membership or a partnership."""

    kind: Literal["Participation", "Membership", "Partnership"]
    ends: tuple[str, str]  # (actor, programme), (member, organisation) or (partner, partner)
    since: str | None = None
    initiated_by: str | None = None
    status: str = "active"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Activity:
    """A dated occurrence: a training, visit, meeting, signing, exchange."""

    type: str = "Activity"
    theme: str | None = None
    part_of: str | None = None
    location: str | None = None
    start: str | None = None  # ISO at the precision of the text
    end: str | None = None
    participant_count: int | None = None
    participants: list[str] = field(default_factory=list)
    funded_by: str | None = None
    organized_by: str | None = None
    led_by: str | None = None  # the person who led its delegation or group
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Claim:
    quantity: float
    unit: str
    about: str
    approximate: bool
    evidence: Evidence
    said_by: str | None = None  # person slug, when the number is a quotation
    concerns: list[str] = field(default_factory=list)  # entity slugs the number is about


@dataclass
class Agreement:
    """A signed (or intended) agreement between two or more parties, as one document
    reports it: an LoI, an MoU, a sister-city charter, an implementing arrangement (PKS)
    or a renewal of an earlier one."""

    kind: str  # "LoI", "MoU", "charter", "PKS" or "renewal"
    parties: list[str] = field(default_factory=list)  # entity slugs
    signatories: list[str] = field(default_factory=list)  # person slugs
    signed: str | None = None  # ISO date at the precision of the text
    place: str | None = None  # slug of the place of signing
    valid_years: int | None = None  # "berlaku lima tahun"
    valid_until: str | None = None  # "valid until 2026", or signed + valid_years
    themes: list[str] = field(default_factory=list)  # scope: "tourism", "education"...
    evidence: list[Evidence] = field(default_factory=list)
    expired: bool = False  # stated to have ended ("telah berakhir", "expired", "lapsed")
    expired_on: str | None = None  # the end the text dates, if it does


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    qualified: list[Qualified] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    prefiltered: bool = False  # skipped: nothing in it can be a partnership fact

    @property
    def states_something(self) -> bool:
        """Whether the document states a fact, activity or claim (and so gets a named
        graph); most general news states nothing about partnerships."""
        return bool(
            self.facts or self.qualified or self.activities or self.claims or self.agreements
        )
