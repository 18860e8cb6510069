"""Exchange → Sync walked as a user does it: peers and fingerprints, export to a folder, import
(with the question about an unknown device), history, cancel, and the conflicts review."""

import threading

import pytest

from tests.core.sync_devices import new_device, pre_household
from tracker.domain import households
from tracker.store import records
from tracker.sync import bundle, identity
from ui.sync.page import SyncPage

from .records_support import settle


@pytest.fixture
def other(tmp_path, ctx):
    """A second office that already trusts this one, and is trusted by it."""
    device = new_device(tmp_path, "akkar")
    identity.add_peer(device, ctx.call(identity.own_identity, ctx.store))
    ctx.call(identity.add_peer, ctx.store, identity.own_identity(device))
    yield device
    device.close()


def _page(qtbot, ctx):
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    settle(qtbot, ctx)
    return page


def test_peers_fingerprints_and_adding_a_peer(qtbot, ctx, other, tmp_path, monkeypatch):
    page = _page(qtbot, ctx)
    assert identity.own_identity(ctx.store)["fingerprint"] in page.me_label.text()
    assert page.peer_table.rowCount() == 1 and page.peer_table.item(0, 0).text() == "akkar"
    assert page.peer_table.item(0, 2).text() == identity.own_identity(other)["fingerprint"]
    third = new_device(tmp_path, "halba")
    identity.export_identity(third, tmp_path / "halba.dtid")
    asked = []
    monkeypatch.setattr(page, "ask_file", lambda *a: str(tmp_path / "halba.dtid"))
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append(text) or True)
    page.add_peer_button.click()
    settle(qtbot, ctx)
    assert identity.own_identity(third)["fingerprint"] in asked[0]
    qtbot.waitUntil(lambda: page.peer_table.rowCount() == 2, timeout=3000)
    assert "halba is now a trusted peer" in page.peer_status.text()
    assert page.recipient.count() == 3  # every peer of the organisation, akkar, halba
    third.close()


def test_export_to_a_folder_and_import_back(qtbot, ctx, other, tmp_path, monkeypatch):
    hid = ctx.call(pre_household, ctx.store, "Ali")
    page = _page(qtbot, ctx)
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(page, "ask_folder", lambda: str(stick))
    page.recipient.setCurrentIndex(page.recipient.findData(other.device_id))
    page.export_button.click()
    qtbot.waitUntil(lambda: "Wrote" in page.result.text(), timeout=5000)
    assert "1 changes for akkar" in page.result.text() and not page.bar.isVisible()
    [written] = list(stick.glob("sync-*-to-akkar-*.dtb"))
    assert bundle.import_bundle(other, written)["created"] == 1

    households.update_household(other, hid, {"notes": "seen in Halba"})
    back = tmp_path / "back.dtb"
    bundle.export_bundle(other, back, for_device=ctx.store.device_id)
    monkeypatch.setattr(page, "ask_file", lambda *a: str(back))
    page.import_button.click()
    qtbot.waitUntil(lambda: "Imported from akkar" in page.result.text(), timeout=5000)
    assert "1 updated" in page.result.text()
    assert ctx.call(records.get, ctx.store, "households", hid)["notes"] == "seen in Halba"
    settle(qtbot, ctx)
    assert page.history.rowCount() == 2
    assert {page.history.item(r, 1).text() for r in range(2)} == {"sent", "received"}


def test_an_unknown_device_is_trusted_only_when_the_user_says_so(qtbot, ctx, tmp_path, monkeypatch):
    stranger = new_device(tmp_path, "stranger")
    identity.add_peer(stranger, ctx.call(identity.own_identity, ctx.store))
    pre_household(stranger, "Omar")
    path = tmp_path / "s.dtb"
    bundle.export_bundle(stranger, path, for_device=ctx.store.device_id)
    page = _page(qtbot, ctx)
    monkeypatch.setattr(page, "ask_file", lambda *a: str(path))
    monkeypatch.setattr(page, "confirm", lambda title, text: False)
    page.import_button.click()
    qtbot.waitUntil(lambda: "does not trust" in page.result.text(), timeout=5000)
    asked = []
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append(text) or True)
    page.import_button.click()
    qtbot.waitUntil(lambda: "Imported from stranger" in page.result.text(), timeout=5000)
    assert identity.own_identity(stranger)["fingerprint"] in asked[0]
    settle(qtbot, ctx)
    assert page.peer_table.rowCount() == 1
    stranger.close()


def test_cancel_leaves_nothing_imported(qtbot, ctx, other, tmp_path, monkeypatch):
    pre_household(other, "Ali")
    path = tmp_path / "a.dtb"
    bundle.export_bundle(other, path, for_device=ctx.store.device_id)
    page = _page(qtbot, ctx)
    gate = threading.Event()
    ctx.run(gate.wait, 5)  # hold the writer so Cancel is pressed before the import starts
    page.import_file(str(path))
    assert page.cancel_button.isVisible() and not page.import_button.isEnabled()
    page.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: "Cancelled" in page.result.text(), timeout=5000)
    assert ctx.call(lambda: ctx.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]) == 0
    assert page.import_button.isEnabled()


def test_conflicts_review_and_choosing_the_other_value(qtbot, ctx, other, tmp_path):
    hid = ctx.call(pre_household, ctx.store, "Ali")
    first = tmp_path / "1.dtb"
    ctx.call(lambda: bundle.export_bundle(ctx.store, first, for_device=other.device_id))
    bundle.import_bundle(other, first)
    households.update_household(other, hid, {"notes": "from akkar"})
    ctx.call(households.update_household, ctx.store, hid, {"notes": "from here"})
    back = tmp_path / "2.dtb"
    bundle.export_bundle(other, back, for_device=ctx.store.device_id)
    page = _page(qtbot, ctx)
    page.import_file(str(back))
    qtbot.waitUntil(lambda: "New conflicts to review: 1" in page.result.text(), timeout=5000)
    review = page.conflicts
    qtbot.waitUntil(lambda: review.table.rowCount() == 1, timeout=3000)
    assert page.tabs.tabText(3) == "Conflicts (1)"
    row = {review.table.horizontalHeaderItem(c).text(): review.table.item(0, c).text() for c in range(8)}
    assert row["Record"] == "Ali" and row["Field"] == "notes" and row["State"] == "open"
    kept, other_value = row["Kept value"], row["Other value"]
    assert {kept, other_value} == {"from akkar", "from here"}
    review.table.selectRow(0)
    assert review.take_other.isEnabled()
    review.take_other.click()
    qtbot.waitUntil(lambda: "Saved" in review.status.text(), timeout=5000)
    settle(qtbot, ctx)
    assert ctx.call(records.get, ctx.store, "households", hid)["notes"] == other_value
    assert review.table.rowCount() == 0 and page.tabs.tabText(3) == "Conflicts"
