"""Briefs of stories kept in a store: the glue between stories and the brief builder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sitrep.brief.build import build_brief
from sitrep.brief.model import Brief
from sitrep.brief.render_json import discrepancy_to_json
from sitrep.models import Annotations, Article
from sitrep.reconcile import reconcile
from sitrep.reconcile.config import BriefConfig
from sitrep.stories.views import live_story_id

if TYPE_CHECKING:
    from sitrep.store import Store


def story_items(store: Store, story_id: str) -> list[tuple[Article, Annotations]]:
    """(article, annotations) of a story's members, in story order."""
    return [
        (store.get_article(m.article_id), store.get_annotations(m.article_id) or Annotations())
        for m in store.stories.members(story_id)
    ]


def brief_for_story(
    store: Store, story_id: str, *, since: str | None = None, config: BriefConfig | None = None
) -> Brief:
    """The brief of one stored story (``since``: what changed after that date)."""
    from sitrep.stories import story_record

    live = live_story_id(store, story_id)
    record = story_record(store, live)
    return build_brief(
        story_items(store, live),
        story_id=live,
        title=record.title,
        related=record.related,
        since=since,
        config=config,
    )


def discrepancy_rows(store: Store, config: BriefConfig | None = None) -> Iterator[dict[str, Any]]:
    """Every story's discrepancies (conflicts and developing figures), one row each."""
    for story_id in store.stories.live_ids():
        found = reconcile(story_items(store, story_id), config).discrepancies
        for d in found:
            yield {"story": story_id, **discrepancy_to_json(d)}
