"""Annotation layers over an article's text, one package per family: entities, places,
times, quantities, attributions, events (each with its ``layer.py``).

:mod:`sitrep.annotate.layers` parses an article once with the spaCy pipeline
(:mod:`sitrep.annotate.nlp`) and derives every layer from that parse; long texts are
annotated in bounded parts (:mod:`sitrep.annotate.chunks`).
"""

from sitrep.annotate.layers import annotate, annotate_one

__all__ = ["annotate", "annotate_one"]
