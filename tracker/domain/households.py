"""Households and their members: pre-registration, full registration, edits, search.

A pre-registration holds counts by sex x age bracket only. A full registration
lists members, and the household's counts are computed from them. Upgrading
keeps the household's id and history.
"""

from __future__ import annotations

import datetime as dt

from . import arabic, gazetteer, model, name_search
from tracker.store import permissions, records
from tracker.errors import FieldError, NotFound, ValidationError
from tracker.timeutil import parse_date, today
from .validation import clean_household, clean_person, person_age

NAME_PARTS = ("given", "father", "grandfather", "family")


# -- derived values -------------------------------------------------------------
def person_derived(person: dict, reference: dt.date) -> dict:
    age = person_age(person, reference)
    names_ar = " ".join(person.get(f"{p}_name_ar") or "" for p in NAME_PARTS)
    names_lat = " ".join(person.get(f"{p}_name_lat") or "" for p in NAME_PARTS)
    return {"age": age, "age_bracket": model.age_bracket(min(age, model.MAX_AGE)),
            "name_norm": arabic.search_text(names_ar, names_lat)}


def counts_from_members(members: list[dict]) -> dict:
    counts = dict.fromkeys(model.COUNT_FIELDS, 0)
    for m in members:
        counts[f"{m['sex']}_{m['age_bracket']}"] += 1
    return counts


def household_derived(household: dict, members: list[dict], locations: dict) -> dict:
    """Totals, flags and the search text of a household given its live members."""
    out: dict = {}
    if household.get("mode") == "full":
        out.update(counts_from_members(members))
        counts = out
    else:
        counts = {f: household.get(f) or 0 for f in model.COUNT_FIELDS}
    out["total"] = sum(counts.values())
    out["member_count"] = len(members)
    out["has_specific_needs"] = int(any(m.get("specific_needs") for m in members)
                                    or any(_wg_disabled(m) for m in members))
    out["uasc_count"] = sum(1 for m in members if m.get("separated_child") or m.get("unaccompanied_child"))
    out["origin_adm1"] = gazetteer.adm1_of(locations, household.get("origin_pcode"))
    out["search_names"] = name_search.search_text(household.get("head_name_ar"), household.get("head_name_lat"),
                                                  *(m.get("name_norm") for m in members))
    return out


def _wg_disabled(m: dict) -> bool:
    """Washington Group identifier: any domain answered 'a lot of difficulty' (3) or 'cannot do at all' (4)."""
    return any((m.get(f) or 0) >= 3 for f in model.WG_FIELDS)


def _reference_date(household: dict) -> dt.date:
    reg = household.get("registration_date")
    return parse_date(reg) if reg else today()


def members_of(store, household_id: str) -> list[dict]:
    cur = store.conn.execute("SELECT * FROM persons WHERE household_id = ? AND deleted = 0 ORDER BY "
                             "CASE relationship WHEN 'head' THEN 0 ELSE 1 END, age DESC, id", (household_id,))
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur]


def refresh_derived(store, household_id: str) -> dict:
    """Recompute a household's derived columns from its live members (no change-log row: every
    device derives them itself). Returns the new values."""
    hh = records.get(store, "households", household_id, include_deleted=True)
    if hh is None:
        return {}
    derived = household_derived(hh, members_of(store, household_id), store.locations())
    sets = ", ".join(f"{k} = ?" for k in derived)
    store.conn.execute(f"UPDATE households SET {sets} WHERE id = ?", [*derived.values(), household_id])
    store.queue_event("households", [household_id])
    return derived


# -- validation of a whole registration -------------------------------------------
def _clean_members(members: list[dict], reference: dt.date, require_head=True) -> list[dict]:
    cleaned, errors = [], []
    for i, raw in enumerate(members, start=1):
        try:
            m = clean_person({k: v for k, v in raw.items() if k != "household_id"}, reference_date=reference)
        except ValidationError as exc:
            errors.extend(FieldError(e.field, e.rule, e.message, e.value, i, e.column) for e in exc.errors)
            continue
        m.update(person_derived(m, reference))
        if "id" in raw and raw["id"]:
            m["id"] = raw["id"]
        cleaned.append(m)
    if require_head and not errors:
        check_one_head(cleaned)
    if errors:
        raise ValidationError(errors)
    return cleaned


def check_one_head(members: list[dict]) -> None:
    """A full registration lists exactly one head."""
    heads = sum(1 for m in members if m.get("relationship") == "head")
    if heads != 1:
        raise ValidationError([FieldError("relationship", "one_head",
                                          f"exactly one member must be the head (found {heads})", heads)])


def _check_declared_counts(raw: dict, members: list[dict]) -> None:
    """A full registration may state its size or counts (imports do); they must agree with the members."""
    errors = []
    computed = counts_from_members(members)
    for f in model.COUNT_FIELDS:
        v = raw.get(f)
        if v not in (None, "") and int(v) != computed[f]:
            errors.append(FieldError(f, "counts_disagree", f"says {v} but the members give {computed[f]}", v))
    size = raw.get("household_size")
    if size not in (None, "") and int(size) != len(members):
        errors.append(FieldError("household_size", "counts_disagree",
                                 f"says {size} but {len(members)} members are listed", size))
    if errors:
        raise ValidationError(errors)


# -- services ------------------------------------------------------------------------
def register_pre(store, values: dict) -> str:
    """Quick pre-registration: head's name, origin and counts by sex x age bracket."""
    permissions.require_edit(store, "households")
    clean = clean_household({**values, "mode": "pre"}, store.locations())
    clean.update(household_derived(clean, [], store.locations()))
    return records.create(store, "households", clean)


def register_full(store, values: dict, members: list[dict]) -> str:
    """Full registration: the household with its members, in one transaction."""
    permissions.require_edit(store, "households")
    raw = {k: v for k, v in values.items() if k not in model.COUNT_FIELDS and k != "household_size"}
    clean = clean_household({**raw, "mode": "full"}, store.locations())
    reference = _reference_date(clean)
    people = _clean_members(members, reference)
    _check_declared_counts(values, people)
    head = next(m for m in people if m["relationship"] == "head")
    clean.setdefault("head_name_ar", _joined(head, "ar"))
    clean.setdefault("head_name_lat", _joined(head, "lat"))
    with store.atomic():
        hid = records.create(store, "households", clean)
        for m in people:
            records.create(store, "persons", {**m, "household_id": hid})
        refresh_derived(store, hid)
    return hid


def _joined(person: dict, script: str) -> str | None:
    text = " ".join(person.get(f"{p}_name_{script}") or "" for p in ("given", "father", "family")).split()
    return " ".join(text) or None


def upgrade_to_full(store, household_id: str, members: list[dict]) -> None:
    """Turn a pre-registration into a full one; the record keeps its id and history."""
    permissions.require_edit(store, "households", household_id)
    hh = records.require(store, "households", household_id)
    if hh["mode"] == "full":
        raise ValidationError([FieldError("mode", "already_full", "this household is already fully registered", "full")])
    people = _clean_members(members, _reference_date(hh))
    with store.atomic():
        for m in people:
            records.create(store, "persons", {**m, "household_id": household_id})
        records.update(store, "households", household_id, {"mode": "full"}, action="upgrade", current=hh)
        refresh_derived(store, household_id)


def update_household(store, household_id: str, changes: dict) -> dict:
    permissions.require_edit(store, "households", household_id)
    hh = records.require(store, "households", household_id)
    changes = dict(changes)
    changes.pop("mode", None)  # mode changes only through upgrade_to_full
    if hh["mode"] == "full":
        for f in model.COUNT_FIELDS:
            changes.pop(f, None)
    clean = clean_household({**changes, "mode": hh["mode"]}, store.locations(), partial=True)
    clean.pop("mode", None)
    if hh["mode"] == "pre" and any(f in clean for f in model.COUNT_FIELDS):
        if sum((clean.get(f, hh.get(f)) or 0) for f in model.COUNT_FIELDS) == 0:
            raise ValidationError([FieldError("f_18_59", "empty_household", "a pre-registration needs at least one person counted", 0)])
    reg = clean.get("registration_date", hh.get("registration_date"))
    disp = clean.get("displacement_date", hh.get("displacement_date"))
    if reg and disp and disp > reg:
        raise ValidationError([FieldError("displacement_date", "after_registration", "is after the registration date", disp)])
    with store.atomic():
        diff = records.update(store, "households", household_id, clean, current=hh)
        if "registration_date" in diff:
            _refresh_member_ages(store, household_id, parse_date(diff["registration_date"]))
        if diff:
            refresh_derived(store, household_id)
    return diff


def _refresh_member_ages(store, household_id: str, reference: dt.date) -> None:
    """Ages are taken on the registration date: when it changes, every member's age does too
    (deleted members included, exactly as a device receiving the change by sync derives them)."""
    cur = store.conn.execute("SELECT * FROM persons WHERE household_id = ?", (household_id,))
    cols = [d[0] for d in cur.description]
    for row in [dict(zip(cols, r)) for r in cur]:
        try:
            derived = person_derived(row, reference)
        except (KeyError, TypeError, ValueError):  # a member without sex or age yet (partial synced record)
            continue
        store.conn.execute("UPDATE persons SET age = ?, age_bracket = ?, name_norm = ? WHERE id = ?",
                           (derived["age"], derived["age_bracket"], derived["name_norm"], row["id"]))


def add_member(store, household_id: str, values: dict) -> str:
    permissions.require_edit(store, "households", household_id)
    hh = records.require(store, "households", household_id)
    if hh["mode"] != "full":
        raise ValidationError([FieldError("mode", "not_full", "upgrade the pre-registration before adding members", hh["mode"])])
    ref = _reference_date(hh)
    m = clean_person({k: v for k, v in values.items() if k != "household_id"}, reference_date=ref)
    if m["relationship"] == "head" and any(x["relationship"] == "head" for x in members_of(store, household_id)):
        raise ValidationError([FieldError("relationship", "one_head", "this household already has a head", "head")])
    m.update(person_derived(m, ref))
    with store.atomic():
        pid = records.create(store, "persons", {**m, "household_id": household_id})
        refresh_derived(store, household_id)
    return pid


def update_member(store, person_id: str, changes: dict) -> dict:
    permissions.require_edit(store, "persons", person_id)
    p = records.require(store, "persons", person_id)
    hh = records.require(store, "households", p["household_id"])
    ref = _reference_date(hh)
    clean = clean_person({k: v for k, v in changes.items() if k != "household_id"}, reference_date=ref, partial=True)
    merged = {**p, **clean}
    if merged.get("birth_date") is None and merged.get("age_estimated") is None:
        raise ValidationError([FieldError("age_estimated", "required", "give a date of birth or an estimated age", None)])
    clean.update(person_derived(merged, ref))
    with store.atomic():
        diff = records.update(store, "persons", person_id, clean, current=p)
        if diff:
            refresh_derived(store, p["household_id"])
    return diff


def delete_member(store, person_id: str) -> None:
    permissions.require_edit(store, "persons", person_id)
    p = records.require(store, "persons", person_id)
    with store.atomic():
        records.soft_delete(store, "persons", person_id)
        refresh_derived(store, p["household_id"])


def delete_household(store, household_id: str) -> None:
    """Soft-delete a household and its members (kept for audit and sync as tombstones)."""
    permissions.require_edit(store, "households", household_id)
    records.require(store, "households", household_id)
    with store.atomic():
        for m in members_of(store, household_id):
            records.soft_delete(store, "persons", m["id"])
        records.soft_delete(store, "households", household_id)
        # derived totals follow the live members, deleted households too: a device receiving the
        # tombstones by sync computes them the same way, so every device shows the same values
        refresh_derived(store, household_id)


def get(store, household_id: str) -> dict:
    hh = records.get(store, "households", household_id)
    if hh is None:
        raise NotFound(f"no household with id {household_id}", id=household_id)
    hh["members"] = members_of(store, household_id)
    return hh


# -- finding ----------------------------------------------------------------------------
def search(store, text: str, limit: int = 200, conn=None) -> list[str]:
    """Household ids whose head or member names match every token of ``text`` (as prefixes),
    whatever the Arabic spelling variant or diacritics; Latin transliterations too."""
    q = name_search.fts_query(text)
    if not q:
        return []
    conn = conn or store.conn
    rows = conn.execute(
        "SELECT h.id FROM households_fts f JOIN households h ON h.rowid = f.rowid "
        "WHERE households_fts MATCH ? AND h.deleted = 0 LIMIT ?", (q, limit))
    return [r[0] for r in rows]


def find_duplicates(store, head_name: str | None, origin_pcode: str | None, *, exclude_id: str | None = None) -> list[dict]:
    """Live households with the same normalised head name and origin (to warn before saving)."""
    wanted = arabic.normalize_name(head_name)
    if not wanted:
        return []
    out = []
    for hid in search(store, head_name, limit=500):
        if hid == exclude_id:
            continue
        hh = records.get(store, "households", hid)
        if hh is None or (origin_pcode and hh.get("origin_pcode") != origin_pcode):
            continue
        if wanted in (arabic.normalize_name(hh.get("head_name_ar")), arabic.normalize_name(hh.get("head_name_lat"))):
            out.append(hh)
    return out
