"""Retention: households closed or gone for longer than the office keeps personal data lose it.

A purge (on request: ``dtrack purge`` or Settings → Backups) takes every household whose status is
closed, moved on or returned and that nobody has changed for more than N months, and removes the
names, phone number, notes, village and site, and its members' names, document numbers, notes
and dates of birth (the age is kept as an estimate). Counts by sex and age, statuses, places and
dates stay, so the charts and summaries do not change.

The blanking is written as ordinary, audited and synced edits, so every device that syncs with
this one blanks the same records. The values the audit trail held for these records (the
"before" of each edit) are replaced by their hash, which keeps the audit chain verifiable. The
change log keeps the values it sent or received (its batches are signed by the devices that made
them and travel unchanged; see docs/security.md). Freed pages are overwritten (secure_delete)
and the write-ahead log is emptied afterwards.
"""

from __future__ import annotations

import datetime as dt

from tracker.errors import Progress, TrackerError
from tracker.store import audit_chain, permissions, records
from tracker.timeutil import utc_now_iso
from .households import _reference_date
from .validation import person_age

CLOSED_STATUSES = ("closed", "moved_on", "returned")
HOUSEHOLD_FIELDS = ("head_name_ar", "head_name_lat", "contact_phone", "notes", "origin_village", "site_name",
                    "search_names")
PERSON_FIELDS = ("given_name_ar", "father_name_ar", "grandfather_name_ar", "family_name_ar", "given_name_lat",
                 "father_name_lat", "grandfather_name_lat", "family_name_lat", "document_number", "notes",
                 "birth_date", "name_norm")
MOVEMENT_FIELDS = ("notes", "from_text", "to_text")
META_MONTHS = "retention_months"
MAX_MONTHS = 600


def months_setting(store) -> int | None:
    """The office's retention in months, or None when off (the default)."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = ?", (META_MONTHS,)).fetchone()
    try:
        return int(row[0]) if row and row[0] else None
    except ValueError:
        return None


def _check_months(months) -> int:
    try:
        n = int(months)
    except (TypeError, ValueError):
        raise TrackerError(f"the retention period must be a whole number of months, not {str(months)[:20]!r}",
                           field="months") from None
    if not 1 <= n <= MAX_MONTHS:
        raise TrackerError(f"the retention period must be between 1 and {MAX_MONTHS} months, not {n}", field="months")
    return n


def set_months(store, months: int | None) -> None:
    """Turn retention on (N months) or off (None). Administrators only."""
    permissions.require(store, permissions.SETTINGS)
    value = "" if months is None else str(_check_months(months))
    with store.atomic():
        store.set_meta(META_MONTHS, value)
        records.audit(store, "retention_setting", detail={"months": months})


def cutoff(months: int, today: dt.date) -> str:
    """The ISO date before which an unchanged closed household is due (calendar months back)."""
    y, m = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, 28)
    return dt.date(y, m + 1, day).isoformat()


def due(store, months: int, today: dt.date | None = None) -> list[str]:
    """Ids of households due for a purge: closed or gone, unchanged since before the cutoff, and still
    holding personal data."""
    limit = cutoff(_check_months(months), today or dt.date.today())
    marks = ", ".join("?" * len(CLOSED_STATUSES))
    held = " OR ".join(f"h.{f} IS NOT NULL" for f in HOUSEHOLD_FIELDS if f != "search_names")
    held_p = " OR ".join(f"p.{f} IS NOT NULL" for f in PERSON_FIELDS if f != "name_norm")
    rows = store.conn.execute(
        f"SELECT h.id FROM households h WHERE h.deleted = 0 AND h.status IN ({marks}) AND h.updated_at < ? AND "
        f"(({held}) OR EXISTS (SELECT 1 FROM persons p WHERE p.household_id = h.id AND ({held_p}))) "
        "ORDER BY h.updated_at", (*CLOSED_STATUSES, limit))
    return [r[0] for r in rows]


def already_blank(store) -> list[str]:
    """Households closed or gone that hold no personal data any more (purged here or on another
    device, whose blanking arrived by sync)."""
    marks = ", ".join("?" * len(CLOSED_STATUSES))
    blank = " AND ".join(f"h.{f} IS NULL" for f in HOUSEHOLD_FIELDS if f != "search_names")
    blank_p = " OR ".join(f"p.{f} IS NOT NULL" for f in PERSON_FIELDS if f != "name_norm")
    return [r[0] for r in store.conn.execute(
        f"SELECT h.id FROM households h WHERE h.deleted = 0 AND h.status IN ({marks}) AND {blank} AND NOT EXISTS "
        f"(SELECT 1 FROM persons p WHERE p.household_id = h.id AND ({blank_p}))", CLOSED_STATUSES)]


def _audit_ids(store, household_ids) -> list[int]:
    """The audit rows of these households, their members and their movements."""
    out = []
    for hid in household_ids:
        out += [r[0] for r in store.conn.execute(
            "SELECT a.id FROM audit_log a WHERE (a.table_name = 'households' AND a.record_id = ?) OR "
            "(a.table_name = 'persons' AND a.record_id IN (SELECT id FROM persons WHERE household_id = ?)) OR "
            "(a.table_name = 'movements' AND a.record_id IN (SELECT id FROM movements WHERE household_id = ?))",
            (hid, hid, hid))]
    return out


def _blank(rec: dict, fields) -> dict:
    return {f: None for f in fields if rec.get(f) is not None}


def purge(store, months: int | None = None, *, dry_run: bool = False, today: dt.date | None = None,
          progress=None, cancelled=None) -> dict:
    """Purge the households due (see ``due``). ``months`` defaults to the office's setting. A dry run
    counts and changes nothing. Returns {"households", "persons", "movements", "redacted", "months"}."""
    permissions.require(store, permissions.PURGE)
    if months is None:
        months = months_setting(store)
        if months is None:
            raise TrackerError("retention is off for this database: give --older-than MONTHS, or set the period "
                               "in Settings → Backups", field="months")
    months = _check_months(months)
    ids = due(store, months, today)
    persons = {hid: records.rows_by_id(store, "persons", "household_id = ?", (hid,)) for hid in ids}
    moves = {hid: records.rows_by_id(store, "movements", "household_id = ?", (hid,)) for hid in ids}
    result = {"households": len(ids), "persons": sum(len(p) for p in persons.values()),
              "movements": sum(len(m) for m in moves.values()), "redacted": 0, "months": months}
    # Households another device purged (their blanking arrived by sync) still have the old values in
    # this device's audit trail: those are redacted too.
    received = [h for h in already_blank(store) if h not in set(ids)]
    if dry_run or not (ids or received):
        return result
    from tracker.store import backup  # a copy of what is about to go, in the office's backup folder

    backup.automatic(store, "purge")
    tick = Progress(progress, cancelled)
    store.conn.execute("PRAGMA secure_delete = ON")
    try:
        with store.atomic():
            for n, hid in enumerate(ids, 1):
                hh = records.require(store, "households", hid)
                ref = _reference_date(hh)
                for pid, p in persons[hid].items():
                    changes = _blank(p, PERSON_FIELDS)
                    if p.get("birth_date"):  # the age on the registration date stays, as an estimate
                        changes["age_estimated"] = person_age(p, ref)
                    if changes:
                        records.update(store, "persons", pid, changes, action="purge", current=p)
                for mid, m in moves[hid].items():
                    changes = _blank(m, MOVEMENT_FIELDS)
                    if changes:
                        records.update(store, "movements", mid, changes, action="purge", current=m)
                changes = _blank(hh, HOUSEHOLD_FIELDS)
                if changes:
                    records.update(store, "households", hid, changes, action="purge", current=hh)
                tick.tick(n, len(ids))
            result["redacted"] = audit_chain.redact(store.conn, _audit_ids(store, [*ids, *received]))
            records.audit(store, "purge", detail={"months": months, "households": result["households"],
                                                  "persons": result["persons"], "movements": result["movements"],
                                                  "at": utc_now_iso()})
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.conn.execute("PRAGMA secure_delete = OFF")
    return result


def describe(result: dict, dry_run: bool) -> str:
    verb = "would purge" if dry_run else "purged"
    return (f"{verb} {result['households']} households closed or gone for more than {result['months']} months "
            f"({result['persons']} members, {result['movements']} movements)"
            + ("" if dry_run else f"; {result['redacted']} audit values replaced by their hash"))
