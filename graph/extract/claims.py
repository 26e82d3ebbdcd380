"""Numeric claims: a number with a unit noun ("300 orang", "10 angkatan"), what it
concerns, and who said it."""

from __future__ import annotations

import re

from graph.extract.context import DocContext
from graph.extract.dates import find_dates
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, ORGANISATION_TYPES
from graph.extract.lexicon import patterns
from graph.extract.mentions import Mention
from graph.extract.numbers import find_numbers
from graph.model import Claim, Evidence
from graph.sources.text import Sentence
from graph.vocab import HOME_COUNTRY

CLAIM_UNITS = (
    "people",
    "students",
    "batches",
    "years",
    "days",
    "projects",
    "missions",
    "cities",
    "countries",
    "agreements",
    "times",
)


def claims(d: DocContext, sent: Sentence) -> None:
    """Numeric statements: a number with a unit noun ("300 orang", "10 angkatan",
    "about 150 of the city's civil servants"), what it concerns (the governments,
    countries and programmes of the sentence, and the article's government) and who
    said it when it is a quotation."""
    rx = patterns()
    spans = find_dates(sent.text, d.ref)
    ms = d.mentions.in_sentence(sent.index)
    for n in find_numbers(sent.text):
        if any(s.begin <= n.begin < s.finish for s in spans):
            continue
        after = sent.text[n.end : n.end + 60]
        # "150 of the city's civil servants", "300 di antaranya ASN"
        hop = re.match(r"\s+(?:of(?:\s+\S+){1,2}|dari(?:\s+\S+)?|di antaranya)(?=\s)", after)
        for unit in CLAIM_UNITS:
            m = rx[f"unit:{unit}"].match(after) or (
                hop and rx[f"unit:{unit}"].match(after[hop.end() :])
            )
            if not m:
                continue
            words = sent.text[n.end :].split()[:6]
            about = " ".join(words).strip(' ,.;"')
            claim = Claim(
                float(n.value), unit, about, n.approximate, Evidence(sent.text, sent.index)
            )
            claim.concerns = concerns(d, sent, ms)
            claim.said_by = speaker(sent, ms)
            if not any(
                (c.quantity, c.unit, c.about) == (claim.quantity, unit, about) for c in d.ex.claims
            ):
                d.ex.claims.append(claim)
            break


def concerns(d: DocContext, sent: Sentence, ms: list[Mention]) -> list[str]:
    out = [
        m.slug
        for m in ms
        if m.type in LOCAL_GOVERNMENT_TYPES | ORGANISATION_TYPES | {"Country", "Programme"}
        and m.slug != HOME_COUNTRY
        and not m.qualifier
    ]
    if d.home and d.home not in out:
        out.append(d.home)
    return list(dict.fromkeys(out))


def speaker(sent: Sentence, ms: list[Mention]) -> str | None:
    """The person a quoted sentence is attributed to ("…," ujar Fasha)."""
    if '"' not in sent.text and not patterns()["speech"].search(sent.text):
        return None
    people = [m for m in ms if m.type == "Person"]
    if not people:
        return None
    verb = patterns()["speech"].search(sent.text)
    if verb:
        after = [m for m in people if m.start >= verb.start()]
        if after:
            return after[0].slug
    return people[-1].slug
