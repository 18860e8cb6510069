"""Blocking keys and name frequencies in the database, kept up to date from the change log.

Every write to a person or household, local or received by sync, imported or generated, adds
a change-log row; ``refresh`` re-indexes the records named by change-log rows newer than the
last one it indexed (kept in ``meta``). So no write path needs to know about matching, and a
check after a few edits costs a few milliseconds. After a large import the first refresh does
the catching up (the window runs it as a background job).

A person's keys: the sound key (translit.block_key) of the given name with that of the family
name, and with that of the father's name, each with a birth-year bucket. Two bucketings, the
second offset by half a bucket, so any two birth years within two years of each other share a
bucket in at least one (``bulk`` compares within keys). A household's keys are its head's.
"""

from __future__ import annotations

import json

from tracker.errors import Cancelled
from tracker.store import records
from . import profile as profiles
from .score import Frequencies, TF_DEFAULT, TF_FLOOR, terms_of

BUCKET = 4  # years per birth-year bucket
NO_YEAR = "x"
STATE_KEY = "matching_seq"
# Only the columns a comparison reads (a person row has forty).
PERSON_COLUMNS = ("id", "household_id", "deleted", "merged_into", "relationship", "sex", "birth_date", "age_estimated",
                  *(f"{p}_name_{s}" for p in profiles.PARTS for s in ("ar", "lat")))
PERSON_SQL = (
    "SELECT " + ", ".join(f"p.{c}" for c in PERSON_COLUMNS) + ", h.registration_date AS registration_date, "
    "h.origin_pcode AS origin_pcode FROM persons p LEFT JOIN households h ON h.id = p.household_id "
    "WHERE p.id IN ({marks})")
CARD_COLUMNS = ("sex", "birth_date", "age_estimated", "registration_date", "origin_pcode",
                *(f"{p}_name_{s}" for p in profiles.PARTS for s in ("ar", "lat")))
HOUSEHOLD_SQL = ("SELECT id, deleted, merged_into, head_name_ar, head_name_lat, registration_date, origin_pcode "
                 "FROM households WHERE id IN ({marks})")


def keys_of(p: profiles.Profile) -> list[str]:
    """The blocking keys of a person profile."""
    given, father, _, family = p.names
    if not given.key:
        return []
    year = int(p.born) if p.born is not None else None
    buckets = [f"a{year // BUCKET}", f"b{(year + BUCKET // 2) // BUCKET}"] if year is not None else [NO_YEAR]
    out = []
    for tag, other in (("f", family), ("p", father)):
        if other.key:
            out += [f"{tag}|{given.key}|{other.key}|{b}" for b in buckets]
    if not out:
        out = [f"g|{given.key}|{b}" for b in buckets]
    return out


def query_keys(p: profiles.Profile) -> list[tuple[str, str]]:
    """Key ranges (low, high) to look up for a record typed at entry: its keys' buckets and the
    neighbouring ones, and the records with no year."""
    given, father, _, family = p.names
    if not given.key:
        return []
    out = []
    stems = [f"{tag}|{given.key}|{o.key}|" for tag, o in (("f", family), ("p", father)) if o.key] or [f"g|{given.key}|"]
    for stem in stems:
        if p.born is None:
            out.append((stem, stem + "~"))
            continue
        year = int(p.born)
        # the buckets of every year within two of this one (BUCKET >= 4: two buckets at most)
        for b in sorted({(year - 2) // BUCKET, (year + 2) // BUCKET}):
            out.append((f"{stem}a{b}", f"{stem}a{b}"))
        out.append((stem + NO_YEAR, stem + NO_YEAR))
    return out


# -- reading records as profiles ------------------------------------------------------------------
def person_rows(conn, ids) -> dict[str, dict]:
    """The live persons among ``ids`` as rows of the columns a comparison reads."""
    rows: dict[str, dict] = {}
    for part, marks in records.in_chunks(ids):
        cur = conn.execute(PERSON_SQL.format(marks=marks), part)
        cols = [d[0] for d in cur.description]
        for r in cur:
            rec = dict(zip(cols, r))
            if not rec["deleted"] and not rec.get("merged_into"):
                rows[rec["id"]] = rec
    return rows


def person_profiles(conn, ids, *, with_household=True) -> dict[str, profiles.Profile]:
    """Profiles of live persons by id (with their household's date, origin and members)."""
    rows = person_rows(conn, ids)
    if with_household:
        _add_household_context(conn, rows.values())
    return {rid: profiles.profile(rec) for rid, rec in rows.items()}


def card_of(rec: dict) -> str:
    """What an entry check compares of a person, kept beside its keys (``match_index.card``): the
    check then reads one short row per candidate instead of the person and its household."""
    return records.dumps([rec.get(c) for c in CARD_COLUMNS])


def card_profiles(conn, ids) -> dict[str, profiles.Profile]:
    """Profiles of indexed persons by id, from their cards (as ``person_profiles`` without the
    household's members; persons indexed before cards existed are read from their rows)."""
    out, missing = {}, []
    for part, marks in records.in_chunks(ids):
        for rid, card in conn.execute(f"SELECT record_id, card FROM match_index WHERE record_id IN ({marks})", part):
            if card:
                rec = dict(zip(CARD_COLUMNS, json.loads(card)))
                rec["id"] = rid
                out[rid] = profiles.profile(rec)
            else:
                missing.append(rid)
    if missing:
        out.update(person_profiles(conn, missing, with_household=False))
    return out


def fresh(conn) -> bool:
    """No person or household changed since the index was last brought up to date."""
    return conn.execute("SELECT 1 FROM change_log WHERE seq > ? AND table_name IN ('persons', 'households') "
                        "LIMIT 1", (indexed_seq(conn),)).fetchone() is None


def _add_household_context(conn, recs) -> None:
    by_household: dict[str, list[str]] = {}
    hids = {r["household_id"] for r in recs if r.get("household_id")}
    for part, marks in records.in_chunks(hids):
        for hid, pid, ar, lat in conn.execute(
                f"SELECT household_id, id, given_name_ar, given_name_lat FROM persons "
                f"WHERE household_id IN ({marks}) AND deleted = 0", part):
            by_household.setdefault(hid, []).append((pid, ar or lat))
    for r in recs:
        r["household"] = [n for pid, n in by_household.get(r.get("household_id"), ()) if pid != r["id"] and n]


def household_profiles(conn, ids) -> dict[str, profiles.Profile]:
    """A household as its head: the head member's names (or, for a pre-registration, the
    head's name split into given, father's and family names), the registration's date and
    origin, the other members' given names."""
    out = {}
    rows = {}
    for part, marks in records.in_chunks(ids):
        cur = conn.execute(HOUSEHOLD_SQL.format(marks=marks), part)
        cols = [d[0] for d in cur.description]
        for r in cur:
            rec = dict(zip(cols, r))
            if not rec["deleted"] and not rec.get("merged_into"):
                rows[rec["id"]] = rec
    heads: dict[str, dict] = {}
    members: dict[str, list[str]] = {}
    for part, marks in records.in_chunks(rows):
        cur = conn.execute(f"SELECT {', '.join(PERSON_COLUMNS)} FROM persons WHERE household_id IN ({marks}) "
                           "AND deleted = 0", part)
        cols = [d[0] for d in cur.description]
        for r in cur:
            p = dict(zip(cols, r))
            if p["relationship"] == "head":
                heads[p["household_id"]] = p
            else:
                members.setdefault(p["household_id"], []).append(p.get("given_name_ar") or p.get("given_name_lat"))
    for hid, hh in rows.items():
        rec = dict(heads.get(hid) or head_from_names(hh.get("head_name_ar"), hh.get("head_name_lat")))
        rec.update(id=hid, registration_date=hh.get("registration_date"), origin_pcode=hh.get("origin_pcode"),
                   household=[n for n in members.get(hid, ()) if n])
        out[hid] = profiles.profile(rec)
    return out


def head_from_names(name_ar: str | None, name_lat: str | None) -> dict:
    """A head's name typed as one string, split as registrars write it: given, father's, [grandfather's,]
    family name."""
    rec: dict = {}
    for script, text in (("ar", name_ar), ("lat", name_lat)):
        parts = (text or "").split()
        if script == "ar":  # "عبد الله": one name
            joined: list[str] = []
            for t in parts:
                if joined and joined[-1] in ("عبد", "أبو", "ابو"):
                    joined[-1] += " " + t
                else:
                    joined.append(t)
            parts = joined
        if not parts:
            continue
        rec[f"given_name_{script}"] = parts[0]
        if len(parts) >= 2:
            rec[f"family_name_{script}"] = parts[-1]
        if len(parts) >= 3:
            rec[f"father_name_{script}"] = parts[1]
        if len(parts) >= 4:
            rec[f"grandfather_name_{script}"] = " ".join(parts[2:-1])
    return rec


# -- keeping the index ------------------------------------------------------------------------------
def indexed_seq(conn) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STATE_KEY,)).fetchone()
    return int(row[0]) if row else 0


def pending(conn) -> int:
    """Change-log rows about persons or households not indexed yet."""
    return conn.execute("SELECT count(*) FROM change_log WHERE seq > ? AND table_name IN ('persons', 'households')",
                        (indexed_seq(conn),)).fetchone()[0]


REBUILD_OVER = 100_000  # change-log rows behind: reading every record in order is then cheaper


def refresh(store, *, progress=None, cancelled=None, chunk: int = 5000) -> int:
    """Bring the index up to date with the change log. Returns how many records were re-indexed.
    Commits per chunk, so a cancelled or interrupted catch-up keeps what it did. Far behind (a
    large import), it rebuilds the whole index instead."""
    conn = store.conn
    done = 0
    top = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM change_log").fetchone()[0]
    start = indexed_seq(conn)
    if top - start > REBUILD_OVER:
        return rebuild(store, progress=progress, cancelled=cancelled)
    total = max(1, top - start)
    while True:
        since = indexed_seq(conn)
        rows = conn.execute(
            "SELECT seq, table_name, record_id FROM change_log WHERE seq > ? AND seq <= ? "
            "AND table_name IN ('persons', 'households') ORDER BY seq LIMIT ?", (since, top, chunk)).fetchall()
        if not rows:
            _set_seq(store, top)
            return done
        ids = {"persons": set(), "households": set()}
        for _, table, rid in rows:
            ids[table].add(rid)
        changed_households = set(ids["households"])
        # a household's keys are its head's: a change to its head re-indexes it (its other members
        # are read again when it is compared, so their changes need nothing here)
        for part, marks in records.in_chunks(ids["persons"]):
            ids["households"].update(r[0] for r in conn.execute(
                f"SELECT DISTINCT household_id FROM persons WHERE id IN ({marks}) AND household_id IS NOT NULL "
                f"AND relationship = 'head'", part))
        # a person's card holds its household's date and origin: a household change re-cards its members
        for part, marks in records.in_chunks(changed_households):
            ids["persons"].update(r[0] for r in conn.execute(
                f"SELECT id FROM persons WHERE household_id IN ({marks}) AND deleted = 0", part))
        with store.atomic():
            _reindex_persons(conn, ids["persons"], person_rows(conn, ids["persons"]))
            _reindex(conn, "households", ids["households"], household_profiles(conn, ids["households"]))
            _set_seq(store, rows[-1][0])
        done += len(ids["persons"]) + len(ids["households"])
        if progress:
            progress(rows[-1][0] - start, total)
        if cancelled and cancelled():
            return done


def rebuild(store, *, progress=None, cancelled=None, chunk: int = 20_000) -> int:
    """Index every live person and household from scratch, reading them in storage order (no
    change log). One transaction: a cancelled rebuild leaves the index as it was."""
    conn = store.conn
    top = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM change_log").fetchone()[0]
    total = conn.execute("SELECT (SELECT max(rowid) FROM persons) + (SELECT max(rowid) FROM households)").fetchone()[0] or 1
    done = 0
    with store.atomic():
        for t in ("match_keys", "match_index", "match_terms"):
            conn.execute(f"DELETE FROM {t}")
        for tbl in ("persons", "households"):
            last = 0
            while True:
                ids = [r[0] for r in conn.execute(f"SELECT id FROM {tbl} WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                                  (last, chunk))]
                if not ids:
                    break
                last = conn.execute(f"SELECT rowid FROM {tbl} WHERE id = ?", (ids[-1],)).fetchone()[0]
                if tbl == "persons":
                    _reindex_persons(conn, (), person_rows(conn, ids))
                else:
                    _reindex(conn, tbl, (), household_profiles(conn, ids))
                done += len(ids)
                if progress:
                    progress(min(done, total), total)
                if cancelled and cancelled():
                    raise Cancelled("the matching index was not rebuilt")
        _set_seq(store, top)
    return done


def _set_seq(store, seq: int) -> None:
    store.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (STATE_KEY, str(seq)))


def _reindex_persons(conn, ids, rows: dict) -> None:
    _reindex(conn, "persons", ids, {rid: profiles.profile(rec) for rid, rec in rows.items()},
             {rid: card_of(rec) for rid, rec in rows.items()})


def _reindex(conn, tbl: str, ids, profs: dict, cards: dict | None = None) -> None:
    """Replace the index entries of ``ids`` by those of ``profs`` (``ids`` empty: only add), with
    the persons' ``cards``."""
    if not ids and not profs:
        return
    old_terms: dict = {}
    drop_keys = []
    for part, marks in records.in_chunks(ids):
        for rid, keys, terms in conn.execute(f"SELECT record_id, keys, terms FROM match_index WHERE record_id IN ({marks})", part):
            drop_keys += [(tbl, k, rid) for k in json.loads(keys)]
            for t in json.loads(terms) if terms else ():
                old_terms[tuple(t)] = old_terms.get(tuple(t), 0) - 1
        conn.execute(f"DELETE FROM match_index WHERE record_id IN ({marks})", part)
    conn.executemany("DELETE FROM match_keys WHERE tbl = ? AND key = ? AND record_id = ?", drop_keys)
    new_keys, index_rows = [], []
    count_terms = tbl == "persons"  # frequencies are of people; households reuse them
    for rid, p in profs.items():
        keys = keys_of(p)
        terms = terms_of(p) if count_terms else []
        for t in terms:
            old_terms[t] = old_terms.get(t, 0) + 1
        new_keys += [(tbl, k, rid) for k in keys]
        index_rows.append((rid, tbl, records.dumps(keys), records.dumps(terms) if terms else None,
                           cards.get(rid) if cards else None))
    conn.executemany("INSERT OR IGNORE INTO match_keys (tbl, key, record_id) VALUES (?, ?, ?)", new_keys)
    conn.executemany("INSERT INTO match_index (record_id, tbl, keys, terms, card) VALUES (?, ?, ?, ?, ?)", index_rows)
    conn.executemany("INSERT INTO match_terms (grp, term, n) VALUES (?, ?, ?) "
                     "ON CONFLICT(grp, term) DO UPDATE SET n = n + excluded.n",
                     [(g, t, n) for (g, t), n in old_terms.items() if n])


class StoreFrequencies(Frequencies):
    """The frequency tables read from ``match_terms`` (a few primary-key lookups per check)."""

    def __init__(self, conn):
        super().__init__()
        self.conn = conn

    def n(self, group: str, term: str) -> int:
        key = (group, term)
        got = self.terms.get(key)
        if got is None:
            row = self.conn.execute("SELECT n FROM match_terms WHERE grp = ? AND term = ?", key).fetchone()
            got = self.terms[key] = row[0] if row else 0
        return got


__all__ = ["refresh", "keys_of", "query_keys", "person_profiles", "household_profiles", "StoreFrequencies",
           "TF_DEFAULT", "TF_FLOOR"]
