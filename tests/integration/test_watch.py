"""Watching feeds end to end against real servers on loopback: a news site whose
feeds change between polls, a throttling site, a webhook receiver and an SMTP
server with STARTTLS and a login; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sitrep.store import open_store
from sitrep.watch import SmtpSettings, Watcher, Watchlist
from sitrep.watch.feedlist import FeedSpec
from tests.support.cli import SITREP
from tests.support.watch import add_watchlist, item_states, settings, voa_stories
from tests.support.watch_servers import Site, Story, serve_site, smtp_server, webhook_receiver


class Clock:
    """Wall time the test moves by hand (feeds' schedules are read against it)."""

    def __init__(self) -> None:
        self.moment = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture(name="sites")
def sites_fixture(voa_corpus: Path) -> Iterator[tuple[Site, str, Site, str]]:
    stories = voa_stories(voa_corpus, 12)
    news = Site(feeds={"world": stories[:4], "asia": stories[4:6], "bad": []})
    news.broken.add("bad")
    # An item whose page hangs and whose feed entry has no text of its own.
    news.feeds["world"].append(Story("hang", "A page that never comes", ""))
    news.hanging.add("hang")
    # robots.txt forbids /private/: this item is stored from its feed text, never fetched.
    news.feeds["asia"].append(Story("p-memo", stories[6].title, stories[6].text[:400]))
    busy = Site(feeds={"busy": stories[7:8]}, throttled={"busy": 120})
    with serve_site(news) as news_base, serve_site(busy) as busy_base:
        news.spare = stories[8:]  # type: ignore[attr-defined]
        yield news, news_base, busy, busy_base


def test_watch_stores_each_item_once_and_alerts_once(
        sites: tuple[Site, str, Site, str], file_db: str, tmp_path: Path) -> None:
    news, base, busy, busy_base = sites
    clock = Clock()
    feeds = [FeedSpec(f"{base}/feed/world.xml"), FeedSpec(f"{base}/feed/asia.xml"),
             FeedSpec(f"{base}/feed/bad.xml"), FeedSpec(f"{busy_base}/feed/busy.xml")]
    log = tmp_path / "alerts.jsonl"
    with (webhook_receiver() as (hook, posted),
          smtp_server(tmp_path, "analyst", "s3cret") as mailbox,
          open_store(file_db) as store):
        smtp = SmtpSettings(host="127.0.0.1", port=mailbox.port, user="analyst",
                            password="s3cret", cafile=str(mailbox.cert), timeout_s=5)
        add_watchlist(store, Watchlist("everything", outlets=["world news", "asia news"],
                                       sinks=[f"webhook:{hook}", f"log:{log}"]))
        add_watchlist(store, Watchlist("asia", outlets=["asia news"],
                                       sinks=["email:desk@example.org"]))
        with Watcher(store, feeds, settings(smtp=smtp), now=clock) as watcher:
            first = watcher.run_cycle()
            # Every good item once: 4 + 2 pages fetched, the private one from the feed.
            assert store.count_articles() == 7
            assert first.stored == 7 and first.changed == 2
            assert not news.requests("/private/"), "robots.txt forbids it"
            assert len(news.requests("/robots.txt")) == 1, "read once for the host"
            states = {f.url.rsplit("/", 1)[-1]: f for f in store.watch.feed_states()}
            assert states["world.xml"].etag and states["world.xml"].last_error is None
            assert "well-formed" in (states["bad.xml"].last_error or "")
            assert states["busy.xml"].last_status == 429
            wait = datetime.fromisoformat(states["busy.xml"].next_poll) - clock()
            assert wait >= timedelta(seconds=119), "Retry-After honoured"
            # The hanging page: timed out, waits for a later try; the others went in.
            assert item_states(store) == {"stored": 7, "pending": 1}
            # One digest per watchlist, each change in it once.
            assert len(posted) == 1 and len(mailbox.messages) == 1
            alerted = [a["article"]["id"] for a in posted[0]["alerts"]
                       for a in [a] + [{"article": x} for x in a.get("articles", [])[1:]]]
            assert sorted(alerted) == sorted(set(alerted)) and len(alerted) == 7
            assert mailbox.logins == ["analyst"]
            mail = mailbox.messages[0]
            assert mail["To"] == "desk@example.org" and "asia" in mail["Subject"]
            assert "/stories/" in mail.get_payload()
            assert [json.loads(x)["digest"] for x in log.read_text().splitlines()] == \
                [posted[0]["digest"]]

            # Nothing changed: conditional GETs answer 304, nothing stored or sent again.
            second = watcher.run_cycle()
            assert second.not_modified == 2 and second.polled == 2  # bad and busy wait
            assert news.requests("/feed/world.xml", 304)
            assert store.count_articles() == 7 and len(posted) == 1
            assert len(mailbox.messages) == 1

            # The feeds change: a new item, and a stored one now listed by asia too.
            new = news.spare.pop(0)  # type: ignore[attr-defined]
            news.feeds["world"].append(new)
            news.feeds["asia"].append(news.feeds["world"][0])
            clock.advance(121)  # past busy's Retry-After
            busy.throttled.clear()
            third = watcher.run_cycle()
            # world and asia changed, busy answers now: the new item and busy's are stored.
            assert third.changed == 3 and third.stored == 2
            assert store.count_articles() == 9
            new_id = next(a.id for a in store.iter_articles() if a.url and a.url.endswith(
                f"/news/{new.slug}"))
            assert store.stories.of_article(new_id) is not None, "the new article joined a story"
            assert len(posted) == 2
            assert [a["article"]["id"] for a in posted[1]["alerts"]
                    if a["kind"] != "new_story"] in ([new_id], [])
            kinds = {a["kind"] for a in posted[1]["alerts"]}
            assert kinds <= {"new_story", "new_article"}
            # asia's rules match no new article, but a story it alerted on may grow.
            asia = store.watch.alerts_of("asia", limit=100)
            later = [a for a in asia if a.digest_id != asia[-1].digest_id]
            assert all(a.kind == "new_article" and a.story_id in {
                b.story_id for b in asia if b.digest_id == asia[-1].digest_id} for a in later)
            assert len(mailbox.messages) == 1 + bool(later)
            sent = len(mailbox.messages)

            # Again: nothing new anywhere, no alert sent twice.
            watcher.run_cycle()
            assert len(posted) == 2 and len(mailbox.messages) == sent
        # Every page was fetched once in four cycles, whichever feeds list it.
        pages = [p for p, status, _ in news.log
                 if p.startswith("/news/") and status == "200" and not p.endswith("/hang")]
        assert sorted(pages) == sorted(set(pages)) and len(pages) == 7
        assert store.watch.delivery_counts() == {"sent": 2 * len(posted) + sent}  # webhook+log, mail
        seen = [a.url for a in store.iter_articles()]
        assert len(seen) == len(set(seen)) == 9


def _watch_cmd(feed: str, db: str, *extra: str) -> list[str]:
    return [*SITREP, "watch", feed, "--db", db, "--interval", "0", "--jitter", "0",
            "--host-delay", "0", "--no-annotate", "--batch-size", "4", "--timeout", "5", *extra]


def _wait_for_articles(db: str, at_least: int, proc: subprocess.Popen[str]) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        with open_store(db) as store:
            n = store.count_articles()
        if n >= at_least:
            return n
        time.sleep(0.1)
    raise AssertionError("the watcher stored nothing in 60 s")


def _check_complete(db: str, site: Site, base: str) -> None:
    with open_store(db) as store:
        urls = sorted(a.url or "" for a in store.iter_articles())
        assert urls == sorted(f"{base}/news/{s.slug}" for s in site.feeds["wire"])
        assert item_states(store) == {"stored": len(site.feeds["wire"])}
        assert all(store.stories.of_article(a.id) for a in store.iter_articles())
        (feed,) = store.watch.feed_states()
        assert feed.items_seen == feed.articles == len(site.feeds["wire"])


@pytest.mark.parametrize("how", ["kill", "term"])
def test_restart_after_kill_or_sigterm_loses_nothing_and_adds_nothing_twice(
        voa_corpus: Path, file_db: str, how: str) -> None:
    site = Site(feeds={"wire": voa_stories(voa_corpus, 24, chars=900)}, page_delay_s=0.05)
    with serve_site(site) as base:
        feed = f"{base}/feed/wire.xml"
        proc = subprocess.Popen(_watch_cmd(feed, file_db), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            stored = _wait_for_articles(file_db, 4, proc)
            if how == "kill":
                proc.kill()  # kill -9: no handler runs
                proc.wait(10)
            else:
                proc.send_signal(signal.SIGTERM)
                _, err = proc.communicate(timeout=30)
                assert proc.returncode == 0, err
        finally:
            if proc.poll() is None:
                proc.kill()
        with open_store(file_db) as store:
            left = store.count_articles()
            assert stored <= left < 24, "stopped part-way"
            assert left % 4 == 0, "whole batches only"
            pending = item_states(store).get("pending", 0)
            assert pending == 24 - left, "the rest is recorded as pending"
        # The restart gets a 304 for the feed and stores what was pending.
        done = subprocess.run(_watch_cmd(feed, file_db, "--once"), capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "1 not modified" in done.stderr
        _check_complete(file_db, site, base)
