"""Bundle files: what they carry, that nobody else can read them, and every way a bad one is refused
without changing the database."""

import json

import pytest

from tests.core.sync_devices import befriend, content_digest, new_device, pre_household
from tracker.domain import households
from tracker.sync import bundle, envelope, identity
from tracker.sync.errors import AlreadyImported, BundleDamaged, SyncError, UnknownSigner, WrongRecipient


@pytest.fixture
def pair(tmp_path):
    a, b = new_device(tmp_path, "tripoli"), new_device(tmp_path, "akkar")
    befriend(a, b)
    yield a, b
    a.close()
    b.close()


def _exported(a, tmp_path, name="a2b.dtb", **kw):
    path = tmp_path / name
    bundle.export_bundle(a, path, **kw)
    return path


def test_nothing_in_a_bundle_is_readable_without_the_key(pair, tmp_path):
    a, b = pair
    hid = pre_household(a, "Fatima Haddad", contact_phone="+961 70 123456", notes="needs insulin")
    path = _exported(a, tmp_path, for_device="akkar")
    raw = path.read_bytes()
    for secret in ("Fatima", "Haddad", "123456", "insulin", hid, "tripoli", "Test NGO"):
        assert secret.encode() not in raw
    sealed = envelope.peek(path)
    assert (sealed.sender_id, sealed.kind) == (a.device_id, "changes")
    env = envelope.open_signed(sealed, identity.unb64(identity.own_identity(a)["sign_key"]))
    assert env.recipients == [b.device_id] and env.header["encryption"]["algorithm"].startswith("HPKE-X25519")
    with pytest.raises(WrongRecipient):
        envelope.open_payload(env, a.device_id, identity.box_key(a))  # not even its sender can read it


def test_export_and_import_carry_records_tombstones_and_acknowledgements(pair, tmp_path):
    a, b = pair
    keep, gone = pre_household(a, "Ali"), pre_household(a, "Omar")
    households.delete_household(a, gone)
    result = bundle.import_bundle(b, _exported(a, tmp_path))
    assert result["new"] == 3 and result["created"] == 2 and result["status"] == "applied"
    rows = dict(b.conn.execute("SELECT id, deleted FROM households").fetchall())
    assert rows == {keep: 0, gone: 1}
    # b's next bundle acknowledges what it holds, so a stops sending it
    bundle.import_bundle(a, _exported(b, tmp_path, "b2a.dtb"))
    assert identity.get_peer(a, b.device_id)["acked"][a.device_id] == 3
    assert bundle.export_bundle(a, tmp_path / "again.dtb", for_device="akkar")["changes"] == 0
    assert bundle.export_bundle(a, tmp_path / "all.dtb", for_device="akkar", all_changes=True)["changes"] == 3
    assert bundle.export_bundle(a, tmp_path / "since.dtb", for_device="akkar", since="2999-01-01")["changes"] == 0
    history = bundle.history(a)
    assert {(h["direction"], h["kind"]) for h in history} == {("out", "changes"), ("in", "changes")}
    with pytest.raises(SyncError, match="must look like"):
        bundle.export_bundle(a, tmp_path / "x.dtb", since="last week")


def test_a_bundle_whose_changes_are_all_held_changes_nothing(pair, tmp_path):
    a, b = pair
    pre_household(a)
    bundle.import_bundle(b, _exported(a, tmp_path, "one.dtb", all_changes=True))
    def data():
        return [b.conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                for t in ("households", "change_log", "conflicts")]
    before = data()
    second = _exported(a, tmp_path, "two.dtb", all_changes=True)  # same changes, a different file
    result = bundle.import_bundle(b, second)
    assert result["new"] == 0 and result["status"] == "nothing new"
    assert data() == before
    # only the history of received bundles grew
    assert b.conn.execute("SELECT COUNT(*) FROM bundles WHERE direction = 'in'").fetchone()[0] == 2


def _refused(store, path, error, match, **kw):
    before = content_digest(store)
    with pytest.raises(error, match=match) as caught:
        bundle.import_bundle(store, path, **kw)
    assert content_digest(store) == before
    return caught.value


@pytest.mark.parametrize("where", ["magic", "keys", "lengths", "header", "payload", "signature", "last"])
def test_one_flipped_byte_is_refused(pair, tmp_path, where):
    a, b = pair
    pre_household(a)
    path = _exported(a, tmp_path)
    data = bytearray(path.read_bytes())
    pos = {"magic": 2, "keys": 100, "lengths": envelope.FIXED_SIZE - 12, "header": envelope.FIXED_SIZE + 20,
           "payload": len(data) // 2 + 30, "signature": len(data) - 40, "last": len(data) - 1}[where]
    data[pos] ^= 0x01
    path.write_bytes(bytes(data))
    _refused(b, path, BundleDamaged, "not a Displacement Tracker bundle|altered or damaged|damaged|incomplete")


def test_a_flipped_byte_in_the_sender_id_makes_an_unknown_device(pair, tmp_path):
    a, b = pair
    pre_household(a)
    path = _exported(a, tmp_path)
    data = bytearray(path.read_bytes())
    data[len(envelope.MAGIC) + 3 + 5] ^= 0x01
    path.write_bytes(bytes(data))
    _refused(b, path, UnknownSigner, "does not trust")
    _refused(b, path, BundleDamaged, "altered or damaged", trust=True)  # its signature is not that of a's key


@pytest.mark.parametrize("keep", [0, 5, 100, -1])
def test_a_truncated_bundle_is_refused(pair, tmp_path, keep):
    a, b = pair
    pre_household(a)
    path = _exported(a, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:keep] if keep >= 0 else data[:-1])
    _refused(b, path, BundleDamaged, "not a Displacement Tracker bundle|incomplete")


def test_a_replayed_bundle_is_refused(pair, tmp_path):
    a, b = pair
    pre_household(a)
    path = _exported(a, tmp_path)
    bundle.import_bundle(b, path)
    _refused(b, path, AlreadyImported, "already imported")


def test_a_bundle_for_another_device_is_refused(tmp_path):
    a, b, c = new_device(tmp_path, "a"), new_device(tmp_path, "b"), new_device(tmp_path, "c")
    befriend(a, b, c)
    pre_household(a)
    path = _exported(a, tmp_path, for_device="c")
    _refused(b, path, WrongRecipient, "not for this device")
    assert bundle.import_bundle(c, path)["new"] == 1


def test_a_bundle_from_an_unknown_device_is_refused_unless_trusted(tmp_path, monkeypatch):
    a, b = new_device(tmp_path, "stranger"), new_device(tmp_path, "akkar")
    identity.add_peer(a, identity.own_identity(b))  # a can encrypt to b; b has never heard of a
    pre_household(a)
    path = _exported(a, tmp_path, for_device="akkar")
    fp = identity.own_identity(a)["fingerprint"]

    def never(*args, **kw):
        raise AssertionError("a file from an unknown device was decrypted")
    with monkeypatch.context() as m:  # refused from the fixed header alone: nothing decrypted or inflated
        m.setattr(envelope, "open_payload", never)
        m.setattr(envelope, "open_signed", never)
        err = _refused(b, path, UnknownSigner, f"does not trust \\(device {a.device_id}\\), fingerprint {fp}")
        assert err.details["fingerprint"] == fp and err.details["device_id"] == a.device_id
        with pytest.raises(UnknownSigner):  # inspect obeys the same rule
            bundle.inspect_bundle(b, path)
    assert bundle.import_bundle(b, path, trust=True)["new"] == 1
    assert identity.get_peer(b, a.device_id)["fingerprint"] == fp
    assert identity.get_peer(b, a.device_id)["name"] == "stranger"
    info = bundle.inspect_bundle(b, path)
    assert info["trusted"] is True and info["name"] == "stranger" and info["changes"] == 1
    assert info["already_imported"] is True


def test_a_bundle_signed_with_another_key_than_the_trusted_one_is_refused(pair, tmp_path):
    a, b = pair
    impostor = new_device(tmp_path, "impostor")
    pre_household(impostor)
    me = identity.own_identity(impostor)
    path = tmp_path / "forged.dtb"
    # the impostor claims to be a (a trusted peer of b) but can only sign with its own key
    envelope.write(path, kind="changes", payload=b'{"kind":"changes"}', signing_key=identity.signing_key(impostor),
                   sender={**me, "device_id": a.device_id}, recipients=[identity.own_identity(b)],
                   created_at="2025-03-10T00:00:00Z")
    _refused(b, path, UnknownSigner, "signed with another key")


def test_a_summary_bundle_is_not_a_peer_bundle(pair, tmp_path):
    a, b = pair
    from tracker.sync import summary_bundle

    summary_bundle.export_summary(a, tmp_path / "sum.dtb")
    _refused(b, tmp_path / "sum.dtb", SyncError, "is a summary, not a peer bundle.*dtrack summary import")


def test_changes_that_refer_to_missing_records_are_refused_whole(pair, tmp_path):
    a, b = pair
    members = [{"given_name_ar": "سامي", "sex": "m", "age_estimated": 40, "relationship": "head"}]
    households.register_full(a, {"origin_pcode": "SY01", "registration_date": "2025-03-10"}, members)
    full = _exported(a, tmp_path, "full.dtb", for_device="akkar")
    # a member of a household b never received (as a broken program could have logged)
    with a.atomic():
        a.seq += 1
        a.conn.execute(
            "INSERT INTO change_log (origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev, user) "
            "VALUES (?, ?, ?, 'persons', ?, 'create', ?, NULL, 'tester')",
            (a.device_id, a.seq, a.clock.now(), "01957a00-0000-7000-8000-0000000000aa",
             json.dumps({"household_id": "01957a00-0000-7000-8000-0000000000bb", "sex": "f", "age_estimated": 30,
                         "relationship": "head", "given_name_ar": "هدى"})))
    orphan = _exported(a, tmp_path, "orphan.dtb", for_device="akkar")
    _refused(b, orphan, SyncError, "refers to records this database does not have")
    assert bundle.import_bundle(b, full)["created"] == 2
