"""Heads and deputies of local governments, from the roles the mentions found
("Wali Kota Jambi Syarif Fasha", "bersama wakilnya Maulana")."""

from __future__ import annotations

from graph.extract.context import DocContext


def heads(d: DocContext) -> None:
    """``headOf`` / ``deputyHeadOf`` for every role of the document."""
    for role in d.mentions.roles:
        slug = role.government
        if not slug:
            if d.home and d.ent_type(d.home) == role.level:
                slug = d.home
            else:
                continue
        d.heads.setdefault(role.person, slug)
        d.add_fact(role.person, role.relation, slug, d.sentences[role.sentence])
    for deputy, index in d.mentions.deputies:
        sent = d.sentences[index]
        ms = d.mentions.in_sentence(index)
        gov = next((d.heads[m.slug] for m in ms if m.slug in d.heads and m.slug != deputy), None)
        if gov:
            d.add_fact(deputy, "deputyHeadOf", gov, sent)
