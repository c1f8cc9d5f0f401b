"""Country outlines and reference points from the ``countryinfo`` package.

``countryinfo`` ships, per country, a low-resolution outline (GeoJSON from
Natural Earth), a reference point (the World Factbook's) and the capital.
The map draws the outlines; the gazetteer takes each country's point halfway
between the reference point and the centre of its main landmass, two
estimates of the same centre that disagree most where a country has far-off
parts (Alaska, Hawaii).
"""

from __future__ import annotations

import ast
import functools
import json
from dataclasses import dataclass
from typing import Any

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points


@dataclass(frozen=True, slots=True)
class CountryRecord:
    alpha2: str
    alpha3: str
    name: str
    point: tuple[float, float] | None  # (lat, lon)
    capital: str
    population: int
    rings: tuple[Ring, ...]  # outer rings of its polygons

    def centre(self) -> tuple[float, float] | None:
        """Halfway between the reference point and the main landmass's centroid."""
        main = max(self.rings, key=lambda r: abs(_area(r)), default=None)
        if main is None or not _area(main):
            return self.point
        lat, lon = _centroid(main)
        if self.point is None:
            return lat, lon
        return (self.point[0] + lat) / 2, (self.point[1] + lon) / 2


def _edges(ring: Ring) -> zip[tuple[tuple[float, float], tuple[float, float]]]:
    return zip(ring, ring[1:] + ring[:1], strict=True)


def _area(ring: Ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in _edges(ring)) / 2


def _centroid(ring: Ring) -> tuple[float, float]:
    a = _area(ring)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in _edges(ring):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cy / (6 * a), cx / (6 * a)


def _rings(geo: Any) -> tuple[Ring, ...]:
    if isinstance(geo, str):
        geo = ast.literal_eval(geo) if geo.strip() else {}
    out: list[Ring] = []
    for feature in (geo or {}).get("features", []):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates", [])
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            if poly and len(poly[0]) > 2:
                out.append(tuple((float(x), float(y)) for x, y in poly[0]))
    return tuple(out)


@functools.cache
def country_records() -> dict[str, CountryRecord]:
    """Every country countryinfo knows, by ISO alpha-3 code (empty if it is missing)."""
    from sitrep.annotate.places.gazetteer import package_dir

    found = package_dir("countryinfo")
    if found is None:
        return {}
    folder = found / "data"
    out: dict[str, CountryRecord] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            rec = json.loads(path.read_text(encoding="utf-8"))
            iso = rec.get("ISO") or {}
            if not iso.get("alpha3"):
                continue
            latlng = rec.get("latlng") or []
            out[iso["alpha3"]] = CountryRecord(
                alpha2=iso.get("alpha2", ""),
                alpha3=iso["alpha3"],
                name=rec.get("name", ""),
                point=(float(latlng[0]), float(latlng[1])) if len(latlng) >= 2 else None,
                capital=rec.get("capital") or "",
                population=int(rec.get("population") or 0),
                rings=_rings(rec.get("geoJSON")),
            )
        except (ValueError, SyntaxError, TypeError, KeyError):
            continue  # one malformed file costs that country, not the map
    return out
