"""What a mention is: a span of one sentence naming an entity, the roles found with
people's names, and all the mentions of one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from graph.extract.gazetteer import Record
from graph.model import Entity


@dataclass(frozen=True)
class Mention:
    sentence: int
    start: int
    end: int
    surface: str
    slug: str
    type: str
    via_role: str | None = None  # "headOf"/"deputyHeadOf" when named through a role title
    qualifier: bool = False  # a place that only locates the name before it ("Bandung, West Java")
    venue: bool = False  # a large city abroad named bare where something is ("di Melbourne")


class Role(NamedTuple):
    """A person named with a role title: "Wali Kota Jambi Syarif Fasha" is the head
    (``relation``) of the government ``government`` (empty when the title names no place:
    the document's home government of that ``level`` is meant)."""

    person: str
    relation: str  # headOf or deputyHeadOf
    government: str
    level: str  # the local-government class the title is for
    sentence: int


@dataclass
class DocumentMentions:
    """All mentions of a document, and the entities they refer to."""

    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    records: dict[str, Record] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    # person slug -> sentence index of the deputy pronoun ("wakilnya Maulana")
    deputies: list[tuple[str, int]] = field(default_factory=list)
    # the regional assemblies of our governments named ("DPRD Kota Bekasi"): bodies of ours
    assemblies: set[str] = field(default_factory=set)

    def venue_only(self, slug: str) -> bool:
        """Whether the document names a place only as where something is held or gone to,
        never as a government (no "Kota X", no head, no partner)."""
        found = [m for ms in self.by_sentence.values() for m in ms if m.slug == slug]
        return bool(found) and all(m.venue for m in found)

    def in_sentence(self, index: int) -> list[Mention]:
        return self.by_sentence.get(index, [])

    def add(self, m: Mention, override: bool = False) -> None:
        """Add a mention unless it overlaps one already there; with ``override`` a
        longer name wins over the shorter ones inside it ("Temasek Polytechnic
        Singapore" over "Singapore")."""
        items = self.by_sentence.setdefault(m.sentence, [])
        overlapping = [o for o in items if m.start < o.end and o.start < m.end]
        if overlapping:
            if not override or any(
                not (m.start <= o.start and o.end <= m.end) or o.end - o.start == m.end - m.start
                for o in overlapping
            ):
                return
            for o in overlapping:
                items.remove(o)
        items.append(m)
        items.sort(key=lambda x: x.start)
