"""A pending feed item to articles: fetch its page (robots.txt permitting) and
extract it; fall back to the text the feed carried when the page cannot be had."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.errors import FetchError, InputError
from sitrep.extract.record import record_to_article
from sitrep.models import Article, SourceDoc
from sitrep.pipeline import extract_doc
from sitrep.sources.decode import decode_bytes
from sitrep.store.watch import ItemRow
from sitrep.watch.client import PAGE_ACCEPT, PoliteClient


@dataclass(slots=True)
class ItemResult:
    """``state`` is stored (articles found), skipped, or pending/failed with ``error``."""

    item: ItemRow
    articles: list[Article] = field(default_factory=list)
    state: str = "stored"
    error: str | None = None


def item_articles(client: PoliteClient, item: ItemRow, fetch_pages: bool,
                  max_tries: int) -> ItemResult:
    """The articles of one item; never raises for a bad page or feed entry."""
    meta = {k: v for k, v in item.meta.items() if k != "content"}
    problem = "no link to fetch" if not item.url else None
    if fetch_pages and item.url:
        allowed = client.robots.allowed(item.url)
        if allowed is None:
            problem = "robots.txt of the site cannot be read now"
        elif not allowed:
            problem = "robots.txt forbids fetching the page"
        else:
            try:
                return ItemResult(item, _page_articles(client, item.url, meta))
            except InputError as err:
                problem = err.reason
    content = item.meta.get("content")
    if content:
        doc = SourceDoc(source=item.url or item.feed_url, kind="record", content=content,
                        meta=meta)
        return ItemResult(item, [record_to_article(doc)])
    if problem and "forbids" in problem:
        return ItemResult(item, state="skipped", error=problem)
    if not fetch_pages:
        return ItemResult(item, state="skipped", error="feed item has no text; fetch its page")
    final = item.tries + 1 >= max_tries
    return ItemResult(item, state="failed" if final else "pending", error=problem)


def _page_articles(client: PoliteClient, url: str, meta: dict[str, Any]) -> list[Article]:
    reply = client.get(url, accept=PAGE_ACCEPT)
    if reply.retry_later:
        raise FetchError(url, f"server asked to retry later (HTTP {reply.status})")
    if reply.status != 200 or not reply.body.strip():
        raise FetchError(url, f"no page (HTTP {reply.status})")
    text, encoding = decode_bytes(reply.body, reply.url)
    doc = SourceDoc(source=reply.url, kind="html", content=text,
                    meta={**meta, "url": meta.get("url") or reply.url, "encoding": encoding})
    found = extract_doc(doc)
    articles = [a for a in found if isinstance(a, Article)]
    if not articles:
        error = next(e for e in found if isinstance(e, InputError))
        raise error
    return articles
