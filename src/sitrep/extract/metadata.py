"""Page metadata: title, publication date-time, author, outlet, canonical URL.

Publishers state their metadata for machines in three places, in falling order
of care: JSON-LD (schema.org NewsArticle and kin), OpenGraph / article: meta
tags, and plain ``<meta>``/``<link>``/``<time>`` elements. Each field takes the
first of these that has it; trafilatura's own heuristics (the ``<title>`` and
``<h1>``, bylines) and htmldate (date in the URL or the page text) are the
last resort. Everything reads the one parsed tree and is cheap except htmldate,
which only runs when the page states no date at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author, extract_sitename, extract_title

from sitrep.extract.published import normalise_published

_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report)$")
_PAGE_TYPES = {"WebPage", "ItemPage"}
_SITE_TYPES = {"Organization", "NewsMediaOrganization", "WebSite"}
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·:»-]\s+")
_SPACES = re.compile(r"\s+")
_EARLIEST_YEAR = 1970
_BY = re.compile(r"^by\s+", re.I)


@dataclass(slots=True)
class PageMetadata:
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


# ---------------------------------------------------------------- JSON-LD


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every schema.org object in the page's JSON-LD, @graph and lists flattened."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue  # broken JSON-LD is common; the other sources still count
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(
                        item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]]
                    )
                yield item


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _text(value: Any) -> str | None:
    """A clean string from a JSON-LD value: a string, a {name} object, or a list."""
    if isinstance(value, list):
        parts = [t for t in (_text(v) for v in value) if t]
        return ", ".join(dict.fromkeys(parts)) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, str | int | float):
        # publishers often put HTML entities (&#8216;) in JSON-LD and meta content
        cleaned = _SPACES.sub(" ", unescape(str(value))).strip()
        return cleaned or None
    return None


def _link(value: Any) -> str | None:
    """A URL from a JSON-LD value: a string or an {@id}/{url} object."""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return _absolute(value) if isinstance(value, str) else None


def _person_names(value: Any) -> str | None:
    """Author names only: JSON-LD often lists profile URLs among the names."""
    names = [n for n in (_text(v) for v in (value if isinstance(value, list) else [value])) if n]
    names = [n for n in names if not n.startswith(("http://", "https://", "/"))]
    return ", ".join(dict.fromkeys(names)) or None


def read_json_ld(tree: HtmlElement) -> PageMetadata:
    found = PageMetadata()
    articles, pages, sites = [], [], []
    for obj in _json_ld_objects(tree):
        kinds = _types(obj)
        if any(_ARTICLE_TYPES.search(k) for k in kinds):
            articles.append(obj)
        elif _PAGE_TYPES.intersection(kinds):
            pages.append(obj)
        elif _SITE_TYPES.intersection(kinds):
            sites.append(obj)
    for obj in articles + pages:
        found.title = found.title or _text(obj.get("headline")) or _text(obj.get("name"))
        found.published = found.published or _published(
            _text(obj.get("datePublished")) or _text(obj.get("dateCreated"))
        )
        found.author = found.author or _person_names(obj.get("author") or obj.get("creator"))
        publisher = obj.get("publisher")
        found.outlet = found.outlet or (_text(publisher) if isinstance(publisher, dict) else None)
        found.url = found.url or _link(obj.get("mainEntityOfPage")) or _link(obj.get("url"))
    for obj in sites:
        found.outlet = found.outlet or _text(obj.get("name"))
    return found


# ---------------------------------------------------------------- meta tags


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """First content of every <meta> by lower-cased property/name/itemprop."""
    values: dict[str, str] = {}
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = _SPACES.sub(" ", unescape(meta.get("content") or "")).strip()
        if key and content:
            values.setdefault(key, content)
    return values


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((values[k] for k in keys if k in values), None)


def _absolute(url: str | None, base: str | None = None) -> str | None:
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    return url if urlsplit(url).scheme in ("http", "https") else None


# a <time> in a sidebar or teaser list dates another story: only these count
_PUBLISHED_ELEMENTS = XPath(
    ".//*[@itemprop='datePublished'] | .//time[@pubdate] | .//article//time[@datetime]"
    " | .//main//time[@datetime]"
)


def _published(value: Any) -> str | None:
    """ISO date-time of ``value``, or None for a CMS placeholder (0001-01-01) or far future."""
    iso = normalise_published(value)
    if iso is None or not iso[:4].isdigit():
        return None
    return iso if _EARLIEST_YEAR <= int(iso[:4]) <= date.today().year + 1 else None


def _time_element_date(tree: HtmlElement) -> str | None:
    for elem in _PUBLISHED_ELEMENTS(tree):
        value = _published(elem.get("datetime") or elem.get("content"))
        if value:
            return value
    return None


def read_meta_tags(tree: HtmlElement, base_url: str | None) -> PageMetadata:
    values = _meta_values(tree)
    canonical = tree.find(".//link[@rel='canonical']")
    author = _first(values, _AUTHOR_META)
    return PageMetadata(
        title=_first(values, ("og:title", "twitter:title", "headline", "dc.title")),
        published=_published(_first(values, _DATE_META)) or _time_element_date(tree),
        author=None if author and author.startswith(("http://", "https://")) else author,
        outlet=_first(values, ("og:site_name", "application-name")),
        url=_absolute(canonical.get("href") if canonical is not None else None, base_url)
        or _absolute(values.get("og:url"), base_url),
    )


# ---------------------------------------------------------------- together


def _strip_site_suffix(title: str, outlet: str | None) -> str:
    """'Headline | Outlet' -> 'Headline' when one end names the outlet."""
    if not outlet:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    key = _site_key(outlet)
    if len(parts) > 1 and key:
        if _site_key(parts[-1]) == key:
            return title[: title.rfind(parts[-1])].rstrip(" |–—·:»-")
        if _site_key(parts[0]) == key:
            return title[len(parts[0]) :].lstrip(" |–—·:»-")
    return title


def _site_key(name: str) -> str:
    """'The-Courier.com' and 'the courier' alike."""
    return re.sub(r"\W+", "", re.sub(r"\.com$", "", name.strip().lower()))


def _clean_author(author: str | None) -> str | None:
    if not author:
        return None
    return _BY.sub("", author).strip() or None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _language(tree: HtmlElement) -> str | None:
    root = tree.getroottree().getroot()
    lang = (root.get("lang") or root.get("xml:lang") or "").strip().lower()
    return lang.split("-")[0] if re.fullmatch(r"[a-z]{2,3}(?:[-_][a-z0-9]+)*", lang) else None


def _fallback_date(tree: HtmlElement, url: str | None) -> str | None:
    # htmldate reads the URL, the markup and the page text; slow, so the last resort
    return _published(find_date(tree, extensive_search=True, original_date=True, url=url))


def read_page_metadata(tree: HtmlElement, known: dict[str, Any]) -> PageMetadata:
    """The page's metadata; ``known`` (a feed item's or fetcher's) fills the gaps.

    The canonical URL is the page's ``<link rel="canonical">``, else og:url,
    else the JSON-LD article's URL: the link element is the one search engines
    honour, JSON-LD ``url`` fields often name the publisher instead.

    The page wins over ``known`` for every field except the URL: ``known["url"]``
    is the address the page was fetched from and only stands in for a missing
    canonical URL (it is also the base for relative canonical links). A date
    the caller knows beats htmldate's guess from the URL or the page text.
    """
    base_url = _absolute(_text(known.get("url")))
    ld, tags = read_json_ld(tree), read_meta_tags(tree, base_url)
    url = tags.url or ld.url or base_url
    outlet = ld.outlet or tags.outlet or extract_sitename(tree)
    if outlet:
        outlet = outlet.lstrip("@")
    title = ld.title or tags.title or extract_title(tree) or _text(known.get("title"))
    published = (
        ld.published
        or tags.published
        or _published(known.get("published"))
        or _fallback_date(tree, url)
    )
    return PageMetadata(
        title=_strip_site_suffix(title, outlet) if title else None,
        published=published,
        author=_clean_author(ld.author or tags.author or extract_author(tree))
        or _text(known.get("author")),
        outlet=outlet or _text(known.get("outlet")) or _host(url),
        url=url,
        language=_language(tree),
    )
