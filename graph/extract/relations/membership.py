"""Membership of international organisations and city networks."""

from __future__ import annotations

from graph.extract.context import DocContext, actor_after, negated
from graph.extract.lexicon import patterns
from graph.extract.names import LIST_SEPARATOR
from graph.extract.relations.view import SentenceView


def _members(d: DocContext, v: SentenceView, at: int) -> list[str]:
    """The governments of ours that join: the list of them that ends nearest before the
    membership word ("Kota Banda Aceh, Banjarmasin, Bontang dan Kendari bergabung"), else
    the first one the sentence names as a doer."""
    ours = [m for m in v.mentions if m.end <= at and m.slug in v.explicit_lgs and not m.qualifier]
    if not ours:
        return v.explicit_lgs[:1]
    listed = [ours[-1]]
    for prev in reversed(ours[:-1]):
        if not LIST_SEPARATOR.fullmatch(v.sent.text[prev.end : listed[0].start]):
            break
        listed.insert(0, prev)
    return list(dict.fromkeys(m.slug for m in listed))


def membership(d: DocContext, v: SentenceView) -> None:
    """``memberOf`` from a membership word followed by an international organisation."""
    mm = patterns()["membership"].search(v.text)
    if not mm or negated(v.text, mm.start()):
        return
    org = actor_after(d, v.mentions, mm.end(), v.text, types=("InternationalOrganization",))
    members = _members(d, v, mm.start())
    actor = members[0] if members else None
    if org and actor:
        for member in members:
            d.add_fact(member, "memberOf", org, v.sent)
        return
    # "menjadi anggota jaringan kota kreatif UNESCO": a network the lexicon keeps as a
    # programme; its members take part in it
    network = next(
        (m for m in v.programmes if 0 <= m.start - mm.end() <= 60 and not m.qualifier), None
    )
    if network is not None and actor:
        d.take_part(actor, network.slug, v.sent, v.text)
