"""Extraction: documents to :class:`~graph.model.Extraction` objects, by rule families
run in the order :data:`graph.extract.extractor.FAMILIES` declares."""

from graph.extract.extractor import FAMILIES, extract
from graph.extract.prefilter import might_hold_partnership

__all__ = ["FAMILIES", "extract", "might_hold_partnership"]
