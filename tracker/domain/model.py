"""The domain's fixed vocabularies and field lists.

Age brackets follow UNHCR demographics (0-4, 5-11, 12-17, 18-59, 60+); sexes
are the two the flow-monitoring grid counts. Codes are stable identifiers
stored in the database; ui/ translates them for display.
"""

from __future__ import annotations

from tracker.store.fields import (AGE_BRACKETS, COUNT_FIELDS, DERIVED_FIELDS, RECORD_TABLES, SEXES,  # noqa: F401
                                  SYSTEM_FIELDS, VULNERABILITY_FIELDS)

AGE_BRACKET_BOUNDS = {"0_4": (0, 4), "5_11": (5, 11), "12_17": (12, 17), "18_59": (18, 59), "60plus": (60, 120)}

MAX_AGE = 120


def age_bracket(age: int) -> str:
    for code, (lo, hi) in AGE_BRACKET_BOUNDS.items():
        if lo <= age <= hi:
            return code
    raise ValueError(f"age out of range: {age}")


HOUSEHOLD_MODES = ("pre", "full")
HOUSEHOLD_STATUSES = ("active", "moved_on", "returned", "closed")
SHELTER_TYPES = ("collective_shelter", "host_family", "rented", "informal_settlement", "open_air", "other", "unknown")
INTENTIONS = ("stay", "return", "move_onward", "undecided")
CONSENT_SCOPES = ("none", "organisation", "partners", "coordination")
RELATIONSHIPS = ("head", "spouse", "child", "parent", "sibling", "grandchild", "other_relative", "non_relative")
DOCUMENT_TYPES = ("national_id", "family_booklet", "passport", "birth_certificate", "unhcr_certificate", "other", "none")
# Washington Group Short Set: 1 no difficulty, 2 some, 3 a lot, 4 cannot do at all
WG_DOMAINS = ("seeing", "hearing", "walking", "remembering", "selfcare", "communicating")
WG_FIELDS = tuple(f"wg_{d}" for d in WG_DOMAINS)
WG_ANSWERS = (1, 2, 3, 4)
# UNHCR specific-needs categories (codes as in the 2009 standardized guidance)
SPECIFIC_NEEDS = ("CR", "SC", "WR", "ER", "SP", "DS", "SM", "FU", "TR", "SV", "LP")

LOCATION_KINDS = ("admin", "site", "official_crossing", "informal_crossing")
CROSSING_KINDS = ("official_crossing", "informal_crossing")
DIRECTIONS = ("in", "out")  # in: entering the country of operation
TRANSPORTS = ("foot", "car", "bus", "truck", "motorbike", "boat", "animal", "other")
REASONS = ("conflict", "insecurity", "family", "economic", "return", "services", "other")

# Fields holding personal data: excluded from exports unless the user asks and confirms.
PERSONAL_FIELDS = {
    "households": ("head_name_ar", "head_name_lat", "contact_phone", "notes", "search_names"),
    "persons": (
        "given_name_ar", "father_name_ar", "grandfather_name_ar", "family_name_ar",
        "given_name_lat", "father_name_lat", "grandfather_name_lat", "family_name_lat",
        "document_number", "notes", "birth_date",
    ),
    "movements": ("notes",),
    "crossing_counts": ("notes", "observer"),
}

