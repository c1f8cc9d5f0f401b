"""Main text and metadata from HTML pages (trafilatura + htmldate + JSON-LD/OpenGraph).

The page is parsed once; the tree is shared by the metadata readers, the
multi-article splitter and trafilatura (which works on its own copy).
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement, fromstring
from trafilatura.utils import load_html

from sitrep.errors import InputError
from sitrep.extract.html.article_blocks import find_article_blocks, headline_of
from sitrep.extract.html.main_text import extract_main_text
from sitrep.extract.metadata import PageMetadata, read_page_metadata
from sitrep.extract.published import normalise_published
from sitrep.models import Article, article_id

_MAX_BYLINE_WORDS = 8
_NO_TEXT = (
    "no article text found in the page (only navigation, or an empty or script-only page); "
    "if the page needs JavaScript, save it from a browser, or pass its text as a .txt file"
)


def _parse(html: str, source: str) -> HtmlElement:
    if not html.strip():
        raise InputError(source, _NO_TEXT)
    tree = load_html(html)
    if tree is None:
        raise InputError(
            source, "not a readable HTML page; if the file is plain text, give it a .txt name"
        )
    return tree


def _article(source: str, text: str, meta: PageMetadata, article_id_: str) -> Article:
    return Article(
        id=article_id_,
        source=source,
        text=text,
        url=meta.url,
        title=meta.title,
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        language=meta.language or "en",
    )


def _first_h1(tree: HtmlElement) -> str | None:
    """The displayed headline, which often differs from the metadata title."""
    h1 = tree.find(".//h1")
    return " ".join(h1.text_content().split()) if h1 is not None else None


def _standalone(block: HtmlElement) -> HtmlElement:
    """A copy of ``block`` as the body of a page of its own, for trafilatura."""
    page = fromstring("<html><body></body></html>")
    page.find("body").append(deepcopy(block))
    return page


def _byline(block: HtmlElement) -> str | None:
    found = block.xpath(
        ".//*[@itemprop='author' or @rel='author' or contains(@class, 'byline')"
        " or contains(@class, 'author')][1]"
    )
    text = " ".join(" ".join(found[0].itertext()).split()) if found else ""
    text = text.removeprefix("By ").removeprefix("by ")
    return text if 0 < len(text.split()) <= _MAX_BYLINE_WORDS else None


def _permalink(headline: HtmlElement, base: str | None) -> str | None:
    link = headline.find(".//a[@href]")
    url = urljoin(base or "", link.get("href", "")) if link is not None else ""
    return url if url.startswith(("http://", "https://")) else None


def _block_metadata(block: HtmlElement, headline: HtmlElement, page: PageMetadata) -> PageMetadata:
    """An article block's own headline, date, byline and permalink; the page's otherwise."""
    stamp = block.xpath(".//time/@datetime | .//*[@itemprop='datePublished']/@content")
    return PageMetadata(
        title=" ".join(" ".join(headline.itertext()).split()) or page.title,
        published=(normalise_published(str(stamp[0])) if stamp else None) or page.published,
        author=_byline(block) or page.author,
        outlet=page.outlet,
        url=_permalink(headline, page.url) or page.url,
        language=page.language,
    )


def _block_articles(blocks: list[HtmlElement], source: str, page: PageMetadata) -> list[Article]:
    articles = []
    for block in blocks:
        headline = headline_of(block)
        if headline is None:
            continue
        meta = _block_metadata(block, headline, page)
        text = extract_main_text(_standalone(block), meta.url, [meta.title])
        if text:
            # blocks without a permalink share the page URL: their ids come from their text
            own_url = meta.url if meta.url != page.url else None
            articles.append(_article(source, text, meta, article_id(own_url, text)))
    return articles


def extract_html(html: str, source: str, meta: dict[str, Any]) -> list[Article]:
    """The articles in an HTML page: usually one, several for a multi-article page.

    ``meta`` is what the caller already knows (a feed item's title, url,
    published; the fetched URL under "url"); the page's own metadata wins
    except for the URL, used only when the page names no canonical URL.
    Raises ``InputError`` when the page holds no article text.
    """
    tree = _parse(html, source)
    page = read_page_metadata(tree, meta)
    blocks = find_article_blocks(tree)
    if blocks and len(articles := _block_articles(blocks, source, page)) >= 2:
        return articles
    text = extract_main_text(tree, page.url, [page.title, _first_h1(tree)])
    if not text:
        raise InputError(source, _NO_TEXT)
    return [_article(source, text, page, article_id(page.url, text))]
