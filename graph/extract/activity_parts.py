"""The attributes of an activity as the text gives them: its theme (name), dates,
participant count and location."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from graph.extract.context import DocContext, quote_around, seat_of_mission
from graph.extract.dates import DateSpan, find_dates, months, weekdays, year_since
from graph.extract.foreign import event_names
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, ORGANISATION_TYPES
from graph.extract.lexicon import patterns, relations_lexicon, structure
from graph.extract.mentions import Mention
from graph.extract.names import name_lexicon, stop_words
from graph.extract.numbers import find_numbers, word_value
from graph.extract.places import world_places
from graph.model import Activity, Entity
from graph.sources.text import Sentence
from graph.vocab import ACTIVITY_CLASSES, HOME_COUNTRY, slugify


@cache
def since_before() -> re.Pattern[str]:
    """Words after which a date is a start, a length or an end, not an activity's day."""
    return structure("date_since_before")


@cache
def _starting() -> re.Pattern[str]:
    """Those of :func:`since_before` that, before a day, tell the day an activity begins."""
    return structure("date_starting")


@cache
def end_before() -> re.Pattern[str]:
    """Words after which a date is an activity's last day ("hingga Kamis (7/3/2024)")."""
    return structure("date_end_before", weekdays=weekdays())


CAP = r"(?:[A-Z][\w&'-]*|&|of|in|and|for|on|the|dan)"


def theme_of(d: DocContext, text: str, start: int, end: int) -> str:
    """The name of an activity around its trigger word (see :func:`_theme`), without the
    dates it carries ("Signing 28 October 1988" is a signing, dated apart)."""
    theme = _acronym_after(d, text, _theme(text, start, end))
    cut = theme
    for span in sorted(find_dates(theme), key=lambda x: -x.begin):
        cut = cut[: span.begin] + cut[span.finish :]
    cut = re.sub(r"\b(?:tahun|year|pada|on|in)\s*(?=\s|$)", " ", cut) if cut != theme else cut
    # "… was in Singkawang on May" cut short of its date's day: the month is no name
    cut = re.sub(rf"\s+(?:pada|on|in|bulan)\s+(?i:{months()})$", "", cut)
    # "UCLG ASPAC Congress in Surabaya", "course in Singapore": where it is held is the
    # activity's place, no part of its name
    place = re.search(r"\s+(?:in|di|at)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$", cut)
    if place:
        # "in Nara Prefecture": the place without its level's word
        words = place.group(1).split()
        while len(words) > 1 and words[-1] in name_lexicon().context_starts:
            words.pop()
        name = " ".join(words)
        if d.gaz.lookup(place.group(1)) or world_places().lookup(name):
            cut = cut[: place.start()]
    # "grant of US$90,000", "hibah senilai Rp 1 miliar": an amount is no part of the name
    cut = re.sub(
        r"\s+(?:of|senilai|sebesar|worth)\s+(?:US|S|A|AU|NZ|HK|RM|Rp|USD|SGD|JPY|EUR)?[$¥€£]?"
        r"\s?\d.*$|\s+of\s+(?:US|S|A|AU|NZ|HK)$",
        "",
        cut,
    )
    cut = " ".join(_without_counts(cut).split()).strip(" ,.-")
    # "melakukan perjanjian kerja sama": the act's noun names it, not the light verb
    cut = re.sub(r"^(?:melakukan|membuat)\s+(?=(?:perjanjian|kesepakatan)\b)", "", cut)
    return cut if len(cut) >= 3 else theme


def _without_counts(text: str, leading: bool = False) -> str:
    """The text without counts of things ("hibah dua (2) unit mobil" → "hibah mobil");
    ``leading``: only one right at its start."""
    units = patterns()["count_units"].pattern
    # a count at the start is within its first words: the rest of a sentence need not be read
    found = find_numbers(text[:40] if leading else text)
    for n in sorted(found, key=lambda x: -x.begin):
        if leading and text[: n.begin].strip():
            continue
        unit = re.match(rf"\s*(?:\(\d+\)\s*)?(?:{units})\s*", text[n.end :], re.I)
        if unit:
            text = f"{text[: n.begin]} {text[n.end + unit.end() :]}"
    return text


def _acronym_after(d: DocContext, text: str, theme: str) -> str:
    """A theme cut short of its name's end takes the acronym that closes the name: "rapat
    kerja III Forum Pemerintahan Daerah Negara-Negara" + "Samudera Hindia (IOLGF)"."""
    at = text.find(theme)
    if at < 0 or re.search(r"\([A-Z][\w&-]*\)\s*$", theme):
        return theme
    more = re.match(
        r"(?:\s+(?:[A-Z][\w'’-]*|dan|and|of|&))*\s*\(([A-Z][A-Za-z0-9&-]{1,11})\)",
        text[at + len(theme) :],
    )
    if more is None or not more.group(1).isupper():
        return theme
    # the acronym of a known programme or body ("… Programme (SCP)") names it, not the
    # activity: its part_of or organiser says so already
    if d.gaz.lookup(more.group(1)) is not None:
        return theme
    return f"{theme} ({more.group(1)})"


def _theme(text: str, start: int, end: int) -> str:
    """The name of an activity around its trigger word, as the text gives it.

    A quoted title right after the trigger is included ('pelatihan "Water
    Management"'); capitalised words before and after it too ("Basic English
    Training", "Europalia festival"); else the few words of its object.
    """
    trigger = text[start:end]
    titled = patterns()["theme_words"].search(text, end)
    if titled and titled.start() - end < 80:
        rest = text[titled.end() :]
        q = re.match(r"\s*\"([^\"]{2,80})\"", rest)
        if q:
            return q.group(1).strip()
        caps = re.match(rf"\s*((?:[A-Z][\w&'-]*)(?:\s+{CAP}){{0,7}})", rest)
        if caps:
            return re.sub(r"(?:\s+(?:of|in|and|for|on|the|dan|di|&))+$", "", caps.group(1)).strip()
    # "X signed the grant contract": the active verb's object names it; a passive one's
    # subject ("the memorandum was signed", "yang ditandatangani")
    active = trigger.lower() in {"meneken", "menandatangani"} or (
        trigger.lower() in {"signed", "inked"}
        and not re.search(r"\b(?:was|were|is|are|been|be|being)\s+$", text[:start], re.I)
    )
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
            phrase = agreement.group(0)
            if agreement.start() < start < agreement.end():
                # "The LoI was signed by …": the subject, without the verb's auxiliaries
                between = patterns()["passive_between"].pattern
                phrase = re.sub(rf"(?:\s+(?:{between}))+\s*$", "", text[agreement.start() : start])
            return re.sub(
                r"(?:\s+(?:antara|dengan|pada|di|with|between|on|in|at|oleh|by|yang|which)\b)+.*$",
                "",
                phrase,
            )
        words = [] if active else _passive_subject(text[:start])
        if words:
            return " ".join(words)
    # "The membership certificate was handed over …": an English passive's subject names it
    if re.search(r"\b(?:was|were)\s+$", text[:start], re.I):
        words = _passive_subject(text[:start])
        if words and not re.match(r"[A-Z]", words[0]) and len(words) <= 4:
            return " ".join(words)
    # "7th East Asia Local and Regional Government Congress": an ordinal and a joining word
    # between capitalised words are part of the name
    left = re.search(
        r"((?:(?:[A-Z][\w&'-]*|\d{1,2}(?:st|nd|rd|th))\s+(?:(?:and|of|for|&)\s+(?=[A-Z]))?){1,7})$",
        text[:start],
    )
    # a verb's capitalised words before it are its subject ("Mayor Danny Pomanto visited")
    verb = re.fullmatch(r"[a-z]+ed|(?:me|ber|di)[a-z]+", trigger.split()[0])
    lead = (
        left.group(1)
        if left
        and not verb
        and not re.match(r"(?:Pemkot|Pemerintah|Kota|Wali|The|Dalam|Di|Pada)\b", left.group(1))
        # "After signing …": a word opening the sentence is no part of the name
        and left.group(1).split()[0] not in stop_words()
        else ""
    )
    if not lead and not verb:
        # "a water management course", "a two-week exchange programme": English puts what
        # a noun is about before it, between an article and the noun
        modifiers = _ENGLISH_MODIFIERS.search(text, max(0, start - 60), start)
        words = modifiers.group(1).split() if modifiers else []
        while words and patterns()["determiners"].fullmatch(words[0]):
            words = words[1:]  # "the initial signing": no kind of signing
        # "a three-day workshop": how long it lasts is no part of its name
        words = [w for w in words if not _DURATION.fullmatch(w)]
        lead = "".join(f"{w} " for w in words)
    tail = _without_counts(text[end:], leading=True)
    # "a course in port management", "a workshop on coastal resilience": English names
    # what it is about after "on", "about" or "in" and a word in lower case
    topic = _ENGLISH_TOPIC.match(tail)
    if topic:
        return f"{lead}{trigger}{topic.group(1)}".strip()
    quoted = re.match(r"((?:\s+[\w-]+){0,4}?)\s*\"([^\"]{2,80})\"", tail)
    if quoted:
        return f"{lead}{trigger}{quoted.group(1)} {quoted.group(2)}".strip()
    caps = re.match(rf"((?:\s+{CAP}){{1,5}})", tail)
    name = caps.group(1) if caps else ""
    name = re.sub(r"(?:\s+(?:of|in|and|for|on|the|dan|di|&))+$", "", name)
    if name.strip() and re.search(r"[A-Z]", name):
        return f"{lead}{trigger}{name}".strip()
    obj = re.match(
        # an auxiliary ends the noun: "The exchange is organized jointly" is an exchange
        r"((?:\s+(?!(?:di|ke|kepada|pada|antara|dengan|dari|yang|untuk|oleh|in|at|on|to|with|between|from|by|for|which|that|is|are|was|were|will|has|have|had|took|takes|held|berlangsung|digelar|diadakan|dilaksanakan|diselenggarakan|melalui|via|through|lewat)\b)[\w-]+){0,6})",
        tail,
    )
    object_ = obj.group(1) if obj else ""
    # the object's acronym in brackets: "penandatanganan nota kesepahaman (MoU)"
    acronym = re.match(r"\s*\([A-Z][A-Za-z]{1,9}\)", tail[len(object_) :]) if object_ else None
    return f"{lead}{trigger}{object_}{acronym.group(0) if acronym else ''}".strip(" ,.")


_DURATION = re.compile(r"(?:\d+|one|two|three|four|five|six|seven|ten)-(?:day|week|month)s?")
_ENGLISH_TOPIC = re.compile(
    r"(\s+(?:on|about|in)\s+(?!(?:the|a|an|this|that|its|their)\b)[a-z][\w-]*"
    r"(?:\s+(?!(?:in|at|on|to|for|from|by|with|and|or|which|that|who|was|were|is|are|held|"
    r"organi[sz]ed|run|led|funded)\b)[a-z][\w-]*){0,4})"
)
_ENGLISH_MODIFIERS = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:(?:\d+|one|two|three|four|five|six)-(?:day|week|month)\s+)?"
    r"((?:(?!(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from)\s)[a-z][a-z-]*\s+){1,3})$"
)


def _passive_subject(before: str) -> list[str]:
    """The last words of a passive signing's subject, before its verb: "The new memorandum
    was" gives "memorandum"; "The Sister State relationship, which was first" gives "Sister
    State relationship" (the words between subject and verb and an opening determiner
    are no part of its name)."""
    between = patterns()["passive_between"].pattern
    clause = re.sub(rf"(?:\s*,?\s+(?:{between}))+\s*$", "", " " + before, flags=re.I)
    clause = re.split(r"[,;:]", clause)[-1]
    words = clause.split()[-6:]
    det = patterns()["determiners"]
    while words and det.fullmatch(words[0]):
        words = words[1:]
    return words


def participant_count(text: str) -> int | None:
    nouns = patterns()["people_nouns"]
    for n in find_numbers(text):
        after = text[n.end : n.end + 40]
        # "12 peserta", "20 orang", "a 12-member delegation"
        group = re.match(
            r"-(?:member|strong|person)\s+(?:[\w-]+\s+)?(?:delegation|team|group)", after
        )
        if nouns.match(after.lstrip()) or re.match(r"\s*orang\b", after) or group:
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


def _quote_of(text: str, at: int) -> str | None:
    """The quoted speech (between double quotes) that position ``at`` lies in, if any."""
    span = quote_around(text, at)
    return None if span is None else text[span[0] : span[1] if span[1] >= 0 else len(text)]


def _tells_activity(text: str) -> bool:
    rx = patterns()
    return any(rx[f"activity:{c}"].search(text) for c in ACTIVITY_CLASSES)


def location_of(
    d: DocContext, sent: Sentence, ms: list[Mention], lo: int = 0, hi: int | None = None
) -> str | None:
    """A place named after a locative word ("di", "in", "ke", "mengunjungi") in text[lo:hi].

    A place inside quoted speech ("seperti di Amerika Serikat," ujar …) is the place of
    an activity only when the quote itself tells one ("kami mengikuti pelatihan di …");
    and one named outside the quotes comes first."""
    quoted = [m for m in ms if _quote_of(sent.text, m.start) is not None]
    if quoted:
        unquoted = [m for m in ms if m not in quoted]
        found = location_of(d, sent, unquoted, lo, hi) if unquoted else None
        if found is not None:
            return found
        ms = [m for m in quoted if _tells_activity(_quote_of(sent.text, m.start) or "")]
    best = fallback = None
    for m in ms:
        if m.start < lo or (hi is not None and m.start > hi):
            continue
        if m.type in ORGANISATION_TYPES:
            # a venue abroad ("belajar di Temasek Polytechnic Singapore"): its country
            country = d.mentions.entities[m.slug].country
            if country and country in d.mentions.entities and d.is_foreign_actor(m.slug):
                before = sent.text[max(0, m.start - 20) : m.start]
                if re.search(r"\b(?i:di|in|at|ke|to)\s+$", before):
                    return country
            continue
        if m.type in {"Person", "Programme", "Policy"}:
            continue
        if m.slug == HOME_COUNTRY and seat_of_mission(sent.text, m.start):
            continue  # "the Japanese Embassy here in Indonesia": where the giver sits
        if seat_of_mission(sent.text, m.start, missions=False):
            continue  # "the Consul General of Japan in Surabaya": where the envoy sits
        before = sent.text[max(0, m.start - 90) : m.start]
        # the preposition in any case; the words between it and the place (a venue:
        # "di Diaz Hotel Mossel Bay") capitalised; a venue may stand in apposition ("di
        # Jakarta International Convention Center (JICC), Jakarta")
        # "Denpasar in Bali": Bali only locates Denpasar
        if _place_before().search(before) and not m.qualifier:
            best = m
            break
        if (
            fallback is None
            and not m.qualifier
            and m.type in LOCAL_GOVERNMENT_TYPES
            and d.is_foreign_actor(m.slug)
            and _in_event_name(sent.text, m)
        ):
            fallback = m
    best = best or fallback
    return best.slug if best else None


def _in_event_name(text: str, m: Mention) -> bool:
    """ "joined the Dubai Expo": a large town abroad named in the event's own name is
    where it is held, when no place is told after a preposition."""
    return any(
        (x.start("name"), x.end("name")) == (m.start, m.end)
        or (x.start("name2"), x.end("name2")) == (m.start, m.end)
        for x in event_names().finditer(text, max(0, m.start - 40), m.end + 40)
    )


@cache
def place_words() -> str:
    """The words right before where an activity is held or a trip goes, as one
    alternation: prepositions of place and of destination and verbs of visiting (word
    lists ``location_preps``, ``destination_preps``, ``visit_verbs``)."""
    data = relations_lexicon()
    words = data["location_preps"] + data["destination_preps"] + data["visit_verbs"]
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def _place_before() -> re.Pattern[str]:
    """The words before a place where an activity is (``place_words``), then up to three
    capitalised words (a venue); or a venue named after a preposition of place, then a
    comma."""
    preps = "|".join(sorted(relations_lexicon()["location_preps"], key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?i:{place_words()})\s+"
        r"(?i:negara\s+|kota\s+)?(?:(?:[A-Z][\w'-]*|the)\s+){0,3}"
        rf"|\b(?i:{preps})\s+(?:the\s+)?"
        r"[A-Z][\w'&-]*(?:\s+(?:of\s+)?[A-Z][\w'&-]*){0,5}"
        r"\s*(?:\([A-Z][\w-]*\)\s*)?,\s+)$"
    )


def venue_body(
    d: DocContext, sent: Sentence, ms: list[Mention], lo: int = 0, hi: int | None = None
) -> str | None:
    """A body abroad where an activity is held, which so runs it ("belajar di Temasek
    Polytechnic Singapore")."""
    for m in ms:
        if m.start < lo or (hi is not None and m.start > hi) or m.type not in ORGANISATION_TYPES:
            continue
        if d.is_foreign_actor(m.slug) and re.search(
            r"\b(?i:di|in|at)\s+$", sent.text[max(0, m.start - 20) : m.start]
        ):
            return m.slug
    return None


_NAME_RUN = re.compile(
    r"((?:[A-Z][a-z][\w'’-]*)(?:\s+(?:[A-Z][a-z][\w'’-]*|bin|binti|van|de)){1,3})"
    r"(?=\s*(?:[,.;:()]|$|\s+[a-z]))"
)


def leader_of(d: DocContext, sent: Sentence, ms: list[Mention]) -> str | None:
    """The person who led the group a sentence speaks of ("Rombongan dipimpin Kepala Dinas
    DPMPTSP Yon Heri", "The group was led by Suh Byung-soo, mayor of Busan"): a person
    named after the words, past any title; registered as an entity of the document."""
    rx = patterns()
    text = sent.text
    for lm in rx["led_by"].finditer(text):
        if not rx["led_group"].search(" ".join(text[: lm.start()].split()[-4:])):
            continue
        person = next((m for m in ms if m.type == "Person" and 0 <= m.start - lm.end() <= 60), None)
        if person is not None:
            return person.slug
        # past a title ("Kepala Dinas DPMPTSP Kota Jambi, Yon Heri"): the run of
        # capitalised words that ends a comma-separated part of the phrase is the name
        phrase = re.split(r"[.;:()]|\s+(?:yang|dan|and|who|with|serta)\s", text[lm.end() :])[0]
        at = lm.end()
        for part in phrase.split(","):
            name = _name_ending(d, part, at, ms)
            if name is not None:
                return name
            at += len(part) + 1
    return None


def _name_ending(d: DocContext, part: str, at: int, ms: list[Mention]) -> str | None:
    """A person's name ending ``part`` (which starts at offset ``at`` of the sentence),
    two to four capitalised words not inside a known name; registered as an entity."""
    runs = [
        r for r in _NAME_RUN.finditer(part.rstrip()) if r.group(1).split()[0] not in stop_words()
    ]
    if not runs:
        return None
    run = runs[-1]
    a, b = at + run.start(1), at + run.end(1)
    inside = [m for m in ms if m.start < b and a < m.end]
    if inside:
        # a person the document already names ("Yon Heri" in "Yon Heri Saputra"), or
        # a place or a body ("led by Busan City"), not a person
        people = {m.slug for m in inside if m.type == "Person"}
        return people.pop() if len(people) == 1 and len(inside) == 1 else None
    name = run.group(1)
    slug = slugify(name)
    ent = d.mentions.entities.get(slug)
    if ent is None:
        ent = d.mentions.entities[slug] = Entity(slug=slug, type="Person", labels={"und": name})
    if ent.type != "Person":
        return None
    ent.aliases.add(name)
    return slug


def person_asides(text: str) -> list[tuple[int, int]]:
    """The clauses about a person set off by commas ("Thornton, who took up her post in
    Bali last year and grew up in Perth, said …"), as spans of ``text``.

    >>> t = "Thornton, who grew up in Perth, said it was her first visit."
    >>> [t[a:b] for a, b in person_asides(t)]
    [', who grew up in Perth']
    """
    if "who" not in text:
        return []
    return [m.span() for m in structure("person_aside").finditer(text)]


def dates_in(d: DocContext, text: str, lo: int = 0, hi: int | None = None) -> list[DateSpan]:
    out = []
    asides = person_asides(text)
    for span in find_dates(text, d.ref):
        if span.begin < lo or (hi is not None and span.begin > hi):
            continue
        if any(a <= span.begin < b for a, b in asides):
            continue  # "…, who took up her post in Bali last year, …": the person's story
        if year_since(text, span):
            continue  # "sejak MoU 2022 kedua kota telah menggelar … pertemuan"
        since = since_before().search(text[: span.begin])
        if (
            since
            and not end_before().search(text[: span.begin])
            and not span.end  # "mulai 6 hingga 8 Mei": a period, not a beginning
            # "mulai 4 Agustus 2023", "starting on 9 September": a day an activity begins
            and not (span.start.count("-") == 2 and _starting().match(since.group(0)))
        ):
            continue
        out.append(span)
    # the most precise date first: a day beats a month, a month a year
    out.sort(key=lambda x: (-x.start.count("-"), x.begin))
    return out


@cache
def _weekday_bracket() -> re.Pattern[str]:
    """A weekday opening the bracket of a date, at the end of a text ("…, Kamis (")."""
    return re.compile(rf"(?:,\s*|\s+)(?:pada\s+|on\s+)?(?:{weekdays()})\s*\(\s*$", re.I)


def spoken_on(d: DocContext, text: str) -> DateSpan | None:
    """The day a quoted speaker spoke, told in the attribution ("…," ujar Benyamin,
    Kamis (1/6/2023)): in local news the day of the occasion the quote was given at."""
    for m in patterns()["speech"].finditer(text):
        for span in dates_in(d, text, m.end(), m.end() + 90):
            between = text[m.end() : span.begin]
            if (
                span.start.count("-") == 2
                and not span.end
                and not re.search(r"[.;\"“”]", between)
                and _weekday_bracket().search(between)
            ):
                return span
    return None


def stay_holds(start: str | None, end: str | None, day: str | None) -> bool:
    """Whether a stay of days (``start`` to ``end``) holds the ``day`` told of it.

    >>> stay_holds("2024-09-09", "2024-09-13", "2024-09-11")
    True
    >>> stay_holds("2024-09-09", "2024-09-13", "2024-09")
    False
    """
    if not (start and end and day):
        return False
    return start.count("-") == end.count("-") == day.count("-") == 2 and start <= day <= end


def set_dates(act: Activity, spans: list[DateSpan], text: str) -> None:
    for span in spans:
        if end_before().search(text[: span.begin]) and not span.end:
            if act.end is None:
                act.end = span.start
            continue
        if (
            act.start is not None
            and act.end is None
            and not span.end
            and act.start.count("-") == span.start.count("-") == 2
            and span.start < act.start
            and structure("began_before").search(text, 0, span.begin)
        ):
            # "completed a course on Friday … The course, which began on Oct. 2": the day
            # told first was its last
            act.start, act.end = span.start, act.start
            continue
        if (
            act.end is None
            and act.start is not None
            and act.start.count("-") == span.start.count("-") == 2
            and structure("held_before").search(text, 0, span.begin)
        ):
            # "returned home on Monday after performing at the carnival … The carnival, held
            # on 27-30 July", "said Thursday it has handed over … The handover took place
            # Tuesday": the days it was held are its own
            act.start, act.end = span.start, span.end
            continue
        if (
            act.start is None
            or (act.start.count("-") < span.start.count("-") and span.start.startswith(act.start))
            # "welcomed the delegation yesterday … in Brisbane from 9 to 13 September": a
            # stay that holds the day told is the activity's whole length
            or (act.end is None and stay_holds(span.start, span.end, act.start))
        ):
            act.start = span.start
            if span.end:
                act.end = span.end
    if act.start and act.end and act.start.count("-") < act.end.count("-"):
        act.start = None  # "tahun 2024 ... hingga 27 Februari": the year names the programme


def stay_days(text: str) -> int | None:
    """How many days a stay told in ``text`` lasts ("a four-day visit", "selama tiga
    hari"), if the text says so once.

    >>> stay_days("wrapped up a four-day visit"), stay_days("kunjungan selama 3 hari")
    (4, 3)
    >>> stay_days("tiba dua hari lalu") is None, stay_days("one day") is None
    (True, True)
    """
    found = {word_value(m.group("n")) for m in structure("stay_length").finditer(text)}
    found.discard(None)
    if len(found) != 1:
        return None
    n = found.pop()
    return n if n is not None and 2 <= n <= 31 else None


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def stretch_stay(act: Activity, text: str, trigger_at: int) -> None:
    """A stay of N days dated by one day: the day told is its last when a word before the
    activity says it ended ("wrapped up a four-day visit … on Thursday") or when the day
    was given as its end; else its first."""
    n = stay_days(text)
    if n is None:
        return
    if act.start is None and act.end is not None and act.end.count("-") == 2:
        act.start = _shift(act.end, 1 - n)
    elif act.start is not None and act.end is None and act.start.count("-") == 2:
        before = " ".join(text[:trigger_at].split()[-8:])
        if patterns()["stay_ended"].search(before):
            act.start, act.end = _shift(act.start, 1 - n), act.start
