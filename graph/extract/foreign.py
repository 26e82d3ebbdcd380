"""Foreign local governments that the curated gazetteer does not list.

A capitalised name is a candidate when the text puts it in a government context:

- after a government head or title: "Kota Ivanovo", "Pemkot Tono", "City of Fremantle",
  "Municipality of …", "Mayor of …", "Prefektur …", "Provinsi …";
- before one: "Sibu Municipal Council", "Tono City", "Ehime Prefecture", "Shandong
  Province", "… Metropolitan Government";
- beside a country: "Ivanovo, Rusia", "Hluboká nad Vltavou (Ceko)".

It is a foreign local government when the world table (:mod:`graph.extract.places`)
knows it, outside Indonesia, and either the document names its country or the context is
explicit ("City of X", "X City Council", "X, <country>"). A city becomes a
``CityGovernment``, a province, state or prefecture a ``ProvincialGovernment``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from graph.extract.gazetteer import Gazetteer, Record, key
from graph.extract.lexicon import lowered, may_match, patterns, relations_lexicon, structure
from graph.extract.names import name_lexicon, stop_words
from graph.extract.places import Place, world_places
from graph.vocab import HOME_COUNTRY, slugify

# a capitalised word, or a lower-case particle inside a name ("Hluboká nad Vltavou")
NAME = (
    # "St. Louis", "Ft. Worth": an abbreviated first word keeps its full stop
    r"(?:(?:St|Ste|Mt|Ft)\.(?=[ \t]+[A-Z])|[A-Z][\w'’-]*|"
    r"(?:nad|pod|am|an|der|de|del|della|dos|das|du|la|le|sur|"
    r"upon|en|op|aan|van|von)(?=[ \t]+[A-Z]))"
)
NAME_SEQ = rf"{NAME}(?:[ \t]+{NAME}){{0,3}}"
#: words that are no place on their own ("West Java Province" is not a "West")
DIRECTIONS = frozenset(
    {
        "West",
        "East",
        "North",
        "South",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "Central",
        "Upper",
        "Lower",
        "New",
        "Greater",
        "Barat",
        "Timur",
        "Utara",
        "Selatan",
        "Tengah",
        "The",
        "Kota",
        "City",
    }
)


#: substrings one of the government contexts contains (cheap tests before the patterns)
@cache
def _hints() -> tuple[str, ...]:
    """Substrings one of which any head or tail context contains (a cheap test before the
    patterns): the first word of each context word of the lexicon, and "Governor" and
    "Government" for the titles and government words the patterns allow."""
    data = relations_lexicon()
    words = {
        re.sub(r"[()?:\\]|\[[^]]*\]", "", w).split()[0]
        for group in ("foreign_heads_before", "foreign_heads_after")
        for ws in data[group].values()
        for w in ws
    }
    lower = {w.split()[0] for w in _after_words() if w.islower()}
    return tuple(sorted(words | lower | {"Governor", "Government", "Pemk"}))


# the next item of a list, after an optional bracket ("(1960)", "(Jepang)") and a separator
_PARTNER_LIST_ITEM = re.compile(
    r"(?:[ \t]*\([^()]{1,40}\))?"
    r"(?:[ \t]*,[ \t]*(?:(?:dan|and|serta)[ \t]+)?|[ \t]+(?:dan|and|serta|&)[ \t]+)"
    rf"(?:(?:Kota|City of|the City of)[ \t]+)?(?P<name>{NAME_SEQ})"
)
_APPOSITION = re.compile(rf"(?P<name>{NAME_SEQ})\s*(?:,|\()\s*$")


#: two places named as a pair ("Bali and Kumamoto", "Kota Medan dan Gwangju")
@cache
def pair_pattern() -> re.Pattern[str]:
    """Two names joined by "and"/"dan"/"dengan" ("Aceh province and Penang", "Bogor and the
    French town of Saint-Omer"): the first may carry its level's word in English, the
    second a form of the data's ``pair_partner_forms``."""
    forms = "|".join(relations_lexicon()["pair_partner_forms"])
    return re.compile(
        rf"(?<![\w-])(?P<first>{NAME_SEQ})(?:[ \t]+(?:province|regency|city))?[ \t]+"
        rf"(?:and|dan|&|dengan|with)[ \t]+"
        rf"(?:(?:{forms})[ \t]+)?(?P<second>{NAME_SEQ})"
    )


def ours_by_name(gaz: Gazetteer, name: str) -> bool:
    """Whether a name is one of our governments, by itself or with a level's head word
    ("Jambi": Kota Jambi and Provinsi Jambi; "Yogyakarta": Daerah Istimewa Yogyakarta)."""
    heads = [h for level in relations_lexicon()["level_prefix"].values() for h in level]
    for form in (name, *(f"{h} {name}" for h in heads)):
        rec = gaz.lookup(form)
        if rec is not None and rec.country == HOME_COUNTRY:
            return True
    return False


def _between_regions(tw: re.Match[str]) -> bool:
    """Whether a twinning word ties regions ("sister province"), not towns."""
    return re.search(r"provin|state|prefect", tw.group(0), re.I) is not None


def twinned_pairs(text: str) -> Iterator[tuple[re.Match[str], bool]]:
    """Pairs of names in the clause of a twinning word ("Bali and Kumamoto signed a sister
    province letter of intent"; "North Sumatra and Perak have been sister provinces"),
    each with whether the tie is between regions."""
    low = text.lower()
    if not may_match(low, "twinning_kind"):
        return  # a cheap test before the pattern
    for tw in patterns()["twinning_kind"].finditer(text):
        region = _between_regions(tw)
        # up to 60 characters past the word, and room for the second name after it
        for m in pair_pattern().finditer(text, max(0, tw.start() - 100), tw.end() + 150):
            if m.start() > tw.end() + 60:
                break
            if re.search(r"[.;]", text[min(m.end(), tw.start()) : max(m.start(), tw.end())]):
                continue
            if m.group("first").isupper() or m.group("second").isupper():
                continue  # acronyms ("KDH and KLN"), not places
            yield m, region


def cooperating_pairs(text: str) -> Iterator[re.Match[str]]:
    """Pairs of names told as working together ("Sarawak and West Kalimantan have been
    working together since 1985", "Sabah dan Kaltim telah lama bekerja sama")."""
    after = structure("pair_cooperating_after")
    if not after.search(text):
        return  # a cheap test before the pair pattern
    for m in pair_pattern().finditer(text):
        if m.group("first").isupper() or m.group("second").isupper():
            continue  # acronyms, not places
        if after.match(text, m.end()):
            yield m


#: a name opening a clause, a few lower-case words before a twinning word ("Yogyakarta
#: punya sister province dengan Kyoto", "Jambi has a sister city in …")
_TIE_SUBJECT = re.compile(rf"(?<![\w'’-])(?P<first>{NAME_SEQ})(?:[ \t]+[a-z][\w-]*){{1,4}}[ \t]+$")


def tie_subjects(text: str) -> Iterator[tuple[re.Match[str], bool]]:
    """Names told as the holder of a tie, a few words before its twinning word, each with
    whether the tie is between regions ("Yogyakarta punya sister province dengan Kyoto")."""
    for m, _, region in _tie_subjects_and_words(text):
        yield m, region


def _tie_subjects_and_words(
    text: str,
) -> Iterator[tuple[re.Match[str], re.Match[str], bool]]:
    """Each tie's holder with its twinning word and whether the tie is between regions."""
    low = text.lower()
    if not may_match(low, "twinning_kind"):
        return
    for tw in patterns()["twinning_kind"].finditer(text):
        region = _between_regions(tw)
        m = _TIE_SUBJECT.search(text, max(0, tw.start() - 80), tw.start())
        if m is not None and not m.group("first").isupper():
            yield m, tw, region


#: the partner named right after a twinning word ("… the sister city of Balikpapan")
_TIE_OBJECT = re.compile(
    rf"[ \t]+(?:of|dari|with|dengan)[ \t]+(?:the[ \t]+)?(?P<second>{NAME_SEQ})"
)


def held_ties(text: str) -> Iterator[tuple[re.Match[str], re.Match[str], bool]]:
    """A tie's holder named a few words before its twinning word and its partner right
    after it ("Ulsan has been the friendship city of Balikpapan"), each with whether the
    tie is between regions: (holder, partner, region)."""
    for m, tw, region in _tie_subjects_and_words(text):
        after = _TIE_OBJECT.match(text, tw.end())
        if after is not None and not after.group("second").isupper():
            yield m, after, region


@cache
def _signed_pair() -> re.Pattern[str]:
    signing = "|".join(sorted(relations_lexicon()["signing"], key=len, reverse=True))
    levels = "|".join(relations_lexicon()["pair_level_words"])
    return re.compile(
        # "Sabah and North Kalimantan province agreed …": a level word after the pair
        rf"{pair_pattern().pattern}(?:[ \t]+(?:{levels}))?"
        rf"[ \t]+(?:(?i:have|has|had|jointly|telah|sudah|resmi|bersama)[ \t]+)*"
        rf"(?i:{signing})\b"
    )


def signed_pairs(text: str) -> Iterator[re.Match[str]]:
    """Two names that sign together ("West Kalimantan and Sarawak signed a memorandum",
    "Pemkab Badung dan Kuching menandatangani ..."): the pair right before the verb."""
    low = text.lower()
    if not may_match(low, "signing"):
        return  # a cheap test before the pattern
    # the signing words first, then a pair right before each (faster than the pair
    # pattern over the whole text, which tries every capitalised word)
    same = len(low) == len(text)  # lower-casing kept the offsets (it nearly always does)
    signs = lowered("signing").finditer(low) if same else patterns()["signing"].finditer(text)
    for sign in signs:
        for m in _signed_pair().finditer(text, max(0, sign.start() - 240), sign.end()):
            if m.end() != sign.end():
                continue
            if not (m.group("first").isupper() or m.group("second").isupper()):
                yield m


#: a partner named bare ("sister city dengan X") must be a city at least this large when the
#: document does not name its country
PARTNER_POPULATION = 100_000
#: a city named bare as where an activity is held ("presentasi di Melbourne") must be at least
#: this large: smaller towns share their names with too many words and people
VENUE_POPULATION = 500_000
#: a level of government a context word gives
CITY, REGION = "CityGovernment", "ProvincialGovernment"


@dataclass(frozen=True)
class Candidate:
    """A name in a government context, with what the context says."""

    start: int
    end: int  # of the whole surface (context words included)
    name: str
    surface: str
    level: str | None  # the level the context word names, if any
    explicit: bool  # "City of X", "X City Council", "X, <country>": no doubt it is a place
    country: str | None = None  # the country named beside it
    partner: bool = False  # named as a partner ("sister city dengan X")
    venue: bool = False  # named bare after a preposition of place in an activity's sentence
    paired_with: str | None = None  # the other of a pair ("Bali and Kumamoto"): ours


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = relations_lexicon()
    before = sorted(
        (w for ws in data["foreign_heads_before"].values() for w in ws), key=len, reverse=True
    )
    after = sorted(_after_words(), key=len, reverse=True)
    head = re.compile(rf"\b(?P<head>{'|'.join(before)})[ \t]+(?P<name>{NAME_SEQ})")
    tail = re.compile(rf"\b(?P<name>{NAME_SEQ})[ \t]+(?P<head>{'|'.join(after)})\b")
    return head, tail


@cache
def _partner_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The partner contexts, each with whether it names a twin town for sure (then any
    place of the table counts; after a broad word, only a large city)."""
    data = relations_lexicon()

    titles = "|".join(sorted(data["foreign_partner_titles"], key=len, reverse=True))
    nouns = "|".join(sorted(data["tie_nouns"], key=len, reverse=True))
    many = "|".join(sorted(data["list_quantifiers"], key=len, reverse=True))
    opening = "|".join(sorted(data["list_opening"], key=len, reverse=True))

    def lead(words: list[str]) -> re.Pattern[str]:
        return re.compile(
            # a quoted partner word ('membangun "Sister City" antara Lyon …')
            rf"(?i:\b(?:{'|'.join(words)}))[\"”’']?[ \t]+"
            # "the sister city relationship with X": the tie's noun before the preposition
            rf"(?:(?i:{nouns})[ \t]+(?=(?i:dengan|with|antara|between)\b))?"
            rf"(?:(?i:dengan|with|of|dari|antara|between)[ \t]+)?"
            # "dengan sejumlah kota di luar negeri, yakni X": a counted list opens later
            rf"(?:(?i:{many})[ \t]+[a-z][a-z \t]{{0,30}}?,?[ \t]+(?i:{opening})[ \t]+)?"
            rf"(?:(?i:{titles})[ \t]+)*"
            # "sister city Makassar-Taipei", "sister city Pontianak dengan Lyon"
            rf"(?:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?"
            rf"(?:[ \t]*(?:-|–|/)[ \t]*|[ \t]+(?i:dan|dengan|and|with)[ \t]+))?"
            rf"(?P<name>{NAME_SEQ})"
        )

    after = "|".join(data["foreign_partner_after"])
    return (
        (lead(data["foreign_partner_before"]), True),
        # "kerja sama dengan X", "a working visit to X"
        (lead(data["foreign_partner_broad"] + data["visit_to"]), False),
        # "Fremantle's sister-city relationship with": a possessive joins the name
        (re.compile(rf"(?P<name>{NAME_SEQ})(?:[ \t]+|(?=['’]s\b))(?i:{after})\b"), True),
    )


@cache
def _levels() -> list[tuple[re.Pattern[str], tuple[str, bool]]]:
    """Context words (folded, as patterns) and the (level, explicit) each gives."""
    data = relations_lexicon()
    out: dict[str, tuple[str, bool]] = {}
    for group, words in [
        *data["foreign_heads_before"].items(),
        *data["foreign_heads_after"].items(),
    ]:
        level = REGION if group.startswith("region") else CITY
        for w in words:
            out[key(re.sub(r"[()?:\\]|\[[^]]*\]", "", w))] = (level, group.endswith("explicit"))
    return [(re.compile(w.replace(" ", r"\s+") + r"\w*"), v) for w, v in out.items()]


@cache
def _title_heads() -> frozenset[str]:
    return frozenset(key(w) for w in relations_lexicon()["title_heads"])


def _is_title(head: str) -> bool:
    return key(" ".join(head.split())) in _title_heads()


def _level_of(head: str) -> tuple[str, bool]:
    folded = key(head)
    for pattern, value in _levels():
        if pattern.fullmatch(folded):
            return value
    return CITY, False


def _named_whole(words: list[str]) -> bool:
    """ "George Town", "Cape Town": a place abroad whose own name ends in a context word
    that also ends towns' names (``town_name_endings``) stays whole."""
    return (
        len(words) > 1
        and words[-1] in relations_lexicon()["town_name_endings"]
        and any(p.country != HOME_COUNTRY for p in world_places().lookup(" ".join(words)))
    )


def _trim(name: str) -> str:
    """The name without the context words that follow it ("Sibu Municipal" → "Sibu")."""
    words = name.split()
    if not _named_whole(words):
        while len(words) > 1 and words[-1] in name_lexicon().context_starts:
            words.pop()
    if len(words) > 1 and (words[0] == "The" or words[0] in stop_words()):
        # "The Sarawak State Government", "Among Geelong's sister cities" opening a sentence
        words.pop(0)
    if len(words) > 1 and words[0] in name_lexicon().qualifiers_before:
        words.pop(0)  # "City of Greater Geelong": Geelong's
    # "the City of Gold Coast's website": the possessive is no part of the name
    return re.sub(r"['’]s$", "", " ".join(words)).strip(" .,'’")


def _tail_matches(tail: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of the name-then-context pattern, tried only near a context word (a name
    pattern tried at every word of every sentence is slow)."""
    done = 0
    for w in _tail_words().finditer(text):
        if w.start() < done:
            continue
        m = tail.search(text, max(done, w.start() - 80), w.end() + 40)
        if m is not None and m.start() >= done:
            done = m.end()
            yield m


@cache
def _after_words() -> frozenset[str]:
    """The context words after a name, and the lower-case form of those of two words or more
    ("the Sabah state government", "the Kuching city council")."""
    data = relations_lexicon()
    words = {w for ws in data["foreign_heads_after"].values() for w in ws}
    return frozenset(words | {w.lower() for w in words if " " in w})


@cache
def _tail_words() -> re.Pattern[str]:
    words = sorted({w.split()[0] for w in _after_words()})
    return re.compile(rf"\b(?:{'|'.join(words)})\b")


def _pair_candidates(m: re.Match[str], level: str | None, sure: bool) -> Iterator[Candidate]:
    """Each name of a pair ("Bali and Kumamoto"), paired with the other: the one that is
    not ours is the candidate (``resolve`` checks the other is ours)."""
    for group, other in (("first", "second"), ("second", "first")):
        name = _trim(m.group(group))
        start = m.start(group)
        yield Candidate(
            start,
            start + len(name),
            name,
            name,
            level,
            sure,
            partner=True,
            paired_with=_trim(m.group(other)),
        )


def candidates(text: str, countries: dict[int, str]) -> Iterator[Candidate]:
    """Names in a government context in one sentence. ``countries`` maps the start of
    each country mention in the sentence to its slug. A name begins a word: "Natal" inside
    "KwaZulu-Natal", a place of its own, is none (but "Taipei" in "Makassar-Taipei" is)."""
    for cand in _candidates(text, countries):
        before = text[max(0, cand.start - 40) : cand.start]
        if re.search(r"[\w'’]$", before):
            continue
        joined = re.search(r"([\w'’]+)-$", before)
        if joined and world_places().lookup(f"{joined.group(1)}-{cand.name.split()[0]}"):
            continue
        yield cand


def _candidates(text: str, countries: dict[int, str]) -> Iterator[Candidate]:
    contexts = any(h in text for h in _hints())
    head, tail = _patterns()
    for m in head.finditer(text) if contexts else ():
        level, explicit = _level_of(m.group("head"))
        name = _trim(m.group("name"))
        start, end = m.start(), m.start("name") + len(name)
        if _is_title(m.group("head")):
            # "Mayor of Gimpo City": a title names the government (its form after the
            # name included), and stays the head's
            start, end = m.start("name"), m.end("name")
        yield Candidate(start, end, name, text[start:end], level, explicit)
    # "sister city dengan X", "sister city Makassar-Taipei", "X sebagai kota kembar"
    low = text.lower()
    partner = may_match(
        low, "foreign_partner_before", "foreign_partner_broad", "visit_to", "foreign_partner_after"
    )
    for m in _tail_matches(tail, text) if contexts else ():
        level, explicit = _level_of(m.group("head"))
        name = _trim(m.group("name"))
        # "Toyama City signed a friendship city agreement with Bandung": with a tie's word
        # in the sentence, a large city is a partner named by its government's form (a
        # name of one or two words: "… Tanda Tangani Kerjasama Sister City" is a headline)
        named = partner and level == CITY and len(name.split()) <= 2
        yield Candidate(m.start("name"), m.end(), name, m.group(0), level, explicit, partner=named)
    for pattern, sure in _partner_patterns() if partner else ():
        for m in pattern.finditer(text):
            name = _trim(m.group("name"))
            start = m.start("name")
            yield Candidate(start, start + len(name), name, name, None, sure, partner=True)
            # "kota kembar Fort Worth, Braunschweig (1960), Suwon dan Liuzhou": the rest of
            # the list is partners too
            at = m.end("name")
            while item := _PARTNER_LIST_ITEM.match(text, at):
                name = _trim(item.group("name"))
                start = item.start("name")
                yield Candidate(start, start + len(name), name, name, None, sure, partner=True)
                at = item.end("name")
    # "Bali and Kumamoto … sister province": the one of a pair that is not ours
    for m, region in twinned_pairs(text) if partner else ():
        yield from _pair_candidates(m, REGION if region else None, sure=True)
    # "Sarawak and West Kalimantan have been working together": the one of a pair not ours
    for m in cooperating_pairs(text) if partner else ():
        yield from _pair_candidates(m, None, sure=True)
    # "Ulsan has been the friendship city of Balikpapan": the holder, when the partner
    # after the word is ours
    for m, after, region in held_ties(text) if partner else ():
        name = _trim(m.group("first"))
        start = m.start("first")
        yield Candidate(
            start,
            start + len(name),
            name,
            name,
            REGION if region else None,
            True,
            partner=True,
            paired_with=_trim(after.group("second")),
        )
    # "West Kalimantan and Sarawak signed …": the one of a signing pair that is not ours,
    # a large place (a signing names partners of every kind)
    for m in signed_pairs(text):
        yield from _pair_candidates(m, None, sure=False)
    # "Ivanovo, Rusia" / "Hluboká nad Vltavou (Ceko)": a name right before a country;
    # "Negeri Sembilan Malaysia": with a space only, a region or a large city of it
    for start, country in countries.items():
        lo = max(0, start - 80)
        before = (
            _APPOSITION.search(text, lo, start)
            or _large_before(text, lo, start, country)
            or _in_before(text, lo, start, country)
        )
        if before:
            name = _trim(before.group("name"))
            yield Candidate(
                before.start("name"),
                before.start("name") + len(name),
                name,
                name,
                None,
                True,
                country,
            )


@cache
def _venue_pattern() -> re.Pattern[str]:
    """A capitalised name of one to three words right after a preposition of place or of
    destination, and no capitalised word after it."""
    data = relations_lexicon()
    words = data["location_preps"] + data["destination_preps"] + data["departure_preps"]
    preps = sorted(words, key=len, reverse=True)
    return re.compile(
        rf"\b(?:{'|'.join(preps)})[ \t]+"
        r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})\b(?![ \t]*[A-Z(])"
    )


@cache
def event_names() -> re.Pattern[str]:
    """A town named in an event's own name ("Festival Internasional Oita", "the Dubai
    Expo"): where the event is held."""
    data = relations_lexicon()
    before = "|".join(data["event_name_before"])
    after = "|".join(data["event_name_after"])
    return re.compile(
        rf"\b(?:{before})(?:[ \t]+[A-Z][\w'-]*)?[ \t]+(?P<name>[A-Z][\w'’-]+)\b(?![ \t]*[A-Z(])"
        rf"|(?<![\w'’-])(?P<name2>[A-Z][\w'’-]+)[ \t]+(?:[A-Z][\w'-]*[ \t]+)?(?:{after})\b"
    )


@cache
def _event_words() -> tuple[str, ...]:
    data = relations_lexicon()
    return tuple(data["event_name_before"] + data["event_name_after"])


def venues(text: str, checked: bool = False) -> Iterator[Candidate]:
    """ "presentasi di Melbourne", "a forum in Paris", "the Dubai Expo": a bare name where
    an activity is held or gone to, in a text with an activity word (``checked``: the
    caller knows it has one); a place only when the world table knows it as a large
    city."""
    named_events = any(w in text for w in _event_words())  # a cheap test first
    spans = [
        (m.start(g), m.end(g), m.group(g))
        for rx in ((_venue_pattern(), event_names()) if named_events else (_venue_pattern(),))
        for m in rx.finditer(text)
        for g in ("name", "name2")
        if g in rx.groupindex and m.group(g)
    ]
    found = [
        x
        for x in spans
        if any(p.population >= VENUE_POPULATION for p in world_places().lookup(x[2]))
    ]
    if not found:
        return  # most texts name none: the activity words are tested only then
    classes = relations_lexicon()["activities"]
    if not checked and not lowered(*(f"activity:{c}" for c in classes)).search(text.lower()):
        return
    for start, end, name in found:
        yield Candidate(start, end, name, name, CITY, False, venue=True)


_SPACED = re.compile(rf"(?P<name>{NAME_SEQ})[ \t]+$")


def _large_before(text: str, lo: int, start: int, country: str) -> re.Match[str] | None:
    """A name right before a country with only a space between, when the world table
    knows its last words as a region or a large city of that country."""
    m = _SPACED.search(text, lo, start)
    if m is None:
        return None
    words = m.group("name").split()
    for k in range(min(len(words), 3), 0, -1):
        name = " ".join(words[-k:])
        found = world_places().lookup(name, country)
        if any(p.kind == "region" or p.population >= PARTNER_POPULATION for p in found):
            at = text.rfind(name, lo, start)
            return _SPACED.match(text, at, start) if at >= 0 else None
    return None


_IN_COUNTRY = re.compile(rf"(?<![\w'’-])(?P<name>{NAME_SEQ})[ \t]+(?:in|di)[ \t]+(?:the[ \t]+)?$")


def _in_before(text: str, lo: int, start: int, country: str) -> re.Match[str] | None:
    """ "Toyama in Japan", "Lae di Papua Nugini": a name right before "in" and a country,
    when the world table knows it as a city or a region of that country."""
    m = _IN_COUNTRY.search(text, lo, start)
    if m is None or country == HOME_COUNTRY:
        return None
    return m if world_places().lookup(_trim(m.group("name")), country) else None


def branch_here(words: list[str], k: int) -> bool:
    """Whether the word after the first ``k`` of a name is our country's ("Google
    Indonesia", "Toyota Indonesia"): a company's branch here, whatever place the first
    words could name abroad."""
    return k < len(words) and slugify(words[k]) == HOME_COUNTRY


def _whole_region(cand: Candidate, gaz: Gazetteer) -> tuple[Place, str, str] | None:
    """ "the Northern Territory government", "di Kota Kinabalu": a place whose own name
    holds the context word ("Territory", "Kota") the candidate's name was cut at."""
    surface = re.sub(r"^(?i:the)\s+", "", cand.surface).strip()
    if surface == cand.name or " " not in surface or gaz.lookup(surface) is not None:
        return None
    found = [p for p in world_places().lookup(surface, cand.country) if p.kind == "region"]
    if found and found[0].country != HOME_COUNTRY:
        return found[0], REGION, surface
    # "di Kota Kinabalu": a city abroad whose own name begins with the word for a city
    if surface in relations_lexicon()["kota_named_abroad"]:
        found = [p for p in world_places().lookup(surface) if p.country != HOME_COUNTRY]
        if found:
            return found[0], CITY, surface
    return None


def resolve(
    cand: Candidate, gaz: Gazetteer, doc_countries: set[str]
) -> tuple[Place, str, str] | None:
    """The foreign place a candidate names, its level and the words that name it."""
    if cand.venue:
        return _venue_city(cand, gaz)
    cand = _past_owner(cand, gaz)
    council = _council_abroad(cand, gaz)
    if council is not None:
        return council, CITY, cand.name  # "Majlis Daerah Tuaran": a council the table lacks
    return _resolve_in_context(cand, gaz, doc_countries)


#: a possessor before a name ("Ghana's "): a country there only locates the name
OWNER = re.compile(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+")


def _past_owner(cand: Candidate, gaz: Gazetteer) -> Candidate:
    """ "Ghana's Kumasi Metropolitan Assembly": a country owning the name only locates it."""
    owner = OWNER.match(cand.name)
    if owner is not None and not cand.name[owner.end() : owner.end() + 1].isupper():
        owner = None
    rec = gaz.lookup(owner.group(1)) if owner else None
    if owner is None or rec is None or rec.type != "Country":
        return cand
    return replace(cand, name=cand.name[owner.end() :], country=cand.country or rec.id)


def _may_name_abroad(name: str, explicit: bool) -> bool:
    """Whether a prefix of a candidate's name is worth looking up abroad: not too short,
    no direction, and, named bare, no word the world table only happens to know ("mengunjungi
    Kali Gabus": a river here, not Cali)."""
    if len(name) < 3 or name in DIRECTIONS or name in name_lexicon().title_modifiers:
        return False
    return explicit or name not in relations_lexicon()["bare_not_abroad"]


def _resolve_in_context(
    cand: Candidate, gaz: Gazetteer, doc_countries: set[str]
) -> tuple[Place, str, str] | None:
    """A candidate a government context gave: the longest known name first."""
    if cand.paired_with is not None and not ours_by_name(gaz, cand.paired_with):
        return None  # two places abroad named as a pair, or a pair not of ours
    whole_name = _whole_region(cand, gaz)
    if whole_name is not None:
        return whole_name
    words = cand.name.split()
    for k in range(len(words), 0, -1):  # the longest known name first
        name = " ".join(words[:k])
        if gaz.lookup(name) is not None:
            # "Kuching South City Council": a part of a town abroad with a council of its
            # own is a government of that town's country
            return _district_of(cand, gaz, name, words[k:])
            # (else the gazetteer's: Indonesian places, known partners, countries)
        if not _may_name_abroad(name, cand.explicit):
            continue
        if branch_here(words, k):
            return None
        found = world_places().lookup(name, cand.country)
        # the place's own name holds the context word: "Ho Chi Minh City", "Quezon City"
        named_so = k == len(words) and cand.surface.endswith(f"{name} City")
        whole = named_so and bool(world_places().lookup(f"{name} City", cand.country))
        if whole:
            found = world_places().lookup(f"{name} City", cand.country)
        if not found:
            continue
        if cand.level != REGION:  # a city before a province of the same name
            found.sort(key=lambda p: p.kind == "region")
        in_doc = [p for p in found if p.country in doc_countries]
        # a large city, or a region (a state, a prefecture: large by nature)
        big = [p for p in found if p.population >= PARTNER_POPULATION or p.kind == "region"]
        known = _known_partners(found, gaz)
        if in_doc:
            place = in_doc[0]
        elif known:
            place = known[0]
        elif cand.explicit or whole:
            place = found[0]
        elif cand.partner and big:
            place = big[0]
        else:
            return None
        if place.country == HOME_COUNTRY:
            return None
        level = cand.level or (REGION if place.kind == "region" else CITY)
        return place, level, f"{name} City" if whole else name
    return None


def _district_of(
    cand: Candidate, gaz: Gazetteer, town: str, rest: list[str]
) -> tuple[Place, str, str] | None:
    """The part of a listed town abroad that a council names ("Kuching South", "Kuching
    North"): its own local government, in the town's country."""
    rec = gaz.lookup(town)
    if (
        rec is None
        or not cand.explicit
        or len(rest) != 1
        or rest[0] not in name_lexicon().compass
        or rec.type not in {CITY, "LocalGovernment"}
        or rec.country in (None, HOME_COUNTRY)
    ):
        return None
    return Place(cand.name, rec.country, "city"), CITY, cand.name


def unlisted_abroad(
    cand: Candidate, text: str, countries: dict[int, str], gaz: Gazetteer
) -> tuple[Place, str, str] | None:
    """ "the Provincial Government of Sandaun in Papua New Guinea": a government named by
    its own form, a name of one or two words no list knows, with a country abroad right
    after it, is a government of that country."""
    words = cand.name.split()
    # (named by its form: not a bare name before a country, "Lasro, Afrika Selatan")
    if not cand.explicit or cand.level is None or cand.country is not None:
        return None
    if not 1 <= len(words) <= 2 or len(cand.name) < 4:
        return None
    if gaz.lookup(cand.name) is not None or world_places().lookup(cand.name):
        return None
    if cand.name in DIRECTIONS or cand.name in relations_lexicon()["bare_not_abroad"]:
        return None
    gap = _COUNTRY_AFTER.match(text, cand.end)
    country = countries.get(gap.end()) if gap else None
    if country is None and cand.surface.endswith("Government"):
        # "the Sandaun Provincial Government of Papua New Guinea": the country's alias
        # "Government of Papua New Guinea" overlaps the government's form
        country = countries.get(cand.end - len("Government"))
    if country is None or country == HOME_COUNTRY:
        return None
    kind = "region" if cand.level == REGION else "city"
    return Place(cand.name, country, kind), cand.level, cand.name


# between a government named by its form and its country: "…, ", " in ", " (", " di "
_COUNTRY_AFTER = re.compile(r"\s*(?:,\s*|\(\s*|\s+(?:in|di|dari|of)\s+(?:the\s+)?)")


def _council_abroad(cand: Candidate, gaz: Gazetteer) -> Place | None:
    """ "Majlis Daerah Tuaran": a town after a head only one country's councils carry
    (``council_heads_abroad``), a name of one or two words that no list of ours knows,
    is a local government of that country."""
    words = cand.name.split()
    if not cand.explicit or len(words) > 2 or gaz.lookup(cand.name) is not None:
        return None
    if world_places().lookup(cand.name):
        return None  # the table knows it: found the usual way
    for country, heads in relations_lexicon()["council_heads_abroad"].items():
        for head in heads:
            if cand.surface.startswith(f"{head} ") and not ours_by_name(gaz, cand.name):
                return Place(cand.name, country, "city")
    return None


def _venue_city(cand: Candidate, gaz: Gazetteer) -> tuple[Place, str, str] | None:
    """The large city abroad a venue candidate names by its whole name."""
    name = cand.name
    found = [
        p
        for p in world_places().lookup(name)
        if p.kind == "city" and p.population >= VENUE_POPULATION
    ]
    if not found or found[0].country == HOME_COUNTRY:
        return None
    if name in relations_lexicon()["bare_not_abroad"] or gaz.lookup(name) is not None:
        return None
    return found[0], CITY, name


def _known_partners(found: list[Place], gaz: Gazetteer) -> list[Place]:
    """Of the places a name may be, those the gazetteer lists as foreign partners (a
    bare "Kochi" beside Surabaya is Kochi in Japan, a known sister city, not the larger
    Kochi in India)."""
    out = []
    for p in found:
        rec = gaz.records.get(slugify(p.name))
        if rec is not None and rec.country == p.country:
            out.append(p)
    return out


def lookup_for_role(
    name: str, level: str, gaz: Gazetteer, doc_countries: set[str]
) -> tuple[Place, str] | None:
    """A foreign place after a head's title ("Wali Kota Tono …", "Mayor of Fremantle"):
    known to the world table in a country the document names, or a large city."""
    if len(name) < 3 or gaz.lookup(name) is not None:
        return None
    found = world_places().lookup(name)
    in_doc = [p for p in found if p.country in doc_countries] or _known_partners(found, gaz)
    if in_doc:
        return in_doc[0], level
    # a large city, unless its name is as short as a given name ("Mayor Ann Kessler"); a
    # region abroad after a region's title ("Premier of Sarawak")
    big = [
        p
        for p in found
        if (p.population >= 100_000 or (p.kind == "region" and level == REGION)) and len(name) > 3
    ]
    return (big[0], level) if big else None


def record_for(place: Place, level: str, gaz: Gazetteer, surface: str) -> Record:
    """A gazetteer-shaped record for a foreign place (its slug from its name, with the
    country added when the gazetteer already uses that slug elsewhere)."""
    slug = slugify(place.name)
    known = gaz.records.get(slug)
    if known is not None and known.country != place.country:
        slug = f"{slug}-{place.country}"
    names = dict.fromkeys([place.name, surface])
    return Record(
        id=slug,
        type=level,
        labels={"en": place.name},
        aliases=tuple(n for n in names if n != place.name),
        country=place.country,
        bare=True,
    )


# an item of a list of partners: after a separator, a capitalised name, then a year in
# brackets, another separator or the end of the clause ("Busan (1994), Kochi (1997) dan …")
_LIST_ITEM = re.compile(
    rf"^(?:\s*\([^()]{{0,40}}\))?(?:\s*,\s*|\s+(?:dan|and|serta|&)\s+)({NAME_SEQ})"
    r"(?=\s*\(|\s*,|\s+(?:dan|and|serta|&)\s|\s*[.;]|\s*$)"
)


def list_items(
    text: str, known: list[tuple[int, int]], gaz: Gazetteer, doc_countries: set[str]
) -> Iterator[tuple[int, int, Place]]:
    """Names that continue a list of foreign local governments already found (spans
    ``known``): each is a foreign city when the world table knows it outside Indonesia,
    a known partner, in a country the document names, or a large city."""
    ends = sorted(known, key=lambda x: x[1])
    seen = {start for start, _ in known}
    while ends:
        _, end = ends.pop(0)
        m = _LIST_ITEM.match(text[end:])
        if not m:
            continue
        name = _trim(m.group(1))
        start = end + m.start(1)
        if start in seen or len(name) < 3 or gaz.lookup(name) is not None:
            continue
        found = [p for p in world_places().lookup(name) if p.kind != "region"]
        place = next(
            iter(
                _known_partners(found, gaz)
                or [p for p in found if p.country in doc_countries]
                or [p for p in found if p.population >= PARTNER_POPULATION]
            ),
            None,
        )
        if place is None or place.country == HOME_COUNTRY:
            continue
        seen.add(start)
        yield start, start + len(name), place
        ends.append((start, start + len(name)))
        ends.sort(key=lambda x: x[1])
