"""The command line end to end, in subprocesses, against real stores."""

from __future__ import annotations

import io
import json
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from sitrep.store import open_store
from tests.support.cli import SITREP, jsonl, run_sitrep, short_records, write_jsonl


def test_extract_reports_bad_input_and_keeps_going(tmp_path: Path, voa_corpus: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", short_records(voa_corpus, 2))
    bad = tmp_path / "photo.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    proc = run_sitrep("extract", "--format", "jsonl", str(bad), str(good))
    assert proc.returncode == 1
    assert [a["id"] for a in jsonl(proc.stdout)] == [r["id"] for r in short_records(voa_corpus, 2)]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "binary" in lines[0]
    assert "Traceback" not in proc.stderr


def test_extract_all_good_exits_zero(tmp_path: Path, voa_corpus: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", short_records(voa_corpus, 1))
    proc = run_sitrep("extract", str(good))
    assert proc.returncode == 0, proc.stderr
    (article,) = jsonl(proc.stdout)
    assert set(article) >= {"id", "source", "url", "title", "outlet", "author", "published", "text"}


def test_unreachable_store_is_a_clear_fatal_error(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not a database " * 100)
    proc = run_sitrep("search", "--db", str(not_a_db), "anything")
    assert proc.returncode == 2
    assert proc.stderr.startswith("sitrep: error:") and "Traceback" not in proc.stderr


def test_ingest_twice_adds_nothing_and_exports_load(tmp_path: Path, voa_corpus: Path) -> None:
    db = str(tmp_path / "store.db")
    src = write_jsonl(tmp_path / "in.jsonl", short_records(voa_corpus, 4))
    first = run_sitrep("ingest", "--db", db, str(src))
    assert first.returncode == 0, first.stderr
    second = run_sitrep("ingest", "--db", db, str(src))
    assert second.returncode == 0, second.stderr
    with open_store(db) as store:
        assert store.count_articles() == 4
        runs = store.ingest_runs()
    assert [r.added for r in runs] == [4, 0]
    assert runs[1].duplicates == 4

    rows = jsonl(run_sitrep("export", "articles", "--db", db).stdout)
    assert len(rows) == 4 and {r["outlet"] for r in rows} == {"VOA"}
    csv_out = run_sitrep("export", "articles", "--db", db, "--format", "csv").stdout
    import pandas as pd

    frame = pd.read_csv(io.StringIO(csv_out))
    assert list(frame["id"]) == [r["id"] for r in rows]
    parquet = tmp_path / "articles.parquet"
    proc = run_sitrep("export", "articles", "--db", db, "--format", "parquet", "-o", str(parquet))
    assert proc.returncode == 0, proc.stderr
    table = pq.read_table(parquet)
    assert table.num_rows == 4 and "text" in table.column_names
    entities = jsonl(run_sitrep("export", "entities", "--db", db).stdout)
    assert all({"id", "name", "type", "aliases", "mentions"} <= set(e) for e in entities)


def test_search_finds_ingested_article(tmp_path: Path, voa_corpus: Path) -> None:
    db = str(tmp_path / "store.db")
    records = short_records(voa_corpus, 3)
    src = write_jsonl(tmp_path / "in.jsonl", records)
    assert run_sitrep("ingest", "--no-annotate", "-q", "--db", db, str(src)).returncode == 0
    word = records[1]["text"].split()[5].strip(".,")
    hits = jsonl(run_sitrep("search", "--db", db, "--format", "jsonl", word).stdout)
    assert records[1]["id"] in [h["article_id"] for h in hits]


def test_run_writes_results(tmp_path: Path, voa_corpus: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", short_records(voa_corpus, 3))
    out = tmp_path / "out"
    proc = run_sitrep("run", str(src), "--db", str(tmp_path / "s.db"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert len(jsonl((out / "articles.jsonl").read_text())) == 3
    assert (out / "articles.csv").read_text().startswith("id,")
    assert "articles read" in proc.stderr
    stories = jsonl((out / "stories.jsonl").read_text())
    assert sorted(a for s in stories for a in s["articles"]) == sorted(r["id"] for r in short_records(voa_corpus, 3))
    index = (out / "index.html").read_text()
    for story in stories:
        assert f'href="briefs/{story["id"]}.html"' in index
        brief = json.loads((out / "briefs" / f"{story['id']}.json").read_text())
        assert brief["story"] == story["id"] and brief["sources"]
        assert (out / "briefs" / f"{story['id']}.md").read_text().startswith("# ")
        _check_brief_page((out / "briefs" / f"{story['id']}.html").read_text(), brief)
    assert 'name="viewport"' in index and "<th class=n>updates</th>" in index
    assert str((out / "index.html").resolve()) in proc.stderr


def _check_brief_page(html: str, brief: dict[str, Any]) -> None:
    """A way back to the index, a viewport, and [N] meaning source N everywhere."""
    assert 'href="../index.html"' in html and 'name="viewport"' in html
    sources = {s["article"]: i for i, s in enumerate(brief["sources"], 1)}
    passages = dict(re.findall(r'<li id="(c\d+)"><a href="#s(\d+)">', html))
    cites = re.findall(r'<a class="cite" href="#(c\d+)"[^>]*>\[(\d+)\]</a>', html)
    assert cites
    for anchor, shown in cites:
        assert passages[anchor] == shown and 1 <= int(shown) <= len(sources)


def test_kill_9_mid_ingest_leaves_a_consistent_store(tmp_path: Path, voa_corpus: Path) -> None:
    total = 320
    db = tmp_path / "store.db"
    src = write_jsonl(tmp_path / "big.jsonl", short_records(voa_corpus, total, chars=500))
    proc = subprocess.Popen(
        [*SITREP, "ingest", "-q", "--db", str(db), str(src)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 240
        committed = 0
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                with open_store(str(db)) as store:
                    committed = store.count_articles()
                if committed:
                    break
            time.sleep(0.05)
        assert proc.poll() is None, "ingest finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    with open_store(str(db)) as store:
        after_kill = store.count_articles()
        assert 0 < after_kill < total
        # every stored article is whole: annotations written with it, searchable
        for article in store.iter_articles():
            assert store.get_annotations(article.id) is not None
        (run,) = store.ingest_runs()
        assert run.finished_at is None and run.added + run.copies == after_kill
    again = run_sitrep("ingest", "-q", "--db", str(db), str(src))
    assert again.returncode == 0, again.stderr
    with open_store(str(db)) as store:
        assert store.count_articles() == total
        last = store.ingest_runs()[-1]
        assert last.added + last.copies == total - after_kill
    if str(db).endswith(".db"):
        import sqlite3

        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()


@pytest.mark.postgres
def test_ingest_into_postgresql(tmp_path: Path, voa_corpus: Path, pg_schema_url: str) -> None:
    pg_url = pg_schema_url
    src = write_jsonl(tmp_path / "in.jsonl", short_records(voa_corpus, 3))
    proc = run_sitrep("ingest", "-q", "--db", pg_url, str(src))
    assert proc.returncode == 0, proc.stderr
    again = run_sitrep("ingest", "-q", "--db", pg_url, str(src))
    assert again.returncode == 0
    rows = jsonl(run_sitrep("export", "articles", "--db", pg_url).stdout)
    assert sorted(r["id"] for r in rows) == sorted(r["id"] for r in short_records(voa_corpus, 3))
    assert json.dumps(rows)  # serialisable as the contract says
