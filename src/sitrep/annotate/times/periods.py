"""Values of the span kinds that ``resolve`` has no reader for (issue 18, recognition).

Each reader gives a TIMEX3 (type, value) as ``resolve`` does, and leans on its helpers
(the half year, the duration value) rather than counting anew:

- ``fycode``: "FY24", "FY 2024", a fiscal year by its code -> the year (TimeML values a
  fiscal year by the calendar year that names it, as "fiscal 2024");
- ``halfcode``: "H1 2025", "H2" -> 2025-H1 (read as "the first half of 2025");
- ``numdate``: "13/05/2024", a numeric date whose first number cannot be a month (day
  first), and "2024/05/13" (year first);
- ``ordday``: "on the 12th", "the 21st of this month": a day of the month in focus;
- ``frequency``: "twice a week", "three times a year" -> SET P1W (the frequency is
  TIMEX3's ``freq`` attribute, the value is the period);
- ``ordcentury``: "the late nineteenth century" -> 18 (a spelled ordinal century).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from sitrep.annotate.times.resolve import (
    Context,
    Resolved,
    duration_value,
    resolve,
    shift_month,
)
from sitrep.annotate.times.time_words import load_lexicon

_FY = re.compile(r"(?i)FY\s?'?(\d{4}|\d\d)\b")
_HALF = re.compile(r"(?i)H([12])\b(?:\s+(.*))?")
_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
_YEAR_FIRST = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_ORD_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_PER_UNIT = re.compile(r"(?i)\b(?:a|an|per|every)\s+([a-z]+)$")
_CENTURY_TENS = {"twenty": 20}
# a short year counts from 1900 once it lies this far ahead of 2000 (as two-digit dates do)
SHORT_YEAR_PIVOT = 50


def full_year(digits: str) -> int:
    y = int(digits)
    if len(digits) == 4:
        return y
    return y + (1900 if y >= SHORT_YEAR_PIVOT else 2000)


def resolve_fycode(text: str, ctx: Context) -> Resolved:
    m = _FY.search(text)
    return "DATE", str(full_year(m.group(1))) if m else None


def resolve_halfcode(text: str, ctx: Context) -> Resolved:
    m = _HALF.match(text)
    if m is None:
        return "DATE", None
    which = "first" if m.group(1) == "1" else "second"
    rest = m.group(2) or ""
    if (fy := _FY.search(rest)) is not None:
        rest = str(full_year(fy.group(1)))  # "H1 FY25": the half of that fiscal year
    return resolve(f"the {which} half {rest}".strip(), "half", ctx)


def resolve_numdate(text: str, ctx: Context) -> Resolved:
    if m := _YEAR_FIRST.search(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DAY_FIRST.search(text):
        y, mo, d = full_year(m.group(3)), int(m.group(2)), int(m.group(1))
    else:
        return "DATE", None
    try:
        return "DATE", date(y, mo, d).isoformat()
    except ValueError:
        return "DATE", None


def _focus_month(text: str, ctx: Context, day: int) -> tuple[int, int] | None:
    """The month a lone day belongs to: the one named with it ("of this month"), else
    the month last spoken of shortly before, else the publication month, stepped back
    (or on) a month where the tense puts the day on the far side of the anchor."""
    a = ctx.anchor
    words = text.lower().split()
    if a is not None and words[-1] == "month" and len(words) > 2:
        step = {"last": -1, "next": 1, "previous": -1, "following": 1}.get(words[-2], 0)
        return shift_month(a.year, a.month, step)
    if ctx.focus_near and ctx.last_date and len(ctx.last_date) >= 7:
        return int(ctx.last_date[:4]), int(ctx.last_date[5:7])
    if a is None:
        return None
    if ctx.direction == "past" and day > a.day:
        return shift_month(a.year, a.month, -1)
    if ctx.direction == "future" and day < a.day:
        return shift_month(a.year, a.month, 1)
    return a.year, a.month


def resolve_ordday(text: str, ctx: Context) -> Resolved:
    m = _ORD_DAY.search(text)
    if m is None:
        return "DATE", None
    day = int(m.group(1))
    month = _focus_month(text, ctx, day)
    if month is None:
        return "DATE", None
    try:
        return "DATE", date(month[0], month[1], day).isoformat()
    except ValueError:
        return "DATE", None


def resolve_frequency(text: str, ctx: Context) -> Resolved:
    m = _PER_UNIT.search(text)
    if m is None:
        return "SET", None
    unit = m.group(1).lower()
    if load_lexicon().get("unit", unit) is None:
        return "SET", None
    return "SET", duration_value(1.0, unit, load_lexicon())


def resolve_ordcentury(text: str, ctx: Context) -> Resolved:
    lex = load_lexicon()
    words = re.findall(r"[a-z]+", text.lower())
    for k, w in enumerate(words):
        n = lex.get("day_ordinal", w)
        if n is None:
            continue
        tens = _CENTURY_TENS.get(words[k - 1], 0) if k else 0
        return "DATE", f"{int(n) + tens - 1:02d}"
    return "DATE", None


READERS: dict[str, Callable[[str, Context], Resolved]] = {
    "fycode": resolve_fycode,
    "halfcode": resolve_halfcode,
    "numdate": resolve_numdate,
    "ordday": resolve_ordday,
    "frequency": resolve_frequency,
    "ordcentury": resolve_ordcentury,
}


def resolve_period(text: str, kind: str, ctx: Context) -> Resolved:
    """TIMEX3 (type, value) of a span of any kind: this module's readers, else ``resolve``'s.
    The layer's one entry, so a day resolved ahead of its turn (``day_after``) is read as
    in its own turn."""
    reader = READERS.get(kind)
    return reader(text, ctx) if reader is not None else resolve(text, kind, ctx)
