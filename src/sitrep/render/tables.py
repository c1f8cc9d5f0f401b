"""Rich tables for the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from sitrep.pipeline import IngestReport


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, soft_wrap=False)


def articles_table(rows: Sequence[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} articles", show_lines=False)
    for col in ("id", "published", "outlet", "title", "words"):
        table.add_column(col, overflow="fold" if col == "title" else "ellipsis")
    for row in rows:
        table.add_row(
            str(row.get("id") or ""),
            str(row.get("published") or "")[:10],
            str(row.get("outlet") or ""),
            str(row.get("title") or ""),
            str(len(str(row.get("text") or "").split())),
        )
    _console().print(table)


def search_table(query: str, hits: Sequence[Any]) -> None:
    table = Table(title=f"{len(hits)} matches for {query!r}")
    for col in ("id", "published", "outlet", "title", "snippet"):
        table.add_column(col, overflow="fold")
    for hit in hits:
        table.add_row(
            hit.article_id,
            str(hit.published or "")[:10],
            hit.outlet or "",
            hit.title or "",
            hit.snippet or "",
        )
    _console().print(table)


def ingest_summary(report: IngestReport, store_name: str, seconds: float) -> None:
    table = Table(title="sitrep ingest", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("articles read", report.read),
        ("added", report.added),
        ("syndicated copies (linked)", report.copies),
        ("already in the store", report.duplicates),
        ("inputs that failed", report.failed),
        ("seconds", f"{seconds:.1f}"),
    ):
        table.add_row(label, str(value))
    table.caption = f"store: {store_name}"
    _console(stderr=True).print(table)
