"""The end-of-run settle assigns the run's articles again, in an order of their own.

Each article of a run was judged once against the stories of its moment: which
stories had grown when it came is arrival order, not what it tells (an undated
report joins whichever story of its subject is biggest by then). Before the
settle's splits and rechecks, the run's articles leave their stories and are
assigned again one by one as the assigner assigns, against the stories stored
before the run, by publication day, then a hash of the id (never by arrival):
the same articles in any order give the same stories. The counts of the whole
run are taken out and counted again in this order. Stories an analyst changed
and their articles are left alone.

Near-copies are order-free too: which of two copies came first made it the
original (the one with a profile, judged on its own; the other only follows
it). Before the run is assigned again, each group of the run's near-copies is
represented by its canonical member, by the same day-then-hash order
(:func:`canonical_originals`), whichever arrived first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sitrep.models import stable_id
from sitrep.store.stories import MemberRow, StoryState
from sitrep.stories.features import Profile, profile
from sitrep.stories.happening import MARKERS
from sitrep.stories.split import check_split
from sitrep.stories.state import Arrival, StoryContext, add_copy, new_story_id, rebuild

if TYPE_CHECKING:
    from sitrep.stories.assign import Assigner


def canonical_key(article_id: str, day: str | None) -> tuple[str, str]:
    """The profile's day (undated last), then a hash of the id: no arrival order in it."""
    return (day or "~", stable_id("order", article_id))


def reassign_run(assigner: Assigner, ctx: StoryContext, after: int) -> int:
    """Assign again the articles stored after seq ``after`` (call inside a
    transaction); returns how many originals were assigned again."""
    store = ctx.store
    rows: list[MemberRow] = []
    for sid in store.stories.recent_story_ids(after):
        if store.stories.analyst_changed(sid) or store.stories.has_pins(sid):
            continue
        members = store.stories.members(sid)
        mine = [r for r in members if r.seq > after]
        rows.extend(mine)
        store.stories.drop_articles([r.article_id for r in mine])
        if len(mine) < len(members):
            rebuild(ctx, sid)  # older members stay, as they were
        else:
            store.stories.save(StoryState(id=sid), ctx.now)  # empty: no longer live
            store.stories.set_terms(sid, [], 0)
    rows = canonical_originals(ctx, rows)
    originals = [r for r in rows if r.how != "copy"]
    profiles = store.stories.features([r.article_id for r in originals])
    days = store.stories.feature_days([r.article_id for r in originals])
    originals.sort(key=lambda r: canonical_key(r.article_id, days.get(r.article_id)))
    todo = [r for r in originals if r.article_id in profiles]
    for r in todo:
        store.stories.unbump_dfs([t for t in profiles[r.article_id]
                                  if not t.startswith(MARKERS)])
    assigner.idf.forget()
    last = counted_through(todo, days, assigner.tuning.settle_ahead)
    counted = 0  # articles of ``todo`` whose terms are counted (a prefix)
    for rank, r in enumerate(todo):
        terms = profiles[r.article_id]
        while counted <= last[rank]:
            assigner.idf.count(profiles[todo[counted].article_id])
            counted += 1
        if counted > rank:  # its own count is in: judged without it, as a new article is
            assigner.idf.uncount(terms)
        else:  # place counts it
            counted = rank + 1
        _assign_again(assigner, ctx, r, terms, days.get(r.article_id), after + rank + 1)
    for r in rows:
        if r.how == "copy":
            _copy_again(ctx, r)
    return len(originals)


def canonical_originals(ctx: StoryContext, rows: list[MemberRow]) -> list[MemberRow]:
    """The run's rows with each group of near-copies (an original of the run and its
    copies) represented by its first member in :func:`canonical_key` order.

    Which page of a group arrived first made it the original: only it has a profile,
    so only it is judged, and two near-copies can judge a third report differently
    (two gallery pages with the same captions, different credits). When another
    member comes first, it takes the original's place in the store (profile, term
    counts, ``copy_of``) and the others become its copies: the rows are those after
    the swap."""
    by_id = {r.article_id: r for r in rows}
    groups: dict[str, list[MemberRow]] = {}
    for r in rows:
        orig = by_id.get(r.copy_of) if r.how == "copy" and r.copy_of else None
        if orig is not None and orig.how != "copy":
            groups.setdefault(orig.article_id, []).append(r)
    for orig_id, copies in groups.items():
        swapped = _swap_original(ctx, by_id[orig_id], copies)
        by_id.update((r.article_id, r) for r in swapped)
    return [by_id[r.article_id] for r in rows]


def _swap_original(ctx: StoryContext, orig: MemberRow,
                   copies: list[MemberRow]) -> list[MemberRow]:
    """Make the canonical member of ``orig`` and its ``copies`` the original (in the
    store; call inside a transaction); returns the group's rows as they are now."""
    store = ctx.store
    old = store.stories.features([orig.article_id]).get(orig.article_id)
    if old is None:  # stored without a profile: nothing to compare it by
        return [orig, *copies]
    old_day = store.stories.feature_days([orig.article_id]).get(orig.article_id)
    profs = {c.article_id: _profile_of(ctx, c.article_id) for c in copies}
    first = min([orig.article_id, *profs],
                key=lambda a: canonical_key(a, profs[a].day if a in profs else old_day))
    if first == orig.article_id:
        return [orig, *copies]
    new = profs[first]
    # The counts: the old original's terms out, the new one's in (as it was counted).
    store.stories.unbump_dfs([t for t in old if not t.startswith(MARKERS)])
    store.stories.bump_dfs([t for t in new.terms if not t.startswith(MARKERS)])
    store.stories.drop_features([orig.article_id])  # a copy keeps no profile
    store.stories.put_features(first, new.terms, new.day)
    others = [orig.article_id, *(a for a in profs if a != first)]
    store.set_original(first, others)
    return [replace(orig, how="copy", score=None, copy_of=first),
            *(replace(c, how=orig.how, score=orig.score, copy_of=None)
              if c.article_id == first else replace(c, copy_of=first) for c in copies)]


def _profile_of(ctx: StoryContext, article_id: str) -> Profile:
    """The profile an article would have had as an original (as ``assign_one`` builds it)."""
    store = ctx.store
    return profile(store.get_article(article_id), store.get_annotations(article_id))


def counted_through(todo: list[MemberRow], days: Mapping[str, str | None],
                    ahead: int) -> list[int]:
    """For each article of ``todo`` (in canonical order), the index of the last one
    whose counts are in when it is judged: every article dated up to ``ahead`` days
    after its day (they sort first: by day), itself included; an undated one (they
    sort last) is judged with the counts of those before it, as it comes. ``ahead``
    below 0: all as they come."""
    out: list[int] = []
    last = -1
    for i, r in enumerate(todo):
        limit = _days_after(days.get(r.article_id), ahead)
        last = max(last, i - 1)
        while (limit is not None and last + 1 < len(todo)
               and (days.get(todo[last + 1].article_id) or "~") <= limit):
            last += 1
        out.append(last)
    return out


def _days_after(day: str | None, ahead: int) -> str | None:
    """The day ``ahead`` days after ``day`` (ISO); None when undated, unreadable or
    ``ahead`` is below 0."""
    if day is None or ahead < 0:
        return None
    try:
        return (date.fromisoformat(day) + timedelta(days=ahead)).isoformat()
    except ValueError:
        return None


def _assign_again(assigner: Assigner, ctx: StoryContext, row: MemberRow,
                  terms: dict[str, float],
                  day: str | None, seq: int) -> None:
    """As :meth:`Assigner.assign_one`, from the stored profile."""
    store = ctx.store
    assigner.idf.prepare(terms)
    sid = new_story_id(row.article_id)
    if store.stories.states([sid]).get(sid, StoryState(id=sid)).articles:
        sid = stable_id("story", "again", row.article_id)
    story, score, how, _ = assigner.place(
        ctx, terms, assigner.score_terms(terms, day, day),
        Arrival(sid, row.article_id, row.title, row.published, seq))
    # Ranked among its story's members by this order too (which are a story's newest
    # members: the support, split and merge samples), not by arrival.
    store.stories.put_article(row.article_id, story.id, score, how, ctx.now, pinned=False,
                              seq=seq)
    check_split(ctx, story)


def _copy_again(ctx: StoryContext, row: MemberRow) -> None:
    """A copy goes where its original went."""
    store = ctx.store
    found = store.stories.of_article(row.copy_of) if row.copy_of else None
    sid = found[0] if found else new_story_id(row.article_id)
    story = store.stories.states([sid]).get(sid, StoryState(id=sid))
    add_copy(story, row.article_id, row.published, row.seq)
    store.stories.save(story, ctx.now)
    store.stories.put_article(row.article_id, sid, None, "copy", ctx.now, pinned=False)

