"""TIMEX3 values read as dates and periods: what a figure's time reference means."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.render.readable_dates import DAY, DURATION, MONTH, PROSE, timex_words

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_SINCE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.IGNORECASE)


def granularity(value: str | None) -> str | None:
    """day, week, month, season, year, duration, or None for references like PRESENT_REF."""
    if not value:
        return None
    for name, rx in (("day", DAY), ("week", _WEEK), ("month", MONTH),
                     ("season", _SEASON), ("year", _YEAR)):
        if rx.match(value):
            return name
    if DURATION.match(value):
        return "duration"
    return None


def day_of(value: str | None) -> date | None:
    """The day a day-level value names (the Monday of a week value)."""
    if not value:
        return None
    m = DAY.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = _WEEK.match(value)
    if m:
        try:
            return date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
    return None


def long_duration(value: str) -> bool:
    """A duration of a month or more: a figure over it is an aggregate, not the event's."""
    m = DURATION.match(value)
    if not m:
        return False
    unit = m[2]
    return unit in ("Y", "M") or (unit == "W" and m[1] not in ("1", "X"))


def is_since(text: str, start: int) -> bool:
    """``text[start:]`` follows "since"/"from": an open period running up to now."""
    return bool(_SINCE.search(text[max(0, start - 12):start]))


def in_window(value: date, first: date, last: date, days: int) -> bool:
    return first - timedelta(days=days) <= value <= last + timedelta(days=2)


def human(value: str) -> str:
    """A TIMEX3 value in the brief's words ("2024-W25" -> "week of 17 June 2024")."""
    return timex_words(value, PROSE)
