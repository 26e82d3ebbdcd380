"""The extractor's word lists, checked by a schema when they are loaded.

``graph/lexicon/relations.yaml`` holds every trigger word, role title and name head as a
regular-expression fragment (matched case-insensitively on word boundaries). A key the
schema does not know, a value of the wrong shape or a fragment that does not compile
raises :class:`~graph.errors.LexiconError` naming the file, the key and the problem, so a
typo in a word list fails at once instead of silently matching nothing.

>>> check_relations({"partnership": ["kerja sama"]}, "x.yaml")["partnership"]
['kerja sama']
>>> check_relations({"partnersip": ["kerja sama"]}, "x.yaml")
Traceback (most recent call last):
...
graph.errors.LexiconError: x.yaml: unknown key 'partnersip'
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import ahocorasick

from graph.errors import LexiconError
from graph.resources import load_yaml
from graph.vocab import LOCAL_GOVERNMENT_CLASSES

RELATIONS_FILE = "relations.yaml"
STRUCTURES_FILE = "structures.yaml"

#: Keys whose value is a list of pattern fragments, and what each is for.
WORD_LISTS = {
    "post_words": "words opening the name of a post, not a body",
    "home_words": "the home country named as the owner of a national body",
    "meals": "a meal or reception given for guests: an occurrence of a visit's days",
    "head_title_hints": "substrings one of which any head's title holds (a cheap test)",
    "first_person_plural": "the speaker's own side ('kami', 'we')",
    "signing_nouns": "nouns of an anaphor that point back at a signing only ('the agreement')",
    "demonstratives": "words pointing back at something told ('kunjungan itu', 'this visit')",
    "stay_ended": "words before an activity saying its day told is its last",
    "honorifics": "titles before a person's name",
    "degrees": "academic degrees after a name",
    "deputy_pronoun": "'wakilnya': the deputy of the head named before",
    "organisation_heads": "head words that start an organisation's name",
    "organisation_tails": "head words that end an organisation's name",
    "programme_tails": "head words that end a programme's name",
    "acronym_body_words": "words that make a name defined by its initials a body",
    "acronym_programme_words": "words that make a name defined by its initials a programme",
    "acronym_international_words": "words that make such a body an international one",
    "acronym_venue_words": "words that make a name defined by its initials a venue, no body",
    "programme_heads": "head words before a programme's acronym ('Program JENESYS')",
    "tie_anaphora": "a tie told in the sentence before ('kerja sama itu')",
    "pronoun_subject": "'It' opening a sentence for the government named as doer before",
    "cumulative_openers": "a sentence's opening that sums up years ('since then', 'selama ini')",
    "firm_signers": "businesses and other bodies signing on their own ('company', 'perusahaan')",
    "government_signers": "words of a government signing ('Pemkot', 'city government', 'mayor')",
    "programme_anaphor": "the programme named before ('program ini', 'this programme')",
    "partnership": "a partnership or cooperation",
    "cooperation_office": "an office named after cooperation (its word tells no tie)",
    "both": "the two partners together ('kedua kota')",
    "signing": "signing an agreement",
    "planned": "a partnership planned or explored, not yet made",
    "tentative": "a trip or an activity not yet made",
    "actor_cue": "the people of a government (ASN, delegation)",
    "local_hint": "a local government without its name (a head's title, Pemkot)",
    "national": "national-level actors (president, ministry)",
    "government_forms_before": "head words before the name of a government abroad the "
    "gazetteer may lack ('Kota', 'City of', 'Pemerintah Negeri'), matched case-sensitively",
    "government_forms_after": "head words after such a name ('City Council', 'Prefecture')",
    "government_forms_shared": "head words of a level ours share, before a name the world "
    "table may know abroad ('Provinsi Gyeongsangbuk-do'), matched case-sensitively",
    "national_companions": "words before a national actor that make it one member of a local "
    "delegation ('and one representative from')",
    "renewal": "renewing an agreement",
    "theme_words": "words introducing an activity's theme",
    "passive_between": "words between a passive verb's subject and the verb ('which was first')",
    "signing_openers": "words opening a signing's theme that only tell the signing",
    "determiners": "words opening a noun phrase that are no part of a name ('the new')",
    "light_verbs": "verbs that carry a negation through ('tidak menjalin kerja sama')",
    "negation": "negation words",
    "ended": "a partnership that ended",
    "dormant": "a partnership no longer run, never ended formally (status inactive)",
    "not_yet": "a partnership told as not made yet, after its word",
    "invitation": "an invitation: the trip it asks for is not made yet",
    "denial": "a tie denied: no tie at all",
    "excluded": "left out of a programme or a list: no participation",
    "delegation": "sending or leading a delegation",
    "attribution_before": "words before a government naming it as a source ('keterangan resmi')",
    "event_name_before": "an event's name word before a place it is named after ('Festival')",
    "event_name_after": "an event's name word after a place it is named after ('Week')",
    "means_words": "before the act that carries out the one told before ('melalui')",
    "local_offices": "offices of a local government named with it ('Dinas … Kota Surabaya')",
    "scene_continuation": "opening a sentence set where and when the activity before is",
    "count_units": "words counting things after a number ('dua unit'): no part of a theme",
    "first_signed": "a tie's first signing recalled ('first signed in 1991'): its since only",
    "scene_openers": "words before a scene_continuation at a sentence's start ('Lalu, di sana')",
    "people_of_after": "after a bare place: its people's goods or arts ('Maluku music')",
    "people_of": "its people, language or goods ('bahasa Inggris'): not its government",
    "travel": "the journey itself: with another activity after it, that activity is the one",
    "meeting_people": "meeting someone ('bertemu'): another activity after it is the one",
    "reception": "receiving visitors: a foreign government named after it visits the host",
    "call_on": "a visit paid by the government before it on the government after it",
    "venue_before": "a word before an activity word that makes it a room ('ruang rapat')",
    "venue_after": "a word after an activity word that makes it a room ('conference hall')",
    "twinning_kind": "the kind of tie a twinning makes ('sister city'): names signings, pairs",
    "deepen": "widening or deepening a tie: a wish to do so presupposes the tie exists",
    "future": "told as still to come: an undated visit after it is not one made",
    "members_of": "before a body that only names which countries ('tiga negara ASEAN')",
    "twinned_with": "a twinning phrase before the partner's name ('a sister city of X')",
    "domestic_cooperation": "a tie or a working visit between two of our own governments",
    "remote": "done at a distance (online, by video): a signing told so brings nobody",
    "led_by": "led by: the person after it led the group before it",
    "represented_by": "a government stands for itself through the person after it",
    "led_group": "a group that someone leads ('rombongan', 'delegation')",
    "visit_verbs": "verbs whose object is the place visited ('mengunjungi', 'toured')",
    "visit_to": "a working visit to a place: a large city abroad after it is worth reading",
    "envoys": "a country's envoy (ambassador, consul): the country visits or is received",
    "proposed": "proposing or starting a tie: the head of ours before it initiated it",
    "given_to": "before the taker of a grant ('kepada', 'to')",
    "frame": "an event that frames another ('di sela acara X'): its name is no activity of its own",
    "non_agents": "travellers that are not a government's people (a flight, a family, a club)",
    "wishes": "a wish or proposal that scopes over the clause after it",
    "modal_before_trip": "a modal before a trip word: with a wish, the trip is only hoped for",
    "anniversary": "a tie's exact age ('merayakan 25 tahun'): its start is the date less it",
    "in_place_after": "after a tie's word: it is already in place ('yang telah terjalin')",
    "existing": "words saying a partnership already exists (a wish to deepen it is not a plan)",
    "participation": "taking part in a programme",
    "organised_by": "an organiser after it",
    "funded_by": "a funder after it",
    "membership": "membership of an organisation",
    "joined_in": "between an organisation joined and the year of joining",
    "body_nouns": "nouns naming again a body the sentence named",
    "topic_verbs": "verbs after which a meeting's sentence tells its topic",
    "generic_determiners": "determiners making a tie's word any tie at all",
    "group_of": "words for a group or a number before travellers",
    "title_gloss_words": "words a bracket glossing a head's title may hold",
    "called": "words before the name a programme is called by",
    "future_modals": "modals of a trip to come",
    "planned_after": "after an activity's word in its clause: it is only planned",
    "joining_event": "around a membership word: the joining is told as an event",
    "joining_openers": "the words opening a sentence before the date of a joining",
    "supported_with": "before a grant's word: it pays for the activity told",
    "seat_before": "words before a town that make it a business's seat",
    "nothing_signed": "objects of a signing that make it none",
    "clause_joiners": "words opening a new clause after a comma",
    "policy": "a policy",
    "programme_before_quote": "words before a quoted name that make it a programme",
    "implements": "implementing a policy",
    "initiated_by": "an initiator after it",
    "since": "a start year after it",
    "origin": "the start of a partnership, dated in its sentence",
    "beyond": "words before a programme that put what follows outside it",
    "own_mission_seat": "our mission or envoy right before its seat ('KBRI Tokyo')",
    "state_as_government": "before a country named as a delegation's government",
    "missions": "a country's embassy or consulate: as a partner or a funder, the country",
    "foreign_partner_before": "a partner named after it ('sister city dengan X')",
    "foreign_partner_broad": "a partner named after it, if large ('kerja sama dengan X')",
    "tie_nouns": "the tie's own noun between a partner word and 'with' ('relationship')",
    "list_quantifiers": "counting the items of a list still to come ('sejumlah kota, yakni')",
    "list_opening": "words that open a list of items after a partner word ('partners include')",
    "international_body_tails": "last words of a body of members ('Network', 'Alliance')",
    "bare_not_abroad": "names of large cities abroad that, named bare, are something else",
    "town_name_endings": "context words that also end towns' names ('George Town')",
    "kota_named_abroad": "towns abroad whose own name begins with 'Kota' ('Kota Kinabalu')",
    "foreign_partner_titles": "titles skipped before a partner's name ('dengan Wali Kota X')",
    "foreign_partner_after": "a partner named before it ('X sebagai kota kembar')",
    "tie_apposition_before": "between a comma and a twinning word ('Palu, whose sister city')",
    "tie_apposition_after": "after a twinning word before the partner ('sister city is')",
    "active_reception": "verbs of a reception told by its host ('received', 'menyambut')",
    "title_heads": "head words before a foreign name that are a head's title ('Mayor of')",
    "pair_partner_forms": "before the second name of a pair ('the French town of')",
    "pair_level_words": "a level word after a pair that signs ('… North Kalimantan province')",
    "activity_anaphora": "'pelatihan ini': an activity told before",
    "people_nouns": "nouns counting people",
    "speech": "speech verbs ('ujar', 'said')",
    "location_preps": "prepositions of place",
    "destination_preps": "prepositions of destination",
    "departure_preps": "a destination after a verb of leaving only ('left for')",
}
#: Keys whose value is a mapping of a name to a list of fragments.
WORD_TABLES = {
    "level_prefix": LOCAL_GOVERNMENT_CLASSES,
    "government_heads": LOCAL_GOVERNMENT_CLASSES,
    "government_anaphora": LOCAL_GOVERNMENT_CLASSES,
    "own_missions": ("KBRI", "KJRI"),
    "activities": ("Signing", "Exchange", "Training", "Visit", "Meeting", "Activity"),
    "claim_units": None,  # any unit name
    "visit_name": ("id", "en"),  # the name of a visit told without one, by language
    "foreign_heads_before": ("city", "city_explicit", "region", "region_explicit"),
    "foreign_heads_after": ("city", "city_explicit", "region", "region_explicit"),
    # heads only one country's local governments carry ("Majlis Daerah"): by country slug
    "council_heads_abroad": None,
}
ROLE_KEYS = {"pattern", "relation", "level"}
ROLE_OPTIONAL = {"abroad"}  # true: a title only heads abroad hold ("Premier")
ROLE_RELATIONS = {"headOf", "deputyHeadOf"}


def _compiles(fragment: object, where: str) -> None:
    if not isinstance(fragment, str) or not fragment:
        raise LexiconError(f"{where}: expected a non-empty pattern, got {fragment!r}")
    try:
        re.compile(fragment)
    except re.error as exc:
        raise LexiconError(
            f"{where}: the pattern {fragment!r} does not compile ({exc})",
            hint="patterns are Python regular expressions; escape . ( ) [ ] with a backslash",
        ) from None


def _check_list(value: object, where: str) -> None:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{where}: expected a non-empty list of patterns")
    for i, fragment in enumerate(value):
        _compiles(fragment, f"{where}[{i}]")


def _check_roles(value: object, where: str) -> None:
    if not isinstance(value, list):
        raise LexiconError(f"{where}: expected a list of {{pattern, relation, level}}")
    for i, role in enumerate(value):
        at = f"{where}[{i}]"
        if not isinstance(role, dict) or not ROLE_KEYS <= set(role) <= ROLE_KEYS | ROLE_OPTIONAL:
            raise LexiconError(
                f"{at}: expected the keys {sorted(ROLE_KEYS)} (and optionally "
                f"{sorted(ROLE_OPTIONAL)})"
            )
        if not isinstance(role.get("abroad", False), bool):
            raise LexiconError(f"{at}.abroad: expected true or false")
        _compiles(role["pattern"], f"{at}.pattern")
        if role["relation"] not in ROLE_RELATIONS:
            raise LexiconError(
                f"{at}.relation: {role['relation']!r} is not one of {ROLE_RELATIONS}"
            )
        if role["level"] not in LOCAL_GOVERNMENT_CLASSES:
            raise LexiconError(f"{at}.level: {role['level']!r} is not a local-government class")


def _spliced(words: object) -> object:
    """A word list with the lists it names by a YAML alias (``*meals``) spliced in."""
    if not isinstance(words, list):
        return words
    return [w for item in words for w in (item if isinstance(item, list) else [item])]


def check_relations(data: Any, name: str = RELATIONS_FILE) -> dict[str, Any]:
    """Validate the parsed ``relations.yaml``; returns it, with each list that names
    another by a YAML alias holding that list's words in its place."""
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: expected a mapping of keys to word lists")
    for key, value in data.items():
        where = f"{name}: {key}"
        if key in WORD_LISTS:
            data[key] = value = _spliced(value)
            _check_list(value, where)
        elif key in WORD_TABLES:
            allowed = WORD_TABLES[key]
            if not isinstance(value, dict):
                raise LexiconError(f"{where}: expected a mapping of names to pattern lists")
            for sub, words in value.items():
                value[sub] = words = _spliced(words)
                if allowed is not None and sub not in allowed:
                    raise LexiconError(f"{where}: unknown name {sub!r} (known: {list(allowed)})")
                _check_list(words, f"{where}.{sub}")
        elif key == "roles":
            _check_roles(value, where)
        else:
            raise LexiconError(f"{name}: unknown key {key!r}")
    return data


@cache
def relations_lexicon() -> dict[str, Any]:
    """The validated word lists of ``relations.yaml``."""
    return check_relations(load_yaml(RELATIONS_FILE))


def _alternation(words: list[str], flags: int = re.I) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(ordered) + r")(?![\w-])", flags)


def _lower_unless_escape(m: re.Match[str]) -> str:
    return m.group() if m.group()[0] == "\\" else m.group().lower()


def _lower_regex(pattern: str) -> str:
    r"""A word-list pattern in lower case, its escapes kept (``\S`` is not ``\s``)."""
    return re.sub(r"\\.|[A-Z]+", _lower_unless_escape, pattern)


def _required_literal(fragment: str) -> str | None:
    r"""The longest run of plain characters every match of a word-list pattern holds, in
    lower case; None when the pattern has no such run (a top-level alternative).

    Groups, classes, escapes and optional characters break runs; what stays is text the
    pattern always matches as written.

    >>> _required_literal(r"study (?:trip|tour|visit) to")
    'study '
    >>> _required_literal(r"(?:be)?kerja\s?sama dengan")
    'sama dengan'
    >>> _required_literal(r"sister[\s-]?provinces?")
    'province'
    >>> _required_literal("as|sebagai") is None
    True
    """
    runs: list[str] = []
    current: list[str] = []
    depth = 0
    i = 0
    while i < len(fragment):
        c = fragment[i]
        if c == "\\":
            i += 2
            c = ""
        elif c == "[":
            i = fragment.index("]", i + 2) + 1 if "]" in fragment[i + 2 :] else len(fragment)
            c = ""
        elif c in "()":
            depth += 1 if c == "(" else -1
            i += 1
            c = ""
        elif c == "|" and depth == 0:
            return None
        else:
            i += 1
        if not c or depth or c in ".^$*+?{}|":
            # an optional or repeated character ("provinces?") is no certain part
            if c and c in "?*{" and current:
                current.pop()
            runs.append("".join(current))
            current = []
            continue
        if i < len(fragment) and fragment[i] in "?*{":
            runs.append("".join(current))
            current = []
            continue
        current.append(c)
    runs.append("".join(current))
    best = max(runs, key=len).lower()
    return best if best.strip() else None


@cache
def hints(*names: str) -> tuple[str, ...] | None:
    """Substrings one of which any match of the named word lists holds, in lower case: a
    cheap test on ``text.lower()`` before the patterns (None: no such set, always test).

    >>> "study " in hints("visit_to")
    True
    """
    data = relations_lexicon()
    out: set[str] = set()
    for name in names:
        for word in data[name]:
            run = _required_literal(word)
            if run is None:
                return None
            out.add(run)
    # a hint holding another is implied by it: the shorter one suffices
    return tuple(sorted(h for h in out if not any(g != h and g in h for g in out)))


@cache
def list_hints(name: str) -> tuple[str, ...]:
    """The hints of one word list (:func:`hints`), for a cheap test before its pattern.

    >>> list_hints("called")
    ('bernama', 'called', 'dubbed', 'named')
    """
    found = hints(name)
    if found is None:
        raise LexiconError(f"{RELATIONS_FILE}: {name}: a word holds no plain text to test")
    return found


#: the word lists tested by :func:`may_match` (each with a hint set)
HINTED_LISTS = (
    "visit_to",
    "twinned_with",
    "twinning_kind",
    "signing",
    "foreign_partner_before",
    "foreign_partner_broad",
    "foreign_partner_after",
    "domestic_cooperation",
)


@cache
def _hint_automaton() -> ahocorasick.Automaton:
    """The hints of every list of ``HINTED_LISTS`` in one Aho-Corasick automaton, each
    with the lists it stands for: one pass over a text says which lists may match."""
    owners: dict[str, set[str]] = {}
    for name in HINTED_LISTS:
        found = hints(name)
        if found is None:
            raise LexiconError(f"{RELATIONS_FILE}: {name}: a word holds no plain text to test")
        for h in found:
            owners.setdefault(h, set()).add(name)
    automaton = ahocorasick.Automaton()
    for h, names in owners.items():
        automaton.add_word(h, frozenset(names))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=8)
def hinted(low: str) -> frozenset[str]:
    """The lists of ``HINTED_LISTS`` whose hints the lower-cased text holds (the last few
    texts are remembered: the prefilter asks about one text several times)."""
    out: set[str] = set()
    for _, names in _hint_automaton().iter(low):
        out |= names
    return frozenset(out)


def may_match(low: str, *names: str) -> bool:
    """Whether the lower-cased text ``low`` holds a hint of the named word lists (of
    ``HINTED_LISTS``): False means no word of them can match it (see :func:`hints`).

    >>> may_match("a working visit to gold coast", "visit_to")
    True
    >>> may_match("pasar baru diresmikan", "visit_to", "signing")
    False
    """
    found = hinted(low)
    return any(n in found for n in names)


@cache
def lowered(*names: str) -> re.Pattern[str]:
    """One alternation of the named word lists of :func:`patterns` (``activity:<Class>``
    for an activity class), case-sensitive and in lower case, to test ``text.lower()``.

    It says whether any of the words occurs, several times faster than the
    case-insensitive alternation does; positions in a lower-cased text may differ, so use
    it for yes-or-no tests only.

    >>> bool(lowered("partnership", "delegation").search("kerja sama sister city".lower()))
    True
    """
    data = relations_lexicon()
    words: list[str] = []
    for name in names:
        kind, _, cls = name.partition(":")
        words += data["activities"][cls] if kind == "activity" and cls else data[name]
    return _alternation([_lower_regex(w) for w in words], flags=0)


def government_head_words() -> list[str]:
    """A government's own head words in a name ("Pemkot", "Pemerintah Kota", "Kota"), of
    every level, the longest first."""
    heads = relations_lexicon()["government_heads"]
    return sorted({w for ws in heads.values() for w in ws}, key=len, reverse=True)


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """Every word list compiled to one alternation; activity classes as
    ``activity:<Class>`` and claim units as ``unit:<unit>``."""
    data = relations_lexicon()
    out = {name: _alternation(data[name]) for name in WORD_LISTS if name in data}
    for cls, words in data["activities"].items():
        out[f"activity:{cls}"] = _alternation(words)
    for unit, words in data["claim_units"].items():
        out[f"unit:{unit}"] = re.compile(r"^\s*(?:" + "|".join(words) + r")\b", re.I)
    return out


def check_structures(data: Any, name: str = STRUCTURES_FILE) -> dict[str, str]:
    r"""Validate the parsed ``structures.yaml``: each key names one whole regular
    expression (a string, or a list of strings read as one), its flags inline (``(?i)``);
    returns the joined patterns.

    >>> check_structures({"year_bracket": ["\\((?:since ", ")?(\\d{4})\\)"]})
    {'year_bracket': '\\((?:since )?(\\d{4})\\)'}
    >>> check_structures({"broken": "(?:since"}, "x.yaml")
    Traceback (most recent call last):
    ...
    graph.errors.LexiconError: x.yaml: broken: does not compile: missing ), ...
    """
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: expected a mapping of names to patterns")
    out: dict[str, str] = {}
    for key, value in data.items():
        parts = value if isinstance(value, list) else [value]
        if not parts or not all(isinstance(p, str) and p for p in parts):
            raise LexiconError(f"{name}: {key}: expected a pattern or a list of pattern parts")
        pattern = "".join(parts)
        try:
            re.compile(pattern)
        except re.error as exc:
            raise LexiconError(f"{name}: {key}: does not compile: {exc}") from None
        out[str(key)] = pattern
    return out


@cache
def _structures() -> dict[str, str]:
    return check_structures(load_yaml(STRUCTURES_FILE))


@cache
def structure(name: str, **fill: str) -> re.Pattern[str]:
    """The compiled pattern ``name`` of ``structures.yaml``: a pattern with an order of its
    own (words before or after a place, a bracketed year), which a word list cannot say.
    Each ``{{part}}`` of it is filled with ``fill[part]``. A name the file lacks, or a part
    left unfilled, raises :class:`~graph.errors.LexiconError`."""
    try:
        pattern = _structures()[name]
    except KeyError:
        raise LexiconError(f"{STRUCTURES_FILE}: no pattern named {name!r}") from None
    for part, value in fill.items():
        pattern = pattern.replace("{{" + part + "}}", value)
    if "{{" in pattern:
        raise LexiconError(f"{STRUCTURES_FILE}: {name}: a part is left unfilled: {pattern}")
    return re.compile(pattern)
