"""Resolve stage: make every entity one node across all documents of a build.

Each document is extracted on its own; this stage reconciles what they say about the
same entity: one preferred label per language (the most complete form seen), the other
forms kept as alternative names, and a person named only by a short form ("Fasha") in
one article merged with the one person of the build whose full name ends or starts
with it ("Syarif Fasha"). A symmetric fact is written one way round in every document
(the Indonesian local government first), so it is one triple however sources word it.

The resolved layer above the per-source facts (one partnership per pair, one event per
real occurrence, agreements and lifecycles) is :func:`graph.resolve.layer.resolve_layer`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.extract.gazetteer import key
from graph.model import Entity, Extraction


def _person_merges(extractions: list[Extraction]) -> dict[str, str]:
    """Single-token person slugs that map to exactly one longer person."""
    persons: dict[str, str] = {}
    for ex in extractions:
        for ent in ex.entities.values():
            if ent.type == "Person":
                persons.setdefault(
                    ent.slug, ent.labels.get("und") or next(iter(ent.labels.values()))
                )
    by_token: dict[str, set[str]] = defaultdict(set)
    for slug, name in persons.items():
        tokens = name.split()
        if len(tokens) > 1:
            for tok in (tokens[0], tokens[-1]):
                by_token[key(tok)].add(slug)
    merges = {}
    for slug, name in persons.items():
        if len(name.split()) == 1:
            targets = by_token.get(key(name), set())
            if len(targets) == 1:
                merges[slug] = next(iter(targets))
    merges.update(_longer_names_of_heads(extractions, persons))
    return merges


def _longer_names_of_heads(
    extractions: list[Extraction], persons: dict[str, str]
) -> dict[str, str]:
    """ "Pramono Anung" and "Pramono Anung Wibowo", both head of the same government: one
    person, named in full by one article and shorter by another. A name merges into the
    one longer name of a head of the same government that holds all its words."""
    heads: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        for f in ex.facts:
            if f.predicate == "headOf":
                heads[f.subject].add(f.object)
    words = {slug: frozenset(map(key, persons[slug].split())) for slug in heads if slug in persons}
    merges = {}
    for slug, mine in words.items():
        if len(mine) < 2:
            continue
        longer = {
            other for other, theirs in words.items() if theirs > mine and heads[slug] & heads[other]
        }
        if len(longer) == 1:
            merges[slug] = longer.pop()
    return merges


def _rename(ex: Extraction, merges: dict[str, str]) -> None:
    if not merges:
        return

    def r(slug: str | None) -> str | None:
        return merges.get(slug, slug) if slug else slug

    for f in ex.facts:
        f.subject, f.object = r(f.subject) or f.subject, r(f.object) or f.object
    for q in ex.qualified:
        q.ends = (r(q.ends[0]) or q.ends[0], r(q.ends[1]) or q.ends[1])
        q.initiated_by = r(q.initiated_by)
    for c in ex.claims:
        c.concerns = list(dict.fromkeys(r(x) or x for x in c.concerns))
        c.said_by = r(c.said_by)
    for a in ex.activities:
        a.part_of, a.location = r(a.part_of), r(a.location)
        a.funded_by, a.organized_by = r(a.funded_by), r(a.organized_by)
        a.led_by = r(a.led_by)
        a.participants = list(dict.fromkeys(r(p) or p for p in a.participants))
    for old, new in merges.items():
        if old in ex.entities:
            ent = ex.entities.pop(old)
            target = ex.entities.get(new)
            if target is None:
                target = Entity(slug=new, type=ent.type, labels={})
                ex.entities[new] = target
            target.aliases |= ent.aliases | set(ent.labels.values())


SYMMETRIC = frozenset({"partnersWith"})


def _orient(exs: list[Extraction]) -> None:
    """Symmetric facts one way round: a home local government (with a Kemendagri code)
    first, else in the order of the slugs."""
    home: set[str] = set()
    for ex in exs:
        home.update(slug for slug, ent in ex.entities.items() if ent.code)

    def rank(slug: str) -> tuple[bool, str]:
        return slug not in home, slug

    for ex in exs:
        for f in ex.facts:
            if f.predicate in SYMMETRIC and rank(f.object) < rank(f.subject):
                f.subject, f.object = f.object, f.subject


def resolve(extractions: Iterable[Extraction]) -> list[Extraction]:
    """Reconcile entities across extractions (in place) and return them."""
    exs = list(extractions)
    _rename_all = _person_merges(exs)
    for ex in exs:
        _rename(ex, _rename_all)
    # one preferred label per language: the longest form seen, ties by first seen
    best: dict[str, dict[str, str]] = defaultdict(dict)
    types: dict[str, str] = {}
    for ex in exs:
        for ent in ex.entities.values():
            types.setdefault(ent.slug, ent.type)
            for lang, label in ent.labels.items():
                cur = best[ent.slug].get(lang)
                if cur is None or len(label) > len(cur):
                    best[ent.slug][lang] = label
    for ex in exs:
        for ent in ex.entities.values():
            old = set(ent.labels.values())
            ent.labels = dict(best[ent.slug])
            ent.type = types[ent.slug]
            ent.aliases |= old - set(ent.labels.values())
    _orient(exs)
    return exs
