"""SHACL engines on kotamitra's builds (not a test): pySHACL, pyshacl-turbo and pyrudof.

Builds ``sources/`` (and, with ``--table``, ``sources/`` plus a table of partnerships
such as ``../shared/data/sister-cities-wikipedia/twin_cities_geocoded.csv``), then
validates the union graph (``graph.ttl``) against ``ontology/shapes.ttl`` with each
engine installed, printing time, peak memory of the run (RSS growth) and the verdict
with the number of violations. Engines over ``--limit`` seconds are stopped.

Usage: python benchmarks/bench_validate.py [--table CSV] [--limit 600]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pyshacl(data: Path, shapes: Path, module: str) -> tuple[bool, int]:
    import importlib

    from rdflib import RDF, Graph, Namespace

    engine = importlib.import_module(module)
    sh = Namespace("http://www.w3.org/ns/shacl#")
    from graph.rdf.read import read_graph

    g = read_graph(data)  # as `kotamitra validate` reads it
    conforms, report, _ = engine.validate(
        g, shacl_graph=Graph().parse(shapes), inference="none", allow_warnings=True
    )
    return bool(conforms), len(set(report.subjects(RDF.type, sh.ValidationResult)))


def _pyrudof(data: Path, shapes: Path) -> tuple[bool, int]:
    import pyrudof

    r = pyrudof.Rudof(pyrudof.RudofConfig())
    r.read_data(str(data))
    r.read_shacl(str(shapes))
    report = r.validate_shacl()
    return bool(report.conforms), len(list(report.violations))


def _child(name: str, data: Path, shapes: Path, conn) -> None:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    if name == "pyrudof":
        verdict = _pyrudof(data, shapes)
    else:
        verdict = _pyshacl(data, shapes, name.replace("-", "_"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send((time.perf_counter() - t0, rss, verdict))


def measure(name: str, data: Path, shapes: Path, limit: float) -> str:
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(name, data, shapes, sender))
    proc.start()
    if not receiver.poll(limit):
        proc.kill()
        proc.join()
        return f"{name:14} did not finish in {limit:.0f} s"
    secs, rss, (conforms, n) = receiver.recv()
    proc.join()
    return f"{name:14} {secs:8.1f} s  peak {rss:6.0f} MB  conforms={conforms} violations={n}"


def main() -> int:
    from graph.pipeline.build import build
    from graph.resources import ontology_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=None)
    parser.add_argument("--limit", type=float, default=600.0)
    parser.add_argument("--engines", default="pyshacl,pyshacl-turbo,pyrudof")
    args = parser.parse_args()
    shapes = ontology_dir() / "shapes.ttl"
    with tempfile.TemporaryDirectory(prefix="kmvalidate-") as tmp:
        sources = [ROOT / "sources"] + ([args.table] if args.table else [])
        report = build(sources, Path(tmp), with_metrics=False, with_viz=False, with_store=False)
        data = Path(tmp) / "graph.ttl"
        print(f"build of {', '.join(map(str, sources))}: {report.triples:,} triples")
        for name in args.engines.split(","):
            try:
                __import__("pyrudof" if name == "pyrudof" else name.replace("-", "_"))
            except ImportError:
                print(f"{name:14} not installed")
                continue
            print(measure(name, data, shapes, args.limit), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
