"""The metrics of the actor network: per actor, per network and per year, as plain dicts
(a notebook can use them directly; :mod:`graph.network.output` writes them as JSON, CSV,
GraphML, GEXF or RDF, :mod:`graph.network.tables` as text).

Per actor: partners (count and list) and their countries, activities, delegations sent
and received, people sent abroad, first and last year active, degree and weighted
degree, betweenness, PageRank, eigenvector centrality, community, and how concentrated
its partners and activities are across countries (share of the largest country, Shannon
entropy in bits). Per network and per year: size, density, components, Louvain
communities (fixed seed) and modularity; new partnerships, activities and people sent,
per year and cumulative. The centralities come from :func:`graph.network.algorithms.
centralities` on :func:`graph.network.projection.undirected` of the network; the choices
behind them are stated in ``network.notes``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.network.algorithms import (
    SEED,
    centralities,
    concentration,
    louvain,
    modularity,
    rounded,
    tally,
    undirected,
)
from graph.network.projection import actor_network, node_country, slug_of, snapshot

# per-year snapshots larger than this get no Louvain run (it would dominate the time)
YEARLY_COMMUNITIES_MAX_EDGES = 5_000

Activities = dict[str, dict[str, Any]]


def compute_metrics(
    source: Any,
    *,
    year: int | None = None,
    betweenness_k: int | str | None = "auto",
    engine: str = "auto",
) -> dict[str, Any]:
    """Per-actor, per-network and per-year metrics of a built graph.

    ``source``: an rdflib Graph or Dataset (the union of a build) or a pyoxigraph Store.
    ``year``: the network as it stood at the end of that year (links first dated then
    or before; undated links are left out). ``betweenness_k``: "auto" (exact for small
    networks, else a sample sized to keep it to seconds), None (always exact) or a
    number of sampled sources.
    """
    net = actor_network(source, engine)
    return metrics_of_network(net, year=year, betweenness_k=betweenness_k)


def network_stats(und: nx.Graph, partition: list[set[Any]]) -> dict[str, Any]:
    """Size, density, components, communities (of ``partition``) and modularity."""
    n, m = und.number_of_nodes(), und.number_of_edges()
    comps = sorted((len(c) for c in nx.connected_components(und)), reverse=True) if n else []
    return {
        "nodes": n,
        "edges": m,
        "density": rounded(nx.density(und), 6) if n > 1 else 0.0,
        "components": len(comps),
        "largest_component": comps[0] if comps else 0,
        "communities": len(partition),
        "modularity": rounded(modularity(und, partition), 4) if n else None,
    }


@dataclass
class _ActivityIndex:
    """Who took part in which activity, where it took place, who was sent abroad."""

    acts_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # actor -> (activity, people) for each activity that took the actor's people abroad
    sent: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    country: dict[str, str | None] = field(default_factory=dict)
    abroad: dict[str, int] = field(default_factory=dict)  # activity -> people sent abroad


def _location_country(full: nx.MultiDiGraph, activity: dict[str, Any]) -> str | None:
    locs = sorted(activity["roles"].get("location", ()))
    return node_country(full, locs[0]) if locs else None


def _index_activities(full: nx.MultiDiGraph, activities: Activities) -> _ActivityIndex:
    idx = _ActivityIndex()
    for act, d in activities.items():
        loc_country = _location_country(full, d)
        idx.country[act] = loc_country
        for actors in d["roles"].values():
            for actor in actors:
                idx.acts_of[actor].add(act)
        if not loc_country or d["count"] is None:
            continue
        for actor in d["roles"].get("participant", ()):
            home = node_country(full, actor)
            if home and loc_country != home:
                idx.sent[actor].append((act, d["count"]))
                idx.abroad[act] = d["count"]
    return idx


@dataclass
class _LinkIndex:
    """One pass over the links: partners, delegations, programmes, years of each actor."""

    partners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    deleg_to: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    deleg_from: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    programmes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    first_seen: dict[str, int] = field(default_factory=dict)
    last_seen: dict[str, int] = field(default_factory=dict)
    pair_first: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, u: str, v: str, key: str, e: dict[str, Any]) -> None:
        first = e["first_year"]
        if key == "partnersWith":
            self.partners[u].add(v)
            self.partners[v].add(u)
            if first is not None:
                for pair in ((u, v), (v, u)):
                    self.pair_first[pair] = min(self.pair_first.get(pair, first), first)
        elif key == "sendsDelegationTo":
            self.deleg_to[u][v] += e["sources"]
            self.deleg_from[v][u] += e["sources"]
        elif key == "participatesIn":
            self.programmes[u].add(v)
        if first is not None:
            for x in (u, v):
                self.first_seen[x] = min(self.first_seen.get(x, first), first)
                self.last_seen[x] = max(self.last_seen.get(x, e["last_year"]), e["last_year"])


def _index_links(net: nx.MultiDiGraph) -> _LinkIndex:
    idx = _LinkIndex()
    for u, v, key, e in net.edges(keys=True, data=True):
        idx.add(u, v, key, e)
    return idx


def _bump(by_year: dict[int, dict[str, int]], year: int | None, what: str, n: int = 1) -> None:
    if year is not None:
        row = by_year.setdefault(year, {"new_partners": 0, "activities": 0, "people_sent": 0})
        row[what] += n


@dataclass
class _Context:
    """Everything the row of one actor is made from."""

    activities: Activities
    acts: _ActivityIndex
    links: _LinkIndex
    labels: dict[str, str]
    country: dict[str, str | None]
    nodes: dict[Any, dict[str, Any]]  # the centralities of each node

    def names(self, iris: Iterable[str]) -> list[str]:
        return sorted(self.labels.get(i, slug_of(i)) for i in iris)


def _by_year(ctx: _Context, node: str, act_years: list[int]) -> list[dict[str, int]]:
    by_year: dict[int, dict[str, int]] = {}
    for p in ctx.links.partners.get(node, set()):
        _bump(by_year, ctx.links.pair_first.get((node, p)), "new_partners")
    for y in act_years:
        _bump(by_year, y, "activities")
    for a, count in ctx.acts.sent.get(node, []):
        _bump(by_year, ctx.activities[a]["year"], "people_sent", count)
    return [{"year": y, **by_year[y]} for y in sorted(by_year)]


def _actor_row(ctx: _Context, node: str, data: dict[str, Any]) -> dict[str, Any]:
    links = ctx.links
    mine = links.partners.get(node, set())
    own_acts = ctx.acts.acts_of.get(node, set())
    act_years = [
        ctx.activities[a]["year"] for a in own_acts if ctx.activities[a]["year"] is not None
    ]
    years = act_years + [y for y in (links.first_seen.get(node), links.last_seen.get(node)) if y]
    partner_countries = tally(ctx.country.get(p) for p in mine)
    activity_countries = tally(ctx.acts.country.get(a) for a in own_acts) if own_acts else {}
    p_share, p_entropy = concentration(partner_countries)
    a_share, a_entropy = concentration(activity_countries)
    cent = ctx.nodes[node]
    return {
        "actor": slug_of(node),
        "iri": node,
        "label": data["label"],
        "labels": data.get("labels", {}),
        "kind": data["kind"],
        "country": data.get("country"),
        "partner_count": len(mine),
        "partners": ctx.names(mine),
        "partner_country_count": len(partner_countries),
        "partner_countries": sorted(partner_countries),
        "activities": len(own_acts),
        "delegations_sent": sum(links.deleg_to[node].values()) if node in links.deleg_to else 0,
        "delegations_received": (
            sum(links.deleg_from[node].values()) if node in links.deleg_from else 0
        ),
        "delegations_to": ctx.names(links.deleg_to.get(node, ())),
        "delegations_from": ctx.names(links.deleg_from.get(node, ())),
        "people_sent": sum(c for _, c in ctx.acts.sent.get(node, [])),
        "programmes": ctx.names(links.programmes.get(node, ())),
        "first_year": min(years) if years else None,
        "last_year": max(years) if years else None,
        **cent,
        "partner_top_country_share": p_share,
        "partner_country_entropy": p_entropy,
        "activity_top_country_share": a_share,
        "activity_country_entropy": a_entropy,
        "by_year": _by_year(ctx, node, act_years),
    }


def _notes(n: int, sample: list[Any] | None, year: int | None, undated: int) -> list[str]:
    notes = [
        "centralities on the undirected network: a pair is linked when any relation links "
        "it, weighted by the sum of the documents supporting its relations",
        (
            "betweenness: exact"
            if sample is None
            else f"betweenness: estimated from {len(sample)} of {n} actors sampled as sources "
            f"(seed {SEED}); exact would take about {n // max(1, len(sample))} times longer"
        ),
        "eigenvector centrality: within each connected component (1 = its most central actor)",
        f"communities: Louvain (networkx, weighted, resolution 1, seed {SEED})",
    ]
    if year is not None:
        notes.append(
            f"the network at the end of {year}: links first dated {year} or before "
            f"({undated} undated link(s) left out); a link still counts all its sources"
        )
    return notes


def _edge_rows(net: nx.MultiDiGraph) -> list[dict[str, Any]]:
    return [
        {
            "source": slug_of(u),
            "target": slug_of(v),
            "relation": key,
            "sources": d["sources"],
            "activities": d["activities"],
            "participants": d["participants"],
            "first_year": d["first_year"],
            "last_year": d["last_year"],
        }
        for u, v, key, d in sorted(net.edges(keys=True, data=True), key=lambda e: e[:3])
    ]


def metrics_of_network(
    full: nx.MultiDiGraph, *, year: int | None = None, betweenness_k: int | str | None = "auto"
) -> dict[str, Any]:
    """The metrics of an actor network made by
    :func:`graph.network.projection.actor_network`."""
    activities: Activities = full.graph.get("activities", {})
    net = snapshot(full, year) if year is not None else full
    if year is not None:
        activities = {
            a: d for a, d in activities.items() if d["year"] is not None and d["year"] <= year
        }
    und = undirected(net)
    cent = centralities(und, betweenness_k)
    stats = network_stats(und, cent.partition)
    acts = _index_activities(full, activities)
    ctx = _Context(
        activities=activities,
        acts=acts,
        links=_index_links(net),
        labels={iri: str(d["label"]) for iri, d in full.nodes(data=True)},
        country={iri: node_country(full, iri) for iri in net},
        nodes=cent.nodes,
    )
    actors = [_actor_row(ctx, node, data) for node, data in net.nodes(data=True)]
    actors.sort(key=lambda a: (-(a["pagerank"] or 0.0), a["label"], a["actor"]))
    for i, a in enumerate(actors):
        a["rank"] = i + 1

    sample, n = cent.sample, stats["nodes"]
    undated = sum(1 for *_, d in full.edges(data=True) if d.get("first_year") is None)
    network = {
        **stats,
        "links": net.number_of_edges(),
        "relations": dict(sorted(Counter(key for _, _, key in net.edges(keys=True)).items())),
        "activities": len(activities),
        "people_sent": sum(acts.abroad.values()),
        "year": year,
        "undated_links": undated,
        "betweenness": "exact" if sample is None else f"sampled (k={len(sample)}, seed={SEED})",
        "betweenness_sample": len(sample) if sample is not None else None,
        "eigenvector": "per connected component, max 1",
        "community_method": f"louvain (networkx, weight, resolution 1, seed {SEED})",
        "notes": _notes(n, sample, year, undated),
    }
    return {
        "network": network,
        "years": yearly(full, activities_all=full.graph.get("activities", {}), until=year),
        "actors": actors,
        "edges": _edge_rows(net),
    }


# --- per year ---------------------------------------------------------------------------------


def _yearly_counts(
    net: nx.MultiDiGraph, activities_all: Activities
) -> tuple[Counter[int], Counter[int], Counter[int]]:
    """New partnerships (pairs first dated that year), activities and people sent abroad,
    per year."""
    first: dict[frozenset[str], int] = {}
    for u, v, key, d in net.edges(keys=True, data=True):
        if key == "partnersWith" and d["first_year"] is not None:
            pair = frozenset((u, v))
            first[pair] = min(first.get(pair, d["first_year"]), d["first_year"])
    new_by_year = Counter(first.values())
    acts_by_year: Counter[int] = Counter()
    people_by_year: Counter[int] = Counter()
    for d in activities_all.values():
        if d["year"] is None:
            continue
        acts_by_year[d["year"]] += 1
        loc_country = _location_country(net, d)
        homes = {node_country(net, p) for p in d["roles"].get("participant", ())}
        if d["count"] is not None and loc_country and any(h and h != loc_country for h in homes):
            people_by_year[d["year"]] += d["count"]
    return new_by_year, acts_by_year, people_by_year


class _GrowingNetwork:
    """The network grown link by link, its components kept in a union-find (a snapshot
    per year would cost a pass over all links)."""

    def __init__(self) -> None:
        self.und = nx.Graph()
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}
        self.components = 0
        self.largest = 0

    def _find(self, x: str) -> str:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def add(self, u: str, v: str, w: int) -> None:
        for x in (u, v):
            if x not in self.parent:
                self.parent[x], self.size[x] = x, 1
                self.components += 1
                self.largest = max(self.largest, 1)
                self.und.add_node(x)
        if self.und.has_edge(u, v):
            self.und[u][v]["weight"] += w
        else:
            self.und.add_edge(u, v, weight=w)
        ru, rv = self._find(u), self._find(v)
        if ru != rv:
            if self.size[ru] < self.size[rv]:
                ru, rv = rv, ru
            self.parent[rv] = ru
            self.size[ru] += self.size[rv]
            self.components -= 1
            self.largest = max(self.largest, self.size[ru])

    def stats(self) -> dict[str, Any]:
        und = self.und
        n, m = und.number_of_nodes(), und.number_of_edges()
        row: dict[str, Any] = {
            "nodes": n,
            "edges": m,
            "density": rounded(nx.density(und), 6) if n > 1 else 0.0,
            "components": self.components,
            "largest_component": self.largest,
            "communities": None,
            "modularity": None,
        }
        if n and m <= YEARLY_COMMUNITIES_MAX_EDGES:
            comms = louvain(und)
            row["communities"] = len(comms)
            row["modularity"] = rounded(modularity(und, comms), 4)
        return row


def yearly(
    net: nx.MultiDiGraph, activities_all: Activities, until: int | None = None
) -> list[dict[str, Any]]:
    """Per year in which something happened: new partnerships (pairs first dated that
    year), activities, people sent abroad, their running totals, and the network as it
    stood at the end of the year."""
    new_by_year, acts_by_year, people_by_year = _yearly_counts(net, activities_all)
    edge_years = {d["first_year"] for *_, d in net.edges(data=True) if d["first_year"]}
    years = sorted(set(new_by_year) | set(acts_by_year) | edge_years)
    if until is not None:
        years = [y for y in years if y <= until]
    dated = sorted(
        (
            (d["first_year"], u, v, d.get("weight", 1))
            for u, v, d in net.edges(data=True)
            if d["first_year"] is not None and u != v
        ),
        key=lambda e: e[0],
    )
    grown = _GrowingNetwork()
    out = []
    cum_new = cum_acts = cum_people = 0
    i = 0
    for y in years:
        while i < len(dated) and dated[i][0] <= y:
            _, u, v, w = dated[i]
            i += 1
            grown.add(u, v, w)
        cum_new += new_by_year[y]
        cum_acts += acts_by_year[y]
        cum_people += people_by_year[y]
        out.append(
            {
                "year": y,
                "new_partnerships": new_by_year[y],
                "activities": acts_by_year[y],
                "people_sent": people_by_year[y],
                "cumulative_partnerships": cum_new,
                "cumulative_activities": cum_acts,
                "cumulative_people_sent": cum_people,
                **grown.stats(),
            }
        )
    return out
