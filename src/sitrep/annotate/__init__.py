"""Annotation layers over an article's text: entities, times, quantities, attributions."""

from sitrep.annotate.pipeline import annotate, annotate_one

__all__ = ["annotate", "annotate_one"]
