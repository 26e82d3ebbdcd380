"""Funding: "dibiayai oleh Pemerintah Singapura" makes the funder of the programmes of
the sentence and of the activities it tells."""

from __future__ import annotations

from graph.extract.activities import activity_target
from graph.extract.context import DocContext, actor_after
from graph.extract.lexicon import patterns, structure
from graph.extract.relations.view import SentenceView


def _funder_before(d: DocContext, v: SentenceView) -> str | None:
    """ "a KOICA-funded training programme": a body abroad joined to a funding word."""
    for m in v.mentions:
        if structure("funded_after").match(v.sent.text, m.end) and d.is_foreign_actor(m.slug):
            return m.slug
    return None


def funding(d: DocContext, v: SentenceView) -> None:
    """``fundedBy`` for programmes and activities."""
    rx = patterns()
    fm = rx["funded_by"].search(v.text)
    # "tidak memungut biaya dari Pemkot Jambi": any negation before a funding word undoes it
    if fm and rx["negation"].search(" ".join(v.text[: fm.start()].split()[-4:])):
        return
    funder = actor_after(d, v.mentions, fm.end(), v.text) if fm else _funder_before(d, v)
    if not funder:
        return
    targets = d.touched or ([t] if (t := activity_target(d, v.sent)) else [])
    if not targets and d.is_foreign_actor(funder):
        # "Seluruh biaya pelatihan ditanggung Pemerintah Singapura": the activity the
        # article is about (its first not told as background), paid for from abroad
        leads = [a for a in d.ex.activities if id(a) not in d.background]
        targets = leads[:1]
    for target in targets:
        target.funded_by = target.funded_by or funder
    for p in v.programmes:
        d.add_fact(p.slug, "fundedBy", funder, v.sent)
