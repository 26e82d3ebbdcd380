"""Tests for graph.sources.text: debris removal, normalisation and sentence splitting."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from graph.sources.text import clean, clean_lines, normalise, split_sentences, unwrap


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(clean(text))]


# --- sentence splitting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wali Kota Jambi H. Syarif Fasha melepas 25 ASN. Mereka berangkat ke Singapura.",
            ["Wali Kota Jambi H. Syarif Fasha melepas 25 ASN.", "Mereka berangkat ke Singapura."],
        ),
        (
            "Dr. Ali Rahman membuka pelatihan. Acara berlangsung dua hari.",
            ["Dr. Ali Rahman membuka pelatihan.", "Acara berlangsung dua hari."],
        ),
        (
            "Kepala Dinas Budi Santoso, S.E., M.E. memimpin rombongan. Peserta berjumlah 19 orang.",
            [
                "Kepala Dinas Budi Santoso, S.E., M.E. memimpin rombongan.",
                "Peserta berjumlah 19 orang.",
            ],
        ),
        (
            "Rombongan dilepas pada Jumat (12/5) malam. Mereka kembali pekan depan.",
            ["Rombongan dilepas pada Jumat (12/5) malam.", "Mereka kembali pekan depan."],
        ),
        (
            "Rombongan dilepas pada Jumat (12/5). Mereka kembali pekan depan.",
            ["Rombongan dilepas pada Jumat (12/5).", "Mereka kembali pekan depan."],
        ),
        (
            "Sekda Ir. H. Ridwan, M.Si., membuka acara. Acara selesai pukul 12.00 WIB.",
            ["Sekda Ir. H. Ridwan, M.Si., membuka acara.", "Acara selesai pukul 12.00 WIB."],
        ),
        (
            "Kerja sama dimulai pada 1994. 25 tahun kemudian kedua kota merayakannya!",
            ["Kerja sama dimulai pada 1994.", "25 tahun kemudian kedua kota merayakannya!"],
        ),
        (
            "The mayor met Mr. Lee in Busan. Did they sign an agreement? They did.",
            ["The mayor met Mr. Lee in Busan.", "Did they sign an agreement?", "They did."],
        ),
        (
            "Mitra kota kembar:\n1. Kota Davao (2005)\n12. Kota Hakodate (2019). Aktif.",
            ["Mitra kota kembar:", "1. Kota Davao (2005)", "12. Kota Hakodate (2019).", "Aktif."],
        ),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_each_paragraph_line_splits_separately() -> None:
    text = "Baris pertama tanpa titik\nBaris kedua. Kalimat ketiga."
    assert sentences(text) == ["Baris pertama tanpa titik", "Baris kedua.", "Kalimat ketiga."]


def test_sentence_index_and_offsets() -> None:
    cleaned = clean(
        "Wali Kota Medan Bobby Nasution melepas 12 mahasiswa. Mereka ke Gwangju.\n\n"
        "Dr. Lee menyambut mereka di Korea Selatan. Program berlangsung dua minggu."
    )
    result = split_sentences(cleaned)
    assert [s.index for s in result] == list(range(len(result)))
    assert len(result) == 4
    for s in result:
        assert cleaned[s.start : s.start + len(s.text)] == s.text


def test_closing_quote_stays_with_its_sentence() -> None:
    assert sentences('Dia berkata, "Kami siap berangkat." Lalu rombongan pergi.') == [
        'Dia berkata, "Kami siap berangkat."',
        "Lalu rombongan pergi.",
    ]


def test_no_abbreviation_does_not_end_a_sentence() -> None:
    assert sentences("Kantor berada di Jl. Sudirman No. 5 Medan. Peserta hadir pagi.") == [
        "Kantor berada di Jl. Sudirman No. 5 Medan.",
        "Peserta hadir pagi.",
    ]


# --- debris -------------------------------------------------------------------------------

PAGE = """\
Medan Lepas Mahasiswa ke Gwangju

Baca juga: Wali Kota Medan Kunjungi Korea Selatan
iklan
Wali Kota Medan melepas 12 mahasiswa ke Gwangju.
ADVERTISEMENT
Editor: Budi Santoso
Tags: sister city, Medan, Gwangju
Scroll to continue with content
iklan Mereka berangkat pada Kamis pagi.
Read also: Busan delegation in Surabaya
Pemkot Gwangju menanggung biaya akomodasi.
Berita Terkait
Pemkot Binjai Terima Kunjungan Delegasi Jepang
Wali Kota Surabaya Sambut Wali Kota Busan
"""


def test_debris_lines_removed() -> None:
    assert clean_lines(PAGE) == [
        "Medan Lepas Mahasiswa ke Gwangju",
        "Wali Kota Medan melepas 12 mahasiswa ke Gwangju.",
        "Mereka berangkat pada Kamis pagi.",
        "Pemkot Gwangju menanggung biaya akomodasi.",
    ]


def test_clean_joins_lines_and_keeps_real_text() -> None:
    out = clean(PAGE)
    assert "Baca juga" not in out
    # "Berita Terkait" and the other articles' headlines after it are not the article
    assert "Berita Terkait" not in out
    assert "Binjai" not in out and "Busan" not in out
    assert "iklan" not in out.lower()
    assert "Editor" not in out
    assert out.splitlines()[1] == "Wali Kota Medan melepas 12 mahasiswa ke Gwangju."


def test_words_like_debris_inside_a_sentence_are_kept() -> None:
    text = "Pemkot Medan memasang iklan wisata di Gwangju. Berita terkait kerja sama itu menyebar."
    assert clean(text) == text


def test_normalise_quotes_dashes_spaces() -> None:
    assert normalise("\u201cWater\u00a0 Management\u201d \u2013 15\u201119 Mei") == (
        '"Water Management" - 15-19 Mei'
    )
    assert normalise("Kota\u200b Jambi\ufeff") == "Kota Jambi"


def test_shared_seed_article_sentences(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "eval" / "dev").glob("*.txt"))
    if not seeds:
        pytest.skip(f"no seed article in {shared_dir / 'eval' / 'dev'}")
    text = clean(seeds[0].read_text(encoding="utf-8"))
    assert not any(line.lower().startswith("iklan") for line in text.splitlines())
    found = split_sentences(text)
    assert len(found) > 5
    # the honorific "H." does not split the mayor's name from the rest of the sentence
    with_name = [s.text for s in found if "Syarif Fasha" in s.text]
    assert with_name
    assert not any(s.text.endswith(" H.") for s in found)


# -- hard wraps: what ends a paragraph ------------------------------------------------------


def test_a_short_line_ends_its_paragraph_however_long_the_paragraph() -> None:
    """A title wrapped in two lines is one line again; its short second line ends it, so
    the body on the next line is a paragraph of its own."""
    title = "Pemkot Medan Kirim Dua Puluh Aparatur Sipil Negara Belajar Tata Kota ke Gwangju"
    body = (
        "MEDAN - Pemerintah Kota Medan mengirim dua puluh aparatur sipil negara untuk "
        "belajar tata kota di Gwangju selama sepekan, mulai 3 Mei 2024, kata wali kota."
    )
    wrapped = textwrap.fill(title, 70) + "\n" + textwrap.fill(body, 70)
    assert unwrap(wrapped).split("\n") == [title, body]


def test_a_repeated_title_is_not_joined_to_itself() -> None:
    text = (
        "iklan Pemkot Medan Kirim ASN Belajar ke Gwangju\n"
        "Pemkot Medan Kirim ASN Belajar ke Gwangju Selama Sepekan untuk Menimba Ilmu\n"
        "Tata Kota\n\n"
        + textwrap.fill(
            "MEDAN - Pemerintah Kota Medan mengirim dua puluh aparatur sipil negara untuk "
            "belajar tata kota di Gwangju selama sepekan, mulai 3 Mei 2024.",
            70,
        )
    )
    lines = [x for x in unwrap(text).split("\n") if x.strip()]
    assert lines[0] == "iklan Pemkot Medan Kirim ASN Belajar ke Gwangju"
    assert lines[1].endswith("Menimba Ilmu Tata Kota")


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # an abbreviation at a wrapped line's end ends no sentence
        (
            [
                "Program kota kembar Bukittinggi dan Seremban berjalan intens selama dua",
                "puluh tahun dan baru mulai meredup setelah pergantian kepemimpinan. Yang",
                "terakhir, program itu masih berjalan dengan baik ketika Drs.",
                "Jufri menjadi Walikota Bukittinggi, kata kepala bagian kerja sama daerah.",
            ],
            "ketika Drs. Jufri menjadi Walikota Bukittinggi",
        ),
        # nor does a semicolon
        (
            [
                "Sejak 2024 Kota Cebu memiliki lebih dari dua puluh kota kembar. Mitra",
                "internasionalnya antara lain Medan di Sumatera Utara pada 1996;",
                "Kaohsiung di Taiwan pada 2001; serta Yokohama di Jepang pada 2010, kata",
                "anggota dewan kota yang membidangi hubungan internasional itu.",
            ],
            "pada 1996; Kaohsiung di Taiwan",
        ),
        # nor a colon with no list after it
        (
            [
                "Dalam kunjungan kerja ke New York, bupati itu menjelaskan peluang investasi di",
                "daerah yang ia pimpin, yang namanya kini dikenal di forum internasional itu:",
                "Kabupaten Banggai, Sulawesi Tengah, yang kaya akan hasil laut dan perikanan.",
            ],
            "itu: Kabupaten Banggai",
        ),
    ],
)
def test_punctuation_at_a_wrapped_line_end_ends_no_sentence(lines: list[str], joined: str) -> None:
    one = unwrap("\n".join(lines))
    assert joined in one
    assert "\n" not in one


def test_a_semicolon_ends_a_line_that_is_not_wrapped_and_a_list_stays() -> None:
    # in a text that is not wrapped, a semicolon still ends the line's sentence
    assert unwrap("Daftar mitra:\nMedan;\nKaohsiung.") == "Daftar mitra:\nMedan;\nKaohsiung."
    items = [
        "Kerja sama kedua kota mencakup beberapa bidang yang telah disepakati bersama:",
        "- pendidikan dan pelatihan aparatur sipil negara serta pertukaran pelajar,",
        "- pariwisata, kebudayaan dan promosi ekonomi kreatif di kedua kota kembar.",
    ]
    assert unwrap("\n".join(items)).count("\n") == 2


def test_a_compound_the_wrap_broke_at_its_hyphen_is_one_word_again() -> None:
    lines = [
        "Sebuah jembatan di taman kota Jerman itu diberi nama Jembatan Bandung dan",
        "menjadi simbol 60 tahun kerja sama kota kembar yang dikenal sebagai Bandung-",
        "Braunschweig, yang diresmikan oleh wali kota kedua kota pada Jumat pekan lalu.",
    ]
    assert "sebagai Bandung-Braunschweig, yang" in unwrap("\n".join(lines))


def test_a_word_the_wrap_broke_at_its_hyphen_is_one_word_again() -> None:
    text = (
        "Dana hibah itu akan dipakai untuk membangun kembali rumah dan proyek-\n"
        "proyek tambahan bagi warga yang terdampak gempa bumi di Kota Palu tahun lalu.\n"
        "Paragraf berikutnya dimulai di sini."
    )
    assert "proyek-proyek tambahan" in clean(text)


def test_the_wrapped_rest_of_a_debris_line_goes_with_it() -> None:
    text = (
        "Kota Medan menjalin kerja sama dengan Gwangju sejak 1997 di bidang pendidikan.\n"
        "Baca juga: Medan Kirim Pelajar ke Gwangju untuk Belajar Budaya dan Bahasa di\n"
        "Korea\n"
        "Baca juga: Medan Kirim Pelajar ke Gwangju untuk Belajar Budaya dan\n"
        "bahasa Korea\n"
        "Kerja sama itu terus berjalan."
    )
    lines = clean(text).split("\n")
    assert lines == [
        "Kota Medan menjalin kerja sama dengan Gwangju sejak 1997 di bidang pendidikan.",
        "Kerja sama itu terus berjalan.",
    ]


def test_a_wrapped_article_after_a_numbered_menu_is_still_read_as_wrapped() -> None:
    menu = "\n".join(f"-\n{i}" for i in range(1, 11))
    lines = [
        "The governor said the cooperation between the province and its partner",
        "state had grown steadily over the past decade, with trade missions and",
        "regular visits by officials, and that a new agreement for North",
        "Sulawesi and the state would be signed later this year in Manado.",
    ]
    assert " ".join(lines) in clean(menu + "\n\n" + "\n".join(lines)).split("\n")


def test_an_honorific_style_with_its_full_stop_ends_no_sentence() -> None:
    text = "Delegasi dipimpin Gubernur Sandaun, Hon. Peter Kaiwi, di Jayapura. Cr. Jane Lee hadir."
    assert [s.text for s in split_sentences(text)] == [
        "Delegasi dipimpin Gubernur Sandaun, Hon. Peter Kaiwi, di Jayapura.",
        "Cr. Jane Lee hadir.",
    ]
