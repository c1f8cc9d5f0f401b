"""The seam between the one Store class and its two backends.

Store code writes SQL once, with ``?`` placeholders and the ``INSERT ... ON
CONFLICT`` upsert both SQLite (3.24+) and PostgreSQL understand. A dialect
connects, runs statements (rewriting placeholders for psycopg), opens
transactions, lists tables, and runs full-text search, the one query that
differs in substance (FTS5 vs tsvector).
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Protocol

import psycopg

from sitrep.errors import StoreError
from sitrep.outlets import register_sqlite as register_outlet_function
from sitrep.store.query import to_fts5

SearchRow = tuple[str, str | None, str | None, str | None, str, float]

# Statement timeout for SQLite locks: another writer (a second ingest) holds
# the write lock for one batch; wait for it rather than fail at once.
BUSY_TIMEOUT_S = 30.0
WAL_LIMIT_BYTES = 64 * 1024 * 1024
# Pages a connection keeps in memory (SQLite's default is 2 MB). Each story decision reads
# the term index, the counts and some 20 stories' rows; past a few thousand stored
# articles those pages outgrow 2 MB and every decision reads most of them again from
# the file (system calls, cost that grew with the store). Filled only as pages are read.
PAGE_CACHE_KIB = 64 * 1024
_SNIPPET_OPEN, _SNIPPET_CLOSE = "[", "]"
CHUNK = 500  # parameters per IN list, well under every backend's limit


def marks(n: int) -> str:
    """``n`` comma-separated ``?`` placeholders."""
    return ", ".join("?" * n)


def chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    """``items`` in slices of at most CHUNK (one IN list each)."""
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Dialect(ABC):
    """A connection to one backend and the SQL details that differ."""

    name: ClassVar[str]
    types: ClassVar[dict[str, str]]
    describe: str
    errors: tuple[type[Exception], ...]

    def __init__(self) -> None:
        self._depth = 0
        # Outer transactions rolled back on this connection: what a cache of the rows
        # read and written in them (vectors.Idf's counts) must not outlive.
        self.rollbacks = 0

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of a query, fetched lazily (a long export never sits in memory)."""

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._outer_transaction():
                yield
        except BaseException:
            self.rollbacks += 1
            raise
        finally:
            self._depth = 0

    @abstractmethod
    def _outer_transaction(self) -> contextlib.AbstractContextManager[None]:
        """Begin, then commit, or roll back on any exception."""

    @abstractmethod
    def lock_migrations(self) -> None:
        """Serialise migrations between processes (inside a transaction)."""

    @abstractmethod
    def lock_stories(self) -> None:
        """Serialise story writers (inside a transaction): each reads the story state,
        the counts and the index as the previous writer left them."""

    @abstractmethod
    def table_names(self) -> set[str]: ...

    @abstractmethod
    def column_names(self, table: str) -> set[str]: ...

    @abstractmethod
    def search(self, query: str, limit: int, include_copies: bool) -> list[SearchRow]:
        """(id, title, outlet, published, snippet, score) best first."""

    @abstractmethod
    def close(self) -> None: ...


class SqliteDialect(Dialect):
    name = "sqlite"
    types: ClassVar[dict[str, str]] = {"pk": "INTEGER PRIMARY KEY", "blob": "BLOB"}
    errors = (sqlite3.Error,)

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.describe = "the in-memory SQLite store" if path == ":memory:" else f"{path}"
        self.conn = _connect_sqlite(path)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        # A cursor of its own, so writes on the connection don't reset it.
        cur = self.conn.cursor()
        try:
            yield from cur.execute(sql, params)
        finally:
            cur.close()

    @contextlib.contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front: no deadlock upgrading a read.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def lock_migrations(self) -> None:
        pass  # BEGIN IMMEDIATE already holds the database write lock

    def lock_stories(self) -> None:
        pass  # likewise

    def table_names(self) -> set[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(r[0]) for r in rows}

    def column_names(self, table: str) -> set[str]:
        rows = self.conn.execute("SELECT name FROM pragma_table_info(?)", (table,))
        return {str(r[0]) for r in rows}

    def search(self, query: str, limit: int, include_copies: bool) -> list[SearchRow]:
        match = to_fts5(query)
        if match is None:
            return []
        # bm25 is lower-is-better; title hits weigh four times body hits.
        sql = f"""
            SELECT a.id, a.title, a.outlet, a.published,
                   snippet(articles_fts, 1, '{_SNIPPET_OPEN}', '{_SNIPPET_CLOSE}', ' … ', 24),
                   -bm25(articles_fts, 4.0, 1.0) AS score
            FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
            WHERE articles_fts MATCH ? {"" if include_copies else "AND a.copy_of IS NULL"}
            ORDER BY score DESC, a.seq
            LIMIT ?"""
        return [tuple(r) for r in self.conn.execute(sql, (match, limit))]

    def close(self) -> None:
        self.conn.close()


def _connect_sqlite(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        target = Path(path)
        if target.is_dir():
            raise StoreError(f"{path} is a folder, not a store file; use a file path "
                             "such as sitrep.db", hint="db")
        if not target.parent.exists():
            raise StoreError(f"cannot create the store {path}: folder {target.parent} does not "
                             "exist; create it or use another path", hint="db")
    try:
        # isolation_level=None: this module issues BEGIN/COMMIT itself.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the store {path}: {exc}; check the path and its "
                         "permissions") from exc
    try:
        # Reading the schema reads the header: a file that is not SQLite fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA foreign_keys = ON")
        register_outlet_function(conn)  # queries that filter by outlet call it
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if path != ":memory:":
            # WAL: readers (the web app, an export) never block the ingest writer.
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe in WAL
            # Never map the store file: a page of a mapped file that another process
            # shrinks (a checkpoint after a VACUUM) is a SIGBUS, not an error (the
            # build's default is 0; a build or an environment may set it otherwise).
            conn.execute("PRAGMA mmap_size = 0").fetchone()
            # A reader holding a snapshot during a long ingest lets the WAL grow; cut it
            # back to this size when it restarts instead of keeping its peak forever.
            conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}").fetchone()
            conn.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise StoreError(f"{path} is not a sitrep store (not an SQLite database); use "
                             "a new file path or an existing sitrep store", hint="db") from exc
        raise StoreError(f"cannot open the store {path}: {exc}") from exc
    return conn


@lru_cache(maxsize=512)
def _to_pyformat(sql: str) -> str:
    # psycopg takes %s; a literal % must be doubled. Store SQL has no ? in strings.
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDialect(Dialect):
    name = "postgresql"
    types: ClassVar[dict[str, str]] = {
        "pk": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        "blob": "BYTEA",
    }
    errors = (psycopg.Error,)
    _cursor_ids = itertools.count()
    _LOCK_KEY = 0x5_17E2_E9  # any constant: pg_advisory_xact_lock key for migrations

    def __init__(self, url: str) -> None:
        super().__init__()
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot reach PostgreSQL at {redact(url)}: {_first_line(exc)}; check that the "
                "server is running and the URL (user, host, port, database) is right"
            ) from exc
        info = self.conn.info
        schema = self.conn.execute("SELECT current_schema()").fetchone()
        if schema is None or schema[0] is None:
            self.conn.close()
            raise StoreError(f"PostgreSQL at {redact(url)}: no schema in search_path exists; "
                             "create the schema (CREATE SCHEMA ...) or fix options=-csearch_path")
        self.schema = str(schema[0])
        self.describe = (f"PostgreSQL {info.dbname} on {info.host}:{info.port} "
                         f"(schema {self.schema})")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.conn.execute(_to_pyformat(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(_to_pyformat(sql), rows)

    def iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        # A server-side cursor; WITH HOLD because the connection is in autocommit.
        name = f"sitrep_rows_{next(self._cursor_ids)}"
        with self.conn.cursor(name=name, withhold=True) as cur:
            cur.execute(_to_pyformat(sql), params)
            yield from cur

    @contextlib.contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def lock_migrations(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (self._LOCK_KEY,))

    def lock_stories(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (self._LOCK_KEY + 1,))

    def table_names(self) -> set[str]:
        rows = self.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (self.schema,))
        return {str(r[0]) for r in rows}

    def column_names(self, table: str) -> set[str]:
        rows = self.conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s", (self.schema, table))
        return {str(r[0]) for r in rows}

    def search(self, query: str, limit: int, include_copies: bool) -> list[SearchRow]:
        # Rank in the inner query, headline only the rows kept (ts_headline is slow).
        # ts_rank normalisation 1 divides by 1 + log(length), like bm25's length term.
        sql = f"""
            SELECT id, title, outlet, published,
                   ts_headline('english', text, q, %s), score
            FROM (SELECT a.id, a.title, a.outlet, a.published, a.text, a.seq, q,
                         ts_rank(a.search, q, 1) AS score
                  FROM articles a, websearch_to_tsquery('english', %s) AS q
                  WHERE a.search @@ q {"" if include_copies else "AND a.copy_of IS NULL"}
                  ORDER BY score DESC, a.seq
                  LIMIT %s) hits
            ORDER BY score DESC, seq"""
        options = (f"StartSel={_SNIPPET_OPEN}, StopSel={_SNIPPET_CLOSE}, MaxWords=30, "
                   "MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"")
        rows = self.conn.execute(sql, (options, query, limit)).fetchall()
        return [(r[0], r[1], r[2], r[3], r[4], float(r[5])) for r in rows]

    def close(self) -> None:
        self.conn.close()


def redact(url: str) -> str:
    """A connection URL without its password, for messages."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "the given URL"
    host = parts.get("host") or "localhost"
    port = parts.get("port") or "5432"
    return f"{parts.get('user') or ''}{'@' if parts.get('user') else ''}{host}:{port}/" \
           f"{parts.get('dbname') or ''}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
