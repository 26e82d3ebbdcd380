"""Claims stage: numeric statements about the same thing across sources, compared.

Each ``km:Claim`` has a quantity, a unit, the words that follow the number, the entities
it concerns and the article (with its date) it comes from. Two claims are taken to be
about the same quantity of the same thing when they share the unit, at least one
concerned entity (the same subject) and a content word of their ``about`` (what they
count: "pelatihan", "trained", "alumni"; words of the two languages brought to one by
``about_synonyms`` in ``graph/lexicon/claims.yaml``, names of the concerned entities left
out). Numbers of years, months or days (ages, durations, "25 years of partnership") are
never compared: each article counts them from its own day. Within such a group,
values are ordered by the articles' dates. Running totals ("telah dilatih", "so far",
"sejak 2016", "hingga kini") are compared across dates; counts of one event (the 25
people of one training) only with other reports of the same day. A group is labelled:

- ``agree``: every source gives the same value;
- ``growth``: the value never decreases over time (a running total, such as the staff
  trained so far, growing from one article to the next);
- ``conflict``: a later source gives a smaller value, or two sources of the same date
  give different values.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import asdict, dataclass, field
from functools import cache

from rdflib import Graph
from rdflib.query import Result, ResultRow

from graph.resources import load_yaml
from graph.sparql.query import run_query

CLAIMS_QUERY = """
SELECT ?claim ?quantity ?unit ?about ?approximate ?doc ?date ?headline ?text
       (GROUP_CONCAT(DISTINCT STR(?concern); separator=" ") AS ?concerns)
WHERE {
  ?claim a km:Claim ; km:quantity ?quantity ; km:unit ?unit ; km:evidence ?ev .
  OPTIONAL { ?claim km:about ?about }
  OPTIONAL { ?claim km:approximate ?approximate }
  OPTIONAL { ?claim km:concerns ?concern }
  ?ev prov:wasQuotedFrom ?doc ; km:text ?text .
  OPTIONAL { ?doc schema:datePublished ?date }
  OPTIONAL { ?doc schema:headline ?headline }
}
GROUP BY ?claim ?quantity ?unit ?about ?approximate ?doc ?date ?headline ?text
"""


@cache
def _lexicon() -> tuple[frozenset[str], re.Pattern[str]]:
    data = load_yaml("claims.yaml")
    cues = "|".join(sorted(data["cumulative"], key=len, reverse=True))
    return frozenset(data["stopwords"]), re.compile(rf"\b(?:{cues})\b", re.I)


@cache
def _about_lexicon() -> tuple[frozenset[str], dict[str, str]]:
    data = load_yaml("claims.yaml")
    synonyms = {w: canon for canon, words in data["about_synonyms"].items() for w in words}
    return frozenset(data["time_units"]), synonyms


def is_time_unit(unit: str) -> bool:
    """Whether a unit measures time (never conflict material).

    >>> is_time_unit("years"), is_time_unit("people")
    (True, False)
    """
    return unit.casefold() in _about_lexicon()[0]


def about_words(about: str, concerns: list[str]) -> set[str]:
    """The content words of what a claim counts, synonyms brought to one word, the
    names of the concerned entities left out."""
    synonyms = _about_lexicon()[1]
    names = {part for slug in concerns for part in slug.split("-")}
    words = {synonyms.get(w, w) for w in re.findall(r"[a-z]{3,}", about.lower())}
    return {w for w in words - names if w not in _lexicon()[0] or w in synonyms.values()}


@dataclass
class ClaimRow:
    quantity: float
    unit: str
    about: str
    approximate: bool
    date: str
    source: str
    headline: str
    sentence: str
    concerns: list[str] = field(default_factory=list)

    @property
    def cumulative(self) -> bool:
        """Whether the number is a running total rather than the count of one event."""
        return bool(_lexicon()[1].search(self.sentence))


@dataclass
class ClaimGroup:
    unit: str
    concerns: list[str]
    verdict: str
    claims: list[ClaimRow]


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _words(text: str) -> set[str]:
    stop = _lexicon()[0]
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in stop}


def claim_rows(g: Graph) -> list[ClaimRow]:
    """Every claim of a built graph, with its article's date."""
    result = run_query(g, CLAIMS_QUERY)
    assert result is not None
    rows = []
    for r in _select_rows(result):
        rows.append(
            ClaimRow(
                quantity=float(r.quantity),
                unit=str(r.unit),
                about=str(r.about or ""),
                approximate=str(r.approximate).lower() == "true",
                date=str(r.date or ""),
                source=_local(str(r.doc)),
                headline=str(r.headline or ""),
                sentence=str(r.text),
                concerns=sorted(_local(c) for c in str(r.concerns or "").split() if c),
            )
        )
    rows.sort(key=lambda c: (c.date, c.source, c.quantity))
    return rows


def verdict(claims: list[ClaimRow]) -> str:
    """``agree``, ``growth`` or ``conflict`` for claims ordered by date.

    >>> rows = [ClaimRow(v, "people", "", False, d, s, "", "") for v, d, s in
    ...         [(150, "2019-02-17", "a"), (300, "2023-05-15", "b"), (500, "2024-07-01", "c")]]
    >>> verdict(rows)
    'growth'
    >>> verdict(rows[::-1])
    'conflict'
    """
    values = [c.quantity for c in claims]
    if len(set(values)) == 1:
        return "agree"
    by_date: dict[str, set[float]] = {}
    for c in claims:
        by_date.setdefault(c.date, set()).add(c.quantity)
    if any(len(v) > 1 for d, v in by_date.items() if d):
        return "conflict"
    return "growth" if all(a <= b for a, b in itertools.pairwise(values)) else "conflict"


def compare_claims(g: Graph, min_sources: int = 2) -> list[ClaimGroup]:
    """Groups of claims about the same thing from at least ``min_sources`` articles."""
    rows = [r for r in claim_rows(g) if not is_time_unit(r.unit)]
    groups: list[list[ClaimRow]] = []
    for row in rows:
        home = None
        for grp in groups:
            first = grp[0]
            if first.unit != row.unit or not set(first.concerns) & set(row.concerns):
                continue
            if first.cumulative != row.cumulative:
                continue
            if not row.cumulative and first.date != row.date:
                continue  # counts of single events: only reports of the same day compare
            if about_words(first.about, first.concerns) & about_words(row.about, row.concerns):
                home = grp
                break
        if home is None:
            groups.append([row])
        else:
            home.append(row)
    out = []
    for grp in groups:
        # one value per article: the largest (a total) when an article gives several
        per_source: dict[str, ClaimRow] = {}
        for c in grp:
            if c.source not in per_source or c.quantity > per_source[c.source].quantity:
                per_source[c.source] = c
        claims = sorted(per_source.values(), key=lambda c: (c.date, c.source))
        if len(claims) < min_sources:
            continue
        concerns = sorted(
            set.intersection(*(set(c.concerns) for c in claims)) or claims[0].concerns
        )
        out.append(ClaimGroup(claims[0].unit, concerns, verdict(claims), claims))
    out.sort(key=lambda grp: ({"conflict": 0, "growth": 1, "agree": 2}[grp.verdict], grp.unit))
    return out


def to_table(groups: list[ClaimGroup]) -> str:
    if not groups:
        return "No claims about the same thing in two or more sources.\n"
    lines = []
    for grp in groups:
        lines.append(f"{grp.verdict.upper():8} {grp.unit} about {', '.join(grp.concerns)}")
        for c in grp.claims:
            approx = "~" if c.approximate else " "
            lines.append(
                f"  {c.date or '(no date)':10}  {approx}{c.quantity:>8g}  {c.source[:48]:48}  "
                f"{c.about[:50]}"
            )
        lines.append("")
    return "\n".join(lines)


def to_dicts(groups: list[ClaimGroup]) -> list[dict[str, object]]:
    return [asdict(grp) for grp in groups]


def _select_rows(result: Result) -> list[ResultRow]:
    """The rows of a SELECT result (rdflib types a result's items as rows, booleans or
    triples at once)."""
    return [r for r in result if isinstance(r, ResultRow)]
