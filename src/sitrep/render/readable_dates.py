"""Dates as readers write them: TIMEX3 values ("2025-W45", "2024-FA", "P15M") and timestamps.

One reading of the values, two ways of writing them: the brief's prose spells months out
("week of 17 June 2024", "fall 2024"); the web pages, short on room, abbreviate
("week of 3 Nov 2025", "autumn 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime


@dataclass(frozen=True, slots=True)
class DateWords:
    """How a rendering writes months and seasons."""

    months: tuple[str, ...]
    seasons: dict[str, str]


PROSE = DateWords(
    months=("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"),
    seasons={"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"},
)
COMPACT = DateWords(
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    seasons={"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"},
)

_HALVES = {"1": "first half", "2": "second half"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
# TIMEX value shapes, shared with sitrep.reconcile.timeref.
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
DURATION = re.compile(r"^P(\d+|X)([YMWD])$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})XX$")
_PART_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10,
               "H1": 1, "H2": 7}


def _week_first(m: re.Match[str]) -> date:
    """The first day of a matched ISO week ("2025-W45") or of its weekend ("2025-W45-WE")."""
    return date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)


def _day(d: date, words: DateWords) -> str:
    return f"{d.day} {words.months[d.month - 1]} {d.year}"


def _calendar_words(v: str, words: DateWords) -> str | None:
    """A day, month or week in words; None when ``v`` is none of them (or no real date)."""
    try:
        if m := DAY.match(v):
            return _day(date(int(m[1]), int(m[2]), int(m[3])), words)
        if (m := MONTH.match(v)) and 1 <= int(m[2]) <= 12:
            return f"{words.months[int(m[2]) - 1]} {m[1]}"
        if m := _WEEK.match(v):
            first = _week_first(m)
            return f"{'weekend' if m[3] else 'week'} of {_day(first, words)}"
    except ValueError:
        return None
    return None


def _period_words(v: str, words: DateWords) -> str | None:
    """A season, quarter, half, duration, decade or century in words, else None."""
    if m := _PART.match(v):
        part = m[2]
        if part in words.seasons:
            return f"{words.seasons[part]} {m[1]}"
        return f"Q{part[1]} {m[1]}" if part[0] == "Q" else f"{_HALVES[part[1]]} of {m[1]}"
    if m := DURATION.match(v):
        n, unit = m[1], _UNITS[m[2]]
        return f"{unit}s" if n == "X" else f"{n} {unit}{'' if n == '1' else 's'}"
    if m := _DECADE.match(v):
        return f"the {m[1]}0s"
    if m := _CENTURY.match(v):
        return f"the {int(m[1]) + 1}th century"
    return _REFS.get(v)


def timex_words(value: str, words: DateWords = PROSE) -> str:
    """A TIMEX3 value in words: "2024-W25" -> "week of 17 June 2024", "2024-FA" ->
    "fall 2024", "P15M" -> "15 months"; a value it does not know is shown as it is."""
    v = value.strip()
    return _calendar_words(v, words) or _period_words(v, words) or v


def human_date(value: str | None) -> str:
    """A TIMEX date value in the web's words: "7 Nov 2025", "autumn 2024" ("undated")."""
    return timex_words(value, COMPACT) if value else "undated"


def sort_day(value: str | None) -> str:
    """The first day a TIMEX value covers, for ordering ("2025-W45" -> "2025-11-03")."""
    v = (value or "").strip()
    try:
        if m := _WEEK.match(v):
            return _week_first(m).isoformat()
    except ValueError:
        return v
    if m := _PART.match(v):
        return f"{m[1]}-{_PART_MONTH[m[2]]:02d}"
    return v


def parse_moment(value: str | None) -> datetime | None:
    """A publication timestamp as an aware datetime (UTC when it names no zone)."""
    if not value or len(value.strip()) <= 10:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def human_time(value: str | None) -> str:
    """A publication date-time in words: "14 Mar 2025, 20:30 UTC" (a bare day: its date)."""
    moment = parse_moment(value)
    if moment is None:
        return human_date(value[:10]) if value else "undated"
    moment = moment.astimezone(UTC)
    return f"{_day(moment.date(), COMPACT)}, {moment:%H:%M} UTC"
