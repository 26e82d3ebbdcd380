"""One event per real occurrence: reports of the same activity in several documents
merged into one.

Two reports are of one event when (the rules of ``docs/rdf-model.md``):

1. their types agree (the same, or one is the generic ``Activity``);
2. they have the same actors: the participants of one are among those of the other
   (a report naming no participant is never merged);
3. they have the same programme or theme: two different programmes, or two themes that
   share no content word, keep them apart; with no programme and no theme in common,
   they must at least be dated to the day or month (a year says too little);
4. their dates overlap or are adjacent: at most ``ADJACENT_DAYS`` apart (a send-off on
   Friday and the training it starts on Monday). An undated report is never merged.

The merged event takes each value from its *primary* report, the most detailed one (a
start and an end, at the finest precision); a value the primary lacks comes from the
other reports in date order. Where reports disagree (a count, a date), every value is
kept with its sources as a :class:`Choice`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import replace
from functools import cache

from graph.model import Activity
from graph.resolve.model import Choice, Reported, ResolvedEvent, Value
from graph.resources import load_yaml

GENERIC_TYPE = "Activity"


@cache
def _settings() -> tuple[frozenset[str], int]:
    data = load_yaml("resolve.yaml")
    return frozenset(data["generic_theme_words"]), int(data["adjacent_days"])


ADJACENT_DAYS = _settings()[1]


def _bounds(iso: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date of any precision can mean."""
    if not iso:
        return None
    try:
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        day = dt.date(*parts[:3])
    except ValueError:
        return None
    return day, day


def span(act: Activity) -> tuple[dt.date, dt.date] | None:
    """The days an activity report covers, from its start to its end."""
    start = _bounds(act.start)
    if start is None:
        return None
    end = _bounds(act.end) or start
    return start[0], max(start[1], end[1])


def precision(iso: str | None) -> int:
    return 0 if not iso else iso.count("-") + 1


def theme_words(act: Activity) -> frozenset[str]:
    """The content words of an activity's theme: no generic word, number, or word of
    the names of its own places and actors ("study in Singapore" says "study")."""
    words = re.findall(r"\w{3,}", (act.theme or "").casefold())
    own = {
        part
        for slug in (act.location, act.part_of, *act.participants)
        if slug
        for part in slug.split("-")
    }
    generic = _settings()[0]
    return frozenset(w for w in words if w not in generic and w not in own and not w.isdigit())


def _types_agree(a: Activity, b: Activity) -> bool:
    return a.type == b.type or GENERIC_TYPE in (a.type, b.type)


def _actors_agree(a: Activity, b: Activity) -> bool:
    pa, pb = set(a.participants), set(b.participants)
    return bool(pa and pb) and (pa <= pb or pb <= pa)


def _link(a: Activity, b: Activity) -> bool | None:
    """True: same programme or theme; False: a different one; None: cannot tell."""
    if a.part_of and b.part_of and a.part_of != b.part_of:
        return False
    if a.type == b.type == "Signing":
        return None  # what a signing is "about" is its agreement: the date decides
    wa, wb = theme_words(a), theme_words(b)
    if wa and wb:
        return bool(wa & wb)  # two themes: the same words, or two different trainings
    if a.part_of and a.part_of == b.part_of:
        return True
    return None


def _dates_meet(a: Activity, b: Activity) -> bool:
    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return False
    gap = max(sa[0], sb[0]) - min(sa[1], sb[1])
    return gap.days <= ADJACENT_DAYS


def same_event(a: Activity, b: Activity) -> bool:
    """Whether two reports are of one real occurrence (rules in the module docstring)."""
    if not (_types_agree(a, b) and _actors_agree(a, b) and _dates_meet(a, b)):
        return False
    link = _link(a, b)
    if link is None:
        return min(precision(a.start), precision(b.start)) >= 2
    return link


def _primary(reports: list[Reported[Activity]]) -> Reported[Activity]:
    def detail(r: Reported[Activity]) -> tuple[int, int, int, int]:
        a = r.item
        return (
            int(bool(a.start and a.end)),
            precision(a.start),
            int(a.participant_count is not None),
            len(theme_words(a)),
        )

    return max(reports, key=detail)


_VALUES = (
    "theme",
    "part_of",
    "location",
    "participant_count",
    "funded_by",
    "organized_by",
    "led_by",
)


# the km: property of each Activity field
_KM_NAMES = {
    "part_of": "partOf",
    "participant_count": "participantCount",
    "funded_by": "fundedBy",
    "organized_by": "organizedBy",
    "led_by": "ledBy",
    "start": "startDate",
}


def _choice(prop: str, reports: list[Reported[Activity]], chosen: object) -> Choice | None:
    seen: dict[str, list[str]] = defaultdict(list)
    for r in reports:
        value = getattr(r.item, prop)
        if value is not None and r.source.doc_id not in seen[str(value)]:
            seen[str(value)].append(r.source.doc_id)
    if len(seen) < 2 or chosen is None:
        return None
    rule = "the value of the most detailed report (start and end at the finest precision)"
    values = [Value(v, docs) for v, docs in seen.items()]
    return Choice(_KM_NAMES.get(prop, prop), str(chosen), rule, values)


def merge_event(reports: list[Reported[Activity]]) -> ResolvedEvent:
    """One event from the reports of it (see the module docstring for the rules)."""
    reports = sorted(reports, key=lambda r: (r.item.start or "", r.source.doc_id, r.index))
    primary = _primary(reports)
    act = replace(
        primary.item,
        participants=list(dict.fromkeys(p for r in reports for p in r.item.participants)),
        evidence=[],
    )
    if not primary.item.end:
        act.end = max((r.item.end for r in reports if r.item.end), default=None)
    for prop in _VALUES:
        if getattr(act, prop) is None:
            setattr(
                act,
                prop,
                next(
                    (getattr(r.item, prop) for r in reports if getattr(r.item, prop) is not None),
                    None,
                ),
            )
    if act.type == GENERIC_TYPE:
        act.type = next((r.item.type for r in reports if r.item.type != GENERIC_TYPE), act.type)
    choices = [
        c for prop in (*_VALUES, "start") if (c := _choice(prop, reports, getattr(act, prop)))
    ]
    key_parts = (act.type, act.part_of or "", " ".join(sorted(act.participants)), act.start or "")
    key = hashlib.sha1("\x1f".join(key_parts).encode()).hexdigest()[:16]
    return ResolvedEvent(key, act, reports, choices)


def resolve_events(reports: list[Reported[Activity]]) -> list[ResolvedEvent]:
    """Group activity reports into events: in order of their start, each report joins
    the latest group of one of its actors that holds a report :func:`same_event` with it.
    A group is forgotten once a report starts after its last day (with the adjacency
    margin), so the cost follows the events close in time, not all pairs."""

    def order(r: Reported[Activity]) -> tuple[dt.date, str, int]:
        s = span(r.item)
        return (s[0] if s else dt.date.max, r.source.doc_id, r.index)

    groups: list[list[Reported[Activity]]] = []
    ends: list[dt.date] = []
    open_by_actor: dict[str, list[int]] = defaultdict(list)
    margin = dt.timedelta(days=ADJACENT_DAYS)
    for rep in sorted(reports, key=order):
        s = span(rep.item)
        home = None if s is None else _find_group(rep, s[0] - margin, groups, ends, open_by_actor)
        if home is None:
            home = len(groups)
            groups.append([])
            ends.append(dt.date.min)
        groups[home].append(rep)
        if s is None:
            continue
        ends[home] = max(ends[home], s[1])
        for p in rep.item.participants:
            if home not in open_by_actor[p]:
                open_by_actor[p].append(home)
    return [merge_event(g) for g in groups]


def _find_group(
    rep: Reported[Activity],
    horizon: dt.date,
    groups: list[list[Reported[Activity]]],
    ends: list[dt.date],
    open_by_actor: dict[str, list[int]],
) -> int | None:
    candidates: set[int] = set()
    for p in rep.item.participants:
        live = [g for g in open_by_actor.get(p, []) if ends[g] >= horizon]
        open_by_actor[p] = live
        candidates.update(live)
    for g in sorted(candidates, reverse=True):
        if any(same_event(rep.item, other.item) for other in groups[g]):
            return g
    return None
