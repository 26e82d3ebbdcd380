"""Shared fixtures: the repository layout, the shared folder and small sources of our own."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = REPO_ROOT / "sources"

# Three short documents written for these tests (not copied from any page): one
# Indonesian and one English with front matter, and one Indonesian plain text file.
TMP_SOURCES = {
    "medan-gwangju.md": """\
        ---
        title: "Medan Lepas 12 Mahasiswa ke Gwangju"
        url: https://example.org/berita/medan-gwangju
        publisher: Warta Contoh
        published: 2023-10-04
        language: id
        kind: summary
        ---
        Wali Kota Medan Bobby Nasution melepas 12 mahasiswa ke Gwangju, Korea Selatan, dalam program pertukaran sister city pada 3 Oktober 2023.

        Para mahasiswa akan belajar bahasa dan budaya Korea selama dua minggu. Pemerintah Kota Gwangju menanggung biaya akomodasi selama program berlangsung.
        """,
    "denpasar-mossel-bay.md": """\
        ---
        title: "Denpasar and Mossel Bay renew their sister city memorandum"
        url: https://example.org/news/denpasar-mossel-bay
        publisher: Example News
        published: 2023-02-01
        language: en
        kind: summary
        ---
        The mayor of Denpasar, I Gusti Ngurah Jaya Negara, signed a renewed memorandum of understanding with Mossel Bay, South Africa, on 31 January 2023.

        The sister city cooperation between Denpasar and Mossel Bay began in 2019 and now also covers tourism and education.
        """,
    "surabaya-busan.txt": """\
        date 2019-03-27 Surabaya dan Busan Rayakan 25 Tahun Sister City
        Wali Kota Surabaya Tri Rismaharini menerima delegasi Kota Busan, Korea Selatan, pada Selasa (26/3/2019).
        Kerja sama sister city antara Surabaya dan Busan telah berjalan sejak tahun 1994.
        """,
}


def write_sources(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def shared_dir() -> Path:
    """The project's shared folder (``../shared`` beside the repository)."""
    path = (REPO_ROOT / ".." / "shared").resolve()
    if not path.is_dir():
        pytest.skip(f"shared folder not found at {path} (it lies beside the repository)")
    return path


@pytest.fixture
def tmp_sources(tmp_path: Path) -> Path:
    """A folder with three small sources of our own (Indonesian and English)."""
    return write_sources(tmp_path / "sources", TMP_SOURCES)
