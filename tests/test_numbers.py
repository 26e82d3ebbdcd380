"""Tests for graph.extract.numbers: digits, number words and approximate quantities."""

from __future__ import annotations

import pytest

from graph.extract.numbers import find_numbers, word_value


def numbers(sentence: str) -> list[tuple[int, bool]]:
    return [(n.value, n.approximate) for n in find_numbers(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sebanyak 25 orang ASN berangkat.", [(25, False)]),
        ("Sebanyak 1.500 peserta hadir.", [(1500, False)]),
        ("About 1,500 people attended.", [(1500, True)]),
        ("Dana Rp 1.500.000 disiapkan.", [(1500000, False)]),
        ("Sebanyak 12 mahasiswa dan 3 dosen berangkat.", [(12, False), (3, False)]),
        ("Sebanyak dua puluh lima orang berangkat.", [(25, False)]),
        ("Sebelas pelajar dilepas wali kota.", [(11, False)]),
        ("Ada sebelas pelajar.", [(11, False)]),
        ("Tiga ratus staf telah dilatih.", [(300, False)]),
        ("Sebanyak sembilan belas ASN berangkat.", [(19, False)]),
        ("Twenty five officials took part.", [(25, False)]),
        ("Three hundred people were trained.", [(300, False)]),
    ],
)
def test_exact_numbers(sentence: str, expected: list[tuple[int, bool]]) -> None:
    assert numbers(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Lebih dari 300 stafnya telah dilatih.", 300),
        ("Hampir 500 ASN belajar ke luar negeri.", 500),
        ("Sekitar 300 aparatur dilatih tanpa biaya.", 300),
        ("Lebih dari tiga ratus orang hadir.", 300),
        ("More than 20 officials joined the programme.", 20),
        ("Nearly 500 civil servants have been trained.", 500),
        ("Up to 50 participants a year can join.", 50),
    ],
)
def test_approximate_numbers_are_flagged(sentence: str, value: int) -> None:
    assert numbers(sentence) == [(value, True)]


def test_number_offsets_point_at_the_number() -> None:
    sentence = "Lebih dari 300 staf dan dua puluh lima ASN."
    found = find_numbers(sentence)
    assert [sentence[n.begin : n.end] for n in found] == ["300", "dua puluh lima"]


def test_dates_and_decimals_are_not_counts() -> None:
    # the parts of a date are not separate numbers
    assert numbers("Rombongan dilepas pada 12/5/2023 malam.") == []
    assert numbers("Acara dimulai pukul 10.30 WIB.") == []


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("dua puluh lima", 25),
        ("sebelas", 11),
        ("tiga ratus", 300),
        ("dua belas", 12),
        ("seratus", 100),
        ("seribu", 1000),
        ("dua ribu lima ratus", 2500),
        ("1.500", 1500),
        ("25", 25),
        ("twenty five", 25),
        ("three hundred", 300),
    ],
)
def test_word_value(phrase: str, value: int) -> None:
    assert word_value(phrase) == value


def test_word_value_of_non_numbers() -> None:
    assert word_value("mahasiswa") is None
    assert word_value("") is None


@pytest.mark.parametrize(
    ("phrase", "value"), [("seratus dua puluh tiga", 123), ("dua ratus lima puluh", 250)]
)
def test_word_value_with_two_multipliers(phrase: str, value: int) -> None:
    assert word_value(phrase) == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Sebanyak dua ribu lima ratus orang hadir.", 2500), ("Seribu lima ratus peserta.", 1500)],
)
def test_find_numbers_with_two_multipliers(sentence: str, value: int) -> None:
    assert numbers(sentence) == [(value, False)]


def test_more_than_a_dozen_is_approximate() -> None:
    assert numbers("More than a dozen civil servants left for Singapore.") == [(12, True)]


def test_hyphenated_english_number_words_are_one_number() -> None:
    """ "Twenty-five officials" is 25, not 20 and 5."""
    assert [n.value for n in find_numbers("Twenty-five officials and ninety-nine pupils")] == [
        25,
        99,
    ]
