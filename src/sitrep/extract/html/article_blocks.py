"""Pages that carry several articles: find one element per article, in page order.

A block counts as an article when it opens with a headline (h1-h3 or a
schema.org headline) and goes on with a real body: at least ``MIN_BODY_WORDS``
words of paragraph text, and at most one linked headline. Teasers in a
"related stories" list have a linked headline each and a line or two of text,
comments usually have no headline; blocks in comment, related, sidebar or
author-bio containers are never taken. So an ordinary article page does not
split. Two sources of blocks are tried:

1. ``<article>`` elements (the innermost ones that qualify);
2. runs of sibling elements with the same tag and class, such as the posts of a
   blog front page, when each also carries its own date or permalink.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml.html import HtmlElement

MIN_BODY_WORDS = 80

_ANY_HEADLINE = ".//*[self::h1 or self::h2 or self::h3 or @itemprop='headline']"
# containers whose blocks are never the page's articles
_OFF_TOPIC = re.compile(
    r"comment|related|teaser|promo|recommend|sidebar|widget|newsletter|author|\bbio\b", re.I
)
_OFF_TOPIC_ANCESTORS = (
    "ancestor::aside|ancestor::nav|ancestor::footer|ancestor::header"
    "|ancestor::*[contains(@id, 'comment') or contains(@class, 'comment')"
    " or contains(@class, 'related') or contains(@class, 'sidebar')]"
)


def _headlines(block: HtmlElement) -> list[HtmlElement]:
    return list(block.xpath(_ANY_HEADLINE))


def _body_words(block: HtmlElement, headline: HtmlElement) -> int:
    """Words of paragraph text after the headline."""
    words = 0
    seen_headline = False
    for elem in block.iter("p", headline.tag):
        if elem is headline:
            seen_headline = True
        elif seen_headline and elem.tag == "p":
            words += len(" ".join(elem.itertext()).split())
    return words


def headline_of(block: HtmlElement) -> HtmlElement | None:
    """The block's headline element if the block is a full article, else None."""
    label = f"{block.get('class', '')} {block.get('id', '')}"
    if _OFF_TOPIC.search(label) or block.xpath(_OFF_TOPIC_ANCESTORS):
        return None
    headlines = _headlines(block)
    if not headlines or not " ".join(headlines[0].itertext()).strip():
        return None
    # a list of teasers has a linked headline per item; an article at most its own
    if sum(1 for h in headlines if h.find(".//a[@href]") is not None) > 1:
        return None
    headline = headlines[0]
    return headline if _body_words(block, headline) >= MIN_BODY_WORDS else None


def _article_elements(tree: HtmlElement) -> list[HtmlElement]:
    full = [a for a in tree.iter("article") if headline_of(a) is not None]
    # innermost only: a wrapper <article> around several articles is not one of them
    return [a for a in full if not any(o is not a and a in o.iterdescendants() for o in full)]


def _has_own_stamp(block: HtmlElement, headline: HtmlElement) -> bool:
    return bool(
        block.xpath(".//time | .//*[@itemprop='datePublished']") or headline.xpath(".//a[@href]")
    )


def _repeated_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """The largest group of same-tag, same-class siblings that are each a dated article."""
    groups: dict[tuple[int, str, str], dict[HtmlElement, None]] = defaultdict(dict)
    for headline in tree.xpath(_ANY_HEADLINE):
        for block in headline.iterancestors("div", "section", "li"):
            parent = block.getparent()
            if parent is not None and block.get("class"):
                groups[(id(parent), block.tag, block.get("class", ""))][block] = None
    best: list[HtmlElement] = []
    for blocks in groups.values():
        if len(blocks) < max(2, len(best) + 1):
            continue
        full = [b for b in blocks if (h := headline_of(b)) is not None and _has_own_stamp(b, h)]
        if len(full) >= 2 and len(full) > len(best):
            best = full
    return best


def find_article_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """One element per article when the page holds two or more, else []."""
    for blocks in (_article_elements(tree), _repeated_blocks(tree)):
        if len(blocks) >= 2:
            return blocks
    return []
