"""Pushing summaries to a real PostgreSQL hub: the same figures and the same export file as the local
consolidation of the same bundles; the replacement rule; re-pushes change nothing; bundles that a
coordinator does not trust, or that were altered, push nothing. Server: tests/core/hub_server.py."""

from __future__ import annotations

import itertools
import random
import re

import psycopg
import pytest
from openpyxl import load_workbook

from tests.core import consolidated_field, hub_field
from tests.core.hub_server import blank_dsn, hub, hub_dsn, pg_admin_dsn  # noqa: F401 (fixtures)
from tests.core.sync_devices import new_device
from tracker.exchange import export as local_export
from tracker.hub import export as hub_export
from tracker.hub import push, schema, snapshot
from tracker.hub.connection import HubError
from tracker.sync import identity, summary_bundle
from tracker.sync.errors import BundleDamaged, UnknownSigner


@pytest.fixture(scope="module")
def field(tmp_path_factory):
    """A coordinator that imported every bundle locally (the reference), and the bundles."""
    folder = tmp_path_factory.mktemp("hubfield")
    coord, paths = hub_field.build(folder)
    for p in paths:
        summary_bundle.import_summary(coord, p)
    yield coord, paths
    coord.close()


def cells_table(conn) -> list[tuple]:
    """Every cell the hub keeps, with the summary it came from: what must converge."""
    return conn.execute("SELECT device_id, count_date, source, admin_pcode, crossing_pcode, direction, measure, sex, "
                        "age_bracket, value, bundle_sha FROM hub.cells ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9").fetchall()


def test_the_hub_holds_what_the_local_consolidation_holds(field, hub):
    coord, paths = field
    results = push.push_files(hub, coord, paths)
    assert all(r["new"] for r in results) and [r["sender"] for r in results][:3] == ["tripoli"] * 3
    assert snapshot.consolidated(hub) == summary_bundle.consolidated(coord)
    assert snapshot.export_rows(hub, period="week") == _local_rows(coord, "week")
    crossings_in = sum(c["individuals"] for c in snapshot.consolidated(hub) if c["source"] == "crossings")
    # tripoli 12 + 7 + 9 (03-10 deleted, 03-08's later edit never sent), akkar 5 + 7 + 2, halba 5 + 8
    assert crossings_in == 28 + 14 + 13


def _local_rows(coord, period):
    from tracker.sync.consolidated import export_rows

    return export_rows(coord, period=period)


@pytest.mark.parametrize("threshold,period", [(0, "day"), (5, "day"), (5, "week")])
def test_the_hub_export_is_the_local_export(field, hub, tmp_path, threshold, period):
    coord, paths = field
    push.push_files(hub, coord, paths)
    local, remote = tmp_path / "local.csv", tmp_path / "hub.csv"
    a = local_export.export(coord, "consolidated", local, threshold=threshold, period=period)
    b = hub_export.export(hub, remote, threshold=threshold, period=period)
    assert remote.read_bytes() == local.read_bytes()
    assert (b["rows"], b["suppressed"]) == (a["rows"], a["suppressed"])
    if threshold:
        assert b["suppressed"] > 0  # small cells really were hidden, the same ones


def test_the_hub_xlsx_sheet_is_the_local_one(field, hub, tmp_path):
    coord, paths = field
    push.push_files(hub, coord, paths)
    local_export.export(coord, "consolidated", tmp_path / "l.xlsx", "xlsx", date_from="2025-03-09",
                        date_to="2025-03-10")
    hub_export.export(hub, tmp_path / "h.xlsx", "xlsx", date_from="2025-03-09", date_to="2025-03-10")
    sheets = [list(load_workbook(tmp_path / f)["consolidated"].iter_rows(values_only=True)) for f in ("l.xlsx", "h.xlsx")]
    assert sheets[0] == sheets[1] and len(sheets[0]) > 3
    meta = dict(load_workbook(tmp_path / "h.xlsx")["metadata"].iter_rows(values_only=True))
    assert meta["personal_data"] == "no" and "tripoli (NGO A)" in meta["reporting_devices"]


def test_any_order_and_repeats_give_the_same_table(field, hub_dsn):
    coord, paths = field
    summaries = [push.read_summary(coord, p) for p in paths]
    tables = set()
    rng = random.Random(17)
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        for order in [list(summaries), list(reversed(summaries)), *(rng.sample(summaries, len(summaries))
                                                                     for _ in range(3))]:
            conn.execute("TRUNCATE hub.cells, hub.summaries, hub.offices")
            for s in order + rng.sample(order, 4):  # and some again
                push.push_summary(conn, s, coord.device_id)
            tables.add(tuple(cells_table(conn)))
            assert snapshot.consolidated(conn) == summary_bundle.consolidated(coord)
    assert len(tables) == 1


def test_a_newer_summary_replaces_an_older_one_and_a_late_older_one_changes_nothing(field, hub):
    coord, paths = field
    by_name = {p.stem: push.read_summary(coord, p) for p in paths}
    first = push.push_summary(hub, by_name["a2-0309-0311"], coord.device_id)
    # 03-09: 7 men out + their group, a household of 3 registered (2 values + 1 household); 03-11: 6 girls + group
    assert first == {"new": True, "replaced": 0, "stored": 7}
    newer = push.push_summary(hub, by_name["a3-0311"], coord.device_id)
    assert newer["replaced"] == 2 and newer["stored"] == 2  # 03-11: 6 people and 1 group become 9 and 1
    late = push.push_summary(hub, by_name["a1-snapshot"], coord.device_id)
    assert late["new"] and late["stored"] == 3  # only 03-08 (m_0_4 2, f_18_59 10, 1 group): newer ones cover the rest
    again = push.push_summary(hub, by_name["a1-snapshot"], coord.device_id)
    assert again == {"new": False, "replaced": 0, "stored": 0}
    rows = {(r[1].isoformat(), r[6], r[7], r[8]): r[9] for r in cells_table(hub)}
    assert rows[("2025-03-11", "people", "f", "0_4")] == 9 and rows[("2025-03-09", "people", "m", "18_59")] == 7
    assert not any(day == "2025-03-10" for day, *_ in rows)  # the deleted count is gone, not kept from the snapshot


def test_nothing_personal_reaches_the_hub(field, hub):
    """Registrations carry a head's name in the offices' databases; the hub holds counts, codes, dates
    and the offices' own names only. Every text value of every hub table is checked."""
    coord, paths = field
    push.push_files(hub, coord, paths)
    columns = hub.execute("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'hub' "
                          "AND table_name IN ('offices', 'summaries', 'cells', 'places') ORDER BY 1, 2").fetchall()
    assert {c for t, c in columns if t == "cells"} == {
        "device_id", "count_date", "source", "admin_pcode", "crossing_pcode", "direction", "measure", "sex",
        "age_bracket", "value", "created_at", "bundle_sha"}
    texts = set()
    for table in ("offices", "summaries", "cells"):
        for row in hub.execute(f"SELECT * FROM hub.{table}"):
            texts.update(str(v) for v in row if isinstance(v, str))
    assert not any("سعاد" in t for t in texts)
    allowed = [r"[A-Za-z0-9_-]*",  # codes, ids, hashes, sexes, age brackets, directions, sources
               r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z",  # the senders' creation times
               r"([0-9A-F]{4} ){7}[0-9A-F]{4}",  # key fingerprints
               "tripoli|akkar|halba|NGO A|NGO B"]  # the offices' own names and organisations
    other = {t for t in texts if not any(re.fullmatch(p, t) for p in allowed)}
    assert other == set()


def test_only_offices_the_coordinator_trusts_and_intact_bundles_are_pushed(field, hub, tmp_path):
    coord, paths = field
    stranger = new_device(tmp_path, "stranger", organisation="Unknown")
    identity.add_peer(stranger, identity.own_identity(coord))  # it knows the coordinator; not the other way round
    consolidated_field.count(stranger, "2025-03-08", "XLB-ABD", "in", "SY06", {"f_18_59": 40})
    unknown = tmp_path / "stranger.dtb"
    summary_bundle.export_summary(stranger, unknown, for_device=coord.device_id)
    stranger.close()
    altered = tmp_path / "altered.dtb"
    raw = bytearray(paths[0].read_bytes())
    raw[-100] ^= 0x01
    altered.write_bytes(bytes(raw))
    results = push.push_files(hub, coord, [unknown, altered, paths[3]])
    assert "does not trust" in results[0]["error"] and "altered or damaged" in results[1]["error"]
    assert results[2]["new"]
    assert [r[0] for r in hub.execute("SELECT name FROM hub.offices")] == ["akkar"]
    with pytest.raises(UnknownSigner):
        push.read_summary(coord, unknown)
    with pytest.raises(BundleDamaged):
        push.read_summary(coord, altered)


def test_a_device_id_signed_with_another_key_is_refused(field, hub):
    coord, paths = field
    s = push.read_summary(coord, paths[0])
    push.push_summary(hub, s, coord.device_id)
    forged = push.Summary(**{**s.__dict__, "sha256": "f" * 64, "fingerprint": "0000 1111", "created_at": "2099"})
    with pytest.raises(HubError, match="fingerprint"):
        push.push_summary(hub, forged, coord.device_id)
    assert hub.execute("SELECT COUNT(*) FROM hub.summaries").fetchone()[0] == 1  # nothing of it stayed


def test_init_is_numbered_and_repeatable(blank_dsn):
    with psycopg.connect(blank_dsn, autocommit=True) as conn:
        with pytest.raises(HubError, match="not a hub yet"):
            schema.check(conn)
        assert schema.init(conn) == [name for _, name, _ in schema.MIGRATIONS]
        assert schema.init(conn) == []
        assert schema.version(conn) == schema.LATEST
        conn.execute("INSERT INTO hub.migrations (number, name) VALUES (%s, 'from the future')", (schema.LATEST + 1,))
        with pytest.raises(HubError, match="newer version"):
            schema.check(conn)


def test_sizes_are_small_and_the_pairs_are_all_pushed(field):
    """The scenario covers what the rule has to get right (guards the fixture itself)."""
    _, paths = field
    assert len(paths) == 8
    assert len(set(itertools.chain(p.stem[0] for p in paths))) == 3
