"""Analyst control: move, merge, split and pin, recorded and kept by later ingests.

Every change is logged (``story_log``, manual = 1) and is the truth later
assignment builds on: a pinned (or moved, or split off) article is never
moved by the assigner; stories an analyst merged stay merged (the absorbed
id points at the survivor); stories an analyst split or moved articles
between are never merged again automatically.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.errors import SitrepError
from sitrep.store.migrations import utc_now
from sitrep.store.stories import StoryState
from sitrep.stories.state import (
    DEFAULT_TUNING,
    StoryContext,
    Tuning,
    absorb,
    new_story_id,
    rebuild,
)
from sitrep.stories.vectors import Idf
from sitrep.stories.views import live_story_id

if TYPE_CHECKING:
    from sitrep.store import Store


def _current(store: Store, article_id: str) -> str:
    found = store.stories.of_article(article_id)
    if found is None:
        store.get_article(article_id)  # raises NotFoundError for an unknown id
        raise SitrepError(f"article {article_id} has no story yet; assign stories first",
                          hint="assign_stories")
    return found[0]


def move_article(store: Store, article_id: str, story_id: str,
                 tuning: Tuning = DEFAULT_TUNING) -> str:
    """Move an article (pinned from now on) to a story; returns the story id."""
    with store.stories.write(f"move article {article_id}"):
        target = live_story_id(store, story_id)
        source = _current(store, article_id)
        _place(store, [article_id], target, "manual")
        now = utc_now()
        store.stories.log("move", target, source, [article_id], now, manual=True)
        _refresh(store, [source, target], tuning, now)
    return target


def merge_stories(store: Store, story_id: str, other_ids: Sequence[str],
                  tuning: Tuning = DEFAULT_TUNING) -> str:
    """Fold ``other_ids`` into ``story_id`` (which keeps its id); returns it."""
    with store.stories.write(f"merge stories into {story_id}"):
        keep_id = live_story_id(store, story_id)
        ctx = StoryContext(store, Idf(store, tuning.idf_power), tuning, utc_now())
        for other in other_ids:
            gone_id = live_story_id(store, other)
            if gone_id == keep_id:
                continue
            states = store.stories.states([keep_id, gone_id])
            absorb(ctx, states[keep_id], states[gone_id])
            store.stories.log("merge", keep_id, gone_id, [], ctx.now, manual=True)
    return keep_id


def split_articles(store: Store, article_ids: Sequence[str],
                   tuning: Tuning = DEFAULT_TUNING) -> str:
    """Put articles (pinned) into a new story of their own; returns its id."""
    if not article_ids:
        raise SitrepError("split needs at least one article id")
    with store.stories.write("split articles into a new story"):
        sources = sorted({_current(store, a) for a in article_ids})
        new_id = new_story_id("split\x1f" + "\x1f".join(sorted(article_ids)))
        now = utc_now()
        store.stories.save(StoryState(id=new_id), now)
        _place(store, article_ids, new_id, "manual")
        for source in sources:
            store.stories.log("split", new_id, source, list(article_ids), now, manual=True)
        _refresh(store, [*sources, new_id], tuning, now)
    return new_id


def pin_article(store: Store, article_id: str, pinned: bool = True) -> str:
    """Pin (or unpin) an article where it is; returns its story id."""
    with store.stories.write(f"pin article {article_id}"):
        story_id = _current(store, article_id)
        member = next(m for m in store.stories.members(story_id) if m.article_id == article_id)
        now = utc_now()
        store.stories.put_article(article_id, story_id, member.score, member.how, now,
                                pinned=pinned)
        store.stories.log("pin" if pinned else "unpin", story_id, None, [article_id], now,
                        manual=True)
    return story_id


def _place(store: Store, article_ids: Sequence[str], story_id: str, how: str) -> None:
    now = utc_now()
    for aid in article_ids:
        # Its copies travel with it: a copy always shares its original's story.
        for member in [aid, *store.copies_of(aid)]:
            store.stories.put_article(member, story_id, None,
                                    how if member == aid else "copy", now, pinned=member == aid)


def _refresh(store: Store, story_ids: Sequence[str], tuning: Tuning, now: str) -> None:
    ctx = StoryContext(store, Idf(store, tuning.idf_power), tuning, now)
    for sid in dict.fromkeys(story_ids):
        rebuild(ctx, sid)
