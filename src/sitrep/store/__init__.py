"""The store: articles, annotations and canonical entities in SQLite or PostgreSQL.

Opening
-------
``open_store(db)`` opens and migrates a store:

- ``None`` or ``""``: the file named by ``$SITREP_DB`` if set, else
  ``sitrep.db`` in the current folder;
- ``postgresql://...`` or ``postgres://...``: PostgreSQL; tables go into the
  first schema of the search_path, so one database can hold several stores
  (``postgresql://host/db?options=-csearch_path%3Dmystore``; create the
  schema first);
- anything else: an SQLite file, created if missing (``:memory:`` for a
  throwaway store). File stores run in WAL mode (readers never block the
  writer) with foreign keys on, a 30 s busy timeout, no memory mapping and
  the WAL cut back to 64 MB when it restarts. A store already migrated is
  only read on opening: a reader beside a running ingest never waits for it.

The Store's own methods cover articles, annotations, entities, ingest runs and
search; its parts hold the rest of the SQL: ``store.stories`` (story tables,
see stories.py), ``store.watch`` (feeds, watchlists, alerts: watch.py) and
``store.reads`` (read-only queries for browsing: reads.py). No code outside
this package runs SQL.

Every write method is one transaction. ``add_articles`` stores a whole batch
or, on any error, nothing of it: a run killed mid-ingest loses only its open
batch, and since article ids are stable the next run adds it again and skips
what was committed (as duplicates).

Schema (see migrations.py; each migration is recorded in ``migrations``)
-------------------------------------------------------------------------
``migrations(name, applied_at)``
    Applied migrations. A store holding a name this version does not know
    was made by a newer sitrep and is refused.
``articles(seq, id, source, url, url_key, title, outlet, author, published,
published_sort, language, text, extra, text_hash, signature, copy_of,
similarity, added_at, run_id)``
    One row per stored article. ``seq`` numbers rows in insertion order (and
    is the FTS rowid); ``url_key`` is the canonical URL (unique),
    ``text_hash`` the sha1 of the normalised text, ``extra`` JSON,
    ``published_sort`` a UTC sort key for ``published``. ``signature`` is the
    MinHash signature (128 little-endian uint32). ``copy_of`` names the
    original of a near-duplicate (never itself a copy) and ``similarity`` the
    estimated Jaccard similarity found.
``minhash_bands(hash, band, article_id)``
    LSH index: 32 band keys per article. A new article looks up only the
    articles sharing a key (see dedup.py).
``ingest_runs(id, started_at, finished_at, inputs, added, duplicates, copies)``
    One row per ``ingest_run``; counts are updated in each batch's
    transaction, ``finished_at`` stays NULL for a run that did not end.
``annotations(article_id, layer, data)``
    Annotation layers (sentences, entities, times, quantities,
    attributions, events) as JSON lists; see codec.py.
``entities(id, name, type, country)``, ``entity_aliases(entity_id, alias)``,
``mentions(article_id, entity_id, start_char, end_char, text)``
    Canonical entities, every name they were seen under, and their mentions
    as character offsets into ``articles.text``.
``feeds``, ``feed_items``, ``watchlists``, ``alerts``, ``alert_digests``,
``alert_deliveries`` (migration 0006)
    Live monitoring (see watch.py and sitrep.watch): each watched feed's
    validators, schedule and health; every item a poll found, keyed by its
    canonical URL, with its state (pending until stored); saved watchlists
    with their cursor; one alert per change and watchlist, grouped into
    digests, and each digest's delivery to each sink.
Full-text search
    SQLite: ``articles_fts``, an external-content FTS5 table over title and
    text (porter stemming), kept in sync by triggers in the writing
    transaction. PostgreSQL: ``articles.search``, a generated tsvector
    (English; title weighted A, text B) with a GIN index.

JSON and timestamps are TEXT (ISO 8601, UTC) on both backends so one set of
queries reads both.
"""

from sitrep.store.outcomes import AddOutcome, AddStatus, EntityRecord, IngestRun, SearchHit
from sitrep.store.store import DEFAULT_DB, Store, open_store

__all__ = [
    "DEFAULT_DB",
    "AddOutcome",
    "AddStatus",
    "EntityRecord",
    "IngestRun",
    "SearchHit",
    "Store",
    "open_store",
]
