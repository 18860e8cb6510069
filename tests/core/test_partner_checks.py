"""Partner rows checked across fields and files: duplicate submissions reported once, dates,
declared size against member rows, choices by Arabic label through the XLSForm, an unknown choice
quoted, and --keep-valid semantics (a rejected household takes its members with it)."""

import copy
import csv

from tracker.exchange import inputs, partner

from . import partner_fixtures as pf


def _run(store, paths, form=None, **kw):
    with inputs.gather(paths, form=form) as given:
        plan = partner.plan(given, locations=store.locations())
        return plan, partner.run(store, plan, **kw)


def _count(store, table):
    return store.conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]


def _issues(result, severity="error"):
    return sorted((i.file.split(" › ")[-1], i.error.row, i.error.column, i.error.rule, str(i.error.value))
                  for i in result.issues if i.severity == severity)


def test_a_duplicate_submission_is_reported_once_and_skipped_with_its_members(store, tmp_path):
    households = copy.deepcopy(pf.HOUSEHOLDS)
    households.append({**households[1], "uuid": pf.UUIDS[1]})  # sent twice (a re-sent submission)
    src = pf.kobo_xlsx(tmp_path / "kobo.xlsx", households)
    _, result = _run(store, [src], form=pf.xlsform(tmp_path / "form.xlsx"))
    assert result.errors == [] and result.committed
    warnings = _issues(result, "warning")
    assert warnings == [(pf.TITLE[:31], 6, "_uuid", "duplicate_submission", pf.UUIDS[1])]
    assert result.imported == {"households": 4, "persons": 12, "movements": 4}
    assert result.duplicates == 1 + 4  # the copy and its four member rows
    assert _count(store, "persons") == 12


def test_dates_future_impossible_and_before_displacement(store, tmp_path):
    households = copy.deepcopy(pf.HOUSEHOLDS)
    households[0]["today"] = "2099-01-01"
    households[1]["cdate"] = "2025-03-01"  # crossed before being displaced (2025-03-06)
    households[2]["disp"] = "2025-02-30"
    src = pf.odk_central_zip(tmp_path / "c.zip", households)
    _, result = _run(store, [src], report=tmp_path / "r.csv")
    got = {(row, col, rule) for _, row, col, rule, _ in _issues(result)}
    assert (2, "today", "future_date") in got
    assert (3, "grp_move-date_crossing", "before_displacement") in got
    assert (4, "grp_origin-date_displacement", "bad_date") in got
    assert not result.committed and _count(store, "households") == 0 and _count(store, "persons") == 0


def test_keep_valid_keeps_whole_households_and_rejects_members_with_theirs(store, tmp_path):
    households = copy.deepcopy(pf.HOUSEHOLDS)
    households[0]["gov"] = "SY10"  # Jablah (SY0602) is not in Tartous
    src = pf.odk_central_zip(tmp_path / "c.zip", households)
    _, result = _run(store, [src], keep_valid=True, report=tmp_path / "r.csv")
    assert result.committed and result.imported == {"households": 3, "persons": 9, "movements": 3}
    errors = _issues(result)
    assert [e for e in errors if e[0] == "hh_registration_lb.csv"] == [
        ("hh_registration_lb.csv", 2, "grp_origin-origin_dist", "admin_mismatch", "SY0602")]
    parents = [e for e in errors if e[3] == "parent_rejected"]
    assert [e[1] for e in parents] == [2, 3, 4] and all(e[2] == "PARENT_KEY" for e in parents)
    assert result.summary().startswith("4 of 16 rows rejected")
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as fh:
        report = list(csv.DictReader(fh))
    assert {(r["file"], r["row"], r["column"], r["rule"]) for r in report if r["severity"] == "error"} >= {
        ("c.zip › hh_registration_lb.csv", "2", "grp_origin-origin_dist", "admin_mismatch"),
        ("c.zip › hh_registration_lb-members.csv", "2", "PARENT_KEY", "parent_rejected")}


def test_declared_size_against_member_rows_is_a_warning(store, tmp_path):
    households = copy.deepcopy(pf.HOUSEHOLDS)
    households[1]["size"] = 6  # four member rows
    src = pf.odk_central_zip(tmp_path / "c.zip", households)
    _, result = _run(store, [src])
    assert result.committed and result.errors == []
    assert _issues(result, "warning") == [("hh_registration_lb.csv", 3, "hh_size", "members_disagree", "6")]
    assert store.conn.execute("SELECT total FROM households WHERE source_id = ?", (pf.UUIDS[1],)).fetchone() == (4,)


def test_label_export_in_arabic_is_read_through_the_xlsform(store, tmp_path):
    folder = pf.kobo_csv(tmp_path / "kobo")
    members = folder / f"{pf.FORM_ID}-members.csv"
    # Kobo's "labels" export of the members sheet: English question labels, Arabic choice labels
    arabic = {"hoh": "رب الأسرة", "wife_husband": "زوج/زوجة", "son_daughter": "ابن/ابنة", "m": "ذكر", "f": "أنثى"}
    with open(members, encoding="utf-8", newline="") as fh:
        header, *rows = list(csv.reader(fh, delimiter=";"))
    header[:5] = ["Household members/Name", "Household members/Sex", "Age", "Relationship to head",
                  "Household members/Specific needs"]  # with and without Kobo's hierarchy in labels
    for cells in rows:
        cells[1], cells[3] = arabic[cells[1]], arabic[cells[3]]
        cells[4] = {"chronic": "حالة طبية خطيرة", "disab chronic": "إعاقة, حالة طبية خطيرة"}.get(cells[4], cells[4])
    with open(members, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";", quoting=csv.QUOTE_ALL).writerows([header, *rows])
    plan, result = _run(store, [folder], form=pf.xlsform(tmp_path / "form.xlsx"))
    assert result.errors == [], result.issues
    t = plan.tables[1]
    assert dict(zip(t.headers, t.mapped))["Relationship to head"] == "relationship"
    assert ("relationship", "زوج/زوجة", "spouse") in result.values_used
    needs = dict(store.conn.execute("SELECT relationship || age, specific_needs FROM persons").fetchall())
    assert needs["spouse38"] == "SM" and needs["spouse45"] == "DS,SM"


def test_a_choice_matching_none_of_ours_is_listed_and_quoted(store, tmp_path):
    households = copy.deepcopy(pf.HOUSEHOLDS)
    households[2]["shelter"] = "tent"
    src = pf.kobo_xlsx(tmp_path / "kobo.xlsx", households)
    plan, result = _run(store, [src], form=pf.xlsform(tmp_path / "form.xlsx"))
    assert ("shelter_type", "shelter", "tent", {"English (en)": "Tent", "Arabic (ar)": "خيمة"}) in plan.unmatched
    assert _issues(result) [:1] == [(pf.TITLE[:31], 4, "shelter", "choice", "tent")]


def test_a_movements_repeat_group(store, tmp_path):
    from openpyxl import load_workbook

    src = pf.kobo_xlsx(tmp_path / "kobo.xlsx")
    wb = load_workbook(src)
    ws = wb.create_sheet("movements")
    ws.append(["movements/move_date", "movements/from", "movements/to", "movements/crossing_point",
               "movements/reason", "_index", "_parent_table_name", "_parent_index", "_submission__uuid"])
    ws.append(["2025-03-20", "LB7", "LB2", "", "family", 1, pf.TITLE[:31], 1, pf.UUIDS[0]])
    ws.append(["2025-03-21", "LB7", "NOWHERE", "", "", 2, pf.TITLE[:31], 2, pf.UUIDS[1]])
    wb.save(src)
    plan, result = _run(store, [src], form=pf.xlsform(tmp_path / "form.xlsx"), keep_valid=True)
    assert [t.role for t in plan.tables] == ["households", "persons", "movements"]
    got = {(f, row, col, rule) for f, row, col, rule, _ in _issues(result)}
    assert ("movements", 3, "movements/to", "unknown_pcode") in got
    assert result.imported["movements"] == 4 + 1
    moves = store.conn.execute("SELECT m.to_pcode, m.reason FROM movements m JOIN households h ON h.id = "
                               "m.household_id WHERE h.source_id = ? ORDER BY movement_date", (pf.UUIDS[0],)).fetchall()
    assert moves == [("LB7", None), ("LB2", "family")]


def test_a_member_born_after_the_registration(store, tmp_path):
    (tmp_path / "hh.csv").write_text("today,head_name,origin,_uuid,_index\n2025-03-12,يوسف حسن,SY1002,hh-9,1\n",
                                     encoding="utf-8")
    (tmp_path / "members.csv").write_text("name,gender,dob,relation,_index,_parent_index,_submission__uuid\n"
                                          "يوسف,ذكر,1980-01-01,head,1,1,hh-9\nليلى,أنثى,2025-03-20,child,2,1,hh-9\n",
                                          encoding="utf-8")
    _, result = _run(store, [tmp_path / "hh.csv", tmp_path / "members.csv"])
    assert _issues(result) == [("members.csv", 3, "dob", "after_registration", "2025-03-20")]
    assert _count(store, "households") == 0
