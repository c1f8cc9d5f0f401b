"""Watchlists: saved rules on entities, words, outlets and stories, and where
their alerts go.

An article matches a watchlist when it satisfies every kind of content rule
given (entities, words, outlets), any one value within a kind: entities by
canonical id, canonical name or any alias seen in the store; words as a
full-text query (websearch syntax, the same as ``sitrep search``); outlets by
name or by the host of the article's URL. Stories listed are watched as they
are, whatever their articles say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sitrep.errors import SitrepError
from sitrep.store import Store
from sitrep.store.watch import NewArticle, WatchlistRow
from sitrep.watch.sinks import parse_sink

RULE_KINDS = ("entities", "words", "outlets", "stories")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(slots=True)
class Watchlist:
    name: str
    entities: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    sinks: list[str] = field(default_factory=list)

    def rules(self) -> dict[str, list[str]]:
        return {kind: list(getattr(self, kind)) for kind in RULE_KINDS}

    @property
    def has_content_rules(self) -> bool:
        return bool(self.entities or self.words or self.outlets)

    @classmethod
    def from_row(cls, row: WatchlistRow) -> Watchlist:
        rules = {kind: list(row.rules.get(kind, [])) for kind in RULE_KINDS}
        return cls(row.name, **rules, sinks=list(row.sinks))

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, **self.rules(), "sinks": list(self.sinks)}


def check_watchlist(w: Watchlist) -> Watchlist:
    """The watchlist cleaned up, or a SitrepError saying what to fix."""
    if not _NAME.match(w.name):
        raise SitrepError(f"watchlist name {w.name!r}: use 1-64 letters, digits, '.', '_', '-'")
    for kind in RULE_KINDS:
        setattr(w, kind, list(dict.fromkeys(v.strip() for v in getattr(w, kind) if v.strip())))
    if not (w.has_content_rules or w.stories):
        raise SitrepError(f"watchlist {w.name!r} has no rule: give entities, words, "
                          "outlets or stories to watch", hint="watch_rules")
    w.sinks = [str(parse_sink(s)) for s in dict.fromkeys(w.sinks)]
    return w


def outlet_names(article: NewArticle) -> set[str]:
    names = {article.outlet.strip().lower()} if article.outlet else set()
    if article.url:
        host = urlsplit(article.url).netloc.lower()
        names.update({host, host.removeprefix("www.")})
    return names


def entity_ids(store: Store, names: Sequence[str]) -> set[str]:
    """Canonical ids for entity rules: by id, name or alias seen in the store, and by
    the annotator's own tables (countries and their aliases and demonyms, the
    organisation gazetteer), so "DPRK" finds North Korea before anyone wrote "DPRK"."""
    from sitrep.annotate.entities.countries import country_index
    from sitrep.annotate.entities.keys import country_entity_id, entity_id, name_key, type_group
    from sitrep.annotate.entities.organisations import gazetteer

    found = store.watch.entity_ids_named(names)
    for name in names:
        country = country_index().lookup(name)
        if country is not None:
            found.add(country_entity_id(country.iso3))
        for entry in gazetteer().candidates(name):
            found.add(entity_id(type_group(entry.type), name_key(entry.name)))
    return found


def matching(store: Store, w: Watchlist, articles: Sequence[NewArticle],
             wanted_entities: set[str] | None = None) -> set[str]:
    """Ids of ``articles`` that the watchlist's content rules match
    (``wanted_entities``: :func:`entity_ids` of its entities, when already known)."""
    if not w.has_content_rules or not articles:
        return set()
    ids = {a.id for a in articles}
    if w.outlets:
        wanted = {o.lower() for o in w.outlets}
        ids = {a.id for a in articles if a.id in ids and outlet_names(a) & wanted}
    if w.entities and ids:
        wanted = (entity_ids(store, w.entities) if wanted_entities is None
                  else wanted_entities)
        mentioned = store.watch.mentioned_entities(sorted(ids))
        ids = {i for i in ids if mentioned.get(i, set()) & wanted}
    if w.words and ids:
        hits: set[str] = set()
        for query in w.words:
            hits |= store.watch.matching_articles(query, sorted(ids))
        ids &= hits
    return ids
