"""Membership of international organisations and city networks."""

from __future__ import annotations

from graph.extract.context import DocContext, actor_after, negated
from graph.extract.lexicon import patterns
from graph.extract.relations.view import SentenceView


def membership(d: DocContext, v: SentenceView) -> None:
    """``memberOf`` from a membership word followed by an international organisation."""
    mm = patterns()["membership"].search(v.text)
    if not mm or negated(v.text, mm.start()):
        return
    org = actor_after(d, v.mentions, mm.end(), v.text, types=("InternationalOrganization",))
    actor = v.explicit_lgs[0] if v.explicit_lgs else None
    if org and actor:
        d.add_fact(actor, "memberOf", org, v.sent)
        return
    # "menjadi anggota jaringan kota kreatif UNESCO": a network the lexicon keeps as a
    # programme; its members take part in it
    network = next(
        (m for m in v.programmes if 0 <= m.start - mm.end() <= 60 and not m.qualifier), None
    )
    if network is not None and actor:
        d.take_part(actor, network.slug, v.sent, v.text)
