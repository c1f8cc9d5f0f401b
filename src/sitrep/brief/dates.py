"""Dates for the timeline: resolved time expressions, and year-less dates placed by the story.

An undated article's "6 November" has no year of its own; the story's other
articles do. The day is placed in the latest year that does not put it after
the story's last publication (plus two days), and marked as inferred.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_MONTHS |= {m[:3]: i for m, i in list(_MONTHS.items())} | {"sept": 9}
_DAY_MONTH = re.compile(r"^(?:on\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?$", re.I)
_MONTH_DAY = re.compile(r"^(?:on\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$", re.I)


def infer_day(text: str, anchor: date | None) -> date | None:
    """The day a year-less "6 November" / "Nov. 6" names, given the story's last date."""
    if anchor is None:
        return None
    t = text.strip()
    m = _DAY_MONTH.match(t)
    day_s, month_s = (m[1], m[2]) if m else (None, None)
    if not m:
        m2 = _MONTH_DAY.match(t)
        if not m2:
            return None
        month_s, day_s = m2[1], m2[2]
    month = _MONTHS.get((month_s or "").lower())
    if month is None or day_s is None:
        return None
    for year in (anchor.year, anchor.year - 1):
        try:
            d = date(year, month, int(day_s))
        except ValueError:
            return None
        if d <= anchor + timedelta(days=2):
            return d
    return None
