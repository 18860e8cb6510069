"""Property: whatever devices do and however their bundles travel — out of order, twice,
replayed — once everyone has exchanged with everyone, every device holds the same records,
tombstones, crossing summaries and conflicts, and no write is lost without a trace."""

import tempfile

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.core.sync_devices import (befriend, conflict_snapshot, crossing_point, new_device, pre_household,
                                     synced_snapshot)
from tracker.domain import crossings, households, model
from tracker.store import records
from tracker.sync import bundle, conflicts
from tracker.sync.changes import from_db
from tracker.sync.errors import AlreadyImported

NAMES = ("أحمد", "علي", "Sara", "Omar")
# field laptops' clocks are often wrong; at most 22 h apart here (import refuses more than 24 h ahead)
SKEWS = (0, -7_200_000, 3_600_000, -60_000, 72_000_000)

step = st.one_of(
    st.tuples(st.just("create"), st.integers(0, 4), st.integers(0, 3)),
    st.tuples(st.just("count"), st.integers(0, 4), st.integers(1, 9)),
    st.tuples(st.just("edit"), st.integers(0, 4), st.integers(0, 20), st.sampled_from(("head_name_ar", "f_18_59", "notes", "status")),
              st.integers(0, 3)),
    st.tuples(st.just("edit"), st.integers(0, 4), st.integers(0, 20), st.just("notes"), st.integers(0, 3)),
    st.tuples(st.just("edit_count"), st.integers(0, 4), st.integers(0, 20), st.integers(1, 9)),
    st.tuples(st.just("delete"), st.integers(0, 4), st.integers(0, 20)),
    st.tuples(st.just("member"), st.integers(0, 4), st.integers(0, 20), st.integers(1, 70)),
    st.tuples(st.just("edit_member"), st.integers(0, 4), st.integers(0, 20), st.integers(1, 70)),
    st.tuples(st.just("delete_member"), st.integers(0, 4), st.integers(0, 20)),
    st.tuples(st.just("send"), st.integers(0, 4), st.integers(0, 4)),
    st.tuples(st.just("send"), st.integers(0, 4), st.integers(0, 4)),
    st.tuples(st.just("deliver"), st.integers(0, 4), st.integers(0, 50)),
    st.tuples(st.just("deliver"), st.integers(0, 4), st.integers(0, 50)),
)


def _value(field, k):
    return {"head_name_ar": NAMES[k], "f_18_59": k + 1, "notes": f"note {k}",
            "status": ("active", "moved_on", "returned", "closed")[k]}[field]


def _live(store, table):
    return [r[0] for r in store.conn.execute(f"SELECT id FROM {table} WHERE deleted = 0 ORDER BY id")]


def _derived_totals(store):
    """Every household's derived columns, deleted ones included (their tombstones travel too, and a
    device that deleted a household must show the same totals as one that received the deletion)."""
    cols = ", ".join(("id", "deleted", *model.DERIVED_FIELDS["households"], *model.COUNT_FIELDS))
    return store.conn.execute(f"SELECT {cols} FROM households ORDER BY id").fetchall()


def _run(devices, steps, folder):
    n = len(devices)
    inbox = [[] for _ in devices]  # bundles waiting for each device (delivered in any order, maybe twice)
    # a few shared records first, so that devices edit the same ones
    pre_household(devices[0], NAMES[0])
    pre_household(devices[0], NAMES[1])
    households.register_full(devices[0], {"origin_pcode": "SY01", "registration_date": "2025-03-10"},
                             [{"given_name_ar": "سامي", "sex": "m", "age_estimated": 40, "relationship": "head"}])
    crossings.record_count(devices[0], {"counted_at": "2025-03-09T08:00", "crossing_pcode": crossing_point(devices[0]),
                                        "direction": "in", "f_18_59": 2, "origin_pcode": "SY01"})
    for i, d in enumerate(devices[1:]):
        path = folder / f"start{i}.dtb"
        bundle.export_bundle(devices[0], path, for_device=d.device_id)
        bundle.import_bundle(d, path)
    for i, s in enumerate(steps):
        kind, d = s[0], devices[s[1] % n]
        if kind == "create":
            pre_household(d, NAMES[s[2]])
        elif kind == "count":
            crossings.record_count(d, {"counted_at": "2025-03-09T08:00", "crossing_pcode": crossing_point(d),
                                       "direction": "in", "f_18_59": s[2], "origin_pcode": "SY01"})
        elif kind in ("edit", "delete", "edit_count"):
            live = _live(d, "crossing_counts" if kind == "edit_count" else "households")
            if not live:
                continue
            rid = live[s[2] % len(live)]
            if kind == "edit":
                households.update_household(d, rid, {s[3]: _value(s[3], s[4])})
            elif kind == "edit_count":
                crossings.update_count(d, rid, {"f_18_59": s[3]})
            else:
                households.delete_household(d, rid)
        elif kind in ("member", "edit_member", "delete_member"):
            if kind == "member":
                full = [r[0] for r in d.conn.execute(
                    "SELECT id FROM households WHERE mode = 'full' AND deleted = 0 ORDER BY id")]
                if full:
                    households.add_member(d, full[s[2] % len(full)], {"given_name_ar": NAMES[s[3] % 4], "sex": "f",
                                                                      "age_estimated": s[3], "relationship": "child"})
                continue
            people = [r[0] for r in d.conn.execute(
                "SELECT id FROM persons WHERE deleted = 0 AND relationship != 'head' ORDER BY id")]
            if not people:
                continue
            pid = people[s[2] % len(people)]
            if kind == "edit_member":
                households.update_member(d, pid, {"age_estimated": s[3]})
            else:
                households.delete_member(d, pid)
        elif kind == "send":
            dst = s[2] % n
            if dst == s[1] % n:
                continue
            path = folder / f"b{i}.dtb"
            bundle.export_bundle(d, path, for_device=devices[dst].device_id)
            inbox[dst].append(path)
        elif kind == "deliver" and inbox[s[1] % n]:
            box = inbox[s[1] % n]
            path = box[s[2] % len(box)]  # not necessarily the oldest; it stays in the box (replays)
            try:
                bundle.import_bundle(d, path)
            except AlreadyImported:
                pass
    return inbox


def _quiesce(devices, folder):
    """Everyone sends to the first device, then it sends to everyone: all hold everything."""
    hub = devices[0]
    for pairs in ([(d, hub) for d in devices[1:]], [(hub, d) for d in devices[1:]]):
        for src, dst in pairs:
            path = folder / f"q-{src.device_name}-{dst.device_name}.dtb"
            bundle.export_bundle(src, path, for_device=dst.device_id)
            bundle.import_bundle(dst, path)


def _no_write_lost(store):
    """Every value ever written is the current one, was overwritten by someone who had seen it,
    or appears in a conflict (two concurrent writes of the same value are no conflict)."""
    in_conflict = set()
    for c in store.conn.execute("SELECT table_name, record_id, field, winner_hlc, winner_device, loser_hlc, loser_device "
                                "FROM conflicts"):
        in_conflict.add((c[0], c[1], c[2], c[3], c[4]))
        in_conflict.add((c[0], c[1], c[2], c[5], c[6]))
    per_record = {}
    for row in store.conn.execute("SELECT origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev "
                                  "FROM change_log"):
        c = from_db(*row)
        per_record.setdefault((c.table, c.record_id), []).append(c)
    for (table, rid), cs in per_record.items():
        current = records.get(store, table, rid, include_deleted=True)
        for c in cs:
            for f, v in c.fields.items():
                seen_by_later = any((x.horizon(f) or ("", "")) >= c.key for x in cs if f in x.fields)
                assert current[f] == v or seen_by_later or (table, rid, f, c.hlc, c.origin) in in_conflict


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(3, 5), steps=st.lists(step, min_size=12, max_size=40))
def test_devices_converge_whatever_the_order_of_bundles(n, steps):
    with tempfile.TemporaryDirectory() as tmp:
        from pathlib import Path

        folder = Path(tmp)
        devices = [new_device(folder, f"d{i}", skew_ms=SKEWS[i]) for i in range(n)]
        try:
            befriend(*devices)
            _run(devices, steps, folder)
            _quiesce(devices, folder)
            for d in devices:
                conflicts.settle_open(d)
            first = devices[0]
            for table in ("households", "persons", "crossing_counts"):
                expected = synced_snapshot(first, table)
                for d in devices[1:]:
                    assert synced_snapshot(d, table) == expected, table
            totals = _derived_totals(first)
            daily = first.conn.execute("SELECT * FROM crossing_daily WHERE records != 0 ORDER BY 1, 2, 3, 4, 5, 6").fetchall()
            for d in devices[1:]:
                assert _derived_totals(d) == totals
                assert d.conn.execute("SELECT * FROM crossing_daily WHERE records != 0 ORDER BY 1, 2, 3, 4, 5, 6").fetchall() == daily
                assert conflict_snapshot(d) == conflict_snapshot(first)
            _no_write_lost(first)
            event(f"conflicts: {min(len(conflict_snapshot(first)), 3)}+")
        finally:
            for d in devices:
                d.close()
