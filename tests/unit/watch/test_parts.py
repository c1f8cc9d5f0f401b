"""The watcher's parts: feed lists (text, OPML), Retry-After, the schedule, the
per-host gate and robots.txt, sinks and watchlist rules; and the CLI commands
``sitrep watchlist`` and ``sitrep feeds``."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sitrep.errors import InputError, SitrepError
from sitrep.watch import Watchlist, check_watchlist
from sitrep.watch.client import HostGate, PoliteClient, parse_retry_after
from sitrep.watch.feedlist import parse_duration, read_feed_list
from sitrep.watch.schedule import Policy, after_failure, after_success, backoff_s
from sitrep.watch.sinks import SmtpSettings, parse_sink
from tests.support.cli import jsonl, run_sitrep
from tests.support.watch_servers import Site, serve_site

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="World"><outline text="Wire" title="Wire World" type="rss" xmlUrl="https://wire.example/world.xml"/>
<outline text="Asia" xmlUrl="https://wire.example/asia.xml"/></outline></body></opml>"""


def test_feed_lists_from_urls_text_files_and_opml(tmp_path: Path) -> None:
    text = tmp_path / "feeds.txt"
    text.write_text("# my feeds\nhttps://a.example/rss  every=30m\n\n"
                    "https://wire.example/asia.xml # duplicate of the OPML one\n")
    opml = tmp_path / "subs.opml"
    opml.write_bytes(OPML)
    specs = read_feed_list(["https://z.example/feed", str(text), str(opml)])
    assert [s.url for s in specs] == ["https://z.example/feed", "https://a.example/rss",
                                      "https://wire.example/asia.xml",
                                      "https://wire.example/world.xml"]
    assert specs[1].interval_s == 1800 and specs[3].title == "Wire World"


@pytest.mark.parametrize(("content", "name", "reason"), [
    ("ftp://x.example/feed\n", "list.txt", r"not an http\(s\) URL"),
    ("https://x.example/feed often\n", "list.txt", "unknown option"),
    ("<opml><body><outline text='folder'/></body></opml>", "subs.opml", "lists no feeds"),
    ("<opml><body>", "subs.opml", "not a well-formed OPML"),
])
def test_bad_feed_lists_name_the_file(tmp_path: Path, content: str, name: str,
                                      reason: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError, match=reason) as info:
        read_feed_list([str(path)])
    assert str(path) in info.value.source
    with pytest.raises(InputError, match="no such file"):
        read_feed_list([str(tmp_path / "missing.txt")])


def test_durations_and_retry_after() -> None:
    assert parse_duration("90") == 90 and parse_duration("15m") == 900
    assert parse_duration("2h") == 7200
    with pytest.raises(InputError):
        parse_duration("soon")
    now = datetime(2025, 11, 7, 9, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Fri, 07 Nov 2025 09:02:00 GMT", now) == 120
    assert parse_retry_after("Fri, 07 Nov 2025 08:00:00 GMT", now) == 0
    assert parse_retry_after("whenever") is None and parse_retry_after(None) is None


def test_schedule_jitter_backoff_and_retry_after() -> None:
    import random

    now = datetime(2025, 11, 7, tzinfo=UTC)
    policy = Policy(jitter=0.1)
    rng = random.Random(1)
    nexts = {after_success(now, 900, policy, rng) for _ in range(20)}
    assert len(nexts) > 1, "jitter spreads polls"
    assert all(timedelta(seconds=810) <= t - now <= timedelta(seconds=990) for t in nexts)
    assert [backoff_s(900, n, policy) for n in (1, 2, 3)] == [900, 1800, 3600]
    assert backoff_s(900, 30, policy) == policy.max_backoff_s
    assert after_failure(now, 0, 1, policy, retry_after_s=600) - now == timedelta(seconds=600)
    assert after_failure(now, 0, 1, policy) - now == timedelta(seconds=policy.min_backoff_s)


def test_host_gate_spaces_requests_to_one_host() -> None:
    gate = HostGate(0.2)
    started = []
    for _ in range(3):
        with gate.hold("http://a.example/x"):
            started.append(time.monotonic())
    with gate.hold("http://b.example/x"):  # another host does not wait
        other = time.monotonic()
    assert started[1] - started[0] >= 0.19 and started[2] - started[1] >= 0.19
    assert other - started[2] < 0.15


def test_robots_and_conditional_get_against_a_real_server() -> None:
    site = Site(feeds={"f": []})
    with serve_site(site) as base, PoliteClient(timeout=2, max_bytes=1 << 20,
                                                host_delay=0) as client:
        assert client.robots.allowed(f"{base}/news/ok") is True
        assert client.robots.allowed(f"{base}/private/memo") is False
        first = client.get(f"{base}/feed/f.xml")
        assert first.status == 200 and first.etag
        again = client.get(f"{base}/feed/f.xml", etag=first.etag)
        assert again.status == 304 and again.body == b""
        site.throttled["f"] = 30
        busy = client.get(f"{base}/feed/f.xml")
        assert busy.retry_later and busy.retry_after == 30
        # The host asked for quiet: no request goes out until then.
        before = len(site.log)
        assert client.get(f"{base}/news/ok").retry_later
        assert len(site.log) == before


def test_sinks_and_smtp_settings() -> None:
    assert str(parse_sink("webhook:https://hooks.example/x")) == "webhook:https://hooks.example/x"
    assert parse_sink("log:alerts.jsonl").target.endswith("/alerts.jsonl")
    for bad in ("sms:123", "webhook:ftp://x", "email:nobody", "log:"):
        with pytest.raises(SitrepError):
            parse_sink(bad)
    smtp = SmtpSettings.from_env({"SITREP_SMTP_HOST": "mail.example", "SITREP_SMTP_PORT": "2525",
                                  "SITREP_SMTP_STARTTLS": "0", "SITREP_SMTP_USER": "u",
                                  "SITREP_SMTP_PASSWORD": "p"})
    assert smtp == SmtpSettings("mail.example", 2525, False, "u", "p")
    assert SmtpSettings.from_env({}) is None


def test_watchlist_rules_are_checked() -> None:
    w = check_watchlist(Watchlist("desk", entities=[" KCNA ", "KCNA"], words=["troops"]))
    assert w.entities == ["KCNA"]
    with pytest.raises(SitrepError, match="no rule"):
        check_watchlist(Watchlist("empty"))
    with pytest.raises(SitrepError, match="name"):
        check_watchlist(Watchlist("no spaces", words=["x"]))


def test_watchlist_and_feeds_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    added = run_sitrep("watchlist", "add", "korea", "--db", db, "--entity", "North Korea",
                       "--words", "troops OR soldiers", "--webhook", "https://hooks.example/a")
    assert added.returncode == 0, added.stderr
    listed = jsonl(run_sitrep("watchlist", "list", "--db", db, "--format", "jsonl").stdout)
    assert listed == [{"name": "korea", "entities": ["North Korea"],
                       "words": ["troops OR soldiers"], "outlets": [], "stories": [],
                       "sinks": ["webhook:https://hooks.example/a"], "alerts": 0}]
    bad = run_sitrep("watchlist", "add", "x", "--db", db, "--email", "not-an-address",
                     "--words", "y")
    assert bad.returncode == 2 and "not an address" in bad.stderr
    assert run_sitrep("watchlist", "remove", "korea", "--db", db).returncode == 0
    gone = run_sitrep("watchlist", "remove", "korea", "--db", db)
    assert gone.returncode == 2 and "no watchlist" in gone.stderr
    site = Site(feeds={"f": []})
    site.broken.add("f")
    with serve_site(site) as base:
        watched = run_sitrep("watch", f"{base}/feed/f.xml", "--db", db, "--once",
                             "--no-annotate", "--host-delay", "0")
    assert watched.returncode == 1 and "well-formed" in watched.stderr
    (feed,) = jsonl(run_sitrep("feeds", "--db", db, "--format", "jsonl").stdout)
    assert feed["health"] == "failing (1x)" and feed["failures"] == 1
    table = run_sitrep("feeds", "--db", db)
    assert "failing" in table.stdout
    missing = run_sitrep("watch", "--db", str(tmp_path / "empty.db"), "--once")
    assert missing.returncode == 2 and "no feeds" in missing.stderr


def test_failed_webhook_is_retried_and_a_sent_digest_never_resent(tmp_path: Path) -> None:
    from sitrep.pipeline import IngestOptions, ingest
    from sitrep.store import open_store
    from sitrep.store.migrations import utc_now
    from sitrep.watch import Links, deliver, evaluate
    from tests.support.watch_servers import webhook_receiver

    records = tmp_path / "news.jsonl"
    records.write_text("".join(json.dumps({"id": f"r{i}", "outlet": "Wire", "text": text}) + "\n"
                               for i, text in enumerate(["Troops crossed the river at dawn.",
                                                         "Ships left the port on Monday."])))
    with webhook_receiver(500) as (hook, posted), open_store(":memory:") as store:
        w = check_watchlist(Watchlist("wire", outlets=["Wire"], sinks=[f"webhook:{hook}"]))
        store.watch.put_watchlist(w.name, w.rules(), w.sinks, utc_now())
        ingest([str(records)], store, IngestOptions(annotate=False))
        assert evaluate(store, Links()) == (2, 1)
        errors: list[str] = []
        assert deliver(store, None, on_error=errors.append) == (0, 1)
        assert "HTTP 500" in errors[0]
        assert evaluate(store, Links()) == (0, 0), "nothing new: no second digest"
        assert deliver(store, None) == (1, 0), "retried"
        assert deliver(store, None) == (0, 0), "sent once"
        assert len(posted) == 2 and posted[0] == posted[1]
        assert sorted(a["kind"] for a in posted[1]["alerts"]) == ["new_story", "new_story"]


def test_feed_schedule_survives_a_restart_unless_the_interval_changes() -> None:
    from sitrep.store import open_store

    url = "https://wire.example/feed.xml"
    with open_store(":memory:") as store:
        store.watch.add_feeds([(url, None, 900.0)], "2025-11-07T09:00:00+00:00")
        (state,) = store.watch.feed_states()
        assert state.next_poll == "2025-11-07T09:00:00+00:00"  # a new feed is due at once
        state.next_poll = "2025-11-07T09:15:00+00:00"
        store.watch.save_polls([(state, [])])
        store.watch.add_feeds([(url, "Wire", 900.0)], "2025-11-07T09:01:00+00:00")  # a restart
        (state,) = store.watch.feed_states()
        assert state.next_poll == "2025-11-07T09:15:00+00:00" and state.title == "Wire"
        store.watch.add_feeds([(url, None, 60.0)], "2025-11-07T09:02:00+00:00")  # a new interval
        (state,) = store.watch.feed_states()
        assert state.next_poll == "2025-11-07T09:02:00+00:00" and state.interval_s == 60
