"""Heads and deputies of local governments, from the roles the mentions found
("Wali Kota Jambi Syarif Fasha", "bersama wakilnya Maulana")."""

from __future__ import annotations

from graph.extract.context import DocContext, after_locative, dateline, dateline_government
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES
from graph.extract.lexicon import patterns, structure
from graph.extract.mentions import Mention, Role
from graph.extract.names import name_patterns


def _past_comma(text: str, at: int) -> int:
    """The offset past the spaces and the comma at ``at``."""
    return at + len(text[at:]) - len(text[at:].lstrip(" ,"))


def _placeless(d: DocContext, role: Role) -> str | None:
    """The government of a title that names no place ("… dipimpin Gubernur X"): the
    government named last before the person in the same sentence ("Prefektur Kyoto
    dipimpin Gubernur Takatoshi Nishiwaki" is Kyoto's head), else the article's
    government of that level, unless the sentence names a foreign government (a head
    abroad is never given to an Indonesian government)."""
    ms = d.mentions.in_sentence(role.sentence)
    text = d.sentences[role.sentence].text
    person = next((m for m in ms if m.slug == role.person), None)
    govs = [m for m in ms if m.type in LOCAL_GOVERNMENT_TYPES and not m.qualifier]
    if person is not None:
        # "Mayor Tom Tate of the City of Gold Coast": the government right after the name
        after = next(
            (
                m
                for m in govs
                if m.start >= person.end
                and structure("of_gap").fullmatch(text[person.end : m.start])
            ),
            None,
        )
        if after is not None:
            return after.slug
        # the title is within a few words after the government ("X dipimpin Gubernur Y")
        before = [m for m in govs if m.end <= person.start]
        if before:
            between = text[before[-1].end : person.start]
            # "X dipimpin Gubernur Y"; "X was represented by its mayor, Y"; not "X
            # ditandatangani Y selaku walikota", where the title follows the person
            titled = name_patterns().any_role.search(between) is not None
            # "mengikuti konferensi di Ibaraki, Jepang, Bupati X …": a venue's clause ends
            # at the comma; the title after it is not the venue's
            venue = "," in between and after_locative(text, before[-1].start)
            # "… with Perth, Western Australia, Mayor Rico Waas said": a speaker's title
            # after the sentence's comma is not the last place's
            venue = venue or (
                between.lstrip().startswith(",")
                and patterns()["speech"].match(text, _past_comma(text, person.end)) is not None
            )
            # "A delegation from Mossel Bay, South Africa, led by Executive Mayor X": the
            # leader of a government's group heads it
            # "Ulsan was represented by Vice Mayor Park Jung-hoon" is led so too
            led = (
                patterns()["led_by"].search(between) is not None
                or patterns()["represented_by"].search(between) is not None
            )
            if (titled and (len(between.split()) <= 4 or led) and not venue) or structure(
                "possessive_between"
            ).search(between):
                return before[-1].slug
    joined = _joined_to_a_holder(d, role, text, person)
    if joined is not None:
        return joined
    told_from = _told_from_abroad(d, role.level)
    if told_from is not None and not any(
        r.government == told_from and r.relation == role.relation and r.person != role.person
        for r in d.mentions.roles
    ):
        # "KITAKYUSHU, 21 May 2024 - … Opening the course, Deputy Mayor Keiko Tanabe said":
        # in an article told from a town abroad, a title naming no place is that town's,
        # unless the town's holder of the title is named ("City of Palmerston Mayor Anna
        # Kowalski … standing in for Mayor Jefri Lado")
        return told_from
    if d.home and d.ent_type(d.home) == role.level:
        # "… by West Java Governor Ahmad Heryawan with Governor Kim Kwan Yong": another
        # person holding the same title of the article's government in the sentence is
        # that government's head; this one heads another
        others = [
            r
            for r in d.mentions.roles
            if r.sentence == role.sentence
            and r.person != role.person
            and r.relation == role.relation
            and r.government == d.home
        ]
        return None if others else d.home
    return None


def _joined_to_a_holder(d: DocContext, role: Role, text: str, person: Mention | None) -> str | None:
    """ "received by Medan mayor Rahmat Harahap and deputy mayor Zulkarnain Lubis": a title
    naming no place, joined right after a holder of a title that names one, is of that
    holder's government."""
    if person is None:
        return None
    for other in d.mentions.roles:
        if other.sentence != role.sentence or not other.government or other.person == role.person:
            continue
        if other.level != role.level:
            continue
        held = next(
            (m for m in d.mentions.in_sentence(role.sentence) if m.slug == other.person), None
        )
        if held is None or held.end > person.start:
            continue
        gap = text[held.end : person.start]
        if structure("joined_title").fullmatch(gap) and name_patterns().any_role.search(gap):
            return other.government
    return None


#: at most this long, an English page's first line may be its header
_HEADER_LENGTH = 60


def _told_from_abroad(d: DocContext, level: str) -> str | None:
    """The government abroad of the ``level`` a title names that the article's dateline
    names ("KITAKYUSHU, 21 May 2024 -"), or an English page's header, if any."""
    if dateline(d.sentences) is not None:
        return dateline_government(d, level)
    if d.doc.language != "en" or not d.sentences or len(d.sentences[0].text) > _HEADER_LENGTH:
        return None
    # "Higashimatsushima City Official Website", "Ulsan Metropolitan City News": a page's
    # header naming a town abroad and none of ours
    header = d.mentions.in_sentence(0)
    if any(d.is_indonesian_lg(m.slug) for m in header):
        return None
    # the town opens a site's header; one further in is what a headline tells of
    # ("Papuan drums echo at Auckland's Pasifika Festival")
    return next(
        (
            m.slug
            for m in header
            if d.ent_type(m.slug) == level
            and d.is_foreign_actor(m.slug)
            and _opens_header(d.sentences[0].text, m.start)
        ),
        None,
    )


def _opens_header(text: str, at: int) -> bool:
    """Whether only capitalised words ("City of", "Official Website of the") come before
    offset ``at`` of a page's header."""
    return structure("header_opening").fullmatch(text[:at]) is not None


def heads(d: DocContext) -> None:
    """``headOf`` / ``deputyHeadOf`` for every role of the document."""
    # "Gubernur Kumamoto, Kabashima Ikuo … Gubernur Kabashima": a title without a place
    # is the one the same person holds with a place elsewhere in the article
    placed = {r.person: r.government for r in d.mentions.roles if r.government}
    for role in d.mentions.roles:
        slug = role.government or placed.get(role.person) or _placeless(d, role)
        if not slug:
            continue
        d.heads.setdefault(role.person, slug)
        d.add_fact(role.person, role.relation, slug, d.sentences[role.sentence])
    for deputy, index in d.mentions.deputies:
        sent = d.sentences[index]
        ms = d.mentions.in_sentence(index)
        gov = next((d.heads[m.slug] for m in ms if m.slug in d.heads and m.slug != deputy), None)
        if gov:
            d.add_fact(deputy, "deputyHeadOf", gov, sent)
