"""Network algorithms: pure functions of a networkx graph, returning dicts keyed by node
(networkx style). Every centrality the project shows comes from here, for
``kotamitra metrics`` and for the page alike.

Choices a reader of the numbers should know (also stated in a network's ``notes``):

- centralities are computed on the undirected simple graph (:func:`undirected`): two
  actors are adjacent if any relation links them, the weight of the pair is the sum of
  the supporting documents of those relations; PageRank and eigenvector centrality use
  the weight, betweenness counts hops;
- betweenness is normalised (networkx convention) and exact when the network is small
  enough (``nodes * (nodes + edges) <= EXACT_BETWEENNESS_WORK``); above, it is estimated
  from a fixed sample of source actors (Brandes, seed 42, the sample networkx draws);
- eigenvector centrality is computed in each connected component separately (it is not
  defined across components) and scaled so that the most central actor of each
  component has 1;
- communities: Louvain (networkx, resolution 1, seed 42, weighted).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
from scipy.sparse import csgraph
from scipy.sparse.linalg import eigsh

SEED = 42
# exact betweenness when nodes * (nodes + edges) is at most this (a few seconds);
# otherwise sampled, with as many sources as SAMPLED_BETWEENNESS_WORK allows
EXACT_BETWEENNESS_WORK = 20_000_000
SAMPLED_BETWEENNESS_WORK = 12_000_000
MIN_BETWEENNESS_SAMPLE = 64
# networkx stops PageRank when the summed change is below nodes * tol: 1e-10 keeps the
# values within about 1e-7 of the fixed point even on 20,000 actors
PAGERANK_TOL = 1e-10


def undirected(net: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of the network: the weight of a pair is the sum of
    the supporting documents of all relations between the two actors; loops are dropped.

    >>> net = nx.MultiDiGraph()
    >>> net.add_edge("a", "b", key="partnersWith", weight=2)
    'partnersWith'
    >>> net.add_edge("b", "a", key="sendsDelegationTo", weight=1)
    'sendsDelegationTo'
    >>> und = undirected(net)
    >>> und["a"]["b"]["weight"], und.number_of_edges()
    (3, 1)
    """
    und = nx.Graph()
    und.add_nodes_from(net.nodes(data=True))
    for u, v, data in net.edges(data=True):
        if u == v:
            continue
        w = data.get("weight", 1)
        if und.has_edge(u, v):
            und[u][v]["weight"] += w
        else:
            und.add_edge(u, v, weight=w)
    return und


def betweenness(
    g: nx.Graph, k: int | None = None, seed: int = SEED
) -> tuple[dict[Any, float], list[Any] | None]:
    """Normalised betweenness centrality of an undirected graph (hops, not weights).

    Brandes' algorithm with the breadth-first searches done by scipy and the path counts
    accumulated with numpy: the same values as ``networkx.betweenness_centrality(g,
    k=k, seed=seed)`` (exact when ``k`` is None, else estimated from the ``k`` source
    nodes networkx would sample), many times faster. Returns the values and the sample.

    >>> values, sample = betweenness(nx.path_graph(["a", "b", "c"]))
    >>> values, sample
    ({'a': 0.0, 'b': 1.0, 'c': 0.0}, None)
    """
    nodes = list(g)
    n = len(nodes)
    if n < 3 or g.number_of_edges() == 0:
        return dict.fromkeys(nodes, 0.0), None
    sample = None if k is None or k >= n else random.Random(seed).sample(nodes, k)
    index = {v: i for i, v in enumerate(nodes)}
    a = nx.to_scipy_sparse_array(g, nodelist=nodes, weight=None, format="csr")
    a.data[:] = 1.0
    n_comp, comp = csgraph.connected_components(a, directed=False)
    indptr, heads = a.indptr, a.indices
    tails = np.repeat(np.arange(n), np.diff(indptr))
    # the edges of each component, so that a search only looks at its own component
    order = np.argsort(comp[tails], kind="stable")
    tails, heads = tails[order], heads[order]
    bounds = np.searchsorted(comp[tails], np.arange(n_comp + 1))
    members = np.argsort(comp, kind="stable")  # the nodes of each component
    member_bounds = np.searchsorted(comp[members], np.arange(n_comp + 1))
    sources = list(range(n)) if sample is None else [index[v] for v in sample]
    bc = np.zeros(n)
    sigma = np.zeros(n)
    delta = np.zeros(n)
    batch = max(1, min(64, 4_000_000 // n))  # rows of distances held at once
    for b0 in range(0, len(sources), batch):
        chunk = sources[b0 : b0 + batch]
        dist = csgraph.shortest_path(a, unweighted=True, directed=False, indices=chunk)
        for j, s in enumerate(chunk):
            c = comp[s]
            lo, hi = bounds[c], bounds[c + 1]
            if hi == lo:
                continue
            t_c, h_c = tails[lo:hi], heads[lo:hi]
            d = dist[j]
            dt, dh = d[t_c], d[h_c]
            on_dag = dh == dt + 1  # all finite: the component is reachable from s
            u, v = t_c[on_dag], h_c[on_dag]
            level = dh[on_dag].astype(np.int64)
            by_level = np.argsort(level, kind="stable")
            u, v, level = u[by_level], v[by_level], level[by_level]
            top = int(level[-1])
            cuts = np.searchsorted(level, np.arange(1, top + 2))
            touched = members[member_bounds[c] : member_bounds[c + 1]]
            sigma[touched] = 0.0
            delta[touched] = 0.0
            sigma[s] = 1.0
            for lv in range(top):
                lo_l, hi_l = cuts[lv], cuts[lv + 1]
                np.add.at(sigma, v[lo_l:hi_l], sigma[u[lo_l:hi_l]])
            for lv in range(top - 1, -1, -1):
                lo_l, hi_l = cuts[lv], cuts[lv + 1]
                uu, vv = u[lo_l:hi_l], v[lo_l:hi_l]
                np.add.at(delta, uu, sigma[uu] / sigma[vv] * (1.0 + delta[vv]))
            delta[s] = 0.0
            bc[touched] += delta[touched]
    # networkx's normalisation (undirected, endpoints excluded), sampled or not
    if sample is None:
        scale = np.full(n, 1.0 / ((n - 1) * (n - 2)))
    else:
        kk = len(sample)
        scale = np.full(n, 1.0 / (kk * (n - 2)))
        if kk > 1:
            scale[[index[v] for v in sample]] = 1.0 / ((kk - 1) * (n - 2))
        else:
            scale[[index[v] for v in sample]] = math.nan
    values = bc * scale
    return {v: float(values[i]) for i, v in enumerate(nodes)}, sample


def betweenness_sample_size(n: int, m: int) -> int | None:
    """None (exact) for a small network; else how many sources to sample.

    >>> betweenness_sample_size(100, 150) is None
    True
    >>> betweenness_sample_size(20_000, 30_000)
    240
    """
    if n * (n + m) <= EXACT_BETWEENNESS_WORK:
        return None
    return min(n, max(MIN_BETWEENNESS_SAMPLE, SAMPLED_BETWEENNESS_WORK // max(1, n + m)))


def eigenvector_by_component(g: nx.Graph, weight: str | None = "weight") -> dict[Any, float]:
    """Eigenvector centrality computed in each connected component on its own, scaled so
    that the most central node of each component has 1 (igraph's ``scale=True``).

    A single node, or the two ends of an isolated pair, have 1.

    >>> g = nx.star_graph(3)
    >>> g.add_edge("x", "y")
    >>> {v: round(c, 4) for v, c in eigenvector_by_component(g, weight=None).items()}
    {0: 1.0, 1: 0.5774, 2: 0.5774, 3: 0.5774, 'x': 1.0, 'y': 1.0}
    """
    nodes = list(g)
    if not nodes:
        return {}
    a = nx.to_scipy_sparse_array(g, nodelist=nodes, weight=weight, format="csr").astype(float)
    n_comp, comp = csgraph.connected_components(a, directed=False)
    members = np.argsort(comp, kind="stable")
    bounds = np.searchsorted(comp[members], np.arange(n_comp + 1))
    values = np.ones(len(nodes))
    for c in range(n_comp):
        idx = members[bounds[c] : bounds[c + 1]]
        if len(idx) <= 2:
            continue  # a single node or an isolated pair: 1
        sub = a[idx][:, idx]
        if len(idx) <= 400:
            _, vecs = np.linalg.eigh(sub.toarray())
            vec = vecs[:, -1]
        else:
            v0 = np.ones(len(idx))
            _, vecs = eigsh(sub, k=1, which="LA", v0=v0, tol=1e-10, maxiter=10_000)
            vec = vecs[:, 0]
        vec = np.abs(vec)
        top = vec.max()
        values[idx] = vec / top if top > 0 else 1.0
    return {v: float(values[i]) for i, v in enumerate(nodes)}


def louvain(g: nx.Graph, seed: int = SEED) -> list[set[Any]]:
    """Louvain communities (networkx, weighted, resolution 1, fixed seed), largest first.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")])
    >>> g.add_edge("c", "x")
    >>> [sorted(c) for c in louvain(g)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    if g.number_of_edges() == 0:
        return [{v} for v in sorted(g, key=str)]
    comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
    return sorted(comms, key=lambda c: (-len(c), min(map(str, c))))


def modularity(g: nx.Graph, communities: list[set[Any]]) -> float | None:
    """Weighted modularity of a partition; None for a graph without edges.

    >>> g = nx.Graph([("a", "b"), ("x", "y")])
    >>> modularity(g, [{"a", "b"}, {"x", "y"}])
    0.5
    """
    if g.number_of_edges() == 0:
        return None
    return float(nx.community.modularity(g, communities, weight="weight"))


def tally(values: Iterable[str | None]) -> dict[str, int]:
    """How many times each value occurs, empty values left out.

    >>> tally(["japan", None, "korea", "japan", ""])
    {'japan': 2, 'korea': 1}
    """
    out: dict[str, int] = {}
    for v in values:
        if v:
            out[v] = out.get(v, 0) + 1
    return out


def concentration(counts: dict[str, int]) -> tuple[float | None, float | None]:
    """Share of the largest category and Shannon entropy in bits; None when empty.

    >>> concentration({"japan": 2, "korea": 1, "china": 1})
    (0.5, 1.5)
    """
    total = sum(counts.values())
    if not total:
        return None, None
    shares = [c / total for c in counts.values()]
    entropy = -sum(p * math.log2(p) for p in shares if p > 0)
    return round(max(shares), 4), round(entropy + 0.0, 4)


def rounded(x: float | None, nd: int = 6) -> float | None:
    """``x`` rounded to ``nd`` digits; None for None and NaN.

    >>> rounded(2 / 3), rounded(float("nan")), rounded(None)
    (0.666667, None, None)
    """
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(x, nd)


def pagerank(g: nx.Graph) -> dict[Any, float]:
    """Weighted PageRank (networkx, damping 0.85, tolerance ``PAGERANK_TOL``); 0 for every
    node of a graph without edges.

    >>> {v: round(p, 4) for v, p in pagerank(nx.star_graph(2)).items()}
    {0: 0.4865, 1: 0.2568, 2: 0.2568}
    """
    if not g.number_of_edges():
        return dict.fromkeys(g, 0.0)
    return dict(nx.pagerank(g, weight="weight", tol=PAGERANK_TOL, max_iter=1000))


def communities_of(partition: list[set[Any]]) -> dict[Any, int]:
    """The community number of each node of a partition (0 is the largest community).

    >>> communities_of([{"a", "b"}, {"c"}])["c"]
    1
    """
    return {v: i for i, c in enumerate(partition) for v in c}


@dataclass
class Centralities:
    """The centralities of every node (:func:`centralities`), with how they were made:
    the betweenness sample (None when exact) and the Louvain partition."""

    nodes: dict[Any, dict[str, Any]]
    sample: list[Any] | None
    partition: list[set[Any]]


def centralities(g: nx.Graph, betweenness_k: int | str | None = "auto") -> Centralities:
    """The centralities of every node of an undirected weighted graph, as shown for each
    actor: ``degree``, ``weighted_degree``, ``betweenness``, ``pagerank``, ``eigenvector``
    and ``community`` (rounded as in ``metrics.csv``). ``betweenness_k``: "auto" (exact
    for small graphs, sampled above), None (exact) or a number of sampled sources.

    >>> c = centralities(nx.path_graph(["a", "b", "c"]))
    >>> c.nodes["b"]["degree"], c.nodes["b"]["betweenness"], c.nodes["b"]["pagerank"]
    (2, 1.0, 0.486486)
    >>> c.nodes["a"]["eigenvector"], c.sample, len(c.partition)
    (0.707107, None, 1)
    """
    n, m = g.number_of_nodes(), g.number_of_edges()
    k = betweenness_sample_size(n, m) if betweenness_k == "auto" else betweenness_k
    btw, sample = betweenness(g, k=k)  # type: ignore[arg-type]
    pr = pagerank(g)
    eig = eigenvector_by_component(g) if n else {}
    partition = louvain(g) if n else []
    community = communities_of(partition)
    degree = dict(g.degree())
    strength = dict(g.degree(weight="weight"))
    nodes = {
        v: {
            "degree": degree.get(v, 0),
            "weighted_degree": float(strength.get(v, 0)),
            "betweenness": rounded(btw.get(v, 0.0)),
            "pagerank": rounded(pr.get(v, 0.0)),
            "eigenvector": rounded(eig.get(v)),
            "community": community.get(v),
        }
        for v in g
    }
    return Centralities(nodes, sample, partition)


def node_metrics(
    g: nx.Graph, betweenness_k: int | str | None = "auto"
) -> dict[Any, dict[str, Any]]:
    """The centralities of every node (see :func:`centralities`), keyed by node.

    >>> node_metrics(nx.path_graph(["a", "b"]))["a"]["pagerank"]
    0.5
    """
    return centralities(g, betweenness_k).nodes
