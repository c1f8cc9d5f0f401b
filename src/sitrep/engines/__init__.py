"""Ingest engines: where extraction and the language model run.

``local`` does everything in this process (:func:`sitrep.pipeline.ingest`).
``ray`` spreads extraction and annotation over Ray worker actors while this
process stays the single writer of the store (see docs/scale-out.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from sitrep.errors import EngineUnavailable, SitrepError
from sitrep.pipeline import IngestOptions, IngestReport, ingest
from sitrep.store import Store

ENGINES = ("local", "ray")
__all__ = ["ENGINES", "EngineUnavailable", "run_ingest"]


def run_ingest(
    engine: str,
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    options: IngestOptions | None = None,
    *,
    address: str | None = None,
) -> IngestReport:
    """Ingest ``inputs`` into ``store`` with the named engine (see :data:`ENGINES`);
    ``address`` is the Ray cluster to join (the ray engine only)."""
    if engine == "local":
        if address:
            raise SitrepError("a cluster address is for the ray engine only", hint="engine_address")
        return ingest(inputs, store, options)
    if engine == "ray":
        from sitrep.engines.ray_engine import RayOptions, ray_ingest

        return ray_ingest(inputs, store, options, RayOptions(address=address))
    raise SitrepError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
