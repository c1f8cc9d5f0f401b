"""Route a source document to the extractor for its kind."""

from __future__ import annotations

from sitrep.extract.html.page import extract_html
from sitrep.extract.record import record_to_article
from sitrep.extract.text.plain import extract_text
from sitrep.models import Article, SourceDoc


def extract(doc: SourceDoc) -> list[Article]:
    """The articles in ``doc`` (several when a page or file carries several).

    Raises ``InputError`` when the document holds no article text at all.
    """
    if doc.kind == "record":
        return [record_to_article(doc)]
    if doc.kind == "html":
        return extract_html(doc.content, doc.source, doc.meta)
    return extract_text(doc.content, doc.source, doc.meta, markdown=doc.kind == "markdown")
