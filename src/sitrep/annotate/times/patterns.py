"""Candidate time expressions: precompiled regexes over the article text.

Each pattern has a kind that tells the resolver how to read the span. Spans
follow TimeML (TempEval-3) habits: determiners and "last/next/this" are part
of the expression ("the third quarter", "last week"), hedges are not ("about
five hours" -> "five hours"), nor is a trailing possessive ("last year's").
A pattern may mark the expression with a group named ``t`` when context words
are needed to recognise it but are not part of it ("for years" -> "years").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep import lexicons
from sitrep.annotate.times.time_words import TimeLexicon, alternation_of, load_lexicon


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: str


def _abbreviations(lex: TimeLexicon, kind: str) -> tuple[list[str], list[str]]:
    """Full names and abbreviations (a word that starts a longer word of the same value)."""
    words = lex.tables.get(kind, {})
    abbr = [
        w
        for w, v in words.items()
        if any(o != w and o.startswith(w) and words[o] == v for o in words)
    ]
    full = [w for w in words if w not in abbr]
    return sorted(full, key=len, reverse=True), sorted(abbr, key=len, reverse=True)


def _cased(words: list[str]) -> str:
    """Case-sensitive alternation of Title and UPPER forms ("may" is not May)."""
    forms = [f for w in words for f in (w.title(), w.upper())]
    return "(?-i:" + "|".join(re.escape(f) for f in forms) + ")"


Patterns = tuple[tuple[str, str], ...]  # (kind, regex source), in the order they are tried

# Atoms that need no lexicon: numbers, years and the words around them.
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# not "2046.3", "1,500", "2010-style"; "2010-2012" is two years (a range)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-(?!(?:1[5-9]|20)\d\d\b)\w)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_SPELLED_REST = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|oh[- ](?:{_ONES}))"
_SPELLED_YEAR = (
    rf"(?:nineteen(?:\s+hundred)?(?:\s+and)?\s+{_SPELLED_REST}"
    rf"|two\s+thousand(?:\s+and)?(?:\s+(?:{_ONES}|{_TEENS}))?)"
)
_APPROX = (
    r"(?:(?:nearly|almost|more\s+than|less\s+than|over|at\s+least|up\s+to|no\s+more\s+than)\s+)"
)
# "on March 1 last year", "12 June this year": the day's year, said (one TIMEX3, as
# "June this year" is one)
_YEAR_SAID = r"\s+(?:this|last|next)\s+year\b(?![-'’])"
_REL = r"(?:this\s+past|this|last|next|past|coming|previous|prior|current|following)"
_HEDGE = r"(?:early|earlier|late|later|mid)"
_HEDGE_OF = r"(?:early|late|mid)"  # the part of a century ("the late 19th century")
_DAY_NTH = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
_ZONE = (
    r"(?:[ECMP][SD]T|(?-i:[ECMP]T|BST|CET|CEST|HKT)\b|(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}\b)?"
    # the zones of other continents' news, upper case only ("IST", not "ist")
    r"|(?-i:A[CEW][SD]T|NZ[SD]T|AK[SD]T|HST|IST|JST|KST|MSK|SGT|PHT|WIB|SAST|EAT|WAT|EES?T)\b"
    r"|local\s+time"
    r"|(?-i:Eastern|Central|Mountain|Pacific)(?:\s+(?:standard|daylight))?\s+time"
    # "9 a.m. Moscow time", "6:45 p.m. Cairo time": a place's clock
    # (not "The time had come" opening the next sentence)
    r"|(?-i:(?!(?:The|This|That|These|Those|A|An|Its|His|Her|Their|Our|Your|My|Any|Some"
    r"|No|Every|Each|Next|Last|First|Same|Such|What|Which)\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    r"\s+time\b)"
)
_OFYEAR = rf"(?:{_YEAR}|this\s+year|last\s+year|next\s+year|the\s+(?:current\s+)?year(?!-|'s))"
_EDGE = r"(?:the\s+(?:beginning|end|middle|start)\s+of\s+)"
_OR_SO = r"(?:\s+or\s+(?:so|two|three))?"  # "a month or two", "a day or so ago"


@dataclass(frozen=True, slots=True)
class Atoms:
    """Regex pieces that several families of patterns share, built once from the lexicon."""

    month_full: str  # a full month name, capitalised ("may" is not May)
    month: str  # a full name or an abbreviation ("Jan.")
    weekday: str
    number: str  # a count in digits or words, never a year
    unit: str  # a unit of time, singular or plural
    part: str  # a part of the day ("morning")
    season: str
    ordinal: str
    holiday: str
    day_ordinal: str  # "first" .. "thirty-first"
    spelled_day: str  # "eighth", "twenty-first"
    decade_word: str  # "nineties"
    vague: str  # "recently", "in the past"
    sets: str  # frequency words ("weekly"), without those a count can take
    day_ref: str  # the day a clock time falls on ("Sunday afternoon", "Jan. 17, 1994")
    day: str = _DAY
    year: str = _YEAR
    spelled_year: str = _SPELLED_YEAR
    either_year: str = rf"(?:{_YEAR}|{_SPELLED_YEAR}\b)"
    approx: str = _APPROX
    year_said: str = _YEAR_SAID
    rel: str = _REL
    hedge: str = _HEDGE
    hedge_of: str = _HEDGE_OF
    day_nth: str = _DAY_NTH
    zone: str = _ZONE
    ofyear: str = _OFYEAR
    edge: str = _EDGE
    or_so: str = _OR_SO


def _number(lex: TimeLexicon) -> str:
    numword = lex.alternation("number")
    return (
        rf"(?:(?<![\d,.])\d{{1,3}}(?:,\d{{3}})+(?!,?\d)"  # "3,000 years"
        rf"|(?<![\d,.])(?!1[5-9]\d\d\b|20\d\d\b)\d+(?:\.\d+)?(?:\s+1/2)?"
        rf"|(?:{_TENS})\s+(?:{_ONES})"  # "twenty four hours" (transcripts drop the hyphen)
        rf"|(?:{numword})(?:-(?:{numword}))?)"
    )


def _day_ref(weekday: str, month: str, part: str) -> str:
    return (
        rf"(?:{weekday}(?:,?\s+{month}\s+{_DAY}|\s+(?:{part})\b)?"  # "3 o'clock Sunday afternoon"
        rf"|today|yesterday|tomorrow|tonight|{month}\s+{_DAY})"
        rf"(?:,?\s+{_YEAR})?"  # "4:31 a.m. on Jan. 17, 1994"
    )


def build_atoms(lex: TimeLexicon) -> Atoms:
    """The shared atoms of ``lex``."""
    m_full, m_abbr = _abbreviations(lex, "month")
    w_full, w_abbr = _abbreviations(lex, "weekday")
    month = rf"(?:{_cased(m_full)}|{_cased(m_abbr)}\.?)"
    weekday = rf"(?:{_cased(w_full)}|{_cased(w_abbr)}\.)"
    part = lex.alternation("part_of_day")
    day_ordinal = lex.alternation("day_ordinal")
    return Atoms(
        month_full=_cased(m_full),
        month=month,
        weekday=weekday,
        number=_number(lex),
        unit=rf"(?:{lex.alternation('unit').replace('century', 'century|centuries')})s?",
        part=part,
        season=lex.alternation("season"),
        ordinal=lex.alternation("ordinal"),
        # "St. Patrick's Day": an abbreviated word may keep its point (the lexicon drops it)
        holiday=lex.alternation("holiday").replace(r"\s+", r"\.?\s+"),
        day_ordinal=day_ordinal,
        # "March eighth", "the twenty-first of May": spelled days of broadcast transcripts
        spelled_day=rf"(?:(?:(?:twenty|thirty)[- ])?(?:{day_ordinal}))(?![-\w])",
        decade_word=lex.alternation("decade"),
        vague=lex.alternation("vague"),
        sets=alternation_of(w for w in lex.tables.get("set", {}) if w not in _COUNTABLE_SETS),
        day_ref=_day_ref(weekday, month, part),
    )


def _date_patterns(a: Atoms) -> Patterns:
    """Calendar dates and months: "March 28", "28 March 2024", "13/05/2024", "May"."""
    return (
        # "March 28", and in speech "March the 28th"
        (
            "date",
            rf"(?:{a.weekday},?\s+)?{a.month}\s+(?:the\s+(?=\d+(?:st|nd|rd|th)))?{a.day}\b"
            rf"(?:,?\s+{a.year}|{a.year_said})?",
        ),
        (
            "date",
            rf"(?:{a.weekday},?\s+)?(?:the\s+)?{a.day}\s+(?:of\s+)?{a.month}(?:,?\s+{a.year}|{a.year_said})?",
        ),
        ("date", rf"{a.month},?\s+(?:of\s+)?{a.either_year}"),
        (
            "date",
            rf"(?:{a.weekday},?\s+)?(?:{a.month_full}\s+(?:the\s+)?{a.spelled_day}"
            rf"|(?:the\s+)?{a.spelled_day}\s+of\s+{a.month_full})(?:,?\s+{a.either_year})?",
        ),
        (
            "date",
            r"(?:1[5-9]|20)\d\d-[01]\d-[0-3]\d(?![\d-])|(?:1[0-2]|0?[1-9])/[0-3]?\d/(?:\d\d){1,2}\b",
        ),
        # "13/05/2024": a first number above 12 is no month, so the date is written day
        # first; "2024/05/13": a year first is followed by its month (ISO order)
        (
            "numdate",
            r"(?<![\d/])(?:(?:1[3-9]|2\d|3[01])/(?:1[0-2]|0?[1-9])/(?:\d\d){1,2}"
            r"|(?:1[5-9]|20)\d\d/(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))\b(?!/)",
        ),
        (
            "month",
            rf"(?:{a.hedge}[- ]?|{a.edge})?"
            rf"(?:(?:last|next|this)\s+)?{a.month_full}"
            # "May of that year": the year last spoken of (resolve_month)
            rf"(?:\s+(?:of\s+)?(?:this|last|next|that|the\s+same)\s+year)?",
        ),
    )


def _clock_patterns(a: Atoms) -> Patterns:
    """Clock times: "6 p.m.", "14:30 GMT", "10 o'clock at night" (with their day)."""
    return (
        (
            "time",
            # "6.44am": British papers write the minutes after a point
            rf"(?:\d{{1,2}}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b)|"
            rf"\d{{1,2}}:\d\d(?=\s+{a.zone})|noon|midnight|midday"
            # "10:30 Tuesday morning", "at 14:30": a clock time without a.m./p.m.
            r"|\d{1,2}:[0-5]\d(?=,?\s+(?:on\s+)?(?:today|yesterday|tomorrow|tonight"
            rf"|{a.weekday})\b)"
            # "1600 GMT", "at 0600 local time": no year 1600; not "a 2014 UTC alumna" (a
            # year of a school named by its letters)
            r"|(?<!\ba\s)(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:GMT|UTC|local\s+time)\b)"
            # "at 1430 hours", "0600 hrs": a clock time the military way, not a count of
            # hours (a count has no leading zero, and no "at" before it)
            r"|(?:(?<=\bat\s)(?:[01]\d|2[0-3])|0\d)[0-5]\d\s+(?:hours|hrs)\b"
            # "at 5 in the morning", "10 o'clock at night"
            rf"|\d{{1,2}}(?::[0-5]\d)?\s+(?:o'clock\s+)?(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)"
            rf"|\d{{1,2}}\s+o'clock"
            # last: a longer reading above wins ("at 8:15 in the evening")
            # a 24-hour clock after a word that places a moment: "at 14:30", "from 09:00
            # to 17:00", "until 06:00", "by 22:00" (not a score, a ratio or a race time)
            r"|(?:(?<=\bat\s)|(?<=\bfrom\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\bby\s)"
            r"|(?<=\d:\d\d\sto\s)|(?<=\d:\d\d-)|(?<=\d:\d\d–))"
            r"(?:[01]?\d|2[0-3]):[0-5]\d\b(?![:.,]?\d))"
            rf"(?:\s+{a.zone})?(?:,?\s+(?:on\s+)?{a.day_ref})?",
        ),
    )


def _relative_day_patterns(a: Atoms) -> Patterns:
    """Days told from now or the last date: "yesterday", "that night", "the next day"."""
    return (
        (
            "relday",
            rf"(?:(?:early|late|earlier)\s+)?(?:today|yesterday|tomorrow|tonight)"
            rf"(?:\s+(?:{a.part}))?|(?:this|last|tomorrow|yesterday)\s+(?:{a.part})|"
            rf"(?:mid-?)?(?:{a.part})\s+(?:yesterday|today|tomorrow)",
        ),
        # "orders came in the morning", "by mid-afternoon": a part of the day in focus
        (
            "daypart",
            r"(?:in|during|by)\s+(?P<t>(?:the\s+)?(?:(?:mid|early|late)[- ]?\s*)?"
            r"(?:morning|afternoon|evening))\b(?!\s+(?:of|before|after)\b)",
        ),
        # "by year-end", "since year end": the last day of the year
        ("yearend", r"(?:the\s+)?year[- ]end\b(?!-)"),
        # "later that year", "the following month", "the next morning": from the last date
        (
            "anaphor",
            r"(?:earlier|later)\s+that\s+(?:same\s+)?(?:day|month|year|morning|night)\b"
            r"|(?:that|the)\s+same\s+(?:day|week|month|year)\b|that\s+(?:day|week|month|year)\b(?![-'])"
            r"|the\s+following\s+(?:day|week|month|year|morning)\b|the\s+next\s+(?:day|morning)\b"
            r"|the\s+(?:previous|preceding)\s+day\b"
            # "up from the year before.", "The day after, he fled": "before" or "after" with
            # nothing after it (not "the day before the vote", "the day after he left")
            r"|the\s+(?:day|week|month|year)\s+(?:before|after)(?=\s*(?:[,.;:!?)]|$))"
            # "That night, rivers rose", "that summer": a part of the day, or the season of
            # the year, last spoken of ("that fall in prices" is no season)
            r"|that\s+(?:morning|afternoon|evening|night|spring|summer|autumn|winter)\b",
        ),
        # "this is the fifth day of the walkout", "it's the sixth straight day of protests": a day
        # counted within an event, said in the present tense, is the document's day
        (
            "countday",
            r"(?:\bis|['’]s)\s+(?P<t>(?:the\s+)?(?:"
            rf"{a.day_ordinal}|\d{{1,2}}(?:st|nd|rd|th))"
            r"\s+(?:straight\s+|consecutive\s+)?day)\b(?!-)",
        ),
    )


def _weekday_patterns(a: Atoms) -> Patterns:
    """Weekdays and the days and weeks around them: "last Monday", "the week of April 11"."""
    return (
        # "the day after last Monday('s auction)", "the week of April 11"
        (
            "dayshift",
            rf"(?:the\s+)?day\s+(?:before|after)\s+(?:(?:last|next|this)\s+)?"
            rf"(?:{a.weekday}(?!s)|{a.month}\s+{a.day}\b(?:,?\s+{a.year})?)"
            r"|(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow",
        ),
        ("weekof", rf"the\s+week\s+of\s+{a.month}\s+{a.day}\b(?:,?\s+{a.year})?"),
        # "the week's busiest session", "For the week, bonds slipped": a bare definite
        # week the discourse fixes (a report's week), no count nor day said
        ("theweek", r"(?<=\bfor\s)the\s+week\b(?=\s*[,.;:])|the\s+week(?=['’]s\b)"),
        (
            "weekday",
            # "this past Tuesday", "this coming Friday": the direction word decides
            rf"(?:(?:this\s+(?:past|coming)|last|next|this|coming"
            rf"|the\s+(?:previous|preceding|following))\s+)?"
            rf"{a.weekday}(?!s)(?:\s+(?:{a.part}))?",
        ),
        # "the first Tuesday in November", "the last Friday of May 2027", "the second
        # Saturday of next month": a weekday counted within a month, one dated day (TIMEX3
        # gives its calendar date)
        (
            "nthweekday",
            rf"(?:the\s+)?(?:{a.day_ordinal}|last|[1-5](?:st|nd|rd|th))\s+"
            rf"{a.weekday}(?!s)\s+(?:in|of)\s+"
            rf"(?:(?:(?:last|next|this)\s+)?{a.month_full}(?:,?\s+{a.year})?|(?:last|next|this)\s+month)\b",
        ),
    )


def _calendar_set_patterns(a: Atoms) -> Patterns:
    """Repeated calendar times: "every Monday", "each July", "every four years"."""
    return (
        # "every Monday (morning)", "every other Monday" (not "shot each other Monday"),
        # "Mondays", "each evening"
        (
            "set",
            rf"(?:each|every)\s+(?:{a.weekday}\s+)?(?:{a.part})\b|(?:each|every(?:\s+other)?)\s+{a.weekday}"
            rf"|{a.weekday}(?:s|\s+(?:{a.part})s)",
        ),
        ("set", rf"(?:each|every)\s+(?:{a.month_full}|{a.season})\b"),  # "each July": XXXX-07
        # "every four years" (P4Y), "every other week" (P2W), "each quarter"
        ("set", rf"(?:each|every)\s+(?:other\s+|{a.number}\s+)?{a.unit}\b"),
    )


def _unit_patterns(a: Atoms) -> Patterns:
    """Counted units: "last week", "three years ago", "five business days"."""
    return (
        (
            "relunit",
            rf"(?:{a.hedge}[- ]?\s*|{a.edge})?(?:the\s+)?{a.rel}\s+(?:fiscal\s+)?"
            rf"(?:week(?:end)?|month|year|quarter|decade|century)\b(?!-)|the\s+weekend"
            # "the end of the month": TimeML gives the period's value (with MOD="END")
            rf"|{a.edge}the\s+(?:week|month|year|quarter|decade|century)\b(?![-'])"
            # "by year's end": the possessive form of "the end of the year", the same value
            r"|year['’]s\s+end\b",
        ),
        (
            "ago",
            # "half a century ago", "a quarter-century ago": the part counted back, one
            # expression (TimeML)
            rf"{a.approx}?(?:{a.number}(?:\s+and\s+a\s+half)?\s+(?:more\s+)?|half\s+an?\s+"
            rf"|an?\s+(?:half|quarter)[\s-]|a\s+)?{a.unit}"
            rf"(?:\s+and\s+a\s+half)?{a.or_so}"
            r"\s+(?:ago|earlier|from\s+(?:now|today)|hence)",
        ),
        (
            "duration",
            rf"(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following|"
            # not the verb of "meant to last a few months" ("the last a ..." is no English)
            rf"final|initial|remaining)\s+(?!an?\s))?{a.approx}?"
            # "half an hour", "a quarter of a century", "two-and-a-half years"
            rf"(?:half\s+an?|an?\s+half|an?\s+quarter(?:\s+of\s+an?)?"
            rf"|{a.number}(?:[\s-]+and[\s-]+a[\s-]+half)?)"
            r"(?:\s+|-)"
            # "five business days", "eight trading days": days of a kind, counted as days
            r"(?:more\s+|additional\s+|full\s+|straight\s+|consecutive\s+)?"
            rf"(?:(?:trading|business|working)\s+(?=(?:days?|weeks?)\b))?{a.unit}"
            rf"(?:\s+and\s+a\s+half)?{a.or_so}\b(?![- ]old)",
        ),
        (
            "duration",
            r"(?:for|over|in|within|take|takes|taking|took|taken|lasts|lasted|lasting)\s+"
            r"(?P<t>(?:years|months|weeks|days|decades|hours|minutes|centuries))\b",
        ),
    )


def _year_patterns(a: Atoms) -> Patterns:
    """Years, decades and centuries: "2024", "the nineties", "the 19th century"."""
    return (
        (
            "year",
            rf"(?<![$£€#\d.,])(?:(?<!-)|(?<=\d{{4}}-))"  # "2010-2012": the second year too
            rf"{a.edge}?(?:the\s+year\s+)?"
            rf"(?:(?:(?:fiscal|calendar)(?:\s+year)?|{a.hedge})[- ]?\s*)?"
            rf"{a.year}\b",
        ),
        # "the post-2008 rules", "pre-1914 borders": the year, with the prefix (TimeML)
        ("year", rf"(?:pre|post)-{a.year}\b"),
        (
            "year",
            # not "two thousand years": a count of years
            rf"(?:the\s+year\s+)?{a.spelled_year}\b(?!\s+(?:{a.unit}|[a-z]+\s+{a.unit})\b)",
        ),
        ("decade", r"(?:the\s+)?(?:(?:early|mid|late)[- ]?\s*)?(?:(?:1[5-9]|20)\d0'?s|'\d0s)\b"),
        # "the nineties" (with "the": "in their nineties" is an age)
        (
            "decade",
            rf"the\s+(?:(?:early|mid|late)[- ]?\s*)?(?:nineteen[- ])?"
            rf"(?:{a.decade_word})\b",
        ),
        (
            "century",
            rf"(?:the\s+)?(?:{a.hedge_of}[- ]?\s*)?"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{a.ordinal})[- ]century",
        ),
        # "the late nineteenth century", "the twenty-first century" (TimeML: 18, 20)
        (
            "ordcentury",
            rf"(?:the\s+)?(?:{a.hedge_of}[- ]?\s*)?(?:twenty[- ])?"
            rf"(?:{a.day_ordinal})[- ]century",
        ),
    )


def _quarter_patterns(a: Atoms) -> Patterns:
    """Quarters and fiscal codes: "the third quarter", "Q3 2024", "H1", "FY24"."""
    return (
        (
            "quarter",
            rf"(?:(?:the|this|{a.ofyear}'s)\s+(?!\w+-quarter))?(?:(?:fiscal|latest|same|current)\s+)?"
            rf"(?:fiscal[- ])?(?:{a.ordinal})[- ](?:fiscal[- ])?quarter"
            rf"(?:\s+of\s+(?:fiscal\s+)?{a.ofyear})?",
        ),
        ("quarter", rf"(?:the\s+)?(?:fiscal\s+)?{a.year}\s+(?:{a.ordinal})[- ]quarter"),
        # "the final quarter of last year": the fourth ("last quarter" alone is the previous)
        ("quarter", rf"(?:the\s+)?(?:final|last)\s+quarter\s+of\s+(?:fiscal\s+)?{a.ofyear}"),
        ("quarter", rf"(?-i:Q[1-4])(?:\s+{a.year})?\b"),  # "Q1 results", "Q3 2024"
        # "H1 2025", "H1 FY25", "H2 results": a half year by its code, with its year or a
        # word of a report after it (not "H1-B", "H1N1", nor the H2 district of a city)
        (
            "halfcode",
            rf"(?-i:H[12])(?:\s+(?:{a.year}|(?-i:FY)\s?'?\d\d(?:\d\d)?\b)"
            r"|(?=\s+(?:results|sales|revenue|revenues|profit|profits|earnings|loss|losses"
            r"|growth|figures|guidance|output|net|margins?)\b))",
        ),
        # "FY2024", "FY 24", "FY'25": a fiscal year by its code
        ("fycode", r"(?-i:FY)\s?'?(?:(?:1[5-9]|20)\d\d|\d\d)\b(?![-/]\d)"),
    )


def _half_and_period_patterns(a: Atoms) -> Patterns:
    """Half years and report periods: "the first half", "the same period last year"."""
    return (
        (
            "half",
            # not "the second half of the match": the half of something else than a year
            rf"(?:the\s+|{a.ofyear}'s\s+)?(?:first|second|last|latter)\s+half"
            rf"(?:\s+of\s+(?:fiscal\s+)?{a.ofyear})?"
            r"(?!\s+of\b)",
        ),
        # "the last two quarters of 2012": a half year, one expression (TimeML: 2012-H2);
        # only with its year, as "the last two quarters" alone is a span back from now
        (
            "half",
            rf"(?:the\s+)?(?:first|last|final)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?{a.ofyear}",
        ),
        (
            "refquarter",
            r"(?:(?:the|this|that)\s+)?(?:(?:latest|recent|comparable|same)\s+)?"
            r"(?:(?:year-ago|year-earlier)\s+)?(?<!-)(?:quarter|period)\b(?!-)",
        ),
        ("refquarter", rf"the\s+{a.year}\s+(?:quarter|period)|year-(?:ago|earlier)"),
        # "the same period last year", "last year's quarter": the year-ago period, one TIMEX
        (
            "refquarter",
            r"the\s+(?:same|corresponding|comparable)\s+(?:quarter|period)\s+(?:of\s+|in\s+)?"
            r"(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year)\b"
            r"|last\s+year's\s+(?:quarter|period)\b",
        ),
        (
            "yearref",
            r"the\s+(?:(?:full|fiscal|current|whole|entire)\s+)?(?:fiscal\s+)?year\b(?![-'])",
        ),
    )


def _stretch_patterns(a: Atoms) -> Patterns:
    """Stretches of some units: "the coming years", "over the years", "weeklong"."""
    return (
        ("duration", r"(?:coming|past|last|next)\s+(?:years|months|weeks|days|decades)\b"),
        ("duration", r"the\s+(?:years|months|weeks|days)\s+ahead\b"),  # "in the weeks ahead"
        # "over the years", "in the months that followed": a stretch of some units (PXY)
        (
            "duration",
            r"(?:over|in|during|through|across|throughout)\s+(?P<t>the\s+(?:early\s+|intervening\s+)?"
            r"(?:years|months|weeks|decades))\b(?!\s+(?:of|since|before|after|prior|earlier|later|ahead|to\s+come)\b)",
        ),
        # "a weeklong strike", "the month-long siege", "a day-long meeting": one unit
        # ("weeks-long": some weeks; not the "week-long" of "a two-week-long")
        ("long", r"(?<!\w-)(?:hour|day|week|month|year|decade)(?:s-|-?)long\b"),
    )


def _season_patterns(a: Atoms) -> Patterns:
    """Seasons and holidays: "last summer", "the summer of 1987", "Easter"."""
    return (
        (
            "season",
            rf"(?:(?:this\s+past|this|last|next|past|early|late)\s+)(?:{a.season})"
            rf"(?:\s+(?:of\s+)?{a.year})?|(?:{a.season})\s+(?:of\s+)?{a.year}"
            # "in spring 2009", "the summer of 1987"
            rf"|(?:the|in|during)\s+(?P<t>(?:{a.season})(?:\s+(?:of\s+)?(?:{a.year}|{a.spelled_year}))?)\b",
        ),
        # a whole name: "Easter weekend" holds "Easter", not "Easter week"
        ("holiday", rf"(?:(?:last|next|this)\s+)?(?:{a.holiday})\b(?:\s+{a.year})?"),
    )


def _vague_patterns(a: Atoms) -> Patterns:
    """Vague references: "recently", "recent weeks", "soon"."""
    return (
        ("vague", rf"(?:{a.vague})\b"),
        ("vague", r"recent\s+(?:months|weeks|days)\b"),
        # "will soon begin" (a future reference); not "as soon as", "soon after"
        ("soon", r"as\s+soon\s+as\s+possible|(?<!as\s)soon\b(?!\s+(?:as|after|afterwards?)\b)"),
    )


def _frequency_patterns(a: Atoms) -> Patterns:
    """Frequencies: "weekly", "twice a week"."""
    return (
        ("set", rf"(?:{a.sets})\b"),
        # "twice a week", "three times a year", "once every month": a SET (freq="2X")
        (
            "frequency",
            rf"(?:once|twice|thrice|(?:{a.number})\s+times)\s+(?:a|an|per|every|each)\s+{a.unit}\b"
            r"(?!-)",
        ),
    )


def _day_of_month_patterns(a: Atoms) -> Patterns:
    """A day of the month in focus: "on the 12th", "the 21st of this month"."""
    return (
        # "on the 12th", "by the 3rd,", "the 21st of this month": a day of the month in focus
        # (not "the 11th floor", "the 40th anniversary": an ordinal of something else)
        (
            "ordday",
            rf"(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bfrom\s))"
            # (not "and": "on the 2nd and 3rd floors")
            rf"the\s+{a.day_nth}(?=\s*(?:[,;:!?)]|\.(?!\d)|$)|\s+(?:but|when|after|before"
            r"|at|in|until|through|with|as|if|while)\b)"
            rf"|the\s+{a.day_nth}\s+of\s+(?:the|this|next|last|that|the\s+same)\s+month\b",
        ),
    )


def _weekend_patterns(a: Atoms) -> Patterns:
    """Weekends as a set: "open on weekends"."""
    return (
        # "open on weekends", "busy at weekends"; not "two weekends", a stretch of time
        ("set", r"(?<=\bon\s)weekends\b|(?<=\bat\s)weekends\b"),
    )


# The families, in the order they are tried: on spans of the same length the pattern
# listed first wins, so the order is part of the behaviour.
@functools.lru_cache(maxsize=1)
def shared_atoms() -> Atoms:
    """The atoms of the shipped lexicon, built once."""
    return build_atoms(load_lexicon())


FAMILIES: tuple[Callable[[Atoms], Patterns], ...] = (
    _date_patterns,
    _clock_patterns,
    _relative_day_patterns,
    _weekday_patterns,
    _calendar_set_patterns,
    _unit_patterns,
    _year_patterns,
    _quarter_patterns,
    _half_and_period_patterns,
    _stretch_patterns,
    _season_patterns,
    _vague_patterns,
    _frequency_patterns,
    _day_of_month_patterns,
    _weekend_patterns,
)


@functools.lru_cache(maxsize=1)
def compiled_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every pattern, family after family; a pattern's rank breaks ties between spans."""
    atoms = shared_atoms()
    return tuple(
        (kind, re.compile(rf"\b(?:{src})", re.IGNORECASE))
        for family in FAMILIES
        for kind, src in family(atoms)
    )


# Words that are time words only in some uses; capitalised month names are handled above.
_BARE_PERIOD = re.compile(r"^(?:(?:the|its|this|that)\s+)?period$", re.IGNORECASE)
# "a two-day visit", "the third-quarter loss": adjectives keep no determiner
_ADJECTIVE_DET = re.compile(
    r"^(?:the|a|an|its)\s+(?!(?:additional|extra|full|further|more)\s|quarter-|half[-\s])"
    r"(?=\S+(?:-|\s)(?:second|minute|hour|day|week|month|year|decade|"
    r"century)$|\S+-quarter$)",
    re.IGNORECASE,
)


_FRACTION = re.compile(r"-quarters?$", re.IGNORECASE)


_TITLE = re.compile(r"^(?:This|Last|Next)\s+(?:Week|Month|Year)$")  # a programme's name


def _plausible(text: str, kind: str) -> bool:
    if kind == "relunit" and _TITLE.match(text):
        return False
    if kind == "duration" and _FRACTION.search(text):
        return False  # "three-quarters" is a fraction, "four-quarter" an adjective
    # a bare "the period" is not a time expression without a cue
    return not (kind == "refquarter" and _BARE_PERIOD.match(text))


# "a second group", "a second Iranian ship": the ordinal, not the unit
_ORDINAL_AFTER = re.compile(r"\s+(?!(?:or|and|ago|later|earlier|after|before|of|in)\b)[a-zA-Z]")
# "roughly a quarter from the south", "nearly a quarter were": a hedged share, a fraction
_HEDGED_QUARTER = re.compile(
    r"(?i)(?:(?:nearly|almost|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?an?\s+quarter"
)
_SHARE_HEDGE = re.compile(
    r"(?i)\b(?:roughly|about|around|approximately|some|fully|nearly|almost|than)\s+$"
)
_QUARTER_AS_TIME = re.compile(r"(?i)\s+(?:ago|earlier|later|before|after)\b")


def _a_share(text: str, start: int, end: int) -> bool:
    """ "a quarter" hedged as an amount is a share of something, not three months."""
    span = text[start:end]
    if not _HEDGED_QUARTER.fullmatch(span) or _QUARTER_AS_TIME.match(text, end):
        return False
    hedged = " " in span.strip().split("quarter")[0].strip()  # the hedge is in the span
    return hedged or bool(_SHARE_HEDGE.search(text, max(0, start - 16), start))

# "60 Minutes", "High Noon": names of programmes and films
_TITLE_UNIT = re.compile(r"\b(?:Seconds?|Minutes?|Hours?|Days?|Weeks?|Months?|Years?)$")


# "214,000 a month", "six ferries a week", "$2.40 a year": a rate, the unit is the
# denominator of a measure (no TIMEX3); "twice a week" is a SET and stays
_RATE_SPAN = re.compile(r"(?i)(?:a|an|per)\s+\w+$")
_HYPHEN_RATE = re.compile(r"(?i)(?:a|an|per)-\w+")  # the "a-day" of "$10-a-day"


@functools.lru_cache(maxsize=1)
def _rate_before() -> re.Pattern[str]:
    """A count (digits or a counting word) and up to two words, right before "a week"."""
    # "a" and "an" are the rate's own article ("214,000 a month"), no count before it
    words = load_lexicon().counts(vague=False, phrases=False, skip=frozenset({"a", "an"}))
    return re.compile(
        # the count ends in a digit or "%": "in 2009. A year later" is no rate
        rf"(?:\d|\b(?:{words}|million|billion|thousand|percent)\b)(?:[\d,.%]*[\d%])?"
        r"(?:\s+(?!(?:once|twice|times)\b)[a-z]+){0,2}\s+$",
        re.IGNORECASE,
    )


# "annually", "weekly": a frequency word that can also be the denominator of a rate
# plural set words that a count can take ("two weekends"): matched only after "on"/"at"
_COUNTABLE_SETS = frozenset({"weekends"})
_FREQ_ADVERB = re.compile(r"(?i)(?:hour|dai|week|month|year|annual)ly")


# "nearly a quarter of the voters", "that quarter of the town": a fraction, a district
_QUARTER_OF = re.compile(
    r"\s+of\s+(?:the|a|an|its|his|her|their|all)\s+(?!(?:fiscal\s+|calendar\s+)?year\b)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1)
def _count_after() -> re.Pattern[str]:
    """A count right after a span: a digit or a counting word ("three", "few")."""
    return re.compile(rf"\s+(?:\d|(?:{load_lexicon().counts()})\b)", re.IGNORECASE)


# "today's" before a noun of people or things at large (TimeML: a generic use, no TIMEX)
_GENERIC_TODAY = re.compile(
    r"(?i)['’]s\s+(?:[a-z]+\s+)?(?:youth|young|world|society|societies|generations?|standards"
    r"|children|kids|teenagers|students|parents|families|culture|technology)\b"
)
_GENERIC_DAY = re.compile(
    r"(?i:\b(?!as\b)\w+\s+of\s+(?:today|tomorrow)\b(?!'s)|\bin\s+today's\s+world\b)"
)
# "-on-year", " over quarter": the rest of a period-on-period comparison
_PER_UNIT = re.compile(r"(?i)[- ](?:on|over)[- ](?:day|week|month|quarter|year)\b")
# a word before a bare "quarter" that no quarter pattern reads as a time word ("latest",
# "fiscal", "third" and "current" are taken into their own matches): the noun is then a
# district of a town ("the old quarter") or the unit of a rate ("quarter on quarter")
_OTHER_MODIFIER = re.compile(
    r"(?i)\b(?!(?:the|this|that|in|for|during|of|from|per|each|every)\b)[a-z]+\s+$"
)
# "the 1600 block of ...": the way police and local news give an address by its hundred
_BLOCK_AFTER = re.compile(r"(?i)\s+blocks?\b")
_CLOCK_BEFORE = re.compile(r"\d\s+(?:in|during)\s+$")  # "at 4 in" before "the morning"
# "the fall of the regime", "the fall in prices", "the spring of discontent": a season word
# with an "of" (or, for "fall", an "in" or "from": "a fall from grace") that names no year
# is another noun
_NO_YEAR_AFTER = (
    r"\s+(?!(?:the\s+year\s+)?(?:1[5-9]|20)\d\d\b|'\d\d\b|nineteen\b|two\s+thousand\b"
    r"|(?:this|last|next|that|the\s+same|the\s+following|the\s+previous)\s+year\b)"
)
_SEASON_NOUN = re.compile(
    rf"(?i)(?:fall\s+(?:of|in|from)|(?:spring|summer|autumn|winter)\s+of){_NO_YEAR_AFTER}"
)


def _in_context(text: str, start: int, end: int, kind: str) -> bool:
    """Filters that need the words around a candidate."""
    span = text[start:end]
    if kind == "vague" and span.lower() == "the past" and _count_after().match(text, end):
        return False  # "the past three summers": a stretch of time, not the past at large
    quarter = kind in ("duration", "refquarter") and span.lower().endswith("quarter")
    if quarter and _QUARTER_OF.match(text, end):
        return False
    if _PER_UNIT.match(text, end) and re.search(r"(?i)(?:day|week|month|quarter|year)$", span):
        return False  # "on a year-on-year basis": the unit of a comparison, no time
    if kind == "refquarter" and span.lower() == "quarter" and _OTHER_MODIFIER.search(
        text, max(0, start - 30), start
    ):
        return False  # "the diplomatic quarter", "grew 1% quarter on quarter"
    if kind == "duration":
        if _RATE_SPAN.fullmatch(span) and _rate_before().search(text, max(0, start - 40), start):
            return False
        if _HYPHEN_RATE.fullmatch(span) and text[start - 1 : start] == "-":
            return False  # "a $10-a-day wage", "a two-packs-a-day habit": a rate's unit
        if re.fullmatch(r"(?i)an?\s+second", span) and (
            _ORDINAL_AFTER.match(text, end) or text[end : end + 1] == "-"
        ):
            return False  # "a second group", "a second-floor flat"
        if _TITLE_UNIT.search(span) and not span.isupper():
            return False
        if _a_share(text, start, end):
            return False
    if kind == "set" and _FREQ_ADVERB.fullmatch(span) and _rate_before().search(
        text, max(0, start - 40), start
    ):
        return False  # "rise 8% annually", "10,000 units yearly": a rate's unit, as "a year"
    if kind == "relday" and _GENERIC_TODAY.match(text, end) and span.lower() == "today":
        return False  # "today's teenagers", "by today's standards": the present age, no day
    if kind == "relday" and _GENERIC_DAY.search(text, max(0, start - 12), min(len(text), end + 8)):
        return False  # "the children of today", "in today's world": the present age, no day
    if kind == "year" and _BLOCK_AFTER.match(text, end):
        return False  # "in the 1700 block of Elm Street": a house number, no year
    if kind == "season" and " " not in span.strip() and _SEASON_NOUN.match(text, start):
        return False  # "after the fall of the regime": no season ("last fall in" is one)
    if kind == "daypart" and _CLOCK_BEFORE.search(text, max(0, start - 12), start):
        return False  # "at 5 in the morning": a clock time, not the part of a day
    return not (kind == "time" and re.search(r"(?i)\bhigh\s+$", text[max(0, start - 6) : start]))


def _trim_start(text: str, kind: str) -> int:
    """Characters to drop at the start of a span (a determiner of an adjective)."""
    if kind in ("duration", "quarter"):
        m = _ADJECTIVE_DET.match(text)
        if m:
            return m.end()
    return 0


# Trigger words: a pattern only runs in a window around a word that can head its
# expression, so the regexes touch a small share of the text (speed).
_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[A-Za-z]+")
_YEAR_NUM = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_DECADE_NUM = re.compile(r"\d0'?s\b")
_ORDINAL_NUM = re.compile(r"\d(?:st|nd|rd|th)\b")
_QUARTER_NUM = re.compile(r"\bQ[1-4]\b")
_SLASH_DATE = re.compile(r"\b[01]?\d/[0-3]?\d/\d\d")  # "2/8/99": no word to trigger it
_NUM_DATE = re.compile(r"\b(?:1[3-9]|2\d|3[01])/[01]?\d/\d\d|\b(?:1[5-9]|20)\d\d/[01]?\d/")
_PERIOD_CODE = re.compile(r"\bH[12]\b|\bFY")  # "H1 2025", "FY24"
# "6 p.m.", "06:00 GMT", "4 in the morning", "9 o'clock"
_CLOCK_CUE = re.compile(
    r"\d ?[AaPp]\.?[Mm]\b|\d:\d\d\b|\d\s+(?:o'clock|in\s+the\s+[a-z]+|at\s+night)\b"
    r"|\d{4}\s+(?:GMT|UTC|local\s+time|hours|hrs)\b"
)
UNIT_KINDS = frozenset({"duration", "ago", "relunit", "set"})
YEAR_KINDS = frozenset({"year", "date", "quarter", "refquarter", "season", "holiday", "month"})
# characters before and after a trigger word that an expression of the kind may span
MARGINS: dict[str, tuple[int, int]] = {
    "duration": (45, 25),
    "ago": (45, 25),
    "relunit": (35, 15),
    "set": (15, 15),
    "date": (30, 45),
    "month": (35, 25),
    "time": (5, 45),
    "weekday": (25, 15),
    "nthweekday": (20, 30),
    "dayshift": (30, 25),
    "countday": (35, 5),
    "anaphor": (30, 10),  # after the unit: " before." of "the year before."
    "weekof": (20, 25),
    "theweek": (5, 5),
    "relday": (20, 20),
    "daypart": (20, 10),
    "yearend": (5, 5),
    "vague": (25, 25),
    "soon": (10, 15),
    "year": (40, 30),
    "quarter": (35, 30),
    "refquarter": (40, 25),
    "half": (30, 30),
    "season": (25, 25),
    "holiday": (20, 35),
    "decade": (25, 5),
    "century": (15, 15),
    "yearref": (30, 5),
    "long": (0, 10),
    "numdate": (0, 12),
    "ordcentury": (45, 10),
    "halfcode": (0, 20),
    "fycode": (0, 10),
    "frequency": (20, 30),
    "ordday": (30, 35),
}


@dataclass(slots=True)
class _Triggers:
    """A trigger table being built: word -> kinds, and the words that need a capital."""

    table: dict[str, set[str]] = field(default_factory=dict)
    capital: set[str] = field(default_factory=set)

    def add(self, word: str, *kinds: str) -> None:
        self.table.setdefault(word, set()).update(kinds)


def _name_triggers(lex: TimeLexicon, t: _Triggers) -> None:
    """Months and weekdays: words with a capital ("May", "Sunday", "Mondays")."""
    for w in lex.tables.get("month", {}):
        t.add(w, "date", "month", "dayshift", "weekof", "set")
        t.capital.add(w)
    for w in lex.tables.get("weekday", {}):
        t.add(w, "weekday", "set", "date", "time", "dayshift", "nthweekday")
        t.add(w + "s", "set")
        t.capital.update((w, w + "s"))


def _unit_triggers(lex: TimeLexicon, t: _Triggers) -> None:
    """Units of time and the words built on them ("weeks", "quarter", "day-long")."""
    for w in lex.tables.get("unit", {}):
        t.add(w, *UNIT_KINDS)
        t.add("centuries" if w == "century" else w + "s", *UNIT_KINDS)
    for w in ("day", "week", "month", "year", "morning", "night", "afternoon", "evening"):
        t.add(w, "anaphor")
    t.add("day", "countday")
    t.add("week", "theweek")
    for w in ("weekend", "fortnight"):
        t.add(w, *UNIT_KINDS)
    for w in ("quarter", "quarters"):
        t.add(w, "quarter", "refquarter")
    t.add("quarters", "half")  # "the last two quarters of 2012"
    t.add("year", "yearref", "yearend")
    for w in ("hour", "day", "week", "month", "year", "decade"):
        t.add(w, "long")  # "day-long"
        t.add(w + "s", "long")  # "weeks-long"
        t.add(w + "long", "long")  # "weeklong"


def _period_triggers(lex: TimeLexicon, t: _Triggers) -> None:
    """Parts of a day, report periods, centuries, frequencies, decades and spelled years."""
    for w in ("morning", "afternoon", "evening"):
        t.add(w, "daypart")
    for w in ("period", "ago", "earlier"):
        t.add(w, "refquarter")
    t.add("century", "century", "ordcentury")
    for w in ("once", "twice", "thrice", "times"):
        t.add(w, "frequency")
    for w in lex.tables.get("decade", {}):
        t.add(w, "decade")
    t.add("half", "half")
    for w in ("nineteen", "thousand"):
        t.add(w, "year")


def _day_triggers(lex: TimeLexicon, t: _Triggers) -> None:
    """Days told from now, clock words, parts of the day and seasons."""
    for w in ("today", "yesterday", "tomorrow", "tonight"):
        t.add(w, "relday", "time", "dayshift")
    for w in ("noon", "midnight", "midday"):
        t.add(w, "time")
    for w in lex.tables.get("part_of_day", {}):
        t.add(w, "relday", "set")
    for w in lex.tables.get("season", {}):
        t.add(w, "season", "set", "anaphor")  # "that summer": the season of the year in focus


def _phrase_triggers(lex: TimeLexicon, t: _Triggers) -> None:
    """The words of the lexicon's phrases: vague references, sets and holidays."""
    stop = lexicons.stop_words("time_triggers")
    for kind in ("vague", "set"):
        for phrase in lex.tables.get(kind, {}):
            for w in _TOKEN.findall(phrase):
                if w not in stop:
                    t.add(w, kind)
    for phrase in lex.tables.get("holiday", {}):  # named by their first word
        t.add(_TOKEN.findall(phrase)[0], "holiday")
    t.add("recent", "vague")
    t.add("soon", "soon")


# in this order: the table keeps the order in which words were first added
_TRIGGER_FAMILIES: tuple[Callable[[TimeLexicon, _Triggers], None], ...] = (
    _name_triggers,
    _unit_triggers,
    _period_triggers,
    _day_triggers,
    _phrase_triggers,
)


@functools.lru_cache(maxsize=1)
def trigger_table() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Lower-case word -> kinds it can trigger; and the words that need a capital."""
    lex = load_lexicon()
    t = _Triggers()
    for family in _TRIGGER_FAMILIES:
        family(lex, t)
    return {w: frozenset(k) for w, k in t.table.items()}, frozenset(t.capital)


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per kind, merged character windows around its trigger words."""
    table, capital = trigger_table()
    hits: list[tuple[int, int, frozenset[str]]] = []
    for m in _WORD.finditer(text.lower()):
        kinds = table.get(m.group())
        if kinds is not None and (m.group() not in capital or text[m.start()].isupper()):
            hits.append((m.start(), m.end(), kinds))
    for regex, kinds in (
        (_YEAR_NUM, YEAR_KINDS),
        (_DECADE_NUM, frozenset({"decade"})),
        (_ORDINAL_NUM, frozenset({"century", "ordday"})),
        (_NUM_DATE, frozenset({"numdate"})),
        (_PERIOD_CODE, frozenset({"halfcode", "fycode"})),
        (_QUARTER_NUM, frozenset({"quarter"})),
        (_SLASH_DATE, frozenset({"date"})),
        (_CLOCK_CUE, frozenset({"time"})),
    ):
        hits.extend((m.start(), m.end(), kinds) for m in regex.finditer(text))
    hits.sort(key=lambda h: h[0])
    spans: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for start, end, kinds in hits:
        for kind in kinds:
            before, after = MARGINS[kind]
            lo, hi = max(0, start - before), min(n, end + after)
            out = spans.setdefault(kind, [])
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(hi, out[-1][1]))
            else:
                out.append((lo, hi))
    return spans


# typographic apostrophes, one character each as the plain one: "o’clock", "the ’90s",
# "New Year’s Day" are matched as typed with "'" (offsets are unchanged)
_PLAIN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def plain_quotes(text: str) -> str:
    """``text`` with its curly apostrophes written plain, of the same length."""
    return text.translate(_PLAIN_QUOTES)


def find_candidates(text: str) -> list[Candidate]:
    """Non-overlapping candidate spans, the longest match winning."""
    text = plain_quotes(text)
    found: dict[Candidate, int] = {}
    windows = _windows(text)
    for rank, (kind, pattern) in enumerate(compiled_patterns()):
        for lo, hi in windows.get(kind, ()):
            for m in pattern.finditer(text, lo, hi):
                group = "t" if "t" in pattern.groupindex and m.group("t") else 0
                start, end = m.span(group)
                start += _trim_start(text[start:end], kind)
                if (
                    end > start
                    and _plausible(text[start:end], kind)
                    and _in_context(text, start, end, kind)
                ):
                    found.setdefault(Candidate(start, end, kind), rank)
    # longest first; on a tie the pattern listed first wins (deterministic)
    order = sorted(found, key=lambda c: (c.start - c.end, c.start, found[c]))
    chosen: list[Candidate] = []
    for c in order:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
