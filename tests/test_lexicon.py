"""The word lists' cheap tests: a hint set derived from a list must let through every text
a word of the list matches, so a word added to the list is never silently skipped."""

from __future__ import annotations

import pytest

from graph.extract.lexicon import hints, may_match, patterns, relations_lexicon

# each list the extractor guards with may_match, with phrases its words match (our own)
PHRASES = {
    "visit_to": [
        "the mayor led a delegation to Fremantle",
        "rombongan ke Kota Kochi berangkat pagi",
        "a study tour to Kitakyushu",
        "melakukan lawatan ke Penang",
    ],
    "signing": [
        "the two cities inked an agreement",
        "the regency renewed its memorandum",
        "Pemkab melakukan perjanjian dengan Pemkot Miri",
        "keduanya meneken nota kesepahaman",
    ],
    "twinning_kind": ["sister province ties", "kota kembar Bandung", "friendship city links"],
    "twinned_with": ["sister city Kota Miri", "twinned with Braunschweig", "kota kembar dengan"],
    "foreign_partner_broad": ["kerjasama dengan Sarawak", "an agreement with Kuching"],
    "domestic_cooperation": ["working visit of the regency", "perjanjian kerjasama kedua daerah"],
}


@pytest.mark.parametrize(("name", "phrase"), [(n, p) for n, ps in PHRASES.items() for p in ps])
def test_a_phrase_a_list_matches_passes_its_cheap_test(name: str, phrase: str) -> None:
    assert patterns()[name].search(phrase), "the sample phrase should match the list"
    assert may_match(phrase.lower(), name)


@pytest.mark.parametrize("name", sorted(PHRASES))
def test_every_guarded_list_has_hints(name: str) -> None:
    """A list whose words all hold plain text gets a hint set (None would test always:
    correct, but slow); each hint is text of one of its words."""
    found = hints(name)
    assert found is not None
    words = " ".join(relations_lexicon()[name]).lower()
    assert all(h.strip() and h.strip() in words for h in found)


def test_a_text_without_any_hint_is_turned_away() -> None:
    assert not may_match("pasar baru diresmikan wali kota", "visit_to", "signing")
