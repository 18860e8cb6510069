"""Kill -9 at random moments during backup, restore, account changes, purge, import and sync.

    python -m bench kill_trials [--per-op 34] [--seed 2025] [--ops backup,restore,...]

Each trial copies a prepared office (an administrator ``admin``, a registrar ``rana``, households,
crossing counts, a trusted peer whose bundle waits to be imported), starts the operation in a
second process, kills that process with SIGKILL after a random delay between 0 and 1.1 times the
operation's measured duration (from its start to its return; the process's exit not counted), then
checks, in this process:

- the database opens with every account of the state before or of the state after (and the set of
  accounts that open is exactly one of the two, never a mix);
- ``dtrack check`` passes (file integrity, audit chain intact, logs agree);
- the data is that of before or of after, never a mix (the rows the operation writes are all
  there or none are);
- for backup and restore: the target is absent or complete (it verifies and opens).

Prints one line per operation (trials, killed before the end, found "before", found "after") and
the total. The test suite runs a short version (tests/core/test_kill_trials.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OPS = ("backup", "restore", "account_add", "account_remove", "account_passwd", "purge", "import", "sync")
PASS = {"admin": "kill trial admin passphrase 42", "rana": "amber kettle window seventy",
        "nadia": "quiet meadow copper eighty"}
RANA_NEW = "violet harbour tractor sixty"
IMPORT_ROWS = 3000


# -- the prepared office ----------------------------------------------------------------
def prepare(folder: Path) -> dict:
    """The office every trial starts from, plus a backup to restore, a CSV to import and a peer's bundle."""
    from tracker import office
    from tracker.domain import demo, households
    from tracker.store import accounts, backup
    from tracker.sync import bundle, identity

    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "office.dtdb"
    peer_db = folder / "peer.dtdb"
    with office.create(db, PASS["admin"], admin="admin", organisation="Trial NGO", device_name="office") as s, \
            office.create(peer_db, PASS["admin"], admin="admin", organisation="Trial NGO", device_name="peer") as p:
        demo.populate(s, households=120, crossings=300, seed=5)
        accounts.add_account(s, "rana", "registrar", PASS["rana"])
        old = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 86400 * 500))
        s.conn.execute("UPDATE households SET status = 'closed', updated_at = ? WHERE rowid % 3 = 0", (old,))
        identity.add_peer(s, identity.own_identity(p))
        identity.add_peer(p, identity.own_identity(s))
        demo.populate(p, households=80, crossings=200, seed=9)
        bundle.export_bundle(p, folder / "peer.dtsync", for_device=s.device_id)
        made = backup.create(s, folder / "backups")
        households.register_pre(s, {"head_name_ar": "بعد النسخة", "origin_pcode": "SY07",
                                    "registration_date": "2025-03-10", "f_18_59": 1})
    rng = random.Random(1)
    lines = ["counted_at,crossing_pcode,direction,nationality,m_18_59,f_18_59"]
    for i in range(IMPORT_ROWS):
        lines.append(f"2025-03-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00,XLB-ABD,in,SYR,{i % 5 + 1},1")
    (folder / "counts.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"db": db, "backup": Path(made["path"]), "csv": folder / "counts.csv", "bundle": folder / "peer.dtsync"}


def copy_office(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".keys"):
        shutil.copyfile(str(src) + suffix, str(dst / src.name) + suffix)
    return dst / src.name


# -- the operation, in the process that gets killed ----------------------------------------------
def child(op: str, db: str, extra: str) -> None:
    from tracker import office
    from tracker.domain import retention
    from tracker.exchange import importer
    from tracker.store import accounts, backup
    from tracker.sync import bundle

    if op == "restore":
        print("ready", flush=True)
        backup.restore(extra, Path(db).with_name("restored.dtdb"), PASS["admin"], "admin")
        print("done", flush=True)
        return
    user = "rana" if op == "account_passwd" else "admin"
    store = office.open(db, PASS[user], user)
    print("ready", flush=True)
    if op == "backup":
        backup.create(store, extra)
    elif op == "account_add":
        accounts.add_account(store, "nadia", "registrar", PASS["nadia"])
    elif op == "account_remove":
        accounts.remove_account(store, "rana")
    elif op == "account_passwd":
        accounts.change_passphrase(store, "rana", PASS["rana"], RANA_NEW)
    elif op == "purge":
        retention.purge(store, 12)
    elif op == "import":
        importer.import_file(store, extra, "crossings")
    elif op == "sync":
        bundle.import_bundle(store, extra)
    print("done", flush=True)
    store.close()


# -- what a trial finds afterwards -------------------------------------------------------------
def _who_opens(db: Path) -> frozenset:
    from tracker import office
    from tracker.errors import TrackerError

    found = set()
    for name, phrase in [*PASS.items(), ("rana", RANA_NEW)]:
        try:
            office.open(db, phrase, name).close()
            found.add(f"{name}:{phrase == RANA_NEW and 'new' or 'old'}")
        except TrackerError:
            pass
    return frozenset(found)


def _measure(op: str, store) -> object:
    """The figure the operation changes all at once (or not at all)."""
    q = store.conn.execute
    if op == "purge":
        return q("SELECT count(*) FROM households WHERE status = 'closed' AND head_name_ar IS NULL").fetchone()[0]
    if op == "import":
        return q("SELECT count(*) FROM crossing_counts").fetchone()[0]
    if op == "sync":
        return (q("SELECT count(*) FROM households").fetchone()[0], q("SELECT count(*) FROM change_log").fetchone()[0])
    return q("SELECT count(*) FROM households").fetchone()[0]


def state(op: str, db: Path, target: Path | None) -> dict:
    """Accounts that open, the check, the operation's figure, and (backup/restore) the target's state."""
    from tracker import office
    from tracker.domain import stats
    from tracker.store import backup

    out = {"accounts": _who_opens(db)}
    with office.open(db, PASS["admin"] if "admin:old" in out["accounts"] else PASS["rana"],
                     "admin" if "admin:old" in out["accounts"] else "rana") as s:
        out["check"] = stats.check(s)
        out["figure"] = _measure(op, s)
    if op == "backup":
        made = [p for p in target.glob("*.dtdb")] if target.exists() else []
        out["target"] = len(made)
        for p in made:
            report = backup.verify(p, PASS["admin"], "admin")
            out["target_ok"] = report["ok"]
    if op == "restore":
        restored = db.with_name("restored.dtdb")
        out["target"] = int(restored.exists())
        if restored.exists():
            with office.open(restored, PASS["admin"], "admin") as r:
                out["target_ok"] = stats.check(r)["ok"] and _measure("restore", r) > 0
    return out


# -- the trials ------------------------------------------------------------------------------
def _child_cmd(op, db, extra):
    code = ("import sys; from bench.kill_trials import child; child(sys.argv[1], sys.argv[2], sys.argv[3])")
    return [sys.executable, "-c", code, op, str(db), str(extra)]


def _run(op, db, extra, kill_after: float | None) -> tuple[bool, float]:
    """Run the operation in a child; kill it ``kill_after`` s after it is ready (None: let it finish).
    Returns (killed before it finished, seconds from ready to end)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(_child_cmd(op, db, extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    line = proc.stdout.readline()
    if line.strip() != b"ready":
        proc.wait()
        raise RuntimeError(f"{op}: the child did not start: {proc.stderr.read().decode()[-2000:]}")
    start = time.perf_counter()
    if kill_after is None:
        done = proc.stdout.readline().strip() == b"done"
        seconds = time.perf_counter() - start  # the operation itself, not the process's exit
        proc.wait()
        if proc.returncode != 0 or not done:
            raise RuntimeError(f"{op} failed: {proc.stderr.read().decode()[-2000:]}")
        return False, seconds
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    killed = b"done" not in proc.stdout.read()  # killed before the operation returned
    proc.stdout.close()
    proc.stderr.close()
    return killed, time.perf_counter() - start


def _extra(op, base, trial_dir):
    return {"backup": trial_dir / "usb", "restore": base["backup"], "import": base["csv"],
            "sync": base["bundle"]}.get(op, "-")


def run_trials(per_op: int, seed: int = 2025, ops=OPS, work: Path | None = None, log=print) -> dict:
    work = Path(work or tempfile.mkdtemp(prefix="dtrack-kill-"))
    rng = random.Random(seed)
    base = prepare(work / "base")
    results = {}
    for op in ops:
        # the states before and after, from one undisturbed run
        ref = work / op / "reference"
        db = copy_office(base["db"], ref)
        before = state(op, db, _extra(op, base, ref) if op == "backup" else None)
        _, seconds = _run(op, db, _extra(op, base, ref), None)
        after = state(op, db, _extra(op, base, ref) if op == "backup" else None)
        counts = {"trials": 0, "killed": 0, "before": 0, "after": 0, "failures": []}
        for i in range(per_op):
            trial = work / op / f"t{i}"
            db = copy_office(base["db"], trial)
            killed, _ = _run(op, db, _extra(op, base, trial), rng.uniform(0, 1.1 * seconds))
            found = state(op, db, _extra(op, base, trial) if op == "backup" else None)
            counts["trials"] += 1
            counts["killed"] += killed
            problems = []
            if not found["check"]["ok"]:
                problems.append("check failed: " + "; ".join(found["check"]["lines"]))
            side = [name for name, ref_state in (("before", before), ("after", after))
                    if found["accounts"] == ref_state["accounts"] and found["figure"] == ref_state["figure"]]
            if not side:
                problems.append(f"a mix: accounts {sorted(found['accounts'])}, figure {found['figure']} "
                                f"(before {sorted(before['accounts'])} {before['figure']}, after "
                                f"{sorted(after['accounts'])} {after['figure']})")
            elif len(side) == 2:  # the database is the same either way: the target tells
                counts["after" if found.get("target") else "before"] += 1
            else:
                counts[side[0]] += 1
            if op in ("backup", "restore") and found.get("target") and not found.get("target_ok"):
                problems.append("an incomplete backup or restored database under its final name")
            if problems:
                counts["failures"].append((i, problems))
            shutil.rmtree(trial, ignore_errors=True)
        results[op] = {**counts, "seconds": seconds}
        log(f"{op:16} {counts['trials']:4} trials, {counts['killed']:4} killed before it returned, "
            f"{counts['before']:4} found as before, {counts['after']:4} as after, {len(counts['failures'])} failures "
            f"(operation {seconds * 1000:,.0f} ms)")
        for i, problems in counts["failures"]:
            log(f"   trial {i}: " + " | ".join(problems))
    shutil.rmtree(work, ignore_errors=True)
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench kill_trials")
    ap.add_argument("--per-op", type=int, default=26, help="trials per operation (8 operations)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--ops", default=",".join(OPS))
    args = ap.parse_args(argv)
    # Argon2id at a test cost: the trials are about interruption, not key derivation (docs/security.md)
    os.environ.setdefault("DTRACK_KDF_MEMORY_KIB", "1024")
    os.environ.setdefault("DTRACK_KDF_TIME_COST", "1")
    started = time.perf_counter()
    results = run_trials(args.per_op, args.seed, tuple(args.ops.split(",")))
    total = sum(r["trials"] for r in results.values())
    failures = sum(len(r["failures"]) for r in results.values())
    print(f"total: {total} trials, {sum(r['killed'] for r in results.values())} killed mid-way, {failures} failures "
          f"({time.perf_counter() - started:,.0f} s)")
    print(json.dumps({op: {k: v for k, v in r.items() if k != "failures"} for op, r in results.items()}))
    return 1 if failures else 0
