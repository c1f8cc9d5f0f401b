"""Exports of the store as JSON Lines, CSV or Parquet.

Nested values (lists, dicts) stay nested in JSON Lines and Parquet and are
written as JSON strings in CSV cells.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sitrep.store import Store

FORMATS = ("jsonl", "csv", "parquet")

ARTICLE_COLUMNS = (
    "id",
    "source",
    "url",
    "title",
    "outlet",
    "author",
    "published",
    "language",
    "text",
)
ENTITY_COLUMNS = ("id", "name", "type", "country", "aliases", "mentions", "articles")


def _article_rows(store: Store) -> Iterator[dict[str, Any]]:
    for article in store.iter_articles():
        row = {c: getattr(article, c) for c in ARTICLE_COLUMNS}
        row["copy_of"] = store.original_of(article.id)
        row["extra"] = article.extra or None
        yield row


def _entity_rows(store: Store) -> Iterator[dict[str, Any]]:
    for entity in store.iter_entities():
        yield {c: getattr(entity, c) for c in ENTITY_COLUMNS}


EXPORTERS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "articles": _article_rows,
    "entities": _entity_rows,
}


def export_rows(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    try:
        exporter = EXPORTERS[kind]
    except KeyError:
        raise SitrepError(
            f"cannot export '{kind}'; choose one of: {', '.join(EXPORTERS)}"
        ) from None
    return exporter(store)


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else value


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        n += 1
    return n


def write_parquet(rows: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [
        {
            k: json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, dict) else v
            for k, v in row.items()
        }
        for row in rows
    ]
    table = pa.Table.from_pylist(records) if records else pa.table({})
    pq.write_table(table, out)
    return len(records)


def export(store: Store, kind: str, fmt: str, dest: Path | None, stdout: TextIO) -> int:
    """Write ``kind`` in ``fmt`` to ``dest`` (or ``stdout``); returns the row count."""
    if fmt not in FORMATS:
        raise SitrepError(f"unknown export format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    rows = export_rows(store, kind)
    if fmt == "parquet":
        if dest is None:
            buffer = io.BytesIO()
            n = write_parquet(rows, buffer)
            stdout.flush()
            stdout.buffer.write(buffer.getvalue())
            return n
        with dest.open("wb") as fh:
            return write_parquet(rows, fh)
    if dest is None:
        return (write_jsonl if fmt == "jsonl" else write_csv)(rows, stdout)
    with dest.open("w", encoding="utf-8", newline="") as fh:
        return (write_jsonl if fmt == "jsonl" else write_csv)(rows, fh)
