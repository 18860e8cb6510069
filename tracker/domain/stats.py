"""Record counts and the database health check behind ``dtrack stats`` and ``dtrack check``."""

from __future__ import annotations

from tracker.store import audit_chain, schema

_TABLES = ("households", "persons", "movements", "crossing_counts", "locations")


def counts(store) -> dict[str, int]:
    out: dict[str, int] = {}
    q = store.conn.execute
    for t in _TABLES:
        out[t] = q(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
    out["households (pre-registered)"] = q("SELECT count(*) FROM households WHERE deleted = 0 AND mode = 'pre'").fetchone()[0]
    out["people in households"] = q("SELECT COALESCE(SUM(total), 0) FROM households WHERE deleted = 0").fetchone()[0]
    out["demo data (invented people)"] = "yes" if store.meta().get("demo_data") == "yes" else "no"
    out["people counted at crossings"] = q("SELECT COALESCE(SUM(total), 0) FROM crossing_daily").fetchone()[0]
    out["deleted records (tombstones)"] = sum(q(f"SELECT count(*) FROM {t} WHERE deleted = 1").fetchone()[0] for t in _TABLES)
    out["change-log rows"] = q("SELECT count(*) FROM change_log").fetchone()[0]
    out["audit-log rows"] = q("SELECT count(*) FROM audit_log").fetchone()[0]
    return out


def check(store) -> dict:
    """Integrity of the file, the schema version, and agreement of records, change log and audit log."""
    lines, ok = [], True
    q = store.conn.execute
    integrity = [r[0] for r in q("PRAGMA integrity_check")]
    good = integrity == ["ok"]
    ok &= good
    lines.append("integrity: ok" if good else "integrity: FAILED: " + "; ".join(integrity[:5]))
    fk = q("PRAGMA foreign_key_check").fetchall()
    ok &= not fk
    lines.append("foreign keys: ok" if not fk else f"foreign keys: {len(fk)} broken references")
    applied = schema.applied_names_in(store.conn)
    current = applied == schema.migration_names()
    ok &= current
    lines.append(f"schema: {applied[-1] if applied else 'none'} ({len(applied)} of {schema.latest_version()} migrations)"
                 + ("" if current else " — NOT CURRENT"))
    orphan_changes = q("SELECT count(*) FROM change_log c WHERE c.origin_device = ? AND NOT EXISTS "
                       "(SELECT 1 FROM audit_log a WHERE a.change_seq = c.seq)", (store.device_id,)).fetchone()[0]
    orphan_audit = q("SELECT count(*) FROM audit_log a WHERE a.change_seq IS NOT NULL AND NOT EXISTS "
                     "(SELECT 1 FROM change_log c WHERE c.seq = a.change_seq)").fetchone()[0]
    unlogged = 0
    for t in _TABLES:
        unlogged += q(f"SELECT count(*) FROM {t} r WHERE r.created_by != 'shipped' AND NOT EXISTS "
                      f"(SELECT 1 FROM change_log c WHERE c.table_name = '{t}' AND c.record_id = r.id)").fetchone()[0]
    audit_ok = not (orphan_changes or orphan_audit or unlogged)
    ok &= audit_ok
    lines.append("audit log: ok" if audit_ok else
                 f"audit log: {orphan_changes} local changes without audit rows, {orphan_audit} audit rows without "
                 f"changes, {unlogged} records without change-log rows")
    gaps = q("SELECT COUNT(*), MAX(origin_seq) FROM change_log WHERE origin_device = ?", (store.device_id,)).fetchone()
    seq_ok = (gaps[0] or 0) == (gaps[1] or 0)
    ok &= seq_ok
    lines.append("change numbering: ok" if seq_ok else f"change numbering: {gaps[0]} changes but last number {gaps[1]}")
    chain = audit_chain.verify(store.conn)
    ok &= chain["ok"]
    if chain["ok"]:
        lines.append(f"audit chain: ok ({chain['rows']} rows), head {chain['head']}")
    else:
        lines.append(f"audit chain: BROKEN at row {chain['problem']['row']}: {chain['problem']['message']}")
    lines.append(f"device: {store.device_name} ({store.device_id})")
    return {"ok": bool(ok), "lines": lines, "chain": chain}
