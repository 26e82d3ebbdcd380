"""The public Python API of kotamitra: what notebooks, scripts and the command line use.

- :mod:`graph.api.knowledge`: :func:`build` and :func:`open` give a
  :class:`KnowledgeGraph` (SPARQL as DataFrames, metrics, networkx, rdflib and pyvis);
- :mod:`graph.api.commands`: what each ``kotamitra`` command does, as functions returning
  text or a report (the command line only parses options and prints).
"""

from graph.api.knowledge import KnowledgeGraph, Metrics, build, open

__all__ = ["KnowledgeGraph", "Metrics", "build", "open"]
