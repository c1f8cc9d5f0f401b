"""Where articles start in a sequence of units.

A new article starts at a headline-shaped line that the lines after it
confirm: stamps, bylines and share buttons before the first paragraph, the
headline printed again, or a dateline opening that paragraph. Each piece of
evidence has a weight; a headline needs ``START_EVIDENCE`` to open an
article. An in-article heading (all capitals, or a short line followed
straight by paragraphs) has no such evidence and stays in its article.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.chrome import LineKind, fold_phrase
from sitrep.extract.text.dateline import find_dateline
from sitrep.extract.text.headline import (
    HEADLINE_THRESHOLD,
    TOP_HEADLINE_THRESHOLD,
    headline_score,
    is_prose,
)
from sitrep.extract.text.lines import Unit

START_EVIDENCE = 2
_HEADER_WINDOW = 8  # units looked at after a headline for its header chrome

# Evidence weights: what follows a headline on a news page, and how surely.
_WEIGHT = {
    LineKind.DATE: 2,
    LineKind.BYLINE: 2,
    LineKind.CHROME: 1,
    LineKind.CREDIT: 1,
}
_REPEATED_HEADLINE = 3
_TOP_HEADING = 3  # a Markdown '#' heading
_DATELINE = 2
_WIDE_GAP = 1  # two or more blank lines, or a separator rule, before the headline
_WIDE_GAP_BLANKS = 2


@dataclass(frozen=True, slots=True)
class Segment:
    """Units ``start``..``end`` (exclusive) form one article; ``title`` indexes its headline."""

    start: int
    end: int
    title: int | None
    body_start: int  # first unit after the headline's header chrome


@dataclass(frozen=True, slots=True)
class _Start:
    title: int
    body_start: int


def split_articles(units: list[Unit]) -> list[Segment]:
    """The articles in ``units``, in order (one untitled segment when no headline is found)."""
    starts: list[_Start] = []
    seen_body = False
    for index, unit in enumerate(units):
        if starts and index < starts[-1].body_start:
            continue  # inside the last headline's header (e.g. the headline printed again)
        at_top = not seen_body and not starts
        start = _start_at(units, index, at_top)
        if start is not None:
            starts.append(start)
        elif unit.kind in (LineKind.TEXT, LineKind.BULLET):
            seen_body = True
    return _segments(units, starts)


def _start_at(units: list[Unit], index: int, at_top: bool) -> _Start | None:
    unit = units[index]
    if unit.kind is not LineKind.TEXT:
        return None
    score = headline_score(unit.text)
    threshold = TOP_HEADLINE_THRESHOLD if at_top else HEADLINE_THRESHOLD
    if score < threshold:
        return None
    evidence, body_start = header_evidence(units, index)
    if at_top or evidence >= START_EVIDENCE:
        return _Start(index, body_start)
    return None


def header_evidence(units: list[Unit], index: int) -> tuple[int, int]:
    """Evidence that ``units[index]`` heads a new article, and where its body begins."""
    head = units[index]
    evidence = _TOP_HEADING if head.heading == 1 else 0
    previous = units[index - 1] if index else None
    if index and (
        head.blank_before >= _WIDE_GAP_BLANKS or (previous and previous.kind is LineKind.RULE)
    ):
        evidence += _WIDE_GAP
    key = fold_phrase(head.text)
    end = min(len(units), index + 1 + _HEADER_WINDOW)
    for j in range(index + 1, end):
        unit = units[j]
        if unit.kind is LineKind.TEXT:
            if same_headline(unit.text, key):
                evidence += _REPEATED_HEADLINE
                continue
            if is_prose(unit.text):
                if find_dateline(unit.text):
                    evidence += _DATELINE
                return evidence, j
            if unit.heading:
                return evidence, j  # a Markdown heading: the header is over
            continue  # a standfirst or subtitle
        if not unit.cls.floating:
            evidence += _WEIGHT.get(unit.kind, 0)
    return evidence, end


def same_headline(text: str, folded_title: str) -> bool:
    """True when ``text`` is the headline (folded as ``fold_phrase`` does) printed again."""
    # the length test first: most lines are paragraphs, far longer than a headline
    return abs(len(text) - len(folded_title)) <= len(folded_title) // 2 and (
        fold_phrase(text) == folded_title
    )


def _segments(units: list[Unit], starts: list[_Start]) -> list[Segment]:
    if not starts:
        return [Segment(0, len(units), None, 0)]
    bounds = [
        _pull_back(units, start.title, starts[k - 1].body_start if k else 0)
        for k, start in enumerate(starts)
    ]
    segments: list[Segment] = []
    if _has_body_before(units, bounds[0]):
        segments.append(Segment(0, bounds[0], None, 0))  # text before the first headline
    else:
        bounds[0] = 0  # only chrome above the first headline: it is that article's header
    for k, start in enumerate(starts):
        end = bounds[k + 1] if k + 1 < len(starts) else len(units)
        segments.append(Segment(bounds[k], end, start.title, start.body_start))
    return segments


def _has_body_before(units: list[Unit], index: int) -> bool:
    return any(u.kind is LineKind.TEXT and is_prose(u.text) for u in units[:index])


def _pull_back(units: list[Unit], title: int, floor: int) -> int:
    """The headline's index moved back over the chrome just above it (a date, a section tag)."""
    index = title
    while (
        index > floor
        and units[index - 1].cls.is_chrome
        and units[index - 1].kind is not LineKind.RULE
    ):
        index -= 1
    return index
