"""Imports of Kobo/ODK-style files: delimiters, encodings, group prefixes, HXL tags, profiles,
all-or-nothing vs keep-valid, the error report, de-duplication and the command line."""

import csv
import json

import pytest

from tracker.cli import main as cli
from tracker.store import records
from tracker.exchange import importer, mapping
from tracker.exchange.errors import FileFormatError, MappingError

KOBO_HOUSEHOLDS = (
    "start;end;group_head/head_name;group_head/phone;group_origin/origin;group_origin/village;today;"
    "group_counts/female_0_4;group_counts/male_18_59;group_counts/female_18_59;meta/instanceID;_id;_uuid;"
    "_submission_time;_index\n"
    "2025-03-10T08:00;2025-03-10T08:20;أحمد سليمان;+961 70 111222;SY0602;;2025-03-10;1;1;1;uuid:aaa-1;101;"
    "aaa-1;2025-03-10T09:00;1\n"
    "2025-03-11T08:00;2025-03-11T08:20;Khaled Issa;;unknown;Ain Shams;2025-03-11;0;2;0;uuid:aaa-2;102;"
    "aaa-2;2025-03-11T09:00;2\n")


def _write(path, text, encoding="utf-8-sig"):
    path.write_bytes(text.encode(encoding))
    return path


def _count(store, table):
    return store.conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]


def test_kobo_households_semicolon_bom_and_group_prefixes(store, tmp_path):
    src = _write(tmp_path / "kobo.csv", KOBO_HOUSEHOLDS)
    result = importer.import_file(store, src, "households")
    assert (result.rows, result.imported, result.errors) == (2, 2, [])
    rows = store.conn.execute("SELECT head_name_ar, contact_phone, origin_pcode, origin_village, mode, source_id, "
                              "f_0_4, m_18_59, total, origin_adm1 FROM households ORDER BY registration_date").fetchall()
    assert rows[0] == ("أحمد سليمان", "+961 70 111222", "SY0602", None, "pre", "aaa-1", 1, 1, 3, "SY06")
    assert rows[1][2:6] == ("unknown", "Ain Shams", "pre", "aaa-2")
    # importing the same file again adds nothing
    again = importer.import_file(store, src, "households")
    assert (again.imported, again.duplicates, _count(store, "households")) == (0, 2, 2)
    audit = store.conn.execute("SELECT detail FROM audit_log WHERE action = 'import' AND record_id IS NULL "
                          "ORDER BY id").fetchall()
    assert [json.loads(d)["imported"] for (d,) in audit] == [2, 0]


def test_kobo_repeat_group_persons_link_to_their_household(store, tmp_path):
    _write(tmp_path / "hh.csv", "today,head_name,origin,_uuid\n2025-03-12,Yusuf Hassan,SY1002,hh-9\n")
    assert importer.import_file(store, tmp_path / "hh.csv", "households").imported == 1
    members = _write(tmp_path / "members.csv",
                     "member/name,member/gender,member/age,member/relation,_submission__uuid,_index,_parent_index\n"
                     "Yusuf,male,40,head,hh-9,1,1\nMaryam,Female,35,spouse,hh-9,2,1\nSara,f,4,child,hh-9,3,1\n")
    result = importer.import_file(store, members, "persons")
    assert (result.imported, result.errors) == (3, [])
    hh = store.conn.execute("SELECT mode, total, m_18_59, f_18_59, f_0_4, member_count FROM households").fetchone()
    assert hh == ("full", 3, 1, 1, 1, 3)
    again = importer.import_file(store, members, "persons")
    assert again.imported == 0 and again.errors == [] and _count(store, "persons") == 3


def test_crossings_by_hxl_tags_tab_delimited_utf16(store, tmp_path):
    text = ("Observation\tPoint\tWay\tWomen\tMen\tGirls 0-4\tOrigin gov\n"
            "#date+reported\t#loc+code\t#x_direction\t#affected+idps+f+age18_59\t#affected+idps+m+age18_59\t"
            "#affected+f+idps+age0_4\t#adm1+origin+code\n"
            "2025-03-08 07:30\tXLB-ABD\tentry\t4\t3\t1\tSY06\n"
            "2025-03-08T09:00\tXLB-MSN\tout\t0\t2\t0\t\n")
    src = _write(tmp_path / "fmr.tsv", text, "utf-16")
    preview = importer.preview(src, "crossings")
    assert preview["delimiter"] == "\t" and preview["missing"] == []
    assert preview["mapping"] == ["counted_at", "crossing_pcode", "direction", "f_18_59", "m_18_59", "f_0_4",
                                  "origin_adm1"]
    result = importer.import_file(store, src, "crossings")
    assert (result.imported, result.errors) == (2, [])
    got = store.conn.execute("SELECT counted_at, direction, total, origin_pcode, origin_adm1 FROM crossing_counts "
                             "ORDER BY counted_at").fetchall()
    assert got == [("2025-03-08T07:30", "in", 8, "SY06", "SY06"), ("2025-03-08T09:00", "out", 2, None, None)]
    assert store.conn.execute("SELECT SUM(total) FROM crossing_daily").fetchone()[0] == 10


def test_bad_encoding_is_a_clear_error_and_a_named_encoding_works(store, tmp_path):
    text = "today,head_name,origin,female_18_59\n2025-03-10,أحمد,SY0602,1\n"
    src = tmp_path / "ansi.csv"
    src.write_bytes(text.encode("cp1256"))
    with pytest.raises(FileFormatError) as err:
        importer.import_file(store, src, "households")
    assert "row 2" in str(err.value) and "UTF-8" in str(err.value) and "cp1256" in str(err.value)
    assert _count(store, "households") == 0
    result = importer.import_file(store, src, "households", encoding="cp1256")
    assert result.imported == 1
    assert store.conn.execute("SELECT head_name_ar FROM households").fetchone()[0] == "أحمد"


def test_not_a_table_is_refused(store, tmp_path):
    fake = tmp_path / "photo.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(FileFormatError, match="XLSX"):
        importer.import_file(store, fake, "crossings")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(FileFormatError, match="header"):
        importer.import_file(store, empty, "crossings")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"a,b\x00\x01\x02\n")
    with pytest.raises(FileFormatError, match="binary"):
        importer.import_file(store, binary, "crossings")


CROSSINGS = ("counted_at,crossing_pcode,direction,f_18_59,m_18_59,source_id\n"
             "2025-03-08T07:30,XLB-ABD,in,3,2,s1\n"
             "2025-03-08T07:45,NOWHERE,in,3,2,s2\n"
             "2031-01-01T07:45,XLB-ABD,sideways,-1,2,s3\n"
             "2025-03-08T08:00,XLB-ABD,in,1,1,s4\n")


def test_all_or_nothing_by_default_with_an_error_report(store, tmp_path):
    src = _write(tmp_path / "c.csv", CROSSINGS)
    report = tmp_path / "report.csv"
    result = importer.import_file(store, src, "crossings", report=report)
    assert not result.committed and result.imported == 0 and result.valid == 2
    assert _count(store, "crossing_counts") == 0
    assert result.summary().startswith(f"2 of 4 rows rejected, see {report}")
    with open(report, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.DictReader(fh))
    assert {(ln["row"], ln["column"], ln["value"]) for ln in lines} == {
        ("3", "crossing_pcode", "NOWHERE"), ("4", "counted_at", "2031-01-01T07:45"),
        ("4", "direction", "sideways"), ("4", "f_18_59", "'-1")}  # neutralised for Excel
    assert all(ln["reason"] for ln in lines)


def test_keep_valid_imports_the_good_rows(store, tmp_path):
    src = _write(tmp_path / "c.csv", CROSSINGS)
    result = importer.import_file(store, src, "crossings", keep_valid=True)
    assert result.committed and result.imported == 2 and result.rejected == 2
    assert result.report_path == str(tmp_path / "c.errors.csv")
    assert sorted(r[0] for r in store.conn.execute("SELECT source_id FROM crossing_counts")) == ["s1", "s4"]
    # each imported record is audited and change-logged like any other write
    n = store.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'import' AND table_name = "
                           "'crossing_counts' AND record_id IS NOT NULL").fetchone()[0]
    assert n == 2 and len(records.history(store, "crossing_counts", store.conn.execute(
        "SELECT id FROM crossing_counts LIMIT 1").fetchone()[0])) == 1


def test_mapping_profiles_from_a_file_and_the_database(store, tmp_path):
    src = _write(tmp_path / "odd.csv", "Quand,Où,Sens,Adultes F\n2025-03-08T10:00,XLB-ABD,in,2\n")
    with pytest.raises(MappingError, match="counted_at"):
        importer.import_file(store, src, "crossings")
    profile = {"kind": "crossings", "columns": {"Quand": "counted_at", "Où": "crossing_pcode", "Sens": "direction",
                                                "Adultes F": "f_18_59"}}
    mapping.save_profile_file(tmp_path / "map.json", profile)
    loaded = mapping.load_profile_file(tmp_path / "map.json")
    assert importer.import_file(store, src, "crossings", profile=loaded).imported == 1
    mapping.save_profile(store, "French FMR", loaded)
    assert mapping.profiles(store, "crossings") == ["French FMR"]
    assert mapping.load_profile(store, "French FMR") == profile
    with pytest.raises(MappingError, match="unknown field"):
        mapping.apply_profile("crossings", ["a"], None, {"columns": {"a": "shoe_size"}})


def test_header_normalisation_and_priorities():
    assert mapping.normalise_header("\ufeffgroup_x/Female 0-4 ") == "female_0_4"
    assert mapping.normalise_header("_submission__uuid") == "_submission_uuid"
    mapped = mapping.auto_map("households", ["_id", "_uuid", "meta/instanceID", "Female 60+"])
    assert mapped == [None, "source_id", None, "f_60plus"]
    assert mapping.auto_map("households", ["_id"]) == ["source_id"]


@pytest.fixture
def cli_env(monkeypatch, passphrase):
    monkeypatch.setenv(cli.PASSPHRASE_ENV, passphrase)


def test_cli_import_exit_codes_and_summary(store, tmp_path, db_path, cli_env, capsys):
    store.close()
    src = _write(tmp_path / "c.csv", CROSSINGS)
    report = tmp_path / "r.csv"
    assert cli.main(["import", str(db_path), str(src), "--kind", "crossings", "--report", str(report)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"dtrack: error: 2 of 4 rows rejected, see {report}") and "\n" not in err
    assert cli.main(["import", str(db_path), str(src), "--kind", "crossings", "--keep-valid"]) == 1
    assert "2 imported" in capsys.readouterr().err
    good = _write(tmp_path / "good.csv", CROSSINGS.split("\n")[0] + "\n2025-03-09T07:30,XLB-ABD,in,3,2,s9\n")
    assert cli.main(["import", str(db_path), str(good), "--kind", "crossings"]) == 0
    assert "imported 1 of 1 rows" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        cli.main(["import", str(db_path), str(good), "--kind", "people"])
    assert usage.value.code == 2


def test_cli_export_personal_data_needs_confirmation(store, tmp_path, db_path, cli_env, capsys, monkeypatch):
    from .golden import sample

    sample.populate(store)
    store.close()
    out = tmp_path / "out" / "p.csv"
    out.parent.mkdir()
    monkeypatch.setattr("sys.stdin", None)
    assert cli.main(["export", str(db_path), "--what", "persons", "--out", str(out), "--pii"]) == 1
    assert "--confirm-pii" in capsys.readouterr().err and not out.exists()
    assert cli.main(["export", str(db_path), "--what", "persons", "--out", str(out), "--pii", "--confirm-pii"]) == 0
    assert "wrote 3 persons" in capsys.readouterr().out
    xlsx = tmp_path / "out" / "all.xlsx"
    assert cli.main(["export", str(db_path), "--what", "households,summary", "--out", str(xlsx),
                     "--suppress", "3", "--period", "week"]) == 0
    assert xlsx.exists()
    assert cli.main(["export", str(db_path), "--what", "households,summary", "--out", str(tmp_path / "x.csv")]) == 1
    with pytest.raises(SystemExit):
        cli.main(["export", str(db_path), "--what", "crossings", "--out", str(out), "--from", "8/3/2025"])
