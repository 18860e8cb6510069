"""A small, fixed data set for the exchange tests (real services, real encrypted store).

Values are chosen to exercise the exports: Arabic names, a phone starting with '+', a
formula-like note, full and pre-registrations, several crossings on two days and weeks,
counts small enough to be suppressed and large enough to be shown.
"""

from tracker.domain import crossings, households, movements

FORMULA = "=cmd|' /C calc'!A0"


def populate(store) -> dict:
    ids: dict = {}
    ids["pre1"] = households.register_pre(store, {
        "head_name_ar": "محمد الأحمد", "head_name_lat": "Mohammad Al-Ahmad", "registration_date": "2025-03-10",
        "registration_pcode": "LB51", "origin_pcode": "SY0602", "displacement_date": "2025-03-08",
        "current_pcode": "LB51", "site_name": "Massaoudieh school", "shelter_type": "collective_shelter",
        "intention": "stay", "contact_phone": "+961 3 123456", "notes": FORMULA, "source_id": "kobo-001",
        "f_0_4": 1, "f_18_59": 2, "m_5_11": 3, "m_18_59": 1, "consent_share": "yes", "consent_scope": "partners",
        "consent_date": "2025-03-10"})
    ids["pre2"] = households.register_pre(store, {
        "head_name_ar": "فاطمة علي", "registration_date": "2025-03-11", "origin_pcode": "SY1002",
        "current_pcode": "LB7", "f_18_59": 1, "f_60plus": 1, "m_12_17": 2, "notes": "-2 blankets short"})
    ids["full"] = households.register_full(store, {
        "registration_date": "2025-03-12", "origin_pcode": "unknown", "origin_village": "+Beit Yashout",
        "current_pcode": "LB56", "shelter_type": "host_family"}, [
        {"given_name_ar": "يوسف", "family_name_ar": "حسن", "given_name_lat": "Yousef", "family_name_lat": "Hassan",
         "sex": "m", "birth_date": "1980-05-01", "relationship": "head", "document_type": "national_id",
         "document_number": "0123456789", "wg_walking": 3},
        {"given_name_ar": "مريم", "family_name_ar": "حسن", "sex": "f", "age_estimated": 38, "relationship": "spouse"},
        {"given_name_ar": "سارة", "sex": "f", "age_estimated": 3, "relationship": "child", "specific_needs": "SM",
         "notes": "@allergy"},
    ])
    ids["movement"] = movements.add_movement(store, {
        "household_id": ids["full"], "from_pcode": "SY0602", "to_pcode": "LB56", "crossing_pcode": "XLB-ABD",
        "movement_date": "2025-03-09", "reason": "conflict", "notes": "via river"})
    groups = [
        ("2025-03-08T07:30", "XLB-ABD", "in", "SY0602", {"f_18_59": 12, "m_18_59": 9, "f_0_4": 3, "m_5_11": 6}),
        ("2025-03-08T09:15", "XLB-ABD", "in", "SY0603", {"f_18_59": 2, "m_60plus": 1}),
        ("2025-03-08T10:00", "XLB-MSN", "in", "SY0401", {"f_18_59": 20, "m_18_59": 18, "f_5_11": 7, "m_0_4": 5}),
        ("2025-03-09T08:00", "XLB-ABD", "in", "SY1002", {"f_18_59": 6, "m_18_59": 7, "f_12_17": 1}),
        ("2025-03-09T16:40", "XLB-ABD", "out", "SY1002", {"m_18_59": 4}),
        ("2025-03-17T11:00", "XLB-MSN", "in", "unknown", {"f_18_59": 8, "m_18_59": 8, "f_0_4": 2, "m_0_4": 2}),
    ]
    ids["crossings"] = []
    for at, point, direction, origin, counts in groups:
        values = {"counted_at": at, "crossing_pcode": point, "direction": direction, "origin_pcode": origin,
                  "destination_pcode": "LB51", "transport": "foot", "reason": "conflict", **counts}
        if origin == "unknown":
            values["origin_text"] = "Jableh countryside"
        if at.endswith("09:15"):
            values.update(vuln_medical=1, observer="Rana K.", notes="=HYPERLINK(\"http://x\")")
        ids["crossings"].append(crossings.record_count(store, values))
    return ids
