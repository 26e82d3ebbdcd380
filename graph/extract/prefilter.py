"""The prefilter: a cheap test, before any expensive step, of whether a text can state
an international partnership fact at all (most general news cannot)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from graph.extract.foreign import (
    branch_here,
    ours_by_name,
    resolve,
    signed_pairs,
    tie_subjects,
    twinned_pairs,
    venues,
)
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, Gazetteer, demonym_mission
from graph.extract.gazetteer import Match as GazMatch
from graph.extract.lexicon import lowered, may_match, patterns, relations_lexicon, structure
from graph.extract.names import name_patterns
from graph.extract.places import world_places
from graph.vocab import HOME_COUNTRY


@cache
def _councils() -> str:
    """The heads only councils abroad carry ("Majlis Daerah"), as one alternation."""
    return "|".join(w for ws in relations_lexicon()["council_heads_abroad"].values() for w in ws)


@cache
def _foreign_form() -> re.Pattern[str]:
    """The government forms, with the heads only councils abroad carry ("Majlis Daerah")."""
    # a government named by a head word, as foreign ones the gazetteer lacks are ("Kota
    # Tono", "Sibu Municipal Council", "Ehime Prefecture"): with a partnership word, worth
    # reading (the forms are data: ``government_forms_before/after``)
    data = relations_lexicon()
    before = "|".join(data["government_forms_before"])
    after = "|".join(data["government_forms_after"])
    councils = _councils()
    return re.compile(rf"\b(?:{before}|{councils})\s+[A-Z]|\b[A-Z][\w'-]+\s+(?:{after})\b")


@cache
def _foreign_hints() -> tuple[str, ...]:
    """Substrings one of which any match of the government forms contains (a cheap test
    first): the forms themselves, which are plain words."""
    data = relations_lexicon()
    councils = {w.split()[0] for ws in data["council_heads_abroad"].values() for w in ws}
    forms = [*data["government_forms_before"], *data["government_forms_after"]]
    return tuple(sorted({*forms, *councils}))


#: the word lists one of which a text must hold to state a fact
_FACT_LISTS = (
    "partnership",
    "delegation",
    "reception",
    "call_on",
    "participation",
    "membership",
    "implements",
    "funded_by",
    "activity:Activity",
)


#: the activity lists that, with a town abroad named, make a text worth reading
_ACTIVITY_LISTS = tuple(
    f"activity:{c}" for c in ("Meeting", "Training", "Visit", "Exchange", "Signing")
)


def _title_hints() -> list[str]:
    """Substrings one of which any head's title before or after a name holds."""
    return list(relations_lexicon()["head_title_hints"])


def _titled_abroad(text: str, matches: list[GazMatch]) -> bool:
    """Whether a head's title names a place the gazetteer does not know and the world
    table knows only abroad ("Gubernur Kumamoto, Kabashima Ikuo")."""
    known = [(m.start, m.end) for m in matches]
    for m in structure("head_title_after").finditer(text):
        # "Fremantle Mayor Hannah …": the place right before the title
        if not any(a < m.end(1) and m.start(1) < b for a, b in known) and _abroad(
            m.group(1), 1_000
        ):
            return True
    for m in structure("head_title_before").finditer(text):
        if any(a < m.end(1) and m.start(1) < b for a, b in known):
            continue
        words = m.group(1).split()
        # "Gubernur Kumamoto, Kabashima" names a place; "Gubernur Ahmad Luthfi" a person
        # whose first name is also a place somewhere
        found = world_places().lookup(m.group(1))
        if len(words) > 1 and not found:
            # "Ketua Menteri Penang Chow Kon Yeow": a title only heads abroad hold, then a
            # region or a large city, then the name ("Gubernur Ahmad Luthfi" is ours)
            if name_patterns().abroad_role.match(m.group(0)) and _abroad(words[0], 100_000):
                return True
            continue
        if found and all(p.country != HOME_COUNTRY for p in found):
            return True
    return False


def _unknown_government_form(text: str, matches: list[GazMatch]) -> bool:
    """Whether a government form names a place the gazetteer does not know as Indonesian
    ("Kota Fremantle", not "Kota Bandung")."""
    known = [(m.start, m.end) for m in matches if m.record.country == HOME_COUNTRY]
    for form in _foreign_form().finditer(text):
        if not any(a < form.end() and form.start() < b for a, b in known):
            return True
    return False


_NAME = r"((?:St\.|Ste\.|Mt\.|Ft\.|[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})"


@cache
def _council_form() -> re.Pattern[str]:
    """A head only councils abroad carry, before a name ("Majlis Daerah Tuaran")."""
    return re.compile(rf"\b(?:{_councils()})\s+[A-Z]")


_NAME_AND_COMMA = re.compile(rf"(?<![\w'’-]){_NAME}\s*,\s*$")


def _town_of_country(text: str, matches: list[GazMatch]) -> bool:
    """ "di Nara, Jepang", "in Kumamoto, Japan": a town abroad the gazetteer lacks, right
    before its own country (the world table knows it there, 1,000 people or more)."""
    for m in matches:
        if m.record.type != "Country" or m.record.id == HOME_COUNTRY:
            continue
        name = _NAME_AND_COMMA.search(text, max(0, m.start - 60), m.start)
        if name is None:
            continue
        words = name.group(1).split()
        for k in range(len(words), 0, -1):
            found = world_places().lookup(" ".join(words[-k:]), m.record.id)
            if any(p.population >= 1_000 or p.kind == "region" for p in found):
                return True
    return False


def _government_form_abroad(text: str, matches: list[GazMatch]) -> bool:
    """Whether a government form names a town the gazetteer lacks and the world table
    knows only abroad ("bersama Kota Sakai"), of 1,000 people or more, or a head only
    councils abroad carry ("Majlis Daerah Tuaran")."""
    if _council_form().search(text):
        return True
    known = [(m.start, m.end) for m in matches]
    for form in structure("government_form_name").finditer(text):
        if any(a < form.end() and form.start() < b for a, b in known):
            continue
        words = (form.group(1) or form.group(2)).split()
        if any(_abroad(" ".join(words[:k]), 1_000) for k in range(len(words), 0, -1)):
            return True
    return False


@cache
def _name_after() -> re.Pattern[str]:
    """A name after a phrase, past the titles and government words before a partner's name
    ("dengan Pemerintah Negara Bagian Sabah", "with the State of Queensland")."""
    data = relations_lexicon()
    titles = "|".join(sorted(data["foreign_partner_titles"], key=len, reverse=True))
    # "an MoU with the University of Melbourne": a body named after its place
    bodies = "|".join(sorted(data["organisation_heads"], key=len, reverse=True))
    return re.compile(rf"\s+(?:(?i:{titles})\s+)*(?:(?:{bodies})\s+)?{_NAME}")


def _named_abroad(text: str, phrase: str, population: int, *, before: bool = False) -> bool:
    """Whether a place abroad (the world table, no Indonesian place of that name, at least
    ``population`` people) is named right after a match of the word list ``phrase``, or
    right ``before`` it."""
    low = text.lower()
    # the lower-cased text, searched case-sensitively, is much faster and keeps offsets
    # when lower-casing keeps its length (it nearly always does)
    same = len(low) == len(text)
    for m in lowered(phrase).finditer(low) if same else patterns()[phrase].finditer(text):
        if before:
            name = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        else:
            name = _name_after().match(text, m.end())
        if name is None:
            continue
        words = name.group(1).split()
        for k in range(len(words), 0, -1):
            if before:
                # the words nearest the phrase: "… Geelong is twinned with"
                if _abroad(" ".join(words[-k:]), population):
                    return True
                continue
            if branch_here(words, k):
                break
            if _abroad(" ".join(words[:k]), population):
                return True
    return False


def _abroad(name: str, population: int) -> bool:
    """Whether the world table knows ``name`` only abroad, as a region or a place of at
    least ``population`` people."""
    found = world_places().lookup(name)
    abroad = found and all(p.country != HOME_COUNTRY for p in found)
    return bool(abroad) and any(p.population >= population or p.kind == "region" for p in found)


def _pair_abroad(pairs: Iterable[re.Match[str]], gazetteer: Gazetteer, population: int) -> bool:
    """Whether one name of a pair is ours and the other a place abroad the gazetteer lacks
    (of at least ``population`` people, or a region)."""
    for m in pairs:
        names = (m.group("first"), m.group("second"))
        for name, other in (names, names[::-1]):
            ours = ours_by_name(gazetteer, other) and not gazetteer.lookup(name)
            if ours and _abroad(name, population):
                return True
    return False


def _visit_abroad(text: str) -> bool:
    """ "a working visit to Gold Coast": a large city abroad (100,000 people or more)
    after a visit phrase."""
    return _named_abroad(text, "visit_to", 100_000)


def _twinned_with_abroad(text: str) -> bool:
    """ "a sister city of Fremantle", "Bali's sister province Kumamoto": a town abroad
    after a twinning phrase or word (a twinning names towns of any size: a thousand people
    or more)."""
    return _named_abroad(text, "twinned_with", 1_000) or _named_abroad(
        text, "foreign_partner_before", 1_000
    )


_NAME_BEFORE = re.compile(rf"(?<![\w'’-]){_NAME}\s*$")


def _partner_before_abroad(text: str) -> bool:
    """ "Geelong is twinned with Malang", "menjadikan Taipei sebagai kota kembar": a town
    abroad right before a phrase that names what precedes it as a partner."""
    return _named_abroad(text, "foreign_partner_after", 1_000, before=True)


def _tied_abroad(text: str) -> bool:
    """ "kerja sama dengan Sarawak", "an agreement with Kuching": a region or a large city
    abroad (100,000 people or more) after a broad partnership phrase."""
    return _named_abroad(text, "foreign_partner_broad", 100_000)


_NAME_RUN = re.compile(_NAME)


@cache
def _shared_form() -> re.Pattern[str]:
    """A level of government ours share, before a name ("Pemerintah Provinsi
    Gyeongsangbuk-do", "Kabupaten Jeju": ``government_forms_shared``); the name decides."""
    forms = "|".join(relations_lexicon()["government_forms_shared"])
    return re.compile(rf"\b(?:{forms})\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})")


def _shared_form_abroad(text: str, matches: list[GazMatch]) -> bool:
    """ "nota kesepahaman dengan Pemerintah Provinsi Gyeongsangbuk-do": a province or a
    regency form that names a place abroad (a region, or a town of 1,000 people or more),
    not one the gazetteer knows here ("Kabupaten Kupang")."""
    known = [(g.start, g.end) for g in matches if g.record.country == HOME_COUNTRY]
    for m in _shared_form().finditer(text):
        if any(a < m.end() and m.start(1) < b for a, b in known):
            continue
        words = m.group(1).split()
        if any(_abroad(" ".join(words[:k]), 1_000) for k in range(len(words), 0, -1)):
            return True
    return False


@cache
def _international_body() -> re.Pattern[str]:
    """ "Asian Cities Climate Change Resilience Network": a capitalised name holding an
    international word and ending in a body's head word (a network, an alliance), as the
    lexicon types such bodies; the gazetteer need not know it."""
    data = relations_lexicon()
    intl = "|".join(data["acronym_international_words"])
    tails = "|".join(data["international_body_tails"])
    return re.compile(
        rf"(?<![\w-])(?=[A-Z])(?i:{intl})(?:\s+[A-Z][\w&'-]*){{0,6}}\s+(?=[A-Z])(?i:{tails})\b"
    )


def _twinning_sentence_abroad(text: str) -> bool:
    """ "Fremantle's sister-city relationship with Denpasar": a town abroad (a thousand
    people or more) or a region abroad anywhere in the sentence of a twinning word, which
    general news almost never uses."""
    low = text.lower()
    rx = lowered("twinning_kind") if len(low) == len(text) else patterns()["twinning_kind"]
    for m in rx.finditer(low if len(low) == len(text) else text):
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
        for name in _NAME_RUN.finditer(text, start, min(ends, default=len(text))):
            words = re.sub(r"['’]s$", "", name.group(1)).split()
            if any(_abroad(" ".join(words[:k]), 1_000) for k in range(len(words), 0, -1)):
                return True
    return False


def _twinned_abroad(text: str, gazetteer: Gazetteer) -> bool:
    """ "Bali and Kumamoto … sister province": one of a pair named with a twinning word is
    ours and the other a place abroad the gazetteer lacks (the world table knows it, not in
    Indonesia)."""
    return _pair_abroad((m for m, _ in twinned_pairs(text)), gazetteer, 0)


def _signed_abroad(text: str, gazetteer: Gazetteer) -> bool:
    """ "West Kalimantan and Sarawak signed …": one of a signing pair is ours and the other
    a region or a large city abroad (100,000 people or more) the gazetteer lacks."""
    return _pair_abroad(signed_pairs(text), gazetteer, 100_000)


def _ours_in_a_pair(text: str, gazetteer: Gazetteer) -> bool:
    """ "Yogyakarta and Kyoto … sister provinces": a name that the gazetteer knows only with
    its level (a city and a province share it), paired by a twinning word."""
    return any(
        ours_by_name(gazetteer, m.group(g))
        for m, _ in twinned_pairs(text)
        for g in ("first", "second")
    ) or any(ours_by_name(gazetteer, m.group("first")) for m, _ in tie_subjects(text))


def _venue_abroad(text: str, gazetteer: Gazetteer) -> bool:
    """ "presentasi di Melbourne", "a forum in Paris": a large city abroad named bare after
    a preposition of place in a sentence with an activity word."""
    return any(resolve(c, gazetteer, set()) is not None for c in venues(text, checked=True))


def _named(matches: list[GazMatch]) -> tuple[bool, bool, bool]:
    """What the gazetteer found: one of our governments, anything foreign (a country, a
    programme, an international body, a place abroad), and a government abroad."""
    local = foreign = town_abroad = False
    for m in matches:
        rec = m.record
        if rec.type in {"Programme", "InternationalOrganization"}:
            foreign = True
        elif rec.type == "Country":
            foreign = foreign or rec.id != HOME_COUNTRY
        elif rec.country not in (None, HOME_COUNTRY):
            foreign = True
            town_abroad = town_abroad or rec.type in LOCAL_GOVERNMENT_TYPES
        elif rec.type in LOCAL_GOVERNMENT_TYPES:
            local = True
        if local and town_abroad:
            break
    return local, foreign, town_abroad


def might_hold_partnership(
    text: str, gazetteer: Gazetteer, matches: list[GazMatch] | None = None
) -> bool:
    """A cheap test before extraction: can this text state an international partnership
    fact at all? It needs a foreign actor or a cooperation programme named (one
    Aho-Corasick pass over the text), or a well-formed name of a foreign government
    with a partnership word ("Kota Mossel Bay" with "sister city")."""
    low = text.lower()  # the word lists are tested on it, case-sensitively (much faster)
    matches = gazetteer.find(text) if matches is None else matches
    local, foreign, town_abroad = _named(matches)
    if not foreign:
        formed = any(hint in text for hint in _foreign_hints()) and bool(
            _foreign_form().search(text)
        )
        foreign = formed and (
            # "sister city dengan Kota Mossel Bay"
            bool(lowered("partnership").search(low))
            # "menerima delegasi Kota Fremantle", "The Penang State Government hosted a
            # workshop": a place the gazetteer does not know
            or (
                bool(lowered("delegation", "reception", *_ACTIVITY_LISTS).search(low))
                and _unknown_government_form(text, matches)
            )
        )
    if not foreign and any(t in text for t in _title_hints()):
        # "Gubernur Kumamoto … sister province", "Fremantle Mayor … letter of intent",
        # "Penang Chief Minister … received a delegation": a head abroad the gazetteer lacks
        foreign = _titled_abroad(text, matches) and bool(
            lowered("partnership", "delegation", "reception", "call_on").search(low)
        )
    if not foreign:
        foreign = (
            (may_match(low, "visit_to") and _visit_abroad(text))
            or _twinned_abroad(text, gazetteer)  # twinned_pairs makes its own cheap test
            or _signed_abroad(text, gazetteer)  # so does signed_pairs
            or (
                may_match(low, "twinned_with", "foreign_partner_before")
                and _twinned_with_abroad(text)
            )
            or (may_match(low, "foreign_partner_after") and _partner_before_abroad(text))
            or (may_match(low, "foreign_partner_broad") and _tied_abroad(text))
            or (may_match(low, "twinning_kind") and _twinning_sentence_abroad(text))
            or (
                any(f in text for f in relations_lexicon()["government_forms_shared"])
                and bool(lowered("partnership").search(low))
                and _shared_form_abroad(text, matches)
            )
            # "a member of the Asian Cities … Network": a body of members abroad
            or (
                bool(lowered("membership").search(low)) and bool(_international_body().search(text))
            )
        )
    if not foreign:
        # "a grant from the Japanese Embassy": a foreign state's mission named by demonym
        foreign = any(w in text for w in ("Embassy", "Consulate", "High Commission")) and bool(
            demonym_mission().search(text)
        )
    if not foreign:
        # a named policy of outward relations ("kebijakan \"Outward Looking Policy\"")
        foreign = bool(structure("named_policy").search(text))
    if not local:
        # no government named by its gazetteer name: a head's title or a "Pemkot X" form,
        # or a name of a city and its province paired by a twinning word
        local = bool(lowered("local_hint").search(low)) or _ours_in_a_pair(text, gazetteer)
    if not local:
        return False
    if not foreign:
        # "presentasi di Melbourne": else a large city abroad named bare where an activity
        # is held, with an activity word (the venues first: most texts name none)
        return _venue_abroad(text, gazetteer) and bool(lowered(*_ACTIVITY_LISTS).search(low))
    # a fact's words: "menyambut kedatangan Wali Kota Kochi" (reception), "hibah dari
    # Pemerintah Jepang" (funded_by), "Japan handed over a grant to …" (an activity)
    if lowered(*_FACT_LISTS).search(low):
        return True
    # a festival, a training or a meeting in a town abroad the gazetteer knows (a partner
    # city), or with a city network or an international body: an activity of ours, though
    # no tie word is said
    network = any(m.record.type == "InternationalOrganization" for m in matches)
    if not bool(lowered(*_ACTIVITY_LISTS).search(low)):
        return False
    # "bertemu Ketua Menteri Penang …": or a head abroad whom the gazetteer's towns lack;
    # "presentasi di Melbourne, Australia": or a large city abroad named bare as the venue
    return (
        town_abroad
        or network
        or (any(t in text for t in _title_hints()) and _titled_abroad(text, matches))
        or _venue_abroad(text, gazetteer)
        # "bersama Kota Sakai": a government abroad the gazetteer lacks, by its form
        or (
            any(hint in text for hint in _foreign_hints())
            and _government_form_abroad(text, matches)
        )
        # "di Nara, Jepang": a town abroad right before its country
        or _town_of_country(text, matches)
        # "The Indian Ambassador … met Riau Governor …": a foreign state's envoy
        or (
            any(m.record.type == "Country" and m.record.id != HOME_COUNTRY for m in matches)
            and bool(lowered("envoys").search(low))
        )
    )


def domestic_cooperation(text: str, matches: list[GazMatch]) -> bool:
    """Whether a text the prefilter turned away still tells of a tie or a working visit
    between two of our own governments ("kabupaten kembar", "studi banding ke Kota Batu"):
    a twinning, agreement or visit word, and two governments of ours named. Only the
    governments and their heads are read from it, never an international fact."""
    ours = {
        m.record.id
        for m in matches
        if m.record.type in LOCAL_GOVERNMENT_TYPES and m.record.country == HOME_COUNTRY
    }
    if len(ours) < 2:
        return False
    low = text.lower()
    return may_match(low, "domestic_cooperation") and bool(
        patterns()["domestic_cooperation"].search(text)
    )
