"""Store and query speed on a synthetic graph shaped like kotamitra's (not a test).

Generates N source documents, each a named graph with the kinds of nodes a build writes
(local governments, foreign partners, statements with evidence sentences, activities,
claims), about 50 triples per document, then measures:

- writing the store (graph.sparql.store.write_store: bulk load of the TriG) and opening it;
- every shipped competency query through the product path (graph.sparql.store.run, which adds
  the prefixes and the union default graph) against raw pyoxigraph on the same store,
  printing the ratio (goal: <= 1.5);
- the same queries with rdflib's in-memory engine on a smaller slice, for scale;
- store size on disk per million triples.

Usage: python benchmarks/bench_store.py [--docs 20000] [--rdflib-docs 1000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from graph.rdf.triples import PREFIXES  # noqa: E402
from graph.sparql.query import load_graph, run_query, shipped_queries  # noqa: E402
from graph.sparql.store import bind_params, open_store, run, write_store  # noqa: E402

KM = PREFIXES["km"]
KMR = PREFIXES["kmr"]
RELS = ["partnersWith", "sendsDelegationTo", "participatesIn", "headOf", "memberOf"]


def _int(n: int) -> str:
    return f'"{n}"^^<http://www.w3.org/2001/XMLSchema#integer>'


def synth(docs: int, path: Path, seed: int = 42) -> int:
    """Write ``docs`` synthetic source documents as N-Quads (and their union as N-Triples).

    Shaped like real news, not like uniform noise: a person heads one government (a head
    or a deputy, reported again and again), a government has a handful of foreign partners
    (sister cities, delegation destinations), and programmes and networks are few. Drawing
    every end at random instead (the first version of this benchmark) gave 1M quads with
    16,000 distinct head pairs, 2,000 people each heading eight governments.
    """
    rnd = random.Random(seed)
    lgs = ["kota-jambi", "kota-medan", "kota-bandung", "kota-surabaya", "kota-denpasar"] + [
        f"kota-{i}" for i in range(500)
    ]
    foreign = ["singapore", "japan", "gwangju", "namur"] + [f"city-{i}" for i in range(3000)]
    programmes = ["scp", "iclei-100"] + [f"programme-{i}" for i in range(38)]
    networks = ["uclg-aspac", "iclei", "citynet"] + [f"network-{i}" for i in range(7)]
    partners = {lg: rnd.sample(foreign, 8) for lg in lgs}
    people = [
        (f"person-{i}", lgs[i % len(lgs)], "headOf" if i < 1000 else "deputyHeadOf")
        for i in range(2000)
    ]
    lines = []
    union: set[str] = set()
    facts: dict[tuple[str, str, str], list[tuple[str, int]]] = {}
    n = 0
    for d in range(docs):
        g = f"<{KMR}graph/doc-{d}>"
        doc = f"<{KMR}doc/doc-{d}>"
        year = 2010 + d % 15
        quads = [
            (
                doc,
                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
                "<https://schema.org/NewsArticle>",
            ),
            (doc, "<https://schema.org/headline>", f'"Berita {d}"@id'),
            (
                doc,
                "<https://schema.org/datePublished>",
                f'"{year}-05-01"^^<http://www.w3.org/2001/XMLSchema#date>',
            ),
        ]
        for k in range(4):
            s = rnd.choice(lgs)
            rel = rnd.choice(RELS)
            if rel == "headOf":
                s, o, rel = rnd.choice(people)
            elif rel == "participatesIn":
                o = rnd.choice(programmes)
            elif rel == "memberOf":
                o = rnd.choice(networks)
            else:
                o = rnd.choice(partners[s])
            facts.setdefault((s, rel, o), []).append((doc, year))
            st = f"<{KMR}statement/{d}-{k}>"
            ev = f"<{KMR}evidence/{d}-{k}>"
            quads += [
                (f"<{KMR}{s}>", f"<{KM}{rel}>", f"<{KMR}{o}>"),
                (st, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{KM}Statement>"),
                (st, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>", f"<{KMR}{s}>"),
                (st, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>", f"<{KM}{rel}>"),
                (st, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>", f"<{KMR}{o}>"),
                (st, f"<{KM}source>", doc),
                (st, f"<{KM}evidence>", ev),
                (ev, f"<{KM}text>", f'"Kalimat {d}-{k} tentang kerja sama {s} dan {o}."@id'),
                (ev, "<http://www.w3.org/ns/prov#wasQuotedFrom>", doc),
                (f"<{KMR}{s}>", "<http://www.w3.org/2000/01/rdf-schema#label>", f'"{s}"@en'),
                (f"<{KMR}{o}>", "<http://www.w3.org/2000/01/rdf-schema#label>", f'"{o}"@en'),
            ]
        act = f"<{KMR}activity/doc-{d}-1>"
        quads += [
            (act, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{KM}Training>"),
            (act, f"<{KM}participant>", f"<{KMR}{rnd.choice(lgs)}>"),
            (act, f"<{KM}theme>", f'"Theme {d % 50}"'),
            (
                act,
                f"<{KM}startDate>",
                f'"{year}-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>',
            ),
            (
                act,
                f"<{KM}participantCount>",
                f'"{rnd.randrange(5, 50)}"^^<http://www.w3.org/2001/XMLSchema#integer>',
            ),
        ]
        for s, p, o in quads:
            lines.append(f"{s} {p} {o} {g} .\n")
            union.add(f"{s} {p} {o} .\n")
        n += len(quads)
    # the resolved layer's one node per fact (graph/rdf/resolved.py), in the default graph
    for i, ((s, rel, o), seen) in enumerate(sorted(facts.items())):
        f = f"<{KMR}fact/{i}>"
        first = min(seen, key=lambda x: (x[1], x[0]))[0]
        quads = [
            (f, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{KM}ResolvedStatement>"),
            (f, f"<{KM}factSubject>", f"<{KMR}{s}>"),
            (f, f"<{KM}factPredicate>", f"<{KM}{rel}>"),
            (f, f"<{KM}factObject>", f"<{KMR}{o}>"),
            (f, f"<{KM}sourceCount>", _int(len({doc for doc, _ in seen}))),
            (f, f"<{KM}firstSource>", first),
        ]
        for year in sorted({y for _, y in seen}):
            y = f"<{KMR}fact/{i}/year/{year}>"
            docs = {doc for doc, yr in seen if yr == year}
            quads += [
                (f, f"<{KM}yearCount>", y),
                (y, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{KM}YearCount>"),
                (y, f"<{KM}sourceCount>", _int(len(docs))),
                (y, f"<{KM}reportYear>", f'"{year}"^^<http://www.w3.org/2001/XMLSchema#gYear>'),
            ]
        for t in quads:
            line = " ".join(t) + " .\n"
            lines.append(line)
            union.add(line)
        n += len(quads)
    path.write_text("".join(lines), encoding="utf-8")
    # the build's graph.ttl: the union of the named graphs, each triple once
    path.with_suffix(".nt").write_text("".join(sorted(union)), encoding="utf-8")
    return n


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--rdflib-docs", type=int, default=1000)
    parser.add_argument(
        "--skip",
        default="actor-network",
        help="comma-separated queries to leave out (the metrics projection has its own benchmark)",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kmbench-"))
    try:
        nq = tmp / "graph.nq"
        triples = synth(args.docs, nq)
        trig = nq
        print(f"synthetic graph: {args.docs} documents, {triples:,} quads")
        t0 = time.perf_counter()
        write_store(trig, tmp, union=trig.with_suffix(".nt"))
        t_write = time.perf_counter() - t0
        t0 = time.perf_counter()
        store = open_store(tmp)
        t_open = time.perf_counter() - t0
        size = sum(f.stat().st_size for f in (tmp / "store").rglob("*") if f.is_file())
        print(
            f"write store (bulk load): {t_write:.2f} s; open: {t_open * 1000:.0f} ms; "
            f"{size / 1e6 / (triples / 1e6):.0f} MB on disk per million quads"
        )
        queries = {n: p.read_text(encoding="utf-8") for n, p in shipped_queries().items()}
        prefixes = dict(PREFIXES)
        print(f"\n{'query':28} {'product':>9} {'raw':>9} {'ratio':>6}")
        skipped = set(args.skip.split(",")) if args.skip else set()
        for name, text in sorted(queries.items()):
            if name in skipped:
                continue

            def product(text: str = text) -> None:
                r = run(store, text)
                list(r) if not isinstance(r, ox.QueryBoolean) else None

            def raw(text: str = text) -> None:
                r = store.query(bind_params(text, {}), prefixes=prefixes)
                list(r) if not isinstance(r, ox.QueryBoolean) else None

            tp, tr = timed(product), timed(raw)
            print(f"{name:28} {tp * 1000:8.1f}ms {tr * 1000:8.1f}ms {tp / tr:6.2f}")
        # rdflib on a slice, for scale
        small = tmp / "small"
        small.mkdir()
        synth(args.rdflib_docs, small / "graph.nq")
        t0 = time.perf_counter()
        ds = load_graph(small / "graph.nq")
        t_parse = time.perf_counter() - t0
        small_store = tmp / "small-store"
        small_store.mkdir()
        write_store(small / "graph.nq", small_store, union=small / "graph.nt")
        ostore = open_store(small_store)
        print(f"\nrdflib on {args.rdflib_docs} documents (parse {t_parse:.2f} s) vs the store:")
        for name in ("partners", "heads", "delegations-per-year", "outward-looking-network"):
            text = queries[name]
            t_rdf = timed(lambda: list(run_query(ds, text)), repeat=1)  # noqa: B023
            t_ox = timed(lambda: list(run(ostore, text)), repeat=3)  # noqa: B023
            print(
                f"  {name:28} rdflib {t_rdf * 1000:8.1f}ms  store {t_ox * 1000:7.1f}ms  "
                f"x{t_rdf / max(t_ox, 1e-6):.0f}"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
