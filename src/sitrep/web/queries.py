"""Read-only queries the pages need and the Store has no method for.

They run portable SQL (``?`` placeholders, rewritten for PostgreSQL by the
store's dialect) on the store's connection. Candidates for Store methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sitrep.outlets import outlet_sql
from sitrep.store import EntityRecord, Store
from sitrep.store.dialect import Cursor

StorySort = Literal["recent", "size", "disputes"]


def run_sql(store: Store, sql: str, params: Sequence[Any] = ()) -> Cursor:
    """Portable SQL (``?`` placeholders) on the store's connection."""
    return store._db.execute(sql, params)


_run = run_sql


def placeholders(n: int) -> str:
    """``n`` comma-separated ``?`` placeholders."""
    return ", ".join("?" * n)


def _outlet(store: Store, alias: str = "a") -> str:
    """The outlet readers know (stated, else the URL's host) as SQL: see sitrep.outlets."""
    return outlet_sql(store._db.name, alias)


@dataclass(slots=True)
class StoryRow:
    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    articles: int
    outlets: list[str] = field(default_factory=list)
    disputes: int = 0  # conflicting reports (set by service.count_disputes)
    updates: int = 0  # figures that changed over time
    lead: str = ""  # first sentence of the newest article (set by previews.fill_previews)
    actors: list[tuple[str, str]] = field(default_factory=list)  # (entity id, name)


@dataclass(slots=True)
class StoryFilter:
    """Story list filters: ``article_ids`` restricts to stories holding one of them
    (the hits of a full-text search); dates are ISO days, inclusive."""

    entity_ids: list[str] | None = None
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    article_ids: list[str] | None = None


_LIVE = "s.merged_into IS NULL AND s.articles > 0"
_STORY_COLS = "s.id, s.title, s.first_date, s.last_date, s.articles"


def _story_where(store: Store, f: StoryFilter) -> tuple[str, list[Any]]:
    where, params = [_LIVE], []
    if f.entity_ids is not None:
        where.append("s.id IN (SELECT sa.story_id FROM story_articles sa JOIN mentions m"
                     f" ON m.article_id = sa.article_id WHERE m.entity_id IN"
                     f" ({placeholders(len(f.entity_ids)) or 'NULL'}))")
        params += f.entity_ids
    if f.outlet:
        where.append("s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a"
                     f" ON a.id = sa.article_id WHERE lower({_outlet(store)}) = lower(?))")
        params.append(f.outlet)
    if f.date_from:
        where.append("substr(s.last_date, 1, 10) >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("substr(s.first_date, 1, 10) <= ?")
        params.append(f.date_to)
    if f.article_ids is not None:
        where.append("s.id IN (SELECT story_id FROM story_articles WHERE article_id IN"
                     f" ({placeholders(len(f.article_ids)) or 'NULL'}))")
        params += f.article_ids
    return " AND ".join(where), params


def count_stories(store: Store, f: StoryFilter) -> int:
    where, params = _story_where(store, f)
    return int(_run(store, f"SELECT count(*) FROM stories s WHERE {where}", params).fetchone()[0])


def list_stories(store: Store, f: StoryFilter, sort: StorySort, limit: int | None,
                 offset: int = 0) -> list[StoryRow]:
    """Live stories matching ``f``: by recency or size (``disputes`` sorts by recency
    here; the caller re-sorts)."""
    where, params = _story_where(store, f)
    order = ("s.articles DESC, s.activity DESC" if sort == "size"
             else "s.last_date IS NULL, s.last_date DESC, s.activity DESC")
    page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    rows = _run(store, f"SELECT {_STORY_COLS} FROM stories s WHERE {where}"
                f" ORDER BY {order}, s.id{page}", params).fetchall()
    return [StoryRow(str(r[0]), r[1], r[2], r[3], int(r[4])) for r in rows]


def get_story(store: Store, story_id: str) -> StoryRow | None:
    row = _run(store, f"SELECT {_STORY_COLS} FROM stories s WHERE s.id = ?",
               (story_id,)).fetchone()
    return None if row is None else StoryRow(str(row[0]), row[1], row[2], row[3], int(row[4]))


def fill_outlets(store: Store, stories: list[StoryRow]) -> None:
    """Set each story's distinct outlets (for the list)."""
    if not stories:
        return
    by_id = {s.id: s for s in stories}
    outlet = _outlet(store)
    rows = _run(store, f"SELECT DISTINCT sa.story_id, {outlet} AS o FROM story_articles sa"
                f" JOIN articles a ON a.id = sa.article_id WHERE {outlet} IS NOT NULL AND"
                f" sa.story_id IN ({placeholders(len(by_id))}) ORDER BY o", list(by_id))
    for story_id, outlet in rows:
        by_id[str(story_id)].outlets.append(str(outlet))


def stories_of(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """Article id -> story id, for those that have one."""
    if not article_ids:
        return {}
    rows = _run(store, "SELECT article_id, story_id FROM story_articles WHERE article_id IN"
                f" ({placeholders(len(article_ids))})", list(article_ids))
    return {str(a): str(s) for a, s in rows}


def outlets(store: Store, limit: int = 200) -> list[tuple[str, int]]:
    outlet = _outlet(store)
    rows = _run(store, f"SELECT {outlet} AS o, count(*) AS n FROM articles a WHERE {outlet}"
                " IS NOT NULL GROUP BY o ORDER BY n DESC, o LIMIT ?", (limit,))
    return [(str(o), int(n)) for o, n in rows]


# ---------------------------------------------------------------- entities


def resolve_entities(store: Store, name_or_id: str) -> list[str]:
    """Entity ids for a filter value: an id, else every entity with that name or alias."""
    value = name_or_id.strip()
    if _run(store, "SELECT 1 FROM entities WHERE id = ?", (value,)).fetchone():
        return [value]
    rows = _run(store, "SELECT DISTINCT entity_id FROM entity_aliases WHERE lower(alias) ="
                " lower(?) UNION SELECT id FROM entities WHERE lower(name) = lower(?)",
                (value, value))
    return sorted(str(r[0]) for r in rows)


def get_entity(store: Store, entity_id: str) -> EntityRecord | None:
    row = _run(store, "SELECT e.id, e.name, e.type, e.country, count(m.article_id),"
               " count(DISTINCT m.article_id) FROM entities e LEFT JOIN mentions m"
               " ON m.entity_id = e.id WHERE e.id = ? GROUP BY e.id, e.name, e.type, e.country",
               (entity_id,)).fetchone()
    if row is None:
        return None
    aliases = [str(r[0]) for r in _run(
        store, "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias",
        (entity_id,))]
    return EntityRecord(id=str(row[0]), name=row[1], type=row[2], country=row[3],
                        aliases=aliases, mentions=int(row[4]), articles=int(row[5]))


def list_entities(store: Store, q: str | None, etype: str | None, limit: int,
                  offset: int = 0) -> list[EntityRecord]:
    """Entities by the number of articles naming them; ``q`` matches a name or alias."""
    where, params = ["1 = 1"], []
    if q:
        where.append("e.id IN (SELECT entity_id FROM entity_aliases WHERE lower(alias) LIKE ?)")
        params.append(f"%{q.lower()}%")
    if etype:
        where.append("e.type = ?")
        params.append(etype)
    rows = _run(store, "SELECT e.id, e.name, e.type, e.country, count(m.article_id) AS n,"
                " count(DISTINCT m.article_id) AS a FROM entities e JOIN mentions m"
                f" ON m.entity_id = e.id WHERE {' AND '.join(where)}"
                " GROUP BY e.id, e.name, e.type, e.country ORDER BY a DESC, n DESC, e.id"
                " LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return [EntityRecord(id=str(r[0]), name=r[1], type=r[2], country=r[3], mentions=int(r[4]),
                         articles=int(r[5])) for r in rows]


def entity_stories(store: Store, entity_id: str, limit: int = 30) -> list[tuple[StoryRow, int]]:
    """Stories naming the entity, with the number of their articles that do."""
    rows = _run(store, f"SELECT {_STORY_COLS}, count(DISTINCT m.article_id) AS n FROM mentions m"
                " JOIN story_articles sa ON sa.article_id = m.article_id JOIN stories s"
                f" ON s.id = sa.story_id WHERE m.entity_id = ? AND {_LIVE}"
                " GROUP BY s.id, s.title, s.first_date, s.last_date, s.articles"
                " ORDER BY n DESC, s.last_date DESC LIMIT ?", (entity_id, limit)).fetchall()
    return [(StoryRow(str(r[0]), r[1], r[2], r[3], int(r[4])), int(r[5])) for r in rows]


def cooccurring(store: Store, entity_id: str, limit: int = 20) -> list[tuple[EntityRecord, int]]:
    """Entities named in the same articles, with the number of shared articles."""
    rows = _run(store, "SELECT e.id, e.name, e.type, e.country, count(DISTINCT o.article_id) AS n"
                " FROM mentions m JOIN mentions o ON o.article_id = m.article_id"
                " AND o.entity_id <> m.entity_id JOIN entities e ON e.id = o.entity_id"
                " WHERE m.entity_id = ? GROUP BY e.id, e.name, e.type, e.country"
                " ORDER BY n DESC, e.id LIMIT ?", (entity_id, limit)).fetchall()
    return [(EntityRecord(id=str(r[0]), name=r[1], type=r[2], country=r[3]), int(r[4]))
            for r in rows]


@dataclass(slots=True)
class ArticleRow:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None


def _art_cols(store: Store) -> str:
    return f"a.id, a.title, {_outlet(store)}, a.published, a.url"


NEWEST_FIRST = "a.published_sort IS NULL, a.published_sort DESC, a.seq DESC"


def entity_articles(store: Store, entity_id: str, limit: int = 50) -> list[ArticleRow]:
    """The newest articles naming the entity."""
    rows = _run(store, f"SELECT {_art_cols(store)} FROM articles a WHERE a.id IN (SELECT article_id"
                f" FROM mentions WHERE entity_id = ?) ORDER BY {NEWEST_FIRST} LIMIT ?",
                (entity_id, limit))
    return [ArticleRow(*r) for r in rows]


def list_articles(store: Store, outlet: str | None, limit: int,
                  offset: int = 0) -> list[ArticleRow]:
    where, params = (f"WHERE lower({_outlet(store)}) = lower(?)", [outlet]) if outlet else ("", [])
    rows = _run(store, f"SELECT {_art_cols(store)} FROM articles a {where} ORDER BY {NEWEST_FIRST}"
                " LIMIT ? OFFSET ?", [*params, limit, offset])
    return [ArticleRow(*r) for r in rows]


def article_rows(store: Store, article_ids: Sequence[str]) -> dict[str, ArticleRow]:
    if not article_ids:
        return {}
    rows = _run(store, f"SELECT {_art_cols(store)} FROM articles a WHERE a.id IN"
                f" ({placeholders(len(article_ids))})", list(article_ids))
    return {str(r[0]): ArticleRow(*r) for r in rows}


def story_versions(store: Store, story_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Story id -> (articles, activity): changes whenever the story does."""
    out: dict[str, tuple[int, int]] = {}
    ids = list(dict.fromkeys(story_ids))
    for at in range(0, len(ids), 500):
        chunk = ids[at:at + 500]
        rows = _run(store, "SELECT id, articles, activity FROM stories WHERE id IN"
                    f" ({placeholders(len(chunk))})", chunk)
        out.update({str(i): (int(a), int(t)) for i, a, t in rows})
    return out


def store_version(store: Store) -> tuple[int, int, int]:
    """Changes whenever an article is added or a story changes (cache keys of views)."""
    seq = _run(store, "SELECT count(*), max(seq) FROM articles").fetchone()
    activity = _run(store, "SELECT max(activity) FROM stories").fetchone()
    return int(seq[0]), int(seq[1] or 0), int(activity[0] or 0)


def layer_data(store: Store, article_ids: Sequence[str], layer: str) -> dict[str, str]:
    """Article id -> the JSON of one annotation layer (decoding one layer is cheap)."""
    if not article_ids:
        return {}
    rows = _run(store, "SELECT article_id, data FROM annotations WHERE layer = ? AND"
                f" article_id IN ({placeholders(len(article_ids))})", [layer, *article_ids])
    return {str(a): str(d) for a, d in rows}
