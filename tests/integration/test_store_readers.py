"""A reader beside a running ingest: another process opens the SQLite store,
reads and closes it, again and again, while a writer stores and assigns
articles in long transactions. Neither may crash or fail.

A reader opening the store once took the write lock for each migration (even
with none to apply): it waited for the writer's batch and, behind a batch
longer than the busy timeout, failed with "database is locked".
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sitrep
from sitrep.store import dialect, open_store

# The writer: batches of articles stored and assigned to stories, each transaction
# held open for HOLD seconds (a slow batch), like `sitrep ingest` as it assigns.
WRITER = """
import sys, time
from sitrep.models import Article, article_id
from sitrep.store import open_store
from sitrep.stories import Assigner

db, batches, size, hold = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
words = ("flood dam river town rescue council budget mayor storm bridge school fire "
         "court judge trial vote election strike port ship harbour").split()
with open_store(db) as store:
    print("ready", flush=True)
    assigner = Assigner(store)
    for b in range(batches):
        batch = []
        for i in range(size):
            k = b * size + i
            text = " ".join(words[(k * 7 + j * 3) % len(words)] for j in range(60)) + f" n{k}."
            url = f"https://writer.example/{k}"
            batch.append(Article(id=article_id(url, text), source="test", text=text, url=url,
                                 title=f"Report {k}", published="2025-03-0%d" % (1 + k % 9)))
        with store.stories.write("test batch"):
            outcomes = store.add_articles(batch)
            assigner.assign_batch(batch, [None] * len(batch), outcomes)
            time.sleep(hold)
print("done", flush=True)
"""

BATCHES, SIZE, HOLD = 5, 20, 1.5


def _start_writer(db: Path) -> subprocess.Popen[str]:
    src = str(Path(sitrep.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(BATCHES), str(SIZE),
                             str(HOLD)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_a_reader_polls_the_store_while_a_writer_ingests(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "sitrep.db"
    writer = _start_writer(db)
    # Shorter than the writer's transactions: a reader that needs the write lock fails.
    monkeypatch.setattr(dialect, "BUSY_TIMEOUT_S", HOLD / 3)
    seen: list[int] = []
    polls = 0
    try:
        while writer.poll() is None:
            with open_store(str(db)) as store:
                articles = store.count_articles()
                members = sum(len(store.stories.members(s)) for s in store.stories.live_ids())
                if store.count_articles() == articles:  # no batch committed in between
                    # Every stored article is in a story: a reader sees whole batches.
                    assert members == articles
                seen.append(articles)
            polls += 1
            time.sleep(0.05)
    finally:
        if writer.poll() is None:
            writer.kill()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, f"writer ended with {writer.returncode}: {err[-2000:]}"
    assert out.strip().endswith("done")
    assert polls >= BATCHES  # the reader kept pace: it never waited for a batch
    assert seen == sorted(seen) and seen[-1] >= (BATCHES - 1) * SIZE
    with open_store(str(db)) as store:
        assert store.count_articles() == BATCHES * SIZE
