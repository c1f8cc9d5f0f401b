"""Keeping a story's record right as articles join, move and stories merge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.models import parse_iso_date, stable_id
from sitrep.store.stories import MemberRow, StoryState
from sitrep.stories.vectors import Idf, Vector, blend, top_terms, truncate, weighted_norm

if TYPE_CHECKING:
    from sitrep.store import Store


@dataclass(frozen=True, slots=True)
class Tuning:
    """Thresholds and sizes of the assigner (measured on ECB+ dev: docs/stories.md)."""

    join: float = 0.10  # least similarity to join a story
    sure: float = 0.20  # below this, the article must also resemble one member ...
    member_min: float = 0.10  # ... this much
    support_members: int = 20  # newest members looked at for that
    bridge: float = 0.08  # an article this close to a second story may merge the two
    # ... if the two stories are this close to each other (0.30 before the settle's
    # reassign: assigned again by day, twin events of one topic were bridged at 0.30)
    bridge_centroids: float = 0.35
    bridge_top: int = 3  # ... among its closest stories
    split_ratio: float = 0.6  # split when the two groups are less alike than this x within
    split_min_part: int = 3  # least articles in each part of a split
    split_cap: int = 24  # newest members considered for a split
    # A story whose reports fall silent for more than this many days (0: never) splits
    # there when the reports after are less alike to those before than split_ratio x within.
    split_silence: int = 180
    query_terms: int = 60  # article terms looked up in the index
    per_term: int = 20  # newest stories read per looked-up term
    candidates: int = 20  # stories compared in full
    centroid_terms: int = 200  # terms kept per centroid
    index_terms: int = 30  # terms a story is indexed under
    day_grace: int = 3  # days apart before the date penalty starts
    day_scale: float = 9.0  # ... and at this many more days it halves the similarity
    day_cap: float = 2.0  # ... dividing it by at most 1 + this (a later turn of one story)
    place_clash: float = 0.5  # similarity kept when article and story name different towns ...
    region_clash: float = 0.2  # ... of different regions (country and first-level division)
    no_anchor: float = 0.4  # similarity kept when no entity or town is shared ...
    anchor_share: float = 0.1  # ... and a shared one held by more of the stored articles
    anchor_floor: int = 5  # (but by more than this many) counts only this share / its share
    # A shared anchor that names a broad place (a country, region, capital, nationality:
    # features.broad_markers) counts this much of a shared one: one subject, not one
    # happening.
    broad_anchor: float = 0.0
    # ... and kept when no headline word of either side is in the other's headline or
    # lead (happening.py): one subject, two happenings.
    no_happening: float = 0.25
    # Each side of a comparison is weighted by idf ** idf_power, so a shared term counts
    # idf cubed: a shared rare name or figure outweighs many shared topic words, which
    # is what separates two events of the same kind.
    idf_power: float = 1.5
    # A term no other stored document holds (chrome, a byline, one outlet's words) can
    # match nothing: its squared weight in a side's norm is kept only this much, by
    # namespace, so long pages of one event are not made unlike by what they alone say.
    # Names keep theirs: a victim no one else names tells two shootings apart, and
    # without them reports on related subjects of one week drift into one story.
    lone_words: float = 0.0
    lone_figures: float = 0.25
    lone_names: float = 1.0
    lone_after: int = 20  # ... once the store holds this many documents
    # Second looks (recheck.py): every ``recheck_every`` stored articles, the stories
    # with an article among the newest ``recheck_window`` are judged again.
    recheck_every: int = 64  # 0: never (``sitrep story recheck`` still can)
    recheck_window: int = 128
    recheck_cap: int = 24  # newest members per story read for the window's articles
    # A move rebuilds a story from all its members up to this many; a bigger one is
    # updated in place (the running mean, run backwards for a leaver): a move costs the
    # same in a story of thousands.
    rebuild_cap: int = 100
    recheck_sample: int = 8  # newest members per story compared for a merge
    recheck_margin: float = 0.03  # a move must fit this much better than staying
    # A member its own story fits less than this (leave-one-out) and no other story takes
    # starts a story of its own: the join test turned around, so whether a weak report
    # stays does not depend on whether it came before or after its story grew.
    recheck_leave: float = 0.05
    recheck_rounds: int = 3  # passes while moves change stories
    settle_rounds: int = 3  # rechecks of the whole window at the end of a run, while any changes
    # ... the window of that settle: every article of the run, at least ``recheck_window``
    # and at most this many (its cost per run stays bounded). The articles of a run came
    # in some order and each was judged against the stories of its moment; the settle
    # judges them all against the stories the run ends with.
    settle_window: int = 1024
    # ... after splitting, whatever their size, the window's stories whose two groups are
    # less alike between than this x within (checkpoints look only at some sizes: which
    # one a story built by a chain of joins reached is chance of arrival order).
    # Two stories whose first reports came on one day (a split never separates such
    # two: split.later_start) merge at this ratio too, not only at ``recheck_merge``.
    settle_split: float = 0.4
    # ... and before those, the run's articles are assigned again in an order of their
    # own (by day, then a hash of the id: reassign.py), not in the order they came.
    settle_reassign: bool = True
    # ... each judged with the counts of the run's articles dated up to this many days
    # after its own (the undated, last, as they come; below 0: all as they come). A
    # name the days after a report are full of is no rare name that report shares with
    # another; a name that becomes common only weeks later is still rare for its first
    # reports. Counted one by one, a young store weighs each first-seen name as rare.
    settle_ahead: int = 3
    recheck_candidates: int = 3  # closest stories a story may merge with ...
    # A periodic recheck searches merges from at most this many of its stories of
    # several members, the fewest members first (0: all): a young fragment is what a
    # merge heals, a grown story was judged at every point it grew through, and the
    # search from a grown story costs most. Bounded per pass, the merge work is the same
    # in a young store, whose new articles mostly start stories, as in an old one, where
    # they mostly join grown ones. ``settle`` and ``sitrep story recheck`` judge all.
    recheck_merge_stories: int = 16
    # The recheck's searches (a member's move, a story's merge) compare this many of
    # their candidates in full (at most ``candidates``; ranked by the weight of the
    # terms they share): a move or a merge takes the closest one or few, and those
    # are nearly always among the first ranked.
    recheck_compared: int = 8
    recheck_merge: float = 0.7  # ... when members are this alike across x within
    recheck_merge_min: float = 0.05  # ... and at least this alike across
    # ... or, whatever their cosine, when they share a protagonist (protagonists.py): a
    # name held by this share of each story's sampled members (from this many sampled
    # on), with this share of the stored documents holding it inside the two (> 1: off),
    # and the two at least ``protagonist_min`` alike across (places and dates discounted).
    protagonist_share: float = 0.5
    protagonist_members: int = 1
    protagonist_concentration: float = 0.9
    protagonist_min: float = 0.0
    protagonist_df: int = 5  # ... held by at least this many stored documents
    protagonist_names: bool = False  # names count as well as title words
    protagonist_days: int = 21  # ... and the two stories' spans at most this many days apart
    # A name the text writes as one (features.PROPER) joins more than two stories when
    # one of them holds this share of its documents and all together the concentration.
    protagonist_core: float = 0.5
    # ... or, when all the stories holding the name lie within this many days (a week's
    # burst of reports; < 0: off), any of them holding two or more of its documents.
    protagonist_burst: int = 7
    # ... the others young stories (at most this many members): which of an event's first
    # reports joined each other first is chance of arrival order, not a second event.
    protagonist_fragment: int = 3
    # What story records show (sitrep.stories.views, .reasons); no effect on grouping.
    reasons_members: int = 24  # newest members read for the shared terms
    reasons_top: int = 8  # shared terms listed per story
    reasons_per_article: int = 3  # ... and per article
    top_actors: int = 8  # actors listed (and looked up for related stories)
    top_events: int = 5  # event types listed
    max_related: int = 5  # earlier related stories listed


DEFAULT_TUNING = Tuning()


def lone_weights(tuning: Tuning) -> dict[str, float]:
    """Namespace -> what a lone term keeps of its squared norm weight (see ``Tuning``)."""
    # a clock time or an address only one report gives tells little, as a lone figure
    return {"w": tuning.lone_words, "n": tuning.lone_figures, "e": tuning.lone_names,
            "k": tuning.lone_figures, "a": tuning.lone_figures}


@dataclass(frozen=True, slots=True)
class StoryContext:
    """What every story write needs: the store, its document frequencies, the
    tuning and the time stamped on the change (one per transaction)."""

    store: Store
    idf: Idf
    tuning: Tuning
    now: str


def new_story_id(article_id: str) -> str:
    """Stable: the same first article gives the same story id."""
    return stable_id("story", article_id)


def day_of(published: str | None) -> str | None:
    """The ISO day of a publication date (as profiles date articles), or None."""
    d = parse_iso_date(published)
    return d.isoformat() if d else None


def widen_dates(s: StoryState, day: str | None) -> None:
    if day is None:
        return
    s.first_date = day if s.first_date is None or day < s.first_date else s.first_date
    s.last_date = day if s.last_date is None or day > s.last_date else s.last_date


def persist(ctx: StoryContext, s: StoryState) -> None:
    """Save a story: centroid truncated, weighted norm refreshed, index entries replaced."""
    idf = ctx.idf
    idf.prepare(s.centroid)
    s.centroid = truncate(s.centroid, idf, ctx.tuning.centroid_terms)
    s.norm = weighted_norm(s.centroid, idf)
    ctx.store.stories.save(s, ctx.now)
    ctx.store.stories.set_terms(s.id, top_terms(s.centroid, idf, ctx.tuning.index_terms)
                              if s.merged_into is None else [], s.activity)


@dataclass(frozen=True, slots=True)
class Joining:
    """What a story's record counts of an article that joins it: its date and place in
    the store's order widen the story's span and activity; its score is its headline's
    claim to be the story's title (a copy: no title, -1.0)."""

    article_id: str
    title: str | None
    published: str | None
    seq: int
    score: float

    @classmethod
    def of_row(cls, row: MemberRow) -> Joining:
        """A stored member as it counts again (unscored: 0)."""
        return cls(row.article_id, row.title, row.published, row.seq,
                   row.score if row.score is not None else 0.0)


@dataclass(frozen=True, slots=True)
class Arrival:
    """An article being placed (``Assigner.place``): the story it begins when it joins
    none (``new_id``) and what a story's record counts of it once scored."""

    new_id: str
    article_id: str
    title: str | None
    published: str | None
    seq: int

    def joining(self, score: float) -> Joining:
        return Joining(self.article_id, self.title, self.published, self.seq, score)


def add_member(s: StoryState, profile: dict[str, float] | None, joining: Joining) -> None:
    """Count an article into the story; ``profile`` None for a copy (not in the centroid)."""
    if profile is not None:
        s.centroid = blend(s.centroid, s.members, profile, 1)
        s.members += 1
    s.articles += 1
    s.activity = max(s.activity, joining.seq)
    widen_dates(s, day_of(joining.published))
    if joining.title and joining.score > s.title_score:
        s.title, s.title_article, s.title_score = (
            joining.title, joining.article_id, joining.score)


def add_copy(s: StoryState, article_id: str, published: str | None, seq: int) -> None:
    """Count a copy into the story: an article, not in the centroid, never its title."""
    add_member(s, None, Joining(article_id, None, published, seq, -1.0))


def absorb(ctx: StoryContext, keep: StoryState, gone: StoryState) -> None:
    """Merge ``gone`` into ``keep``: its articles move, its id points at ``keep``."""
    ctx.store.stories.move_articles(gone.id, keep.id)
    keep.centroid = blend(keep.centroid, keep.members, gone.centroid, gone.members)
    keep.members += gone.members
    keep.articles += gone.articles
    keep.activity = max(keep.activity, gone.activity)
    for day in (gone.first_date, gone.last_date):
        widen_dates(keep, day)
    if gone.title and gone.title_score > keep.title_score:
        keep.title, keep.title_article, keep.title_score = (
            gone.title, gone.title_article, gone.title_score)
    gone.merged_into = keep.id
    gone.articles = gone.members = 0
    gone.centroid, gone.norm = {}, 0.0
    for s in (keep, gone):
        persist(ctx, s)


def rebuild(ctx: StoryContext, story_id: str) -> StoryState:
    """Recompute a story from its members (after an analyst moved articles)."""
    store = ctx.store
    s = store.stories.states([story_id]).get(story_id) or StoryState(id=story_id)
    members = store.stories.members(story_id)
    originals = [m.article_id for m in members if m.how != "copy"]
    profiles = store.stories.features(originals)
    fresh = StoryState(id=story_id, merged_into=s.merged_into)
    # The mean in one pass: blending member by member rebuilds a dict of every term
    # seen so far per member, quadratic in a long story.
    total: dict[str, float] = {}
    for m in members:
        prof = profiles.get(m.article_id) if m.how != "copy" else None
        add_member(fresh, None, Joining.of_row(m))
        if prof is not None:
            fresh.members += 1
            for t, v in prof.items():
                total[t] = total.get(t, 0.0) + v
    if fresh.members:
        fresh.centroid = {t: v / fresh.members for t, v in total.items()}
    if fresh.title is None and members:
        fresh.title, fresh.title_article = s.title, s.title_article
    persist(ctx, fresh)
    return fresh


@dataclass(frozen=True, slots=True)
class Mover:
    """An article moving between stories (as its story counts it, and its profile),
    with its copies (they go with it)."""

    member: Joining
    profile: Vector
    copies: int


def after_move(ctx: StoryContext, story_id: str, movers: Sequence[Mover], *,
               joined: bool) -> StoryState:
    """A story after ``movers`` left or joined it: rebuilt from its members, or past
    ``tuning.rebuild_cap`` of them updated in place, reading none (bounded cost).

    In place, joiners count in as the assigner counts them; leavers' profiles are
    taken out of the mean, the span and activity stay (they only narrow on a
    rebuild) and a leaver's title passes to the best-scored of the newest members."""
    store = ctx.store
    s = store.stories.states([story_id]).get(story_id)
    if (s is None or s.members <= max(ctx.tuning.rebuild_cap, 1)
            or s.members - len(movers) < 1):
        return rebuild(ctx, story_id)
    if joined:
        for m in movers:
            add_member(s, dict(m.profile), m.member)
            s.articles += m.copies
    else:
        s.centroid = without(s.centroid, s.members, [m.profile for m in movers])
        s.members -= len(movers)
        s.articles -= sum(1 + m.copies for m in movers)
        if s.title_article in {m.member.article_id for m in movers}:
            rows = [r for r in store.stories.newest_members(story_id, ctx.tuning.recheck_cap)
                    if r.title]
            best = max(rows, key=lambda r: (r.score or 0.0, r.seq), default=None)
            if best is not None:
                s.title, s.title_article = best.title, best.article_id
                s.title_score = best.score or 0.0
    persist(ctx, s)
    return s


def without(centroid: Vector, members: int, leaving: Sequence[Vector]) -> dict[str, float]:
    """The mean of ``members`` profiles with the ``leaving`` ones taken out (the
    running mean run backwards; fewer leaving than members)."""
    n, k = members, len(leaving)
    rest = {t: (v * n - sum(p.get(t, 0.0) for p in leaving)) / (n - k)
            for t, v in centroid.items()}
    return {t: v for t, v in rest.items() if v > 1e-9}


def pinned_any(store: Store, story_ids: Sequence[str]) -> bool:
    return any(store.stories.has_pins(i) for i in story_ids)
