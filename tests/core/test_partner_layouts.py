"""Each partner layout imports households with their members and movements in one step, with no
mapping file: Kobo XLSX (sheet per repeat) and CSV (file per repeat) with the partner's XLSForm,
the ODK Briefcase pair, the ODK Central ZIP. Re-importing adds nothing."""

import csv

import pytest

from tracker.exchange import inputs, partner

from . import partner_fixtures as pf


def _import(store, paths, form=None, **kw):
    with inputs.gather(paths, form=form) as given:
        plan = partner.plan(given, locations=store.locations())
        return plan, partner.run(store, plan, **kw)


def _households(store):
    return store.conn.execute(
        "SELECT source_id, mode, head_name_ar, head_name_lat, origin_pcode, total, member_count, shelter_type, "
        "registration_date, displacement_date FROM households WHERE deleted = 0 ORDER BY source_id").fetchall()


def _members(store):
    return store.conn.execute(
        "SELECT h.source_id, p.relationship, p.sex, p.age, p.specific_needs FROM persons p "
        "JOIN households h ON h.id = p.household_id ORDER BY h.source_id, p.age DESC").fetchall()


def _movements(store):
    return store.conn.execute(
        "SELECT h.source_id, m.from_pcode, m.to_pcode, m.crossing_pcode, m.movement_date FROM movements m "
        "JOIN households h ON h.id = m.household_id ORDER BY h.source_id").fetchall()


EXPECTED_MOVES = [(pf.UUIDS[0], "SY0602", "LB7", "XLB-ARD", "2025-03-08"),
                  (pf.UUIDS[1], "SY1002", "LB7", "XLB-NKR", "2025-03-07"),
                  (pf.UUIDS[2], "SY0402", "LB2", "XLB-MSN", "2025-03-09"),
                  (pf.UUIDS[3], "SY0200", "LB2", "XLB-MSN", "2025-03-11")]


def _check_everything(store):
    hh = _households(store)
    assert [h[0] for h in hh] == pf.UUIDS  # no "uuid:" prefix, one form everywhere
    assert [h[1] for h in hh] == ["full"] * 4
    assert hh[0][2] == "أحمد سليمان" and hh[1][3] == "Khaled Issa"  # a Latin name goes to the Latin column
    assert [h[5] for h in hh] == [3, 4, 2, 3] and [h[6] for h in hh] == [3, 4, 2, 3]
    assert [h[7] for h in hh] == ["collective_shelter", "host_family", "rented", "host_family"]
    assert hh[0][8:] == ("2025-03-10", "2025-03-07")
    members = _members(store)
    assert len(members) == 12
    assert members[:3] == [(pf.UUIDS[0], "head", "m", 42, None), (pf.UUIDS[0], "spouse", "f", 38, "SM"),
                           (pf.UUIDS[0], "child", "f", 4, None)]
    assert (pf.UUIDS[3], "spouse", "f", 45, "DS,SM") in members
    assert _movements(store) == EXPECTED_MOVES


def test_kobo_xlsx_with_its_xlsform(store, tmp_path):
    src = pf.kobo_xlsx(tmp_path / "kobo.xlsx")
    form = pf.xlsform(tmp_path / "form.xlsx")
    plan, result = _import(store, [src, form])
    assert [(t.part.name, t.role, t.layout) for t in plan.tables] == [
        (f"kobo.xlsx › {pf.TITLE[:31]}", "households", "kobo"), ("kobo.xlsx › members", "persons", "kobo")]
    assert plan.form_id == pf.FORM_ID
    assert result.errors == [] and result.committed, result.issues
    assert result.imported == {"households": 4, "persons": 12, "movements": 4}
    _check_everything(store)
    # the expanded choice columns and Kobo's metadata are listed as ignored, never silently dropped
    members = plan.tables[1]
    notes = {c.header: c.note for c in members.ignored}
    assert notes["members/needs/disab"].startswith("one choice of the multiple choice")
    assert notes["_submission__submitted_by"] == "form metadata"
    assert ("relationship", "hoh", "head") in result.values_used
    again = _import(store, [src, form])[1]
    assert again.imported == {"households": 0, "persons": 0, "movements": 0} and again.errors == []
    assert again.duplicates == 16 and len(_members(store)) == 12 and len(_movements(store)) == 4


def test_kobo_csv_files_in_a_folder(store, tmp_path):
    folder = pf.kobo_csv(tmp_path / "kobo")
    form = pf.xlsform(tmp_path / "form.xlsx")
    plan, result = _import(store, [folder], form=form)
    assert [t.role for t in plan.tables] == ["households", "persons"]
    assert result.errors == [] and result.imported["persons"] == 12, result.issues
    _check_everything(store)


def test_kobo_without_its_xlsform_quotes_the_unknown_choices(store, tmp_path):
    src = pf.kobo_xlsx(tmp_path / "kobo.xlsx")
    _, result = _import(store, [src])
    assert not result.committed and _households(store) == []
    bad = {(i.file.split(" › ")[-1], i.error.row, i.error.column, i.error.value) for i in result.errors}
    # the partner's own value, row and column
    assert ("members", 3, "members/relation", "wife_husband") in bad
    assert (pf.TITLE[:31], 2, "shelter", "collective") in bad
    assert (pf.TITLE[:31], 2, "grp_move/dest_gov", "lb_akkar") in bad
    assert not any(v == "hoh" for *_, v in bad)  # a common word for the head: read as head
    assert ("relationship", "hoh", "head") in result.values_used
    assert len([i for i in result.errors if i.error.row == 2 and i.error.value == "lb_akkar"]) == 1


def test_odk_briefcase_pair(store, tmp_path):
    folder = pf.odk_briefcase(tmp_path / "briefcase")
    files = sorted(folder.iterdir())
    plan, result = _import(store, files)
    assert [(t.part.name, t.role, t.layout) for t in plan.tables] == [
        ("Household registration.csv", "households", "odk"), ("Household registration-members.csv", "persons", "odk")]
    assert result.errors == [] and result.imported == {"households": 4, "persons": 12, "movements": 4}, result.issues
    _check_everything(store)
    keys = [r[0] for r in store.conn.execute("SELECT source_id FROM persons ORDER BY source_id")]
    assert keys[0] == f"{pf.UUIDS[0]}/members[1]"


def test_odk_central_zip(store, tmp_path):
    src = pf.odk_central_zip(tmp_path / "hh_registration_lb.zip")
    plan, result = _import(store, [src])
    assert plan.skipped == ["hh_registration_lb.zip › media/1741590000000.jpg"]
    assert result.errors == [], result.issues
    _check_everything(store)
    ignored = {c.header: c.note for c in plan.tables[0].ignored}
    assert ignored["ReviewState"] == "form metadata" and "KEY" in ignored or "meta-instanceID" in ignored
    with open(result.report_path, encoding="utf-8-sig", newline="") as fh:
        report = list(csv.DictReader(fh))
    mapped = {(r["column"], r["field"]) for r in report if r["rule"] == "column_mapped"}
    assert ("grp_move-dest_gov", "destination_adm1") in mapped and ("PARENT_KEY", "household_source_id") in mapped
    assert any(r["rule"] == "column_ignored" and r["column"] == "SubmitterName" for r in report)
    assert any(r["rule"] == "file_skipped" for r in report)


def test_hand_mapped_odk_members_meet_their_household(store, tmp_path):
    """The reported case: KEY -> source_id and PARENT_KEY -> household_source_id by hand, one file at a
    time; every member matched no household because one side kept the uuid: prefix."""
    import zipfile

    from tracker.exchange import importer

    with zipfile.ZipFile(pf.odk_central_zip(tmp_path / "c.zip")) as z:
        z.extractall(tmp_path / "c")
    main, repeat = tmp_path / "c" / f"{pf.FORM_ID}.csv", tmp_path / "c" / f"{pf.FORM_ID}-members.csv"
    hh = importer.import_file(store, main, "households", report=tmp_path / "r1.csv",
                              profile={"kind": "households", "columns": {"KEY": "source_id", "meta-instanceID": None, "Status": None,
                                                                        "grp_origin-origin_dist": "origin_pcode"}})
    assert hh.errors == [] and hh.imported == 4
    assert {r[0] for r in store.conn.execute("SELECT source_id FROM households")} == set(pf.UUIDS)
    store.conn.execute("UPDATE households SET mode = 'full'")
    members = importer.import_file(store, repeat, "persons", report=tmp_path / "r2.csv",
                                   profile={"kind": "persons", "columns": {"KEY": "source_id",
                                                                          "PARENT_KEY": "household_source_id",
                                                                          "member_name": "given_name_ar"}})
    assert [e for e in members.errors if e.rule == "not_found"] == []


def test_a_hostile_zip_writes_nothing_outside_and_leaves_no_temporary_files(store, tmp_path, monkeypatch):
    import tempfile
    import zipfile

    from tracker.exchange.errors import FileFormatError

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    src = pf.odk_central_zip(tmp_path / "c.zip")
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(evil, "w") as out:
        for item in z.infolist():
            name = "../../escaped.csv" if item.filename.endswith("-members.csv") else item.filename
            out.writestr(name, z.read(item))
    plan, result = _import(store, [evil])
    assert result.imported["persons"] == 12  # read, under a name of our own
    assert not (tmp_path / "escaped.csv").exists() and not (tmp_path.parent / "escaped.csv").exists()
    assert list(temp.iterdir()) == []
    big = tmp_path / "big.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("a.csv", "today,head_name,origin\n" + "0" * (3 * 1024 * 1024))
    monkeypatch.setattr(inputs, "MAX_UNPACKED", 1024 * 1024)
    with pytest.raises(FileFormatError, match="more than"):
        _import(store, [big])
    assert list(temp.iterdir()) == []


def test_progress_and_cancel(store, tmp_path):
    from tracker.errors import Cancelled

    src = pf.odk_central_zip(tmp_path / "c.zip")
    seen = []
    _import(store, [src], progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1000, 1000) and all(t == 1000 for _, t in seen) and seen == sorted(seen)
    others = [{**h, "uuid": f"7c1d0e3f-0000-4000-8000-00000000000{i}"} for i, h in enumerate(pf.HOUSEHOLDS)]
    calls = []
    with pytest.raises(Cancelled):  # asked to stop while writing (the reading asked once per 1,000 rows)
        _import(store, [pf.kobo_xlsx(tmp_path / "k.xlsx", others)], form=pf.xlsform(tmp_path / "f.xlsx"),
                cancelled=lambda: calls.append(1) or len(calls) > 1)
    assert len(calls) == 2
    assert len(_households(store)) == 4 and len(_members(store)) == 12  # nothing of the cancelled import
