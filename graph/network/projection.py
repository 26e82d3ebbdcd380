"""The actor network of a built graph, projected by SPARQL into networkx.

The network is data: the SPARQL query ``ontology/queries/actor-network.rq`` defines its
nodes (local governments, countries, foreign cities, organisations, programmes) and its
edges, one per relation between two actors, with the documents, activities and
participants that support it. The query runs on Oxigraph when pyoxigraph is installed
and on rdflib otherwise; both give the same rows.

:func:`actor_network` gives the directed multigraph (one edge a relation, with its
evidence); :func:`project` its simple undirected graph, on which every centrality is
computed (by :mod:`graph.network.algorithms`), for the metrics and for the page alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph, Literal
from rdflib.query import ResultRow

from graph.network.algorithms import undirected
from graph.rdf.triples import union_graph
from graph.resources import ontology_dir
from graph.sparql.query import QueryError, find_graph_file, load_graph, run_query
from graph.vocab import ACTIVITY_CLASSES, ACTOR_CLASSES, HOME_COUNTRY, KMR, PREFIXES

ACTOR_NETWORK_QUERY = "actor-network.rq"
_KIND_FILTER = ", ".join(f"km:{k}" for k in ACTOR_CLASSES)
_ACTIVITY_FILTER = ", ".join(f"km:{k}" for k in ACTIVITY_CLASSES)

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


def local_name(iri: str) -> str:
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
    def run(query: str) -> list[Row]:
        result = run_query(g, query)
        assert result is not None
        names = [str(v) for v in result.vars or []]
        return [{n: _py(row[n]) for n in names} for row in result if isinstance(row, ResultRow)]

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
        source = union_graph(source)
    return _rdflib_runner(source)


def open_graph(path: Path | str) -> Any:
    """A built graph for the metrics: a folder or a .trig/.ttl/.nt/.nq file, read into an
    in-memory Oxigraph store (the union of its graphs, much faster than rdflib on large
    graphs) or, without pyoxigraph, into an rdflib Dataset. ``graph.sparql.query.QueryError``
    when there is no graph or it cannot be parsed."""
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


def parse_years(text: Any) -> list[int]:
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


def _node_attrs(nodes: list[Row]) -> dict[str, dict[str, Any]]:
    """Per actor: its labels by language (the least one when a language has several),
    country slug and Kemendagri code."""
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
    return attrs


def _add_node(net: nx.MultiDiGraph, attrs: dict[str, dict[str, Any]], iri: str, kind: str) -> None:
    if iri in net:
        return
    a = attrs.get(iri, {})
    kind = local_name(kind)
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


def _add_edge(net: nx.MultiDiGraph, r: Row) -> None:
    years = parse_years(r.get("startYears")) + parse_years(r.get("reportYears"))
    rel = local_name(r["p"])
    net.add_edge(
        r["s"],
        r["o"],
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


def _activities(acts: list[Row]) -> dict[str, dict[str, Any]]:
    """Every activity: its type, the actors in each role, its size and its year (of its
    start, else of its earliest source)."""
    activities: dict[str, dict[str, Any]] = {}
    for r in acts:
        act = activities.setdefault(
            r["act"],
            {"type": local_name(r["type"]), "roles": defaultdict(set), "count": None, "year": None},
        )
        act["roles"][local_name(r["role"])].add(r["actor"])
        if r.get("count") is not None:
            act["count"] = int(r["count"])
        year = None
        if r.get("start"):
            year = int(str(r["start"])[:4])
        elif r.get("published"):
            year = int(str(r["published"])[:4])
        if year is not None and (act["year"] is None or year < act["year"]):
            act["year"] = year
    return activities


def _network_from_rows(edges: list[Row], nodes: list[Row], acts: list[Row]) -> nx.MultiDiGraph:
    attrs = _node_attrs(nodes)
    net = nx.MultiDiGraph()
    for r in edges:
        _add_node(net, attrs, r["s"], r["sKind"])
        _add_node(net, attrs, r["o"], r["oKind"])
        _add_edge(net, r)
    net.graph["activities"] = _activities(acts)
    net.graph["node_attrs"] = {
        iri: {"country": a.get("country"), "code": a.get("code")} for iri, a in attrs.items()
    }
    return net


def snapshot(net: nx.MultiDiGraph, year: int) -> nx.MultiDiGraph:
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


def node_country(net: nx.MultiDiGraph, iri: str | None) -> str | None:
    """The country slug of an actor of ``net`` (also of one no relation links); a local
    government (it has a Kemendagri code) is in the home country."""
    if iri is None:
        return None
    if iri in net:
        return net.nodes[iri].get("country")
    a = net.graph.get("node_attrs", {}).get(iri, {})
    if a.get("country"):
        return a["country"]
    return HOME_COUNTRY if a.get("code") else None


def project(source: Any, engine: str = "auto", *, year: int | None = None) -> nx.Graph:
    """The actor network of a built graph as a simple undirected graph: the graph every
    centrality is computed on (``kotamitra metrics`` and the page alike). ``year``: the
    network as it stood at the end of that year."""
    net = actor_network(source, engine)
    return undirected(snapshot(net, year) if year is not None else net)
