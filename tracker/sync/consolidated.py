"""What a coordinator holds from received summary bundles: who reported, and the cells summed over
devices by governorate (the consolidated export's rows). Charts and exports read these."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain import model
from tracker.domain.summary import admin_at, period_start

from .summary_bundle import ALL_FROM, ALL_TO, consolidated


@dataclass
class Reporter:
    """One sending device: who, and which dates its summaries speak for."""
    device_id: str
    name: str
    organisation: str
    first: str | None  # earliest date covered (None: an open-start snapshot with no data)
    last: str  # latest date covered: the end of its newest period, or the day a snapshot was made
    summaries: int
    received_at: str


def adm1_of(locations: dict, pcode: str) -> str:
    """The governorate of a sender's admin code; a code this gazetteer lacks is kept as sent."""
    return admin_at(locations, pcode, 1) if pcode in locations else pcode


# -- who reported --------------------------------------------------------------------------
def reporters(store, conn=None) -> list[Reporter]:
    """Every device whose summaries the coordinator holds, by organisation then name."""
    conn = conn or store.conn
    earliest = dict(conn.execute("SELECT device_id, MIN(count_date) FROM summary_cells GROUP BY device_id"))
    found: dict[str, dict] = {}
    for device, name, org, f, t, created, received in conn.execute(
            "SELECT device_id, device_name, organisation, date_from, date_to, created_at, received_at "
            "FROM summary_coverage ORDER BY created_at"):
        # a complete snapshot (no end date) speaks for every day up to the day it was made
        last = min(t, created[:10]) if t == ALL_TO else t
        first = earliest.get(device) if f == ALL_FROM else f
        r = found.setdefault(device, {"name": name, "organisation": org, "first": first, "last": last,
                                      "summaries": 0, "received_at": received})
        r.update(name=name or r["name"], organisation=org or r["organisation"],
                 received_at=max(received, r["received_at"]), last=max(last, r["last"]))
        if first and (r["first"] is None or first < r["first"]):
            r["first"] = first
        r["summaries"] += 1
    out = [Reporter(device, **r) for device, r in found.items()]
    return sorted(out, key=lambda r: (r.organisation.casefold(), r.name.casefold(), r.device_id))


# -- the consolidated export ---------------------------------------------------------------------
def export_rows(store, date_from: str | None = None, date_to: str | None = None,
                period: str = "day") -> list[dict]:
    """Received summaries summed over devices, in the shape of ``tracker.domain.summary.summary_rows``
    (admin level 1), each with ``organisation``: the organisations whose summaries make up the cell."""
    locations = store.locations()
    sql = "SELECT source, count_date, admin_pcode, crossing_pcode, direction, organisation FROM summary_cells " \
          "WHERE source IS NOT NULL"
    args = []
    for op, value in ((">=", date_from), ("<=", date_to)):
        if value:
            sql += f" AND count_date {op} ?"
            args.append(str(value))
    orgs: dict[tuple, set] = {}
    for source, day, admin, crossing, direction, org in store.conn.execute(sql + " GROUP BY 1, 2, 3, 4, 5, 6", args):
        key = (source, period_start(day, period), adm1_of(locations, admin), crossing, direction)
        orgs.setdefault(key, set()).add(org or "")
    cells: dict[tuple, dict] = {}
    for c in consolidated(store, date_from, date_to):
        key = (c["source"], period_start(c["date"], period), adm1_of(locations, c["admin_pcode"]),
               c["crossing_pcode"], c["direction"])
        row = cells.get(key)
        if row is None:
            row = cells[key] = {"source": key[0], "period": period, "date": key[1], "admin_level": 1,
                                "admin_pcode": key[2], "crossing_pcode": key[3], "direction": key[4],
                                **dict.fromkeys((*model.COUNT_FIELDS, "individuals", "households"), 0)}
        for v in (*model.COUNT_FIELDS, "individuals", "households"):
            row[v] += c[v]
    out = []
    for key in sorted(cells):
        row = cells[key]
        row["organisation"] = "; ".join(sorted(o for o in orgs.get(key, ()) if o))
        out.append(row)
    return out
