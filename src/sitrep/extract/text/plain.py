"""Articles from plain text and Markdown, including files that glue several together.

The text is cut into units (paragraphs, headings, chrome lines), each unit
classified (``chrome.classify_line``); articles start at headlines that the
chrome after them confirms (``text_split``); each article keeps its body
paragraphs and the dates and bylines its chrome carried (``text_body``).

Titles: the headline line that opens an article (a Markdown ``#`` heading in
Markdown). Text with no headline gives an article whose title is None, or the
``title`` of ``meta`` when the file holds a single article: sitrep does not
invent a title from the first sentence.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sitrep.errors import InputError
from sitrep.extract.chrome import default_vocabulary
from sitrep.extract.published import normalise_published
from sitrep.extract.text.body import ArticleParts, article_parts
from sitrep.extract.text.boundaries import split_articles
from sitrep.extract.text.lines import build_units
from sitrep.extract.text.markdown import markdown_lines
from sitrep.extract.text.stamp_dates import reference_time, resolve_stamp
from sitrep.models import Article, article_id


def extract_text(
    text: str, source: str, meta: dict[str, Any], markdown: bool = False
) -> list[Article]:
    """Every article in ``text``, in order; ``InputError`` when there is none."""
    if not text.strip():
        raise InputError(source, "the text is empty; give a file that holds article text")
    lines, levels = text.splitlines(), None
    if markdown:
        parsed = markdown_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
        lines, levels, meta = parsed.lines, parsed.levels, {**parsed.meta, **meta}
    units = build_units(lines, levels, default_vocabulary(), soft_breaks=markdown)
    segments = split_articles(units)
    parts = [p for p in (article_parts(units, s) for s in segments) if p.paragraphs]
    if not parts and len(segments) == 1 and segments[0].title is not None:
        # a lone short line is text, not a headline over nothing
        parts = [ArticleParts(title=None, paragraphs=[units[segments[0].title].text])]
    if not parts:
        raise InputError(
            source,
            "no article text found: every line looks like site chrome (share, follow, "
            "dates, captions); check the file, or add your site's words to a chrome "
            "vocabulary file (role,phrase) named by SITREP_CHROME_FILE",
        )
    reference = reference_time(meta)
    single = len(parts) == 1
    return [_article(p, source, meta, reference, single) for p in parts]


def _article(
    parts: ArticleParts,
    source: str,
    meta: dict[str, Any],
    reference: datetime | None,
    single: bool,
) -> Article:
    """An ``Article`` from its parts; page-level ``meta`` fills gaps only for a lone article."""
    body = "\n\n".join(parts.paragraphs)
    url = meta.get("url") or None
    own = meta if single else {}
    agency = parts.dateline.agency if parts.dateline else None
    extra: dict[str, Any] = {}
    if parts.dateline:
        extra["dateline"] = parts.dateline.place
    if agency:
        extra["agency"] = agency
    return Article(
        # several articles share the page URL, so only a lone article is named by it
        id=article_id(url if single else None, body),
        source=source,
        text=body,
        url=url,
        title=parts.title or own.get("title") or None,
        outlet=meta.get("outlet") or agency,
        author=parts.author or own.get("author") or None,
        published=_published(parts, reference) or normalise_published(own.get("published")),
        extra=extra,
    )


def _published(parts: ArticleParts, reference: datetime | None) -> str | None:
    """The first stamp of the article that gives a date (relative ones need ``reference``)."""
    for stamp in parts.dates:
        resolved = resolve_stamp(stamp, reference)
        if resolved:
            return resolved
    return None
