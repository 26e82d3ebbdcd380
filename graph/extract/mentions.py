"""Mention stage: who and what a document names, sentence by sentence.

Known names come from the gazetteer; people are found through their titles and roles
("Wali Kota Jambi H. Syarif Fasha", "Bandung Mayor Ridwan Kamil"); unknown but
well-formed names ("Pemkot X", "Perumdam Tirta Mayang", "Temasek Polytechnic") become
entities typed by their head words; later short forms ("Fasha") resolve to the person
named in full before.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from functools import cache

import graph.extract.foreign as foreign
from graph.extract.coreference import doc_level_merges, mark_qualifiers, merge
from graph.extract.dates import weekdays
from graph.extract.gazetteer import (
    LOCAL_GOVERNMENT_TYPES,
    MISSION,
    Gazetteer,
    Match,
    Record,
    demonym_countries,
    demonym_mission,
    key,
)
from graph.extract.lexicon import government_head_words, list_hints, patterns, relations_lexicon
from graph.extract.names import (
    NAME_TOKEN,
    PLACE_TYPES,
    capitalised_throughout,
    in_a_venues_name,
    inside_a_name,
    list_separator,
    name_lexicon,
    name_patterns,
    opens_a_heads_name,
    stop_words,
    titlecase,
)
from graph.extract.officials import official_names
from graph.extract.spans import DocumentMentions, Mention, Role
from graph.model import Entity
from graph.resources import load_yaml
from graph.sources.text import BULLET, Sentence
from graph.vocab import HOME_COUNTRY, slugify

__all__ = ["DocumentMentions", "Mention", "MentionFinder", "Role", "find_mentions"]


#: honorifics as bare words ("Bapak", "Dr"), before a name without being part of it
_HONORIFIC_WORDS = frozenset(
    re.sub(r"\\\.|\?|\\", "", h) for h in relations_lexicon()["honorifics"]
)

_LOWER_HEAD = re.compile(r"(?:city|town|municipality|province|state|prefecture) of\s+")
_TIE_BEFORE = re.compile(r"(?i:sister|twin|friendship|partner)\s+$")

#: "the Mexican city of Monterrey": a capitalised word (a demonym) between "the" and a
#: lower-case head of a place's alias
_DEMONYM_BEFORE = re.compile(r"\b[Tt]he\s+[A-Z][\w-]+\s+$")


def _demonym_before(text: str, at: int) -> bool:
    """Whether "the <Demonym>" comes right before offset ``at``."""
    return _DEMONYM_BEFORE.search(text, max(0, at - 40), at) is not None


_POSSESSIVE_PLACE = re.compile(r"['’]s\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_DPRD_BEFORE = re.compile(r"\bDPRD\s+$")
_DIRECTIONS = sorted(w for w in foreign.DIRECTIONS if w not in {"The", "Kota", "City"})
_DIRECTION_BEFORE = re.compile(rf"\b({'|'.join(_DIRECTIONS)})\s+$")  # "South Australia"

# not the head now: a former one, a candidate, or the head's spouse ("Istri Bupati Sleman,
# Nyonya Kustini", "Calon Wali Kota Medan")
_FORMER = re.compile(
    r"\b(?:mantan|eks|bekas|former|ex|calon|bakal calon|balon|candidate|istri|suami|wife of|"
    r"husband of)[- ]?\s*$",
    re.I,
)


# English: a head no longer in office, the place's name between the word and the title
# ("Former Bali Governor …", "the late Surabaya mayor …", "then Makassar mayor …")
_FORMER_PLACED = re.compile(
    r"\b(?i:former|ex|late|then|previous|erstwhile)[- ]\s*(?:[A-Z][\w'’.-]*\s+){0,3}"
    r"(?:(?i:city|regency|province|provincial)\s+)?$"
)


def _without_role_glosses(text: str, any_role: re.Pattern[str]) -> str:
    """The sentence with each bracket that only glosses the title before it blanked, so the
    name after it reads as after the title: "Acting Mayor (Pj Wali Kota) of Banda Aceh …",
    "Ambon Mayor (Wali Kota) Johan …" (offsets kept)."""
    if "(" not in text:
        return text
    for m in reversed(list(_GLOSS.finditer(text))):
        role = any_role.search(text, max(0, m.start() - 40), m.start())
        inner = m.group(1)
        if role is None:
            continue
        # "Mayor of Medan (Wali Kota Medan), Rizal …": the place named after the title
        # again in the bracket glosses it too
        place = _GLOSSED_PLACE.fullmatch(text, role.end(), m.start())
        if place is None:
            continue
        rest = any_role.sub("", inner)
        for word in (place.group(1) or "").split():
            rest = re.sub(rf"\b{re.escape(word)}\b", "", rest)
        rest = re.sub(r"\b(?:of|dari)\b", "", rest)
        if any_role.search(inner) and not patterns()["title_gloss_words"].sub("", rest).strip(" ."):
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


# between a title and the bracket glossing it: nothing, or the place the title names
_GLOSSED_PLACE = re.compile(r"\s*(?:(?:of|dari)\s+)?((?:[A-Z][\w'’-]*\s*){0,3})")


_GLOSS = re.compile(r"\(([^()]{2,40})\)")


def _word_spans(text: str, word: str, ignore_case: bool = False) -> list[tuple[int, int]]:
    """Where ``word`` occurs in ``text`` as a whole word (a plain scan: names are many and
    each would be a regular expression of its own).

    >>> _word_spans("Fasha dan Fashanya; fasha.", "Fasha", ignore_case=True)
    [(0, 5), (20, 25)]
    """
    hay, needle = (text.lower(), word.lower()) if ignore_case else (text, word)
    out: list[tuple[int, int]] = []
    at = hay.find(needle)
    while at >= 0 and needle:
        end = at + len(needle)
        before = hay[at - 1] if at else " "
        after = hay[end] if end < len(hay) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            out.append((at, end))
        at = hay.find(needle, at + 1)
    return out


# a diplomatic mission after its country's name ("Indonesia Embassy", "Japanese Consulate")
_SEAT_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]+){1,3}")
_MISSION_AFTER = re.compile(rf"\s+{MISSION}")


@cache
def _mission_before() -> re.Pattern[str]:
    """A diplomatic mission (the ``missions`` words) right before its country's name
    ("Kedubes Perancis", "Konsulat Jenderal Australia")."""
    return re.compile(rf"\b(?:{patterns()['missions'].pattern})\s+(?:Republik\s+)?$", re.I)


def _squeeze(folded: str) -> str:
    """A folded name with doubled letters written once."""
    return re.sub(r"(\w)\1+", r"\1", folded)


# where a title's place lies, before its holder's name ("… di Provinsi Sepik Timur, John")
_LOCATIVE = re.compile(r"\s*(?:di|in)\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s*,\s*")
# a nickname in quotes inside a name ('Moh. Ramdhan "Danny" Pomanto')
_NICKNAME = re.compile(r"[\"“”]([A-Z][a-z]+)[\"“”]")
# two or more capitalised words right before a title: the place it names ("Gold Coast Mayor")
# a place no list knows right before a title: two capitalised words ("Gold Coast Mayor") or
# an acronym ("MBKS Mayor", the Kuching South City Council's)
_NAMED_BEFORE = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+|[A-Z]{2,6})(?:['’]s)?\s+$"
)


@cache
def _compass_after() -> re.Pattern[str]:
    """An Indonesian compass word right after a name ("Australia Barat")."""
    words = sorted(load_yaml("names.yaml")["compass_english"], key=len, reverse=True)
    return re.compile(rf"\s+({'|'.join(words)})\b")


@cache
def _region_words() -> frozenset[str]:
    """The capitalised words naming a region's government before its name ("Prefektur
    Shizuoka", "Negara Bagian Victoria"), from ``foreign_heads_before``."""
    heads = relations_lexicon()["foreign_heads_before"]
    return frozenset(
        w
        for kind in ("region", "region_explicit")
        for h in heads[kind]
        for w in h.split()
        if w[:1].isupper() and w not in {"Pemerintah", "Pemprov", "Daerah", "Otonom"}
    )


@cache
def _programme_acronym() -> re.Pattern[str]:
    heads = "|".join(relations_lexicon()["programme_heads"])
    return re.compile(
        rf"\b(?:{heads})\s+([A-Z][A-Z0-9]{{2,}}(?:-[A-Z0-9]+)?)\b(?:\s*\(([^()]{{3,120}})\))?"
    )


@cache
def _level_words() -> frozenset[str]:
    """The level's own word of a government's name ("Kota", "Kabupaten", "Provinsi"), not a
    government's form ("Pemkot", "Pemerintah Kota")."""
    return frozenset(
        h
        for h in government_head_words()
        if " " not in h and h.istitle() and not h.startswith("Pem")
    )


@cache
def _org_head() -> re.Pattern[str]:
    return re.compile(rf"(?:{name_patterns().org_heads})")


# "Mayor Bima Arya of Bogor": the name, then "of" and the title's place
_NAME_OF_PLACE = re.compile(
    rf"\s+(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})\s+of\s+(?:the\s+)?"
    rf"(?P<place>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})"
)
#: capitals in brackets naming what stands before them ("Majlis Bandaraya Melaka (MBMB)")
BRACKET_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&-]{1,11})\)")


@cache
def _head_list() -> re.Pattern[str]:
    """ "dipimpin oleh empat wali kota, yakni A, B dan C", "led by mayors A, B and C": the
    words (name_lexicon's head_list) and the names after them (three or more capitalised
    names, or two joined by "dan"/"and")."""
    lex = name_lexicon()
    name = rf"{NAME_TOKEN}\.?(?:\s+{NAME_TOKEN}\.?){{1,4}}"
    # "… dan sekarang C": the last one, holding the office now
    names = rf"{name}(?:\s*,\s*{name})*,?\s+(?:dan|and|serta)\s+(?:(?:sekarang|kini|now)\s+)?{name}"
    return re.compile(
        rf"(?:{lex.head_list})\s*,?\s*(?:(?:{lex.head_list_intro})\s*:?\s*)?(?P<names>{names})"
    )


_ROSTER_INTRO = re.compile(
    r"\b(?:mayors|regents|governors|wali\s?kota|walikota|bupati|gubernur|kepala daerah)\b"
    r"[^.]*:\s*$",
    re.I,
)


@cache
def _titles_of_two_letters() -> re.Pattern[str]:
    """The honorifics of two or more letters ("Dr", "Mr", "Prof"), not initials ("H.")."""
    words = [h for h in relations_lexicon()["honorifics"] if " " not in h]
    words = [h for h in words if len(re.sub(r"[^A-Za-z]", "", h.replace("\\.?", ""))) >= 2]
    # titles that are also given names ("Muhammad Habib …") stay in the name
    words = [h for h in words if h not in {"Habib", "Kiai", "Kyai", "Tuan"}]
    return re.compile(rf"(?:{'|'.join(words)})")


def _inner_title(token: str) -> bool:
    return bool(_titles_of_two_letters().fullmatch(token))


def _near_spelling(a: str, b: str) -> bool:
    """Whether two folded names differ only as a misspelling does (lengths within two,
    85 % alike)."""
    return abs(len(a) - len(b)) <= 2 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def _no_name_after_title(rest: list[str], place_slug: str | None) -> bool:
    """Whether the words after a title hold no holder's name: a possessive ("imitating the
    governor, Sofifi's development …"), or a town's government word after a town not
    known ("Walikota Mihara City Yoshinori Tenma": the town is no name, and not ours)."""
    if any(re.search(r"['’]s$", t) for t in rest[:4]):
        return True
    return place_slug is None and any(t in name_lexicon().context_starts for t in rest[1:3])


def _name_tokens(rest: list[str]) -> list[str]:
    """The tokens of a head's name after the title's place: past the place's acronym in
    brackets ("(Sulut) Drs Steven Kandouw"), and starting after a title inside them
    ("Jerman Mr Ingo Meyer": words before it are a place the rules did not take)."""
    while rest and re.fullmatch(r"\([A-Za-z]+\)", rest[0]):
        rest = rest[1:]
    inner = [i for i, t in enumerate(rest) if i and i + 1 < len(rest) and _inner_title(t)]
    return rest[inner[-1] + 1 :] if inner else rest


# "program internasional UCLG ASPAC, seperti …": the items of a list of programmes
_AMONG_PROGRAMMES = re.compile(
    r"\b(?:program(?:me)?s?|proyek|projects?|inisiatif|initiatives?)\b[^.;]{0,80}?"
    r"\b(?:seperti|such as|termasuk|including|antara lain|yakni|yaitu|di antaranya)\b[^.;]*$",
    re.I,
)
# one of our heads' titles, right before the words that follow it
# "the Bogor district government": English news calls a regency a district
_DISTRICT_AFTER = re.compile(r"\s+(?:district|District|regency)\b")
# a head's title that, in the order of its language, puts the place after it ("Wali Kota
# Medan …"); in English "Mayor Trent Sullivan" names the person (the place comes after "of")
_ENGLISH_TITLE = re.compile(r"(?i:mayor|governor|regent)\b")
_OUR_TITLE_BEFORE = re.compile(
    r"(?i:gubernur|wali\s?kota|walkot|bupati|mayor|governor|regent)\s*(?P<comma>,\s*)?$"
)


# a network-like body whose name spans countries: an international one
def _international_body(name: str) -> bool:
    """Whether a body's name says it spans countries ("World e-Governments Organization",
    "Asian Cities Network"): a word of ``acronym_international_words`` and a last word of
    ``international_body_tails``."""
    rx = patterns()
    # the head word ends the name or comes before its "of" ("Asian Network of Major Cities")
    heads = {
        part.split()[-1].lower() for part in re.split(r"\s+of\s+", name, maxsplit=1) if part.split()
    }
    return bool(rx["acronym_international_words"].search(name)) and any(
        rx["international_body_tails"].fullmatch(h) for h in heads
    )


@cache
def _second_office() -> re.Pattern[str]:
    """A second office after a head's title and before the comma that precedes the name:
    "and State Minister for Trade", "dan Ketua Dewan Pembina" (``office_titles``)."""
    titles = "|".join(sorted(load_yaml("names.yaml")["office_titles"], key=len, reverse=True))
    return re.compile(
        rf"\s+(?:and|dan|serta)\s+(?:[A-Z][\w-]*\s+){{0,2}}(?:{titles})"
        r"(?:\s+(?:for|of|untuk|bidang|urusan)\s+[A-Z][\w&-]*(?:\s+(?:and\s+|dan\s+|&\s+)?[A-Z][\w&-]*){0,3})?"
        r"(?=\s*,)"
    )


def _past_second_office(text: str, at: int) -> int:
    """Where the name after a title may start: past a second office held with the title
    ("Queensland's Premier and State Minister for Trade, Mr Peter Beattie")."""
    second = _second_office().match(text, at)
    return second.end() if second else at


# a head's title after a place's name ("Fremantle Mayor"): no part of the place's name
_HEAD_TITLE_AFTER = re.compile(r"\s+(?:Lord\s+)?(?:Mayor|Governor|Premier|Chief\s+Minister)\b")


@cache
def _own_mission_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each acronym of our missions with the pattern of its names and its seat."""
    table = relations_lexicon()["own_missions"]
    return [
        (
            acronym,
            re.compile(
                rf"\b(?:{'|'.join(words)})(?:\s+(?:di|in|untuk|for))?\s+"
                r"(?P<seat>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
            ),
        )
        for acronym, words in table.items()
    ]


_SMALL_WORDS = frozenset({"and", "of", "for", "on", "the", "dan", "untuk", "de", "&", "in"})


def _initialled(words: list[str], letters: str) -> str | None:
    """The name, among the words before a bracket, whose initials spell ``letters`` (small
    linking words skipped): "Climate Resilient and Inclusive Cities" for CRIC."""
    words = [w.strip(",.;:") for w in words]
    for first in range(len(words)):
        name = words[first:]
        if not name or name[0].lower() in _SMALL_WORDS or not name[0][:1].isupper():
            continue
        initials = "".join(
            part[0]
            for w in name
            if w and w.lower() not in _SMALL_WORDS
            for part in w.split("-")
            if part
        )
        if initials.upper() == letters.upper():
            return " ".join(name)
    return None


@cache
def _world_region() -> tuple[re.Pattern[str], frozenset[str]]:
    """The names of world regions as one pattern, and the words of those of two or more
    words (a cheap test: a country named by none of them lies in no such name)."""
    regions = sorted(name_lexicon().world_regions, key=len, reverse=True)
    rx = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, regions))})(?![\w-])", re.I)
    words = frozenset(
        w for r in regions for w in re.split(r"[\s-]+", r) if len(r.split()) > 1 or "-" in r
    )
    return rx, words


def _in_world_region(text: str, start: int, end: int) -> bool:
    """Whether a country's name is only part of a longer name of a world region around it
    ("negara Amerika Selatan", "Latin America")."""
    rx, words = _world_region()
    if not all(w.lower() in words for w in re.split(r"[\s-]+", text[start:end])):
        return False
    for m in rx.finditer(text, max(0, start - 12), min(len(text), end + 12)):
        if m.start() <= start and end <= m.end() and m.end() - m.start() > end - start:
            return True
    return False


def _headline_in_title_case(text: str) -> bool:
    """A line without a closing stop, most of whose words are capitalised."""
    words = re.findall(r"[A-Za-z]+", text)
    return (
        len(words) >= 4
        and not text.rstrip().endswith((".", '"', "'", ")"))
        and sum(w[0].isupper() for w in words) / len(words) > 0.7
    )


def _name_past_locative(text: str, at: int) -> list[str]:
    """ "Wali Kota Wewak di Provinsi Sepik Timur, John Nawas": where the title's place lies,
    then its holder's name (its tokens; none without that shape)."""
    where = _LOCATIVE.match(text, at)
    if where is None:
        return []
    named = re.match(rf"({NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})", text[where.end() :])
    return named.group(1).split() if named else []


class MentionFinder:
    """Finds the mentions of one document (stateful: people seen so far)."""

    def __init__(self, gazetteer: Gazetteer, language: str) -> None:
        self.gaz = gazetteer
        self.lang = language
        self.out = DocumentMentions()
        self.person_alias: dict[str, str] = {}  # folded alias -> person slug
        self.doc_countries: set[str] = set()  # the countries the document names
        self.local_alias: dict[str, tuple[str, str]] = {}  # folded alias -> (slug, type)
        self.roster = False  # the sentences before introduce a list of heads

    # -- entity registry -------------------------------------------------------------
    def _entity_for_record(self, rec: Record, surface: str | None) -> str:
        ent = self.out.entities.get(rec.id)
        if ent is None:
            ent = rec.entity()
            self.out.entities[rec.id] = ent
            self.out.records[rec.id] = rec
        if surface and not self._names_another(surface, rec):
            ent.aliases.add(surface)
        return rec.id

    def _names_another(self, surface: str, rec: Record) -> bool:
        """Whether a bare name that found a government by its title's level names another
        one on its own ("Kupang District Head …": the bare "Kupang" is the city), so it is
        no name of this one."""
        if rec.type not in LOCAL_GOVERNMENT_TYPES:
            return False
        bare = {re.sub(r"^(?:kota|kabupaten|provinsi)\s+", "", key(x)) for x in rec.labels.values()}
        if key(surface) not in bare:
            return False  # a name with its form ("Majlis Bandaraya Pulau Pinang") is its own
        other = self.gaz.lookup(surface)
        return other is not None and other.id != rec.id and other.type in LOCAL_GOVERNMENT_TYPES

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
                if 1 < len(tokens) < len(known_tokens) and list(map(key, tokens)) == list(
                    map(key, known_tokens[: len(tokens)])
                ):
                    slug = known  # "Sri Sultan" after "Sri Sultan Hamengku Buwono X"
                    break
        if slug is None and len(tokens) > 1:
            # the same name spelt with a letter doubled or not ("Bradd Pettitt", "Brad
            # Pettitt"), as one article may spell a foreign head both ways
            squeezed = _squeeze(k)
            slug = next(
                (
                    known
                    for alias, known in self.person_alias.items()
                    if _squeeze(alias) == squeezed
                ),
                None,
            )
        if slug is None and len(tokens) == 1 and name.isupper() and 2 <= len(name) <= 5:
            # "Bupati ROR" after "Royke Oktavian Roring (ROR)": a known person's initials
            fits = {
                known
                for known in self.person_alias.values()
                if "".join(t[0] for t in self.out.entities[known].labels["und"].split()).upper()
                == name
            }
            if len(fits) == 1:
                slug = fits.pop()
        if slug is None and len(tokens) == 1 and len(k) >= 4:
            # a short form of one known person's middle name ("Gubernur Mirza" after
            # "Gubernur Rahmat Mirzani Djausal"), when no one else's name fits
            fits = {
                known
                for known in self.person_alias.values()
                if any(key(t).startswith(k) for t in self.out.entities[known].labels["und"].split())
            }
            if len(fits) == 1:
                slug = fits.pop()
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
            if len(tok) >= 4 and tok not in stop_words() and not self.gaz.lookup(tok):
                self.person_alias.setdefault(key(tok), slug)
        return slug

    # -- helpers ---------------------------------------------------------------------------
    def _clean_name(self, raw: str) -> str:
        lex = name_patterns()
        name = lex.honorific.sub("", _NICKNAME.sub(" ", raw).strip())
        name = lex.degree_tail.sub("", name)
        name = re.sub(r"['’]s$", "", name.strip(" ,."))  # "Yudhoyono's call"
        return name.strip(" ,.")

    def _is_place(self, name: str) -> bool:
        """Whether a name is a place (a country, region or city of the gazetteer or the
        world table), not a person."""
        return self.gaz.lookup(name) is not None or bool(foreign.world_places().lookup(name))

    def _place_for_level(self, name: str, level: str) -> Record | None:
        prefixes = name_patterns().level_prefix[level]
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
        self._list_items(s, found)
        self._elided_regions(s)
        self._own_missions(s)
        if any(w in low for w in name_patterns().role_words) and name_patterns().any_role.search(
            text
        ):
            self._roles(s)
        self._roster_item(s)
        headline: bool | None = None  # computed when a place needs it
        for i, m in enumerate(found):
            if in_a_venues_name(text, m.start, m.end):
                continue
            m = self._regency_as_district(text, m)
            lower_head = _LOWER_HEAD.match(m.surface)
            if lower_head and (
                _TIE_BEFORE.search(text, 0, m.start) or _demonym_before(text, m.start)
            ):
                # "a sister city of St. Louis": the alias "City of St. Louis" matched in lower
                # case takes the tie's word; the place is the name after it (so too after a
                # demonym: "the Mexican city of Monterrey")
                m = Match(
                    m.start + lower_head.end(), m.end, m.surface[lower_head.end() :], m.record
                )
            envoy = (
                _mission_before().search(text, 0, m.start) if m.record.type == "Country" else None
            )
            if envoy is not None:
                # "Kedubes Perancis", "Konsulat Jenderal Australia": that country's mission;
                # ours is named by where it sits ("Konjen RI Los Angeles")
                end = m.end
                seat = _SEAT_AFTER.match(text, end) if m.record.id == HOME_COUNTRY else None
                self._body_of_country(s, envoy.start(), seat.end() if seat else end, m.record.id)
                continue
            if m.record.type == "Country" and self._region_of_country(s, m):
                continue  # "South Australia", "Western Australia": a state, read as one
            if m.record.type == "Country" and self._place_of_country(s, m):
                continue  # "China's Zhengzhou": the city; its country only locates it
            if m.record.type in PLACE_TYPES:
                if headline is None:
                    headline = titlecase(text)
                # "… Surya Mataram"; "Bima Arya, the mayor of Bogor": a person's name
                if inside_a_name(text, m.start, headline) or (
                    m.record.type != "Country" and opens_a_heads_name(text, m.end)
                ):
                    continue
            if m.record.type == "Country" and (
                text.startswith("$", m.end) or _in_world_region(text, m.start, m.end)
            ):
                # "US$90,000", "S$500": a currency; "Amerika Selatan", "Latin America": a
                # continent; not the country
                continue
            nxt = found[i + 1] if i + 1 < len(found) else None
            mission = _MISSION_AFTER.match(text, m.end)
            if m.record.type == "Country" and mission:
                # "Indonesia Embassy", "Japanese Consulate General": that country's mission
                self._body_of_country(s, m.start, mission.end(), m.record.id)
                continue
            if (
                m.record.type == "Organization"
                and nxt is not None
                and nxt.record.type == "Country"
                and text[m.end : nxt.start].strip() == ""
                # "KOICA Indonesia": a body of its own state, named with the country it
                # works in, is that body's office there, the same body
                and m.record.country in (None, HOME_COUNTRY)
            ):
                # "Kementerian Luar Negeri Singapura": that country's body, not ours
                self._body_of_country(s, m.start, nxt.end, nxt.record.id)
                continue
            slug = self._entity_for_record(m.record, m.surface)
            self.out.add(Mention(s.index, m.start, m.end, m.surface, slug, m.record.type))
        self._demonym_missions(s)
        self._paired_places(s)
        self._policies(s)
        self._quoted_programmes(s)
        self._initialled_names(s)
        self._unknown_names(s)
        self._people_short_forms(s)
        self._officials(s)
        self._assemblies(s)
        self._head_lists(s)

    def bare_names(self, sentences: list[Sentence]) -> None:
        """ "Gubernur Bengkulu …" then "… tiba di Bengkulu": a name two of our governments
        share (a city and its province), which the gazetteer never takes bare, is the one
        the text has named with its level, when it named only one."""
        cores: dict[str, set[str]] = {}
        for slug, rec in self.out.records.items():
            if rec.type not in LOCAL_GOVERNMENT_TYPES or rec.country != HOME_COUNTRY or rec.bare:
                continue
            label = rec.labels.get("id") or next(iter(rec.labels.values()))
            core = re.sub(r"^(?:Kota|Kabupaten|Provinsi(?: DI)?)\s+", "", label)
            if core != label and self.gaz.lookup(core) is None:
                cores.setdefault(core, set()).add(slug)
        single = {core: next(iter(slugs)) for core, slugs in cores.items() if len(slugs) == 1}
        if not single:
            return
        rx = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, single))})(?![\w'’-])")
        self._add_named_again(sentences, rx, single)

    def _add_named_again(
        self, sentences: list[Sentence], rx: re.Pattern[str], slugs: dict[str, str]
    ) -> None:
        """A mention of the entity ``slugs`` gives for each match of ``rx`` (a name) that
        no mention holds yet and that no longer proper name ends with."""
        for s in sentences:
            headline: bool | None = None
            held = self.out.in_sentence(s.index)
            for hit in rx.finditer(s.text):
                if any(x.start < hit.end() and hit.start() < x.end for x in held):
                    continue
                if headline is None:
                    headline = titlecase(s.text)
                if inside_a_name(s.text, hit.start(), headline):
                    continue
                slug = slugs[hit.group(0)]
                kind = self.out.entities[slug].type
                self.out.add(Mention(s.index, hit.start(), hit.end(), hit.group(0), slug, kind))

    def repeated_foreign_names(self, sentences: list[Sentence]) -> None:
        """ "kunjungan kerja ke Melaka, Malaysia … Siak dan Melaka telah terikat …": a
        government abroad found once in a context ("X, <country>", "Kota X") is the same
        government where the text names it again bare."""
        names: dict[str, str] = {}
        for ms in self.out.by_sentence.values():
            for m in ms:
                if (
                    m.type in LOCAL_GOVERNMENT_TYPES
                    and not m.venue
                    and self.out.entities[m.slug].country not in (None, HOME_COUNTRY)
                ):
                    # its name, not every form it was found in ("Kota Lyon", "Lyon City"),
                    # and never a word more often something else named bare ("Kota")
                    ent = self.out.entities[m.slug]
                    labels = set(ent.labels.values())
                    folded = {x.casefold() for x in labels}
                    # and its name as the text writes it ("KwaZulu-Natal", the table's
                    # "Kwazulu-Natal")
                    labels |= {a for a in ent.aliases if a.casefold() in folded}
                    for name in sorted(labels):
                        if (
                            len(name) >= 4
                            and name[0].isupper()
                            and name not in relations_lexicon()["bare_not_abroad"]
                        ):
                            names.setdefault(name, m.slug)
                            # and in capitals, as a dateline writes it ("SIBU, Feb 18 -")
                            names.setdefault(name.upper(), m.slug)
        if not names:
            return
        # (a possessive after the name is no part of another word: "Melaka's")
        rx = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, names))})(?![\w-])")
        self._add_named_again(sentences, rx, names)

    def _own_missions(self, s: Sentence) -> None:
        """ "KJRI Cape Town", "Konsulat Jenderal RI di Perth", "the Indonesian Embassy in
        Moscow": a mission of our state abroad, named with its seat, is a body of ours
        (its seat stays the city where it sits)."""
        text = s.text
        if not any(
            w in text
            for w in ("KBRI", "KJRI", "Konjen", "Kedutaan", "Kedubes", "Konsulat", "Indonesia")
        ):
            return
        for acronym, rx in _own_mission_patterns():
            for m in rx.finditer(text):
                seat = m.group("seat").strip()
                if self.gaz.lookup(seat) is None and not foreign.world_places().lookup(seat):
                    continue
                surface = m.group(0).strip()
                slug = self._local_entity(f"{acronym} {seat}", "Organization", surface)
                ent = self.out.entities[slug]
                ent.country = HOME_COUNTRY
                ent.aliases.update({surface, f"{acronym} {seat}"})
                self.out.add(
                    Mention(
                        s.index, m.start(), m.start() + len(surface), surface, slug, "Organization"
                    )
                )

    def _elided_regions(self, s: Sentence) -> None:
        """ "East and West Kalimantan", "Jawa Tengah dan Timur": two regions sharing one
        name; the one whose name is cut short is found at its compass word."""
        text, lex = s.text, name_lexicon()
        if not re.search(r"\b(?:and|dan|serta)\b|&", text):
            return
        for m in lex.elided_before.finditer(text):
            base = m.group(3)
            for b in (base, base.split()[0]):
                rec = self.gaz.lookup(f"{m.group(1)} {b}", LOCAL_GOVERNMENT_TYPES)
                if rec is not None and self.gaz.lookup(f"{m.group(2)} {b}") is not None:
                    self._add_elided(s, m.start(1), m.end(1), rec)
                    break
        for m in lex.elided_after.finditer(text):
            if re.match(r"\s+[A-Z]", text[m.end() :]):
                continue  # "Jawa Barat dan Timur Tengah": the second is a name of its own
            base = m.group(1)
            for b in (base, base.split()[-1]):
                rec = self.gaz.lookup(f"{b} {m.group(3)}", LOCAL_GOVERNMENT_TYPES)
                if rec is not None and self.gaz.lookup(f"{b} {m.group(2)}") is not None:
                    self._add_elided(s, m.start(3), m.end(3), rec)
                    break

    def _add_elided(self, s: Sentence, start: int, end: int, rec: Record) -> None:
        surface = s.text[start:end]
        slug = self._entity_for_record(rec, None)
        self.out.add(Mention(s.index, start, end, surface, slug, rec.type))

    def _head_lists(self, s: Sentence) -> None:
        """ "Bukittinggi dipimpin oleh empat wali kota, yakni A, B dan C", "Surabaya has
        been led by mayors A, B and C": a list of names after a plural head's title, each
        a head of the government of ours named right before "led by"."""
        text = s.text
        if not any(w in text for w in ("dipimpin", "led by", "headed by", "berganti")):
            return  # a cheap test before the pattern
        for m in _head_list().finditer(text):
            govs = [
                x
                for x in self.out.in_sentence(s.index)
                if x.end <= m.start()
                and x.type in LOCAL_GOVERNMENT_TYPES
                and self.out.entities[x.slug].country == HOME_COUNTRY
            ]
            succession = "berganti" in m.group(0).lower()
            if succession:
                # the heads of the article's own government, of the title's level (the
                # place is resolved later against the document's home government)
                gov_slug = ""
                gov_type = next(
                    level
                    for rx, relation, level in name_patterns().roles
                    if relation == "headOf" and rx.search(m.group(0))
                )
            elif not govs or m.start() - govs[-1].end > 12:
                continue  # the government must be what is led: "Bukittinggi dipimpin …"
            else:
                gov_slug, gov_type = govs[-1].slug, govs[-1].type
            names = list_separator().split(m.group("names"))
            at = m.start("names")
            for raw in names:
                raw = re.sub(r"^(?:sekarang|kini|now)\s+", "", raw)
                name = self._clean_name(raw)
                start = text.find(raw, at)
                at = start + len(raw) if start >= 0 else at
                if start < 0 or len(name.split()) < 2 or not self._person_like(name):
                    continue
                if any(t in stop_words() for t in name.split()):
                    continue
                slug = self._person(name, name)
                self.out.add(Mention(s.index, start, start + len(raw), raw, slug, "Person"))
                self.out.roles.append(Role(slug, "headOf", gov_slug, gov_type, s.index))

    def _regency_as_district(self, text: str, m: Match) -> Match:
        """ "the Bogor district government", "Badung regency": a town's bare name before
        "district" or "regency" names the regency of that name (English news calls a
        kabupaten a district), not the city."""
        if m.record.type != "CityGovernment" or m.record.country != HOME_COUNTRY:
            return m
        if not _DISTRICT_AFTER.match(text, m.end):
            return m
        rec = self.gaz.lookup(f"Kabupaten {m.surface}")
        if rec is None or rec.type != "RegencyGovernment":
            return m
        return Match(m.start, m.end, m.surface, rec)

    def _place_of_country(self, s: Sentence, m: Match) -> bool:
        """ "China's Zhengzhou", "Japan's Kitakyushu": a place of that country named after
        its possessive; a mention of the place (a known one is the gazetteer's)."""
        after = _POSSESSIVE_PLACE.match(s.text, m.end)
        if after is None or m.record.id == HOME_COUNTRY:
            return False
        name = after.group(1)
        if self.gaz.lookup(name) is not None:
            return False  # read by the gazetteer in its turn
        found = foreign.world_places().lookup(name, m.record.id)
        if not found:
            return False
        place = found[0]
        level = foreign.REGION if place.kind == "region" else foreign.CITY
        rec = foreign.record_for(place, level, self.gaz, name)
        slug = self._entity_for_record(rec, name)
        self.out.add(Mention(s.index, after.start(1), after.end(1), name, slug, level), True)
        return True

    def _region_of_country(self, s: Sentence, m: Match) -> bool:
        """A direction word, then a country's name, that the world table knows as a region
        of that country ("South Australia", "Western Australia"): a mention of the region."""
        before = _DIRECTION_BEFORE.search(s.text, max(0, m.start - 12), m.start)
        if before is None:
            return self._region_by_compass_after(s, m)
        name = f"{before.group(1)} {m.surface}"
        demonym = m.surface.split()[0]
        if demonym_countries().get(demonym) == m.record.id and " " in m.surface:
            # "the Western Australian Government": the state's demonym, then its government
            name = f"{before.group(1)} {m.record.labels.get('en', m.surface)}"
        return self._region_mention(s, name, m.record.id, before.start(1), m.end)

    def _region_mention(self, s: Sentence, name: str, country: str, start: int, end: int) -> bool:
        """A mention of the region of ``country`` the world table calls ``name``, over
        ``start:end``, if there is one."""
        regions = [p for p in foreign.world_places().lookup(name, country) if p.kind == "region"]
        if not regions:
            return False
        surface = s.text[start:end]
        rec = foreign.record_for(regions[0], foreign.REGION, self.gaz, name)
        slug = self._entity_for_record(rec, name)
        self.out.add(Mention(s.index, start, end, surface, slug, foreign.REGION), True)
        return True

    def _region_by_compass_after(self, s: Sentence, m: Match) -> bool:
        """ "Australia Barat", "Australia Selatan": a country's name, then an Indonesian
        compass word, that names a region of that country in English."""
        english: dict[str, list[str]] = load_yaml("names.yaml")["compass_english"]
        after = _compass_after().match(s.text, m.end)
        if after is None or m.record.id == HOME_COUNTRY:
            return False
        country = m.record.labels.get("en", m.surface)
        return any(
            self._region_mention(s, f"{word} {country}", m.record.id, m.start, after.end())
            for word in english[after.group(1)]
        )

    def _assemblies(self, s: Sentence) -> None:
        """ "DPRD Kabupaten Purbalingga", "the Purbalingga District's DPRD": the regional
        assembly of one of our governments, a body of its own beside the government."""
        for x in list(self.out.in_sentence(s.index)):
            if x.type not in LOCAL_GOVERNMENT_TYPES or self.out.entities[x.slug].country not in (
                None,
                HOME_COUNTRY,
            ):
                continue
            rec = self.out.records.get(x.slug)
            if rec is not None and rec.country != HOME_COUNTRY:
                continue
            before = _DPRD_BEFORE.search(s.text, max(0, x.start - 8), x.start)
            after = re.match(
                r"(?:\s+(?:City|District|Regency|Province))?(?:['’]s)?\s+DPRD\b", s.text[x.end :]
            )
            if before is not None:
                surface, (a, b) = (
                    s.text[before.start() : x.end],
                    (before.start(), before.start() + 4),
                )
            elif after is not None:
                end = x.end + after.end()
                surface, (a, b) = s.text[x.start : end], (end - 4, end)
            else:
                continue
            label = next(iter(self.out.entities[x.slug].labels.values()))
            slug = self._local_entity(f"DPRD {label}", "Organization", surface)
            self.out.entities[slug].country = HOME_COUNTRY
            self.out.assemblies.add(slug)
            self.out.add(Mention(s.index, a, b, s.text[a:b], slug, "Organization"))

    def _officials(self, s: Sentence) -> None:
        """Ministers, envoys and heads of bodies named with their title: people of the
        graph, though they head no local government."""
        known = [(x.start, x.end) for x in self.out.in_sentence(s.index)]
        in_gazetteer = lambda name: self.gaz.lookup(name) is not None  # noqa: E731
        for start, end, surface in official_names(s.text, known, in_gazetteer):
            name = self._clean_name(surface)
            if len(name.split()) < 2 or self._is_place(name):
                continue
            if in_gazetteer(name.split()[0]):
                continue  # "Kepala Dispendik Surabaya Ikhsan": the office's place, then a name
            slug = self._person(name, surface)
            self.out.add(Mention(s.index, start, end, surface, slug, "Person", "official"))

    def _foreign_governments(self, s: Sentence, found: list[Match]) -> None:
        """Foreign local governments the gazetteer lacks, in a government context
        (:mod:`graph.extract.foreign`)."""
        countries = {m.start: m.record.id for m in found if m.record.type == "Country"}
        for cand in [*foreign.candidates(s.text, countries), *foreign.venues(s.text)]:
            hit = foreign.resolve(cand, self.gaz, self.doc_countries) or foreign.unlisted_abroad(
                cand, s.text, countries, self.gaz
            )
            if hit is None:
                continue
            place, level, name = hit
            at = s.text.find(name, cand.start)
            if at < 0:
                continue
            # "Kota Tono", "City of Fremantle": the context words before belong to the name
            start = cand.start if cand.start < at else at
            if s.text[start:at] in ("The ", "the ") or foreign.OWNER.fullmatch(s.text, start, at):
                # "The Sabah state government": the article is no part of it; nor is the
                # country owning it ("Ghana's Kumasi Metropolitan Assembly")
                start = at
            end = at + len(name)
            core = cand.surface.removeprefix("The ").removeprefix("the ")
            if (
                core.startswith(name)
                and cand.explicit
                and cand.country is None
                and not _HEAD_TITLE_AFTER.match(core, len(name))
            ):
                end = cand.end  # "(The) Sibu Municipal Council", not "Fremantle Mayor"
            if cand.venue and any(
                start < x.end and x.start < end for x in self.out.in_sentence(s.index)
            ):
                continue  # named already in a government context ("a working visit to X")
            if any(m.start <= start and end <= m.end for m in found if m.record.type == "Country"):
                continue  # "Negeri Sakura": a country's epithet, not a place "Sakura"
            rec = foreign.record_for(place, level, self.gaz, name)
            slug = self._entity_for_record(rec, s.text[start:end])
            self.out.entities[slug].aliases.add(name)
            surface = s.text[start:end]
            self.out.add(Mention(s.index, start, end, surface, slug, level, venue=cand.venue), True)
            self._acronym_of_government(s, end, slug, level)

    def _acronym_of_government(self, s: Sentence, end: int, slug: str, level: str) -> None:
        """ "Kuching South City Council (MBKS)": capitals in brackets right after a
        government abroad name it here and later in the text ("MBKS Mayor …")."""
        acronym = BRACKET_ACRONYM.match(s.text, end)
        if acronym is None or not re.fullmatch(r"[A-Z]{2,6}", acronym.group(1)):
            return
        if self.gaz.lookup(acronym.group(1)) is not None:
            return
        # (the bracket itself stays no mention: "… Kuching Utara (DBKU), Sarawak" reads as
        # the government and the region that locates it)
        self.out.entities[slug].aliases.add(acronym.group(1))
        self.local_alias[key(acronym.group(1))] = (slug, level)

    def _demonym_missions(self, s: Sentence) -> None:
        """ "the Japanese Embassy", "the Australian Consulate General": that country's
        mission, an organisation of it."""
        if not _MISSION_AFTER.search(s.text):
            return
        for m in demonym_mission().finditer(s.text):
            self._body_of_country(s, m.start(), m.end(), demonym_countries()[m.group(1)])

    def _body_of_country(self, s: Sentence, start: int, end: int, country: str) -> None:
        """An organisation of a state, named with its country: an Organization of it."""
        surface = s.text[start:end]
        slug = self._local_entity(surface, "Organization", surface)
        self.out.entities[slug].country = country
        self.out.add(Mention(s.index, start, end, surface, slug, "Organization"))

    def _list_items(self, s: Sentence, found: list[Match]) -> None:
        """Foreign cities that continue a list of known ones ("Seattle (1992), Busan
        (1994), Kochi (1997) dan Kitakyushu")."""
        known = [
            (m.start, m.end)
            for m in found
            if m.record.type in LOCAL_GOVERNMENT_TYPES
            and m.record.country not in (None, HOME_COUNTRY)
        ] + [
            (x.start, x.end)
            for x in self.out.in_sentence(s.index)
            if x.type in LOCAL_GOVERNMENT_TYPES
        ]
        taken = [(x.start, x.end) for x in self.out.in_sentence(s.index)] + [
            (m.start, m.end) for m in found
        ]
        for start, end, place in foreign.list_items(s.text, known, self.gaz, self.doc_countries):
            if any(start < b and a < end for a, b in taken):
                continue
            name = s.text[start:end]
            rec = foreign.record_for(place, foreign.CITY, self.gaz, name)
            slug = self._entity_for_record(rec, name)
            self.out.add(Mention(s.index, start, end, name, slug, foreign.CITY), True)
            taken.append((start, end))

    def _roles(self, s: Sentence) -> None:
        lex = name_patterns()
        text = _without_role_glosses(s.text, lex.any_role)
        if text != s.text:
            s = dataclasses.replace(s, text=text)
        hon = lex.hon_alt
        taken: list[tuple[int, int]] = []
        for pattern, relation, level in lex.roles:
            for m in pattern.finditer(text):
                if any(m.start() < b and a < m.end() for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                if _FORMER.search(
                    text[max(0, m.start() - 12) : m.start()]
                ) or _FORMER_PLACED.search(text[max(0, m.start() - 50) : m.start()]):
                    continue  # "mantan Gubernur New York", "Former Bali Governor": not now
                if name_lexicon().venue_before_role.search(text[: m.start()]):
                    continue
                self._one_role(s, m, relation, level, hon)
        # "bersama wakilnya Maulana"
        for m in lex.deputy.finditer(text):
            nm = re.match(rf"((?:{NAME_TOKEN})(?:\s+{NAME_TOKEN}){{0,3}})", text[m.end() :])
            if nm:
                name = self._clean_name(nm.group(1))
                if name and name.split()[0] not in stop_words():
                    slug = self._person(name, name)
                    a = m.end()
                    self.out.add(
                        Mention(s.index, a, a + len(nm.group(1)), nm.group(1), slug, "Person")
                    )
                    self.out.deputies.append((slug, s.index))

    def _one_role(self, s: Sentence, m: re.Match[str], relation: str, level: str, hon: str) -> None:
        text = s.text
        if _headline_in_title_case(text):
            return  # "Governor Goes to Russia": names are unsafe
        # a foreign government already found right after the title ("Walikota Tono City
        # Kazuhiko Tada", "Wali Kota Hluboka nad Vltavou, Tomas Jirsa"): the name follows it
        if self._name_of_place(s, m, relation, level):
            return
        known = self._known_after_title(s, m)
        after_start = known.end if known else m.end()
        after_start = _past_second_office(text, after_start)
        after = text[after_start:]
        seq = re.match(
            rf"\s*(?:of\s+(?:the\s+)?)?,?\s*"
            rf"((?:(?:{hon})\s+|{NAME_TOKEN}[.]?[ \t]*|,[ \t]*(?={NAME_TOKEN})"
            rf"|{_NICKNAME.pattern}[ \t]*(?={NAME_TOKEN})"
            # "Wakil Gubernur Provinsi Sulawesi Utara (Sulut) Drs Steven Kandouw"
            rf"|\([A-Z][A-Za-z]{{1,11}}\)[ \t]*(?={NAME_TOKEN}))*)",
            after,
        )
        chunk = seq.group(1) if seq else ""
        chunk = re.split(r"\s+(?:dan|and|serta|bersama|with|selaku|sebagai|yang)\b", chunk)[0]
        # a comma may separate the place from the name ("Wali Kota Medan, Bobby Nasution"),
        # never the name from what follows ("Wali Kota, Jalan Sudirman")
        head = chunk.partition(",")[0]
        tokens = re.findall(r"[^\s,]+", head)
        base = after_start + (seq.start(1) if seq else 0)
        held = self._role_place(s, m, level, known, tokens, chunk, base)
        if held is None:
            return
        place, place_slug, place_tokens = held
        rest = list(tokens[place_tokens:])
        if place_slug is not None and not rest and "," not in chunk.strip(" ,"):
            rest = _name_past_locative(text, after_start + (seq.end(1) if seq else 0))
        if place_slug is not None and (not rest or known is not None) and chunk.strip():
            # "Wali Kota Miri, Sarawak, Adam Yii …": places in apposition come before the name
            segments = [seg.strip() for seg in chunk.split(",") if seg.strip()]
            if place_tokens:
                segments = [" ".join(rest)] if rest else segments[1:]
            # "Hiroshi Tanaka, Wali Kota Osaka, Jepang": when only places follow, the
            # name comes before the title
            while segments and self._is_place(segments[0]):
                segments = segments[1:]
            rest = re.findall(r"[^\s,]+", segments[0]) if segments else []
        rest = _name_tokens(self._past_repeated_place(rest, place))
        # "Wali Kota Kuching Utara …": a compass word after the place is the place's own
        # ("Kuching North"), never the head's name
        while rest and rest[0].rstrip(",") in name_lexicon().compass:
            rest = rest[1:]
        if _no_name_after_title(rest, place_slug):
            return
        name = self._clean_name(" ".join(rest))
        name_tokens = [t for t in name.split() if t not in stop_words()]
        if name_tokens and name.split()[0] in stop_words():
            name_tokens = []
        if not name_tokens:
            # "Ridwan Kamil, the Mayor of Bandung" / "Bobby Nasution selaku Wali Kota Medan"
            found = self._name_before(text[: m.start()], place_slug)
            if found is None:
                return
            name_tokens, start, surface = found
        else:
            surface_start = text.find(rest[0], base) if rest else -1
            start = surface_start if surface_start >= 0 else m.end()
            surface = text[start : start + len(" ".join(rest))]
        name = " ".join(name_tokens)
        if len(name) < 3 or not self._person_like(name, lenient=place_slug is not None):
            return
        # "Mayor Van Zyl said …" after "Executive Mayor of Mossel Bay Pieter van Zyl": that
        # head, no head of ours
        known_head = self._head_elsewhere(name) if place_slug is None else None
        slug = known_head or self._person(name, self._clean_name(surface) or name)
        self._nickname(slug, surface, name_tokens)
        self.out.add(
            Mention(s.index, start, start + len(surface), surface, slug, "Person", relation)
        )
        if not known_head:
            # a place of None is resolved later against the document's home government
            self.out.roles.append(Role(slug, relation, place_slug or "", level, s.index))

    def _name_of_place(self, s: Sentence, m: re.Match[str], relation: str, level: str) -> bool:
        """ "Mayor Bima Arya of Bogor", "Governor Ganjar Pranowo of Central Java": in English
        the name may come between the title and its place (a town's name inside the
        person's, "Bima", is then part of the name)."""
        hit = _NAME_OF_PLACE.match(s.text, m.end())
        if hit is None:
            return False
        rec = self._place_for_level(hit.group("place"), level)
        if rec is None:
            # "the Regent Mayor Joune Ganda of North Minahasa": a loose title; the place
            # named is one of ours of another level, and its level is the head's
            other = self.gaz.lookup(hit.group("place"), LOCAL_GOVERNMENT_TYPES)
            if other is not None and other.country == HOME_COUNTRY:
                rec, level = other, other.type
        name = self._clean_name(hit.group("name"))
        if (
            rec is None
            or not self._person_like(name, lenient=True)
            or name.split()[0] in stop_words()
        ):
            return False
        slug = self._person(name, name)
        a = hit.start("name")
        self.out.add(
            Mention(s.index, a, hit.end("name"), hit.group("name"), slug, "Person", relation),
            override=True,
        )
        gov = self._entity_for_record(rec, hit.group("place"))
        self.out.roles.append(Role(slug, relation, gov, level, s.index))
        return True

    def _place_with_country(
        self, s: Sentence, chunk: str, level: str, base: int
    ) -> tuple[Record | None, str | None, int]:
        """ "Bupati Hamyang, Korea Selatan, Seo Chunsu": a name no list knows, then a
        country abroad, then the holder's name; the first is a government of the title's
        level in that country."""
        parts = [x.strip() for x in chunk.split(",")]
        if len(parts) < 3 or not re.fullmatch(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}}", parts[0]):
            return None, None, 0
        country = self.gaz.lookup(parts[1])
        if (
            country is None
            or country.type != "Country"
            or country.id == HOME_COUNTRY
            or parts[0].split()[0] in stop_words()
            or self.gaz.lookup(parts[0]) is not None
        ):
            return None, None, 0
        kind = "region" if level == "ProvincialGovernment" else "city"
        rec = foreign.record_for(
            foreign.Place(parts[0], country.id, kind), level, self.gaz, parts[0]
        )
        slug = self._entity_for_record(rec, parts[0])
        at = s.text.find(parts[0], base)
        if at >= 0:
            self.out.add(Mention(s.index, at, at + len(parts[0]), parts[0], slug, level))
        return rec, slug, len(parts[0].split())

    def _known_after_title(self, s: Sentence, m: re.Match[str]) -> Mention | None:
        """A government already found right after a title ("Walikota Tono City Kazuhiko
        Tada"); its mention may begin inside the title ("Wali Kota Hluboka …")."""
        lead = re.match(r"\s*(?:of\s+(?:the\s+)?)?", s.text[m.end() :])
        at = m.end() + (lead.end() if lead else 0)
        return next(
            (
                x
                for x in self.out.in_sentence(s.index)
                if m.start() <= x.start <= at < x.end and x.type in LOCAL_GOVERNMENT_TYPES
            ),
            None,
        )

    def _roster_item(self, s: Sentence) -> None:
        """ "The following mayors …:" then "• Ibnu Sina, S.Pi, M.Si, Banjarmasin City": each
        item of a list of heads names a person and, last, the government it heads."""
        item = BULLET.match(s.text)  # a list item ("• Ibnu Sina, …", "1. …")
        if item is None:
            self.roster = bool(_ROSTER_INTRO.search(s.text))
            return
        if not self.roster:
            return
        parts = [p.strip() for p in s.text[item.end() :].split(",") if p.strip()]
        if len(parts) < 2:
            return
        place = self.gaz.lookup(parts[-1].rstrip("."), LOCAL_GOVERNMENT_TYPES)
        name = self._clean_name(parts[0])
        # one name alone only after a title of address ("Ir. H. Asrun")
        single = len(name.split()) == 1 and name != parts[0].strip() and len(name) >= 4
        if place is None or place.country != HOME_COUNTRY or not (len(name.split()) > 1 or single):
            return
        if not self._person_like(name) or any(t in stop_words() for t in name.split()):
            return
        at = s.text.find(parts[0])
        slug = self._person(name, name)
        self.out.add(Mention(s.index, at, at + len(parts[0]), parts[0], slug, "Person", "headOf"))
        gov = self._entity_for_record(place, parts[-1])
        a = s.text.rfind(parts[-1])
        self.out.add(Mention(s.index, a, a + len(parts[-1]), parts[-1], gov, place.type))
        self.out.roles.append(Role(slug, "headOf", gov, place.type, s.index))

    def _nickname(self, slug: str, surface: str, name_tokens: list[str]) -> None:
        """'Moh. Ramdhan "Danny" Pomanto' is also "Danny Pomanto", and "Danny" alone."""
        nick = _NICKNAME.search(surface)
        if nick and len(name_tokens) > 1:
            self.out.entities[slug].aliases.add(f"{nick.group(1)} {name_tokens[-1]}")
            self.person_alias.setdefault(key(nick.group(1)), slug)

    def _past_repeated_place(self, tokens: list[str], place: Record | None) -> list[str]:
        """The name's tokens past the title's place repeated ("the Mayor of Bandung,
        Bandung Ridwan Kamil"); another town's name is part of the person's ("Wali Kota
        Bogor Bima Arya")."""
        while tokens and place is not None:
            again = self.gaz.lookup(tokens[0].rstrip("."))
            if again is None or again.id != place.id:
                break
            tokens = tokens[1:]
        return tokens

    def _place_after(
        self, s: Sentence, tokens: list[str], level: str, base: int
    ) -> tuple[Record | None, str | None, int]:
        """The government a title names after it ("Wali Kota Jambi …"), its slug and
        how many of ``tokens`` name it."""
        if tokens and name_patterns().honorific.match(tokens[0] + " "):
            return None, None, 0  # "its mayor, Drs H Sumastro": a title, not a place
        head = 0
        while head < min(len(tokens) - 1, 2) and tokens[head] in _region_words():
            head += 1  # "Gubernur Prefektur Shizuoka Heita Kawakatsu": the place after it
        if head:
            rec, slug, k = self._place_after(s, tokens[head:], level, base)
            if rec is not None:
                return rec, slug, k + head
        for k in range(min(len(tokens), 4), 0, -1):
            name = " ".join(tokens[:k]).rstrip(".,")
            rec = self._place_for_level(name, level) or self._abroad_named_before(name)
            if rec is None:
                continue
            title = _OUR_TITLE_BEFORE.search(s.text, max(0, base - 20), base)
            if (
                rec.id not in self.gaz.records
                and title is not None
                # "Penjabat Wali Kota, George mengaku …": after our title and a comma, a name
                and (
                    title.group("comma") is not None
                    or (
                        k == 1
                        and len(tokens) > 1
                        # an English title comes after its place ("Geelong Mayor …"):
                        # before a name, it is followed by the name ("Lord Mayor Thomas
                        # Reinhold"), though the text names a country with a Thomas
                        and (
                            _ENGLISH_TITLE.match(title.group(0)) is not None
                            or (
                                rec.country not in self.doc_countries
                                and tokens[0] in name_lexicon().given_names_abroad
                            )
                        )
                    )
                )
            ):
                # "Gubernur Ahmad Luthfi": after one of our titles, a given name that a
                # large town abroad shares, in a country the text never names, with more
                # of a name after it, opens the person's name
                continue
            surface = " ".join(tokens[:k]).rstrip(".")  # "… Wali Kota Medan." ends a sentence
            idx = s.text.find(surface, base)
            slug = self._entity_for_record(rec, None)
            if idx >= 0:
                self.out.add(Mention(s.index, idx, idx + len(surface), surface, slug, rec.type))
            # "Walikota Tono City Kazuhiko Tada": a context word after the place is no name
            while k < len(tokens) and tokens[k].rstrip(".,") in name_lexicon().context_starts:
                k += 1
            return rec, slug, k
        return None, None, 0

    def _head_elsewhere(self, name: str) -> str | None:
        """A head named before with a government of their own, whom a title without a place
        names again by the end of the name ("Mayor Van Zyl"), if any."""
        folded = name.casefold()
        for role in self.out.roles:
            if not role.government:
                continue
            ent = self.out.entities.get(role.person)
            full = next(iter(ent.labels.values()), "") if ent else ""
            if full.casefold() != folded and full.casefold().endswith(" " + folded):
                return role.person
        return None

    def _abroad_named_before(self, name: str) -> Record | None:
        """A government abroad the text named earlier, no list knowing it ("Pemerintah
        Provinsi Sandaun, Papua Nugini" … "Gubernur Sandaun, Tony Wapi")."""
        for slug, ent in self.out.entities.items():
            rec = self.out.records.get(slug)
            if (
                rec is not None
                and ent.type in LOCAL_GOVERNMENT_TYPES
                and ent.country not in (None, HOME_COUNTRY)
                and name in ent.labels.values()
            ):
                return rec
        return None

    def _role_place(
        self,
        s: Sentence,
        m: re.Match[str],
        level: str,
        known: Mention | None,
        tokens: list[str],
        chunk: str,
        base: int,
    ) -> tuple[Record | None, str | None, int] | None:
        """The government a title names, its slug and how many name tokens name it (a
        None slug: the document's home government); None when the title is no head of
        ours and names no place abroad the lists know."""
        # before the title (English "the Pontianak mayor, Edi Rusdi Kamtono"), found right
        # after it, or read from the words after it
        place, place_slug = self._place_before(s, m, level)
        if place_slug is None:
            place, place_slug = self._found_before(s, m)
        place_tokens = 0
        if place is None and place_slug is None:
            if known is not None:
                place = self.out.records.get(known.slug) or self.gaz.lookup(known.surface)
                place_slug = known.slug
            else:
                place, place_slug, place_tokens = self._place_after(s, tokens, level, base)
        if place_slug is None:
            place, place_slug, place_tokens = self._place_with_country(s, chunk, level, base)
        if place_slug is None and known is None and tokens:
            place, place_slug, place_tokens = self._misspelt_place(s, tokens[0])
        if place_slug is None and _NAMED_BEFORE.search(s.text[: m.start()]):
            return None  # "Gold Coast Mayor Tom Tate": a place no list knows, not ours
        if name_patterns().abroad_role.fullmatch(m.group(0)):
            # "Sarawak Premier …": a title only heads abroad hold, never one of ours
            if place_slug is None:
                place, place_slug = self._region_before(s, m, level)
            if place_slug is None:
                place, place_slug = self._one_abroad(s, m, level)
            if place_slug is None or self.out.entities[place_slug].country == HOME_COUNTRY:
                return None
        return place, place_slug, place_tokens

    def _misspelt_place(self, s: Sentence, token: str) -> tuple[Record | None, str | None, int]:
        """ "Governor Gyeongsangbuk-Di Kim Kwan Yong", "Walikota Palambang, Harnojoyo": a
        long word after a title that is a misspelling of a government the text names (the
        gazetteer's or one abroad) is that government."""
        if len(token) < 8 or not token[0].isupper():
            return None, None, 0
        folded = key(token)
        # ours named later in the sentence are not read yet: the gazetteer's finds
        for hit in self.gaz.find(s.text):
            rec = hit.record
            if rec.type in LOCAL_GOVERNMENT_TYPES and rec.country == HOME_COUNTRY:
                name = re.sub(r"^(?:kota|kabupaten|provinsi)\s+", "", key(hit.surface))
                if name != folded and _near_spelling(name, folded):
                    return rec, self._entity_for_record(rec, hit.surface), 1
        for slug, ent in self.out.entities.items():
            if ent.type not in LOCAL_GOVERNMENT_TYPES or ent.country is None:
                continue
            for label in ent.labels.values():
                # "Walikota Palambang, Harnojoyo": ours named with its level's word
                name = re.sub(r"^(?:kota|kabupaten|provinsi)\s+", "", key(label))
                if _near_spelling(name, folded):
                    return self.out.records.get(slug), slug, 1
        return None, None, 0

    def _one_abroad(
        self, s: Sentence, m: re.Match[str], level: str
    ) -> tuple[Record | None, str | None]:
        """ "… dengan Lord Mayor Sharon Sullivan di Gedung Town Hall kota Liverpool": a title
        only heads abroad hold, with no place of its own, is of the government abroad of its
        level that the sentence names nearest to it."""
        found: list[tuple[int, Record | None, str, str]] = [
            (abs(x.start - m.end()), self.out.records.get(x.slug), x.surface, x.slug)
            for x in self.out.in_sentence(s.index)
            if x.type == level and self.out.entities[x.slug].country not in (None, HOME_COUNTRY)
        ]
        for hit in self.gaz.find(s.text):  # the gazetteer's places are added after roles
            if hit.record.type == level and hit.record.country not in (None, HOME_COUNTRY):
                found.append((abs(hit.start - m.end()), hit.record, hit.surface, ""))
        if not found:
            # "Lord Mayor Claire Hendry welcomed 14 guests from the City of Ambon", the
            # sentence naming none: the one the text has named most often so far (not when
            # an acronym follows the title: "Wakil Datuk Bandar DBKU" names its own)
            after = s.text[m.end() :].split()[:1]
            if after and re.fullmatch(r"[A-Z]{2,}\W*", after[0]):
                return None, None
            return None, self._most_named_abroad(s, level)
        _, rec, surface, slug = min(found, key=lambda f: f[0])
        if rec is None:
            return None, slug
        return rec, self._entity_for_record(rec, surface)

    def _most_named_abroad(self, s: Sentence, level: str) -> str | None:
        counts: dict[str, int] = {}
        for index, ms in self.out.by_sentence.items():
            if index >= s.index:
                continue
            for x in ms:
                if x.type == level and self.out.entities[x.slug].country not in (
                    None,
                    HOME_COUNTRY,
                ):
                    counts[x.slug] = counts.get(x.slug, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def _found_before(self, s: Sentence, m: re.Match[str]) -> tuple[Record | None, str | None]:
        """ "Fremantle Mayor Hannah …": a government abroad already found (by its context)
        right before the title."""
        before = re.sub(
            r"(?:['’]s)?(?:\s+(?:lord|executive|acting))*\s*$", "", s.text[: m.start()], flags=re.I
        )
        for x in self.out.in_sentence(s.index):
            if (
                x.end == len(before)
                and x.type in LOCAL_GOVERNMENT_TYPES
                and not x.qualifier
                and self.out.entities[x.slug].country not in (None, HOME_COUNTRY)
            ):
                return self.out.records.get(x.slug), x.slug
        return None, None

    def _region_before(
        self, s: Sentence, m: re.Match[str], level: str
    ) -> tuple[Record | None, str | None]:
        """ "Sarawak Premier": a region abroad named by one word right before the title."""
        word = re.search(
            r"([A-Z][\w'’-]+)(?:['’]s)?\s+$", s.text[max(0, m.start() - 40) : m.start()]
        )
        if word is None:
            return None, None
        regions = [
            p
            for p in foreign.world_places().lookup(word.group(1))
            if p.kind == "region" and p.country != HOME_COUNTRY
        ]
        if not regions:
            return None, None
        rec = foreign.record_for(regions[0], level, self.gaz, word.group(1))
        return rec, self._entity_for_record(rec, word.group(1))

    def _place_before(
        self, s: Sentence, m: re.Match[str], level: str | None = None
    ) -> tuple[Record | None, str | None]:
        """English "Bandung Mayor Ridwan Kamil", "Mossel Bay's executive mayor …": the
        government named right before the title."""
        before = re.sub(
            r"(?:['’]s)?(?:\s+(?:executive|acting|lord|the))*$",
            "",
            s.text[: m.start()].rstrip(),
            flags=re.I,
        )
        for hit in reversed(self.gaz.find(before)):
            if hit.end == len(before) and hit.record.type in LOCAL_GOVERNMENT_TYPES:
                found = hit.record
                if level and found.type != level and found.country == HOME_COUNTRY:
                    # "Bogor district head", "Bandung Regent": ours of the title's level
                    found = self._place_for_level(hit.surface, level) or found
                return found, self._entity_for_record(found, hit.surface)
            break
        for fm in self.out.in_sentence(s.index):  # a foreign government ("Fremantle Mayor")
            if fm.end == len(before) and fm.type in LOCAL_GOVERNMENT_TYPES:
                return self.out.records.get(fm.slug), fm.slug
        # a name shared by a city and its province ("Jambi Mayor …"): the title's level
        bare = re.search(r"(?<![\w'’-])([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})$", before)
        if bare and level and bare.group(1).split()[0] not in stop_words():
            rec = self._place_for_level(bare.group(1), level)
            # ours by a name it shares with its province ("Jambi Mayor"), or a town abroad
            # the world table knows ("Gold Coast Mayor Tom Tate")
            if rec is not None:
                slug = self._entity_for_record(rec, bare.group(1))
                a = bare.start(1)
                self.out.add(
                    Mention(s.index, a, a + len(bare.group(1)), bare.group(1), slug, rec.type)
                )
                return rec, slug
        return None, None

    def _name_before(
        self, before: str, place_slug: str | None
    ) -> tuple[list[str], int, str] | None:
        """A person named before the title ("Bobby Nasution selaku Wali Kota Medan")."""
        link = r"(?:,\s*(?:the\s+|selaku\s+|sebagai\s+)?|\s+(?:selaku|sebagai|menjadi|became)\s+)$"
        # "H.M. Rizal Effendi, SE, Mayor of …": degrees between the name and the title
        tail = re.search(link, before)
        if tail is not None:
            kept = name_patterns().degree_tail.sub("", before[: tail.start()])
            before = kept + before[tail.start() :]
        prev = re.search(rf"((?:{NAME_TOKEN})(?:\s+{NAME_TOKEN}){{1,4}}){link}", before)
        if prev is None:
            # an initial and one name: "B.Burhanuddin selaku walikota", "T. Rustam, Bupati"
            prev = re.search(rf"(?<![\w.])((?:[A-Z]\.\s?){{1,2}}{NAME_TOKEN}){link}", before)
            if prev is not None:
                # "H.Darlis" is "H. Darlis": a title of address, then cleaned off
                spaced = self._clean_name(re.sub(r"\.(?=[A-Z])", ". ", prev.group(1)))
                in_capacity = re.search(r"(?:selaku|sebagai)\s+$", before)
                if (place_slug or in_capacity) and self._person_like(spaced, lenient=True):
                    return spaced.split(), prev.start(1), prev.group(1)
                return None
        if prev is None:
            # one name after a title of address: "ketika Drs. Jufri menjadi Walikota …"
            hon = name_patterns().hon_alt
            prev = re.search(rf"(?:\b(?:{hon})\.?\s+)({NAME_TOKEN}){link}", before)
        # without a place, only "X selaku/sebagai wali kota": in that capacity, of the
        # article's own government; a bare ", the mayor" may be anyone's
        capacity = prev is not None and re.search(r"(?:selaku|sebagai)\s+$", before)
        if prev is None:
            return None
        # "Menurut Ahmad Luthfi, Gubernur …": a function word opening the sentence is no
        # part of the name (elsewhere it tells a body's name: "Badan Pengelola …, Bupati")
        name, start = prev.group(1), prev.start(1)
        opening = not before[:start].strip(" \t\"'“‘(")
        while opening and (first := name.split(" ", 1))[0] in stop_words() and len(first) > 1:
            start += len(first[0]) + len(first[1]) - len(first[1].lstrip()) + 1
            name = first[1].lstrip()
        if len(name.split()) < 2 and prev.group(1).split()[0] in stop_words():
            return None
        if not ((place_slug or capacity) and self._person_like(name, lenient=bool(place_slug))):
            return None
        longer = re.search(r"(?<![\w.])([A-Z][\w'’-]{2,})\s+$", before[:start])
        if longer and longer.group(1) not in stop_words() | _HONORIFIC_WORDS:
            return None  # "Jaksa Agung Muda Tindak Pidana Umum, Gubernur …": an office
        return self._clean_name(name).split(), start, name

    def _person_like(self, name: str, lenient: bool = False) -> bool:
        """A name before a role ("Bobby Nasution selaku Wali Kota Medan") is a person's
        only when none of its words is a function, role or office word and it is not a
        place ("Dearborn, Michigan"; "Bupati Tapanuli Utara, Bupati …"). ``lenient``:
        the title's place is already named ("Bogor Mayor Bima Arya"), so one word that
        is also a town's name may be part of the person's."""
        tokens = name.split()
        if any(t.rstrip(".") in stop_words() for t in tokens):
            return False
        regions = name_lexicon().world_regions
        if name.lower().removeprefix("se-") in regions or tokens[0].lower() in regions:
            return False  # "Forum Wali Kota Asia Pasifik": a world region, no one's name
        if re.search(rf"\b(?:{name_patterns().org_tails}|{name_patterns().prog_tails})\b", name):
            return False  # "Solid Waste Networking": a body's or a programme's name
        places = [t for t in tokens if self.gaz.lookup(t)]
        if self.gaz.lookup(name) is not None or (
            places and not (lenient and len(places) < len(tokens))
        ):
            return False
        return not foreign.world_places().lookup(name)

    def _unknown_names(self, s: Sentence) -> None:
        text = s.text
        lex = name_patterns()
        if not lex.any_head.search(text) and not self.local_alias:
            return
        name_seq = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,4}}"
        for head, level in lex.gov_heads:
            # "Forum Kota-Kota Perbatasan": a plural (reduplicated) head names no one town
            for m in re.finditer(rf"(?<![\w-]){head}\s+({name_seq})", text):
                name = m.group(1)
                name = re.split(r"\s+(?:dan|and|serta|yang)\b", name)[0]
                # "Kabupaten Tubaba Drs. Sujatmiko": a title of address starts a person; the
                # scraper may have run it into the name ("Kabupaten TubabaDrs. Sujatmiko")
                name = re.split(rf"\s+(?:{lex.hon_alt})\.?(?=\s|$)", name)[0]
                name = re.split(rf"(?<=[a-z])(?:{lex.hon_alt})\.?(?=\s|$)", name)[0]
                first = name.split()[0]
                if (
                    first in stop_words()
                    or first in name_lexicon().not_place_words
                    or re.search(r"\bIbu\s+$", text[: m.start()])
                ):
                    continue  # "Ibu Kota Negara" is the capital, not a town named Negara
                rec = (
                    self._named_so_abroad(f"{head} {name}", level)
                    or self._place_for_level(name, level)
                    or self._abroad_only(name, level)
                )
                if rec is None:
                    # "Kota Jambi Yon Heri Saputra": a known place, then a person's name
                    name, rec = self._known_start(name, level)
                full = f"{head} {name}"
                if rec is not None:
                    slug = self._entity_for_record(rec, full)
                    self.out.add(
                        Mention(s.index, m.start(), m.start() + len(full), full, slug, rec.type)
                    )
                    continue
                if self._epithet(s, m.start(), head):
                    continue  # "Ternate sebagai Kota Rempah": a nickname, no town of its own
                label = {
                    "CityGovernment": "Kota",
                    "RegencyGovernment": "Kabupaten",
                    "ProvincialGovernment": "Provinsi",
                }[level] + f" {name}"
                end = m.start() + len(full)
                if any(x.start < end and m.start() < x.end for x in self.out.in_sentence(s.index)):
                    continue  # a part of a name already read
                slug = self._local_entity(label, level, full)
                if self.out.entities[slug].country is None:
                    # neither in the gazetteer nor a place of the world table: a
                    # "Pemko X" the Indonesian lists lack (a new or misspelt region) is
                    # taken as Indonesian, never as a foreign partner
                    self.out.entities[slug].country = HOME_COUNTRY
                self.out.add(Mention(s.index, m.start(), m.start() + len(full), full, slug, level))
        # a headline in title case: where an unknown name ends is unknowable
        if not capitalised_throughout(text):
            self._unknown_bodies(s)
        self._local_aliases(s)

    def _epithet(self, s: Sentence, at: int, head: str) -> bool:
        """Whether an unknown "Kota …" at ``at`` is a town's nickname: quoted, after an
        epithet's word ("sebagai Kota Rempah") or right after a town of ours named bare
        ("Bengkulu Kota Pesisir Tangguh")."""
        if head not in _level_words():
            return False
        if name_lexicon().epithet_before.search(s.text, max(0, at - 30), at):
            return True
        return any(
            x.end <= at
            and not s.text[x.end : at].strip()
            and self.out.entities[x.slug].country == HOME_COUNTRY
            for x in self.out.in_sentence(s.index)
        )

    def _unknown_bodies(self, s: Sentence) -> None:
        """Organisations and programmes named by a head or tail word, not in the lexicon."""
        text, lex = s.text, name_patterns()
        name_seq = rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,4}}"
        org_heads, org_tails, prog_tails = lex.org_heads, lex.org_tails, lex.prog_tails
        for m in re.finditer(rf"\b(?:{org_heads})\s+{name_seq}", text):
            self._add_local(s, m.start(), m.group(0), "Organization")
        # "Asian Center for Low Carbon …", not "… Civic Centre on Friday"
        tail_of = rf"(?:\s+(?:for|of|on)\s+(?!(?i:{weekdays()})\b){name_seq})?"
        for m in re.finditer(rf"\b{name_seq}\s+(?:{org_tails})\b{tail_of}", text):
            self._add_local(s, m.start(), m.group(0), "Organization")
        # "Dutch Training and Exposure Program": a programme's name may join two parts
        joined = rf"\b{name_seq}\s+(?:and|&|dan)\s+{name_seq}\s+(?:{prog_tails})\b"
        spans = []
        for m in re.finditer(joined, text):
            self._add_local(s, m.start(), m.group(0), "Programme", joined=True)
            spans.append((m.start(), m.end()))
        # "Training Program For Regional Leader": a title-case tail names the programme too
        prog_of = rf"(?:\s+(?:For|Of|On|for|of|on)\s+{name_seq})?"
        for m in re.finditer(rf"\b{name_seq}\s+(?:{prog_tails})\b{prog_of}", text):
            if not any(a <= m.start() < b for a, b in spans):
                self._add_local(s, m.start(), m.group(0), "Programme")
        self._acronym_programmes(s)

    def _initialled_names(self, s: Sentence) -> None:
        """ "Jaringan Kota Pusaka Indonesia (JKPI)", "Climate Resilient and Inclusive Cities
        (CRIC)": a name its initials in brackets define is a body or a programme, when a
        word of it says which; its acronym becomes one of its names."""
        text = s.text
        if "(" not in text or capitalised_throughout(text):
            return  # no brackets; or a headline in title case, where names cannot be told
        rx = patterns()
        for acr in BRACKET_ACRONYM.finditer(text):
            letters = acr.group(1)
            if sum(c.isupper() for c in letters) < 2 or not 2 <= len(letters) <= 8:
                continue
            words = text[: acr.start()].split()[-(len(letters) + 4) :]
            name = _initialled(words, letters)
            if name is None or self.gaz.lookup(name) is not None:
                continue
            if rx["acronym_venue_words"].search(name):
                continue
            if rx["post_words"].match(name):
                continue  # "Member of the Executive Council (MEC)": a post, not a body
            start = text.rfind(name, 0, acr.start())
            if start < 0:
                continue
            if rx["acronym_programme_words"].search(name) or _AMONG_PROGRAMMES.search(
                text, 0, start
            ):
                type_ = "Programme"
            elif rx["acronym_body_words"].search(name):
                international = rx["acronym_international_words"].search(name)
                type_ = "InternationalOrganization" if international else "Organization"
            else:
                continue
            self._add_local(s, start, name, type_, joined=True)

    def _acronym_programmes(self, s: Sentence) -> None:
        """ "Program JENESYS (Japan-East Asia Network of Exchange …)": a programme named by
        its acronym after a head word, its long name (if given) in brackets."""
        for m in _programme_acronym().finditer(s.text):
            acronym, long_name = m.group(1), m.group(2)
            if self.gaz.lookup(acronym) is not None:
                continue  # a programme the lexicon knows ("Program SCP")
            slug = self._local_entity(acronym, "Programme", m.group(0).split("(")[0].strip())
            ent = self.out.entities[slug]
            if ent.type != "Programme":
                continue
            ent.aliases.add(acronym)
            if long_name:
                ent.aliases.add(long_name.strip())
            # the long name's places are the programme's words, not mentions of their own
            self.out.add(
                Mention(s.index, m.start(), m.end(), m.group(0), slug, "Programme"), override=True
            )

    def _local_aliases(self, s: Sentence) -> None:
        """Acronyms in brackets after a local name: "Perumdam Tirta Mayang (PTM)"."""
        text = s.text
        for folded, (slug, type_) in list(self.local_alias.items()):
            ent = self.out.entities[slug]
            for alias in list(ent.aliases):
                for a, b in _word_spans(text, alias):
                    self.out.add(Mention(s.index, a, b, alias, slug, type_))
            del folded

    def _known_start(self, name: str, level: str) -> tuple[str, Record | None]:
        """The longest run of a name's first words that is a known place of the level, with
        its record; else the name as it is, with None."""
        tokens = name.split()
        for n in range(len(tokens) - 1, 0, -1):
            start = " ".join(tokens[:n])
            rec = self._place_for_level(start, level)
            if rec is not None:
                return start, rec
        return name, None

    def _named_so_abroad(self, name: str, level: str) -> Record | None:
        """ "Kota Kinabalu": a place abroad whose own name begins with the head word."""
        return None if self.gaz.lookup(name) else self._abroad_only(name, level)

    def _abroad_only(self, name: str, level: str) -> Record | None:
        """ "Kota Fremantle": a name after a government head word that the Indonesian lists
        (complete) lack and the world table knows only abroad is that place, its largest."""
        found = foreign.world_places().lookup(name)
        if not found or any(p.country == HOME_COUNTRY for p in found):
            return None
        place = max(found, key=lambda p: p.population)
        return foreign.record_for(place, level, self.gaz, name)

    def _add_local(
        self, s: Sentence, start: int, surface: str, type_: str, joined: bool = False
    ) -> None:
        cut = r"\s+(?:yang|untuk|di|ke)\s" if joined else r"\s+(?:dan|and|serta|yang|untuk|di|ke)\s"
        surface = re.split(cut, surface)[0].strip()
        # "University of Western Australia's Adjunct Professor …": the possessive ends it
        surface = re.split(r"(?<=\w)['’]s\b", surface)[0].strip()
        # "European Union-funded GCoM Asia Programme": who funds it is no part of its name
        funded = re.search(r"\S+-(?:funded|backed|supported|sponsored|led|based)\s+", surface)
        if funded:
            start += funded.end()
            surface = surface[funded.end() :]
        # "APPSI (Indonesian Provincial Government Association)": the long name of a body
        # the lexicon knows by its acronym, right before the bracket
        before = re.search(r"([A-Z][\w&-]{1,11})\s*\(\s*$", s.text[:start])
        if before and self.gaz.lookup(before.group(1)) is not None:
            return
        words = surface.split()
        # "Dinas DPMPTSP Yon Heri": an office's acronym, then the name of its head
        for i, word in enumerate(words[1:-1], start=1):
            rest = words[i + 1 :]
            if (
                len(word) >= 3
                and word.isupper()
                and all(w[:1].isupper() and not w.isupper() and w not in stop_words() for w in rest)
                and self.gaz.lookup(" ".join(rest)) is None
            ):
                words = words[: i + 1]
                break
        # sentence-opening words go ("Sementara Dinas …"); the organisation's own head
        # word stays ("Badan Nasional Penanggulangan Bencana", "Dinas Pariwisata …")
        while words and words[0] in stop_words() and not _org_head().fullmatch(words[0]):
            start += len(words[0]) + 1
            words = words[1:]
        if words and name_patterns().any_role.fullmatch(" ".join(words[1:])):
            return  # "Rumah Dinas Wali Kota": an official residence, no body
        words = self._cut_after_government(words)
        if len(words) < 2:
            return
        surface = " ".join(words)
        rec = self.gaz.lookup(surface)
        if rec is not None:
            return
        known = self.gaz.lookup(" ".join(words[:-1])) if len(words) > 2 else None
        if known is not None and known.type in ("InternationalOrganization", "Programme"):
            return  # "UCLG ASPAC Council": an organ of a body the lexicon knows is that body
        council = self._council_of_known(words) if type_ == "Organization" else None
        if council is not None:
            # "Gimcheon City Council": a partner the lexicon knows, by its government's form
            end = start + len(surface)
            slug = self._entity_for_record(council, surface)
            self.out.add(Mention(s.index, start, end, surface, slug, council.type), override=True)
            return
        if type_ == "Organization" and _international_body(surface):
            type_ = "InternationalOrganization"  # "World e-Governments Organization"
        slug = self._local_entity(surface, type_, surface)
        ent = self.out.entities[slug]
        end = start + len(surface)
        if ent.country is None and ent.type == "Organization":
            ent.country = self._country_in_name(surface) or self._country_after(s.text, end)
        # "Seattle-Surabaya Sister City Association": the governments and the tie in a
        # body's name stay readable (the name pairs them); the body's mention is its tail
        inner = any(
            start <= x.start and x.end <= end and x.type in LOCAL_GOVERNMENT_TYPES
            for x in self.out.in_sentence(s.index)
        )
        if inner and type_ == "Organization" and re.search(r"(?i)\bsister|\btwin", surface):
            start = end - len(words[-1])
        self.out.add(Mention(s.index, start, end, s.text[start:end], slug, type_), override=True)
        # "Korea Water Resources Corporation (K-water)": the acronym defined in brackets
        # names the body too, here and later in the text (when the body is what the name
        # was read as: "Sibu Municipal Council (SMC)" is a government)
        acronym = BRACKET_ACRONYM.match(s.text, end)
        held = any(x.slug == slug for x in self.out.in_sentence(s.index))
        if acronym and held and self.gaz.lookup(acronym.group(1)) is None:
            ent.aliases.add(acronym.group(1))

    def _council_of_known(self, words: list[str]) -> Record | None:
        """The government abroad the lexicon knows that a name of its own form names
        ("Braunschweig City Council", "Gimcheon City Government")."""
        joined = " ".join(words)
        for form in relations_lexicon()["government_forms_after"]:
            if not joined.endswith(f" {form}") or " " not in form:
                continue
            rec = self.gaz.lookup(joined[: -len(form) - 1])
            if (
                rec is not None
                and rec.type in LOCAL_GOVERNMENT_TYPES
                and rec.country not in (None, HOME_COUNTRY)
            ):
                return rec
        return None

    def _cut_after_government(self, words: list[str]) -> list[str]:
        """ "Dinas Pariwisata Kota Jambi Yon Heri": an office's name ends with the government
        it belongs to; the capitalised words after it name its head, not the office."""
        if words and re.fullmatch(name_patterns().org_tails, words[-1]):
            return words  # "Seattle-Surabaya Sister City Association": it ends as a body
        joined = " ".join(words)
        for m in self.gaz.find(joined):
            if m.record.type not in LOCAL_GOVERNMENT_TYPES or not 0 < m.start < m.end < len(joined):
                continue
            rest = joined[m.end :].split()
            if len(rest) >= 2 and self.gaz.lookup(" ".join(rest)) is None:
                return joined[: m.end].split()
        return words

    def _country_after(self, text: str, end: int) -> str | None:
        """ "Future Cities Laboratory (FCL) Singapura", "Kyushu University, Japan", "the
        University of Twente in the Netherlands": the country named right after a body,
        past its acronym in brackets, is its country."""
        gap = re.match(
            r"(?:\s*\([A-Z][\w&-]{1,11}\))?\s*(?:,\s*|(?:in|di)\s+)?(?:the\s+)?", text[end:]
        )
        at = end + (gap.end() if gap else 0)
        for m in self.gaz.find(text[at : at + 40]):
            if m.start == 0 and m.record.type == "Country" and m.record.id != HOME_COUNTRY:
                return m.record.id
            break
        return None

    def _country_in_name(self, name: str) -> str | None:
        """The country an organisation's name carries ("Temasek Polytechnic Singapore",
        "Universitas Malaya Malaysia", "Kyoto University"): a country or a foreign place
        in it."""
        for m in self.gaz.find(name):
            rec = m.record
            if rec.type == "Country":
                return rec.id
            if rec.type in LOCAL_GOVERNMENT_TYPES and rec.country:
                return rec.country
        # "University of Melbourne", "Osaka Institute": a large city abroad the lexicon
        # lacks, named by the rest of the body's name
        heads, tails = name_patterns().org_heads, name_patterns().org_tails
        rest = re.sub(rf"^(?:{heads})\s+|\s+(?:{tails})$", "", name)
        if rest != name and " " not in rest:
            found = foreign.world_places().lookup(rest)
            if found and all(p.country != HOME_COUNTRY for p in found):
                place = max(found, key=lambda p: p.population)
                if place.population >= 100_000:
                    return place.country
        return None

    def _people_short_forms(self, s: Sentence) -> None:
        if not self.person_alias:
            return
        for alias, slug in self.person_alias.items():
            for a, b in _word_spans(s.text, alias, ignore_case=True):
                surface = s.text[a:b]
                if not surface[:1].isupper():
                    continue
                # a person's full name holds a town's ("Bima Arya"): the person wins
                self.out.add(Mention(s.index, a, b, surface, slug, "Person"), override=" " in alias)
                self.out.entities[slug].aliases.add(surface)

    def _paired_places(self, s: Sentence) -> None:
        """ "Yogyakarta and Kyoto … sister provinces": a name a city and its province share,
        paired by a twinning word, is the government of the tie's level."""
        pairs: list[tuple[re.Match[str], bool, tuple[str, ...]]] = [
            (m, region, ("first", "second")) for m, region in foreign.twinned_pairs(s.text)
        ]
        # "Yogyakarta punya sister province dengan Kyoto": the tie's holder named bare
        pairs += [(m, region, ("first",)) for m, region in foreign.tie_subjects(s.text)]
        for m, region, groups in pairs:
            level = "ProvincialGovernment" if region else "CityGovernment"
            for group in groups:
                name = m.group(group)
                a = m.start(group)
                if any(
                    x.start < a + len(name) and a < x.end for x in self.out.in_sentence(s.index)
                ):
                    continue
                rec = self._place_for_level(name, level)
                if rec is None or rec.country != HOME_COUNTRY:
                    continue
                slug = self._entity_for_record(rec, name)
                self.out.add(Mention(s.index, a, a + len(name), name, slug, rec.type))

    def _quoted_programmes(self, s: Sentence) -> None:
        """A quoted name after a programme word: 'program "Hospital Improvement for …"'; or
        a name it is called by: "a programme called Kota Tangguh" (not a course's title:
        "pelatihan SCP bertajuk …" names what the course is on)."""
        words = patterns()["programme_before_quote"]
        low = s.text.lower()
        found = (
            [(m, m.group(1)) for m in _called().finditer(s.text)]
            if any(w in low for w in list_hints("called"))
            else []
        )
        if '"' in s.text:
            found += [(m, m.group(1)) for m in re.finditer(r"\"([A-Z][^\"]{2,80})\"", s.text)]
        for m, quoted in found:
            before = s.text[max(0, m.start() - 40) : m.start()].split()[-2:]
            if not any(words.fullmatch(w.strip(",.(")) for w in before):
                continue
            name = quoted.strip()
            if self.gaz.lookup(name) is not None:
                continue
            slug = self._local_entity(name, "Programme", name)
            self.out.add(
                Mention(s.index, m.start(1), m.start(1) + len(name), name, slug, "Programme"),
                override=True,
            )

    def _policies(self, s: Sentence) -> None:
        for m in name_patterns().policy.finditer(s.text):
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


@cache
def _called() -> re.Pattern[str]:
    """A programme's name after the word it is called by ("a programme called Kota
    Tangguh")."""
    return re.compile(
        rf"(?i:{patterns()['called'].pattern})\s+"
        r"([A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|dan|untuk)\s+)?[A-Z][\w'’-]*){0,5})"
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
    finder.bare_names(sentences)
    finder.repeated_foreign_names(sentences)
    merge(finder.out, doc_level_merges(finder.out))
    mark_qualifiers(finder.out, sentences)
    return finder.out
