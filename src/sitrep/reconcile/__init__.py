"""Reconciliation: claims from annotated articles, corroboration and discrepancies.

``reconcile(items)`` turns (article, annotations) pairs of one story into
claims (figures, events, titles), groups those that agree (counting
independent outlets once) and lists those that cannot all hold, or that
changed over time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep import config as settings
from sitrep.models import Annotations, Article
from sitrep.reconcile.claims import (
    Citation,
    Claim,
    Corroboration,
    Discrepancy,
    EventClaim,
    QuantityClaim,
    RoleClaim,
    Voice,
)
from sitrep.reconcile.config import BriefConfig, load_config
from sitrep.reconcile.context import ArticleContext
from sitrep.reconcile.corroborate import event_agreements, quantity_agreements
from sitrep.reconcile.discrepancies import (
    event_discrepancies,
    quantity_discrepancies,
    quantity_groups,
    role_discrepancies,
)
from sitrep.reconcile.events import event_claims
from sitrep.reconcile.identity import figure_groups
from sitrep.reconcile.quantities import quantity_claims
from sitrep.reconcile.revisions import count_revisions, revised_in_report
from sitrep.reconcile.roles import role_claims
from sitrep.reconcile.years import year_claims

__all__ = [
    "ArticleContext",
    "BriefConfig",
    "Citation",
    "Claim",
    "Corroboration",
    "Discrepancy",
    "EventClaim",
    "QuantityClaim",
    "Reconciliation",
    "RoleClaim",
    "Voice",
    "load_config",
    "reconcile",
]


@dataclass(slots=True)
class Reconciliation:
    """Everything reconciliation found in one story."""

    contexts: list[ArticleContext]
    quantities: list[QuantityClaim]
    groups: list[list[QuantityClaim]]  # figures: strict groups joined across outlets
    events: list[EventClaim]
    roles: list[RoleClaim]
    discrepancies: list[Discrepancy]
    agreements: list[Corroboration]


def reconcile(
    items: Sequence[tuple[Article, Annotations]] | Sequence[ArticleContext],
    config: BriefConfig | None = None,
) -> Reconciliation:
    config = config or settings.current().brief
    contexts = [i if isinstance(i, ArticleContext) else ArticleContext.from_annotations(*i)
                for i in items]
    quantities = []
    for ctx in contexts:
        figures = quantity_claims(ctx, config.approx_tolerance)
        quantities += [*figures, *year_claims(ctx, figures)]
    events = [c for ctx in contexts for c in event_claims(ctx)]
    roles = [c for ctx in contexts for c in role_claims(ctx)]
    strict = quantity_groups(quantities)
    groups = figure_groups(strict)
    discrepancies = [
        *quantity_discrepancies(strict, config),
        *count_revisions(quantities, config),
        *revised_in_report(quantities, {c.article.id: c.article.text for c in contexts}, config),
        *event_discrepancies(events),
        *role_discrepancies(roles),
    ]
    # Facts quote agreements within strict groups: a figure joined only by its value is
    # listed among the numbers, not quoted as a corroborated sentence.
    agreements = [*quantity_agreements(strict, config), *event_agreements(events, config)]
    return Reconciliation(contexts, quantities, groups, events, roles, discrepancies, agreements)
