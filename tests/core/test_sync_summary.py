"""Summary bundles: aggregate counts only, signed and encrypted to named coordinators; a coordinator
sums devices and replaces a device's older summary instead of counting it twice, whatever the order
of arrival."""

import json

import pytest

from tests.core.sync_devices import befriend, content_digest, crossing_point, new_device, pre_household
from tracker.domain import crossings, households
from tracker.sync import identity, opening, summary_bundle
from tracker.sync.errors import AlreadyImported, BundleDamaged, PeerError, SyncError, UnknownSigner, WrongRecipient


def _count(store, day, n, direction="in"):
    return crossings.record_count(store, {"counted_at": f"{day}T09:00", "crossing_pcode": crossing_point(store),
                                          "direction": direction, "f_18_59": n, "origin_pcode": "SY01",
                                          "notes": "seen near the river", "observer": "Team Nour"})


def _people(store, **kw):
    return sum(r["individuals"] for r in summary_bundle.consolidated(store, **kw))


@pytest.fixture
def field(tmp_path):
    devices = [new_device(tmp_path, n, organisation=o) for n, o in
               (("tripoli", "NGO A"), ("akkar", "NGO B"), ("coordinator", "Sector"))]
    befriend(*devices)
    yield devices
    for d in devices:
        d.close()


def test_a_summary_holds_counts_only_readable_by_the_coordinators_named(field, tmp_path):
    a, b, coord = field
    hid = pre_household(a, "Fatima Haddad", contact_phone="+961 70 123456")
    cid = _count(a, "2025-03-09", 4)
    result = summary_bundle.export_summary(a, tmp_path / "s.dtb", for_device="coordinator")
    assert result["encrypted"] and [p["device_id"] for p in result["recipients"]] == [coord.device_id]
    raw = (tmp_path / "s.dtb").read_bytes()
    for readable in (b"2025-03-09", crossing_point(a).encode(), b"SY01", b"NGO A", b"tripoli", b"cells"):
        assert readable not in raw  # the raw day-level cells exist only inside the encryption
    env, _ = opening.open_bundle(coord, tmp_path / "s.dtb", "summary")
    doc = json.loads(opening.payload(coord, env))
    with pytest.raises(WrongRecipient):  # a trusted peer not named cannot read it
        opening.open_bundle(b, tmp_path / "s.dtb", "summary")
    assert set(doc) == {"kind", "app_version", "created_at", "date_from", "date_to", "admin_level", "sender",
                        "audit_head", "columns", "cells"}
    assert set(doc["audit_head"]) == {"rows", "head"}  # the sender's audit chain: a count and a hash
    text = json.dumps(doc, ensure_ascii=False)
    for personal in ("Fatima", "Haddad", "123456", "river", "Nour", hid, cid):
        assert personal not in text
    assert all(isinstance(v, int) for cell in doc["cells"] for v in cell[5:])


def test_the_coordinator_adds_devices_and_replaces_a_newer_summary_of_the_same_device(field, tmp_path):
    a, b, coord = field
    _count(a, "2025-03-09", 4)
    _count(b, "2025-03-09", 3)
    summary_bundle.export_summary(a, tmp_path / "a1.dtb")
    summary_bundle.export_summary(b, tmp_path / "b1.dtb")
    summary_bundle.import_summary(coord, tmp_path / "a1.dtb")
    summary_bundle.import_summary(coord, tmp_path / "b1.dtb")
    assert _people(coord) == 7
    _count(a, "2025-03-10", 5)  # a counts more and sends everything again
    summary_bundle.export_summary(a, tmp_path / "a2.dtb")
    result = summary_bundle.import_summary(coord, tmp_path / "a2.dtb")
    assert result["replaced"] > 0
    assert _people(coord) == 4 + 5 + 3  # not 4 + 4 + 5 + 3
    assert {r["device_id"] for r in summary_bundle.received(coord)} == {a.device_id, b.device_id}
    with pytest.raises(AlreadyImported):
        summary_bundle.import_summary(coord, tmp_path / "a2.dtb")


def test_an_older_summary_arriving_late_does_not_replace_a_newer_one(field, tmp_path):
    a, _, coord = field
    _count(a, "2025-03-09", 4)
    summary_bundle.export_summary(a, tmp_path / "old.dtb")
    cid = _count(a, "2025-03-09", 6)
    summary_bundle.export_summary(a, tmp_path / "new.dtb")
    summary_bundle.import_summary(coord, tmp_path / "new.dtb")
    summary_bundle.import_summary(coord, tmp_path / "old.dtb")
    assert _people(coord) == 10
    # a correction for one day only replaces that day
    crossings.delete_count(a, cid)
    _count(a, "2025-03-11", 2)
    summary_bundle.export_summary(a, tmp_path / "day.dtb", date_from="2025-03-09", date_to="2025-03-09")
    summary_bundle.import_summary(coord, tmp_path / "day.dtb")
    assert _people(coord, date_from="2025-03-09", date_to="2025-03-09") == 4
    assert _people(coord) == 4  # the 11th was not in any summary the coordinator has


def test_registrations_are_summed_too(field, tmp_path):
    a, _, coord = field
    hid = pre_household(a, "Ali", f_18_59=2, m_0_4=1)  # 3 people
    members = [{"given_name_ar": "سامي", "sex": "m", "age_estimated": 40, "relationship": "head"}]
    households.register_full(a, {"origin_pcode": "SY01", "registration_date": "2025-03-10"}, members)
    summary_bundle.export_summary(a, tmp_path / "s.dtb", for_device="coordinator")
    summary_bundle.import_summary(coord, tmp_path / "s.dtb")
    regs = [r for r in summary_bundle.consolidated(coord) if r["source"] == "registrations"]
    assert sum(r["individuals"] for r in regs) == 4 and sum(r["households"] for r in regs) == 2
    assert hid not in json.dumps(regs)


def test_every_summary_is_encrypted_to_someone(tmp_path):
    alone = new_device(tmp_path, "alone")
    _count(alone, "2025-03-09", 4)
    with pytest.raises(PeerError, match="trusts no device yet.*dtrack peers add"):
        summary_bundle.export_summary(alone, tmp_path / "s.dtb")
    assert not (tmp_path / "s.dtb").exists()
    alone.close()


def test_a_summary_for_several_coordinators(field, tmp_path):
    a, b, coord = field
    _count(a, "2025-03-09", 4)
    summary_bundle.export_summary(a, tmp_path / "s.dtb", for_device=["coordinator", "akkar"])
    for reader in (coord, b):
        assert summary_bundle.import_summary(reader, tmp_path / "s.dtb")["cells"] == 1


def test_bad_summaries_change_nothing(field, tmp_path):
    a, b, coord = field
    stranger = new_device(tmp_path, "stranger")
    _count(stranger, "2025-03-09", 4)
    identity.add_peer(stranger, identity.own_identity(coord))  # the stranger knows the coordinator, not the reverse
    summary_bundle.export_summary(stranger, tmp_path / "x.dtb")
    before = content_digest(coord)
    with pytest.raises(UnknownSigner, match="does not trust"):
        summary_bundle.import_summary(coord, tmp_path / "x.dtb")
    data = bytearray((tmp_path / "x.dtb").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / "y.dtb").write_bytes(bytes(data))
    with pytest.raises(UnknownSigner):  # from a device not trusted: not read at all
        summary_bundle.import_summary(coord, tmp_path / "y.dtb")
    with pytest.raises(BundleDamaged, match="altered or damaged"):  # trusted on sight, it still must verify
        summary_bundle.import_summary(coord, tmp_path / "y.dtb", trust=True)
    from tracker.sync import bundle

    pre_household(a)
    bundle.export_bundle(a, tmp_path / "peer.dtb", for_device="coordinator")
    with pytest.raises(SyncError, match="is a peer bundle, not a summary.*dtrack sync import"):
        summary_bundle.import_summary(coord, tmp_path / "peer.dtb")
    with pytest.raises(SyncError, match="start date"):
        summary_bundle.export_summary(a, tmp_path / "z.dtb", date_from="2025-03-10", date_to="2025-03-01")
    assert content_digest(coord) == before
    assert summary_bundle.import_summary(coord, tmp_path / "x.dtb", trust=True)["cells"] == 1
    assert identity.get_peer(coord, stranger.device_id)["name"] == "stranger"
    stranger.close()
