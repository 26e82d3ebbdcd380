"""Mention stage: who and what a document names, sentence by sentence.

Known names come from the gazetteer; people are found through their titles and roles
("Wali Kota Jambi H. Syarif Fasha", "Bandung Mayor Ridwan Kamil"); unknown but
well-formed names ("Pemkot X", "Perumdam Tirta Mayang", "Temasek Polytechnic") become
entities typed by their head words; later short forms ("Fasha") resolve to the person
named in full before.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import graph.extract.foreign as foreign
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, Gazetteer, Match, Record, key
from graph.extract.lexicon import relations_lexicon
from graph.model import Entity
from graph.resources import load_yaml
from graph.sources.text import Sentence
from graph.vocab import slugify

NAME_TOKEN = r"(?:[A-Z][\w'’-]*|[A-Z]{2,}|(?:bin|binti|van|von|de|der|da|al|el|la)(?=\s+[A-Z]))"


@cache
def _names_lex() -> dict[str, object]:
    data = load_yaml("names.yaml")

    def words_before(key_: str, flags: int = 0) -> re.Pattern[str]:
        alt = "|".join(sorted(data[key_], key=len, reverse=True))
        return re.compile(rf"(?:\b(?:{alt})\.?\s+)$", flags)

    return {
        "stop": frozenset(data["stop_name_words"]),
        "place_heads": frozenset(data["place_heads"]),
        "prefix_block": words_before("name_prefix_block"),
        "venue_before_role": words_before("venue_before_role", re.I),
    }


def _stop() -> frozenset[str]:
    return _names_lex()["stop"]  # type: ignore[return-value]


_WORD_BEFORE = re.compile(r"([A-Z][\w'’.&-]*)\s+$")
_PLACE_TYPES = LOCAL_GOVERNMENT_TYPES | {"Country"}


def _titlecase(text: str) -> bool:
    """A headline in title case ("Pemkot Jambi Kirim ASN Ke Singapura")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def inside_a_name(text: str, start: int, headline: bool) -> bool:
    """Whether a place name at ``start`` is the tail of a longer proper name: a person
    ("I Nyoman Gede Surya Mataram"), a school ("SDN Pondok Cina"), a club ("Persib
    Bandung"). It is when the word right before it is capitalised and is neither a
    function or role word nor a word that may head a place (``names.yaml``).

    >>> s = "Deputi I Nyoman Gede Surya Mataram berangkat"
    >>> inside_a_name(s, s.index("Mataram"), False)
    True
    >>> inside_a_name("Wali Kota Jambi hadir", 10, False)
    False
    """
    if headline:
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if before is None:
        return False
    word = before.group(1).rstrip(".")
    lex = _names_lex()
    heads = lex["place_heads"]
    if re.search(r"[a-z][A-Z]", word):
        return False  # words run together by a scraper ("DenpasarWalikota"), not a name
    return not (word in _stop() or word in heads)  # type: ignore[operator]


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


@cache
def _lex() -> dict[str, object]:
    data = relations_lexicon()
    hon = "|".join(data["honorifics"])
    deg = "|".join(data["degrees"])
    roles = [
        (re.compile(rf"\b(?:{r['pattern']})\b", re.I), r["relation"], r["level"])
        for r in data["roles"]
    ]
    gov_heads = []
    for level, heads in data["government_heads"].items():
        for h in heads:
            gov_heads.append((h, level))
    gov_heads.sort(key=lambda x: -len(x[0]))
    any_head = "|".join(
        [h for h, _ in gov_heads]
        + [data_alt for data_alt in data["organisation_heads"]]
        + data["organisation_tails"]
        + data["programme_tails"]
    )
    role_words = sorted(
        {w for r in data["roles"] for w in re.findall(r"[a-z]{4,}", r["pattern"].lower())}
    )
    return {
        "role_words": [
            w for w in role_words if w not in {"sementara", "acting", "deputy", "executive"}
        ]
        + ["wakil", "major"],
        "any_role": re.compile(
            "|".join(rf"\b(?:{r['pattern']})\b" for r in data["roles"]) + r"|wakil", re.I
        ),
        "any_head": re.compile(rf"\b(?:{any_head})\b"),
        "honorific": re.compile(rf"^(?:(?:{hon})\s+)+"),
        "degree_tail": re.compile(rf"(?:,?\s*(?:{deg}))+\s*$"),
        "roles": roles,
        "level_prefix": data["level_prefix"],
        "gov_heads": gov_heads,
        "org_heads": "|".join(data["organisation_heads"]),
        "org_tails": "|".join(data["organisation_tails"]),
        "prog_tails": "|".join(data["programme_tails"]),
        "deputy": re.compile(rf"\b(?:{'|'.join(data['deputy_pronoun'])})\s+", re.I),
        "policy": re.compile(rf"\b(?:{'|'.join(data['policy'])})\s+\"([^\"]{{3,80}})\"", re.I),
        "hon_alt": hon,
    }


class MentionFinder:
    """Finds the mentions of one document (stateful: people seen so far)."""

    def __init__(self, gazetteer: Gazetteer, language: str) -> None:
        self.gaz = gazetteer
        self.lang = language
        self.out = DocumentMentions()
        self.person_alias: dict[str, str] = {}  # folded alias -> person slug
        self.doc_countries: set[str] = set()  # the countries the document names
        self.local_alias: dict[str, tuple[str, str]] = {}  # folded alias -> (slug, type)

    # -- entity registry -------------------------------------------------------------
    def _entity_for_record(self, rec: Record, surface: str | None) -> str:
        ent = self.out.entities.get(rec.id)
        if ent is None:
            ent = rec.entity()
            self.out.entities[rec.id] = ent
            self.out.records[rec.id] = rec
        if surface:
            ent.aliases.add(surface)
        return rec.id

    def _local_entity(self, name: str, type_: str, surface: str | None = None) -> str:
        slug = slugify(name)
        ent = self.out.entities.get(slug)
        if ent is None:
            ent = Entity(slug=slug, type=type_, labels={self.lang: name})
            self.out.entities[slug] = ent
        ent.aliases.add(surface or name)
        self.local_alias[key(name)] = (slug, ent.type)
        return slug

    def _person(self, name: str, surface: str) -> str:
        tokens = name.split()
        k = key(name)
        slug = self.person_alias.get(k)
        if slug is None:
            # a longer name whose tokens extend a known short one, or the reverse
            for alias, known in list(self.person_alias.items()):
                known_tokens = self.out.entities[known].labels.get("und", alias).split()
                if len(tokens) > 1 and set(map(key, tokens)) >= set(map(key, known_tokens)):
                    slug = known
                    break
        if slug is None:
            slug = slugify(name)
            if slug in self.out.entities and self.out.entities[slug].type != "Person":
                slug = f"{slug}-person"
            self.out.entities[slug] = Entity(slug=slug, type="Person", labels={"und": name})
        ent = self.out.entities[slug]
        if len(tokens) > len(ent.labels["und"].split()):
            ent.labels["und"] = name
        ent.aliases.add(surface)
        ent.aliases.add(name)
        self.person_alias[k] = slug
        for tok in (tokens[0], tokens[-1]) if len(tokens) > 1 else ():
            if len(tok) >= 4 and tok not in _stop() and not self.gaz.lookup(tok):
                self.person_alias.setdefault(key(tok), slug)
        return slug

    # -- helpers ---------------------------------------------------------------------------
    def _clean_name(self, raw: str) -> str:
        lex = _lex()
        name = lex["honorific"].sub("", raw.strip())  # type: ignore[union-attr]
        name = lex["degree_tail"].sub("", name)  # type: ignore[union-attr]
        return name.strip(" ,.")

    def _place_for_level(self, name: str, level: str) -> Record | None:
        prefixes = _lex()["level_prefix"][level]  # type: ignore[index]
        for p in prefixes:
            rec = self.gaz.lookup(f"{p} {name}")
            if rec is not None and rec.type in LOCAL_GOVERNMENT_TYPES:
                return rec
        rec = self.gaz.lookup(name, LOCAL_GOVERNMENT_TYPES)
        if rec is not None and (rec.type == level or rec.country != "indonesia"):
            return rec
        hit = foreign.lookup_for_role(name, level, self.gaz, self.doc_countries)
        if hit is not None:
            return foreign.record_for(hit[0], hit[1], self.gaz, name)
        return None

    # -- main ---------------------------------------------------------------------------------
    def sentence(self, s: Sentence, found: list[Match] | None = None) -> None:
        """Find the mentions of one sentence (``found``: its gazetteer matches, if
        already known)."""
        text = s.text
        low = text.lower()
        if found is None:
            found = self.gaz.find(text)
        self._foreign_governments(s, found)
        if any(w in low for w in _lex()["role_words"]) and _lex()["any_role"].search(text):  # type: ignore[union-attr]
            self._roles(s)
        headline = _titlecase(text)
        for i, m in enumerate(found):
            if _names_lex()["prefix_block"].search(text[: m.start]):
                continue
            if m.record.type in _PLACE_TYPES and inside_a_name(text, m.start, headline):
                continue
            nxt = found[i + 1] if i + 1 < len(found) else None
            if (
                m.record.type == "Organization"
                and nxt is not None
                and nxt.record.type == "Country"
                and text[m.end : nxt.start].strip() == ""
            ):
                continue  # "Kementerian Luar Negeri Singapura": that country's body, not ours
            slug = self._entity_for_record(m.record, m.surface)
            self.out.add(Mention(s.index, m.start, m.end, m.surface, slug, m.record.type))
        self._policies(s)
        self._unknown_names(s)
        self._people_short_forms(s)

    def _foreign_governments(self, s: Sentence, found: list[Match]) -> None:
        """Foreign local governments the gazetteer lacks, in a government context
        (:mod:`graph.extract.foreign`)."""
        countries = {m.start: m.record.id for m in found if m.record.type == "Country"}
        for cand in foreign.candidates(s.text, countries):
            hit = foreign.resolve(cand, self.gaz, self.doc_countries)
            if hit is None:
                continue
            place, level, name = hit
            at = s.text.find(name, cand.start)
            if at < 0:
                continue
            # "Kota Tono", "City of Fremantle": the context words before belong to the name
            start = cand.start if cand.start < at else at
            end = at + len(name)
            if cand.surface.startswith(name) and cand.explicit and cand.country is None:
                end = cand.end  # "Sibu Municipal Council"
            rec = foreign.record_for(place, level, self.gaz, name)
            slug = self._entity_for_record(rec, s.text[start:end])
            self.out.entities[slug].aliases.add(name)
            self.out.add(Mention(s.index, start, end, s.text[start:end], slug, level), True)

    def _roles(self, s: Sentence) -> None:
        text = s.text
        lex = _lex()
        hon = lex["hon_alt"]
        taken: list[tuple[int, int]] = []
        for pattern, relation, level in lex["roles"]:  # type: ignore[union-attr]
            for m in pattern.finditer(text):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                if _names_lex()["venue_before_role"].search(text[: m.start()]):
                    continue
                self._one_role(s, m, relation, level, hon)
        # "bersama wakilnya Maulana"
        for m in lex["deputy"].finditer(text):  # type: ignore[union-attr]
            nm = re.match(rf"((?:{NAME_TOKEN})(?:\s+{NAME_TOKEN}){{0,3}})", text[m.end() :])
            if nm:
                name = self._clean_name(nm.group(1))
                if name and name.split()[0] not in _stop():
                    slug = self._person(name, name)
                    a = m.end()
                    self.out.add(
                        Mention(s.index, a, a + len(nm.group(1)), nm.group(1), slug, "Person")
                    )
                    self.out.deputies.append((slug, s.index))

    def _one_role(self, s: Sentence, m: re.Match[str], relation: str, level: str, hon: str) -> None:
        text = s.text
        words = re.findall(r"[A-Za-z]+", text)
        if (
            len(words) >= 4
            and not text.rstrip().endswith((".", '"', "'", ")"))
            and sum(w[0].isupper() for w in words) / len(words) > 0.7
        ):
            return  # a headline in title case ("Governor Goes to Russia"): names are unsafe
        after = text[m.end() :]
        seq = re.match(
            rf"\s*(?:of\s+(?:the\s+)?)?,?\s*"
            rf"((?:(?:{hon})\s+|{NAME_TOKEN}[.]?[ \t]*|,[ \t]*(?={NAME_TOKEN}))*)",
            after,
        )
        chunk = seq.group(1) if seq else ""
        chunk = re.split(r"\s+(?:dan|and|serta|bersama|with|selaku|sebagai|yang)\b", chunk)[0]
        # a comma may separate the place from the name ("Wali Kota Medan, Bobby Nasution"),
        # never the name from what follows ("Wali Kota, Jalan Sudirman")
        head, _, tail = chunk.partition(",")
        tokens = re.findall(r"[^\s,]+", head)
        place: Record | None = None
        place_tokens = 0
        for k in range(min(len(tokens), 4), 0, -1):
            cand = " ".join(tokens[:k]).rstrip(".")
            rec = self._place_for_level(cand, level)
            if rec is not None:
                place, place_tokens = rec, k
                break
        base = m.end() + (seq.start(1) if seq else 0)
        place_slug: str | None = None
        if place is not None:
            surface = " ".join(tokens[:place_tokens])
            idx = text.find(surface, base)
            place_slug = self._entity_for_record(place, None)
            if idx >= 0:
                self.out.add(
                    Mention(s.index, idx, idx + len(surface), surface, place_slug, place.type)
                )
        else:
            # English "Bandung Mayor Ridwan Kamil", "Mossel Bay's executive mayor …": the
            # place before the role
            before = re.sub(
                r"(?:['’]s)?(?:\s+(?:executive|acting|lord|the))*$",
                "",
                text[: m.start()].rstrip(),
                flags=re.I,
            )
            for rec_match in reversed(self.gaz.find(before)):
                if rec_match.end == len(before) and rec_match.record.type in LOCAL_GOVERNMENT_TYPES:
                    place = rec_match.record
                    place_slug = self._entity_for_record(place, rec_match.surface)
                break
            if place is None:  # a foreign government found before ("Fremantle Mayor …")
                for fm in self.out.in_sentence(s.index):
                    if fm.end == len(before) and fm.type in LOCAL_GOVERNMENT_TYPES:
                        place_slug = fm.slug
                        place = self.out.records.get(fm.slug)
                        break
        rest = list(tokens[place_tokens:])
        if place is not None and not rest and tail.strip():
            rest = re.findall(r"[^\s,]+", tail.split(",")[0])
        while rest and self.gaz.lookup(rest[0].rstrip(".")) is not None:
            rest = rest[1:]  # "the Mayor of Bandung, Bandung Ridwan Kamil": a repeated place
        name = self._clean_name(" ".join(rest))
        name_tokens = [t for t in name.split() if t not in _stop()]
        if name_tokens and name.split()[0] in _stop():
            name_tokens = []
        if not name_tokens:
            # "Ridwan Kamil, the Mayor of Bandung" / "Bobby Nasution selaku Wali Kota Medan"
            prev = re.search(
                rf"((?:{NAME_TOKEN})(?:\s+{NAME_TOKEN}){{1,4}})\s*(?:,\s*(?:the\s+|selaku\s+|sebagai\s+)?|\s+(?:selaku|sebagai)\s+)$",
                text[: m.start()],
            )
            if prev and place_slug and self._person_like(prev.group(1)):
                name = self._clean_name(prev.group(1))
                name_tokens = name.split()
                start = prev.start(1)
                surface = prev.group(1)
            else:
                return
        else:
            surface_start = text.find(rest[0], base) if rest else -1
            start = surface_start if surface_start >= 0 else m.end()
            surface = text[start : start + len(" ".join(rest))]
        name = " ".join(name_tokens)
        if len(name) < 3 or not self._person_like(name):
            return
        slug = self._person(name, self._clean_name(surface) or name)
        self.out.add(
            Mention(s.index, start, start + len(surface), surface, slug, "Person", relation)
        )
        if place_slug is None:
            place_slug = ""  # resolved later against the document's home government
        self.out.roles.append(Role(slug, relation, place_slug, level, s.index))

    def _person_like(self, name: str) -> bool:
        """A name before a role ("Bobby Nasution selaku Wali Kota Medan") is a person's
        only when none of its words is a function, role or office word and it is not a
        place ("Dearborn, Michigan"; "Bupati Tapanuli Utara, Bupati …")."""
        tokens = name.split()
        if any(t.rstrip(".") in _stop() for t in tokens):
            return False
        if self.gaz.lookup(name) is not None or any(self.gaz.lookup(t) for t in tokens):
            return False
        return not foreign.world_places().lookup(name)

    def _unknown_names(self, s: Sentence) -> None:
        text = s.text
        lex = _lex()
        if not lex["any_head"].search(text) and not self.local_alias:  # type: ignore[union-attr]
            return
        name_seq = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,4}}"
        for head, level in lex["gov_heads"]:  # type: ignore[union-attr]
            for m in re.finditer(rf"\b{head}\s+({name_seq})", text):
                name = m.group(1)
                name = re.split(r"\s+(?:dan|and|serta|yang)\b", name)[0]
                if name.split()[0] in _stop() or re.search(r"\bIbu\s+$", text[: m.start()]):
                    continue  # "Ibu Kota Negara" is the capital, not a town named Negara
                rec = self._place_for_level(name, level)
                full = f"{head} {name}"
                if rec is not None:
                    slug = self._entity_for_record(rec, full)
                    self.out.add(
                        Mention(s.index, m.start(), m.start() + len(full), full, slug, rec.type)
                    )
                    continue
                label = {
                    "CityGovernment": "Kota",
                    "RegencyGovernment": "Kabupaten",
                    "ProvincialGovernment": "Provinsi",
                }[level] + f" {name}"
                slug = self._local_entity(label, level, full)
                self.out.add(Mention(s.index, m.start(), m.start() + len(full), full, slug, level))
        org_heads, org_tails, prog_tails = lex["org_heads"], lex["org_tails"], lex["prog_tails"]
        for m in re.finditer(rf"\b(?:{org_heads})\s+{name_seq}", text):
            self._add_local(s, m.start(), m.group(0), "Organization")
        for m in re.finditer(rf"\b{name_seq}\s+(?:{org_tails})\b(?:\s+{name_seq})?", text):
            self._add_local(s, m.start(), m.group(0), "Organization")
        for m in re.finditer(rf"\b{name_seq}\s+(?:{prog_tails})\b", text):
            self._add_local(s, m.start(), m.group(0), "Programme")
        # acronyms in brackets after a local name: "Perumdam Tirta Mayang (PTM)"
        for folded, (slug, type_) in list(self.local_alias.items()):
            ent = self.out.entities[slug]
            for alias in list(ent.aliases):
                for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
                    self.out.add(Mention(s.index, m.start(), m.end(), alias, slug, type_))
            del folded

    def _add_local(self, s: Sentence, start: int, surface: str, type_: str) -> None:
        surface = re.split(r"\s+(?:dan|and|serta|yang|untuk|di|ke)\s", surface)[0].strip()
        words = surface.split()
        while words and words[0] in _stop():
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2:
            return
        surface = " ".join(words)
        rec = self.gaz.lookup(surface)
        if rec is not None:
            return
        slug = self._local_entity(surface, type_, surface)
        self.out.add(
            Mention(s.index, start, start + len(surface), surface, slug, type_), override=True
        )

    def _people_short_forms(self, s: Sentence) -> None:
        if not self.person_alias:
            return
        for alias, slug in self.person_alias.items():
            for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", s.text, re.I):
                surface = m.group(0)
                if not surface[:1].isupper():
                    continue
                self.out.add(Mention(s.index, m.start(), m.end(), surface, slug, "Person"))
                self.out.entities[slug].aliases.add(surface)

    def _policies(self, s: Sentence) -> None:
        for m in _lex()["policy"].finditer(s.text):  # type: ignore[union-attr]
            name = m.group(1).strip()
            slug = self._local_entity(name, "Policy", name)
            self.out.entities[slug].labels = {
                "en" if re.search(r"\bpolicy\b", name, re.I) else self.lang: name
            }
            self.out.add(Mention(s.index, m.start(1), m.end(1), name, slug, "Policy"))
        for m in re.finditer(
            r"\"([A-Z][^\"]{2,60}\bPolicy)\"|\b((?:[A-Z][a-z]+\s+){1,4}Policy)\b", s.text
        ):
            name = (m.group(1) or m.group(2)).strip()
            slug = self._local_entity(name, "Policy", name)
            self.out.entities[slug].labels = {"en": name}
            start = m.start(1) if m.group(1) else m.start(2)
            self.out.add(Mention(s.index, start, start + len(name), name, slug, "Policy"))


def _merge(out: DocumentMentions, merges: dict[str, str]) -> None:
    """Point the mentions of one entity to another (same real-world entity)."""
    if not merges:
        return
    for index, items in out.by_sentence.items():
        out.by_sentence[index] = [
            Mention(
                m.sentence,
                m.start,
                m.end,
                m.surface,
                merges.get(m.slug, m.slug),
                out.entities[merges.get(m.slug, m.slug)].type,
                m.via_role,
                m.qualifier,
            )
            for m in items
        ]
    out.roles = [
        r._replace(
            person=merges.get(r.person, r.person), government=merges.get(r.government, r.government)
        )
        for r in out.roles
    ]
    out.deputies = [(merges.get(p, p), i) for p, i in out.deputies]
    for old, new in merges.items():
        ent = out.entities.pop(old)
        out.entities[new].aliases |= ent.aliases | set(ent.labels.values())


def _doc_level_merges(out: DocumentMentions) -> dict[str, str]:
    """Unknown names that are short or misspelt forms of a known one in the same text
    ("Kota Mossel" for Mossel Bay), and people named in two forms ("Ida Bagus Rai
    Dharmawijaya Mantra", "IB Rai Dharmawijaya Mantra")."""
    merges: dict[str, str] = {}
    known = [e for e in out.entities.values() if e.slug in out.records]
    for ent in list(out.entities.values()):
        if ent.slug in out.records:
            continue
        if ent.type in LOCAL_GOVERNMENT_TYPES:
            name = key(next(iter(ent.labels.values())))
            core = re.sub(r"^(?:kota|kabupaten|provinsi|pemerintah kota|city of)\s+", "", name)
            for other in known:
                if other.type not in LOCAL_GOVERNMENT_TYPES:
                    continue
                for label in [*other.labels.values(), *other.aliases]:
                    lk = re.sub(
                        r"^(?:kota|kabupaten|provinsi|pemerintah kota|city of)\s+", "", key(label)
                    )
                    if lk.startswith(core + " ") or (
                        len(core) > 5 and difflib.SequenceMatcher(None, core, lk).ratio() >= 0.9
                    ):
                        merges[ent.slug] = other.slug
                        break
                if ent.slug in merges:
                    break
    persons = [e for e in out.entities.values() if e.type == "Person"]
    for a in persons:
        for b in persons:
            if a.slug == b.slug or a.slug in merges or b.slug in merges:
                continue
            ta, tb = key(a.labels["und"]).split(), key(b.labels["und"]).split()
            if len(ta) >= 3 and len(tb) >= 3 and ta[-2:] == tb[-2:] and len(ta) >= len(tb):
                merges[b.slug] = a.slug
    return merges


def _contains(out: DocumentMentions, small: str, big: str) -> bool:
    """Whether the place ``big`` contains the local government ``small``."""
    a, b = out.entities[small], out.entities[big]
    if a.type not in LOCAL_GOVERNMENT_TYPES:
        return False
    if b.type == "Country":
        return a.country == b.slug or (a.country is None and small not in out.records)
    if b.type == "ProvincialGovernment" and a.code and b.code:
        return a.code.startswith(b.code + ".")
    if (
        a.type == "CityGovernment"
        and b.type in {"ProvincialGovernment", "LocalGovernment"}
        and a.country not in (None, "indonesia")
        and a.country == b.country
    ):
        return True  # "Lismore, New South Wales": a foreign city and its state
    if b.type == "ProvincialGovernment" and big not in out.records:
        # "Mossel Bay (Provinsi Western Cape, …)": an unknown province after a foreign city
        return small in out.records and a.country not in (None, "indonesia")
    return False


def _mark_qualifiers(out: DocumentMentions, sentences: list[Sentence]) -> None:
    """ "Bandung in West Java", "Gwangju, Korea Selatan", "Kota Mossel dari Afrika
    Selatan": the second place only locates the first and is not an actor there."""
    for s in sentences:
        items = out.by_sentence.get(s.index, [])
        for i in range(1, len(items)):
            prev, cur = items[i - 1], items[i]
            gap = s.text[prev.end : cur.start]
            if re.fullmatch(r"\s*(?:,|in|di|dari|from|of|\(|-)?\s*(?:the\s+)?", gap) and _contains(
                out, prev.slug, cur.slug
            ):
                items[i] = Mention(
                    cur.sentence,
                    cur.start,
                    cur.end,
                    cur.surface,
                    cur.slug,
                    cur.type,
                    cur.via_role,
                    True,
                )


def _matches_in(s: Sentence, matches: list[Match]) -> list[Match]:
    """The gazetteer matches of the whole text that fall in one sentence, re-based."""
    end = s.start + len(s.text)
    return [
        Match(m.start - s.start, m.end - s.start, m.surface, m.record)
        for m in matches
        if s.start <= m.start
        and m.end <= end
        and s.text[m.start - s.start : m.end - s.start] == m.surface
    ]


def find_mentions(
    sentences: list[Sentence],
    gazetteer: Gazetteer,
    language: str,
    matches: list[Match] | None = None,
) -> DocumentMentions:
    """All mentions in a document's sentences, in order. ``matches`` are gazetteer
    matches over the whole text the sentences were split from, if already known."""
    finder = MentionFinder(gazetteer, language)
    every = (
        matches if matches is not None else [m for s in sentences for m in gazetteer.find(s.text)]
    )
    finder.doc_countries = {m.record.id for m in every if m.record.type == "Country"}
    for s in sentences:
        finder.sentence(s, None if matches is None else _matches_in(s, matches))
    _merge(finder.out, _doc_level_merges(finder.out))
    _mark_qualifiers(finder.out, sentences)
    return finder.out
