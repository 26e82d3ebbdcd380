"""Partnerships: "X menjalin kerja sama sister city dengan Y", planned ones
("menjajaki"), ended ones, and their start year ("sejak 2016", the year of a signing)."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from graph.extract.context import (
    DocContext,
    after_locative,
    dateline_in,
    home_national,
    negated,
    place_of_unnamed,
    planned,
    seat_of_mission,
    signed_by_firms,
    since_year,
)
from graph.extract.dates import find_dates, weekdays
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES
from graph.extract.lexicon import patterns, structure
from graph.extract.mentions import BRACKET_ACRONYM
from graph.extract.relations.view import SentenceView
from graph.extract.spans import Mention
from graph.model import Activity, Evidence
from graph.sources.text import BULLET
from graph.vocab import HOME_COUNTRY


def _for_mission(d: DocContext, slug: str, surface: str) -> str:
    """An embassy or a consulate stands for its country ("Konsulat Jenderal Singapura")."""
    country = d.mentions.entities[slug].country
    if (
        d.ent_type(slug) == "Organization"
        and country
        and country in d.mentions.entities
        and patterns()["missions"].match(surface)
    ):
        return country
    return slug


def _partners(d: DocContext, v: SentenceView) -> tuple[list[str], list[str]]:
    """The Indonesian governments of the sentence and their foreign partners."""
    rx = patterns()
    ones = list(dict.fromkeys(v.explicit_lgs))
    line = dateline_in(v.sent, with_day=True)
    partners = [
        _for_mission(d, m.slug, m.surface)
        for m in v.foreign
        if not m.qualifier
        and not seat_of_mission(v.sent.text, m.start)
        and not (line and m.end <= line.end())  # "KUCHING: …" says where it was written
    ]
    both = rx["both"].search(v.text) if not partners else None
    if both is not None:
        # "sister city antar kedua kota": the two cities named before (the last city, when
        # the words say cities: a state named since only located it)
        named = d.recent_foreign
        if structure("cities_word").search(both.group(0)):
            named = [p for p in named if d.ent_type(p) == "CityGovernment"] or named
        ones = ones or ([d.home] if d.home else [])
        # "… kedua belah pihak": the partner of a tie told before, over a town named since
        # only as a stop of the trip
        tied = {e for q in d.ex.qualified if q.kind == "Partnership" for e in q.ends}
        partners = [p for p in named if p in tied][-1:] or list(named[-1:])
    # "bertemu Gubernur Queensland di Brisbane": with another government abroad named, a
    # place after "di" / "in" is where they met, not a partner; one after "dari" / "from"
    # is where something comes from or is measured from
    placed = {
        id(m)
        for m in v.foreign
        if (after_locative(v.sent.text, m.start) and not _heads_a_list(d, v, m))
        or structure("from_before").search(v.sent.text, 0, m.start)
    }
    # a place named only where something happens or comes from ("MoU dengan Kyoto di Kyoto"
    # makes Kyoto a partner all the same)
    venues = {m.slug for m in v.foreign if id(m) in placed} - {
        m.slug for m in v.foreign if id(m) not in placed
    }
    # with a foreign local government named, it is the partner, not the countries or
    # organisations around it ("met in Brazil, honoured by the United Nations"), unless it
    # is only where something happened ("cooperation with KOICA … a course in Seoul")
    if any(d.ent_type(p) in LOCAL_GOVERNMENT_TYPES and p not in venues for p in partners):
        partners = [p for p in partners if d.ent_type(p) in LOCAL_GOVERNMENT_TYPES]
    if any(p not in venues and d.ent_type(p) in LOCAL_GOVERNMENT_TYPES for p in partners):
        partners = [p for p in partners if p not in venues]
    # "menandatangani nota kesepahaman dengan Pemerintah Kota Binjai di Malaysia": a country
    # named only as where something happens is no partner
    partners = [p for p in partners if not (p in venues and d.ent_type(p) == "Country")]
    # "dengan kota di Australia Barat", "with a city in Japan": where an unnamed partner is
    partners = [
        p
        for p in partners
        if not any(
            m.slug == p and m.type != "CityGovernment" and place_of_unnamed(v.sent.text, m.start)
            for m in v.foreign
        )
    ]
    partners = list(dict.fromkeys(partners))
    paired = _between_pairs(v, ones, partners)
    if paired:
        # "kota kembar antara Manado dan Liverpool … kunjungan Presiden … ke London": the
        # pair the sentence names is the tie; other places abroad are told of around it,
        # and a head of ours who speaks of it is no party ("Wakil Gubernur Kalbar …
        # 'Sister City' antara Lyon dengan Pontianak")
        partners = [p for p in partners if p in paired]
        ones = [o for o in ones if o in paired]
    if home_national(d, v.sent.text, v.mentions) or any(m.slug == HOME_COUNTRY for m in v.mentions):
        # "hubungan bilateral Indonesia-Prancis", a president's visit: national, not local
        partners = [p for p in partners if d.ent_type(p) != "Country"]
    return ones, partners


_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*,\s*")


def _heads_a_list(d: DocContext, v: SentenceView, m: Mention) -> bool:
    """ "sister cities in Seattle (United States), Busan (South Korea) and …": a place after
    "in" that a comma joins to another government abroad opens the list of partners, and is
    no venue."""
    gap = _LIST_GAP.match(v.sent.text, m.end)
    if gap is None:
        return False
    return any(
        x.start == gap.end() and x is not m and d.ent_type(x.slug) in LOCAL_GOVERNMENT_TYPES
        for x in v.foreign
    )


def _date_the_partnership(d: DocContext, v: SentenceView, at: int) -> None:
    """ "a new era of cooperation that has existed since 2019": the start year of the
    partnership the article is about, when it is about one."""
    since = since_year(v.sent.text, d.ref, at) or _origin_year(d, v)
    active = [q for q in d.ex.qualified if q.kind == "Partnership" and q.status == "active"]
    if since and len(active) == 1 and (active[0].since is None or since < active[0].since):
        active[0].since = since
        active[0].evidence.append(Evidence(v.sent.text, v.sent.index))


@cache
def _weekday_before() -> re.Pattern[str]:
    return structure("weekday_before", weekdays=weekdays())


#: what may stand between a partner and the bracket closing its item: the places that
#: locate it ("Surabaya in East Java, Indonesia (…)")
_LOCATING_RUN = re.compile(r"(?:[\s,]+|(?:in|di|of|the)\b|[A-Z][\w'’.-]*)*")


def _bracket_year(v: SentenceView, partner: str) -> str | None:
    """ "Braunschweig (1960), Suwon (1997)": a year in brackets right after a partner is
    the start of that partnership; so is a dated bracket closing the partner's list item
    ("Surabaya in East Java, Indonesia (a sister city - April 17, 1997)"), when no other
    partner comes between."""
    text = v.sent.text
    for m in v.mentions:
        if m.slug != partner:
            continue
        hit = structure("bracket_year").match(text, m.end)
        if hit:
            return hit.group(1)
        start = m.end
        opening = text.find("(", start, m.end + 80)
        acronym = BRACKET_ACRONYM.match(text, opening) if opening >= 0 else None
        if acronym is not None and not text[start:opening].strip():
            # "Majlis Bandaraya Melaka Bersejarah (MBMB) di Malaysia (1997)": past the
            # item's acronym
            start = acronym.end()
            opening = text.find("(", start, m.end + 80)
        if opening < 0 or not _LOCATING_RUN.fullmatch(text, start, opening):
            continue  # "Darwin's sister cities are Anchorage (1982)": another's bracket
        between = [
            x
            for x in v.mentions
            if m.end <= x.start < opening and not x.qualifier and x.slug != partner
        ]
        if any(x.type in LOCAL_GOVERNMENT_TYPES for x in between):
            continue
        if _weekday_before().search(text, max(0, opening - 25), opening):
            continue  # "Rabu lalu (24/3/2021)": the day something was said, no item's date
        closing = text.find(")", opening)
        year = re.search(r"\b((?:19|20)\d\d)\b", text[opening:closing]) if closing > 0 else None
        if year:
            return year.group(1)
    return None


def _item_since(d: DocContext, v: SentenceView, partner: str, partners: list[str]) -> str | None:
    """ "with Darwin since 1988, and with Vlissingen since 2019": with several partners
    in a sentence, a "since" year between a partner and the next one dates that one."""
    if len(partners) < 2:
        return None
    text = v.sent.text
    starts = sorted(x.start for x in v.mentions if x.slug in partners)
    for m in v.mentions:
        if m.slug != partner:
            continue
        stop = next((a for a in starts if a > m.start), len(text))
        year = since_year(text[m.end : stop], d.ref)
        if year:
            return year
    return None


def _years_itemised(d: DocContext, v: SentenceView, partners: list[str]) -> bool:
    """Whether some partner of a list of several carries a year of its own."""
    return len(set(partners)) >= 2 and any(
        _bracket_year(v, p) or _item_since(d, v, p, partners) for p in partners
    )


def _respective_since(
    d: DocContext, v: SentenceView, partner: str, partners: list[str]
) -> str | None:
    """ "sister city agreements with Manado and Bitung, signed in 2009 and 2014": as many
    years after the last partner as partners listed, each partner takes its own, in order."""
    if len(partners) < 2:
        return None
    text = v.sent.text
    firsts: dict[str, int] = {}
    for m in v.mentions:
        if m.slug in partners:
            firsts.setdefault(m.slug, m.start)
    if len(firsts) != len(set(partners)):
        return None
    last = max(m.end for m in v.mentions if m.slug in partners)
    years = [
        x.start for x in find_dates(text[last:], d.ref) if not x.relative and len(x.start) == 4
    ]
    if len(years) != len(firsts) or len(set(years)) != len(years):
        return None
    ordered = sorted(firsts, key=firsts.__getitem__)
    return years[ordered.index(partner)]


def _origin_year(d: DocContext, v: SentenceView) -> str | None:
    """ "Dari dua gubernur itu lahir kesepakatan sister city pada 16 Juli 1985": a dated
    origin of the partnership (not a renewal)."""
    rx = patterns()
    if not rx["origin"].search(v.text) or rx["renewal"].search(v.text):
        return None
    spans = [x for x in find_dates(v.sent.text, d.ref) if not x.relative]
    return spans[0].start[:4] if spans else None


def _became_year(d: DocContext, v: SentenceView, at: int) -> str | None:
    """ "became our sister city in 1991", "resmi menjadi kota kembar pada 1985": an origin
    word right before the tie word, and the year right after it."""
    return _became_year_in(d, v.sent.text, at)


def _became_year_in(d: DocContext, text: str, at: int) -> str | None:
    if not patterns()["origin"].search(text[max(0, at - 30) : at]):
        return None
    for span in find_dates(text[at : at + 50], d.ref):
        if not span.relative and len(span.start) >= 4:
            return span.start[:4]
    return None


def _anniversary_year(d: DocContext, v: SentenceView) -> str | None:
    """ "merayakan 25 tahun kerja sama sister city pada 17 Juli 2022": the year of the
    sentence's date (else the article's) less the tie's exact age."""
    m = patterns()["anniversary"].search(v.sent.text)
    if m and structure("anniversary_of_a_year").match(v.sent.text[m.end() :]):
        return None  # "the 69th anniversary of the 1955 Asian-African Conference": another's
    number = re.search(r"\d+", m.group(0)) if m else None
    if number is None:
        return None
    age = int(number.group())
    # "celebrated 60 years as sister cities last year": a year told relatively counts too
    spans = [x for x in find_dates(v.sent.text, d.ref) if not x.relative or len(x.start) == 4]
    year = int(spans[0].start[:4]) if spans else (d.ref.year if d.ref else None)
    if year is None or not 0 < age < 100:
        return None
    return str(year - age)


def _start_year(d: DocContext, v: SentenceView, at: int, signed: bool) -> str | None:
    since = since_year(v.sent.text, d.ref, at) or _became_year(d, v, at) or _anniversary_year(d, v)
    if (
        since is None
        and signed
        and not patterns()["renewal"].search(v.text)
        # "since the agreement was first signed": a start the sentence leaves undated
        and not patterns()["since"].search(v.text)
    ):
        spans = [x for x in find_dates(v.sent.text, d.ref) if not x.relative or x.start.count("-")]
        if spans:
            return spans[0].start[:4]
        if d.doc.published:
            return d.doc.published[:4]
        if d.ref is not None:
            return str(d.ref.year)  # undated page: the latest date its text gives
    return since


def _began_before_end(d: DocContext, v: SentenceView, at: int) -> str | None:
    """The start year of a tie told as ended, given before the words that end it ("sejak
    2018 tidak diperpanjang", "which began in 2014, ended in 2023"); a year after them is
    when it lapsed ("tidak aktif sejak 2010")."""
    rx = patterns()
    ends = [m.start() for m in rx["ended"].finditer(v.sent.text)]
    ends += [m.start() for m in rx["dormant"].finditer(v.sent.text)]
    ends += [m.start() for m in rx["renewal"].finditer(v.sent.text)]
    if not ends:
        return None
    return since_year(v.sent.text[: min(ends)], d.ref, at)


def _record(
    d: DocContext, v: SentenceView, pair: tuple[str, str], status: str, since: str | None
) -> None:
    q = d.qualified("Partnership", *pair)
    new = not q.evidence
    q.evidence.append(Evidence(v.sent.text, v.sent.index))
    key = q.ends
    if status == "planned":
        if not patterns()["deepen"].search(v.text):
            # "semoga … mempererat hubungan antara kedua kota": a wish to deepen a tie is
            # no plan of one
            d.planned_pairs.add(key)
        if new or q.status != "active":
            q.status = "planned"
        return
    if status == "active" and _made(v.text):
        d.made_pairs.add(key)
    if status == "active" and key in d.planned_pairs and key not in d.made_pairs:
        # first told as a plan, the pair stays one until a sentence says it was made:
        # "Kerja sama Pontianak dan Lyon diharapkan mendorong pariwisata" after "berencana
        # menjalin kerja sama" is still the plan
        return
    q.status = status
    # an ended tie keeps the year it began ("sejak 2018 tidak diperpanjang lagi")
    if since and (q.since is None or since < q.since):
        q.since = since
    if status not in ("active", "inactive"):
        return  # a dormant tie is still one on paper; an ended one is not
    d.add_fact(pair[0], "partnersWith", pair[1], v.sent)


def _made(text: str) -> bool:
    """Whether a sentence says a partnership was made or exists: a signing, its origin, or
    words of one already running."""
    rx = patterns()
    return any(rx[k].search(text) for k in ("signing", "origin", "existing"))


def _trigger_for(v: SentenceView, partner: str) -> re.Match[str] | None:
    """The partnership word nearest before the partner's first mention."""
    at = next((m.start for m in v.mentions if m.slug == partner), None)
    if at is None:
        return None
    before = [m for m in patterns()["partnership"].finditer(v.text) if m.start() < at]
    return before[-1] if before else None


def _wished(text: str, at: int) -> bool:
    """ "meminta agar Jakarta lebih terbuka pada kerja sama …": a wish or proposal earlier
    in the clause scopes over the partnership, unless the partnership already exists."""
    rx = patterns()
    before = structure("clause_turn").split(text[:at])[-1]
    hoped = bool(rx["wishes"].search(before) or rx["tentative"].search(before))
    # "akan menginisiasi Kota San Diego … menjadi twinning city": a tie yet to be started
    hoped = hoped or bool(
        structure("planned_proposal", proposed=rx["proposed"].pattern).search(before)
    )
    conditional = bool(structure("conditional_opening").match(text))
    return (hoped or conditional) and not rx["existing"].search(text)


def _between_states(d: DocContext, v: SentenceView) -> bool:
    """Whether the sentence's tie is between two states, ours one of them ("MoU antara
    Pemerintah Indonesia dan Korea Selatan", "between Indonesia and Japan"): a national
    agreement, which a region only witnesses or hosts."""
    states = sorted((m for m in v.mentions if m.type == "Country"), key=lambda m: m.start)
    text = v.sent.text
    for a, b in pairwise(states):
        if HOME_COUNTRY not in (a.slug, b.slug) or a.slug == b.slug:
            continue
        opened = structure("between_governments_before").search(
            text[max(0, a.start - 40) : a.start]
        )
        if opened and structure("joined").match(
            structure("government_word_end").sub("", text[a.end : b.start])
        ):
            return True
    return False


def _between_pairs(v: SentenceView, ones: list[str], partners: list[str]) -> set[str]:
    """The ends of a pair of ours and a partner named after "antara"/"between" ("antara
    Manado dan Liverpool", "between Liverpool and Manado")."""
    text = v.sent.text
    order = sorted(
        (m for m in v.mentions if m.slug in ones or (m.slug in partners and not m.qualifier)),
        key=lambda m: m.start,
    )
    out: set[str] = set()
    for i, (a, b) in enumerate(pairwise(order)):
        if not structure("between_before").search(text[max(0, a.start - 12) : a.start]):
            continue
        gap = text[a.end : b.start]
        for x in v.mentions:  # "antara Lyon di Perancis dengan Pontianak": a place locating
            if a.end <= x.start and x.end <= b.start and (x.qualifier or x.type == "Country"):
                gap = gap.replace(x.surface, " ")
        gap = re.sub(r"^\s*(?:,|di|in)?\s*,?", " ", gap)
        if not structure("joined").match(gap):
            continue
        after = order[i + 2] if i + 2 < len(order) else None
        if after is not None and re.fullmatch(r"[\s,;]*", text[b.end : after.start]):
            return set()  # "antara Ambon-Vlissingen, Jakarta-Roterdam, …": a list of pairs
        pair = {a.slug, b.slug}
        if pair & set(ones) and pair & set(partners):
            out |= pair
    return out


def _listed_among_partners(d: DocContext, v: SentenceView, ones: list[str], at: int) -> bool:
    """Whether the sentence's Indonesian governments are items of a list of two or more
    foreign partners after the partnership word (a foreign item before them), not the
    doers the list belongs to."""
    lgs = [m for m in v.foreign if d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES]
    after = [m for m in lgs if m.start > at]
    own = [m.start for m in v.mentions if m.slug in ones]
    if not after or not own or min(own) < at:
        return False
    if min(m.start for m in after) > min(own):
        # ours first: an item only when a list opens before it ("International partners
        # include Bitung …, and Manado …; Tacoma …"), two or more items abroad follow and
        # no "with" makes ours the doer ("kerja sama Kota Bitung dengan Nanning")
        # or the list is the object of "with" ("agreements have been sealed with … Ambon
        # in Indonesia, Haikou in China, … and Dili in Timor Leste")
        first = min(own)
        # "Darwin has sister cities including Ambon … and Haikou …": with the list's owner
        # abroad named before the word, one more item abroad is enough
        owner_before = any(m.start < at for m in lgs)
        return (
            len({m.slug for m in after}) >= (1 if owner_before else 2)
            and bool(
                patterns()["list_opening"].search(v.text[at:first])
                or structure("with_word").search(v.text[at:first])
                # "Darwin has six sister cities: Ambon (1988), Anchorage …"
                or re.fullmatch(r"[\w\s-]*:\s*", v.text[at:first])
            )
            and not structure("with_word").search(v.text[first : min(m.start for m in after)])
        )
    # a list: two foreign items, or one with the foreign doer named before the word
    return len({m.slug for m in after}) >= 2 or any(m.start < at for m in lgs)


def _segment_year(d: DocContext, v: SentenceView, one: str) -> str | None:
    """ "partners include Bitung in Sulawesi, and Manado in 1993; Tacoma … in 1994": in a
    list whose items are parted by semicolons, the one year of ours' own part, when no
    government abroad shares that part."""
    text = v.sent.text
    if ";" not in text:
        return None
    for m in v.mentions:
        if m.slug != one:
            continue
        lo = text.rfind(";", 0, m.start) + 1
        hi = text.find(";", m.end)
        hi = len(text) if hi < 0 else hi
        if any(
            lo <= x.start < hi and d.ent_type(x.slug) in LOCAL_GOVERNMENT_TYPES for x in v.foreign
        ):
            continue
        years = {x.start for x in find_dates(text[m.end : hi], d.ref) if len(x.start) == 4}
        if len(years) == 1:
            return years.pop()
    return None


def _owner_before(d: DocContext, v: SentenceView) -> str | None:
    """The one local government abroad the sentence before this one names as its subject
    (its first government), if it is abroad."""
    if v.sent.index == 0:
        return None
    before = sorted(d.mentions.in_sentence(v.sent.index - 1), key=lambda m: m.start)
    lgs = [m for m in before if d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES and not m.qualifier]
    if lgs and d.is_foreign_actor(lgs[0].slug):
        return lgs[0].slug
    return None


def _initiator(d: DocContext, v: SentenceView, one: str) -> str | None:
    """The head of ours who proposes or starts a tie ("Gubernur Riau Syamsuar telah
    mengusulkan pembangunan sister city …"; "… digagas oleh Wali Kota X")."""
    rx = patterns()
    heads = [m for m in v.mentions if m.type == "Person" and d.heads.get(m.slug) == one]
    verb = rx["proposed"].search(v.text)
    if verb is not None:
        before = [m for m in heads if m.end <= verb.start()]
        if before:
            return before[-1].slug
    passive = rx["initiated_by"].search(v.text)
    if passive is not None:
        after = [m for m in heads if 0 <= m.start - passive.end() <= 40]
        if after:
            return after[0].slug
    return None


def _home_abroad(d: DocContext, v: SentenceView, ones: list[str], pm: re.Match[str]) -> list[str]:
    """On a foreign government's own page ("Darwin's Sister Cities"), "agreements have
    been sealed with … Ambon in Indonesia": ours, named after the tie word and "with", is
    the partner of the government the title names."""
    # the page's own government: the one foreign government its title names
    if not ones or not d.sentences:
        return []
    titled = {
        m.slug
        for m in d.mentions.in_sentence(d.sentences[0].index)
        if d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
    }
    if len(titled) != 1:
        return []
    home = titled.pop()
    if not d.is_foreign_actor(home):
        return []
    first = min((m.start for m in v.mentions if m.slug in ones), default=-1)
    if first < pm.end() or not structure("with_word").search(v.text[pm.end() : first]):
        return []
    return [home]


def _paired_items(v: SentenceView, ones: list[str], partners: list[str]) -> dict[str, str]:
    """ "Surabaya dengan Guangzhou, Semarang dengan Brisbane, serta Bau-Bau dengan Seoul":
    a list of pairs, each of ours followed by its own partners before the next of ours.
    Maps each partner to its one of ours; empty unless the sentence is such a list."""
    if len(ones) < 2 or len(partners) < 2:
        return {}
    order = [m.slug for m in sorted(v.mentions, key=lambda m: m.start) if m.slug in ones + partners]
    if not order or order[0] not in ones:
        return {}
    out: dict[str, str] = {}
    current, items = "", 0
    for prev, slug in zip(["", *order], order, strict=False):
        if slug in ones:
            current = slug
        else:
            out.setdefault(slug, current)
            items += prev in ones
    # two or more of ours each followed by its partner; one of ours whose partner no list
    # knows ("Jakarta-Roterdam") gets none
    return out if items >= 2 else {}


def _planned_at(v: SentenceView, trig: re.Match[str]) -> bool:
    """Whether the partnership word ``trig`` tells a tie planned, wished for, or not made
    yet ("MoU antara Kota Padang dan Kota Hildesheim belum ditandatangani", "… batal")."""
    return (
        (planned(v.text, trig.start(), trig.end()) and not _tie_to_deepen(v.text, trig))
        or _wished(v.text, trig.start())
        or bool(patterns()["not_yet"].search(v.text, trig.start()))
    )


def _tie_to_deepen(text: str, trig: re.Match[str]) -> bool:
    """ "ingin mengoptimalkan kerja sama sister city … yang telah berlangsung lama", "will
    deepen its sister city ties": the wish is to deepen a tie that exists, told by words
    of its existing after it, or by a deepening verb right before a twinning word."""
    rx = patterns()
    if rx["in_place_after"].search(text, trig.end(), trig.end() + 120):
        return True
    before = " ".join(text[max(0, trig.start() - 80) : trig.start()].split()[-3:])
    return bool(rx["deepen"].search(before) and rx["twinning_kind"].match(trig.group(0)))


@cache
def _generic() -> re.Pattern[str]:
    """A determiner that makes the tie's word any tie at all, right before it."""
    return re.compile(rf"(?:{patterns()['generic_determiners'].pattern})\s+$", re.I)


def _no_tie_told(d: DocContext, v: SentenceView, pm: re.Match[str]) -> bool:
    """Whether the sentence tells no tie of towns, whatever it names."""
    return bool(
        # "Pemkot Bogor membantah kabar telah menandatangani …"
        patterns()["denial"].search(v.text)
        # "any sister-city arrangement must go through the ministry": no one tie
        or _generic().search(v.text, max(0, pm.start() - 20), pm.start())
        # "menyaksikan penandatanganan MoU antara Indonesia dan Korea Selatan": national
        or _between_states(d, v)
        # "A Davao-based shipping company and an Indonesian firm inked …"
        or signed_by_firms(v.sent.text)
    )


def _partner_list_item(d: DocContext, v: SentenceView) -> bool:
    """ "… empat mitra luar negeri, yakni:" then "1. Kota Davao, Filipina (2002) -
    perikanan": an item of a list of partners that a line of ours opened names a partner
    of ours, first in the item, dated by the bracket after it. Whether the sentence was
    such an item."""
    if d.partner_list is None:
        return False
    last, ones = d.partner_list
    if v.sent.index != last + 1 or not BULLET.match(v.sent.text):
        d.partner_list = None
        return False
    d.partner_list = (v.sent.index, ones)
    first = next(
        (m for m in v.foreign if d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES and not m.qualifier),
        None,
    )
    if first is not None:
        for one in ones:
            _record(d, v, (one, first.slug), "active", _bracket_year(v, first.slug))
    return True


def partnership(d: DocContext, v: SentenceView) -> None:
    """Partnerships between the sentence's Indonesian governments and foreign actors."""
    if _partner_list_item(d, v):
        return
    rx = patterns()
    pm = rx["partnership"].search(v.text)
    if pm is not None and (offices := list(rx["cooperation_office"].finditer(v.text))):
        # "Kepala Bagian Kerja Sama Pemkot Surabaya": an office's name, no tie
        pm = next(
            (
                m
                for m in rx["partnership"].finditer(v.text)
                if not any(o.start() <= m.start() < o.end() for o in offices)
            ),
            None,
        )
    if not pm or _no_tie_told(d, v, pm):
        return
    # "tidak memperpanjang kerja sama …", "… tidak diperpanjang": a tie not renewed ended
    not_renewed = any(negated(v.text, r.start()) for r in rx["renewal"].finditer(v.text))
    if negated(v.text, pm.start()) and not not_renewed:
        return
    ones, partners = _partners(d, v)
    listed = _listed_among_partners(d, v, ones, pm.start())
    if listed:
        # "Kochi … alliances have grown to include Wuhu City, Kitami City and, most
        # recently, Surabaya": ours is one of a foreign government's partners, listed
        # with the others; its partner is that government, named before the list
        subject = next(
            (
                m.slug
                for m in v.foreign
                if m.start < pm.start() and d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
            ),
            None,
        )
        if (
            subject is None
            and min((m.start for m in v.mentions if m.slug in ones), default=0) > pm.start()
        ):
            # "Davao City has over 20 sister cities. International partners include …":
            # the list's owner is the government abroad the sentence before ended on
            subject = _owner_before(d, v)
        # else the government abroad the page is about ("Darwin's Sister Cities")
        partners = [subject] if subject else _home_abroad(d, v, ones, pm)
    if not partners and not listed:
        partners = _home_abroad(d, v, ones, pm)
    is_planned = _planned_at(v, pm)
    if not partners and ones and not is_planned and v.sent.text.rstrip().endswith(":"):
        d.partner_list = (v.sent.index, ones[:1])  # the items follow
        return
    renewed = any(
        not negated(v.text, r.start()) for r in rx["renewal"].finditer(v.text)
    )  # "berakhir pada 2020 dan tidak diperpanjang": ended, not renewed
    ended = (bool(rx["ended"].search(v.text)) or not_renewed) and not is_planned and not renewed
    dormant = bool(rx["dormant"].search(v.text)) and not (ended or is_planned or renewed)
    if not partners and not is_planned:
        _date_the_partnership(d, v, pm.start())
    signed = bool(rx["signing"].search(v.text))
    items = _paired_items(v, ones, partners)
    for other in partners:
        # each partner under the partnership word nearest before it: "she hoped the
        # cooperation would go on, pointing out that Semarang is a sister city of Brisbane"
        trig = _trigger_for(v, other) or pm
        planned_here = is_planned if trig.start() == pm.start() else _planned_at(v, trig)
        status = (
            "planned" if planned_here else "ended" if ended else "inactive" if dormant else "active"
        )
        for one in ones:
            if one == other or d.country_of(one) == d.country_of(other):
                continue
            if items and items.get(other) != one:
                continue  # a list of pairs: each of ours with the partners of its own item
            since = (
                _start_year(d, v, trig.start(), signed)
                if status == "active"
                else _began_before_end(d, v, trig.start())
                if status in ("ended", "inactive")
                else None
            )
            # listed among a foreign government's partners, the sentence's dates belong to
            # the other items: only the bracket closing ours dates ours ("Surabaya (a
            # sister city - 1997)")
            since = (
                (_bracket_year(v, one) or _segment_year(d, v, one))
                if listed
                else _bracket_year(v, other)
                # "Darwin's sister cities are Anchorage (1982), …, Ambon (1988)": ours an
                # item of the one partner's list, the bracket closing ours dates ours
                or (_bracket_year(v, one) if len(set(partners)) == 1 else None)
                or _item_since(d, v, other, partners)
                or _respective_since(d, v, other, partners)
                or _respective_since(d, v, one, ones)  # "… with Manado and Bitung, in …"
                # "Ichikawa sejak 1989 serta Chengdu dan Penang": a year an item of the
                # list carries is that item's, not the others'
                or (None if _years_itemised(d, v, partners) else since)
            )
            _record(d, v, (one, other), status, since)
            who = _initiator(d, v, one)
            if who:
                d.qualified("Partnership", one, other).initiated_by = who


def settle_plans(d: DocContext) -> None:
    """A pair the article tells as a plan is one, though a sentence before the plan named
    it plainly (a headline: "Sister City Pontianak–Lyon"), unless a sentence says the
    partnership was made (signed, begun, running)."""
    undone = d.planned_pairs - d.made_pairs
    if not undone:
        return
    for q in d.ex.qualified:
        if q.kind == "Partnership" and q.ends in undone and q.status == "active":
            q.status = "planned"
            q.since = None
    d.ex.facts = [
        f
        for f in d.ex.facts
        if not (
            f.predicate == "partnersWith"
            and ((f.subject, f.object) in undone or (f.object, f.subject) in undone)
        )
    ]


def drop_country_partners(d: DocContext) -> None:
    """ "Delegasi Kota Magelang bertolak ke Rusia … kota kembar Kota Tula, Rusia": when
    a city of a country is the partner, the country is not a partner of its own, nor is a
    state of that country the partner of a city of ours."""
    partners: dict[str, set[str]] = {}
    cities: dict[str, set[str]] = {}  # the countries of the cities abroad each one partners
    for f in d.ex.facts:
        if f.predicate == "partnersWith":
            for a, b in ((f.subject, f.object), (f.object, f.subject)):
                # a city or an agency of the country (JICA for Japan) is the partner
                if d.ent_type(b) in LOCAL_GOVERNMENT_TYPES | {"Organization"}:
                    partners.setdefault(a, set()).add(d.country_of(b) or "")
                if d.ent_type(b) == "CityGovernment":
                    cities.setdefault(a, set()).add(d.country_of(b) or "")

    def covered(a: str, b: str) -> bool:
        if d.ent_type(b) == "Country":
            return b in partners.get(a, set())
        # "Padang … Sister City dengan kota di Australia Barat" (Fremantle): a city or a
        # regency of ours is twinned with a city, the state only says where that city is
        return (
            d.ent_type(b) == "ProvincialGovernment"
            and d.ent_type(a) in ("CityGovernment", "RegencyGovernment")
            and d.is_indonesian_lg(a)
            and (d.country_of(b) or "") in cities.get(a, set())
        )

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


def since_from_signings(d: DocContext) -> None:
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
                if not patterns()["renewal"].search(told):
                    q.since = act.start[:4]
                break


def since_told_apart(d: DocContext) -> None:
    """A partnership with no start year takes it from a sentence that names one of its
    partners, no other government abroad, and a tie word with its start ("Surabaya … became
    our sister city in 1991", "sister city sejak 1985"), though the sentence names the
    other partner only by "our" or not at all."""
    rx = patterns()
    undated = [q for q in d.ex.qualified if q.kind == "Partnership" and not q.since]
    if not undated:
        return
    for sent in d.sentences:
        text = sent.text
        tie = rx["twinning_kind"].search(text)
        if tie is None or rx["renewal"].search(text):
            continue
        named = {m.slug for m in d.mentions.in_sentence(sent.index)}
        year = since_year(text, d.ref, tie.end()) or _became_year_in(d, text, tie.start())
        if year is None:
            continue
        abroad = {s for s in named if d.is_foreign_actor(s)}
        for q in undated:
            if (
                q.status == "active"
                and not q.since
                and named & set(q.ends)
                and abroad <= set(q.ends)
            ):
                q.since = year
                break


def founding_signings(d: DocContext) -> None:
    """ "Kerja sama kota kembar Padang dan Hildesheim sudah berlangsung sejak 20 Juni 1988":
    a partnership whose start the text dates to the day was founded that day, an occurrence
    of its own (the signing), unless the article already tells one that day."""
    rx = patterns()
    told = {a.start for a in d.ex.activities if a.start}
    for q in d.ex.qualified:
        if q.kind != "Partnership" or q.status != "active" or not q.since:
            continue
        for ev in q.evidence:
            text = ev.sentence
            day = _founding_day(d, text, q.since[:4])
            if day is None or day in told or rx["renewal"].search(text):
                continue
            tie = rx["twinning_kind"].search(text) or rx["partnership"].search(text)
            d.ex.activities.append(
                Activity(
                    type="Signing",
                    theme=tie.group(0) if tie else None,
                    start=day,
                    participants=list(q.ends),
                    evidence=[Evidence(text, ev.index)],
                )
            )
            told.add(day)
            break


def _founding_day(d: DocContext, text: str, year: str) -> str | None:
    """The day of the partnership's start in its sentence: a full date of its start year
    right after "sejak"/"since" or an origin or signing word."""
    rx = patterns()
    for word in ("since", "origin", "signing"):
        for m in rx[word].finditer(text):
            for span in find_dates(text[m.end() : m.end() + 45], d.ref):
                if (
                    span.begin <= 12
                    and not span.relative
                    and len(span.start) == 10
                    and span.start[:4] == year
                ):
                    return span.start
    return None
