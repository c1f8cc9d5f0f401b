"""Ingest engines: where extraction and the language model run.

``local`` does everything in this process (:func:`sitrep.pipeline.ingest`).
``ray`` spreads extraction and annotation over Ray worker actors while this
process stays the single writer of the store (see docs/scale-out.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from sitrep.errors import EngineUnavailable, InputError, SitrepError
from sitrep.pipeline import IngestReport, Progress, ReadOptions, ingest
from sitrep.store import Store

ENGINES = ("local", "ray")
__all__ = ["ENGINES", "EngineUnavailable", "run_ingest"]


def run_ingest(
    engine: str,
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    address: str | None = None,
    options: ReadOptions | None = None,
    annotate_articles: bool = True,
    on_error: Callable[[InputError], None] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest ``inputs`` into ``store`` with the named engine (see :data:`ENGINES`)."""
    if engine == "local":
        if address:
            raise SitrepError("a cluster address is for the ray engine only", hint="engine_address")
        return ingest(inputs, store, options=options, annotate_articles=annotate_articles,
                      on_error=on_error, progress=progress)
    if engine == "ray":
        from sitrep.engines.ray_engine import ray_ingest

        return ray_ingest(inputs, store, address=address, options=options,
                          annotate_articles=annotate_articles, on_error=on_error,
                          progress=progress)
    raise SitrepError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
