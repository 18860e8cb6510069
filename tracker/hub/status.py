"""``dtrack hub status``: every office on the hub, its organisation, the key that signs its summaries,
how many summaries arrived and the latest period they cover."""

from __future__ import annotations

from dataclasses import dataclass

from .schema import check, version


@dataclass(frozen=True)
class OfficeStatus:
    device_id: str
    name: str
    organisation: str
    fingerprint: str
    summaries: int
    first_date: str  # earliest date its kept cells or bounded summaries cover ('' if none)
    last_date: str  # latest date its summaries speak for
    last_pushed_at: str


def offices(conn) -> list[OfficeStatus]:
    check(conn)
    out = []
    for (device, name, org, fp, pushed, n, first_date, last_date, first_cell) in conn.execute(
            "SELECT device_id, name, organisation, fingerprint, last_pushed_at, summaries, first_date, last_date, "
            "first_cell FROM hub.office_status ORDER BY lower(organisation), lower(name), device_id"):
        first = min((d for d in (first_date, first_cell) if d is not None), default=None)
        out.append(OfficeStatus(device, name, org, fp, n, first.isoformat() if first else "",
                                last_date.isoformat() if last_date else "", pushed.isoformat(timespec="seconds")))
    return out


def totals(conn) -> dict:
    """Schema version and row counts, for the status line."""
    row = conn.execute("SELECT (SELECT COUNT(*) FROM hub.offices), (SELECT COUNT(*) FROM hub.summaries), "
                       "(SELECT COALESCE(SUM(value), 0) FROM hub.consolidated_cells WHERE measure = 'people')"
                       ).fetchone()
    return {"version": version(conn), "offices": row[0], "summaries": row[1], "people": row[2]}
