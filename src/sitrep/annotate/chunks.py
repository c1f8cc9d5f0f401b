"""Long texts annotated in parts, so that memory per article stays bounded.

The language model needs about 3 MB per 1,000 characters at once; a text over
``PART_CHARS`` is cut at paragraph (else line, else sentence, else space)
boundaries into parts that are parsed one by one, and the spans of each part
are shifted back onto the whole text. Entities are tied within a part only
(a name's short form far from its full form may get its own id).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.models import Annotations, Article

PART_CHARS = 100_000
# Parts parsed together at most: bounds the memory of one model batch.
BATCH_CHARS = 200_000
_CUTS = ("\n\n", "\n", ". ", " ")
# Fields that hold a character offset into the text: a part's are moved onto the whole.
# A change's earlier value ("from 96 kilograms to 88") has a span of its own.
OFFSET_FIELDS = ("start", "end", "counted_start", "counted_end", "old_start", "old_end")


def split_text(text: str, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) parts of ``text``, each at most ``size`` characters, cut at breaks."""
    parts: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = -1
        for sep in _CUTS:  # the latest break in the second half of the window
            found = text.rfind(sep, start + size // 2, limit)
            if found >= 0:
                cut = found + len(sep)
                break
        end = cut if cut > start else limit
        parts.append((start, end))
        start = end
    parts.append((start, len(text)))
    return parts


@dataclasses.dataclass(slots=True)
class Piece:
    """One part of an article to parse: its text and where it sits in the whole."""

    index: int  # which article of the input
    offset: int
    article: Article  # the part, as an article of its own
    whole: Article


def pieces(articles: Iterable[Article], size: int = PART_CHARS) -> Iterator[Piece]:
    for index, article in enumerate(articles):
        if len(article.text) <= size:
            yield Piece(index, 0, article, article)
            continue
        for start, end in split_text(article.text, size):
            part = dataclasses.replace(article, text=article.text[start:end])
            yield Piece(index, start, part, article)


def char_batches(items: Iterable[Piece], max_items: int,
                 max_chars: int = BATCH_CHARS) -> Iterator[list[Piece]]:
    """Groups of pieces with at most ``max_items`` pieces and about ``max_chars`` characters."""
    group: list[Piece] = []
    chars = 0
    for item in items:
        if group and (len(group) >= max_items or chars + len(item.article.text) > max_chars):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += len(item.article.text)
    if group:
        yield group


def shift(value: Any, offset: int) -> Any:
    """Every span offset inside ``value`` (dataclasses, lists) moved by ``offset``, in place."""
    if isinstance(value, list):
        for item in value:
            shift(item, offset)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            inner = getattr(value, f.name)
            if f.name in OFFSET_FIELDS and isinstance(inner, int):
                setattr(value, f.name, inner + offset)
            elif isinstance(inner, list) or dataclasses.is_dataclass(inner):
                shift(inner, offset)
    return value


def merge(parts: list[tuple[int, Annotations]]) -> Annotations:
    """The annotations of a whole text from those of its parts (offset, layers)."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    whole = Annotations()
    for offset, ann in parts:
        shift(ann, offset)
        for f in dataclasses.fields(whole):
            getattr(whole, f.name).extend(getattr(ann, f.name))
    return whole
