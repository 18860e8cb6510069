"""A supervisor's decisions on candidate pairs: *same*, *not the same*, *later*.

*Same* merges: the record with the smaller id survives, the other becomes an alias of it
(``merged_into`` = the survivor, ``deleted`` = 1), so it leaves every list and count while its
id still resolves (``resolve``) and its row still takes the changes later bundles bring. The
survivor is chosen by id, not by who decides, so two devices merging the same pair write the
same values, and chains merged in any order point, link by link, to smaller ids: every device
resolves each record to the same survivor and no cycle can form. Merging two households
merges the members that match and moves the others to the surviving household.

*Not the same* adds each id to the other record's ``match_apart``; a pair is apart when either
record says so, so a concurrent edit on another device that overwrites one list keeps the
pair remembered through the other. Both are record writes (audited, change-logged, synced).
*Later* keeps the pair in the local review queue, marked as put off.
"""

from __future__ import annotations

import json

from tracker.domain import households
from tracker.errors import FieldError, NotFound, ValidationError
from tracker.store import permissions, records
from tracker.timeutil import utc_now_iso
from . import candidates, index
from .thresholds import WARN_AT

TABLES = ("persons", "households")
MAX_CHAIN = 64


def _table(tbl: str) -> str:
    if tbl not in TABLES:
        raise ValueError(f"matching decides on persons or households, not {tbl!r}")
    return tbl


def _may_review(store, tbl: str) -> None:
    _table(tbl)
    permissions.require(store, permissions.REVIEW, table=tbl)


def resolve(conn, tbl: str, rid: str) -> str:
    """The record an id stands for now: itself, or the survivor it was merged into."""
    _table(tbl)
    seen = {rid}
    for _ in range(MAX_CHAIN):
        row = conn.execute(f"SELECT merged_into FROM {tbl} WHERE id = ?", (rid,)).fetchone()
        if row is None or not row[0] or row[0] in seen:
            return rid
        rid = row[0]
        seen.add(rid)
    return rid


def are_apart(conn, tbl: str, a: str, b: str) -> bool:
    _table(tbl)
    for x, y in ((a, b), (b, a)):
        row = conn.execute(f"SELECT match_apart FROM {tbl} WHERE id = ?", (x,)).fetchone()
        if row and row[0] and y in row[0].split():
            return True
    return False


def _live(store, tbl: str, rid: str) -> dict:
    rec = records.get(store, tbl, rid, include_deleted=True)
    if rec is None:
        raise NotFound(f"no {tbl[:-1]} with id {rid}", table=tbl, id=rid)
    return rec


def same(store, tbl: str, a: str, b: str) -> str:
    """Merge the pair; returns the survivor's id."""
    _may_review(store, tbl)
    with store.atomic():
        ra, rb = resolve(store.conn, tbl, a), resolve(store.conn, tbl, b)
        _live(store, tbl, ra), _live(store, tbl, rb)
        if ra == rb:
            return ra
        if are_apart(store.conn, tbl, ra, rb):
            raise ValidationError([FieldError("decision", "decided_apart",
                                              "these two were decided not to be the same; undo that first", rb)])
        survivor, alias = min(ra, rb), max(ra, rb)
        if tbl == "persons":
            _merge_person(store, survivor, alias)
        else:
            _merge_household(store, survivor, alias)
        _close(store, tbl, a, b, "same")
    return survivor


def _merge_person(store, survivor: str, alias: str) -> None:
    rec = _live(store, "persons", alias)
    records.update(store, "persons", alias, {"merged_into": survivor, "deleted": 1}, action="match_same")
    if rec.get("household_id"):
        households.refresh_derived(store, rec["household_id"])


def _merge_household(store, survivor: str, alias: str) -> None:
    kept = households.members_of(store, survivor)
    kept_ids = [m["id"] for m in kept]
    for m in households.members_of(store, alias):
        match = None
        if kept_ids:
            got = candidates.check_person(store.conn, {**m, "id": None}, min_score=WARN_AT, limit=1)
            match = next((c.id for c in got if c.id in kept_ids), None) if got else None
            if match is None:
                # the index may not hold the survivor's members yet: compare with them directly
                profs = index.person_profiles(store.conn, kept_ids)
                match = _best(store.conn, m, profs)
        if match:
            records.update(store, "persons", m["id"], {"merged_into": match, "deleted": 1}, action="match_same")
        else:
            changes = {"household_id": survivor}
            if m.get("relationship") == "head":
                changes["relationship"] = "other_relative"  # the surviving household keeps its head
            records.update(store, "persons", m["id"], changes, action="match_same")
    records.update(store, "households", alias, {"merged_into": survivor, "deleted": 1}, action="match_same")
    households.refresh_derived(store, survivor)
    households.refresh_derived(store, alias)


def _best(conn, member: dict, profs: dict) -> str | None:
    from .profile import profile
    from .score import compare

    freq = index.StoreFrequencies(conn)
    mine = profile(member)
    scored = [(compare(mine, p, freq).probability, rid) for rid, p in profs.items()]
    scored = [s for s in scored if s[0] >= WARN_AT]
    return max(scored)[1] if scored else None


def apart(store, tbl: str, a: str, b: str) -> None:
    """Remember that these two are not the same (never proposed again)."""
    _may_review(store, tbl)
    with store.atomic():
        for x, y in ((a, b), (b, a)):
            rec = _live(store, tbl, x)
            ids = set((rec.get("match_apart") or "").split())
            if y not in ids:
                records.update(store, tbl, x, {"match_apart": " ".join(sorted(ids | {y}))}, action="match_apart",
                               current=rec)
        _close(store, tbl, a, b, "apart")


def later(store, tbl: str, a: str, b: str) -> None:
    """Put the pair off: it stays in the queue, after the open ones."""
    _may_review(store, tbl)
    with store.atomic():
        _close(store, tbl, a, b, "later")
        records.audit(store, "match_later", table=tbl, record_id=a, detail={"other": b})


def _close(store, tbl, a, b, state) -> None:
    x, y = sorted((a, b))
    store.conn.execute("UPDATE match_queue SET state = ? WHERE tbl = ? AND id_a = ? AND id_b = ?", (state, tbl, x, y))
    store.queue_event("match_queue", [])


# -- the review queue ---------------------------------------------------------------------------------
def fill_queue(store, tbl: str, *, min_score: float = WARN_AT, progress=None, cancelled=None) -> int:
    """Bring the index up to date and add every likely pair not decided yet. Returns pairs added."""
    prepare_scan(store, (tbl,), cancelled=cancelled)
    return add_pairs(store, tbl, find_pairs(store.conn, tbl, min_score=min_score, progress=progress,
                                            cancelled=cancelled))


def prepare_scan(store, tables=TABLES, *, cancelled=None) -> None:
    """The writer's part before a scan: the account may review ``tables``, received merges are
    settled and the index is brought up to date (cheap when nothing is new)."""
    for tbl in tables:
        _may_review(store, tbl)
    after_sync(store)  # merges received since the last look (cheap when there are none)
    index.refresh(store, cancelled=cancelled)


def find_pairs(conn, tbl: str, *, min_score: float = WARN_AT, progress=None, cancelled=None) -> list[tuple]:
    """Every likely pair of ``tbl`` as rows for ``add_pairs``. Only reads: it can run on a read
    connection of its own while the writer goes on saving."""
    _table(tbl)
    now = utc_now_iso()
    return [(tbl, a, b, p, " ".join(f"{f}:{lvl}({bits:+.1f})" for f, lvl, bits in reasons), now)
            for a, b, p, reasons in candidates.duplicates(conn, tbl, min_score=min_score, progress=progress,
                                                          cancelled=cancelled)]


def add_pairs(store, tbl: str, rows: list[tuple]) -> int:
    """Put pairs found by ``find_pairs`` in the review queue (one short transaction). Returns pairs added."""
    _may_review(store, tbl)
    if any(row[0] != tbl for row in rows):
        raise ValueError(f"pairs of another table given for {tbl}")
    with store.atomic():
        before = store.conn.total_changes
        store.conn.executemany("INSERT INTO match_queue (tbl, id_a, id_b, score, reasons, found_at) "
                               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET score = excluded.score, "
                               "reasons = excluded.reasons", rows)
        added = store.conn.total_changes - before
    store.queue_event("match_queue", [])
    return added


def queue(conn, tbl: str, *, limit: int = 500) -> list[dict]:
    """Pairs waiting for review, open ones first (highest score first), then those put off.
    Pairs whose records were merged or deleted since, or decided apart, are left out."""
    _table(tbl)
    out = []
    for a, b, score, reasons, state in conn.execute(
            "SELECT id_a, id_b, score, reasons, state FROM match_queue WHERE tbl = ? AND state IN ('open', 'later') "
            "ORDER BY state = 'later', score DESC", (tbl,)):
        live = conn.execute(f"SELECT count(*) FROM {tbl} WHERE id IN (?, ?) AND deleted = 0", (a, b)).fetchone()[0]
        if live == 2 and not are_apart(conn, tbl, a, b):
            out.append({"id_a": a, "id_b": b, "score": score, "reasons": reasons, "state": state})
            if len(out) >= limit:
                break
    return out


def after_sync(store) -> int:
    """What received merges need once a bundle is in: ``heal_merges`` then ``adopt_strays``.
    Every device doing this on the same changes writes the same values. Returns records changed."""
    return heal_merges(store) + adopt_strays(store)


def heal_merges(store) -> int:
    """Two devices that merged one record into two different survivors (A into B here, A into C
    there) each wrote its own ``merged_into``; the field keeps one. Both decisions stand: the
    survivors are merged too (the smaller id survives), so every pair decided the same anywhere
    resolves to one record everywhere. Returns how many records were merged by this."""
    healed = 0
    with store.atomic():
        for tbl in TABLES:
            targets: dict[str, set] = {}
            for rid, fields in store.conn.execute(
                    "SELECT record_id, fields FROM change_log WHERE table_name = ? AND fields LIKE '%\"merged_into\"%'",
                    (tbl,)):
                value = json.loads(fields).get("merged_into")
                if value:
                    targets.setdefault(rid, set()).add(value)
            for rid, tos in targets.items():
                if len(tos) < 2:
                    continue
                roots = {resolve(store.conn, tbl, t) for t in tos | {rid}}
                survivor = min(roots)
                for other in sorted(roots - {survivor}):
                    if resolve(store.conn, tbl, other) != survivor:
                        (_merge_person if tbl == "persons" else _merge_household)(store, survivor, other)
                        healed += 1
    return healed


def adopt_strays(store) -> int:
    """Members and movements that a device added to a household before it learnt that household
    was merged (they arrive by sync pointing at the alias) move to the survivor, as logged
    changes, so every device ends with them in the same place. Returns how many moved."""
    moved = 0
    with store.atomic():
        aliases = store.conn.execute("SELECT id FROM households WHERE merged_into IS NOT NULL").fetchall()
        for (hid,) in aliases:
            root = resolve(store.conn, "households", hid)
            for table in ("persons", "movements"):
                for (rid,) in store.conn.execute(f"SELECT id FROM {table} WHERE household_id = ? AND deleted = 0",
                                                 (hid,)).fetchall():
                    records.update(store, table, rid, {"household_id": root}, action="match_adopt")
                    moved += 1
            if moved:
                households.refresh_derived(store, root)
    return moved


# -- what the review screen shows ------------------------------------------------------------------
PERSON_FIELDS = ("given_name_ar", "father_name_ar", "grandfather_name_ar", "family_name_ar", "given_name_lat",
                 "father_name_lat", "grandfather_name_lat", "family_name_lat", "sex", "birth_date", "age",
                 "relationship", "origin_pcode", "registration_date", "household")
HOUSEHOLD_FIELDS = ("head_name_ar", "head_name_lat", "origin_pcode", "origin_village", "registration_date",
                    "current_pcode", "site_name", "total", "members")


def side_by_side(conn, tbl: str, a: str, b: str) -> list[tuple[str, str, str]]:
    """(field, value of a, value of b) for the fields a supervisor compares, as text."""
    _table(tbl)
    recs = []
    for rid in (a, b):
        if tbl == "persons":
            row = conn.execute("SELECT p.*, h.origin_pcode AS origin_pcode, h.registration_date AS registration_date, "
                               "h.head_name_ar AS household FROM persons p LEFT JOIN households h "
                               "ON h.id = p.household_id WHERE p.id = ?", (rid,))
        else:
            row = conn.execute("SELECT h.*, (SELECT group_concat(COALESCE(given_name_ar, given_name_lat), '، ') "
                               "FROM persons WHERE household_id = h.id AND deleted = 0) AS members "
                               "FROM households h WHERE h.id = ?", (rid,))
        cols = [d[0] for d in row.description]
        got = row.fetchone()
        recs.append(dict(zip(cols, got)) if got else {})
    fields = PERSON_FIELDS if tbl == "persons" else HOUSEHOLD_FIELDS
    return [(f, _text(recs[0].get(f)), _text(recs[1].get(f))) for f in fields]


def _text(v) -> str:
    return "" if v is None else str(v)
