"""Normalise a time expression to a TIMEX3 (type, value) against an anchor date.

``Context`` carries what a span alone does not say: the publication date, the
tense of the clause (whether a bare "Friday" or "June" lies before or after
the anchor) and the last quarter the article spoke of (so "a year ago" in an
earnings report means the year-ago quarter). Anything that cannot be resolved
gets ``None`` or a TimeML reference value, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from sitrep.annotate.times.time_words import TimeLexicon, load_lexicon, normalise_word

Direction = Literal["past", "future"] | None
Resolved = tuple[str, str | None]

SEASONS = ("SP", "SU", "FA", "WI")
SEASON_OF_MONTH = {
    12: "WI",
    1: "WI",
    2: "WI",
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
}
# How far a date may lie on the wrong side of its verb's tense (days).
# Not a setting: annotations are stored, and must not depend on who ran them.
TENSE_SLACK_DAYS = 60
TENSE_SLACK_MONTHS = TENSE_SLACK_DAYS // 30
# ... when a dated day modifies a past verb itself ("mailed Dec. 3"): a few days, for an
# article dated a little early. A bare month on such a verb ("switched suppliers in
# November", written in October) is last year's once it lies after the publication month.
FIRM_SLACK_DAYS = 7
DECADE_AHEAD = 3  # years before a decade begins that its short name ("the '90s") means it
# parts of a day kept in the value of "<weekday> <part>" (see resolve_weekday)
WEEKDAY_PARTS = frozenset({"EV"})
BACK = frozenset({"last", "past", "previous", "prior"})
FORWARD = frozenset({"next", "coming", "following"})

_WORD = re.compile(r"\d+/\d+|\d+(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2})(?:[:.]?(\d\d))?\s*([ap])?", re.IGNORECASE)  # "1430 GMT" too
_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
_LATE_PART = re.compile(r"\b(?:afternoon|evening|night)\b")  # "8 in the evening": p.m.


@dataclass(slots=True)
class Context:
    anchor: date | None
    direction: Direction = None
    firm: bool = False  # the direction is a past verb's the expression modifies directly
    from_clause: bool = False  # the direction is the clause's own (not a sentence-wide cue)
    # the expression is set ahead for sure: it modifies a verb with "will" itself, or is
    # the predicate of a present "be" (tense.firmly_future, tense.dated_copula)
    firm_ahead: bool = False
    nearest: bool = False  # a day arranged in the past: the nearest one (tense.past_arrangement)
    ref_quarter: tuple[int, int] | None = None  # (year, quarter) last spoken of
    fiscal_quarter: bool = False  # ref_quarter was named "fiscal" (the firm's own count)
    # months of the reporting period last spoken of: 3 after a quarter, 9 after "the
    # first nine months"; "a year earlier" compares with the same period a year back
    ref_months: int = 3
    after: str = ""  # the text right after the expression
    before: str = ""  # the text right before it
    last_date: str | None = None  # the last calendar value resolved ("1998-06", "1995-05-22")
    focus_day: str | None = None  # the last day spoken of (TimeML's temporal focus)
    focus_near: bool = False  # last_date was written shortly before the expression
    names_noun: bool = False  # the expression dates a noun ("the May deal", "June's vote")
    # the last value given to each month ("05") and dated day ("05-17") in the document
    told: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- calendar


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def shift_quarter(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def half_of(d: date) -> tuple[int, int]:
    """(year, 1 or 2): the half year a date falls in."""
    return d.year, 1 if d.month <= 6 else 2


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def weekday_near(anchor: date, weekday: int, direction: Direction, strict: bool) -> date:
    """The given ISO weekday on or before the anchor (after, for the future)."""
    if direction == "future":
        ahead = (weekday - anchor.isoweekday()) % 7
        return anchor + timedelta(days=ahead or (7 if strict else 0))
    back = (anchor.isoweekday() - weekday) % 7
    return anchor - timedelta(days=back or (7 if strict else 0))


def month_near(
    anchor: date,
    month: int,
    direction: Direction,
    strict: bool = False,
    slack: int = TENSE_SLACK_MONTHS,
) -> int:
    """The year of the given month nearest the anchor, unless the tense rules it out.

    With "last" or "next" (strict) the direction decides. For a bare month the tense
    is weak evidence, as for a dated day ("notified of a cutback in September" written
    in August): it only overrides the nearest reading when that lies far on the wrong side.
    """
    y, m = anchor.year, anchor.month
    if strict and direction == "past":
        # the month just gone is called "last month", so "last February" said in March
        # is a year back (in January, "last December" stays the one just gone)
        return y if month < m - 1 else y - 1
    if strict and direction == "future":
        return y if month > m else y + 1
    nearest = min((y - 1, y, y + 1), key=lambda yy: abs((yy - y) * 12 + month - m))
    ahead = (nearest - y) * 12 + month - m  # months from the anchor's month
    if direction == "past" and ahead > slack:
        return nearest - 1
    if direction == "future" and ahead < -slack:
        return nearest + 1
    return nearest


def day_near(
    anchor: date, month: int, day: int, direction: Direction, slack: int = TENSE_SLACK_DAYS
) -> date | None:
    """The dated day nearest the anchor, unless the tense rules it out.

    Tense is weak evidence for a dated day ("declared a dividend payable Dec. 15"),
    so it only overrides the nearest reading when that lies more than ``slack`` days
    on the wrong side.
    """
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:
            continue
    if not options:
        return None
    nearest = min(options, key=lambda d: abs((d - anchor).days))
    if direction == "past" and (nearest - anchor).days > slack:
        return max((d for d in options if d <= anchor), default=nearest)
    if direction == "future" and (anchor - nearest).days > slack:
        return min((d for d in options if d >= anchor), default=nearest)
    return nearest


def season_step(anchor: date, season: str, step: int) -> str:
    """Season reached from the anchor's: -1 the last one, +1 the next one, 0 this one."""
    cur = SEASONS.index(SEASON_OF_MONTH[anchor.month])
    year = anchor.year - 1 if anchor.month <= 2 else anchor.year  # winter is named by its December
    target = SEASONS.index(season)
    if step < 0:
        delta = -((cur - target) % 4 or 4)
    elif step > 0:
        delta = (target - cur) % 4 or 4
    else:
        delta = (target - cur) % 4
        delta = delta - 4 if delta >= 2 else delta
    k = year * 4 + cur + delta
    return f"{k // 4}-{SEASONS[k % 4]}"


# ---------------------------------------------------------------- pieces


@dataclass(slots=True)
class Pieces:
    """What the words of a span say, looked up in the lexicon."""

    words: list[str]
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None
    season: str | None = None
    ordinal: int | None = None
    unit: str | None = None
    number: float | None = None
    vague_number: bool = False
    modifier: str | None = None


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")  # "3,000 years": one number


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(_THOUSANDS.sub("", text))]


def number_value(words: list[str], lex: TimeLexicon) -> tuple[float | None, bool]:
    """The count before the unit: digits, number words, halves; vague -> (None, True)."""
    total: float | None = None
    joined = " ".join(words)
    half = bool(re.search(r"\band an? half\b|\b1/2\b", joined))
    if re.search(r"\bhalf an?\b|(?<!\band a )(?<!\band an )\bhalf [a-z]", joined):
        return 0.5, False  # "half an hour", "a half-century" (not "a year and a half")
    if re.match(r"(?:an? )?quarter (?:of an? )?(?:century|decade|year|hour)\b", joined):
        return 0.25, False  # "a quarter of a century", "a quarter-century"
    if half:  # "an hour and a half": the "a" of "a half" is no count
        joined = re.sub(r"\band an? half\b", "", joined)
        words = joined.split()
    for phrase, value in sorted(lex.tables.get("number", {}).items(), key=lambda kv: -len(kv[0])):
        if " " in phrase and re.search(rf"\b{re.escape(phrase)}\b", joined):
            if value == "X":
                return None, True
            total = float(value)
            break
    if total is None:
        for w in words:
            for part in w.split("-"):
                if re.fullmatch(r"\d+(?:\.\d+)?", part):
                    total = (total or 0) + float(part)
                    continue
                v = lex.get("number", part)
                if v == "X":
                    return None, True
                if v is not None:
                    total = (total or 0) + float(v)
    if total is not None and half:
        total += 0.5
    return total, False


_OR_SO = re.compile(r"\s+or\s+(?:so|two|three)\b", re.IGNORECASE)


def pieces_of(text: str, lex: TimeLexicon) -> Pieces:
    words = words_of(_OR_SO.sub("", text))  # "a year or two": the first count
    p = Pieces(words)
    for w in words:
        key = normalise_word(w)
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", w) and p.year is None:
            p.year = int(w)
        elif re.fullmatch(r"\d{1,2}", w) and p.day is None:
            p.day = int(w)
        elif lex.get("month", key) and p.month is None:
            p.month = int(lex.get("month", key) or 0)
        elif (day := lex.get("weekday", key) or lex.get("weekday", key.rstrip("s"))) and (
            p.weekday is None
        ):
            p.weekday = int(day)  # "Thurs." as written, "Mondays" without its plural "s"
        elif lex.get("part_of_day", key.rstrip("s")):
            p.part = lex.get("part_of_day", key.rstrip("s"))
        elif lex.get("season", key):
            p.season = lex.get("season", key)
        elif lex.get("ordinal", key):
            p.ordinal = int(lex.get("ordinal", key) or 0)
        elif p.modifier in (None, "this") and (key in BACK or key in FORWARD or key == "current"):
            p.modifier = key  # "this past weekend": the direction word decides, not "this"
        elif key == "this":
            p.modifier = p.modifier or key
        unit_key = "century" if key == "centuries" else key.rstrip("s")
        if lex.get("unit", unit_key) or unit_key == "weekend":
            p.unit = unit_key
    for w in words:  # "13th" day numbers
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", w)
        if m and p.day is None:
            p.day = int(m.group(1))
    p.number, p.vague_number = number_value(words, lex)
    return p


def year_offset(words: list[str]) -> int | None:
    """ "this year" -> 0, "last year('s)" -> -1, "next year" -> 1, else None."""
    text = " ".join(words)
    for word, off in (("this", 0), ("last", -1), ("next", 1)):
        if f"{word} year" in text:
            return off
    return None


def step_of(modifier: str | None) -> int:
    if modifier in BACK:
        return -1
    if modifier in FORWARD:
        return 1
    return 0


# ---------------------------------------------------------------- kinds


def resolve_date(text: str, p: Pieces, ctx: Context) -> Resolved:
    if m := _ISO.search(text):
        return "DATE", m.group(0)
    if m := _SLASH.search(text):
        mo, dd, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
        try:
            return "DATE", date(y, mo, dd).isoformat()
        except ValueError:
            return "DATE", None
    if p.month is None:
        return "DATE", None
    lex = load_lexicon()
    if p.day is None:
        p.day = spelled_day(p.words, lex)  # "March eighth"
    if p.year is None:
        p.year = spelled_year(p.words, lex)  # "January nineteen eighty-six"
    if p.year is None and ctx.anchor is not None and (off := year_offset(p.words)) is not None:
        p.year = ctx.anchor.year + off  # "on March 1 last year", "12 June this year"
    if p.year is not None and p.day is not None:
        try:
            return "DATE", date(p.year, p.month, p.day).isoformat()
        except ValueError:
            return "DATE", None
    if p.year is not None:
        return "DATE", f"{p.year}-{p.month:02d}"
    if ctx.anchor is None or p.day is None:
        return "DATE", None
    if (same := told_before(ctx, p.month, p.day)) is not None:
        return "DATE", same
    slack = FIRM_SLACK_DAYS if ctx.firm or ctx.firm_ahead else TENSE_SLACK_DAYS
    d = day_near(ctx.anchor, p.month, p.day, ctx.direction, slack)
    if d is not None and d > ctx.anchor and _ENDED_BEFORE.search(ctx.before):
        d = day_near(ctx.anchor, p.month, p.day, "past", slack=0)
    return "DATE", d.isoformat() if d else None


def resolve_month(text: str, p: Pieces, ctx: Context) -> Resolved:
    if p.month is None or ctx.anchor is None:
        return "DATE", None
    off = year_offset(p.words[1:] if p.words[0] in ("last", "next", "this") else p.words)
    if off is not None:
        return "DATE", f"{ctx.anchor.year + off}-{p.month:02d}"
    if p.words[-1] == "year" and p.words[-2] in ("that", "same"):
        # "in May of that year": the month of the year in focus, not of the anchor's
        year = ctx.last_date[:4] if ctx.last_date else None
        return "DATE", f"{year}-{p.month:02d}" if year else None
    first = p.words[0]
    if first == "this":
        return "DATE", f"{ctx.anchor.year}-{p.month:02d}"
    if first in ("last", "next"):
        direction: Direction = "past" if first == "last" else "future"
        return "DATE", f"{month_near(ctx.anchor, p.month, direction, strict=True)}-{p.month:02d}"
    if (same := told_before(ctx, p.month)) is not None:
        return "DATE", same
    slack = 0 if ctx.firm or ctx.firm_ahead else TENSE_SLACK_MONTHS
    if ctx.direction == "past" and _PERIOD_TO.search(ctx.before):
        slack = 0  # "rose 3% in the year to June": a period measured has ended
    return "DATE", f"{month_near(ctx.anchor, p.month, ctx.direction, slack=slack)}-{p.month:02d}"


def told_before(ctx: Context, month: int, day: int | None = None) -> str | None:
    """ "The deal was signed on Sept. 17 ... the September deal", "due to expire in
    October ... before October's expiration": a month or day naming a noun's time
    without its year refers back to the same month or day told of before (the noun is
    known), so it takes that one's year, whatever the clause around it says."""
    if not ctx.names_noun:
        return None
    return ctx.told.get(f"{month:02d}" if day is None else f"{month:02d}-{day:02d}")


def tell(ctx: Context, value: str) -> None:
    """Keep a calendar value's month and day for told_before."""
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        ctx.told[value[5:7]] = value[:7]
        if len(value) >= 10 and value[8:10].isdigit():
            ctx.told[value[5:10]] = value[:10]


# the end of a period up to a month: "the year to", "the three months through"
_PERIOD_TO = re.compile(r"\b(?:year|months|weeks|quarter)\s+(?:to|through)\s+$", re.IGNORECASE)


# The date of a time of day on no known day (TimeML's underspecified value).
UNDATED_DAY = "XXXX-XX-XX"


def resolve_time(text: str, p: Pieces, ctx: Context) -> Resolved:
    low = text.lower()
    hour: int | None
    minute = 0
    if low.startswith(("noon", "midday")):
        hour = 12
    elif low.startswith("midnight"):
        hour = 24  # the end of the day named (TIMEX2/3: "midnight Friday" is Friday T24:00)
    else:
        m = _CLOCK.match(low)
        if not m:
            return "TIME", None
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        later = _LATE_PART.search(low) and not m.group(3)
        if (m.group(3) == "p" or later) and hour < 12:
            hour += 12  # "6 p.m.", "8 in the evening"
        elif m.group(3) == "a" and hour == 12:
            hour = 0
    rest = re.sub(r"^\S+(?:\s*[ap]\.?m\.?|\s+o'clock)?", "", low)
    _day_type, day_value = resolve_day_ref(rest, ctx)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return "TIME", None
    # A time of day on no known day (an undated page) keeps its clock: TimeML leaves
    # the date underspecified ("XXXX-XX-XXT21:00").
    return "TIME", f"{(day_value or UNDATED_DAY)[:10]}T{hour:02d}:{minute:02d}"


def resolve_day_ref(text: str, ctx: Context) -> Resolved:
    """The day a clock time belongs to: a weekday, a date, today... or the anchor."""
    lex = load_lexicon()
    p = pieces_of(text, lex)
    if p.month is not None and p.day is not None:
        return resolve_date(text, p, ctx)
    if p.weekday is not None:
        return resolve_weekday(text, p, ctx)
    if any(w in p.words for w in ("yesterday", "tomorrow", "tonight", "today")):
        return resolve_relday(text, p, ctx)
    if ctx.focus_day is not None:  # "Bombs exploded Friday. ... at 10:35 a.m.": that Friday
        return "DATE", ctx.focus_day
    return "DATE", ctx.anchor.isoformat() if ctx.anchor else None


def with_part(d: date, part: str | None) -> Resolved:
    return ("TIME", f"{d.isoformat()}T{part}") if part else ("DATE", d.isoformat())


def resolve_relday(text: str, p: Pieces, ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return "DATE", None
    words = p.words
    offset = 0
    if "yesterday" in words or (words[0] == "last" and p.part):
        offset = -1
    elif "tomorrow" in words:
        offset = 1
    part = p.part or ("NI" if "tonight" in words else None)
    return with_part(ctx.anchor + timedelta(days=offset), part)


def resolve_countday(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "(this is) the fifth day of the walkout": the day of the document."""
    return "DATE", ctx.anchor.isoformat() if ctx.anchor else None


def resolve_daypart(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "in the morning": that part of the day in focus (else the anchor's)."""
    day = date.fromisoformat(ctx.focus_day) if ctx.focus_day else ctx.anchor
    if day is None or p.part is None:
        return "TIME", None
    return with_part(day, p.part)


def resolve_yearend(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "by year-end" this year's last day; "since year-end", or in a past clause, last year's."""
    if ctx.anchor is None:
        return "DATE", None
    back = ctx.direction == "past" or re.search(r"\bsince\s+$", ctx.before, re.IGNORECASE)
    return "DATE", f"{ctx.anchor.year - (1 if back else 0)}-12-31"


# "Friday and Saturday nights": a weekday coordinated with a plural part of a later one
_SHARED_PARTS = re.compile(
    r"\s+(?:and|or)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days?\s+(?P<part>\w+?)s\b",
    re.IGNORECASE,
)


def shared_part(p: Pieces, ctx: Context) -> str | None:
    """The part of day a weekday shares with the plural after it: in "on Friday and
    Saturday nights" both are read alike (a set of nights, TimeML XXXX-WXX-5TNI)."""
    m = _SHARED_PARTS.match(ctx.after)
    if m is None or p.part is not None or len(p.words) != 1:
        return None
    return load_lexicon().get("part_of_day", m.group("part").lower())


def resolve_weekday(text: str, p: Pieces, ctx: Context) -> Resolved:
    if ctx.anchor is None or p.weekday is None:
        return "DATE", None
    if (part := shared_part(p, ctx)) is not None:
        return "SET", f"XXXX-WXX-{p.weekday}T{part}"
    modifier = p.words[0] if p.words[0] in ("last", "next", "this", "coming") else None
    if modifier == "this" and p.words[1] in ("past", "coming"):
        # "this past Tuesday" is last Tuesday, "this coming Friday" next Friday
        modifier = "last" if p.words[1] == "past" else "next"
    if p.words[0] == "the" and ctx.focus_day is not None:
        # "the previous Friday", "the following Monday": counted from the day in focus
        back = p.words[1] in ("previous", "preceding")
        focus = date.fromisoformat(ctx.focus_day)
        d = weekday_near(focus, p.weekday, "past" if back else "future", strict=True)
        return "DATE", d.isoformat()
    direction: Direction = ctx.direction
    if modifier == "last":
        direction = "past"
    elif modifier in ("next", "coming"):
        direction = "future"
    if ctx.nearest and modifier is None:
        past = weekday_near(ctx.anchor, p.weekday, "past", strict=False)
        ahead = weekday_near(ctx.anchor, p.weekday, "future", strict=False)
        d = past if ctx.anchor - past <= ahead - ctx.anchor else ahead
    else:
        d = weekday_near(ctx.anchor, p.weekday, direction, strict=modifier in ("last", "next"))
    # "Friday evening" is a TIME of that day (TimeML: 1998-08-07TEV); "Friday night" and
    # "Friday morning" are mostly given the plain date, or "Friday" is tagged alone
    return with_part(d, p.part if p.part in WEEKDAY_PARTS else None)


_MONTH_STEP = {"last": -1, "this": 0, "next": 1}
_NTH = re.compile(r"(?:the\s+)?(?P<n>\w+)\s+\w+\s+(?:in|of)\s+(?P<month>.+)$", re.IGNORECASE)


def resolve_nthweekday(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "the first Tuesday in November": the weekday counted within its month, whose year
    is the one named, else the one the clause points to (as for a bare month)."""
    m = _NTH.match(text)
    if m is None or p.weekday is None:
        return "DATE", None
    n = count_of(m.group("n").lower())
    relative = relative_month(m.group("month"), ctx.anchor)
    if relative is not None:
        day = nth_weekday(relative[0], relative[1], p.weekday, n) if n else None
        return "DATE", day.isoformat() if day else None
    if p.month is None:
        return "DATE", None
    year = p.year
    if year is None:
        _, month_value = resolve_month(
            m.group("month"), pieces_of(m.group("month"), load_lexicon()), ctx
        )
        year = int(month_value[:4]) if month_value else None
    day = nth_weekday(year, p.month, p.weekday, n) if year is not None and n else None
    return "DATE", day.isoformat() if day else None


def relative_month(text: str, anchor: date | None) -> tuple[int, int] | None:
    """(year, month) of "next month", "last month", "this month" from the publication date."""
    words = text.lower().split()
    if anchor is None or len(words) != 2 or words[1] != "month" or words[0] not in _MONTH_STEP:
        return None
    return shift_month(anchor.year, anchor.month, _MONTH_STEP[words[0]])


def count_of(word: str) -> int:
    """ "third", "3rd" -> 3, "last" -> -1 (counted from the end), else 0."""
    if word == "last":
        return -1
    digits = re.sub(r"\D", "", word)
    return int(digits or load_lexicon().get("day_ordinal", word) or 0)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n-th ISO weekday of a month (n = -1: the last one); None past the month's end."""
    if n < 0:
        y, m = shift_month(year, month, 1)
        last = date(y, m, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    d = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    return d if d.month == month else None


def resolve_set(text: str, p: Pieces, ctx: Context) -> Resolved:
    lex = load_lexicon()
    if (value := lex.get("set", " ".join(p.words))) is not None:
        return "SET", value
    if p.weekday is not None:
        return "SET", f"XXXX-WXX-{p.weekday}" + (f"T{p.part}" if p.part else "")
    if p.part is not None:
        return "SET", f"XXXX-XX-XXT{p.part}"  # "every morning"
    if p.month is not None:
        return "SET", f"XXXX-{p.month:02d}"
    if p.season is not None:
        return "SET", f"XXXX-{p.season}"
    if p.unit is not None and p.words[0] in ("each", "every"):
        # "every four years": P4Y, "every other week": P2W, "every few years": PXY
        count = None if p.vague_number else 2.0 if "other" in p.words else p.number or 1.0
        return "SET", duration_value(count, p.unit, lex)
    return "SET", None


def resolve_relunit(text: str, p: Pieces, ctx: Context) -> Resolved:
    a = ctx.anchor
    step = step_of(p.modifier)
    unit = p.unit
    if p.season and unit is None:
        return ("DATE", season_step(a, p.season, step)) if a else ("DATE", None)
    if a is None or unit is None or p.modifier == "following":
        return "DATE", None  # "the following month" counts from another event
    if p.words[0] == "the" and p.modifier in ("previous", "prior"):
        # "seized in November ... the previous month": counted from the date in focus
        a = focus_date(ctx.last_date, unit) or a
    elif p.words[0] == "the" and p.modifier == "next" and ctx.direction == "past":
        # "arrested in 1995 and freed the next year": told in the past, "the next" counts
        # from the date in focus, as "the following" does ("over the next year" ahead: now)
        a = (focus_date(ctx.last_date, unit) if ctx.focus_near else None) or a
    if unit == "weekend" and p.modifier is None:  # "the weekend": the last one, or the next
        back = a.isoweekday() < 6 and ctx.direction != "future"
        return "DATE", iso_week(a - timedelta(weeks=1) if back else a) + "-WE"
    if p.modifier == "past" and unit in ("decade", "century"):
        return "DURATION", "P10Y" if unit == "decade" else "P100Y"
    if unit == "week" or unit == "weekend":
        week = iso_week(a + timedelta(weeks=step))
        return "DATE", week + ("-WE" if "weekend" in p.words else "")
    if unit == "month":
        y, m = shift_month(a.year, a.month, step)
        return "DATE", f"{y}-{m:02d}"
    if unit == "year":
        return "DATE", str(a.year + step)
    if unit == "quarter":
        if p.modifier == "this" and ctx.ref_quarter:
            return "DATE", "{}-Q{}".format(*ctx.ref_quarter)  # the quarter being reported
        y, q = shift_quarter(a.year, quarter_of(a), step)
        ctx.ref_quarter, ctx.ref_months = (y, q), 3
        return "DATE", f"{y}-Q{q}"
    if unit == "decade":
        return "DATE", str(a.year // 10 + step)
    if unit == "century":
        return "DATE", str(a.year // 100 + step)
    return "DATE", None


def focus_date(last: str | None, unit: str) -> date | None:
    """The last date spoken of, if it is as fine as the unit counted from it."""
    need = {"year": 4, "quarter": 7, "month": 7}.get(unit, 10)
    if last is None or len(last) < need or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", last):
        return None
    parts = [int(x) for x in last.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


# how many of a unit make a day: a part of a day less than a whole one counts as none
# (the hour of publication is unknown)
PER_DAY = {"day": 1, "hour": 24, "minute": 1440, "second": 86400}

# units of a span told from an event ("hours later", "a day earlier"), not of a period
# compared with a past one ("a year earlier", "a quarter earlier")
_EVENT_SPAN_UNITS = frozenset({"second", "minute", "hour", "day", "week"})


def resolve_ago(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "two weeks ago" -> that week; "years ago" -> PAST_REF."""
    a, unit = ctx.anchor, p.unit
    future = bool({"now", "today", "hence"} & set(p.words))
    if p.vague_number or p.number is None:
        return "DATE", "FUTURE_REF" if future else "PAST_REF"
    n = int(p.number)
    sign = 1 if future else -1
    if a is None or unit is None:
        return "DATE", None
    if p.number != n:  # "a year and a half ago": counted in the next smaller unit
        return "DATE", fraction_ago(a, p.number * sign, unit)
    if unit == "year" and n == 1 and sign < 0 and ctx.ref_quarter and ctx.ref_months == 3:
        y, q = ctx.ref_quarter  # earnings talk: "a year ago" is the year-ago quarter
        return "DATE", f"{y - 1}-Q{q}"
    if "earlier" in p.words and unit in _EVENT_SPAN_UNITS:
        # "a day earlier", "two hours earlier": a span counted back from another event, an
        # anchored duration (TimeML), as "three days later" is; "a year earlier" compares
        # with the year-ago period, a date
        return "DURATION", duration_value(p.number, unit, load_lexicon())
    focus = focus_date(ctx.last_date, unit) if ctx.focus_near else None
    if "earlier" in p.words and focus is not None:
        a = focus  # "ago" counts from now, "earlier" from the time spoken of (TimeML)
    if unit in ("day", "hour", "minute", "second"):
        # "48 hours ago" is two days back; the hour of publication is unknown, so a part
        # of a day less than a whole one is counted as none ("36 hours ago": the day before)
        return "DATE", (a + timedelta(days=sign * (n // PER_DAY[unit]))).isoformat()
    if unit in ("week", "fortnight"):
        return "DATE", iso_week(a + timedelta(weeks=n * sign * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        y, m = shift_month(a.year, a.month, n * sign)
        return "DATE", f"{y}-{m:02d}"
    if unit == "quarter":
        y, q = shift_quarter(a.year, quarter_of(a), n * sign)
        return "DATE", f"{y}-Q{q}"
    years = {"year": 1, "decade": 10, "century": 100}.get(unit, 0)
    if not years:
        return "DATE", None
    year = a.year + sign * n * years
    return "DATE", str(year) if year > 0 else "PAST_REF"  # "40,000 years ago": no calendar year


def fraction_ago(a: date, amount: float, unit: str) -> str | None:
    """ "a year and a half ago" -> that month, "a decade and a half ago" -> that year."""
    if unit in ("decade", "century"):
        return str(a.year + round(amount * (10 if unit == "decade" else 100)))
    if unit == "year":
        y, m = shift_month(a.year, a.month, round(amount * 12))
        return f"{y}-{m:02d}"
    days = {"month": 30, "week": 7, "day": 1}.get(unit)
    if days is None and unit in ("hour", "minute", "second"):
        # "half an hour ago": a part of a day counts as none, as in resolve_ago
        return (a + timedelta(days=int(amount / PER_DAY[unit]))).isoformat()
    return (a + timedelta(days=round(amount * days))).isoformat() if days else None


def duration_value(number: float | None, unit: str, lex: TimeLexicon) -> str:
    code = lex.get("unit", unit) or ""
    clock = code.startswith("T")
    code = code.removeprefix("T")
    mult = int(code[:-1]) if code[:-1].isdigit() else 1
    letter = code[-1:]
    prefix = "PT" if clock else "P"
    if number is None:
        return f"{prefix}X{letter}"
    n = number * mult
    if n != int(n):  # a half: express in the next smaller unit
        smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24)}
        if clock:
            smaller = {"H": ("M", 60), "M": ("S", 60)}
        if letter in smaller:
            small, k = smaller[letter]
            whole = int(n)
            rest = round((n - whole) * k)
            mid = "T" if letter == "D" else ""
            if whole == 0:
                return f"{prefix}{mid}{rest}{small}" if mid else f"{prefix}{rest}{small}"
            return f"{prefix}{whole}{letter}{mid}{rest}{small}"
    return f"{prefix}{int(n)}{letter}"


_PERIOD_OF_REPORT = re.compile(r"the\s+(?:(?:first|latest|past|last)\s+)?\w", re.IGNORECASE)


_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|can|shall|['’]ll)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)


def resolve_duration(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "three years" -> P3Y; a vague count or a bare plural ("for years") -> PXY."""
    if p.unit is None:
        return "DURATION", None
    if _OR_SO.search(text) and re.search(r"\bin\s+$", ctx.before, re.IGNORECASE):
        return "DATE", "FUTURE_REF"  # "(could,) in a month or two": some time ahead
    if text.lower() == "one day" and _MODAL_BEFORE.search(ctx.before):
        return "DATE", "FUTURE_REF"  # "it will one day be": some day, not a day long
    number = None if p.vague_number else p.number
    if p.unit == "month" and number and number % 3 == 0 and _PERIOD_OF_REPORT.match(text):
        ctx.ref_months = int(number)  # "the first six months": the period now compared
    return "DURATION", duration_value(number, p.unit, load_lexicon())


def resolve_long(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "weeklong", "a day-long meeting": a duration of one unit ("weeks-long": some)."""
    m = re.match(r"([a-z]+?)(s?)-?long$", text.lower())
    if m is None:
        return "DURATION", None
    return "DURATION", duration_value(None if m.group(2) else 1.0, m.group(1), load_lexicon())


def spelled_year(words: list[str], lex: TimeLexicon) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    if "thousand" in words:
        rest = words[words.index("thousand") + 1 :]
        n, _ = number_value([w for w in rest if w != "and"], lex)
        return 2000 + int(n or 0)
    if "nineteen" not in words:
        return None
    rest = [w for w in words[words.index("nineteen") + 1 :] if w not in ("and", "hundred", "oh")]
    n, vague = number_value(rest, lex)
    return None if vague else 1900 + int(n or 0)


def spelled_day(words: list[str], lex: TimeLexicon) -> int | None:
    """ "eighth" -> 8, "twenty-first" -> 21 (the words of "the twenty-first of May")."""
    for k, w in enumerate(words):
        day = lex.get("day_ordinal", w)
        if day is None:
            continue
        tens = {"twenty": 20, "thirty": 30}.get(words[k - 1], 0) if k else 0
        value = int(day) + (tens if int(day) < 10 else 0)
        return value if value <= 31 else None
    return None


def resolve_year(text: str, p: Pieces, ctx: Context) -> Resolved:
    year = p.year or spelled_year(p.words, load_lexicon())
    return "DATE", str(year) if year else None


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_in(year: int, rule: str) -> date | None:
    """A holiday's day: "12-25" a fixed day, "11-22+4" the first Thursday from Nov. 22,
    "E-2" two days before Easter ("E-3W": the week holding that day)."""
    if e := re.fullmatch(r"E([+-]\d+)W?", rule):
        return easter(year) + timedelta(days=int(e.group(1)))
    m = re.fullmatch(r"(\d\d)-(\d\d)(?:\+(\d))?", rule)
    if not m:
        return None
    d = date(year, int(m.group(1)), int(m.group(2)))
    if m.group(3):
        d += timedelta(days=(int(m.group(3)) - d.isoweekday()) % 7)
    return d


def resolve_holiday(text: str, p: Pieces, ctx: Context) -> Resolved:
    lex = load_lexicon()
    name = " ".join(w for w in words_of(text.replace("'", "")) if not w.isdigit())
    name = re.sub(r"^(?:last|next|this) ", "", name)
    rule = next(
        (v for k, v in lex.tables.get("holiday", {}).items() if k.replace("'", "") == name), None
    )
    if rule is None:
        return "DATE", None
    day = holiday_day(rule, p, ctx)
    if day is None:
        return "DATE", None
    return "DATE", iso_week(day) if rule.endswith("W") else day.isoformat()  # "Holy Week"


def holiday_day(rule: str, p: Pieces, ctx: Context) -> date | None:
    """The holiday's day in the year named, else the one the tense points to, else the nearest."""
    if p.year is not None:
        return holiday_in(p.year, rule)
    if ctx.anchor is None:
        return None
    options = [
        d
        for y in range(ctx.anchor.year - 1, ctx.anchor.year + 2)
        if (d := holiday_in(y, rule)) is not None
    ]
    a = ctx.anchor
    nearest = min(options, key=lambda d: abs((d - a).days)) if options else None
    direction = {"last": "past", "next": "future"}.get(p.words[0])
    if direction is None:
        # a bare holiday, as a dated day: the nearest one unless the clause's tense puts it
        # more than the slack on the other side ("will be home by Christmas" said in June)
        off = (nearest - a).days if nearest is not None else 0
        if (ctx.direction == "past" and off > TENSE_SLACK_DAYS) or (
            ctx.direction == "future" and -off > TENSE_SLACK_DAYS
        ):
            direction = ctx.direction
        else:
            return nearest
    if direction == "past":
        options = [d for d in options if d < a or (d == a and p.words[0] != "last")]
        return max(options) if options else None
    if direction == "future":
        options = [d for d in options if d > a or (d == a and p.words[0] != "next")]
        return min(options) if options else None
    return nearest


def resolve_decade(text: str, p: Pieces, ctx: Context) -> Resolved:
    m = re.search(r"(\d{2,4})'?s", text)
    spelled = next((d for w in p.words if (d := load_lexicon().get("decade", w))), None)
    if not m and spelled is None:
        return "DATE", None
    digits = m.group(1) if m else f"{spelled}0"
    if "nineteen" in p.words and not m:
        digits = f"19{digits}"  # "the nineteen eighties"
    if len(digits) == 4 and digits.endswith("00") and digits < "2000":
        return "DATE", digits[:2]  # "the late 1800s": a century
    if len(digits) == 4:
        return "DATE", digits[:3]
    if ctx.anchor is None:
        return "DATE", None
    # the nearest such decade, a coming one only when it is about to begin: "the '90s"
    # written in 1989 are the 1990s, "the '30s" written in 2025 the 1930s
    a, tens = ctx.anchor.year, int(digits[0])
    starts = [c * 100 + tens * 10 for c in range(a // 100 - 1, a // 100 + 2)]
    start = min((y for y in starts if y <= a + DECADE_AHEAD), key=lambda y: abs(y - a))
    return "DATE", str(start // 10)


def resolve_century(text: str, p: Pieces, ctx: Context) -> Resolved:
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", text)
    n = int(m.group(1)) if m else p.ordinal
    return "DATE", f"{n - 1:02d}" if n else None


def quarter_year(q: int, p: Pieces, ctx: Context) -> int | None:
    off = year_offset(p.words)
    if p.year is not None:
        return p.year
    if ctx.anchor is None:
        return None
    if off is not None:
        return ctx.anchor.year + off
    if q > quarter_of(ctx.anchor) and ctx.direction != "future":
        return ctx.anchor.year - 1
    if quarter_of(ctx.anchor) - q >= 2 and ctx.direction == "future" and ctx.from_clause:
        # "will close by the end of the first quarter" written in November: next year's;
        # the quarter just ended is still to be reported ("expects to report ... for the
        # third quarter")
        return ctx.anchor.year + 1
    return ctx.anchor.year


_QUARTER_CODE = re.compile(r"\bQ([1-4])\b")
_LAST_QUARTER = re.compile(r"\b(?:final|last)\s+quarter\s+of\b", re.IGNORECASE)


def resolve_quarter(text: str, p: Pieces, ctx: Context) -> Resolved:
    if m := _QUARTER_CODE.match(text):  # "Q3": the day pieces misread its digit
        p.ordinal, p.day = int(m.group(1)), None
    if p.ordinal is None and _LAST_QUARTER.search(text):
        p.ordinal = 4  # "the final quarter of 2009"
    if p.ordinal is None:
        return "DATE", None
    ended = ended_date(ctx)  # a fiscal "second quarter ended Nov. 17" is a reported one
    y = quarter_year(p.ordinal, p, ctx)
    if ended is not None and p.year is None and year_offset(p.words) is None:
        y = ended.year  # a fiscal quarter is named by the year it ends in
    if y is None:
        return "DATE", None
    done = (
        reportable(y, p.ordinal, ctx)
        or ctx.direction == "past"  # "reported fourth-quarter earnings"
        or (ended is not None and ctx.anchor is not None and ended <= ctx.anchor)
    )
    # "a flat second quarter" is some quarter; in "a third-quarter loss" the article is the
    # noun's, and the quarter is the one reported if it has ended
    article = p.words[0] in ("a", "an") or bool(re.search(r"\ban?\s+(?:\w+\s+)?$", ctx.before))
    if article and re.search(r"-quarter$", text, re.IGNORECASE):
        article, done = False, reportable(y, p.ordinal, ctx)
    if done and not article:
        # not "a flat second quarter", a coming one
        ctx.ref_quarter, ctx.ref_months = (y, p.ordinal), 3
        ctx.fiscal_quarter = "fiscal" in p.words
    return "DATE", f"{y}-Q{p.ordinal}"


def reportable(y: int, q: int, ctx: Context) -> bool:
    """Whether a quarter has ended by the anchor date (results can be reported)."""
    return ctx.anchor is None or shift_quarter(y, q, 1) <= (ctx.anchor.year, quarter_of(ctx.anchor))


def resolve_half(text: str, p: Pieces, ctx: Context) -> Resolved:
    half = 1 if "first" in p.words else 2
    y = quarter_year(half * 2, p, ctx)
    if y is not None and ctx.anchor is not None and (y, half) <= half_of(ctx.anchor):
        # a reported half sets the period "a year earlier" compares with; a half still
        # ahead ("sales slow over the first two quarters of next year") is a forecast
        ctx.ref_months = 6
    return "DATE", f"{y}-H{half}" if y is not None else None


_ENDED = re.compile(r"\s+(?:ended|ending)\s+(?P<date>\w+\.?\s+\d{1,2}(?:,\s+\d{4})?)")
# "the quarter ended Oct. 31": a period that has ended, so its last day is not ahead
_ENDED_BEFORE = re.compile(r"\bended\s+$", re.IGNORECASE)


def ended_date(ctx: Context) -> date | None:
    """The date in "the quarter ended March 31" (said of a past period)."""
    m = _ENDED.match(ctx.after)
    if not m or ctx.anchor is None:
        return None
    words = Context(
        ctx.anchor, "past", before="ended " if ctx.after.lstrip().startswith("ended") else ""
    )
    _, value = resolve_date(m.group("date"), pieces_of(m.group("date"), load_lexicon()), words)
    return date.fromisoformat(value) if value and len(value) == 10 else None


# "the year ending tomorrow", "the year ended Friday": a day named otherwise than by its date
_ENDED_DAY = re.compile(
    r"\s+(?:ended|ending)\s+(?:today|tomorrow|yesterday|(?:this|last|next)\s+\w+"
    r"|(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    re.IGNORECASE,
)


# "the year to March", "the year through June": twelve months up to a month (British
# and agency usage), as "the year ended June 30"
_TO_MONTH = re.compile(r"\s+(?:to|through)\s+(?:the\s+end\s+of\s+)?(?P<month>[A-Z][a-z]+)\b\.?")


def resolve_yearref(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "the year ended June 30" is a twelve-month period; "the (full) year" this one."""
    if _ENDED.match(ctx.after) or _ENDED_DAY.match(ctx.after):
        return "DURATION", "P1Y"
    to_month = _TO_MONTH.match(ctx.after)
    if to_month and load_lexicon().get("month", normalise_word(to_month.group("month").lower())):
        return "DURATION", "P1Y"
    return "DATE", str(ctx.anchor.year) if ctx.anchor else None


_AGO = re.compile(
    r"ago|earlier|comparable|same|corresponding|last\s+year|(?:previous|prior)\s+year",
    re.IGNORECASE,
)


_LAST_YEAR = re.compile(r"\b(?:last|previous|prior)\s+year\b", re.IGNORECASE)


def resolve_refquarter(text: str, p: Pieces, ctx: Context) -> Resolved:
    ref = ctx.ref_quarter
    end = ended_date(ctx)
    if ctx.fiscal_quarter and ref is not None and p.year is None and not _AGO.search(text):
        # "its fiscal second quarter ... the quarter ended Nov. 30": the quarter named, in
        # the firm's own count; its end date does not make it a calendar quarter
        return "DATE", f"{ref[0]}-Q{ref[1]}"
    if end is not None and p.year is None and not re.search(r"ago|earlier", text, re.I):
        ref = (end.year, quarter_of(end))
        ctx.ref_quarter, ctx.ref_months = ref, 3
        return "DATE", f"{ref[0]}-Q{ref[1]}"
    if ctx.ref_months != 3 and ref is not None and (p.year or _AGO.search(text)):
        return "DATE", str(p.year or ref[0] - 1)  # "the 1991 period" after "nine months"
    if p.year is not None:  # "the 1991 quarter": the quarter spoken of, in that year
        q = ref[1] if ref else (quarter_of(ctx.anchor) - 2) % 4 + 1 if ctx.anchor else None
        return "DATE", f"{p.year}-Q{q}" if q else None
    if ref is None and ctx.anchor is not None and _LAST_YEAR.search(text):
        # "the same period last year" with no period spoken of before: which period is
        # not said, the year is
        return "DATE", str(ctx.anchor.year - 1)
    if ref is None and ctx.anchor is not None:
        ref = shift_quarter(ctx.anchor.year, quarter_of(ctx.anchor), 0 if "this" in p.words else -1)
    if ref is None:
        return "DATE", None
    if _AGO.search(text):
        y, q = shift_quarter(*ref, -4)
        return "DATE", f"{y}-Q{q}"
    ctx.ref_quarter, ctx.ref_months = ref, 3
    return "DATE", f"{ref[0]}-Q{ref[1]}"


def resolve_season(text: str, p: Pieces, ctx: Context) -> Resolved:
    if p.season is None:
        return "DATE", None
    year = p.year if p.year is not None else spelled_year(p.words, load_lexicon())
    if year is not None:
        return "DATE", f"{year}-{p.season}"  # "the summer of nineteen eighty-seven"
    if ctx.anchor is None:
        return "DATE", None
    step = step_of(p.modifier)
    if p.modifier == "this" and SEASON_OF_MONTH[ctx.anchor.month] != p.season:
        # "will report this fall" (written in February): the tense picks the side,
        # without one the season of the anchor's year
        if ctx.direction is None:
            return "DATE", f"{ctx.anchor.year}-{p.season}"
        step = 1 if ctx.direction == "future" else -1
    if step == 0 and p.modifier is None:
        step = (
            -1 if ctx.direction == "past" and SEASON_OF_MONTH[ctx.anchor.month] != p.season else 0
        )
        if ctx.direction == "future" and SEASON_OF_MONTH[ctx.anchor.month] != p.season:
            step = 1
    return "DATE", season_step(ctx.anchor, p.season, step)


def resolve_vague(text: str, p: Pieces, ctx: Context) -> Resolved:
    lex = load_lexicon()
    phrase = " ".join(p.words)
    if (value := lex.get("vague", phrase)) is not None:
        return "DATE", value
    if p.unit is not None and phrase.endswith("s"):  # "(recent) months"
        return "DURATION", duration_value(None, p.unit, lex)
    return "DATE", None


_SHIFT = re.compile(r"^(?:the\s+)?day\s+(before|after)\s+", re.IGNORECASE)


def resolve_dayshift(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "the day after last Monday": the day next to a weekday or a dated day."""
    m = _SHIFT.match(text)
    if m is None:
        return "DATE", None
    inner = text[m.end() :]
    q = pieces_of(inner, load_lexicon())
    if q.weekday is None and q.month is None:
        inner_resolve = resolve_relday  # "the day before yesterday"
    else:
        inner_resolve = resolve_weekday if q.month is None else resolve_date
    _, value = inner_resolve(inner, q, ctx)
    if value is None or len(value) != 10:
        return "DATE", None
    shift = -1 if m.group(1).lower() == "before" else 1
    return "DATE", (date.fromisoformat(value) + timedelta(days=shift)).isoformat()


def resolve_weekof(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "the week of October 9": the ISO week holding that day."""
    _, value = resolve_date(text, p, ctx)
    if value is None or len(value) != 10:
        return "DATE", None
    return "DATE", iso_week(date.fromisoformat(value))


_REF_UNIT = re.compile(r"(day|morning|afternoon|evening|night|week|month|year)\b", re.IGNORECASE)


def resolve_anaphor(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "later that year", "the following month": counted from the last date spoken of."""
    ref, m = ctx.last_date, _REF_UNIT.search(text)
    if ref is not None and p.season is not None:
        return "DATE", f"{ref[:4]}-{p.season}"  # "that summer": the season of the year in focus
    if ref is None or m is None:
        return "DATE", None
    unit = m.group(1).lower()
    step = 1 if re.search(r"\b(?:following|next|after)\b", text, re.IGNORECASE) else 0
    if re.search(r"\b(?:previous|preceding|before)\b", text, re.IGNORECASE):
        step = -1  # "the previous day", "the year before"
    if unit == "year":
        return "DATE", str(int(ref[:4]) + step)
    if unit == "month":
        if len(ref) < 7:
            return "DATE", None
        y, mo = shift_month(int(ref[:4]), int(ref[5:7]), step)
        return "DATE", f"{y}-{mo:02d}"
    if len(ref) < 10:
        return "DATE", None
    day = date.fromisoformat(ref[:10])
    if unit == "week":
        return "DATE", iso_week(day + timedelta(weeks=step))
    return "DATE", (day + timedelta(days=step)).isoformat()


def resolve_theweek(text: str, p: Pieces, ctx: Context) -> Resolved:
    """ "the week's busiest day": a week the text does not number, in the year in focus
    (TIMEX3 leaves the week unspecified: "1998-WXX")."""
    year = ctx.last_date[:4] if ctx.focus_near and ctx.last_date else None
    if year is None and ctx.anchor is not None:
        year = str(ctx.anchor.year)
    return "DATE", f"{year}-WXX" if year else None


def resolve_soon(text: str, p: Pieces, ctx: Context) -> Resolved:
    return "DATE", "FUTURE_REF"


RESOLVERS: dict[str, Callable[[str, Pieces, Context], Resolved]] = {
    "soon": resolve_soon,
    "dayshift": resolve_dayshift,
    "anaphor": resolve_anaphor,
    "countday": resolve_countday,
    "weekof": resolve_weekof,
    "theweek": resolve_theweek,
    "date": resolve_date,
    "month": resolve_month,
    "time": resolve_time,
    "relday": resolve_relday,
    "daypart": resolve_daypart,
    "yearend": resolve_yearend,
    "weekday": resolve_weekday,
    "nthweekday": resolve_nthweekday,
    "set": resolve_set,
    "relunit": resolve_relunit,
    "ago": resolve_ago,
    "duration": resolve_duration,
    "year": resolve_year,
    "decade": resolve_decade,
    "century": resolve_century,
    "quarter": resolve_quarter,
    "half": resolve_half,
    "refquarter": resolve_refquarter,
    "season": resolve_season,
    "vague": resolve_vague,
    "holiday": resolve_holiday,
    "yearref": resolve_yearref,
    "long": resolve_long,
}


def resolve(text: str, kind: str, ctx: Context) -> Resolved:
    """TIMEX3 (type, value) of a span of the given candidate kind."""
    resolver = RESOLVERS.get(kind)
    if resolver is None:
        return "DATE", None
    return resolver(text, pieces_of(text, load_lexicon()), ctx)
