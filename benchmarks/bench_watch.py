"""Watching many feeds: cycle time, articles stored per second, memory, requests
saved by conditional GETs, and CPU per poll of an unchanged feed (target < 5 ms).

A local site (in its own process, so its CPU is not counted) serves FEEDS feeds;
in every "news" cycle each feed lists ITEMS new items, each linking to a page of
its own (distinct text, sentences drawn from the VOA corpus). The watcher runs
cycles against it: news, unchanged (every feed answers 304), news again, and so
on. Pages are fetched and extracted unless --feed-text (the feed carries the
text); annotation is off unless --annotate (the language model would dominate).

    python benchmarks/bench_watch.py [--feeds 500] [--items 20] [--news-cycles 2]
        [--db PATH | --db postgresql://...] [--feed-text] [--annotate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import random
import re
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep.store import open_store  # noqa: E402
from sitrep.watch import FeedSpec, Watcher, WatchSettings  # noqa: E402

TARGET_POLL_MS = 5.0
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def sentence_pool() -> list[str]:
    path = REPO / "examples/voa/voa_stories.jsonl"
    pool: list[str] = []
    for line in path.open(encoding="utf-8"):
        pool.extend(s.strip() for s in _SENT.split(json.loads(line)["text"]) if len(s) > 40)
    return pool


def article(pool: list[str], key: str) -> tuple[str, list[str]]:
    rng = random.Random(hashlib.sha1(key.encode()).digest())
    return f"Report {key}: " + rng.choice(pool)[:60], rng.sample(pool, 8)


def serve(port: mp.Value, cycle: mp.Value, feeds: int, items: int, feed_text: bool) -> None:
    pool = sentence_pool()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body in separate sends

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            if parts[0] == "feed":
                self._feed(int(parts[1].removesuffix(".xml")))
            elif parts[0] == "news":
                title, paras = article(pool, f"{parts[1]}-{parts[2]}")
                body = (f"<html><head><title>{escape(title)}</title></head><body><article>"
                        f"<h1>{escape(title)}</h1>" + "".join(f"<p>{escape(p)}</p>" for p in paras)
                        + "</article></body></html>").encode()
                self._send(200, body, "text/html")
            elif parts[0] == "robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            else:
                self._send(404, b"", "text/plain")

        def _feed(self, n: int) -> None:
            c = cycle.value
            etag = f'"{n}-{c}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            entries = []
            for j in range(items):
                key = f"{n}/{c}-{j}"
                title, paras = article(pool, key.replace("/", "-"))
                text = " ".join(paras) if feed_text else paras[0][:80]
                entries.append(f"<item><title>{escape(title)}</title><link>http://"
                               f"{self.headers['Host']}/news/{key}</link><description>"
                               f"{escape(text)}</description></item>")
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>feed {n}'
                    f"</title>{''.join(entries)}</channel></rss>").encode()
            self._send(200, body, "application/rss+xml", {"ETag": etag})

        def _send(self, status: int, body: bytes, ctype: str,
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    ThreadingHTTPServer.request_queue_size = 256
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port.value = server.server_address[1]
    server.serve_forever()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--news-cycles", type=int, default=2)
    parser.add_argument("--db", default=None, help="store (default: a fresh SQLite file)")
    parser.add_argument("--feed-text", action="store_true",
                        help="feeds carry the full text; item pages are not fetched")
    parser.add_argument("--annotate", action="store_true")
    parser.add_argument("--workers", type=int, default=8)
    args = parser.parse_args()

    port, cycle = mp.Value("i", 0), mp.Value("i", 0)
    site = mp.Process(target=serve, args=(port, cycle, args.feeds, args.items, args.feed_text),
                      daemon=True)
    site.start()
    while not port.value:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port.value}"
    tmp = tempfile.TemporaryDirectory(prefix="bench-watch-")
    db = args.db or str(Path(tmp.name) / "watch.db")
    settings = WatchSettings(interval_s=0, jitter=0, host_delay_s=0, timeout_s=30,
                             workers=args.workers, annotate=args.annotate,
                             fetch_pages=not args.feed_text, batch_size=64)
    feeds = [FeedSpec(f"{base}/feed/{n}.xml") for n in range(args.feeds)]
    mode = "feed text" if args.feed_text else "pages fetched and extracted"
    print(f"{args.feeds} feeds x {args.items} new items per news cycle; {mode}; "
          f"{'annotated' if args.annotate else 'text only (--no-annotate)'}; store {db}")
    stored = feed_requests = not_modified = 0
    poll_ms: list[float] = []
    with open_store(db) as store, Watcher(store, feeds, settings) as watcher:
        for c in range(args.news_cycles * 2):
            news = c % 2 == 0
            if news:
                cycle.value += 1
            wall, cpu = time.perf_counter(), time.process_time()
            report = watcher.run_cycle()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            feed_requests += report.polled
            not_modified += report.not_modified
            stored += report.stored
            label = "news     " if news else "unchanged"
            line = (f"cycle {c + 1} {label}: {wall:7.2f} s wall, {cpu:7.2f} s CPU, "
                    f"{report.stored:6d} stored ({report.stored / wall:6.1f} articles/s), "
                    f"{report.not_modified} x 304, peak RSS {rss_mb():.0f} MB")
            if not news:
                per_feed = cpu * 1000 / max(1, report.polled)
                poll_ms.append(per_feed)
                line += f", {per_feed:.2f} ms CPU per unchanged feed"
            print(line, flush=True)
            if report.errors:
                print(f"  {len(report.errors)} errors, first: {report.errors[0]}")
        total = store.count_articles()
    expected = args.feeds * args.items * args.news_cycles
    print(f"stored {total} articles of {expected} items ({stored} counted by the cycles)")
    print(f"feed requests: {feed_requests}, answered 304: {not_modified} "
          f"({not_modified / max(1, feed_requests):.0%} of feed requests saved a download)")
    worst = max(poll_ms) if poll_ms else float("nan")
    print(f"poll overhead per unchanged feed: {worst:.2f} ms CPU (target < {TARGET_POLL_MS} ms)"
          f" -> {'PASS' if worst < TARGET_POLL_MS else 'FAIL'}")
    print(f"peak memory (RSS): {rss_mb():.0f} MB")
    site.terminate()
    tmp.cleanup()


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
