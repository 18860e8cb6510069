"""Summary bundles: aggregate counts for coordinators, signed and always encrypted to them.

A device sends the raw aggregate of the exchange summary (``tracker.domain.summary``):
people by date x origin admin area x crossing point x direction x sex x age bracket, plus
the number of households or groups. By construction the payload holds only those keys
and counts: no names, contacts, notes or record ids. The counts are *not* suppressed (the
coordinator sums many devices' cells, and suppresses when it publishes), so small counts for
one day and crossing point could point at a family: the cells exist only inside the
encryption, for the coordinator devices named (``for_device``: one or several trusted peers;
none named: every trusted peer of this device). The file's readable part holds only the
format, the sender's device id and public keys, and the recipients' device ids.

A coordinator keeps, for every sending device and date, only the cells of the newest
summary covering that date, so re-sending an updated summary replaces the old figures
instead of adding to them, whatever order the files arrive in.

A summary from a database holding demo data (made-up people) says so (``sender.demo_data``),
and only a database that holds demo data itself takes it: invented counts never reach real figures.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tracker import __version__
from tracker.domain import demo, model
from tracker.store import audit_chain, permissions, records
from tracker.timeutil import utc_now_iso
from . import envelope, identity, opening
from .bundle import _imported_at
from .errors import AlreadyImported, BundleDamaged, PeerError, SyncError

KIND = "summary"
ALL_FROM, ALL_TO = "0001-01-01", "9999-12-31"  # no bound given: the summary is a complete snapshot
CELL_KEYS = ("source", "date", "admin_pcode", "crossing_pcode", "direction")
CELL_VALUES = ("households", *model.COUNT_FIELDS)
SOURCES = ("crossings", "registrations")
MAX_COUNT = (1 << 63) - 1  # what SQLite can store (and sum without overflow for any plausible count)


def _day(text, what: str) -> str:
    try:
        return dt.date.fromisoformat(str(text)[:10]).isoformat()
    except ValueError as exc:
        raise SyncError(f"{what} must be a date like 2025-03-08, not {text!r}", value=text) from exc


def coordinators(store, for_device=None) -> list[dict]:
    """The peers a summary is encrypted to: those named (a device id, name or id prefix, or a
    list of them), or every trusted peer. Raises PeerError when there is none."""
    if for_device:
        names = [for_device] if isinstance(for_device, str) else list(for_device)
        found = {p["device_id"]: p for p in (identity.find_peer(store, n) for n in names)}
        return list(found.values())
    peers = [p for p in identity.list_peers(store) if p["trusted"]]
    if not peers:
        raise PeerError("a summary is encrypted to the coordinators who may read it, and this database trusts no "
                        "device yet: add the coordinator's identity file with 'dtrack peers add DB FILE' "
                        "(compare its fingerprint by phone), then export with --for COORDINATOR")
    return peers


def export_summary(store, out, *, date_from=None, date_to=None, for_device: str | list[str] | None = None,
                   admin_level: int = 1) -> dict:
    """Write a summary bundle of the counts between two dates (inclusive; default: all), signed and
    encrypted to the coordinator device(s) ``for_device`` (default: every trusted peer). Returns
    path, sha256, cells, dates, ``encrypted`` (always True) and ``recipients`` (peer dicts)."""
    from tracker.domain.summary import summary_rows

    permissions.require(store, permissions.SUMMARIES)
    identity.ensure_identity(store)
    f = _day(date_from, "the start date") if date_from else ALL_FROM
    t = _day(date_to, "the end date") if date_to else ALL_TO
    if f > t:
        raise SyncError(f"the start date {f} is after the end date {t}")
    recipients = coordinators(store, for_device)
    rows = summary_rows(store, None if f == ALL_FROM else f, None if t == ALL_TO else t, "day", admin_level)
    cells = [[r["source"], r["date"], r["admin_pcode"], r["crossing_pcode"], r["direction"],
              *(int(r[v]) for v in CELL_VALUES)] for r in rows]
    created_at = utc_now_iso()
    demo_data = demo.holds_demo_data(store)
    payload = {"kind": KIND, "app_version": __version__, "created_at": created_at, "date_from": f, "date_to": t, "admin_level": admin_level,
               "sender": {"device_id": store.device_id, "name": store.device_name, "organisation": store.organisation,
                          "demo_data": demo_data},
               "audit_head": audit_chain.summary(store.conn),  # lets the receiver later prove what it was sent
               "columns": [*CELL_KEYS, *CELL_VALUES], "cells": cells}
    sha = envelope.write(out, kind=KIND, payload=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                         signing_key=identity.signing_key(store), sender=identity.own_identity(store),
                         recipients=recipients, created_at=created_at)
    with store.atomic():
        store.conn.execute(
            "INSERT OR IGNORE INTO bundles (direction, kind, peer_device, file_name, sha256, created_at, processed_at, "
            "change_count) VALUES ('out', ?, ?, ?, ?, ?, ?, ?)",
            (KIND, ",".join(p["device_id"] for p in recipients), Path(out).name, sha, created_at, utc_now_iso(),
             len(cells)))
        records.audit(store, "summary_export", detail={"file": Path(out).name, "from": f, "to": t, "cells": len(cells),
                                                       "for": [p["name"] or p["device_id"] for p in recipients]})
        store.queue_event("bundles", [])
    return {"path": str(out), "sha256": sha, "cells": len(cells), "date_from": f, "date_to": t,
            "encrypted": True, "recipients": recipients, "demo_data": demo_data}


def _read(store, env) -> dict:
    data = opening.payload(store, env)
    try:
        doc = json.loads(data)
        if doc.get("kind") != KIND or doc["sender"]["device_id"] != env.sender_id:
            raise ValueError("kind")
        f, t = _day(doc["date_from"], "date_from"), _day(doc["date_to"], "date_to")
        if doc["columns"] != [*CELL_KEYS, *CELL_VALUES]:
            raise ValueError("columns")
    except (ValueError, KeyError, TypeError, SyncError) as exc:
        raise BundleDamaged(f"{env.path.name} is damaged (its description cannot be read)") from exc
    for i, cell in enumerate(doc["cells"], start=1):
        ok = (isinstance(cell, list) and len(cell) == len(CELL_KEYS) + len(CELL_VALUES)
              and cell[0] in SOURCES and all(isinstance(x, str) and len(x) <= 100 for x in cell[1:5])
              and f <= cell[1] <= t
              and all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_COUNT for v in cell[5:]))
        if not ok:
            raise BundleDamaged(f"{env.path.name}: cell {i} is not a valid count; nothing was imported", cell=i)
    doc["date_from"], doc["date_to"] = f, t
    return doc


def import_summary(store, path, *, trust: bool = False) -> dict:
    """Verify a summary bundle and keep its cells for the dates it covers unless a newer summary
    from the same device already covers them. Any error leaves the database unchanged."""
    permissions.require(store, permissions.SUMMARIES)
    identity.ensure_identity(store)
    env, peer = opening.open_bundle(store, path, KIND, trust=trust)  # signer first, then nothing unverified
    when = _imported_at(store, env.sha256)
    if when:
        raise AlreadyImported(f"{env.path.name} was already imported on {when[:16].replace('T', ' ')}; nothing changed",
                              sha256=env.sha256)
    doc = _read(store, env)
    demo_data = doc["sender"].get("demo_data") is True
    if demo_data and not demo.holds_demo_data(store):
        sender = (peer or {}).get("name") or str(doc["sender"].get("name") or "")[:100] or env.sender_id
        raise SyncError(f"{env.path.name} holds demo data (made-up people) from {sender}; "
                        "it was not added to this database's real figures. Import it into a database with demo "
                        "data to practise, and ask the sender for a summary of their real database")
    device, created, sha = env.sender_id, doc["created_at"], env.sha256
    f, t = doc["date_from"], doc["date_to"]
    now = utc_now_iso()
    with store.atomic():
        if peer is None:
            peer = opening.new_peer(store, env, doc["sender"])
        older = [r[0] for r in store.conn.execute(
            "SELECT bundle_sha FROM summary_coverage WHERE device_id = ? AND (created_at < ? OR "
            "(created_at = ? AND bundle_sha < ?))", (device, created, created, sha))]
        replaced = 0
        for old in older:
            replaced += store.conn.execute(
                "DELETE FROM summary_cells WHERE bundle_sha = ? AND count_date BETWEEN ? AND ?", (old, f, t)).rowcount
        newer = store.conn.execute(
            "SELECT date_from, date_to FROM summary_coverage WHERE device_id = ? AND (created_at > ? OR "
            "(created_at = ? AND bundle_sha > ?))", (device, created, created, sha)).fetchall()
        rows = []
        for cell in doc["cells"]:
            source, day, admin, crossing, direction = cell[:5]
            if any(a <= day <= b for a, b in newer):
                continue  # a newer summary from this device already speaks for that day
            values = dict(zip(CELL_VALUES, cell[5:]))
            base = (device, doc["sender"].get("organisation", ""), "day", day, admin, crossing, direction)
            if values["households"]:
                rows.append((*base, "", "", values["households"], now, source, "households", sha))
            for field in model.COUNT_FIELDS:
                if values[field]:
                    sex, age = field.split("_", 1)
                    rows.append((*base, sex, age, values[field], now, source, "people", sha))
        store.conn.executemany(
            "INSERT INTO summary_cells (device_id, organisation, period, count_date, admin_pcode, crossing_pcode, "
            "direction, sex, age_bracket, value, received_at, source, measure, bundle_sha) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        store.conn.execute(
            "INSERT INTO summary_coverage (bundle_sha, device_id, device_name, organisation, date_from, date_to, "
            "created_at, received_at, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sha, device, doc["sender"].get("name", ""), doc["sender"].get("organisation", ""), f, t, created, now,
             len(doc["cells"])))
        store.conn.execute(
            "INSERT INTO bundles (direction, kind, peer_device, file_name, sha256, created_at, processed_at, "
            "change_count, applied_count) VALUES ('in', ?, ?, ?, ?, ?, ?, ?, ?)",
            (KIND, device, env.path.name, sha, created, now, len(doc["cells"]), len(rows)))
        records.audit(store, "summary_import", detail={"file": env.path.name, "from": peer["name"], "dates": [f, t],
                                                       "cells": len(doc["cells"]), "replaced": replaced,
                                                       "sender_audit_head": doc.get("audit_head")})
        store.queue_event("summary_cells", [])
    return {"sender": peer["name"] or device, "cells": len(doc["cells"]), "stored": len(rows), "replaced": replaced,
            "date_from": f, "date_to": t, "sha256": sha, "demo_data": demo_data}


def consolidated(store, date_from=None, date_to=None, conn=None) -> list[dict]:
    """Received summaries summed over devices, one dict per cell in the shape of
    ``tracker.domain.summary.summary_rows`` (period 'day', admin level of the senders)."""
    conn = conn or store.conn
    sql = ("SELECT source, count_date, admin_pcode, crossing_pcode, direction, measure, sex, age_bracket, SUM(value) "
           "FROM summary_cells WHERE source IS NOT NULL")
    args = []
    if date_from:
        sql += " AND count_date >= ?"
        args.append(str(date_from))
    if date_to:
        sql += " AND count_date <= ?"
        args.append(str(date_to))
    sql += " GROUP BY source, count_date, admin_pcode, crossing_pcode, direction, measure, sex, age_bracket"
    cells: dict[tuple, dict] = {}
    for source, day, admin, crossing, direction, measure, sex, age, value in conn.execute(sql, args):
        k = (source, day, admin, crossing, direction)
        cell = cells.get(k)
        if cell is None:
            cell = cells[k] = {"source": source, "period": "day", "date": day, "admin_pcode": admin,
                               "crossing_pcode": crossing, "direction": direction,
                               **dict.fromkeys((*model.COUNT_FIELDS, "individuals", "households"), 0)}
        if measure == "households":
            cell["households"] += value
        else:
            cell[f"{sex}_{age}"] += value
            cell["individuals"] += value
    return [cells[k] for k in sorted(cells)]


def received(store, conn=None) -> list[dict]:
    """The summaries kept, newest first: which device, which dates, when."""
    cur = (conn or store.conn).execute("SELECT * FROM summary_coverage ORDER BY created_at DESC")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur]
