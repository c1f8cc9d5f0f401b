"""Timelines: the coded events of a set of articles, in date order, each cited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.models import Annotations, Article, Event


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


def _actors(ev: Event) -> list[str]:
    names = [a.name or a.text for a in (*ev.sources, *ev.targets)]
    if not names:
        names = [a.name or a.text for a in (ev.source, ev.target) if a is not None]
    return list(dict.fromkeys(n for n in names if n))


def _involves(ev: Event, entity_id: str) -> bool:
    actors = [*ev.sources, *ev.targets, ev.source, ev.target, ev.location, ev.reported_by]
    return any(a is not None and a.entity_id == entity_id for a in actors)


def timeline(items: Iterable[tuple[Article, Annotations | None]],
             entity_id: str | None = None, limit: int = 500) -> list[TimelineRow]:
    """Events of the articles (only those involving ``entity_id`` when given),
    by event date (undated last), then publication date."""
    pairs = list(items)
    rows: list[TimelineRow] = []
    for article, ann in pairs:
        if ann is None:
            continue
        for ev in ann.events:
            if entity_id is not None and not _involves(ev, entity_id):
                continue
            start, end = max(0, ev.start), min(len(article.text), ev.end)
            rows.append(TimelineRow(ev.date, ev.type, ev.modality,
                                    " ".join(article.text[start:end].split()), article.id,
                                    start, end, _actors(ev), article.title, article.outlet))
    published = {a.id: a.published or "" for a, _ in pairs}
    rows.sort(key=lambda r: (r.date is None, r.date or "", published.get(r.article, ""),
                             r.article, r.start))
    return rows[:limit]

