"""Which of a story's articles tell its main happening, and which are related coverage.

A story gathered from many outlets holds pages that are about something else: an
earlier incident of the same kind, a page whose scrape caught another story, an
author's biography. Their sentences must not lead the brief, date its timeline or
name its actors. Two general signals tell them apart:

- time: coverage of one happening comes in one burst of publication dates; an article
  published well apart from the story's main burst tells an earlier or later happening
  (a development stays in the burst as long as coverage keeps coming);
- content: an article that shares little vocabulary with the rest of the story's
  articles is about something else, whenever it was published.

An article published after the main burst that still holds the story's anchors (the
heaviest terms of its core articles) and reads like them is a follow-up: the story
developing later ("the remaining girls were freed in May"). Its dates belong to the
story's timeline, though its sentences do not lead the brief.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from statistics import median

from sitrep.brief.salience import Vector, add, centroid, cosine
from sitrep.reconcile.context import ArticleContext
from sitrep.reconcile.timeref import day_of, granularity

# Coverage of one happening rarely pauses longer than this between two articles.
BURST_GAP = timedelta(days=45)
# An article this much less similar to the rest than the median article is elsewhere.
OUTLIER_RATIO = 0.35
# A story's anchors are the heaviest terms (words and entities) of its core articles'
# centroid; a follow-up holds at least this share of them.
ANCHOR_TERMS = 12
ANCHOR_SHARE = 2 / 3
# A happening is often told first some days after it took place.
RECALL_LEAD = timedelta(days=7)


def article_profiles(vectors: Mapping[str, Sequence[Vector]]) -> dict[str, Vector]:
    """Each article's centroid of its sentence vectors (chrome left out); an article
    without any has no profile. Made once per brief for both tests below."""
    return {i: centroid(list(vs)) for i, vs in vectors.items() if vs}


def core_articles(contexts: Sequence[ArticleContext], profile: Mapping[str, Vector]) -> set[str]:
    """Ids of the articles that tell the story's main happening (``profile``: see
    :func:`article_profiles`); an article without a profile is not core. Stories of one
    or two articles are all core."""
    ids = [c.id for c in contexts]
    if len(ids) <= 2:
        return set(ids)
    burst = _main_burst(contexts)
    members = [i for i in ids if i in burst and i in profile]
    if len(members) < 2:
        return set(members) or set(ids)
    total = add({}, [profile[i] for i in members])
    similarity = {i: _against_rest(profile[i], total) for i in members}
    floor = OUTLIER_RATIO * median(similarity.values())
    return {i for i in members if similarity[i] >= floor}


def follow_ups(contexts: Sequence[ArticleContext], vectors: Mapping[str, Sequence[Vector]],
               profiles: Mapping[str, Vector], core: set[str]) -> set[str]:
    """Ids of the articles published after the core's last one that hold the story's
    anchors, read like its core articles and date something of its burst: later
    developments of the same happening (an article published before the burst tells
    what led to it, one that never looks back at it tells another happening)."""
    dates = [c.published for c in contexts if c.id in core and c.published]
    profile = {i: profiles[i] for i in core if i in profiles}
    if len(profile) < 2 or not dates:
        return set()
    last = max(dates)
    burst = (min(dates).date() - RECALL_LEAD, last.date())
    later = [c.id for c in contexts if c.id not in core and c.published and c.published > last
             and vectors.get(c.id) and _recalls(c, *burst)]
    if not later:
        return set()
    total = add({}, list(profile.values()))
    anchors = sorted(total, key=lambda k: -total[k])[:ANCHOR_TERMS]
    floor = OUTLIER_RATIO * median(_against_rest(p, total) for p in profile.values())
    total_norm = math.sqrt(sum(x * x for x in total.values()))
    out = set()
    for i in later:
        held = {k for v in vectors[i] for k in v}
        shared = sum(k in held for k in anchors)
        if shared >= ANCHOR_SHARE * len(anchors) and total_norm > 1e-12 and \
                cosine(profiles[i], total) / total_norm >= floor:
            out.add(i)
    return out


def _recalls(ctx: ArticleContext, first: date, last: date) -> bool:
    """Whether an article dates something within the story's burst ("the girls freed
    in October 2016"): a follow-up looks back at the happening it follows."""
    for t in ctx.ann.times:
        kind = granularity(t.value)
        day = day_of(t.value) if kind == "day" else None
        if day is not None and first <= day <= last:
            return True
        if kind == "month" and first.isoformat()[:7] <= str(t.value)[:7] <= last.isoformat()[:7]:
            return True
    return False


def _main_burst(contexts: Sequence[ArticleContext]) -> set[str]:
    """The articles of the largest run of publication dates without a long pause;
    undated articles belong to it (nothing places them elsewhere)."""
    dated = sorted((c.published, c.id) for c in contexts if c.published)
    runs: list[list[str]] = []
    last = None
    for when, cid in dated:
        if last is None or when - last > BURST_GAP:
            runs.append([])
        runs[-1].append(cid)
        last = when
    # Of equal runs the latest wins: it tells the story as it stands.
    main = max(reversed(runs), key=len) if runs else []
    return set(main) | {c.id for c in contexts if not c.published}


def _against_rest(own: Vector, total: Vector) -> float:
    """Cosine of a unit vector with the sum of the others (``total`` less ``own``),
    computed from dot products so the large sum is never copied."""
    dot = sum(x * total.get(k, 0.0) for k, x in own.items())
    own_sq = sum(x * x for x in own.values())
    rest_sq = sum(x * x for x in total.values()) - 2 * dot + own_sq
    return (dot - own_sq) / math.sqrt(rest_sq) if rest_sq > 1e-12 else 0.0
