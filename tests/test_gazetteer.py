"""Tests for graph.extract.gazetteer with small hand-made records."""

from __future__ import annotations

import pytest

from graph.extract.gazetteer import Gazetteer, Record, default_gazetteer, fold, key


@pytest.fixture
def gaz() -> Gazetteer:
    return Gazetteer.from_records(
        [
            Record(
                "kota-medan",
                "CityGovernment",
                {"id": "Kota Medan", "en": "Medan City"},
                ("Pemkot Medan", "Medan"),
            ),
            Record("gwangju", "CityGovernment", {"en": "Gwangju"}, ("Kota Gwangju",), bare=True),
            Record(
                "south-korea",
                "Country",
                {"id": "Korea Selatan", "en": "South Korea"},
                ("Korsel",),
                bare=True,
            ),
            Record("scp", "Programme", {"en": "Singapore Cooperation Programme"}, ("SCP",)),
            Record("maxime-prevot", "Person", {"und": "Maxime Prévot"}, ()),
        ]
    )


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.record.id) for m in gaz.find(text)]


def test_longest_match_on_word_boundaries(gaz: Gazetteer) -> None:
    text = "Pemkot Medan melepas mahasiswa ke Kota Gwangju, Korea Selatan."
    assert found(gaz, text) == [
        ("Pemkot Medan", "kota-medan"),
        ("Kota Gwangju", "gwangju"),
        ("Korea Selatan", "south-korea"),
    ]
    # no match inside a longer word
    assert found(gaz, "Medanku dan Gwangjuan") == []


def test_single_word_names_only_for_bare_records(gaz: Gazetteer) -> None:
    # "Medan" is a one-word alias of a record that may not be named bare; "Gwangju" may
    assert found(gaz, "Mahasiswa Medan tiba di Gwangju.") == [("Gwangju", "gwangju")]


def test_offsets_and_accents(gaz: Gazetteer) -> None:
    text = "Wali kota Namur, Maxime Prevot, dan MAXIME PRÉVOT."
    matches = gaz.find(text)
    assert [m.record.id for m in matches] == ["maxime-prevot", "maxime-prevot"]
    assert all(text[m.start : m.end] == m.surface for m in matches)


def test_case_rules(gaz: Gazetteer) -> None:
    # a short all-capital name only in capitals; other names need a capital in the text
    assert found(gaz, "Program SCP berjalan.") == [("SCP", "scp")]
    assert found(gaz, "program scp berjalan.") == []
    assert found(gaz, "kota medan") == []


def test_lookup_by_any_name(gaz: Gazetteer) -> None:
    assert gaz.lookup("pemkot  medan").id == "kota-medan"  # type: ignore[union-attr]
    assert gaz.lookup("Korsel", types=["Country"]).id == "south-korea"  # type: ignore[union-attr]
    assert gaz.lookup("Korsel", types=["CityGovernment"]) is None
    assert gaz.lookup("Busan") is None


def test_fold_keeps_offsets() -> None:
    for text in ("Prévot İzmir", "Kota Medan", "Ñuñoa"):
        assert len(fold(text)) == len(text)
    assert key("  Kota   Medan. ") == "kota medan"


def test_empty_gazetteer_finds_nothing() -> None:
    assert Gazetteer.from_records([]).find("Kota Medan dan Gwangju") == []


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Pemkab Kukar", "kabupaten-kutai-kartanegara"),
        ("Pemkab Kotim", "kabupaten-kotawaringin-timur"),
        ("Kabupaten Tapsel", "kabupaten-tapanuli-selatan"),
        ("Pemkab Lotim", "kabupaten-lombok-timur"),
        ("Pemkab KLU", "kabupaten-lombok-utara"),
    ],
)
def test_regencies_by_the_short_names_news_uses(name: str, slug: str) -> None:
    rec = default_gazetteer().lookup(name)
    assert rec is not None and rec.id == slug
