"""Metrics on the world's twin towns, timed and cross-checked with igraph (not a test).

Builds the graph of a twin-town dataset of ../shared/data with the table stage (26,114
rows of English Wikipedia's lists, or the 34,182 Wikidata P190 claims), projects the
actor network with the shipped SPARQL query, and times the full metrics suite
(``graph.network.metrics_of_network``: degree, betweenness, PageRank, eigenvector
centrality, Louvain communities and modularity, components, per-actor partners,
countries and concentration, per-year series) against the target of 10 s. Then checks
the numbers against python-igraph: components, PageRank, eigenvector centrality
component by component, betweenness from the same sampled sources (and, with
``--exact``, exact betweenness on the whole network, which takes minutes), and the
modularity of our partition.

Usage: python benchmarks/bench_metrics.py [--shared ../shared] [--dataset wikipedia|wikidata]
                                          [--exact] [--no-igraph]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

import graph.network as M  # noqa: E402
from graph.extract.tables import extract_table  # noqa: E402
from graph.rdf.triples import to_dataset  # noqa: E402
from graph.resolve import resolve  # noqa: E402
from graph.sources.load import load_sources  # noqa: E402

DATASETS = {
    "wikipedia": ("sister-cities-wikipedia", "twin_cities_raw.csv"),
    "wikidata": ("sister-cities-wikidata", "relations.tsv"),
}
TARGET_S = 10.0


class Clock:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float]] = []

    def __call__(self, label: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        dt = time.perf_counter() - t0
        self.rows.append((label, dt))
        print(f"  {label:<52} {dt:8.2f} s", flush=True)
        return out


def cross_check(und: nx.Graph, metrics: dict, exact: bool) -> list[str]:
    import igraph as ig

    lines = []
    nodes = list(und)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    t0 = time.perf_counter()
    h = ig.Graph(n=n, edges=[(index[u], index[v]) for u, v in und.edges()])
    h.es["weight"] = [d["weight"] for *_, d in und.edges(data=True)]
    lines.append(f"networkx -> igraph: {time.perf_counter() - t0:.3f} s")
    by_iri = {a["iri"]: a for a in metrics["actors"]}

    # components
    ours = sorted((len(c) for c in nx.connected_components(und)), reverse=True)
    theirs = sorted(h.connected_components().sizes(), reverse=True)
    lines.append(
        f"components: ours {len(ours)} (largest {ours[0]}), igraph {len(theirs)} "
        f"(largest {theirs[0]}): {'same sizes' if ours == theirs else 'DIFFERENT'}"
    )
    # PageRank
    t0 = time.perf_counter()
    pr = h.pagerank(weights="weight", damping=0.85)
    t_pr = time.perf_counter() - t0
    diff = max(abs(by_iri[v]["pagerank"] - pr[index[v]]) for v in nodes)
    lines.append(
        f"PageRank: max |ours - igraph| = {diff:.2e} (rounded to 1e-6; igraph {t_pr:.3f} s)"
    )
    # eigenvector centrality, component by component
    worst = 0.0
    t0 = time.perf_counter()
    for comp in h.connected_components():
        if len(comp) < 3:
            continue
        values = h.subgraph(comp).eigenvector_centrality(weights="weight", scale=True)
        for local, vid in enumerate(comp):
            worst = max(worst, abs(by_iri[nodes[vid]]["eigenvector"] - values[local]))
    lines.append(
        f"eigenvector (per component, max 1): max |ours - igraph| = {worst:.2e} "
        f"(igraph {time.perf_counter() - t0:.2f} s)"
    )
    # betweenness from the same sampled sources: igraph counts each (source, target)
    # path once, undirected: half of Brandes' sum over the sources
    k = metrics["network"]["betweenness_sample"]
    values, sample = M.betweenness(und, k=k)
    if sample is not None:
        kk = len(sample)
        in_sample = set(sample)
        raw = {
            v: values[v] * ((kk - 1) * (n - 2) if v in in_sample else kk * (n - 2)) for v in nodes
        }
        t0 = time.perf_counter()
        ib = h.betweenness(directed=False, sources=[index[v] for v in sample])
        t_b = time.perf_counter() - t0
        diff = max(abs(raw[v] - 2 * ib[index[v]]) for v in nodes)
        top = max(raw.values())
        lines.append(
            f"betweenness, {kk} sampled sources: max |ours - igraph| = {diff:.2e} "
            f"(largest value {top:.0f}; igraph {t_b:.2f} s)"
        )
    if exact or sample is None:
        t0 = time.perf_counter()
        ours_exact, _ = M.betweenness(und, k=None)
        t_ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        ib = h.betweenness(directed=False)
        t_ig = time.perf_counter() - t0
        scale = 2 / ((n - 1) * (n - 2))
        diff = max(abs(ours_exact[v] - ib[index[v]] * scale) for v in nodes)
        lines.append(
            f"betweenness, exact: max |ours - igraph| = {diff:.2e} "
            f"(ours {t_ours:.1f} s, igraph {t_ig:.1f} s)"
        )
        if sample is not None:
            est = {a["iri"]: a["betweenness"] for a in metrics["actors"]}
            top = sorted(nodes, key=lambda v: -ours_exact[v])[:20]
            est_top = set(sorted(nodes, key=lambda v: -est[v])[:20])
            lines.append(
                f"  sampled estimate vs exact: {len(est_top & set(top))} of the exact top 20 "
                "in the estimated top 20"
            )
    # modularity of our partition, by igraph; and igraph's own Louvain
    comms = M.louvain(und)
    membership = [0] * n
    for i, c in enumerate(comms):
        for v in c:
            membership[index[v]] = i
    q_ig = h.modularity(membership, weights="weight")
    t0 = time.perf_counter()
    theirs_louvain = h.community_multilevel(weights="weight")
    t_l = time.perf_counter() - t0
    lines.append(
        f"modularity of our Louvain partition: ours {metrics['network']['modularity']}, "
        f"by igraph {q_ig:.4f}; igraph's own Louvain {theirs_louvain.modularity:.4f} "
        f"with {len(theirs_louvain)} communities vs our {len(comms)} (igraph {t_l:.2f} s)"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--dataset", choices=sorted(DATASETS), default="wikipedia")
    parser.add_argument("--exact", action="store_true", help="also exact betweenness (minutes)")
    parser.add_argument("--no-igraph", action="store_true", help="skip the igraph cross-check")
    args = parser.parse_args()
    folder, name = DATASETS[args.dataset]
    path = args.shared / "data" / folder / name
    if not path.is_file():
        print(f"{path} not found; nothing to measure")
        return 0
    clock = Clock()
    print(f"{args.dataset}: {path}")
    loaded = clock("load (read the table, match its mapping)", load_sources, [path])
    (doc,) = loaded.documents
    extractions = clock("table stage (rows -> facts, entities resolved)", extract_table, doc)
    extractions = resolve([extractions])
    print(f"    {len(extractions[0].facts)} facts, {len(extractions[0].entities)} entities")
    ds = clock("rdf (facts -> rdflib Dataset)", to_dataset, extractions)
    net = clock("projection (actor-network.rq and 2 queries, Oxigraph)", M.actor_network, ds)
    und = M.undirected(net)
    print(
        f"    actor network: {net.number_of_nodes()} actors, {net.number_of_edges()} links, "
        f"{und.number_of_edges()} linked pairs"
    )
    print("full metrics suite:")
    metrics = clock("metrics_of_network (everything below, together)", M.metrics_of_network, net)
    suite = clock.rows[-1][1]
    print("  of which, timed apart:")
    n, m = und.number_of_nodes(), und.number_of_edges()
    k = M.betweenness_sample_size(n, m)
    clock("    undirected weighted graph", M.undirected, net)
    clock(f"    betweenness ({'exact' if k is None else f'sampled k={k}'})", M.betweenness, und, k)
    clock("    PageRank", nx.pagerank, und, weight="weight")
    clock("    eigenvector centrality by component", M.eigenvector_by_component, und)
    comms = clock("    Louvain communities (seed 42)", M.louvain, und)
    clock("    modularity", M.modularity, und, comms)
    net_ = metrics["network"]
    print(
        f"network: {net_['nodes']} actors, {net_['edges']} pairs, density {net_['density']}, "
        f"{net_['components']} components (largest {net_['largest_component']}), "
        f"{net_['communities']} communities, modularity {net_['modularity']}; "
        f"betweenness {net_['betweenness']}"
    )
    top = ", ".join(f"{a['label']} ({a['pagerank']:.4f})" for a in metrics["actors"][:5])
    print(f"top 5 by PageRank: {top}")
    verdict = "within" if suite <= TARGET_S else "OVER"
    print(f"full metrics suite: {suite:.2f} s ({verdict} the {TARGET_S:.0f} s target)")
    if not args.no_igraph:
        try:
            import igraph  # noqa: F401
        except ImportError:
            print("igraph is not installed (pip install igraph): no cross-check")
            return 0
        print("cross-check with igraph:")
        for line in cross_check(und, metrics, args.exact):
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
