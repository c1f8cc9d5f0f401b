"""Two writers storing the same article at once: the second sees a duplicate, not an error
(PostgreSQL raised ``duplicate key ... articles_id_key`` when two ingests of one file ran)."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import pytest

from sitrep.store import AddOutcome, open_store
from tests.support.cli import SITREP, short_records, write_jsonl
from tests.support.store import make_article

TEXT = "Rescue teams in Valparaiso said 40 homes burned overnight as winds spread the fire."


def test_second_writer_of_one_article_gets_a_duplicate(store_db: str) -> None:
    if store_db == ":memory:":
        return  # one connection per store: nothing to race
    article = make_article(TEXT, url="https://example.org/fire")
    got: list[list[AddOutcome] | BaseException] = []

    def write_second() -> None:  # its own connection, opened in its own thread
        try:
            with open_store(store_db) as second:
                got.append(second.add_articles([article]))
        except BaseException as err:  # reported by the assertion below
            got.append(err)

    with open_store(store_db) as first:

        with first.stories.write("hold the first writer's transaction open"):
            first.add_articles([article])
            # The second writer checks before the first commits, then waits on its lock.
            worker = threading.Thread(target=write_second)
            worker.start()
            time.sleep(1.0)
        worker.join(timeout=60)
        assert got and not isinstance(got[0], BaseException), got
        assert [o.status for o in got[0]] == ["duplicate"]
        assert first.count_articles() == 1


@pytest.mark.postgres
def test_two_ingests_of_one_file_at_once(pg_schema_url: str, tmp_path: Path,
                                         voa_corpus: Path) -> None:
    src = write_jsonl(tmp_path / "same.jsonl", short_records(voa_corpus, 120))
    cmd = [*SITREP, "ingest", "-q", "--no-annotate", "--db", pg_schema_url, str(src)]
    with open_store(pg_schema_url):
        pass  # the schema is created before the race: the race is on the articles
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outs = [r.communicate(timeout=600) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], [o[1][-800:] for o in outs]
    with open_store(pg_schema_url) as store:
        assert store.count_articles() == 120
