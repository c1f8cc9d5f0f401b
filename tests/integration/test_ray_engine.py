"""The Ray engine: same store as a single-process ingest, nothing lost to dead workers.

One local Ray cluster (2 CPUs, no dashboard, no usage statistics) serves the
module; the stores are SQLite files and fresh PostgreSQL schemas on loopback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from sitrep.pipeline import IngestOptions, IngestReport, Progress, ingest
from sitrep.store import Store, open_store
from tests.support.cli import SITREP, short_records, write_jsonl

ray = pytest.importorskip("ray")

from sitrep.engines.ray_cluster import ray_session  # noqa: E402
from sitrep.engines.ray_engine import RayOptions, ray_ingest  # noqa: E402
from sitrep.engines.ray_pool import WorkerPool  # noqa: E402

N = 60
BATCH = 8  # several batches per run, so workers can die mid-run

Snapshot = dict[str, Any]


@pytest.fixture(scope="module")
def cluster() -> Iterator[ModuleType]:
    with ray_session(num_cpus=2) as started:
        yield started


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, voa_corpus: Path) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("ray") / "in.jsonl",
                       short_records(voa_corpus, N, chars=500))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Snapshot:
    """What the single-process engine stores for the corpus."""
    with open_store(str(tmp_path_factory.mktemp("local") / "local.db")) as store:
        report = ingest([str(corpus)], store, IngestOptions(batch_size=BATCH))
        assert report.added == N
        return snapshot(store)


def snapshot(store: Store) -> Snapshot:
    """Ids, texts, annotation JSON and story of every stored article."""
    articles = {}
    stories = {}
    for article in store.iter_articles(order="added"):
        ann = store.get_annotations(article.id)
        articles[article.id] = (article.text, json.dumps(ann.to_dict() if ann else None,
                                                         sort_keys=True))
        found = store.stories.of_article(article.id)
        stories[article.id] = found[0] if found else None
    return {"articles": articles, "stories": stories, "count": store.count_articles()}


def bcubed_f1(gold: dict[str, Any], found: dict[str, Any]) -> float:
    """B-cubed F1 of ``found`` against ``gold`` (item -> cluster label)."""
    def groups(labels: dict[str, Any]) -> dict[Any, set[str]]:
        out: dict[Any, set[str]] = defaultdict(set)
        for item, label in labels.items():
            out[label].add(item)
        return out

    g, f = groups(gold), groups(found)
    both = [len(g[gold[i]] & f[found[i]]) for i in gold]
    precision = sum(b / len(f[found[i]]) for b, i in zip(both, gold, strict=True)) / len(gold)
    recall = sum(b / len(g[gold[i]]) for b, i in zip(both, gold, strict=True)) / len(gold)
    return 2 * precision * recall / (precision + recall)


def assert_same(found: Snapshot, reference: Snapshot) -> None:
    assert found["count"] == len(found["articles"]) == reference["count"]  # no duplicates
    assert found["articles"].keys() == reference["articles"].keys()
    for aid, (text, ann) in reference["articles"].items():
        assert found["articles"][aid] == (text, ann), aid
    assert bcubed_f1(reference["stories"], found["stories"]) >= 0.99


def run_ray(corpus: Path, db: str, progress: Progress | None = None,
            **cluster: Any) -> IngestReport:
    with open_store(db) as store:
        return ray_ingest([str(corpus)], store,
                          IngestOptions(batch_size=BATCH, progress=progress), RayOptions(**cluster))


def sent_counter(pool: WorkerPool, sent: list[int]) -> None:
    """Count the articles the pool is asked to annotate."""
    submit = pool.submit

    def counting(method: str, payload: list[Any]) -> Any:
        if method == "annotate":
            sent.append(len(payload))
        return submit(method, payload)

    pool.submit = counting  # type: ignore[method-assign]


def test_ray_matches_local_on_sqlite(cluster: ModuleType, corpus: Path, seeds_dir: Path,
                                     tmp_path: Path) -> None:
    # Scraped text dumps are extracted on the workers; records in the driver.
    inputs = [str(p) for p in sorted(seeds_dir.glob("*.txt"))] + [str(corpus)]
    with open_store(str(tmp_path / "local.db")) as store:
        local = ingest(inputs, store, IngestOptions(batch_size=BATCH))
        expected = snapshot(store)
    with open_store(str(tmp_path / "ray.db")) as store:
        report = ray_ingest(inputs, store, IngestOptions(batch_size=BATCH))
        found = snapshot(store)
        assert store.ingest_runs()[-1].finished_at is not None
    assert (report.read, report.added, report.failed) == (local.read, local.added, 0)
    assert report.read > N
    assert found["stories"] == expected["stories"]  # identical, not just close
    assert_same(found, expected)


@pytest.mark.postgres
def test_ray_matches_local_on_postgres(cluster: ModuleType, corpus: Path, pg_schema_url: str,
                                       reference: Snapshot) -> None:
    report = run_ray(corpus, pg_schema_url)
    assert report.added == N
    with open_store(pg_schema_url) as store:
        assert_same(snapshot(store), reference)


@pytest.mark.postgres
def test_killed_workers_lose_nothing(cluster: ModuleType, corpus: Path, pg_schema_url: str,
                                     reference: Snapshot) -> None:
    pools: list[WorkerPool] = []
    commits = 0

    def progress(_: IngestReport) -> None:
        nonlocal commits
        commits += 1
        pool = pools[0]
        if commits == 1:  # gone for good: the pool replaces it and resends its batches
            cluster.kill(pool.actors[0], no_restart=True)
        elif commits == 3:  # a crashed process: Ray restarts the actor and retries
            os.kill(cluster.get(pool.actors[1].pid.remote()), signal.SIGKILL)

    report = run_ray(corpus, pg_schema_url, workers=2, on_pool=pools.append, progress=progress)
    assert commits == -(-N // BATCH)
    assert pools[0].replaced >= 1
    assert (report.added, report.duplicates, report.failed) == (N, 0, 0)
    with open_store(pg_schema_url) as store:
        assert_same(snapshot(store), reference)
    again = run_ray(corpus, pg_schema_url)  # a rerun adds nothing
    assert (again.added, again.duplicates) == (0, N)


class Crash(Exception):
    pass


def test_rerun_after_a_crash_sends_only_the_rest(cluster: ModuleType, corpus: Path,
                                                 tmp_path: Path, reference: Snapshot) -> None:
    db = str(tmp_path / "crash.db")

    def crash_after_two(report: IngestReport) -> None:
        if report.added >= 2 * BATCH:
            raise Crash

    with pytest.raises(Crash):
        run_ray(corpus, db, progress=crash_after_two)
    with open_store(db) as store:
        assert store.count_articles() == 2 * BATCH
        assert store.ingest_runs()[-1].finished_at is None  # shows as unfinished
    sent: list[int] = []
    report = run_ray(corpus, db, on_pool=lambda pool: sent_counter(pool, sent))
    assert sum(sent) == N - 2 * BATCH  # known ids never reach a worker
    assert (report.added, report.duplicates) == (N - 2 * BATCH, 2 * BATCH)
    with open_store(db) as store:
        assert_same(snapshot(store), reference)


def test_cli_joins_a_running_cluster(cluster: ModuleType, corpus: Path, tmp_path: Path) -> None:
    address = cluster.get_runtime_context().gcs_address
    db = str(tmp_path / "cli.db")
    done = subprocess.run([*SITREP, "ingest", "-q", "--engine", "ray", "--address", address,
                           "--db", db, str(corpus)], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    with open_store(db) as store:
        assert store.count_articles() == N


def test_cli_without_ray_says_how_to_install(corpus: Path, tmp_path: Path) -> None:
    code = ("import sys; sys.modules['ray'] = None; from sitrep.cli import main; "
            f"sys.argv = ['sitrep', 'ingest', '--engine', 'ray', '--db', {str(tmp_path / 'x.db')!r},"
            f" {str(corpus)!r}]; main()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2
    assert "pip install 'sitrep[ray]'" in done.stderr
    assert not (tmp_path / "x.db").exists()  # failed before opening the store
