"""Articles from structured records (JSON Lines exports, feed items).

A record's text is kept unchanged, so that span offsets computed on it match
what the caller sent, and its id is kept when it has one. Its page chrome (login
forms, share buttons, gallery counters and credits, footers) is listed as spans in
``extra["chrome_spans"]`` (chrome_spans.py), which annotation and stories read as blanks.
"""

from __future__ import annotations

from typing import Any

from sitrep.errors import InputError
from sitrep.extract.chrome_spans import EXTRA_KEY, chrome_spans
from sitrep.extract.published import normalise_published
from sitrep.models import Article, SourceDoc, article_id

# Field names of news-please, NGEC and common scraper exports, first match wins.
_FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "canonical_url"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source_domain", "site_name", "publisher", "source_name"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date_publish", "publish_date", "date", "pubDate", "dct"),
    "language": ("language", "lang"),
}
_TEXT_FIELDS = ("text", "maintext", "body", "content", "articleBody")


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    return str(value).strip() or None


def record_to_article(doc: SourceDoc) -> Article:
    record = doc.meta
    text = doc.content if doc.content else _first(record, _TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        raise InputError(doc.source, "record has no text (expected a 'text' field)")
    url = _as_str(_first(record, _FIELDS["url"]))
    rid = _as_str(record.get("id"))
    used = {"id", EXTRA_KEY, *_TEXT_FIELDS, *(n for names in _FIELDS.values() for n in names)}
    extra = {k: v for k, v in record.items() if k not in used}
    spans = chrome_spans(text)
    if spans:  # read afresh from the text: a re-ingested export's own list is not trusted
        extra[EXTRA_KEY] = [list(s) for s in spans]
    return Article(
        id=rid or article_id(url, text),
        source=doc.source,
        text=text,
        url=url,
        title=_as_str(_first(record, _FIELDS["title"])),
        outlet=_as_str(_first(record, _FIELDS["outlet"])),
        author=_as_str(_first(record, _FIELDS["author"])),
        published=normalise_published(_first(record, _FIELDS["published"])),
        language=_as_str(_first(record, _FIELDS["language"])) or "en",
        extra=extra,
    )
