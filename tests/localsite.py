"""A small news site on 127.0.0.1 for the fetch tests: pages written for kotamitra's
tests (not copied from any site), a feed, and one path for each way a fetch can fail.

``Site`` runs a threaded ``http.server`` in the background and counts the requests per
path and how many of them were answered in full (200) or with 304.
"""

from __future__ import annotations

import gzip
import http.server
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path
from typing import ClassVar

NAV = """<header><nav class="menu"><a href="/">Beranda</a> <a href="/kanal/daerah">Daerah</a>
<a href="/kanal/politik">Politik</a> <a href="/kanal/olahraga">Olahraga</a>
<a href="/indeks">Indeks Berita</a></nav></header>"""

ADS = """<div class="iklan" id="ads-top"><a href="https://iklan.invalid/klik">
IKLAN: Promo kredit motor bunga rendah, hubungi dealer terdekat sekarang juga!</a></div>"""

SCRIPTS = """<script>window.dataLayer = window.dataLayer || []; dataLayer.push({event: "view"});
</script><script src="/static/tracker.js"></script>"""

FOOTER = """<footer><p>Redaksi | Pedoman Media Siber | Kontak</p>
<p>Hak cipta Warta Batanghari Contoh. Seluruh hak dilindungi.</p></footer>"""


def page(title: str, canonical: str, body: str, date_line: str, lang: str = "id") -> str:
    """A news page with navigation, ads, scripts and a footer around the article."""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | Warta Batanghari Contoh</title>
<link rel="canonical" href="{canonical}">
<meta property="og:site_name" content="Warta Batanghari Contoh">
{SCRIPTS}</head>
<body>{NAV}{ADS}
<main><article class="detail">
<h1 class="judul">{title}</h1>
<div class="tanggal">{date_line}</div>
{body}
</article>
<aside class="populer"><h3>Terpopuler</h3><ul><li><a href="/a">Banjir di pasar lama</a></li>
<li><a href="/b">Jadwal pemadaman listrik pekan ini</a></li></ul></aside></main>
{ADS}{FOOTER}{SCRIPTS}</body></html>"""


JAMBI_BODY = """
<p>Wali Kota Jambi Syarif Fasha melepas 25 aparatur sipil negara Pemkot Jambi yang akan
mengikuti pelatihan Singapore Cooperation Programme (SCP) bertema pengelolaan air di
Singapura, Jumat (12/5/2023).</p>
<p><strong>Baca juga:</strong> <a href="/berita/harga-cabai">Harga cabai di Pasar Angso
Duo kembali naik</a></p>
<p>Pelatihan tersebut dibiayai oleh Pemerintah Singapura dan berlangsung selama lima hari.
Menurut Fasha, para peserta diharapkan membawa pulang pengetahuan yang dapat diterapkan di
perusahaan daerah air minum kota itu.</p>
<div class="baca-juga">Baca juga: Dinas Perhubungan uji coba rute angkot baru</div>
<p>Sejak 2016, Pemkot Jambi rutin mengirim pegawainya ke Singapura setiap tahun melalui
program yang sama, kata Fasha kepada wartawan di Griya Mayang.</p>
<script>document.write("<p>teks dari skrip yang tidak boleh ikut</p>")</script>
"""

MEDAN_BODY = """
<p>The mayor of Medan saw off twelve pupils who will spend two weeks in Gwangju, South
Korea, under the sister city exchange between the two cities, on Thursday.</p>
<p>The pupils will attend classes at partner schools and stay with host families, the
city's education office said in a statement.</p>
<p>Gwangju city government covers the accommodation of the group during the programme, and
a group of Korean pupils is expected to visit Medan next year in return.</p>
"""

FEED_BODY = """
<p>Pemerintah Provinsi Jambi menerima kunjungan delegasi dari Kota Kitakyushu, Jepang, untuk
membahas kerja sama pengelolaan sampah dan energi terbarukan di kantor gubernur.</p>
<p>Delegasi tersebut dipimpin oleh pejabat bidang lingkungan hidup Kitakyushu dan akan
meninjau tempat pengolahan sampah terpadu di Talang Gulo selama dua hari.</p>
<p>Kerja sama ini diharapkan berlanjut dengan penandatanganan nota kesepahaman pada tahun
depan, ujar juru bicara pemerintah provinsi.</p>
"""

CONSENT = """<!DOCTYPE html><html lang="id"><head><title>Persetujuan</title></head><body>
<div class="consent"><p>Kami menggunakan cookie untuk pengalaman terbaik.</p>
<button>Setuju</button></div></body></html>"""

ETAG = '"jambi-v1"'
LAST_MODIFIED = "Fri, 12 May 2023 08:00:00 GMT"

ROBOTS = "User-agent: *\nDisallow: /pribadi/\n"


class Handler(http.server.BaseHTTPRequestHandler):
    site: ClassVar[Site]
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return None

    def send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.site.answered[(self.path, status)] += 1

    def do_GET(self) -> None:
        self.site.hits[self.path] += 1
        route = ROUTES.get(self.path.split("?")[0], Handler.missing)
        route(self)

    def missing(self) -> None:
        self.send(404, b"not here", "text/plain")

    def robots(self) -> None:
        self.send(200, ROBOTS.encode(), "text/plain")

    def jambi(self) -> None:
        if self.headers.get("If-None-Match") == ETAG:
            self.send(304, b"", HTML, {"ETag": ETAG})
            return
        text = page(
            "Pemkot Jambi Kirim 25 ASN Ikuti Pelatihan SCP di Singapura",
            f"{self.site.base}/berita/jambi-kirim-asn",
            JAMBI_BODY,
            "Jumat, 12 Mei 2023 14:05 WIB",
        )
        self.send(200, text.encode(), HTML, {"ETag": ETAG, "Last-Modified": LAST_MODIFIED})

    def medan(self) -> None:  # gzip-encoded, with Last-Modified only
        if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            self.send(304, b"", HTML)
            return
        text = page(
            "Medan sends twelve pupils to its sister city Gwangju",
            f"{self.site.base}/en/medan-gwangju",
            MEDAN_BODY,
            "Thursday, 19 September 2024",
            lang="en",
        )
        headers = {"Content-Encoding": "gzip", "Last-Modified": LAST_MODIFIED}
        self.send(200, gzip.compress(text.encode()), HTML, headers)

    def kitakyushu(self) -> None:
        if self.headers.get("If-None-Match") == '"kk"':
            self.send(304, b"", HTML, {"ETag": '"kk"'})
            return
        base = self.site.base
        text = page("Delegasi Kitakyushu Kunjungi Jambi", f"{base}/berita/kitakyushu", FEED_BODY,
                    "Senin, 3 Juni 2024")  # fmt: skip
        self.send(200, text.encode(), HTML, {"ETag": '"kk"'})

    def busy(self) -> None:  # busy once, then a redirect to an article
        self.site.busy += 1
        if self.site.busy == 1:
            self.send(503, b"sibuk", "text/plain", {"Retry-After": "0"})
            return
        self.do_redirect(f"{self.site.base}/berita/kitakyushu")

    def gone(self) -> None:
        self.send(404, b"<h1>Halaman tidak ditemukan</h1>", HTML)

    def slow(self) -> None:
        time.sleep(self.site.slow)
        self.send(200, page("Lambat", self.site.base, JAMBI_BODY, "").encode(), HTML)

    def pdf(self) -> None:
        self.send(200, b"%PDF-1.4\n% not really a report\n", "application/pdf")

    def consent(self) -> None:
        self.send(200, CONSENT.encode(), HTML)

    def loop(self) -> None:
        self.do_redirect(f"{self.site.base}/putar")

    def large(self) -> None:
        self.send(200, b"<html><body>" + b"x" * 300_000 + b"</body></html>", HTML)

    def private(self) -> None:
        self.send(200, page("Rahasia", self.site.base, JAMBI_BODY, "").encode(), HTML)

    def rss(self) -> None:
        self.send(200, self.site.feed().encode(), "application/rss+xml; charset=utf-8")

    def do_redirect(self, to: str) -> None:
        self.send(302, b"", "text/plain", {"Location": to})


HTML = "text/html; charset=utf-8"
ROUTES = {
    "/robots.txt": Handler.robots,
    "/berita/jambi-kirim-asn": Handler.jambi,
    "/amp/jambi-kirim-asn": Handler.jambi,  # a copy whose canonical URL is the article
    "/en/medan-gwangju": Handler.medan,
    "/berita/kitakyushu": Handler.kitakyushu,
    "/sibuk": Handler.busy,
    "/hilang": Handler.gone,
    "/lambat": Handler.slow,
    "/laporan.pdf": Handler.pdf,
    "/persetujuan": Handler.consent,
    "/putar": Handler.loop,
    "/besar": Handler.large,
    "/pribadi/catatan": Handler.private,
    "/rss.xml": Handler.rss,
}


class Site:
    """The site, served on 127.0.0.1 at a free port (HTTPS when ``cert`` is given)."""

    def __init__(self, slow: float = 3.0, cert: tuple[Path, Path] | None = None) -> None:
        self.hits: Counter[str] = Counter()
        self.answered: Counter[tuple[str, int]] = Counter()
        self.busy = 0
        self.slow = slow
        handler = type("BoundHandler", (Handler,), {"site": self})
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        scheme = "http"
        if cert is not None:
            import ssl

            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(str(cert[0]), str(cert[1]))
            self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.base = f"{scheme}://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def url(self, path: str) -> str:
        return self.base + path

    def full(self, path: str) -> int:
        """How many times ``path`` was answered with a whole page (200)."""
        return self.answered[(path, 200)]

    def feed(self) -> str:
        items = [
            ("Delegasi Kitakyushu Kunjungi Jambi", "/berita/kitakyushu", "Mon, 03 Jun 2024"),
            ("Pemkot Jambi Kirim 25 ASN", "/berita/jambi-kirim-asn", "Fri, 12 May 2023"),
            ("Halaman yang sudah dihapus", "/hilang", "Tue, 04 Jun 2024"),
        ]
        entries = "".join(
            f"<item><title>{t}</title><link>{self.base}{p}</link>"
            f"<pubDate>{d} 09:00:00 +0700</pubDate></item>"
            for t, p, d in items
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Warta Batanghari Contoh</title><link>{self.base}/</link>"
            f"<description>Berita daerah</description>{entries}</channel></rss>"
        )


def self_signed(folder: Path) -> tuple[Path, Path] | None:
    """A throwaway self-signed certificate for 127.0.0.1 made with openssl, or ``None``."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return cert, key
