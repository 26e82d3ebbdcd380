"""Tests for graph.sources.load: files and folders become Documents; problems are reported."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from graph.model import SourceProblem
from graph.sources import load as load_mod
from graph.sources.load import detect_language, load_sources, slugify


def problems_by_path(result) -> dict[str, str]:
    return {p.path: p.reason for p in result.problems}


def only_doc(result):
    assert not result.problems, result.problems
    assert len(result.documents) == 1, result.documents
    return result.documents[0]


# --- front matter -------------------------------------------------------------------------


def test_front_matter_fields(tmp_sources: Path) -> None:
    doc = only_doc(load_sources([tmp_sources / "medan-gwangju.md"]))
    assert doc.title == "Medan Lepas 12 Mahasiswa ke Gwangju"
    assert doc.url == "https://example.org/berita/medan-gwangju"
    assert doc.publisher == "Warta Contoh"
    assert doc.published == "2023-10-04"
    assert doc.language == "id"
    assert doc.kind == "summary"
    assert doc.path == str(tmp_sources / "medan-gwangju.md")
    # the front matter is not part of the text
    assert "---" not in doc.text
    assert "publisher:" not in doc.text
    assert doc.text.lstrip().startswith("Wali Kota Medan Bobby Nasution")


def test_front_matter_english_document(tmp_sources: Path) -> None:
    doc = only_doc(load_sources([tmp_sources / "denpasar-mossel-bay.md"]))
    assert doc.language == "en"
    assert doc.published == "2023-02-01"
    assert doc.title == "Denpasar and Mossel Bay renew their sister city memorandum"


def test_folder_loads_every_document_with_unique_ids(tmp_sources: Path) -> None:
    result = load_sources([tmp_sources])
    assert not result.problems
    assert sorted(Path(d.path).name for d in result.documents) == sorted(
        p.name for p in tmp_sources.iterdir()
    )
    ids = [d.doc_id for d in result.documents]
    assert len(ids) == len(set(ids))
    assert all(i == slugify(i) for i in ids)


def test_front_matter_language_names_are_normalised(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Judul berita contoh\nlanguage: Indonesian\n---\nIsi berita singkat.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "---\ntitle: Example title\nlang: English\n---\nA short news text.\n", encoding="utf-8"
    )
    docs = {Path(d.path).name: d for d in load_sources([tmp_path]).documents}
    assert docs["a.md"].language == "id"
    assert docs["b.md"].language == "en"


def test_front_matter_with_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(
        b"---\r\ntitle: Judul dengan CRLF\r\npublished: 2024-02-22\r\n---\r\n"
        b"Pemkot Medan menerima mahasiswa Gwangju.\r\n"
    )
    doc = only_doc(load_sources([path]))
    assert doc.title == "Judul dengan CRLF"
    assert doc.published == "2024-02-22"
    assert "title:" not in doc.text


# --- plain text ---------------------------------------------------------------------------


def test_plain_text_title_language_and_date_prefix(tmp_sources: Path) -> None:
    doc = only_doc(load_sources([tmp_sources / "surabaya-busan.txt"]))
    assert doc.published == "2019-03-27"
    assert doc.title == "Surabaya dan Busan Rayakan 25 Tahun Sister City"
    assert doc.language == "id"
    assert not doc.text.startswith("date")
    assert "2019-03-27" not in doc.text
    assert doc.url is None and doc.publisher is None and doc.kind is None


def test_plain_text_english_detected(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(
        "Busan delegation visits Surabaya\n"
        "A delegation from the city of Busan visited Surabaya to discuss shipbuilding "
        "and education under their long sister city relationship.\n",
        encoding="utf-8",
    )
    doc = only_doc(load_sources([path]))
    assert doc.language == "en"
    assert doc.title == "Busan delegation visits Surabaya"
    assert doc.published is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pemerintah Kota Medan mengirim dua belas mahasiswa ke Korea Selatan tahun ini.", "id"),
        ("The city government of Medan sent twelve students to South Korea this year.", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_title_skips_sentences(tmp_path: Path) -> None:
    # a first line that is a sentence (ends with a full stop) is not a title
    path = tmp_path / "no-title.txt"
    path.write_text(
        "Pemkot Medan melepas mahasiswa ke Gwangju pada hari Kamis.\n"
        "Mereka akan belajar selama dua minggu.\n",
        encoding="utf-8",
    )
    assert only_doc(load_sources([path])).title is None


# --- HTML ---------------------------------------------------------------------------------

HTML_PAGE = """\
<!DOCTYPE html>
<html lang="id">
<head>
<title>Medan dan Gwangju Perkuat Sister City</title>
<meta property="og:site_name" content="Warta Contoh">
<script>var secretToken = "SKRIP_ATAS_JANGAN_TAMPIL"; function tampilIklan() {}</script>
</head>
<body>
<nav><ul>
<li><a href="/">Beranda</a></li><li><a href="/politik">MenuPolitik</a></li>
<li><a href="/olahraga">MenuOlahraga</a></li>
</ul></nav>
<article>
<h1>Medan dan Gwangju Perkuat Sister City</h1>
<p>Wali Kota Medan Bobby Nasution melepas dua belas mahasiswa ke Gwangju, Korea Selatan,
dalam program pertukaran sister city pada 3 Oktober 2023.</p>
<p>Para mahasiswa akan belajar bahasa dan budaya Korea selama dua minggu di kota tersebut,
lalu kembali ke Medan untuk berbagi pengalaman mereka dengan rekan-rekannya.</p>
<p>Pemerintah Kota Gwangju menanggung biaya akomodasi selama program berlangsung, sementara
Pemkot Medan menanggung biaya perjalanan para peserta.</p>
</article>
<footer>Hak cipta Warta Contoh</footer>
<script>console.log("SKRIP_BAWAH_JANGAN_TAMPIL")</script>
</body>
</html>
"""


def test_html_main_text_without_script_or_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = only_doc(load_sources([path]))
    flat = " ".join(doc.text.split())
    assert "Wali Kota Medan Bobby Nasution melepas dua belas mahasiswa ke Gwangju" in flat
    assert "Pemerintah Kota Gwangju menanggung biaya akomodasi" in flat
    assert "SKRIP_ATAS_JANGAN_TAMPIL" not in doc.text
    assert "SKRIP_BAWAH_JANGAN_TAMPIL" not in doc.text
    assert "tampilIklan" not in doc.text
    assert "MenuPolitik" not in doc.text and "MenuOlahraga" not in doc.text
    assert doc.title == "Medan dan Gwangju Perkuat Sister City"
    assert doc.language == "id"


def test_unexpected_parser_error_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "good.md").write_text(
        "---\ntitle: Berita baik\n---\nPemkot Medan melepas mahasiswa.\n", encoding="utf-8"
    )

    def broken(*args: object, **kwargs: object) -> None:
        raise ImportError("lxml.html.clean module is now a separate project")

    monkeypatch.setattr(load_mod, "parse_html", broken)
    result = load_sources([tmp_path])
    assert [Path(d.path).name for d in result.documents] == ["good.md"]
    reasons = problems_by_path(result)
    assert str(tmp_path / "page.html") in reasons


# --- JSON lines ---------------------------------------------------------------------------


def test_jsonl_records_and_bad_line(tmp_path: Path) -> None:
    records = [
        {
            "id": "rec-1",
            "url": "https://example.org/1",
            "title": "Medan kirim mahasiswa",
            "published": "2023-10-03",
            "publisher": "Contoh",
            "language": "id",
            "text": "Pemkot Medan melepas 12 mahasiswa ke Gwangju.",
        },
        {
            "id": "rec-1",  # the same id again: must still give a unique doc_id
            "title": "Busan visit",
            "language": "en",
            "text": "The Busan delegation visited Surabaya on 15 February 2017.",
        },
        {"title": "Tanpa id", "text": "Kota Denpasar dan Mossel Bay memperbarui nota kesepahaman."},
    ]
    lines = [json.dumps(records[0]), json.dumps(records[1]), "{not json", json.dumps(records[2])]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_sources([path])
    docs = result.documents
    assert [d.text for d in docs] == [r["text"] for r in records]
    assert len({d.doc_id for d in docs}) == 3
    assert docs[0].doc_id == "rec-1"
    assert docs[0].url == "https://example.org/1"
    assert docs[0].published == "2023-10-03"
    assert docs[0].publisher == "Contoh"
    assert docs[1].language == "en"
    # each record says where it came from, by line
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert len(result.problems) == 1
    bad = result.problems[0]
    assert bad.path == f"{path}:3"
    assert "JSON" in bad.reason


def test_jsonl_record_without_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "a", "title": "no text"})
        + "\n"
        + json.dumps({"id": "b", "text": "Pemkot Medan melepas mahasiswa ke Gwangju."})
        + "\n",
        encoding="utf-8",
    )
    result = load_sources([path])
    assert [d.doc_id for d in result.documents] == ["b"]
    assert problems_by_path(result) == {f"{path}:1": "record has no 'text'"}


# --- bad inputs ---------------------------------------------------------------------------


GOOD_TEXT = "---\ntitle: Berita yang baik\n---\nWali Kota Medan melepas mahasiswa ke Gwangju.\n"


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "empty.md").write_bytes(b"")
    (folder / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (folder / "broken-yaml.md").write_text(
        "---\ntitle: [tidak ditutup\nurl: x\n---\nIsi berita.\n", encoding="utf-8"
    )
    (folder / "unclosed.md").write_text(
        "---\ntitle: Judul\nurl: https://example.org\nIsi berita tanpa penutup.\n",
        encoding="utf-8",
    )
    (folder / "copy-of-good.md").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "README.md").write_text("# Sources\n\nThis folder holds sources.\n")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a source")
    return folder


def test_bad_files_reported_and_the_rest_load(mixed_folder: Path) -> None:
    result = load_sources([mixed_folder])
    # folders are read in sorted order: "copy-of-good.md" comes before "good.md"
    assert [Path(d.path).name for d in result.documents] == ["copy-of-good.md"]
    reasons = problems_by_path(result)
    p = {name: str(mixed_folder / name) for name in ("empty.md", "binary.md", "broken-yaml.md")}
    assert "empty" in reasons[p["empty.md"]]
    assert "binary" in reasons[p["binary.md"]]
    assert "front matter" in reasons[p["broken-yaml.md"]]
    assert "front matter" in reasons[str(mixed_folder / "unclosed.md")]
    assert "never closed" in reasons[str(mixed_folder / "unclosed.md")]
    # the second of two identical texts is a duplicate of the first, which is named
    assert reasons[str(mixed_folder / "good.md")].startswith(
        f"duplicate of {mixed_folder / 'copy-of-good.md'}"
    )
    # README.md and files of other types inside a folder are not sources
    assert str(mixed_folder / "README.md") not in reasons
    assert str(mixed_folder / "notes.pdf") not in reasons
    assert all(Path(d.path).name != "README.md" for d in result.documents)
    assert len(result.problems) == 5


def test_duplicate_reason_names_the_other_path(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(GOOD_TEXT, encoding="utf-8")
    # same text, other white space: still a duplicate
    b.write_text(GOOD_TEXT.replace("melepas mahasiswa", "melepas   mahasiswa"), encoding="utf-8")
    result = load_sources([a, b])
    assert [d.path for d in result.documents] == [str(a)]
    assert problems_by_path(result) == {str(b): f"duplicate of {a} (same text); skipped"}


def test_windows_1252_loaded_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    text = (
        "Kerja sama \u201csister city\u201d Bandung dan Braunschweig sudah berjalan sejak "
        "1960 \u2013 tertua di Indonesia, kata Yana Mulyana di caf\u00e9 Balai Kota.\n"
    )
    data = text.encode("cp1252")
    path.write_bytes(data)
    result = load_sources([path])
    doc = only_doc(result)
    assert "\u201csister city\u201d" in doc.text
    assert "caf\u00e9" in doc.text
    assert len(result.warnings) == 1
    warning = result.warnings[0]
    assert warning.path == str(path)
    assert "not UTF-8" in warning.reason
    encoding = warning.reason.rsplit(" ", 1)[-1]
    # the warning names an encoding, and that encoding is the one the text was read with
    assert data.decode(encoding) == doc.text


def test_utf8_with_bom_has_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8"))
    result = load_sources([path])
    doc = only_doc(result)
    assert doc.title == "Berita yang baik"
    assert not result.warnings


def test_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "secret.md"
    bad.write_text(GOOD_TEXT, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(GOOD_TEXT.replace("Medan", "Binjai"), encoding="utf-8")
    bad.chmod(0)
    try:
        if os.access(bad, os.R_OK):
            pytest.skip("running as a user (root) who can read a chmod 000 file")
        result = load_sources([tmp_path])
    finally:
        bad.chmod(0o644)
    assert [Path(d.path).name for d in result.documents] == ["good.md"]
    assert "permission denied" in problems_by_path(result)[str(bad)]


def test_unreadable_file_reason_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as above, reached by making the read fail (root can read anything)."""
    bad = tmp_path / "secret.md"
    bad.write_text(GOOD_TEXT, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(GOOD_TEXT.replace("Medan", "Binjai"), encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = load_sources([tmp_path])
    assert [Path(d.path).name for d in result.documents] == ["good.md"]
    assert problems_by_path(result) == {str(bad): "permission denied: cannot read the file"}


def test_unsupported_extension_given_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "article.pdf"
    path.write_bytes(b"%PDF-1.4")
    result = load_sources([path])
    assert not result.documents
    reason = problems_by_path(result)[str(path)]
    assert "unsupported" in reason and ".pdf" in reason


def test_nonexistent_path(tmp_path: Path, tmp_sources: Path) -> None:
    missing = tmp_path / "nowhere" / "missing.md"
    result = load_sources([missing, tmp_sources])
    assert len(result.documents) == 3
    assert problems_by_path(result) == {str(missing): "no such file or folder"}


def test_readme_in_folder_skipped_but_explicit_file_loads(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "README.md").write_text("# Sumber berita\n\nFolder ini berisi berita.\n")
    result = load_sources([folder])
    assert not result.documents and not result.problems
    # named explicitly, it is read like any other Markdown file
    explicit = load_sources([folder / "README.md"])
    assert [d.path for d in explicit.documents] == [str(folder / "README.md")]


def test_hidden_files_and_gold_files_skipped(tmp_path: Path) -> None:
    (tmp_path / ".hidden.md").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "a.gold.yaml").write_text("source: {file: a.txt}\n", encoding="utf-8")
    result = load_sources([tmp_path])
    assert not result.documents and not result.problems


def test_bad_published_date_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad-date.md"
    path.write_text(
        "---\ntitle: Judul\npublished: kemarin sore\n---\nIsi berita.\n", encoding="utf-8"
    )
    result = load_sources([path])
    assert not result.documents
    assert "published" in problems_by_path(result)[str(path)]


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("---\n- satu\n- dua\n---\nIsi berita.\n", encoding="utf-8")
    result = load_sources([path])
    assert not result.documents
    assert "front matter" in problems_by_path(result)[str(path)]


def test_front_matter_without_text(tmp_path: Path) -> None:
    path = tmp_path / "kosong.md"
    path.write_text("---\ntitle: Hanya judul\n---\n\n", encoding="utf-8")
    result = load_sources([path])
    assert not result.documents
    assert "no text" in problems_by_path(result)[str(path)]


def test_unclosed_front_matter_with_crlf_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "unclosed-crlf.md"
    path.write_bytes(b"---\r\ntitle: Judul\r\nIsi berita tanpa penutup.\r\n")
    result = load_sources([path])
    assert not result.documents
    assert "front matter" in problems_by_path(result)[str(path)]


def test_problem_objects_are_source_problems(mixed_folder: Path) -> None:
    result = load_sources([mixed_folder])
    assert all(isinstance(p, SourceProblem) for p in result.problems)
    assert all(p.path and p.reason for p in result.problems)


# --- the seed article in the shared folder --------------------------------------------------


def test_shared_seed_article_loads(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "eval" / "dev").glob("*.txt"))
    if not seeds:
        pytest.skip(f"no seed article in {shared_dir / 'eval' / 'dev'}")
    result = load_sources(seeds)
    assert not result.problems
    assert len(result.documents) == len(seeds)
    for doc in result.documents:
        assert doc.language == "id"
        assert doc.title
        # the scraper's "iklan" debris is not part of the title
        assert not doc.title.lower().startswith("iklan")


def test_slugify_is_stable_ascii() -> None:
    assert slugify("Kota Bandung") == "kota-bandung"
    assert slugify("  Maxime Prévot ") == "maxime-prevot"
    assert slugify("!!!") == "x"
    long = slugify("a" * 200)
    assert len(long) <= 80


def test_documents_keep_text_as_written(tmp_path: Path) -> None:
    body = textwrap.dedent(
        """\
        Wali Kota Medan Bobby Nasution melepas 12 mahasiswa ke Gwangju.

        Mereka berangkat pada Kamis (19/9/2024).
        """
    )
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Judul berita\n---\n" + body, encoding="utf-8")
    assert only_doc(load_sources([path])).text == body


def test_files_that_describe_a_folder_are_skipped_and_reported(tmp_path: Path) -> None:
    """README, SOURCE, LICENSE, CHANGELOG … in a source folder are not articles: they are
    reported as skipped (a warning, not a problem), and the articles beside them load."""
    from graph.model import NotAnArticle

    (tmp_path / "SOURCE.md").write_text("# Where this corpus comes from\nKota Jambi, 2023.\n")
    (tmp_path / "LICENSE.txt").write_text("Permission is granted to Kota Jambi.\n")
    (tmp_path / "changelog.md").write_text("Added Kota Medan.\n")
    (tmp_path / "berita.md").write_text("Pemkot Jambi mengirim ASN ke Singapura.\n")
    result = load_sources([tmp_path])
    assert [Path(d.path).name for d in result.documents] == ["berita.md"]
    assert result.problems == []
    skipped = sorted(Path(w.path).name for w in result.warnings if isinstance(w, NotAnArticle))
    assert skipped == ["LICENSE.txt", "SOURCE.md", "changelog.md"]
    assert all("not an article" in w.reason for w in result.warnings)
