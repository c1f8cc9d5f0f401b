"""Publication dates of any common shape to ISO 8601 strings."""

from __future__ import annotations

import functools
import warnings
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateutil_parser
from dateutil import tz

from sitrep import lexicons

_DATE_ONLY_LEN = 10


@functools.cache
def time_zones() -> dict[str, tz.tzoffset]:
    """Zone abbreviations news pages print (word list ``time_zones.csv``), for dateutil."""
    return {row["zone"]: tz.tzoffset(row["zone"], round(float(row["hours"]) * 3600))
            for row in lexicons.rows("time_zones.csv")}


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
            parsed = dateutil_parser.parse(text, default=datetime(1, 1, 1), tzinfos=time_zones())
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1:
        return None
    has_time = parsed.hour or parsed.minute or parsed.second or ":" in text
    return parsed.isoformat() if has_time else parsed.date().isoformat()
