"""Helpers of the watch tests: feed stories from the VOA corpus, quick settings, watchlists."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.store import Store
from sitrep.store.migrations import utc_now
from sitrep.watch import Watchlist, WatchSettings, check_watchlist
from tests.support.store import BACKENDS
from tests.support.watch_servers import Story

# The watcher runs in other processes too, so a store in memory is no use to it.
FILE_BACKENDS = [b for b in BACKENDS if b != "sqlite-memory"]


def voa_stories(corpus: Path, n: int, chars: int = 1500) -> list[Story]:
    records = [json.loads(line) for line in corpus.open(encoding="utf-8")][:n]
    return [Story(f"s{i}", r["title"], r["text"][:chars]) for i, r in enumerate(records)]


def settings(**kw: object) -> WatchSettings:
    base: dict[str, object] = {"interval_s": 0.0, "jitter": 0.0, "host_delay_s": 0.0,
                               "timeout_s": 1.0, "annotate": False, "workers": 4}
    return WatchSettings(**{**base, **kw})  # type: ignore[arg-type]


def add_watchlist(store: Store, w: Watchlist) -> None:
    w = check_watchlist(w)
    store.watch.put_watchlist(w.name, w.rules(), w.sinks, utc_now())


def item_states(store: Store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for by_state in store.watch.item_counts().values():
        for state, n in by_state.items():
            counts[state] = counts.get(state, 0) + n
    return counts
