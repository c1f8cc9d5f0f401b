"""Clock times as key figures: when the story's happening took place, as outlets give it.

A time of day ("left at 11:36 a.m.", "lifted off at 7:30 am") that several independent
outlets state for the same day is a fact of the story an analyst lists with its figures;
a time one outlet gives in passing ("I heard a bang at about 5.40am") is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.brief.model import NumberPoint, NumberSeries
from sitrep.models import normalise_text
from sitrep.reconcile.chrome_text import is_chrome
from sitrep.reconcile.claims import Citation
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import ArticleContext
from sitrep.reconcile.frames import distinct_outlets

_CLOCK = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)")
_MAX_TIMES = 3  # the happenings' times a brief lists: a departure, a landing, a strike
_SAME_MOMENT = 0.25  # hours: "around 6am", "6.10am", "6.15am" are one moment, rounded


@dataclass(frozen=True, slots=True)
class _Mention:
    day: str
    hours: float  # the time of day in hours, to the hundredth (11:36 -> 11.6)
    text: str
    outlet: str
    label: str
    sentence: Citation
    words: str  # the sentence's words, normalised: syndicated copies share them


def _mentions(ctx: ArticleContext) -> list[_Mention]:
    out = []
    text = ctx.article.text
    for t in ctx.ann.times:
        m = _CLOCK.match(t.value or "") if t.type == "TIME" else None
        if m is None:
            continue
        sent = ctx.sentence_at(t.start)
        if is_chrome(text[sent.start:sent.end]):
            continue  # a caption's or a teaser's time
        hours = int(m.group(2)) + int(m.group(3)) / 60
        out.append(_Mention(m.group(1), round(hours, 2), t.text, ctx.outlet, ctx.label,
                            ctx.cite(sent.start, sent.end),
                            normalise_text(text[sent.start:sent.end])))
    return out


def clock_items(contexts: Sequence[ArticleContext], config: BriefConfig) -> list[NumberSeries]:
    """Times of day that ``config.min_sources`` outlets or more give for one day, the
    most widely stated first. Times of one day a few minutes apart ("around 6am",
    "6.10am") are one happening told with different precision: one series."""
    by_day: dict[str, list[_Mention]] = {}
    for ctx in contexts:
        for m in _mentions(ctx):
            by_day.setdefault(m.day, []).append(m)
    ranked = []
    for day, ms in by_day.items():
        for cluster in _clusters(sorted(ms, key=lambda m: m.hours)):
            outlets = distinct_outlets((m.outlet, m.words) for m in cluster)
            if len(outlets) >= config.min_sources:
                ranked.append((len(outlets), day, cluster))
    ranked.sort(key=lambda r: (-r[0], r[1], r[2][0].hours))
    out = []
    for count, day, ms in ranked[:_MAX_TIMES]:
        values = list(dict.fromkeys(m.text for m in ms))
        out.append(NumberSeries(
            text=f"time of day: {', '.join(values)}",
            citations=list(dict.fromkeys(m.sentence for m in ms)),
            sources=count,
            corroborated=True,
            about="time of day",
            points=[NumberPoint(m.text, m.hours, m.hours, day, m.label, m.sentence)
                    for m in ms],
        ))
    return out


def _clusters(ms: Sequence[_Mention]) -> list[list[_Mention]]:
    """Times in order, cut where the gap to the previous one exceeds ``_SAME_MOMENT``."""
    out: list[list[_Mention]] = []
    for m in ms:
        if out and m.hours - out[-1][-1].hours <= _SAME_MOMENT:
            out[-1].append(m)
        else:
            out.append([m])
    return out
