"""Time expressions (TIMEX3 values) resolved against the publication date.

Candidates come from the regexes in ``times_patterns`` (TimeML span habits);
each is normalised by ``times_resolve`` with the clause tense from
``times_tense`` telling which way a bare weekday or month points.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from sitrep import lexicons
from sitrep.annotate.quantities.unit_words import lexicon as quantity_lexicon
from sitrep.annotate.times.patterns import Candidate, find_candidates, plain_quotes
from sitrep.annotate.times.periods import resolve_period
from sitrep.annotate.times.resolve import Context, Resolved, tell
from sitrep.annotate.times.tense import (
    TELLING,
    clause_direction,
    dated_copula,
    dates_a_predicate_noun,
    firmly_future,
    firmly_past,
    headline_direction,
    headline_line,
    line_of,
    modifies_a_noun,
    names_a_noun,
    past_arrangement,
    present_copula,
    sentence_direction,
    set_for,
)
from sitrep.annotate.times.time_words import load_lexicon
from sitrep.models import TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc

# kinds whose value depends on the clause tense; for the first set a sentence-wide
# cue is too weak: a dated "March 3" without a clear tense goes to the nearest one
CLAUSE_KINDS = frozenset({"date", "month", "weekof", "yearend", "holiday", "nthweekday"})
TENSE_KINDS = (
    frozenset({"weekday", "time", "quarter", "half", "season", "soon", "dayshift", "relunit"})
    | frozenset({"halfcode", "ordday"})  # read by times.periods
    | CLAUSE_KINDS
)

# kinds whose value can anchor "later that year", "the following day"
REF_KINDS = frozenset(
    {"date", "month", "year", "weekday", "relday", "time", "dayshift", "anaphor", "nthweekday"}
    | {"numdate", "ordday", "fycode"}
)
_CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?(?:T|$)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d(?:T|$)")
# "the annual March for Rivers", "a March on Washington": the noun march, not the month
_MARCH_BEFORE = re.compile(r"\b(?:the|a|annual|[Tt]his year's)\s+(?:``|\"|“|')?$")  # or quoted
_MARCH_AFTER = re.compile(r"\s+(?:of|for|on|to|against|through)\s+(?:the\s+)?[A-Z]")


def is_a_march(surface: str, before: str, after: str) -> bool:
    return surface == "March" and bool(_MARCH_BEFORE.search(before) and _MARCH_AFTER.match(after))


def is_a_surname(doc: Doc, start: int) -> bool:
    """ "Ellen May said": a bare month name right after a name in the parse is a surname."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first.start == 0 or not first[0].text[:1].isupper():
        return False
    before = doc[first.start - 1]
    return (
        before.pos_ == "PROPN"
        and before.text.istitle()
        and before.ent_type_ not in ("DATE", "TIME")
        and before.head.i == first.start  # the name word hangs on the month word
    )


def is_a_first_name(doc: Doc, start: int) -> bool:
    """ "April Smith declined to comment": a month name that opens a person's name."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first.end >= len(doc):
        return False
    tok, after = first[0], doc[first.end]
    return tok.ent_type_ == "PERSON" and after.ent_type_ == "PERSON" and after.ent_iob_ == "I"


def is_a_speaker(doc: Doc, start: int, end: int) -> bool:
    """ "January said he tried to help", "April told reporters": a bare month name that is
    the subject of a verb of saying is a person's name, as no month speaks."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ == "nsubj" and tok.head.lemma_ in TELLING and tok.head.pos_ == "VERB"


# words of time that English writes in lower case: capitalised inside a sentence they
# are part of a title or a name ("the Winter Olympics", "Player of the Month", "VOA Today")
_COMMON_TIME_WORD = re.compile(
    r"(?:Year|Years|Month|Week|Weekend|Day|Days|Tonight|Today|Morning|Afternoon|Evening|Night"
    r"|Spring|Summer|Autumn|Fall|Winter|Now|Century|Decade|Quarter|Future|Past)"
)
_OPENERS = frozenset({"``", "`", "--", "_"})  # openers spaCy may not mark as punctuation
# kinds whose capitalised words are names of their own ("Election Day", "Monday")
_NAMED_KINDS = frozenset({"holiday", "month", "weekday", "date", "nthweekday", "dayshift"})


def is_in_a_title(doc: Doc, cand: Candidate, surface: str) -> bool:
    """ "at the Winter Olympics", "voted Player of the Month": a capitalised common time
    word inside a sentence (not after a quote or bracket) belongs to a name. ``surface``
    is the candidate's text (``doc.text`` is joined anew on every access)."""
    if cand.kind in _NAMED_KINDS or re.search(r"\d{4}", surface):
        return False  # "the Summer of 2012" is dated whatever its style
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    for tok in span if span is not None else ():
        if not _COMMON_TIME_WORD.fullmatch(tok.text) or tok.is_sent_start or tok.i == 0:
            continue
        before = doc[tok.i - 1]
        if not (before.is_punct or before.is_quote or before.text in _OPENERS):
            return True
    return False


_MODAL_MAY = re.compile(r"\s+(?:I|we|you|he|she|it|they)\b")  # "May I ask": the modal


def is_modal_may(doc: Doc, start: int, surface: str, after: str) -> bool:
    """ "May I ask ...?": a question opening with the modal (not "In May he resigned")."""
    if surface != "May" or not _MODAL_MAY.match(after):
        return False
    span = doc.char_span(start, start + 3, alignment_mode="expand")
    return span is not None and bool(span[0].is_sent_start)


def is_in_a_name(doc: Doc, start: int) -> bool:
    """ "Flight 1998", "a venture called Orion 1980": a bare year after a capitalised
    word inside a sentence that is no time word is the number of a name."""
    span = doc.char_span(start, start + 4, alignment_mode="expand")
    if span is None or span.start == 0 or len(span) != 1 or not span[0].is_digit:
        return False
    before = doc[span.start - 1]
    if not before.text.istitle() or before.is_sent_start or before.pos_ not in ("PROPN", "NOUN"):
        return False
    lex = load_lexicon()
    kinds = ("month", "weekday", "season", "part_of_day", "holiday")
    return before.lower_ not in _YEAR_NAMERS and not any(lex.get(k, before.text) for k in kinds)


# entity kinds of named things, whose words are no time expressions ("The Sunday Times",
# "the Daily Telegraph", "the Weekly Standard"); an EVENT or DATE entity may be a time
_NAMED_THINGS = frozenset({"ORG", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"})


def is_in_a_named_thing(doc: Doc, start: int, end: int) -> bool:
    """A capitalised weekday or "Daily", "Weekly" that is part of a longer name of an
    organisation, a title, a law or a building in the parse's entities (TimeML tags no
    time word inside a name)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for ent in doc.ents:
        if ent.label_ in _NAMED_THINGS and ent.start <= span.start and span.end <= ent.end:
            rest = [t for t in ent if not (span.start <= t.i < span.end) and t.lower_ != "the"]
            if rest:
                return True
    return False


_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]*)\.?")


def is_a_street(text: str, end: int, surface: str) -> bool:
    """ "on Midnight Lane", "Sunday Row": a capitalised time word before a capitalised
    street kind names the street."""
    m = _NEXT_WORD.match(text, end)
    return (
        surface[:1].isupper()
        and m is not None
        and m.group(1).lower() in lexicons.street_words()
    )


# words that name a year themselves ("Fiscal 1999", "Calendar 1998", "Year 2000")
_YEAR_NAMERS = frozenset({"fiscal", "calendar", "year", "class", "spring", "fall"})


def is_a_count(doc: Doc, start: int, end: int, text: str) -> bool:
    """ "Two thousand people marched", "about 1500 soldiers": a number that counts a noun is
    no year ("a nineteen eighty-six attack", "1989 earnings" are: a year names the noun's
    time). Written in digits, only a hedged amount tells a count from a year."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nummod":
        return False
    if span[-1].lower_ == "thousand":
        return True
    # the quantities layer's qualifiers ("about", "more than", "up to") hedge an amount
    qualifier = quantity_lexicon().qualifier_re
    hedged = qualifier.search(text, max(0, start - 30), start) is not None
    return hedged and span.root.head.tag_ in ("NNS", "NNPS") and span.root.head.i > span.root.i


# words a year follows ("in 1998 Main Street was rebuilt" keeps its year)
_YEAR_LEADS = frozenset({"in", "since", "by", "during", "until", "before", "after", "of", "from"})


def is_an_address(doc: Doc, start: int, end: int, text: str) -> bool:
    """ "at 2450 W. 31st St.": a house number before a street name is no year."""
    span = doc.char_span(start, end, alignment_mode="expand")
    after = doc.char_span(end, len(text), alignment_mode="expand")
    if after is None or span is None:
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in _YEAR_LEADS:
        return False
    streets = lexicons.street_words()
    for k, tok in enumerate(after[:5]):
        if k and tok.lower_.rstrip(".") in streets and tok.text[:1].isupper():
            return True
        if not (tok.text[:1].isupper() or tok.text[:1].isdigit()):
            return False
    return False


# "June 11 and 12", "May 3-5": a bare day number joined to a dated day is a date of
# the same month (TimeML tags it on its own). Only where a clause or a phrase ends after
# it: not "May 3 and 4 others", "5 to 7%", "3 and 4 p.m."
_JOINED_DAY = re.compile(
    r"\s*(?:-|–|and|or|to|through)\s*(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?=\s*(?:[,;:!?)'\"]|\.(?!\d)|$)|\s+(?:in|at|on|of|for|to|and|or|with|when|where|that|as"
    r"|before|after|because|while)\b)"
)


def joined_day(text: str, expr: TimeExpr, taken: int) -> TimeExpr | None:
    """The second day of "June 11 and 12" after the first was resolved to a day."""
    m = _JOINED_DAY.match(text, expr.end)
    if not expr.value or not _DAY.fullmatch(expr.value) or m is None or m.end() > taken:
        return None
    day = int(m.group("day"))
    if day <= int(expr.value[8:10]):
        return None
    try:
        value = date(int(expr.value[:4]), int(expr.value[5:7]), day).isoformat()
    except ValueError:
        return None
    return TimeExpr(m.start("day"), m.end("day"), m.group("day"), "DATE", value)


# the words between a range's ends: "from January through July", "March 3 to April 9"
_RANGE_LINK = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and|or)\s*", re.IGNORECASE)
_YEAR_SAID = re.compile(r"\b\d{4}\b|\b(?:this|last|next)\s+year\b", re.IGNORECASE)
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)(-\d\d)?$")


def range_year(text: str, first: TimeExpr, second: TimeExpr) -> TimeExpr | None:
    """ "from January through July this year", "between March 3 and April 9, 2017": a
    year said once, after a range's second end, is the first end's too (the year the
    first month reaches the second in), where the first was dated without it."""
    m1, m2 = _MONTH_VALUE.match(first.value or ""), _MONTH_VALUE.match(second.value or "")
    if m1 is None or m2 is None or _YEAR_SAID.search(first.text):
        return None
    if not _YEAR_SAID.search(second.text) or not _RANGE_LINK.fullmatch(
        text[first.end : second.start]
    ):
        return None
    year = int(m2.group(1)) - (1 if int(m1.group(2)) > int(m2.group(2)) else 0)
    value = f"{year}{first.value[4:]}" if first.value else None
    return replace(first, value=value) if value != first.value else None


@functools.lru_cache(maxsize=1)
def _range_start() -> re.Pattern[str]:
    """The first count of a range right before a duration: "two to" of "two to three weeks"."""
    words = load_lexicon().counts(vague=False)
    return re.compile(
        rf"(?<![\w.,$£€¥])(?P<n>\d+|(?:{words}))\s*(?:to|-|–)\s*$", re.IGNORECASE
    )


_UNIT_WORD = re.compile(r"[A-Za-z]+$")
_COUNTED = re.compile(r"(?!(?:an?|the)\b)\w", re.IGNORECASE)  # a count opens the duration


def range_start(text: str, expr: TimeExpr, taken: int, ctx: Context) -> TimeExpr | None:
    """ "two to three weeks": TimeML tags a range's ends apart, the first a duration
    counted in the second's unit (P2W)."""
    if expr.type != "DURATION" or not expr.value or not _COUNTED.match(expr.text):
        return None  # "£45-a-week": a rate, not "45 to a week"
    m = _range_start().search(text, max(taken, expr.start - 20), expr.start)
    unit = _UNIT_WORD.search(expr.text)
    if m is None or unit is None:
        return None
    type_, value = resolve_period(f"{m.group('n')} {unit.group()}", "duration", ctx)
    if value is None:
        return None
    return TimeExpr(m.start("n"), m.end("n"), m.group("n"), type_, value)


# how far back a date still is the time spoken of for "two years earlier" (about a sentence)
FOCUS_CHARS = 200

# what may stand between a clock time and the day it belongs to: "9:20 a.m. (0620 GMT)
# Tuesday", "11:50 GMT, Thu March 21, 2013"
_TO_DAY = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:on\s+)?(?:[A-Z][a-z]{2},?\s+)?")
# "at 3 p.m. the next day", "at noon the day after Monday's vote" are that day's times too
DAY_KINDS = frozenset({"date", "weekday", "relday", "anaphor", "dayshift", "numdate", "ordday"})


def day_after(
    doc: Doc,
    text: str,
    time: Candidate,
    rest: list[Candidate],
    ctx: Context,
    known: dict[Candidate, Resolved],
) -> None:
    """A day written right after a clock time is the clock time's day (the focus day).

    The day is resolved once, in its own clause's tense and from the focus before it, and
    kept in ``known`` for its own turn: resolved again after the clock time has moved the
    focus, "the following Monday" would count from itself; in the clock time's tense, a
    dated day could land in another year than the one the day itself is given."""
    # past a clock time in brackets ("(0620 GMT)"), which the gap pattern spans
    nxt = next((c for c in rest if not (c.kind == "time" and text[c.start - 1] == "(")), None)
    m = _TO_DAY.match(text, time.end)
    if nxt is None or nxt.kind not in DAY_KINDS or m is None or m.end() != nxt.start:
        return
    if nxt not in known:
        own = replace(ctx)  # the day's tense and neighbours, not the clock time's
        _set_context(doc, text, nxt, own)
        known[nxt] = resolve_period(plain_quotes(text[nxt.start : nxt.end]), nxt.kind, own)
    value = known[nxt][1]
    if value and _DAY.match(value):
        ctx.focus_day = value[:10]


def _set_context(doc: Doc, text: str, cand: Candidate, ctx: Context) -> None:
    """The tense and the neighbouring text of ``cand``, which its resolution reads
    (``text`` is ``doc.text``, which spaCy joins anew on every access)."""
    _set_tense(doc, cand, ctx)
    ctx.after = text[cand.end : cand.end + 40]
    ctx.before = text[max(0, cand.start - 20) : cand.start]


def _set_tense(doc: Doc, cand: Candidate, ctx: Context) -> None:
    """Which way the clause around ``cand`` points, for the kinds whose value depends on it."""
    ctx.direction, ctx.firm, ctx.from_clause, ctx.nearest = None, False, False, False
    ctx.firm_ahead = ctx.names_noun = False
    if cand.kind not in TENSE_KINDS:
        return
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    ctx.names_noun = names_a_noun(span)
    if (headline := headline_line(span)) is not None:
        # a headline's tenses are its own (headline_direction); its parse, joined to the
        # paragraph below, says nothing
        ctx.direction = headline_direction(headline)
        ctx.from_clause = ctx.direction is not None
        ctx.nearest = cand.kind in ("weekday", "time") and ctx.direction is None
        return
    ctx.direction = clause_direction(span)
    if ctx.direction is None and cand.kind in ("weekday", "time") and present_copula(span):
        ctx.direction = "future"
    if cand.kind in ("date", "month") and ctx.direction in (None, "future"):
        # "will open on April 2", "the vote is in May": firm evidence, as a firm past verb
        # is, so a month or day behind the page is next year's; a weaker cue ("would",
        # "wanted to talk about the killing on July 15") keeps the nearest reading
        ctx.firm_ahead = firmly_future(span) or dated_copula(span)
        ctx.direction = "future" if ctx.firm_ahead else ctx.direction
    ctx.from_clause = ctx.direction is not None
    if ctx.direction is None and cand.kind not in CLAUSE_KINDS:
        ctx.direction = sentence_direction(line_of(span))
    # a bare month is last year's on a firm past verb once it lies after the
    # publication month (resolve_month), so a verb of saying does not make it firm
    ctx.firm = ctx.direction == "past" and firmly_past(span, telling=cand.kind != "month")
    ctx.nearest = cand.kind in ("weekday", "time") and (
        past_arrangement(span) or (ctx.direction == "past" and set_for(span))
    )
    if cand.kind == "weekday" and not ctx.from_clause and ctx.direction == "future":
        # "Residents will recover from Thursday's shooting": a "will" elsewhere in the
        # sentence says nothing of a noun's day (modifies_a_noun), so the nearest one
        ctx.nearest = ctx.nearest or modifies_a_noun(span)
    if cand.kind == "weekday" and ctx.direction != "past" and dates_a_predicate_noun(span):
        ctx.nearest = True


def _no_time(doc: Doc, text: str, cand: Candidate, ctx: Context) -> bool:
    """A month or year candidate that is another word: "march", "May", a count, an address;
    a time word of a title ("Player of the Month"). ``text`` is ``doc.text``."""
    surface = text[cand.start : cand.end]
    if is_in_a_title(doc, cand, surface):
        return True
    if surface == "Now" and ctx.after.startswith(","):
        return True  # "Now, he says, ...": the discourse marker opening a sentence
    if cand.kind == "month":
        return (
            is_a_march(surface, ctx.before, ctx.after)
            or is_a_surname(doc, cand.start)
            or is_a_first_name(doc, cand.start)
            or is_modal_may(doc, cand.start, surface, ctx.after)
            or is_a_speaker(doc, cand.start, cand.end)
        )
    if cand.kind in ("weekday", "time") and is_a_street(text, cand.end, surface):
        return True
    if cand.kind in ("weekday", "set") and surface[:1].isupper():
        return is_in_a_named_thing(doc, cand.start, cand.end)
    if cand.kind == "year":
        return (
            is_a_count(doc, cand.start, cand.end, text)
            or is_an_address(doc, cand.start, cand.end, text)
            or is_in_a_name(doc, cand.start)
        )
    return False


# "CAIRO, March 4 (Reuters) -", "PARIS, 12 June (AFP) --": a dateline opening the text
_DATELINE = re.compile(r"\s*(?:[A-Z][\w.'-]*[ ,]+){1,5}?$")
DATELINE_DAYS = 3  # a dateline this many days before the publication date is when it was written


def dateline_day(text: str, cands: list[Candidate], anchor: date | None) -> date | None:
    """The day of a dateline opening the text, if it lies a little before the publication
    date: the writer's today, which "Tuesday" and "today" are counted from."""
    first = cands[0] if cands else None
    if anchor is None or first is None or first.kind != "date" or first.start > 60:
        return anchor
    if not _DATELINE.match(text[: first.start]) or "(" not in text[first.end : first.end + 4]:
        return anchor
    _, value = resolve_period(text[first.start : first.end], "date", Context(anchor))
    if value is None or not _DAY.fullmatch(value):
        return anchor
    day = date.fromisoformat(value)
    return day if 0 < (anchor - day).days <= DATELINE_DAYS else anchor


def find_times(doc: Doc, anchor: date | None) -> list[TimeExpr]:
    """Time expressions in ``doc``; values resolved against ``anchor`` (publication date)."""
    text = doc.text
    cands = find_candidates(text)
    anchor = dateline_day(text, cands, anchor)
    ctx = Context(anchor)
    out: list[TimeExpr] = []
    last_end = -FOCUS_CHARS - 1
    known: dict[Candidate, Resolved] = {}  # days resolved ahead of their turn (day_after)
    for k, cand in enumerate(cands):
        _set_context(doc, text, cand, ctx)
        if cand.kind == "soon" and ctx.direction == "past":
            continue  # "he was soon released": no reference to the future
        ctx.focus_near = cand.start - last_end <= FOCUS_CHARS
        surface = text[cand.start : cand.end]
        if _no_time(doc, text, cand, ctx):
            continue
        if cand.kind == "time":
            day_after(doc, text, cand, cands[k + 1 :], ctx, known)
        # resolved as matched, with plain apostrophes ("New Year’s Day", "o’clock")
        plain = plain_quotes(surface)
        type_, value = known.pop(cand) if cand in known else resolve_period(plain, cand.kind, ctx)
        if value is None and cand.kind == "anaphor" and surface.lower().startswith("that "):
            continue  # "sell that day", "that night" with no time spoken of before: no TIMEX
        if value and cand.kind in REF_KINDS and _CALENDAR.match(value):
            tell(ctx, value)
            ctx.last_date, last_end = value[:10], cand.end
            if _DAY.match(value):
                ctx.focus_day = value[:10]
        expr = TimeExpr(cand.start, cand.end, surface, type_, value)
        if cand.kind == "duration":
            taken = out[-1].end if out else 0
            if (first := range_start(text, expr, taken, ctx)) is not None:
                out.append(first)
        if out and (first := range_year(text, out[-1], expr)) is not None:
            out[-1] = first
        out.append(expr)
        if cand.kind == "date":
            taken = cands[k + 1].start if k + 1 < len(cands) else len(text)
            if (second := joined_day(text, out[-1], taken)) is not None:
                out.append(second)
    return out
