"""kotamitra: a knowledge graph of the international partnerships of local governments.

The package is a pipeline of small stages, each usable from a notebook:

``load`` (sources to :class:`~graph.model.Document`) → ``extract`` (documents to
:class:`~graph.model.Extraction`) → ``rdf`` (extractions to an rdflib Dataset) →
``build`` (the whole run, with atomic writes) → ``query`` / ``metrics`` / ``viz`` /
``validate`` / ``evaluate`` over the built graph.

The public face is :mod:`graph.api`: ``graph.build(sources, out=...)`` and
``graph.open(out)`` give a :class:`~graph.api.KnowledgeGraph`.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "__version__", "build", "open"]


def __getattr__(name: str) -> Any:
    """``graph.build``, ``graph.open`` and ``graph.KnowledgeGraph`` (:mod:`graph.api`),
    imported when first used so that ``import graph`` stays light."""
    if name in {"build", "open", "KnowledgeGraph", "Metrics"}:
        from graph import api

        return getattr(api, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
