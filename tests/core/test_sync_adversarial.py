"""A hostile or broken peer: values that used to crash an import, changes attributed to a device that
did not make them, clocks far ahead. Each is a clear refusal (exit 1 on the command line) and the
database is left exactly as it was."""

import datetime as dt
import json
import time

import pytest

from tests.conftest import PASSPHRASE
from tests.core.sync_devices import befriend, content_digest, crossing_point, new_device, pre_household
from tracker.cli.main import main
from tracker.domain import crossings
from tracker.store import records
from tracker.store.ids import HybridClock, format_hlc
from tracker.sync import bundle, envelope, identity, opening
from tracker.sync.errors import ClockAhead, InvalidChange, OriginNotSigned, SyncError


@pytest.fixture
def pair(tmp_path):
    a, b = new_device(tmp_path, "tripoli"), new_device(tmp_path, "akkar")
    befriend(a, b)
    yield a, b
    a.close()
    b.close()


def _forge_row(store, table, record_id, fields, *, op="update", hlc=None):
    """A change written straight into the sender's change log as raw JSON text, as an older or
    broken program, or a file altered outside the program, could have (the services refuse these)."""
    with store.atomic():
        seq = store.conn.execute("SELECT COALESCE(MAX(origin_seq), 0) + 1 FROM change_log WHERE origin_device = ?",
                                 (store.device_id,)).fetchone()[0]
        store.conn.execute(
            "INSERT INTO change_log (origin_device, origin_seq, hlc, table_name, record_id, op, fields, prev, user) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'tester')",
            (store.device_id, seq, hlc or store.clock.now(), table, record_id, op, json.dumps(fields)))
        store.seq = max(store.seq, seq)


def _send(a, b, folder, name="a2b.dtb"):
    path = folder / name
    bundle.export_bundle(a, path, for_device=b.device_id)
    return path


def _refused(store, path, error, match, **kw):
    before = content_digest(store)
    with pytest.raises(error, match=match) as caught:
        bundle.import_bundle(store, path, **kw)
    assert content_digest(store) == before
    return caught.value


def _count(store):
    return crossings.record_count(store, {"counted_at": "2025-03-09T08:00", "crossing_pcode": crossing_point(store),
                                          "direction": "in", "f_18_59": 2, "origin_pcode": "SY01"})


# -- values that crashed the import --------------------------------------------------------------
HUGE = [("households", "f_18_59", 10 ** 20), ("households", "m_0_4", 2 ** 63),
        ("crossing_counts", "vuln_medical", 2 ** 63), ("crossing_counts", "vuln_uasc", 10 ** 20),
        ("households", "f_18_59", -2 ** 63 - 1)]


@pytest.mark.parametrize("table, field, value", HUGE, ids=[f"{t}.{f}={v}" for t, f, v in HUGE])
def test_a_count_too_large_to_store_is_refused(pair, tmp_path, table, field, value):
    a, b = pair
    rid = pre_household(a) if table == "households" else _count(a)
    _forge_row(a, table, rid, {field: value})
    err = _refused(b, _send(a, b, tmp_path), InvalidChange, f"{table} record {rid}: {field} ")
    assert err.details["field"] == field and "nothing was imported" in err.message


def test_a_ten_megabyte_field_is_refused_without_echoing_it(pair, tmp_path):
    a, b = pair
    hid = pre_household(a)
    _forge_row(a, "households", hid, {"notes": "x" * 10_000_000})
    err = _refused(b, _send(a, b, tmp_path), InvalidChange, "notes is longer than")
    assert len(err.message) < 1000 and "…" in err.message
    assert len(str(err)) < 1000 and len(str(err.details)) < 2000  # nor in what a screen builds from the details


def test_a_clock_value_beyond_any_date_is_refused(pair, tmp_path):
    a, b = pair
    hid = pre_household(a)
    _forge_row(a, "households", hid, {"notes": "from the year 33658"}, hlc="999999999999999-999999")
    _refused(b, _send(a, b, tmp_path), ClockAhead, "ahead of this device's clock")
    assert b.clock.last() < format_hlc(int(time.time() * 1000) + 60_000, 0)


@pytest.mark.parametrize("op", ["create", "update"])
def test_a_change_to_an_unknown_record_must_create_it_whole(pair, tmp_path, op):
    a, b = pair
    pre_household(a)
    stray = "01957a00-0000-7000-8000-000000000001"
    _forge_row(a, "households", stray, {"notes": "only this"}, op=op)
    err = _refused(b, _send(a, b, tmp_path), InvalidChange, f"households record {stray}")
    assert err.details["rule"] == "incomplete_create"


def test_crashing_values_exit_1_on_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    a, b = new_device(tmp_path, "tripoli", passphrase=PASSPHRASE), new_device(tmp_path, "akkar", passphrase=PASSPHRASE)
    befriend(a, b)
    _forge_row(a, "crossing_counts", _count(a), {"vuln_medical": 2 ** 63})
    bundle.export_bundle(a, tmp_path / "a.dtb", for_device=b.device_id)
    b_path = b.path
    a.close()
    b.close()
    code = main(["sync", "import", str(b_path), str(tmp_path / "a.dtb")])
    _, err = capsys.readouterr()
    assert code == 1 and "vuln_medical" in err and "Traceback" not in err


# -- clocks far ahead -----------------------------------------------------------------------------
def test_changes_from_a_clock_days_ahead_are_refused_and_the_clock_stays(tmp_path):
    a, b = new_device(tmp_path, "tripoli", skew_ms=3 * 86_400_000), new_device(tmp_path, "akkar")
    befriend(a, b)
    pre_household(a)
    path = _send(a, b, tmp_path)
    before = b.clock.last()
    err = _refused(b, path, ClockAhead, "more than 24 h ahead of this device's clock")
    assert "tripoli" in err.message and "check the date" in err.message
    assert b.clock.last() == before
    # a receiver that allows more skew takes them; its clock moves no further than allowed
    result = bundle.import_bundle(b, path, max_clock_skew=dt.timedelta(days=4))
    assert result["new"] == 1
    assert b.clock.ms <= int(time.time() * 1000) + 4 * 86_400_000


def test_a_clock_a_few_hours_ahead_is_accepted(tmp_path):
    a, b = new_device(tmp_path, "tripoli", skew_ms=5 * 3_600_000), new_device(tmp_path, "akkar")
    befriend(a, b)
    pre_household(a)
    assert bundle.import_bundle(b, _send(a, b, tmp_path))["new"] == 1


def test_the_hybrid_clock_never_jumps_beyond_the_allowed_skew():
    wall = 1_741_500_000_000
    clock = HybridClock(wall=lambda: wall)
    clock.now()
    assert clock.observe(format_hlc(wall + 3_600_000, 4), max_ahead_ms=86_400_000) == format_hlc(wall + 3_600_000, 5)
    with pytest.raises(ValueError, match="ahead"):
        clock.observe(format_hlc(wall + 2 * 86_400_000, 0), max_ahead_ms=86_400_000)
    assert clock.last() == format_hlc(wall + 3_600_000, 5)
    with pytest.raises(ValueError):
        clock.observe("999999999999999-999999")


# -- changes attributed to a device that did not make them ---------------------------------------
def _payload(path, reader):
    env, _ = opening.open_bundle(reader, path, "changes")
    return opening.payload(reader, env)


def _rewrite(path, reader, signer, recipient, edit, out):
    """Open a bundle as its recipient, let ``edit`` change (meta, lines), and sign the result as
    ``signer`` (a peer the recipient trusts) for ``recipient``: what a hostile relay could do."""
    head, *lines = _payload(path, reader).split(b"\n")
    meta, lines = edit(json.loads(head), lines)
    envelope.write(out, kind="changes", payload=b"\n".join([json.dumps(meta).encode(), *lines]),
                   signing_key=identity.signing_key(signer), sender=identity.own_identity(signer),
                   recipients=[identity.own_identity(recipient)], created_at="2025-03-10T00:00:00Z")
    return out


@pytest.fixture
def three(tmp_path):
    """a makes changes, relay (trusted by c) passes them on, c receives."""
    a, relay, c = new_device(tmp_path, "tripoli"), new_device(tmp_path, "relay"), new_device(tmp_path, "akkar")
    befriend(a, relay, c)
    yield a, relay, c
    for s in (a, relay, c):
        s.close()


def test_changes_relayed_unchanged_keep_their_origin_signature(three, tmp_path):
    a, relay, c = three
    hid = pre_household(a)
    bundle.import_bundle(relay, _send(a, relay, tmp_path, "a2r.dtb"))
    result = bundle.import_bundle(c, _send(relay, c, tmp_path, "r2c.dtb"))
    assert result["new"] == 1 and records.get(c, "households", hid)["created_by"] == a.device_id


def test_a_change_signed_by_the_relay_in_the_origin_s_name_is_refused(three, tmp_path):
    a, relay, c = three
    pre_household(relay)
    path = _send(relay, c, tmp_path, "r2c.dtb")

    def as_a(meta, lines):  # the relay claims its own change was made on a, and signs the batch itself
        lines = [line.replace(json.dumps(relay.device_id).encode(), json.dumps(a.device_id).encode()) for line in lines]
        meta["batches"] = [[a.device_id, *b[1:]] for b in meta["batches"]]
        meta["vector"] = {a.device_id: 1}
        return meta, lines
    forged = _rewrite(path, c, relay, c, as_a, tmp_path / "forged.dtb")
    _refused(c, forged, OriginNotSigned, "not signed by tripoli")


def test_an_altered_relayed_change_is_refused(three, tmp_path):
    a, relay, c = three
    pre_household(a, notes="two adults")
    bundle.import_bundle(relay, _send(a, relay, tmp_path, "a2r.dtb"))
    path = _send(relay, c, tmp_path, "r2c.dtb")

    def alter(meta, lines):
        return meta, [line.replace(b"two adults", b"six adults") for line in lines]
    _refused(c, _rewrite(path, c, relay, c, alter, tmp_path / "altered.dtb"), OriginNotSigned,
             "not signed by tripoli")


def test_an_altered_copy_of_changes_already_held_changes_nothing(three, tmp_path):
    a, relay, c = three
    hid = pre_household(a, notes="two adults")
    bundle.import_bundle(c, _send(a, c, tmp_path, "a2c.dtb"))  # c holds a's batch, checked then
    bundle.import_bundle(relay, _send(a, relay, tmp_path, "a2r.dtb"))
    path = _send(relay, c, tmp_path, "r2c.dtb")

    def alter(meta, lines):
        return meta, [line.replace(b"two adults", b"six adults") for line in lines]
    result = bundle.import_bundle(c, _rewrite(path, c, relay, c, alter, tmp_path / "altered.dtb"))
    assert result["new"] == 0 and records.get(c, "households", hid)["notes"] == "two adults"


def test_an_unsigned_change_is_refused(three, tmp_path):
    a, relay, c = three
    pre_household(a)
    path = _send(a, c, tmp_path, "a2c.dtb")

    def unsigned(meta, lines):
        meta["batches"] = []
        return meta, lines
    _refused(c, _rewrite(path, c, a, c, unsigned, tmp_path / "unsigned.dtb"), OriginNotSigned,
             "no signature of its origin device")


def test_a_relay_cannot_swap_in_its_own_key_for_a_known_origin(three, tmp_path):
    a, relay, c = three
    pre_household(relay)
    path = _send(relay, c, tmp_path, "r2c.dtb")

    def as_a(meta, lines):
        lines = [line.replace(json.dumps(relay.device_id).encode(), json.dumps(a.device_id).encode()) for line in lines]
        meta["batches"] = [[a.device_id, *b[1:]] for b in meta["batches"]]
        meta["origin_keys"] = {a.device_id: identity.own_identity(relay)["sign_key"]}
        return meta, lines
    _refused(c, _rewrite(path, c, relay, c, as_a, tmp_path / "forged.dtb"), OriginNotSigned,
             "another key than the one this database holds for tripoli")


def test_an_origin_unknown_here_is_learnt_from_the_trusted_sender(tmp_path):
    a, relay, c = new_device(tmp_path, "tripoli"), new_device(tmp_path, "relay"), new_device(tmp_path, "akkar")
    befriend(a, relay)
    befriend(relay, c)  # c has never met a
    pre_household(a)
    bundle.import_bundle(relay, _send(a, relay, tmp_path, "a2r.dtb"))
    assert bundle.import_bundle(c, _send(relay, c, tmp_path, "r2c.dtb"))["new"] == 1
    known = identity.origin_key(c, a.device_id)
    assert known["sign_key"] == identity.own_identity(a)["sign_key"] and known["vouched_by"] == relay.device_id
