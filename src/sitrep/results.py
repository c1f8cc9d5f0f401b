"""What ``sitrep run`` leaves in its output folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.export import export_rows, write_csv, write_jsonl

if TYPE_CHECKING:
    from sitrep.store import Store


def write_results(store: Store, out_dir: Path) -> list[Path]:
    """Write the article list (JSON Lines and CSV); returns the paths written."""
    written = []
    for name, writer in (("articles.jsonl", write_jsonl), ("articles.csv", write_csv)):
        path = out_dir / name
        tmp = path.with_suffix(path.suffix + ".tmp")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer(export_rows(store, "articles"), fh)
        tmp.replace(path)  # readers never see a half-written file
        written.append(path)
    return written
