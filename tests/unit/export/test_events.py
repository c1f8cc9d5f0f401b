"""Events stored with their articles and exported in columns event coders know."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from sitrep.export import export
from sitrep.pipeline import ingest
from sitrep.store import Store


def _export(store: Store, fmt: str, tmp_path: Path) -> pd.DataFrame:
    if fmt == "parquet":
        dest = tmp_path / "events.parquet"
        export(store, "events", fmt, dest, io.StringIO())
        return pq.read_table(dest).to_pandas()
    out = io.StringIO()
    export(store, "events", fmt, None, out)
    out.seek(0)
    return pd.read_json(out, lines=True, dtype=False) if fmt == "jsonl" else pd.read_csv(out)


def test_seed_events_export_in_every_format(store: Store, news_page: Path, tmp_path: Path) -> None:
    report = ingest([news_page], store)
    assert report.added == 2 and not report.errors
    frames = {fmt: _export(store, fmt, tmp_path) for fmt in ("jsonl", "csv", "parquet")}
    assert len({len(f) for f in frames.values()}) == 1
    events = frames["parquet"]
    for column in ("event_date", "event_type", "actor1", "actor1_id", "actor2", "location",
                   "reported_by", "article_id", "sentence", "modality"):
        assert column in events.columns
    consult = events[events["event_type"] == "CONSULT"]
    dates = set(consult["event_date"])
    assert {"2025-11-05", "2025-11-06"} <= dates
    talks = consult[consult["event_date"] == "2025-11-05"].iloc[0]
    assert talks["location"] == "Pyongyang"
    assert "talks Wednesday" in talks["sentence"]
    # the sentence column is the exact slice of the stored article's text
    article = store.get_article(talks["article_id"])
    assert article.text[talks["sentence_start"] : talks["sentence_end"]] == talks["sentence"]
    agree = events[(events["event_type"] == "AGREE") & (events["modality"] == "asserted")]
    assert not any("didn’t mention" in s for s in agree["sentence"])
