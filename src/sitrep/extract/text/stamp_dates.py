"""Dates from chrome stamps ("Updated 07 November 2025", "6 sec ago") to ISO 8601."""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timedelta
from typing import Any

from dateutil import parser as dateutil_parser

from sitrep.extract.chrome import RELATIVE_DATE
from sitrep.extract.published import normalise_published, time_zones

# Meta keys that may carry the moment a page was fetched: relative stamps
# ("3 hours ago") are resolved against it and against nothing else.
REFERENCE_KEYS = ("reference_time", "fetched", "fetched_at", "retrieved", "retrieved_at")

_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
_DOT_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)


def resolve_stamp(value: str, reference: datetime | None) -> str | None:
    """ISO 8601 for a stamp's date text; relative text needs ``reference``.

    A date without a time stays a date; a relative stamp in seconds, minutes
    or hours gives a date-time, in days or weeks a date, vaguer ones nothing.
    """
    relative = RELATIVE_DATE.match(value.strip())
    if relative:
        return _resolve_relative(relative, reference)
    return _parse_absolute(value)


def reference_time(meta: dict[str, Any]) -> datetime | None:
    """The fetch time recorded in ``meta``, if any, as a datetime."""
    for key in REFERENCE_KEYS:
        iso = normalise_published(meta.get(key))
        if iso:
            try:
                return datetime.fromisoformat(iso)
            except ValueError:
                continue
    return None


def _resolve_relative(match: re.Match[str], reference: datetime | None) -> str | None:
    if reference is None:
        return None
    word = (match.group("word") or "").lower()
    if word in ("just now", "moment ago", "moments ago"):
        return reference.isoformat()
    if word == "today":
        return reference.date().isoformat()
    if word == "yesterday":
        return (reference.date() - timedelta(days=1)).isoformat()
    unit = _unit_key(match.group("unit"))
    if unit is None:
        return None  # months and years ago: too vague to date
    count = 1 if match.group("n").lower() in ("a", "an", "one") else int(match.group("n"))
    moment = reference - timedelta(seconds=count * _UNIT_SECONDS[unit])
    return moment.isoformat() if unit in ("s", "m", "h") else moment.date().isoformat()


def _unit_key(unit: str) -> str | None:
    unit = unit.lower()
    if unit.startswith("mo") or unit.startswith("y"):
        return None
    return unit[0]


def _parse_absolute(value: str) -> str | None:
    text = _ORDINAL.sub(r"\1", value.strip())
    text = _DOT_TIME.sub(r"\1:\2", text)  # "14.05 GMT" is a time
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = dateutil_parser.parse(
                text,
                default=datetime(1, 1, 1),
                tzinfos=time_zones(),
                fuzzy=True,
                dayfirst=bool(_DOTTED_DATE.search(text)),  # 07.11.2025 is 7 November
            )
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1:
        return None  # no year given: a stamp like "Nov 7" cannot be dated alone
    if re.search(r"\d:\d\d", text):
        return parsed.isoformat()  # keeps the printed zone's offset
    return parsed.date().isoformat()
