"""``dtrack user add|list|remove|passwd`` through the real command line: a backup before each change,
the passphrase policy, removed accounts locked out at once, refusals for non-administrators."""

import pytest

from tracker.cli import main as cli
from tracker.store import backup

PASS = "correct horse battery staple"
RANA = "amber kettle window seventy"
RANA2 = "quiet meadow copper eighty"


@pytest.fixture
def db(store, monkeypatch):
    path = str(store.path)
    store.close()
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASS)
    monkeypatch.delenv("DTRACK_USER", raising=False)
    return path


def run(*argv):
    return cli.main(list(argv))


def test_add_list_passwd_remove(db, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DTRACK_NEW_PASSPHRASE", RANA)
    assert run("user", "add", db, "rana", "--role", "registrar") == 0
    assert "added as registrar" in capsys.readouterr().out
    assert run("user", "list", db) == 0
    out = capsys.readouterr().out
    assert "rana" in out and "registrar" in out and "* tester" in out
    # the new account signs in and may not manage accounts
    monkeypatch.setenv("DTRACK_USER", "rana")
    monkeypatch.setenv("DTRACK_PASSPHRASE", RANA)
    assert run("stats", db) == 0
    monkeypatch.setenv("DTRACK_NEW_PASSPHRASE", "pale ginger rocket ninety")
    assert run("user", "add", db, "eve", "--role", "administrator") == 1
    assert "may not manage accounts" in capsys.readouterr().err
    # her own passphrase she may change
    monkeypatch.setenv("DTRACK_NEW_PASSPHRASE", RANA2)
    assert run("user", "passwd", db, "rana") == 0
    capsys.readouterr()
    monkeypatch.setenv("DTRACK_PASSPHRASE", RANA2)
    assert run("stats", db) == 0
    # the administrator removes her: her passphrase stops working at once
    monkeypatch.setenv("DTRACK_USER", "tester")
    monkeypatch.setenv("DTRACK_PASSPHRASE", PASS)
    assert run("user", "remove", db, "rana") == 0
    monkeypatch.setenv("DTRACK_USER", "rana")
    monkeypatch.setenv("DTRACK_PASSPHRASE", RANA2)
    assert run("stats", db) == 1
    capsys.readouterr()
    # each change was preceded by a backup of the database as it was
    reasons = [b["reason"] for b in backup.backups_in(backup.default_folder(db))]
    assert reasons.count("accounts") >= 2


def test_a_weak_passphrase_and_an_unknown_role_are_refused(db, monkeypatch, capsys):
    monkeypatch.setenv("DTRACK_NEW_PASSPHRASE", "Password1!")
    assert run("user", "add", db, "rana", "--role", "registrar") == 1
    assert "passphrase" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        run("user", "add", db, "rana", "--role", "boss")
    assert info.value.code == 2
    monkeypatch.setenv("DTRACK_NEW_PASSPHRASE", RANA)
    assert run("user", "remove", db, "nobody") == 1
    assert "no account named 'nobody'" in capsys.readouterr().err
