"""Membership of international organisations and city networks."""

from __future__ import annotations

import re
from functools import cache

from graph.extract.context import DocContext, actor_after, hoped_for, negated, since_year
from graph.extract.dates import find_dates
from graph.extract.lexicon import patterns, structure
from graph.extract.names import list_separator
from graph.extract.relations.view import SentenceView


def _members(d: DocContext, v: SentenceView, at: int) -> list[str]:
    """The governments of ours that join: the list of them that ends nearest before the
    membership word ("Kota Banda Aceh, Banjarmasin, Bontang dan Kendari bergabung"), else
    the first one the sentence names as a doer."""
    ours = [m for m in v.mentions if m.end <= at and m.slug in v.explicit_lgs and not m.qualifier]
    if (
        not ours
        and not v.explicit_lgs
        and d.home
        and d.is_indonesian_lg(d.home)
        and d.home_head_named()
        # "Lalu sejak 2019 kami anggota CityNet", in an article whose government's head
        # speaks: that government
        and patterns()["first_person_plural"].search(v.sent.text)
    ):
        return [d.home]
    if not ours:
        return v.explicit_lgs[:1]
    listed = [ours[-1]]
    for prev in reversed(ours[:-1]):
        if not list_separator().fullmatch(v.sent.text[prev.end : listed[0].start]):
            break
        listed.insert(0, prev)
    return list(dict.fromkeys(m.slug for m in listed))


def _listed_after(d: DocContext, v: SentenceView, at: int) -> list[str]:
    """ "anggota UCLG dari Indonesia, seperti Kota Banjarmasin, Kota Bogor … dan Kabupaten
    Magelang": the governments of ours a list after the membership word and the body names,
    opened by a list word."""
    opening = patterns()["list_opening"].search(v.text, at)
    if opening is None or opening.start() - at > 80:
        return []
    ours = [
        m
        for m in sorted(v.mentions, key=lambda m: m.start)
        if m.start >= opening.end() and d.is_indonesian_lg(m.slug) and not m.qualifier
    ]
    if not ours or v.sent.text[opening.end() : ours[0].start].strip(" ,:"):
        return []
    listed = [ours[0]]
    for nxt in ours[1:]:
        gap = v.sent.text[listed[-1].end : nxt.start]
        # a province that only locates an item ("Kota Metro Lampung, dan …") is no gap
        place = re.match(r"\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?=\s*,)", gap)
        if place and d.gaz.lookup(place.group(1)) is not None:
            gap = gap[place.end() :]
        if not list_separator().fullmatch(gap):
            break
        listed.append(nxt)
    return list(dict.fromkeys(m.slug for m in listed))


def _bodies_listed(v: SentenceView, first: str) -> list[str]:
    """The body after the membership word and those listed with it ("a member of UCLG ASPAC
    and CityNet")."""
    bodies = sorted(
        (m for m in v.mentions if m.type == "InternationalOrganization" and not m.qualifier),
        key=lambda m: m.start,
    )
    at = next((i for i, m in enumerate(bodies) if m.slug == first), None)
    if at is None:
        return [first]
    out = [first]
    prev = bodies[at]
    for nxt in bodies[at + 1 :]:
        if nxt.slug == prev.slug:
            prev = nxt  # "… Major Cities 21 (ANMC21)": the item's acronym, named apart
            continue
        # "CityNet (CN), the C40 …, which it joined in 2013, and UCLG ASPAC": an item's
        # acronym and a clause about it are no break in the list
        gap = v.sent.text[prev.end : nxt.start]
        if v.sent.text[: prev.start].endswith("("):
            gap = gap.removeprefix(")")  # past the bracket of the acronym skipped
        gap = structure("item_aside").sub("", gap)
        gap = re.sub(r"(?i)\bthe\s+$", "", gap)
        if not list_separator().fullmatch(gap):
            break
        out.append(nxt.slug)
        prev = nxt
    return list(dict.fromkeys(out))


def _body_before(v: SentenceView, at: int) -> list[str]:
    """ "one of the UCLG ASPAC members": the body named right before the membership word."""
    return [
        m.slug
        for m in v.mentions
        if m.type == "InternationalOrganization" and not m.qualifier and 0 <= at - m.end <= 2
    ][-1:]


def _event_of(v: SentenceView, org: str, at: int) -> bool:
    """Whether what was joined is an event of the body, not the body: an event word right
    after its name ("joined an ICLEI training") or before it ("bergabung dalam lokakarya
    UCLG ASPAC")."""
    m = next((m for m in v.mentions if m.slug == org and m.start >= at), None)
    if m is None:
        return False
    rx = patterns()
    after = v.sent.text[m.end : m.end + 40]
    between = v.sent.text[at : m.start]
    return any(
        re.match(rf"\s*(?:{rx[f'activity:{cls}'].pattern})", after, re.I)
        or rx[f"activity:{cls}"].search(between)
        for cls in ("Training", "Meeting", "Exchange")
    )


def _joined_years(
    d: DocContext, v: SentenceView, bodies: list[str], members: list[str], mm: re.Match[str]
) -> dict[str, str]:
    """When each body was joined: the year right after its name ("member of ICLEI since
    2012", "joined CityNet (CN) in 2013"); for a single body, else the year after the noun
    naming it, a "sejak/since" year opening the sentence, or the date opening a joining
    told as an event."""
    text, at = v.sent.text, mm.start()
    years: dict[str, str] = {}
    for m in v.mentions:
        if m.slug not in bodies or m.start < at or m.slug in years:
            continue
        after = text[m.end : m.end + 120]
        # "anggota UCLG ASPAC (2017), ICLEI – Local Governments for Sustainability (2020)"
        bracket = structure("year_bracket_after_name").match(after)
        gap = re.sub(r"^\s*\([^()]{1,80}\)", "", after)  # its acronym
        found = bracket or _joined_year().match(gap)
        if found:
            years[m.slug] = found.group("year")
    if len(bodies) == 1 and not years:
        since = (
            _year_after_noun(text, mm)
            or _since_opening(d, v, members, at)
            or _joining_dated(d, v, members, at)
        )
        if since:
            years[bodies[0]] = since
    return years


def _year_after_noun(text: str, mm: re.Match[str]) -> str | None:
    """ "an active member of the network since 2008": the year after the noun naming the
    body."""
    named = _body_noun().match(text, mm.end())
    joined = _joined_year().match(text[named.end() :]) if named else None
    return joined.group("year") if joined else None


def _since_opening(d: DocContext, v: SentenceView, members: list[str], at: int) -> str | None:
    """ "Sejak 2012 Kota X menjadi anggota ICLEI": a "sejak/since" year opening the
    sentence before the membership word, with only members between."""
    opening = patterns()["since"].search(v.text, 0, at)
    if opening is None or any(
        opening.start() <= m.start < at and m.slug not in members for m in v.mentions
    ):
        return None
    return since_year(v.text[:at], d.ref)


def _joining_dated(d: DocContext, v: SentenceView, members: list[str], at: int) -> str | None:
    """ "In November 2023 East Kalimantan became a member of ICLEI": the date opening the
    sentence of a joining told as an event, with only the members between."""
    text = v.sent.text
    if not patterns()["joining_event"].search(text, max(0, at - 25), at + 12):
        return None
    for span in find_dates(text[:at], d.ref):
        opening = text[: span.begin].strip(" ,")
        if opening and not patterns()["joining_openers"].fullmatch(opening):
            continue
        between = text[span.finish : at]
        for m in v.mentions:
            if span.finish <= m.start < at and m.slug in members:
                between = between.replace(m.surface, "")
        if len(between.split()) <= 4:
            return span.start
    return None


def _body_by_noun(v: SentenceView, mm: re.Match[str]) -> list[str]:
    """ "CityNet's secretary general said Banda Aceh had been a member of the network": the
    one body the sentence names before, named again by a noun."""
    if not _body_noun().match(v.sent.text, mm.end()):
        return []
    before = {
        m.slug
        for m in v.mentions
        if m.type == "InternationalOrganization" and m.end <= mm.start() and not m.qualifier
    }
    return list(before) if len(before) == 1 else []


@cache
def _body_noun() -> re.Pattern[str]:
    """A body named by a noun after the membership word ("member of the network")."""
    return re.compile(rf"\s+(?:of\s+)?(?:{patterns()['body_nouns'].pattern})", re.I)


@cache
def _joined_year() -> re.Pattern[str]:
    words = patterns()["joined_in"].pattern
    # "…, which it joined in 2013": a clause about the body may say it
    clause = r"(?:(?:which|that|yang)\s+(?:[\w-]+\s+){0,3}?)?"
    return re.compile(rf"^\s*,?\s*{clause}{words}\s+(?P<year>(?:19|20)\d\d)(?![\d/.-]*\d)", re.I)


def membership(d: DocContext, v: SentenceView) -> None:
    """``memberOf`` from each membership word followed by an international organisation
    ("joined CityNet in 2013 and became a member of UCLG ASPAC in 2016")."""
    for mm in patterns()["membership"].finditer(v.text):
        _joined(d, v, mm)


def _joined(d: DocContext, v: SentenceView, mm: re.Match[str]) -> None:
    if negated(v.text, mm.start()):
        return
    if hoped_for(v.text, mm.start()):
        return  # "berencana bergabung", "plans to join": not a member yet
    org = actor_after(d, v.mentions, mm.end(), v.text, types=("InternationalOrganization",))
    if org and _event_of(v, org, mm.end()):
        return  # "joined an ICLEI training": the body's event, not the body
    orgs = _bodies_listed(v, org) if org else _body_before(v, mm.start()) or _body_by_noun(v, mm)
    members = _listed_after(d, v, mm.end()) or _members(d, v, mm.start())
    actor = members[0] if members else None
    if orgs and actor:
        years = _joined_years(d, v, orgs, members, mm)
        for member in members:
            for body in orgs:
                d.join(member, body, v.sent, years.get(body))
        return
    # "menjadi anggota jaringan kota kreatif UNESCO": a network the lexicon keeps as a
    # programme; its members take part in it
    network = next(
        (m for m in v.programmes if 0 <= m.start - mm.end() <= 60 and not m.qualifier), None
    )
    if network is not None and actor:
        d.take_part(actor, network.slug, v.sent, v.text)
