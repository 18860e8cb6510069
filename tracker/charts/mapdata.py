"""Geometry for the offline flow map: country outlines and a point for each place.

Outlines are Natural Earth (public domain), simplified and shipped in
resources/geo; points for governorates and crossing points come from the
gazetteer where it has coordinates, else from resources/geo/places.csv
(approximate, see SOURCE.md), else from the place's parent area.
"""

from __future__ import annotations

import csv
import functools
import json

from tracker.resources import resource_path

# Where each country's name may be written (lon, lat), best first: the first inside the view is used.
LABEL_AT = {"SYR": [(38.9, 35.2), (37.0, 35.7), (36.8, 34.95), (36.6, 34.25)],
            "LBN": [(35.12, 33.62), (35.45, 33.45), (35.85, 34.05), (36.05, 34.33)],
            "TUR": [(37.0, 37.25), (36.3, 36.75)], "IRQ": [(41.9, 33.4)], "JOR": [(37.4, 31.6), (36.3, 32.3)],
            "ISR": [(34.75, 31.2), (35.05, 32.7)], "CYP": [(33.1, 34.95)]}
REGION = (33.0, 43.0, 31.0, 37.6)  # lon min, lon max, lat min, lat max: the widest view (Syria and Lebanon whole)
MIN_SPAN = (1.2, 0.9)  # degrees (about 110 by 100 km): the tightest view, so a single route keeps its surroundings
MARGIN = (0.08, 0.15)  # around the routes: this share of their span, and at least this many degrees


def view_of(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """The map window around ``points``: their box with a margin, at least MIN_SPAN, inside REGION.
    The chart then widens it around its centre to the canvas' shape (not to the whole region: on a wide
    canvas that was Cyprus and open sea, with the crossing points in a blob at one border)."""
    if not points:
        return REGION
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    box = [min(xs), max(xs), min(ys), max(ys)]
    for lo, span in ((0, MIN_SPAN[0]), (2, MIN_SPAN[1])):
        pad = max(MARGIN[0] * (box[lo + 1] - box[lo]), MARGIN[1])
        box[lo] -= pad
        box[lo + 1] += pad
        missing = span - (box[lo + 1] - box[lo])
        if missing > 0:
            box[lo] -= missing / 2
            box[lo + 1] += missing / 2
    return (max(box[0], REGION[0]), min(box[1], REGION[1]), max(box[2], REGION[2]), min(box[3], REGION[3]))


@functools.lru_cache(maxsize=1)
def countries() -> list[dict]:
    """[{'iso3', 'name_en', 'name_ar', 'rings': [[(lon, lat), ...], ...]}] from the shipped GeoJSON."""
    with open(resource_path("geo", "countries.geojson"), encoding="utf-8") as fh:
        doc = json.load(fh)
    out = []
    for feat in doc["features"]:
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        out.append({**feat["properties"], "rings": [[tuple(p) for p in poly[0]] for poly in polys]})
    return out


@functools.lru_cache(maxsize=1)
def shipped_points() -> dict[str, tuple[float, float, str]]:
    """P-code -> (lon, lat, basis) from resources/geo/places.csv."""
    with open(resource_path("geo", "places.csv"), newline="", encoding="utf-8") as fh:
        return {r["pcode"]: (float(r["lon"]), float(r["lat"]), r["basis"]) for r in csv.DictReader(fh)}


def point_of(locations: dict, pcode: str | None) -> tuple[float, float] | None:
    """(lon, lat) to draw ``pcode`` at: its own coordinates, the shipped approximation, or its parent's."""
    seen = 0
    while pcode and seen < 6:
        loc = locations.get(pcode) or {}
        if loc.get("lat") is not None and loc.get("lon") is not None:
            return float(loc["lon"]), float(loc["lat"])
        if pcode in shipped_points():
            lon, lat, _ = shipped_points()[pcode]
            return lon, lat
        pcode = loc.get("parent")
        seen += 1
    return None


def map_links(locations: dict, routes: list[tuple[str, str, str, int]], *, top: int = 12):
    """Turn route flows into drawable links.

    Returns (legs, unmapped): legs are dicts {'kind': 'to_crossing'|'to_destination', 'from', 'to',
    'from_xy', 'to_xy', 'people'}, at most ``top`` of each kind, largest first; ``unmapped`` counts the
    people on legs whose ends have no known position (unknown origin, or a place with no coordinates).
    """
    inbound: dict[tuple[str, str], int] = {}
    outbound: dict[tuple[str, str], int] = {}
    for origin, crossing, destination, people in routes:
        inbound[(origin, crossing)] = inbound.get((origin, crossing), 0) + people
        outbound[(crossing, destination)] = outbound.get((crossing, destination), 0) + people
    legs, unmapped = [], 0
    for kind, table in (("to_crossing", inbound), ("to_destination", outbound)):
        ranked = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))
        shown = 0
        for (a, b), people in ranked:
            pa, pb = point_of(locations, a), point_of(locations, b)
            if pa is None or pb is None:
                unmapped += people if kind == "to_crossing" else 0
                continue
            if shown < top:
                legs.append({"kind": kind, "from": a, "to": b, "from_xy": pa, "to_xy": pb, "people": people})
                shown += 1
    return legs, unmapped
