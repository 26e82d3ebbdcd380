"""The metrics written out: CSV and JSON, the network as GraphML and GEXF (every metric
a node attribute), and RDF in a named graph of its own (``kmr:graph/metrics``) so that
SPARQL can rank actors by them. Files are written atomically (:mod:`graph.files`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef

from graph.files import write_text
from graph.vocab import KM, KMR, METRICS_CLASSES, bind

METRICS_GRAPH = KMR["graph/metrics"]

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
CLASS_TERMS = METRICS_CLASSES
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
    g.add((net_node, RDF.type, KM.NetworkMetrics))
    if year is not None:
        g.add((net_node, KM.year, _literal(year, XSD.gYear)))
    for key, (term, dt) in NETWORK_TERMS.items():
        if net.get(key) is not None:
            g.add((net_node, KM[term], _literal(net[key], dt)))
    for note in net.get("notes", []):
        g.add((net_node, KM.method, Literal(note, lang="en")))
    for y in metrics.get("years", []):
        node = KMR[f"metrics/network/{y['year']}"]
        g.add((node, RDF.type, KM.NetworkMetrics))
        g.add((node, KM.year, _literal(y["year"], XSD.gYear)))
        for key, (term, dt) in NETWORK_TERMS.items():
            if y.get(key) is not None:
                g.add((node, KM[term], _literal(y[key], dt)))
    suffix = f"/as-of-{year}" if year is not None else ""
    for a in metrics["actors"]:
        node = KMR[f"metrics/actor/{a['actor']}{suffix}"]
        g.add((node, RDF.type, KM.ActorMetrics))
        g.add((node, KM.metricsOf, URIRef(a["iri"])))
        g.add((node, KM.inNetwork, net_node))
        for key, (term, dt) in ACTOR_TERMS.items():
            if a.get(key) is not None:
                g.add((node, KM[term], _literal(a[key], dt)))
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
    return [
        write_text(out_dir / "metrics.json", to_json(metrics)),
        write_text(out_dir / "metrics.csv", to_csv(metrics)),
        write_text(out_dir / "network.graphml", to_graphml(metrics)),
        write_text(out_dir / "network.gexf", to_gexf(metrics)),
    ]
