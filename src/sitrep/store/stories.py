"""Story tables of the store (migration 0004): the SQL the story code needs.

``StoryTables`` is a part of :class:`~sitrep.store.Store`, reached as
``store.stories``. Its methods do
not open transactions themselves: the story code (``sitrep.stories``) wraps
a whole decision (assign, merge, move) in :meth:`StoryTables.write`,
which joins the batch transaction when called inside one.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sitrep.store.dialect import Dialect, chunks, marks

_STORY_COLUMNS = ("id, title, title_article, title_score, first_date, last_date, articles,"
                  " members, centroid, norm, activity, merged_into")
DOC_COUNT = ""  # term_df row counting the documents
# Centroids and profiles parsed, by their stored text: a story or member read again
# unchanged (an article's candidates, then the recheck's, read the same few dozen
# stories and their newest members over and over) is not parsed again, and is the
# same dict, so what is worked out per vector (idf norms: vectors.Idf.side) is worked
# out once. Stored vectors are never changed in place.
_PARSED_CAP = 4096


@dataclass(slots=True)
class StoryState:
    """What the assigner keeps per story: counts, dates, title and centroid."""

    id: str
    title: str | None = None
    title_article: str | None = None
    title_score: float = -1.0
    first_date: str | None = None
    last_date: str | None = None
    articles: int = 0
    members: int = 0  # articles in the centroid (copies are not)
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 0.0  # |idf * centroid| when the centroid was saved
    activity: int = 0  # seq of the newest article: recency for retrieval
    merged_into: str | None = None


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One article of a story with what the story views need of it."""

    article_id: str
    score: float | None
    how: str
    pinned: bool
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    seq: int
    copy_of: str | None


def _member_row(r: Sequence[Any]) -> MemberRow:
    return MemberRow(str(r[0]), None if r[1] is None else float(r[1]), str(r[2]), bool(r[3]),
                     r[4], r[5], r[6], r[7], int(r[8]), r[9])


Writing = Callable[[str], contextlib.AbstractContextManager[None]]


class StoryTables:
    """Reads and writes of the story tables, shared by both backends (``store.stories``)."""

    def __init__(self, db: Dialect, writing: Writing) -> None:
        self._db = db
        self._writing = writing  # the Store's transaction that names what failed
        self._parsed: dict[str, dict[str, float]] = {}  # see _PARSED_CAP
        # term -> per_term -> the stories ``candidates`` found for it, kept while the
        # term's entries stay as read: inside a transaction (the stories lock held),
        # until a story indexed under it, before or after, changes its entries. A
        # recheck looks up the same terms for many articles of one subject, the
        # articles of a batch share their subject's terms, and a change of one story
        # touches its own few dozen terms only.
        self._hits: dict[str, dict[int, list[str]]] | None = None
        # id -> the story's state as last read or saved (None: no such story), kept
        # inside a transaction only, where the stories lock holds every row still and
        # ``save`` is the one writer of the table. Callers change the states they get,
        # so each read hands out a copy (centroids shared: never changed in place).
        self._states: dict[str, StoryState | None] | None = None

    @contextlib.contextmanager
    def write(self, what: str) -> Iterator[None]:
        """One transaction for a story change (joins an enclosing one), with the
        story writers' lock: two ingests into one store take turns per batch."""
        outer = self._hits is None
        try:
            with self._writing(what):
                self._db.lock_stories()
                if outer:
                    self._hits, self._states = {}, {}
                yield
        finally:
            if outer:
                self._hits = self._states = None

    # ------------------------------------------------------------ stories

    def states(self, story_ids: Sequence[str]) -> dict[str, StoryState]:
        memo = self._states
        if memo is None:
            return self._read_states(list(dict.fromkeys(story_ids)))
        out: dict[str, StoryState] = {}
        todo = []
        for sid in dict.fromkeys(story_ids):
            if sid not in memo:
                todo.append(sid)
            elif (kept := memo[sid]) is not None:
                out[sid] = replace(kept)
        read = self._read_states(todo)
        for sid in todo:
            got = read.get(sid)
            memo[sid] = None if got is None else replace(got)
            if got is not None:
                out[sid] = got
        return out

    def _read_states(self, story_ids: list[str]) -> dict[str, StoryState]:
        out: dict[str, StoryState] = {}
        for chunk in chunks(story_ids):
            rows = self._db.execute(
                f"SELECT {_STORY_COLUMNS} FROM stories WHERE id IN ({marks(len(chunk))})",
                chunk).fetchall()
            for r in rows:
                out[str(r[0])] = StoryState(
                    id=str(r[0]), title=r[1], title_article=r[2], title_score=float(r[3]),
                    first_date=r[4], last_date=r[5], articles=int(r[6]), members=int(r[7]),
                    centroid=self._vector(r[8]), norm=float(r[9]), activity=int(r[10]),
                    merged_into=r[11])
        return out

    def _vector(self, text: str) -> dict[str, float]:
        """The parsed vector of a stored text, shared by every read of that text."""
        got = self._parsed.get(text)
        if got is None:
            got = self._remember(text, json.loads(text))
        return got

    def _dumped(self, vec: dict[str, float]) -> str:
        """The stored text of a vector being written, remembered as its parse: the
        story or article written now is the one read next (a story's candidates, the
        recheck), and a grown centroid's text is the longest parsed. The same dict a
        parse would give (floats round-trip, order kept); written vectors are never
        changed in place."""
        text = json.dumps(vec, separators=(",", ":"))
        if text not in self._parsed:
            self._remember(text, vec)
        return text

    def _remember(self, text: str, vec: dict[str, float]) -> dict[str, float]:
        if len(self._parsed) >= _PARSED_CAP:
            del self._parsed[next(iter(self._parsed))]  # the oldest parsed
        self._parsed[text] = vec
        return vec

    def save(self, s: StoryState, now: str) -> None:
        self._db.execute(
            "INSERT INTO stories (id, title, title_article, title_score, first_date, last_date,"
            " articles, members, centroid, norm, activity, merged_into, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " title = excluded.title, title_article = excluded.title_article,"
            " title_score = excluded.title_score, first_date = excluded.first_date,"
            " last_date = excluded.last_date, articles = excluded.articles,"
            " members = excluded.members, centroid = excluded.centroid, norm = excluded.norm,"
            " activity = excluded.activity, merged_into = excluded.merged_into,"
            " updated_at = excluded.updated_at",
            (s.id, s.title, s.title_article, s.title_score, s.first_date, s.last_date,
             s.articles, s.members, self._dumped(s.centroid), s.norm,
             s.activity, s.merged_into, now, now))
        if self._states is not None:  # as a read would give it back
            self._states[s.id] = replace(
                s, title_score=float(s.title_score), articles=int(s.articles),
                members=int(s.members), norm=float(s.norm), activity=int(s.activity))

    def live_ids(self) -> list[str]:
        """Stories with articles, newest activity first."""
        rows = self._db.execute(
            "SELECT id FROM stories WHERE merged_into IS NULL AND articles > 0"
            " ORDER BY activity DESC, id").fetchall()
        return [str(r[0]) for r in rows]

    def resolve(self, story_id: str) -> str | None:
        """The live story a (possibly merged-away) id now lives in; None if unknown."""
        seen: set[str] = set()
        current = story_id
        while current not in seen:
            seen.add(current)
            row = self._db.execute("SELECT merged_into FROM stories WHERE id = ?",
                                   (current,)).fetchone()
            if row is None:
                return None
            if row[0] is None:
                return current
            current = str(row[0])
        return current

    def set_terms(self, story_id: str, terms: Sequence[str], activity: int) -> None:
        """Replace the index entries of a story (its top terms)."""
        memo = self._hits
        if memo:  # forget the lookups of the terms it leaves and joins, only
            gone = self._db.execute("DELETE FROM story_terms WHERE story_id = ? RETURNING term",
                                    (story_id,)).fetchall()
            for term in (*(str(r[0]) for r in gone), *terms):
                memo.pop(term, None)
        else:
            self._db.execute("DELETE FROM story_terms WHERE story_id = ?", (story_id,))
        if terms:
            self._db.execute(
                "INSERT INTO story_terms (term, story_id, activity) VALUES "
                + ", ".join(["(?, ?, ?)"] * len(terms)),
                [v for t in terms for v in (t, story_id, activity)])

    def candidates(self, terms: Sequence[str], per_term: int) -> dict[str, list[str]]:
        """Story id -> the given terms it is indexed under, at most ``per_term``
        most recently active stories per term: bounded work however big the store."""
        found = self._term_hits(terms, per_term)
        out: dict[str, list[str]] = {}
        for term in terms:
            for story_id in found.get(term, ()):
                out.setdefault(story_id, []).append(term)
        return out

    def _term_hits(self, terms: Sequence[str], per_term: int) -> dict[str, list[str]]:
        """Term -> its ``per_term`` most recently active stories (kept in ``_hits``)."""
        memo = self._hits
        found: dict[str, list[str]] = {}
        todo = []
        for t in dict.fromkeys(terms):
            got = memo.get(t, {}).get(per_term) if memo is not None else None
            if got is None:
                todo.append(t)
            else:
                found[t] = got
        if todo:
            # Read from the index story_terms_newest alone (migration 0009).
            one = ("SELECT * FROM (SELECT term, story_id FROM story_terms WHERE term = ?"
                   " ORDER BY activity DESC, story_id DESC LIMIT ?) t")
            sql = " UNION ALL ".join([one] * len(todo))
            params: list[Any] = [v for t in todo for v in (t, per_term)]
            fresh: dict[str, list[str]] = {t: [] for t in todo}
            for term, story_id in self._db.execute(sql, params).fetchall():
                fresh[str(term)].append(str(story_id))
            found.update(fresh)
            if memo is not None:
                for t, ids in fresh.items():
                    memo.setdefault(t, {})[per_term] = ids
        return found

    # ------------------------------------------------------------ document frequencies

    @property
    def rollbacks(self) -> int:
        """Transactions rolled back on this connection so far."""
        return self._db.rollbacks

    def term_dfs(self, terms: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in chunks(list(dict.fromkeys(terms))):
            rows = self._db.execute(
                f"SELECT term, df FROM term_df WHERE term IN ({marks(len(chunk))})", chunk)
            out.update(rows)  # (TEXT, INTEGER) rows: str and int already
        return out

    def bump_dfs(self, terms: Sequence[str]) -> None:
        """Count one more document holding each of ``terms`` (distinct terms)."""
        keys = [DOC_COUNT, *dict.fromkeys(terms)]
        for chunk in chunks(keys):
            self._db.execute(
                "INSERT INTO term_df (term, df) VALUES " + ", ".join(["(?, 1)"] * len(chunk))
                + " ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1", list(chunk))

    def unbump_dfs(self, terms: Sequence[str]) -> None:
        """Count one document fewer holding each of ``terms`` (as :meth:`bump_dfs` added)."""
        keys = [DOC_COUNT, *dict.fromkeys(terms)]
        for chunk in chunks(keys):
            self._db.execute(
                f"UPDATE term_df SET df = df - 1 WHERE term IN ({marks(len(chunk))})",
                list(chunk))

    # ------------------------------------------------------------ articles

    def put_features(self, article_id: str, terms: dict[str, float],
                           day: str | None) -> None:
        self._db.execute(
            "INSERT INTO story_features (article_id, terms, day) VALUES (?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET terms = excluded.terms, day = excluded.day",
            (article_id, self._dumped(terms), day))

    def drop_features(self, article_ids: Sequence[str]) -> None:
        """Forget the profiles of articles that became copies (a copy keeps none)."""
        for chunk in chunks(list(article_ids)):
            self._db.execute(
                f"DELETE FROM story_features WHERE article_id IN ({marks(len(chunk))})", chunk)

    def features(self, article_ids: Sequence[str]) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for chunk in chunks(list(article_ids)):
            rows = self._db.execute(
                "SELECT article_id, terms FROM story_features WHERE article_id IN"
                f" ({marks(len(chunk))})", chunk)
            out.update({str(a): self._vector(t) for a, t in rows})
        return out

    def feature_days(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The day each article's profile is dated (``put_features``)."""
        out: dict[str, str | None] = {}
        for chunk in chunks(list(article_ids)):
            rows = self._db.execute(
                "SELECT article_id, day FROM story_features WHERE article_id IN"
                f" ({marks(len(chunk))})", chunk)
            out.update({str(a): (None if d is None else str(d)) for a, d in rows})
        return out

    def put_article(self, article_id: str, story_id: str, score: float | None,
                    how: str, now: str, *, pinned: bool, seq: int | None = None) -> None:
        """Put an article in a story; ``seq`` ranks it among the story's newest
        members (``newest_members``) instead of its stored seq (a moved one keeps
        its rank)."""
        self._db.execute(
            "INSERT INTO story_articles (article_id, story_id, score, how, pinned, assigned_at,"
            " seq) VALUES (?, ?, ?, ?, ?, ?,"
            " coalesce(?, (SELECT seq FROM articles WHERE id = ?)))"
            " ON CONFLICT (article_id) DO UPDATE SET"
            " story_id = excluded.story_id, score = excluded.score, how = excluded.how,"
            " pinned = excluded.pinned, assigned_at = excluded.assigned_at,"
            " seq = coalesce(?, story_articles.seq)",  # a moved article keeps its rank
            (article_id, story_id, score, how, int(pinned), now, seq, article_id, seq))

    def drop_articles(self, article_ids: Sequence[str]) -> None:
        """Take articles out of their stories (they are assigned again at once)."""
        for chunk in chunks(list(article_ids)):
            self._db.execute(
                f"DELETE FROM story_articles WHERE article_id IN ({marks(len(chunk))})", chunk)

    def move_articles(self, from_story: str, to_story: str) -> None:
        self._db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?",
                         (to_story, from_story))

    def of_article(self, article_id: str) -> tuple[str, bool] | None:
        """(story id, pinned) of an article, None when it has no story."""
        row = self._db.execute("SELECT story_id, pinned FROM story_articles WHERE article_id = ?",
                               (article_id,)).fetchone()
        return None if row is None else (str(row[0]), bool(row[1]))

    def members(self, story_id: str) -> list[MemberRow]:
        """The articles of a story, oldest first (by date, then by insertion)."""
        rows = self._db.execute(
            "SELECT a.id, sa.score, sa.how, sa.pinned, a.title, a.outlet, a.url, a.published,"
            " a.seq, a.copy_of FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            " WHERE sa.story_id = ? ORDER BY a.published_sort IS NULL, a.published_sort, a.seq",
            (story_id,)).fetchall()
        return [_member_row(r) for r in rows]

    def newest_members(self, story_id: str, limit: int) -> list[MemberRow]:
        """The ``limit`` most recently stored originals (not copies) of a story, oldest first.

        Read backwards along the (story, seq) index: bounded by ``limit`` (and the
        copies passed over), not by the size of the story."""
        rows = self._db.execute(
            "SELECT a.id, sa.score, sa.how, sa.pinned, a.title, a.outlet, a.url, a.published,"
            " a.seq, a.copy_of FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
            " WHERE sa.story_id = ? AND sa.how <> 'copy' ORDER BY sa.seq DESC LIMIT ?",
            (story_id, limit)).fetchall()
        return [_member_row(r) for r in reversed(rows)]

    def article_aliases(self, article_ids: Sequence[str]) -> dict[str, list[str]]:
        """Article id -> ids dropped as its exact duplicates (migration 0005), sorted.

        An alias that was later stored as an article in its own right is left out.
        """
        out: dict[str, list[str]] = {}
        for chunk in chunks(list(dict.fromkeys(article_ids))):
            rows = self._db.execute(
                "SELECT al.article_id, al.alias_id FROM article_aliases al WHERE"
                f" al.article_id IN ({marks(len(chunk))}) AND NOT EXISTS"
                " (SELECT 1 FROM articles a WHERE a.id = al.alias_id)"
                " ORDER BY al.article_id, al.alias_id", chunk)
            for article_id, alias_id in rows:
                out.setdefault(str(article_id), []).append(str(alias_id))
        return out

    def recent_story_ids(self, after: int) -> list[str]:
        """Live stories holding an original stored after seq ``after``, by id."""
        # From the newest articles (a range of the primary key), never a scan of the store.
        rows = self._db.execute(
            "SELECT DISTINCT sa.story_id FROM story_articles sa"
            " JOIN stories s ON s.id = sa.story_id"
            " WHERE sa.article_id IN (SELECT id FROM articles WHERE seq > ?)"
            " AND sa.how <> 'copy' AND s.merged_into IS NULL"
            " ORDER BY sa.story_id", (after,)).fetchall()
        return [str(r[0]) for r in rows]

    def newest_seq(self) -> int:
        row = self._db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def unassigned_article_ids(self) -> list[str]:
        """Articles without a story (stored before stories existed), oldest first."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id"
            " WHERE sa.article_id IS NULL ORDER BY a.seq").fetchall()
        return [str(r[0]) for r in rows]

    def article_seqs(self, article_ids: Sequence[str]) -> dict[str, tuple[int, str | None]]:
        """Article id -> (seq, copy_of)."""
        out: dict[str, tuple[int, str | None]] = {}
        for chunk in chunks(list(article_ids)):
            rows = self._db.execute(
                f"SELECT id, seq, copy_of FROM articles WHERE id IN ({marks(len(chunk))})",
                chunk)
            out.update({str(i): (int(s), c) for i, s, c in rows})
        return out

    def entity_names(self, entity_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Entity id -> (name, type)."""
        out: dict[str, tuple[str, str]] = {}
        for chunk in chunks(list(dict.fromkeys(entity_ids))):
            rows = self._db.execute(
                f"SELECT id, name, type FROM entities WHERE id IN ({marks(len(chunk))})", chunk)
            out.update({str(i): (str(n), str(t or "")) for i, n, t in rows})
        return out

    def entity_counts(self, story_id: str, limit: int) -> list[tuple[str, str, str, int]]:
        """(entity id, name, type, articles mentioning it) for a story's top entities."""
        rows = self._db.execute(
            "SELECT e.id, e.name, e.type, count(DISTINCT m.article_id) AS n"
            " FROM story_articles sa JOIN mentions m ON m.article_id = sa.article_id"
            " JOIN entities e ON e.id = m.entity_id WHERE sa.story_id = ?"
            " GROUP BY e.id, e.name, e.type ORDER BY n DESC, count(*) DESC, e.id LIMIT ?",
            (story_id, limit)).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]

    # ------------------------------------------------------------ log

    def log(self, action: str, story_id: str, other_id: str | None,
            articles: Sequence[str], now: str, *, manual: bool, note: str | None = None) -> None:
        self._db.execute(
            "INSERT INTO story_log (at, action, manual, story_id, other_id, articles, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now, action, int(manual), story_id, other_id, json.dumps(list(articles)), note))

    def history(self, story_id: str) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT at, action, manual, story_id, other_id, articles, note FROM story_log"
            " WHERE story_id = ? OR other_id = ? ORDER BY id", (story_id, story_id)).fetchall()
        return [{"at": r[0], "action": r[1], "manual": bool(r[2]), "story": r[3],
                 "other": r[4], "articles": json.loads(r[5]), "note": r[6]} for r in rows]

    def kept_apart(self, a: str, b: str) -> bool:
        """True when an analyst split or moved articles between the two stories."""
        row = self._db.execute(
            "SELECT 1 FROM story_log WHERE manual = 1 AND action IN ('split', 'move')"
            " AND ((story_id = ? AND other_id = ?) OR (story_id = ? AND other_id = ?)) LIMIT 1",
            (a, b, b, a)).fetchone()
        return row is not None

    def analyst_changed(self, story_id: str) -> bool:
        """True when an analyst moved, merged, split or pinned anything of this story."""
        row = self._db.execute(
            "SELECT 1 FROM story_log WHERE manual = 1 AND (story_id = ? OR other_id = ?)"
            " LIMIT 1", (story_id, story_id)).fetchone()
        return row is not None

    def has_pins(self, story_id: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM story_articles WHERE story_id = ? AND pinned = 1 LIMIT 1",
            (story_id,)).fetchone()
        return row is not None
