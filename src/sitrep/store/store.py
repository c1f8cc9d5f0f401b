"""The Store: one class over both backends (see dialect.py for what differs)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Literal

from sitrep import config
from sitrep.errors import NotFoundError, StoreError
from sitrep.extract.chrome_spans import readable
from sitrep.models import Annotations, Article, EntityMention, normalise_text
from sitrep.store.codec import decode_layers, encode_layers
from sitrep.store.dedup import (
    COPY_THRESHOLD,
    canonical_url,
    estimate_jaccard,
    identity_hash,
    near_fingerprint,
    pack_signature,
    unpack_signature,
)
from sitrep.store.dialect import Dialect, PostgresDialect, SqliteDialect
from sitrep.store.migrations import applied_migrations, migrate, utc_now
from sitrep.store.outcomes import AddOutcome, EntityRecord, IngestRun, SearchHit
from sitrep.store.reads import StoreReads
from sitrep.store.stories import StoryTables
from sitrep.store.watch import WatchTables

DEFAULT_DB = "sitrep.db"
ArticleOrder = Literal["published", "added", "id"]

_ARTICLE_COLUMNS = "id, source, text, url, title, outlet, author, published, language, extra"
_ORDER_BY: dict[str, str] = {
    "published": "published_sort IS NULL, published_sort, seq",
    "added": "seq",
    "id": "id",
}


def open_store(db: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store named by ``db``.

    None or "" means the settings' [store] db ($SITREP_DB) if set, else ``sitrep.db`` in the current
    folder; ``postgresql://`` or ``postgres://`` URLs mean PostgreSQL;
    anything else is an SQLite file path (``:memory:`` for a throwaway store).
    """
    target = db or config.current().store.db or DEFAULT_DB
    dialect: Dialect
    if target.startswith(("postgresql://", "postgres://")):
        dialect = PostgresDialect(target)
    else:
        dialect = SqliteDialect(target)
    try:
        migrate(dialect)
    except dialect.errors as exc:
        dialect.close()
        raise StoreError(f"cannot set up the store {dialect.describe}: {exc}") from exc
    except BaseException:
        dialect.close()
        raise
    return Store(dialect)


class Store:
    """Articles, their annotations and canonical entities, in SQLite or PostgreSQL.

    Open with :func:`open_store`; use as a context manager or call
    :meth:`close`. Every write method is one transaction. Its parts own the
    rest of the SQL: ``stories`` (story tables), ``watch`` (feeds, watchlists,
    alerts) and ``reads`` (read-only queries for browsing: lists, pages, charts).
    """

    def __init__(self, dialect: Dialect) -> None:
        self._db = dialect
        self.stories = StoryTables(dialect, self._writing)
        self.watch = WatchTables(dialect, self._writing)
        self.reads = StoreReads(dialect)

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._db.name

    @property
    def describe(self) -> str:
        """Where the store lives, for messages (no password)."""
        return self._db.describe

    def migrations(self) -> list[str]:
        """Names of the applied migrations, oldest first."""
        return applied_migrations(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    @contextlib.contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """A transaction whose driver errors become a StoreError that says so."""
        try:
            with self._db.transaction():
                yield
        except self._db.errors as exc:
            raise StoreError(f"could not {what} in {self.describe}: {exc}; "
                             "nothing of this write was kept") from exc

    def add_articles(self, articles: Sequence[Article],
                     annotations: Sequence[Annotations | None] | None = None,
                     *, run_id: int | None = None) -> list[AddOutcome]:
        """Store a batch in one transaction: all of it, or on any error none of it.

        ``annotations[i]`` belongs to ``articles[i]``. Articles already in the
        store (same id, canonical URL or normalised text, also earlier in the
        same batch) are skipped as duplicates; near-duplicates are stored as
        copies of their original. ``run_id`` (from :meth:`ingest_run`) adds
        the outcome counts to that run, in the same transaction.
        """
        if annotations is not None and len(annotations) != len(articles):
            raise ValueError("annotations must be None or have one entry per article")
        layers = annotations if annotations is not None else [None] * len(articles)
        outcomes: list[AddOutcome] = []
        with self._writing(f"add {len(articles)} articles"):
            now = utc_now()
            for article, ann in zip(articles, layers, strict=True):
                outcomes.append(self._add_one(article, ann, now, run_id))
            if run_id is not None:
                self._count_run(run_id, outcomes)
        return outcomes

    def _add_one(self, article: Article, ann: Annotations | None, now: str,
                 run_id: int | None) -> AddOutcome:
        url_key = canonical_url(article.url)
        normal = normalise_text(article.text)
        thash = identity_hash(normal, article.title)
        # A text without words (a video page) is identified by id and URL only.
        existing = self._find_duplicate(article.id, url_key, thash if normal else None)
        if existing is not None:
            return self._duplicate(article.id, existing)
        # Copies are judged on the report, not the page chrome a record carries
        # (chrome_spans): two pages of one outlet share its login form and footer.
        seen = readable(article)
        prints = near_fingerprint(normal if seen is article.text else normalise_text(seen), thash)
        sig = prints.signature
        original, similarity = self._find_original(sig, prints.bands) if sig else (None, None)
        # DO NOTHING: another writer may have stored the same id or URL since the check
        # above (two ingests of one file at once); then this one is its duplicate.
        inserted = self._db.execute(
            "INSERT INTO articles (id, source, url, url_key, title, outlet, author, published,"
            " published_sort, language, text, extra, text_hash, signature, copy_of, similarity,"
            " added_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING RETURNING seq",
            (article.id, article.source, article.url, url_key, article.title, article.outlet,
             article.author, article.published, published_sort(article.published),
             article.language, article.text, json.dumps(article.extra, ensure_ascii=False),
             prints.text_hash, pack_signature(sig) if sig else None, original, similarity, now,
             run_id)).fetchone()
        if inserted is None:
            return self._duplicate(article.id, self._find_duplicate(article.id, url_key, None)
                                   or article.id)
        if prints.bands:
            # One multi-row statement: a round trip per band would dominate on PostgreSQL.
            self._db.execute(
                "INSERT INTO minhash_bands (hash, band, article_id) VALUES "
                + ", ".join(["(?, ?, ?)"] * len(prints.bands)) + " ON CONFLICT DO NOTHING",
                [v for band, key in prints.bands for v in (key, band, article.id)])
        if ann is not None:
            self._write_annotations(article.id, ann)
        if original is not None:
            return AddOutcome(article.id, "copy", of=original, similarity=similarity)
        return AddOutcome(article.id, "added")

    def _duplicate(self, article_id: str, existing: str) -> AddOutcome:
        if existing != article_id:  # keep the dropped id: exports still list it
            self._db.execute(
                "INSERT INTO article_aliases (alias_id, article_id) VALUES (?, ?)"
                " ON CONFLICT (alias_id) DO NOTHING", (article_id, existing))
        return AddOutcome(article_id, "duplicate", of=existing)

    def _find_duplicate(self, article_id: str, url_key: str | None,
                        thash: str | None) -> str | None:
        row = self._db.execute(
            "SELECT id FROM articles WHERE id = ? OR url_key = ? OR text_hash = ?"
            " ORDER BY CASE WHEN id = ? THEN 0 WHEN url_key = ? THEN 1 ELSE 2 END LIMIT 1",
            (article_id, url_key, thash, article_id, url_key)).fetchone()
        return None if row is None else str(row[0])

    def _find_original(self, sig: list[int],
                       bands: list[tuple[int, int]]) -> tuple[str | None, float | None]:
        """The original of the closest stored article sharing an LSH band, if close enough."""
        keys = [key for _, key in bands]
        rows = self._db.execute(
            "SELECT id, copy_of, signature FROM articles WHERE id IN (SELECT article_id FROM"
            f" minhash_bands WHERE hash IN ({', '.join('?' * len(keys))})) ORDER BY seq",
            keys).fetchall()
        best: tuple[float, str] | None = None
        for found_id, copy_of, packed in rows:
            similarity = estimate_jaccard(sig, unpack_signature(packed))
            if similarity >= COPY_THRESHOLD and (best is None or similarity > best[0]):
                best = (similarity, str(copy_of or found_id))
        return (None, None) if best is None else (best[1], best[0])

    def _write_annotations(self, article_id: str, ann: Annotations) -> None:
        self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        self._db.execute("DELETE FROM annotations WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT INTO annotations (article_id, layer, data) VALUES (?, ?, ?)",
            [(article_id, layer, data) for layer, data in encode_layers(ann).items()])
        mentions = [m for m in ann.entities if m.entity_id]
        if not mentions:
            return
        # First writer names the entity; a later mention may fill in a missing country
        # or place.
        self._db.executemany(
            "INSERT INTO entities (id, name, type, country, geonameid, lat, lon)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " country = COALESCE(entities.country, excluded.country),"
            " geonameid = COALESCE(entities.geonameid, excluded.geonameid),"
            " lat = COALESCE(entities.lat, excluded.lat),"
            " lon = COALESCE(entities.lon, excluded.lon)",
            [(m.entity_id, m.name, m.type, m.country, *_place_columns(m)) for m in mentions])
        aliases = {(m.entity_id, " ".join(alias.split()))
                   for m in mentions for alias in (m.name, m.text) if alias.strip()}
        self._db.executemany(
            "INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING",
            sorted(aliases))
        self._db.executemany(
            "INSERT INTO mentions (article_id, entity_id, start_char, end_char, text)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(article_id, m.entity_id, m.start, m.end, m.text) for m in mentions])

    def put_annotations(self, article_id: str, annotations: Annotations) -> None:
        """Replace the annotations (and entity mentions) of a stored article."""
        with self._writing(f"annotate article {article_id}"):
            self._require_article(article_id)
            self._write_annotations(article_id, annotations)

    @contextlib.contextmanager
    def ingest_run(self, inputs: Sequence[str]) -> Iterator[int]:
        """Record an ingest run; yields its id for :meth:`add_articles`.

        The run is marked finished only when the block ends without error, so
        a killed or failed ingest shows as unfinished, with the counts of the
        batches it did commit.
        """
        with self._writing("start an ingest run"):
            row = self._db.execute(
                "INSERT INTO ingest_runs (started_at, inputs) VALUES (?, ?) RETURNING id",
                (utc_now(), json.dumps(list(inputs), ensure_ascii=False))).fetchone()
        run_id = int(row[0])
        yield run_id
        with self._writing("finish an ingest run"):
            self._db.execute("UPDATE ingest_runs SET finished_at = ? WHERE id = ?",
                             (utc_now(), run_id))

    def count_skipped(self, run_id: int, duplicates: int) -> None:
        """Count articles an ingest skipped itself (e.g. after :meth:`known_ids`) as
        duplicates of the run, so its record says what the run saw."""
        with self._writing("update an ingest run"):
            self._bump_run(run_id, 0, duplicates, 0)

    def _count_run(self, run_id: int, outcomes: Sequence[AddOutcome]) -> None:
        counts = {s: sum(1 for o in outcomes if o.status == s)
                  for s in ("added", "duplicate", "copy")}
        self._bump_run(run_id, counts["added"], counts["duplicate"], counts["copy"])

    def _bump_run(self, run_id: int, added: int, duplicates: int, copies: int) -> None:
        self._db.execute(
            "UPDATE ingest_runs SET added = added + ?, duplicates = duplicates + ?,"
            " copies = copies + ? WHERE id = ?", (added, duplicates, copies, run_id))

    # ------------------------------------------------------------ reading

    def ingest_runs(self) -> list[IngestRun]:
        rows = self._db.execute(
            "SELECT id, started_at, finished_at, inputs, added, duplicates, copies"
            " FROM ingest_runs ORDER BY id").fetchall()
        return [IngestRun(int(r[0]), r[1], r[2], json.loads(r[3]), int(r[4]), int(r[5]),
                          int(r[6])) for r in rows]

    def _require_article(self, article_id: str) -> None:
        if not self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
            raise self._not_found(article_id)

    def _not_found(self, article_id: str) -> NotFoundError:
        return NotFoundError(f"no article {article_id!r} in {self.describe}",
                             hint="list_articles")

    def get_article(self, article_id: str) -> Article:
        row = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
        if row is None:
            raise self._not_found(article_id)
        return _article(row)

    def iter_articles(self, order: ArticleOrder = "published",
                      include_copies: bool = True) -> Iterator[Article]:
        """All articles: by publication date (undated last), insertion order or id."""
        if order not in _ORDER_BY:
            raise ValueError(f"order must be one of {', '.join(_ORDER_BY)}")
        where = "" if include_copies else " WHERE copy_of IS NULL"
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles{where} ORDER BY {_ORDER_BY[order]}"
        for row in self._db.iter_rows(sql):
            yield _article(row)

    def known_ids(self, article_ids: Sequence[str]) -> set[str]:
        """The given ids that are stored: lets an ingest skip work on what it already has."""
        known: set[str] = set()
        unique = list(dict.fromkeys(article_ids))
        for start in range(0, len(unique), 500):  # stay well under parameter limits
            chunk = unique[start:start + 500]
            rows = self._db.execute(
                f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
            known.update(str(r[0]) for r in rows)
        return known

    def count_articles(self, include_copies: bool = True) -> int:
        where = "" if include_copies else " WHERE copy_of IS NULL"
        return int(self._db.execute(f"SELECT count(*) FROM articles{where}").fetchone()[0])

    def copies_of(self, article_id: str) -> list[str]:
        """Ids of the stored copies of an article, oldest first."""
        self._require_article(article_id)
        rows = self._db.execute("SELECT id FROM articles WHERE copy_of = ? ORDER BY seq",
                                (article_id,)).fetchall()
        return [str(r[0]) for r in rows]

    def original_of(self, article_id: str) -> str | None:
        """The id of the article this one copies, None for an original."""
        row = self._db.execute("SELECT copy_of FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
        if row is None:
            raise self._not_found(article_id)
        return None if row[0] is None else str(row[0])

    def set_original(self, original: str, copies: Sequence[str]) -> None:
        """Make ``original`` the original of a group of near-copies and the others its
        copies (the settle's order-free choice; call inside a transaction)."""
        for start in range(0, len(copies), 500):
            chunk = list(copies[start:start + 500])
            # The pair's similarity goes to the former original (Jaccard is symmetric).
            self._db.execute(
                "UPDATE articles SET similarity = (SELECT similarity FROM articles WHERE id = ?)"
                f" WHERE id IN ({', '.join('?' * len(chunk))}) AND copy_of IS NULL",
                [original, *chunk])
            self._db.execute(
                f"UPDATE articles SET copy_of = ? WHERE id IN ({', '.join('?' * len(chunk))})",
                [original, *chunk])
        self._db.execute("UPDATE articles SET copy_of = NULL, similarity = NULL WHERE id = ?",
                         (original,))

    def copy_links(self) -> dict[str, str]:
        """Every stored copy's id -> its original's id, in one query."""
        rows = self._db.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL")
        return {str(r[0]): str(r[1]) for r in rows.fetchall()}

    def search(self, query: str, limit: int = 20,
               include_copies: bool = False) -> list[SearchHit]:
        """Full-text search, best first (websearch syntax: words, "phrases", OR, -word).

        Any query is safe: characters that are query syntax elsewhere are read
        as plain text. Copies are left out unless ``include_copies``.
        """
        if limit <= 0:
            return []
        try:
            rows = self._db.search(query, limit, include_copies)
        except self._db.errors as exc:
            raise StoreError(f"search failed in {self.describe}: {exc}") from exc
        return [SearchHit(str(r[0]), r[1], r[2], r[3], str(r[4] or ""), float(r[5]))
                for r in rows]

    def get_annotations(self, article_id: str) -> Annotations | None:
        """The stored annotations of an article, None if it was stored without them."""
        rows = self._db.execute("SELECT layer, data FROM annotations WHERE article_id = ?",
                                (article_id,)).fetchall()
        if not rows:
            self._require_article(article_id)
            return None
        return decode_layers({str(layer): str(data) for layer, data in rows})

    def iter_entities(self) -> Iterator[EntityRecord]:
        """Canonical entities, most widely reported first."""
        aliases: dict[str, list[str]] = {}
        for entity_id, alias in self._db.execute(
                "SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, alias"):
            aliases.setdefault(str(entity_id), []).append(str(alias))
        sql = """
            SELECT e.id, e.name, e.type, e.country,
                   count(m.article_id) AS mentions, count(DISTINCT m.article_id) AS articles,
                   e.geonameid, e.lat, e.lon
            FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
            GROUP BY e.id, e.name, e.type, e.country, e.geonameid, e.lat, e.lon
            ORDER BY articles DESC, mentions DESC, e.id"""
        for row in self._db.iter_rows(sql):
            yield EntityRecord(id=str(row[0]), name=row[1], type=row[2], country=row[3],
                               aliases=aliases.get(str(row[0]), []), mentions=int(row[4]),
                               articles=int(row[5]), geonameid=row[6], lat=row[7], lon=row[8])


def _place_columns(m: EntityMention) -> tuple[int | None, float | None, float | None]:
    """GeoNames id and point of the place a mention's entity is (not of an
    organisation that merely holds a place in its name)."""
    place = m.place if m.is_place() else None
    if place is None:
        return None, None, None
    return place.get("geonameid"), place.get("lat"), place.get("lon")


def _article(row: Sequence[Any]) -> Article:
    aid, source, text, url, title, outlet, author, published, language, extra = row
    return Article(id=aid, source=source, text=text, url=url, title=title, outlet=outlet,
                   author=author, published=published, language=language,
                   extra=json.loads(extra) if extra else {})


def published_sort(published: str | None) -> str | None:
    """A sort key for ISO dates and date-times: UTC, no offset; None when unparseable."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat()
