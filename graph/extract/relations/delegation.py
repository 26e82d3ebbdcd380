"""Delegations: a local government (or its head, or its people) goes to a foreign
destination, or a foreign one comes to it ("mahasiswa yang datang dari Kota Gwangju")."""

from __future__ import annotations

import re
from functools import cache

from graph.extract.context import (
    DocContext,
    dateline,
    dateline_government,
    envoys_country,
    home_national,
    negated,
    non_agent,
    planned_after,
    subject_of,
    wished,
)
from graph.extract.dates import find_dates, only_vague
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, ORGANISATION_TYPES
from graph.extract.lexicon import patterns, structure
from graph.extract.relations.view import SentenceView
from graph.extract.spans import Mention
from graph.vocab import HOME_COUNTRY


def _inbound(d: DocContext, v: SentenceView) -> tuple[str, str | None] | None:
    """A government abroad whose people come, and the host the sentence names (None: the
    article's own government)."""
    for m in v.mentions:
        if not d.is_foreign_actor(m.slug) or d.ent_type(m.slug) in ORGANISATION_TYPES:
            continue
        before = v.sent.text[max(0, m.start - 80) : m.start]
        if structure("inbound_before").search(before):
            host = next((x.slug for x in v.mentions if d.is_indonesian_lg(x.slug)), d.home)
            return m.slug, host
        if structure("inbound_of").search(before):
            # "delegasi Prefektur Ehime … di rumah jabatan Gubernur Gorontalo": where it
            # came; "the delegation of Kitakyushu and Surabaya met … in Brasil": not ours
            placed = [
                x
                for x in v.mentions
                if x is not m
                and d.ent_type(x.slug) in (*LOCAL_GOVERNMENT_TYPES, "Country")
                and structure("outbound_before").search(v.sent.text[max(0, x.start - 60) : x.start])
            ]
            if not placed:
                return m.slug, d.home
            if d.is_indonesian_lg(placed[0].slug):
                # "Gubernur Kaltim menerima delegasi Sabah di Samarinda": a town inside
                # the host's own territory is where, the host whom
                host = next(
                    (
                        x.slug
                        for x in v.mentions
                        if not x.qualifier
                        and d.is_indonesian_lg(x.slug)
                        and d.lies_in(placed[0].slug, x.slug)
                    ),
                    placed[0].slug,
                )
                return m.slug, host
    return None


def _in_proper_name(v: SentenceView, m: re.Match[str]) -> bool:
    """A trigger word inside a capitalised name ("Travel Smart Rewards"), not a verb; a
    government named right after it is no part of its name ("Delegasi Kota Ho Chi Minh")."""
    text = v.sent.text
    if not text[m.start()].isupper():
        return False
    before = re.search(r"[A-Z][\w-]*\s+$", text[: m.start()])
    after = re.match(r"\s+[A-Z][\w-]*", text[m.end() :])
    if after and not before:
        at = m.end() + len(after.group()) - len(after.group().lstrip())
        if any(
            x.start == at and x.type in (*LOCAL_GOVERNMENT_TYPES, "Country") for x in v.mentions
        ):
            return False
    return bool(before or after)


def _agent_before(v: SentenceView, sender: str, at: int) -> bool:
    """The sending government, when the sentence names it, is named before the trigger
    or right after it ("rombongan Pemkot Jambi"), not as a place further on ("… ke AS di
    Pelabuhan Tanjung Priok, Jakarta")."""
    named = [m for m in v.mentions if m.slug == sender]
    if not named:
        return True  # by its head, or the article's government with its people named
    return any(m.start < at or m.start - at <= 40 for m in named)


def _envoys_country(d: DocContext, v: SentenceView, lo: int, hi: int) -> str | None:
    """The country whose envoy is named in ``lo:hi`` beside it, or named before with the
    title and now alone ("Maliki melakukan kunjungan kerja …"): it is the visitor."""
    named = envoys_country(d, v.sent.text, v.mentions, lo, hi)
    if named is not None:
        return named
    return next(
        (
            d.officials_abroad[m.slug]
            for m in v.mentions
            if lo <= m.start < hi and m.slug in d.officials_abroad
        ),
        None,
    )


def _visit_from_abroad(d: DocContext, v: SentenceView, at: int) -> None:
    """A foreign local government travelling to ours: "Sibu Municipal Council made a
    study trip to Singkawang", or, in a foreign outlet, "the study trip to Singkawang and
    Pontianak" told under the dateline of the council's city."""
    lgs = [m for m in v.mentions if d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES]
    before = [m for m in lgs if m.start < at and d.is_foreign_actor(m.slug) and not m.qualifier]
    line = dateline(d.sentences)
    if line is not None and line[0] == v.sent.index:
        # "KUCHING: A Sarawak trade mission to Pontianak": the dateline's town only tells
        # where the story is told, when the sentence names the sender after it
        before = [m for m in before if m.start >= line[1]] or before
    sender = (
        next((m.slug for m in before), None)
        or _envoys_country(d, v, 0, at)
        or dateline_government(d)
    )
    if sender is None:
        return
    for m in lgs:
        if (
            m.start > at
            and d.is_indonesian_lg(m.slug)
            and structure("outbound_before").search(v.sent.text[max(0, m.start - 60) : m.start])
        ):
            d.add_fact(sender, "sendsDelegationTo", m.slug, v.sent)


def _towns_of_destination(d: DocContext, v: SentenceView, sender: str, dest: Mention) -> None:
    """ "ke Hungaria untuk menghadiri perayaan hari jadi Kota Gödöllő": a trip to a country
    for a town of it, named after, visits that town too."""
    if d.ent_type(dest.slug) != "Country":
        return
    for town in v.foreign:
        if (
            town.start > dest.end
            and not town.qualifier
            and d.ent_type(town.slug) in LOCAL_GOVERNMENT_TYPES
            and d.country_of(town.slug) == dest.slug
        ):
            d.add_fact(sender, "sendsDelegationTo", town.slug, v.sent)


@cache
def _future_right_before() -> re.Pattern[str]:
    """A modal of a trip to come right before its word, a word between at most."""
    return re.compile(rf"(?:{patterns()['future_modals'].pattern})\s+(?:\w+\s+)?$", re.I)


def delegation(d: DocContext, v: SentenceView) -> None:
    """``sendsDelegationTo`` from a delegation or visit word with a destination."""
    rx = patterns()
    dm = rx["delegation"].search(v.text)
    if (
        not dm
        or home_national(d, v.sent.text, v.mentions)
        or negated(v.text, dm.start())
        or wished(v.text, dm.start())
        # "akan bertolak ke Jepang" is a scheduled trip, "berencana mengirim" is not yet one
        or rx["tentative"].search(" ".join(v.text[: dm.start()].split()[-6:]))
        or planned_after(v.text, dm.end())
        # nor is one to come only "tahun depan" ("next year")
        or (
            rx["future"].search(v.text, 0, dm.start())
            # the dates of the trip, told after its word ("Ambon, named a City of Music
            # in 2019, will send musicians … next August")
            and only_vague(find_dates(v.sent.text[dm.start() :], d.ref))
        )
        # "Ambon would send two officers to Darwin in the first round": a trip to come,
        # undated, is no trip yet
        or (
            _future_right_before().search(v.text, max(0, dm.start() - 30), dm.start())
            and not find_dates(v.sent.text[dm.start() :], d.ref)
        )
    ):
        return
    # the agent: a government named as the doer, its head, or its people (a word for
    # them with the article's government); a place merely named ("penerbangan dari
    # Surabaya menuju Bangkok") sends nobody
    sender = subject_of(d, v.sent, v.mentions, strict=True)
    if non_agent(v.text, dm.start(), dm.end()) or _in_proper_name(v, dm):
        return
    if _envoys_country(d, v, 0, dm.start()):
        # "Duta Besar Ceko … mengunjungi Gubernur DIY": the envoy's country visits
        _visit_from_abroad(d, v, dm.start())
        return
    came = _inbound(d, v)
    if sender is not None and not _agent_before(v, sender, dm.start()):
        if (
            came
            and came[1] == sender
            and d.ent_type(came[0]) in LOCAL_GOVERNMENT_TYPES
            and d.country_of(sender) != d.country_of(came[0])
        ):
            # "a delegation from Ho Chi Minh City visited Makassar": ours is the host
            d.add_fact(came[0], "sendsDelegationTo", sender, v.sent)
        return
    if came:
        _came(d, v, *came)
        return
    if sender is None or not d.is_indonesian_lg(sender):
        _visit_from_abroad(d, v, dm.start())
    for m in v.foreign:
        if m.qualifier or d.ent_type(m.slug) in ORGANISATION_TYPES:
            continue
        if not structure("outbound_before").search(v.sent.text[max(0, m.start - 60) : m.start]):
            continue
        if m.slug == HOME_COUNTRY or not sender or not d.is_indonesian_lg(sender):
            continue
        if _wished_trip_to(v, m.start):
            continue  # "welcomed the mission and hoped for a return visit … to Kuching"
        if sender != m.slug and d.country_of(sender) != d.country_of(m.slug):
            d.add_fact(sender, "sendsDelegationTo", m.slug, v.sent)
            _towns_of_destination(d, v, sender, m)


def _wished_trip_to(v: SentenceView, at: int) -> bool:
    """Whether the trip word nearest before a destination at ``at`` is only wished for."""
    words = [m for m in patterns()["delegation"].finditer(v.text, 0, at)]
    return bool(words) and wished(v.text, words[-1].start())


def reception(d: DocContext, v: SentenceView) -> None:
    """``sendsDelegationTo`` from a visit told by its host: a foreign local government,
    or a person heading one, received by an Indonesian one ("Wali Kota Eri menyambut
    kehadiran Wali Kota Kochi di Surabaya"; "welcomed the Mayor of Miri")."""
    rm = patterns()["reception"].search(v.text)
    if not rm or negated(v.text, rm.start()) or wished(v.text, rm.start()):
        return
    if _in_proper_name(v, rm):
        return  # "'Welcome to Darwin', a community event"
    visitor = None
    for m in v.mentions:
        if m.start < rm.end() or m.start - rm.end() > 60:
            continue
        if re.search(r"[.;]", v.sent.text[rm.end() : m.start]):
            break
        if m.type == "Country" and d.is_foreign_actor(m.slug):
            break  # "menerima kunjungan Dubes Prancis … dengan Kota Saint-Omer": the envoy's
        gov = d.government_of(m)
        if gov and d.ent_type(gov) in LOCAL_GOVERNMENT_TYPES:
            # the first government after the word is the guest: one of ours ("… welcomed
            # Jakarta Governor Anies to Melbourne") is received abroad
            visitor = gov if d.is_foreign_actor(gov) else None
            break
    if visitor is None:
        # "menerima kunjungan Dubes Ceko": an envoy's country, received
        visitor = _envoys_country(d, v, rm.end(), min(len(v.sent.text), rm.end() + 60))
    if visitor is None:
        _received_abroad(d, v, rm)
        return
    # the host nearest before the word ("Jayapura (ANTARA) - The provincial government of
    # Papua … received": the dateline's town is where it is told), else the first after
    ordered = sorted(
        v.mentions,
        key=lambda m: (m.start > rm.start(), -m.start if m.start < rm.start() else m.start),
    )
    # (a place that only locates or describes another hosts nothing: "Bekasi, kota
    # penyangga Jakarta, menerima …")
    hosts = [m.slug for m in ordered if d.is_indonesian_lg(m.slug) and not m.qualifier]
    hosts += [d.heads[m.slug] for m in ordered if m.slug in d.heads]
    host = next((h for h in hosts if d.is_indonesian_lg(h)), d.home)
    if host and d.is_indonesian_lg(host):
        d.add_fact(visitor, "sendsDelegationTo", host, v.sent)
        for guest in _further_guests(d, v, visitor, rm.end()):
            d.add_fact(guest, "sendsDelegationTo", host, v.sent)


def _came(d: DocContext, v: SentenceView, inbound: str, host: str | None) -> None:
    """ "mahasiswa yang datang dari Kota Gwangju ke Kota Medan": the one that came, and
    the guests joined after it, visit the host."""
    if not host or d.country_of(host) == d.country_of(inbound):
        return
    d.add_fact(inbound, "sendsDelegationTo", host, v.sent)
    for guest in _further_guests(d, v, inbound, 0):
        if d.country_of(host) != d.country_of(guest):
            d.add_fact(guest, "sendsDelegationTo", host, v.sent)


def _further_guests(d: DocContext, v: SentenceView, first: str, after: int) -> list[str]:
    """ "menerima delegasi Pemerintah Tanzania, disusul delegasi dari Madagaskar": the
    guests joined after the first one received."""
    out: list[str] = []
    prev = next((m for m in v.mentions if m.start >= after and m.slug == first), None)
    if prev is None:
        return out
    for m in v.mentions:
        if m.start < prev.end:
            continue
        guest = m.slug if m.type == "Country" else d.government_of(m)
        if not guest or not d.is_foreign_actor(guest) or guest in (first, *out):
            continue
        if d.ent_type(guest) not in {*LOCAL_GOVERNMENT_TYPES, "Country"}:
            continue
        if not structure("next_guest").match(v.sent.text[prev.end : m.start]):
            break
        out.append(guest)
        prev = m
    return out


def call_on(d: DocContext, v: SentenceView) -> None:
    """``sendsDelegationTo`` from a visit paid by one government on another, each named
    (or its head) on its side of the word: "Banyuwangi Regent … paid a courtesy call on
    Osaka Mayor …" (ours travels), "Delegasi Kota Kochi disambut Wali Kota Surabaya"
    (ours hosts)."""
    cm = patterns()["call_on"].search(v.text)
    if not cm or negated(v.text, cm.start()) or wished(v.text, cm.start()):
        return
    before = [
        gov
        for m in v.mentions
        if m.end <= cm.start()
        and (gov := d.government_of(m))
        and d.ent_type(gov) in LOCAL_GOVERNMENT_TYPES
    ]
    after = next(
        (
            gov
            for m in v.mentions
            if m.start >= cm.end()
            and m.start - cm.end() <= 60
            and not re.search(r"[.;]", v.sent.text[cm.end() : m.start])
            and (gov := d.government_of(m))
            and d.ent_type(gov) in LOCAL_GOVERNMENT_TYPES
        ),
        None,
    )
    if not before or after is None:
        return
    visitor = before[-1]
    if d.country_of(visitor) != d.country_of(after) and (
        d.is_indonesian_lg(visitor) or d.is_indonesian_lg(after)
    ):
        d.add_fact(visitor, "sendsDelegationTo", after, v.sent)


def _received_abroad(d: DocContext, v: SentenceView, rm: re.Match[str]) -> None:
    """The mirror of a reception: a government abroad (or its head), named before the
    word, receives a group of ours named right after it ("Darwin Lord Mayor … welcomed a
    delegation from Ambon"): ours sent it there."""

    host = next(
        (
            gov
            for m in reversed(v.mentions)
            if m.end <= rm.start()
            and (gov := d.government_of(m))
            and d.ent_type(gov) in LOCAL_GOVERNMENT_TYPES
            and d.is_foreign_actor(gov)
        ),
        None,
    )
    if host is None:
        return
    for m in v.mentions:
        if m.start < rm.end() or m.start - rm.end() > 60:
            continue
        if re.search(r"[.;]", v.sent.text[rm.end() : m.start]):
            return
        gov = d.government_of(m)
        if gov and d.is_indonesian_lg(gov):
            d.add_fact(gov, "sendsDelegationTo", host, v.sent)
            return
