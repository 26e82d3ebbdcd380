"""Extract stage: one :class:`Document` becomes one :class:`Extraction`.

Sentences are read in order with their mentions (see :mod:`graph.extract.mentions`); relation
patterns, written as trigger words in ``lexicon/relations.yaml``, turn them into direct
facts, qualified participation/partnership nodes, activities and numeric claims. The
rules read the way a careful reader does: the actor of a sentence is the local
government it names, else the one whose head it names, else the government the article
is about; planned partnerships are recorded with a status instead of asserted; negated
statements are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from graph.extract.dates import DateSpan, find_dates, reference_date
from graph.extract.gazetteer import (
    LOCAL_GOVERNMENT_TYPES,
    ORGANISATION_TYPES,
    Gazetteer,
    default_gazetteer,
)
from graph.extract.gazetteer import Match as GazMatch
from graph.extract.mentions import DocumentMentions, Mention, find_mentions
from graph.extract.numbers import find_numbers
from graph.model import Activity, Claim, Document, Evidence, Extraction, Fact, Qualified
from graph.resources import load_yaml
from graph.sources.text import Sentence, clean, split_sentences

HOME_COUNTRY = "indonesia"


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    data = load_yaml("relations.yaml")

    def alt(name: str) -> re.Pattern[str]:
        words = sorted(data[name], key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I)

    out = {
        name: alt(name)
        for name in (
            "partnership",
            "signing",
            "planned",
            "negation",
            "ended",
            "delegation",
            "participation",
            "organised_by",
            "funded_by",
            "membership",
            "implements",
            "initiated_by",
            "since",
            "activity_anaphora",
            "people_nouns",
            "location_preps",
            "destination_preps",
            "both",
            "tentative",
            "theme_words",
            "renewal",
            "actor_cue",
            "local_hint",
            "speech",
            "light_verbs",
            "national",
        )
    }
    for cls, words in data["activities"].items():
        out[f"activity:{cls}"] = re.compile(
            r"(?<![\w-])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w-])", re.I
        )
    for unit, words in data["claim_units"].items():
        out[f"unit:{unit}"] = re.compile(r"^\s*(?:" + "|".join(words) + r")\b", re.I)
    return out


@dataclass
class _Doc:
    doc: Document
    sentences: list[Sentence]
    mentions: DocumentMentions
    ref: dt.date | None
    home: str | None
    ex: Extraction
    heads: dict[str, str] = field(default_factory=dict)  # person -> government
    fact_keys: set[tuple[str, str, str]] = field(default_factory=set)
    current: Activity | None = None
    current_sentence: int = -1
    recent_foreign: list[str] = field(default_factory=list)  # foreign LGs in order of mention
    touched: list[Activity] = field(default_factory=list)  # activities of the current sentence
    background: set[int] = field(default_factory=set)  # ids of activities told as background
    named: set[int] = field(default_factory=set)  # ids of activities with a name of their own

    def ent_type(self, slug: str) -> str:
        return self.mentions.entities[slug].type

    def country_of(self, slug: str) -> str | None:
        ent = self.mentions.entities[slug]
        if ent.type == "Country":
            return slug
        if ent.type in LOCAL_GOVERNMENT_TYPES and ent.country is None:
            rec = self.mentions.records.get(slug)
            # a well-formed local name missing from the complete Indonesian gazetteer
            return rec.country if rec else "foreign"
        return ent.country

    def is_indonesian_lg(self, slug: str) -> bool:
        return (
            self.ent_type(slug) in LOCAL_GOVERNMENT_TYPES and self.country_of(slug) == HOME_COUNTRY
        )

    def is_foreign_actor(self, slug: str) -> bool:
        t = self.ent_type(slug)
        if t == "Country":
            return slug != HOME_COUNTRY
        if t in LOCAL_GOVERNMENT_TYPES:
            return self.country_of(slug) != HOME_COUNTRY
        if t == "InternationalOrganization":
            return True
        if t == "Organization":
            c = self.mentions.entities[slug].country
            return c is not None and c != HOME_COUNTRY
        return False

    def add_fact(self, s: str, p: str, o: str, sent: Sentence) -> None:
        if s == o:
            return
        k = (s, p, o)
        if p == "partnersWith" and (o, p, s) in self.fact_keys:
            k = (o, p, s)
        if k in self.fact_keys:
            for f in self.ex.facts:
                if (f.subject, f.predicate, f.object) == k and f.evidence.index == sent.index:
                    return
        self.fact_keys.add(k)
        self.ex.facts.append(Fact(k[0], p, k[2], Evidence(sent.text, sent.index)))

    def qualified(self, kind: str, a: str, b: str) -> Qualified:
        ends = (a, b) if kind == "Participation" else tuple(sorted((a, b)))
        for q in self.ex.qualified:
            if q.kind == kind and q.ends == ends:
                return q
        q = Qualified(kind=kind, ends=ends)  # type: ignore[arg-type]
        self.ex.qualified.append(q)
        return q


def _first_after(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


def _negated(text: str, at: int) -> bool:
    """A negation word among the three words before offset ``at``, in the same clause,
    that bears on the trigger: "tidak menjalin kerja sama" is negated, but in "tak
    memengaruhi kerja sama" the negation bears on the other verb."""
    words = text[:at].split()[-3:]
    for i, w in enumerate(words):
        if w.lower().strip(",") in {"yang", "which", "that", "who"} or w.endswith(","):
            words = words[i + 1 :]
    rx = _rx()
    for i, w in enumerate(words):
        if rx["negation"].fullmatch(w.lower().strip(",.")):
            between = [x.lower().strip(",.") for x in words[i + 1 :]]
            verbs = [x for x in between if re.match(r"(?:me|di|ber|ter)[a-z]{3,}", x)]
            return all(rx["light_verbs"].fullmatch(v) for v in verbs)
    return bool(rx["negation"].search(" ".join(words)))


def _planned(text: str, at: int, end: int) -> bool:
    window = " ".join(text[:at].split()[-4:]) + " " + text[at:end]
    return bool(_rx()["planned"].search(window))


DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s*[\w.]*(?:\s*\|\s*[\w.]+)?\s*[-\u2013\u2014]+\s*")


def is_actor(sent: Sentence, m: Mention, origin: bool = False) -> bool:
    """Whether a mention can be the doer of the sentence: not a place that only locates
    something ("di Kota Medan", "dari Denpasar", "Bandung in West Java"), not the
    dateline ("JAKARTA, KOMPAS.com -"), not part of a quoted title."""
    if m.qualifier:
        return False
    dateline = DATELINE.match(sent.text)
    if dateline and m.end <= dateline.end():
        return False
    before = sent.text[max(0, m.start - 30) : m.start]
    preps = "di|ke|menuju|via|melalui|transit|singgah|in|at|to|near|around"
    if not origin:
        preps += "|dari|from"  # with ``origin``, "peserta dari Pemprov X" stays an actor
    if re.search(
        rf"\b(?i:{preps})\s+"
        r"(?:[A-Z][\w'-]*\s+){0,3}$",
        before,
    ):
        return False
    return sent.text[: m.start].count('"') % 2 == 0


def _subject(d: _Doc, sent: Sentence, ms: list[Mention], strict: bool = False) -> str | None:
    """The local government a sentence speaks of: the one it names as a doer, else the
    one whose head it names, else the government the article is about. With
    ``strict``, that last fallback needs a word for its people or delegation in the
    sentence ("ASN", "rombongan", "civil servants")."""
    for m in ms:
        if d.is_indonesian_lg(m.slug) and is_actor(sent, m):
            return m.slug
    for m in ms:
        if m.type == "Person" and m.slug in d.heads:
            gov = d.heads[m.slug]
            if d.is_indonesian_lg(gov):
                return gov
    if strict and not _rx()["actor_cue"].search(sent.text):
        return None
    return d.home


def _home(mentions: DocumentMentions, sentences: list[Sentence]) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for s in sentences:
        for m in mentions.in_sentence(s.index):
            ent = mentions.entities[m.slug]
            if (
                ent.type in LOCAL_GOVERNMENT_TYPES
                and ent.country == HOME_COUNTRY
                and is_actor(s, m)
            ):
                counts[m.slug] += 1
                first.setdefault(m.slug, s.index)
    for _, _, gov, _ in mentions.roles:
        slug = gov.split("|")[0]
        if slug and mentions.entities[slug].country == HOME_COUNTRY:
            counts[slug] += 1
            first.setdefault(slug, 10**6)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def _resolve_roles(d: _Doc) -> None:
    for person, relation, gov, index in d.mentions.roles:
        slug, level = gov.split("|")
        if not slug:
            if d.home and d.ent_type(d.home) == level:
                slug = d.home
            else:
                continue
        d.heads.setdefault(person, slug)
        sent = d.sentences[index]
        d.add_fact(person, relation, slug, sent)
    for deputy, index in d.mentions.deputies:
        sent = d.sentences[index]
        ms = d.mentions.in_sentence(index)
        gov = next((d.heads[m.slug] for m in ms if m.slug in d.heads and m.slug != deputy), None)
        if gov:
            d.add_fact(deputy, "deputyHeadOf", gov, sent)


def masked(sent: Sentence, ms: list[Mention]) -> str:
    """The sentence with names blanked out, so that trigger words inside names
    ("Singapore Cooperation Programme") do not count as triggers."""
    chars = list(sent.text)
    for m in ms:
        for i in range(m.start, min(m.end, len(chars))):
            chars[i] = "_"
    return "".join(chars)


def _relations(d: _Doc, sent: Sentence) -> None:
    rx = _rx()
    ms = d.mentions.in_sentence(sent.index)
    text = masked(sent, ms)
    subject = _subject(d, sent, ms)
    explicit_lgs = [m.slug for m in ms if d.is_indonesian_lg(m.slug) and is_actor(sent, m)] or [
        d.heads[m.slug] for m in ms if m.slug in d.heads and d.is_indonesian_lg(d.heads[m.slug])
    ]
    programmes = [m for m in ms if m.type == "Programme"]
    # "peserta dari Pemkot Jambi … dengan peserta dari Pemprov Sumatera Utara": the
    # governments whose people take part
    participants = [
        m.slug for m in ms if d.is_indonesian_lg(m.slug) and is_actor(sent, m, origin=True)
    ] or explicit_lgs
    foreign = [m for m in ms if d.is_foreign_actor(m.slug)]

    # partnerships
    pm = rx["partnership"].search(text)
    if pm and not _negated(text, pm.start()):
        ones = list(dict.fromkeys(explicit_lgs))
        partners = [m.slug for m in foreign if not m.qualifier]
        if not partners and rx["both"].search(text):
            # "sister city antar kedua kota": the two cities named before
            partners = [p for p in d.recent_foreign[-1:]]
            ones = ones or ([d.home] if d.home else [])
        # with a foreign local government named, it is the partner, not the countries or
        # organisations around it ("met in Brazil, honoured by the United Nations")
        if any(d.ent_type(p) in LOCAL_GOVERNMENT_TYPES for p in partners):
            partners = [p for p in partners if d.ent_type(p) in LOCAL_GOVERNMENT_TYPES]
        partners = list(dict.fromkeys(partners))
        if rx["national"].search(sent.text) or any(m.slug == HOME_COUNTRY for m in ms):
            # "hubungan bilateral Indonesia-Prancis", a president's visit: national, not local
            partners = [p for p in partners if d.ent_type(p) != "Country"]
        planned = _planned(text, pm.start(), pm.end())
        ended = bool(rx["ended"].search(text)) and not planned and not rx["renewal"].search(text)
        signed = rx["signing"].search(text)
        spans = [x for x in find_dates(sent.text, d.ref) if not x.relative or x.start.count("-")]
        if not partners and not planned:
            # "a new era of cooperation that has existed since 2019": the start year of
            # the partnership the article is about, when it is about one
            since = _since(sent.text, d.ref, pm.start())
            active = [q for q in d.ex.qualified if q.kind == "Partnership" and q.status == "active"]
            if since and len(active) == 1 and (active[0].since is None or since < active[0].since):
                active[0].since = since
                active[0].evidence.append(Evidence(sent.text, sent.index))
        for one in ones:
            for other in partners:
                if one == other or d.country_of(one) == d.country_of(other):
                    continue
                q = d.qualified("Partnership", one, other)
                new = not q.evidence
                q.evidence.append(Evidence(sent.text, sent.index))
                if planned:
                    if new or q.status != "active":
                        q.status = "planned"
                    continue
                if ended:
                    q.status = "ended"
                    continue
                q.status = "active"
                d.add_fact(one, "partnersWith", other, sent)
                since = _since(sent.text, d.ref, pm.start())
                if since is None and signed and not rx["renewal"].search(text):
                    if spans:
                        since = spans[0].start[:4]
                    elif d.doc.published:
                        since = d.doc.published[:4]
                if since and (q.since is None or since < q.since):
                    q.since = since

    # delegations: an actor sends people to a foreign destination
    dm = rx["delegation"].search(text)
    national = bool(rx["national"].search(sent.text))
    if (
        dm
        and not national
        and not _negated(text, dm.start())
        # "akan bertolak ke Jepang" is a scheduled trip, "berencana mengirim" is not yet one
        and not rx["tentative"].search(" ".join(text[: dm.start()].split()[-4:]))
    ):
        sender = _subject(d, sent, ms, strict=True)
        if sender is None:
            sender = next(
                (m.slug for m in ms if d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES), None
            )
        inbound = None
        for m in ms:
            if not d.is_foreign_actor(m.slug) or d.ent_type(m.slug) in ORGANISATION_TYPES:
                continue
            before = sent.text[max(0, m.start - 80) : m.start]
            if re.search(
                r"\b(?:datang|tiba|hadir|berkunjung|kunjungan|delegasi|rombongan|utusan|tamu|"
                r"mahasiswa|pelajar|siswa|delegation|visitors?|students?|came|arrived|visit\w*)\b"
                r"[^.;]{0,40}\b(?:dari|from|asal)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
                before,
                re.I,
            ):
                inbound = inbound or m.slug
        if inbound:
            # "mahasiswa yang datang dari Kota Gwangju ke Kota Medan"
            host = next((m.slug for m in ms if d.is_indonesian_lg(m.slug)), d.home)
            if host and d.country_of(host) != d.country_of(inbound):
                d.add_fact(inbound, "sendsDelegationTo", host, sent)
        else:
            for m in foreign:
                if m.qualifier or d.ent_type(m.slug) in ORGANISATION_TYPES:
                    continue
                before = sent.text[max(0, m.start - 60) : m.start]
                if not re.search(
                    r"(?:\b(?:ke|to|di|in|menuju|visit(?:ed|ing)?|mengunjungi)\b[^.;]*)$",
                    before,
                    re.I,
                ):
                    continue
                if m.slug == HOME_COUNTRY or not sender or not d.is_indonesian_lg(sender):
                    continue
                if sender != m.slug and d.country_of(sender) != d.country_of(m.slug):
                    d.add_fact(sender, "sendsDelegationTo", m.slug, sent)

    # programme participation, organiser, initiator, since
    for p in programmes:
        if rx["participation"].search(text) or rx["delegation"].search(text):
            actors = participants or ([subject] if subject else [])
            for a in dict.fromkeys(actors):
                if a and not _negated(text, p.start):
                    d.add_fact(a, "participatesIn", p.slug, sent)
                    q = d.qualified("Participation", a, p.slug)
                    q.evidence.append(Evidence(sent.text, sent.index))
                    since = _since(text, d.ref)
                    if since and (q.since is None or since < q.since):
                        q.since = since
        om = rx["organised_by"].search(text)
        if om:
            org = _actor_after(d, ms, om.end(), text)
            if org and org != p.slug:
                d.add_fact(p.slug, "organizedBy", org, sent)
        im = rx["initiated_by"].search(text)
        if im:
            who = _actor_after(d, ms, im.end(), text, people=True)
            if who:
                d.add_fact(p.slug, "initiatedBy", who, sent) if False else None
                actors = explicit_lgs or ([subject] if subject else [])
                if actors:
                    q = d.qualified("Participation", actors[0], p.slug)
                    q.initiated_by = who
                    q.evidence.append(Evidence(sent.text, sent.index))
                    since = _since(text, d.ref)
                    if since and (q.since is None or since < q.since):
                        q.since = since
                    if actors[0] not in {f.subject for f in d.ex.facts if f.object == p.slug}:
                        d.add_fact(actors[0], "participatesIn", p.slug, sent)
                else:
                    d.add_fact(p.slug, "initiatedBy", who, sent)

    # funding
    fm = rx["funded_by"].search(text)
    # "tidak memungut biaya dari Pemkot Jambi": any negation before a funding word undoes it
    if fm and not rx["negation"].search(" ".join(text[: fm.start()].split()[-4:])):
        funder = _actor_after(d, ms, fm.end(), text)
        if funder:
            for target in d.touched or ([t] if (t := _activity_target(d, sent)) else []):
                target.funded_by = target.funded_by or funder
            for p in programmes:
                d.add_fact(p.slug, "fundedBy", funder, sent)

    # membership
    mm = rx["membership"].search(text)
    if mm and not _negated(text, mm.start()):
        org = _actor_after(d, ms, mm.end(), text, types=("InternationalOrganization",))
        actor = explicit_lgs[0] if explicit_lgs else None
        if org and actor:
            d.add_fact(actor, "memberOf", org, sent)

    # policies
    for m in ms:
        if m.type != "Policy":
            continue
        im = rx["implements"].search(text)
        if not im:
            continue
        person = next((x.slug for x in ms if x.type == "Person"), None)
        actor = person or (explicit_lgs[0] if explicit_lgs else subject)
        if actor:
            d.add_fact(actor, "implementsPolicy", m.slug, sent)


def _since(text: str, ref: dt.date | None, after: int = 0) -> str | None:
    """The year after "sejak"/"since": the first one after offset ``after`` (the
    partnership word), else the first in the sentence."""
    matches = list(_rx()["since"].finditer(text))
    matches.sort(key=lambda m: (m.start() < after, m.start()))
    for m in matches:
        for span in find_dates(text[m.end() : m.end() + 40], ref):
            if span.begin <= 3 and not span.relative:
                return span.start[:4] if len(span.start) >= 4 else None
    return None


def _actor_after(
    d: _Doc,
    ms: list[Mention],
    offset: int,
    text: str,
    people: bool = False,
    types: tuple[str, ...] | None = None,
) -> str | None:
    """The first actor named within a few words after ``offset``."""
    for m in ms:
        if m.start < offset or m.start - offset > 60:
            continue
        if types and m.type not in types:
            continue
        if m.type == "Person" and not people:
            continue
        if m.type in {"Programme", "Policy"}:
            continue
        if people:
            person = next(
                (x.slug for x in ms if x.type == "Person" and 0 <= x.start - offset <= 60), None
            )
            return person or m.slug
        if m.type == "Person":
            continue
        return m.slug
    return None


# -- activities --------------------------------------------------------------------------

ACTIVITY_CLASSES = ("Signing", "Exchange", "Training", "Visit", "Meeting")
SINCE_BEFORE = re.compile(
    r"\b(?:sejak|since|mulai|selama|semenjak|hingga|sampai)\s+(?:tahun\s+)?$", re.I
)
END_BEFORE = re.compile(
    r"\b(?:hingga|sampai(?: dengan)?|until|till|through|s\.?d\.?)\s+(?:tanggal\s+)?$", re.I
)


def _triggers(text: str) -> list[tuple[str, re.Match[str]]]:
    """Activity triggers of a sentence, in order, one per stretch of text."""
    found: list[tuple[str, re.Match[str]]] = []
    for cls in ACTIVITY_CLASSES:
        for m in _rx()[f"activity:{cls}"].finditer(text):
            if any(m.start() < o.end() and o.start() < m.end() for _, o in found):
                continue
            found.append((cls, m))
    found.sort(key=lambda x: x[1].start())
    return found


def _activity_target(d: _Doc, sent: Sentence) -> Activity | None:
    """The activity a sentence continues ("pelatihan ini …"), if any.

    Close after an activity it is that one, unless it was told as background
    ("sebelumnya …"); further on it is the activity the article is about, its first.
    """
    if d.current is None or not _rx()["activity_anaphora"].search(sent.text):
        return None
    if sent.index - d.current_sentence <= 3 and id(d.current) not in d.background:
        return d.current
    leads = [a for a in d.ex.activities if id(a) not in d.background]
    return leads[0] if leads else d.current


_CAP = r"(?:[A-Z][\w&'-]*|&|of|in|and|for|on|the|dan)"


def _theme(text: str, start: int, end: int) -> str:
    """The name of an activity around its trigger word, as the text gives it.

    A quoted title right after the trigger is included ('pelatihan "Water
    Management"'); capitalised words before and after it too ("Basic English
    Training", "Europalia festival"); else the few words of its object.
    """
    trigger = text[start:end]
    titled = _rx()["theme_words"].search(text, end)
    if titled and titled.start() - end < 80:
        rest = text[titled.end() :]
        q = re.match(r"\s*\"([^\"]{2,80})\"", rest)
        if q:
            return q.group(1).strip()
        caps = re.match(rf"\s*((?:[A-Z][\w&'-]*)(?:\s+{_CAP}){{0,7}})", rest)
        if caps:
            return re.sub(r"(?:\s+(?:of|in|and|for|on|the|dan|di|&))+$", "", caps.group(1)).strip()
    if re.match(r"(?:di|ter)[a-z]+$", trigger) or trigger.lower() in {
        "signed",
        "inked",
        "meneken",
        "menandatangani",
        "diteken",
    }:
        agreement = re.search(
            r"\b(?:MoU|LoI|nota kesepahaman|memorandum of understanding|letter of intent|"
            r"perjanjian|"
            r"agreement|joint declaration|deklarasi bersama|kesepakatan|piagam|charter)\b"
            r"(?:\s+[\w-]+){0,4}",
            text,
            re.I,
        )
        if agreement:
            return re.sub(
                r"(?:\s+(?:antara|dengan|pada|di|with|between|on|in|at|oleh|by|yang|which))+.*$",
                "",
                agreement.group(0),
            )
        clause = re.split(r"[,;]", text[:start])[-1]
        clause = re.sub(
            r"\s+(?:yang|which|that)(?:\s+(?:sudah|telah|akan|was|were|has been|had been))?\s*$",
            "",
            clause,
        )
        words = clause.split()[-6:]
        if words:
            return " ".join(words)
    left = re.search(r"((?:[A-Z][\w&'-]*\s+|&\s+){1,5})$", text[:start])
    lead = (
        left.group(1)
        if left
        and not re.match(r"(?:Pemkot|Pemerintah|Kota|Wali|The|Dalam|Di|Pada)\b", left.group(1))
        else ""
    )
    tail = text[end:]
    quoted = re.match(r"((?:\s+[\w-]+){0,4}?)\s*\"([^\"]{2,80})\"", tail)
    if quoted:
        return f"{lead}{trigger}{quoted.group(1)} {quoted.group(2)}".strip()
    caps = re.match(rf"((?:\s+{_CAP}){{1,5}})", tail)
    name = caps.group(1) if caps else ""
    name = re.sub(r"(?:\s+(?:of|in|and|for|on|the|dan|di|&))+$", "", name)
    if name.strip() and re.search(r"[A-Z]", name):
        return f"{lead}{trigger}{name}".strip()
    obj = re.match(
        r"((?:\s+(?!(?:di|ke|pada|antara|dengan|dari|yang|untuk|oleh|in|at|on|to|with|between|from|by|for|which|that)\b)[\w-]+){0,6})",
        tail,
    )
    return f"{lead}{trigger}{obj.group(1) if obj else ''}".strip(" ,.")


def _participant_count(text: str) -> int | None:
    nouns = _rx()["people_nouns"]
    for n in find_numbers(text):
        after = text[n.end : n.end + 40]
        if nouns.match(after.lstrip()) or re.match(r"\s*orang\b", after):
            if n.approximate:
                continue
            if re.match(
                r"\s*\w+(?:\s+\w+)?\s*"
                r"(?:per\s?tahun|per\s?year|a year|setiap tahun|tiap tahun|per\s?angkatan)",
                after,
                re.I,
            ):
                continue
            if re.search(
                r"\b(?:sejak|since|total|tercatat|telah|sudah|lebih dari)\b",
                text[: n.begin][-30:],
                re.I,
            ):
                continue
            return n.value
    return None


def _location(
    d: _Doc, sent: Sentence, ms: list[Mention], lo: int = 0, hi: int | None = None
) -> str | None:
    """A place named after a locative word ("di", "in", "ke", "mengunjungi") in text[lo:hi]."""
    best = None
    for m in ms:
        if m.start < lo or (hi is not None and m.start > hi):
            continue
        if m.type in {"Person", "Programme", "Policy"} or m.type in ORGANISATION_TYPES:
            continue
        before = sent.text[max(0, m.start - 45) : m.start]
        # the preposition in any case; the words between it and the place (a venue:
        # "di Diaz Hotel Mossel Bay") capitalised
        if (
            re.search(
                r"(?:\b(?i:di|in|at|bertempat di|ke|to|mengunjungi|visit(?:ed|ing)?|menuju)\s+"
                r"(?i:negara\s+|kota\s+)?(?:(?:[A-Z][\w'-]*|the)\s+){0,3})$",
                before,
            )
            and not m.qualifier
        ):  # "Denpasar in Bali": Bali only locates Denpasar
            best = m
            break
    return best.slug if best else None


def _dates_in(d: _Doc, text: str, lo: int = 0, hi: int | None = None) -> list[DateSpan]:
    out = []
    for span in find_dates(text, d.ref):
        if span.begin < lo or (hi is not None and span.begin > hi):
            continue
        if SINCE_BEFORE.search(text[: span.begin]) and not END_BEFORE.search(text[: span.begin]):
            continue
        out.append(span)
    # the most precise date first: a day beats a month, a month a year
    out.sort(key=lambda x: (-x.start.count("-"), x.begin))
    return out


def _set_dates(act: Activity, spans: list[DateSpan], text: str) -> None:
    for span in spans:
        if END_BEFORE.search(text[: span.begin]) and not span.end:
            if act.end is None:
                act.end = span.start
            continue
        if act.start is None or (
            act.start.count("-") < span.start.count("-") and span.start.startswith(act.start)
        ):
            act.start = span.start
            if span.end:
                act.end = span.end
    if act.start and act.end and act.start.count("-") < act.end.count("-"):
        act.start = None  # "tahun 2024 ... hingga 27 Februari": the year names the programme


def _same_activity(a: Activity, b: Activity, d: _Doc | None = None) -> bool:
    if a.type != b.type:
        return False
    if d is not None and (a.start is None or b.start is None):
        # a nameless, undated mention close to another account of the same kind
        gap = abs(a.evidence[-1].index - b.evidence[0].index) if a.evidence and b.evidence else 99
        if 0 < gap <= 3 and id(a) not in d.named and id(b) not in d.named:
            return True
    ta, tb = " ".join((a.theme or "").lower().split()), " ".join((b.theme or "").lower().split())
    if ta and tb and (ta in tb or tb in ta) and len(min(ta, tb, key=len)) > 12:
        return True
    if a.start and b.start:
        sa, sb = a.start, b.start
        ea, eb = a.end or sa, b.end or sb
        if sa[:7] == sb[:7] and (sa <= eb[: len(sa)] and sb <= ea[: len(sb)]):
            return True
    return a.type == "Signing" and bool(set(a.participants) & set(b.participants))


def _activities(d: _Doc, sent: Sentence) -> list[Activity]:
    """Activities the sentence introduces or continues; returns those it touched."""
    ms = d.mentions.in_sentence(sent.index)
    text = masked(sent, [m for m in ms if m.type != "Policy"])
    orig = sent.text
    triggers = [
        (c, m)
        for c, m in _triggers(text)
        if not _negated(text, m.start())
        and not _rx()["tentative"].search(" ".join(text[: m.start()].split()[-3:]))
    ]
    if not triggers:
        # "mengikuti Singapore Cooperation Programme (SCP) bertema X … pada 23 hingga 31
        # Maret 2023": taking part in a programme at a date is an activity of it
        pm = next((m for m in ms if m.type == "Programme"), None)
        part = _rx()["participation"].search(text)
        if pm is not None and part is not None and any("-" in x.start for x in _dates_in(d, orig)):
            triggers = [("Activity", part)]
    target = _activity_target(d, sent)
    touched: list[Activity] = []
    if _rx()["national"].search(orig):
        triggers = []  # a president's or a minister's agenda is not a local government's
    if not triggers and target is None:
        # the sentence right after an activity, giving its end ("Mereka berada di Kota
        # Medan hingga 27 Februari")
        if d.current is not None and sent.index == d.current_sentence + 1:
            spans = [x for x in _dates_in(d, orig) if END_BEFORE.search(orig[: x.begin])]
            if spans and d.current.end is None:
                _set_dates(d.current, spans, orig)
                d.current.evidence.append(Evidence(orig, sent.index))
        return touched
    segments: list[tuple[str | None, int, int, re.Match[str] | None]] = []
    ana = _rx()["activity_anaphora"].search(orig)
    # "pelatihan ini" continues an activity; a new named one ("peresmian Ruang X") does not
    if (
        target is None
        and d.current is not None
        and sent.index - d.current_sentence <= 3
        and triggers
    ):
        # "Pelatihan berlangsung selama sepekan …": a bare trigger opening the sentence,
        # with no name of its own, goes on about the activity just told
        first = triggers[0][1]
        if not orig[: first.start()].strip(" \"'(") and not re.search(
            r"\"", orig[first.end() : first.end() + 40]
        ):
            words_after = orig[first.end() :].split()[:1]
            if words_after and words_after[0][:1].islower():
                target = d.current
                ana = first
    continues = target is not None and (
        not triggers or (len(triggers) == 1 and ana.start() <= triggers[0][1].start() < ana.end())  # type: ignore[union-attr]
    )
    if continues:
        segments.append((None, 0, len(orig), None))
    else:
        # a new stretch starts at a trigger after a list break ("…, launching X, and
        # participating in Y"); "peninjauan pohon … yang ditanam" stays one activity
        kept = triggers[:1]
        for cls, m in triggers[1:]:
            between = text[kept[-1][1].end() : m.start()]
            if re.search(r"[,;]|\b(?:dan|and|serta|lalu|kemudian|then)\b", between):
                kept.append((cls, m))
        for i, (cls, m) in enumerate(kept):
            hi = kept[i + 1][1].start() if i + 1 < len(kept) else len(orig)
            if target is not None and ana is not None and ana.start() <= m.start() < ana.end():
                # "pelatihan ini … LoI yang diteken …": this stretch goes on about the
                # activity told before; the others are new
                segments.append((None, m.start(), hi, None))
            else:
                segments.append((cls, m.start(), hi, m))
    single = len(segments) == 1
    for cls, lo, hi, trig in segments:
        if trig is None:
            act = target
            assert act is not None
            fresh = False
        else:
            seg_dates = _dates_in(d, orig, lo, hi) or (_dates_in(d, orig) if single else [])
            count = _participant_count(orig[lo:hi] if not single else orig)
            quoted = re.search(r"\"([^\"]{3,80})\"", orig[lo:hi] if not single else orig)
            theme = _theme(orig, trig.start(), trig.end())
            # a name of its own: two capitalised words that are not known names
            named = bool(
                re.search(
                    r"[A-Z][\w&'-]+\s+(?:&\s+)?[A-Z][\w'-]+", _theme(text, trig.start(), trig.end())
                )
            )
            where = _location(d, sent, ms, lo, hi) or (_location(d, sent, ms) if single else None)
            context = (
                any(m.type == "Programme" for m in ms)
                or bool(_rx()["organised_by"].search(text))
                or where
            )
            foreign_partner = any(
                d.is_foreign_actor(m.slug)
                and d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
                and lo <= m.start <= hi
                for m in ms
            )
            strong = (
                bool(seg_dates)
                or count is not None
                or bool(quoted)
                or (named and bool(context))
                or (cls == "Signing" and foreign_partner)
            )
            actors = [m for m in ms if m.type in LOCAL_GOVERNMENT_TYPES or m.type == "Country"]
            if not strong or not (actors or d.home):
                continue
            if _is_headline(d, sent) and not seg_dates:
                continue  # a headline restates the article
            act = Activity(type=cls or "Activity", theme=theme)
            _set_dates(act, seg_dates, orig)
            act.participant_count = count
            act.location = where
            fresh = True
            if named or quoted:
                d.named.add(id(act))
            if re.search(
                r"\b(?:sebelumnya|sebelum ini|previously|earlier|sempat)\b",
                orig[: trig.start()],
                re.I,
            ):
                d.background.add(id(act))
        touched.append(act)
        if not any(e.index == sent.index for e in act.evidence):
            act.evidence.append(Evidence(orig, sent.index))
        if not fresh:
            # a year alone, told later, is more often background than the activity's date
            _set_dates(act, [x for x in _dates_in(d, orig, lo, hi) if "-" in x.start], orig)
            count = _participant_count(orig)
            if count is not None and act.participant_count is None:
                act.participant_count = count
            loc = _location(d, sent, ms)
            if loc and act.location is None:
                act.location = loc
        for m in ms:
            if m.type == "Programme" and act.part_of is None:
                act.part_of = m.slug
        _participants(d, sent, ms, act)
        om = _rx()["organised_by"].search(text)
        if om and act.organized_by is None:
            org = _actor_after(d, ms, om.end(), text)
            if org:
                act.organized_by = org
        if fresh:
            same = next((o for o in d.ex.activities if _same_activity(o, act, d)), None)
            if same is not None:
                _absorb(same, act)
                touched[-1] = act = same
            else:
                d.ex.activities.append(act)
        d.current, d.current_sentence = act, sent.index
    return touched


def _absorb(into: Activity, other: Activity) -> None:
    """Merge a second account of the same activity into the first."""
    if into.start is None and other.start:
        into.start, into.end = other.start, other.end
    elif into.end is None and other.end:
        into.end = other.end
    for attr in ("participant_count", "location", "part_of", "funded_by", "organized_by"):
        if getattr(into, attr) is None:
            setattr(into, attr, getattr(other, attr))
    for p in other.participants:
        if p not in into.participants:
            into.participants.append(p)
    for ev in other.evidence:
        if not any(e.index == ev.index for e in into.evidence):
            into.evidence.append(ev)


def _is_headline(d: _Doc, sent: Sentence) -> bool:
    """Whether the sentence is the article's title (restated in scraped text)."""
    title = " ".join((d.doc.title or "").split()).casefold()
    text = " ".join(sent.text.split()).casefold()
    return bool(title) and (text == title or (sent.index <= 1 and text.startswith(title[:40])))


def _participants(d: _Doc, sent: Sentence, ms: list[Mention], act: Activity) -> None:
    def add(slug: str | None) -> None:
        if slug and slug not in act.participants:
            act.participants.append(slug)

    subj = _subject(d, sent, ms, strict=True)
    if subj and subj != act.location:
        add(subj)
    if _rx()["both"].search(sent.text) or re.search(
        r"\bkedua (?:wali ?kota|bupati|gubernur)|both mayors", sent.text, re.I
    ):
        # "dilakukan kedua wali kota": the two partners of the article's partnership
        active = [q for q in d.ex.qualified if q.kind == "Partnership" and q.status == "active"]
        if len(active) == 1:
            for end in active[0].ends:
                add(end)
    for m in ms:
        if m.qualifier:
            continue
        if m.type in LOCAL_GOVERNMENT_TYPES and m.slug != act.location:
            if re.search(
                r"\b(?:via|melalui|transit(?:\s+di)?|singgah(?:\s+di)?)\s+(?:kota\s+)?$",
                sent.text[: m.start],
                re.I,
            ):
                continue  # a stop on the way, not a participant
            dateline = DATELINE.match(sent.text)
            if dateline and m.end <= dateline.end():
                continue  # "JAKARTA, KOMPAS.com -" says where the news was written
            add(m.slug)
        elif m.type == "Person" and m.slug in d.heads:
            add(d.heads[m.slug])
        elif m.type == "Organization" and d.mentions.entities[m.slug].country in (
            None,
            HOME_COUNTRY,
        ):
            before = sent.text[max(0, m.start - 25) : m.start]
            if re.search(r"\b(?:dan|and|serta|jajaran|beserta)\b", before, re.I):
                add(m.slug)
        elif m.type == "Country" and m.slug != HOME_COUNTRY and m.slug != act.location:
            before = sent.text[max(0, m.start - 40) : m.start]
            if re.search(r"\b(?:dari|from|of)\s+(?:the\s+)?(?:\w+\s+){0,2}$", before, re.I):
                add(m.slug)


def _drop_country_partners(d: _Doc) -> None:
    """ "Delegasi Kota Magelang bertolak ke Rusia … kota kembar Kota Tula, Rusia": when
    a city of a country is the partner, the country is not a partner of its own."""
    partners: dict[str, set[str]] = {}
    for f in d.ex.facts:
        if f.predicate == "partnersWith":
            for a, b in ((f.subject, f.object), (f.object, f.subject)):
                # a city or an agency of the country (JICA for Japan) is the partner
                if d.ent_type(b) in LOCAL_GOVERNMENT_TYPES | {"Organization"}:
                    partners.setdefault(a, set()).add(d.country_of(b) or "")

    def covered(a: str, b: str) -> bool:
        return d.ent_type(b) == "Country" and b in partners.get(a, set())

    d.ex.facts = [
        f
        for f in d.ex.facts
        if not (
            f.predicate == "partnersWith"
            and (covered(f.subject, f.object) or covered(f.object, f.subject))
        )
    ]
    d.ex.qualified = [
        q
        for q in d.ex.qualified
        if not (q.kind == "Partnership" and (covered(*q.ends) or covered(q.ends[1], q.ends[0])))
    ]


def _since_from_signings(d: _Doc) -> None:
    """A partnership with no start year takes it from the signing of the two partners
    told in the same article, unless that signing renewed it."""
    for q in d.ex.qualified:
        if q.kind != "Partnership" or q.since or q.status != "active":
            continue
        for act in d.ex.activities:
            if act.type != "Signing" or not act.start:
                continue
            ends = set(act.participants) | ({act.location} if act.location else set())
            if set(q.ends) <= ends:
                told = " ".join(e.sentence for e in act.evidence)
                if not _rx()["renewal"].search(told):
                    q.since = act.start[:4]
                break


def _finish_activities(d: _Doc) -> None:
    keep = []
    for act in d.ex.activities:
        if (
            act.start is None
            and act.participant_count is None
            and act.location is None
            and not act.part_of
        ):
            continue
        # only activities with a foreign side belong to the partnership graph: held abroad,
        # with a foreign participant, or under, by or paid by a foreign actor or programme
        foreign_side = (
            bool(act.part_of)
            or any(
                x and d.is_foreign_actor(x) for x in (act.location, act.organized_by, act.funded_by)
            )
            or any(d.is_foreign_actor(p) for p in act.participants)
        )
        if not foreign_side:
            continue
        if (
            act.location
            and d.ent_type(act.location) in LOCAL_GOVERNMENT_TYPES
            and act.location not in act.participants
        ):
            act.participants.append(act.location)
        # a participant abroad is a delegation to that place
        if act.location:
            for p in act.participants:
                if p == act.location or d.ent_type(p) not in LOCAL_GOVERNMENT_TYPES:
                    continue
                if act.location == HOME_COUNTRY or act.type == "Signing":
                    continue  # a signing may be done apart, each in its own city
                if d.country_of(p) != d.country_of(act.location):
                    d.add_fact(
                        p, "sendsDelegationTo", act.location, d.sentences[act.evidence[0].index]
                    )
        keep.append(act)
    d.ex.activities = keep


# -- claims -------------------------------------------------------------------------------


CLAIM_UNITS = (
    "people",
    "students",
    "batches",
    "years",
    "days",
    "projects",
    "missions",
    "cities",
    "countries",
    "agreements",
    "times",
)


def _claims(d: _Doc, sent: Sentence) -> None:
    """Numeric statements: a number with a unit noun ("300 orang", "10 angkatan",
    "about 150 of the city's civil servants"), what it concerns (the governments,
    countries and programmes of the sentence, and the article's government) and who
    said it when it is a quotation."""
    rx = _rx()
    spans = find_dates(sent.text, d.ref)
    ms = d.mentions.in_sentence(sent.index)
    for n in find_numbers(sent.text):
        if any(s.begin <= n.begin < s.finish for s in spans):
            continue
        after = sent.text[n.end : n.end + 60]
        # "150 of the city's civil servants", "300 di antaranya ASN"
        hop = re.match(r"\s+(?:of(?:\s+\S+){1,2}|dari(?:\s+\S+)?|di antaranya)(?=\s)", after)
        for unit in CLAIM_UNITS:
            m = rx[f"unit:{unit}"].match(after) or (
                hop and rx[f"unit:{unit}"].match(after[hop.end() :])
            )
            if not m:
                continue
            words = sent.text[n.end :].split()[:6]
            about = " ".join(words).strip(' ,.;"')
            claim = Claim(
                float(n.value), unit, about, n.approximate, Evidence(sent.text, sent.index)
            )
            claim.concerns = _concerns(d, sent, ms)
            claim.said_by = _speaker(sent, ms)
            if not any(
                (c.quantity, c.unit, c.about) == (claim.quantity, unit, about) for c in d.ex.claims
            ):
                d.ex.claims.append(claim)
            break


def _concerns(d: _Doc, sent: Sentence, ms: list[Mention]) -> list[str]:
    out = [
        m.slug
        for m in ms
        if m.type in LOCAL_GOVERNMENT_TYPES | ORGANISATION_TYPES | {"Country", "Programme"}
        and m.slug != HOME_COUNTRY
        and not m.qualifier
    ]
    if d.home and d.home not in out:
        out.append(d.home)
    return list(dict.fromkeys(out))


def _speaker(sent: Sentence, ms: list[Mention]) -> str | None:
    """The person a quoted sentence is attributed to ("…," ujar Fasha)."""
    if '"' not in sent.text and not _rx()["speech"].search(sent.text):
        return None
    people = [m for m in ms if m.type == "Person"]
    if not people:
        return None
    verb = _rx()["speech"].search(sent.text)
    if verb:
        after = [m for m in people if m.start >= verb.start()]
        if after:
            return after[0].slug
    return people[-1].slug


def might_hold_partnership(
    text: str, gazetteer: Gazetteer, matches: list[GazMatch] | None = None
) -> bool:
    """A cheap test before extraction: can this text state an international partnership
    fact at all? It needs a foreign actor or a cooperation programme named (one
    Aho-Corasick pass over the text), or a well-formed name of a foreign government
    with a partnership word ("Kota Mossel Bay" with "sister city")."""
    rx = _rx()
    local = foreign = False
    for m in gazetteer.find(text) if matches is None else matches:
        rec = m.record
        if rec.type in {"Programme", "InternationalOrganization"}:
            foreign = True
        elif rec.type == "Country":
            foreign = foreign or rec.id != HOME_COUNTRY
        elif rec.country not in (None, HOME_COUNTRY):
            foreign = True
        elif rec.type in LOCAL_GOVERNMENT_TYPES:
            local = True
        if local and foreign:
            break
    if not foreign:
        foreign = bool(
            re.search(r"\b(?:Pemko|Pemkot|Kota|City of|Municipality)\s+[A-Z]", text)
        ) and bool(rx["partnership"].search(text))
    if not foreign:
        # a named policy of outward relations ("kebijakan \"Outward Looking Policy\"")
        foreign = bool(re.search(r"\b(?:kebijakan|policy)\s+\"", text, re.I))
    if not foreign:
        return False
    if not local:
        # no government named by its gazetteer name: a head's title or a "Pemkot X" form
        local = bool(rx["local_hint"].search(text))
    if not local:
        return False
    return bool(
        rx["partnership"].search(text)
        or rx["delegation"].search(text)
        or rx["participation"].search(text)
        or rx["membership"].search(text)
        or rx["implements"].search(text)
    )


# -- entry point ------------------------------------------------------------------------------


def extract(doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """Extract every fact of one document.

    >>> from graph.model import Document
    >>> text = "Wali Kota Medan Bobby Nasution melepas 12 pelajar ke Kota Gwangju, Korea Selatan."
    >>> doc = Document("t", text, "t.txt", language="id")
    >>> sorted((f.subject, f.predicate, f.object) for f in extract(doc).facts)
    [('bobby-nasution', 'headOf', 'kota-medan'), ('kota-medan', 'sendsDelegationTo', 'gwangju')]

    A text with nothing international in it is skipped before any expensive step:

    >>> extract(Document("u", "Wali Kota Medan meresmikan pasar baru.", "u.txt")).prefiltered
    True
    """
    gaz = gazetteer or default_gazetteer()
    text = clean(doc.text)
    matches = gaz.find(text)
    if not might_hold_partnership(text, gaz, matches):
        return Extraction(document=doc, prefiltered=True)
    sentences = split_sentences(text)
    ref = reference_date(doc.published, text)
    mentions = find_mentions(sentences, gaz, doc.language or "id", matches)
    ex = Extraction(document=doc)
    d = _Doc(doc, sentences, mentions, ref, _home(mentions, sentences), ex)
    _resolve_roles(d)
    for sent in sentences:
        d.touched = _activities(d, sent)
        # nothing named: no relation, unless it dates the article's partnership
        if mentions.in_sentence(sent.index) or (
            d.ex.qualified and _rx()["since"].search(sent.text)
        ):
            _relations(d, sent)
        for m in mentions.in_sentence(sent.index):
            if (
                not m.qualifier
                and d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
                and d.is_foreign_actor(m.slug)
            ):
                d.recent_foreign.append(m.slug)
    _finish_activities(d)
    _since_from_signings(d)
    _drop_country_partners(d)
    if ex.facts or ex.qualified or ex.activities:
        # numbers are worth tracking only in reporting on a partnership: in other news
        # (ages, durations, prices) they are noise, whatever place they are near
        for sent in sentences:
            _claims(d, sent)
    used: set[str] = set()
    for f in ex.facts:
        used.update((f.subject, f.object))
    for q in ex.qualified:
        used.update(q.ends)
        if q.initiated_by:
            used.add(q.initiated_by)
    for a in ex.activities:
        used.update(x for x in (a.part_of, a.location, a.funded_by, a.organized_by) if x)
        used.update(a.participants)
    ex.entities = {k: v for k, v in mentions.entities.items() if k in used}
    return ex
