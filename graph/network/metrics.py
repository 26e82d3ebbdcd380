"""Metrics stage: the actor network as a networkx graph, and partnership metrics on it.

The network is data: the SPARQL query ``ontology/queries/actor-network.rq`` defines its
nodes (local governments, countries, foreign cities, organisations, programmes) and its
edges, one per relation between two actors, with the documents, activities and
participants that support it. The query runs on Oxigraph when pyoxigraph is installed
and on rdflib otherwise; both give the same rows.

On that network, per actor: partners (count and list) and their countries, activities,
delegations sent and received, people sent abroad, first and last year active, degree
and weighted degree, betweenness, PageRank, eigenvector centrality, community, and how
concentrated its partners and activities are across countries (share of the largest
country, Shannon entropy in bits). Per network and per year: size, density, components,
Louvain communities (fixed seed) and modularity; new partnerships, activities and people
sent, per year and cumulative. Everything is returned as plain dicts (a notebook can use
them directly), and can be written as JSON, CSV, GraphML, GEXF, or RDF in a named graph
of its own (``kmr:graph/metrics``) so that SPARQL can rank actors by them.

Choices a reader of the numbers should know (also stated in ``network.notes``):

- centralities are computed on the undirected simple graph: two actors are adjacent if
  any relation links them, the weight of the pair is the sum of the supporting documents
  of those relations; PageRank and eigenvector centrality use the weight, betweenness
  counts hops;
- betweenness is normalised (networkx convention) and exact when the network is small
  enough (``nodes * (nodes + edges) <= EXACT_BETWEENNESS_WORK``); above, it is estimated
  from a fixed sample of source actors (Brandes, seed 42, the sample networkx draws);
- eigenvector centrality is computed in each connected component separately (it is not
  defined across components) and scaled so that the most central actor of each
  component has 1;
- communities: Louvain (networkx, resolution 1, seed 42, weighted).
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from rdflib import RDF, XSD, Dataset, Graph, Literal, Namespace, URIRef

from graph.rdf.triples import ENTITY_CLASSES, KM, KMR, PREFIXES, bind
from graph.resources import ontology_dir

ACTOR_NETWORK_QUERY = "actor-network.rq"
# the entity classes that are actors: all but people, policies and agreements
ACTOR_KINDS = tuple(c for c in ENTITY_CLASSES if c not in {"Person", "Policy", "Agreement"})
ACTIVITY_KINDS = ("Activity", "Training", "Visit", "Meeting", "Signing", "Exchange")
HOME_COUNTRY = "indonesia"
SEED = 42
# exact betweenness when nodes * (nodes + edges) is at most this (a few seconds);
# otherwise sampled, with as many sources as SAMPLED_BETWEENNESS_WORK allows
EXACT_BETWEENNESS_WORK = 20_000_000
SAMPLED_BETWEENNESS_WORK = 12_000_000
MIN_BETWEENNESS_SAMPLE = 64
# per-year snapshots larger than this get no Louvain run (it would dominate the time)
YEARLY_COMMUNITIES_MAX_EDGES = 5_000
# networkx stops PageRank when the summed change is below nodes * tol: 1e-10 keeps the
# values within about 1e-7 of the fixed point even on 20,000 actors
PAGERANK_TOL = 1e-10
METRICS_GRAPH = KMR["graph/metrics"]
KMNS = Namespace(str(KM._NS))  # metric terms (declared in ontology/kotamitra.ttl)

_KIND_FILTER = ", ".join(f"km:{k}" for k in ACTOR_KINDS)
_ACTIVITY_FILTER = ", ".join(f"km:{k}" for k in ACTIVITY_KINDS)
# The attributes of every actor: labels (with their language), country, Kemendagri code.
NODE_QUERY = f"""
SELECT DISTINCT ?node ?kind ?label (LANG(?label) AS ?lang) ?country ?code WHERE {{
  ?node a ?kind .
  FILTER(?kind IN ({_KIND_FILTER}))
  OPTIONAL {{ ?node rdfs:label ?label }}
  OPTIONAL {{ ?node km:country ?country }}
  OPTIONAL {{ ?node km:kemendagriCode ?code }}
}}
"""
# Every role of an actor in an activity, with the activity's size, start and source date.
ACTIVITY_QUERY = f"""
SELECT DISTINCT ?act ?type ?role ?actor ?count ?start ?published WHERE {{
  ?act a ?type ;
       ?role ?actor .
  ?actor a ?kind .
  FILTER(?type IN ({_ACTIVITY_FILTER}))
  FILTER(?kind IN ({_KIND_FILTER}))
  FILTER(?role IN (km:participant, km:location, km:organizedBy, km:fundedBy))
  OPTIONAL {{ ?act km:participantCount ?count }}
  OPTIONAL {{ ?act km:startDate ?start }}
  OPTIONAL {{ ?act km:evidence/prov:wasQuotedFrom/schema:datePublished ?published }}
}}
"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def slug_of(iri: str) -> str:
    """``https://w3id.org/kotamitra/id/kota-jambi`` → ``kota-jambi``."""
    base = str(KMR)
    return iri[len(base) :] if iri.startswith(base) else iri


# --- running the queries ----------------------------------------------------------------------

Row = dict[str, Any]
Runner = Callable[[str], list[Row]]


def _prefixes() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _py(term: Any) -> Any:
    """An rdflib or pyoxigraph term as a Python value: IRIs and strings as str, numbers
    as int or float."""
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    value = getattr(term, "value", None)
    if value is None or isinstance(term, Literal):
        value = str(term)
    dt = str(getattr(datatype, "value", datatype) or "")
    if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
        return int(value)
    if dt.endswith(("#decimal", "#double", "#float")):
        return float(value)
    return str(value)


def _oxigraph_runner(store: Any, union: bool = False) -> Runner:
    def run(query: str) -> list[Row]:
        result = store.query(_prefixes() + query, use_default_graph_as_union=union)
        names = [v.value for v in result.variables]
        return [{n: _py(sol[n]) for n in names} for sol in result]

    return run


def _rdflib_runner(g: Graph) -> Runner:
    from graph.sparql.query import run_query

    def run(query: str) -> list[Row]:
        result = run_query(g, query)
        assert result is not None
        names = [str(v) for v in result.vars or []]
        return [{n: _py(row[n]) for n in names} for row in result]

    return run


def _is_oxigraph(source: Any) -> bool:
    return type(source).__module__.startswith("pyoxigraph")


def query_runner(source: Any, engine: str = "auto") -> Runner:
    """A function running SELECT queries over ``source``: an rdflib Graph or Dataset (its
    union), or a ``pyoxigraph.Store`` (the union of its graphs). ``engine`` "auto" uses
    Oxigraph when pyoxigraph is installed (the triples are copied into an in-memory
    store), "rdflib" forces rdflib's own engine (slower; the results are the same)."""
    if isinstance(source, UnionStore):
        return _oxigraph_runner(source.store)
    if _is_oxigraph(source):
        return _oxigraph_runner(source, union=True)
    if engine not in {"auto", "oxigraph", "rdflib"}:
        raise ValueError(f"unknown SPARQL engine {engine!r}")
    if engine != "rdflib":
        try:
            import pyoxigraph as ox
        except ImportError:
            if engine == "oxigraph":
                raise
        else:
            store = ox.Store()
            # every triple once, in the default graph: the union of the named graphs
            graphs = (
                list(source.graphs())
                if isinstance(source, Dataset) and not source.default_union
                else [source]
            )
            for g in graphs:
                if len(g):
                    data = g.serialize(format="nt", encoding="utf-8")
                    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
            return _oxigraph_runner(store)
    if isinstance(source, Dataset) and not source.default_union:
        from graph.rdf.triples import union_graph

        source = union_graph(source)
    return _rdflib_runner(source)


def open_graph(path: Path | str) -> Any:
    """A built graph for the metrics: a folder or a .trig/.ttl/.nt/.nq file, read into an
    in-memory Oxigraph store (the union of its graphs, much faster than rdflib on large
    graphs) or, without pyoxigraph, into an rdflib Dataset. ``graph.sparql.query.QueryError``
    when there is no graph or it cannot be parsed."""
    from graph.sparql.query import QueryError, find_graph_file, load_graph

    file = find_graph_file(Path(path))
    try:
        import pyoxigraph as ox
    except ImportError:
        return load_graph(file)
    fmt = {
        ".trig": ox.RdfFormat.TRIG,
        ".nq": ox.RdfFormat.N_QUADS,
        ".nt": ox.RdfFormat.N_TRIPLES,
    }.get(file.suffix.lower(), ox.RdfFormat.TURTLE)
    store = ox.Store()
    try:
        store.bulk_extend(
            ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(path=str(file), format=fmt)
        )
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{file}: cannot parse the graph: {exc}") from None
    return UnionStore(store)


class UnionStore:
    """A pyoxigraph store whose default graph already holds the union of its named graphs
    (as a built store does), so queries need no union of graphs."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def __len__(self) -> int:
        return len(self.store)


def actor_network_query() -> str:
    """The text of the shipped projection query (``ontology/queries/actor-network.rq``)."""
    return (ontology_dir() / "queries" / ACTOR_NETWORK_QUERY).read_text(encoding="utf-8")


# --- the network --------------------------------------------------------------------------------


def _years(text: Any) -> list[int]:
    return sorted({int(y) for y in str(text or "").split() if y.isdigit()})


def _preferred(labels: dict[str, str], lang: str = "en") -> str | None:
    for choice in (lang, "", "en", "id"):
        if choice in labels:
            return labels[choice]
    return next(iter(sorted(labels.values())), None)


def actor_network(source: Any, engine: str = "auto") -> nx.MultiDiGraph:
    """The actor network of a built graph (rdflib Graph/Dataset or pyoxigraph Store).

    Nodes are IRIs with ``label`` (English, else untagged, else Indonesian), ``labels``
    (by language), ``kind`` (km class) and ``country`` (slug, or None); edges are keyed
    by relation (the km property) and carry ``relation``, ``weight`` (= ``sources``),
    ``sources``, ``activities``, ``participants``, ``first_year``, ``last_year`` and
    ``years``. The graph attribute ``activities`` holds every activity with the roles of
    its actors (also those of actors that no relation links)."""
    run = query_runner(source, engine)
    return _network_from_rows(run(actor_network_query()), run(NODE_QUERY), run(ACTIVITY_QUERY))


def _network_from_rows(edges: list[Row], nodes: list[Row], acts: list[Row]) -> nx.MultiDiGraph:
    attrs: dict[str, dict[str, Any]] = {}
    for r in nodes:
        a = attrs.setdefault(r["node"], {"labels": {}})
        if r.get("label") is not None:
            lang = r.get("lang") or ""
            cur = a["labels"].get(lang)
            if cur is None or r["label"] < cur:
                a["labels"][lang] = r["label"]
        if r.get("country"):
            a["country"] = slug_of(r["country"])
        if r.get("code"):
            a["code"] = r["code"]
    net = nx.MultiDiGraph()

    def add_node(iri: str, kind: str) -> None:
        if iri in net:
            return
        a = attrs.get(iri, {})
        kind = _local(kind)
        country = a.get("country")
        if kind == "Country":
            country = slug_of(iri)
        elif country is None and a.get("code"):
            country = HOME_COUNTRY
        labels = a.get("labels", {})
        net.add_node(
            iri,
            label=_preferred(labels) or slug_of(iri),
            labels=labels,
            kind=kind,
            country=country,
        )

    for r in edges:
        s, o = r["s"], r["o"]
        add_node(s, r["sKind"])
        add_node(o, r["oKind"])
        years = _years(r.get("startYears")) + _years(r.get("reportYears"))
        rel = _local(r["p"])
        net.add_edge(
            s,
            o,
            key=rel,
            relation=rel,
            weight=int(r["sources"]),
            sources=int(r["sources"]),
            activities=int(r["activities"] or 0),
            participants=int(r["participants"] or 0),
            first_year=min(years) if years else None,
            last_year=max(years) if years else None,
            years=sorted(set(years)),
        )
    activities: dict[str, dict[str, Any]] = {}
    for r in acts:
        act = activities.setdefault(
            r["act"],
            {"type": _local(r["type"]), "roles": defaultdict(set), "count": None, "year": None},
        )
        act["roles"][_local(r["role"])].add(r["actor"])
        if r.get("count") is not None:
            act["count"] = int(r["count"])
        year = None
        if r.get("start"):
            year = int(str(r["start"])[:4])
        elif r.get("published"):
            year = int(str(r["published"])[:4])
        if year is not None and (act["year"] is None or year < act["year"]):
            act["year"] = year
    net.graph["activities"] = activities
    net.graph["node_attrs"] = {
        iri: {"country": a.get("country"), "code": a.get("code")} for iri, a in attrs.items()
    }
    return net


# --- algorithms ---------------------------------------------------------------------------------


def undirected(net: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of the network: the weight of a pair is the sum of
    the supporting documents of all relations between the two actors."""
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
    """
    from scipy.sparse import csgraph

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
    """None (exact) for a small network; else how many sources to sample."""
    if n * (n + m) <= EXACT_BETWEENNESS_WORK:
        return None
    return min(n, max(MIN_BETWEENNESS_SAMPLE, SAMPLED_BETWEENNESS_WORK // max(1, n + m)))


def eigenvector_by_component(g: nx.Graph, weight: str | None = "weight") -> dict[Any, float]:
    """Eigenvector centrality computed in each connected component on its own, scaled so
    that the most central node of each component has 1 (igraph's ``scale=True``).

    A single node, or the two ends of an isolated pair, have 1.
    """
    from scipy.sparse import csgraph
    from scipy.sparse.linalg import eigsh

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
    """Louvain communities (networkx, weighted, resolution 1, fixed seed), largest first."""
    if g.number_of_edges() == 0:
        return [{v} for v in sorted(g, key=str)]
    comms = nx.community.louvain_communities(g, weight="weight", seed=seed)
    return sorted(comms, key=lambda c: (-len(c), min(map(str, c))))


def modularity(g: nx.Graph, communities: list[set[Any]]) -> float | None:
    if g.number_of_edges() == 0:
        return None
    return float(nx.community.modularity(g, communities, weight="weight"))


def _tally(values: Iterable[str | None]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        if v:
            out[v] = out.get(v, 0) + 1
    return out


def concentration(counts: dict[str, int]) -> tuple[float | None, float | None]:
    """Share of the largest category and Shannon entropy in bits; None when empty.

    >>> concentration(Counter({"japan": 2, "korea": 1, "china": 1}))
    (0.5, 1.5)
    """
    total = sum(counts.values())
    if not total:
        return None, None
    shares = [c / total for c in counts.values()]
    entropy = -sum(p * math.log2(p) for p in shares if p > 0)
    return round(max(shares), 4), round(entropy + 0.0, 4)


def _r(x: float | None, nd: int = 6) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(x, nd)


# --- the metrics ----------------------------------------------------------------------------


def _snapshot(net: nx.MultiDiGraph, year: int) -> nx.MultiDiGraph:
    """The network as it stood at the end of ``year``: the edges first dated then or
    before (undated edges are left out)."""
    sub = nx.MultiDiGraph()
    sub.graph.update(net.graph)
    for u, v, key, data in net.edges(keys=True, data=True):
        fy = data.get("first_year")
        if fy is not None and fy <= year:
            for node in (u, v):
                if node not in sub:
                    sub.add_node(node, **net.nodes[node])
            years = [y for y in data.get("years", [fy]) if y <= year]
            sub.add_edge(u, v, key=key, **{**data, "years": years, "last_year": max(years)})
    return sub


def _network_stats(und: nx.Graph, with_communities: bool = True) -> dict[str, Any]:
    n, m = und.number_of_nodes(), und.number_of_edges()
    comps = sorted((len(c) for c in nx.connected_components(und)), reverse=True) if n else []
    stats: dict[str, Any] = {
        "nodes": n,
        "edges": m,
        "density": _r(nx.density(und), 6) if n > 1 else 0.0,
        "components": len(comps),
        "largest_component": comps[0] if comps else 0,
    }
    if with_communities:
        comms = louvain(und) if n else []
        stats["communities"] = len(comms)
        stats["modularity"] = _r(modularity(und, comms), 4) if n else None
        stats["_partition"] = comms
    else:
        stats["communities"] = None
        stats["modularity"] = None
    return stats


def _node_country(net: nx.MultiDiGraph, iri: str | None) -> str | None:
    if iri is None:
        return None
    if iri in net:
        return net.nodes[iri].get("country")
    a = net.graph.get("node_attrs", {}).get(iri, {})
    if a.get("country"):
        return a["country"]
    return HOME_COUNTRY if a.get("code") else None


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


def _bump(by_year: dict[int, dict[str, int]], year: int | None, what: str, n: int = 1) -> None:
    if year is not None:
        row = by_year.setdefault(year, {"new_partners": 0, "activities": 0, "people_sent": 0})
        row[what] += n


def metrics_of_network(
    full: nx.MultiDiGraph, *, year: int | None = None, betweenness_k: int | str | None = "auto"
) -> dict[str, Any]:
    """The metrics of an actor network made by :func:`actor_network`."""
    activities: dict[str, dict[str, Any]] = full.graph.get("activities", {})
    net = _snapshot(full, year) if year is not None else full
    if year is not None:
        activities = {
            a: d for a, d in activities.items() if d["year"] is not None and d["year"] <= year
        }
    und = undirected(net)
    n, m = und.number_of_nodes(), und.number_of_edges()
    k = betweenness_sample_size(n, m) if betweenness_k == "auto" else betweenness_k
    btw, sample = betweenness(und, k=k)  # type: ignore[arg-type]
    pagerank = (
        nx.pagerank(und, weight="weight", tol=PAGERANK_TOL, max_iter=1000)
        if m
        else dict.fromkeys(und, 0.0)
    )
    eig = eigenvector_by_component(und) if n else {}
    stats = _network_stats(und)
    partition = stats.pop("_partition")
    community = {v: i for i, c in enumerate(partition) for v in c}

    # activities: per actor, and who was sent abroad
    acts_of: dict[str, set[str]] = defaultdict(set)
    sent: dict[str, list[tuple[str, int]]] = defaultdict(list)  # actor -> (activity, count)
    act_country: dict[str, str | None] = {}
    abroad_acts: dict[str, int] = {}  # activity -> people, when someone went abroad
    for act, d in activities.items():
        locs = sorted(d["roles"].get("location", ()))
        loc_country = _node_country(full, locs[0]) if locs else None
        act_country[act] = loc_country
        for actors in d["roles"].values():
            for actor in actors:
                acts_of[actor].add(act)
        for actor in d["roles"].get("participant", ()):
            home = _node_country(full, actor)
            if loc_country and home and loc_country != home and d["count"] is not None:
                sent[actor].append((act, d["count"]))
                abroad_acts[act] = d["count"]

    labels = {iri: str(d["label"]) for iri, d in full.nodes(data=True)}
    country = {iri: _node_country(full, iri) for iri in net}

    # one pass over the links: partners, delegations, programmes, years of each actor
    partners: dict[str, set[str]] = defaultdict(set)
    deleg_to: dict[str, Counter[str]] = defaultdict(Counter)
    deleg_from: dict[str, Counter[str]] = defaultdict(Counter)
    programmes: dict[str, set[str]] = defaultdict(set)
    first_seen: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    pair_first: dict[tuple[str, str], int] = {}
    for u, v, key, e in net.edges(keys=True, data=True):
        if key == "partnersWith":
            partners[u].add(v)
            partners[v].add(u)
            if e["first_year"] is not None:
                for pair in ((u, v), (v, u)):
                    pair_first[pair] = min(pair_first.get(pair, e["first_year"]), e["first_year"])
        elif key == "sendsDelegationTo":
            deleg_to[u][v] += e["sources"]
            deleg_from[v][u] += e["sources"]
        elif key == "participatesIn":
            programmes[u].add(v)
        if e["first_year"] is not None:
            for x in (u, v):
                first_seen[x] = min(first_seen.get(x, e["first_year"]), e["first_year"])
                last_seen[x] = max(last_seen.get(x, e["last_year"]), e["last_year"])
    degree = dict(und.degree())
    strength = dict(und.degree(weight="weight"))

    def names(iris: Iterable[str]) -> list[str]:
        return sorted(labels.get(i, slug_of(i)) for i in iris)

    actors: list[dict[str, Any]] = []
    for node, data in net.nodes(data=True):
        mine = partners.get(node, set())
        own_acts = acts_of.get(node, set())
        act_years = [activities[a]["year"] for a in own_acts if activities[a]["year"] is not None]
        years = act_years + [y for y in (first_seen.get(node), last_seen.get(node)) if y]
        partner_countries = _tally(country.get(p) for p in mine)
        activity_countries = _tally(act_country.get(a) for a in own_acts) if own_acts else {}
        p_share, p_entropy = concentration(partner_countries)
        a_share, a_entropy = concentration(activity_countries)
        by_year: dict[int, dict[str, int]] = {}

        for p in mine:
            _bump(by_year, pair_first.get((node, p)), "new_partners")
        for y in act_years:
            _bump(by_year, y, "activities")
        for a, count in sent.get(node, []):
            _bump(by_year, activities[a]["year"], "people_sent", count)
        actors.append(
            {
                "actor": slug_of(node),
                "iri": node,
                "label": data["label"],
                "labels": data.get("labels", {}),
                "kind": data["kind"],
                "country": data.get("country"),
                "partner_count": len(mine),
                "partners": names(mine),
                "partner_country_count": len(partner_countries),
                "partner_countries": sorted(partner_countries),
                "activities": len(own_acts),
                "delegations_sent": sum(deleg_to[node].values()) if node in deleg_to else 0,
                "delegations_received": (
                    sum(deleg_from[node].values()) if node in deleg_from else 0
                ),
                "delegations_to": names(deleg_to.get(node, ())),
                "delegations_from": names(deleg_from.get(node, ())),
                "people_sent": sum(c for _, c in sent.get(node, [])),
                "programmes": names(programmes.get(node, ())),
                "first_year": min(years) if years else None,
                "last_year": max(years) if years else None,
                "degree": degree.get(node, 0),
                "weighted_degree": float(strength.get(node, 0)),
                "betweenness": _r(btw.get(node, 0.0)),
                "pagerank": _r(pagerank.get(node, 0.0)),
                "eigenvector": _r(eig.get(node)),
                "community": community.get(node),
                "partner_top_country_share": p_share,
                "partner_country_entropy": p_entropy,
                "activity_top_country_share": a_share,
                "activity_country_entropy": a_entropy,
                "by_year": [{"year": y, **by_year[y]} for y in sorted(by_year)],
            }
        )
    actors.sort(key=lambda a: (-(a["pagerank"] or 0.0), a["label"], a["actor"]))
    for i, a in enumerate(actors):
        a["rank"] = i + 1

    relations = Counter(key for _, _, key in net.edges(keys=True))
    undated = sum(1 for *_, d in full.edges(data=True) if d.get("first_year") is None)
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
    network = {
        **stats,
        "links": net.number_of_edges(),
        "relations": dict(sorted(relations.items())),
        "activities": len(activities),
        "people_sent": sum(abroad_acts.values()),
        "year": year,
        "undated_links": undated,
        "betweenness": "exact" if sample is None else f"sampled (k={len(sample)}, seed={SEED})",
        "betweenness_sample": len(sample) if sample is not None else None,
        "eigenvector": "per connected component, max 1",
        "community_method": f"louvain (networkx, weight, resolution 1, seed {SEED})",
        "notes": notes,
    }
    edges = [
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
    return {
        "network": network,
        "years": yearly(full, activities_all=full.graph.get("activities", {}), until=year),
        "actors": actors,
        "edges": edges,
    }


def yearly(
    net: nx.MultiDiGraph, activities_all: dict[str, dict[str, Any]], until: int | None = None
) -> list[dict[str, Any]]:
    """Per year in which something happened: new partnerships (pairs first dated that
    year), activities, people sent abroad, their running totals, and the network as it
    stood at the end of the year."""
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
        locs = sorted(d["roles"].get("location", ()))
        loc_country = _node_country(net, locs[0]) if locs else None
        homes = {_node_country(net, p) for p in d["roles"].get("participant", ())}
        if d["count"] is not None and loc_country and any(h and h != loc_country for h in homes):
            people_by_year[d["year"]] += d["count"]
    edge_years = {d["first_year"] for *_, d in net.edges(data=True) if d["first_year"]}
    years = sorted(set(new_by_year) | set(acts_by_year) | edge_years)
    if until is not None:
        years = [y for y in years if y <= until]
    # the network grows year by year: add each year's links to one graph, and keep its
    # components in a union-find (a snapshot per year would cost a pass over all links)
    dated = sorted(
        (
            (d["first_year"], u, v, d.get("weight", 1))
            for u, v, d in net.edges(data=True)
            if d["first_year"] is not None and u != v
        ),
        key=lambda e: e[0],
    )
    und = nx.Graph()
    parent: dict[str, str] = {}
    size: dict[str, int] = {}
    components = largest = 0

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    out = []
    cum_new = cum_acts = cum_people = 0
    i = 0
    for y in years:
        while i < len(dated) and dated[i][0] <= y:
            _, u, v, w = dated[i]
            i += 1
            for x in (u, v):
                if x not in parent:
                    parent[x], size[x] = x, 1
                    components += 1
                    largest = max(largest, 1)
                    und.add_node(x)
            if und.has_edge(u, v):
                und[u][v]["weight"] += w
            else:
                und.add_edge(u, v, weight=w)
            ru, rv = find(u), find(v)
            if ru != rv:
                if size[ru] < size[rv]:
                    ru, rv = rv, ru
                parent[rv] = ru
                size[ru] += size[rv]
                components -= 1
                largest = max(largest, size[ru])
        cum_new += new_by_year[y]
        cum_acts += acts_by_year[y]
        cum_people += people_by_year[y]
        n, m = und.number_of_nodes(), und.number_of_edges()
        row: dict[str, Any] = {
            "year": y,
            "new_partnerships": new_by_year[y],
            "activities": acts_by_year[y],
            "people_sent": people_by_year[y],
            "cumulative_partnerships": cum_new,
            "cumulative_activities": cum_acts,
            "cumulative_people_sent": cum_people,
            "nodes": n,
            "edges": m,
            "density": _r(nx.density(und), 6) if n > 1 else 0.0,
            "components": components,
            "largest_component": largest,
            "communities": None,
            "modularity": None,
        }
        if n and m <= YEARLY_COMMUNITIES_MAX_EDGES:
            comms = louvain(und)
            row["communities"] = len(comms)
            row["modularity"] = _r(modularity(und, comms), 4)
        out.append(row)
    return out


# --- output -----------------------------------------------------------------------------------

CSV_COLUMNS = [
    "rank",
    "actor",
    "label",
    "kind",
    "country",
    "partner_count",
    "partners",
    "partner_country_count",
    "partner_countries",
    "activities",
    "delegations_sent",
    "delegations_received",
    "delegations_to",
    "delegations_from",
    "people_sent",
    "programmes",
    "first_year",
    "last_year",
    "degree",
    "weighted_degree",
    "betweenness",
    "pagerank",
    "eigenvector",
    "community",
    "partner_top_country_share",
    "partner_country_entropy",
    "activity_top_country_share",
    "activity_country_entropy",
]
LIST_COLUMNS = (
    "partners",
    "partner_countries",
    "delegations_to",
    "delegations_from",
    "programmes",
)


def metrics_rows(metrics: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for a in metrics["actors"]:
        row = {c: a.get(c) for c in CSV_COLUMNS}
        for col in LIST_COLUMNS:
            row[col] = "; ".join(row[col] or [])
        rows.append(row)
    return rows


def to_csv(metrics: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in metrics_rows(metrics):
        w.writerow(r)
    return buf.getvalue()


def to_json(metrics: dict[str, Any]) -> str:
    return json.dumps(metrics, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value else "0"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def _fmt_table(cols: list[str], rows: list[list[str]], max_width: int = 36) -> list[str]:
    widths = [max([len(c), *(min(len(r[i]), max_width) for r in rows)]) for i, c in enumerate(cols)]

    def fmt(vals: list[str]) -> str:
        return "  ".join(
            (v if len(v) <= max_width else v[: max_width - 3] + "...").ljust(w)
            for v, w in zip(vals, widths, strict=True)
        ).rstrip()

    return [fmt(cols), fmt(["-" * w for w in widths]), *map(fmt, rows)]


TABLE_COLUMNS = [
    ("rank", "#"),
    ("label", "actor"),
    ("kind", "kind"),
    ("partner_count", "partners"),
    ("partner_country_count", "countries"),
    ("activities", "activities"),
    ("delegations_sent", "sent"),
    ("delegations_received", "received"),
    ("people_sent", "people"),
    ("first_year", "from"),
    ("last_year", "to"),
    ("degree", "degree"),
    ("weighted_degree", "w.degree"),
    ("betweenness", "betweenness"),
    ("pagerank", "pagerank"),
    ("eigenvector", "eigenvector"),
    ("community", "community"),
]


def summary_lines(metrics: dict[str, Any]) -> list[str]:
    net = metrics["network"]
    rel = ", ".join(f"{k} {v}" for k, v in net["relations"].items()) or "none"
    when = f" at the end of {net['year']}" if net.get("year") is not None else ""
    mod = f", modularity {net['modularity']}" if net.get("modularity") is not None else ""
    return [
        f"actor network{when}: {net['nodes']} actors, {net['edges']} linked pairs "
        f"({net['links']} links: {rel}), density {net['density']}, {net['components']} components "
        f"(largest {net['largest_component']}), {net['communities']} communities{mod}",
        *(f"  {note}" for note in net["notes"][1:]),
    ]


def to_table(metrics: dict[str, Any], top: int | None = None, with_years: bool = True) -> str:
    """The metrics as a readable text table: the network, the actors, the years."""
    lines = summary_lines(metrics)
    rows = [[_cell(a[c]) for c, _ in TABLE_COLUMNS] for a in metrics["actors"][: top or None]]
    lines += ["", *_fmt_table([h for _, h in TABLE_COLUMNS], rows)]
    shown, total = len(rows), len(metrics["actors"])
    if shown < total:
        lines.append(f"({shown} of {total} actors, by PageRank; --top to show more)")
    years = metrics.get("years") or []
    if with_years and years:
        cols = [
            "year",
            "new_partnerships",
            "activities",
            "people_sent",
            "cumulative_partnerships",
            "cumulative_activities",
            "cumulative_people_sent",
            "nodes",
            "edges",
            "components",
            "communities",
            "modularity",
        ]
        heads = [
            "year",
            "new partners",
            "activities",
            "people sent",
            "total partners",
            "total activities",
            "total sent",
            "actors",
            "links",
            "components",
            "communities",
            "modularity",
        ]
        lines += ["", "per year (the network at the end of each year):"]
        lines += _fmt_table(heads, [[_cell(y.get(c)) for c in cols] for y in years])
    return "\n".join(lines) + "\n"


def actor_card(metrics: dict[str, Any], actor: dict[str, Any]) -> str:
    """Everything about one actor, one line a metric."""
    lines = [*summary_lines(metrics), ""]
    rank = actor.get("rank")
    fields = [
        ("actor", f"{actor['label']} (kmr:{actor['actor']}, {actor['kind']})"),
        ("country", actor.get("country")),
        ("rank by PageRank", f"{rank} of {metrics['network']['nodes']}" if rank else None),
        ("partners", f"{actor['partner_count']}: {_cell(actor['partners'])}"),
        (
            "partner countries",
            f"{actor['partner_country_count']}: {_cell(actor['partner_countries'])}",
        ),
        ("programmes", _cell(actor["programmes"])),
        ("activities", actor["activities"]),
        (
            "delegations sent",
            f"{actor['delegations_sent']} (to {_cell(actor['delegations_to']) or '-'})",
        ),
        (
            "delegations received",
            f"{actor['delegations_received']} (from {_cell(actor['delegations_from']) or '-'})",
        ),
        ("people sent abroad", actor["people_sent"]),
        ("active", f"{_cell(actor['first_year'])}-{_cell(actor['last_year'])}"),
        ("degree / weighted", f"{actor['degree']} / {_cell(actor['weighted_degree'])}"),
        ("betweenness", _cell(actor["betweenness"])),
        ("pagerank", _cell(actor["pagerank"])),
        ("eigenvector", _cell(actor["eigenvector"])),
        ("community", actor["community"]),
        (
            "partners across countries",
            f"largest share {_cell(actor['partner_top_country_share'])}, "
            f"entropy {_cell(actor['partner_country_entropy'])} bits",
        ),
        (
            "activities across countries",
            f"largest share {_cell(actor['activity_top_country_share'])}, "
            f"entropy {_cell(actor['activity_country_entropy'])} bits",
        ),
    ]
    width = max(len(k) for k, _ in fields)
    lines += [f"{k.ljust(width)}  {_cell(v)}" for k, v in fields]
    if actor.get("by_year"):
        lines += ["", "per year:"]
        lines += _fmt_table(
            ["year", "new partners", "activities", "people sent"],
            [
                [
                    str(y["year"]),
                    str(y["new_partners"]),
                    str(y["activities"]),
                    str(y["people_sent"]),
                ]
                for y in actor["by_year"]
            ],
        )
    return "\n".join(lines) + "\n"


def find_actor(metrics: dict[str, Any], name: str) -> dict[str, Any] | None:
    """The actor named ``name``: its slug, IRI or any label (case-insensitive); else the
    only actor whose label contains it."""
    wanted = name.casefold().strip()
    if wanted.startswith("kmr:"):
        wanted = wanted[4:]
    for a in metrics["actors"]:
        names = {a["actor"], a.get("iri", ""), a["label"], *a.get("labels", {}).values()}
        if wanted in {str(x).casefold() for x in names}:
            return a
    partial = [
        a
        for a in metrics["actors"]
        if any(wanted in str(x).casefold() for x in [a["label"], *a.get("labels", {}).values()])
    ]
    return partial[0] if len(partial) == 1 else None


# --- exports: GraphML, GEXF ---------------------------------------------------------------------

NODE_EXPORT = [c for c in CSV_COLUMNS if c not in {"actor", "label", "rank"}]


def export_graph(metrics: dict[str, Any]) -> nx.MultiDiGraph:
    """The network with every metric as a node attribute (for GraphML and GEXF).

    Node ids are the slugs; lists are joined with "; "; missing values are left out.
    Edges keep their relation (also as ``label``), with weight = supporting documents.
    """
    g = nx.MultiDiGraph()
    for a in metrics["actors"]:
        attrs = {"label": a["label"], "iri": a["iri"]}
        for col in NODE_EXPORT:
            value = a.get(col)
            if isinstance(value, list):
                value = "; ".join(value)
            if value is not None:
                attrs[col] = value
        g.add_node(a["actor"], **attrs)
    for e in metrics["edges"]:
        if e["source"] not in g or e["target"] not in g:
            continue  # an actor left out (--top, --actor)
        attrs = {
            "relation": e["relation"],
            "label": e["relation"],
            "weight": float(e["sources"]),
            "sources": e["sources"],
            "activities": e["activities"],
            "participants": e["participants"],
        }
        for col in ("first_year", "last_year"):
            if e[col] is not None:
                attrs[col] = e[col]
        g.add_edge(e["source"], e["target"], key=e["relation"], **attrs)
    return g


def to_graphml(metrics: dict[str, Any]) -> str:
    return "\n".join(nx.generate_graphml(export_graph(metrics))) + "\n"


def to_gexf(metrics: dict[str, Any]) -> str:
    return "\n".join(nx.generate_gexf(export_graph(metrics))) + "\n"


# --- RDF: the metrics as a named graph ----------------------------------------------------------

ACTOR_TERMS = {
    "partner_count": ("partnerCount", XSD.integer),
    "partner_country_count": ("partnerCountryCount", XSD.integer),
    "activities": ("activityCount", XSD.integer),
    "delegations_sent": ("delegationsSent", XSD.integer),
    "delegations_received": ("delegationsReceived", XSD.integer),
    "people_sent": ("peopleSent", XSD.integer),
    "first_year": ("firstYear", XSD.gYear),
    "last_year": ("lastYear", XSD.gYear),
    "degree": ("degree", XSD.integer),
    "weighted_degree": ("weightedDegree", XSD.double),
    "betweenness": ("betweenness", XSD.double),
    "pagerank": ("pagerank", XSD.double),
    "eigenvector": ("eigenvectorCentrality", XSD.double),
    "community": ("community", XSD.integer),
    "partner_top_country_share": ("partnerTopCountryShare", XSD.double),
    "partner_country_entropy": ("partnerCountryEntropy", XSD.double),
    "activity_top_country_share": ("activityTopCountryShare", XSD.double),
    "activity_country_entropy": ("activityCountryEntropy", XSD.double),
}
NETWORK_TERMS = {
    "nodes": ("nodeCount", XSD.integer),
    "edges": ("edgeCount", XSD.integer),
    "density": ("density", XSD.double),
    "components": ("componentCount", XSD.integer),
    "largest_component": ("largestComponentSize", XSD.integer),
    "communities": ("communityCount", XSD.integer),
    "modularity": ("modularity", XSD.double),
    "activities": ("activityCount", XSD.integer),
    "people_sent": ("peopleSent", XSD.integer),
    "new_partnerships": ("newPartnerships", XSD.integer),
    "cumulative_partnerships": ("cumulativePartnerships", XSD.integer),
    "cumulative_activities": ("cumulativeActivities", XSD.integer),
    "cumulative_people_sent": ("cumulativePeopleSent", XSD.integer),
}
CLASS_TERMS = ("ActorMetrics", "NetworkMetrics")
OTHER_TERMS = ("metricsOf", "inNetwork", "year", "method")


def _literal(value: Any, datatype: URIRef) -> Literal:
    if datatype == XSD.gYear:
        return Literal(f"{int(value):04d}", datatype=XSD.gYear)
    if datatype == XSD.integer:
        return Literal(int(value), datatype=XSD.integer)
    return Literal(float(value), datatype=XSD.double)


def metrics_triples(metrics: dict[str, Any], g: Graph) -> Graph:
    """Add the metrics to ``g``: one km:NetworkMetrics node for the network (and one a
    year), one km:ActorMetrics node an actor, linked to it by km:metricsOf."""
    net = metrics["network"]
    year = net.get("year")
    net_node = KMR["metrics/network" + (f"/as-of-{year}" if year is not None else "")]
    g.add((net_node, RDF.type, KMNS.NetworkMetrics))
    if year is not None:
        g.add((net_node, KMNS.year, _literal(year, XSD.gYear)))
    for key, (term, dt) in NETWORK_TERMS.items():
        if net.get(key) is not None:
            g.add((net_node, KMNS[term], _literal(net[key], dt)))
    for note in net.get("notes", []):
        g.add((net_node, KMNS.method, Literal(note, lang="en")))
    for y in metrics.get("years", []):
        node = KMR[f"metrics/network/{y['year']}"]
        g.add((node, RDF.type, KMNS.NetworkMetrics))
        g.add((node, KMNS.year, _literal(y["year"], XSD.gYear)))
        for key, (term, dt) in NETWORK_TERMS.items():
            if y.get(key) is not None:
                g.add((node, KMNS[term], _literal(y[key], dt)))
    suffix = f"/as-of-{year}" if year is not None else ""
    for a in metrics["actors"]:
        node = KMR[f"metrics/actor/{a['actor']}{suffix}"]
        g.add((node, RDF.type, KMNS.ActorMetrics))
        g.add((node, KMNS.metricsOf, URIRef(a["iri"])))
        g.add((node, KMNS.inNetwork, net_node))
        for key, (term, dt) in ACTOR_TERMS.items():
            if a.get(key) is not None:
                g.add((node, KMNS[term], _literal(a[key], dt)))
    return g


def metrics_graph(metrics: dict[str, Any]) -> Graph:
    """The metrics as an RDF graph of their own (identifier ``kmr:graph/metrics``)."""
    g = Graph(identifier=METRICS_GRAPH)
    bind(g)
    return metrics_triples(metrics, g)


def add_metrics_graph(ds: Dataset, metrics: dict[str, Any]) -> Graph:
    """Write the metrics into the named graph ``kmr:graph/metrics`` of ``ds``."""
    g = ds.graph(METRICS_GRAPH)
    return metrics_triples(metrics, g)


def metric_terms() -> list[str]:
    """Every km: term the metrics graph uses (each is declared in the ontology)."""
    terms = {t for t, _ in ACTOR_TERMS.values()} | {t for t, _ in NETWORK_TERMS.values()}
    return sorted(terms | set(CLASS_TERMS) | set(OTHER_TERMS))


# --- files ----------------------------------------------------------------------------------------

EXPORT_FILES = ("metrics.json", "metrics.csv", "network.graphml", "network.gexf")


def write_metrics(metrics: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write ``metrics.json``, ``metrics.csv``, ``network.graphml`` and ``network.gexf``
    atomically."""
    from graph.files import write_text

    return [
        write_text(out_dir / "metrics.json", to_json(metrics)),
        write_text(out_dir / "metrics.csv", to_csv(metrics)),
        write_text(out_dir / "network.graphml", to_graphml(metrics)),
        write_text(out_dir / "network.gexf", to_gexf(metrics)),
    ]
