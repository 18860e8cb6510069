"""Command-line hardening: passphrases stay out of child processes, a closed pipe is not an error,
and a wrong passphrase costs time."""

import os
import subprocess
import sys
import time

import pytest

from tracker.cli import main as cli
from tracker.store.childproc import stream

from .child_env_probe import environment_secrets

PP = "correct horse battery staple"


def test_a_second_process_started_by_a_command_does_not_inherit_the_passphrase(monkeypatch):
    monkeypatch.setenv("DTRACK_PASSPHRASE", PP)
    monkeypatch.setenv("DTRACK_NEW_PASSPHRASE", "another long passphrase")
    with cli._secrets_out_of_the_environment():
        assert cli.secret("DTRACK_PASSPHRASE") == PP  # the command still has it
        with stream(environment_secrets) as child:
            [(pid, seen)] = list(child)
    assert pid != os.getpid(), "the generator ran here, not in a second process"
    assert seen == {"DTRACK_PASSPHRASE": None, "DTRACK_NEW_PASSPHRASE": None}
    assert os.environ["DTRACK_PASSPHRASE"] == PP  # given back to this (test) process afterwards


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell pipe into head; on Windows 'bash' may be "
                                                    "WSL's and would eat the backslashes of the paths")
def test_a_closed_pipe_ends_quietly(tmp_path):
    db = tmp_path / "o.dtdb"
    env = {**os.environ, "DTRACK_PASSPHRASE": PP}
    assert subprocess.run([sys.executable, "-m", "tracker.cli", "init", str(db)], env=env,
                          capture_output=True).returncode == 0
    shell = f"{sys.executable} -m tracker.cli stats {db} | head -1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", shell], env=env, capture_output=True, text=True)
    assert "Broken pipe" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.strip()


def test_a_wrong_passphrase_costs_time_and_says_so(tmp_path, monkeypatch, capsys):
    from tracker import office

    office.create(tmp_path / "o.dtdb", PP).close()
    monkeypatch.setenv("DTRACK_PASSPHRASE", "not the passphrase at all")
    started = time.monotonic()
    assert cli.main(["stats", str(tmp_path / "o.dtdb")]) == 1
    assert time.monotonic() - started >= 1.0
    assert "wrong passphrase" in capsys.readouterr().err


@pytest.mark.parametrize("leftover", [".rekey", ".rekey-journal"])
def test_leftovers_of_an_old_rekey_are_cleared_on_opening(tmp_path, leftover):
    from tracker import office

    db = tmp_path / "o.dtdb"
    office.create(db, PP).close()
    stale = tmp_path / ("o.dtdb" + leftover)
    stale.write_bytes(b"\0" * 512)
    office.open(db, PP).close()
    assert not stale.exists()
