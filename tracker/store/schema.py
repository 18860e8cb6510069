"""The database schema as numbered migrations.

Each migration runs in one transaction (sqlite-utils ``Migrations``) and is
tested from every earlier version. Never edit a released migration: add one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .fields import COUNT_FIELDS, VULNERABILITY_FIELDS

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "displacement_tracker"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' own table: where each applied migration is noted


class _Migrations:
    """The migrations below, in order, handed to sqlite-utils' ``Migrations`` only when one runs.

    Opening a database needs only their names (the window's unlock, every ``dtrack`` command), and
    sqlite-utils takes 50-80 ms to import on a 2-core laptop; so it is imported when a database
    is created or migrated, or when something asks for ``Store.db``."""

    def __init__(self, name: str):
        self.name = name
        self._steps: list[tuple[str, object, dict]] = []
        self._built = None

    def __call__(self, *, name: str, **options):
        def register(fn):
            if self._built is not None:
                raise RuntimeError("migrations are registered at import, before any is applied")
            self._steps.append((name, fn, options))
            return fn
        return register

    @property
    def names(self) -> list[str]:
        return [name for name, _fn, _options in self._steps]

    def _sqlite_utils(self):
        if self._built is None:
            from . import lean_sqlite_utils  # noqa: F401  (before sqlite-utils: it loads without numpy)
            from sqlite_utils.migrations import Migrations

            built = Migrations(self.name)
            for name, fn, options in self._steps:
                built(name=name, **options)(fn)
            self._built = built
        return self._built

    def apply(self, db: Database, **kwargs) -> None:
        self._sqlite_utils().apply(db, **kwargs)

    def applied(self, db: Database) -> list:
        return self._sqlite_utils().applied(db)


migrations = _Migrations(MIGRATION_SET)

# Columns every record table carries (see model.SYSTEM_FIELDS).
_SYSTEM = {
    "id": str,
    "created_at": str,
    "updated_at": str,
    "created_by": str,  # device id
    "updated_by": str,  # device id
    "user": str,
    "deleted": int,
}
_COUNTS = {f: int for f in COUNT_FIELDS}


def _record_table(db: Database, name: str, columns: dict, foreign_keys=()) -> None:
    db[name].create({**_SYSTEM, **columns}, pk="id", not_null={"created_at", "updated_at", "deleted"},
                    defaults={"deleted": 0}, foreign_keys=list(foreign_keys))


@migrations(name="0001_core")
def m0001_core(db: Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    _record_table(db, "locations", {
        "level": int, "parent": str, "name_en": str, "name_ar": str, "country": str,
        "kind": str, "lat": float, "lon": float, "source": str, "version": str, "shipped": int,
    })
    _record_table(db, "households", {
        "mode": str, "head_name_ar": str, "head_name_lat": str,
        "registration_date": str, "registration_pcode": str,
        "origin_pcode": str, "origin_village": str, "displacement_date": str,
        "current_pcode": str, "site_name": str, "shelter_type": str, "intention": str,
        "contact_phone": str, "consent_share": int, "consent_scope": str, "consent_date": str,
        "status": str, "notes": str, "source_id": str,
        **_COUNTS,
        # derived by the store:
        "total": int, "member_count": int, "has_specific_needs": int, "uasc_count": int,
        "origin_adm1": str, "search_names": str,
    })
    _record_table(db, "persons", {
        "household_id": str,
        "given_name_ar": str, "father_name_ar": str, "grandfather_name_ar": str, "family_name_ar": str,
        "given_name_lat": str, "father_name_lat": str, "grandfather_name_lat": str, "family_name_lat": str,
        "sex": str, "birth_date": str, "age_estimated": int, "relationship": str,
        "wg_seeing": int, "wg_hearing": int, "wg_walking": int, "wg_remembering": int,
        "wg_selfcare": int, "wg_communicating": int,
        "specific_needs": str, "separated_child": int, "unaccompanied_child": int,
        "document_type": str, "document_number": str, "notes": str, "source_id": str,
        # derived by the store:
        "age": int, "age_bracket": str, "name_norm": str,
    }, foreign_keys=[("household_id", "households", "id")])
    _record_table(db, "movements", {
        "household_id": str, "from_pcode": str, "from_text": str, "to_pcode": str, "to_text": str,
        "crossing_pcode": str, "movement_date": str, "reason": str, "notes": str,
    }, foreign_keys=[("household_id", "households", "id")])
    _record_table(db, "crossing_counts", {
        "counted_at": str, "crossing_pcode": str, "direction": str, **_COUNTS,
        "nationality": str, "origin_pcode": str, "origin_text": str,
        "destination_pcode": str, "destination_text": str, "transport": str, "reason": str,
        **{f: int for f in VULNERABILITY_FIELDS},
        "observer": str, "household_id": str, "notes": str, "source_id": str,
        # derived by the store:
        "total": int, "count_date": str, "origin_adm1": str, "destination_adm1": str,
    })
    # One row per record write, read by sync. ``fields`` holds the synced
    # values written; ``prev`` the [hlc, device] of each value it replaced.
    db["change_log"].create({
        "seq": int, "origin_device": str, "origin_seq": int, "hlc": str, "table_name": str,
        "record_id": str, "op": str, "fields": str, "prev": str,
    }, pk="seq", not_null={"origin_device", "origin_seq", "hlc", "table_name", "record_id", "fields"})
    db.execute("CREATE UNIQUE INDEX change_log_origin ON change_log(origin_device, origin_seq)")
    db.execute("CREATE INDEX change_log_record ON change_log(table_name, record_id)")
    # Who did what, when. ``before`` holds the replaced values; the new ones
    # are in the linked change_log row (creates: before is NULL).
    db["audit_log"].create({
        "id": int, "at": str, "device_id": str, "user": str, "action": str,
        "table_name": str, "record_id": str, "before": str, "change_seq": int, "detail": str,
    }, pk="id", not_null={"at", "action"})
    db.execute("CREATE INDEX audit_log_record ON audit_log(table_name, record_id)")
    db.execute("CREATE INDEX audit_log_change ON audit_log(change_seq)")


@migrations(name="0002_indexes_and_search")
def m0002_indexes_and_search(db: Database) -> None:
    for table, cols in {
        "households": [["origin_adm1"], ["current_pcode"], ["status"], ["registration_date"],
                       ["has_specific_needs"], ["source_id"]],
        "persons": [["household_id"], ["source_id"]],
        "movements": [["household_id"]],
        "crossing_counts": [["count_date"], ["crossing_pcode"], ["source_id"]],
        "locations": [["kind"], ["parent"]],
    }.items():
        for c in cols:
            db[table].create_index(c)
    # Name search over normalised Arabic and lower-cased Latin names of the
    # head and every member (kept in households.search_names by the store).
    db["households"].enable_fts(["search_names"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@migrations(name="0003_crossing_daily")
def m0003_crossing_daily(db: Database) -> None:
    """Daily summary of crossing counts, kept exact by triggers so charts never scan raw rows."""
    key = ["count_date", "crossing_pcode", "direction", "origin_adm1", "destination_adm1", "nationality"]
    db["crossing_daily"].create({**{k: str for k in key}, **_COUNTS, "total": int, "records": int},
                                pk=key, not_null=set(key))
    sums = COUNT_FIELDS + ("total",)

    def keyvals(src: str) -> str:
        return ", ".join(f"COALESCE({src}.{k}, '')" for k in key)

    def upsert(src: str, sign: str) -> str:
        vals = ", ".join(f"{sign}COALESCE({src}.{f}, 0)" for f in sums)
        sets = ", ".join(f"{f} = {f} + excluded.{f}" for f in sums)
        return (f"INSERT INTO crossing_daily ({', '.join(key)}, {', '.join(sums)}, records) "
                f"VALUES ({keyvals(src)}, {vals}, {sign}1) "
                f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {sets}, records = records + excluded.records;")

    # An update removes the old row's contribution and adds the new one's.
    db.executescript(f"""
    CREATE TRIGGER crossing_daily_ai AFTER INSERT ON crossing_counts WHEN NEW.deleted = 0 BEGIN
      {upsert('NEW', '')}
    END;
    CREATE TRIGGER crossing_daily_ad AFTER DELETE ON crossing_counts WHEN OLD.deleted = 0 BEGIN
      {upsert('OLD', '-')}
    END;
    CREATE TRIGGER crossing_daily_au_old AFTER UPDATE ON crossing_counts WHEN OLD.deleted = 0 BEGIN
      {upsert('OLD', '-')}
    END;
    CREATE TRIGGER crossing_daily_au_new AFTER UPDATE ON crossing_counts WHEN NEW.deleted = 0 BEGIN
      {upsert('NEW', '')}
    END;
    """)
    db.execute("CREATE INDEX crossing_daily_date ON crossing_daily(count_date)")


@migrations(name="0004_exchange_and_sync")
def m0004_exchange_and_sync(db: Database) -> None:
    # Trusted peer devices and what each is known to hold (its version vector).
    db["peers"].create({
        "device_id": str, "name": str, "organisation": str, "public_key": str, "fingerprint": str,
        "trusted": int, "added_at": str, "acked": str,
    }, pk="device_id")
    db["bundles"].create({
        "id": int, "direction": str, "kind": str, "peer_device": str, "file_name": str, "sha256": str,
        "created_at": str, "processed_at": str, "change_count": int, "applied_count": int,
    }, pk="id")
    db.execute("CREATE UNIQUE INDEX bundles_sha ON bundles(direction, sha256)")
    db["conflicts"].create({
        "id": str, "table_name": str, "record_id": str, "field": str,
        "base": str, "winner": str, "loser": str,
        "winner_hlc": str, "winner_device": str, "loser_hlc": str, "loser_device": str,
        "detected_at": str, "resolved_at": str, "resolved_by": str,
    }, pk="id")
    db.execute("CREATE INDEX conflicts_record ON conflicts(table_name, record_id, field)")
    # Summaries received from other devices (coordinator side).
    db["summary_cells"].create({
        "device_id": str, "organisation": str, "period": str, "count_date": str, "admin_pcode": str,
        "crossing_pcode": str, "direction": str, "sex": str, "age_bracket": str, "value": int,
        "received_at": str,
    })
    db.execute("CREATE INDEX summary_cells_device ON summary_cells(device_id, period)")
    # Saved import column mappings.
    db["import_profiles"].create({"name": str, "kind": str, "mapping": str, "saved_at": str}, pk="name")


def latest_version() -> int:
    return len(migrations.names)


def migration_names() -> list[str]:
    return migrations.names


def applied_names(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def applied_names_in(conn) -> list[str]:
    """The migrations applied to the database on ``conn``, in the order applied (as ``applied_names``,
    read with plain SQL: opening a database does not load sqlite-utils)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    (MIGRATIONS_TABLE,)).fetchone() is None:
        return []
    return [row[0] for row in conn.execute(f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? "
                                           "ORDER BY rowid", (MIGRATION_SET,))]


@migrations(name="0005_household_list")
def m0005_household_list(db: Database) -> None:
    """Partial indexes over live households for the paged list (tracker/domain/queries.py).

    Each matches one sort key of the list with registration date as the second key, so a
    page is an index walk, never a sort of every row, and counting or skipping rows never
    reads the table (the index holds the rowid, and only live rows).
    """
    indexes = {
        "households_live_date": "registration_date",
        "households_live_origin": "origin_adm1, registration_date",
        "households_live_current": "current_pcode, registration_date",
        "households_live_status": "status, registration_date",
        "households_live_needs": "has_specific_needs, registration_date",
        "households_live_total": "total, registration_date",
        "households_live_mode": "mode, registration_date",
        "households_live_name": "COALESCE(head_name_ar, head_name_lat)",
    }
    for name, columns in indexes.items():
        db.execute(f"CREATE INDEX {name} ON households({columns}) WHERE deleted = 0")


@migrations(name="0006_flow_rollups")
def m0006_flow_rollups(db: Database) -> None:
    """Coarser trigger-kept summaries of crossing counts, so a dashboard redraw stays fast on millions of rows.

    crossing_daily keeps six keys and grows with every combination seen; these two drop what a chart
    does not need. ``crossing_monthly`` (no day, no nationality) answers the period totals of whole
    months; the days at the edges of a period come from crossing_daily (tracker/charts/data.py).
    ``crossing_point_daily`` (no destination, no nationality, totals only) feeds the daily chart.
    """
    sums = COUNT_FIELDS + ("total",)
    tables = {
        "crossing_monthly": (["month", "crossing_pcode", "direction", "origin_adm1", "destination_adm1"], sums),
        "crossing_point_daily": (["count_date", "crossing_pcode", "direction", "origin_adm1"], ("total",)),
    }
    source = {"month": "substr({s}.count_date, 1, 7)"}  # other keys are crossing_counts columns
    script = []
    for table, (key, cols) in tables.items():
        db[table].create({**{k: str for k in key}, **{c: int for c in cols}, "records": int},
                         pk=key, not_null=set(key))

        def upsert(src: str, sign: str, table=table, key=key, cols=cols) -> str:
            keyvals = ", ".join(f"COALESCE({source.get(k, '{s}.' + k).format(s=src)}, '')" for k in key)
            vals = ", ".join(f"{sign}COALESCE({src}.{c}, 0)" for c in cols)
            sets = ", ".join(f"{c} = {c} + excluded.{c}" for c in cols)
            return (f"INSERT INTO {table} ({', '.join(key)}, {', '.join(cols)}, records) "
                    f"VALUES ({keyvals}, {vals}, {sign}1) "
                    f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {sets}, records = records + excluded.records;")

        script.append(f"""
        CREATE TRIGGER {table}_ai AFTER INSERT ON crossing_counts WHEN NEW.deleted = 0 BEGIN {upsert('NEW', '')} END;
        CREATE TRIGGER {table}_ad AFTER DELETE ON crossing_counts WHEN OLD.deleted = 0 BEGIN {upsert('OLD', '-')} END;
        CREATE TRIGGER {table}_au_old AFTER UPDATE ON crossing_counts WHEN OLD.deleted = 0 BEGIN {upsert('OLD', '-')} END;
        CREATE TRIGGER {table}_au_new AFTER UPDATE ON crossing_counts WHEN NEW.deleted = 0 BEGIN {upsert('NEW', '')} END;
        """)
        # Rows counted before this version: fill from the exact daily summary.
        select_key = ", ".join("substr(count_date, 1, 7)" if k == "month" else k for k in key)
        db.execute(f"INSERT INTO {table} ({', '.join(key)}, {', '.join(cols)}, records) "
                   f"SELECT {select_key}, {', '.join(f'SUM({c})' for c in cols)}, SUM(records) "
                   f"FROM crossing_daily GROUP BY {select_key}")
    db.executescript("".join(script))


@migrations(name="0007_sync_summaries")
def m0007_sync_summaries(db: Database) -> None:
    """What a coordinator needs to replace, never add up, repeated summaries from one device.

    ``summary_cells`` gains the cell's source (crossings or registrations), its measure
    (people by sex x age, or the number of households/groups: sex and age empty) and the
    bundle it came from. ``summary_coverage`` records which dates each received summary
    covers, so for every device and date only the newest summary's cells are kept.
    """
    db.execute("ALTER TABLE summary_cells ADD COLUMN source TEXT")
    db.execute("ALTER TABLE summary_cells ADD COLUMN measure TEXT")
    db.execute("ALTER TABLE summary_cells ADD COLUMN bundle_sha TEXT")
    db.execute("CREATE INDEX summary_cells_date ON summary_cells(count_date)")
    db["summary_coverage"].create({
        "bundle_sha": str, "device_id": str, "device_name": str, "organisation": str,
        "date_from": str, "date_to": str, "created_at": str, "received_at": str, "cells": int,
    }, pk="bundle_sha")
    db.execute("CREATE INDEX summary_coverage_device ON summary_coverage(device_id, date_from, date_to)")


@migrations(name="0008_flow_rollup_indexes")
def m0008_flow_rollup_indexes(db: Database) -> None:
    """Covering indexes for the chart queries (bench/charts.py): each one reads an index in the order
    it groups by, never the table rows, so a redraw over millions of crossing counts stays short."""
    db.execute("CREATE INDEX crossing_point_daily_cover ON crossing_point_daily"
               "(count_date, crossing_pcode, direction, origin_adm1, total)")
    db.execute("CREATE INDEX crossing_monthly_routes ON crossing_monthly"
               "(origin_adm1, crossing_pcode, destination_adm1, direction, month, total)")


@migrations(name="0009_drafts")
def m0009_drafts(db: Database) -> None:
    """Unsaved form contents, kept (encrypted, like everything here) so a crash or power cut loses
    nothing a registrar typed. Local scratch: neither audited nor synced."""
    db["drafts"].create({"key": str, "payload": str, "saved_at": str, "user": str}, pk="key")


@migrations(name="0010_change_log_user")
def m0010_change_log_user(db: Database) -> None:
    """The user who made each change travels with it, so a record created or edited by sync names
    the person who wrote it on every device. Changes made here before this version take the user
    from their audit row (changes received by sync before it stay without one)."""
    db.execute("ALTER TABLE change_log ADD COLUMN user TEXT")
    db.execute("UPDATE change_log SET user = (SELECT a.user FROM audit_log a WHERE a.change_seq = change_log.seq "
               "AND a.action != 'sync' ORDER BY a.id LIMIT 1)")


@migrations(name="0011_accounts")
def m0011_accounts(db: Database) -> None:
    """The people who sign in here and their roles. Their passphrases are not here: each account's
    locked copy of the database key is in the key file beside the database (tracker/store/keys.py).
    A removed account keeps its row (``removed_at``), so its name in old audit rows still means someone.
    Local to this database: accounts are not synced."""
    db["accounts"].create({"name": str, "role": str, "created_at": str, "created_by": str, "removed_at": str,
                           "removed_by": str}, pk="name", not_null={"role", "created_at"})


@migrations(name="0015_audit_chain")
def m0015_audit_chain(db: Database) -> None:
    """Each audit row holds the hash of the row before it (tracker/store/audit_chain.py), so a row
    changed, deleted, moved or slipped in afterwards shows in ``dtrack check``. Rows written before
    this version are chained now, in id order."""
    from . import audit_chain

    db.execute("ALTER TABLE audit_log ADD COLUMN prev_hash TEXT")
    db.execute("ALTER TABLE audit_log ADD COLUMN hash TEXT")
    audit_chain.rechain(db.conn)


@migrations(name="0012_origin_signatures")
def m0012_origin_signatures(db: Database) -> None:
    """Changes are signed by the device that made them, in batches of consecutive change numbers
    (tracker/sync/attest.py); a batch's signature is kept with it here and travels unchanged when
    a peer relays the changes. ``origin_keys`` holds the signing keys of origin devices that are
    not peers of this one, each learnt from (vouched for by) the trusted peer that first sent its
    changes."""
    db["change_batches"].create({"origin_device": str, "first_seq": int, "last_seq": int, "signature": str},
                                pk=("origin_device", "first_seq"), not_null={"last_seq", "signature"})
    db["origin_keys"].create({"device_id": str, "sign_key": str, "vouched_by": str, "first_seen": str},
                             pk="device_id", not_null={"sign_key"})


@migrations(name="0013_matching")
def m0013_matching(db: Database) -> None:
    """Duplicate matching (tracker/matching). ``match_keys``: blocking keys (sound keys of the given
    and family or father's names with a birth-year bucket), so finding the candidates for a
    record is an index lookup, never a scan. ``match_index``: what each indexed record
    contributed (to take it back when the record changes). ``match_terms``: how many people
    carry each name key, spelling and origin (rare names weigh more). These three are derived
    here from the records. ``match_queue``: the pairs waiting for a supervisor's review (local).
    A supervisor's decisions are fields of the records, so they are audited and synced like any
    change: ``merged_into`` (this record is the same as that one, which survives) and
    ``match_apart`` (the ids of records decided not to be the same as this one). Family tracing:
    ``households.missing_members``, the members a household reports missing or separated (JSON)."""
    db.executescript("""
    CREATE TABLE match_keys (tbl TEXT NOT NULL, key TEXT NOT NULL, record_id TEXT NOT NULL,
                             PRIMARY KEY (tbl, key, record_id)) WITHOUT ROWID;
    CREATE TABLE match_index (record_id TEXT PRIMARY KEY, tbl TEXT NOT NULL, keys TEXT, terms TEXT) WITHOUT ROWID;
    CREATE TABLE match_terms (grp TEXT NOT NULL, term TEXT NOT NULL, n INTEGER NOT NULL,
                              PRIMARY KEY (grp, term)) WITHOUT ROWID;
    CREATE TABLE match_queue (tbl TEXT NOT NULL, id_a TEXT NOT NULL, id_b TEXT NOT NULL, score REAL NOT NULL,
                              reasons TEXT, state TEXT NOT NULL DEFAULT 'open', found_at TEXT,
                              PRIMARY KEY (tbl, id_a, id_b)) WITHOUT ROWID;
    CREATE INDEX match_queue_state ON match_queue(tbl, state, score);
    ALTER TABLE persons ADD COLUMN merged_into TEXT;
    ALTER TABLE households ADD COLUMN merged_into TEXT;
    ALTER TABLE persons ADD COLUMN match_apart TEXT;
    ALTER TABLE households ADD COLUMN match_apart TEXT;
    ALTER TABLE households ADD COLUMN missing_members TEXT;
    """)


@migrations(name="0016_match_cards")
def m0016_match_cards(db: Database) -> None:
    """``match_index.card``: what an entry check compares of a person (names, sex, birth, the
    household's date and origin), so a check reads one short row per candidate. Rows indexed
    before have none and are read from the persons table until they are indexed again."""
    db.execute("ALTER TABLE match_index ADD COLUMN card TEXT")
