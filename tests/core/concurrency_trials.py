"""Several programs on one database in random interleavings; afterwards every operation that
reported success is wholly there, every one that reported failure wholly absent, and the database
passes ``dtrack check``.

The operations are the real ones, each in its own process: a long-lived Store saving households
one at a time (as the window does), command-line imports, demo fills, passphrase changes of a
second account, and sync imports of a bundle from another device. Used by the short CI test
(tests/core/test_concurrency_stress.py) and the long run (``python -m bench concurrency``).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

PP = "correct horse battery staple"
CHANGER_PASSPHRASES = ("first changer passphrase", "second changer passphrase")

WINDOW = """
import random, sys, time
import tracker
from tracker import office
from tracker.domain import households
from tracker.errors import TrackerError
db, tag, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed)
with office.open(db, {pp!r}, busy_seconds=2) as s:
    print("open", flush=True)
    for i in range(n):
        name = f"{{tag}}-{{i}}"
        try:
            households.register_pre(s, {{"registration_date": "2025-03-10", "origin_pcode": "SY06",
                                         "head_name_ar": name, "f_18_59": 1, "m_0_4": 2}})
        except TrackerError as exc:
            print("fail", name, type(exc).__name__, flush=True)
        else:
            print("ok", name, flush=True)
        time.sleep(rnd.random() * 0.15)
"""


@dataclass
class Op:
    kind: str
    tag: str
    argv: list[str]
    env: dict
    proc: subprocess.Popen | None = None
    out: str = ""
    err: str = ""
    code: int | None = None


@dataclass
class TrialResult:
    ops: dict = field(default_factory=dict)  # kind -> [succeeded, failed]
    problems: list = field(default_factory=list)
    seconds: float = 0.0


def _cli(*args) -> list[str]:
    return [sys.executable, "-m", "tracker.cli", *args]


def prepare(folder: Path) -> tuple[Path, Path]:
    """A fresh office with a second account, and a bundle from another device it trusts."""
    import tracker  # noqa: F401
    from tracker import office
    from tracker.domain import households
    from tracker.store import accounts
    from tracker.sync import bundle, identity

    db = folder / "office.dtdb"
    other = folder / "other.dtdb"
    with office.create(db, PP, organisation="Trial", device_name="laptop-1") as s, \
            office.create(other, PP, organisation="Trial", device_name="laptop-2") as o:
        accounts.add_account(s, "changer", "registrar", CHANGER_PASSPHRASES[0])
        identity.add_peer(s, identity.own_identity(o))
        identity.add_peer(o, identity.own_identity(s))
        for i in range(20):
            households.register_pre(o, {"registration_date": "2025-03-11", "origin_pcode": "SY10",
                                        "head_name_ar": f"sync-{i}", "f_18_59": 1})
        out = folder / "from-other.dtb"
        bundle.export_bundle(o, out, for_device=s.device_id)
    return db, out


def _import_csv(folder: Path, tag: str, n: int) -> Path:
    path = folder / f"{tag}.csv"
    lines = ["counted_at,crossing_pcode,direction,f_18_59,m_18_59,notes"]
    lines += [f"2025-03-{8 + i % 20:02d}T10:00,XLB-ARD,in,{1 + i % 4},{i % 3},{tag}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_trial(folder: Path, seed: int, *, processes: int = 6, window_saves: int = 8, import_rows: int = 400) -> TrialResult:
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    db, sync_bundle = prepare(folder)
    base_env = {k: v for k, v in os.environ.items() if k not in ("DTRACK_PASSPHRASE", "DTRACK_USER")}
    env = {**base_env, "DTRACK_PASSPHRASE": PP}
    ops: list[Op] = [Op("window", "w", [sys.executable, "-c", textwrap.dedent(WINDOW.format(pp=PP)), str(db), "w",
                                        str(window_saves), str(seed)], env)]
    kinds = ["import", "demo", "passwd", "sync", "import", "window", "backup"]
    for i in range(processes - 1):
        kind = rnd.choice(kinds)
        tag = f"{kind}{i}"
        if kind == "import":
            ops.append(Op(kind, tag, _cli("import", str(db), str(_import_csv(folder, tag, import_rows)),
                                          "--kind", "crossings"), env))
        elif kind == "demo":
            ops.append(Op(kind, tag, _cli("demo", str(db), "--households", "15", "--crossings", "10",
                                          "--seed", str(seed * 10 + i)), env))
        elif kind == "passwd":
            # The changer flips between two passphrases; which one is current depends on who won.
            ops.append(Op(kind, tag, [sys.executable, "-c", textwrap.dedent(f"""
                import sys, tracker
                from tracker import office
                from tracker.store import accounts
                from tracker.errors import TrackerError
                a, b = {CHANGER_PASSPHRASES!r}
                for old, new in ((a, b), (b, a)):
                    try:
                        with office.open({str(db)!r}, old, "changer", busy_seconds=2) as s:
                            accounts.change_passphrase(s, "changer", old, new)
                    except TrackerError as exc:
                        if type(exc).__name__ == "WrongPassphrase":
                            continue
                        print("fail", type(exc).__name__, flush=True)
                        sys.exit(1)
                    print("ok", new, flush=True)
                    sys.exit(0)
                sys.exit(1)
            """)], base_env))
        elif kind == "sync":
            ops.append(Op(kind, tag, _cli("sync", "import", str(db), str(sync_bundle)), env))
        elif kind == "backup":
            ops.append(Op(kind, tag, _cli("backup", "create", str(db), "--to", str(folder / tag)), env))
        else:
            ops.append(Op("window", tag, [sys.executable, "-c", textwrap.dedent(WINDOW.format(pp=PP)), str(db), tag,
                                          str(window_saves), str(seed + i)], env))
    started = time.monotonic()
    for op in ops:
        time.sleep(rnd.random() * 0.2)
        op.proc = subprocess.Popen(op.argv, env=op.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for op in ops:
        op.out, op.err = op.proc.communicate(timeout=300)
        op.code = op.proc.returncode
    result = TrialResult(seconds=time.monotonic() - started)
    _verify(db, ops, result)
    return result


def folder_of(db: Path) -> Path:
    return db.parent


def _verify_backups(folder: Path, op: Op, result: TrialResult) -> None:
    """A backup reported made opens with the passphrase and passes its own check."""
    from tracker.store import backup

    made = sorted(p for p in folder.glob("*") if p.is_file() and not p.name.endswith(".keys")) if folder.exists() else []
    if op.code != 0:
        if op.code not in (0, 1) or "Traceback" in op.err:
            result.problems.append(f"{op.tag}: exit {op.code}\n{op.err[-800:]}")
        return
    checked = [backup.verify(p, PP) for p in made if backup.parse_name(p)]
    if not checked or not all(c["ok"] for c in checked):
        result.problems.append(f"{op.tag}: reported made, but {[p.name for p in made]} do not verify")


def _verify(db: Path, ops: list[Op], result: TrialResult) -> None:
    import tracker  # noqa: F401
    from tracker import office
    from tracker.domain import stats
    from tracker.errors import WrongPassphrase

    def tally(kind: str, ok: bool) -> None:
        result.ops.setdefault(kind, [0, 0])[0 if ok else 1] += 1

    with office.open(db, PP) as s:
        q = s.conn.execute
        names = {r[0] for r in q("SELECT head_name_ar FROM households WHERE deleted = 0")}
        for op in ops:
            if op.kind == "window":
                if "Traceback" in op.err:
                    result.problems.append(f"{op.tag}: traceback\n{op.err[-800:]}")
                for line in op.out.splitlines():
                    parts = line.split()
                    if parts and parts[0] in ("ok", "fail"):
                        tally("window save", parts[0] == "ok")
                        present = parts[1] in names
                        if present != (parts[0] == "ok"):
                            result.problems.append(f"{op.tag}: {line!r} but the household is "
                                                   f"{'present' if present else 'missing'}")
            elif op.kind == "import":
                n = q("SELECT count(*) FROM crossing_counts WHERE notes = ?", (op.tag,)).fetchone()[0]
                tally("import", op.code == 0)
                expected = int(op.out.split("imported ")[1].split()[0]) if op.code == 0 and "imported " in op.out else 0
                if (op.code == 0 and n != expected) or (op.code != 0 and n != 0):
                    result.problems.append(f"{op.tag}: exit {op.code}, {n} rows present (expected {expected})")
                if op.code not in (0, 1) or "Traceback" in op.err:
                    result.problems.append(f"{op.tag}: exit {op.code}\n{op.err[-800:]}")
            elif op.kind == "backup":
                tally("backup", op.code == 0)
                _verify_backups(folder_of(db) / op.tag, op, result)
            elif op.kind in ("demo", "sync", "passwd"):
                tally(op.kind, op.code == 0)
                if op.code not in (0, 1) or "Traceback" in op.err:
                    result.problems.append(f"{op.tag}: exit {op.code}\n{op.err[-800:]}")
        demos_ok = sum(1 for op in ops if op.kind == "demo" and op.code == 0)
        # Demo households carry invented names, which may repeat: count rows, not names.
        demo_households = q("SELECT count(*) FROM households WHERE deleted = 0 AND head_name_ar NOT LIKE 'w-%' "
                            "AND head_name_ar NOT LIKE 'window%' AND head_name_ar NOT LIKE 'sync-%'").fetchone()[0]
        if demo_households != 15 * demos_ok:
            result.problems.append(f"{demos_ok} demo fills reported done but {demo_households} demo households "
                                   "are present (15 each)")
        synced = {n for n in names if n.startswith("sync-")}
        if any(op.kind == "sync" and op.code == 0 for op in ops) != (len(synced) == 20) or len(synced) not in (0, 20):
            result.problems.append(f"sync: {len(synced)} of 20 households present")
        report = stats.check(s)
        if not report["ok"]:
            result.problems.append("check failed: " + "; ".join(report["lines"]))
    passwd_ok = [op for op in ops if op.kind == "passwd" and op.code == 0]
    if passwd_ok:
        opened = 0
        for candidate in CHANGER_PASSPHRASES:
            try:
                office.open(db, candidate, "changer").close()
                opened += 1
            except WrongPassphrase:
                pass
        if opened != 1:
            result.problems.append(f"the changer account opens with {opened} of its two passphrases")
