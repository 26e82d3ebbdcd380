"""kotamitra: a knowledge graph of the international partnerships of local governments.

The package is a pipeline of small stages, each usable from a notebook:

``load`` (sources to :class:`~graph.model.Document`) → ``extract`` (documents to
:class:`~graph.model.Extraction`) → ``rdf`` (extractions to an rdflib Dataset) →
``build`` (the whole run, with atomic writes) → ``query`` / ``metrics`` / ``viz`` /
``validate`` / ``evaluate`` over the built graph.
"""

__version__ = "0.1.0"
