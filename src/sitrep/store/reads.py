"""Read-side queries for browsing a store (the web app's lists, pages and charts).

``StoreReads`` is reached as ``store.reads``. Its queries only read, run
portable SQL (``?`` placeholders, rewritten for PostgreSQL by the dialect) and
return plain rows; what a page makes of them (dispute counts, previews) is the
web app's business.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sitrep.outlets import outlet_sql
from sitrep.store.dialect import Dialect, chunks, marks
from sitrep.store.outcomes import EntityRecord

StorySort = Literal["recent", "size", "disputes"]

_LIVE = "s.merged_into IS NULL AND s.articles > 0"
_STORY_COLS = "s.id, s.title, s.first_date, s.last_date, s.articles"
NEWEST_FIRST = "a.published_sort IS NULL, a.published_sort DESC, a.seq DESC"
ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")  # who a story preview names


@dataclass(slots=True)
class StoryRow:
    """A live story as lists show it. ``disputes``, ``updates``, ``lead`` and
    ``actors`` are left for the caller to fill (from briefs and previews)."""

    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    articles: int
    outlets: list[str] = field(default_factory=list)
    disputes: int = 0  # conflicting reports
    updates: int = 0  # figures that changed over time
    lead: str = ""  # first sentence of the story's title article (else its newest)
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


@dataclass(slots=True)
class ArticleRow:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class LeadText:
    """The start of one article of a story, for its preview (newest article first)."""

    story_id: str
    text: str | None
    title: str | None


def _story_row(r: Sequence[Any]) -> StoryRow:
    return StoryRow(str(r[0]), r[1], r[2], r[3], int(r[4]))


class StoreReads:
    """Read-only queries over articles, stories and entities, for browsing."""

    def __init__(self, db: Dialect) -> None:
        self._db = db

    def _outlet(self, alias: str = "a") -> str:
        """The outlet readers know (stated, else the URL's host) as SQL: see sitrep.outlets."""
        return outlet_sql(self._db.name, alias)

    def _art_cols(self) -> str:
        return f"a.id, a.title, {self._outlet()}, a.published, a.url"

    # ------------------------------------------------------------ stories

    def _story_where(self, f: StoryFilter) -> tuple[str, list[Any]]:
        where, params = [_LIVE], []
        if f.entity_ids is not None:
            where.append("s.id IN (SELECT sa.story_id FROM story_articles sa JOIN mentions m"
                         f" ON m.article_id = sa.article_id WHERE m.entity_id IN"
                         f" ({marks(len(f.entity_ids)) or 'NULL'}))")
            params += f.entity_ids
        if f.outlet:
            where.append("s.id IN (SELECT sa.story_id FROM story_articles sa JOIN articles a"
                         f" ON a.id = sa.article_id WHERE lower({self._outlet()}) = lower(?))")
            params.append(f.outlet)
        if f.date_from:
            where.append("substr(s.last_date, 1, 10) >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("substr(s.first_date, 1, 10) <= ?")
            params.append(f.date_to)
        if f.article_ids is not None:
            where.append("s.id IN (SELECT story_id FROM story_articles WHERE article_id IN"
                         f" ({marks(len(f.article_ids)) or 'NULL'}))")
            params += f.article_ids
        return " AND ".join(where), params

    def count_stories(self, f: StoryFilter) -> int:
        where, params = self._story_where(f)
        return int(self._db.execute(f"SELECT count(*) FROM stories s WHERE {where}",
                                    params).fetchone()[0])

    def list_stories(self, f: StoryFilter, sort: StorySort, limit: int | None,
                     offset: int = 0) -> list[StoryRow]:
        """Live stories matching ``f``: by recency or size (``disputes`` sorts by recency
        here; the caller re-sorts)."""
        where, params = self._story_where(f)
        order = ("s.articles DESC, s.activity DESC" if sort == "size"
                 else "s.last_date IS NULL, s.last_date DESC, s.activity DESC")
        page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
        rows = self._db.execute(f"SELECT {_STORY_COLS} FROM stories s WHERE {where}"
                                f" ORDER BY {order}, s.id{page}", params).fetchall()
        return [_story_row(r) for r in rows]

    def get_story(self, story_id: str) -> StoryRow | None:
        row = self._db.execute(f"SELECT {_STORY_COLS} FROM stories s WHERE s.id = ?",
                               (story_id,)).fetchone()
        return None if row is None else _story_row(row)

    def story_outlets(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """Story id -> its distinct outlets, sorted."""
        if not story_ids:
            return {}
        outlet = self._outlet()
        rows = self._db.execute(
            f"SELECT DISTINCT sa.story_id, {outlet} AS o FROM story_articles sa"
            f" JOIN articles a ON a.id = sa.article_id WHERE {outlet} IS NOT NULL AND"
            f" sa.story_id IN ({marks(len(story_ids))}) ORDER BY o", list(story_ids))
        out: dict[str, list[str]] = {}
        for story_id, name in rows:
            out.setdefault(str(story_id), []).append(str(name))
        return out

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Article id -> story id, for those that have one."""
        if not article_ids:
            return {}
        rows = self._db.execute("SELECT article_id, story_id FROM story_articles WHERE"
                                f" article_id IN ({marks(len(article_ids))})", list(article_ids))
        return {str(a): str(s) for a, s in rows}

    def story_versions(self, story_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Story id -> (articles, activity): changes whenever the story does."""
        out: dict[str, tuple[int, int]] = {}
        for chunk in chunks(list(dict.fromkeys(story_ids))):
            rows = self._db.execute("SELECT id, articles, activity FROM stories WHERE id IN"
                                    f" ({marks(len(chunk))})", chunk)
            out.update({str(i): (int(a), int(t)) for i, a, t in rows})
        return out

    def store_version(self) -> tuple[int, int, int]:
        """Changes whenever an article is added or a story changes (cache keys of views)."""
        seq = self._db.execute("SELECT count(*), max(seq) FROM articles").fetchone()
        activity = self._db.execute("SELECT max(activity) FROM stories").fetchone()
        return int(seq[0]), int(seq[1] or 0), int(activity[0] or 0)

    def story_leads(self, story_ids: Sequence[str], chars: int) -> list[LeadText]:
        """The first ``chars`` characters and title of each article of the stories,
        newest article first."""
        if not story_ids:
            return []
        rows = self._db.execute(
            f"SELECT sa.story_id, substr(a.text, 1, {int(chars)}), a.title"
            " FROM story_articles sa"
            f" JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN"
            f" ({marks(len(story_ids))}) ORDER BY {NEWEST_FIRST}", list(story_ids))
        return [LeadText(str(s), t, title) for s, t, title in rows]

    def story_actors(self, story_ids: Sequence[str],
                     limit: int) -> dict[str, list[tuple[str, str]]]:
        """Story id -> up to ``limit`` (entity id, name) of the people, organisations
        and places most of its articles name."""
        if not story_ids:
            return {}
        rows = self._db.execute(
            "SELECT sa.story_id, e.id, e.name, count(DISTINCT m.article_id) AS n"
            " FROM story_articles sa JOIN mentions m ON m.article_id = sa.article_id"
            f" JOIN entities e ON e.id = m.entity_id WHERE sa.story_id IN"
            f" ({marks(len(story_ids))}) AND e.type IN ({marks(len(ACTOR_TYPES))})"
            " GROUP BY sa.story_id, e.id, e.name ORDER BY n DESC, e.id",
            [*story_ids, *ACTOR_TYPES])
        top: dict[str, list[tuple[str, str]]] = {}
        for story_id, entity_id, name, _ in rows:
            actors = top.setdefault(str(story_id), [])
            if len(actors) < limit:
                actors.append((str(entity_id), str(name)))
        return top

    # ------------------------------------------------------------ articles

    def outlets(self, limit: int = 200) -> list[tuple[str, int]]:
        """(outlet, articles) of the most frequent outlets."""
        outlet = self._outlet()
        rows = self._db.execute(f"SELECT {outlet} AS o, count(*) AS n FROM articles a WHERE"
                                f" {outlet} IS NOT NULL GROUP BY o ORDER BY n DESC, o LIMIT ?",
                                (limit,))
        return [(str(o), int(n)) for o, n in rows]

    def list_articles(self, outlet: str | None, limit: int,
                      offset: int = 0) -> list[ArticleRow]:
        """Articles, newest first, of one outlet when given."""
        where, params = ((f"WHERE lower({self._outlet()}) = lower(?)", [outlet]) if outlet
                         else ("", []))
        rows = self._db.execute(f"SELECT {self._art_cols()} FROM articles a {where}"
                                f" ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?",
                                [*params, limit, offset])
        return [ArticleRow(*r) for r in rows]

    def article_rows(self, article_ids: Sequence[str]) -> dict[str, ArticleRow]:
        if not article_ids:
            return {}
        rows = self._db.execute(f"SELECT {self._art_cols()} FROM articles a WHERE a.id IN"
                                f" ({marks(len(article_ids))})", list(article_ids))
        return {str(r[0]): ArticleRow(*r) for r in rows}

    def layer_data(self, article_ids: Sequence[str], layer: str) -> dict[str, str]:
        """Article id -> the JSON of one annotation layer (decoding one layer is cheap)."""
        if not article_ids:
            return {}
        rows = self._db.execute("SELECT article_id, data FROM annotations WHERE layer = ? AND"
                                f" article_id IN ({marks(len(article_ids))})",
                                [layer, *article_ids])
        return {str(a): str(d) for a, d in rows}

    def _days(self, where: str, params: Sequence[object]) -> list[tuple[str, int]]:
        """(ISO day, articles) for articles ``a`` matching ``where``, undated left out."""
        rows = self._db.execute(
            "SELECT substr(a.published_sort, 1, 10) AS d, count(*) FROM articles a"
            f" WHERE a.published_sort IS NOT NULL AND ({where}) GROUP BY d ORDER BY d",
            list(params))
        return [(str(d), int(n)) for d, n in rows if d]

    def story_days(self, story_id: str) -> list[tuple[str, int]]:
        """(ISO day, articles published that day) of a story."""
        return self._days("a.id IN (SELECT article_id FROM story_articles WHERE"
                          " story_id = ?)", [story_id])

    def entity_days(self, entity_id: str) -> list[tuple[str, int]]:
        """(ISO day, articles published that day) naming an entity."""
        return self._days("a.id IN (SELECT article_id FROM mentions WHERE"
                          " entity_id = ?)", [entity_id])

    def article_days(self, article_ids: Sequence[str]) -> list[tuple[str, int]]:
        """(ISO day, articles published that day) among the given articles."""
        if not article_ids:
            return []
        return self._days(f"a.id IN ({marks(len(article_ids))})", article_ids)

    # ------------------------------------------------------------ entities

    def resolve_entities(self, name_or_id: str) -> list[str]:
        """Entity ids for a filter value: an id, else every entity with that name or alias."""
        value = name_or_id.strip()
        if self._db.execute("SELECT 1 FROM entities WHERE id = ?", (value,)).fetchone():
            return [value]
        rows = self._db.execute(
            "SELECT DISTINCT entity_id FROM entity_aliases WHERE lower(alias) ="
            " lower(?) UNION SELECT id FROM entities WHERE lower(name) = lower(?)",
            (value, value))
        return sorted(str(r[0]) for r in rows)

    def get_entity(self, entity_id: str) -> EntityRecord | None:
        row = self._db.execute(
            "SELECT e.id, e.name, e.type, e.country, count(m.article_id),"
            " count(DISTINCT m.article_id) FROM entities e LEFT JOIN mentions m"
            " ON m.entity_id = e.id WHERE e.id = ? GROUP BY e.id, e.name, e.type, e.country",
            (entity_id,)).fetchone()
        if row is None:
            return None
        aliases = [str(r[0]) for r in self._db.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias",
            (entity_id,))]
        return EntityRecord(id=str(row[0]), name=row[1], type=row[2], country=row[3],
                            aliases=aliases, mentions=int(row[4]), articles=int(row[5]))

    def list_entities(self, q: str | None, etype: str | None, limit: int,
                      offset: int = 0) -> list[EntityRecord]:
        """Entities by the number of articles naming them; ``q`` matches a name or alias."""
        where, params = ["1 = 1"], []
        if q:
            where.append("e.id IN (SELECT entity_id FROM entity_aliases WHERE lower(alias)"
                         " LIKE ?)")
            params.append(f"%{q.lower()}%")
        if etype:
            where.append("e.type = ?")
            params.append(etype)
        rows = self._db.execute(
            "SELECT e.id, e.name, e.type, e.country, count(m.article_id) AS n,"
            " count(DISTINCT m.article_id) AS a FROM entities e JOIN mentions m"
            f" ON m.entity_id = e.id WHERE {' AND '.join(where)}"
            " GROUP BY e.id, e.name, e.type, e.country ORDER BY a DESC, n DESC, e.id"
            " LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        return [EntityRecord(id=str(r[0]), name=r[1], type=r[2], country=r[3],
                             mentions=int(r[4]), articles=int(r[5])) for r in rows]

    def entity_stories(self, entity_id: str, limit: int = 30) -> list[tuple[StoryRow, int]]:
        """Stories naming the entity, with the number of their articles that do."""
        rows = self._db.execute(
            f"SELECT {_STORY_COLS}, count(DISTINCT m.article_id) AS n FROM mentions m"
            " JOIN story_articles sa ON sa.article_id = m.article_id JOIN stories s"
            f" ON s.id = sa.story_id WHERE m.entity_id = ? AND {_LIVE}"
            " GROUP BY s.id, s.title, s.first_date, s.last_date, s.articles"
            " ORDER BY n DESC, s.last_date DESC LIMIT ?", (entity_id, limit)).fetchall()
        return [(_story_row(r), int(r[5])) for r in rows]

    def cooccurring(self, entity_id: str, limit: int = 20) -> list[tuple[EntityRecord, int]]:
        """Entities named in the same articles, with the number of shared articles."""
        rows = self._db.execute(
            "SELECT e.id, e.name, e.type, e.country, count(DISTINCT o.article_id) AS n"
            " FROM mentions m JOIN mentions o ON o.article_id = m.article_id"
            " AND o.entity_id <> m.entity_id JOIN entities e ON e.id = o.entity_id"
            " WHERE m.entity_id = ? GROUP BY e.id, e.name, e.type, e.country"
            " ORDER BY n DESC, e.id LIMIT ?", (entity_id, limit)).fetchall()
        return [(EntityRecord(id=str(r[0]), name=r[1], type=r[2], country=r[3]), int(r[4]))
                for r in rows]

    def entity_articles(self, entity_id: str, limit: int = 50) -> list[ArticleRow]:
        """The newest articles naming the entity."""
        rows = self._db.execute(
            f"SELECT {self._art_cols()} FROM articles a WHERE a.id IN (SELECT article_id"
            f" FROM mentions WHERE entity_id = ?) ORDER BY {NEWEST_FIRST} LIMIT ?",
            (entity_id, limit))
        return [ArticleRow(*r) for r in rows]
