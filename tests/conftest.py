"""Shared fixtures: the repository layout, the shared folder and small sources of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = REPO_ROOT / "sources"

# Three short documents written for these tests (not copied from any page): one
# Indonesian and one English with front matter, and one Indonesian plain text file.
# Each paragraph is one line of the file (the loader reads a line as a paragraph).
TMP_SOURCES = {
    "medan-gwangju.md": "\n".join(
        [
            "---",
            'title: "Medan Lepas 12 Mahasiswa ke Gwangju"',
            "url: https://example.org/berita/medan-gwangju",
            "publisher: Warta Contoh",
            "published: 2023-10-04",
            "language: id",
            "kind: summary",
            "---",
            "Wali Kota Medan Bobby Nasution melepas 12 mahasiswa ke Gwangju, Korea Selatan, "
            "dalam program pertukaran sister city pada 3 Oktober 2023.",
            "",
            "Para mahasiswa akan belajar bahasa dan budaya Korea selama dua minggu. "
            "Pemerintah Kota Gwangju menanggung biaya akomodasi selama program berlangsung.",
            "",
        ]
    ),
    "denpasar-mossel-bay.md": "\n".join(
        [
            "---",
            'title: "Denpasar and Mossel Bay renew their sister city memorandum"',
            "url: https://example.org/news/denpasar-mossel-bay",
            "publisher: Example News",
            "published: 2023-02-01",
            "language: en",
            "kind: summary",
            "---",
            "The mayor of Denpasar, I Gusti Ngurah Jaya Negara, signed a renewed memorandum of "
            "understanding with Mossel Bay, South Africa, on 31 January 2023.",
            "",
            "The sister city cooperation between Denpasar and Mossel Bay began in 2019 and now "
            "also covers tourism and education.",
            "",
        ]
    ),
    "surabaya-busan.txt": "\n".join(
        [
            "date 2019-03-27 Surabaya dan Busan Rayakan 25 Tahun Sister City",
            "Wali Kota Surabaya Tri Rismaharini menerima delegasi Kota Busan, Korea Selatan, "
            "pada Selasa (26/3/2019).",
            "Kerja sama sister city antara Surabaya dan Busan telah berjalan sejak tahun 1994.",
            "",
        ]
    ),
}


def write_corpus(path: Path, copies: int) -> int:
    """The project's sources as one JSONL corpus, ``copies`` times over (each copy's text
    differs by a closing line, as the loader skips texts it has seen); returns how many
    records were written."""
    from graph.sources.load import load_sources

    docs = load_sources([SOURCES_DIR]).documents
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(copies):
            for d in docs:
                record = {
                    "id": f"{d.doc_id}-{k}",
                    "url": d.url,
                    "title": d.title,
                    "published": d.published,
                    "publisher": d.publisher,
                    "language": d.language,
                    "text": f"{d.text}\nSalinan ke-{k}.",
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return copies * len(docs)


@pytest.fixture(scope="session")
def make_corpus():  # type: ignore[no-untyped-def]
    """:func:`write_corpus`, for tests that need a JSONL corpus of their own."""
    return write_corpus


def write_sources(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
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


# --- a small hand-made graph, following docs/rdf-model.md ------------------------------------


def hand_made_extractions(with_relations: bool = True) -> list:
    """Two documents' worth of extractions, made by hand from graph.model objects."""
    from graph.model import (
        Activity,
        Claim,
        Document,
        Entity,
        Evidence,
        Extraction,
        Fact,
        Qualified,
    )

    medan_doc = Document(
        doc_id="medan-gwangju",
        text="(hand-made)",
        path="sources/medan-gwangju.md",
        title="Medan Lepas 12 Mahasiswa ke Gwangju",
        url="https://example.org/berita/medan-gwangju",
        publisher="Warta Contoh",
        published="2023-10-04",
        language="id",
        kind="summary",
    )
    ev0 = Evidence(
        "Wali Kota Medan Bobby Nasution melepas 12 mahasiswa ke Gwangju, Korea Selatan, dalam "
        "program pertukaran sister city pada 3 Oktober 2023.",
        0,
    )
    ev1 = Evidence("Lebih dari 300 mahasiswa telah ikut sejak 2016.", 1)
    medan = Extraction(
        document=medan_doc,
        entities={
            "kota-medan": Entity(
                "kota-medan",
                "CityGovernment",
                {"id": "Kota Medan", "en": "Medan City"},
                {"Pemkot Medan", "Kota Medan"},
                wikidata="Q10908",
                country="indonesia",
                code="12.71",
            ),
            "gwangju": Entity("gwangju", "CityGovernment", {"en": "Gwangju"}, {"Gwangju"}),
            "south-korea": Entity(
                "south-korea", "Country", {"id": "Korea Selatan", "en": "South Korea"}
            ),
            "indonesia": Entity("indonesia", "Country", {"id": "Indonesia", "en": "Indonesia"}),
            "bobby-nasution": Entity("bobby-nasution", "Person", {"und": "Bobby Nasution"}),
        },
        facts=[Fact("bobby-nasution", "headOf", "kota-medan", ev0)],
        activities=[
            Activity(
                type="Exchange",
                theme="Pertukaran mahasiswa",
                location="gwangju",
                start="2023-10-03",
                participant_count=12,
                participants=["kota-medan"],
                evidence=[ev0],
            )
        ],
        claims=[Claim(300, "people", "mahasiswa ikut sejak 2016", True, ev1)],
    )
    if with_relations:
        medan.facts.append(Fact("kota-medan", "partnersWith", "gwangju", ev0))
        medan.qualified.append(
            Qualified("Partnership", ("kota-medan", "gwangju"), since="2016", evidence=[ev1])
        )
    denpasar_doc = Document(
        doc_id="denpasar-mossel-bay",
        text="(hand-made)",
        path="sources/denpasar-mossel-bay.md",
        title="Denpasar and Mossel Bay renew their sister city memorandum",
        url="https://example.org/news/denpasar-mossel-bay",
        publisher="Example News",
        published="2023-02-01",
        language="en",
        kind="summary",
    )
    ev2 = Evidence(
        "The mayor of Denpasar signed a renewed memorandum of understanding with Mossel Bay.", 0
    )
    denpasar = Extraction(
        document=denpasar_doc,
        entities={
            "kota-denpasar": Entity(
                "kota-denpasar", "CityGovernment", {"id": "Kota Denpasar", "en": "Denpasar"}
            ),
            "mossel-bay": Entity("mossel-bay", "CityGovernment", {"en": "Mossel Bay"}),
        },
        activities=[
            Activity(
                type="Signing", start="2023-01-31", participants=["kota-denpasar"], evidence=[ev2]
            )
        ],
    )
    if with_relations:
        denpasar.facts.append(Fact("kota-denpasar", "partnersWith", "mossel-bay", ev2))
    return [medan, denpasar]


def write_hand_made_graph(out_dir: Path, with_relations: bool = True) -> Path:
    from graph.rdf.triples import build_graph
    from graph.rdf.write import write_rdf_files

    out_dir.mkdir(parents=True, exist_ok=True)
    write_rdf_files(build_graph(hand_made_extractions(with_relations)), out_dir)
    return out_dir


@pytest.fixture
def graph_dir(tmp_path: Path) -> Path:
    """A folder holding graph.trig and graph.ttl of the hand-made graph."""
    return write_hand_made_graph(tmp_path / "built")


@pytest.fixture
def graph_dir_without_relations(tmp_path: Path) -> Path:
    """The hand-made graph with no relation between actors (an empty actor network)."""
    return write_hand_made_graph(tmp_path / "built-no-relations", with_relations=False)


# --- a build of the repository's own sources (once per session) ------------------------------


@pytest.fixture(scope="session")
def sources_build(tmp_path_factory: pytest.TempPathFactory):
    """``graph.pipeline.build.build`` over the real ``sources/`` folder: (report, output folder).

    Metrics and the visualisation are left out: they have tests of their own, and a failure
    there must not hide what these tests check about the graph files.
    """
    from graph.pipeline.build import build

    if not SOURCES_DIR.is_dir():
        pytest.skip(f"no sources folder at {SOURCES_DIR}")
    out = tmp_path_factory.mktemp("sources-build")
    report = build([SOURCES_DIR], out, with_metrics=False, with_viz=False)
    return report, out
