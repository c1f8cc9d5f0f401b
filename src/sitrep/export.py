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
from sitrep.models import Actor, Article, Event
from sitrep.render.safe import csv_cell

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
ENTITY_COLUMNS = ("id", "name", "type", "country", "aliases", "mentions", "articles",
                  "geonameid", "lat", "lon")


def _article_rows(store: Store) -> Iterator[dict[str, Any]]:
    originals = store.copy_links()  # one query, not one per article
    for article in store.iter_articles():
        row = {c: getattr(article, c) for c in ARTICLE_COLUMNS}
        row["copy_of"] = originals.get(article.id)
        row["extra"] = article.extra or None
        yield row


def _entity_rows(store: Store) -> Iterator[dict[str, Any]]:
    for entity in store.iter_entities():
        yield {c: getattr(entity, c) for c in ENTITY_COLUMNS}


def _actor_name(actor: Actor | None) -> str | None:
    return (actor.name or actor.text) if actor else None


def event_row(article: Article, event: Event, index: int) -> dict[str, Any]:
    """One event as a flat row with the columns ACLED, GDELT and POLECAT users expect."""
    row: dict[str, Any] = {
        "event_id": f"{article.id}-{index}",
        "event_date": event.date,
        "date_granularity": event.date_granularity,
        "date_from_text": event.date_from_text,
        "event_type": event.type,
        "event_mode": event.mode,
        "modality": event.modality,
    }
    for side, actor, group in (("actor1", event.source, event.sources),
                               ("actor2", event.target, event.targets)):
        row[side] = _actor_name(actor)
        row[f"{side}_id"] = actor.entity_id if actor else None
        row[f"{side}_type"] = actor.type if actor else None
        row[f"{side}_country"] = actor.country if actor else None
        row[f"{side}_all"] = "; ".join(n for a in group if (n := _actor_name(a))) or None
    for side, actor in (("actor1", event.source), ("actor2", event.target)):
        row.update(_geo_columns(f"{side}_geo", actor))
    row.update(
        location=_actor_name(event.location),
        location_id=event.location.entity_id if event.location else None,
        location_country=event.location.country if event.location else None,
        reported_by=_actor_name(event.reported_by),
        reported_by_id=event.reported_by.entity_id if event.reported_by else None,
        article_id=article.id,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
        sentence=article.text[event.start : event.end],
        sentence_start=event.start,
        sentence_end=event.end,
        trigger=event.trigger.text,
    )
    row.update(_geo_columns("action_geo", event.location))
    return row


def _geo_columns(prefix: str, actor: Actor | None) -> dict[str, Any]:
    """GDELT-style geography of an actor or of where an event happened: the
    gazetteer entry's name, country, first-level division, point and GeoNames id."""
    place = (actor.place if actor else None) or {}
    return {
        f"{prefix}_fullname": ", ".join(
            dict.fromkeys(str(p) for p in (place.get("name"), place.get("admin1")) if p)
        ) or None,
        f"{prefix}_country": place.get("country"),
        f"{prefix}_adm1": place.get("admin1"),
        f"{prefix}_lat": place.get("lat"),
        f"{prefix}_long": place.get("lon"),
        f"{prefix}_feature_id": place.get("geonameid"),
        f"{prefix}_feature": place.get("feature"),
    }


def _event_rows(store: Store) -> Iterator[dict[str, Any]]:
    # Copies are left out: a syndicated copy reports the same events again.
    for article in store.iter_articles(include_copies=False):
        ann = store.get_annotations(article.id)
        for index, event in enumerate(ann.events if ann else []):
            yield event_row(article, event, index)


def _story_rows(store: Store) -> Iterator[dict[str, Any]]:
    from sitrep.stories import story_rows

    return story_rows(store)


def _discrepancy_rows(store: Store) -> Iterator[dict[str, Any]]:
    from sitrep.brief.stored import discrepancy_rows

    return discrepancy_rows(store)


EXPORTERS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "articles": _article_rows,
    "entities": _entity_rows,
    "events": _event_rows,
    "stories": _story_rows,
    "discrepancies": _discrepancy_rows,
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
        writer.writerow({k: csv_cell(_cell(v)) for k, v in row.items()})
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
