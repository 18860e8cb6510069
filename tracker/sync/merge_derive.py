"""Derived columns of merged records, computed in memory the way the services compute them.

Households' totals and search names depend on their live members, persons' ages on their
household's registration date, crossing counts' and households' admin areas on the
gazetteer. A merge can change any of these from either side, so records affected only
indirectly (the household of a member that arrived, the crossings of a location that
changed) are added to the merge with their derived columns refreshed.
"""

from __future__ import annotations

from tracker.domain import crossings, households
from tracker.store import records
from tracker.timeutil import parse_date, today


def derive(store, merged: dict, current: dict) -> set:
    """Fill derived columns of ``merged`` rows (table -> id -> row), adding indirectly affected
    records (their pre-merge rows go into ``current``). Returns the (table, id) pairs added."""
    added: set = set()

    def pull(table, where, args):
        for rid, row in records.rows_by_id(store, table, where, args).items():
            if rid not in merged[table]:
                current[table][rid] = row
                merged[table][rid] = dict(row)
                added.add((table, rid))

    locs = dict(store.locations())
    changed_places = []
    for rid, row in merged["locations"].items():
        if row.get("deleted"):
            locs.pop(rid, None)
        else:
            locs[rid] = row
        if rid in current["locations"]:
            changed_places.append(rid)
    for part, marks in records.in_chunks(changed_places):
        pull("crossing_counts", f"origin_pcode IN ({marks}) OR destination_pcode IN ({marks})", part + part)
        pull("households", f"origin_pcode IN ({marks})", part)

    for row in merged["crossing_counts"].values():
        row.update(crossings.derived(row, locs))

    # a changed registration date changes the ages of every member
    moved_dates = [rid for rid, row in merged["households"].items()
                   if rid in current["households"] and current["households"][rid].get("registration_date")
                   != row.get("registration_date")]
    for part, marks in records.in_chunks(moved_dates):
        pull("persons", f"household_id IN ({marks})", part)
    homes = merged["households"]
    others = {p.get("household_id") for p in merged["persons"].values()} - set(homes) - {None}
    for part, marks in records.in_chunks(others):
        pull("households", f"id IN ({marks})", part)
    references: dict = {}  # household id -> its registration date, the day members' ages are taken
    for pid, p in merged["persons"].items():
        hid = p.get("household_id")
        try:
            ref = references.get(hid)
            if ref is None:
                reg = (homes.get(hid) or {}).get("registration_date")
                ref = references[hid] = parse_date(reg) if reg else today()
            p.update(households.person_derived(p, ref))
        except (KeyError, TypeError, ValueError):  # a partial record: an earlier bundle is missing
            pass
    for pid, old in current["persons"].items():
        if old.get("household_id") and old["household_id"] not in homes:
            pull("households", "id = ?", (old["household_id"],))

    _household_totals(store, merged, current, locs)
    return added


def _member_order(m: dict):
    """As households.members_of sorts them: the head first, then by age (oldest first), then id."""
    age = m.get("age")
    return (0 if m.get("relationship") == "head" else 1, 0 if age is not None else 1, -(age or 0), m["id"])


def _household_totals(store, merged, current, locs) -> None:
    homes = merged["households"]
    members: dict[str, dict[str, dict]] = {h: {} for h in homes}
    existing = [h for h in homes if h in current["households"]]  # a new household has no stored members
    for part, marks in records.in_chunks(existing):
        cur = store.conn.execute(f"SELECT * FROM persons WHERE household_id IN ({marks}) AND deleted = 0", part)
        cols = [d[0] for d in cur.description]
        for r in cur:
            m = dict(zip(cols, r))
            members[m["household_id"]][m["id"]] = m
    for pid, p in merged["persons"].items():
        before = current["persons"].get(pid)
        if before and before.get("household_id") in members:
            members[before["household_id"]].pop(pid, None)  # replaced by its merged row below
        if not p.get("deleted") and p.get("household_id") in members:
            members[p["household_id"]][pid] = p
    for hid, row in homes.items():
        people = sorted(members[hid].values(), key=_member_order)
        try:
            row.update(households.household_derived(row, people, locs))
        except (KeyError, TypeError):  # a member without sex or age yet (partial record)
            pass
