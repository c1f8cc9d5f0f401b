"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item becomes a record.

The item's content (else its summary) is the article text; with ``--fetch``
the caller fetches the item's link instead and keeps these fields as
fallback metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from sitrep.errors import InputError
from sitrep.models import SourceDoc

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")

# No entity expansion, no network: a feed is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per line."""
    if "<" not in fragment:
        return _SPACES.sub(" ", fragment).strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS:
            el.tail = "\n\n" + (el.tail or "")
    text = _SPACES.sub(" ", root.text_content())
    lines = (line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _text(el: Any, path: str) -> str | None:
    found = el.find(path, _NS)
    if found is None:
        return None
    value = "".join(found.itertext()).strip()
    return value or None


def _atom_link(entry: Any) -> str | None:
    links = entry.findall("atom:link", _NS)
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link.get("href"))
    return str(links[0].get("href")) if links and links[0].get("href") else None


def _rss_item(item: Any, channel_title: str | None, ns: str = "") -> dict[str, Any]:
    p = f"{ns}:" if ns else ""
    return {
        "title": _text(item, f"{p}title"),
        "url": _text(item, f"{p}link") or _text(item, "guid"),
        "published": _text(item, "pubDate") or _text(item, "dc:date"),
        "author": _text(item, "dc:creator") or _text(item, "author"),
        "outlet": channel_title,
        "content": _text(item, "content:encoded") or _text(item, f"{p}description"),
    }


def _atom_entry(entry: Any, feed_title: str | None) -> dict[str, Any]:
    return {
        "title": _text(entry, "atom:title"),
        "url": _atom_link(entry) or _text(entry, "atom:id"),
        "published": _text(entry, "atom:published") or _text(entry, "atom:updated"),
        "author": _text(entry, "atom:author/atom:name"),
        "outlet": feed_title,
        "content": _text(entry, "atom:content") or _text(entry, "atom:summary"),
    }


def _items(root: Any) -> list[dict[str, Any]]:
    tag = etree.QName(root).localname
    if tag == "rss":
        channel = root.find("channel")
        if channel is None:
            return []
        title = _text(channel, "title")
        return [_rss_item(i, title) for i in channel.findall("item")]
    if tag == "feed":
        title = _text(root, "atom:title")
        return [_atom_entry(e, title) for e in root.findall("atom:entry", _NS)]
    if tag == "RDF":
        title = _text(root, "rss1:channel/rss1:title")
        return [_rss_item(i, title, "rss1") for i in root.findall("rss1:item", _NS)]
    return []


FetchItem = Callable[[str, dict[str, Any]], SourceDoc]


def feed_entries(data: bytes, source: str) -> list[dict[str, Any]]:
    """The items of a feed as dicts (title, url, published, author, outlet,
    content: the raw content or summary); InputError for a broken feed."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        raise InputError(source, f"not a well-formed RSS or Atom feed ({err.msg})") from err
    if etree.QName(root).localname not in ("rss", "feed", "RDF"):
        raise InputError(source, f"XML root <{etree.QName(root).localname}> is not RSS or Atom")
    return _items(root)


def parse_feed(
    data: bytes, source: str, fetch: FetchItem | None = None
) -> Iterator[SourceDoc | InputError]:
    """One document per feed item; a broken feed is one InputError.

    With ``fetch``, an item's link is fetched (its fields kept as fallback
    metadata); when that fails the item's own content is used if it has any.
    """
    try:
        items = feed_entries(data, source)
    except InputError as err:
        yield err
        return
    if not items:
        yield InputError(source, "feed has no items")
        return
    for index, item in enumerate(items, start=1):
        where = f"{source}#{index}"
        text = html_fragment_to_text(item.pop("content") or "")
        meta = {k: v for k, v in item.items() if v}
        if fetch is not None and meta.get("url"):
            try:
                yield fetch(meta["url"], meta)
                continue
            except InputError as err:
                yield err
        if not text:
            yield InputError(where, "feed item has neither content nor summary; fetch its page",
                             hint="fetch")
            continue
        yield SourceDoc(source=where, kind="record", content=text, meta=meta)
