"""The location gazetteer: admin areas (P-codes), sites and crossing points.

The shipped list (resources/gazetteer/locations.csv) is loaded into every new
store and refreshed when a newer version ships; it is reference data present on
every device, so it is not change-logged. Locations users add (informal
crossing points, sites) are ordinary records: audited and synced.
P-codes are opaque strings: never derived, never parsed.
"""

from __future__ import annotations

import csv
import functools

from tracker.store import permissions, records
from tracker.errors import FieldError, ValidationError
from tracker.store.ids import new_id
from tracker.resources import resource_path
from tracker.timeutil import utc_now_iso
from .validation import clean_location

FIELDS = ("pcode", "level", "parent", "name_en", "name_ar", "country", "kind", "lat", "lon", "source", "version")


def read_csv(path) -> list[dict]:
    """Read and check a gazetteer CSV; raise ValidationError naming row and column on bad data."""
    out = []
    errors: list[FieldError] = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = [f for f in FIELDS if f not in (reader.fieldnames or [])]
        if missing:
            raise ValidationError([FieldError(m, "required", "column missing from the gazetteer file", None, 1, m)
                                   for m in missing])
        seen = set()
        for n, row in enumerate(reader, start=2):
            pcode = (row["pcode"] or "").strip()
            if not pcode or pcode in seen:
                errors.append(FieldError("pcode", "duplicate" if pcode else "required",
                                         "is repeated" if pcode else "is required", pcode, n, "pcode"))
                continue
            seen.add(pcode)
            rec = {
                "id": pcode,
                "level": int(row["level"]) if (row["level"] or "").strip() else None,
                "parent": (row["parent"] or "").strip() or None,
                "name_en": (row["name_en"] or "").strip() or None,
                "name_ar": (row["name_ar"] or "").strip() or None,
                "country": (row["country"] or "").strip(),
                "kind": (row["kind"] or "").strip(),
                "lat": float(row["lat"]) if (row["lat"] or "").strip() else None,
                "lon": float(row["lon"]) if (row["lon"] or "").strip() else None,
                "source": (row["source"] or "").strip(),
                "version": (row["version"] or "").strip(),
                "_row": n,
            }
            out.append(rec)
    codes = {r["id"] for r in out}
    for r in out:
        if r["parent"] and r["parent"] not in codes:
            errors.append(FieldError("parent", "unknown_pcode", "is not a P-code in this file", r["parent"], r["_row"], "parent"))
    if errors:
        raise ValidationError(errors)
    return out


@functools.lru_cache(maxsize=1)
def alternate_names() -> dict[str, tuple[str, ...]]:
    """Other spellings by P-code, in both scripts (resources/gazetteer/alternate_names.csv): what a
    registrar may type ("Jableh", "Idlib", "ادلب") for the gazetteer's own name ("Jablah", "Idleb", "إدلب")."""
    path = resource_path("gazetteer", "alternate_names.csv")
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["pcode"]: tuple(n.strip() for n in row["names"].split(";") if n.strip())
                for row in csv.DictReader(fh)}


def shipped_rows() -> list[dict]:
    return read_csv(resource_path("gazetteer", "locations.csv"))


def load_shipped(store, rows: list[dict] | None = None) -> int:
    """Insert or refresh the shipped gazetteer when its version differs from the stored one."""
    rows = rows if rows is not None else shipped_rows()
    version = rows[0]["version"] if rows else ""
    if store.meta().get("gazetteer_version") == version:
        return 0
    now = utc_now_iso()
    with store.atomic():
        store.conn.executemany(
            "INSERT INTO locations (id, level, parent, name_en, name_ar, country, kind, lat, lon, source, version, "
            "shipped, created_at, updated_at, created_by, updated_by, user, deleted) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 'shipped', 'shipped', 'shipped', 0) "
            "ON CONFLICT(id) DO UPDATE SET level=excluded.level, parent=excluded.parent, name_en=excluded.name_en, "
            "name_ar=excluded.name_ar, country=excluded.country, kind=excluded.kind, lat=excluded.lat, "
            "lon=excluded.lon, source=excluded.source, version=excluded.version, updated_at=excluded.updated_at "
            "WHERE locations.shipped = 1",
            [(r["id"], r["level"], r["parent"], r["name_en"], r["name_ar"], r["country"], r["kind"], r["lat"],
              r["lon"], r["source"], r["version"], now, now) for r in rows])
        store.set_meta("gazetteer_version", version)
    store.invalidate_locations()
    return len(rows)


def add_location(store, values: dict) -> str:
    """Add a user-defined location (informal crossing point, site). Returns its new code."""
    permissions.require_edit(store, "locations")
    clean = clean_location(values, store.locations())
    if clean.get("level") is None and clean["kind"] == "admin":
        raise ValidationError([FieldError("level", "required", "an admin area needs a level", None)])
    prefix = {"informal_crossing": "XP", "official_crossing": "XO", "site": "XS", "admin": "XA"}[clean["kind"]]
    code = f"{prefix}-{new_id()[-12:].upper()}"
    clean.update(shipped=0, source=f"added on {store.device_name}", version="user")
    with store.atomic():
        records.create(store, "locations", clean, record_id=code)
    store.invalidate_locations()
    return code


def update_location(store, code: str, changes: dict) -> dict:
    permissions.require_edit(store, "locations", code)
    rec = records.require(store, "locations", code)
    if rec.get("shipped"):
        raise ValidationError([FieldError("id", "read_only", "shipped gazetteer entries cannot be edited", code)])
    clean = clean_location(changes, store.locations(), partial=True)
    diff = records.update(store, "locations", code, clean, current=rec)
    store.invalidate_locations()
    return diff


def name(store, pcode: str | None, language: str = "en") -> str:
    if not pcode:
        return ""
    loc = store.locations().get(pcode)
    if loc is None:
        return pcode
    if language == "ar":
        return loc["name_ar"] or loc["name_en"] or pcode
    return loc["name_en"] or loc["name_ar"] or pcode


def adm1_of(locations: dict, pcode: str | None) -> str | None:
    """The governorate (level-1 area) that contains ``pcode``, following parents; None if unknown."""
    seen = 0
    while pcode and seen < 8:
        loc = locations.get(pcode)
        if loc is None:
            return None
        if loc.get("level") == 1:
            return pcode
        pcode = loc.get("parent")
        seen += 1
    return None


def crossing_points(store) -> list[dict]:
    return sorted((l for l in store.locations().values() if l["kind"] in ("official_crossing", "informal_crossing")),
                  key=lambda l: (l["kind"], l["name_en"] or ""))


def by_kind(store, kind: str, level: int | None = None) -> list[dict]:
    return sorted((l for l in store.locations().values() if l["kind"] == kind and (level is None or l["level"] == level)),
                  key=lambda l: l["id"])


def user_added(store) -> list[dict]:
    """Live locations added on a device (not from the shipped list), newest first: the Settings list."""
    cur = store.conn.execute(
        "SELECT id, level, parent, name_en, name_ar, country, kind, lat, lon, source, created_at FROM locations "
        "WHERE shipped = 0 AND deleted = 0 ORDER BY created_at DESC, id")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur]
