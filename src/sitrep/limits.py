"""Bounds on the work one input may cause.

An article's text is annotated in parts of bounded size (``annotate.chunks``),
so memory stays flat, but time still grows with length: about 6 s per
100,000 characters on one core. A text over ``DEFAULT_MAX_CHARS`` (a hundred
long news articles) is refused with a message; raise it with ``--max-chars``
or split the text into several records.
"""

from __future__ import annotations

from sitrep.errors import InputError
from sitrep.models import Article

DEFAULT_MAX_CHARS = 1_000_000


def check_article(article: Article, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """``article`` when its text is within ``max_chars``; else an InputError saying what to do."""
    if len(article.text) > max_chars:
        raise InputError(
            article.source,
            f"article text has {len(article.text):,} characters, over the {max_chars:,} limit; "
            "split it into several articles, or raise the limit with --max-chars",
        )
    return article
