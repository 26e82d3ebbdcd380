"""The metrics the page shows: those of the actor network, from the same projection and
the same functions as ``kotamitra metrics`` (:mod:`graph.network`), so the PageRank on
the page is the PageRank in ``metrics.csv``. People and activities, drawn too, are not
actors: they get only ``sources`` (the articles stating their relations)."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.network import node_metrics as actor_metrics
from graph.network import project
from graph.viz.drawn import _edge_sources
from graph.viz.labels import BETWEENNESS_EXACT_MAX, BETWEENNESS_SAMPLES

#: The actor network's metrics the page can size nodes by.
ACTOR_METRICS = ("pagerank", "degree", "betweenness")


def page_metrics(
    source: Any, net: nx.MultiDiGraph, *, betweenness: bool | None = None
) -> dict[str, dict[str, float]]:
    """Per drawn node: ``sources``, and for actors ``pagerank``, ``degree`` and
    ``betweenness`` of the actor network of ``source`` (an rdflib Graph or Dataset, or a
    pyoxigraph Store), exactly as ``kotamitra metrics`` computes them. ``betweenness``:
    False leaves it out (it is the costly one); otherwise it is computed as the metrics
    command does (sampled with a fixed seed above a size)."""
    actors = actor_metrics(project(source))
    out: dict[str, dict[str, float]] = {}
    for node, own in _sources(net).items():
        m: dict[str, float] = {"sources": own}
        found = actors.get(node)
        if found is not None:
            for key in ACTOR_METRICS:
                if key == "betweenness" and betweenness is False:
                    continue
                if found.get(key) is not None:
                    m[key] = found[key]
        out[node] = m
    return out


def _sources(net: nx.MultiDiGraph) -> dict[str, int]:
    docs: dict[str, set[Any]] = {n: set() for n in net.nodes}
    for u, v, data in net.edges(data=True):
        for e in data.get("evidence") or []:
            key = e.get("source") or (e.get("headline"), e.get("url"), e.get("date"))
            docs[u].add(key)
            docs[v].add(key)
    return {n: len(d) for n, d in docs.items()}


def node_metrics(
    net: nx.MultiDiGraph, *, betweenness: bool | None = None
) -> dict[str, dict[str, float]]:
    """Metrics of a drawn network without its RDF graph (a network built or filtered by
    hand): per node ``pagerank``, ``degree`` (distinct neighbours), ``sources`` (distinct
    articles stating its relations) and, when computed, ``betweenness``. A page of a
    built graph uses :func:`page_metrics` instead.

    They are measured on ``net`` seen as an undirected graph whose links weigh the number of
    sources of the edges between two nodes (at least 1), so every drawn node (people and
    activities too) has a value.  ``betweenness``: ``None`` computes it exactly up to
    :data:`BETWEENNESS_EXACT_MAX` nodes and skips it above; ``True`` always computes it
    (from 200 sampled sources, seed 42, above that size); ``False`` never.
    """
    und = nx.Graph()
    und.add_nodes_from(net.nodes)
    docs: dict[str, set[Any]] = {n: set() for n in net.nodes}
    for u, v, data in net.edges(data=True):
        weight = max(1, int(data.get("sources") or _edge_sources(data)))
        if u != v:
            if und.has_edge(u, v):
                und[u][v]["weight"] += weight
            else:
                und.add_edge(u, v, weight=weight)
        for e in data.get("evidence") or []:
            key = e.get("source") or (e.get("headline"), e.get("url"), e.get("date"))
            docs[u].add(key)
            docs[v].add(key)
    n = und.number_of_nodes()
    if not n:
        return {}
    pagerank = (
        nx.pagerank(und, weight="weight")
        if und.number_of_edges()
        else dict.fromkeys(und.nodes, 1.0 / n)
    )
    between: dict[str, float] | None = None
    if betweenness or (betweenness is None and n <= BETWEENNESS_EXACT_MAX):
        k = None if n <= BETWEENNESS_EXACT_MAX else BETWEENNESS_SAMPLES
        between = nx.betweenness_centrality(und, k=k, seed=42, normalized=True)
    out: dict[str, dict[str, float]] = {}
    for node in und.nodes:
        m: dict[str, float] = {
            "pagerank": float(f"{pagerank.get(node, 0.0):.4g}"),
            "degree": und.degree(node),
            "sources": len(docs[node]),
        }
        if between is not None:
            m["betweenness"] = float(f"{between.get(node, 0.0):.4g}")
        out[node] = m
    return out
