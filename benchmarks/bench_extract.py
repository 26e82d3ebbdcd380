"""Extraction speed on the real news samples in ../shared/data (not part of the tests).

Prints documents per second and MB per second on one core, for loading and for
extraction separately, and the facts found per 100 articles (these samples are almost
all unrelated to partnerships: they measure false positives too).

Usage: python benchmarks/bench_extract.py [--shared ../shared] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.extract import extract  # noqa: E402
from graph.extract.gazetteer import default_gazetteer  # noqa: E402
from graph.extract.lexicon import patterns  # noqa: E402
from graph.extract.names import name_patterns  # noqa: E402
from graph.extract.places import world_places  # noqa: E402
from graph.sources.load import load_sources  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    files = sorted((args.shared / "data").glob("news-*/articles-*.jsonl"))
    if not files:
        print(f"no news samples under {args.shared / 'data'}; nothing to measure")
        return 0
    t0 = time.perf_counter()
    gaz = default_gazetteer()
    t_gaz = time.perf_counter() - t0
    # the word lists, name patterns and the world table are read once per process
    t0 = time.perf_counter()
    patterns()
    name_patterns()
    world_places()
    t_lex = time.perf_counter() - t0
    t0 = time.perf_counter()
    loaded = load_sources(files)
    t_load = time.perf_counter() - t0
    docs = loaded.documents[: args.limit or None]
    size_mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    counts: Counter[str] = Counter()
    activities = prefiltered = stating = claims = 0
    t0 = time.perf_counter()
    for doc in docs:
        ex = extract(doc, gaz)
        prefiltered += ex.prefiltered
        stating += ex.states_something
        claims += len(ex.claims)
        counts.update(
            f.predicate for f in {(f.subject, f.predicate, f.object): f for f in ex.facts}.values()
        )
        activities += len(ex.activities)
    t_extract = time.perf_counter() - t0
    n = len(docs)
    print(f"articles: {n} ({size_mb:.1f} MB of text) from {len(files)} files")
    print(f"gazetteer load: {t_gaz:.2f} s")
    print(f"word lists and world table load (once per process): {t_lex:.2f} s")
    print(f"load:    {t_load:6.2f} s  {len(loaded.documents) / t_load:8.0f} articles/s")
    print(
        f"extract: {t_extract:6.2f} s  {n / t_extract:8.1f} articles/s  "
        f"{size_mb / t_extract:.2f} MB/s (1 core)"
    )
    print(
        f"prefilter: skipped {prefiltered} of {n} articles ({100 * prefiltered / n:.1f}%) "
        "before any expensive step"
    )
    print(f"articles stating something (a named graph each): {stating} ({100 * stating / n:.1f}%)")
    print("distinct facts per 100 articles:")
    for pred, c in counts.most_common():
        print(f"  {pred:18} {100 * c / n:6.2f}")
    print(f"  {'activities':18} {100 * activities / n:6.2f}")
    print(f"  {'claims':18} {100 * claims / n:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
