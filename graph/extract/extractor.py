"""Extraction as registered rule families, in one declared order.

A document goes through the :data:`FAMILIES` in order: the prefilter (can it state
anything international?), the mentions (who and what it names), the heads (roles), then,
sentence by sentence, the activities and the relation families, then the document-level
finishing rules, and the claims (only in documents that state something).
"""

from __future__ import annotations

from collections.abc import Callable

from graph.extract.activities import activities, finish_activities
from graph.extract.claims import claims
from graph.extract.context import (
    DocContext,
    dateline,
    home_government,
    place_of_telling,
    seat_of_mission,
)
from graph.extract.dates import byline_date, reference_date, to_date
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, Gazetteer, default_gazetteer
from graph.extract.lexicon import patterns
from graph.extract.mentions import find_mentions
from graph.extract.prefilter import domestic_cooperation, might_hold_partnership
from graph.extract.relations.delegation import call_on, delegation, reception
from graph.extract.relations.funding import funding
from graph.extract.relations.heads import heads
from graph.extract.relations.membership import membership
from graph.extract.relations.partnership import (
    drop_country_partners,
    founding_signings,
    partnership,
    settle_plans,
    since_from_signings,
    since_told_apart,
)
from graph.extract.relations.policy import policy
from graph.extract.relations.programme import programme
from graph.extract.relations.view import SentenceView
from graph.extract.spans import DocumentMentions
from graph.model import Document, Extraction
from graph.sources.text import Sentence, clean, split_sentences
from graph.vocab import HOME_COUNTRY

SentenceRule = Callable[[DocContext, SentenceView], None]
DocumentRule = Callable[[DocContext], None]

#: The relation families, in the order they read each sentence.
RELATION_FAMILIES: tuple[tuple[str, SentenceRule], ...] = (
    ("partnership", partnership),
    ("delegation", delegation),
    ("reception", reception),
    ("call-on", call_on),
    ("programme", programme),
    ("funding", funding),
    ("membership", membership),
    ("policy", policy),
)
#: Rules over the whole document once every sentence is read.
FINISHING_RULES: tuple[tuple[str, DocumentRule], ...] = (
    ("activities", finish_activities),
    ("plans", settle_plans),
    ("since-from-signings", since_from_signings),
    ("since-told-apart", since_told_apart),
    ("country-partners", drop_country_partners),
    ("founding-signings", founding_signings),
)
#: Every family, in the one order extraction runs them (documentation and tests read this).
FAMILIES: tuple[str, ...] = (
    "prefilter",
    "mentions",
    "heads",
    "activities",
    *(name for name, _ in RELATION_FAMILIES),
    *(name for name, _ in FINISHING_RULES[1:]),
    "claims",
)


def _read_sentences(d: DocContext) -> None:
    for sent in d.sentences:
        d.touched = activities(d, sent)
        named = d.mentions.in_sentence(sent.index)
        # nothing named: no relation, unless it dates the article's partnership or speaks
        # of the two partners together ("program sister city antar kedua kota")
        if (
            named
            or (
                d.ex.qualified
                and (
                    patterns()["since"].search(sent.text) or patterns()["origin"].search(sent.text)
                )
            )
            or (d.recent_foreign and patterns()["both"].search(sent.text))
        ):
            view = SentenceView.of(d, sent)
            for _, rule in RELATION_FAMILIES:
                rule(d, view)
        for m in named:
            if (
                not m.qualifier
                and d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
                and d.is_foreign_actor(m.slug)
                # a city named bare as a venue ("in Cape Town") is no partner "the two
                # cities" could mean
                and not m.venue
            ):
                d.recent_foreign.append(m.slug)


def _used_entities(ex: Extraction) -> set[str]:
    used: set[str] = set()
    for f in ex.facts:
        used.update((f.subject, f.object))
    for q in ex.qualified:
        used.update(q.ends)
        if q.initiated_by:
            used.add(q.initiated_by)
    for a in ex.activities:
        used.update(x for x in (a.part_of, a.location, a.funded_by, a.organized_by, a.led_by) if x)
        used.update(a.participants)
    return used


def _named(sentences: list[Sentence], mentions: DocumentMentions) -> set[str]:
    """The governments, countries and bodies that reporting on a partnership names, in no
    fact as well: a reader puts them in the graph. Not the people (only through a fact),
    nor a place that only locates another or tells where ("di Jakarta, Jumat"), nor the
    city of a dateline."""
    out: set[str] = set()
    line = dateline(sentences)
    for sent in sentences:
        for m in mentions.in_sentence(sent.index):
            if (
                m.qualifier
                or (m.type == "Person" and m.via_role != "official")
                or (line and sent.index == line[0] and m.end <= line[1])
                or place_of_telling(sent, m)
                or seat_of_mission(sent.text, m.start)  # "KBRI Tokyo", "KJRI di Perth"
            ):
                continue
            out.add(m.slug)
    return out


def _ours_named(sentences: list[Sentence], mentions: DocumentMentions) -> set[str]:
    """The governments of ours a text names (for a tie between two of them)."""
    return {
        slug
        for slug in _named(sentences, mentions)
        if mentions.entities[slug].type in LOCAL_GOVERNMENT_TYPES
        and (mentions.records.get(slug) is None or mentions.records[slug].country == HOME_COUNTRY)
    }


def extract(doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """Extract every fact of one document.

    >>> from graph.model import Document
    >>> text = "Wali Kota Medan Bobby Nasution melepas 12 pelajar ke Kota Gwangju, Korea Selatan."
    >>> doc = Document("t", text, "t.txt", language="id")
    >>> sorted((f.subject, f.predicate, f.object) for f in extract(doc).facts)
    [('bobby-nasution', 'headOf', 'kota-medan'), ('kota-medan', 'sendsDelegationTo', 'gwangju')]

    A text with nothing international in it is skipped before any expensive step:

    >>> extract(Document("u", "Wali Kota Medan meresmikan pasar baru.", "u.txt")).prefiltered
    True
    """
    gaz = gazetteer or default_gazetteer()
    text = clean(doc.text)
    matches = gaz.find(text)
    international = might_hold_partnership(text, gaz, matches)
    if not international and not domestic_cooperation(text, matches):
        return Extraction(document=doc, prefiltered=True)
    sentences = split_sentences(text)
    now = to_date(doc.published) if doc.published else byline_date(doc.text)
    # else the text's own latest date (a scan of the whole text: only when needed)
    ref = now or reference_date(doc.published, text)
    mentions = find_mentions(sentences, gaz, doc.language or "id", matches)
    ex = Extraction(document=doc)
    home = home_government(mentions, sentences)
    d = DocContext(doc, sentences, mentions, ref, home, ex, gaz, now)
    heads(d)
    if not international:
        # a tie between two of our own governments: who they are and who heads them
        ex.entities = {
            k: v
            for k, v in mentions.entities.items()
            if k in _used_entities(ex) or k in _ours_named(sentences, mentions)
        }
        return ex
    _read_sentences(d)
    for _, rule in FINISHING_RULES:
        rule(d)
    if ex.facts or ex.qualified or ex.activities:
        # numbers are worth tracking only in reporting on a partnership: in other news
        # (ages, durations, prices) they are noise, whatever place they are near
        for sent in sentences:
            claims(d, sent)
    used = _used_entities(ex)
    if ex.facts or ex.qualified or ex.activities:
        used |= _named(sentences, mentions)
    ex.entities = {k: v for k, v in mentions.entities.items() if k in used}
    return ex
