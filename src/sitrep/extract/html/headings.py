"""Put back the section headings that trafilatura's precision mode dropped.

Precision mode deletes headings that are links (product round-ups) or hold
stray markup, even when they sit between two paragraphs it kept. A heading
whose neighbouring paragraphs or headings (its siblings in the page) come out
as two adjacent lines of the text is part of the article: it goes back between them.
A teaser headline inside a "related" box is not a sibling of the paragraphs
around the box, so it stays out.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from sitrep.models import normalise_text

_MAX_HEADING_WORDS = 20
_SIBLING_REACH = 3
_BLOCKS = ("p", "h2", "h3", "h4")  # an image or an empty paragraph may stand next to the heading


def _text(elem: HtmlElement) -> str:
    return " ".join(" ".join(elem.itertext()).split())


def _neighbour_block(heading: HtmlElement, forward: bool) -> str:
    """Text key of the nearest sibling paragraph or heading with text, else ""."""
    sibling = heading.getnext() if forward else heading.getprevious()
    for _ in range(_SIBLING_REACH):
        if sibling is None:
            return ""
        if sibling.tag in _BLOCKS and (text := _text(sibling)):
            return normalise_text(text)
        sibling = sibling.getnext() if forward else sibling.getprevious()
    return ""


def _line_of(key: str, where: dict[str, int]) -> int | None:
    return where.get(key) if key else None


def restore_headings(text: str, tree: HtmlElement) -> str:
    """``text`` with dropped in-body headings of ``tree`` put back in place."""
    lines = text.split("\n")
    keys = [normalise_text(line) for line in lines]
    where = {key: i for i, key in reversed(list(enumerate(keys)))}
    inserts: dict[int, str] = {}
    for heading in tree.iter("h2", "h3", "h4"):
        title = _text(heading)
        key = normalise_text(title)
        if not key or key in where or len(title.split()) > _MAX_HEADING_WORDS:
            continue
        before = _line_of(_neighbour_block(heading, forward=False), where)
        after = _line_of(_neighbour_block(heading, forward=True), where)
        if before is not None and after == before + 1 and after not in inserts:
            inserts[after] = title
    if not inserts:
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in inserts:
            out.append(inserts[i])
        out.append(line)
    return "\n".join(out)
