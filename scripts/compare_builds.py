#!/usr/bin/env python3
"""Build the same inputs with two versions of kotamitra and say whether the graphs match.

Each version is a git revision of this repository (``main``, ``HEAD~2``, a branch, a
commit) or a folder holding a checkout of it. The inputs are this repository's
``sources/`` and, with ``--news``, a folder or ``.jsonl`` file of news articles (such as
``../shared/data/news-kompas-2025``); each input set is built on its own, into
``WORK/<version>/<input>/``, by ``python -m graph build`` run from that version's code
(same Python, same installed dependencies: only the code differs).

For each input set it compares ``graph.ttl`` (the union), every named graph of
``graph.trig`` and the metrics graph ``metrics.trig`` with ``rdflib.compare``
(isomorphism: the same triples up to blank-node names), prints the triple counts, and
for a graph that differs a few of the triples found only on one side.

Usage (from the repository root)::

    python scripts/compare_builds.py main HEAD
    python scripts/compare_builds.py main HEAD --news ../shared/data/news-kompas-2025
    python scripts/compare_builds.py /work/main . --work /tmp/compare

Exit status: 0 when every graph matches, 1 when one differs, 2 when a build fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from rdflib import BNode, Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

REPO = Path(__file__).resolve().parent.parent
SHOW_DIFF = 5  # triples shown from each side of a graph that differs


@dataclass
class Comparison:
    name: str
    left: int
    right: int
    same: bool
    only_left: list[str]
    only_right: list[str]


def checkout(version: str, into: Path) -> Path:
    """The code of ``version``: the folder itself, or the git revision exported into
    ``into`` (``git archive``)."""
    folder = Path(version)
    if folder.is_dir() and (folder / "graph" / "__init__.py").is_file():
        return folder.resolve()
    try:
        data = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", version],
            check=True,
            capture_output=True,
        ).stdout
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode(errors="replace").strip()
        raise SystemExit(
            f"{version!r} is neither a checkout folder nor a git revision: {message}"
        ) from None
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def build(code: Path, inputs: list[Path], out: Path, jobs: int) -> float:
    """Build ``inputs`` with the code in ``code`` into ``out``; the seconds it took."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(code)}
    cmd = [sys.executable, "-m", "graph", "build", "-q", "--no-viz", "--no-store"]
    cmd += ["--jobs", str(jobs), "--out", str(out), *map(str, inputs)]
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=code, env=env, capture_output=True, text=True)
    if run.returncode not in (0, 3):  # 3: a --strict build skipped a source (not used here)
        sys.stderr.write(run.stdout[-2000:] + run.stderr[-4000:])
        raise SystemExit(2)
    return time.perf_counter() - start


def _show(g: Graph) -> list[str]:
    return sorted(" ".join(t.n3() for t in triple) for triple in g)[:SHOW_DIFF]


def compare(name: str, left: Graph, right: Graph) -> Comparison:
    same = isomorphic(left, right)
    only_left: list[str] = []
    only_right: list[str] = []
    if not same:
        _, in_left, in_right = graph_diff(to_isomorphic(left), to_isomorphic(right))
        only_left, only_right = _show(in_left), _show(in_right)
    return Comparison(name, len(left), len(right), same, only_left, only_right)


def _has_bnodes(g: Graph) -> bool:
    return any(isinstance(t, BNode) for triple in g for t in triple)


def compare_named(left: Dataset, right: Dataset) -> Comparison:
    """Every named graph of ``left`` against the one of the same name in ``right``."""
    graphs_l = {g.identifier: g for g in left.graphs() if len(g)}
    graphs_r = {g.identifier: g for g in right.graphs() if len(g)}
    differ = sorted(str(i) for i in set(graphs_l) ^ set(graphs_r))
    for ident in set(graphs_l) & set(graphs_r):
        gl, gr = graphs_l[ident], graphs_r[ident]
        if _has_bnodes(gl) or _has_bnodes(gr):
            same = isomorphic(gl, gr)
        else:  # without blank nodes, isomorphic means the same triples
            same = len(gl) == len(gr) and set(gl) == set(gr)
        if not same:
            differ.append(str(ident))
    return Comparison(
        f"named graphs ({len(graphs_l)} / {len(graphs_r)})",
        sum(len(g) for g in graphs_l.values()),
        sum(len(g) for g in graphs_r.values()),
        not differ,
        [f"differs: {d}" for d in sorted(differ)[:SHOW_DIFF]],
        [],
    )


def compare_outputs(left: Path, right: Path) -> list[Comparison]:
    results = [
        compare(
            "graph.ttl",
            Graph().parse(left / "graph.ttl", format="turtle"),
            Graph().parse(right / "graph.ttl", format="turtle"),
        )
    ]
    trig_l = Dataset(default_union=True).parse(left / "graph.trig", format="trig")
    trig_r = Dataset(default_union=True).parse(right / "graph.trig", format="trig")
    results.append(compare_named(trig_l, trig_r))
    if (left / "metrics.trig").is_file() or (right / "metrics.trig").is_file():
        metrics = []
        for side in (left, right):
            ds = Dataset(default_union=True)
            if (side / "metrics.trig").is_file():
                ds.parse(side / "metrics.trig", format="trig")
            g = Graph()
            for named in ds.graphs():
                for triple in named:
                    g.add(triple)
            metrics.append(g)
        results.append(compare("metrics.trig", *metrics))
    return results


def report(label: str, results: list[Comparison], names: tuple[str, str]) -> bool:
    width = max(len(r.name) for r in results)
    print(f"{label}:")
    for r in results:
        verdict = "isomorphic" if r.same else "DIFFERENT"
        counts = f"{names[0]} {r.left:>8}  {names[1]} {r.right:>8}"
        print(f"  {r.name.ljust(width)}  {counts}  {verdict}")
        for line in r.only_left:
            print(f"      only in {names[0]}: {line}")
        for line in r.only_right:
            print(f"      only in {names[1]}: {line}")
    return all(r.same for r in results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("left", help="git revision or checkout folder (e.g. main)")
    parser.add_argument("right", help="git revision or checkout folder (e.g. HEAD or .)")
    parser.add_argument(
        "--sources", type=Path, default=REPO / "sources", help="default: this repository's"
    )
    parser.add_argument(
        "--news",
        type=Path,
        action="append",
        help="a news .jsonl file or folder to build too (repeat for several; built together)",
    )
    parser.add_argument("--work", type=Path, help="folder for the checkouts and builds (kept)")
    parser.add_argument("--jobs", type=int, default=1, help="build worker processes")
    args = parser.parse_args(argv)

    inputs = {"sources": [args.sources.resolve()]}
    if args.news:
        for path in args.news:
            if not path.exists():
                parser.error(f"--news {path}: no such file or folder")
        inputs["news"] = [path.resolve() for path in args.news]
    work = args.work or Path(tempfile.mkdtemp(prefix="kotamitra-compare-"))
    work = work.resolve()
    names = ("A", "B")
    codes = []
    for tag, version in zip(names, (args.left, args.right), strict=True):
        code = checkout(version, work / tag / "code")
        codes.append(code)
        print(f"{tag} = {version} ({code})")
    all_same = True
    for label, paths in inputs.items():
        outs = []
        for tag, code in zip(names, codes, strict=True):
            out = work / tag / label
            seconds = build(code, paths, out, args.jobs)
            print(f"built {label} with {tag} in {seconds:.1f} s -> {out}")
            outs.append(out)
        all_same &= report(label, compare_outputs(outs[0], outs[1]), names)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    print("every graph is the same" if all_same else "the graphs differ")
    return 0 if all_same else 1


if __name__ == "__main__":
    sys.exit(main())
