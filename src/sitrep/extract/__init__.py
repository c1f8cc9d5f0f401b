"""Extraction: one source document in, the clean articles it carries out.

``dispatch.extract`` routes a document by kind: ``html/`` (pages: main text, metadata,
several articles a page), ``text/`` (plain text and Markdown, glued dumps), ``record``
(JSON Lines records and feed items). Shared by them: ``chrome`` (site chrome lines),
``metadata`` (page metadata) and ``published`` (publication dates to ISO 8601).
"""

from sitrep.extract.dispatch import extract

__all__ = ["extract"]
