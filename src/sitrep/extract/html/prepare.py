"""Tree fixes applied before trafilatura sees a page.

- embedded posts (tweets and the like) quoted in an article are part of its
  story (often the statement it reports), but sit in "social embed" wrappers
  that trafilatura discards as share widgets: they become plain quotes.

Two more fixes concern inline markup inside paragraphs, which trafilatura
judges like blocks:

- hover cards: a person's or topic's pop-up (photo plus a list of links)
  nested in the sentence that names them; its text would run into the
  sentence ("Jane DoeJane DoeLatest stories...");
- plain ``<span>`` wrappers: a span inside a paragraph is part of the
  sentence, but a class such as "link" or "bottom" makes trafilatura's
  precision mode delete it with its words, leaving a broken sentence.
"""

from __future__ import annotations

from lxml.etree import XPath
from lxml.html import Element, HtmlElement

_EMBEDDED_POSTS = XPath(
    ".//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'bluesky-embed')"
    " or contains(@class, 'mastodon-embed')]"
)
_WRAPPER_STOP = ("body", "article", "main", "html")

_CARD_CANDIDATES = XPath(".//p//span[.//img and count(.//a) >= 2]")
_NON_LINK_TEXT = XPath(".//text()[not(ancestor::a)]")
# a card is photo plus links; a span around the sentence has words of its own
_CARD_MAX_OWN_WORDS = 3
# spans that hide, carry media or caption it keep their element: trafilatura may drop them
_PLAIN_SPANS = XPath(
    ".//p//span[not(@style) and not(@hidden) and not(@aria-hidden)"
    " and not(contains(@class, 'hid')) and not(contains(@class, 'sr-only'))"
    " and not(contains(@class, 'visually')) and not(contains(@class, 'caption'))"
    " and not(contains(@class, 'credit')) and not(.//img)]"
)


def _outermost_wrapper(elem: HtmlElement) -> HtmlElement:
    """The highest ancestor of ``elem`` that holds nothing but ``elem``'s text."""
    text = elem.text_content().strip()
    wrapper = elem
    parent = wrapper.getparent()
    while parent is not None and parent.tag not in _WRAPPER_STOP:
        if parent.text_content().strip() != text:
            break
        wrapper, parent = parent, parent.getparent()
    return wrapper


def _unwrap_embedded_post(post: HtmlElement) -> None:
    wrapper = _outermost_wrapper(post)
    parent = wrapper.getparent()
    if parent is None:
        return
    quote = Element("blockquote")
    quote.text = post.text
    quote.extend(list(post))
    quote.tail = wrapper.tail
    parent.replace(wrapper, quote)


def _is_hover_card(span: HtmlElement) -> bool:
    if span.find(".//img") is None or len(span.findall(".//a")) < 2:
        return False  # an inner card already went
    own_text = " ".join(str(t) for t in _NON_LINK_TEXT(span))
    return len(own_text.split()) <= _CARD_MAX_OWN_WORDS


def prepare_for_extraction(tree: HtmlElement) -> HtmlElement:
    """Fix ``tree`` in place (see the module docstring) and return it."""
    for post in _EMBEDDED_POSTS(tree):
        _unwrap_embedded_post(post)
    # innermost first: the card goes, the wrapper around "name link + card" stays
    for span in reversed(_CARD_CANDIDATES(tree)):
        if _is_hover_card(span):
            span.drop_tree()
    for span in _PLAIN_SPANS(tree):
        span.drop_tag()
    return tree
