"""Bounded work: an overall deadline per URL, a length limit per article, long texts
annotated in parts, record files not capped like pages."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from sitrep.errors import FetchError
from sitrep.sources.web import Fetcher
from tests.cli_helpers import run_sitrep
from tests.http_server import drip, serve


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
