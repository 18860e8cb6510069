"""Demo data is realistic and deterministic; the command line's exit codes and messages."""

import os
import subprocess
import sys

import pytest

from tracker.cli import main as cli
from tracker.domain import demo, stats
from tracker import office

CONTENT = ("SELECT mode, head_name_ar, origin_pcode, registration_date, total FROM households ORDER BY "
           "registration_date, head_name_ar, total, origin_pcode")


def test_demo_is_deterministic_and_plausible(tmp_path):
    results = []
    for i in range(2):
        with office.create(tmp_path / f"d{i}.dtdb", "correct horse battery staple") as s:
            r = demo.populate(s, households=150, crossings=300, seed=7)
            rows = s.conn.execute(CONTENT).fetchall()
            persons = s.conn.execute("SELECT sex, age, relationship FROM persons ORDER BY 1, 2, 3").fetchall()
            check = stats.check(s)
            sizes = [r[0] for r in s.conn.execute("SELECT total FROM households")]
            points = {r[0] for r in s.conn.execute("SELECT crossing_pcode FROM crossing_counts")}
            kinds = {s.locations()[p]["kind"] for p in points}
        results.append((rows, persons))
        assert check["ok"], check["lines"]
        assert r["households"] == 150 and r["crossings"] == 300
        assert 3 <= sum(sizes) / len(sizes) <= 7 and max(sizes) <= 11
        assert kinds == {"official_crossing", "informal_crossing"}
    assert results[0] == results[1]
    with office.create(tmp_path / "other.dtdb", "correct horse battery staple") as s:
        demo.populate(s, households=150, crossings=0, seed=8)
        assert s.conn.execute(CONTENT).fetchall() != results[0][0]


def test_demo_from_a_second_process_is_the_same_data(tmp_path, monkeypatch):
    # From CHILD_MIN_HOUSEHOLDS on, households are generated and checked in a second process; the
    # data, the counts returned and the crossing counts generated afterwards must not change.
    from tracker.store import childproc

    closes = []
    close = childproc.stream.close
    monkeypatch.setattr(childproc.stream, "close", lambda self: (close(self), closes.append(self.proc.exitcode)))
    outcome = []
    for i, threshold in enumerate((10 ** 9, 0)):
        monkeypatch.setattr(demo, "CHILD_MIN_HOUSEHOLDS", threshold)
        with office.create(tmp_path / f"p{i}.dtdb", "correct horse battery staple") as s:
            ticks = []
            r = demo.populate(s, households=260, crossings=120, seed=11, chunk=100,
                              progress=lambda done, total: ticks.append(done))
            outcome.append((r, s.conn.execute(CONTENT).fetchall(),
                            s.conn.execute("SELECT given_name_ar, sex, age, household_id IS NOT NULL FROM persons "
                                           "ORDER BY 1, 2, 3").fetchall(),
                            s.conn.execute("SELECT counted_at, crossing_pcode, total FROM crossing_counts "
                                           "ORDER BY 1, 2, 3").fetchall(),
                            ticks))
            check = stats.check(s)
            assert check["ok"], check["lines"]
        assert closes == ([] if i == 0 else [0])
    assert outcome[0] == outcome[1]
    assert outcome[0][0]["persons"] > 260 and len(outcome[0][3]) == 120 and outcome[0][4][-1] == 380


def test_demo_has_spelling_variants(tmp_path):
    with office.create(tmp_path / "v.dtdb", "correct horse battery staple") as s:
        demo.populate(s, households=400, crossings=0, seed=3)
        names = {r[0] for r in s.conn.execute("SELECT given_name_ar FROM persons")}
    assert {"أحمد", "احمد"} <= names or {"فاطمة", "فاطمه"} <= names


@pytest.mark.parametrize("second_process", [False, True])
def test_demo_cancel_rolls_back(store, monkeypatch, second_process):
    import multiprocessing

    from tracker.errors import Cancelled

    monkeypatch.setattr(demo, "CHILD_MIN_HOUSEHOLDS", 0 if second_process else 10 ** 9)
    with pytest.raises(Cancelled):
        demo.populate(store, households=3000, crossings=0, seed=1, chunk=50, cancelled=lambda: True)
    assert store.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    assert multiprocessing.active_children() == []


@pytest.fixture
def env(monkeypatch):
    monkeypatch.setenv("DTRACK_PASSPHRASE", "cli passphrase")


def test_cli_init_demo_stats_check(tmp_path, env, capsys):
    db = str(tmp_path / "c.dtdb")
    assert cli.main(["init", db, "--organisation", "NGO"]) == 0
    assert cli.main(["demo", db, "--households", "20", "--crossings", "30", "--seed", "1"]) == 0
    capsys.readouterr()
    assert cli.main(["stats", db]) == 0
    out = capsys.readouterr().out
    assert "households                   20" in out and "crossing_counts              30" in out
    assert cli.main(["check", db]) == 0
    assert "integrity: ok" in capsys.readouterr().out


def test_cli_user_errors_exit_1_with_one_line(tmp_path, env, capsys, monkeypatch):
    db = str(tmp_path / "c.dtdb")
    assert cli.main(["stats", str(tmp_path / "missing.dtdb")]) == 1
    assert cli.main(["init", db]) == 0
    assert cli.main(["init", db]) == 1
    monkeypatch.setenv("DTRACK_PASSPHRASE", "wrong")
    capsys.readouterr()
    assert cli.main(["stats", db]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["dtrack: error: wrong passphrase or not a Displacement Tracker database"]


def test_cli_usage_errors_exit_2(tmp_path):
    with pytest.raises(SystemExit) as exc:
        cli.main(["demo"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        cli.main(["frobnicate"])
    assert exc.value.code == 2


def test_cli_without_passphrase_or_terminal(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DTRACK_PASSPHRASE"}
    proc = subprocess.run([sys.executable, "-m", "tracker.cli.main", "init", str(tmp_path / "x.dtdb")],
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "DTRACK_PASSPHRASE" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.dtdb").exists()


def test_cli_passwd(tmp_path, env, monkeypatch):
    db = str(tmp_path / "p.dtdb")
    assert cli.main(["init", db]) == 0
    monkeypatch.setenv("DTRACK_NEW_PASSPHRASE", "new cli passphrase")
    assert cli.main(["passwd", db]) == 0
    monkeypatch.setenv("DTRACK_PASSPHRASE", "new cli passphrase")
    assert cli.main(["stats", db]) == 0


def test_a_database_with_demo_data_says_so_in_stats_and_exports(tmp_path, monkeypatch, capsys):
    from tracker import office
    from tracker.domain import demo
    from tracker.exchange import export

    db = tmp_path / "demo.dtdb"
    monkeypatch.setenv("DTRACK_PASSPHRASE", "correct horse battery staple")
    assert cli.main(["demo", str(db), "--households", "12", "--crossings", "5"]) == 0
    said = capsys.readouterr().out
    assert "people in households" in said and "demo data" in said
    assert cli.main(["stats", str(db)]) == 0
    stats_out = capsys.readouterr().out
    assert "demo data (invented people)" in stats_out and stats_out.rstrip().count("yes") >= 1
    people = int(next(line.split()[-1] for line in stats_out.splitlines() if line.startswith("people in households")))
    assert f"({people} people in households)" in said  # one word, one number, in both commands
    with office.open(db, "correct horse battery staple") as s:
        assert demo.holds_demo_data(s)
        out = tmp_path / "h.csv"
        meta = export.export(s, "households", out)["metadata_path"]
    assert "invented people" in open(meta, encoding="utf-8-sig").read()
