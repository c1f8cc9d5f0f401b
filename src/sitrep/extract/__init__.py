"""Extraction: one source document in, the clean articles it carries out."""

from sitrep.extract.dispatch import extract

__all__ = ["extract"]
