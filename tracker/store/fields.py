"""The tables' column facts the store needs to create and write records.

The domain's vocabularies (tracker/domain/model.py) build on these and re-export them.
"""

from __future__ import annotations

SEXES = ("f", "m")
AGE_BRACKETS = ("0_4", "5_11", "12_17", "18_59", "60plus")
# f_0_4, f_5_11, ..., m_60plus: the sex x age grid shared by households and crossing counts
COUNT_FIELDS = tuple(f"{s}_{a}" for s in SEXES for a in AGE_BRACKETS)
VULNERABILITY_FIELDS = ("vuln_disability", "vuln_medical", "vuln_pregnant", "vuln_uasc", "vuln_older_alone")

# Tables whose rows are records: validated, audited, change-logged and synced.
RECORD_TABLES = ("locations", "households", "persons", "movements", "crossing_counts")
# Columns every record carries; written by the store, never by a form.
SYSTEM_FIELDS = ("id", "created_at", "updated_at", "created_by", "updated_by", "user", "deleted")
# Columns the store derives from others; not synced (each device recomputes them).
DERIVED_FIELDS = {
    # (households' sex x age counts are synced for pre-registrations, derived for full ones)
    "households": ("search_names", "total", "has_specific_needs", "uasc_count", "member_count", "origin_adm1"),
    "persons": ("name_norm", "age", "age_bracket"),
    "crossing_counts": ("total", "count_date", "origin_adm1", "destination_adm1"),
    "locations": (),
    "movements": (),
}
