"""Which file column fills which record field: automatic mapping and saved profiles.

A column is matched, best first, by (1) its HXL hashtag (our own exports, HXL-tagged
Kobo forms), (2) its header equal to a field name, (3) a known synonym. Headers are
compared lower-cased with punctuation as ``_``, after dropping Kobo/ODK group prefixes
(``group_hh/head_name`` -> ``head_name``). Each field takes at most one column.
A profile is ``{"kind": ..., "columns": {header: field or null}}``, kept in a JSON file
(``--mapping FILE``) or by name in the database (``import_profiles``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tracker.domain import model
from tracker.timeutil import utc_now_iso
from . import columns as cols
from . import hxl
from .errors import MappingError

KINDS = ("households", "persons", "crossings")
_ADMIN_FALLBACKS = {"households": ("origin_adm1", "origin_adm2", "current_adm1", "current_adm2"),
                    "crossings": ("origin_adm1", "origin_adm2", "destination_adm1", "destination_adm2"),
                    "persons": ()}
FIELDS = {
    "households": ("id", "source_id", "mode", "head_name_ar", "head_name_lat", "registration_date",
                   "registration_pcode", "origin_pcode", "origin_village", "displacement_date", "current_pcode",
                   "site_name", "shelter_type", "intention", "contact_phone", "consent_share", "consent_scope",
                   "consent_date", "status", "notes", *model.COUNT_FIELDS, "household_size"),
    "persons": ("id", "source_id", "household_id", "household_source_id", "row_index",
                *(f"{p}_name_{s}" for s in ("ar", "lat") for p in ("given", "father", "grandfather", "family")),
                "sex", "birth_date", "age_estimated", "age", "relationship", *model.WG_FIELDS, "specific_needs",
                "separated_child", "unaccompanied_child", "document_type", "document_number", "notes"),
    "crossings": ("id", "source_id", "counted_at", "count_date", "crossing_pcode", "direction", *model.COUNT_FIELDS,
                  "total", "nationality", "origin_pcode", "origin_text", "destination_pcode", "destination_text",
                  "transport", "reason", *model.VULNERABILITY_FIELDS, "observer", "household_id", "notes"),
}
FIELDS = {k: (*v, *_ADMIN_FALLBACKS[k]) for k, v in FIELDS.items()}
# Each entry: any of these fields must be mapped (else the file cannot be imported at all).
REQUIRED = {
    "households": [("registration_date",), ("origin_pcode", "origin_adm2", "origin_adm1"),
                   ("head_name_ar", "head_name_lat")],
    "persons": [("household_id", "household_source_id"), ("given_name_ar", "given_name_lat"), ("sex",),
                ("relationship",), ("birth_date", "age_estimated", "age")],
    "crossings": [("counted_at", "count_date"), ("crossing_pcode",), ("direction",)],
}
_COMMON = {"_uuid": "source_id", "uuid": "source_id", "instanceid": "source_id", "submission_id": "source_id",
           "record_id": "id", "comments": "notes", "comment": "notes", "note": "notes", "remarks": "notes"}
_WEAK = {"_id": "source_id"}  # Kobo's numeric id: used only when no uuid column exists
SYNONYMS = {
    "households": {
        "date": "registration_date", "today": "registration_date", "date_registration": "registration_date",
        "head_name": "head_name_ar", "name_head": "head_name_ar", "hoh_name": "head_name_ar",
        "head_name_en": "head_name_lat", "head_name_latin": "head_name_lat", "phone": "contact_phone",
        "phone_number": "contact_phone", "contact": "contact_phone", "origin": "origin_pcode",
        "origin_governorate": "origin_adm1", "governorate_origin": "origin_adm1", "origin_district": "origin_adm2",
        "village": "origin_village", "village_origin": "origin_village", "location": "current_pcode",
        "current_location": "current_pcode", "site": "site_name", "shelter": "shelter_type",
        "consent": "consent_share", "hh_size": "household_size", "date_displacement": "displacement_date",
        "date_of_displacement": "displacement_date", "intentions": "intention",
    },
    "persons": {
        "gender": "sex", "name": "given_name_ar", "first_name": "given_name_ar", "given_name": "given_name_ar",
        "father_name": "father_name_ar", "grandfather_name": "grandfather_name_ar", "family_name": "family_name_ar",
        "last_name": "family_name_ar", "surname": "family_name_ar", "dob": "birth_date",
        "date_of_birth": "birth_date", "birthdate": "birth_date", "relation": "relationship",
        "relationship_to_head": "relationship", "_submission_uuid": "household_source_id",
        "household_uuid": "household_source_id", "_index": "row_index", "id_number": "document_number", "document_no": "document_number",
        **{f"disability_{d}": f"wg_{d}" for d in model.WG_DOMAINS}, **{d: f"wg_{d}" for d in model.WG_DOMAINS},
    },
    "crossings": {
        "date": "counted_at", "today": "counted_at", "datetime": "counted_at", "date_time": "counted_at",
        "observation_time": "counted_at", "fmp": "crossing_pcode", "crossing": "crossing_pcode",
        "crossing_point": "crossing_pcode", "border_point": "crossing_pcode", "point": "crossing_pcode",
        "flow_direction": "direction", "total_individuals": "total", "origin": "origin_pcode",
        "destination": "destination_pcode", "mode_of_transport": "transport", "means_of_transport": "transport",
        "reason_for_movement": "reason", "enumerator": "observer",
    },
}
for _kind in ("households", "crossings"):
    for _f in model.COUNT_FIELDS:
        _sex, _bracket = _f.split("_", 1)
        for _word in ({"f": ("female", "females"), "m": ("male", "males")}[_sex]):
            for _b in {_bracket, _bracket.replace("60plus", "60"), _bracket.replace("60plus", "60_plus")}:
                SYNONYMS[_kind][f"{_word}_{_b}"] = _f


def normalise_header(header) -> str:
    text = "" if header is None else str(header).strip().lstrip("\ufeff").lower()
    text = text.rsplit("/", 1)[-1]  # Kobo/ODK group prefixes
    lead = "_" if text.startswith("_") else ""
    text = re.sub(r"[^0-9a-z_\u0600-\u06ff]+", "_", text)
    text = re.sub(r"_+", "_", text).strip("_")
    return lead + text


def _tag_fields(kind: str) -> dict:
    dataset = "crossings" if kind == "crossings" else kind
    fields = set(FIELDS[kind])
    return {hxl.key(c.tag): c.name for c in cols.DATASETS[dataset][1] if c.name in fields}


def auto_map(kind: str, headers: list[str], tags: list[str] | None = None) -> list[str | None]:
    """One field name (or None: ignored) per column."""
    _check_kind(kind)
    by_tag, fields = _tag_fields(kind), set(FIELDS[kind])
    synonyms = {**_COMMON, **SYNONYMS[kind]}
    candidates = []  # (rank, column, field)
    for i, header in enumerate(headers):
        tag = tags[i] if tags and i < len(tags) else None
        key = hxl.key(tag) if tag else None
        if key in by_tag:
            candidates.append((0, i, by_tag[key]))
        name = normalise_header(header)
        # ODK (Briefcase, Central) joins group names with "-": "grp_head-head_name" is head_name,
        # tried only after the whole header ("Female 0-4") found nothing.
        tail = normalise_header(str(header).rsplit("-", 1)[-1]) if "-" in str(header or "") else None
        for rank, key in ((0, name), (4, tail)):
            if key is None:
                continue
            if key in fields:
                candidates.append((1 + rank, i, key))
            elif key in synonyms:
                candidates.append((2 + rank, i, synonyms[key]))
            elif key in _WEAK:
                candidates.append((3 + rank, i, _WEAK[key]))
            else:
                continue
            break
    out: list[str | None] = [None] * len(headers)
    taken = set()
    for _, i, field in sorted(candidates):
        if out[i] is None and field not in taken:
            out[i] = field
            taken.add(field)
    return out


def missing_required(kind: str, mapped: list[str | None]) -> list[str]:
    have = set(mapped)
    return [" or ".join(alts) for alts in REQUIRED[kind] if not have.intersection(alts)]


def apply_profile(kind: str, headers: list[str], tags, profile: dict | None) -> list[str | None]:
    """Auto-map, then let the profile override column by column (by header text)."""
    mapped = auto_map(kind, headers, tags)
    if not profile:
        return mapped
    if profile.get("kind") not in (None, kind):
        raise MappingError(f"the mapping is for {profile.get('kind')}, not {kind}", kind=kind)
    chosen = profile.get("columns") or {}
    if not isinstance(chosen, dict):
        raise MappingError("the mapping's 'columns' must be an object {header: field}")
    bad = [f for f in chosen.values() if f is not None and f not in FIELDS[kind]]
    if bad:
        raise MappingError(f"unknown field {bad[0]!r} in the mapping; fields for {kind}: "
                           + ", ".join(FIELDS[kind]), field=bad[0])
    for i, h in enumerate(headers):
        if h in chosen:
            mapped[i] = chosen[h]
    # A field chosen explicitly wins over an automatic choice elsewhere.
    explicit = {i for i, h in enumerate(headers) if h in chosen}
    for i, f in enumerate(mapped):
        if i not in explicit and f is not None and any(mapped[j] == f for j in explicit):
            mapped[i] = None
    dup = {f for f in mapped if f is not None and mapped.count(f) > 1}
    if dup:
        raise MappingError(f"field {sorted(dup)[0]!r} is mapped from two columns", field=sorted(dup)[0])
    return mapped


def profile_from(kind: str, headers: list[str], mapped: list[str | None]) -> dict:
    return {"kind": kind, "columns": {h: f for h, f in zip(headers, mapped)}}


def load_profile_file(path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise MappingError(f"cannot read the mapping file {path}: {exc}", path=str(path)) from None
    if not isinstance(data, dict):
        raise MappingError(f"the mapping file {path} must hold a JSON object", path=str(path))
    if "columns" not in data:  # a bare {header: field} object is accepted too
        data = {"columns": data}
    return data


def save_profile_file(path, profile: dict) -> None:
    Path(path).write_text(json.dumps(profile, ensure_ascii=False, indent=2), encoding="utf-8")


def save_profile(store, name: str, profile: dict) -> None:
    """Keep a named mapping in the database (not a record: not synced)."""
    if not name.strip():
        raise MappingError("a profile needs a name")
    if profile.get("kind") != "partner":  # a partner form's profile maps several tables
        _check_kind(profile.get("kind"))
    store.conn.execute("INSERT INTO import_profiles (name, kind, mapping, saved_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, "
                       "saved_at = excluded.saved_at",
                       (name.strip(), profile["kind"], json.dumps(profile, ensure_ascii=False), utc_now_iso()))


def load_profile(store, name: str) -> dict:
    row = store.conn.execute("SELECT mapping FROM import_profiles WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise MappingError(f"no saved mapping named {name!r}", name=name)
    return json.loads(row[0])


def profiles(store, kind: str | None = None) -> list[str]:
    sql, args = "SELECT name FROM import_profiles", []
    if kind:
        sql, args = sql + " WHERE kind = ?", [kind]
    return [r[0] for r in store.conn.execute(sql + " ORDER BY name", args)]


def _check_kind(kind) -> None:
    if kind not in KINDS:
        raise MappingError(f"unknown import kind {kind!r}: use " + ", ".join(KINDS), kind=kind)
