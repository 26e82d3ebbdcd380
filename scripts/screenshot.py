"""Regenerate the screenshots in docs/: the network page of a build, at the overview, and
its timeline tab, taken in headless Chromium (1400×900, networking disabled).

Usage: python scripts/screenshot.py [--graph output] [--out docs]

It renders ``GRAPH`` with ``kotamitra viz`` into a temporary file (building ``sources/``
into a temporary folder first when GRAPH holds no graph), opens it, waits until the layout
has settled (the page sets ``data-km-ready``) and writes ``graph-screenshot.png`` and
``timeline-screenshot.png``. Needs chromium, chromedriver and selenium.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--proxy-server=127.0.0.1:9",  # networking off
    "--proxy-bypass-list=<-loopback>",
    "--window-size=1400,900",
)
WAIT_READY = (
    "var done = arguments[arguments.length - 1], t0 = Date.now();"
    "(function wait() {"
    "  if (document.body && document.body.getAttribute('data-km-ready')) { done(true); }"
    "  else if (Date.now() - t0 > 30000) { done(false); }"
    "  else { setTimeout(wait, 50); }"
    "})();"
)


def page_of(graph_dir: Path, tmp: Path) -> Path:
    from graph.sparql.query import QueryError, load_graph
    from graph.viz.page import render_html

    try:
        ds = load_graph(graph_dir)
    except QueryError:
        from graph.pipeline.build import build

        build([ROOT / "sources"], tmp / "out", with_viz=False, with_metrics=False)
        ds = load_graph(tmp / "out")
    return render_html(ds, tmp / "graph.html")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", type=Path, default=ROOT / "output")
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    args = ap.parse_args()
    chrome = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    chromedriver = shutil.which("chromedriver")
    if not chrome or not chromedriver:
        sys.exit("needs chromium and chromedriver (Debian: apt-get install chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never download
    with tempfile.TemporaryDirectory() as tmp:
        page = page_of(args.graph, Path(tmp))
        opts = Options()
        opts.binary_location = chrome
        for flag in (*FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}"):
            opts.add_argument(flag)
        driver = webdriver.Chrome(service=Service(chromedriver), options=opts)
        try:
            driver.set_script_timeout(40)
            driver.get(page.resolve().as_uri())
            if not driver.execute_async_script(WAIT_READY):
                sys.exit("the page did not settle within 30 s")
            args.out.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.out / "graph-screenshot.png"))
            driver.execute_script("document.getElementById('km-tab-timeline').click();")
            driver.save_screenshot(str(args.out / "timeline-screenshot.png"))
        finally:
            driver.quit()
    print(f"wrote {args.out / 'graph-screenshot.png'} and {args.out / 'timeline-screenshot.png'}")


if __name__ == "__main__":
    main()
