"""Dates as readers write them: TIMEX values ("2025-W45", "2024-FA") and timestamps."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_HALVES = {"1": "first half", "2": "second half"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})XX$")


def _day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def human_date(value: str | None) -> str:
    """A TIMEX date value in words: "7 Nov 2025", "week of 3 Nov 2025", "autumn 2024";
    a value it does not know is shown as it is."""
    if not value:
        return "undated"
    v = value.strip()
    try:
        if m := _DAY.match(v[:10]):
            return _day(date(int(m[1]), int(m[2]), int(m[3])))
        if m := _MONTH.match(v):
            return f"{_MONTHS[int(m[2]) - 1]} {m[1]}"
        if m := _WEEK.match(v):
            first = date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
            return f"{'weekend' if m[3] else 'week'} of {_day(first)}"
    except (ValueError, IndexError):
        return v
    if m := _PART.match(v):
        part = m[2]
        if part in _SEASONS:
            return f"{_SEASONS[part]} {m[1]}"
        if part[0] == "Q":
            return f"Q{part[1]} {m[1]}"
        return f"{_HALVES[part[1]]} of {m[1]}"
    if m := _DECADE.match(v):
        return f"the {m[1]}0s"
    if m := _CENTURY.match(v):
        return f"the {int(m[1]) + 1}th century"
    return _REFS.get(v, v)


_PART_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10,
               "H1": 1, "H2": 7}


def sort_day(value: str | None) -> str:
    """The first day a TIMEX value covers, for ordering ("2025-W45" -> "2025-11-03")."""
    v = (value or "").strip()
    try:
        if m := _WEEK.match(v):
            return date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1).isoformat()
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
    return f"{_day(moment.date())}, {moment:%H:%M} UTC"
