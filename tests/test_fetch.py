"""kotamitra fetch, offline: against the pages of tests/localsite.py on 127.0.0.1."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from graph.cli import main
from graph.sources.fetch import FetchOptions, fetch, normalise_url, read_url_file
from graph.sources.load import load_sources
from graph.sources.webclient import HostGate
from tests.localsite import Site, self_signed

FAST = FetchOptions(timeout=0.5, retries=0, backoff=0.01, delay=0.0, max_bytes=200_000)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    head, _, _ = text[4:].partition("\n---\n")
    return yaml.safe_load(head)


@pytest.fixture
def site():
    with Site(slow=2.0) as s:
        yield s


def by_url(report) -> dict[str, object]:
    return {o.url: o for o in report.outcomes}


def test_article_front_matter_text_and_warc(site, tmp_path):
    url = site.url("/berita/jambi-kirim-asn")
    report = fetch([url], into=tmp_path, options=FAST)
    assert report.summary() == "fetched 1, unchanged 0, skipped 0, failed 0"
    (doc,) = [o.path for o in report.outcomes]
    meta = front_matter(doc)
    assert meta["title"] == "Pemkot Jambi Kirim 25 ASN Ikuti Pelatihan SCP di Singapura"
    assert meta["url"] == url
    assert meta["canonical_url"] == url
    assert meta["publisher"] == "Warta Batanghari Contoh"
    assert str(meta["published"]) == "2023-05-12"  # from "Jumat, 12 Mei 2023"
    assert meta["language"] == "id"
    assert meta["fetched_at"].endswith("+00:00")
    body = doc.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "Syarif Fasha melepas 25 aparatur" in body
    for debris in ("Baca juga", "IKLAN", "Beranda", "dataLayer", "Hak cipta", "Terpopuler"):
        assert debris not in body, debris
    # the original, exactly as served, in the WARC named by the front matter
    warc = tmp_path / meta["warc"]
    with open(warc, "rb") as fh:
        records = [
            (r.rec_type, r.rec_headers, r.content_stream().read()) for r in ArchiveIterator(fh)
        ]
    responses = [r for r in records if r[0] == "response"]
    assert [h.get_header("WARC-Target-URI") for _, h, _ in responses] == [url]
    assert responses[0][1].get_header("WARC-Record-ID") == meta["warc_record"]
    assert b"Baca juga" in responses[0][2] and b"dataLayer" in responses[0][2]
    assert any(r[0] == "request" for r in records)


def test_gzip_page_english_and_warc_keeps_the_encoding(site, tmp_path):
    url = site.url("/en/medan-gwangju")
    report = fetch([url], into=tmp_path, options=FAST)
    (out,) = report.outcomes
    assert out.status == "fetched", out.line()
    meta = front_matter(out.path)
    assert meta["language"] == "en"
    assert "twelve pupils" in out.path.read_text(encoding="utf-8")
    with open(report.warc, "rb") as fh:
        served = [
            (r.http_headers.get_header("Content-Encoding"), r.raw_stream.read())
            for r in ArchiveIterator(fh)
            if r.rec_type == "response"
        ]
    assert [(enc, raw[:2]) for enc, raw in served] == [("gzip", b"\x1f\x8b")]  # as served


def test_each_failure_is_reported_and_the_rest_go_on(site, tmp_path):
    bad = {
        "/hilang": "HTTP 404",
        "/lambat": "timed out after 0.5 s",
        "/laporan.pdf": "not an HTML page (application/pdf)",
        "/persetujuan": "no article text found",
        "/putar": "redirect loop",
        "/besar": "larger than the limit of 200,000 bytes",
    }
    good = site.url("/berita/jambi-kirim-asn")
    urls = [site.url(p) for p in bad] + [good, "mailto:redaksi@warta.invalid"]
    start = time.perf_counter()
    report = fetch(urls, into=tmp_path, options=FAST)
    assert time.perf_counter() - start < 10
    outcomes = by_url(report)
    for path, reason in bad.items():
        out = outcomes[site.url(path)]
        assert out.status == "failed" and reason in out.reason, out.line()
    assert outcomes[good].status == "fetched"
    assert outcomes["mailto:redaksi@warta.invalid"].reason == "not an http(s) URL"
    assert report.summary() == "fetched 1, unchanged 0, skipped 0, failed 7"
    assert [p.name for p in tmp_path.glob("*.md")] == [outcomes[good].path.name]


def test_bad_certificate(tmp_path):
    cert = self_signed(tmp_path)
    if cert is None:
        pytest.skip("openssl is not available to make a test certificate")
    with Site(cert=cert) as secure:
        report = fetch([secure.url("/berita/jambi-kirim-asn")], into=tmp_path / "o", options=FAST)
    (out,) = report.outcomes
    assert out.status == "failed" and out.reason.startswith("bad TLS certificate"), out.line()


def test_robots_txt_is_respected(site, tmp_path):
    report = fetch([site.url("/pribadi/catatan")], into=tmp_path, options=FAST)
    (out,) = report.outcomes
    assert (out.status, out.reason) == ("skipped", "robots.txt disallows it")
    assert site.hits["/pribadi/catatan"] == 0 and site.hits["/robots.txt"] == 1


def test_retry_with_backoff_then_redirect(site, tmp_path):
    opts = FetchOptions(timeout=2, retries=2, backoff=0.01, delay=0.0)
    report = fetch([site.url("/sibuk")], into=tmp_path, options=opts)
    (out,) = report.outcomes
    assert out.status == "fetched", out.line()
    assert site.hits["/sibuk"] == 2  # 503 once, then the redirect
    assert front_matter(out.path)["url"] == site.url("/berita/kitakyushu")


def test_feed_rerun_and_duplicates(site, tmp_path):
    article = site.url("/berita/jambi-kirim-asn")
    first = fetch(
        [article, article + "?utm_source=wa", site.url("/amp/jambi-kirim-asn")],
        feeds=[site.url("/rss.xml")],
        into=tmp_path,
        options=FAST,
    )
    outcomes = by_url(first)
    assert outcomes[site.url("/hilang")].status == "failed"
    assert outcomes[article + "?utm_source=wa"].reason == "listed more than once"
    # the AMP copy names the article as its canonical page
    assert outcomes[site.url("/amp/jambi-kirim-asn")].status == "skipped"
    assert (
        outcomes[site.url("/amp/jambi-kirim-asn")].reason
        == f"a copy of {article} (its canonical URL)"
    )
    assert (
        first.summary() == "fetched 2, unchanged 0, skipped 3, failed 1"
    )  # the feed lists the article too
    kitakyushu = front_matter(outcomes[site.url("/berita/kitakyushu")].path)
    assert str(kitakyushu["published"]) == "2024-06-03"
    assert site.full("/berita/jambi-kirim-asn") == 1
    files = sorted(p.name for p in tmp_path.glob("*.md"))
    # a rerun: conditional GETs only, nothing new written
    second = fetch([article], feeds=[site.url("/rss.xml")], into=tmp_path, options=FAST)
    assert second.summary() == "fetched 0, unchanged 2, skipped 1, failed 1"
    assert site.full("/berita/jambi-kirim-asn") == 1 and site.full("/berita/kitakyushu") == 1
    assert site.answered[("/berita/jambi-kirim-asn", 304)] >= 1
    assert sorted(p.name for p in tmp_path.glob("*.md")) == files
    assert second.warc is None  # nothing new to keep


def test_last_modified_revalidation(site, tmp_path):
    url = site.url("/en/medan-gwangju")
    fetch([url], into=tmp_path, options=FAST)
    again = fetch([url], into=tmp_path, options=FAST)
    assert again.summary() == "fetched 0, unchanged 1, skipped 0, failed 0"
    assert site.answered[("/en/medan-gwangju", 304)] == 1


def test_fetched_folder_builds_like_any_other(site, tmp_path):
    fetch([site.url("/berita/jambi-kirim-asn")], into=tmp_path / "fetched", options=FAST)
    assert len(list((tmp_path / "fetched" / "warc").glob("*.warc.gz"))) == 1  # not a source
    loaded = load_sources([tmp_path / "fetched"])
    assert loaded.problems == [] and len(loaded.documents) == 1
    doc = loaded.documents[0]
    assert doc.published == "2023-05-12" and doc.language == "id"
    assert doc.url == site.url("/berita/jambi-kirim-asn")


def test_host_gate_spaces_requests():
    gate = HostGate(per_host=2, delay=0.15)
    starts = []
    for _ in range(3):
        with gate.turn():
            starts.append(time.monotonic())
    assert starts[1] - starts[0] >= 0.14 and starts[2] - starts[1] >= 0.14


def test_url_file_and_normalisation(tmp_path):
    listed = tmp_path / "urls.txt"
    listed.write_text("# berita Jambi\nhttps://a.example/x#bagian  # kedua\n\nhttp://B.example\n")
    assert read_url_file(listed) == ["https://a.example/x#bagian", "http://B.example"]
    assert normalise_url("http://B.example") == "http://b.example/"
    assert normalise_url("https://a.example:443/x?gclid=1") == "https://a.example/x"


def test_cli_fetch(site, tmp_path):
    listed = tmp_path / "urls.txt"
    listed.write_text(f"{site.url('/berita/jambi-kirim-asn')}\n{site.url('/hilang')}\n")
    into = tmp_path / "fetched"
    args = ["fetch", "--urls", str(listed), "--into", str(into), "--timeout", "0.5"]
    args += ["--retries", "0", "--delay", "0"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"failed: {site.url('/hilang')}: HTTP 404" in result.output
    assert "fetched 1, unchanged 0, skipped 0, failed 1" in result.output
    strict = CliRunner().invoke(main, [*args, "--strict"])
    assert strict.exit_code == 3 and "unchanged 1" in strict.output
    missing = CliRunner().invoke(main, ["fetch", "--urls", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    nothing = CliRunner().invoke(main, ["fetch"])
    assert nothing.exit_code == 2
