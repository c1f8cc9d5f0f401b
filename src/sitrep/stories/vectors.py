"""Sparse vectors and incremental idf: the arithmetic of story assignment.

Profiles and centroids are stored without idf; :class:`Idf` applies the
current document frequencies (raised to ``Tuning.idf_power``) when they are
compared, so early articles are not judged forever by the few documents seen
when they arrived.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sitrep.store.stories import DOC_COUNT
from sitrep.stories.features import PROPER, WORD
from sitrep.stories.happening import (
    BROAD,
    MARK,
    MARKERS,
    NAME_PART,
    TOWN_NAME,
    truncate_markers,
)
from sitrep.stories.pervector import per_vector

if TYPE_CHECKING:
    from sitrep.store import Store

Vector = Mapping[str, float]


class Idf:
    """Document frequencies, read from the store and kept up to date.

    Counts are read once per term within a transaction: :meth:`renew` at the
    start of each one forgets them when another writer has counted documents
    since, so the total ``n`` and the terms' counts come from the same moment
    (a count above a stale total once made the log negative and its power
    complex). The cache then follows the counts this process writes. Call
    :meth:`prepare` with the terms of a vector before weighing it.
    """

    def __init__(self, store: Store, power: float) -> None:
        self.store = store
        self.power = power  # Tuning.idf_power
        self.df: dict[str, int] = {}
        self.n = 0
        self._loaded_n = False
        # Weights computed since the counts last changed: one article's scoring
        # asks for the same terms once per candidate story.
        self._weights: dict[str, float] = {}
        self.weights: Mapping[str, float] = self._weights  # read-only view for the loops
        # the weight of a count as read (before clamping), while ``n`` stays
        self._by_df: dict[int, float] = {}
        self.by_df: Mapping[int, float] = self._by_df  # read-only view for the loops
        # open_similarity's sides (norm, rare terms) by id of the vector: valid while
        # no count changes (count and forget drop them, prepare those that weighed a
        # term it reads now; edit df and n only so). The store hands out one dict per
        # stored vector, so a story read again by the recheck is weighed once.
        # By id and ``counted``: a recheck weighs a story's centroid as the side judged
        # (counted 0) and as a candidate of others (counted 1), turn by turn.
        self._sides: dict[tuple[int, int], _Side] = {}
        self._incomplete: set[tuple[int, int]] = set()  # weighed with a count not read yet
        self._prepared: dict[int, Vector] = {}  # vectors whose terms' counts were read
        # weighted_norm of stored vectors (prepared first), kept as the sides are
        self._norms: dict[int, tuple[Vector, int, float]] = {}
        self._rollbacks = 0  # the store's rolled-back transactions when the cache began

    def prepare(self, terms: Iterable[str]) -> None:
        # Markers (happening.py) weigh nothing: their counts are neither kept nor read.
        held = self.df
        missing = [t for t in terms if t not in held and not t.startswith(MARKERS)]
        if not self._loaded_n:
            missing.append(DOC_COUNT)
        if not missing:
            return
        found = self.store.stories.term_dfs(missing)
        stale = False
        for t in missing:
            self.df[t] = df = found.get(t, 0)
            self._weights.pop(t, None)
            stale = stale or df > 0  # a weight computed before read the count as 0
        if stale:  # ... in a side that held a term not read yet (none did, if prepared)
            for key in self._incomplete:
                self._sides.pop(key, None)
            self._incomplete.clear()
        if not self._loaded_n:
            self.n = self.df.pop(DOC_COUNT, 0)
            self._loaded_n = True
            self._drop_weights()

    def prepare_vectors(self, vecs: Iterable[Vector]) -> None:
        """:meth:`prepare` the terms of ``vecs``, skipping the vectors prepared before
        (by identity, until :meth:`forget`: counts once read stay read)."""
        todo = [v for v in vecs if self._prepared.get(id(v)) is not v]
        if not todo:
            return
        # Most terms' counts were read already: one pass (in C) drops them.
        self.prepare(set().union(*todo).difference(self.df))
        if len(self._prepared) + len(todo) > _PREPARED_CAP:
            self._prepared.clear()
        self._prepared.update((id(v), v) for v in todo)

    def prepared(self, vec: Vector) -> bool:
        """Whether ``vec``'s counts were read (:meth:`prepare_vectors`) and are kept."""
        return self._prepared.get(id(vec)) is vec

    def __call__(self, term: str) -> float:
        w = self._weights.get(term)
        if w is None:
            df = self.df.get(term, 0)
            w = self._by_df.get(df)
            if w is None:  # most terms share a few small counts: one log each
                w = self.of_count(df)
            self._weights[term] = w
        return w

    def of_count(self, df: int) -> float:
        """The weight of a count read from the store (kept in ``by_df`` while ``n`` stays)."""
        # Clamped: a count can only exceed n in a store another version wrote. (Compared,
        # not min/max: once per distinct count after every count change, some 600 an
        # article at 10,000 stored.)
        n = self.n
        held = 0 if df < 0 else df
        held = n if held > n else held
        w = self._by_df[df] = (math.log((n + 1) / (held + 1)) + 1.0) ** self.power
        return w

    def share(self, term: str) -> float:
        """The part of the stored documents that hold ``term`` (0 in an empty store)."""
        return min(max(self.df.get(term, 0), 0), self.n) / self.n if self.n else 0.0

    def count(self, terms: Iterable[str]) -> None:
        """Record one more document holding ``terms`` (in the store and the cache)."""
        self._add(terms, 1)

    def uncount(self, terms: Iterable[str]) -> None:
        """Take out one document holding ``terms``, as :meth:`count` put it in."""
        self._add(terms, -1)

    def _add(self, terms: Iterable[str], by: int) -> None:
        distinct = [t for t in dict.fromkeys(terms) if not t.startswith(MARKERS)]
        self.prepare(distinct)
        if by > 0:
            self.store.stories.bump_dfs(distinct)
        else:
            self.store.stories.unbump_dfs(distinct)
        for t in distinct:
            self.df[t] = self.df.get(t, 0) + by
        self.n += by
        self._drop_weights()

    def _drop_weights(self) -> None:
        """Weights, sides and norms follow the counts: dropped when they move."""
        self._weights.clear()
        self._by_df.clear()
        self._sides.clear()
        self._norms.clear()

    def renew(self) -> None:
        """At a transaction's start: keep the counts read and written before when the
        store still holds them, else :meth:`forget` them.

        They hold while the stored total is the cache's ``n`` (every writer counts
        a document in the total with its terms, and counts only grow between
        transactions: another writer's document changes it; the settle's reassign
        takes a run's counts out and puts the same back in one transaction) and
        no transaction of this connection rolled back since the cache began (its
        counts were not kept). Read again in each transaction, the counts of a big
        store's candidates cost more the more distinct stories its articles meet
        (the reads grew 245 -> 554 an article from 1,000 to 10,000 stored); kept,
        only terms never met are read."""
        tables = self.store.stories
        if (self._loaded_n and self._rollbacks == tables.rollbacks
                and len(self.df) <= _DF_CAP
                and tables.term_dfs([DOC_COUNT]).get(DOC_COUNT, 0) == self.n):
            return
        self.forget()

    def forget(self) -> None:
        """Drop the cache: the next reads see the store as it is now."""
        self._rollbacks = self.store.stories.rollbacks
        self.df.clear()
        self._prepared.clear()
        self.n = 0
        self._loaded_n = False
        self._drop_weights()

    def norm(self, vec: Vector) -> float:
        """:func:`weighted_norm` of a stored vector (prepared here), kept until a count
        changes: a recheck reads a story's newest members for its moves and its merges."""
        got = self._norms.get(id(vec))
        if got is None or got[0] is not vec or got[1] != len(vec):
            self.prepare_vectors([vec])
            if len(self._norms) >= _SIDES_CAP:
                self._norms.clear()
            got = self._norms[id(vec)] = (vec, len(vec), weighted_norm(vec, self))
        return got[2]

    def side(self, vec: Vector, counted: int, lone: Mapping[str, float]) -> _Side:
        """``vec``'s norm and rare terms for :func:`open_similarity`, kept until a count
        changes: an article is compared with some 20 stories and 20 members, and
        weighing its norm again for each pair was the largest part of assigning it."""
        key = (id(vec), counted)
        got = self._sides.get(key)
        if (got is None or got.vec is not vec
                or (got.lone is not lone and got.lone != lone) or got.size != len(vec)):
            if len(self._sides) >= _SIDES_CAP:
                self._sides.clear()
            got = self._sides[key] = _Side.of(vec, counted, lone, self)
            if not got.complete:
                self._incomplete.add(key)
        return got


@per_vector
def weighed(vec: Vector) -> tuple[tuple[str, float], ...]:
    """``vec``'s items that weigh (above ``MARK``), in its order, read once per vector
    (pervector.py): they hold no count, so a story met again after a count is weighed
    again without passing its markers and names (some 110 of a grown centroid's 310)."""
    return tuple((t, v) for t, v in vec.items() if v > MARK)


def weighted_norm(vec: Vector, idf: Idf) -> float:
    # Markers (happening.py, at most MARK) are skipped: they weigh nothing, and a
    # float compare is cheaper than their idf.
    count_of, by_df = idf.df.get, idf.by_df  # by count, as _Side.of
    return math.sqrt(sum((v * (idf.of_count(d) if (w := by_df.get(d := count_of(t, 0))) is None
                               else w)) ** 2
                         for t, v in vec.items() if v > MARK))


def _weighted_dot(vec: Vector, other: Vector, idf: Idf) -> float:
    """Dot product of the idf-weighted vectors: the numerator both cosines share.

    The shorter side is walked (a lookup per term it holds), in its own order: the
    sum's order is the float arithmetic the stored partitions were built with.
    """
    small, large = (vec, other) if len(vec) <= len(other) else (other, vec)
    weights = idf.weights
    dot = 0.0
    for t, v in small.items():
        w = large.get(t)
        if w is not None:
            x = weights.get(t)
            dot += v * w * (idf(t) if x is None else x) ** 2
    return dot


def similarity(vec: Vector, vec_norm: float, other: Vector, other_norm: float,
               idf: Idf) -> float:
    """Cosine of the idf-weighted vectors, given their weighted norms."""
    if vec_norm <= 0 or other_norm <= 0:
        return 0.0
    return _weighted_dot(vec, other, idf) / (vec_norm * other_norm)


def open_similarity(vec: Vector, vec_counted: int, other: Vector, other_counted: int,
                    idf: Idf, lone: Mapping[str, float]) -> float:
    """Cosine of the idf-weighted vectors where a side's lone terms weigh less in its norm.

    A term is lone when no stored document but the side's own holds it
    (``*_counted``: how many of its documents the counts hold already, 0 for an
    article not yet counted) and the other side lacks it: page chrome, a
    writer's byline, one outlet's wording. Such a term can match nothing, yet in
    a plain cosine it dilutes every match of a long page, so twelve outlets'
    reports of one event look unlike each other. Its squared weight in the
    norm is multiplied by ``lone[namespace]`` (1 when missing). Call
    :meth:`Idf.prepare` with both sides' terms first.
    """
    own = idf.side(vec, vec_counted, lone).norm2(other, idf)
    far = idf.side(other, other_counted, lone).norm2(vec, idf)
    if not (own > 0 and far > 0):
        return 0.0
    return _weighted_dot(vec, other, idf) / math.sqrt(own * far)


def surely_below(vec: Vector, vec_counted: int, other: Vector, other_counted: int,
                 idf: Idf, lone: Mapping[str, float], least: float) -> bool:
    """Whether :func:`open_similarity` of ``vec`` (prepared) to ``other`` is surely
    below ``least``, told without reading the counts of ``other``'s terms.

    The cosine's numerator comes from the terms both hold, whose counts ``vec``'s
    preparation read. ``other``'s squared norm is at least what those terms weigh in
    it (a lone weight applies only to a term the other side lacks) and what its
    other terms weigh at the least: as counted when the count was read already, else
    at the least weight a count gives (1) times their lone weight. A story first met
    (more of them an article as the store grows) is ruled out so, its some 180 terms
    neither counted nor weighed: most candidates share a few topic words only."""
    small, large = (vec, other) if len(vec) <= len(other) else (other, vec)
    weights = idf.weights
    dot = shared = 0.0
    for t, v in small.items():
        u = large.get(t)
        if u is not None:
            x = weights.get(t)
            w2 = (idf(t) if x is None else x) ** 2
            p = v * u
            if p > 0.0:  # (an upper bound of the dot product, whatever the signs)
                dot += p * w2
            theirs = other[t]
            if theirs > MARK:  # what _Side weighs
                shared += theirs * theirs * w2
    if dot <= 0.0:
        return least > 0.0
    own = idf.side(vec, vec_counted, lone).norm2(other, idf)
    if not (own > 0 and least > 0):
        return False
    # below when dot / sqrt(own * norm2) < least: when norm2 passes this mark
    mark = dot * dot / (own * least * least)
    rest = shared
    if rest > mark:
        return True
    count_of, by_df = idf.df.get, idf.by_df
    for t, v in weighed(other):
        if t in vec:
            continue  # counted in ``shared``
        d = count_of(t)
        if d is None:  # a weight of 1 at the least, and the lone weight if it is lone
            f = lone.get(t.partition(":")[0], 1.0)
            rest += v * v * (f if f < 1.0 else 1.0)
        else:
            w = by_df.get(d)
            x = v * (idf.of_count(d) if w is None else w)
            rest += x * x * (lone.get(t.partition(":")[0], 1.0) if d <= other_counted else 1.0)
        if rest > mark:
            return True
    return False


_SIDES_CAP = 4096  # vectors cached between count changes (one article needs ~40)
# Vectors remembered as prepared within a transaction (a recheck reads ~1,000): held
# alive while remembered, so a bounded few.
_PREPARED_CAP = 1024
# Counts kept across transactions (Idf.renew): past this many terms they are read anew.
_DF_CAP = 200_000


@dataclass(frozen=True, slots=True)
class _Side:
    """One side of :func:`open_similarity`, weighed once per state of the counts.

    ``rare`` are the terms whose squared weight shrinks when the other side
    lacks them (held by no document but the side's own, with a lone weight
    other than 1). The other side holds none of them in most comparisons
    (an article's rare terms are in no story at all), and the norm is
    ``all_lone``, summed once; otherwise it is summed again in the same order,
    so the result is the same float either way. The vector and the lone map
    are held so that their ids stay theirs while cached.
    """

    vec: Vector
    lone: Mapping[str, float]
    counted: int
    size: int
    rare: tuple[str, ...]
    all_lone: float
    complete: bool  # every weighed term's count was read (prepared) when weighed

    @classmethod
    def of(cls, vec: Vector, counted: int, lone: Mapping[str, float], idf: Idf) -> _Side:
        # Weighed once per side after every count (all weights change with ``n``): the
        # weight is looked up by the term's count, not by the term (``Idf.__call__``),
        # as most terms share a few counts. The same floats as ``idf(t)``.
        count_of, by_df = idf.df.get, idf.by_df
        rare: list[str] = []
        total = 0.0
        complete = True
        for t, v in weighed(vec):  # the markers (happening.py) and names weigh nothing
            d = count_of(t)
            if d is None:
                complete = False
                d = 0
            w = by_df.get(d)
            sq = (v * (idf.of_count(d) if w is None else w)) ** 2
            if lone and d <= counted:
                f = lone.get(t.split(":", 1)[0], 1.0)
                if f != 1.0:  # x 1.0 changes nothing
                    rare.append(t)
                    sq *= f
            total += sq
        return cls(vec, lone, counted, len(vec), tuple(rare), total, complete)

    def norm2(self, other: Vector, idf: Idf) -> float:
        """The squared norm, the lone weights applied to the rare terms ``other`` lacks."""
        for t in self.rare:
            if t in other:
                break
        else:
            return self.all_lone
        count_of, by_df, lone = idf.df.get, idf.by_df, self.lone
        total = 0.0
        for t, v in weighed(self.vec):
            d = count_of(t, 0)
            w = by_df.get(d)
            sq = (v * (idf.of_count(d) if w is None else w)) ** 2
            if t not in other and d <= self.counted:
                sq *= lone.get(t.split(":", 1)[0], 1.0)
            total += sq
        return total


def blend(a: Vector, na: int, b: Vector, nb: int) -> dict[str, float]:
    """The mean of two means, weighted by how many vectors each holds."""
    total = na + nb
    if total <= 0:
        return {}
    out = {t: v * na / total for t, v in a.items()}
    for t, v in b.items():
        out[t] = out.get(t, 0.0) + v * nb / total
    return out


def top_terms(vec: Vector, idf: Idf, k: int) -> list[str]:
    """The ``k`` terms that weigh most once idf is applied (ties by term)."""
    # Keyed in one pass without a call per term (the weights as ``idf(t)`` gives them):
    # a centroid is ranked twice per save (truncated, then indexed), and a grown one
    # holds some 300 terms. Terms are unique, so the tuples sort as the keys would.
    weight = idf.weights.get
    keyed = [(-v * (w if (w := weight(t)) is not None else idf(t)), t) for t, v in vec.items()]
    keyed.sort()
    return [t for _, t in keyed[:k]]


# Names (features.PROPER) a centroid keeps. They weigh nothing, but every member adds
# its title's names, and each comparison, blend and save of a centroid reads them all: a
# story of months gathered hundreds. A story's own names are the ones its reports title
# it by, held by many of its members (their title words weigh most); the dev sets'
# stories hold at most 33 (ECB+; GVA 23, GiveMe 9).
CENTROID_NAMES = 64


def truncate(vec: Vector, idf: Idf, k: int, names: int = CENTROID_NAMES) -> dict[str, float]:
    """The ``k`` heaviest terms, the markers of no weight (the town names, at most
    ``names`` features.PROPER names) and the most held headline and lead markers
    (happening.py, bounded)."""
    weighed = {t: v for t, v in vec.items() if not t.startswith((*MARKERS, PROPER))}
    kept = ({t: vec[t] for t in top_terms(weighed, idf, k)} | _names(vec, names)
            | {t: v for t, v in vec.items() if t.startswith(TOWN_NAME)} | truncate_markers(vec)
            | _most_held(vec, NAME_PART, names))
    # a kept anchor keeps its mark as a broad place (features.broad_markers)
    return kept | {t: v for t, v in vec.items() if t.startswith(BROAD) and t[len(BROAD):] in kept}


def _most_held(vec: Vector, prefix: str, k: int) -> dict[str, float]:
    """The ``k`` terms of ``vec`` under ``prefix`` most held (highest mean; ties by term)."""
    found = sorted(((v, t) for t, v in vec.items() if t.startswith(prefix)),
                   key=lambda x: (-x[0], x[1]))
    return {t: v for v, t in found[:k]}


def _names(vec: Vector, k: int) -> dict[str, float]:
    """The ``k`` names (features.PROPER) of ``vec`` whose title words it holds most
    (ties by term)."""
    found = [t for t in vec if t.startswith(PROPER)]
    if len(found) > k:
        found = sorted(found, key=lambda t: (-vec.get(WORD + t[len(PROPER):], 0.0), t))[:k]
    return {t: vec[t] for t in found}


def span_gap(first: str | None, last: str | None, other_first: str | None,
             other_last: str | None) -> int | None:
    """Days between two spans of days (0 when they overlap); None when a date is missing."""
    to_first = day_gap(first, other_first, other_last)
    to_last = day_gap(last, other_first, other_last)
    if to_first is None or to_last is None:
        return None
    if first and last and other_first and first <= other_first <= last:
        return 0  # the other span starts inside this one
    return min(to_first, to_last)


def day_gap(day: str | None, first: str | None, last: str | None) -> int | None:
    """Days between ``day`` and the span [first, last]; None when a date is missing."""
    if not day or not first or not last:
        return None
    try:
        d, lo, hi = date.fromisoformat(day), date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return None
    if d < lo:
        return (lo - d).days
    if d > hi:
        return (d - hi).days
    return 0
