"""Ingest on a Ray cluster: workers extract and annotate, the driver alone writes.

The driver reads the inputs, skips article ids the store already has, sends
each batch of fresh articles to a worker actor and commits the results in
input order, a batch per transaction, with story assignment in the same
transaction: the store ends up as a single-process ingest leaves it. Up to
``window`` batches are in flight, so workers annotate while the driver writes.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType

from sitrep import config
from sitrep.annotate.layers import selected_layers
from sitrep.engines.ray_cluster import ray_session
from sitrep.engines.ray_pool import Job, WorkerPool
from sitrep.engines.ray_worker import restore
from sitrep.errors import InputError
from sitrep.models import Annotations, Article, SourceDoc
from sitrep.pipeline import (
    ArticleOrError,
    IngestOptions,
    IngestReport,
    IngestRun,
    annotate_fresh,
    batches,
    commit_batch,
    extract_doc,
    read_docs,
    take_articles,
)
from sitrep.store import Store

DOCS_PER_CALL = 16  # documents per remote extraction call


@dataclass(slots=True)
class _Pending:
    """A batch between its send and its commit."""

    fresh: list[Article]
    job: Job | None


@dataclass(frozen=True, slots=True)
class RayOptions:
    """Which Ray cluster and how many workers: ``address`` joins a running cluster
    (else a local one of ``num_cpus`` starts); ``workers`` defaults to one actor per
    CPU of the cluster; ``on_pool`` sees the worker pool once it exists (tests and
    the benchmark use it)."""

    address: str | None = None
    num_cpus: int | None = None
    workers: int | None = None
    on_pool: Callable[[WorkerPool], None] | None = None


def ray_ingest(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    options: IngestOptions | None = None,
    cluster: RayOptions | None = None,
) -> IngestReport:
    """Like :func:`sitrep.pipeline.ingest`, with the work spread over Ray actors."""
    opts, where = options or IngestOptions(), cluster or RayOptions()
    names = [os.fspath(i) for i in inputs]
    with ray_session(where.address, where.num_cpus) as ray:
        size = where.workers or int(ray.cluster_resources().get("CPU", 1))
        driver = _Driver(ray, size, store, opts, where.on_pool)
        try:
            with store.ingest_run(names) as run_id:
                driver.run(read_docs(names, opts.read), run_id)
        finally:
            driver.shutdown()
    return driver.report


class _Driver:
    """The single writer: sends batches in input order, commits them in input order."""

    def __init__(self, ray: ModuleType, size: int, store: Store, options: IngestOptions,
                 on_pool: Callable[[WorkerPool], None] | None) -> None:
        from sitrep.stories import Assigner

        self.ray, self.size, self.store = ray, size, store
        self.options, self.on_pool = options, on_pool
        self.on_error = options.on_error
        self.report = IngestReport()
        self.assigner = Assigner(store, config.current().stories)
        self.window = 2 * size  # one batch running and one queued per worker
        self.pending: deque[_Pending] = deque()
        self.sent: set[str] = set()  # ids in batches not committed yet
        self._pool: WorkerPool | None = None

    def pool(self) -> WorkerPool:
        """The workers, started on first use: a rerun with nothing new needs none."""
        if self._pool is None:
            model = config.current().annotate.spacy_model
            self._pool = WorkerPool(self.ray, self.size, selected_layers(), model)
            self._pool.ready()
            if self.on_pool:
                self.on_pool(self._pool)
        return self._pool

    def run(self, docs: Iterator[SourceDoc | InputError], run_id: int) -> None:
        run = IngestRun(self.store, self.assigner, run_id, self.report, self.on_error)
        for batch in batches(_extracted(docs, self.pool), self.options.batch_size):
            fresh = self._fresh(take_articles(batch, self.report, self.on_error), run_id)
            annotate = bool(fresh) and self.options.annotate
            job = self.pool().submit("annotate", fresh) if annotate else None
            self.pending.append(_Pending(fresh, job))
            while self.pending and (self.pending[0].job is None or self._in_flight() > self.window):
                self._commit_oldest(run)
        while self.pending:
            self._commit_oldest(run)
        self.assigner.settle()

    def _fresh(self, articles: list[Article], run_id: int) -> list[Article]:
        """The articles neither stored nor on their way (a single-process ingest
        would have stored the latter by now), counting the others as duplicates."""
        ids = [a.id for a in articles]
        known = self.store.known_ids(ids) | self.sent.intersection(ids)
        fresh = [a for a in articles if a.id not in known]
        if len(fresh) < len(articles):
            self.report.duplicates += len(articles) - len(fresh)
            self.store.count_skipped(run_id, len(articles) - len(fresh))
        self.sent.update(a.id for a in fresh)
        return fresh

    def _in_flight(self) -> int:
        return sum(1 for p in self.pending if p.job is not None)

    def _commit_oldest(self, run: IngestRun) -> None:
        done = self.pending.popleft()
        fresh = done.fresh
        layers: list[Annotations | None] = [None] * len(fresh)
        if done.job is not None:
            got = [restore(a) for a in self.pool().result(done.job)]
            fresh, layers = annotate_fresh(fresh, got, self.report, self.on_error)
        if fresh:
            commit_batch(run, fresh, layers)
        self.sent.difference_update(a.id for a in done.fresh)
        if self.options.progress:
            self.options.progress(self.report)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()


def _extracted(docs: Iterator[SourceDoc | InputError], pool: Callable[[], WorkerPool],
               ahead: int = 4) -> Iterator[ArticleOrError]:
    """Every article of ``docs`` in order: records locally (a field copy), pages and
    text dumps on the workers, up to ``ahead`` calls in advance."""
    queue: deque[list[ArticleOrError] | Job] = deque()
    remote: list[SourceDoc] = []

    def send() -> None:
        if remote:
            queue.append(pool().submit("extract", list(remote)))
            remote.clear()

    def take() -> list[ArticleOrError]:
        head = queue.popleft()
        return head if isinstance(head, list) else [restore(i) for i in pool().result(head)]

    for doc in docs:
        if isinstance(doc, InputError) or doc.kind == "record":
            send()
            queue.append([doc] if isinstance(doc, InputError) else extract_doc(doc))
        else:
            remote.append(doc)
            if len(remote) >= DOCS_PER_CALL:
                send()
        while len(queue) > ahead:
            yield from take()
    send()
    while queue:
        yield from take()

