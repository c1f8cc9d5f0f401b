"""build_brief: one story's articles and annotations in, a sourced brief out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sitrep import config as settings
from sitrep.brief.actors import actor_items
from sitrep.brief.clock import clock_items
from sitrep.brief.facts import fact_items
from sitrep.brief.model import Brief, BriefItem, RelatedEntry, SourceEntry
from sitrep.brief.numbers import number_items
from sitrep.brief.sentences import SentenceIndex
from sitrep.brief.summary import summary_items
from sitrep.brief.timeline import timeline_items
from sitrep.models import Annotations, Article
from sitrep.reconcile import reconcile
from sitrep.reconcile.claims import Citation
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import ArticleContext, published_at_iso


def build_brief(
    items: Sequence[tuple[Article, Annotations]],
    *,
    story_id: str,
    title: str | None = None,
    related: Sequence[Any] = (),
    since: str | None = None,
    config: BriefConfig | None = None,
) -> Brief:
    """The brief of one story. ``related`` takes story records, dicts or (id, title)
    pairs; ``since`` (ISO date) marks, or with ``config.since_mode = "limit"``
    keeps only, what was published after it."""
    config = config or settings.current().brief
    contexts = [ArticleContext.from_annotations(a, ann) for a, ann in items]
    rec = reconcile(contexts, config)
    index = SentenceIndex(contexts, config)
    summary = summary_items(index, config, rec.quantities)
    brief = Brief(
        story=story_id,
        title=title or _title(contexts, index),
        summary=index.story_items(summary),
        facts=index.story_items(fact_items(rec.agreements, index, config, shown=summary,
                                           years=_years(contexts))),
        actors=actor_items(contexts, rec.roles, config, index),
        timeline=index.story_items(timeline_items(contexts, rec.events, index, config)),
        numbers=[*number_items(rec.groups, rec.discrepancies, config, index.score_of),
                 *clock_items(contexts, config)],
        discrepancies=rec.discrepancies,
        related=[_related(r) for r in related],
        sources=[_source(c, config) for c in contexts],
        since=since,
        texts={c.id: c.article.text for c in contexts},
    )
    if since:
        _mark_new(brief, contexts, since, config)
    return brief


def _years(contexts: Sequence[ArticleContext]) -> tuple[int, int] | None:
    """The first and last years of the story's publication dates."""
    years = [c.published.year for c in contexts if c.published]
    return (min(years), max(years)) if years else None


def _title(contexts: Sequence[ArticleContext], index: SentenceIndex) -> str:
    """The title of the article whose sentences are most central to the story."""
    best: dict[str, float] = {}
    for s in index.sentences:
        best[s.ctx.id] = max(best.get(s.ctx.id, 0.0), s.score)
    titled = [c for c in contexts if c.article.title]
    if not titled:
        return "Untitled story"
    return str(max(titled, key=lambda c: best.get(c.id, 0.0)).article.title)


def _related(r: Any) -> RelatedEntry:
    if isinstance(r, dict):
        return RelatedEntry(str(r.get("id")), r.get("title"))
    if isinstance(r, tuple | list):
        return RelatedEntry(str(r[0]), r[1] if len(r) > 1 else None)
    if isinstance(r, str):
        return RelatedEntry(r)
    return RelatedEntry(str(r.id), getattr(r, "title", None))


def _source(c: ArticleContext, config: BriefConfig) -> SourceEntry:
    a = c.article
    return SourceEntry(a.id, c.label, a.title, a.url, a.published, config.weight(c.outlet))


def _mark_new(brief: Brief, contexts: Sequence[ArticleContext], since: str,
              config: BriefConfig) -> None:
    """An item is new when every source of it was published after ``since`` (a bare
    date: after that whole day); undated sources are never new. One sentence is
    judged on all the citations it has in any section, so it is new everywhere or
    nowhere."""
    cutoff = published_at_iso(since)
    if cutoff is None:
        return
    if len(since.strip()) <= 10:  # a day: its own articles are not "after" it
        cutoff += timedelta(days=1)
    fresh = {c.id for c in contexts if c.published and c.published >= cutoff}
    for s in brief.sources:
        s.new = s.article in fresh
    cited: dict[str, set[Citation]] = {}
    for item in brief.items():
        cited.setdefault(item.text, set()).update(item.citations)
    for item in brief.items():
        cites = cited[item.text]
        item.new = bool(cites) and all(c.article in fresh for c in cites)
    for series in brief.numbers:
        for p in series.points:
            p.new = p.citation.article in fresh
        series.new = any(p.new for p in series.points)
    if config.since_mode == "limit":
        brief.summary = _keep(brief.summary)
        brief.facts = _keep(brief.facts)
        brief.timeline = _keep(brief.timeline)
        brief.numbers = _keep(brief.numbers)
        brief.discrepancies = [
            d for d in brief.discrepancies if any(c.citation.article in fresh for c in d.claims)
        ]


def _keep(items: list[Any]) -> list[Any]:
    return [i for i in items if isinstance(i, BriefItem) and i.new]
