"""Extract stage: one :class:`Document` becomes one :class:`Extraction`.

Sentences are read in order with their mentions (see :mod:`graph.mentions`); relation
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

from graph.dates import find_dates, reference_date
from graph.gazetteer import LOCAL_GOVERNMENT_TYPES, ORGANISATION_TYPES, Gazetteer, default_gazetteer
from graph.mentions import DocumentMentions, Mention, find_mentions
from graph.model import Activity, Claim, Document, Evidence, Extraction, Fact, Qualified
from graph.numbers import find_numbers
from graph.resources import load_yaml
from graph.text import Sentence, clean, split_sentences

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
            "partnership", "signing", "planned", "negation", "ended", "delegation",
            "participation", "organised_by", "funded_by", "membership", "implements",
            "initiated_by", "since", "activity_anaphora", "people_nouns", "location_preps",
            "destination_preps",
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
        return self.ent_type(slug) in LOCAL_GOVERNMENT_TYPES and self.country_of(slug) == HOME_COUNTRY

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
    """A negation word among the three words before offset ``at``, in the same clause."""
    words = text[:at].split()[-3:]
    for i, w in enumerate(words):
        if w.lower().strip(",") in {"yang", "which", "that", "who"} or w.endswith(","):
            words = words[i + 1 :]
    return bool(_rx()["negation"].search(" ".join(words)))


def _planned(text: str, at: int, end: int) -> bool:
    window = " ".join(text[:at].split()[-4:]) + " " + text[at:end]
    return bool(_rx()["planned"].search(window))


def _subject(d: _Doc, sent: Sentence, ms: list[Mention]) -> str | None:
    """The local government a sentence speaks of."""
    for m in ms:
        if d.is_indonesian_lg(m.slug):
            return m.slug
    for m in ms:
        if m.type == "Person" and m.slug in d.heads:
            gov = d.heads[m.slug]
            if d.is_indonesian_lg(gov):
                return gov
    return d.home


def _home(mentions: DocumentMentions, sentences: list[Sentence]) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for s in sentences:
        for m in mentions.in_sentence(s.index):
            ent = mentions.entities[m.slug]
            if ent.type in LOCAL_GOVERNMENT_TYPES and ent.country == HOME_COUNTRY:
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
    explicit_lgs = [m.slug for m in ms if d.is_indonesian_lg(m.slug)] or [
        d.heads[m.slug] for m in ms if m.slug in d.heads and d.is_indonesian_lg(d.heads[m.slug])
    ]
    programmes = [m for m in ms if m.type == "Programme"]
    foreign = [m for m in ms if d.is_foreign_actor(m.slug)]

    # partnerships
    pm = rx["partnership"].search(text)
    if pm and foreign and not _negated(text, pm.start()):
        ones = list(dict.fromkeys(explicit_lgs))
        if not ones and any(m.type == "Person" and m.slug in d.heads for m in ms):
            ones = [d.heads[m.slug] for m in ms if m.slug in d.heads]
        # a foreign city and a foreign actor both named: Indonesian LG absent, pair them
        partners = [m.slug for m in foreign]
        cities = {d.country_of(p) for p in partners if d.ent_type(p) != "Country"}
        partners = [p for p in dict.fromkeys(partners) if not (d.ent_type(p) == "Country" and p in cities)]
        planned = _planned(text, pm.start(), pm.end())
        ended = bool(rx["ended"].search(text))
        signed = rx["signing"].search(text)
        spans = find_dates(text, d.ref)
        for one in ones:
            for other in partners:
                if one == other:
                    continue
                q = d.qualified("Partnership", one, other)
                q.evidence.append(Evidence(sent.text, sent.index))
                if planned and q.status != "active":
                    q.status = "planned"
                    continue
                if ended:
                    q.status = "ended"
                    continue
                if planned:
                    continue
                q.status = "active"
                d.add_fact(one, "partnersWith", other, sent)
                since = _since(text, d.ref)
                if since is None and signed and spans:
                    since = spans[0].start[:4]
                if since and (q.since is None or since < q.since):
                    q.since = since

    # delegations: an actor sends people to a foreign destination
    dm = rx["delegation"].search(text)
    if dm and not _negated(text, dm.start()):
        sender = subject
        if sender is None:
            sender = next((m.slug for m in ms if d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES), None)
        for m in foreign:
            before = text[max(0, m.start - 60) : m.start]
            if not re.search(r"(?:\b(?:ke|to|di|in|menuju|visit(?:ed|ing)?|mengunjungi)\b[^.;]*)$", before, re.I):
                continue
            if d.ent_type(m.slug) in ORGANISATION_TYPES:
                continue
            if sender and sender != m.slug and d.country_of(sender) != d.country_of(m.slug):
                d.add_fact(sender, "sendsDelegationTo", m.slug, sent)

    # programme participation, organiser, initiator, since
    for p in programmes:
        if rx["participation"].search(text) or rx["delegation"].search(text):
            actors = explicit_lgs or ([subject] if subject else [])
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
    if fm and not _negated(text, fm.start()):
        funder = _actor_after(d, ms, fm.end(), text)
        if funder:
            target = _activity_target(d, sent)
            if target is not None:
                target.funded_by = funder
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


def _since(text: str, ref: dt.date | None) -> str | None:
    m = _rx()["since"].search(text)
    if not m:
        return None
    for span in find_dates(text[m.end() : m.end() + 40], ref):
        if span.begin <= 3:
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

def _activity_class(text: str) -> tuple[str, re.Match[str]] | None:
    best: tuple[str, re.Match[str]] | None = None
    for cls in ("Signing", "Exchange", "Training", "Visit", "Meeting"):
        m = _rx()[f"activity:{cls}"].search(text)
        if m and (best is None or m.start() < best[1].start()):
            best = (cls, m)
    return best


def _activity_target(d: _Doc, sent: Sentence) -> Activity | None:
    """The activity a sentence continues ("pelatihan ini …"), if any."""
    if d.current is None:
        return None
    if not _rx()["activity_anaphora"].search(sent.text):
        return None
    if sent.index - d.current_sentence <= 3:
        return d.current
    # further on, "this training" is the one the article is about: its first
    return d.ex.activities[0] if d.ex.activities else d.current


def _theme(text: str, trigger: re.Match[str]) -> str | None:
    quoted = re.search(r"\"([^\"]{3,80})\"", text[trigger.start() :])
    if quoted and quoted.start() < 80:
        return quoted.group(1).strip(" ,.")
    m = re.search(r"\b(?:tema|bertema|bertajuk|themed?|titled|entitled|bidang|on)\s+\"?([^,.;\"]{3,60})", text)
    if m:
        return m.group(1).strip()
    tail = text[trigger.end() :]
    words = re.match(r"((?:\s+(?:[A-Z][\w&'-]*|of|in|and|for|&|dan)){1,8})", tail)
    name = words.group(1).strip() if words else ""
    name = re.sub(r"\s+(?:of|in|and|for|&|dan)$", "", name)
    if name and not re.match(r"(?:Kota|Pemkot|Pemerintah|Singapura|Di|Ke)\b", name):
        return f"{trigger.group(0)} {name}".strip()
    # e.g. "penandatanganan MoU sister city"
    m = re.match(r"((?:\s+[\w-]+){1,4})", tail)
    return (trigger.group(0) + (m.group(1) if m else "")).strip(" ,.")


def _participant_count(text: str) -> int | None:
    nouns = _rx()["people_nouns"]
    for n in find_numbers(text):
        after = text[n.end : n.end + 40]
        if re.match(r"\s*(?:orang\s+)?", after) and nouns.match(after.lstrip()):
            if n.approximate:
                continue
            if re.match(r"\s*\w+\s*(?:per\s?tahun|per\s?year|a year|setiap tahun|tiap tahun|per\s?angkatan)", after, re.I):
                continue
            if re.search(r"\b(?:sejak|since|total|tercatat|telah|sudah|lebih dari)\b", text[: n.begin][-30:], re.I):
                continue
            return n.value
    return None


def _location(d: _Doc, sent: Sentence, ms: list[Mention]) -> str | None:
    rx = _rx()["location_preps"]
    for m in ms:
        if m.type in {"Person", "Programme", "Policy"} or m.type in ORGANISATION_TYPES:
            continue
        before = sent.text[max(0, m.start - 25) : m.start]
        if re.search(r"(?:\b(?:di|in|at|bertempat di|ke|to)\s+(?:negara\s+|kota\s+)?)$", before, re.I):
            if rx.search(before) or re.search(r"\b(?:ke|to)\s+$", before, re.I):
                return m.slug
    return None


def _activities(d: _Doc, sent: Sentence) -> None:
    ms = d.mentions.in_sentence(sent.index)
    text = masked(sent, [m for m in ms if m.type != "Policy"])
    orig = sent.text
    found = _activity_class(text)
    dates = [
        s
        for s in find_dates(orig, d.ref)
        if "-" in s.start
        or s.end
        or (
            re.search(r"\b(?:pada|in|tahun|year)\s+(?:tahun\s+)?$", orig[: s.begin], re.I)
            and not re.search(r"\b(?:sejak|since|mulai|selama|semenjak)\s+(?:tahun\s+)?$", orig[: s.begin], re.I)
        )
    ]
    # the most precise date first: a day beats a month, a month a year
    dates.sort(key=lambda s: (-s.start.count("-"), s.begin))
    count = _participant_count(orig)
    quoted = re.search(r"\"([^\"]{3,80})\"", orig)
    target = _activity_target(d, sent)
    if found is None and target is None:
        return
    if target is not None and (found is None or not quoted or _rx()["activity_anaphora"].search(text)):
        act = target
    else:
        assert found is not None
        cls, trig = found
        if _negated(text, trig.start()):
            return
        strong = bool(dates) or count is not None or bool(quoted)
        actors = [m for m in ms if m.type in LOCAL_GOVERNMENT_TYPES or m.type == "Country"]
        if not strong or not (actors or d.home):
            return
        if sent.index <= 1 and not dates:
            return  # a headline restates the article
        act = Activity(type=cls, theme=_theme(orig, trig))
        d.ex.activities.append(act)
        d.current, d.current_sentence = act, sent.index
    if not any(e.index == sent.index for e in act.evidence):
        act.evidence.append(Evidence(orig, sent.index))
    if dates and act.start is None:
        act.start, act.end = dates[0].start, dates[0].end
    if count is not None and act.participant_count is None:
        act.participant_count = count
    loc = _location(d, sent, ms)
    if loc and act.location is None:
        act.location = loc
    for m in ms:
        if m.type == "Programme" and act.part_of is None:
            act.part_of = m.slug
    subj = _subject(d, sent, ms)
    if subj and subj not in act.participants and subj != act.location:
        act.participants.append(subj)
    for m in ms:
        if m.type == "Organization" and d.mentions.entities[m.slug].country in (None, HOME_COUNTRY):
            if m.slug not in act.participants and not act.participants[:0]:
                before = text[max(0, m.start - 40) : m.start]
                if re.search(r"\b(?:dan|and|serta|jajaran|beserta)\b", before, re.I):
                    act.participants.append(m.slug)
        if m.type in LOCAL_GOVERNMENT_TYPES and m.slug not in act.participants and m.slug != act.location:
            before = text[max(0, m.start - 40) : m.start]
            if re.search(r"\b(?:dengan|bersama|and|dan|with|antara|between)\s+(?:\w+\s+){0,3}$", before, re.I):
                act.participants.append(m.slug)
    om = _rx()["organised_by"].search(text)
    if om and act.organized_by is None:
        org = _actor_after(d, ms, om.end(), text)
        if org:
            act.organized_by = org


def _finish_activities(d: _Doc) -> None:
    keep = []
    for act in d.ex.activities:
        if act.start is None and act.participant_count is None and act.location is None:
            continue
        # a participant abroad is a delegation to that place
        if act.location:
            for p in act.participants:
                if d.ent_type(p) in LOCAL_GOVERNMENT_TYPES and d.country_of(p) != d.country_of(act.location):
                    d.add_fact(p, "sendsDelegationTo", act.location, d.sentences[act.evidence[0].index])
        keep.append(act)
    d.ex.activities = keep


# -- claims -------------------------------------------------------------------------------

def _claims(d: _Doc, sent: Sentence) -> None:
    rx = _rx()
    spans = find_dates(sent.text, d.ref)
    for n in find_numbers(sent.text):
        if any(s.begin <= n.begin < s.finish for s in spans):
            continue
        after = sent.text[n.end : n.end + 40]
        for unit in ("people", "students", "batches", "years", "days", "projects", "missions",
                     "cities", "countries", "agreements", "times"):
            if rx[f"unit:{unit}"].match(after):
                words = sent.text[n.end :].split()[:6]
                about = " ".join(words).strip(" ,.;\"")
                claim = Claim(float(n.value), unit, about, n.approximate, Evidence(sent.text, sent.index))
                if not any((c.quantity, c.unit, c.about) == (claim.quantity, unit, about) for c in d.ex.claims):
                    d.ex.claims.append(claim)
                break


# -- entry point ------------------------------------------------------------------------------

def extract(doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """Extract every fact of one document.

    >>> from graph.model import Document
    >>> doc = Document("t", "Wali Kota Medan Bobby Nasution menerima delegasi.", "t.txt",
    ...                language="id")
    >>> [(f.subject, f.predicate, f.object) for f in extract(doc).facts]
    [('bobby-nasution', 'headOf', 'kota-medan')]
    """
    gaz = gazetteer or default_gazetteer()
    text = clean(doc.text)
    sentences = split_sentences(text)
    ref = reference_date(doc.published, text)
    mentions = find_mentions(sentences, gaz, doc.language or "id")
    ex = Extraction(document=doc)
    d = _Doc(doc, sentences, mentions, ref, _home(mentions, sentences), ex)
    _resolve_roles(d)
    for sent in sentences:
        _relations(d, sent)
        _activities(d, sent)
        _claims(d, sent)
    _finish_activities(d)
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
