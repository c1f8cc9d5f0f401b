"""Story list previews: a lead sentence and the main actors of each story.

The lead is the first sentence of the article the story is titled after (else of
its newest article).

Two store reads for the stories of a page not seen since they last changed (no brief
is built); the rest come from a cache keyed by each story's version.
"""

from __future__ import annotations

import re

from sitrep.store import Store
from sitrep.store.reads import StoryRow
from sitrep.web.briefs import LRU

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
    versions = store.reads.story_versions([r.id for r in rows])
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
    titled: set[str] = set()
    for lead in store.reads.story_leads(list(by_id), LEAD_CHARS):
        row = by_id[lead.story_id]
        if lead.text and row.id not in titled and (not row.lead or lead.title == row.title):
            row.lead = lead_sentence(lead.text)
            if lead.title == row.title:
                titled.add(row.id)
    for story_id, actors in store.reads.story_actors(list(by_id), ACTORS).items():
        by_id[story_id].actors = actors
