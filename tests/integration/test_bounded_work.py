"""Bounded work: an overall deadline per URL, a length limit per article, long texts
annotated in parts, record files not capped like pages."""

from __future__ import annotations

import itertools
import json
import threading
import time
from pathlib import Path

import pytest

from sitrep.errors import FetchError
from sitrep.sources.web import Fetcher
from tests.support.cli import jsonl, run_sitrep
from tests.support.http_server import drip, serve


@pytest.mark.parametrize("in_headers", [False, True], ids=["body", "headers"])
def test_a_slow_drip_server_is_cut_at_the_deadline(in_headers: bool) -> None:
    """One byte every 0.3 s keeps every read under the 2 s read timeout; only an
    overall deadline ends it."""
    outcome: list[BaseException | None] = []
    with serve({"/drip": drip(0.3, in_headers=in_headers)}) as (base, _):

        def fetch() -> None:
            with Fetcher(timeout=2, deadline=2) as fetcher:
                try:
                    fetcher.fetch(f"{base}/drip")
                    outcome.append(None)
                except FetchError as err:
                    outcome.append(err)

        started = time.monotonic()
        worker = threading.Thread(target=fetch, daemon=True)
        worker.start()
        worker.join(timeout=20)
        elapsed = time.monotonic() - started
    assert outcome, "the fetch was still running after 20 s"
    assert isinstance(outcome[0], FetchError)
    assert "took longer than 2 s in all" in str(outcome[0])
    assert elapsed < 10


def test_fetch_deadline_on_the_command_line(tmp_path: Path) -> None:
    with serve({"/drip": drip(0.3)}) as (base, _):
        started = time.monotonic()
        res = run_sitrep("extract", "--fetch", "--fetch-deadline", "2", f"{base}/drip",
                         timeout=60)
        elapsed = time.monotonic() - started
    assert res.returncode == 1, res.stderr
    assert "took longer than 2 s in all" in res.stderr
    assert elapsed < 30


def test_long_text_annotated_in_parts_keeps_offsets(news_page: Path) -> None:
    from sitrep.annotate import annotate
    from sitrep.annotate.chunks import split_text
    from sitrep.models import Article

    text = news_page.read_text(encoding="utf-8")
    article = Article(id="p", source=str(news_page), text=text, published="2025-11-05")
    whole = next(annotate([article]))[1]
    parts = split_text(text, 1500)
    assert len(parts) >= 3 and parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    got, ann = next(annotate([article], part_chars=1500))
    assert got is article
    for m in ann.entities:
        assert text[m.start:m.end] == m.text
    for t in ann.times:
        assert text[t.start:t.end] == t.text
    for q in ann.quantities:
        assert text[q.start:q.end] == q.text
    for e in ann.events:
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
    starts = [s.start for s in ann.sentences]
    assert starts == sorted(starts) and ann.sentences[-1].end <= len(text)
    # Cut at paragraph breaks, the parts find nearly what the whole text does.
    spans = {(m.start, m.end) for m in whole.entities}
    found = {(m.start, m.end) for m in ann.entities}
    assert len(spans & found) >= 0.85 * len(spans)
    figures = {(q.start, q.end) for q in whole.quantities}
    assert len(figures & {(q.start, q.end) for q in ann.quantities}) >= 0.85 * len(figures)


def test_record_file_lines_stream_from_gzip(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "recs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i in range(300):
            out.write(json.dumps({"id": f"g{i}", "text": f"Report {i} from the port."}) + "\n")
    res = run_sitrep("extract", str(path))
    assert res.returncode == 0, res.stderr
    assert [r["id"] for r in jsonl(res.stdout)] == [f"g{i}" for i in range(300)]
    damaged = tmp_path / "cut.jsonl.gz"
    damaged.write_bytes(path.read_bytes()[:-40])
    res = run_sitrep("extract", str(damaged))
    assert res.returncode == 1
    assert "cannot be read to the end" in res.stderr and len(jsonl(res.stdout)) > 200


def test_a_page_with_far_too_much_text_is_refused_before_extraction(tmp_path: Path) -> None:
    para = ("<p>Firefighters in Valparaiso said on Monday that 40 homes burned overnight as "
            "strong winds spread the fire across the hills above the port city.</p>\n")
    page = tmp_path / "huge.html"
    page.write_text("<html><body><article>" + para * 16_000 + "</article></body></html>")
    small = tmp_path / "small.html"
    small.write_text("<html><head><title>Fire</title></head><body><article>"
                     + para * 5 + "</article></body></html>")
    res = run_sitrep("extract", "--max-chars", "1000000", str(page), str(small), timeout=120)
    assert res.returncode == 1
    assert len(jsonl(res.stdout)) == 1
    assert f"{page}: page shows about 2," in res.stderr
    assert "more than 2 articles of the 1,000,000 limit" in res.stderr
