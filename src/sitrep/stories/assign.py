"""Incremental story assignment: each new article joins a story or starts one.

Nothing is re-clustered store-wide. A new article's heaviest terms are looked up in the
story index (``story_terms``: the newest stories per term only), the best
few candidates are compared in full against their centroids, and the
article joins the closest one if it is close enough. The cost per article is
bounded by the tuning sizes, not by the size of the store.

Copies (near-duplicates, ``copy_of``) join their original's story. An
article close to two stories that are close to each other merges them,
unless an analyst kept them apart or a pinned article would have to move.
A story that turns out to hold two events splits (see split.py).
"""

from __future__ import annotations

import heapq
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.extract.chrome_spans import readable_article
from sitrep.models import Annotations, Article
from sitrep.store.migrations import utc_now
from sitrep.store.stories import MemberRow, StoryState
from sitrep.stories.features import (
    ANCHORS,
    NAME,
    REGION,
    Profile,
    anchored,
    body_off_title,
    local_places,
    parts_of,
    profile,
    regions_of,
    towns_of,
)
from sitrep.stories.happening import (
    BROAD,
    NAME_PART,
    TOWN_NAME,
    day_marked,
    happening_factor,
    shares_headline,
)
from sitrep.stories.split import Split, check_split
from sitrep.stories.state import (
    DEFAULT_TUNING,
    Arrival,
    StoryContext,
    Tuning,
    absorb,
    add_copy,
    add_member,
    day_of,
    lone_weights,
    new_story_id,
    persist,
)
from sitrep.stories.vectors import (
    Idf,
    Vector,
    open_similarity,
    similarity,
    span_gap,
    surely_below,
    top_terms,
)

if TYPE_CHECKING:
    from sitrep.store import AddOutcome, Store
    from sitrep.stories.recheck import Recheck


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went: ``how`` is new, joined, copy; ``merged`` the
    stories folded into ``story_id`` on the way; ``split`` the articles its
    arrival split off its story (it may be one of them)."""

    article_id: str
    story_id: str
    how: str
    score: float
    merged: tuple[str, ...] = ()
    split: Split | None = None


class Assigner:
    """Assigns articles to stories; keep one per ingest (it caches idf)."""

    def __init__(self, store: Store, tuning: Tuning = DEFAULT_TUNING) -> None:
        self.store = store
        self.tuning = tuning
        self.idf = Idf(store, tuning.idf_power)
        self.lone = lone_weights(tuning)
        self._unchecked = 0  # articles stored since the last recheck point
        self._run_first: int | None = None  # the first seq assigned since the last settle

    def assign_batch(self, articles: Sequence[Article],
                     annotations: Sequence[Annotations | None],
                     outcomes: Sequence[AddOutcome]) -> list[Assignment]:
        """Assign the articles a batch stored (duplicates are skipped), in one transaction."""
        stored = [(a, ann, o) for a, ann, o in zip(articles, annotations, outcomes, strict=True)
                  if o.status != "duplicate"]
        if not stored:
            return []
        try:
            with self.store.stories.write(f"assign {len(stored)} articles to stories"):
                # Counts as this transaction sees them: another writer may have moved them.
                self.idf.renew()
                seqs = self.store.stories.article_seqs([a.id for a, _, _ in stored])
                done = []
                for a, ann, o in stored:
                    seq = seqs[a.id][0]
                    if self._run_first is None:
                        self._run_first = seq
                    done.append(self.assign_one(a, ann, seq, o.of if o.status == "copy"
                                                else None))
                    self._recheck_at(seq)
                return done
        except BaseException:
            self.idf.forget()
            raise

    def assign_one(self, article: Article, ann: Annotations | None, seq: int,
                   copy_of: str | None) -> Assignment:
        """Assign one stored article (call inside a transaction)."""
        now = utc_now()
        article = readable_article(article)  # its page chrome read as blanks (chrome_spans)
        # A page whose text is a notice (features.body_off_title) copies another
        # outlet page's notice, not its report: its headline is judged instead.
        if copy_of is not None and not body_off_title(article):
            found = self.store.stories.of_article(copy_of)
            if found is not None:
                return self._join_copy(article, found[0], seq, now)
        prof = profile(article, ann)
        self.store.stories.put_features(article.id, prof.terms, prof.day)
        self.idf.prepare(prof.terms)
        ctx = StoryContext(self.store, self.idf, self.tuning, now)
        story, score, how, merged = self.place(
            ctx, prof.terms, self._score(prof),
            Arrival(new_story_id(article.id), article.id, article.title or _lead(article.text),
                    article.published, seq))
        self.store.stories.put_article(article.id, story.id, score, how, now, pinned=False)
        split = check_split(ctx, story)
        if split is not None and article.id in split.articles:
            return Assignment(article.id, split.new_id, how, score, merged, split)
        return Assignment(article.id, story.id, how, score, merged, split)

    def place(self, ctx: StoryContext, terms: dict[str, float],
              scored: list[tuple[float, StoryState]],
              arrival: Arrival) -> tuple[StoryState, float, str, tuple[str, ...]]:
        """Join the best-scored story, or begin story ``arrival.new_id`` when none is
        close or supported enough; count the terms, add the member, bridge, persist.
        Returns the story, the score, "joined" or "new", and the stories bridged into it."""
        if not scored or scored[0][0] < self.tuning.join or not self._supported(
                terms, scored[0]):
            story, score, how = StoryState(id=arrival.new_id), 0.0, "new"
        else:
            (score, story), how = scored[0], "joined"
        self.idf.count(terms)
        add_member(story, terms, arrival.joining(score))
        merged: tuple[str, ...] = ()
        if how == "joined":
            merged = self._bridge(ctx, story, scored[1:self.tuning.bridge_top])
        persist(ctx, story)
        return story, score, how, merged

    def _recheck_at(self, seq: int) -> None:
        """Every ``recheck_every`` stored articles (by seq: the same points however
        the articles were batched or split into runs), recheck the recent stories."""
        every = self.tuning.recheck_every
        self._unchecked = seq % every if every > 0 else 0
        if every > 0 and seq % every == 0:
            self.recheck(fresh=every)  # older stories were merge-judged at the last point

    def settle(self) -> Recheck | None:
        """At the end of a run, split the stories of its articles that hold two events
        (``settle_split``, at any size), then recheck them all, again while that changes
        anything (at most ``settle_rounds``; in a transaction of its own). The window is
        the run's articles (``_settle_window``): a run that ended on a recheck point
        and held no more than its window is settled already.

        The reports that came last would otherwise stay as they first fell until
        the next run passes a recheck point: the fragments of the newest event,
        the one an analyst reads first. Judged once, a window still shows the
        order its articles came in (a move or a merge makes another one
        worthwhile); judged until nothing changes, the stories of the same articles
        in other orders or split into several runs are nearly, not exactly, alike."""
        window = self._settle_window()
        run_after = None if self._run_first is None else self._run_first - 1
        self._unchecked, self._run_first = 0, None
        if window is None:
            return None
        done = None
        try:
            with self.store.stories.write("recheck the recent stories at the end of a run"):
                from sitrep.stories.recheck import split_window  # it builds on this module

                self.idf.renew()
                if self.tuning.settle_reassign and run_after is not None:
                    from sitrep.stories.reassign import reassign_run

                    # The run's articles, at most the window's (bounded per run).
                    after = max(run_after, self.store.stories.newest_seq() - window)
                    reassign_run(self, StoryContext(self.store, self.idf, self.tuning,
                                                    utc_now()), after)
                    # reassign took counts out and put them back: read them afresh
                    self.idf.forget()
                split_window(StoryContext(self.store, self.idf, self.tuning, utc_now()),
                             window)
                for _ in range(max(self.tuning.settle_rounds, 1)):
                    self.idf.forget()
                    last = self.recheck(window)
                    done = last if done is None else done.add(last)
                    if not last.moved and not last.merged:
                        break
            return done
        except BaseException:
            self.idf.forget()
            raise

    def _settle_window(self) -> int | None:
        """The newest articles a settle judges: those of the run (since the last settle),
        at least ``recheck_window`` and at most ``settle_window``; None when a recheck
        point judged them all last."""
        if self._run_first is None:
            return None
        t = self.tuning
        run = self.store.stories.newest_seq() - self._run_first + 1
        if not self._unchecked and run <= t.recheck_window:
            return None
        return min(max(run, t.recheck_window), max(t.settle_window, t.recheck_window))

    def recheck(self, window: int | None = None, fresh: int | None = None) -> Recheck:
        """Judge the stories of the newest ``window`` articles again (by default
        ``recheck_window``; merges among those of the newest ``fresh`` only, when
        given: see recheck.py; call inside a transaction)."""
        from sitrep.stories.recheck import recheck  # it builds on this module

        ctx = StoryContext(self.store, self.idf, self.tuning, utc_now())
        return recheck(self, ctx, window or self.tuning.recheck_window, fresh)

    def _supported(self, terms: Vector, best: tuple[float, StoryState]) -> bool:
        """A weak match to a centroid must be backed by one member it resembles.

        A story of loosely related reports has a broad centroid that many
        unrelated articles touch a little; one article like the newcomer is
        what says it belongs (checked only below ``sure``: cheap on average).
        """
        sim, story = best
        if sim >= self.tuning.sure:
            return True
        rows = self._with_profiles(
            self.store.stories.newest_members(story.id, self.tuning.support_members))
        days = [day_of(r.published) for r in rows]
        day = day_marked(terms)
        gap = span_gap(day, day, story.first_date, story.last_date)
        if gap is not None and gap > self.tuning.day_grace and None in days:
            # A report dated apart from a story that holds undated members: those cannot
            # say it belongs (their pull on the centroid bridges reports months apart, the
            # span never widened by them); a dated one says so as near as their dates allow.
            return self._backed(terms, [(r, span_gap(day, day, d, d))
                                        for d, r in zip(days, rows, strict=True) if d is not None])
        return self._backed(terms, [(r, None) for r in rows])

    def _with_profiles(self, rows: list[MemberRow]) -> list[MemberRow]:
        """The members that have a stored profile (their profiles not read yet)."""
        have = self.store.stories.feature_days([r.article_id for r in rows])
        return [r for r in rows if r.article_id in have]

    def _backed(self, terms: Vector, members: list[tuple[MemberRow, int | None]]) -> bool:
        """Whether one member (its row, its days apart) resembles ``terms`` enough.

        The newest are read first, a few at a time: the first that resembles it ends
        the search, and a big store's best story is often one this process has not
        met, whose every member's profile would be read and counted."""
        lone = self._lone()
        t = self.tuning
        newest_first = members[::-1]
        for start in range(0, len(newest_first), _SUPPORT_READ):
            chunk = newest_first[start:start + _SUPPORT_READ]
            profiles = self.store.stories.features([r.article_id for r, _ in chunk])
            vecs = [(profiles[r.article_id], gap) for r, gap in chunk]
            self.idf.prepare_vectors([v for v, _ in vecs])
            if any(discount_days(open_similarity(terms, 0, v, 1, self.idf, lone), gap, t)
                   >= t.member_min for v, gap in vecs):
                return True
        return False

    def _lone(self) -> dict[str, float]:
        """The lone-term weights, once the store holds enough documents for "no other
        document holds it" to mean something (in a store of two, every term is lone)."""
        return self.lone if self.idf.n >= self.tuning.lone_after else {}

    def _join_copy(self, article: Article, story_id: str, seq: int, now: str) -> Assignment:
        story = self.store.stories.states([story_id])[story_id]
        add_copy(story, article.id, article.published, seq)
        self.store.stories.save(story, now)
        self.store.stories.put_article(article.id, story.id, None, "copy", now, pinned=False)
        return Assignment(article.id, story.id, "copy", 1.0)

    def _score(self, prof: Profile) -> list[tuple[float, StoryState]]:
        """Candidate stories with their similarity to the profile, best first."""
        return self.score_terms(prof.terms, prof.day, prof.day)

    def score_terms(self, terms: Vector, first: str | None, last: str | None,
                    compared: int | None = None) -> list[tuple[float, StoryState]]:
        """Candidate stories by similarity to ``terms`` dated [first, last], best
        first: words and names, discounted when the places clash, when no one
        is named on both sides and when the dates lie apart (the assigner's search,
        and the recheck's and the settle's). Stories that cannot reach the join or
        the bridge are left out (``_within_reach``): no caller acts on them."""
        t = self.tuning
        query = top_terms(terms, self.idf, t.query_terms)
        hits = self.store.stories.candidates(query, t.per_term)
        if not hits:
            return []
        states = self.store.stories.states(
            ranked_candidates(hits, {q: terms[q] * self.idf(q) for q in query},
                              min(compared or t.candidates, t.candidates)))
        lone = self._lone()
        close = self._within_reach(terms, (first, last), states.values(), lone)
        self.idf.prepare_vectors([s.centroid for s in close])
        side = Side.of(terms, (first, last))
        scored = []
        for story in close:
            # ``terms`` is an article not yet counted; a story's members are.
            sim = open_similarity(terms, 0, story.centroid, 1, self.idf, lone)
            sim = discount(sim, side, story.centroid, (story.first_date, story.last_date), t,
                           self.idf)
            scored.append((sim, story))
        scored.sort(key=lambda x: (-x[0], x[1].id))
        return scored

    def _within_reach(self, terms: Vector, span: Span, states: Iterable[StoryState],
                      lone: Mapping[str, float]) -> list[StoryState]:
        """The live candidates whose similarity may reach the least any caller acts on
        (the join, the bridge): a story whose counts were read is weighed in full
        anyway (once per state of the counts); one first met is ruled out when its
        similarity is surely below (vectors.surely_below, after the days apart: every
        discount only lowers a similarity), its terms never counted nor weighed."""
        t = self.tuning
        reach = min(t.join, t.bridge) / _SLACK
        self.idf.prepare(terms)  # the shared terms' counts, as the bound reads them
        out = []
        for story in states:
            if story.merged_into is not None or not story.members:
                continue
            if not self.idf.prepared(story.centroid):
                # discount_days(sim) < reach when sim < reach * (what the days divide by)
                gap = span_gap(span[0], span[1], story.first_date, story.last_date)
                least = reach / discount_days(1.0, gap, t)
                if surely_below(terms, 0, story.centroid, 1, self.idf, lone, least):
                    continue
            out.append(story)
        return out

    def _bridge(self, ctx: StoryContext, best: StoryState,
                others: list[tuple[float, StoryState]]) -> tuple[str, ...]:
        """Merge into ``best`` the other stories this article ties it to strongly."""
        merged: list[str] = []
        for sim, other in others:
            if sim < self.tuning.bridge:
                break
            self.idf.prepare_vectors([best.centroid, other.centroid])
            close = similarity(best.centroid, best.norm, other.centroid, other.norm, self.idf)
            close *= Places.of(best.centroid).factor(other.centroid, self.tuning)
            if (close < self.tuning.bridge_centroids
                    or self.store.stories.kept_apart(best.id, other.id)):
                continue
            keep, gone = (best, other) if _keeps(best, other) else (other, best)
            if self.store.stories.has_pins(gone.id):
                continue
            absorb(ctx, keep, gone)
            self.store.stories.log("merge", keep.id, gone.id, [], ctx.now, manual=False,
                                 note=f"bridged by an article (similarity {sim:.2f})")
            merged.append(gone.id)
            if keep is not best:  # carry on with the surviving record
                _copy_state(best, keep)
        return tuple(merged)


@dataclass(frozen=True, slots=True)
class Places:
    """The towns a profile names and their regions."""

    towns: frozenset[str]
    regions: frozenset[str]
    own: Vector = field(compare=False)  # the profile or centroid (its words, town names)

    @classmethod
    def of(cls, terms: Vector) -> Places:
        return cls(towns_of(terms), regions_of(terms), terms)

    def factor(self, other: Vector, tuning: Tuning) -> float:
        """What is kept of a similarity to ``other`` given the places both name.

        Two shootings, fires or arrests of one kind share their words; where
        they happened tells them apart: towns of different regions nearly
        veto (``region_clash``), different towns of one region weigh less
        (``place_clash``). A side naming no town says nothing, nor do towns of
        different countries (international news names each outlet's capital).
        A town one side writes without resolving it as its town (an event named
        for it, "the Lakeside Games") weighs as a town of one region: the
        two reports may name one place, so no near veto.
        """
        if not self.towns:
            return 1.0
        towns = towns_of(other)
        if not towns or self.towns & towns:
            return 1.0
        regions = regions_of(other)
        mine, theirs = _countries(self.regions), _countries(regions)
        if not mine & theirs or len(mine) > 1 or len(theirs) > 1:
            # towns of different countries: reports from abroad name their capitals;
            # a side naming towns of several countries is international news
            return 1.0
        if self.regions & regions or self.names_town_of(other) or Places.of(
                other).names_town_of(self.own):
            return tuning.place_clash
        return tuning.region_clash

    def names_town_of(self, other: Container[str]) -> bool:
        """Whether ``other`` (terms, or words and town names) writes the name of one of
        these towns, not as one of its own towns (two towns of one name are two towns)."""
        for name in local_places(self.own, TOWN_NAME):
            if name in other:
                continue
            parts = name[len(TOWN_NAME):].split("_")
            if all(f"w:{w}" in other for w in parts):
                return True
        return False


def ranked_candidates(hits: Mapping[str, list[str]], weight: Mapping[str, float],
                      k: int) -> list[str]:
    """The ``k`` stories whose looked-up terms weigh most together, as a full sort
    would rank them (ties by id).

    A store's postings fill to ``query_terms`` x ``per_term`` as it grows (some 260
    stories an article at 10,000 stored, 50 at 1,000): each is summed by a call in C
    (the same additions, in the same order, as a generator's sum) and ranked as a
    plain tuple, not through a key function."""
    get = weight.__getitem__
    return [s for _, s in heapq.nsmallest(k, [(-sum(map(get, terms)), s)
                                              for s, terms in hits.items()])]


Span = tuple[str | None, str | None]  # first and last day (ISO), None: undated
# A bound and the similarity it bounds are summed in different orders: a story is
# ruled out only this far below the reach (float rounding, never a story kept out).
_SLACK = 1.0 + 1e-9
# Members read at a time when one must back a weak match (Assigner._backed).
_SUPPORT_READ = 4


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a comparison as the discounts read it, once per side rather than
    once per pair: its places, its anchors, its days and its terms (``own``: the
    happening is judged only when they are given)."""

    places: Places
    anchors: set[str]
    span: Span
    own: Vector | None = field(default=None, compare=False)

    @classmethod
    def of(cls, terms: Vector, span: Span) -> Side:
        """``terms`` dated ``span``, the happening judged."""
        return cls(Places.of(terms), {a for a in terms if a.startswith(ANCHORS)}, span, terms)


def discount(sim: float, side: Side, other: Vector, other_span: Span, tuning: Tuning,
             idf: Idf) -> float:
    """What is kept of ``sim`` of ``side`` to ``other``: discounted when the places
    clash, when no one is named on both sides, when no headline names what the
    other tells (happening.py; judged when ``side.own`` is given) and when the dates
    lie apart (the assigner's and the recheck's one rule)."""
    sim *= side.places.factor(other, tuning)
    sim *= anchor_factor(side.anchors, other, tuning, idf, side.own)
    if side.own is not None:
        sim *= happening_factor(side.own, other, tuning.no_happening)
    span = side.span
    return discount_days(sim, span_gap(span[0], span[1], other_span[0], other_span[1]), tuning)


def discount_days(sim: float, gap: int | None, tuning: Tuning) -> float:
    """What is kept of ``sim`` of two sides dated ``gap`` days apart (None: undated)."""
    if gap is not None and gap > tuning.day_grace:
        sim /= 1.0 + min((gap - tuning.day_grace) / tuning.day_scale, tuning.day_cap)
    return sim


def anchor_factor(anchors: set[str], other: Vector, tuning: Tuning,
                  idf: Idf | None = None, own: Vector | None = None) -> float:
    """What is kept of a similarity given the people, organisations and towns both name.

    Two reports of one happening name some of the same participants or places; a
    shared bare figure or topic words alone (5,000 troops here, 5,000 there) are a
    coincidence: when both sides name anchors and share none, ``tuning.no_anchor``
    is kept. A shared anchor most stored articles hold (the week's president, a
    country in every report) says little: it counts by how rare it is (see
    :func:`anchor_weight`). Text without annotations has no anchors and is not
    judged by them.
    """
    if not anchors:
        return 1.0
    shared = anchors.intersection(other)
    if own is not None:
        shared |= named_parts(anchors, own, other)
    if not shared:
        return tuning.no_anchor if anchored(other) else 1.0
    best = max(anchor_weight(a, tuning, idf) for a in shared)
    if own is not None and topic_link(shared, own, other):
        best *= tuning.broad_anchor
    return tuning.no_anchor + (1.0 - tuning.no_anchor) * best


def named_parts(anchors: set[str], own: Vector, other: Vector) -> set[str]:
    """The names one side writes alone that the other writes as part of a longer name of
    one organisation (features.name_parts: "United" and "United Airlines"), as the
    entity term of the name written alone."""
    out = {a for a in anchors if a.startswith(NAME) and f"{NAME_PART}{a[len(NAME):]}" in other}
    return out | {NAME + t[len(NAME_PART):] for t in parts_of(own)
                  if NAME + t[len(NAME_PART):] in other}


def topic_link(shared: set[str], own: Vector, other: Vector) -> bool:
    """Whether two sides share one subject but no sign of one happening: every anchor
    they share names a broad place (a country, a capital, a region:
    features.broad_markers) and no word is in both headlines (happening.py). Two
    reports of one week on one country's news; two reports of a launch share "launch"."""
    return (all(f"{BROAD}{a}" in other for a in shared)
            and shares_headline(own, other) is False)


def anchor_weight(anchor: str, tuning: Tuning, idf: Idf | None) -> float:
    """1 for an anchor few stored articles hold, falling as its share of them grows
    past ``tuning.anchor_share`` (document frequency, as the store keeps it)."""
    if idf is None or idf.df.get(anchor, 0) <= tuning.anchor_floor:
        return 1.0
    share = idf.share(anchor)
    return 1.0 if share <= tuning.anchor_share else tuning.anchor_share / share



def _countries(regions: frozenset[str] | set[str]) -> set[str]:
    return {r[len(REGION):].split("/", 1)[0] for r in regions}


def _keeps(a: StoryState, b: StoryState) -> bool:
    """The bigger story keeps its id (then the older: lower activity)."""
    return (a.articles, -a.activity) >= (b.articles, -b.activity)


def _copy_state(target: StoryState, source: StoryState) -> None:
    for name in StoryState.__slots__:
        setattr(target, name, getattr(source, name))


def _lead(text: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "..."


def assign_unassigned(store: Store, tuning: Tuning = DEFAULT_TUNING,
                      batch_size: int = 32) -> list[Assignment]:
    """Assign every stored article that has no story yet, oldest first.

    For stores filled before stories existed, or with ``--no-stories``; one
    transaction per batch, like an ingest.
    """
    assigner = Assigner(store, tuning)
    ids = store.stories.unassigned_article_ids()
    done: list[Assignment] = []
    for start in range(0, len(ids), batch_size):
        chunk = ids[start:start + batch_size]
        seqs = store.stories.article_seqs(chunk)
        with store.stories.write(f"assign {len(chunk)} articles to stories"):
            assigner.idf.renew()
            for aid in chunk:
                seq, copy_of = seqs[aid]
                done.append(assigner.assign_one(store.get_article(aid),
                                                store.get_annotations(aid), seq, copy_of))
    return done
