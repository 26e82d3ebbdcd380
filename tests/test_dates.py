"""Tests for graph.extract.dates: Indonesian and English dates at the precision the text gives."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.dates import find_dates, reference_date, to_date

REF = dt.date(2023, 5, 15)  # a publication date used as the reference


def spans(sentence: str, ref: dt.date | None = None) -> list[tuple[str, str | None]]:
    return [(s.start, s.end) for s in find_dates(sentence, ref)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Pelatihan digelar pada 15 hingga 19 Mei 2023 di Singapura.",
            [("2023-05-15", "2023-05-19")],
        ),
        ("Kegiatan berlangsung 17 s.d. 23 Februari 2019.", [("2019-02-17", "2019-02-23")]),
        ("Pelatihan pada 1-5 Juli 2024 diikuti 19 ASN.", [("2024-07-01", "2024-07-05")]),
        ("Pelatihan pada 1 - 5 Juli 2024.", [("2024-07-01", "2024-07-05")]),
        # a range of days in a numeric date, its weekdays before it
        ("Delegasi berada di Gwangju, Rabu-Jumat (8-10/5/2024).", [("2024-05-08", "2024-05-10")]),
        ("Kunjungan kerja pada 13-15/5/2024.", [("2024-05-13", "2024-05-15")]),
        # English month-first ends of a range, each with its month
        ("The exchange runs from July 1 to July 12, 2024.", [("2024-07-01", "2024-07-12")]),
        ("The festival ran from May 30 to June 2, 2024.", [("2024-05-30", "2024-06-02")]),
        ("The training ran May 15-19, 2023 in Singapore.", [("2023-05-15", "2023-05-19")]),
        ("The delegation arrived on 15 May 2023.", [("2023-05-15", None)]),
        ("The delegation arrived on February 15, 2017.", [("2017-02-15", None)]),
        ("Rombongan dilepas pada Jumat (12/5/2023) malam.", [("2023-05-12", None)]),
        ("Rapat pada 2019-11-27 di Mossel Bay.", [("2019-11-27", None)]),
        ("Kunjungan dari 15 Mei hingga 2 Juni 2023.", [("2023-05-15", "2023-06-02")]),
        ("Kunjungan dari 28 Desember hingga 3 Januari 2024.", [("2023-12-28", "2024-01-03")]),
        ("Pertemuan pada 27 Nopember 2019.", [("2019-11-27", None)]),
    ],
)
def test_explicit_dates(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert spans(sentence) == expected


def test_explicit_dates_ignore_the_reference() -> None:
    assert spans("pada 15 hingga 19 Mei 2023", dt.date(2020, 1, 1)) == [
        ("2023-05-15", "2023-05-19")
    ]


def test_spans_point_at_the_text() -> None:
    sentence = "Rombongan dilepas Jumat (12/5/2023) dan pelatihan pada 15 hingga 19 Mei 2023."
    found = find_dates(sentence)
    assert [sentence[s.begin : s.finish] for s in found] == ["12/5/2023", "15 hingga 19 Mei 2023"]
    assert [s.relative for s in found] == [False, False]


def test_day_and_month_without_year_take_the_reference_year() -> None:
    found = find_dates("Rombongan dilepas pada Jumat malam (12/5) di Griya Mayang.", REF)
    assert [(s.start, s.end, s.relative) for s in found] == [("2023-05-12", None, True)]
    # without a reference there is no year, so no date
    assert find_dates("Rombongan dilepas pada Jumat malam (12/5) di Griya Mayang.") == []


def test_range_without_year_takes_the_reference_year() -> None:
    assert spans("Pelatihan pada 15 hingga 19 Mei.", REF) == [("2023-05-15", "2023-05-19")]
    assert spans("Pelatihan pada 15 hingga 19 Mei.") == []


@pytest.mark.parametrize(
    ("sentence", "ref", "expected"),
    [
        # the month is before the reference month: the same year
        ("Pada Maret lalu 25 ASN berangkat.", dt.date(2023, 5, 15), "2023-03"),
        # the month is after the reference month: "lalu" means last year's
        ("Pada Juni lalu 25 ASN berangkat.", dt.date(2023, 5, 15), "2022-06"),
        ("Pada Maret lalu 25 ASN berangkat.", dt.date(2023, 2, 10), "2022-03"),
        ("Desember lalu mereka ke Gwangju.", dt.date(2024, 1, 5), "2023-12"),
        # the reference month itself
        ("Pada Mei lalu 25 ASN berangkat.", dt.date(2023, 5, 15), "2023-05"),
        ("Pada bulan Mei ini 25 ASN berangkat.", dt.date(2023, 5, 15), "2023-05"),
        ("Oktober tahun lalu mereka ke Gwangju.", dt.date(2024, 2, 22), "2023-10"),
    ],
)
def test_relative_months(sentence: str, ref: dt.date, expected: str) -> None:
    found = find_dates(sentence, ref)
    assert [(s.start, s.end) for s in found] == [(expected, None)]
    assert found[0].relative


def test_relative_month_needs_a_reference() -> None:
    assert find_dates("Pada Maret lalu 25 ASN berangkat.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kerja sama ini dimulai tahun lalu.", "2022"),
        ("Program berlanjut tahun ini.", "2023"),
        ("The programme started last year.", "2022"),
        ("The programme will grow next year.", "2024"),
    ],
)
def test_relative_years(sentence: str, expected: str) -> None:
    found = find_dates(sentence, REF)
    assert [(s.start, s.end, s.relative) for s in found] == [(expected, None, True)]
    assert find_dates(sentence) == []


def test_bulan_ini_is_the_reference_month() -> None:
    found = find_dates("Rombongan kedua berangkat bulan ini.", REF)
    assert [(s.start, s.end, s.relative) for s in found] == [("2023-05", None, True)]
    assert find_dates("Rombongan kedua berangkat bulan ini.") == []


@pytest.mark.parametrize(
    ("sentence", "ref", "expected"),
    [
        ("Kunjungan dilakukan bulan lalu.", dt.date(2024, 1, 5), "2023-12"),
        ("Kunjungan dijadwalkan bulan depan.", dt.date(2023, 12, 5), "2024-01"),
        ("The visit took place last month.", dt.date(2023, 5, 15), "2023-04"),
    ],
)
def test_relative_month_words_cross_years(sentence: str, ref: dt.date, expected: str) -> None:
    assert spans(sentence, ref) == [(expected, None)]


def test_month_and_year_stay_a_month() -> None:
    assert spans("Medan mengirim mahasiswa ke Gwangju pada Oktober 2018.") == [("2018-10", None)]
    assert spans("The students went to Gwangju in October 2023.") == [("2023-10", None)]
    assert spans("Pohon ditanam pada Feb 2019.") == [("2019-02", None)]


def test_years() -> None:
    assert spans("Program SCP dirintis sejak tahun 2016.") == [("2016", None)]
    assert spans("Kerja sama sejak 1994 terus berjalan.") == [("1994", None)]
    found = find_dates("Program SCP dirintis sejak tahun 2016.", REF)
    assert [s.relative for s in found] == [False]


def test_invalid_day_is_not_a_date() -> None:
    for sentence in ("Rapat pada 31 Februari 2023 ditunda.", "Rapat pada 30/2/2023 ditunda."):
        found = find_dates(sentence, REF)
        assert all(not s.start.endswith(("-31", "-30")) for s in found), found
        assert all(to_date(s.start) is not None for s in found)


def test_invalid_date_is_ignored_entirely() -> None:
    assert find_dates("Rapat pada 31 Februari 2023 ditunda.", REF) == []


def test_invalid_range_is_not_a_date() -> None:
    found = find_dates("Acara pada 19 hingga 15 Mei 2023.")
    assert all(s.end is None for s in found)
    assert ("2023-05-19", "2023-05-15") not in [(s.start, s.end) for s in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor may visit Busan soon.",
        "Officials may 15 times a year travel to Singapore.",
        "The two cities may sign a new memorandum.",
    ],
)
def test_may_as_a_modal_verb_is_not_a_date(sentence: str) -> None:
    assert find_dates(sentence, REF) == []


def test_may_as_a_month_is_a_date() -> None:
    assert spans("The mayor may visit Busan in May 2024.", REF) == [("2024-05", None)]
    assert spans("It was held on 15 May.", REF) == [("2023-05-15", None)]


def test_reference_date_prefers_publication() -> None:
    text = "Pelatihan digelar pada 15 hingga 19 Mei 2023."
    assert reference_date("2023-05-13", text) == dt.date(2023, 5, 13)
    assert reference_date("2023-05", text) == dt.date(2023, 5, 1)
    assert reference_date("2019", "") == dt.date(2019, 1, 1)


def test_reference_date_without_publication_uses_latest_full_date() -> None:
    text = (
        "Kerja sama dimulai pada Maret 2022. Pelatihan pada 15 hingga 19 Mei 2023. "
        "Rombongan dilepas Jumat (12/5/2023). Program dirintis sejak 2016."
    )
    assert reference_date(None, text) == dt.date(2023, 5, 19)


def test_reference_date_falls_back_to_month_then_year() -> None:
    assert reference_date(None, "Pada Oktober 2018 dan pada tahun 2020.") == dt.date(2018, 10, 1)
    assert reference_date(None, "Sejak 1994 hingga 2019 kerja sama berjalan.") == dt.date(
        2019, 1, 1
    )


def test_reference_date_ignores_relative_expressions() -> None:
    assert reference_date(None, "Pada Maret lalu dan tahun lalu.") is None
    assert reference_date(None, "Tanpa tanggal sama sekali.") is None


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2023-05-15", dt.date(2023, 5, 15)),
        ("2023-05", dt.date(2023, 5, 1)),
        ("2016", dt.date(2016, 1, 1)),
        (None, None),
        ("", None),
        ("2023-02-31", None),
    ],
)
def test_to_date(iso: str | None, expected: dt.date | None) -> None:
    assert to_date(iso) == expected


def test_a_month_first_date_is_read_so_only_when_the_publication_date_says_so() -> None:
    ref = dt.date(2017, 8, 2)
    # an English edition writing "today (8/2)" on 2 August
    assert [x.start for x in find_dates("The governor leaves today (8/2).", ref)] == ["2017-08-02"]
    # day-first stays the rule when it fits, or when neither reading is near
    assert [x.start for x in find_dates("Senin (1/8) lalu", ref)] == ["2017-08-01"]
    assert [x.start for x in find_dates("Senin (12/5)", ref)] == ["2017-05-12"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Hari ini Wali Kota Medan menerima delegasi Gwangju.", "2024-05-20"),
        ("Today, the mayor inaugurated the monument.", "2024-05-20"),
        ("Kemarin, rombongan tiba di Gwangju.", "2024-05-19"),
        ("The delegation arrived yesterday.", "2024-05-19"),
    ],
)
def test_today_and_yesterday_are_the_reference_day_and_the_one_before(text: str, day: str) -> None:
    assert [x.start for x in find_dates(text, dt.date(2024, 5, 20))] == [day]


def test_kemarin_after_a_weekday_or_a_month_is_no_day_of_its_own() -> None:
    ref = dt.date(2024, 5, 20)
    # last Wednesday, not the day before the reference (a Monday)
    assert [x.start for x in find_dates("Rombongan tiba pada Rabu kemarin.", ref)] == ["2024-05-15"]
    assert [x.start for x in find_dates("Kunjungan itu pada Maret kemarin.", ref)] == ["2024-03"]


def test_a_speakers_today_inside_a_quotation_is_no_date() -> None:
    text = '"Hari ini kita menandatangani kerja sama," kata Wali Kota.'
    assert find_dates(text, dt.date(2024, 5, 20)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 13th May 2025 they met", ("2025-05-13", None)),
        ("on the 13th of May 2025", ("2025-05-13", None)),
        ("on 1st June 2022", ("2022-06-01", None)),
        ("from 3rd to 5th October 2010", ("2010-10-03", "2010-10-05")),
    ],
)
def test_english_ordinal_days_before_the_month(text: str, expected: tuple[str, str | None]) -> None:
    spans = find_dates(text, dt.date(2025, 1, 1))
    assert [(s.start, s.end) for s in spans][:1] == [expected]


def test_a_numeric_date_in_brackets_may_have_spaces_around_its_slash() -> None:
    assert spans("Kongres digelar Senin-Selasa (7-8 / 11).", REF) == [("2023-11-07", "2023-11-08")]
    assert spans("Ia tiba di Nara pada Minggu (6 / 11) waktu setempat.", REF) == [
        ("2023-11-06", None)
    ]
    # outside brackets a spaced slash is a ratio or a score, no date
    assert spans("Tim itu menang 6 / 11 pertandingan.", REF) == []


def test_a_week_named_relative_to_the_reference_gives_its_month() -> None:
    ref = dt.date(2007, 8, 31)
    assert spans("The memorandum was signed in Brisbane this week.", ref) == [("2007-08", None)]
    assert spans("Kunjungan balasan digelar pekan depan.", ref) == [("2007-09", None)]


def test_a_bracketed_date_whose_second_number_is_no_month_is_month_first() -> None:
    ref = dt.date(2019, 10, 31)
    assert spans("The handover took place on Wednesday (10/30) at Weri.", ref) == [
        ("2019-10-30", None)
    ]
    # outside brackets, a pair of numbers that is no day and month is no date
    assert spans("Sebanyak 3/20 peserta lulus ujian.", ref) == []


def test_a_range_of_days_after_tanggal_without_a_month_is_in_the_reference_month() -> None:
    ref = dt.date(2016, 11, 28)
    assert spans("Kegiatan dilanjutkan di Taiwan tanggal 23-26.", ref) == [
        ("2016-11-23", "2016-11-26")
    ]
    # with its month, the month written is the month
    assert spans("Kegiatan digelar tanggal 3-5 Desember 2016.", ref) == [
        ("2016-12-03", "2016-12-05")
    ]


def test_a_weekday_alone_is_the_last_such_day_up_to_the_reference() -> None:
    thursday = dt.date(2024, 4, 18)
    assert [x.start for x in find_dates("signed on Thursday", thursday)] == ["2024-04-18"]
    assert [x.start for x in find_dates("tiba pada Selasa", thursday)] == ["2024-04-16"]
    assert [x.start for x in find_dates("arrived on Friday", thursday)] == ["2024-04-12"]
    assert [x.start for x in find_dates("will sign next Monday", thursday)] == ["2024-04-22"]


def test_a_weekday_from_a_reference_told_only_to_its_month_stays_a_month() -> None:
    ref = reference_date(None, "Kunjungan pada Januari 2005. Rombongan berangkat Selasa.")
    assert ref is not None
    assert [x.start for x in find_dates("berangkat Selasa", ref)] == ["2005-01"]


def test_a_day_from_a_reference_told_only_to_its_year_stays_a_year() -> None:
    # the text's only year dates a past signing: a weekday or "yesterday" is some day of
    # that year at most, never of its January
    ref = reference_date(None, "The delegation left on Monday; the charter dates from 2019.")
    assert ref is not None
    assert [x.start for x in find_dates("left on Monday", ref)] == ["2019"]
    assert [x.start for x in find_dates("tiba kemarin", ref)] == ["2019"]
    month_ref = reference_date(None, "Kunjungan pada Januari 2005.")
    assert month_ref is not None
    assert [x.start for x in find_dates("tiba kemarin", month_ref)] == ["2005-01"]


def test_a_year_first_date_with_dots_or_slashes_is_a_day() -> None:
    assert [x.start for x in find_dates("2023.11.08 | International Relations", None)] == [
        "2023-11-08"
    ]
    assert [x.start for x in find_dates("posted 2023/11/08", None)] == ["2023-11-08"]
    # the separators must agree: a version number is no day
    assert [x.start for x in find_dates("release 2023.11/08", None)] != ["2023-11-08"]


def test_a_stay_told_by_its_weekdays_runs_from_the_first_to_the_second() -> None:
    tuesday = dt.date(2023, 3, 14)
    spans = find_dates("a working visit from Sunday to Tuesday", tuesday)
    assert [(x.start, x.end) for x in spans] == [("2023-03-12", "2023-03-14")]
    # the second weekday is the first such day after the first, not the last before
    spans = find_dates("berkunjung dari Senin hingga Rabu", tuesday)
    assert [(x.start, x.end) for x in spans] == [("2023-03-13", "2023-03-15")]


def test_a_year_told_as_still_to_come_is_no_reference() -> None:
    text = (
        "The province closed 2023 with five agreements. The letter would be followed up"
        " in 2024. For 2025 the province hopes to open talks."
    )
    assert reference_date(None, text) == dt.date(2023, 1, 1)


def test_last_week_or_month_against_a_year_known_alone_stays_that_year() -> None:
    ref = reference_date(None, "The two governments signed an MoU in 2019.")
    assert ref is not None
    assert [x.start for x in find_dates("visited the capital last week", ref)] == ["2019"]
    assert [x.start for x in find_dates("berkunjung bulan lalu", ref)] == ["2019"]


def test_a_day_written_with_dots_and_its_year_is_one() -> None:
    assert [x.start for x in find_dates("Braunschweig, 14.10.2024", None)] == ["2024-10-14"]
    # a decimal amount is no day
    assert find_dates("AUD 1.2 million", None) == []
