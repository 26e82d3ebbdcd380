"""The words that tell names from other words: the lexicon of titles, heads and
degrees (``relations.yaml``), the stop words and place heads (``names.yaml``), and
whether a place is the tail of a longer proper name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.extract.dates import months
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES
from graph.extract.lexicon import relations_lexicon
from graph.resources import load_yaml

NAME_TOKEN = (
    r"(?:[A-Z][\w'’-]*|[A-Z]{2,}"
    # name particles before a capitalised name or another particle ("Bas van den Tillaar")
    r"|\b(?:bin|binti|van|von|de|der|den|da|al|el|la)(?=\s+(?:[A-Z]|(?:der|den|la)\s+[A-Z])))"
)


@dataclass(frozen=True)
class NameLexicon:
    """Name-finding data of ``names.yaml``."""

    stop: frozenset[str]
    place_heads: frozenset[str]
    not_place_words: frozenset[str]
    prefix_block: re.Pattern[str]
    suffix_block: re.Pattern[str]  # "Kendal Dukuh Atas Tunnel": a venue named after a place
    venue_before_role: re.Pattern[str]
    head_list: str  # alternation: "led by … mayors" before a list of heads' names
    head_list_intro: str  # alternation: "yakni", "namely" between the title and the list
    elided_before: re.Pattern[str]  # "East and West Kalimantan"
    elided_after: re.Pattern[str]  # "Kalimantan Barat dan Timur"
    compass: frozenset[str]  # one-word compass words, before or after a place's name
    given_names_abroad: frozenset[str]  # given names that large towns abroad share
    context_starts: frozenset[str]  # "Sibu Municipal Council": words that end a name abroad
    qualifiers_before: frozenset[str]  # "City of Greater Geelong": a word before a name abroad
    title_modifiers: frozenset[str]  # "Vice Mayor": a word of the title, no place before it
    epithet_before: re.Pattern[str]  # "sebagai", "dubbed": a town's nickname may follow
    list_separator: re.Pattern[str]  # between the items of a list: ", ", ", dan ", " and "
    world_regions: frozenset[str]  # "Asia Pasifik", "Eropa": never a person's name
    venue_before_town: re.Pattern[str]  # "Gedung Pakuan ", "Pakuan Building " before a town


@cache
def name_lexicon() -> NameLexicon:
    data = load_yaml("names.yaml")

    def words_before(key_: str, flags: int = 0) -> re.Pattern[str]:
        alt = "|".join(sorted(data[key_], key=len, reverse=True))
        return re.compile(rf"(?:\b(?:{alt})\.?\s+)$", flags)

    return NameLexicon(
        stop=frozenset(data["stop_name_words"]),
        place_heads=frozenset(data["place_heads"]),
        not_place_words=frozenset(data["not_place_words"]),
        prefix_block=words_before("name_prefix_block"),
        suffix_block=re.compile(
            r"(?:[ \t]+[A-Z][\w'’-]*){0,3}?[ \t]+(?:"
            + "|".join(sorted(map(re.escape, data["name_suffix_block"]), key=len, reverse=True))
            + r")\b"
        ),
        venue_before_role=words_before("venue_before_role", re.I),
        head_list="|".join(data["head_list"]),
        head_list_intro="|".join(data["head_list_intro"]),
        elided_before=_elided_before(data["compass_before"]),
        elided_after=_elided_after(data["compass_after"]),
        compass=frozenset(
            w for w in [*data["compass_before"], *data["compass_after"]] if " " not in w
        ),
        given_names_abroad=frozenset(data["given_names_abroad"]),
        context_starts=frozenset(data["context_starts"]),
        qualifiers_before=frozenset(data["name_qualifiers_before"]),
        title_modifiers=frozenset(data["title_modifiers"]),
        epithet_before=re.compile(
            rf"(?:\b(?:{'|'.join(data['epithet_before'])})\s+[\"“']?|[\"“'])$", re.I
        ),
        list_separator=_list_separator(data["list_coordinators"]),
        world_regions=frozenset(w.lower() for w in data["world_regions"]),
        venue_before_town=_venue_before_town(
            data["venue_heads_before_town"], data["venue_tails_before_town"]
        ),
    )


def _venue_before_town(heads: list[str], tails: list[str]) -> re.Pattern[str]:
    """A venue's name ending right before a town's: its noun first ("Gedung Pakuan ") or
    last ("Pakuan Building ").

    >>> rx = _venue_before_town(["Gedung"], ["Building"])
    >>> bool(rx.search("di Gedung Pakuan ")), bool(rx.search("in Pakuan Building "))
    (True, True)
    >>> bool(rx.search("pemain Persib "))
    False
    """
    head = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
    tail = "|".join(sorted(map(re.escape, tails), key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?:{head})(?:\s+[A-Z][\w'’-]*){{1,3}}|(?<![\w-])[A-Z][\w'’-]*"
        rf"(?:\s+[A-Z][\w'’-]*){{0,2}}\s+(?:{tail}))\s+$"
    )


def _list_separator(coordinators: list[str]) -> re.Pattern[str]:
    """A comma (with a coordinator after it), or a coordinator alone.

    >>> _list_separator(["dan", "and"]).split("Kyoto, Osaka dan Kobe")
    ['Kyoto', 'Osaka', 'Kobe']
    """
    alt = "|".join(map(re.escape, coordinators))
    return re.compile(rf"\s*,\s*(?:(?:{alt})\s+)?|\s+(?:{alt})\s+")


def list_separator() -> re.Pattern[str]:
    """Between the items of a list (``list_coordinators`` of ``names.yaml``)."""
    return name_lexicon().list_separator


def _elided_before(words: list[str]) -> re.Pattern[str]:
    alt = "|".join(words)
    return re.compile(rf"\b({alt})\s+(?:and|&)\s+({alt})\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


def _elided_after(words: list[str]) -> re.Pattern[str]:
    alt = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(
        rf"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+({alt})\s+(?:dan|serta|&)\s+({alt})\b"
    )


def stop_words() -> frozenset[str]:
    return name_lexicon().stop


_WORD_BEFORE = re.compile(r"([A-Z][\w'’.&-]*)\s+$")
PLACE_TYPES = LOCAL_GOVERNMENT_TYPES | {"Country"}


def titlecase(text: str) -> bool:
    """A headline in title case ("Pemkot Jambi Kirim ASN Ke Singapura")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def capitalised_throughout(text: str) -> bool:
    """A headline whose every word but one is capitalised ("25 Pegawai dan Manajemen Perumda
    Tirta Kencana Belajar Ke Singapura"): there, where an unknown name ends is unknowable.
    Stricter than :func:`titlecase`: a sentence dense with names still has its verbs and
    prepositions in lower case.

    >>> capitalised_throughout("Pegawai dan Manajemen Perumda Tirta Kencana Belajar Ke Singapura")
    True
    >>> capitalised_throughout("Wali Kota Medan bertemu Direktur Busan Global Center pada Mei")
    False
    """
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(not w[0].isupper() for w in words) <= 1


def in_a_venues_name(text: str, start: int, end: int) -> bool:
    """Whether the place named at ``start:end`` is part of a street's or a venue's name
    ("Jalan Denpasar", "the Kendal Dukuh Atas Tunnel").

    >>> s = "a festival at the Kendal Dukuh Atas Tunnel"
    >>> in_a_venues_name(s, s.index("Kendal"), s.index("Kendal") + 6)
    True
    >>> in_a_venues_name("Jalan Denpasar", 6, 14), in_a_venues_name("Denpasar City Hall", 0, 8)
    (True, False)
    """
    lex = name_lexicon()
    return bool(lex.prefix_block.search(text[:start]) or lex.suffix_block.match(text, end))


@cache
def _month() -> re.Pattern[str]:
    return re.compile(months(), re.I)


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
    >>> s = "KUCHING: A Sarawak trade mission to Pontianak"
    >>> inside_a_name(s, s.index("Sarawak"), False)
    False
    """
    if headline:
        return False
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if before is None:
        return False
    word = before.group(1).rstrip(".")
    lex = name_lexicon()
    heads = lex.place_heads
    if re.search(r"[a-z][A-Z]", word):
        return False  # words run together by a scraper ("DenpasarWalikota"), not a name
    if re.search(r"['’]s$", word):
        return False  # "Indonesia's Makassar": a possessive names the place's country
    if word in ("A", "An", "The") and re.search(
        r"(?:^|[:\u2013\u2014-])\s*$", text[max(0, start - 40) : start][: before.start()]
    ):
        # "A Malaysian delegation …", "KUCHING: A Sarawak trade mission …": the article
        # opening the sentence, or its text after a dateline
        return False
    if lex.venue_before_town.search(text[max(0, start - 60) : start]):
        return False  # "di Gedung Pakuan Bandung": the town the venue is in
    if _month().fullmatch(word):
        return False  # "In November East Kalimantan became …": a date before the place
    return not (word in stop_words() or word in heads)


def opens_a_heads_name(text: str, end: int) -> bool:
    """Whether a place name ending at ``end`` opens a person's name told before a head's
    title ("Bima Arya, the mayor of Bogor", "Dumai Putra selaku Wali Kota Sibolga"): one to
    three capitalised words follow it, then a comma or "selaku"/"sebagai", then the title.

    >>> s = "Bima Arya, the mayor of Bogor, said"
    >>> opens_a_heads_name(s, len("Bima"))
    True
    >>> opens_a_heads_name("Bogor, the city", len("Bogor"))
    False
    """
    m = _HEADS_NAME_AFTER.match(text, end)
    return m is not None and name_patterns().any_role.match(text, m.end()) is not None


_HEADS_NAME_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w'’-]+){1,3}(?:\s*,\s*(?:the\s+|a\s+)?|\s+(?:selaku|sebagai)\s+)"
)


@dataclass(frozen=True)
class NamePatterns:
    """The name-finding patterns compiled from ``relations.yaml``."""

    role_words: list[str]
    any_role: re.Pattern[str]
    any_head: re.Pattern[str]
    honorific: re.Pattern[str]
    degree_tail: re.Pattern[str]
    roles: list[tuple[re.Pattern[str], str, str]]
    abroad_role: re.Pattern[str]  # titles only heads abroad hold ("Premier", "Chief Minister")
    level_prefix: dict[str, list[str]]
    gov_heads: list[tuple[str, str]]
    org_heads: str
    org_tails: str
    prog_tails: str
    deputy: re.Pattern[str]
    policy: re.Pattern[str]
    hon_alt: str


@cache
def name_patterns() -> NamePatterns:
    data = relations_lexicon()
    # the longest first: "Datuk Patinggi" before "Datuk"
    hon = "|".join(sorted(data["honorifics"], key=len, reverse=True))
    deg = "|".join(data["degrees"])
    roles = [
        (re.compile(rf"\b(?:{r['pattern']})\b", re.I), r["relation"], r["level"])
        for r in data["roles"]
    ]
    gov_heads = [(h, level) for level, heads in data["government_heads"].items() for h in heads]
    gov_heads.sort(key=lambda x: -len(x[0]))
    any_head = "|".join(
        [h for h, _ in gov_heads]
        + list(data["organisation_heads"])
        + data["organisation_tails"]
        + data["programme_tails"]
    )
    role_words = sorted(
        {w for r in data["roles"] for w in re.findall(r"[a-z]{4,}", r["pattern"].lower())}
    )
    return NamePatterns(
        role_words=[
            w for w in role_words if w not in {"sementara", "acting", "deputy", "executive"}
        ]
        + ["wakil", "major"],
        any_role=re.compile(
            "|".join(rf"\b(?:{r['pattern']})\b" for r in data["roles"]) + r"|wakil", re.I
        ),
        any_head=re.compile(rf"\b(?:{any_head})\b"),
        honorific=re.compile(rf"^(?:(?:{hon})\s+)+"),
        degree_tail=re.compile(rf"(?:,?\s*(?:{deg}))+\s*$"),
        roles=roles,
        abroad_role=re.compile(
            "|".join(rf"(?:{r['pattern']})" for r in data["roles"] if r.get("abroad")) or "(?!)",
            re.I,
        ),
        level_prefix=data["level_prefix"],
        gov_heads=gov_heads,
        org_heads="|".join(data["organisation_heads"]),
        org_tails="|".join(data["organisation_tails"]),
        prog_tails="|".join(data["programme_tails"]),
        deputy=re.compile(rf"\b(?:{'|'.join(data['deputy_pronoun'])})(?:\s*,)?\s+", re.I),
        policy=re.compile(rf"\b(?:{'|'.join(data['policy'])})\s+\"([^\"]{{3,80}})\"", re.I),
        hon_alt=hon,
    )
