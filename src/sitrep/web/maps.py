"""A small map of the places a story or an entity is about, drawn offline.

The world outline comes from the ``countryinfo`` package (low-resolution
Natural Earth country shapes), projected plate carrée (x = longitude + 180,
y = 90 - latitude) into one SVG path that is built once per process; no tile
server or script is involved, so the map also works air-gapped and under the
app's strict Content-Security-Policy. Pins are the resolved places of the
mentions (``place`` on the entities layer), sized by how often they are named.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.annotate.places.outlines import country_records
from sitrep.annotate.places.toponyms import PLACE_TYPES
from sitrep.store import Store

MAX_PINS = 40
_STEP = 0.4  # degrees: outline points closer than this to the last one are dropped


@dataclass(slots=True)
class Pin:
    geonameid: int
    name: str
    lat: float
    lon: float
    entity_id: str
    feature: str
    mentions: int = 0

    @property
    def x(self) -> float:
        return round(self.lon + 180, 3)

    @property
    def y(self) -> float:
        return round(90 - self.lat, 3)


@dataclass(slots=True)
class PlaceMap:
    pins: list[Pin]
    highlight: int | None = None  # the geonameid of the page's own place
    view: tuple[float, float, float, float] = (0.0, 0.0, 360.0, 180.0)
    outline: str = field(default="", repr=False)

    @property
    def view_box(self) -> str:
        return " ".join(f"{v:g}" for v in self.view)

    def radius(self, pin: Pin) -> float:
        """Pins grow with the log of their mentions, in units of the visible width."""
        return round(self.view[2] / 140 * (1 + math.log(max(pin.mentions, 1))), 3)


@functools.cache
def world_outline() -> str:
    """Every country's outer rings as one SVG path (plate carrée, 360 x 180)."""
    parts: list[str] = []
    for record in country_records().values():
        for ring in record.rings:
            points: list[tuple[float, float]] = []
            for lon, lat in ring:
                if points and abs(lon - points[-1][0]) + abs(lat - points[-1][1]) < _STEP:
                    continue
                points.append((lon, lat))
            if len(points) > 2:
                coords = " ".join(f"{lon + 180:.2f},{90 - lat:.2f}" for lon, lat in points)
                parts.append(f"M{coords}Z")
    return "".join(parts)


def pins_of(layers: Iterable[str]) -> list[Pin]:
    """The places named in entity layers (JSON), most named first."""
    pins: dict[int, Pin] = {}
    for data in layers:
        for m in json.loads(data):
            place = m.get("place")
            if not place or m.get("type") not in PLACE_TYPES or place.get("lat") is None:
                continue
            gid = int(place["geonameid"])
            pin = pins.get(gid)
            if pin is None:
                pin = pins[gid] = Pin(gid, place["name"], float(place["lat"]),
                                      float(place["lon"]), m.get("entity_id", ""),
                                      place.get("feature") or "")
            pin.mentions += 1
    return sorted(pins.values(), key=lambda p: (-p.mentions, p.name))[:MAX_PINS]


def _view(pins: list[Pin]) -> tuple[float, float, float, float]:
    """The pins' extent with a margin, at least a region wide, within the world."""
    if not pins:
        return (0.0, 0.0, 360.0, 180.0)
    xs, ys = [p.x for p in pins], [p.y for p in pins]
    width = min(360.0, max(40.0, (max(xs) - min(xs)) * 1.3 + 10))
    height = min(180.0, max(width / 2, (max(ys) - min(ys)) * 1.3 + 10))
    width = max(width, height * 2)  # keep the 2:1 shape of the world
    x = min(max(0.0, (min(xs) + max(xs) - width) / 2), 360.0 - width)
    y = min(max(0.0, (min(ys) + max(ys) - height) / 2), 180.0 - height)
    return (round(x, 2), round(y, 2), round(width, 2), round(height, 2))


def _map(pins: list[Pin], highlight: int | None = None) -> PlaceMap:
    return PlaceMap(pins, highlight, _view(pins), world_outline())


def story_map(store: Store, story_id: str) -> PlaceMap:
    """The places a story's articles name."""
    ids = [m.article_id for m in store.stories.members(story_id)]
    return _map(pins_of(store.reads.layer_data(ids, "entities").values()))


def entity_map(store: Store, entity_id: str, limit: int = 50) -> PlaceMap:
    """The places named in the articles naming an entity; a place entity is highlighted."""
    ids = [a.id for a in store.reads.entity_articles(entity_id, limit)]
    pins = pins_of(store.reads.layer_data(ids, "entities").values())
    own = next((p.geonameid for p in pins if p.entity_id == entity_id), None)
    return _map(pins, own)
