"""Watch tables of the store (migration 0006): feeds, feed items, watchlists, alerts.

``WatchTables`` is a part of :class:`~sitrep.store.Store` (``store.watch``); ``sitrep.watch``
is its one user. Each write method is one transaction, or joins the
caller's (a watch batch stores its articles and marks its items done
together, so a kill between the two cannot happen).

Item states: ``pending`` (found by a poll, not yet stored: a restart picks
it up), ``stored``, ``duplicate`` (its URL or text was already stored; never
fetched), ``failed`` (given up after repeated errors), ``skipped`` (robots.txt
forbids the page and the feed carried no text).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sitrep.store.dialect import Dialect, chunks, marks
from sitrep.store.query import to_fts5
from sitrep.store.stories import Writing

_FEED_COLUMNS = ("url, title, interval_s, etag, last_modified, next_poll, last_poll, last_success,"
                 " last_status, last_error, failures, items_seen, articles, requests,"
                 " not_modified")


@dataclass(slots=True)
class FeedState:
    """One watched feed: its validators, schedule and health."""

    url: str
    interval_s: float
    next_poll: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None
    last_success: str | None = None
    last_status: int | None = None
    last_error: str | None = None
    failures: int = 0
    items_seen: int = 0
    articles: int = 0
    requests: int = 0
    not_modified: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class NewItem:
    """A feed item as a poll found it: ``key`` identifies it across feeds and polls."""

    key: str
    url: str | None
    url_key: str | None
    text_hash: str | None
    meta: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ItemRow:
    key: str
    feed_url: str
    url: str | None
    meta: dict[str, Any]
    tries: int
    seen_at: str


@dataclass(frozen=True, slots=True)
class ItemDone:
    """What became of a pending item: a state, the article it gave, the error."""

    key: str
    feed_url: str
    state: str
    article_id: str | None = None
    error: str | None = None


@dataclass(slots=True)
class WatchlistRow:
    name: str
    rules: dict[str, list[str]]
    sinks: list[str]
    seen_seq: int
    created_at: str


@dataclass(slots=True)
class AlertRow:
    id: int
    watchlist: str
    kind: str
    story_id: str | None
    article_id: str | None
    data: dict[str, Any]
    created_at: str
    digest_id: int | None = None


@dataclass(slots=True)
class NewArticle:
    """An article stored after a watchlist's cursor, with its story."""

    id: str
    seq: int
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    story_id: str | None
    text: str = field(repr=False, default="")


class WatchTables:
    """Reads and writes of the watch tables, shared by both backends (``store.watch``)."""

    def __init__(self, db: Dialect, writing: Writing) -> None:
        self._db = db
        self._writing = writing  # the Store's transaction that names what failed

    # ------------------------------------------------------------ feeds

    def add_feeds(self, feeds: Sequence[tuple[str, str | None, float]], now: str) -> None:
        """Watch these (url, title, interval) feeds; a known feed keeps its state and
        takes the new interval (and title, if given). A new feed, or one whose
        interval changed, is due at once."""
        if not feeds:
            return
        with self._writing(f"add {len(feeds)} feeds"):
            self._db.executemany(
                "INSERT INTO feeds (url, title, interval_s, next_poll, added_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
                " next_poll = CASE WHEN feeds.interval_s = excluded.interval_s"
                " THEN feeds.next_poll ELSE excluded.next_poll END,"
                " interval_s = excluded.interval_s,"
                " title = COALESCE(excluded.title, feeds.title)",
                [(url, title, interval, now, now) for url, title, interval in feeds])

    def feed_states(self, urls: Sequence[str] | None = None) -> list[FeedState]:
        """Feeds (all, or those of ``urls``), by URL."""
        if urls is None:
            rows = self._db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY url").fetchall()
        else:
            rows = []
            for chunk in chunks(list(dict.fromkeys(urls))):
                rows.extend(self._db.execute(
                    f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url IN ({marks(len(chunk))})",
                    chunk).fetchall())
            rows.sort(key=lambda r: r[0])
        return [_feed(r) for r in rows]

    def remove_feed(self, url: str) -> bool:
        with self._writing(f"remove feed {url}"):
            cur = self._db.execute("DELETE FROM feeds WHERE url = ? RETURNING url", (url,))
            return cur.fetchone() is not None

    def save_polls(self, polls: Sequence[tuple[FeedState, Sequence[NewItem]]]) -> int:
        """Record polls: each feed's new state and the items it found, in one
        transaction. Items already seen (in any feed) are left alone; items whose
        URL or text is already stored become ``duplicate`` without a fetch.
        Returns how many items are new."""
        added = 0
        with self._writing(f"record {len(polls)} feed polls"):
            for state, items in polls:
                fresh = self._record_items(state, items) if items else 0
                state.items_seen += fresh
                added += fresh
                self._save_feed(state)
        return added

    def _save_feed(self, s: FeedState) -> None:
        self._db.execute(
            "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?,"
            " next_poll = ?, last_poll = ?, last_success = ?, last_status = ?, last_error = ?,"
            " failures = ?, items_seen = ?, requests = ?, not_modified = ? WHERE url = ?",
            (s.title, s.etag, s.last_modified, s.next_poll, s.last_poll, s.last_success,
             s.last_status, s.last_error, s.failures, s.items_seen, s.requests, s.not_modified,
             s.url))

    def _record_items(self, state: FeedState, items: Sequence[NewItem]) -> int:
        unique = list({i.key: i for i in items}.values())
        known: set[str] = set()
        for chunk in chunks([i.key for i in unique]):
            found_keys = self._db.execute(
                f"SELECT item_key FROM feed_items WHERE item_key IN ({marks(len(chunk))})",
                chunk)
            known.update(str(r[0]) for r in found_keys)
        fresh = [i for i in unique if i.key not in known]
        if not fresh:
            return 0
        stored = self._stored_by_key(fresh)
        now = state.last_poll or state.next_poll
        rows: list[tuple[Any, ...]] = []
        for item in fresh:
            found = stored.get(item.url_key or "") or stored.get(item.text_hash or "")
            rows.append((item.key, state.url, item.url,
                         json.dumps(item.meta, ensure_ascii=False),
                         "duplicate" if found else "pending", found, now,
                         now if found else None))
        self._db.executemany(
            "INSERT INTO feed_items (item_key, feed_url, url, meta, state, article_id, seen_at,"
            " done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_key) DO NOTHING", rows)
        return len(fresh)

    def _stored_by_key(self, items: Sequence[NewItem]) -> dict[str, str]:
        """url_key or text_hash -> id of a stored article having it."""
        out: dict[str, str] = {}
        for column, values in (("url_key", [i.url_key for i in items if i.url_key]),
                               ("text_hash", [i.text_hash for i in items if i.text_hash])):
            for chunk in chunks(values):
                rows = self._db.execute(
                    f"SELECT {column}, id FROM articles WHERE {column} IN"
                    f" ({marks(len(chunk))})", chunk)
                out.update({str(k): str(v) for k, v in rows})
        return out

    # ------------------------------------------------------------ items

    def pending_items(self, limit: int, after: tuple[str, str] | None = None) -> list[ItemRow]:
        """Items found but not yet stored, oldest first, after the (seen_at, key) given."""
        where, params = "state = 'pending'", []
        if after is not None:
            where += " AND (seen_at > ? OR (seen_at = ? AND item_key > ?))"
            params = [after[0], after[0], after[1]]
        rows = self._db.execute(
            f"SELECT item_key, feed_url, url, meta, tries, seen_at FROM feed_items WHERE {where}"
            " ORDER BY seen_at, item_key LIMIT ?", [*params, limit]).fetchall()
        return [ItemRow(str(r[0]), str(r[1]), r[2], json.loads(r[3]), int(r[4]), str(r[5]))
                for r in rows]

    def finish_items(self, done: Sequence[ItemDone], now: str) -> None:
        """Record what became of items (joins the caller's transaction): a
        ``pending`` state counts one more try; stored articles count for the feed."""
        with self._writing(f"update {len(done)} feed items"):
            self._db.executemany(
                "UPDATE feed_items SET state = ?, article_id = COALESCE(?, article_id),"
                " error = ?, tries = tries + 1, done_at = ? WHERE item_key = ?",
                [(d.state, d.article_id, d.error, None if d.state == "pending" else now, d.key)
                 for d in done])
            stored = Counter(d.feed_url for d in done if d.state == "stored")
            self._db.executemany("UPDATE feeds SET articles = articles + ? WHERE url = ?",
                                 [(n, url) for url, n in sorted(stored.items())])

    def item_counts(self) -> dict[str, dict[str, int]]:
        """feed URL -> {state: items}."""
        out: dict[str, dict[str, int]] = {}
        for url, state, n in self._db.execute(
                "SELECT feed_url, state, count(*) FROM feed_items GROUP BY feed_url, state"):
            out.setdefault(str(url), {})[str(state)] = int(n)
        return out

    # ------------------------------------------------------------ watchlists

    def put_watchlist(self, name: str, rules: dict[str, list[str]], sinks: Sequence[str],
                      now: str) -> None:
        """Create or replace a watchlist; a new one alerts on articles stored from now."""
        with self._writing(f"save watchlist {name}"):
            self._db.execute(
                "INSERT INTO watchlists (name, rules, sinks, seen_seq, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                " rules = excluded.rules, sinks = excluded.sinks",
                (name, json.dumps(rules, ensure_ascii=False), json.dumps(list(sinks)),
                 self.max_article_seq(), now))

    def watchlists(self) -> list[WatchlistRow]:
        rows = self._db.execute("SELECT name, rules, sinks, seen_seq, created_at FROM watchlists"
                                " ORDER BY name").fetchall()
        return [WatchlistRow(str(r[0]), json.loads(r[1]), json.loads(r[2]), int(r[3]), r[4])
                for r in rows]

    def get_watchlist(self, name: str) -> WatchlistRow | None:
        return next((w for w in self.watchlists() if w.name == name), None)

    def remove_watchlist(self, name: str) -> bool:
        with self._writing(f"remove watchlist {name}"):
            row = self._db.execute("DELETE FROM watchlists WHERE name = ? RETURNING name",
                                   (name,)).fetchone()
        return row is not None

    def max_article_seq(self) -> int:
        row = self._db.execute("SELECT max(seq) FROM articles").fetchone()
        return int(row[0] or 0)

    # ------------------------------------------------------------ what is new

    def articles_after(self, seq: int, limit: int) -> list[NewArticle]:
        """Originals and copies stored after ``seq``, oldest first, with their story."""
        rows = self._db.execute(
            "SELECT a.id, a.seq, a.title, a.outlet, a.url, a.published, sa.story_id, a.text"
            " FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id"
            " WHERE a.seq > ? ORDER BY a.seq LIMIT ?", (seq, limit)).fetchall()
        return [NewArticle(str(r[0]), int(r[1]), r[2], r[3], r[4], r[5],
                           None if r[6] is None else str(r[6]), str(r[7])) for r in rows]

    def story_first_seqs(self, story_ids: Sequence[str]) -> dict[str, int]:
        """Story id -> seq of its oldest stored article (a story is new when that is new)."""
        out: dict[str, int] = {}
        for chunk in chunks(list(dict.fromkeys(story_ids))):
            rows = self._db.execute(
                "SELECT sa.story_id, min(a.seq) FROM story_articles sa JOIN articles a"
                f" ON a.id = sa.article_id WHERE sa.story_id IN ({marks(len(chunk))})"
                " GROUP BY sa.story_id", chunk)
            out.update({str(s): int(q) for s, q in rows})
        return out

    def alerted_stories(self, watchlist: str) -> set[str]:
        """Stories the watchlist alerted on (where they live now, if merged since)."""
        rows = self._db.execute(
            "SELECT DISTINCT COALESCE(s.merged_into, a.story_id) FROM alerts a"
            " LEFT JOIN stories s ON s.id = a.story_id"
            " WHERE a.watchlist = ? AND a.story_id IS NOT NULL", (watchlist,))
        return {str(r[0]) for r in rows}

    def entity_ids_named(self, names: Sequence[str]) -> set[str]:
        """Canonical ids of entities given by id, canonical name or any alias (any case)."""
        found: set[str] = set()
        for name in names:
            folded = " ".join(name.split()).lower()
            rows = self._db.execute(
                "SELECT id FROM entities WHERE lower(id) = ? OR lower(name) = ?"
                " UNION SELECT entity_id FROM entity_aliases WHERE lower(alias) = ?",
                (folded, folded, folded))
            found.update(str(r[0]) for r in rows)
        return found

    def mentioned_entities(self, article_ids: Sequence[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for chunk in chunks(list(article_ids)):
            rows = self._db.execute(
                "SELECT DISTINCT article_id, entity_id FROM mentions WHERE article_id IN"
                f" ({marks(len(chunk))})", chunk)
            for aid, eid in rows:
                out.setdefault(str(aid), set()).add(str(eid))
        return out

    def matching_articles(self, query: str, article_ids: Sequence[str]) -> set[str]:
        """Those of ``article_ids`` that a full-text query (websearch syntax) matches."""
        out: set[str] = set()
        if self._db.name == "sqlite":
            match = to_fts5(query)
            if match is None:
                return out
            sql = ("SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
                   " WHERE articles_fts MATCH ? AND a.id IN ({})")
        else:
            match = query
            sql = ("SELECT id FROM articles WHERE search @@ websearch_to_tsquery('english', ?)"
                   " AND id IN ({})")
        for chunk in chunks(list(article_ids)):
            rows = self._db.execute(sql.format(marks(len(chunk))), [match, *chunk])
            out.update(str(r[0]) for r in rows)
        return out

    # ------------------------------------------------------------ alerts

    def record_alerts(self, watchlist: str, alerts: Sequence[AlertRow], seen_seq: int,
                      sinks: Sequence[str], now: str) -> int | None:
        """Record a watchlist's alerts of one round as one digest, with a pending
        delivery per sink, and move its cursor to ``seen_seq``; one transaction.

        An alert whose change key the watchlist already has is dropped (never sent
        twice). Returns the digest id, None when nothing was new.
        """
        with self._writing(f"record alerts of watchlist {watchlist}"):
            self._db.execute("UPDATE watchlists SET seen_seq = ? WHERE name = ?",
                             (seen_seq, watchlist))
            if not alerts:
                return None
            digest = int(self._db.execute(
                "INSERT INTO alert_digests (watchlist, created_at) VALUES (?, ?) RETURNING id",
                (watchlist, now)).fetchone()[0])
            kept = 0
            for a in alerts:
                row = self._db.execute(
                    "INSERT INTO alerts (watchlist, change_key, kind, story_id, article_id, data,"
                    " digest_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (watchlist, change_key) DO NOTHING RETURNING id",
                    (watchlist, a.data["key"], a.kind, a.story_id, a.article_id,
                     json.dumps(a.data, ensure_ascii=False), digest, now)).fetchone()
                kept += row is not None
            if not kept:
                self._db.execute("DELETE FROM alert_digests WHERE id = ?", (digest,))
                return None
            self._db.executemany(
                "INSERT INTO alert_deliveries (digest_id, sink, state) VALUES (?, ?, 'pending')",
                [(digest, sink) for sink in dict.fromkeys(sinks)])
        return digest

    def alerts_of(self, watchlist: str | None = None, digest_id: int | None = None,
                  limit: int = 100) -> list[AlertRow]:
        """Alerts of a watchlist (newest first) or of one digest (in order)."""
        params: list[Any]
        if digest_id is not None:
            where, params, order = "digest_id = ?", [digest_id], "id"
        else:
            where, params, order = "watchlist = ?", [watchlist], "id DESC"
        rows = self._db.execute(
            "SELECT id, watchlist, kind, story_id, article_id, data, created_at, digest_id"
            f" FROM alerts WHERE {where} ORDER BY {order} LIMIT ?", [*params, limit]).fetchall()
        return [AlertRow(int(r[0]), str(r[1]), str(r[2]), r[3], r[4], json.loads(r[5]), r[6],
                         None if r[7] is None else int(r[7])) for r in rows]

    def pending_deliveries(self, max_tries: int) -> list[tuple[int, str, str]]:
        """(digest id, watchlist, sink) of digests not yet delivered to a sink."""
        rows = self._db.execute(
            "SELECT d.digest_id, g.watchlist, d.sink FROM alert_deliveries d"
            " JOIN alert_digests g ON g.id = d.digest_id WHERE d.state = 'pending'"
            " AND d.tries < ? ORDER BY d.digest_id, d.sink", (max_tries,)).fetchall()
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def mark_delivery(self, digest_id: int, sink: str, error: str | None, now: str,
                      max_tries: int) -> None:
        """A delivery attempt: sent, or one more failed try (given up at ``max_tries``)."""
        with self._writing("record an alert delivery"):
            if error is None:
                self._db.execute(
                    "UPDATE alert_deliveries SET state = 'sent', tries = tries + 1, error = NULL,"
                    " sent_at = ? WHERE digest_id = ? AND sink = ?", (now, digest_id, sink))
            else:
                self._db.execute(
                    "UPDATE alert_deliveries SET tries = tries + 1, error = ?, state = CASE"
                    " WHEN tries + 1 >= ? THEN 'failed' ELSE 'pending' END"
                    " WHERE digest_id = ? AND sink = ?", (error, max_tries, digest_id, sink))

    def delivery_counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT state, count(*) FROM alert_deliveries GROUP BY state")
        return {str(s): int(n) for s, n in rows}


def _feed(r: Sequence[Any]) -> FeedState:
    return FeedState(
        url=str(r[0]), title=r[1], interval_s=float(r[2]), etag=r[3], last_modified=r[4],
        next_poll=str(r[5]), last_poll=r[6], last_success=r[7],
        last_status=None if r[8] is None else int(r[8]), last_error=r[9], failures=int(r[10]),
        items_seen=int(r[11]), articles=int(r[12]), requests=int(r[13]),
        not_modified=int(r[14]))
