"""Remote stores: query any SPARQL 1.1 endpoint, push named graphs to a Graph Store.

``push`` writes each source document's named graph with the SPARQL 1.1 Graph Store
HTTP Protocol (``PUT ?graph=IRI``, which replaces the graph, so pushing twice gives
the same store), e.g. to an Oxigraph server (``oxigraph serve``: endpoint
``http://HOST:PORT/store``), Apache Jena Fuseki (``http://HOST:3030/DATASET/data``) or
Virtuoso (``http://HOST:8890/sparql-graph-crud``).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from graph.errors import RemoteError
from graph.rdf.triples import PREFIXES

ACCEPT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "table": "text/tab-separated-values",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "json-ld": "application/ld+json",
}


def _prefixed(query: str) -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + query


def remote_query(endpoint: str, query: str, fmt: str = "json", timeout: float = 60.0) -> str:
    """Send a query to a SPARQL 1.1 endpoint (protocol POST, form-encoded)."""
    data = urllib.parse.urlencode({"query": _prefixed(query)}).encode()
    request = urllib.request.Request(
        endpoint,
        data=data,
        headers={
            "Accept": ACCEPT.get(fmt, ACCEPT["json"]),
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace")[:500]
        raise RemoteError(f"{endpoint} answered {exc.code}: {body}") from None
    except urllib.error.URLError as exc:
        raise RemoteError(f"{endpoint}: {exc.reason}", "is the server running?") from None


def push(trig: Path, endpoint: str, timeout: float = 120.0) -> list[str]:
    """PUT every named graph of ``trig`` (and of the build's ``entailments.trig`` beside
    it: the ontology, the entailments, the normalised dates) to a Graph Store endpoint;
    returns their IRIs."""
    import pyoxigraph as ox

    from graph.rdf.entail import ENTAILMENTS_TRIG

    files = [trig]
    extra = trig.parent / ENTAILMENTS_TRIG
    if extra.is_file() and extra != trig:
        files.append(extra)
    dataset = ox.Dataset(q for f in files for q in ox.parse(path=str(f), format=ox.RdfFormat.TRIG))
    graphs: dict[str, list[ox.Triple]] = {}
    default: list[ox.Triple] = []
    for quad in dataset:
        triple = ox.Triple(quad.subject, quad.predicate, quad.object)
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(triple)
        else:
            graphs.setdefault(quad.graph_name.value, []).append(triple)
    pushed = []
    for iri, triples in [*sorted(graphs.items()), ("", default)]:
        if not triples:
            continue
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        target = (
            endpoint
            + ("&" if "?" in endpoint else "?")
            + (urllib.parse.urlencode({"graph": iri}) if iri else "default")
        )
        request = urllib.request.Request(
            target, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                pass
        except urllib.error.HTTPError as exc:
            raise RemoteError(f"{target} answered {exc.code}: {exc.read()[:300]!r}") from None
        except urllib.error.URLError as exc:
            raise RemoteError(f"{endpoint}: {exc.reason}", "is the server running?") from None
        pushed.append(iri or "(default graph)")
    return pushed
