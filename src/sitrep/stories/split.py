"""Second thoughts: split a story whose members form two separate groups.

An article is assigned when it arrives, against what the store holds then.
The first report of a second event of the same kind (another earthquake on
the same island, the same boxer's next fight) can look closest to the first
event's story and join it; the reports that follow then agree with each
other more than with the rest. At checkpoints of a story's growth its
newest members are clustered in two (average link); when the two groups are
much less alike than each is inside, the newer group leaves as a story of
its own. The cost is bounded by ``split_cap`` members, and checkpoints grow
geometrically, so it stays flat per article as stories and the store grow.

Stories an analyst changed are left alone, and pinned articles never move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import combinations, pairwise
from typing import TYPE_CHECKING

from sitrep.models import stable_id
from sitrep.store.stories import MemberRow, StoryState
from sitrep.stories.state import Joining, Mover, StoryContext, after_move, day_of, rebuild
from sitrep.stories.vectors import Idf, Vector, similarity

if TYPE_CHECKING:
    from sitrep.store import Store


@dataclass(frozen=True, slots=True)
class Split:
    """Articles that left ``story_id`` for the new ``new_id``, and why."""

    story_id: str
    new_id: str
    articles: tuple[str, ...]
    between: float
    within: float


def newest_vectors(store: Store, story_id: str, limit: int,
                   idf: Idf) -> tuple[list[MemberRow], list[Vector]]:
    """A story's newest originals (oldest first) with their profiles, prepared."""
    members = store.stories.newest_members(story_id, limit)
    profiles = store.stories.features([m.article_id for m in members])
    members = [m for m in members if m.article_id in profiles]
    vecs: list[Vector] = [profiles[m.article_id] for m in members]
    idf.prepare_vectors(vecs)
    return members, vecs


def newest_profiles(store: Store, story_id: str, limit: int,
                    idf: Idf) -> tuple[list[MemberRow], list[Vector], list[float]]:
    """A story's newest originals (oldest first) with their profiles and idf norms."""
    members, vecs = newest_vectors(store, story_id, limit, idf)
    return members, vecs, [idf.norm(v) for v in vecs]


def is_checkpoint(members: int, least: int) -> bool:
    """Sizes from ``least`` on that are 4, 5 or 6 times a power of two: 4, 5, 6, 8, 10, 12, ..."""
    if members < least:
        return False
    while members > 6 and members % 2 == 0:
        members //= 2
    return members in (4, 5, 6)


def two_groups(sims: list[list[float]]) -> tuple[list[int], list[int]]:
    """Average-link agglomeration of items 0..n-1 down to two groups (n >= 2)."""
    groups: list[list[int]] = [[i] for i in range(len(sims))]
    # total[a][b]: sum of the pair similarities between groups a and b
    total = [row[:] for row in sims]
    alive = list(range(len(groups)))
    while len(alive) > 2:
        best, pair = -1.0, (alive[0], alive[1])
        for a, b in combinations(alive, 2):
            avg = total[a][b] / (len(groups[a]) * len(groups[b]))
            if avg > best:
                best, pair = avg, (a, b)
        a, b = pair
        groups[a].extend(groups[b])
        for c in alive:
            total[a][c] += total[b][c]
            total[c][a] = total[a][c]
        alive.remove(b)
    first, second = alive
    return sorted(groups[first]), sorted(groups[second])


def _pair_sims(vecs: list[Vector], norms: list[float], idf: Idf) -> list[list[float]]:
    """The similarity of every pair of ``vecs`` (1 on the diagonal)."""
    sims = [[1.0] * len(vecs) for _ in vecs]
    for i, j in combinations(range(len(vecs)), 2):
        sims[i][j] = sims[j][i] = similarity(vecs[i], norms[i], vecs[j], norms[j], idf)
    return sims


def _mean_pair(sims: list[list[float]], items: list[int]) -> float:
    pairs = list(combinations(items, 2))
    return sum(sims[a][b] for a, b in pairs) / len(pairs)


def _between(sims: list[list[float]], a: list[int], b: list[int]) -> float:
    return sum(sims[i][j] for i in a for j in b) / (len(a) * len(b))


def check_split(ctx: StoryContext, story: StoryState,
                ratio: float | None = None) -> Split | None:
    """Split ``story`` (saved) if its newest members form two distinct groups: at
    checkpoints of its growth by ``split_ratio``, or at any size by ``ratio``."""
    store, idf, tuning = ctx.store, ctx.idf, ctx.tuning
    if story.members < 2 * tuning.split_min_part or (
            ratio is None and not is_checkpoint(story.members, 2 * tuning.split_min_part)):
        return None
    if store.stories.analyst_changed(story.id):
        return None
    recent, vecs, norms = newest_profiles(store, story.id, tuning.split_cap, idf)
    if len(recent) < 2 * tuning.split_min_part:
        return None
    n = len(vecs)
    sims = _pair_sims(vecs, norms, idf)
    first, second = two_groups(sims)
    if min(len(first), len(second)) < tuning.split_min_part:
        return None
    between = _between(sims, first, second)
    within = min(_mean_pair(sims, first), _mean_pair(sims, second))
    if between >= (tuning.split_ratio if ratio is None else ratio) * within:
        return None
    # The group holding the oldest member considered keeps the story.
    part = second if 0 in first else first
    leaving = [recent[i] for i in part]
    if any(m.pinned for m in leaving):
        return None
    staying = [recent[i] for i in range(n) if i not in part]
    if not later_start(staying, leaving):
        return None
    return _carry_out(ctx, story.id, leaving, [vecs[i] for i in part], between, within)


def silence_split(ctx: StoryContext, story: StoryState) -> Split | None:
    """Split ``story`` (saved) where its reports fall silent for more than
    ``split_silence`` days, when the reports after the silence are less alike to
    those before than ``split_ratio`` times as alike as inside.

    A report of one event can join an older story of the same kind across a year
    (the date discount is capped: a story's name is still its name), and once it
    has, the story's span holds every day between and the reports that follow join
    it undiscounted. A story that resumes after months alike to what it was is the
    same story taken up again; one that resumes unlike it is another event."""
    store, idf, tuning = ctx.store, ctx.idf, ctx.tuning
    if tuning.split_silence <= 0 or story.members < 2:
        return None
    if store.stories.analyst_changed(story.id):
        return None
    recent, vecs, norms = newest_profiles(store, story.id, tuning.split_cap, idf)
    days = [day_of(m.published) for m in recent]
    cut = _silence(days, tuning.split_silence)
    if cut is None:
        return None
    before = [i for i, d in enumerate(days) if d is None or d <= cut]
    after = [i for i, d in enumerate(days) if d is not None and d > cut]
    sims = _pair_sims(vecs, norms, idf)
    between = _between(sims, before, after)
    inside = [_mean_pair(sims, g) for g in (before, after) if len(g) >= 2]
    within = min(inside) if inside else 1.0
    if between >= tuning.split_ratio * within:
        return None
    leaving = [recent[i] for i in after]
    if any(m.pinned for m in leaving):
        return None
    return _carry_out(ctx, story.id, leaving, [vecs[i] for i in after], between, within)


def _silence(days: list[str | None], longest: int) -> str | None:
    """The last day before the first silence of more than ``longest`` days, or None."""
    dated = sorted({d for d in days if d is not None})
    for a, b in pairwise(dated):
        if (date.fromisoformat(b) - date.fromisoformat(a)).days > longest:
            return a
    return None


def later_start(staying: list[MemberRow], leaving: list[MemberRow]) -> bool:
    """Whether the two groups' first reports came on different days.

    A split is for a second event whose first report joined the first event's
    story: it happened on another day. Two groups whose first reports came on
    the same day are strands of one happening (a race and a driver's farewell
    in it), worded apart by their outlets. Undated reports say nothing, and
    split as before."""
    stay = [d for m in staying if (d := day_of(m.published))]
    leave = [d for m in leaving if (d := day_of(m.published))]
    return not stay or not leave or min(stay) != min(leave)


def _carry_out(ctx: StoryContext, story_id: str, leaving: list[MemberRow],
               profiles: list[Vector], between: float, within: float) -> Split:
    store, now = ctx.store, ctx.now
    ids = tuple(m.article_id for m in leaving)
    new_id = stable_id("story", "auto-split", *sorted(ids))  # never an analyst's split id
    store.stories.save(StoryState(id=new_id), now)
    movers = []
    for m, prof in zip(leaving, profiles, strict=True):
        store.stories.put_article(m.article_id, new_id, m.score, m.how, now, pinned=False)
        copies = store.copies_of(m.article_id)
        for copy in copies:
            store.stories.put_article(copy, new_id, None, "copy", now, pinned=False)
        movers.append(Mover(Joining.of_row(m), prof, len(copies)))
    # A long story loses a few of its newest: updated in place (see after_move).
    after_move(ctx, story_id, movers, joined=False)
    rebuild(ctx, new_id)
    store.stories.log("split", new_id, story_id, list(ids), now, manual=False,
                    note=f"split off: {between:.2f} alike between the groups, "
                         f"{within:.2f} within")
    return Split(story_id, new_id, ids, between, within)
