"""``dtrack import`` with a partner's files: a folder, a ZIP, several files, the XLSForm; the
mapping printed and reported; a profile per partner form saved and used again."""

import csv

import pytest

from tracker.cli import main as cli

from . import partner_fixtures as pf

KOBO_HOUSEHOLDS = (  # the reported file: ";", group/field headers, an HXL row, columns we had no field for
    "start;end;today;group_head/head_name;group_origin/origin_governorate;group_origin/origin_district;"
    "group_move/destination_governorate;group_move/crossing_type;group_move/crossing_point;group_needs/specific_needs;"
    "group_counts/female_18_59;group_counts/male_18_59;group_counts/female_0_4;hh_size;_uuid;_index\n"
    "#date+start;#date+end;#date+reported;#x_head+name+i_ar;#adm1+origin+code;#adm2+origin+code;#adm1+dest+code;;"
    "#loc+x_crossing+code;;#affected+idps+f+age18_59;#affected+idps+m+age18_59;#affected+idps+f+age0_4;;#meta+source;\n"
    "2025-03-10T08:00;2025-03-10T08:20;2025-03-10;أحمد سليمان;SY06;SY0602;LB7;official;XLB-ARD;DS SM;1;1;1;3;k-1;1\n"
    "2025-03-11T08:00;2025-03-11T08:20;2025-03-11;خالد عيسى;SY99;SY0602;LB7;official;XLB-ARD;;4;4;4;44;k-2;2\n"
    "2025-03-11T08:00;2025-03-11T08:20;2025-03-11;سمير;SY10;SY0602;LB7;informal;XLB-ARD;;1;0;0;;k-3;3\n")


@pytest.fixture(autouse=True)
def cli_env(monkeypatch, passphrase):
    monkeypatch.setenv(cli.PASSPHRASE_ENV, passphrase)


def test_zip_with_a_saved_profile_per_form(db_path, store, tmp_path, capsys):
    store.close()
    src = pf.odk_central_zip(tmp_path / "hh_registration_lb.zip")
    report = tmp_path / "report.csv"
    args = ["import", str(db_path), str(src), "--report", str(report), "--save-profile", pf.FORM_ID]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert "hh_registration_lb.zip › hh_registration_lb.csv: households" in out
    assert "imported 4 households, 12 persons, 4 movements from 16 rows" in out
    with open(report, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["severity"] for r in rows} == {"info"}
    assert cli.main(["import", str(db_path), str(src), "--report", str(report)]) == 0
    assert "16 already present, skipped" in capsys.readouterr().out


def test_the_reported_kobo_households_file(db_path, store, tmp_path, capsys):
    store.close()
    src = tmp_path / "kobo.csv"
    src.write_bytes(KOBO_HOUSEHOLDS.encode("utf-8-sig"))
    report = tmp_path / "r.csv"
    code = cli.main(["import", str(db_path), str(src), "--kind", "households", "--report", str(report)])
    captured = capsys.readouterr()
    assert code == 1 and "2 of 3 rows rejected" in captured.err
    # the columns we cannot store are listed, not dropped without a word
    assert "not used: group_needs/specific_needs" in captured.out
    with open(report, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    errors = {(r["row"], r["column"], r["rule"]) for r in rows if r["severity"] == "error"}
    assert ("4", "group_origin/origin_governorate", "unknown_pcode") in errors  # SY99
    assert ("4", "hh_size", "size_disagree") in errors  # 44 beside counts that add up to 12
    assert ("5", "group_origin/origin_district", "admin_mismatch") in errors  # SY0602 is not in SY10
    assert ("5", "group_move/crossing_type", "crossing_type") in errors  # Arida is an official crossing
    mapped = {(r["column"], r["field"]) for r in rows if r["rule"] == "column_mapped"}
    assert {("group_move/destination_governorate", "destination_adm1"), ("group_move/crossing_type", "crossing_type"),
            ("group_move/crossing_point", "crossing_pcode")} <= mapped
    ignored = {r["column"]: r["reason"] for r in rows if r["rule"] == "column_ignored"}
    assert ignored["group_needs/specific_needs"] == "ignored: no matching field"
    assert ignored["start"] == "ignored: form metadata"


def test_a_plain_households_file_still_reads_in_a_second_process(db_path, store, tmp_path, capsys, monkeypatch):
    from tracker.exchange import importer
    from tracker.store import childproc

    store.close()
    started = []
    real = childproc.stream
    monkeypatch.setattr(importer, "CHILD_MIN_BYTES", 0)
    monkeypatch.setattr(importer.childproc, "stream", lambda *a, **k: started.append(a[0]) or real(*a, **k))
    src = tmp_path / "hh.csv"
    src.write_text("today,head_name,origin,female_18_59,remarks_extra,_uuid\n"
                   "2025-03-10,أحمد,SY0602,2,x,u-1\n2025-03-11,خالد,SY1002,1,y,u-2\n", encoding="utf-8")
    assert cli.main(["import", str(db_path), str(src), "--kind", "households"]) == 0
    out = capsys.readouterr().out
    assert "hh.csv: households, 5 columns used; not used: remarks_extra" in out
    assert "imported 2 of 2 rows" in out and len(started) == 1


def test_a_members_file_in_a_named_code_page(db_path, store, tmp_path, capsys):
    store.close()
    hh = tmp_path / "hh.csv"
    hh.write_text("today,head_name,origin,_uuid\n2025-03-12,يوسف حسن,SY1002,hh-9\n", encoding="utf-8")
    assert cli.main(["import", str(db_path), str(hh), "--kind", "households"]) == 0
    members = tmp_path / "members.csv"
    members.write_bytes("name,gender,age,relation,_submission__uuid,_index\nيوسف,ذكر,40,رب الأسرة,hh-9,1\n"
                        .encode("cp1256"))
    assert cli.main(["import", str(db_path), str(members), "--kind", "persons"]) == 1
    assert "name its encoding" in capsys.readouterr().err
    assert cli.main(["import", str(db_path), str(members), "--kind", "persons", "--encoding", "cp1256"]) == 0
    assert "imported 0 households, 1 persons from 1 rows" in capsys.readouterr().out


def test_a_one_file_mapping_still_applies(db_path, store, tmp_path, capsys):
    import json

    store.close()
    src = tmp_path / "hh.csv"
    src.write_text("Datum,Chef,Herkunft,Zielgebiet\n2025-03-10,أحمد,SY0602,LB7\n", encoding="utf-8")
    m = tmp_path / "m.json"
    m.write_text(json.dumps({"kind": "households", "columns": {"Datum": "registration_date", "Chef": "head_name_ar",
                                                               "Herkunft": "origin_pcode",
                                                               "Zielgebiet": "destination_adm1"}}))
    assert cli.main(["import", str(db_path), str(src), "--kind", "households", "--mapping", str(m)]) == 0
    assert "imported 1 households, 0 persons, 1 movements from 1 rows" in capsys.readouterr().out


def test_preview_prints_the_mapping_and_imports_nothing(db_path, store, tmp_path, capsys, passphrase):
    store.close()
    src = pf.kobo_xlsx(tmp_path / "kobo.xlsx")
    form = pf.xlsform(tmp_path / "form.xlsx")
    assert cli.main(["import", str(db_path), str(src), "--form", str(form), "--preview"]) == 0
    out = capsys.readouterr().out
    assert "form: hh_registration_lb (XLSForm given)" in out
    assert "  grp_move/dest_gov -> destination_adm1" in out and "  _tags: ignored, form metadata" in out
    assert "  relationship: Wife/Husband -> spouse" in out
    assert "  shelter_type: tent (Tent; خيمة) matches none of our codes" in out
    from tracker import office

    s = office.open(db_path, passphrase)
    try:
        assert s.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'import'").fetchone()[0] == 0
    finally:
        s.close()
