"""Bounds on the work one input may cause.

An article's text is annotated in parts of bounded size (``annotate.chunks``),
so memory stays flat, but time still grows with length: about 6 s per
100,000 characters on one core. A text over ``DEFAULT_MAX_CHARS`` (a hundred
long news articles) is refused with a message saying to raise the limit (``max_chars``)
or split the text into several records.
"""

from __future__ import annotations

import re

from sitrep.errors import InputError
from sitrep.models import Article, SourceDoc

DEFAULT_MAX_CHARS = 1_000_000
# A page may carry several articles: it is refused before extraction (which takes
# about 8 s per MB of HTML) only when its visible text could not fit PAGE_ARTICLES.
PAGE_ARTICLES = 2
_INVISIBLE = re.compile(r"<(script|style|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def visible_chars(html: str) -> int:
    """About how many characters of text an HTML page shows (cheap: regular expressions)."""
    return len(_SPACE.sub(" ", _TAG.sub(" ", _INVISIBLE.sub(" ", html))))


def check_page(doc: SourceDoc, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Refuse, before the extractors run, an HTML page with far too much text."""
    if doc.kind != "html" or len(doc.content) <= PAGE_ARTICLES * max_chars:
        return
    shown = visible_chars(doc.content)
    if shown > PAGE_ARTICLES * max_chars:
        raise InputError(
            doc.source,
            f"page shows about {shown:,} characters of text, more than {PAGE_ARTICLES} "
            f"articles of the {max_chars:,} limit; save its articles as separate files "
            "or records, or raise the limit",
            hint="max_chars",
        )


def check_article(article: Article, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """``article`` when its text is within ``max_chars``; else an InputError saying what to do."""
    if len(article.text) > max_chars:
        raise InputError(
            article.source,
            f"article text has {len(article.text):,} characters, over the {max_chars:,} limit; "
            "split it into several articles, or raise the limit",
            hint="max_chars",
        )
    return article
