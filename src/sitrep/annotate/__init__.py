"""Annotation layers over an article's text, one package per family: entities, places,
times, quantities, attributions, events; :mod:`sitrep.annotate.layers` runs them."""

from sitrep.annotate.layers import annotate, annotate_one

__all__ = ["annotate", "annotate_one"]
