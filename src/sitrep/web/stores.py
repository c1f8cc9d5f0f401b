"""One store connection per worker thread (SQLite connections are per-thread)."""

from __future__ import annotations

import contextlib
import threading

from sitrep.errors import InvalidInput
from sitrep.store import Store, open_store


class StorePool:
    """Opens a Store lazily in each thread that asks, and closes them all at the end."""

    def __init__(self, db: str | None) -> None:
        if db == ":memory:":
            # Each worker thread opens its own connection: an in-memory store would be
            # a different, empty store in each.
            raise InvalidInput("the web app needs a store file or a PostgreSQL URL, not "
                               ":memory: (each of its threads would see another, empty store)",
                               hint="db")
        self.db = db
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            with contextlib.suppress(Exception):  # a finished thread's connection
                store.close()
