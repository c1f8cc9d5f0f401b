"""Schema migrations, applied in order when a store is opened.

Each migration runs in its own transaction and is recorded in the
``migrations`` table (name, applied_at). A migration is a list of statements
written once, with ``{pk}`` (an auto-numbered integer primary key) and
``{blob}`` filled in per dialect, plus statements only one backend needs
(full-text search differs). Never edit a released migration: append a new one
(later issues add events, stories, claims this way).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sitrep.errors import StoreError
from sitrep.store.dialect import Dialect


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    common: list[str]
    sqlite: list[str] = field(default_factory=list)
    postgresql: list[str] = field(default_factory=list)

    def statements(self, dialect: Dialect) -> list[str]:
        own = self.sqlite if dialect.name == "sqlite" else self.postgresql
        return [s.format(**dialect.types) for s in self.common] + own


MIGRATIONS: list[Migration] = [
    Migration(
        "0001_articles",
        common=[
            """CREATE TABLE ingest_runs (
                id {pk},
                started_at TEXT NOT NULL,
                finished_at TEXT,
                inputs TEXT NOT NULL DEFAULT '[]',
                added INTEGER NOT NULL DEFAULT 0,
                duplicates INTEGER NOT NULL DEFAULT 0,
                copies INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE articles (
                seq {pk},
                id TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL,
                url TEXT,
                url_key TEXT UNIQUE,
                title TEXT,
                outlet TEXT,
                author TEXT,
                published TEXT,
                published_sort TEXT,
                language TEXT,
                text TEXT NOT NULL,
                extra TEXT NOT NULL DEFAULT '{{}}',
                text_hash TEXT NOT NULL,
                signature {blob},
                copy_of TEXT REFERENCES articles(id),
                similarity DOUBLE PRECISION,
                added_at TEXT NOT NULL,
                run_id BIGINT REFERENCES ingest_runs(id)
            )""",
            "CREATE INDEX articles_text_hash ON articles(text_hash)",
            "CREATE INDEX articles_copy_of ON articles(copy_of)",
            "CREATE INDEX articles_published ON articles(published_sort, seq)",
            """CREATE TABLE minhash_bands (
                hash BIGINT NOT NULL,
                band INTEGER NOT NULL,
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                PRIMARY KEY (hash, band, article_id)
            )""",
            "CREATE INDEX minhash_bands_article ON minhash_bands(article_id)",
        ],
    ),
    Migration(
        "0002_annotations_entities",
        common=[
            """CREATE TABLE annotations (
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                layer TEXT NOT NULL,
                data TEXT NOT NULL,
                PRIMARY KEY (article_id, layer)
            )""",
            """CREATE TABLE entities (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                type TEXT NOT NULL,
                country TEXT
            )""",
            """CREATE TABLE entity_aliases (
                entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                alias TEXT NOT NULL,
                PRIMARY KEY (entity_id, alias)
            )""",
            "CREATE INDEX entity_aliases_alias ON entity_aliases(alias)",
            """CREATE TABLE mentions (
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                entity_id TEXT NOT NULL REFERENCES entities(id),
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (article_id, start_char, end_char, entity_id)
            )""",
            "CREATE INDEX mentions_entity ON mentions(entity_id)",
        ],
    ),
    Migration(
        "0003_search",
        common=[],
        # External-content FTS5 over articles(title, text), kept in sync by
        # triggers, so it is written in the same transaction as the article.
        # rowid is articles.seq: an explicit INTEGER PRIMARY KEY, which VACUUM
        # never renumbers.
        sqlite=[
            """CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles', content_rowid='seq',
                tokenize='porter unicode61 remove_diacritics 2'
            )""",
            """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, title, text)
                VALUES (new.seq, new.title, new.text);
            END""",
            """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.seq, old.title, old.text);
            END""",
            """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text)
                VALUES ('delete', old.seq, old.title, old.text);
                INSERT INTO articles_fts(rowid, title, text)
                VALUES (new.seq, new.title, new.text);
            END""",
        ],
        # A generated column is recomputed by the server on every write.
        postgresql=[
            """ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
                || setweight(to_tsvector('english'::regconfig, text), 'B')
            ) STORED""",
            "CREATE INDEX articles_search ON articles USING GIN (search)",
        ],
    ),
    # Stories (see store/stories.py): incremental clustering state. A story's
    # centroid is JSON {term: weight}; story_terms indexes its top terms for
    # candidate retrieval (newest activity first); term_df keeps document
    # frequencies (the row with term '' counts the documents).
    Migration(
        "0004_stories",
        common=[
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                title TEXT,
                title_article TEXT,
                title_score DOUBLE PRECISION NOT NULL DEFAULT -1,
                first_date TEXT,
                last_date TEXT,
                articles INTEGER NOT NULL DEFAULT 0,
                members INTEGER NOT NULL DEFAULT 0,
                centroid TEXT NOT NULL DEFAULT '{{}}',
                norm DOUBLE PRECISION NOT NULL DEFAULT 0,
                activity BIGINT NOT NULL DEFAULT 0,
                merged_into TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            "CREATE INDEX stories_activity ON stories(activity)",
            """CREATE TABLE story_articles (
                article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                story_id TEXT NOT NULL REFERENCES stories(id),
                score DOUBLE PRECISION,
                how TEXT NOT NULL,
                pinned INTEGER NOT NULL DEFAULT 0,
                assigned_at TEXT NOT NULL
            )""",
            "CREATE INDEX story_articles_story ON story_articles(story_id)",
            """CREATE TABLE story_features (
                article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                terms TEXT NOT NULL,
                day TEXT
            )""",
            """CREATE TABLE story_terms (
                term TEXT NOT NULL,
                story_id TEXT NOT NULL REFERENCES stories(id),
                activity BIGINT NOT NULL,
                PRIMARY KEY (term, story_id)
            )""",
            "CREATE INDEX story_terms_recent ON story_terms(term, activity)",
            "CREATE INDEX story_terms_story ON story_terms(story_id)",
            """CREATE TABLE term_df (
                term TEXT PRIMARY KEY,
                df BIGINT NOT NULL
            )""",
            """CREATE TABLE story_log (
                id {pk},
                at TEXT NOT NULL,
                action TEXT NOT NULL,
                manual INTEGER NOT NULL,
                story_id TEXT NOT NULL,
                other_id TEXT,
                articles TEXT NOT NULL DEFAULT '[]',
                note TEXT
            )""",
            "CREATE INDEX story_log_story ON story_log(story_id)",
            "CREATE INDEX story_log_other ON story_log(other_id)",
        ],
    ),
    Migration(
        # Ids of articles dropped as exact duplicates of a stored one (same normalised
        # text or canonical URL under another id), so exports can still list them.
        "0005_article_aliases",
        common=[
            """CREATE TABLE article_aliases (
                alias_id TEXT PRIMARY KEY,
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
            )""",
            "CREATE INDEX article_aliases_article ON article_aliases(article_id)",
        ],
    ),
    # Live monitoring (see store/watch.py and sitrep.watch): feed state and the
    # items each poll found, saved watchlists, the alerts sent (one row per
    # change, so a change never alerts twice), their digests and deliveries.
    Migration(
        "0006_watch",
        common=[
            """CREATE TABLE feeds (
                url TEXT PRIMARY KEY,
                title TEXT,
                interval_s DOUBLE PRECISION NOT NULL,
                etag TEXT,
                last_modified TEXT,
                next_poll TEXT NOT NULL,
                last_poll TEXT,
                last_success TEXT,
                last_status INTEGER,
                last_error TEXT,
                failures INTEGER NOT NULL DEFAULT 0,
                items_seen BIGINT NOT NULL DEFAULT 0,
                articles BIGINT NOT NULL DEFAULT 0,
                requests BIGINT NOT NULL DEFAULT 0,
                not_modified BIGINT NOT NULL DEFAULT 0,
                added_at TEXT NOT NULL
            )""",
            """CREATE TABLE feed_items (
                item_key TEXT PRIMARY KEY,
                feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
                url TEXT,
                meta TEXT NOT NULL,
                state TEXT NOT NULL,
                tries INTEGER NOT NULL DEFAULT 0,
                article_id TEXT,
                error TEXT,
                seen_at TEXT NOT NULL,
                done_at TEXT
            )""",
            "CREATE INDEX feed_items_state ON feed_items(state, seen_at)",
            "CREATE INDEX feed_items_feed ON feed_items(feed_url)",
            """CREATE TABLE watchlists (
                name TEXT PRIMARY KEY,
                rules TEXT NOT NULL,
                sinks TEXT NOT NULL DEFAULT '[]',
                seen_seq BIGINT NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE alert_digests (
                id {pk},
                watchlist TEXT NOT NULL REFERENCES watchlists(name) ON DELETE CASCADE,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE alerts (
                id {pk},
                watchlist TEXT NOT NULL REFERENCES watchlists(name) ON DELETE CASCADE,
                change_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                story_id TEXT,
                article_id TEXT,
                data TEXT NOT NULL,
                digest_id BIGINT REFERENCES alert_digests(id) ON DELETE CASCADE,
                created_at TEXT NOT NULL,
                UNIQUE (watchlist, change_key)
            )""",
            "CREATE INDEX alerts_digest ON alerts(digest_id)",
            "CREATE INDEX alerts_story ON alerts(watchlist, story_id)",
            """CREATE TABLE alert_deliveries (
                digest_id BIGINT NOT NULL REFERENCES alert_digests(id) ON DELETE CASCADE,
                sink TEXT NOT NULL,
                state TEXT NOT NULL,
                tries INTEGER NOT NULL DEFAULT 0,
                error TEXT,
                sent_at TEXT,
                PRIMARY KEY (digest_id, sink)
            )""",
            "CREATE INDEX alert_deliveries_state ON alert_deliveries(state)",
        ],
    ),
    Migration(
        # The gazetteer entry of a place entity (see annotate/places/layer.py): its GeoNames
        # id and point, for exports and maps without reading the annotation layers.
        "0007_entity_places",
        common=[
            "ALTER TABLE entities ADD COLUMN geonameid BIGINT",
            "ALTER TABLE entities ADD COLUMN lat DOUBLE PRECISION",
            "ALTER TABLE entities ADD COLUMN lon DOUBLE PRECISION",
        ],
    ),
    Migration(
        # A story's newest members by an index, not by sorting all of them: the
        # assigner and the recheck read the newest few of a story on every decision,
        # and a long-running story holds thousands (articles.seq, copied here).
        # Pins by a partial index: almost no article is pinned.
        "0008_story_member_recency",
        common=[
            "ALTER TABLE story_articles ADD COLUMN seq BIGINT",
            "UPDATE story_articles SET seq = (SELECT a.seq FROM articles a"
            " WHERE a.id = story_articles.article_id)",
            "CREATE INDEX story_articles_recent ON story_articles(story_id, seq)",
            "CREATE INDEX story_articles_pinned ON story_articles(story_id) WHERE pinned = 1",
        ],
    ),
    Migration(
        # A term's newest stories read from the index alone: every article looks up
        # some 60 terms, 20 stories each, and (term, activity) held only a row id, one
        # more search of the table per story found, on pages that spread as the index
        # grows. With story_id in the index, ties of activity also fall in one order on
        # both backends (by story id, as the lookup sorts them).
        "0009_story_terms_covering",
        common=[
            "CREATE INDEX story_terms_newest ON story_terms(term, activity, story_id)",
            "DROP INDEX story_terms_recent",
        ],
    ),
    Migration(
        # A count read as one walk of one B-tree: as a rowid table, term_df kept its
        # terms in a separate index, and every count was found there, then fetched from
        # the table (two walks; an article reads some 60-300 counts). Rebuilt WITHOUT
        # ROWID, keyed by the term itself. PostgreSQL has no such tables: its primary
        # key's index is already the access path, so nothing to do there.
        "0010_term_df_without_rowid",
        common=[],
        sqlite=[
            "CREATE TABLE term_df_new (term TEXT PRIMARY KEY, df BIGINT NOT NULL) WITHOUT ROWID",
            "INSERT INTO term_df_new (term, df) SELECT term, df FROM term_df ORDER BY term",
            "DROP TABLE term_df",
            "ALTER TABLE term_df_new RENAME TO term_df",
        ],
    ),
]

KNOWN = {m.name for m in MIGRATIONS}

_CREATE_TABLE = """CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
)"""


def applied_migrations(dialect: Dialect) -> list[str]:
    """Names of the migrations recorded in the store, in the order applied."""
    rows = dialect.execute("SELECT name FROM migrations ORDER BY applied_at, name").fetchall()
    return [str(r[0]) for r in rows]


def check_is_store(dialect: Dialect) -> None:
    """Refuse a database that holds something else under our table names."""
    tables = dialect.table_names()
    if "migrations" in tables:
        columns = dialect.column_names("migrations")
        if not {"name", "applied_at"} <= columns:
            raise StoreError(
                f"{dialect.describe} is not a sitrep store: its 'migrations' table belongs "
                "to another tool; use a new file or an empty database/schema", hint="db"
            )
    elif "articles" in tables:
        raise StoreError(
            f"{dialect.describe} is not a sitrep store: it has an 'articles' table but no "
            "migration record; use a new file or an empty database/schema", hint="db"
        )


def migrate(dialect: Dialect) -> list[str]:
    """Apply pending migrations, each in its own transaction; return the names applied.

    A store already up to date is only read: a reader opened beside a running
    ingest (the web app during ``sitrep watch``) neither waits for the writer's
    batch to end nor, behind a long one, fails with "database is locked".
    """
    check_is_store(dialect)
    if "migrations" in dialect.table_names():
        applied = set(applied_migrations(dialect))
        _refuse_newer(dialect, applied)
        if applied >= KNOWN:
            return []
    with dialect.transaction():
        dialect.execute(_CREATE_TABLE)
    _refuse_newer(dialect, set(applied_migrations(dialect)))
    done: list[str] = []
    for migration in MIGRATIONS:
        with dialect.transaction():
            # Re-check under the write lock: another process may have applied it.
            dialect.lock_migrations()
            if dialect.execute("SELECT 1 FROM migrations WHERE name = ?",
                               (migration.name,)).fetchone():
                continue
            for statement in migration.statements(dialect):
                dialect.execute(statement)
            dialect.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                            (migration.name, utc_now()))
            done.append(migration.name)
    return done


def _refuse_newer(dialect: Dialect, applied: set[str]) -> None:
    newer = applied - KNOWN
    if newer:
        raise StoreError(
            f"{dialect.describe} was made by a newer version of sitrep (migrations "
            f"{', '.join(sorted(newer))}); upgrade sitrep to open it"
        )


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
