"""Ingest from the web: uploaded files and posted records go through the normal pipeline.

Uploads are written to a fresh temporary folder under a safe name (the
client's file name is reduced to its last part and a known suffix), then
``sitrep.pipeline.ingest`` reads them as if given on the command line, and
new articles are assigned to stories.
"""

from __future__ import annotations

import dataclasses
import json
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitrep import config
from sitrep.errors import InputError
from sitrep.pipeline import IngestOptions, IngestReport, ingest
from sitrep.store import Store
from sitrep.web.settings import UPLOAD_SUFFIXES

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(filename: str | None, index: int) -> str | None:
    """A file name to store an upload under, or None when its type is not accepted."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].lower()
    if not base.endswith(UPLOAD_SUFFIXES):
        return None
    if base.endswith(".gz") and not base[:-3].endswith(UPLOAD_SUFFIXES[:-1]):
        return None
    cleaned = _UNSAFE.sub("_", base).lstrip(".") or "upload"
    return f"{index:03d}-{cleaned}"


def run_ingest(store: Store, folder: Path, max_bytes: int, annotate: bool) -> dict[str, Any]:
    """Ingest every file in ``folder``; assign stories; the counts and errors."""
    from sitrep.stories.assign import assign_unassigned

    errors: list[InputError] = []
    paths = sorted(str(p) for p in folder.iterdir())
    # the settings' [read] bounds, never fetching: an upload must not make the server fetch
    read = dataclasses.replace(config.current().read, max_bytes=max_bytes, fetch=False)
    options = IngestOptions(read=read, annotate=annotate, on_error=errors.append)
    report: IngestReport = ingest(paths, store, options)
    assigned = assign_unassigned(store, config.current().stories)
    prefix = str(folder) + "/"
    return {"read": report.read, "added": report.added, "duplicates": report.duplicates,
            "copies": report.copies, "stories_assigned": len(assigned),
            "errors": [{"source": e.source.removeprefix(prefix), "reason": e.reason}
                       for e in errors]}


def ingest_records(store: Store, records: Iterable[dict[str, Any]], max_bytes: int,
                   annotate: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="sitrep-web-") as tmp:
        path = Path(tmp) / "records.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for rec in records:
                out.write(json.dumps(rec) + "\n")  # ASCII: lone surrogates stay escapes
        return run_ingest(store, Path(tmp), max_bytes, annotate)
