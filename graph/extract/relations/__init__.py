"""Relation families: each reads one sentence (a :class:`SentenceView`) and adds the
direct facts and qualified nodes of its kind to the document's extraction. Their order
is declared once, in :data:`graph.extract.extractor.FAMILIES`."""

from graph.extract.relations.view import SentenceView

__all__ = ["SentenceView"]
