"""Quotation regions of a text: where direct speech starts and ends.

Pairs curly quotes, and alternates straight ``"`` and typewriter ``''``
marks within a paragraph. A region keeps its quotation marks, as attribution
content does in PolNeAR-style annotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_MARK = re.compile(r"[“”\"«»„]|''|``|\n")
_OPENERS = frozenset({"“", "«", "„", "``"})
_CLOSERS = frozenset({"”", "»"})
_EITHER = frozenset({'"', "''"})
MAX_QUOTE_CHARS = 4000  # longer "quotes" come from a stray mark


@dataclass(slots=True)
class QuoteRegions:
    """Sorted, non-overlapping (start, end) character spans, marks included."""

    spans: list[tuple[int, int]]
    _starts: list[int] = field(init=False, repr=False)
    _ends: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = [s for s, _ in self.spans]
        self._ends = [e for _, e in self.spans]

    def any_end_between(self, start: int, end: int) -> bool:
        """Whether some region closes within [start, end)."""
        i = bisect.bisect_left(self._ends, start)
        return i < len(self._ends) and self._ends[i] < end

    def containing(self, start: int, end: int) -> tuple[int, int] | None:
        """The region that holds [start, end), if any."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self.spans[i][1] >= end:
            return self.spans[i]
        return None

    def ending_at(self, pos: int) -> tuple[int, int] | None:
        """The region whose closing mark ends exactly at ``pos``."""
        i = bisect.bisect_left(self._starts, pos) - 1
        if i >= 0 and self.spans[i][1] == pos:
            return self.spans[i]
        return None

    def starting_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self._starts, pos)
        if i < len(self.spans) and self.spans[i][0] == pos:
            return self.spans[i]
        return None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        out = []
        for span in self.spans[i:]:
            if span[0] >= end:
                break
            if span[1] > start:
                out.append(span)
        return out


def find_quote_regions(text: str) -> QuoteRegions:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _MARK.finditer(text):
        mark = m.group()
        if mark == "\n":
            opened = None  # a quote left open runs on into the next paragraph's own marks
        elif mark in _OPENERS or (mark in _EITHER and opened is None):
            opened = m.start()
        elif opened is not None and (mark in _CLOSERS or mark in _EITHER):
            if m.end() - opened <= MAX_QUOTE_CHARS:
                spans.append((opened, m.end()))
            opened = None
    return QuoteRegions(spans)
