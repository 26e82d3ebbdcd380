"""The embedded news documents in sources/: each loads cleanly with complete metadata."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest

from graph.sources.load import load_sources

SOURCES_DIR = Path(__file__).resolve().parent.parent / "sources"
FILES = sorted(p for p in SOURCES_DIR.glob("*") if p.is_file() and p.name != "README.md")
# reference data beside the news (sources/reference/, with its README and LICENSE)
TABLES = sorted((SOURCES_DIR / "reference").glob("*.tsv"))


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"no sources folder at {SOURCES_DIR}")
    return load_sources([SOURCES_DIR])


def test_folder_loads_without_problems(loaded) -> None:  # type: ignore[no-untyped-def]
    assert loaded.problems == []
    # the folder's README is reported as skipped, not read as an article
    assert sorted((Path(w.path).name, type(w).__name__) for w in loaded.warnings) == [
        ("LICENSE.md", "NotAnArticle"),
        ("README.md", "NotAnArticle"),
        ("README.md", "NotAnArticle"),
    ]
    assert sorted(Path(d.path).name for d in loaded.documents) == sorted(
        p.name for p in [*FILES, *TABLES]
    )


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_document_metadata(path: Path) -> None:
    result = load_sources([path])
    assert result.problems == [] and result.warnings == []
    (doc,) = result.documents
    assert doc.title and doc.title.strip() == doc.title
    url = urlparse(doc.url or "")
    assert url.scheme in {"http", "https"} and url.netloc, doc.url
    assert doc.publisher
    assert doc.published
    # an ISO date at some precision, not in the future
    parts = [int(x) for x in doc.published.split("-")]
    assert 1 <= len(parts) <= 3
    first_day = dt.date(*(parts + [1] * (3 - len(parts))))
    assert dt.date(1990, 1, 1) <= first_day <= dt.date.today()
    assert doc.language in {"id", "en"}
    assert doc.kind == "summary"
    assert len(doc.text.split()) >= 30


def test_language_mix(loaded) -> None:  # type: ignore[no-untyped-def]
    counts = Counter(d.language for d in loaded.documents)
    assert counts["id"] >= 8, counts
    assert counts["en"] >= 4, counts


def test_declared_language_matches_the_text(loaded) -> None:  # type: ignore[no-untyped-def]
    from graph.sources.load import detect_language

    texts = [d for d in loaded.documents if d.kind != "table"]  # a table is names, not prose
    wrong = [d.path for d in texts if detect_language(d.text) != d.language]
    assert wrong == []


def test_no_two_sources_share_a_url(loaded) -> None:  # type: ignore[no-untyped-def]
    urls = Counter(d.url for d in loaded.documents)
    assert [u for u, n in urls.items() if n > 1] == []


def test_readme_lists_every_source() -> None:
    readme = SOURCES_DIR / "README.md"
    if not readme.exists():
        pytest.skip("sources/README.md not present")
    text = readme.read_text(encoding="utf-8")
    assert [p.name for p in FILES if p.name not in text] == []
