"""Dates in Indonesian and English news text, kept at the precision the text gives.

A date is an ISO string: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. A day is never
invented: "Maret lalu" is a month, "tahun 2016" a year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from graph.resources import load_yaml
from graph.sources.text import clause_before


@dataclass(frozen=True)
class DateSpan:
    start: str
    end: str | None
    begin: int  # character offsets in the sentence
    finish: int
    relative: bool = False  # resolved against the reference date


@cache
def _data() -> dict[str, object]:
    data = load_yaml("dates.yaml")
    month_of = {name: int(num) for num, names in data["months"].items() for name in names}
    month_alt = "|".join(sorted(map(re.escape, month_of), key=len, reverse=True))
    range_alt = "|".join(sorted(data["range_words"], key=len, reverse=True))
    return {
        "month_of": month_of,
        "month": rf"(?:{month_alt})\.?",
        "range": rf"\s*(?:{range_alt})\s*",
        "weekday": "|".join(
            re.escape(name) for names in data["weekday_numbers"].values() for name in names
        ),
        "weekday_of": {
            name: int(num) for num, names in data["weekday_numbers"].items() for name in names
        },
        "past": set(data["past_words"]),
        "this": set(data["this_words"]),
        "next": set(data["next_words"]),
        "today": "|".join(map(re.escape, data["today_words"])),
        "yesterday": "|".join(map(re.escape, data["yesterday_words"])),
    }


def months() -> str:
    """The month names of ``dates.yaml`` as one regular-expression alternation."""
    return str(_data()["month"])


def weekdays() -> str:
    """The weekday words of ``dates.yaml`` as one regular-expression alternation."""
    return str(_data()["weekday"])


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    d = _data()
    mon, rng = d["month"], d["range"]
    day = r"(?:0?[1-9]|[12]\d|3[01])"
    # "13th May", "the 1st of June": an English ordinal day before its month
    nth = r"(?:(?:st|nd|rd|th)(?:\s+of)?)?"
    year = r"(?:19|20)\d\d"
    pats = [
        # 15 Mei hingga 2 Juni 2023
        (
            "dmy_dmy",
            rf"\b(?P<d1>{day}){nth}\s+(?P<m1>{mon})(?:\s+(?P<y1>{year}))?{rng}(?P<d2>{day}){nth}\s+(?P<m2>{mon})(?:\s+(?P<y2>{year}))?\b",
        ),
        # 15 hingga 19 Mei 2023 / 15-19 Mei
        (
            "dd_my",
            rf"\b(?P<d1>{day}){nth}{rng}(?P<d2>{day}){nth}\s+(?P<m>{mon})(?:\s+(?P<y>{year}))?\b",
        ),
        # from July 1 to July 12 / May 30 - June 2, 2024
        (
            "mdy_mdy",
            rf"\b(?P<m1>{mon})\s+(?P<d1>{day})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>{year}))?{rng}"
            rf"(?P<m2>{mon})\s+(?P<d2>{day})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>{year}))?\b",
        ),
        # May 15-19, 2023 / May 15 to 19
        ("m_dd_y", rf"\b(?P<m>{mon})\s+(?P<d1>{day}){rng}(?P<d2>{day})(?:,?\s+(?P<y>{year}))?\b"),
        # 15 Mei 2023 / 15 May
        ("dmy", rf"\b(?P<d>{day}){nth}\s+(?P<m>{mon})(?:,?\s+(?P<y>{year}))?\b"),
        # May 15, 2023
        (
            "mdy",
            rf"\b(?P<m>{mon})\s+(?P<d>{day})(?:st|nd|rd|th)?(?:,?\s+(?P<y>{year}))?\b(?!\s*(?:orang|people|persen|%))",
        ),
        # (8-10/5/2024) or 13-15/5: a range of days in a numeric date
        (
            "num_dd",
            rf"(?<![\d/])(?P<d1>{day})\s*-\s*(?P<d2>{day}) ?/ ?(?P<m>0?[1-9]|1[0-2])"
            rf"(?:/(?P<y>{year}|\d\d))?(?![\d/])",
        ),
        # "tanggal 23-26": a range of days without its month, in the reference's month
        (
            "tgl_dd",
            rf"\b(?:tanggal|tgl\.?)\s+(?P<d1>{day})\s*(?:-|–|s\.?d\.?|hingga|sampai)\s*"
            rf"(?P<d2>{day})\b(?![ \t]*(?:/|-?\d|(?:{mon})\b))",
        ),
        # (12/5/2023) or (12/5) or 27/11/2019; "(6 / 11)" with spaces only in brackets
        (
            "num",
            rf"(?<![\d/])(?P<d>{day})(?:/|(?<=\(\d) / |(?<=\(\d\d) / )(?P<m>0?[1-9]|[12]\d|3[01])"
            rf"(?:/(?P<y>{year}|\d\d))?(?![\d/])",
        ),
        # 2023-05-15
        # "14.10.2024", as German and Dutch pages write a day (with its year: "1.2" is none)
        (
            "dotted",
            rf"(?<![\d.])(?P<d>{day})\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{year})(?![\d.])",
        ),
        # "2024-05-16", and as East Asian pages write it, "2023.11.08", "2023/11/08"
        ("iso", rf"\b(?P<y>{year})(?P<sep>[-./])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>{day})\b"),
        # last November / the previous March / next June (English puts the word first)
        (
            "rel_my",
            rf"\b(?:(?P<rel>last|previous|past)|(?P<fut>next|coming))\s+(?P<m>{mon})\b"
            rf"(?!\s+(?:{day}|{year})\b)",
        ),
        # Mei 2023 / bulan Maret lalu / March this year
        (
            "my",
            rf"\b(?:bulan\s+)?(?P<m>{mon})(?:\s+(?:(?P<y>{year})|tahun\s+(?P<rel2>lalu|ini|depan)"
            r"|(?P<rel>lalu|kemarin|silam|last year|this year|next year|ini|depan|mendatang)))?\b",
        ),
        # tahun 2016 / in 2016 / sejak 2016
        ("y", rf"\b(?P<y>{year})\b"),
        # tahun lalu / last year / tahun ini / this year
        ("rel_year", r"\b(?:tahun\s+(?P<w1>lalu|ini|depan)|(?P<w2>last|this|next)\s+year)\b"),
        # bulan ini / this month / bulan lalu / last month
        ("rel_month", r"\b(?:bulan\s+(?P<w1>lalu|ini|depan)|(?P<w2>last|this|next)\s+month)\b"),
        # pekan ini / minggu lalu / this week / last week: the month of that week's day
        (
            "rel_week",
            r"\b(?:(?:pekan|minggu)\s+(?P<w1>lalu|ini|depan)|(?P<w2>last|this|next)\s+week)\b",
        ),
        # "from Sunday to Tuesday", "dari Senin hingga Rabu": a stay told by its weekdays
        (
            "wd_wd",
            rf"\b(?:from|dari|mulai)\s+(?P<w1>{d['weekday']}){rng}(?P<w2>{d['weekday']})\b"
            rf"(?!\s*[(,]?\s*\d)",
        ),
        # a weekday alone ("on Monday", "Rabu lalu"), not one before its date ("Tuesday,
        # March 12", "Monday (May 13)") nor a range of weekdays before its days
        # ("Rabu-Jumat (8-10/5/2024)")
        (
            "weekday",
            rf"\b(?:{d['weekday']})\b(?!\s*(?:pagi|siang|sore|malam)?\s*[(,]?\s*(?:\d|{d['month']}\s*\d))"
            rf"(?!\s*-\s*(?:{d['weekday']})\b)",
        ),
        # hari ini / today / kemarin / yesterday: the reference day, or the day before
        (
            "rel_day",
            rf"\b(?:(?P<today>{d['today']})|(?P<yesterday>{d['yesterday']}))\b",
        ),
    ]
    return [(name, re.compile(p, re.I)) for name, p in pats]


# What each pattern cannot match without (see _present): a pattern whose needs a sentence
# lacks is not run, which spares the month-first patterns on most sentences.
_NEEDS: dict[str, frozenset[str]] = {
    "dmy_dmy": frozenset({"digit", "month"}),
    "dd_my": frozenset({"digit", "month"}),
    "mdy_mdy": frozenset({"digit", "month"}),
    "m_dd_y": frozenset({"digit", "month"}),
    "dmy": frozenset({"digit", "month"}),
    "mdy": frozenset({"digit", "month"}),
    "num_dd": frozenset({"day_range"}),
    "tgl_dd": frozenset({"digit"}),
    "num": frozenset({"digit"}),
    "iso": frozenset({"digit"}),
    "dotted": frozenset({"dotted_day"}),
    "rel_my": frozenset({"month"}),
    "my": frozenset({"month"}),
    "y": frozenset({"digit"}),
    "rel_year": frozenset({"year"}),
    "rel_month": frozenset({"month_word"}),
    "rel_week": frozenset({"week_word"}),
    "weekday": frozenset({"weekday"}),
    "wd_wd": frozenset({"weekday", "weekday_range"}),
    "rel_day": frozenset({"day_word"}),
}


@cache
def _presence() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Case-sensitive tests, run on the lower-cased sentence, for what the patterns need
    (a case-insensitive alternation is several times slower than these)."""
    d = _data()
    return (
        ("digit", re.compile(r"\d")),
        ("day_range", re.compile(r"\d\s*-\s*\d")),
        ("dotted_day", re.compile(r"\d\.\d\d?\.\d")),
        ("weekday_range", re.compile(r"\b(?:from|dari|mulai)\s")),
        ("month", re.compile(rf"\b{d['month']}".lower())),
        ("year", re.compile(r"\b(?:tahun|year)\b")),
        ("month_word", re.compile(r"\b(?:bulan|month)\b")),
        ("week_word", re.compile(r"\b(?:pekan|minggu|week)\b")),
        ("weekday", re.compile(rf"\b(?:{d['weekday']})\b".lower())),
        ("day_word", re.compile(rf"\b(?:{d['today']}|{d['yesterday']})\b".lower())),
    )


def _present(sentence: str) -> frozenset[str]:
    """Which of the patterns' needs (a digit, a month name, a weekday ...) ``sentence`` has."""
    low = sentence.lower()
    return frozenset(name for name, rx in _presence() if rx.search(low))


@cache
def _date_hint() -> re.Pattern[str]:
    d = _data()
    return re.compile(
        rf"\d|\b{d['month']}(?!\w)|\b(?:{d['weekday']}|{d['today']}|{d['yesterday']}"
        r"|tahun|year|bulan|month|pekan|week)\b",
        re.I,
    )


def _may_hold_date(sentence: str) -> bool:
    """A cheap test run before the date patterns: a digit, a month or a weekday."""
    return _date_hint().search(sentence) is not None


def _month(token: str) -> int:
    return int(_data()["month_of"][token.lower().rstrip(".")])  # type: ignore[index]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _year_for(month: int, ref: dt.date | None, rel: str | None) -> int | None:
    """Year of a month named without one, from the reference date."""
    if ref is None:
        return None
    rel = (rel or "").lower()
    if rel in {"lalu", "kemarin", "silam", "last year", "tahun lalu"}:
        if rel in {"last year", "tahun lalu"}:
            return ref.year - 1
        return ref.year if month <= ref.month else ref.year - 1
    if rel in {"depan", "mendatang", "next year", "tahun depan"}:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year


def find_dates(sentence: str, ref: dt.date | None = None) -> list[DateSpan]:
    """All dates in ``sentence`` (cached: the stages ask for the same sentence often)."""
    return list(_find_dates(sentence, ref))


@lru_cache(maxsize=8192)
def _find_dates(sentence: str, ref: dt.date | None) -> tuple[DateSpan, ...]:
    return tuple(_scan_dates(sentence, ref))


def _scan_dates(sentence: str, ref: dt.date | None = None) -> list[DateSpan]:
    """All dates in ``sentence``; a date without a year takes it from ``ref``.

    >>> [(s.start, s.end) for s in find_dates("berlangsung pada 15 hingga 19 Mei 2023")]
    [('2023-05-15', '2023-05-19')]
    >>> [(s.start, s.end) for s in find_dates("Jumat malam (12/5)", dt.date(2023, 5, 15))]
    [('2023-05-12', None)]
    >>> [s.start for s in find_dates("last November", dt.date(2023, 3, 10))]
    ['2022-11']
    >>> [s.start for s in find_dates("pada Maret lalu", dt.date(2023, 5, 15))]
    ['2023-03']
    >>> [s.start for s in find_dates("sejak tahun 2016 lalu")]
    ['2016']
    >>> [(s.start, s.end) for s in find_dates("from 17 s.d. 23 Februari 2019")]
    [('2019-02-17', '2019-02-23')]
    """
    if not sentence or not _may_hold_date(sentence):
        return []
    found: list[DateSpan] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    present = _present(sentence)
    for name, pattern in _patterns():
        if not _NEEDS[name] <= present:
            continue
        for m in pattern.finditer(sentence):
            if not free(m.start(), m.end()):
                continue
            if name == "weekday" and m.group(0) in _WEEK_WORDS:
                continue  # "selama dua minggu": two weeks, not a Sunday ("Minggu")
            span = _interpret(name, m, ref)
            if span is None:
                if name in {
                    "dmy_dmy",
                    "dd_my",
                    "dmy",
                    "num",
                    "iso",
                    "dotted",
                } and _names_invalid_day(m):
                    taken.append((m.start(), m.end()))  # "31 Februari": no date, not a month
                continue
            taken.append((m.start(), m.end()))
            found.append(DateSpan(span[0], span[1], m.start(), m.end(), span[2]))
    return sorted(found, key=lambda s: s.begin)


def _names_invalid_day(m: re.Match[str]) -> bool:
    """Whether a day-month match names a day its month does not have."""
    g = m.groupdict()
    pairs = [
        (g.get("d"), g.get("m")),
        (g.get("d1"), g.get("m1") or g.get("m")),
        (g.get("d2"), g.get("m2") or g.get("m")),
    ]
    for day, month in pairs:
        if not day or not month:
            continue
        mo = int(month) if month.isdigit() else _month(month)
        if not _valid(2000, mo, int(day)):  # 2000 is a leap year: 29 Feb is valid
            return True
    return False


Interpretation = tuple[str, str | None, bool] | None
# a weekday's name that, written in lower case, is a common word: "minggu" is a week
_WEEK_WORDS = frozenset({"minggu"})
_SHORT_MONTHS = {"may", "mar", "jan", "jun", "jul", "sep", "des", "dec", "nov", "apr"}
_DELTA = {"lalu": -1, "last": -1, "ini": 0, "this": 0, "depan": 1, "next": 1}


def _range(name: str, g: dict[str, str | None], ref: dt.date | None) -> Interpretation:
    """ "15 hingga 19 Mei 2023", "30 Mei - 2 Juni 2023", "May 15-19, 2023"."""
    if name in {"dmy_dmy", "mdy_mdy"}:
        m1, m2 = _month(g["m1"] or ""), _month(g["m2"] or "")
        y2 = int(g["y2"] or 0) if g.get("y2") else _year_for(m2, ref, None)
        y1 = (
            int(g["y1"] or 0)
            if g.get("y1")
            else (y2 if y2 and m1 <= m2 else (y2 - 1 if y2 else None))
        )
    else:
        token = g["m"] or ""
        m1 = m2 = int(token) if token.isdigit() else _month(token)
        y1 = y2 = int(g["y"] or 0) if g.get("y") else _year_for(m1, ref, None)
        if y1 is not None and y1 < 100:
            y1 = y2 = y1 + 2000  # "(8-10/5/24)"
    d1, d2 = int(g["d1"] or 0), int(g["d2"] or 0)
    if y1 is None or y2 is None or not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    a, b = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
    if b < a:
        return None
    return a.isoformat(), b.isoformat(), not g.get("y") and not g.get("y2")


def _day(name: str, g: dict[str, str | None], ref: dt.date | None) -> Interpretation:
    """A day: "15 Mei 2023", "May 15, 2023", "(12/5)", "2023-05-15"."""
    token = g["m"] or ""
    mo = int(token) if token.isdigit() else _month(token)
    d = int(g["d"] or 0)
    if name == "num" and mo > 12:
        if d > 12:
            return None
        d, mo = mo, d  # "Wednesday (10/30)": the second number is no month, so the first is
    relative = not g.get("y")
    year: int | None
    if g.get("y"):
        year = int(g["y"] or 0)
        year = year + 2000 if year < 100 else year
    else:
        if name == "mdy" and mo == 5 and token == "may":
            return None  # "may 15" in lower case is the modal verb; "May 15" the month
        year = _year_for(mo, ref, None)
        if year is None:
            return None
    if name == "num" and relative and ref is not None and int(token) <= 12:
        swapped = _month_first(d, mo, ref)
        if swapped is not None:
            return swapped.isoformat(), None, relative
    if not _valid(year, mo, d):
        return None
    return dt.date(year, mo, d).isoformat(), None, relative


def _month_first(first: int, second: int, ref: dt.date) -> dt.date | None:
    """The month-first reading of "(8/2)" when only it fits the article's date: an English
    edition writing "today (8/2)" on 2 August. Day-first stays the rule ("(12/5)" is 12
    May) unless it falls months away from the publication and month-first within days."""
    if first > 12:
        return None
    year = _year_for(second, ref, None)
    day_first = dt.date(year, second, first) if year and _valid(year, second, first) else None
    y2 = _year_for(first, ref, None)
    if not y2 or not _valid(y2, first, second):
        return None
    month_first = dt.date(y2, first, second)
    near = abs((month_first - ref).days) <= 10
    far = day_first is None or abs((day_first - ref).days) > 45
    return month_first if near and far else None


def _month_year(g: dict[str, str | None], ref: dt.date | None) -> Interpretation:
    """A month: "Mei 2023", "Maret lalu", "bulan Juni tahun ini"."""
    token = g["m"] or ""
    dated = bool(g.get("y") or g.get("rel") or g.get("rel2"))
    if not dated and (token.lower() in _SHORT_MONTHS or token[:1].islower()):
        return None  # a bare short or ambiguous word is not a date
    mo = _month(token)
    if g.get("y"):
        return f"{int(g['y'] or 0):04d}-{mo:02d}", None, False
    rel = g.get("rel") or (f"tahun {g['rel2']}" if g.get("rel2") else None)
    y = _year_for(mo, ref, rel)
    return None if y is None else (f"{y:04d}-{mo:02d}", None, True)


def _relative(name: str, g: dict[str, str | None], ref: dt.date | None) -> Interpretation:
    """ "bulan lalu", "tahun depan", from the reference date."""
    if ref is None:
        return None
    delta = _DELTA[(g.get("w1") or g.get("w2") or "").lower()]
    if name == "rel_year":
        return str(ref.year + delta), None, True
    if isinstance(ref, RoughDate) and ref.precision == 0:
        return _rough(ref), None, True  # "bulan lalu" of a year known alone: that year
    month = ref.month + delta
    year = ref.year + (month - 1) // 12
    return f"{year:04d}-{(month - 1) % 12 + 1:02d}", None, True


def _relative_week(g: dict[str, str | None], ref: dt.date | None) -> Interpretation:
    """ "pekan lalu", "this week": the month of that week's day."""
    if ref is None:
        return None
    if isinstance(ref, RoughDate) and ref.precision == 0:
        return _rough(ref), None, True  # "last week" of a year known alone: that year
    day = ref + dt.timedelta(weeks=_DELTA[(g.get("w1") or g.get("w2") or "").lower()])
    return f"{day.year:04d}-{day.month:02d}", None, True


def _weekday(m: re.Match[str], ref: dt.date, group: int | str = 0) -> Interpretation:
    """ "on Thursday", "Rabu lalu": the last such day up to the reference day, the next
    one after it when the words around say so ("next Monday", "Senin depan").

    >>> import re; thursday = dt.date(2024, 4, 18)
    >>> _weekday(re.search("Tuesday", "arrived on Tuesday"), thursday)
    ('2024-04-16', None, True)
    >>> _weekday(re.search("Senin", "tiba Senin depan"), thursday)
    ('2024-04-22', None, True)
    """
    d = _data()
    weekday_of: dict[str, int] = d["weekday_of"]  # type: ignore[assignment]
    next_words: set[str] = d["next"]  # type: ignore[assignment]
    day = weekday_of.get(m.group(group).lower())
    if isinstance(ref, RoughDate):
        return _rough(ref), None, True
    if day is None:
        return f"{ref.year:04d}-{ref.month:02d}", None, True
    around = {
        w.lower()
        for w in (
            m.string[max(0, m.start(group) - 12) : m.start(group)].split()[-1:]
            + m.string[m.end() : m.end() + 12].split()[:1]
        )
    }
    if around & next_words:
        ahead = (day - ref.weekday()) % 7 or 7
        return (ref + dt.timedelta(days=ahead)).isoformat(), None, True
    back = (ref.weekday() - day) % 7
    return (ref - dt.timedelta(days=back)).isoformat(), None, True


def _weekdays(m: re.Match[str], ref: dt.date) -> Interpretation:
    """ "from Sunday to Tuesday": the first weekday dated as one told alone, the second the
    first such day after it.

    >>> import re; tuesday = dt.date(2023, 3, 14)
    >>> m = re.search(r"from (?P<w1>Sunday) to (?P<w2>Tuesday)", "from Sunday to Tuesday")
    >>> _weekdays(m, tuesday)
    ('2023-03-12', '2023-03-14', True)
    """
    start = _weekday(m, ref, "w1")
    if start is None or start[0].count("-") < 2:
        return start
    weekday_of: dict[str, int] = _data()["weekday_of"]  # type: ignore[assignment]
    span = (weekday_of[m.group("w2").lower()] - weekday_of[m.group("w1").lower()]) % 7
    end = dt.date.fromisoformat(start[0]) + dt.timedelta(days=span)
    return start[0], end.isoformat(), True


def _relative_day(m: re.Match[str], ref: dt.date | None) -> Interpretation:
    """ "hari ini", "yesterday": the reference day or the day before; not a "kemarin" that
    qualifies a weekday or a month before it ("Rabu kemarin" is last Wednesday)."""
    d = _data()
    before = m.string[: m.start()]
    if ref is None or re.search(rf"\b(?:{d['weekday']}|{d['month']})\s+$", before, re.I):
        return None
    if re.match(r"\s*[(,]?\s*\d", m.string[m.end() :]):
        return None  # "today (8/2)": the date that follows says it
    if len(re.findall(r"[\"“”]", before)) % 2:
        return None  # a speaker's "hari ini" is the day of the speech, which may be any
    if isinstance(ref, RoughDate):
        return _rough(ref), None, True
    day = ref if m.group("today") else ref - dt.timedelta(days=1)
    return day.isoformat(), None, True


def _interpret(name: str, m: re.Match[str], ref: dt.date | None) -> Interpretation:
    """A date pattern's match as (start, end, relative), at the precision it gives."""
    g: dict[str, str | None] = m.groupdict()
    if name in {"dmy_dmy", "mdy_mdy", "dd_my", "m_dd_y", "num_dd"}:
        return _range(name, g, ref)
    if name == "tgl_dd":
        if ref is None:
            return None
        g = {**g, "m": str(ref.month)}
        return _range("num_dd", g, ref)
    # "Wednesday (10/30)": month first, without a year, only in brackets as a dateline
    bracketed = m.string[max(0, m.start() - 1) : m.start()] == "("
    if name == "num" and int(g["m"] or 0) > 12 and not g.get("y") and not bracketed:
        return None
    if name in {"dmy", "mdy", "num", "iso", "dotted"}:
        return _day(name, g, ref)
    if name == "my":
        return _month_year(g, ref)
    if name == "rel_my":
        g = {"m": g["m"], "rel": "lalu" if g.get("rel") else "depan"}
        return _month_year(g, ref)
    if name == "y":
        return g["y"] or "", None, False
    if name == "weekday":
        return None if ref is None else _weekday(m, ref)
    if name == "wd_wd":
        return None if ref is None else _weekdays(m, ref)
    if name in {"rel_month", "rel_year"}:
        return _relative(name, g, ref)
    if name == "rel_week":
        return _relative_week(g, ref)
    if name == "rel_day":
        return _relative_day(m, ref)
    return None


def opens_with_date(text: str) -> bool:
    """Whether ``text`` begins with a weekday or a date, as the time after a place of
    telling does ("di Jakarta, Jumat", "in Bandung, 4 December 2018").

    >>> opens_with_date("Selasa, 4 Desember 2018."), opens_with_date("4/12"), opens_with_date("dan")
    (True, True, False)
    """
    text = text.lstrip()
    if re.match(rf"(?:{_data()['weekday']})\b", text, re.I):
        return True
    spans = find_dates(text, dt.date(2000, 1, 1))  # any reference: only where a date begins
    return bool(spans) and spans[0].begin == 0


def to_date(iso: str | None) -> dt.date | None:
    """The first day an ISO string of any precision can mean, for comparisons."""
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts)
    except ValueError:
        return None


class RoughDate(dt.date):
    """A reference date the text gives only to its month or year (its first day): no
    weekday can be placed on a day from it. ``precision`` is 1 (a month) or 0 (a year)."""

    precision: int = 1

    @classmethod
    def of(cls, day: dt.date, precision: int) -> RoughDate:
        rough = cls(day.year, day.month, day.day)
        rough.precision = precision
        return rough


def _rough(ref: RoughDate) -> str:
    """A day told relative to a rough reference, at the precision the reference has: a
    weekday or "yesterday" against a text whose only year is 2019 is some day of 2019,
    not of its January."""
    if ref.precision == 0:
        return f"{ref.year:04d}"
    return f"{ref.year:04d}-{ref.month:02d}"


@cache
def _words_of(key: str, tail: str = "") -> re.Pattern[str]:
    """One alternation of the words of ``dates.yaml``'s ``key``, followed by ``tail``."""
    words = "|".join(map(re.escape, load_yaml("dates.yaml")[key]))
    return re.compile(rf"\b(?:{words}){tail}", re.I)


def _future_before() -> re.Pattern[str]:
    return _words_of("future_words", r"\b")


def _since_before() -> re.Pattern[str]:
    return _words_of("since_words", r"\s+(?:(?:tahun|the year)\s+)?$")


def year_since(text: str, span: DateSpan) -> bool:
    """Whether a year told by itself is when something began, not when anything happened:
    a "since" word right before it, or two words before it ("sejak MoU 2022", "since the
    2019 agreement").

    >>> text = "sejak MoU 2022 kedua kota telah menggelar tiga kali pertemuan"
    >>> year_since(text, find_dates(text)[0])
    True
    """
    if span.start.count("-") != 0:
        return False
    rx = _words_of("since_words", r"\s+(?:[^\s.,;]+\s+){0,2}$")
    return rx.search(text, max(0, span.begin - 60), span.begin) is not None


def reference_date(published: str | None, text: str) -> dt.date | None:
    """The date that relative expressions refer to: publication, else the text's own.

    With no publication date, the latest explicit full date (with a year) in the text
    is used, then the latest explicit month, then the latest year.

    >>> reference_date(None, "Pelatihan pada 15 hingga 19 Mei 2023. Sejak 2016.")
    datetime.date(2023, 5, 19)

    A year something has gone on since is long past, not the text's time:

    >>> reference_date(None, "Talks on Monday (Oct 14). Cooperation since 2013.") is None
    True
    """
    if published:
        return to_date(published)
    best: dt.date | None = None
    rank = -1
    future = _future_before()
    for span in find_dates(text, None):
        if span.relative:
            continue
        if span.start.count("-") == 0 and future.search(
            clause_before(text, span.begin, 60, ".;!?")
        ):
            continue  # "would be followed up in 2024": a year still to come is not now
        if span.start.count("-") == 0 and _since_before().search(text, 0, span.begin):
            continue  # "in place since 2013": a start long past is not now
        for iso in (span.start, span.end):
            if not iso:
                continue
            r = iso.count("-")
            d = to_date(iso)
            if d and (r > rank or (r == rank and best and d > best)):
                best, rank = d, r
    if best is not None and rank < 2:
        return RoughDate.of(best, rank)
    return best


#: at most this many lines from the top may hold an article's date line
BYLINE_LINES = 20
# a page's time stamp: an ISO day and a time of day
_STAMP = re.compile(r"(?<![\d-])(\d{4}-\d\d-\d\d)(?:T|\s+)\d\d:\d\d(?!\d)")


def byline_date(raw: str) -> dt.date | None:
    r"""The day of a short line near the top that holds little but that day (a byline,
    "Published: 16 May 2024", "2024-05-16 18:22:05", "Kamis, 16 Mei 2024 | 10:15 WIB"):
    the article's own date, which cleaning may drop with the page's other short lines.

    >>> byline_date("Xinhua\nEditor: Liu Fang\n2024-05-16 18:22:05\n\nTIANJIN, May 16 --")
    datetime.date(2024, 5, 16)
    >>> byline_date("Pemkot Jambi mengirim 25 ASN ke Singapura pada 15 Mei 2024 untuk pelatihan.")

    A page's time stamp ("2024-06-17 10:32") dates it in a line of any length:

    >>> byline_date("Source: Foreign Affairs Office   2024-06-17 10:32   Font size: L M S")
    datetime.date(2024, 6, 17)
    """
    for line in raw.splitlines()[:BYLINE_LINES]:
        line = line.strip()
        stamp = _STAMP.search(line)
        if stamp:
            return to_date(stamp.group(1))
        if not line or len(line) > 90 or line.endswith("."):
            continue
        for span in find_dates(line, None):
            if span.relative or span.start.count("-") != 2:
                continue
            rest = line[: span.begin] + " " + line[span.finish :]
            if len(re.findall(r"[^\W\d_]{4,}", rest)) <= 4:
                return to_date(span.start)
    return None


def only_vague(spans: list[DateSpan]) -> bool:
    """Whether some dates are given and every one is vague: told relative to the article's
    date at a year's or a month's precision ("tahun depan", "next month")."""
    return bool(spans) and all(x.relative and x.start.count("-") < 2 for x in spans)
