"""Metrics stage: the actor network as a networkx graph, and partnership metrics on it.

The projection is a SPARQL query shipped with the ontology
(``ontology/queries/actor-network.rq``): every direct relation between two actors (local
governments, countries, organisations, programmes), weighted by the number of source
documents that state it. Functions return plain dicts so a notebook can use them
directly.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import RDFS, Graph
from rdflib.term import Node

from graph.query import run_query, to_csv_rows
from graph.rdf import KM
from graph.resources import ontology_dir

ACTOR_NETWORK_QUERY = "actor-network.rq"
LG_KINDS = {"LocalGovernment", "CityGovernment", "RegencyGovernment", "ProvincialGovernment"}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def preferred_label(g: Graph, node: Node, lang: str = "en") -> str:
    """The label of ``node`` in ``lang``, else an untagged one, else any, else its slug."""
    labels = {getattr(lbl, "language", None): str(lbl) for lbl in g.objects(node, RDFS.label)}
    for choice in (lang, None, "en", "id"):
        if choice in labels:
            return labels[choice]
    return next(iter(sorted(labels.values())), _local(str(node)))


def actor_network(g: Graph) -> nx.MultiDiGraph:
    """The actor network of a built graph.

    Nodes carry ``label``, ``kind`` (km class) and ``country``; edges carry ``relation``
    and ``weight`` (documents stating the fact).
    """
    query = (ontology_dir() / "queries" / ACTOR_NETWORK_QUERY).read_text(encoding="utf-8")
    net = nx.MultiDiGraph()
    result = run_query(g, query)
    assert result is not None
    for row in result:
        s, p, o = str(row.s), _local(str(row.p)), str(row.o)
        for node, kind in ((row.s, row.sKind), (row.o, row.oKind)):
            if str(node) not in net:
                country = g.value(node, KM.country)
                net.add_node(
                    str(node),
                    label=preferred_label(g, node),
                    kind=_local(str(kind)),
                    country=_local(str(country)) if country else None,
                )
        net.add_edge(s, o, key=p, relation=p, weight=int(row.sources))
    return net


def _undirected(net: nx.MultiDiGraph) -> nx.Graph:
    und = nx.Graph()
    und.add_nodes_from(net.nodes(data=True))
    for u, v, data in net.edges(data=True):
        w = data.get("weight", 1)
        if und.has_edge(u, v):
            und[u][v]["weight"] += w
        else:
            und.add_edge(u, v, weight=w)
    return und


def country_of(net: nx.MultiDiGraph, node: str) -> str | None:
    data = net.nodes[node]
    if data.get("kind") == "Country":
        return _local(node)
    return data.get("country")


@dataclass
class ActorMetrics:
    actor: str
    label: str
    kind: str
    partners: list[str] = field(default_factory=list)
    partner_count: int = 0
    partner_countries: list[str] = field(default_factory=list)
    delegations_to: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    degree: int = 0
    weighted_degree: float = 0.0
    betweenness: float = 0.0
    pagerank: float = 0.0
    top_country_share: float | None = None


def compute_metrics(g: Graph) -> dict[str, object]:
    """Per-actor and whole-network metrics of a built graph.

    Betweenness is exact below 2,000 nodes, sampled (k=500, seed 42) above, which the
    output says under ``network.betweenness``.
    """
    net = actor_network(g)
    und = _undirected(net)
    n = und.number_of_nodes()
    if n:
        k = None if n <= 2000 else 500
        betweenness = nx.betweenness_centrality(und, k=k, seed=42, normalized=True)
        pagerank = nx.pagerank(und, weight="weight") if und.number_of_edges() else {}
    else:
        k, betweenness, pagerank = None, {}, {}
    actors: list[ActorMetrics] = []
    for node, data in sorted(net.nodes(data=True), key=lambda x: x[1]["label"]):
        am = ActorMetrics(actor=_local(node), label=data["label"], kind=data["kind"])
        partners = set()
        delegations = set()
        programmes = set()
        for _, other, rel in list(net.out_edges(node, keys=True)) + [
            (v, u, r) for u, v, r in net.in_edges(node, keys=True)
        ]:
            if rel == "partnersWith":
                partners.add(other)
        for _, other, rel in net.out_edges(node, keys=True):
            if rel == "sendsDelegationTo":
                delegations.add(other)
            if rel == "participatesIn":
                programmes.add(other)
        am.partners = sorted(net.nodes[p]["label"] for p in partners)
        am.partner_count = len(partners)
        countries = Counter(c for p in partners if (c := country_of(net, p)))
        am.partner_countries = sorted(countries)
        if countries:
            am.top_country_share = round(max(countries.values()) / sum(countries.values()), 3)
        am.delegations_to = sorted(net.nodes[p]["label"] for p in delegations)
        am.programmes = sorted(net.nodes[p]["label"] for p in programmes)
        am.degree = und.degree(node)
        am.weighted_degree = float(und.degree(node, weight="weight"))
        am.betweenness = round(betweenness.get(node, 0.0), 4)
        am.pagerank = round(pagerank.get(node, 0.0), 4)
        actors.append(am)
    actors.sort(key=lambda a: (-a.pagerank, a.label))
    by_relation: dict[str, int] = defaultdict(int)
    for _, _, rel in net.edges(keys=True):
        by_relation[rel] += 1
    network = {
        "nodes": n,
        "edges": und.number_of_edges(),
        "relations": dict(sorted(by_relation.items())),
        "density": round(nx.density(und), 4) if n > 1 else 0.0,
        "components": nx.number_connected_components(und) if n else 0,
        "betweenness": "exact" if k is None else f"sampled (k={k}, seed=42)",
    }
    return {"network": network, "actors": [asdict(a) for a in actors]}


CSV_COLUMNS = [
    "actor",
    "label",
    "kind",
    "partner_count",
    "partners",
    "partner_countries",
    "delegations_to",
    "programmes",
    "degree",
    "weighted_degree",
    "betweenness",
    "pagerank",
    "top_country_share",
]


def metrics_rows(metrics: dict[str, object]) -> list[dict[str, object]]:
    rows = []
    for a in metrics["actors"]:  # type: ignore[union-attr]
        row = dict(a)
        for col in ("partners", "partner_countries", "delegations_to", "programmes"):
            row[col] = "; ".join(row[col])
        rows.append(row)
    return rows


def to_csv(metrics: dict[str, object]) -> str:
    return to_csv_rows(metrics_rows(metrics), CSV_COLUMNS)


def to_table(metrics: dict[str, object], top: int | None = None) -> str:
    cols = [
        "label",
        "kind",
        "partner_count",
        "partner_countries",
        "degree",
        "weighted_degree",
        "betweenness",
        "pagerank",
    ]
    rows = metrics_rows(metrics)[: top or None]
    cells = [[str(r[c]) if r[c] is not None else "" for c in cols] for r in rows]
    widths = [max([len(c), *(min(len(x[i]), 40) for x in cells)]) for i, c in enumerate(cols)]

    def fmt(vals: list[str]) -> str:
        return "  ".join(
            (v if len(v) <= 40 else v[:37] + "...").ljust(w)
            for v, w in zip(vals, widths, strict=True)
        ).rstrip()

    net = metrics["network"]
    head = (
        f"actor network: {net['nodes']} actors, {net['edges']} links, density {net['density']}, "  # type: ignore[index]
        f"{net['components']} components; betweenness {net['betweenness']}"  # type: ignore[index]
    )
    return "\n".join([head, "", fmt(cols), fmt(["-" * w for w in widths]), *map(fmt, cells)]) + "\n"


def write_metrics(metrics: dict[str, object], out_dir: Path) -> list[Path]:
    """Write ``metrics.json`` and ``metrics.csv`` atomically."""
    from graph.build import write_text

    return [
        write_text(
            out_dir / "metrics.json", json.dumps(metrics, ensure_ascii=False, indent=2) + "\n"
        ),
        write_text(out_dir / "metrics.csv", to_csv(metrics)),
    ]
