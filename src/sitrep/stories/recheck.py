"""Second looks at recent stories: heal the early wrong splits and merges.

An article is judged once, against the stories stored when it arrives; the
same articles in another order meet other stories and can end elsewhere. A
recheck judges the articles of recently active stories again against the
store as it is now, in a fixed order (by day, then id: not by arrival):

1. moves: each article goes to the story it now fits best, its own story
   judged without it (leave-one-out, so a story's pull on its own member is
   not counted), when that is a join the assigner would make and better
   than staying: the early report of an event that started a story
   of its own, before its outlets' reports came, joins them;
2. merges: two stories whose members resemble each other across about as
   much as within (average link, the split test of split.py turned around)
   become one; two whose first reports came on one day by the split's own
   ratio (``settle_split``: a split never separates such two).

The work is bounded by the window (the newest ``recheck_window`` stored
articles and their stories) and the per-story samples, so it stays flat as
the store grows; a periodic recheck merges among the stories of the articles
since the last recheck point only (the older ones were judged there).
Stories an analyst changed (nothing leaves or enters them), pinned articles
and pairs an analyst kept apart are left alone. Every change is logged
(automatic).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from sitrep.models import stable_id
from sitrep.store.migrations import utc_now
from sitrep.store.stories import MemberRow, StoryState
from sitrep.stories.assign import Side, discount
from sitrep.stories.protagonists import GroupBar, cast_of, protagonist_groups, shared_protagonist
from sitrep.stories.split import Split, check_split, newest_profiles, silence_split
from sitrep.stories.state import (
    DEFAULT_TUNING,
    Joining,
    Mover,
    StoryContext,
    Tuning,
    absorb,
    after_move,
    day_of,
    persist,
    without,
)
from sitrep.stories.vectors import Vector, similarity, span_gap, weighted_norm

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sitrep.store import Store
    from sitrep.stories.assign import Assigner


@dataclass(slots=True)
class Recheck:
    """What a recheck changed: (article, from story, to story) and (kept, gone)."""

    looked_at: int = 0
    moved: list[tuple[str, str, str]] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)

    def add(self, later: Recheck) -> Recheck:
        """This recheck and a later one, as one."""
        return Recheck(max(self.looked_at, later.looked_at), self.moved + later.moved,
                       self.merged + later.merged)


@dataclass(slots=True)
class _Member:
    row: MemberRow
    story: str
    terms: Vector
    norm: float
    day: str | None
    side: Side = field(init=False)  # what the discounts read of it

    def __post_init__(self) -> None:
        self.side = Side.of(self.terms, (self.day, self.day))


def recheck_recent(store: Store, tuning: Tuning = DEFAULT_TUNING,
                   window: int | None = None) -> Recheck:
    """Recheck the recent stories in a transaction of its own (``sitrep story recheck``)."""
    from sitrep.stories.assign import Assigner

    assigner = Assigner(store, tuning)
    with store.stories.write("recheck recent stories"):
        ctx = StoryContext(store, assigner.idf, tuning, utc_now())
        return recheck(assigner, ctx, window or tuning.recheck_window)


def recheck(assigner: Assigner, ctx: StoryContext, window: int,
            fresh: int | None = None) -> Recheck:
    """Judge again the newest ``window`` stored articles, then merge among their
    stories (call inside a transaction); with ``fresh``, only the stories of the
    newest ``fresh`` articles and those the moves changed are merged: the rest
    were judged for merges at the last recheck point, as they are now."""
    store = ctx.store
    newest = store.stories.newest_seq()
    after = newest - window
    stories = store.stories.recent_story_ids(after)
    # The recent articles themselves are judged again, not their stories' older members.
    members = _window_members(ctx, stories, after)
    done = Recheck(looked_at=len(members))
    _move_rounds(assigner, ctx, members, done)
    if fresh is not None and fresh < window:
        since = newest - fresh
        merging = ({m.story for m in members if m.row.seq > since}
                   | set(store.stories.recent_story_ids(since))
                   | {sid for move in done.moved for sid in move[1:]})
    else:
        merging = {m.story for m in members} | set(stories)
    done.merged = _merge_pass(assigner, ctx, merging,
                              ctx.tuning.recheck_merge_stories if fresh is not None else 0)
    return done


def _move_rounds(assigner: Assigner, ctx: StoryContext, members: list[_Member],
                 done: Recheck) -> None:
    """Judge the members again in a fixed order (by day, then id), for up to
    ``recheck_rounds`` rounds; a move changes two stories, whose members are judged
    again in the next round (the moves are added to ``done``)."""
    todo = sorted(members, key=lambda m: (m.day or "", m.row.article_id))
    for _ in range(ctx.tuning.recheck_rounds):
        touched: set[str] = set()
        for m in todo:
            moved = _reconsider(assigner, ctx, m)
            if moved is not None:
                done.moved.append(moved)
                touched.update(moved[1:])
        todo = [m for m in todo if m.story in touched]
        if not todo:
            break


def split_window(ctx: StoryContext, window: int) -> list[Split]:
    """Split the stories of the newest ``window`` articles that hold two distinct
    groups by ``tuning.settle_split``, whatever their size (call inside a transaction)."""
    store = ctx.store
    done = []
    # Read at once, not one by one: a split changes only its own story (read
    # already) and the one it makes (read again should it be among them).
    recent = store.stories.recent_story_ids(store.stories.newest_seq() - window)
    states = store.stories.states(recent)
    made: set[str] = set()
    for sid in recent:
        state = (store.stories.states([sid]) if sid in made else states).get(sid)
        if state is None or state.merged_into is not None:
            continue
        split = check_split(ctx, state, ctx.tuning.settle_split) or silence_split(ctx, state)
        if split is not None:
            done.append(split)
            made.add(split.new_id)
    return done


def _window_members(ctx: StoryContext, story_ids: list[str], after: int) -> list[_Member]:
    """The unpinned originals stored after seq ``after`` of these stories."""
    store, idf = ctx.store, ctx.idf
    rows = [(sid, r) for sid in story_ids if not store.stories.analyst_changed(sid)
            for r in store.stories.newest_members(sid, ctx.tuning.recheck_cap)
            if r.seq > after and not r.pinned]
    profiles = store.stories.features([r.article_id for _, r in rows])
    idf.prepare_vectors(profiles.values())
    return [_Member(r, sid, profiles[r.article_id], idf.norm(profiles[r.article_id]),
                    day_of(r.published)) for sid, r in rows if r.article_id in profiles]


def _reconsider(assigner: Assigner, ctx: StoryContext, m: _Member) -> tuple[str, str, str] | None:
    """Move ``m`` to the story it now fits best, if that is better than staying."""
    store, tuning = ctx.store, ctx.tuning
    found = store.stories.of_article(m.row.article_id)
    if found is None or found[1]:
        return None
    m.story = found[0]
    terms = m.terms  # one dict for all its comparisons: weighed once (Idf.side)
    own_state = store.stories.states([m.story]).get(m.story)
    if own_state is None:
        return None
    own = _leave_one_out(ctx, terms, m, own_state)
    for sim, other in assigner.score_terms(terms, m.day, m.day, tuning.recheck_compared):
        if other.id == m.story:
            continue
        if sim < tuning.join or sim <= own + tuning.recheck_margin:
            break
        if (store.stories.kept_apart(m.story, other.id)
                or store.stories.analyst_changed(other.id)
                or not assigner._supported(terms, (sim, other))):
            continue
        _move(ctx, m, other.id, sim)
        return m.row.article_id, found[0], other.id
    if own_state.members > 1 and own < tuning.recheck_leave:
        return _leave(ctx, m, own)
    return None


def _leave(ctx: StoryContext, m: _Member, own: float) -> tuple[str, str, str]:
    """``m`` starts a story of its own: its story, without it, fits it no better than
    a stranger (the same test whichever of the two came first)."""
    source, store = m.story, ctx.store
    alone, n = stable_id("story", "recheck-alone", m.row.article_id), 0
    while store.stories.states([alone]):  # it was alone once before: a fresh id
        n += 1
        alone = stable_id("story", "recheck-alone", m.row.article_id, str(n))
    store.stories.save(StoryState(id=alone), ctx.now)
    _move(ctx, m, alone, 0.0, f"recheck: its story fits it too little ({own:.2f})")
    return m.row.article_id, source, alone


def _leave_one_out(ctx: StoryContext, terms: Vector, m: _Member,
                   story: StoryState) -> float:
    """How well ``terms`` fit ``story`` without them, scored as the assigner scores."""
    if story.members <= 1:
        return 0.0
    rest = without(story.centroid, story.members, [terms])
    idf = ctx.idf
    idf.prepare(rest)
    sim = similarity(terms, m.norm, rest, weighted_norm(rest, idf), idf)
    return discount(sim, m.side, rest, (story.first_date, story.last_date), ctx.tuning, idf)


def _move(ctx: StoryContext, m: _Member, target: str, sim: float,
          note: str | None = None) -> None:
    store, now = ctx.store, ctx.now
    source = m.story
    aid = m.row.article_id
    store.stories.put_article(aid, target, sim, "recheck", now, pinned=False)
    copies = store.copies_of(aid)
    for copy in copies:
        store.stories.put_article(copy, target, None, "copy", now, pinned=False)
    mover = Mover(Joining(aid, m.row.title, m.row.published, m.row.seq, sim), m.terms,
                  len(copies))
    _retire_if_empty(ctx, after_move(ctx, source, [mover], joined=False), target)
    after_move(ctx, target, [mover], joined=True)
    store.stories.log("move", target, source, [aid], now, manual=False,
                      note=note or f"recheck: fits better here (similarity {sim:.2f})")
    m.story = target


def _retire_if_empty(ctx: StoryContext, story: StoryState, into: str) -> None:
    """An emptied story points at where its articles went: its id still resolves."""
    if story.articles == 0 and story.merged_into is None:
        story.merged_into = into
        persist(ctx, story)


# ------------------------------------------------------------ merges


def _merge_pass(assigner: Assigner, ctx: StoryContext, story_ids: set[str],
                searched: int = 0) -> list[tuple[str, str]]:
    """Merge window stories into the close stories whose members resemble theirs
    across about as much as within (``recheck_merge`` times the looser story's mean);
    close stories are searched from at most ``searched`` of them (0: all; see
    ``Tuning.recheck_merge_stories``)."""
    store = ctx.store
    cache = _MergeCache(_groups(ctx, sorted(story_ids)))
    pairs = _close_pairs(assigner, ctx, cache, searched)
    pairs.extend(_protagonist_pairs(ctx, cache.groups))
    merged: list[tuple[str, str]] = []
    into: dict[str, str] = {}  # a merged story -> the one that kept it
    for cross, a, b in sorted(p for p in pairs if p is not None):
        a, b = _live(into, a), _live(into, b)  # fragments of one event chain into one
        if a == b or store.stories.kept_apart(a, b):
            continue
        states = store.stories.states([a, b])
        keep, lose = (a, b) if _bigger(states[a], states[b]) else (b, a)
        _merge(ctx, keep, lose, -cross)
        into[lose] = keep
        merged.append((keep, lose))
    return merged


@dataclass
class _MergeCache:
    """What a merge pass reads once per story: its members, its members' mean
    similarity within and the sum of their unit vectors (see _unit_sum)."""

    groups: dict[str, list[_Member]]
    within: dict[str, float] = field(default_factory=dict)
    sums: dict[str, dict[str, float]] = field(default_factory=dict)


def _close_pairs(assigner: Assigner, ctx: StoryContext, cache: _MergeCache,
                 searched: int = 0) -> list[tuple[float, str, str] | None]:
    """The scores of each story of several members (the ``searched`` of fewest
    members, when not 0) with its closest stories, each pair once (the pair test is
    symmetric)."""
    tuning, groups = ctx.tuning, cache.groups
    scored: set[tuple[str, str]] = set()
    pairs = []
    # A single report: the moves judged it already.
    several = [sid for sid in sorted(groups) if len(groups[sid]) >= 2]
    states = ctx.store.stories.states(several)
    for sid in _fewest_members(several, states, searched):
        state = states[sid]
        close = assigner.score_terms(state.centroid, state.first_date, state.last_date,
                                      tuning.recheck_compared)
        for sim, other in close[:tuning.recheck_candidates + 1]:
            if other.id == sid or sim < tuning.join:
                continue
            key = (sid, other.id) if sid < other.id else (other.id, sid)
            if key in scored:
                continue  # found from both sides
            scored.add(key)
            if other.id not in groups:
                groups.update(_groups(ctx, [other.id]))
            if other.id in groups:
                pairs.append(_pair_score(ctx, cache, sid, other.id))
    return pairs


def _fewest_members(story_ids: list[str], states: Mapping[str, StoryState],
                    searched: int) -> list[str]:
    """The ``searched`` of ``story_ids`` (sorted) with the fewest members, ties by id, in
    id order; all of them when ``searched`` is 0 or no fewer. A young fragment is what a
    merge heals, a grown story was judged at every recheck point it grew through
    (``Tuning.recheck_merge_stories``)."""
    if not 0 < searched < len(story_ids):
        return story_ids
    return sorted(sorted(story_ids, key=lambda s: (states[s].members, s))[:searched])


def _live(into: dict[str, str], sid: str) -> str:
    while sid in into:
        sid = into[sid]
    return sid


def _pair_score(ctx: StoryContext, cache: _MergeCache, a_id: str,
                b_id: str) -> tuple[float, str, str] | None:
    """(-cross, a, b) when the two stories should merge, else None."""
    tuning, groups, within, sums = ctx.tuning, cache.groups, cache.within, cache.sums
    floor = tuning.recheck_merge_min
    if a_id in within and b_id in within:
        floor = max(floor, _least_ratio(tuning) * min(within[a_id], within[b_id]))
    for sid in (a_id, b_id):
        if sid not in sums:
            sums[sid] = _unit_sum(ctx, groups[sid])
    cross = _mean_cross_above(ctx, groups[a_id], groups[b_id],
                              _dot(sums[a_id], sums[b_id]), floor)
    if cross is None or cross < tuning.recheck_merge_min:
        return None
    for sid in (a_id, b_id):
        if sid not in within:
            within[sid] = _mean_within(ctx, groups[sid])
    looser = min(within[a_id], within[b_id])
    if cross < tuning.recheck_merge * looser and not (
            cross >= tuning.settle_split * looser and _same_start(ctx, a_id, b_id)):
        return None
    first, second = sorted((a_id, b_id))
    return -cross, first, second


def _least_ratio(tuning: Tuning) -> float:
    """The lowest across / within ratio at which two stories may merge."""
    return min(tuning.recheck_merge, tuning.settle_split)


def _same_start(ctx: StoryContext, a_id: str, b_id: str) -> bool:
    """Whether the two stories' first reports came on one (known) day.

    Such two are strands of one happening, worded apart by their outlets: a split
    never separates them (split.later_start), so they merge by the split's own
    ratio (``settle_split``), not the stricter ``recheck_merge``. Between the two
    ratios, whether a chain of joins had made them one story first would decide
    (merged they stay, apart they stay): arrival order, not what they tell."""
    states = ctx.store.stories.states([a_id, b_id])
    if a_id not in states or b_id not in states:
        return False
    first = states[a_id].first_date
    return first is not None and first == states[b_id].first_date


def _protagonist_pairs(ctx: StoryContext, groups: dict[str, list[_Member]]
                       ) -> list[tuple[float, str, str]]:
    """(-cross, a, b) for stories told around one distinctive name (protagonists.py),
    whatever their cosine, their spans at most ``protagonist_days`` apart."""
    t = ctx.tuning
    if t.protagonist_concentration > 1.0:
        return []
    states = ctx.store.stories.states(sorted(groups))
    casts = [cast_of(sid, [m.terms for m in groups[sid]], states[sid].members,
                     t.protagonist_share, t.protagonist_members, t.protagonist_names)
             for sid in sorted(groups) if sid in states]
    casts = [c for c in casts if c.held]
    # Two stories holding most of a title word's documents; or any number holding
    # most of a name's (a followed event in fragments: protagonists.py).
    told = {(a.story, b.story) for a, b in combinations(casts, 2)
            if shared_protagonist(a, b, ctx.idf, t.protagonist_concentration,
                                  t.protagonist_df) is not None}
    found = set()
    for a, b in told:
        sa, sb = states[a], states[b]
        gap = span_gap(sa.first_date, sa.last_date, sb.first_date, sb.last_date)
        if gap is not None and gap <= t.protagonist_days:
            found.add((a, b))  # months later: a related story, not this one
    spans = {sid: (states[sid].first_date, states[sid].last_date) for sid in groups
             if sid in states}
    bar = GroupBar(t.protagonist_concentration, t.protagonist_core, t.protagonist_df,
                   t.protagonist_burst)
    for _, core, others in protagonist_groups(casts, ctx.idf, bar, spans):
        days = [m.day for m in groups[core]]
        for other in others:
            if states[other].members > t.protagonist_fragment:
                continue  # two grown stories join only as a pair (above)
            gaps = [g for m in groups[other] for d in days
                    if (g := span_gap(m.day, m.day, d, d)) is not None]
            if gaps and min(gaps) <= t.protagonist_days:
                found.add((core, other))
    out = []
    for a, b in sorted(found):
        cross = _mean_cross(ctx, groups[a], groups[b])
        if cross >= t.protagonist_min:
            out.append((-cross, a, b))
    return out


def _groups(ctx: StoryContext, story_ids: list[str]) -> dict[str, list[_Member]]:
    out: dict[str, list[_Member]] = {}
    states = ctx.store.stories.states(story_ids)
    for sid in story_ids:
        state = states.get(sid)
        if state is None or state.merged_into is not None or state.members < 1:
            continue
        if ctx.store.stories.analyst_changed(sid) or ctx.store.stories.has_pins(sid):
            continue
        rows, vecs, norms = newest_profiles(ctx.store, sid, ctx.tuning.recheck_sample,
                                            ctx.idf)
        if rows:
            out[sid] = [_Member(r, sid, v, n, day_of(r.published))
                        for r, v, n in zip(rows, vecs, norms, strict=True)]
    return out


def _pair(ctx: StoryContext, a: _Member, b: _Member) -> float:
    """Similarity of two members with the assigner's discounts (places that clash,
    no shared anchor, dates apart; nothing to discount when they share no term)."""
    sim = similarity(a.terms, a.norm, b.terms, b.norm, ctx.idf)
    if sim <= 0.0:
        return 0.0
    return discount(sim, a.side, b.terms, b.side.span, ctx.tuning, ctx.idf)


def _mean_cross(ctx: StoryContext, a: list[_Member], b: list[_Member]) -> float:
    return sum(_pair(ctx, x, y) for x in a for y in b) / (len(a) * len(b))


def _unit_sum(ctx: StoryContext, group: list[_Member]) -> dict[str, float]:
    """The sum of the members' idf-weighted unit vectors: its dot product with another
    group's is the sum of every cross pair's plain similarity (see _mean_cross_above)."""
    idf, out = ctx.idf, dict[str, float]()
    weights = idf.weights  # computed already: no call each
    for m in group:
        if m.norm > 0:
            for t, v in m.terms.items():
                w = weights.get(t)
                out[t] = out.get(t, 0.0) + v * (idf(t) if w is None else w) / m.norm
    return out


def _dot(a: Vector, b: Vector) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(v * w for t, v in small.items() if (w := large.get(t)) is not None)


# Float slack of the bound below: it is exact arithmetic summed in another order.
_SLACK = 1e-9


def _mean_cross_above(ctx: StoryContext, a: list[_Member], b: list[_Member], plain: float,
                      floor: float) -> float | None:
    """:func:`_mean_cross`, or None as soon as it is sure to fall below ``floor``.

    ``plain`` is the sum of the pairs' similarities before the discounts (no more
    than 1 each): what is discounted so far plus what is left of ``plain`` bounds
    the sum from above. Most pairs a merge pass weighs share a subject and little
    else (each in its place, its days, its happening): it stops after a few pairs
    instead of weighing all of them, and decides as the full mean would."""
    n = len(a) * len(b)
    limit = floor * n - _SLACK
    if plain < limit:
        return None
    idf, got, left = ctx.idf, 0.0, plain
    for x in a:
        for y in b:
            sim = similarity(x.terms, x.norm, y.terms, y.norm, idf)
            left -= sim
            if sim > 0.0:
                got += discount(sim, x.side, y.terms, y.side.span, ctx.tuning, idf)
            if got + left < limit:
                return None
    return got / n


def _mean_within(ctx: StoryContext, group: list[_Member]) -> float:
    if len(group) < 2:
        return 1.0  # a single report: its own event until shown otherwise
    pairs = list(combinations(group, 2))
    return sum(_pair(ctx, x, y) for x, y in pairs) / len(pairs)


def _bigger(a: StoryState, b: StoryState) -> bool:
    return (a.articles, -a.activity, b.id) >= (b.articles, -b.activity, a.id)


def _merge(ctx: StoryContext, keep: str, gone: str, cross: float) -> None:
    states = ctx.store.stories.states([keep, gone])
    absorb(ctx, states[keep], states[gone])
    ctx.store.stories.log("merge", keep, gone, [], ctx.now, manual=False,
                          note=f"recheck: members as alike across ({cross:.2f}) as within")

