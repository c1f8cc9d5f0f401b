"""Years as figures: the year a past happening is dated to ("signed as a rookie in
2009", "the second pick by Riverton in 2008").

A year names when something happened, so two reports dating one happening to different
years cannot both hold, whatever day each was published. Which happening is read from
the words of the year's segment (between commas, semicolons, dashes and "and"), as for
positions (see ``incidents``); a year without a name and a deed beside it is no figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.models import Span
from sitrep.reconcile.claims import ClaimKey, QuantityClaim
from sitrep.reconcile.context import ArticleContext
from sitrep.reconcile.incidents import NAME, OTHER_NAME, incident_words
from sitrep.reconcile.timeref import granularity, is_since

YEAR_DIMENSION = "date:year"
_YEAR_TEXT = re.compile(r"^(?:in\s+)?(\d{4})$", re.IGNORECASE)
# What ends a year's segment: punctuation, a dash, or a clause's "and"/"but".
_BREAK = re.compile(r"[,;:.!?()\u2014\u2013]|\s-\s|\b(?:and|but|while|whereas)\b")


def year_claims(ctx: ArticleContext, figures: Sequence[QuantityClaim] = ()) -> list[QuantityClaim]:
    """Dated happenings of one article; ``figures`` are its other figures, since a year
    beside a tally ("a 9-3 record in 2012", "6,644 deaths in 2014") is the period the
    tally covers, not the date of one happening."""
    text = ctx.article.text
    tallies = [(c.citation.start, c.citation.end) for c in figures if _tally(c)]
    out = []
    for t in ctx.ann.times:
        m = _YEAR_TEXT.match(t.text.strip())
        if (m is None or "\n" in t.text or granularity(t.value) != "year"
                or t.value != m.group(1)):
            continue
        if is_since(text, t.start):
            continue  # "since 2009": an open period, not a dated happening
        sent = ctx.sentence_at(t.start)
        span = _segment(text, t.start, t.end, sent.start, sent.end)
        if any(span[0] <= a and b <= span[1] for a, b in tallies):
            continue
        words = incident_words(text, span, ctx.person_starts, frozenset({"year"}))
        if not any(w[0] in (NAME, OTHER_NAME) for w in words) or len(words) < 2:
            continue
        out.append(_claim(ctx, t.start, t.end, float(m.group(1)), sent, words))
    return out


def _tally(c: QuantityClaim) -> bool:
    """A figure a year may scope: a score, a measure, or a count of two or more (a
    count of one is mostly a rank or a single thing: "the No. 1 pick"); an age tells
    who someone is ("the 36-year-old Mercer was signed in 2009"), not a tally."""
    if c.dimension:
        return c.dimension != "age"
    return c.value is not None and c.value >= 2


def _segment(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    """The stretch of the sentence around the year up to the nearest breaks."""
    lo = s_start
    for m in _BREAK.finditer(text, s_start, start):
        lo = m.end()
    hi = _BREAK.search(text, end, s_end)
    return lo, (hi.start() if hi else s_end)


def _claim(ctx: ArticleContext, start: int, end: int, year: float, sent: Span,
           words: frozenset[str]) -> QuantityClaim:
    value_text = ctx.article.text[start:end]
    return QuantityClaim(
        **ctx.stated(ctx.cite(start, end), sent, value_text, ctx.voice_at(start, end)),
        value_text=value_text,
        value=year,
        low=year,
        high=year,
        counted="year",
        counted_class="year",
        predicate="year",
        key=ClaimKey("year", YEAR_DIMENSION, "", "actual", "current"),
        unit="year",
        dimension=YEAR_DIMENSION,
        cmp_low=year,
        cmp_high=year,
        incident=words,
    )
