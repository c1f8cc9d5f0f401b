"""Actors: one entry per canonical entity, with its roles de-duplicated and cited."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sitrep.brief.model import ActorEntry
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import ArticleContext
from sitrep.reconcile.records import Citation, RoleClaim
from sitrep.reconcile.roles import Title, title_of

_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def actor_items(
    contexts: Sequence[ArticleContext], roles: Sequence[RoleClaim], config: BriefConfig
) -> list[ActorEntry]:
    mentions: dict[str, int] = defaultdict(int)
    articles: dict[str, set[str]] = defaultdict(set)
    first: dict[str, tuple[str, str, Citation]] = {}
    for ctx in contexts:
        for m in ctx.ann.entities:
            if m.type not in _TYPES:
                continue
            mentions[m.entity_id] += 1
            articles[m.entity_id].add(ctx.id)
            first.setdefault(m.entity_id, (m.name, m.type, ctx.cite(m.start, m.end)))
    kept_roles = _roles(roles)
    entries = []
    for eid, (name, type_, cite) in first.items():
        person = type_ == "PERSON"
        if not person and len(articles[eid]) < 2 and mentions[eid] < 3:
            continue
        picked = kept_roles.get(eid, [])
        cites = [c.sentence for c in picked] or [cite]
        entries.append(ActorEntry(eid, name, type_, [c.role for c in picked], _dedup(cites),
                                  mentions[eid], len(articles[eid])))
    entries.sort(key=lambda a: (-bool(a.roles), -(a.type == "PERSON"), -a.articles, -a.mentions))
    return entries[: config.actors_max]


def _roles(claims: Sequence[RoleClaim]) -> dict[str, list[RoleClaim]]:
    """Per person, one claim per office: "Defence Minister" and "North Korean Defense
    Minister" are one role (the fuller wording is kept)."""
    out: dict[str, list[tuple[Title, RoleClaim]]] = defaultdict(list)
    for c in claims:
        title = title_of(c.role)
        kept = out[c.entity_id]
        for i, (t, k) in enumerate(kept):
            if c.role.lower() == k.role.lower() or t.same(title):
                if len(c.role) > len(k.role):
                    kept[i] = (title, c)
                break
        else:
            kept.append((title, c))
    return {eid: [c for _, c in kept] for eid, kept in out.items()}


def _dedup(cites: list[Citation]) -> list[Citation]:
    return list(dict.fromkeys(cites))
