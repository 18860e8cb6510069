"""Pushing verified summaries into the hub: one transaction per bundle, every write a single SQL
statement, so concurrent pushers never lose or double-count a cell.

The rule is the local store's (``tracker.sync.summary_bundle.import_summary``): for every office and
date the hub keeps only the cells of that office's newest summary covering the date ("newest" =
greatest (created_at, bundle sha)). A push
  1. upserts the office row. Its row lock serialises pushes *of the same office* (steps 3-4 look at
     that office's other summaries); different offices push in parallel;
  2. records the summary (``ON CONFLICT DO NOTHING``: a re-push is a no-op);
  3. deletes that office's cells from older summaries on the dates this one covers;
  4. inserts this summary's cells except on dates a newer summary of the office already covers,
     ``ON CONFLICT (device, date, cell) DO UPDATE … WHERE`` the incoming version is newer.
Whatever the order of arrival, and with duplicates, every (office, date) ends with the cells of the
newest summary covering it: the same table.
"""

from __future__ import annotations

from tracker.domain import model
from tracker.errors import Progress, TrackerError
from .connection import HubError, refused
from .schema import check
from .verify import Summary, read_summary

_CELL_COLUMNS = "device_id, count_date, source, admin_pcode, crossing_pcode, direction, measure, sex, age_bracket"


def value_rows(summary: Summary) -> list[tuple]:
    """The summary's non-zero values, one per (date, cell, measure, sex, age): how the hub stores them."""
    rows = []
    for cell in summary.cells:
        source, day, admin, crossing, direction = cell[:5]
        households, counts = cell[5], cell[6:]
        if households:
            rows.append((day, source, admin, crossing, direction, "households", "", "", households))
        for field, n in zip(model.COUNT_FIELDS, counts):
            if n:
                sex, age = field.split("_", 1)
                rows.append((day, source, admin, crossing, direction, "people", sex, age, n))
    return rows


def push_summary(conn, summary: Summary, pushed_by: str) -> dict:
    """Upsert one verified summary (its own transaction). Returns what happened to it."""
    s = summary
    version = (s.created_at, s.sha256)
    with conn.transaction():
        held = conn.execute(
            "INSERT INTO hub.offices AS o (device_id, name, organisation, fingerprint, named_at) "
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (device_id) DO UPDATE SET "
            "name = CASE WHEN excluded.named_at > o.named_at THEN excluded.name ELSE o.name END, "
            "organisation = CASE WHEN excluded.named_at > o.named_at THEN excluded.organisation ELSE o.organisation END, "
            "named_at = GREATEST(o.named_at, excluded.named_at), last_pushed_at = now() "
            "RETURNING fingerprint", (s.device_id, s.name, s.organisation, s.fingerprint, s.created_at)).fetchone()[0]
        if held != s.fingerprint:
            raise HubError(f"the summary from {s.name!r} ({s.device_id}) is signed with fingerprint {s.fingerprint}, but "
                           f"this hub holds that device with fingerprint {held}; nothing was pushed — check with that "
                           "office and with the coordinator who pushed its earlier summaries", device_id=s.device_id)
        new = conn.execute(
            "INSERT INTO hub.summaries (bundle_sha, device_id, organisation, date_from, date_to, created_at, cells, "
            "pushed_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (bundle_sha) DO NOTHING",
            (s.sha256, s.device_id, s.organisation, s.date_from, s.date_to, s.created_at, len(s.cells),
             pushed_by)).rowcount
        if not new:
            return {"new": False, "replaced": 0, "stored": 0}
        replaced = conn.execute(
            "DELETE FROM hub.cells WHERE device_id = %s AND count_date BETWEEN %s AND %s "
            "AND (created_at, bundle_sha) < (%s, %s)", (s.device_id, s.date_from, s.date_to, *version)).rowcount
        rows = value_rows(s)
        columns = list(zip(*rows)) if rows else [[] for _ in range(9)]
        stored = conn.execute(
            f"INSERT INTO hub.cells ({_CELL_COLUMNS}, value, created_at, bundle_sha) "
            "SELECT %s, v.*, %s, %s FROM unnest(%s::date[], %s::text[], %s::text[], %s::text[], %s::text[], "
            "%s::text[], %s::text[], %s::text[], %s::int[]) AS v(count_date, source, admin_pcode, crossing_pcode, "
            "direction, measure, sex, age_bracket, value) "
            "WHERE NOT EXISTS (SELECT 1 FROM hub.summaries n WHERE n.device_id = %s "
            "AND v.count_date BETWEEN n.date_from AND n.date_to AND (n.created_at, n.bundle_sha) > (%s, %s)) "
            f"ON CONFLICT ({_CELL_COLUMNS}) DO UPDATE SET value = excluded.value, created_at = excluded.created_at, "
            "bundle_sha = excluded.bundle_sha "
            "WHERE (excluded.created_at, excluded.bundle_sha) > (hub.cells.created_at, hub.cells.bundle_sha)",
            (s.device_id, *version, *[list(c) for c in columns], s.device_id, *version)).rowcount
    return {"new": True, "replaced": replaced, "stored": stored}


def push_places(conn, locations: dict) -> int:
    """The coordinator's gazetteer (P-codes, levels, parents, names), for the export's names and
    governorates. Rows already equal are left alone. Returns how many changed."""
    rows = [(p, loc.get("level"), loc.get("parent"), loc.get("name_en"), loc.get("name_ar"), loc.get("kind"))
            for p, loc in sorted(locations.items())]
    cols = list(zip(*rows)) if rows else [[] for _ in range(6)]
    with conn.transaction():
        return conn.execute(
            "INSERT INTO hub.places AS p (pcode, level, parent, name_en, name_ar, kind) "
            "SELECT * FROM unnest(%s::text[], %s::int[], %s::text[], %s::text[], %s::text[], %s::text[]) "
            "ON CONFLICT (pcode) DO UPDATE SET level = excluded.level, parent = excluded.parent, "
            "name_en = excluded.name_en, name_ar = excluded.name_ar, kind = excluded.kind "
            "WHERE (p.level, p.parent, p.name_en, p.name_ar, p.kind) IS DISTINCT FROM "
            "(excluded.level, excluded.parent, excluded.name_en, excluded.name_ar, excluded.kind)",
            [list(c) for c in cols]).rowcount


def push_files(conn, coordinator, paths, *, progress=None, cancelled=None) -> list[dict]:
    """Verify each bundle with the coordinator's database and push it. A bundle that fails
    verification is reported and pushes nothing; the others still go (each is its own transaction).
    Returns one dict per file: ``path``, ``sender``, ``new``, ``stored``, ``replaced`` or ``error``.
    A refusal by the server (no push role, connection lost) stops the whole run with HubError."""
    import psycopg

    try:
        return _push_files(conn, coordinator, paths, Progress(progress, cancelled))
    except psycopg.Error as exc:
        raise refused(exc, "push") from exc


def _push_files(conn, coordinator, paths, ticker) -> list[dict]:
    with conn.transaction():
        check(conn)
    places_pushed = False  # only with the first summary that passes: a run refused whole writes nothing
    out = []
    for i, path in enumerate(paths, start=1):
        try:
            summary = read_summary(coordinator, path)
            if not places_pushed:
                push_places(conn, coordinator.locations())
                places_pushed = True
            result = push_summary(conn, summary, coordinator.device_id)
            out.append({"path": str(path), "sender": summary.name or summary.device_id, **result})
        except TrackerError as exc:  # a bad or untrusted file is reported; the next one still goes
            out.append({"path": str(path), "error": str(exc)})
        ticker.tick(i, len(paths))
    return out
