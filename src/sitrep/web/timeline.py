"""Timelines: the coded events of a set of articles, one row per sentence, in date order.

A sentence that codes several events (a meeting that is also a pledge) is one
row with each event type. Its date is the brief's date for that sentence when
the caller passes the brief's (so the brief, the story timeline and the
article view agree), else the most precise date among its events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sitrep.models import Annotations, Article, Event
from sitrep.outlets import outlet_name
from sitrep.reconcile.timeref import granularity
from sitrep.render.readable_dates import sort_day

SentenceDates = dict[tuple[str, int], str]  # (article, sentence start) -> ISO date


@dataclass(slots=True)
class TimelineRow:
    date: str | None
    type: str
    modality: str
    text: str
    article: str
    start: int
    end: int
    actors: list[str]
    title: str | None
    outlet: str | None
    types: list[str] = field(default_factory=list)


def _actors(ev: Event) -> list[str]:
    names = [a.name or a.text for a in (*ev.sources, *ev.targets)]
    if not names:
        names = [a.name or a.text for a in (ev.source, ev.target) if a is not None]
    return list(dict.fromkeys(n for n in names if n))


def _involves(ev: Event, entity_id: str) -> bool:
    actors = [*ev.sources, *ev.targets, ev.source, ev.target, ev.location, ev.reported_by]
    return any(a is not None and a.entity_id == entity_id for a in actors)


_RANK = {"day": 4, "week": 3, "month": 2, "season": 1, "year": 1}


def _precision(value: str | None) -> int:
    """A day beats a week beats a month beats a season or a year."""
    return _RANK.get(granularity(value) or "", 0)


def article_rows(article: Article, ann: Annotations | None, entity_id: str | None = None,
                 dates: SentenceDates | None = None) -> list[TimelineRow]:
    """One article's events, merged per sentence (in text order)."""
    if ann is None:
        return []
    rows: dict[int, TimelineRow] = {}
    n = len(article.text)
    for ev in ann.events:
        if entity_id is not None and not _involves(ev, entity_id):
            continue
        start, end = max(0, ev.start), min(n, ev.end)
        row = rows.get(start)
        if row is None:
            row = rows[start] = TimelineRow(
                ev.date, ev.type, ev.modality, " ".join(article.text[start:end].split()),
                article.id, start, end, [], article.title,
                outlet_name(article.outlet, article.url))
        if ev.type not in row.types:
            row.types.append(ev.type)
        row.actors = list(dict.fromkeys([*row.actors, *_actors(ev)]))
        if _precision(ev.date) > _precision(row.date):
            row.date = ev.date
    for row in rows.values():
        row.date = (dates or {}).get((row.article, row.start), row.date)
        row.type = row.types[0]
    return sorted(rows.values(), key=lambda r: r.start)


def timeline(items: Iterable[tuple[Article, Annotations | None]],
             entity_id: str | None = None, limit: int = 500,
             dates: SentenceDates | None = None) -> list[TimelineRow]:
    """Events of the articles (only those involving ``entity_id`` when given), one row
    per sentence, by date (undated last), then publication date."""
    pairs = list(items)
    rows = [r for a, ann in pairs for r in article_rows(a, ann, entity_id, dates)]
    published = {a.id: a.published or "" for a, _ in pairs}
    rows.sort(key=lambda r: (r.date is None, sort_day(r.date), published.get(r.article, ""),
                             r.article, r.start))
    return rows[:limit]


def brief_dates(brief: dict[str, Any]) -> SentenceDates:
    """(article, sentence start) -> date of the brief JSON's timeline entries."""
    out: SentenceDates = {}
    for entry in brief.get("timeline") or []:
        for c in entry.get("citations") or []:
            out.setdefault((str(c["article"]), int(c["start"])), str(entry["date"]))
    return out
