"""Document-level readings of the mentions: one person under several forms of a name
merged, and places that only locate another ("Gwangju, Korea Selatan") marked."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from functools import cache

from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, key
from graph.extract.lexicon import government_head_words, list_hints, patterns
from graph.extract.places import world_places
from graph.extract.spans import DocumentMentions, Mention
from graph.model import Entity
from graph.resources import load_yaml
from graph.sources.text import Sentence
from graph.vocab import HOME_COUNTRY


def merge(out: DocumentMentions, merges: dict[str, str]) -> None:
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


def doc_level_merges(out: DocumentMentions) -> dict[str, str]:
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
    _venue_merges(out, merges)
    _programme_merges(out, merges)
    persons = [e for e in out.entities.values() if e.type == "Person"]
    for a in persons:
        for b in persons:
            if a.slug == b.slug or a.slug in merges or b.slug in merges:
                continue
            ta, tb = key(a.labels["und"]).split(), key(b.labels["und"]).split()
            if len(ta) >= 3 and len(tb) >= 3 and ta[-2:] == tb[-2:] and len(ta) >= len(tb):
                merges[b.slug] = a.slug
    return merges


def _venue_merges(out: DocumentMentions, merges: dict[str, str]) -> None:
    """A town named only as a venue ("arrived in Kochi"), read as the world table's
    largest town of that name (Kochi, India), is the government of the same name that the
    text names as one elsewhere ("Kochi Mayor …", a partner of ours): Kochi, Japan."""
    places = [e for e in out.entities.values() if e.type in LOCAL_GOVERNMENT_TYPES]
    venues = {e.slug for e in places if out.venue_only(e.slug)}  # each entity looked at once
    if not venues:
        return
    governments = [e for e in places if e.slug not in merges and e.slug not in venues]
    for ent in places:
        if ent.slug not in venues:
            continue
        names = {key(x) for x in [*ent.labels.values(), *ent.aliases]}
        other = next(
            (
                g
                for g in governments
                if g.slug != ent.slug and names & {key(x) for x in [*g.labels.values(), *g.aliases]}
            ),
            None,
        )
        if other is not None:
            merges[ent.slug] = other.slug


def _programme_merges(out: DocumentMentions, merges: dict[str, str]) -> None:
    """A programme no list knows, named in full once and then by the first words of its
    name ("International Training Program for Smart Governance", then "International
    Training Program"): one programme, under its full name. The short form may carry one
    word before it that opened its sentence ("Peserta Global Leadership Program")."""
    names = {
        e.slug: key(next(iter(e.labels.values()), ""))
        for e in out.entities.values()
        if e.type == "Programme" and e.slug not in out.records
    }
    for short, s_name in names.items():
        words = s_name.split()
        if len(words) < 2 or short in merges:
            continue
        # "Peserta Global Leadership Program": a word opening the sentence may lead it
        forms = [s_name, " ".join(words[1:])] if len(words) >= 3 else [s_name]
        longer = [
            slug
            for slug, name in names.items()
            if slug != short
            and slug not in merges
            and any(name.startswith(form + " ") for form in forms)
        ]
        if len(longer) == 1:
            merges[short] = longer[0]


# "the East Nusa Tenggara capital Kupang": a province, then its capital
# an apposition that tells what a place is to another ("Depok, a satellite city of Jakarta",
# "Bekasi, kota penyangga Jakarta"): the other only describes it
_DESCRIBING_GAP = re.compile(
    r"\s*,\s*(?:(?:an?|the)\s+(?:(?!sister|twin|friendship|partner|friendly)[\w-]+\s+){0,3}"
    r"(?:city|town|regency|suburb|neighbou?r)\s+"
    r"(?:of|near|outside|next\s+to)\s+(?:the\s+)?"
    r"|(?:kota|kabupaten|daerah)\s+(?:penyangga|satelit|tetangga)(?:\s+ibu\s?kota)?\s+)",
    re.I,
)
# a place as a business's seat: "Seoul-based", "(yang) berbasis di …", "based in …"
_SEAT_MARK = re.compile(r"-based\b", re.I)
# the words for a capital, in English and in Indonesian
_CAPITAL = r"capital(?:\s+city)?"
_IBU_KOTA = r"ibu\s?kota(?:\s+provinsi)?"
# "the capital of (Indonesia's) …", "ibu kota Provinsi …" right before a region
_CAPITAL_OF = re.compile(
    rf"(?:\bthe\s+(?:provincial\s+)?{_CAPITAL}\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*['’]s\s+)?"
    # "the capital of the Indonesian province of Papua"
    r"(?:(?:[A-Z][\w-]*\s+)?(?:province|state|prefecture|region)\s+of\s+)?"
    rf"|\b{_IBU_KOTA}\s+)$",
    re.I,
)
_CAPITAL_GAP = re.compile(rf"(?:['’]s)?\s+(?:provincial\s+)?{_CAPITAL}\s+", re.I)
# what may stand between a place and the one that locates it: "Gwangju, Korea Selatan",
# "Bandung in West Java", "Surabaya, the capital of East Java", "Medan, ibu kota Sumatera Utara"
_LOCATING_GAP = re.compile(
    # "The Solo City Government, Central Java, …": the government word may come between,
    # and an acronym in brackets before a comma ("Dewan Bandaraya Kuching Utara (DBKU),
    # Sarawak"; not a dateline's outlet: "SEMARANG (Antara) - Pemprov Jawa Tengah")
    r"(?:\s+(?:Government|Administration))?(?:\s*\([A-Z][A-Za-z.&-]{1,12}\)(?=\s*,))?"
    r"\s*(?:,|in|on|di|dari|from|of|\(|-)?\s*(?:the\s+)?"
    rf"(?:(?:{_CAPITAL}|{_IBU_KOTA})\s+(?:of\s+|dari\s+)?(?:the\s+)?)?"
    # "Bintulu in Malaysia's Sarawak state": the region's country owning it
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)?",
    re.I,
)


def _region_only(ent: Entity, country: str) -> bool:
    """Whether a place's name is, in that country, a region's and no large city's
    ("California"; not "Gwangju", a region and a city of 1.4 million)."""
    name = next(iter(ent.labels.values()), "")
    found = [p for p in world_places().lookup(name) if p.country == country]
    return any(p.kind == "region" for p in found) and not any(
        p.kind == "city" and p.population >= 100_000 for p in found
    )


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
    if (
        a.type in LOCAL_GOVERNMENT_TYPES
        and b.type in LOCAL_GOVERNMENT_TYPES
        and a.country not in (None, "indonesia")
        and a.country == b.country
        and _region_only(b, a.country)
    ):
        return True  # "San Diego, California": a foreign city and its state, read as a town
    if b.type == "ProvincialGovernment" and big not in out.records:
        # "Mossel Bay (Provinsi Western Cape, …)": an unknown province after a foreign city
        return small in out.records and a.country not in (None, "indonesia")
    return False


_BODY_GAP = re.compile(r"\s*(?:,|\()\s*")


_SEAT_GAP = re.compile(r"\s*(?:\([A-Z][A-Za-z.&-]{1,12}\)\s*|\)\s*)?")


def _seat_of_body(out: DocumentMentions, body: Mention, place: Mention, gap: str) -> bool:
    """Whether ``place`` is a town named bare right after a body of no government
    ("Universitas Hasanuddin Makassar", "ITS Surabaya"), or after the acronym in brackets
    of its name."""
    return (
        out.entities[body.slug].type == "Organization"
        and place.type in LOCAL_GOVERNMENT_TYPES
        and bool(_SEAT_GAP.fullmatch(gap))
        and not _government_form().search(place.surface)
    )


def _body_of(out: DocumentMentions, body: str, country: str) -> bool:
    """Whether ``body`` is an organisation of no known country and ``country`` a country
    abroad (named right after it, it says whose the body is)."""
    a, b = out.entities[body], out.entities[country]
    return (
        a.type == "Organization"
        and a.country is None
        and b.type == "Country"
        and country != HOME_COUNTRY
    )


@cache
def _told_at() -> re.Pattern[str]:
    """A speech verb and a preposition of place right before a name ("she said in",
    "ujarnya di"): the place where something was said."""
    speech = patterns()["speech"].pattern
    return re.compile(rf"(?:{speech})\s+(?:(?:him|her|them)self\s+)?(?:di|in|at)\s+$", re.I)


@cache
def _bodies_before() -> re.Pattern[str]:
    data = load_yaml("names.yaml")
    words = sorted(data["bodies_before_place"], key=len, reverse=True)
    schools = sorted(data["numbered_bodies_before_place"], key=len, reverse=True)
    return re.compile(
        rf"\b(?:{'|'.join(map(re.escape, words))})"
        r"(?:\s+\([A-Z][\w.-]*\))?(?:\s+cabang)?(?:\s+\d+)?\s+$"
        rf"|\b(?:{'|'.join(map(re.escape, schools))})\s+\d+\s+$"
    )


@cache
def _people_of_after() -> re.Pattern[str]:
    return re.compile(rf"\s+(?i:{patterns()['people_of_after'].pattern})")


@cache
def _government_form() -> re.Pattern[str]:
    """A government's own head words in a name ("Kota", "Pemprov", "City", "Province"):
    a name without them is a bare place name."""
    words = "|".join(government_head_words())
    return re.compile(rf"\b(?:{words}|City|Regency|Province|Government|Council)\b", re.I)


@cache
def _seat_before() -> re.Pattern[str]:
    """Words right before a town that make it a business's seat ("berbasis di")."""
    return re.compile(rf"(?:{patterns()['seat_before'].pattern})\s+$", re.I)


def _qualifies_alone(text: str, low: str, cur: Mention) -> bool:
    """Whether the words around one mention make it no actor, whatever else is named
    (``low``: the sentence lowered, for cheap word tests)."""
    head = text[max(0, cur.start - 20) : cur.start].rstrip()
    word = patterns()["people_of"].search(head)
    of_people = bool(word and word.end() == len(head))
    seat_hint = "-based" in low or any(h in low for h in list_hints("seat_before"))
    if seat_hint and (
        _SEAT_MARK.match(text, cur.end)
        or _seat_before().search(text, max(0, cur.start - 30), cur.start)
    ):
        # "a Seoul-based solar panel maker", "perusahaan yang berbasis di Kupang": a
        # business's seat, no actor
        return True
    if cur.type == "Country":
        return of_people
    if cur.type not in LOCAL_GOVERNMENT_TYPES:
        return False
    if not _government_form().search(cur.surface) and (
        of_people or _people_of_after().match(text, cur.end)
    ):
        # "tari Bali", "kain tenun NTT", "Maluku music": a region named bare for its
        # people's arts or goods is no government taking part
        return True
    # "…," she said in Jayapura City: where it was said, no doer; "four days in the
    # capital of Indonesia's Maluku province": the capital is meant, the province only
    # locates it; "Kadin Kota Medan", "DPRD Kota Bekasi": whose body it is, no doer
    return bool(
        _told_at().search(text, max(0, cur.start - 40), cur.start)
        or (
            ("capital" in low or "ibu" in low)
            and _CAPITAL_OF.search(text, max(0, cur.start - 60), cur.start) is not None
        )
        or _bodies_before().search(text, max(0, cur.start - 80), cur.start)
    )


@cache
def _opens_with_government_form() -> re.Pattern[str]:
    """A government's own form opening a name ("Pemerintah Provinsi", "Pemkot"), not a bare
    level word ("Provinsi Jawa Barat" may locate a town named before it)."""
    forms = [w for w in government_head_words() if w.lower().startswith("pem")]
    return re.compile(rf"(?:{'|'.join(map(re.escape, forms))})\b", re.I)


def _acronym_after(text: str, first: Mention, second: Mention) -> bool:
    """Whether ``second`` is ``first``'s acronym in brackets right after it."""
    return (
        first.slug == second.slug
        and re.fullmatch(r"\s*\(", text[first.end : second.start]) is not None
    )


def mark_qualifiers(out: DocumentMentions, sentences: list[Sentence]) -> None:
    """ "Bandung in West Java", "Gwangju, Korea Selatan", "Kota Mossel dari Afrika
    Selatan": the second place only locates the first and is not an actor there; and
    "orang Malaysia", "warga Jepang": a country naming its people is not acting."""
    for s in sentences:
        items = out.by_sentence.get(s.index, [])
        low = s.text.lower()
        for i, cur in enumerate(items):
            if _qualifies_alone(s.text, low, cur):
                items[i] = replace(cur, qualifier=True)
        for i in range(1, len(items)):
            prev, cur = items[i - 1], items[i]
            if i >= 2 and _acronym_after(s.text, items[i - 2], prev):
                # "Dewan Bandaraya Kuching Utara (DBKU), Sarawak": the acronym in brackets
                # is no place between the government and the region that locates it
                prev = items[i - 2]
            gap = s.text[prev.end : cur.start]
            if (
                _LOCATING_GAP.fullmatch(gap)
                and _contains(out, prev.slug, cur.slug)
                # "SEMARANG - Pemerintah Provinsi Jawa Tengah …": a government named by its
                # form after a dateline acts; it locates nothing
                and not _opens_with_government_form().match(cur.surface)
            ):
                items[i] = replace(cur, qualifier=True)
            elif _DESCRIBING_GAP.fullmatch(gap) and cur.type in LOCAL_GOVERNMENT_TYPES:
                # "Depok, a satellite city of Jakarta": the second only describes the first
                items[i] = replace(cur, qualifier=True)
            elif _CAPITAL_GAP.fullmatch(gap) and _contains(out, cur.slug, prev.slug):
                # "the East Nusa Tenggara capital Kupang": the province locates its capital
                items[i - 1] = replace(prev, qualifier=True)
            elif _body_of(out, prev.slug, cur.slug) and _BODY_GAP.fullmatch(gap):
                # "Universitas Kyushu, Jepang": the body is of that country, which only
                # locates it
                out.entities[prev.slug].country = cur.slug
                items[i] = replace(cur, qualifier=True)
            elif _seat_of_body(out, prev, cur, gap):
                # "Institut Teknologi Sepuluh Nopember (ITS) Surabaya": the town a body is
                # named with is its seat, no doer beside it
                items[i] = replace(cur, qualifier=True)
            elif prev.qualifier and cur.slug == prev.slug and re.fullmatch(r"\s*\(\s*", gap):
                # "East Flores in East Nusa Tenggara (NTT)": the acronym in brackets of a
                # place that only locates another locates it too
                items[i] = replace(cur, qualifier=True)
