"""BriefConfig: reliability weights per outlet and the tolerances of reconciliation.

Loadable from TOML or JSON, e.g.::

    approx_tolerance = 0.15
    [weights]
    "voanews.com" = 1.0
    "example-blog.net" = 0.3
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError


@dataclass(slots=True)
class BriefConfig:
    """How claims are compared and how long each brief section is.

    ``weights`` maps an outlet (name or domain, case-insensitive) to a
    reliability weight; unknown outlets weigh ``default_weight``. A claim is
    corroborated when at least ``min_sources`` independent outlets state it.
    ``approx_tolerance`` is the relative spread of "around X", "some X".
    Figures published less than ``same_frame_hours`` apart (or undated) are
    in the same time frame; further apart, a change is an update.
    """

    weights: dict[str, float] = field(default_factory=dict)
    default_weight: float = 1.0
    min_sources: int = 2
    approx_tolerance: float = 0.15
    same_frame_hours: float = 6.0
    # A verb-less count revises another (an update, never a conflict) when it is at
    # least this large and within this ratio of it: small counts recur by chance.
    revision_min_count: float = 1000.0
    revision_max_ratio: float = 2.0
    summary_sentences: int = 5
    summary_lambda: float = 0.7
    facts_max: int = 12
    timeline_max: int = 30
    actors_max: int = 16  # beyond this the list holds passing mentions more than actors
    timeline_window_days: int = 45
    lead_sentences: int = 3  # an article's first sentences ...
    lead_bonus: float = 0.25  # ... score this much more (1 + bonus) as summary candidates
    summary_pool: int = 60  # most central sentences the summary chooses among
    summary_duplicate: float = 0.35  # cosine above which a sentence repeats a chosen one
    facts_same: float = 0.3  # cosine at which an outlet's sentence states the quoted fact
    timeline_same: float = 0.5  # cosine above which two timeline sentences tell one event
    numbers_max: int = 15  # number series listed
    numbers_lead_chars: int = 1000  # a lone outlet's figure is listed only before this offset
    numbers_late_max: int = 2  # ... or among this many of its most central other figures
    since_mode: str = "mark"  # "mark" new items or "limit" the brief to them

    def weight(self, outlet: str) -> float:
        lowered = {k.lower(): v for k, v in self.weights.items()}
        return lowered.get(outlet.lower(), self.default_weight)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BriefConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise SitrepError(f"unknown brief setting(s): {', '.join(sorted(unknown))}")
        config = cls(**data)
        if config.since_mode not in ("mark", "limit"):
            raise SitrepError("since_mode must be 'mark' or 'limit'")
        return config


def load_config(path: str | Path) -> BriefConfig:
    """A BriefConfig from a .toml or .json file of brief keys alone (the library's form;
    the command line reads the [brief] section of the settings file, sitrep.config)."""
    from sitrep.config import read_table

    return BriefConfig.from_dict(read_table(path))
