"""What the pages and the API both show, computed once: the library calls per view."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sitrep.errors import NotFoundError
from sitrep.models import Annotations, Article
from sitrep.store import EntityRecord, SearchHit, Store
from sitrep.store.codec import decode_layers
from sitrep.store.reads import ArticleRow, StoryFilter, StoryRow, StorySort
from sitrep.web.briefs import LRU, BriefService
from sitrep.web.previews import fill_previews
from sitrep.web.timeline import TimelineRow, brief_dates, timeline

DISPUTE_SCAN = 300  # newest stories counted when sorting by disputes
ROLE_SCAN = 100  # newest articles read for an entity's roles and timeline


def iso_day(value: str | None) -> str | None:
    """A valid ISO day or None (a form's empty or malformed field is no filter)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


@dataclass(slots=True)
class StoryPage:
    total: int
    rows: list[StoryRow]
    search_hits: int | None = None
    entity_ids: list[str] | None = None


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """One page of the story list as asked: the filters (full text, entity id or name,
    outlet, ISO days; empty is no filter), the order and the window. The list page,
    its CSV and the API each build it once from their query parameters."""

    text: str | None = None
    entity: str | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    sort: StorySort = "recent"
    limit: int = 50
    offset: int = 0


def story_page(store: Store, briefs: BriefService, q: StoryQuery) -> StoryPage:
    f = StoryFilter(outlet=q.outlet or None, date_from=iso_day(q.date_from),
                    date_to=iso_day(q.date_to))
    hits = None
    if q.entity:
        f.entity_ids = store.reads.resolve_entities(q.entity)
    if q.text and q.text.strip():
        found = store.search(q.text, limit=500)
        hits = len(found)
        f.article_ids = [h.article_id for h in found]
    if q.sort == "disputes":
        candidates = store.reads.list_stories(f, "recent", None)
        count_disputes(store, briefs, candidates[:DISPUTE_SCAN])
        candidates.sort(key=lambda s: (-s.disputes, -s.updates))
        total, rows = len(candidates), candidates[q.offset:q.offset + q.limit]
        count_disputes(store, briefs, rows)  # rows past the scan: right badges too
    else:
        total = store.reads.count_stories(f)
        rows = store.reads.list_stories(f, q.sort, q.limit, q.offset)
        count_disputes(store, briefs, rows)
    fill_outlets(store, rows)
    fill_previews(store, rows)
    return StoryPage(total, rows, hits, f.entity_ids)


@dataclass(slots=True)
class EntityView:
    entity: EntityRecord
    roles: list[str]
    stories: list[tuple[StoryRow, int]]
    cooccurring: list[tuple[EntityRecord, int]]
    articles: list[ArticleRow]
    timeline: list[TimelineRow] = field(default_factory=list)


_ENTITY_VIEWS = LRU(256)


def entity_view(store: Store, entity_id: str, with_timeline: bool = False) -> EntityView:
    """An entity's page, cached until the store changes (its queries scan mentions)."""
    key = (store.describe, entity_id, with_timeline, store.reads.store_version())
    view: EntityView | None = _ENTITY_VIEWS.get(key)
    if view is None:
        view = _entity_view(store, entity_id, with_timeline)
        _ENTITY_VIEWS.put(key, view)
    return view


def _entity_view(store: Store, entity_id: str, with_timeline: bool) -> EntityView:
    entity = store.reads.get_entity(entity_id)
    if entity is None:
        raise NotFoundError(f"no entity {entity_id!r} in this store")
    recent = store.reads.entity_articles(entity_id, ROLE_SCAN)
    roles: dict[str, None] = {}
    for data in store.reads.layer_data([r.id for r in recent], "entities").values():
        for m in json.loads(data):
            if m.get("entity_id") == entity_id:
                roles.update(dict.fromkeys(" ".join(r.split()) for r in m.get("roles") or []))
    view = EntityView(entity, list(roles), store.reads.entity_stories(entity_id),
                      store.reads.cooccurring(entity_id), recent[:30])
    if with_timeline:
        view.timeline = timeline(_events_of(store, [r.id for r in recent], entity_id),
                                 entity_id=entity_id)
    return view


def _events_of(store: Store, article_ids: list[str],
               naming: str | None = None) -> list[tuple[Article, Annotations]]:
    """Articles with their event layer only (what a timeline reads); with ``naming``,
    only the articles whose events name that entity id (decoding is the slow part)."""
    events = store.reads.layer_data(article_ids, "events")
    return [(store.get_article(aid), decode_layers({"events": events[aid]}))
            for aid in article_ids
            if aid in events and (naming is None or json.dumps(naming) in events[aid])]


def fill_outlets(store: Store, rows: list[StoryRow]) -> None:
    """Set each story's distinct outlets (for the list)."""
    outlets = store.reads.story_outlets([r.id for r in rows])
    for r in rows:
        r.outlets = outlets.get(r.id, [])


def count_disputes(store: Store, briefs: BriefService, rows: list[StoryRow]) -> None:
    """Set each story's conflicts and updates (cached per story version)."""
    versions = store.reads.story_versions([s.id for s in rows])
    for s in rows:
        s.disputes, s.updates = briefs.counts(store, s.id, versions.get(s.id))


def story_row(store: Store, story_id: str, briefs: BriefService | None = None) -> StoryRow:
    live = store.stories.resolve(story_id)
    row = store.reads.get_story(live) if live else None
    if row is None:
        raise NotFoundError(f"no story {story_id!r} in this store")
    fill_outlets(store, [row])
    if briefs is not None:
        count_disputes(store, briefs, [row])
    return row


def story_timeline(store: Store, briefs: BriefService, story_id: str) -> list[TimelineRow]:
    """The story's events, dated as its brief dates the same sentences."""
    dates = brief_dates(briefs.brief(store, story_id))
    return timeline(_events_of(store, [m.article_id for m in store.stories.members(story_id)]),
                    dates=dates)


def search(store: Store, text: str, limit: int) -> tuple[list[SearchHit], dict[str, str]]:
    hits = store.search(text, limit=limit) if text.strip() else []
    rows = store.reads.article_rows([h.article_id for h in hits])
    # The outlet readers know (a URL's host when none is stated).
    hits = [replace(h, outlet=rows[h.article_id].outlet) if h.article_id in rows else h
            for h in hits]
    return hits, store.reads.stories_of([h.article_id for h in hits])


def all_discrepancies(store: Store, briefs: BriefService, limit_stories: int,
                      offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Discrepancies of the newest stories with two articles or more."""
    stories = [s for s in store.reads.list_stories(StoryFilter(), "recent", None)
               if s.articles >= 2][offset:offset + limit_stories]
    out = []
    for s in stories:
        for d in briefs.discrepancies(store, s.id):
            out.append({**d, "story": s.id, "story_title": s.title})
    return len(stories), out
