"""Policies: a person or a government that implements a named policy."""

from __future__ import annotations

from graph.extract.context import DocContext
from graph.extract.lexicon import patterns
from graph.extract.relations.view import SentenceView


def policy(d: DocContext, v: SentenceView) -> None:
    """``implementsPolicy`` for the policies named with an implementing verb."""
    if not patterns()["implements"].search(v.text):
        return
    for m in v.mentions:
        if m.type != "Policy":
            continue
        person = next((x.slug for x in v.mentions if x.type == "Person"), None)
        actor = person or (v.explicit_lgs[0] if v.explicit_lgs else v.subject)
        if actor:
            d.add_fact(actor, "implementsPolicy", m.slug, v.sent)
