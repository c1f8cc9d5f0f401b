"""Story corrections from the web: move, split, merge, pin, unpin.

They call the functions behind ``sitrep story ...`` (sitrep.stories.manual), so
they leave the same records (story_log, manual = 1) and later ingests keep
them. The rules are the API's: refused on a read-only server; the token and
same-origin checks of the security middleware apply to every POST.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sitrep import config
from sitrep.errors import InvalidInput, NotFoundError, SitrepError
from sitrep.store import Store

Action = Literal["move", "split", "merge", "pin", "unpin"]
ACTIONS: tuple[Action, ...] = ("move", "split", "merge", "pin", "unpin")


@dataclass(slots=True)
class Correction:
    action: Action
    articles: list[str] = field(default_factory=list)
    target: str | None = None  # the other story (move: where to, merge: which to fold in)


def apply(store: Store, story_id: str, c: Correction) -> str:
    """Carry out ``c`` on story ``story_id``; the id of the story to show next."""
    from sitrep.stories import merge_stories, move_article, pin_article, split_articles

    members = {m.article_id for m in store.stories.members(story_id)}
    unknown = [a for a in c.articles if a not in members]
    if unknown:
        raise InvalidInput(f"not articles of this story: {', '.join(unknown)}")
    if c.action in ("move", "split", "pin", "unpin") and not c.articles:
        raise InvalidInput(f"choose the articles to {c.action}")
    if c.action in ("move", "merge") and not (c.target or "").strip():
        raise InvalidInput(f"{c.action} needs the id of the other story")
    target = (c.target or "").strip()
    tuning = config.current().stories
    try:
        if c.action == "move":
            for article in c.articles:
                moved_to = move_article(store, article, target, tuning)
            return moved_to if store.stories.resolve(story_id) is None else story_id
        if c.action == "split":
            return split_articles(store, c.articles, tuning)
        if c.action == "merge":
            if store.stories.resolve(target) == story_id:
                raise InvalidInput("a story cannot be merged with itself")
            return merge_stories(store, story_id, [target], tuning)
        for article in c.articles:
            pin_article(store, article, c.action == "pin")
        return story_id
    except NotFoundError:
        raise InvalidInput(f"there is no story “{target}” to {c.action} with") from None
    except InvalidInput:
        raise
    except SitrepError as exc:  # the library's reason, without its command hints
        raise InvalidInput(str(exc).split(";", 1)[0]) from None
