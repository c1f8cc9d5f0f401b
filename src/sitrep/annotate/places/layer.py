"""Place mentions resolved to GeoNames entries, and entity types corrected from them.

``resolve_places`` runs after the entity layer: each mention that names a
place gets ``place = {geonameid, name, lat, lon, country, admin1, feature}``
(see ``place_gazetteer``); a resolved place is a place, so a mistyped one
("Quetta" as ORG, "Banja Luka" as PERSON) becomes a GPE (a continent a LOC)
and every place other than a country takes an entity id from its GeoNames
id, so two towns named Springfield are two entities. A demonym ("Turkish")
keeps its type and entity but carries its country's place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlparse

from sitrep.annotate.entities.keys import country_entity_id, entity_id, fold_name
from sitrep.annotate.entities.organisations import gazetteer
from sitrep.annotate.places.gazetteer import COUNTRY, REGION, PlaceIndex, place_index
from sitrep.annotate.places.scoring import Weights, group, resolve
from sitrep.annotate.places.spot import spot
from sitrep.annotate.places.toponyms import DocView, Toponym, collect
from sitrep.models import Annotations, Article, EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_WEIGHTS = Weights()
# Country-code domains sold as generic names: they say nothing of the outlet's country.
_VANITY_TLDS = frozenset({"tv", "io", "co", "me", "fm", "ly", "ai", "am", "to", "ws", "cc"})


def place_entity_id(geonameid: int) -> str:
    """The store-wide entity id of a place other than a country."""
    return entity_id("place", f"geonames{geonameid}")


def outlet_country(article: Article | None, index: PlaceIndex) -> int | None:
    """The country of an outlet whose domain ends in a country code (cbc.ca, bbc.co.uk)."""
    if article is None:
        return None
    host = urlparse(article.url).hostname if article.url else None
    host = host or (article.outlet or "")
    tld = host.lower().rstrip(".").rsplit(".", 1)[-1]
    if len(tld) != 2 or tld in _VANITY_TLDS:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    entry = index.country_entry(found.alpha_3) if found else None
    return index.country[entry] if entry is not None else None


def _named_otherwise(top: Toponym) -> bool:
    """A person or organisation the entity layer is sure of, whatever the gazetteer says."""
    m = top.mention
    if top.typed_place or top.country_mention or top.inner:
        return False
    if m.type == "PERSON" and (
            m.roles or len(fold_name(m.name).split()) > len(fold_name(m.text).split())):
        return True
    return bool(gazetteer().candidates(m.text))


def resolve_places(
    doc: Doc,
    mentions: list[EntityMention],
    article: Article | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> None:
    """Fill ``place`` on the mentions that name places and correct their type and id;
    add the place names the entity layer missed (``mentions`` stays in text order)."""
    index = place_index()
    view = DocView.of(doc, article.text if article is not None else None)
    tops = [t for t in collect(view, mentions, index) if not _named_otherwise(t)]
    tops += spot(view, mentions, index)
    if not tops:
        return
    groups = group(tops, index)
    resolve(index, groups, outlet_country(article, index), weights)
    added = False
    for g in groups:
        if g.choice is None:
            continue
        for top in g.tops:
            if top.inner:
                top.mention.place = index.place(g.choice).to_dict()
                continue
            _apply(index, top.mention, g.choice)
            if top.index < 0:
                mentions.append(top.mention)
                added = True
    if added:
        mentions.sort(key=lambda m: (m.start, m.end))


def _apply(index: PlaceIndex, m: EntityMention, entry: int) -> None:
    place = index.place(entry)
    m.place = place.to_dict()
    kind = index.kind[entry]
    if m.type == "NORP" and kind == COUNTRY:
        return  # "Turkish": a demonym stays a group, placed in its country
    m.type = "LOC" if kind == REGION else "GPE"
    if kind == COUNTRY and place.country:
        if m.entity_id != country_entity_id(place.country):
            m.entity_id, m.name = country_entity_id(place.country), place.name
    else:
        m.entity_id, m.name = place_entity_id(place.geonameid), place.name
    m.country = place.country


def place_event_actors(ann: Annotations) -> None:
    """Give each event's location (and actors) the place of the mention they stand on."""
    placed = [m for m in ann.entities if m.place]
    if not placed:
        return
    by_id = {m.entity_id: m.place for m in placed}
    for event in ann.events:
        actors = [event.location, event.source, event.target, *event.sources, *event.targets]
        for actor in actors:
            if actor is None or actor.place:
                continue
            hit = next((m for m in placed if m.start < actor.end and actor.start < m.end), None)
            if hit is not None:
                actor.place = hit.place
            elif actor.entity_id in by_id:
                actor.place = by_id[actor.entity_id]
