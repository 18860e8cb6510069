"""A coordinator and two field offices, for the consolidated-summary tests (core and UI; not a test module).

Each office records crossing counts and registrations with the real services, exports a real
signed summary bundle, and the coordinator imports it. The coordinator also holds one crossing
count of its own, so a test can tell local figures from received ones.

What the coordinator receives (people at crossings; registrations):

| office | date       | point   | dir | origin | sex x age                 | people |
|--------|------------|---------|-----|--------|---------------------------|--------|
| A      | 2025-03-08 | XLB-ABD | in  | SY06   | f_18_59 10, m_0_4 2       | 12     |
| A      | 2025-03-09 | XLB-ABD | out | SY10   | m_18_59 3                 | 3      |
| A      | 2025-03-10 | XLB-MSN | in  | SY04   | f_5_11 4, m_60plus 1      | 5      |
| B      | 2025-03-08 | XLB-ABD | in  | SY06   | f_18_59 5                 | 5      |
| B      | 2025-03-09 | XLB-ARD | in  | SY10   | m_18_59 6, f_0_4 1        | 7      |
| A reg  | 2025-03-09 |         |     | SY06   | 1 household: f_18_59 2, m_0_4 1 | 3 |
| B reg  | 2025-03-10 |         |     | SY10   | 1 household: f_60plus 1, m_12_17 2 | 3 |
| B reg  | 2025-03-10 |         |     | SY06   | 1 household: f_18_59 1    | 1      |

The coordinator's own count: 2025-03-08, XLB-ARD, in, SY06, f_18_59 100.
"""

from __future__ import annotations

from tests.core.sync_devices import befriend, new_device
from tracker.domain import crossings, households
from tracker.sync import summary_bundle

A_COUNTS = (("2025-03-08", "XLB-ABD", "in", "SY06", {"f_18_59": 10, "m_0_4": 2}),
            ("2025-03-09", "XLB-ABD", "out", "SY10", {"m_18_59": 3}),
            ("2025-03-10", "XLB-MSN", "in", "SY04", {"f_5_11": 4, "m_60plus": 1}))
B_COUNTS = (("2025-03-08", "XLB-ABD", "in", "SY06", {"f_18_59": 5}),
            ("2025-03-09", "XLB-ARD", "in", "SY10", {"m_18_59": 6, "f_0_4": 1}))


def count(store, day, point, direction, origin, values) -> str:
    return crossings.record_count(store, {"counted_at": f"{day}T09:00", "crossing_pcode": point,
                                          "direction": direction, "origin_pcode": origin, **values})


def register(store, day, origin, values, name="سعاد") -> str:
    return households.register_pre(store, {"head_name_ar": name, "registration_date": day, "origin_pcode": origin,
                                           **values})


def send(office, coordinator, folder, name, **dates) -> dict:
    """Export a summary bundle from ``office`` and import it on ``coordinator``, as by USB stick."""
    path = folder / f"{name}.dtb"
    summary_bundle.export_summary(office, path, **dates)
    return summary_bundle.import_summary(coordinator, path)


def build(folder, *, passphrase: str | None = None, coordinator=None):
    """(coordinator, office A, office B), the two offices' summaries received. Pass an open
    ``coordinator`` store (e.g. the test's ``store``) to use it instead of a new device."""
    from tracker.sync import identity

    coord = coordinator or new_device(folder, "coordinator", organisation="Sector", passphrase=passphrase)
    identity.ensure_identity(coord)
    a = new_device(folder, "tripoli", organisation="NGO A", passphrase=passphrase)
    b = new_device(folder, "akkar", organisation="NGO B", passphrase=passphrase)
    befriend(coord, a, b)
    for row in A_COUNTS:
        count(a, *row)
    for row in B_COUNTS:
        count(b, *row)
    register(a, "2025-03-09", "SY06", {"f_18_59": 2, "m_0_4": 1})
    register(b, "2025-03-10", "SY10", {"f_60plus": 1, "m_12_17": 2})
    register(b, "2025-03-10", "SY06", {"f_18_59": 1})
    count(coord, "2025-03-08", "XLB-ARD", "in", "SY06", {"f_18_59": 100})
    send(a, coord, folder, "a1")
    send(b, coord, folder, "b1")
    return coord, a, b
