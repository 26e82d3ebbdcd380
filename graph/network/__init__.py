"""The actor network and its metrics: one projection, one set of algorithms, for
``kotamitra metrics``, the build and the page alike.

- :mod:`~graph.network.projection`: the SPARQL projection (``actor-network.rq``) of a
  built graph into networkx (:func:`actor_network`, :func:`project`), and loading graphs
  (:func:`open_graph`);
- :mod:`~graph.network.algorithms`: pure functions of a networkx graph returning dicts
  (:func:`node_metrics`, :func:`betweenness`, :func:`pagerank`, :func:`louvain`, ...);
- :mod:`~graph.network.reports`: the metrics per actor, per network and per year
  (:func:`compute_metrics`, :func:`metrics_of_network`);
- :mod:`~graph.network.tables`: the same as text (:func:`to_table`, :func:`actor_card`);
- :mod:`~graph.network.output`: CSV, JSON, GraphML, GEXF, the RDF metrics graph, files.

>>> import networkx as nx
>>> node_metrics(nx.path_graph(["a", "b", "c"]))["b"]["betweenness"]
1.0
"""

from graph.network.algorithms import (
    MIN_BETWEENNESS_SAMPLE,
    SEED,
    Centralities,
    betweenness,
    betweenness_sample_size,
    centralities,
    concentration,
    eigenvector_by_component,
    louvain,
    modularity,
    node_metrics,
    pagerank,
    undirected,
)
from graph.network.output import (
    EXPORT_FILES,
    METRICS_GRAPH,
    add_metrics_graph,
    export_graph,
    metric_terms,
    metrics_graph,
    to_csv,
    to_gexf,
    to_graphml,
    to_json,
    write_metrics,
)
from graph.network.projection import (
    ACTIVITY_QUERY,
    NODE_QUERY,
    UnionStore,
    actor_network,
    actor_network_query,
    open_graph,
    project,
    query_runner,
    slug_of,
)
from graph.network.reports import compute_metrics, metrics_of_network, yearly
from graph.network.tables import actor_card, find_actor, to_table

__all__ = [
    "ACTIVITY_QUERY",
    "EXPORT_FILES",
    "METRICS_GRAPH",
    "MIN_BETWEENNESS_SAMPLE",
    "NODE_QUERY",
    "SEED",
    "Centralities",
    "UnionStore",
    "actor_card",
    "actor_network",
    "actor_network_query",
    "add_metrics_graph",
    "betweenness",
    "betweenness_sample_size",
    "centralities",
    "compute_metrics",
    "concentration",
    "eigenvector_by_component",
    "export_graph",
    "find_actor",
    "louvain",
    "metric_terms",
    "metrics_graph",
    "metrics_of_network",
    "modularity",
    "node_metrics",
    "open_graph",
    "pagerank",
    "project",
    "query_runner",
    "slug_of",
    "to_csv",
    "to_gexf",
    "to_graphml",
    "to_json",
    "to_table",
    "undirected",
    "write_metrics",
    "yearly",
]
