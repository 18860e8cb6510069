"""``dtrack identity|peers|sync|summary``: the whole USB round trip from the command line."""

import pytest

from tests.conftest import PASSPHRASE
from tests.core.sync_devices import crossing_point, new_device, pre_household
from tracker.domain import crossings, households
from tracker.cli.main import main
from tracker import office


@pytest.fixture
def offices(tmp_path, monkeypatch):
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASSPHRASE)
    a, b = new_device(tmp_path, "tripoli", passphrase=PASSPHRASE), new_device(tmp_path, "akkar", passphrase=PASSPHRASE)
    hid = pre_household(a, "Ali")
    crossings.record_count(a, {"counted_at": "2025-03-09T08:00", "crossing_pcode": crossing_point(a),
                               "direction": "in", "f_18_59": 3, "origin_pcode": "SY01"})
    paths = a.path, b.path
    a.close()
    b.close()
    return (*paths, hid)


def run(capsys, *argv):
    code = main([str(x) for x in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_usb_round_trip(offices, tmp_path, capsys):
    a, b, hid = offices
    assert run(capsys, "identity", "export", a, "--out", tmp_path / "a.id")[0] == 0
    code, out, _ = run(capsys, "identity", "export", b, "--out", tmp_path / "b.id")
    assert code == 0 and "fingerprint" in out
    code, out, _ = run(capsys, "peers", "add", a, tmp_path / "b.id")
    assert code == 0 and "trusted akkar" in out and "compare it" in out
    run(capsys, "peers", "add", b, tmp_path / "a.id")
    code, out, _ = run(capsys, "peers", "list", b)
    assert "tripoli" in out

    code, out, _ = run(capsys, "sync", "export", a, "--out", tmp_path / "a.dtb", "--for", "akkar")
    assert code == 0 and "2 changes" in out and "encrypted and signed" in out
    code, out, err = run(capsys, "sync", "import", b, tmp_path / "a.dtb")
    assert code == 0 and "2 new of 2 changes" in out and "applying" in err
    code, _, err = run(capsys, "sync", "import", b, tmp_path / "a.dtb")
    assert code == 1 and "already imported" in err and "nothing changed" in err
    code, out, _ = run(capsys, "sync", "history", b)
    assert "received from tripoli" in out

    # a conflict, reviewed and resolved from the command line
    for path, name in ((a, "from a"), (b, "from b")):
        s = office.open(path, PASSPHRASE)
        households.update_household(s, hid, {"notes": name})
        s.close()
    run(capsys, "sync", "export", b, "--out", tmp_path / "b.dtb")  # default: every trusted peer
    run(capsys, "sync", "export", a, "--out", tmp_path / "a2.dtb")
    run(capsys, "sync", "import", a, tmp_path / "b.dtb")
    code, out, _ = run(capsys, "sync", "import", b, tmp_path / "a2.dtb")
    assert "1 new conflicts" in out
    code, out, _ = run(capsys, "sync", "conflicts", b)
    assert "notes" in out and "[open]" in out
    conflict_id = out.split()[0]
    code, out, _ = run(capsys, "sync", "resolve", b, conflict_id[:10], "--take-other")
    assert code == 0
    assert "no open conflicts" in run(capsys, "sync", "conflicts", b)[1]

    code, out, _ = run(capsys, "summary", "export", a, "--out", tmp_path / "s.dtb", "--for", "akkar")
    assert code == 0 and "encrypted" in out
    code, out, _ = run(capsys, "summary", "import", b, tmp_path / "s.dtb")
    assert code == 0 and "imported summary from tripoli" in out
    code, out, _ = run(capsys, "summary", "show", b)
    assert "crossings" in out and "3 people" in " ".join(out.split())


def test_clear_errors(offices, tmp_path, capsys):
    a, b, _ = offices
    code, _, err = run(capsys, "sync", "export", a, "--out", tmp_path / "x.dtb")
    assert code == 1 and "no trusted peer" in err
    code, _, err = run(capsys, "sync", "export", a, "--out", tmp_path / "x.dtb", "--for", "nobody")
    assert code == 1 and "no peer called 'nobody'" in err
    (tmp_path / "junk.dtb").write_bytes(b"hello")
    code, _, err = run(capsys, "sync", "import", b, tmp_path / "junk.dtb")
    assert code == 1 and "not a Displacement Tracker bundle" in err
    run(capsys, "identity", "export", b, "--out", tmp_path / "b.id")
    run(capsys, "peers", "add", a, tmp_path / "b.id")
    run(capsys, "sync", "export", a, "--out", tmp_path / "a.dtb", "--for", "akkar")
    code, _, err = run(capsys, "sync", "import", b, tmp_path / "a.dtb")
    assert code == 1 and "does not trust" in err and "--trust" in err
    code, out, _ = run(capsys, "sync", "import", b, tmp_path / "a.dtb", "--trust")
    assert code == 0 and "2 new" in out
    code, out, _ = run(capsys, "peers", "remove", b, "tripoli")
    assert code == 0 and "removed" in out


def test_import_of_a_bundle_with_an_invalid_value_says_where_and_changes_nothing(offices, tmp_path, capsys):
    from tests.core.sync_devices import content_digest
    from tracker.store import records

    a_path, b_path, hid = offices
    run(capsys, "identity", "export", a_path, "--out", tmp_path / "a.id")
    run(capsys, "identity", "export", b_path, "--out", tmp_path / "b.id")
    run(capsys, "peers", "add", a_path, tmp_path / "b.id")
    run(capsys, "peers", "add", b_path, tmp_path / "a.id")
    with office.open(a_path, PASSPHRASE) as a, a.atomic():  # as an older or broken program could have written
        records.log_change(a, "households", hid, "update", {"m_18_59": -2}, None, None)
    run(capsys, "sync", "export", a_path, "--out", tmp_path / "a.dtb", "--for", "akkar")
    with office.open(b_path, PASSPHRASE) as b:
        before = content_digest(b)
    code, out, err = run(capsys, "sync", "import", b_path, tmp_path / "a.dtb")
    assert code == 1 and out == ""
    assert f"households record {hid}: m_18_59 must be at least 0 (value -2, rule negative)" in err
    assert "nothing was imported" in err and "tripoli" in err
    with office.open(b_path, PASSPHRASE) as b:
        assert content_digest(b) == before


def test_inspect_reads_only_what_a_trusted_peer_signed_and_summaries_need_a_coordinator(offices, tmp_path, capsys):
    a, b, _ = offices
    run(capsys, "identity", "export", b, "--out", tmp_path / "b.id")
    run(capsys, "peers", "add", a, tmp_path / "b.id")
    run(capsys, "sync", "export", a, "--out", tmp_path / "a.dtb", "--for", "akkar")
    code, out, err = run(capsys, "sync", "inspect", b, tmp_path / "a.dtb")
    assert code == 1 and "does not trust" in err and "fingerprint" in err and out == ""
    run(capsys, "identity", "export", a, "--out", tmp_path / "a.id")
    run(capsys, "peers", "add", b, tmp_path / "a.id")
    code, out, _ = run(capsys, "sync", "inspect", b, tmp_path / "a.dtb")
    assert code == 0 and "tripoli" in out and "changes      2" in out
    code, out, _ = run(capsys, "sync", "import", b, tmp_path / "a.dtb", "--max-clock-skew", "2")
    assert code == 0 and "2 new of 2" in out
    with pytest.raises(SystemExit) as caught:  # a summary is always for someone
        main(["summary", "export", str(a), "--out", str(tmp_path / "s.dtb")])
    assert caught.value.code == 2 and "--for" in capsys.readouterr().err
    code, out, _ = run(capsys, "summary", "export", a, "--out", tmp_path / "s.dtb", "--for", "akkar")
    assert code == 0 and "signed and encrypted for akkar" in out
