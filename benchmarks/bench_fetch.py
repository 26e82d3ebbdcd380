"""Speed of ``kotamitra fetch`` against a local server (not part of the tests).

Serves N generated news pages (written here, varied by number and place) on 127.0.0.1,
each answered after a fixed think time (``--server-ms``, as a real server takes to make a
page), and measures:

* the server's own delivery time: the time its handlers spent, divided by the number of
  connections a client may hold (``--per-host``): the fastest any polite client could be;
* a bare download of every page with requests over the same connections (no robots.txt,
  no extraction, no files): the floor set by HTTP in Python;
* ``kotamitra fetch`` with ``--per-host`` connections and no delay between requests:
  robots.txt, downloads, trafilatura, the WARC file and the documents.

Target (issue 15): fetch ≤ 2× the server's own delivery time for 200 pages and 2
connections.

Usage: python benchmarks/bench_fetch.py [--pages 200] [--per-host 2] [--server-ms 50]
"""

from __future__ import annotations

import argparse
import http.server
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from graph.sources.fetch import FetchOptions, fetch  # noqa: E402

CITIES = ["Jambi", "Medan", "Surabaya", "Bandung", "Denpasar", "Makassar", "Semarang"]
PARTNERS = ["Singapura", "Gwangju", "Busan", "Namur", "Kitakyushu", "Kyoto", "Mossel Bay"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus"]


def article(i: int) -> bytes:
    city, partner = CITIES[i % len(CITIES)], PARTNERS[(i * 3) % len(PARTNERS)]
    day, month, year = 1 + i % 28, MONTHS[i % len(MONTHS)], 2015 + i % 10
    paras = "".join(
        f"<p>Paragraf {k}: Pemerintah Kota {city} dan {partner} membahas kelanjutan kerja sama "
        f"di bidang pendidikan, lingkungan dan pariwisata dalam pertemuan ke-{i + k} yang "
        f"dihadiri {10 + i % 40} pejabat dari kedua pihak.</p>"
        for k in range(8)
    )
    return (
        f"<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>Kerja sama {city} dan {partner} ({i})</title>"
        f"<link rel='canonical' href='/berita/{i}'><script>var x={i};</script></head><body>"
        f"<nav><a href='/'>Beranda</a> <a href='/daerah'>Daerah</a></nav>"
        f"<div class='iklan'>IKLAN</div><article><h1>Kerja sama {city} dan {partner} ({i})</h1>"
        f"<div class='tanggal'>Senin, {day} {month} {year}</div>{paras}"
        f"<p>Baca juga: berita lain nomor {i + 1}</p></article><footer>Redaksi</footer>"
        f"</body></html>"
    ).encode()


class Server:
    def __init__(self, think: float) -> None:
        self.busy = 0.0
        self.lock = threading.Lock()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no 40 ms stall between headers and body
            wbufsize = 1 << 16

            def log_message(self, *args: object) -> None:
                return None

            def do_GET(self) -> None:
                start = time.perf_counter()
                etag = f'"{self.path}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                if self.path == "/robots.txt":
                    body, ctype = b"User-agent: *\nDisallow: /admin/\n", "text/plain"
                else:
                    time.sleep(think)
                    body, ctype = article(int(self.path.rsplit("/", 1)[1])), "text/html"
                self.send_response(200)
                self.send_header("Content-Type", ctype + "; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)
                with owner.lock:
                    owner.busy += time.perf_counter() - start

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def bare(urls: list[str], connections: int) -> float:
    session = requests.Session()
    start = time.perf_counter()
    with ThreadPoolExecutor(connections) as pool:
        list(pool.map(lambda u: session.get(u, timeout=10).content, urls))
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--per-host", type=int, default=2)
    ap.add_argument("--server-ms", type=float, default=50.0)
    args = ap.parse_args()
    server = Server(args.server_ms / 1000)
    try:
        urls = [f"{server.base}/berita/{i}" for i in range(args.pages)]
        server.busy = 0.0
        floor = bare(urls, args.per_host)
        own = server.busy / args.per_host
        server.busy = 0.0
        with tempfile.TemporaryDirectory() as tmp:
            opts = FetchOptions(delay=0.0, per_host=args.per_host, timeout=10)
            start = time.perf_counter()
            report = fetch(urls, into=Path(tmp), options=opts)
            took = time.perf_counter() - start
            again = time.perf_counter()
            rerun = fetch(urls, into=Path(tmp), options=opts)
            rerun_took = time.perf_counter() - again
        print(f"pages: {args.pages}, connections per host: {args.per_host}, "
              f"server think time: {args.server_ms:g} ms")  # fmt: skip
        print(f"server's own delivery time:     {own:6.2f} s")
        print(f"bare download (requests):       {floor:6.2f} s  ({floor / own:.2f}x)")
        print(f"kotamitra fetch:                {took:6.2f} s  ({took / own:.2f}x)")
        print(f"  {report.summary()}")
        for o in report.outcomes:
            if o.status == "failed":
                print("  " + o.line())
        print(f"rerun (conditional GETs):       {rerun_took:6.2f} s  {rerun.summary()}")
        print(f"target ≤ 2x: {'met' if took <= 2 * own else 'NOT met'}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
