"""Events exported with GDELT-style geography: where it happened, on the map."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from sitrep.export import export
from sitrep.pipeline import ingest
from sitrep.store import Store
from tests.support.cli import write_jsonl

RECORDS = [
    {"id": "quetta", "title": "Attack near Quetta", "published": "2024-05-06",
     "url": "https://news.example.com/quetta",
     "text": "Militants attacked a police post in Quetta on Monday, officials said. "
             "Two officers were wounded."},
    {"id": "springfield", "title": "Shooting in Springfield", "published": "2024-05-07",
     "url": "https://news.example.com/springfield",
     "text": "A gunman shot two people in Springfield, Illinois, on Tuesday, police said."},
]


def _rows(store: Store, fmt: str) -> list[dict[str, Any]]:
    out = io.StringIO()
    export(store, "events", fmt, None, out)
    text = out.getvalue()
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text)))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_event_export_has_action_geo_columns(store: Store, tmp_path: Path) -> None:
    report = ingest([write_jsonl(tmp_path / "geo.jsonl", RECORDS)], store)
    assert report.added == 2 and not report.errors
    rows = _rows(store, "jsonl")
    columns = ("action_geo_fullname", "action_geo_country", "action_geo_adm1", "action_geo_lat",
               "action_geo_long", "action_geo_feature_id", "actor1_geo_lat", "actor2_geo_long")
    assert rows and all(c in rows[0] for c in columns)
    placed = {r["article_id"]: r for r in rows if r["action_geo_lat"] is not None}
    quetta = placed["quetta"]
    assert quetta["location"] == "Quetta" and quetta["action_geo_country"] == "PAK"
    assert abs(quetta["action_geo_lat"] - 30.18) < 0.1 and abs(quetta["action_geo_long"] - 67.0) < 0.1
    assert quetta["action_geo_fullname"] == "Quetta, Balochistan"
    spring = placed["springfield"]
    assert spring["action_geo_adm1"] == "Illinois" and spring["action_geo_country"] == "USA"
    # the same columns in CSV, numbers as text
    by_id = {r["article_id"]: r for r in _rows(store, "csv") if r["action_geo_lat"]}
    assert float(by_id["quetta"]["action_geo_lat"]) == quetta["action_geo_lat"]
    assert int(by_id["quetta"]["action_geo_feature_id"]) == quetta["action_geo_feature_id"]


def test_place_entities_export_their_geonames_entry(store: Store, tmp_path: Path) -> None:
    ingest([write_jsonl(tmp_path / "geo.jsonl", RECORDS)], store)
    out = io.StringIO()
    export(store, "entities", "jsonl", None, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    by_name = {r["name"]: r for r in rows}
    quetta = by_name["Quetta"]
    assert quetta["type"] == "GPE" and quetta["geonameid"] == 1167528
    assert abs(quetta["lat"] - 30.18) < 0.1 and abs(quetta["lon"] - 67.0) < 0.1
    assert by_name["Illinois"]["geonameid"] is not None
    # people and organisations carry no place
    assert all(r["geonameid"] is None for r in rows if r["type"] in ("PERSON", "ORG"))
