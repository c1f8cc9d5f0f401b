"""Time frames and independence: when two figures may differ, and which sources count once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sitrep.models import normalise_text
from sitrep.reconcile.claims import Claim, QuantityClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import published_at_iso
from sitrep.reconcile.measures import is_fixed


def same_frame(a: QuantityClaim, b: QuantityClaim, config: BriefConfig) -> bool:
    """Whether two figures speak of the same moment.

    Different day references, or publications ``same_frame_hours`` apart,
    make different frames: the later figure may update the earlier one. An
    undated claim cannot be placed, so it is compared as if simultaneous.
    """
    if a.time_ref and b.time_ref and a.time_ref != b.time_ref:
        return False
    pa, pb = published_at_iso(a.published), published_at_iso(b.published)
    if pa is None or pb is None:
        return True
    hours = config.same_frame_hours
    if is_fixed(a.predicate, a.dimension) and a.scope == b.scope == "current":
        # "3-year-old" on Saturday, "4-year-old" on Sunday; "an 11-hour flight" one day,
        # "a 9-and-a-half hour journey" a week later
        hours = max(hours, _FIXED_HOURS)
    return _apart(a.published, pa, b.published, pb) < hours * 3600


def _apart(a_text: str | None, a: datetime, b_text: str | None, b: datetime) -> float:
    """Seconds between two publications; a date without a time of day ("2016-11-13")
    may be any moment of that day, so it is as near as the day allows."""
    a_end = a + timedelta(days=1) if _day_only(a_text) else a
    b_end = b + timedelta(days=1) if _day_only(b_text) else b
    return max(0.0, (a - b_end).total_seconds(), (b - a_end).total_seconds())


def _day_only(value: str | None) -> bool:
    """A publication date alone, or stamped at midnight exactly (how dates are stored)."""
    text = (value or "").strip()
    return bool(text) and (len(text) <= 10 or text.endswith(("T00:00:00", "T00:00:00Z")))


# An age holds for a year, a trip's length for good: reports of one a few weeks apart
# give one value, and differing ones contradict each other rather than update it.
_FIXED_HOURS = 30 * 24


def order_key(c: Claim) -> tuple[str, str, str, int]:
    """Chronological order: publication, then the claim's own day, then position."""
    moment = published_at_iso(c.published)
    ref = c.time_ref if isinstance(c, QuantityClaim) and c.time_ref else ""
    return (moment.isoformat() if moment else "9999", ref, c.citation.article, c.citation.start)


def independent_outlets(claims: Sequence[Claim]) -> list[str]:
    """Outlets stating the claims, each once; outlets whose words are identical
    (syndicated copies of one report) count as one."""
    return distinct_outlets((c.outlet, normalise_text(c.text)) for c in claims)


def distinct_outlets(told: Iterable[tuple[str, str]]) -> list[str]:
    """The outlets of (outlet, normalised words) pairs, each once; an outlet whose words
    are another outlet's (a syndicated copy of one report) does not count again."""
    seen_text: dict[str, str] = {}
    outlets: list[str] = []
    for outlet, words in told:
        if outlet in outlets or seen_text.setdefault(words, outlet) != outlet:
            continue
        outlets.append(outlet)
    return outlets


def weight_of(outlets: Sequence[str], config: BriefConfig) -> float:
    return sum(config.weight(o) for o in outlets)
