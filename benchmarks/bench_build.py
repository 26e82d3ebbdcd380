"""A year of news: the whole build on the real news samples replicated to N articles.

The ~2,900 real Kompas and Detik articles in ../shared/data are replicated to ``--n``
articles (default 100,000) with distinct ids; each copy gets one extra closing line
("Salinan ke-N.") so that its text differs too (the loader skips texts it has already
seen, as aggregators republish). The corpus is written as JSONL files of 10,000 lines
into a scratch folder (never into the repository).

Measured, each as its own ``kotamitra build`` process (wall time, and peak resident
memory of the build and its worker processes together, sampled from /proc):

1. full build with ``--jobs J`` (default 2) and an empty cache;
2. rebuild after changing 1% of the articles (same output folder, so the cache holds
   the other 99%; the added sentence states nothing, so the graph stays the same and
   the build stops after extraction: early cutoff);
3. rebuild after deleting 1% of the articles: the articles after them move up a line,
   so their places (``km:sourceFile``) and the graph change and every output is
   written again — the rebuild when the graph changes;
4. full build with ``--jobs 1`` (``--skip-jobs1`` to leave it out), for the speed-up.

Targets (issue 7): full ≤ 300 s, peak RSS ≤ 2 GB, rebuild ≤ 10% of full, jobs 2 ≥ 1.7×
jobs 1. Prints the numbers and whether each target is met; exit code 0 either way.

Usage: python benchmarks/bench_build.py [--n 100000] [--jobs 2] [--work DIR]
       [--skip-jobs1] [--engine local|dask]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINES_PER_FILE = 10_000


def rss_tree_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in kB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def run(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; return wall seconds, peak RSS of its process tree in MB, output."""
    peak = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, rss_tree_kb(proc.pid))
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"build failed ({proc.returncode}):\n{out[-3000:]}")
    return wall, peak / 1024, out


def write_corpus(shared: Path, n: int, folder: Path) -> None:
    records = []
    for path in sorted((shared / "data").glob("news-*/articles-*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    if not records:
        sys.exit(f"no news samples under {shared / 'data'}")
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, LINES_PER_FILE):
        path = folder / f"news-{start // LINES_PER_FILE:03d}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for i in range(start, min(n, start + LINES_PER_FILE)):
                rec = dict(records[i % len(records)])
                copy = i // len(records)
                rec["id"] = f"{rec['id']}-c{copy}"
                rec["text"] = f"{rec['text']}\nSalinan ke-{copy}."
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def change_share(folder: Path, share: float) -> int:
    """Edit ``share`` of the articles in place (one more line of text each)."""
    changed = 0
    for path in sorted(folder.glob("news-*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        step = max(1, round(1 / share))
        for k in range(0, len(lines), step):
            rec = json.loads(lines[k])
            rec["text"] += "\nArtikel ini telah diperbarui."
            lines[k] = json.dumps(rec, ensure_ascii=False)
            changed += 1
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def remove_share(folder: Path, share: float) -> int:
    """Delete ``share`` of the articles (the lines after them move up: their places,
    and so the graph, change)."""
    removed = 0
    step = max(1, round(1 / share))
    for path in sorted(folder.glob("news-*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line for k, line in enumerate(lines) if k % step != step // 2]
        removed += len(lines) - len(kept)
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return removed


def summary_lines(out: str) -> str:
    keep = [ln for ln in out.splitlines() if ln.startswith(("Built", "  ", "time"))]
    return "\n".join("    " + ln for ln in keep if "wrote" not in ln)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--engine", default="local")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: tmp)")
    parser.add_argument("--skip-jobs1", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kotamitra-bench-"))
    corpus, out = work / "corpus", work / "out"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    write_corpus(args.shared, args.n, corpus)
    size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
    print(f"corpus: {args.n} articles, {size:.0f} MB JSONL in {time.perf_counter() - t0:.1f} s")
    base = [sys.executable, "-m", "graph", "build", str(corpus), "-o", str(out)]
    engine = ["--engine", args.engine] if args.engine != "local" else []
    try:
        full, rss, text = run([*base, "--jobs", str(args.jobs), *engine])
        print(f"full build, --jobs {args.jobs}: {full:7.1f} s  peak RSS {rss:6.0f} MB")
        print(summary_lines(text))
        changed = change_share(corpus, 0.01)
        re_t, re_rss, text = run([*base, "--jobs", str(args.jobs), *engine])
        print(
            f"rebuild after changing {changed} articles: {re_t:7.1f} s  peak RSS {re_rss:6.0f} MB"
            f"  ({100 * re_t / full:.1f}% of full)"
        )
        print(summary_lines(text))
        removed = remove_share(corpus, 0.01)
        del_t, del_rss, text = run([*base, "--jobs", str(args.jobs), *engine])
        print(
            f"rebuild after deleting {removed} articles (the graph changes): {del_t:7.1f} s"
            f"  peak RSS {del_rss:6.0f} MB  ({100 * del_t / full:.1f}% of full)"
        )
        print(summary_lines(text))
        one = None
        if not args.skip_jobs1:
            one, rss1, text = run([*base, "--jobs", "1", "--force"])
            print(f"full build, --jobs 1: {one:7.1f} s  peak RSS {rss1:6.0f} MB")
        print("targets:")

        def verdict(ok: bool) -> str:
            return "met" if ok else "NOT met"

        print(f"  full ≤ 300 s:            {full:7.1f} s  {verdict(full <= 300)}")
        print(f"  peak RSS ≤ 2048 MB:      {rss:7.0f} MB {verdict(rss <= 2048)}")
        share = 100 * re_t / full
        print(f"  rebuild ≤ 10% of full:   {share:7.1f} %  {verdict(re_t <= 0.1 * full)}")
        share = 100 * del_t / full
        print(f"    (graph changed:        {share:7.1f} %  {verdict(del_t <= 0.1 * full)})")
        if one is not None:
            speedup = one / full
            label = f"jobs {args.jobs} ≥ 1.7× jobs 1:"
            print(f"  {label:24} {speedup:7.2f} ×  {verdict(speedup >= 1.7)}")
    finally:
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
