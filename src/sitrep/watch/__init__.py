"""Live monitoring: watch RSS/Atom feeds, keep stories current, alert on watchlists.

- feedlist.py: which feeds (URLs, text files, OPML);
- client.py: conditional GETs, Retry-After, per-host politeness, robots.txt;
- schedule.py: per-feed interval with jitter, back-off;
- items.py, fetch.py: feed items, their pages and articles;
- watcher.py: the poll/store/alert cycle (``Watcher``);
- rules.py, alerts.py, sinks.py, atom.py: watchlists, alerts, digests, delivery.

Feed state, items, watchlists and alerts live in the store (store/watch.py),
so a restart resumes where the last run stopped.
"""

from sitrep.watch.alerts import Links, deliver, evaluate
from sitrep.watch.feedlist import FeedSpec, read_feed_list
from sitrep.watch.rules import Watchlist, check_watchlist
from sitrep.watch.sinks import SmtpSettings
from sitrep.watch.watcher import CycleReport, Watcher, WatchSettings

__all__ = [
    "CycleReport",
    "FeedSpec",
    "Links",
    "SmtpSettings",
    "WatchSettings",
    "Watcher",
    "Watchlist",
    "check_watchlist",
    "deliver",
    "evaluate",
    "read_feed_list",
]
