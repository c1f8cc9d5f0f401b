"""Briefs and discrepancies of stories, cached while a story does not change.

A story's cache key holds its article count and last activity, so an ingest
that adds to a story makes its next brief fresh.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from sitrep.models import Annotations, Article
from sitrep.store import Store

Items = list[tuple[Article, Annotations]]


class LRU:
    """A small thread-safe LRU dict."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        return None

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


class BriefService:
    def __init__(self, size: int = 256) -> None:
        self._briefs = LRU(size)
        self._disputes = LRU(size * 16)

    @staticmethod
    def _version(store: Store, story_id: str) -> tuple[int, int] | None:
        return store.reads.story_versions([story_id]).get(story_id)

    @staticmethod
    def items(store: Store, story_id: str) -> Items:
        """(article, annotations) of a story's members, oldest first."""
        from sitrep.brief.stored import story_items

        return story_items(store, story_id)

    def brief(self, store: Store, story_id: str, since: str | None = None) -> dict[str, Any]:
        """The brief JSON of a story (``sitrep brief --format json``)."""
        from sitrep.brief import brief_to_json
        from sitrep.brief.stored import brief_for_story

        key = (story_id, since, self._version(store, story_id))
        cached = self._briefs.get(key)
        if cached is None:
            brief = brief_for_story(store, story_id, since=since)
            cached = brief_to_json(brief)
            cached["texts"] = brief.texts  # the cited articles' text, for the page
            self._briefs.put(key, cached)
        return dict(cached)

    def discrepancies(self, store: Store, story_id: str,
                      version: tuple[int, int] | None = None) -> list[dict[str, Any]]:
        """The discrepancies of one story as brief JSON rows (``version``: from
        :meth:`StoreReads.story_versions`, when the caller fetched many at once)."""
        from sitrep.brief.render_json import discrepancy_to_json
        from sitrep.reconcile import reconcile

        key = (story_id, version or self._version(store, story_id))
        cached = self._disputes.get(key)
        if cached is None:
            cached = [discrepancy_to_json(d) for d in reconcile(self.items(store, story_id))
                      .discrepancies]
            self._disputes.put(key, cached)
        return list(cached)

    def counts(self, store: Store, story_id: str,
               version: tuple[int, int] | None = None) -> tuple[int, int]:
        """(conflicts, updates) of a story: disputes are only the conflicts."""
        found = self.discrepancies(store, story_id, version)
        conflicts = sum(1 for d in found if d.get("conflict"))
        return conflicts, len(found) - conflicts
