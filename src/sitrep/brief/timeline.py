"""Timeline: dated events and sentences, ordered by date, each citing its sentence.

Dates come from the events layer (dates written in the text) and from
day-level time expressions; sentences far outside the story's span of
publication dates are background and left out, and so are sentences that
measure the story against a year far from it ("the worst crash since 2004, when
seven died"): they tell another happening alongside the story's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from sitrep.brief.dates import infer_day
from sitrep.brief.model import TimelineEntry
from sitrep.brief.salience import cosine
from sitrep.brief.sentences import SentenceIndex
from sitrep.reconcile.claims import Citation, EventClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import ArticleContext
from sitrep.reconcile.timeref import day_of, granularity, is_since

_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
_WHEN = re.compile(r",?\s+when\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def timeline_items(
    contexts: Sequence[ArticleContext], events: Sequence[EventClaim],
    index: SentenceIndex, config: BriefConfig,
) -> list[TimelineEntry]:
    days = [c.published.date() for c in contexts if c.published]
    first, last = (min(days), max(days)) if days else (None, None)
    found: dict[tuple[str, int], tuple[str, bool, float]] = {}  # sentence -> date, inferred, rank
    past = {key for c in contexts for key in _other_years(c, first, last)}
    written = {key for c in contexts for key in _written_days(c)}
    for e in events:
        if e.date_from_text and e.granularity == "day" and e.date and e.modality != "negated":
            found[(e.sentence.article, e.sentence.start)] = (e.date[:10], False, 1.0)
    for ctx in contexts:
        for t in ctx.ann.times:
            value, inferred = t.value, False
            if value is None:
                d = infer_day(t.text, last)
                value, inferred = (d.isoformat() if d else None), True
            if granularity(value) != "day" or is_since(ctx.article.text, t.start):
                continue
            sent = ctx.sentence_at(t.start)
            found.setdefault((ctx.id, sent.start), (str(value)[:10], inferred, 0.0))
    entries = []
    for (aid, start), (day, inferred, bonus) in found.items():
        s = index.dated_at(Citation(aid, start, 0))
        when = day_of(day)
        if (aid, start) in past:
            continue
        if s is None or not s.whole or when is None:
            continue
        if (aid, start, day) not in written and not _in_window(when, first, last, config):
            continue
        entries.append((day, s.score + bonus, s, inferred))
    entries.sort(key=lambda e: -e[1])
    kept: list[tuple[str, float, TimelineEntry, list[str]]] = []
    for day, rank, s, inferred in entries:
        twin = next((k for k in kept
                     if k[0] == day and _similar(index, k[2], s.vector, config.timeline_same)),
                    None)
        if twin is not None:
            twin[2].citations.append(s.citation)
            twin[3].append(s.ctx.outlet)
            continue
        if len(kept) < config.timeline_max:
            entry = TimelineEntry(s.text, [s.citation], date=day, inferred=inferred)
            kept.append((day, rank, entry, [s.ctx.outlet]))
    out = []
    for _, _, entry, outlets in sorted(kept, key=lambda k: (k[0], k[2].citations[0].article,
                                                          k[2].citations[0].start)):
        entry.sources = len(set(outlets))
        entry.corroborated = entry.sources >= config.min_sources
        out.append(entry)
    return out


def _other_years(ctx: ArticleContext, first: date | None,
                 last: date | None) -> set[tuple[str, int]]:
    """The sentences of an article comparing with a year (or decade) more than a year
    away from the story's publication dates ("since 1959", "in 2004, when ...")."""
    if first is None or last is None:
        return set()
    out = set()
    for t in ctx.ann.times:
        digits = re.match(r"\d{3,4}", str(t.value or ""))
        if digits is None:
            continue
        year = int(digits.group()) * (10 if len(digits.group()) == 3 else 1)
        text = ctx.article.text
        compared = _SINCE.search(text, max(0, t.start - 12), t.start) or _WHEN.match(text, t.end)
        if compared and (year < first.year - 1 or year > last.year + 1):
            out.add((ctx.id, ctx.sentence_at(t.start).start))
    return out


def _written_days(ctx: ArticleContext) -> set[tuple[str, int, str]]:
    """(article, sentence, day) of the days an article writes out in full, year included
    ("on April 14, 2014"): a date the writer chose to give exactly is the story's, however
    long ago; the window only guards days resolved from "Monday" or "last week"."""
    out = set()
    for t in ctx.ann.times:
        if t.value and granularity(t.value) == "day" and _YEAR.search(t.text):
            out.add((ctx.id, ctx.sentence_at(t.start).start, str(t.value)[:10]))
    return out


def _in_window(d: date, first: date | None, last: date | None, config: BriefConfig) -> bool:
    if first is None or last is None:
        return True
    return first - timedelta(days=config.timeline_window_days) <= d <= last + timedelta(days=2)


def _similar(index: SentenceIndex, entry: TimelineEntry, vector: dict[str, float],
             same: float) -> bool:
    first = index.dated_at(entry.citations[0])
    return first is not None and cosine(first.vector, vector) > same
