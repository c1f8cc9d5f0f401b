"""Feed items as the watcher keeps them: a key that identifies an item across
feeds and polls (its canonical URL, else a hash of its text), and the fields
the feed gave (kept as fallback metadata and text for the article)."""

from __future__ import annotations

from sitrep.models import normalise_text
from sitrep.sources.feeds import feed_entries, html_fragment_to_text
from sitrep.store.dedup import canonical_url, identity_hash
from sitrep.store.watch import NewItem


def feed_items(data: bytes, source: str) -> tuple[str | None, list[NewItem]]:
    """The feed's title and its items (an empty feed has none); InputError when broken."""
    entries = feed_entries(data, source)
    title = next((e["outlet"] for e in entries if e.get("outlet")), None)
    items = []
    for entry in entries:
        text = html_fragment_to_text(entry.pop("content") or "")
        meta = {k: v for k, v in entry.items() if v}
        if text:
            meta["content"] = text
        normal = normalise_text(text) if text else ""
        thash = identity_hash(normal, meta.get("title")) if normal else None
        url_key = canonical_url(meta.get("url"))
        key = url_key or (f"text:{thash}" if thash else None)
        if key is None:
            continue  # neither a link nor text: nothing to store
        items.append(NewItem(key, meta.get("url"), url_key, thash, meta))
    return title, items
