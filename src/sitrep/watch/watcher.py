"""The watcher: poll due feeds, store their new items as articles, alert.

One cycle:

1. poll the feeds that are due, in parallel threads (one request at a time
   per host), with their validators; record each feed's new state and the new
   items it found (pending) in one transaction per group of feeds;
2. take the pending items (also those a killed run left) in batches: fetch and
   extract their pages, annotate, store them and assign them to stories, and
   mark the items done, each batch in one transaction;
3. evaluate the watchlists (one digest per watchlist) and deliver digests.

``stop`` (set by SIGTERM) is checked between groups and batches: the batch
under way is finished and committed, the rest waits for the next start. A
kill -9 loses at most the open batch's work; its items are still pending.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain
from typing import TYPE_CHECKING

import httpx

from sitrep import config
from sitrep.errors import FetchError, InputError, StoreError
from sitrep.models import Annotations, Article
from sitrep.pipeline import annotate_each, batches
from sitrep.sources.files import DEFAULT_MAX_BYTES
from sitrep.store import AddOutcome, Store
from sitrep.store.watch import FeedState, ItemDone, ItemRow, NewItem
from sitrep.watch import schedule
from sitrep.watch.alerts import Links, deliver, evaluate
from sitrep.watch.client import PoliteClient, Reply
from sitrep.watch.feedlist import FeedSpec
from sitrep.watch.fetch import ItemResult, item_articles
from sitrep.watch.items import feed_items
from sitrep.watch.sinks import SmtpSettings

if TYPE_CHECKING:
    from sitrep.stories import Assigner

POLL_GROUP = 100  # feeds whose polls are recorded in one transaction


@dataclass(slots=True)
class WatchSettings:
    interval_s: float = 900.0
    jitter: float = 0.1
    host_delay_s: float = 1.0
    timeout_s: float = 20.0
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 8
    batch_size: int = 32
    fetch_pages: bool = True
    annotate: bool = True
    max_item_tries: int = 3
    max_delivery_tries: int = 5
    base_url: str = "http://127.0.0.1:8000"
    extra_sinks: list[str] = field(default_factory=list)
    smtp: SmtpSettings | None = None


@dataclass(slots=True)
class CycleReport:
    """What one cycle did (``sitrep watch`` prints it)."""

    polled: int = 0
    changed: int = 0
    not_modified: int = 0
    retry_later: int = 0
    failed: int = 0
    new_items: int = 0
    stored: int = 0
    duplicates: int = 0
    item_errors: int = 0
    alerts: int = 0
    digests: int = 0
    delivered: int = 0
    delivery_errors: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"polled {self.polled} feeds ({self.changed} changed, {self.not_modified} "
                f"not modified, {self.retry_later} asked to wait, {self.failed} failed); "
                f"{self.new_items} new items, {self.stored} stored, {self.duplicates} "
                f"duplicates, {self.item_errors} item errors; {self.alerts} alerts in "
                f"{self.digests} digests, {self.delivered} delivered")


Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Watcher:
    """Watches ``feeds`` into ``store``; call :meth:`run_cycle` or :meth:`run`."""

    def __init__(self, store: Store, feeds: Sequence[FeedSpec], settings: WatchSettings,
                 *, transport: httpx.BaseTransport | None = None, now: Now = _utc_now,
                 stop: threading.Event | None = None,
                 on_error: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.settings = settings
        self.now = now
        self.stop = stop or threading.Event()
        self.on_error = on_error
        self.policy = schedule.Policy(jitter=settings.jitter)
        self.client = PoliteClient(timeout=settings.timeout_s, max_bytes=settings.max_bytes,
                                   host_delay=settings.host_delay_s, transport=transport,
                                   max_connections=max(4, settings.workers * 2),
                                   clock=lambda: now().timestamp())
        self.urls = [f.url for f in feeds]
        store.watch.add_feeds([(f.url, f.title, f.interval_s if f.interval_s is not None
                          else settings.interval_s) for f in feeds], schedule.iso(now()))

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _error(self, report: CycleReport, message: str) -> None:
        report.errors.append(message)
        if self.on_error:
            self.on_error(message)

    # ------------------------------------------------------------ the cycle

    def run_cycle(self) -> CycleReport:
        report = CycleReport()
        now = self.now()
        due = [f for f in self.store.watch.feed_states(self.urls)
               if schedule.parse_iso(f.next_poll) <= now]
        with ThreadPoolExecutor(self.settings.workers, thread_name_prefix="sitrep-watch") as pool:
            self._poll(pool, due, report)
            if not self.stop.is_set():
                self._store_items(pool, report)
        if not self.stop.is_set() or report.stored:
            report.alerts, report.digests = evaluate(self.store, Links(self.settings.base_url),
                                                     self.settings.extra_sinks)
            report.delivered, report.delivery_errors = deliver(
                self.store, self.settings.smtp, self.settings.max_delivery_tries,
                self.settings.timeout_s, on_error=self.on_error)
        return report

    def run(self, once: bool = False, on_cycle: Callable[[CycleReport], None] | None = None,
            max_sleep_s: float = 60.0) -> None:
        """Cycle until ``stop`` is set (or once); sleep until the next feed is due."""
        while not self.stop.is_set():
            report = self.run_cycle()
            if on_cycle:
                on_cycle(report)
            if once:
                return
            self.stop.wait(self._sleep_s(max_sleep_s))

    def _sleep_s(self, cap: float) -> float:
        states = self.store.watch.feed_states(self.urls)
        if not states:
            return cap
        soonest = min(schedule.parse_iso(f.next_poll) for f in states)
        return min(cap, max(0.5, (soonest - self.now()).total_seconds()))

    # ------------------------------------------------------------ polling

    def _poll(self, pool: ThreadPoolExecutor, due: list[FeedState],
              report: CycleReport) -> None:
        for group in batches(due, POLL_GROUP):
            if self.stop.is_set():
                return
            replies = list(pool.map(self._fetch_feed, group))
            polls = [self._after_poll(state, reply, report)
                     for state, reply in zip(group, replies, strict=True)]
            report.new_items += self.store.watch.save_polls(polls)

    def _fetch_feed(self, state: FeedState) -> Reply | FetchError:
        try:
            return self.client.get(state.url, etag=state.etag, last_modified=state.last_modified)
        except FetchError as err:
            return err

    def _after_poll(self, s: FeedState, reply: Reply | FetchError,
                    report: CycleReport) -> tuple[FeedState, list[NewItem]]:
        """The feed's state after a poll, and the items the answer holds."""
        now = self.now()
        s.last_poll, s.requests = schedule.iso(now), s.requests + 1
        report.polled += 1
        items: list[NewItem] = []
        problem: InputError | None = reply if isinstance(reply, FetchError) else None
        retry_after = None
        if isinstance(reply, Reply):
            s.last_status = reply.status
            if reply.retry_later:
                retry_after = reply.retry_after
                problem = InputError(s.url, f"server asked to wait (HTTP {reply.status}"
                                     + (f", Retry-After {reply.retry_after:.0f} s)"
                                        if reply.retry_after is not None else ")"))
                report.retry_later += 1
            elif reply.status == 304:
                s.not_modified += 1
                report.not_modified += 1
            else:
                try:
                    s.title, items = feed_items(reply.body, s.url)
                    s.etag, s.last_modified = reply.etag, reply.last_modified
                    report.changed += 1
                except InputError as err:
                    problem = err
        else:
            s.last_status = getattr(reply, "status", None)
        if problem is None:
            s.failures, s.last_error, s.last_success = 0, None, s.last_poll
            s.next_poll = schedule.iso(schedule.after_success(now, s.interval_s, self.policy))
        else:
            s.failures += 1
            s.last_error = problem.reason
            s.next_poll = schedule.iso(schedule.after_failure(
                now, s.interval_s, s.failures, self.policy, retry_after))
            if retry_after is None:
                report.failed += 1
            self._error(report, f"{s.url}: {problem.reason}")
        return s, items

    # ------------------------------------------------------------ items

    def _pending(self) -> Iterator[list[ItemRow]]:
        """Pending items in batches, oldest first; each is tried once per cycle."""
        after: tuple[str, str] | None = None
        size = self.settings.batch_size
        while not self.stop.is_set():
            batch = self.store.watch.pending_items(size, after=after)
            if not batch:
                return
            after = (batch[-1].seen_at, batch[-1].key)
            yield batch

    def _store_items(self, pool: ThreadPoolExecutor, report: CycleReport) -> None:
        from sitrep.stories import Assigner as StoryAssigner

        assigner = StoryAssigner(self.store, config.current().stories)
        batches = self._pending()
        first = next(batches, None)
        if first is None:
            return
        with self.store.ingest_run([f"watch: {len(self.urls)} feeds"]) as run_id:
            # The next batch's pages are fetched while this one is stored.
            fetching: list[Future[ItemResult]] | None = None
            for batch in chain([first], batches):
                ahead = [pool.submit(self._item, item) for item in batch]
                if fetching is not None:
                    self._commit([f.result() for f in fetching], assigner, run_id, report)
                fetching = ahead
            if fetching is not None:
                self._commit([f.result() for f in fetching], assigner, run_id, report)

    def _item(self, item: ItemRow) -> ItemResult:
        return item_articles(self.client, item, self.settings.fetch_pages,
                             self.settings.max_item_tries)

    def _commit(self, results: list[ItemResult], assigner: Assigner, run_id: int,
                report: CycleReport) -> None:
        """Store a batch's articles, assign them to stories and mark its items done, in
        one transaction; when the store refuses the batch, each item goes on its own."""
        articles: dict[str, Article] = {}
        for r in results:
            for a in r.articles:
                articles.setdefault(a.id, a)
        known = self.store.known_ids(list(articles))
        fresh = [a for aid, a in articles.items() if aid not in known]
        layers: list[Annotations | None] = [None] * len(fresh)
        refused: dict[str, str] = {}
        if self.settings.annotate and fresh:
            annotated = annotate_each(fresh)  # a crash costs only its article
            refused = {a.id: ann.reason for a, ann in zip(fresh, annotated, strict=True)
                       if isinstance(ann, InputError)}
            fresh = [a for a in fresh if a.id not in refused]
            layers = [ann for ann in annotated if not isinstance(ann, InputError)]
        try:
            with self.store.stories.write(f"store {len(fresh)} watched articles"):
                outcomes = self.store.add_articles(fresh, layers, run_id=run_id)
                assigner.assign_batch(fresh, layers, outcomes)
                status = {o.article_id: o for o in outcomes}
                done = [self._done(r, status, known, refused) for r in results]
                self.store.watch.finish_items(done, schedule.iso(self.now()))
        except StoreError as err:
            if len(results) > 1:
                for r in results:
                    self._commit([r], assigner, run_id, report)
                return
            r = results[0]
            done = [ItemDone(r.item.key, r.item.feed_url, "failed", None,
                             f"could not be stored ({err})")]
            self.store.watch.finish_items(done, schedule.iso(self.now()))
        for r, d in zip(results, done, strict=True):
            if d.state == "stored":
                report.stored += 1
            elif d.state == "duplicate":
                report.duplicates += 1
            elif d.error:
                report.item_errors += 1
                self._error(report, f"{r.item.url or r.item.feed_url}: {d.error}")

    @staticmethod
    def _done(r: ItemResult, status: dict[str, AddOutcome], known: set[str],
              refused: dict[str, str]) -> ItemDone:
        item = r.item
        if not r.articles:
            return ItemDone(item.key, item.feed_url, r.state, None, r.error)
        first = r.articles[0].id
        if first in refused:
            return ItemDone(item.key, item.feed_url, "failed", None, refused[first])
        outcome = status.get(first)
        if first in known or outcome is None or outcome.status == "duplicate":
            of = (outcome.of if outcome else None) or first
            return ItemDone(item.key, item.feed_url, "duplicate", of, None)
        return ItemDone(item.key, item.feed_url, "stored", first, None)



