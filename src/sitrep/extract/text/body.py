"""One article's parts from its segment: title, body paragraphs, stamps, byline, dateline.

What goes: the headline (and any reprint of it), everything above it,
chrome lines, a teaser label with the teaser lines under it, and bullet
summaries that only repeat a sentence of the body. What the chrome said (a
date, an author) is kept aside before the line is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.chrome import LineKind, fold_phrase, is_bare_name
from sitrep.extract.text.boundaries import Segment, same_headline
from sitrep.extract.text.dateline import Dateline, find_dateline
from sitrep.extract.text.headline import is_prose
from sitrep.extract.text.lines import Unit
from sitrep.models import normalise_text

# A bullet sharing this much of its words with one body sentence repeats it.
_REPEAT_OVERLAP = 0.8
_MIN_REPEAT_WORDS = 4
_SENTENCE = re.compile(r"(?<=[.!?])['\"”’)]*\s+")


@dataclass(slots=True)
class ArticleParts:
    """What the text layer found for one article, before it becomes an ``Article``."""

    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # stamp texts, most trusted first
    author: str | None = None
    dateline: Dateline | None = None


def article_parts(units: list[Unit], segment: Segment) -> ArticleParts:
    """The title, clean body paragraphs and stamps of ``segment``."""
    title = units[segment.title].text if segment.title is not None else None
    title_key = fold_phrase(title) if title else None
    header_dates: list[str] = []
    other_dates: list[str] = []
    authors: list[str] = []
    kept: list[Unit] = []
    in_teasers = False
    for index in range(segment.start, segment.end):
        unit = units[index]
        in_header = segment.title is not None and index < segment.body_start
        if unit.cls.date:
            (header_dates if in_header else other_dates).append(unit.cls.date)
        if unit.cls.author:
            authors.append(unit.cls.author)
        if unit.kind is LineKind.TEASER_LABEL:
            in_teasers = True
            continue
        if in_teasers and _is_teaser(unit):
            continue
        in_teasers = False
        if in_header and _is_header_name(unit, index, segment):
            authors.append(unit.text)
            continue
        if _is_dropped(unit, index, segment, title_key):
            continue
        kept.append(unit)
    kept = _without_repeating_bullets(kept)
    first_prose = next((u.text for u in kept if u.kind is LineKind.TEXT and is_prose(u.text)), "")
    return ArticleParts(
        title=title,
        paragraphs=[u.text for u in kept],
        dates=header_dates + other_dates,
        author=authors[0] if authors else None,
        dateline=find_dateline(first_prose),
    )


def _is_header_name(unit: Unit, index: int, segment: Segment) -> bool:
    """A bare name between the headline and the first paragraph: the author."""
    after_title = segment.title is not None and index > segment.title
    return after_title and unit.kind is LineKind.TEXT and is_bare_name(unit.text)


def _is_teaser(unit: Unit) -> bool:
    """A line under a teaser label: a bullet or a headline-shaped line (not a paragraph)."""
    return unit.kind is LineKind.BULLET or (unit.kind is LineKind.TEXT and not is_prose(unit.text))


def _is_dropped(unit: Unit, index: int, segment: Segment, title_key: str | None) -> bool:
    if segment.title is not None and index <= segment.title:
        return True  # the headline and whatever sits above it
    if unit.cls.is_chrome or unit.kind is LineKind.BLANK:
        return True
    return title_key is not None and same_headline(unit.text, title_key)  # reprinted


def _without_repeating_bullets(units: list[Unit]) -> list[Unit]:
    """``units`` without the bullets that restate a sentence of the rest of the body."""
    if not any(u.kind is LineKind.BULLET for u in units):
        return units
    body = [u.text for u in units if u.kind is not LineKind.BULLET]
    sentences = [normalise_text(s) for p in body for s in _SENTENCE.split(p)]
    joined = " ".join(normalise_text(p) for p in body)
    return [
        unit
        for unit in units
        if not (
            unit.kind is LineKind.BULLET
            and _repeats(unit.cls.content or unit.text, joined, sentences)
        )
    ]


def _repeats(bullet: str, body: str, sentences: list[str]) -> bool:
    key = normalise_text(bullet)
    words = set(key.split())
    if len(words) < _MIN_REPEAT_WORDS:
        return False  # a short list item ("Iran") is content, not a summary
    if f" {key} " in f" {body} ":
        return True
    for sentence in sentences:
        other = set(sentence.split())
        if other and len(words & other) / len(words | other) >= _REPEAT_OVERLAP:
            return True
    return False
