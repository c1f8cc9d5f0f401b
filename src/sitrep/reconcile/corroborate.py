"""Corroboration: claims that state the same thing, counted by independent outlet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from sitrep.reconcile.claims import Claim, Corroboration, EventClaim, QuantityClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.frames import independent_outlets, weight_of
from sitrep.reconcile.quantities import agree as figures_agree

C = TypeVar("C", bound=Claim)


def _cluster(claims: Sequence[C], agree: Callable[[C, C], bool]) -> list[list[C]]:
    """Greedy clusters whose members all agree with each other, in input order."""
    clusters: list[list[C]] = []
    for c in claims:
        for cl in clusters:
            if all(agree(c, m) for m in cl):
                cl.append(c)
                break
        else:
            clusters.append([c])
    return clusters


def _events_agree(a: EventClaim, b: EventClaim) -> bool:
    # Same type, same actors on each side (both sides named or both not): a shared
    # country alone ("Pakistan") does not make two events one.
    if a.type != b.type or not (a.sources & b.sources):
        return False
    if (a.targets or b.targets) and not (a.targets & b.targets):
        return False
    if a.location and b.location and a.location != b.location:
        return False
    da = a.date[:10] if a.date and a.date_from_text else None
    db = b.date[:10] if b.date and b.date_from_text else None
    return da is None or db is None or da == db


def _wrap(clusters: list[list[C]], config: BriefConfig) -> list[Corroboration]:
    out = []
    for cl in clusters:
        outlets = independent_outlets(cl)
        out.append(Corroboration(list(cl), tuple(outlets), weight_of(outlets, config)))
    return out


def quantity_agreements(
    groups: Sequence[Sequence[QuantityClaim]], config: BriefConfig
) -> list[Corroboration]:
    out = []
    for g in groups:
        out.extend(_wrap(_cluster(g, figures_agree), config))
    return out


def event_agreements(claims: Sequence[EventClaim], config: BriefConfig) -> list[Corroboration]:
    # Only events of one type can agree: cluster each type apart (fast on long stories).
    by_type: dict[str, list[EventClaim]] = defaultdict(list)
    for c in claims:
        if c.participants and c.modality != "negated":
            by_type[c.type].append(c)
    return _wrap([cl for group in by_type.values() for cl in _cluster(group, _events_agree)],
                 config)
