"""What the rule families share while they read one document: the
:class:`DocContext` (sentences, mentions, the heads found, the extraction being filled)
and the small readings every family needs (is a mention the doer of its sentence, is a
trigger negated or only planned, which government a sentence speaks of).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from graph.extract.dates import find_dates, months, opens_with_date, weekdays
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, ORGANISATION_TYPES, Gazetteer
from graph.extract.lexicon import patterns, relations_lexicon, structure
from graph.extract.mentions import DocumentMentions, Mention
from graph.extract.names import name_patterns
from graph.model import Activity, Document, Evidence, Extraction, Fact, Qualified
from graph.sources.text import Sentence, clause_before
from graph.vocab import HOME_COUNTRY


@dataclass
class DocContext:
    """One document as the rule families read it, and the extraction they fill."""

    doc: Document
    sentences: list[Sentence]
    mentions: DocumentMentions
    ref: dt.date | None
    home: str | None
    ex: Extraction
    gaz: Gazetteer  # the names the document was read with
    # the day the article was published, when known (the page's date or its byline's), not
    # inferred from the dates it tells
    now: dt.date | None = None
    heads: dict[str, str] = field(default_factory=dict)  # person -> government
    fact_keys: set[tuple[str, str, str]] = field(default_factory=set)
    current: Activity | None = None
    current_sentence: int = -1
    recent_foreign: list[str] = field(default_factory=list)  # foreign LGs in order of mention
    recent_programme: Mention | None = None  # the programme last named
    # a list of partners being read: the sentence last of it (its opening line, then each
    # item) and the governments of ours whose partners it lists ("… empat mitra luar
    # negeri, yakni:" then "1. Kota Davao, Filipina (2002)")
    partner_list: tuple[int, list[str]] | None = None
    touched: list[Activity] = field(default_factory=list)  # activities of the current sentence
    background: set[int] = field(default_factory=set)  # ids of activities told as background
    named: set[int] = field(default_factory=set)  # ids of activities with a name of their own
    received: set[int] = field(default_factory=set)  # ids of visits told as received by ours
    # ids of activities told as only planned ("berencana mengirim … ke …")
    only_planned: set[int] = field(default_factory=set)
    # ids of activities dated only by the dateline's day, which a later date replaces
    dateline_dated: set[int] = field(default_factory=set)
    # id of a visit -> the government whose head it was paid on ("a courtesy call on East
    # Kalimantan Deputy Governor …"): the one visited, wherever they met
    visited: dict[int, str] = field(default_factory=dict)
    # states named as a delegation ("delegasi Australia", "a Malaysian delegation")
    state_delegations: set[str] = field(default_factory=set)
    # partner pairs (as recorded) told as a plan, and those a sentence says were made
    planned_pairs: set[tuple[str, str]] = field(default_factory=set)
    made_pairs: set[tuple[str, str]] = field(default_factory=set)
    _officials_abroad: dict[str, str] | None = None

    @property
    def officials_abroad(self) -> dict[str, str]:
        """Person -> country, for the envoys and ministers of a state abroad the document
        names with their title ("Menteri Kedua Luar Negeri Singapura Maliki Osman"): named
        again alone ("Maliki melakukan kunjungan kerja …"), they act for that state."""
        if self._officials_abroad is None:
            self._officials_abroad = {}
            for sent in self.sentences:
                ms = self.mentions.in_sentence(sent.index)
                for p in ms:
                    if p.type == "Person" and p.slug not in self.heads:
                        country = _title_country(self, sent.text, ms, p.start)
                        if country is not None:
                            self._officials_abroad.setdefault(p.slug, country)
        return self._officials_abroad

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

    def government_of(self, m: Mention) -> str | None:
        """The government a mention stands for: a local government itself (not one that
        only locates another), or the one a person named heads (or, for an envoy or a
        minister abroad, the state they act for)."""
        if m.type == "Person":
            return self.heads.get(m.slug) or self.officials_abroad.get(m.slug)
        if m.type in LOCAL_GOVERNMENT_TYPES and not m.qualifier:
            return m.slug
        return None

    def register_country(self, slug: str) -> str | None:
        """The country of the entity ``slug``, made an entity of the document when it was
        not one yet; None when the entity has no country the gazetteer knows."""
        ent = self.mentions.entities.get(slug)
        country = ent.country if ent is not None else None
        if not country:
            return None
        if country not in self.mentions.entities:
            rec = self.gaz.records.get(country)
            if rec is None:
                return None
            self.mentions.entities[rec.id] = rec.entity()
            self.mentions.records[rec.id] = rec
        return country

    def is_indonesian_lg(self, slug: str) -> bool:
        return (
            self.ent_type(slug) in LOCAL_GOVERNMENT_TYPES and self.country_of(slug) == HOME_COUNTRY
        )

    def lies_in(self, place: str, region: str) -> bool:
        """Whether one of our governments lies inside another by their codes ("64.72"
        Samarinda in "64" Kalimantan Timur)."""
        inner, outer = self.mentions.records.get(place), self.mentions.records.get(region)
        return bool(
            inner
            and outer
            and inner.code
            and outer.code
            and inner.code.startswith(outer.code + ".")
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

    def take_part(self, actor: str, programme: str, sent: Sentence, text: str) -> None:
        """``actor participatesIn programme``, with its Participation node dated by the
        earliest "since" year the sentence (``text``, names blanked) gives."""
        self.add_fact(actor, "participatesIn", programme, sent)
        q = self.qualified("Participation", actor, programme)
        q.evidence.append(Evidence(sent.text, sent.index))
        since = since_year(text, self.ref)
        if since and (q.since is None or since < q.since):
            q.since = since

    def home_head_named(self) -> bool:
        """Whether the text names a head or deputy of the article's government (whose
        "kami" and "we" are that government's)."""
        return self.home is not None and any(r.government == self.home for r in self.mentions.roles)

    def join(self, member: str, body: str, sent: Sentence, since: str | None) -> None:
        """``member memberOf body``, with its Membership node dated by ``since`` (the
        year the sentence says it joined), the earliest stated."""
        self.add_fact(member, "memberOf", body, sent)
        q = self.qualified("Membership", member, body)
        q.evidence.append(Evidence(sent.text, sent.index))
        if since and (q.since is None or since < q.since):
            q.since = since

    def qualified(self, kind: str, a: str, b: str) -> Qualified:
        ends = tuple(sorted((a, b))) if kind == "Partnership" else (a, b)
        for q in self.ex.qualified:
            if q.kind == kind and q.ends == ends:
                return q
        q = Qualified(kind=kind, ends=ends)  # type: ignore[arg-type]
        self.ex.qualified.append(q)
        return q


def negated(text: str, at: int) -> bool:
    """A negation word among the three words before offset ``at``, in the same clause,
    that bears on the trigger: "tidak menjalin kerja sama" is negated, but in "tak
    memengaruhi kerja sama" the negation bears on the other verb."""
    words = text[max(0, at - 120) : at].split()[-3:]
    for i, w in enumerate(words):
        if w.lower().strip(",") in {"yang", "which", "that", "who"} or w.endswith(","):
            words = words[i + 1 :]
    rx = patterns()
    for i, w in enumerate(words):
        if _no_determiner(words, i):
            return True  # "no city official travelled", "no such proposal"
        if rx["negation"].fullmatch(w.lower().strip(",.")):
            between = [x.lower().strip(",.") for x in words[i + 1 :]]
            verbs = [x for x in between if re.match(r"(?:me|di|ber|ter)[a-z]{3,}", x)]
            return all(rx["light_verbs"].fullmatch(v) for v in verbs)
    if _NO_SUBJECT_PASSIVE.search(text, max(0, at - 80), at):
        return True  # "no agreement would be signed", "no MoU has yet been signed"
    return bool(rx["negation"].search(" ".join(words)))


def _no_determiner(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is "no" before a word ("no city official", "no such"), not the
    abbreviation of a number ("No. 5", "No 12")."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return words[i] in ("no", "No") and nxt.isalpha() and nxt.islower()


#: an English passive whose subject "no …" denies it, right before the verb
_NO_SUBJECT_PASSIVE = re.compile(
    r"\b[Nn]o\s+(?:[\w-]+\s+){1,3}(?:would|will|has|have|had|was|were|is|are|could|can)\s+"
    r"(?:yet\s+)?(?:be|been)\s+$"
)


def wished(text: str, at: int) -> bool:
    """A trip only hoped for: a wish earlier in the clause and a modal right before the
    trip word at ``at`` ("Semoga saya juga akan bisa mengunjungi …", "hopes to visit").
    A wish about a trip made ("berharap kunjungan ini membawa hasil") has no modal."""
    clause = re.split(r"[;:,.]", text[:at])[-1]
    last = clause.split()[-1:]
    rx = patterns()
    if structure("wish_right_before", wishes=rx["wishes"].pattern).search(clause):
        return True  # "hoped for a return visit", "berharap ada kunjungan balasan"
    return bool(
        last and rx["modal_before_trip"].fullmatch(last[0].lower()) and rx["wishes"].search(clause)
    )


def planned_after(text: str, end: int) -> bool:
    """Whether the clause after an activity's word tells it as only planned ("A return
    visit by the pupils to Bandung is planned for spring 2024")."""
    clause = re.split(r"[.;:,]|\b(?:but|tetapi|namun)\b", text[end : end + 120])[0]
    return bool(patterns()["planned_after"].search(clause))


def non_agent(text: str, at: int, end: int) -> bool:
    """Whether the traveller of the clause is a flight, a family, a club, a school, a
    shipment … (``non_agents`` in ``relations.yaml``), not a government's people: before
    the trigger in its clause, or as its object ("melepas ekspor udang")."""
    clause = re.split(r"[,;:]|\b(?:yang|which|who)\b", text[:at])[-1]
    # the object past words for a group or a number ("kunjungan rombongan wisatawan")
    obj = _group_of().sub("", " ".join(text[end:].split()[:4]))
    rx = patterns()["non_agents"]
    # or the subject opening the sentence, before an apposition ("Istri Bupati Sleman,
    # Nyonya Kustini, mengunjungi …")
    return bool(rx.search(clause) or rx.match(obj) or rx.match(text.lstrip()))


@cache
def _group_of() -> re.Pattern[str]:
    """Words for a group or a number before the travellers they count."""
    return re.compile(rf"^(?:(?:{patterns()['group_of'].pattern})\s+)*", re.I)


def signed_by_firms(text: str, at: int | None = None) -> bool:
    """Whether a signing (its verb at ``at``, else the sentence's first) is done by
    businesses or other bodies alone: one of them in the clause before the verb
    (``firm_signers``), and no government signing with them (``government_signers``).

    >>> signed_by_firms("A Davao-based shipping company and a Bitung firm inked an MoU.")
    True
    >>> signed_by_firms("The Bitung city government and a Davao firm signed an MoU.")
    False
    """
    rx = patterns()
    if at is None:
        sign = rx["signing"].search(text)
        if sign is None:
            return False
        at = sign.start()
    clause = re.split(r"[;:]|,\s+(?:and|dan|but|tetapi)\b", text[:at])[-1]
    return bool(rx["firm_signers"].search(clause)) and not rx["government_signers"].search(clause)


def hoped_for(text: str, at: int) -> bool:
    """ "berharap dapat mengikuti SCP tahun depan", "is expected to join the SCP", "plans to
    join": a step only hoped for or planned, in the clause before its word at ``at``."""
    clause = clause_before(text, at, 80)
    rx = patterns()
    return bool(rx["wishes"].search(clause) or rx["tentative"].search(clause))


def home_national(d: DocContext, text: str, ms: list[Mention]) -> bool:
    """Whether a national actor of the home country takes part ("Presiden", "Kementerian
    Luar Negeri"): a president's or a ministry's agenda is not a local government's. A
    national word followed by a foreign country ("Kementerian Luar Negeri Singapura",
    "Perdana Menteri PNG") or right after one ("the New Zealand Ministry of Foreign
    Affairs") names that country's body, a partner of the local government named in the
    same sentence."""
    if not any(d.is_indonesian_lg(m.slug) for m in ms):
        # a foreign president's own agenda ("Bush mengunjungi Ground Zero") is no local one
        return bool(patterns()["national"].search(text))
    bodies = [m for m in ms if m.type in ("Organization", "Country") and d.is_foreign_actor(m.slug)]
    foreign = [m for m in bodies if m.type == "Country"]
    # "Chief Minister", "Ketua Menteri": a head abroad, not one of our ministers
    abroad = [(r.start(), r.end()) for r in name_patterns().abroad_role.finditer(text)]
    # "delegates from the province and one representative from the Ministry": a member of
    # the local group named before, not the owner of the agenda
    first_local = min((m.start for m in ms if d.is_indonesian_lg(m.slug)), default=len(text))
    companions = [
        c.end() for c in patterns()["national_companions"].finditer(text) if c.start() > first_local
    ]
    for nm in patterns()["national"].finditer(text):
        if any(
            re.fullmatch(r"\s*", text[end : nm.start()]) for end in companions if end <= nm.start()
        ):
            continue
        if any(b.start <= nm.start() < b.end for b in bodies):
            continue  # inside the name of a foreign body ("Kementerian Luar Negeri Singapura")
        if any(a <= nm.start() < b for a, b in abroad):
            continue
        owned = structure("owner_before").search(text, 0, nm.start())
        if owned and not patterns()["home_words"].fullmatch(owned.group("owner")):
            continue  # "the Territory's Minister for Agribusiness": the owner's, not ours
        # "the New Zealand Ministry of Foreign Affairs", "Madagascar's Ministry of …": the
        # country named right before
        if any(
            re.fullmatch(r"(?:['’]s)?\s*", text[m.end : nm.start()])
            for m in foreign
            if m.end <= nm.start()
        ):
            continue
        owner = next((m for m in foreign if 0 <= m.start - nm.end() <= 40), None)
        if owner is None or re.search(
            r"[,.;:()]|\b(?:dan|and|di|in|ke|to)\b", text[nm.end() : owner.start]
        ):
            return True
    return False


def planned(text: str, at: int, end: int) -> bool:
    window = " ".join(text[max(0, at - 160) : at].split()[-4:]) + " " + text[at:end]
    return bool(patterns()["planned"].search(window))


DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s*[\w.]*(?:\s*\|\s*[\w.]+)?\s*[-\u2013\u2014]+\s*")
# the date of a dateline: "April 22", "April 22, 2024", "21 May 2024"
_DATELINE_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)"
)
# the same in mixed case, told by the dash after the city and its outlet: "Jakarta
# (Indonesia Window) -", "Namur, Belgium (ANTARA News) -", "Jakarta - Pemerintah ..."
_DATELINE_MIXED = re.compile(
    r"^[A-Z][a-z]+(?:\s[A-Z][a-z]+)?"
    # its region: "Namur, Belgium", "Makassar, S Sulawesi"
    r"(?:,\s*[A-Z][a-z]*\.?(?:\s[A-Z][a-z]+){0,2})?"
    # "Jakarta, 5 Maret 2024 -": its date
    rf"(?:,\s*{_DATELINE_DATE})?"
    r"(?:\s*\([^()]{1,40}\))?\s+[-\u2013\u2014]+\s+"
)
_DATELINE_SENTENCES = 8  # a dateline opens the body: a title, captions and debris may precede it


# "KUCHING:", "SIBU (Feb 18):": a city in capitals and a colon, as Malaysian outlets write
# "BANDUNG - West Java Provincial Government …", "JABARNEWS | BOGOR - …": a city in
# capitals and a dash, after the outlet's name or none
_DATELINE_CAPS_DASH = re.compile(
    r"^(?:[A-Z][\w.]+\s*\|\s*)?[A-Z][A-Z'.]+(?:\s[A-Z][A-Z'.]+){0,2}"
    # "WAINGAPU, East Nusa Tenggara (…) -", "JAYAPURA, Papua, April 22 (…) -": the
    # region and the date of an English wire dateline
    r"(?:,\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}){0,2}"
    rf"(?:,?\s*{_DATELINE_DATE})?"
    # "SEMARANG (Antara) -", "KUPANG, (ANTARA) -": the outlet in brackets
    r"(?:,?\s*\([^()]{1,30}\))?\s+[-\u2013\u2014]+\s+"
)
_DATELINE_COLON = re.compile(r"^[A-Z][A-Z .'-]+(?:\s*\([^()]{1,30}\))?:\s+")


#: a dateline with its day ("PALANGKA RAYA, Kamis (29/8/2024) –")
_DATELINE_DAY = re.compile(
    r"^[A-Z][A-Z .'-]+,\s*(?:[A-Z][a-z']+,?\s*)?"
    r"\(?\d{1,2}/\d{1,2}(?:/\d{2,4})?\)?\s*[-\u2013\u2014]"
)


def dateline_in(sent: Sentence, with_day: bool = False) -> re.Match[str] | None:
    """A dateline opening ``sent``: in capitals anywhere ("JAKARTA, KOMPAS.com -",
    "KUCHING:"), in mixed case only among the opening sentences; ``with_day``: else also
    one that gives the day instead of the outlet ("PALANGKA RAYA, Kamis (29/8/2024) –")."""
    m = _outlet_dateline(sent)
    return _DATELINE_DAY.match(sent.text) if m is None and with_day else m


def _outlet_dateline(sent: Sentence) -> re.Match[str] | None:
    if m := DATELINE.match(sent.text) or _DATELINE_COLON.match(sent.text):
        return m
    if sent.index >= _DATELINE_SENTENCES:
        return None
    return _DATELINE_MIXED.match(sent.text) or _DATELINE_CAPS_DASH.match(sent.text)


def dateline(sentences: list[Sentence]) -> tuple[int, int] | None:
    """The article's dateline as (sentence index, end offset): the first of its opening
    sentences that starts with a city and the dash after it (or its outlet)."""
    for sent in sentences[:_DATELINE_SENTENCES]:
        if m := dateline_in(sent):
            return sent.index, m.end()
    return None


def dateline_government(d: DocContext, level: str | None = None) -> str | None:
    """The government abroad (of ``level``, if given) that the article's dateline names
    ("KITAKYUSHU, 21 May 2024 -", "SIBU (Feb 18):"), if any."""
    line = dateline(d.sentences)
    if line is None:
        return None
    index, end = line
    ms = d.mentions.in_sentence(index)
    text = d.sentences[index].text
    return next(
        (
            m.slug
            for m in ms
            if (
                m.start < end
                # "ANDONG (Yonhap) -- North Gyeongsang Province said Thursday …": the
                # government abroad speaking first after a dateline naming none tells it
                or (
                    m is _first_after(ms, end)
                    and patterns()["speech"].match(text, _past_space(text, m.end))
                )
            )
            and d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
            and (level is None or d.ent_type(m.slug) == level)
            and d.is_foreign_actor(m.slug)
        ),
        None,
    )


def _first_after(ms: list[Mention], at: int) -> Mention | None:
    return min((m for m in ms if m.start >= at), key=lambda m: m.start, default=None)


def _past_space(text: str, at: int) -> int:
    return len(text) - len(text[at:].lstrip())


@cache
def _own_mission_before() -> re.Pattern[str]:
    """ "KBRI Tokyo", "Konsul Jenderal RI di Perth": our mission or envoy before its seat."""
    return re.compile(rf"\b(?:{'|'.join(relations_lexicon()['own_mission_seat'])})\s+$")


def seat_of_mission(text: str, at: int, missions: bool = True) -> bool:
    """ "melalui KBRI di Praha", "KBRI Tokyo", "the Indonesian Consulate General in Los
    Angeles", "the Consul General of Japan in Surabaya", "the Japanese Embassy here in
    Indonesia", "the Embassy of the United Kingdom to Indonesia": the place where a
    diplomatic mission
    or an envoy sits (the name at ``at``), not a partner nor an actor. Without
    ``missions``, only an envoy's seat: a signing at a consulate in a city is in that city."""
    window = text[max(0, at - 60) : at]
    if missions and _own_mission_before().search(window):
        return True
    # "the Embassy of the United Kingdom to Indonesia", "Duta Besar Jepang untuk Indonesia":
    # the country an envoy is sent to is where the envoy sits
    before = re.sub(r"\s+(?:di|in|at|to|untuk)\s*$", "", window, flags=re.I)
    if before == window:
        return False
    # (an acronym in brackets may follow the title: "Konsul Jenderal (Konjen) Malaysia")
    named = rf"(?:{_ACRONYM}|\s+(?:of|the|here|RI|Republik Indonesia|[A-Z][\w-]*)){{0,4}}$"
    # a mission ("KBRI di Praha") or an envoy ("Konsul Jenderal Jepang di Surabaya")
    rx = patterns()
    kinds = f"{rx['missions'].pattern}|{rx['envoys'].pattern}" if missions else rx["envoys"].pattern
    return re.search(rf"(?:{kinds}){named}", before, re.I) is not None


@cache
def _locative_before() -> re.Pattern[str]:
    preps = "|".join(sorted(relations_lexicon()["location_preps"], key=len, reverse=True))
    return re.compile(rf"\b(?i:{preps})\s+$")


def after_locative(text: str, at: int) -> bool:
    """Whether the name at ``at`` follows a preposition of place ("di", "in", "at",
    "bertempat di": location_preps): where something is, not who does it."""
    return _locative_before().search(text, max(0, at - 20), at) is not None


def place_of_telling(sent: Sentence, m: Mention) -> bool:
    """ "kata Christiandy, di Jakarta, Jumat", "signed in Bandung, 4 December 2018": a place
    after "di" or "in" with the day after it, where something was told or done; it names
    where, not who."""
    if not after_locative(sent.text, m.start) and not _ADDRESS_BEFORE.search(
        sent.text, max(0, m.start - 120), m.start
    ):
        return False
    after = sent.text[m.end : m.end + 40]
    comma = re.match(r"\s*,\s*", after)
    return comma is not None and opens_with_date(after[comma.end() :])


# the town closing a venue's address after "di"/"in": "di Ruang Heart of Borneo, Kantor
# Gubernur Kaltim, Samarinda, Kamis (23/5)"
_VENUE_WORDS = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|de)\s+)?[A-Z][\w'’.-]*){0,4}"
_ADDRESS_BEFORE = re.compile(rf"\b(?:di|in|at)\s+{_VENUE_WORDS}(?:,\s+{_VENUE_WORDS})*,\s+$")
_PLACE_OF_UNNAMED = re.compile(
    r"\b(?i:kota|kabupaten|provinsi|city|town|cities|province|prefecture)\s+"
    r"(?i:(?:yang\s+)?(?:terletak|berada|located|situated)\s+)?(?i:di|in)\s+"
    r"(?i:(?:negara\s+bagian|provinsi|prefektur|(?:the\s+)?state\s+of)\s+)?$"
)


def place_of_unnamed(text: str, at: int) -> bool:
    """Whether the place named at ``at`` only says where an unnamed one is ("dengan kota di
    Australia Barat", "a city located in the state of Victoria"); callers ask it of states
    and countries ("sister cities in Brisbane, Busan …" names the cities themselves)."""
    return bool(_PLACE_OF_UNNAMED.search(text, max(0, at - 80), at))


@cache
def _when_after_preposition() -> re.Pattern[str]:
    """A month or a day's name right after a preposition ("In November "): a time."""
    return re.compile(
        rf"(?:in|pada|on)\s+(?:(?:{months()})|(?:{weekdays()}))(?:\s+\d{{4}})?,?\s+$", re.I
    )


def is_actor(sent: Sentence, m: Mention, origin: bool = False) -> bool:
    """Whether a mention can be the doer of the sentence: not a place that only locates
    something ("di Kota Medan", "dari Denpasar", "Bandung in West Java"), not the
    dateline ("JAKARTA, KOMPAS.com -"), not part of a quoted title."""
    if m.qualifier:
        return False
    line = dateline_in(sent, with_day=True)
    if line and m.end <= line.end():
        return False
    before = sent.text[max(0, m.start - 30) : m.start]
    # (a place compared is no doer either: "Darwin is closer to Kupang than Jakarta is")
    preps = "di|ke|menuju|via|melalui|transit|singgah|in|at|to|near|around|than|daripada"
    if not origin:
        preps += "|dari|from"  # with ``origin``, "peserta dari Pemprov X" stays an actor
    # the place may be the second of a pair: "a study trip to Singkawang and Pontianak"
    locative = re.search(
        rf"\b(?i:{preps})\s+"
        # "di negara bagian Australia Barat", "in the state of Victoria"
        r"(?:(?i:negara\s+bagian|provinsi|prefektur|(?:the\s+)?state\s+of)\s+)?"
        r"(?:[A-Z][\w'-]*\s+){0,3}(?:(?:dan|and|serta|&)\s+(?:[A-Z][\w'-]*\s+){0,3})?$",
        before,
    )
    # "In November East Kalimantan became …": a time, not a place, after the preposition
    if locative and not _when_after_preposition().match(locative.group(0)):
        return False
    # "kata Fathi dalam keterangan resmi Pemda DIY": the source of a quote, not its doer
    head = before.rstrip()
    source = patterns()["attribution_before"].search(head)
    if source and source.end() == len(head):
        return False
    return not _in_quoted_title(sent.text, m.start)


def quote_around(text: str, at: int) -> tuple[int, int] | None:
    """The span inside the double quotes that offset ``at`` lies in (its end -1 when the
    quote does not close in ``text``), or None outside quotes."""
    if text.count('"', 0, at) % 2 == 0:
        return None
    return text.rfind('"', 0, at) + 1, text.find('"', at)


def _in_quoted_title(text: str, at: int) -> bool:
    """Whether offset ``at`` lies inside a short quoted phrase (a title, a slogan), not
    inside quoted speech, which tells facts as much as the narrative does."""
    span = quote_around(text, at)
    if span is None:
        return False
    if span[1] < 0:
        q = span[0] - 1
        opening = (q == 0 or text[q - 1].isspace()) and text[q + 1 : q + 2].strip() != ""
        if not opening:
            return True  # the quote opened in an earlier sentence: which side is unclear
        # a quote opening here and running on into the next sentences: speech, unless short
        # and not ended as a sentence is ('"Bandung sudah menjadi anggota CityNet sejak
        # 2015. Ini …," kata Asep')
        return len(text[span[0] :].split()) <= 8 and not text.rstrip().endswith((".", "!", "?"))
    return len(text[span[0] : span[1]].split()) <= 8


def subject_of(
    d: DocContext, sent: Sentence, ms: list[Mention], strict: bool = False
) -> str | None:
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
    if strict:
        # "Kami menghadiri Kongres CityNet di Seoul": a sentence opening on the speaker's
        # own side, in an article whose government's head speaks, is that government's
        if patterns()["first_person_plural"].match(sent.text) and d.home_head_named():
            return d.home
        # the first people word, the subject's: a body's people are not a government's
        cue = patterns()["actor_cue"].search(sent.text)
        if cue is None or _cue_of_a_body(sent.text, cue.end(), ms):
            return None
    return d.home


def _cue_of_a_body(text: str, at: int, ms: list[Mention]) -> bool:
    """Whether the people word ending at ``at`` are a business's, a school's or a
    university's ("40 mahasiswa Universitas Hasanuddin", "students of Udayana
    University"), not a government's."""
    gap = _CUE_OWNER.match(text, at)
    if gap is None:
        return False
    firms = patterns()["firm_signers"]
    if firms.match(text, gap.end()):
        return True
    return any(
        m.start == gap.end() and m.type in ORGANISATION_TYPES and firms.search(m.surface)
        for m in ms
    )


_CUE_OWNER = re.compile(r"\s+(?:of\s+(?:the\s+)?|dari\s+|from\s+(?:the\s+)?)?", re.I)


def home_government(mentions: DocumentMentions, sentences: list[Sentence]) -> str | None:
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
    for role in mentions.roles:
        slug = role.government
        if slug and mentions.entities[slug].country == HOME_COUNTRY:
            counts[slug] += 1
            first.setdefault(slug, 10**6)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def masked(sent: Sentence, ms: list[Mention]) -> str:
    """The sentence with names blanked out, so that trigger words inside names
    ("Singapore Cooperation Programme") do not count as triggers."""
    chars = list(sent.text)
    for m in ms:
        for i in range(m.start, min(m.end, len(chars))):
            chars[i] = "_"
    return "".join(chars)


@cache
def _clause_join() -> re.Pattern[str]:
    """A new clause joined to the one before: a year told before it dates nothing after it."""
    return re.compile(rf";|,\s+(?:{patterns()['clause_joiners'].pattern})", re.I)


def since_year(text: str, ref: dt.date | None, after: int = 0) -> str | None:
    """The date after "sejak"/"since", at the precision the text gives it ("sejak 31
    Oktober 2019", "since 2016"): the first one after offset ``after`` (the partnership
    word), else the first in the sentence."""
    matches = list(patterns()["since"].finditer(text))
    matches.sort(key=lambda m: (m.start() < after, m.start()))
    for m in matches:
        if m.start() < after and _clause_join().search(text, m.end(), after):
            continue  # "member of UCLG ASPAC since 2017, and … the Sandaun agreement"
        for span in find_dates(text[m.end() : m.end() + 40], ref):
            if span.begin <= 3 and not span.relative:
                return span.start if len(span.start) >= 4 else None
    return None


def envoys_country(
    d: DocContext, text: str, ms: list[Mention], lo: int = 0, hi: int | None = None
) -> str | None:
    """The country whose envoy or mission is named in ``text[lo:hi]`` beside it ("Duta
    Besar Ceko", "Australia's Ambassador", "the Ambassador of Japan", "the Embassy of the
    United Kingdom")."""
    for e in _envoy_or_mission().finditer(text, lo, len(text) if hi is None else hi):
        for m in ms:
            if m.type != "Country" or not d.is_foreign_actor(m.slug):
                continue
            gap = text[e.end() : m.start] if m.start >= e.end() else text[m.end : e.start()]
            gap = _TITLE_ACRONYM.sub(" ", gap)  # "Konsul Jenderal (Konjen) Malaysia"
            if len(gap) <= 9 and re.fullmatch(r"\s*(?:of|['’]s|\s)?\s*(?:the\s+)?", gap):
                return m.slug
    return None


#: an acronym in brackets after a title ("Konsul Jenderal (Konjen) Malaysia")
_ACRONYM = r"\s*\([A-Za-z.]{2,12}\)"
_TITLE_ACRONYM = re.compile(rf"^{_ACRONYM}")


@cache
def _envoy_or_mission() -> re.Pattern[str]:
    rx = patterns()
    return re.compile(f"{rx['envoys'].pattern}|{rx['missions'].pattern}", rx["envoys"].flags)


def _title_country(d: DocContext, text: str, ms: list[Mention], at: int) -> str | None:
    """The country of an envoy's or a minister's title that ends right before the name at
    ``at`` ("Menteri Luar Negeri Singapura Maliki Osman", "Duta Besar Jepang, Kenji")."""
    lo = max(0, at - 80)
    for e in patterns()["envoys"].finditer(text, lo, at):
        for m in ms:
            if m.type != "Country" or not d.is_foreign_actor(m.slug):
                continue
            gap = text[e.end() : m.start] if m.start >= e.end() else text[m.end : e.start()]
            if len(gap) > 9 or not re.fullmatch(r"\s*(?:of|['’]s|\s)?\s*(?:the\s+)?", gap):
                continue
            if re.fullmatch(r"\s*,?\s*", text[max(e.end(), m.end) : at]):
                return m.slug
    return None


def actor_after(
    d: DocContext,
    ms: list[Mention],
    offset: int,
    text: str,
    people: bool = False,
    types: tuple[str, ...] | None = None,
) -> str | None:
    """The first actor named within a few words after ``offset``."""
    for m in ms:
        if m.start < offset or m.start - offset > 60 or m.qualifier:
            continue  # a place that only locates, a country named for its people or money
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
