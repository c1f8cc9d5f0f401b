"""Publication dates of any common shape to ISO 8601 strings."""

from __future__ import annotations

import warnings
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateutil_parser

_DATE_ONLY_LEN = 10
_HOUR = 3600
# Zone abbreviations news pages print; ambiguous ones take their most common news use.
_TZINFOS = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": _HOUR,
    "CET": _HOUR,
    "CEST": 2 * _HOUR,
    "EET": 2 * _HOUR,
    "EEST": 3 * _HOUR,
    "MSK": 3 * _HOUR,
    "IST": 5 * _HOUR + 1800,
    "PKT": 5 * _HOUR,
    "ICT": 7 * _HOUR,
    "WIB": 7 * _HOUR,
    "SGT": 8 * _HOUR,
    "HKT": 8 * _HOUR,
    "KST": 9 * _HOUR,
    "JST": 9 * _HOUR,
    "AEST": 10 * _HOUR,
    "AEDT": 11 * _HOUR,
    "EST": -5 * _HOUR,
    "EDT": -4 * _HOUR,
    "CST": -6 * _HOUR,
    "CDT": -5 * _HOUR,
    "MST": -7 * _HOUR,
    "MDT": -6 * _HOUR,
    "PST": -8 * _HOUR,
    "PDT": -7 * _HOUR,
}


def normalise_published(value: Any) -> str | None:
    """ISO 8601 for a date or date-time given as ISO, RFC 822, or loose text; else None.

    A date without a time stays a date: no invented midnight.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value).isoformat()
    text = str(value).strip()
    try:
        if len(text) == _DATE_ONLY_LEN:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        rfc822 = parsedate_to_datetime(text)
        if rfc822.tzinfo is not None:  # else an unknown zone name: dateutil knows more
            return rfc822.isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        with warnings.catch_warnings():
            # an unknown zone name must not print to stderr: the date is still good
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            parsed = dateutil_parser.parse(text, default=datetime(1, 1, 1), tzinfos=_TZINFOS)
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1:
        return None
    has_time = parsed.hour or parsed.minute or parsed.second or ":" in text
    return parsed.isoformat() if has_time else parsed.date().isoformat()
