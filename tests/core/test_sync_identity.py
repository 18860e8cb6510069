"""Device identities, identity files, fingerprints and the list of trusted peers."""

import json

import pytest

from tests.core.sync_devices import befriend, new_device
from tracker.sync import identity
from tracker.sync.errors import PeerError


def test_a_new_database_has_an_identity_with_a_readable_fingerprint(store):
    me = identity.own_identity(store)
    assert me["device_id"] == store.device_id and me["name"] == "laptop-1"
    groups = me["fingerprint"].split(" ")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    # the private keys stay inside the encrypted database and do not change on reopen
    assert identity.own_identity(store) == me


def test_a_database_without_keys_gets_them_on_first_sync_use(store):
    store.conn.execute("DELETE FROM meta WHERE key IN ('sync_sign_key', 'sync_box_key')")
    me = identity.own_identity(store)
    assert store.meta()["sync_sign_key"] and me["fingerprint"]


def test_identity_file_round_trip_and_peer_management(tmp_path):
    a, b = new_device(tmp_path, "tripoli"), new_device(tmp_path, "akkar")
    doc = identity.export_identity(a, tmp_path / "tripoli.id")
    text = (tmp_path / "tripoli.id").read_text(encoding="utf-8")
    assert "PRIVATE" not in text.upper() and identity.own_identity(a)["sign_key"] in text
    read = identity.read_identity(tmp_path / "tripoli.id")
    assert read["fingerprint"] == doc["fingerprint"]
    peer = identity.add_peer(b, read)
    assert peer["name"] == "tripoli" and peer["trusted"] == 1 and peer["acked"] == {}
    assert identity.find_peer(b, "TRIPOLI")["device_id"] == a.device_id
    assert identity.find_peer(b, a.device_id[:8])["device_id"] == a.device_id
    identity.add_peer(b, read)  # adding again is harmless
    assert len(identity.list_peers(b)) == 1
    identity.remove_peer(b, a.device_id)
    assert identity.list_peers(b) == []
    with pytest.raises(PeerError, match="no peer called"):
        identity.find_peer(b, "tripoli")


def test_an_altered_identity_file_is_refused(tmp_path):
    a = new_device(tmp_path, "tripoli")
    identity.export_identity(a, tmp_path / "a.id")
    doc = json.loads((tmp_path / "a.id").read_text(encoding="utf-8"))
    doc["name"] = "someone else"
    (tmp_path / "a.id").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(PeerError, match="altered"):
        identity.read_identity(tmp_path / "a.id")
    (tmp_path / "junk.id").write_text("not json", encoding="utf-8")
    with pytest.raises(PeerError, match="not a readable identity file"):
        identity.read_identity(tmp_path / "junk.id")


def test_own_identity_and_a_changed_key_are_refused(tmp_path):
    a, b = new_device(tmp_path, "a"), new_device(tmp_path, "b")
    with pytest.raises(PeerError, match="own identity"):
        identity.add_peer(a, identity.own_identity(a))
    befriend(a, b)
    forged = {**identity.own_identity(b), "sign_key": identity.own_identity(a)["sign_key"]}
    with pytest.raises(PeerError, match="already trusted with another key"):
        identity.add_peer(a, forged)
