"""Programmes: who takes part ("mengikuti SCP"), who organises them, who initiated a
government's participation and since when."""

from __future__ import annotations

import re

from graph.extract.context import (
    DocContext,
    actor_after,
    hoped_for,
    negated,
    since_year,
    subject_of,
)
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES
from graph.extract.lexicon import patterns, structure
from graph.extract.mentions import Mention
from graph.extract.relations.view import SentenceView
from graph.model import Evidence


def _participation(d: DocContext, v: SentenceView, p: Mention) -> None:
    # the article's government takes part only when its people are named ("25 ASN
    # mengikuti SCP"), not in a sentence about the programme ("SCP merupakan program …")
    fallback = subject_of(d, v.sent, v.mentions, strict=True)
    actors = v.participants or ([fallback] if fallback else [])
    if p.slug not in d.mentions.records and not v.participants:
        # a programme known only by its head word ("X Program") needs a government named
        # as taking part: the article's government is not enough
        return
    for a in dict.fromkeys(actors):
        if a and not negated(v.text, p.start):
            d.take_part(a, p.slug, v.sent, v.text)


def _initiator(d: DocContext, v: SentenceView, p: Mention, who: str) -> None:
    actors = v.explicit_lgs or ([v.subject] if v.subject else [])
    if not actors:
        d.add_fact(p.slug, "initiatedBy", who, v.sent)
        return
    q = d.qualified("Participation", actors[0], p.slug)
    q.initiated_by = who
    q.evidence.append(Evidence(v.sent.text, v.sent.index))
    since = since_year(v.text, d.ref)
    if since and (q.since is None or since < q.since):
        q.since = since
    if actors[0] not in {f.subject for f in d.ex.facts if f.object == p.slug}:
        d.add_fact(actors[0], "participatesIn", p.slug, v.sent)


_PARTY_TYPES = LOCAL_GOVERNMENT_TYPES | {"Organization", "InternationalOrganization"}


def _defined_parties(d: DocContext, v: SentenceView, p: Mention) -> None:
    """ "The Dutch Training and Exposure Programme … is an exchange programme between
    Jakarta, the City of Rotterdam, … and …": each government and body listed takes part."""
    text = v.sent.text
    after = re.match(r"(?:\s+[A-Z][\w-]*(?:-[A-Z][\w-]*)*)*", text[p.end :])  # its long name
    at = p.end + (after.end() if after else 0)
    defined = structure("defined_between").match(text[at:])
    if defined is None:
        return
    start = at + defined.end()
    for m in v.mentions:
        if m.start >= start and m.type in _PARTY_TYPES and not m.qualifier and m.slug != p.slug:
            d.take_part(m.slug, p.slug, v.sent, v.text)


def programme(d: DocContext, v: SentenceView) -> None:
    """``participatesIn``, ``organizedBy`` and the initiator of a participation."""
    rx = patterns()
    for p in v.programmes:
        _defined_parties(d, v, p)
    if v.programmes:
        d.recent_programme = v.programmes[-1]
    elif d.recent_programme is not None and rx["programme_anaphor"].search(v.sent.text):
        # "ASN yang diundang dalam program ini berasal dari Pemprov A, Pemkab B, …": the
        # governments whose people take part in the programme named before
        _participation(d, v, d.recent_programme)
    for p in v.programmes:
        if rx["beyond"].search(v.sent.text[max(0, p.start - 20) : p.start]):
            continue  # "Di luar SCP, ada pula ASN yang dikirim ke Denmark": not SCP
        pm = rx["participation"].search(v.text) or rx["delegation"].search(v.text)
        if pm and not hoped_for(v.text, pm.start()) and not rx["excluded"].search(v.text):
            _participation(d, v, p)
        om = rx["organised_by"].search(v.text)
        if om:
            org = actor_after(d, v.mentions, om.end(), v.text)
            if org and org != p.slug:
                d.add_fact(p.slug, "organizedBy", org, v.sent)
        im = rx["initiated_by"].search(v.text)
        if im:
            who = actor_after(d, v.mentions, im.end(), v.text, people=True)
            if who:
                _initiator(d, v, p, who)
