"""Three field offices and a coordinator whose summaries overlap and replace each other (for the hub
tests; not a test module). Every bundle is a real signed summary, encrypted to the coordinator.

- tripoli (NGO A): a complete snapshot; then edits 03-09, deletes 03-10's count, adds 03-11 and sends
  03-09..03-11; then changes 03-11 again and sends that day alone.
- akkar (NGO B): 03-08..03-09; then a complete snapshot after adding 03-10.
- halba (NGO B): one daily summary per day 03-08, 03-09, then a complete snapshot with a registration.
Later summaries replace earlier ones on the dates they cover, some cells vanish (a deleted count),
and the coordinator's own records never count.
"""

from __future__ import annotations

from tests.core.consolidated_field import count, register
from tests.core.sync_devices import befriend, new_device
from tracker.domain import crossings
from tracker.sync import identity, summary_bundle


def build(folder, coordinator=None):
    """(coordinator, [bundle paths in the order they were made])."""
    coord = coordinator or new_device(folder, "coordinator", organisation="Sector")
    identity.ensure_identity(coord)
    a = new_device(folder, "tripoli", organisation="NGO A")
    b = new_device(folder, "akkar", organisation="NGO B")
    c = new_device(folder, "halba", organisation="NGO B")
    befriend(coord, a, b, c)
    paths = []

    def send(office, name, **dates):
        path = folder / f"{name}.dtb"
        summary_bundle.export_summary(office, path, for_device=coord.device_id, **dates)
        paths.append(path)

    count(coord, "2025-03-08", "XLB-ARD", "in", "SY06", {"f_18_59": 100})  # the coordinator's own
    a8 = count(a, "2025-03-08", "XLB-ABD", "in", "SY06", {"f_18_59": 10, "m_0_4": 2})
    a9 = count(a, "2025-03-09", "XLB-ABD", "out", "SY10", {"m_18_59": 3})
    a10 = count(a, "2025-03-10", "XLB-MSN", "in", "SY04", {"f_5_11": 4, "m_60plus": 1})
    register(a, "2025-03-09", "SY06", {"f_18_59": 2, "m_0_4": 1})
    send(a, "a1-snapshot")
    crossings.update_count(a, a9, {"m_18_59": 7})
    crossings.delete_count(a, a10)
    a11 = count(a, "2025-03-11", "XLB-ABD", "in", "SY10", {"f_0_4": 6})
    send(a, "a2-0309-0311", date_from="2025-03-09", date_to="2025-03-11")
    crossings.update_count(a, a11, {"f_0_4": 9})
    crossings.update_count(a, a8, {"f_18_59": 50})  # not sent: the 03-11 summary does not cover 03-08
    send(a, "a3-0311", date_from="2025-03-11", date_to="2025-03-11")

    count(b, "2025-03-08", "XLB-ABD", "in", "SY06", {"f_18_59": 5})
    count(b, "2025-03-09", "XLB-ARD", "in", "SY10", {"m_18_59": 6, "f_0_4": 1})
    send(b, "b1-0308-0309", date_from="2025-03-08", date_to="2025-03-09")
    count(b, "2025-03-10", "XLB-ARD", "out", "SY06", {"f_60plus": 2})
    register(b, "2025-03-10", "SY10", {"f_60plus": 1, "m_12_17": 2})
    send(b, "b2-snapshot")

    count(c, "2025-03-08", "XLB-MSN", "in", "SY04", {"m_5_11": 3, "f_12_17": 2})
    send(c, "c1-0308", date_from="2025-03-08", date_to="2025-03-08")
    count(c, "2025-03-09", "XLB-MSN", "in", "SY04", {"m_18_59": 8})
    send(c, "c2-0309", date_from="2025-03-09", date_to="2025-03-09")
    register(c, "2025-03-09", "SY04", {"f_18_59": 1, "m_18_59": 1})
    send(c, "c3-snapshot")
    for office in (a, b, c):
        office.close()
    return coord, paths
