"""No personal name in clear anywhere on disk: the database, its write-ahead log, its key file, its
backups and their key files, a restored copy, and any file the app left in the folders it used."""

import os

from tracker import office
from tracker.domain import households, retention
from tracker.store import accounts, backup

PASS = "correct horse battery staple"
# Names that appear nowhere else (so a hit is a leak, not a coincidence), in both scripts
NAMES = ["زمرّدة القصّاب", "Zumurruda Qassab", "+961 71 555 019"]


def needles():
    out = []
    for text in NAMES:
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            out.append(text.encode(enc))
        out.append(text.split()[0].encode("utf-8"))
    return out


def leaks(folder):
    found = []
    for root, _, files in os.walk(folder):
        for f in files:
            data = open(os.path.join(root, f), "rb").read()
            found += [(f, n) for n in needles() if n in data]
    return found


def test_no_personal_name_in_clear_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))  # any temporary file would land in the scanned tree
    (tmp_path / "tmp").mkdir()
    db = tmp_path / "office" / "office.dtdb"
    store = office.create(db, PASS, admin="admin")
    accounts.add_account(store, "rana", "registrar", "amber kettle window seventy")
    hid = households.register_pre(store, {"head_name_ar": NAMES[0], "head_name_lat": NAMES[1],
                                          "contact_phone": NAMES[2], "origin_pcode": "SY07",
                                          "registration_date": "2025-03-10", "f_18_59": 1})
    households.update_household(store, hid, {"notes": NAMES[1] + " " + NAMES[0]})
    wal = db.with_name(db.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the newest pages are in the write-ahead log
    assert leaks(tmp_path) == []
    made = backup.create(store, tmp_path / "usb")
    assert leaks(tmp_path) == []
    store.close()
    backup.restore(made["path"], tmp_path / "restored" / "office.dtdb", PASS, "admin")
    assert leaks(tmp_path) == []
    with office.open(db, PASS, "admin") as s:
        households.update_household(s, hid, {"status": "closed"})
        s.conn.execute("UPDATE households SET updated_at = '2020-01-01T00:00:00Z' WHERE id = ?", (hid,))
        assert retention.purge(s, 12)["households"] == 1
    assert leaks(tmp_path) == []
    # the scan does find the names when they are there in clear (it is not blind)
    (tmp_path / "control.txt").write_bytes(NAMES[0].encode("utf-8"))
    assert leaks(tmp_path) != []
