"""Sourced situation briefs: sections of items, every item citing its spans.

``build_brief`` reconciles one story's articles (see ``sitrep.reconcile``)
and writes summary, key facts, actors, timeline, numbers, discrepancies,
related stories and sources; ``brief_to_json``, ``brief_to_markdown`` and
``brief_to_html`` render it; ``check_citations`` verifies it.
"""

from sitrep.brief.build import build_brief
from sitrep.brief.check import check_citations
from sitrep.brief.model import (
    ActorEntry,
    Brief,
    BriefItem,
    NumberPoint,
    NumberSeries,
    RelatedEntry,
    SourceEntry,
    TimelineEntry,
)
from sitrep.brief.render_html import brief_to_html
from sitrep.brief.render_json import brief_to_json
from sitrep.brief.render_md import brief_to_markdown
from sitrep.reconcile.claims import Citation, Discrepancy
from sitrep.reconcile.config import BriefConfig, load_config

__all__ = [
    "ActorEntry",
    "Brief",
    "BriefConfig",
    "BriefItem",
    "Citation",
    "Discrepancy",
    "NumberPoint",
    "NumberSeries",
    "RelatedEntry",
    "SourceEntry",
    "TimelineEntry",
    "brief_to_html",
    "brief_to_json",
    "brief_to_markdown",
    "build_brief",
    "check_citations",
    "load_config",
]
