"""Partner exports as KoboToolbox and ODK write them, for one household-registration form with a
``members`` repeat group (4 submissions, 12 members), built from one description of the data.

- ``xlsform``: the form (survey/choices/settings), names and English/Arabic labels;
- ``kobo_xlsx``: Kobo's XLSX export with XML values and headers: the main sheet named after the
  form title (cut at 31 characters), a ``members`` sheet linked by ``_parent_index`` and
  ``_submission__uuid``, ``group/field`` headers, select_multiple both as one column and one 0/1
  column per choice, Kobo's metadata columns;
- ``kobo_csv``: the same as ``;``-separated CSV files (one per sheet);
- ``odk_briefcase``: Briefcase's pair: ``Household registration.csv`` (``SubmissionDate``,
  ``group-field`` headers, dates as "Mar 10, 2025", ``SET-OF-members``, ``meta-instanceID``, ``KEY``)
  and ``Household registration-members.csv`` (``PARENT_KEY``, ``KEY`` = ``uuid:…/members[n]``);
- ``odk_central_zip``: the ZIP ODK Central downloads (``<formId>.csv``, ``<formId>-members.csv``,
  ``media/``), ISO dates and Central's submission metadata columns.

Kobo uses the form's own choice names (``hoh``, ``wife_husband``, ``lb_akkar``): importing it needs
the XLSForm. The ODK form variant names its choices with plain words (``head``, ``wife``, ``male``).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

TITLE = "Household registration — Lebanon border crossings"
FORM_ID = "hh_registration_lb"
UUIDS = [f"3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e0{i}" for i in range(1, 5)]

# One submission: head, phone, origin gov/district, village, displacement date, destination gov,
# crossing type, crossing point, crossing date, shelter, declared size, members.
HOUSEHOLDS = [
    dict(today="2025-03-10", head="أحمد سليمان", phone="+961 70 111222", gov="SY06", dist="SY0602", village="",
         disp="2025-03-07", dest="akkar", ctype="official", point="XLB-ARD", cdate="2025-03-08", shelter="collective",
         size=3, members=[("أحمد", "male", 42, "head", ""), ("فاطمة", "female", 38, "wife", "chronic"),
                          ("سارة", "female", 4, "daughter", "")]),
    dict(today="2025-03-10", head="Khaled Issa", phone="", gov="SY10", dist="SY1002", village="Ain Shams",
         disp="2025-03-06", dest="akkar", ctype="informal", point="XLB-NKR", cdate="2025-03-07", shelter="host",
         size=4, members=[("Khaled", "male", 35, "head", ""), ("Mona", "female", 30, "wife", ""),
                          ("Omar", "male", 10, "son", "disab"), ("Lina", "female", 1, "daughter", "")]),
    dict(today="2025-03-11", head="مريم حسن", phone="+961 3 456789", gov="SY04", dist="SY0402", village="",
         disp="2025-03-09", dest="bekaa", ctype="official", point="XLB-MSN", cdate="2025-03-09", shelter="rent",
         size=2, members=[("مريم", "female", 67, "head", "elderly"), ("يوسف", "male", 15, "son", "")]),
    dict(today="2025-03-12", head="Hassan Ali", phone="", gov="SY02", dist="SY0200", village="",
         disp="2025-03-10", dest="bekaa", ctype="official", point="XLB-MSN", cdate="2025-03-11", shelter="host",
         size=3, members=[("Hassan", "male", 50, "head", ""), ("Huda", "female", 45, "wife", "disab chronic"),
                          ("Ali", "male", 19, "son", "")]),
]
NEEDS = ("disab", "chronic", "uasc", "elderly")
# The Kobo form's own choice names for the plain words above.
KOBO_NAMES = {"head": "hoh", "wife": "wife_husband", "daughter": "son_daughter", "son": "son_daughter",
              "male": "m", "female": "f", "akkar": "lb_akkar", "bekaa": "lb_bekaa"}
ODK_NAMES = {"akkar": "LB7", "bekaa": "LB2"}


def xlsform(path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)", "label::Arabic (ar)", "required", "relevant"])
    for row in [
        ["start", "start"], ["end", "end"], ["today", "today"],
        ["begin_group", "grp_head", "Head of household", "رب الأسرة"],
        ["text", "head_name", "Name of head of household", "اسم رب الأسرة", "yes"],
        ["text", "phone", "Phone number", "رقم الهاتف"],
        ["end_group"],
        ["begin_group", "grp_origin", "Origin", "المنشأ"],
        ["select_one governorate", "origin_gov", "Governorate of origin", "محافظة المنشأ", "yes"],
        ["select_one district", "origin_dist", "District of origin", "منطقة المنشأ", "yes"],
        ["text", "village", "Village", "القرية"],
        ["date", "date_displacement", "Date of displacement", "تاريخ النزوح"],
        ["end_group"],
        ["begin_group", "grp_move", "Crossing", "العبور"],
        ["select_one governorate_lb", "dest_gov", "Destination governorate", "محافظة الوجهة"],
        ["select_one crossing_type", "crossing_type", "Type of crossing", "نوع المعبر"],
        ["select_one crossing", "crossing_point", "Crossing point", "نقطة العبور"],
        ["date", "date_crossing", "Date of crossing", "تاريخ العبور"],
        ["end_group"],
        ["select_one shelter", "shelter", "Type of shelter", "نوع المأوى"],
        ["integer", "hh_size", "Number of people in the household", "عدد أفراد الأسرة"],
        ["begin_repeat", "members", "Household members", "أفراد الأسرة"],
        ["text", "member_name", "Name", "الاسم"],
        ["select_one sex", "sex", "Sex", "الجنس"],
        ["integer", "age", "Age", "العمر"],
        ["select_one relation", "relation", "Relationship to head", "صلة القرابة برب الأسرة"],
        ["select_multiple needs", "needs", "Specific needs", "الاحتياجات الخاصة"],
        ["end_repeat"],
    ]:
        survey.append(row)
    ch = wb.create_sheet("choices")
    ch.append(["list_name", "name", "label::English (en)", "label::Arabic (ar)"])
    for row in [
        ["governorate", "SY02", "Aleppo", "حلب"], ["governorate", "SY04", "Homs", "حمص"],
        ["governorate", "SY06", "Lattakia", "اللاذقية"], ["governorate", "SY10", "Tartous", "طرطوس"],
        ["district", "SY0200", "Jebel Saman", "جبل سمعان"], ["district", "SY0402", "Al-Qusayr", "القصير"],
        ["district", "SY0602", "Jablah", "جبلة"], ["district", "SY1002", "Banyas", "بانياس"],
        ["governorate_lb", "lb_akkar", "Akkar", "عكار"], ["governorate_lb", "lb_bekaa", "Bekaa", "البقاع"],
        ["crossing_type", "official", "Official crossing", "معبر رسمي"],
        ["crossing_type", "informal", "Informal crossing", "معبر غير رسمي"],
        ["crossing", "XLB-ARD", "Arida", "العريضة"], ["crossing", "XLB-MSN", "Masnaa", "المصنع"],
        ["crossing", "XLB-NKR", "Nahr al-Kabir (informal)", "النهر الكبير"],
        ["shelter", "collective", "Collective shelter", "مركز إيواء جماعي"],
        ["shelter", "host", "Host family", "عائلة مضيفة"], ["shelter", "rent", "Rented house", "منزل مستأجر"],
        ["shelter", "tent", "Tent", "خيمة"],
        ["sex", "m", "Male", "ذكر"], ["sex", "f", "Female", "أنثى"],
        ["relation", "hoh", "Head of household", "رب الأسرة"], ["relation", "wife_husband", "Wife/Husband", "زوج/زوجة"],
        ["relation", "son_daughter", "Son/Daughter", "ابن/ابنة"], ["relation", "other", "Other relative", "قريب آخر"],
        ["needs", "disab", "Disability", "إعاقة"], ["needs", "chronic", "Serious medical condition", "حالة طبية خطيرة"],
        ["needs", "uasc", "Unaccompanied or separated child", "طفل غير مصحوب أو منفصل"],
        ["needs", "elderly", "Older person at risk", "مسن في خطر"], ["needs", "none", "None", "لا يوجد"],
    ]:
        ch.append(row)
    st = wb.create_sheet("settings")
    st.append(["form_title", "form_id", "version", "default_language"])
    st.append([TITLE, FORM_ID, "2025031001", "English (en)"])
    wb.save(path)
    return Path(path)


# -- Kobo ----------------------------------------------------------------------------------
KOBO_MAIN = ["start", "end", "today", "grp_head/head_name", "grp_head/phone", "grp_origin/origin_gov",
             "grp_origin/origin_dist", "grp_origin/village", "grp_origin/date_displacement", "grp_move/dest_gov",
             "grp_move/crossing_type", "grp_move/crossing_point", "grp_move/date_crossing", "shelter", "hh_size",
             "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
             "__version__", "_tags", "_index"]
KOBO_MEMBERS = ["members/member_name", "members/sex", "members/age", "members/relation", "members/needs",
                *(f"members/needs/{n}" for n in NEEDS), "_index", "_parent_table_name", "_parent_index",
                "_submission__id", "_submission__uuid", "_submission__submission_time",
                "_submission__validation_status", "_submission__notes", "_submission__status",
                "_submission__submitted_by", "_submission___version__", "_submission__tags"]
VERSION = "vQnB8sJFc8JEhYJqXiYQRy"


def _k(word):
    return KOBO_NAMES.get(word, word)


def kobo_sheets(households=HOUSEHOLDS):
    main, members, m_index = [], [], 0
    for i, h in enumerate(households, 1):
        sub_time = f"{h['today']}T09:1{i}:44"
        main.append([f"{h['today']}T08:0{i}:12.000+02:00", f"{h['today']}T08:2{i}:40.000+02:00", h["today"], h["head"],
                     h["phone"], h["gov"], h["dist"], h["village"], h["disp"], _k(h["dest"]), h["ctype"], h["point"],
                     h["cdate"], h["shelter"], h["size"], 40_000 + i, h.get("uuid", UUIDS[(i - 1) % 4]), sub_time, "",
                     "", "submitted_via_web", "enumerator_lb", VERSION, "", i])
        for name, sex, age, rel, needs in h["members"]:
            m_index += 1
            picked = needs.split()
            main_uuid = h.get("uuid", UUIDS[(i - 1) % 4])
            members.append([name, _k(sex), age, _k(rel), needs, *(int(n in picked) if needs else "" for n in NEEDS),
                            m_index, TITLE[:31], i, 40_000 + i, main_uuid, sub_time, "", "", "submitted_via_web",
                            "enumerator_lb", VERSION, ""])
    return main, members


def kobo_xlsx(path, households=HOUSEHOLDS) -> Path:
    from openpyxl import Workbook

    main, members = kobo_sheets(households)
    wb = Workbook()
    ws = wb.active
    ws.title = TITLE[:31]
    ws.append(KOBO_MAIN)
    for r in main:
        ws.append(r)
    ws = wb.create_sheet("members")
    ws.append(KOBO_MEMBERS)
    for r in members:
        ws.append(r)
    wb.save(path)
    return Path(path)


def _csv(path, header, rows, delimiter=",", quote=csv.QUOTE_MINIMAL) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quote, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    Path(path).write_text(buf.getvalue(), encoding="utf-8")
    return Path(path)


def kobo_csv(folder, households=HOUSEHOLDS) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    main, members = kobo_sheets(households)
    _csv(folder / f"{FORM_ID}.csv", KOBO_MAIN, main, ";", csv.QUOTE_ALL)  # as Kobo writes its CSV
    _csv(folder / f"{FORM_ID}-members.csv", KOBO_MEMBERS, members, ";", csv.QUOTE_ALL)
    return folder


# -- ODK -----------------------------------------------------------------------------------
ODK_FIELDS = ["start", "end", "today", "grp_head-head_name", "grp_head-phone", "grp_origin-origin_gov",
              "grp_origin-origin_dist", "grp_origin-village", "grp_origin-date_displacement", "grp_move-dest_gov",
              "grp_move-crossing_type", "grp_move-crossing_point", "grp_move-date_crossing", "shelter", "hh_size"]
ODK_SHELTER = {"collective": "collective_shelter", "host": "host_family", "rent": "rented"}
ODK_NEEDS = {"disab": "disability", "chronic": "chronic_illness", "uasc": "unaccompanied", "elderly": "elderly"}


def _medium(iso: str, time: str | None = None) -> str:
    import datetime as dt

    d = dt.date.fromisoformat(iso)
    text = f"{d.strftime('%b')} {d.day}, {d.year}"
    return f"{text} {time}" if time else text


def _odk_rows(households, briefcase: bool):
    main, members = [], []
    for i, h in enumerate(households, 1):
        key = "uuid:" + h.get("uuid", UUIDS[(i - 1) % 4])
        date = (lambda v: _medium(v) if v else "") if briefcase else (lambda v: v)
        start = _medium(h["today"], f"8:0{i}:12 AM") if briefcase else f"{h['today']}T08:0{i}:12.000+02:00"
        end = _medium(h["today"], f"8:2{i}:40 AM") if briefcase else f"{h['today']}T08:2{i}:40.000+02:00"
        values = [start, end, date(h["today"]), h["head"], h["phone"], h["gov"], h["dist"], h["village"],
                  date(h["disp"]), ODK_NAMES.get(h["dest"], h["dest"]), h["ctype"], h["point"], date(h["cdate"]),
                  ODK_SHELTER[h["shelter"]], h["size"]]
        if briefcase:
            main.append([_medium(h["today"], f"9:1{i}:44 AM"), *values, f"{key}/members", key, key])
        else:
            main.append([f"{h['today']}T07:1{i}:44.512Z", *values, key, key, "17", "enumerator_lb", "0", "0", "",
                         "approved", "collect:Xk2a9", "0", "2025031001"])
        for j, (name, sex, age, rel, needs) in enumerate(h["members"], 1):
            row = [name, sex, age, rel, " ".join(ODK_NEEDS[n] for n in needs.split()), key, f"{key}/members[{j}]"]
            members.append(row + [f"{key}/members"] if briefcase else row)
    return main, members


def odk_briefcase(folder, households=HOUSEHOLDS) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    main, members = _odk_rows(households, briefcase=True)
    _csv(folder / "Household registration.csv", ["SubmissionDate", *ODK_FIELDS, "SET-OF-members",
                                                  "meta-instanceID", "KEY"], main)
    _csv(folder / "Household registration-members.csv", ["member_name", "sex", "age", "relation", "needs",
                                                         "PARENT_KEY", "KEY", "SET-OF-members"], members)
    return folder


CENTRAL_META = ["SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState",
                "DeviceID", "Edits", "FormVersion"]


def odk_central_zip(path, households=HOUSEHOLDS) -> Path:
    main, members = _odk_rows(households, briefcase=False)
    a = io.StringIO()
    csv.writer(a, lineterminator="\n").writerows([["SubmissionDate", *ODK_FIELDS, "meta-instanceID", "KEY",
                                                   *CENTRAL_META], *main])
    b = io.StringIO()
    csv.writer(b, lineterminator="\n").writerows([["member_name", "sex", "age", "relation", "needs", "PARENT_KEY",
                                                   "KEY"], *members])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{FORM_ID}.csv", a.getvalue())
        z.writestr(f"{FORM_ID}-members.csv", b.getvalue())
        z.writestr("media/1741590000000.jpg", b"\xff\xd8\xff\xe0 not really a photo")
    return Path(path)
