"""Actors: the participants and sources an analyst would name, merged across outlets.

An entity is listed when independent outlets name it (or, in a one-outlet story,
when it recurs), never from a photo credit ("Name/Agency") or from the pages of
the outlet it names (a publisher's own name on its page is chrome). Places are
listed only when they act: a participant of an event or a source of a statement
("China said"); a place where things happen is not an actor. Names that are one
person told differently ("Teigen", "Chrissy Teigen") are one entry under the
fullest name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.brief.model import ActorEntry
from sitrep.brief.sentences import SentenceIndex
from sitrep.models import EntityMention
from sitrep.reconcile.claims import Citation, RoleClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import PLACE_TYPES, ArticleContext
from sitrep.reconcile.roles import Title, title_of

_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_CREDIT = re.compile(r"/|\b(?:Getty|AFP|Reuters|AP|EPA|Images?|Photo|Shutterstock)\b$")
_SQUASH = re.compile(r"[^a-z0-9]")
_THING_BEFORE = re.compile(r"\b(?:on|the|via)\s+$")


@dataclass(slots=True)
class _Seen:
    name: str
    type: str
    first: Citation
    mentions: int = 0
    outlets: set[str] = field(default_factory=set)
    acts: bool = False
    thing: int = 0  # mentions read as a thing's ("on Twitter", "the App Store")


def actor_items(
    contexts: Sequence[ArticleContext], roles: Sequence[RoleClaim], config: BriefConfig,
    index: SentenceIndex | None = None,
) -> list[ActorEntry]:
    """The story's actors; with ``index``, names in chrome sentences (captions) are left out."""
    seen: dict[str, _Seen] = {}
    for ctx in contexts:
        acting = _acting_ids(ctx)
        host = _SQUASH.sub("", (ctx.article.outlet or ctx.article.url or "").lower())
        for m in ctx.ann.entities:
            if m.type not in _TYPES or _credit(m) or _publisher(m.name, host):
                continue
            if index is not None and index.in_chrome(ctx.id, m.start):
                continue
            s = seen.setdefault(m.entity_id, _Seen(m.name, m.type, ctx.cite(m.start, m.end)))
            s.mentions += 1
            s.thing += bool(_THING_BEFORE.search(ctx.article.text, max(0, m.start - 8), m.start))
            s.outlets.add(ctx.outlet)
            s.acts |= m.entity_id in acting
    kept_roles = _roles([r for r in roles if index is None or r.mention is None
                         or not index.in_chrome(r.mention.article, r.mention.start)])
    single_outlet = len({c.outlet for c in contexts}) < 2
    entries = []
    for eid, s in seen.items():
        if not _salient(s, bool(kept_roles.get(eid)), single_outlet):
            continue
        picked = kept_roles.get(eid, [])
        cites = [c.sentence for c in picked] or [s.first]
        entries.append(ActorEntry(eid, s.name, s.type, [c.role for c in picked], _dedup(cites),
                                  s.mentions, len(s.outlets)))
    entries = _merge_names(entries)
    entries.sort(key=lambda a: (-a.articles, -bool(a.roles), -a.mentions))
    return entries[: config.actors_max]


def _salient(s: _Seen, has_role: bool, single_outlet: bool) -> bool:
    if s.type in PLACE_TYPES and not s.acts:
        return False  # where things happen, not who does them
    if s.type == "PERSON" and not has_role and 2 * s.thing > s.mentions:
        return False  # "on Twitter", "the App Store": a platform or product, not a person
    if single_outlet:
        return s.mentions >= 2 or has_role or s.acts
    if len(s.outlets) >= 2:
        # Two passing mentions ("like Peyton Manning before him") are not participation.
        return len(s.outlets) >= 3 or s.mentions >= 3 or has_role or s.acts
    # One outlet's person introduced with a title or role is a named participant.
    return has_role


def _acting_ids(ctx: ArticleContext) -> set[str]:
    """Entities that do or say something in the article: event participants, speakers."""
    out: set[str] = set()
    for e in ctx.ann.events:
        for a in (*e.sources, *e.targets, e.source, e.target, e.reported_by):
            if a is not None and a.entity_id:
                out.add(a.entity_id)
    out.update(a.entity_id for a in ctx.ann.attributions if a.entity_id)
    return out


def _credit(m: EntityMention) -> bool:
    """A photo credit ("Spencer Platt/Getty Images") names no participant."""
    return bool(_CREDIT.search(m.text))


def _publisher(name: str, host: str) -> bool:
    """Whether ``name`` is the outlet of the page it appears on ("CNN" on cnn.com);
    ``host`` is the page's outlet or URL, lower-cased and squashed."""
    squashed = _SQUASH.sub("", name.lower())
    if len(squashed) < 3:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()).lower()
    return squashed in host or (len(initials) >= 3 and f"{initials}times" in host) or (
        len(initials) >= 3 and host.startswith(("www" + initials, initials)))


def _merge_names(entries: list[ActorEntry]) -> list[ActorEntry]:
    """One entry per person or body told several ways: a name whose words are all in a
    longer listed name ("Teigen" in "Chrissy Teigen", "Colts" in "Indianapolis Colts"),
    or the same name typed differently by the tagger, joins that entry (a place never
    joins a body: "Arizona" is not "Arizona Cardinals")."""
    by_len = sorted(entries, key=lambda a: -len(a.name.split()))
    kept: list[ActorEntry] = []
    holders: dict[str, list[tuple[frozenset[str], ActorEntry]]] = defaultdict(list)
    for a in by_len:
        words = frozenset(a.name.lower().split())
        place = a.type in PLACE_TYPES
        # Candidates share a word with the name; a longer name holding it all is the host.
        host = next((k for w in words for kw, k in holders[w]
                     if kw == words or (words < kw and (k.type in PLACE_TYPES) == place)), None)
        if host is None:
            kept.append(a)
            for w in words:
                holders[w].append((words, a))
            continue
        host.mentions += a.mentions
        host.articles = max(host.articles, a.articles)
        host.roles += [r for r in a.roles if r not in host.roles]
        host.citations = _dedup(host.citations + a.citations)
    return kept


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "sir", "dame", "madam"})


def _roles(claims: Sequence[RoleClaim]) -> dict[str, list[RoleClaim]]:
    """Per person, one claim per office: "Defence Minister" and "North Korean Defense
    Minister" are one role (the fuller wording is kept); "Ms" or "Mr." is no role."""
    out: dict[str, list[tuple[Title, RoleClaim]]] = defaultdict(list)
    for c in claims:
        if c.role.strip(" .").lower() in _HONORIFICS:
            continue
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
