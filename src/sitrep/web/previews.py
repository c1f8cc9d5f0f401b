"""Story list previews: a lead sentence and the main actors of each story.

The lead is the first sentence of the article the story is titled after (else of
its newest article).

Two queries for the stories of a page not seen since they last changed (no brief
is built); the rest come from a cache keyed by each story's version.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sitrep.store import Store
from sitrep.web.briefs import LRU
from sitrep.web.queries import NEWEST_FIRST, StoryRow, placeholders, run_sql, story_versions

LEAD_CHARS = 600  # enough text for a first sentence
ACTORS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def lead_sentence(text: str, limit: int = 260) -> str:
    """The first sentence of ``text`` (cut at ``limit`` characters with an ellipsis)."""
    flat = " ".join(text.split())
    m = _SENTENCE_END.search(flat)
    first = flat[:m.start()] if m else flat
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + "…"


_CACHE = LRU(4096)


def fill_previews(store: Store, rows: list[StoryRow]) -> None:
    """Set ``lead`` and ``actors`` of each story row."""
    versions = story_versions(store, [r.id for r in rows])
    missing = []
    for r in rows:
        cached = _CACHE.get((store.describe, r.id, versions.get(r.id)))
        if cached is None:
            missing.append(r)
        else:
            r.lead, r.actors = cached
    _query(store, missing)
    for r in missing:
        _CACHE.put((store.describe, r.id, versions.get(r.id)), (r.lead, list(r.actors)))


def _query(store: Store, rows: list[StoryRow]) -> None:
    if not rows:
        return
    by_id = {r.id: r for r in rows}
    marks = placeholders(len(by_id))
    newest = run_sql(
        store, f"SELECT sa.story_id, substr(a.text, 1, {LEAD_CHARS}), a.title"
        " FROM story_articles sa"
        f" JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({marks})"
        f" ORDER BY {NEWEST_FIRST}", list(by_id))
    titled: set[str] = set()
    for story_id, text, title in newest:
        row = by_id[str(story_id)]
        if text and row.id not in titled and (not row.lead or title == row.title):
            row.lead = lead_sentence(str(text))
            if title == row.title:
                titled.add(row.id)
    counts = run_sql(
        store, "SELECT sa.story_id, e.id, e.name, count(DISTINCT m.article_id) AS n"
        " FROM story_articles sa JOIN mentions m ON m.article_id = sa.article_id"
        f" JOIN entities e ON e.id = m.entity_id WHERE sa.story_id IN ({marks})"
        " AND e.type IN ('PERSON', 'ORG', 'GPE', 'NORP')"
        " GROUP BY sa.story_id, e.id, e.name ORDER BY n DESC, e.id", list(by_id))
    top: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for story_id, entity_id, name, _ in counts:
        if len(top[str(story_id)]) < ACTORS:
            top[str(story_id)].append((str(entity_id), str(name)))
    for story_id, actors in top.items():
        by_id[story_id].actors = actors
