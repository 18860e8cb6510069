"""Rebuild ``countries.geojson`` from a Natural Earth admin-0 shapefile (run once, by hand).

    python resources/geo/make_outlines.py path/to/ne_10m_admin_0_countries_deu.shp

Keeps the countries around the Syria-Lebanon border, simplifies each ring
(Douglas-Peucker, tolerance in degrees) and rounds coordinates, so the shipped
file stays small. Reads the shapefile with the standard library only, so it
needs nothing beyond Python. See SOURCE.md for where the input came from.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

# ADM0_A3 codes kept, and the English/Arabic names the map labels use.
COUNTRIES = {
    "SYR": ("Syria", "سوريا"), "LBN": ("Lebanon", "لبنان"), "TUR": ("Turkey", "تركيا"),
    "IRQ": ("Iraq", "العراق"), "JOR": ("Jordan", "الأردن"), "ISR": ("Israel", "إسرائيل"),
    "PSX": ("Palestine", "فلسطين"), "PSE": ("Palestine", "فلسطين"), "CYP": ("Cyprus", "قبرص"),
    "CYN": ("Northern Cyprus", "شمال قبرص"), "EGY": ("Egypt", "مصر"), "SAU": ("Saudi Arabia", "السعودية"),
}
BBOX = (30.0, 27.0, 46.0, 40.0)  # lon/lat window the map shows; parts wholly outside are dropped
TOLERANCE = 0.01  # degrees (~1 km): keeps the Lebanese coast recognisable at 1366x768
DIGITS = 3


def read_dbf(path: Path) -> list[dict]:
    raw = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", raw[4:12])
    fields, pos = [], 32
    while raw[pos] != 0x0D:
        name = raw[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, raw[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        start = header_len + i * record_len + 1  # skip the deletion flag
        row, off = {}, start
        for name, length in fields:
            row[name] = raw[off:off + length].decode("utf-8", "replace").strip()
            off += length
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Each shape as a list of rings (lists of lon/lat points); shape type 5 (polygon) only."""
    raw = path.read_bytes()
    pos, shapes = 100, []
    while pos < len(raw):
        _, length = struct.unpack(">ii", raw[pos:pos + 8])
        body = raw[pos + 8:pos + 8 + length * 2]
        pos += 8 + length * 2
        kind = struct.unpack("<i", body[:4])[0]
        if kind != 5:
            shapes.append([])
            continue
        nparts, npoints = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{nparts}i", body[44:44 + 4 * nparts])) + [npoints]
        base = 44 + 4 * nparts
        pts = struct.unpack(f"<{2 * npoints}d", body[base:base + 16 * npoints])
        shapes.append([[(pts[2 * j], pts[2 * j + 1]) for j in range(parts[k], parts[k + 1])]
                       for k in range(nparts)])
    return shapes


def simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative so long coastlines do not hit the recursion limit."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if best > tol:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def is_hole(ring) -> bool:
    """Shapefile outer rings run clockwise (negative shoelace area); holes run the other way."""
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))
    return area > 0


def outside(ring) -> bool:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return max(xs) < BBOX[0] or min(xs) > BBOX[2] or max(ys) < BBOX[1] or min(ys) > BBOX[3]


def main(argv: list[str]) -> int:
    shp = Path(argv[0])
    rows = read_dbf(shp.with_suffix(".dbf"))
    shapes = read_polygons(shp)
    features = []
    for row, rings in zip(rows, shapes):
        code = row.get("ADM0_A3") or row.get("ADM0_A3_DE")
        if code not in COUNTRIES:
            continue
        kept = []
        for ring in rings:
            if outside(ring) or is_hole(ring):  # lakes and enclaves are too small to show
                continue
            small = simplify(ring, TOLERANCE)
            if len(small) >= 4:
                kept.append([[round(x, DIGITS), round(y, DIGITS)] for x, y in small])
        if kept:
            name_en, name_ar = COUNTRIES[code]
            features.append({"type": "Feature", "properties": {"iso3": code, "name_en": name_en, "name_ar": name_ar},
                             "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in kept]}})
    out = Path(__file__).with_name("countries.geojson")
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                              separators=(",", ":")), encoding="utf-8")
    print(f"wrote {out} ({len(features)} countries, {out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
