"""Officials who head no local government (graph.extract.officials): ministers, envoys
and heads of bodies named with their title are people of the graph.

Every sentence here was written for these tests; none is copied from an article.
"""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.gazetteer import default_gazetteer
from graph.extract.officials import official_names
from graph.model import Document


def names(text: str) -> list[str]:
    gaz = default_gazetteer()
    known = [(m.start, m.end) for m in gaz.find(text)]
    return [n for _, _, n in official_names(text, known, lambda w: gaz.lookup(w) is not None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title's place or country ends the title; the name follows it
        (
            "Menteri Luar Negeri Malaysia Datuk Rahman bin Ali menerima Gubernur Riau.",
            ["Datuk Rahman bin Ali"],
        ),
        ("Duta Besar Jepang untuk Indonesia Sato Kenji di Jakarta, Senin.", ["Sato Kenji"]),
        ("The Australian Ambassador to Indonesia Mary Watson opened the fair.", ["Mary Watson"]),
        # a comma after the title's words
        (
            "Direktur Jenderal Badan Promosi Ivanovo, Olga Petrova Ivanovna, hadir.",
            ["Olga Petrova Ivanovna"],
        ),
        # several parts of a title joined by "dan"
        (
            "Menteri Bidang Luar Negeri dan Bidang Perdagangan Singapura Tan Wei Ming berkata.",
            ["Tan Wei Ming"],
        ),
        # an acronym defined in brackets belongs to the title
        (
            "Manajer Program pada Asian Cities Network (ACN) Petra de Vries berkunjung.",
            ["Petra de Vries"],
        ),
        # an English title in lower case after the body's name
        ("The council chairman Robert Lee signed for Perth.", ["Robert Lee"]),
        # a name in apposition before its title
        ("Anna Becker, president of the Hamburg Friendship Association, spoke.", ["Anna Becker"]),
        # a bracket of lower-case words ends the name
        (
            "Duta Besar RI untuk Jepang, Budi Santoso (kiri), menyerahkan cendera mata.",
            ["Budi Santoso"],
        ),
        # a local government's secretary, who heads none of them
        ("Sekretaris Daerah Jateng, Agus Prasetyo, menyebut magang ditunda.", ["Agus Prasetyo"]),
        ("Jayapura's regional secretary, Frans Itaar, said the MoU expired.", ["Frans Itaar"]),
        # a title of several lower-case words and its acronym after the name
        (
            "Markus Siang, regional secretary (Sekda) of West Kalimantan, flew in.",
            ["Markus Siang"],
        ),
    ],
)
def test_an_official_named_with_a_title_is_found(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a body after the title, not a person
        "Kepala Badan Pusat Statistik Budi Santoso hadir.",
        "Kepala Dinas Pariwisata Kota Medan hadir dalam acara itu.",
        # bodies or people in a list: which is the title's is unknowable
        "Kepala Satuan Polisi Pamong Praja dan Pemadam Kebakaran (Satpol) hadir.",
        "Dubes Jepang dan Sri Sultan membahas kerja sama.",
        # one word only
        "Ketua DPRD Kota Medan, Budi, hadir.",
        # a place named after an office
        "Presiden melayat ke kompleks Menteri Widya Chandra, Jakarta.",
        # a place after "di"
        "Rapat digelar di rumah dinas Menteri di Widya Chandra.",
        # the place of a minister's portfolio, not a name
        "Wakil Menteri Luar Negeri Multicultural Affairs Northern Territory Australia, kemarin.",
    ],
)
def test_no_official_where_the_title_is_followed_by_no_name(text: str) -> None:
    assert names(text) == []


def test_an_official_is_kept_in_the_graph_without_a_fact() -> None:
    text = (
        "Pemerintah Kota Medan menandatangani MoU sister city dengan Kota Gwangju, Korea Selatan."
        " Penandatanganan disaksikan Duta Besar Korea Selatan untuk Indonesia Park Jinwoo."
    )
    ex = extract(Document("t", text, "t.txt", language="id", published="2024-05-20"))
    assert ex.entities["park-jinwoo"].type == "Person"
    assert "park-jinwoo" not in {f.subject for f in ex.facts}


def test_a_shorter_form_of_a_known_name_is_the_same_person() -> None:
    text = (
        "Pemkot Medan menjalin sister city dengan Kota Gwangju, Korea Selatan. Gubernur Sumatera"
        " Utara, Sri Paduka Rahmat Hidayat hadir. Duta Besar Korea Selatan untuk Indonesia"
        " Park Jinwoo dan Sri Paduka membahas hal itu."
    )
    ex = extract(Document("t", text, "t.txt", language="id", published="2024-05-20"))
    people = [k for k, e in ex.entities.items() if e.type == "Person"]
    assert sorted(people) == ["park-jinwoo", "sri-paduka-rahmat-hidayat"]
