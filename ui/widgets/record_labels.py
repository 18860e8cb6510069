"""Words for the stored codes of households, members and crossing counts.

The database keeps stable codes (``moved_on``, ``f_0_4``, ``DS``); people see
these translated labels. The strings are marked with QT_TRANSLATE_NOOP so
lupdate collects them; ``label()`` translates at display time, so a language
switch needs no restart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox

from tracker.domain import model

_CTX = "Vocabulary"

_LABELS = {
    # household mode and status
    "pre": QT_TRANSLATE_NOOP("Vocabulary", "Pre-registration"),
    "full": QT_TRANSLATE_NOOP("Vocabulary", "Full registration"),
    "active": QT_TRANSLATE_NOOP("Vocabulary", "Active"),
    "moved_on": QT_TRANSLATE_NOOP("Vocabulary", "Moved on"),
    "returned": QT_TRANSLATE_NOOP("Vocabulary", "Returned"),
    "closed": QT_TRANSLATE_NOOP("Vocabulary", "Closed"),
    # shelter
    "collective_shelter": QT_TRANSLATE_NOOP("Vocabulary", "Collective shelter"),
    "host_family": QT_TRANSLATE_NOOP("Vocabulary", "Host family"),
    "rented": QT_TRANSLATE_NOOP("Vocabulary", "Rented"),
    "informal_settlement": QT_TRANSLATE_NOOP("Vocabulary", "Informal settlement"),
    "open_air": QT_TRANSLATE_NOOP("Vocabulary", "Open air"),
    "other": QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    "unknown": QT_TRANSLATE_NOOP("Vocabulary", "Unknown"),
    # intentions
    "stay": QT_TRANSLATE_NOOP("Vocabulary", "Stay"),
    "return": QT_TRANSLATE_NOOP("Vocabulary", "Return"),
    "move_onward": QT_TRANSLATE_NOOP("Vocabulary", "Move onward"),
    "undecided": QT_TRANSLATE_NOOP("Vocabulary", "Undecided"),
    # relationships
    "head": QT_TRANSLATE_NOOP("Vocabulary", "Head"),
    "spouse": QT_TRANSLATE_NOOP("Vocabulary", "Spouse"),
    "child": QT_TRANSLATE_NOOP("Vocabulary", "Child"),
    "parent": QT_TRANSLATE_NOOP("Vocabulary", "Parent"),
    "sibling": QT_TRANSLATE_NOOP("Vocabulary", "Sibling"),
    "grandchild": QT_TRANSLATE_NOOP("Vocabulary", "Grandchild"),
    "other_relative": QT_TRANSLATE_NOOP("Vocabulary", "Other relative"),
    "non_relative": QT_TRANSLATE_NOOP("Vocabulary", "Not related"),
    # sexes
    "f": QT_TRANSLATE_NOOP("Vocabulary", "Female"),
    "m": QT_TRANSLATE_NOOP("Vocabulary", "Male"),
    # age brackets
    "0_4": QT_TRANSLATE_NOOP("Vocabulary", "0–4"),
    "5_11": QT_TRANSLATE_NOOP("Vocabulary", "5–11"),
    "12_17": QT_TRANSLATE_NOOP("Vocabulary", "12–17"),
    "18_59": QT_TRANSLATE_NOOP("Vocabulary", "18–59"),
    "60plus": QT_TRANSLATE_NOOP("Vocabulary", "60+"),
    # crossings
    "in": QT_TRANSLATE_NOOP("Vocabulary", "Entering"),
    "out": QT_TRANSLATE_NOOP("Vocabulary", "Leaving"),
    "official_crossing": QT_TRANSLATE_NOOP("Vocabulary", "Official crossing"),
    "informal_crossing": QT_TRANSLATE_NOOP("Vocabulary", "Informal crossing"),
    "foot": QT_TRANSLATE_NOOP("Vocabulary", "On foot"),
    "car": QT_TRANSLATE_NOOP("Vocabulary", "Car"),
    "bus": QT_TRANSLATE_NOOP("Vocabulary", "Bus"),
    "truck": QT_TRANSLATE_NOOP("Vocabulary", "Truck"),
    "motorbike": QT_TRANSLATE_NOOP("Vocabulary", "Motorbike"),
    "boat": QT_TRANSLATE_NOOP("Vocabulary", "Boat"),
    "animal": QT_TRANSLATE_NOOP("Vocabulary", "Animal"),
    "conflict": QT_TRANSLATE_NOOP("Vocabulary", "Conflict"),
    "insecurity": QT_TRANSLATE_NOOP("Vocabulary", "Insecurity"),
    "family": QT_TRANSLATE_NOOP("Vocabulary", "Family reasons"),
    "economic": QT_TRANSLATE_NOOP("Vocabulary", "Economic"),
    "services": QT_TRANSLATE_NOOP("Vocabulary", "Access to services"),
    "vuln_disability": QT_TRANSLATE_NOOP("Vocabulary", "With disability"),
    "vuln_medical": QT_TRANSLATE_NOOP("Vocabulary", "Serious medical condition"),
    "vuln_pregnant": QT_TRANSLATE_NOOP("Vocabulary", "Pregnant or lactating"),
    "vuln_uasc": QT_TRANSLATE_NOOP("Vocabulary", "Unaccompanied or separated children"),
    "vuln_older_alone": QT_TRANSLATE_NOOP("Vocabulary", "Older person alone"),
    # UNHCR specific-needs categories
    "CR": QT_TRANSLATE_NOOP("Vocabulary", "Child at risk"),
    "SC": QT_TRANSLATE_NOOP("Vocabulary", "Unaccompanied or separated child"),
    "WR": QT_TRANSLATE_NOOP("Vocabulary", "Woman at risk"),
    "ER": QT_TRANSLATE_NOOP("Vocabulary", "Older person at risk"),
    "SP": QT_TRANSLATE_NOOP("Vocabulary", "Single parent or caregiver"),
    "DS": QT_TRANSLATE_NOOP("Vocabulary", "Disability"),
    "SM": QT_TRANSLATE_NOOP("Vocabulary", "Serious medical condition"),
    "FU": QT_TRANSLATE_NOOP("Vocabulary", "Family unity"),
    "TR": QT_TRANSLATE_NOOP("Vocabulary", "Torture"),
    "SV": QT_TRANSLATE_NOOP("Vocabulary", "Sexual and gender-based violence"),
    "LP": QT_TRANSLATE_NOOP("Vocabulary", "Specific legal and physical protection needs"),
    # Washington Group domains, short column headers
    "wg_seeing": QT_TRANSLATE_NOOP("Vocabulary", "Seeing"),
    "wg_hearing": QT_TRANSLATE_NOOP("Vocabulary", "Hearing"),
    "wg_walking": QT_TRANSLATE_NOOP("Vocabulary", "Walking"),
    "wg_remembering": QT_TRANSLATE_NOOP("Vocabulary", "Remembering"),
    "wg_selfcare": QT_TRANSLATE_NOOP("Vocabulary", "Self-care"),
    "wg_communicating": QT_TRANSLATE_NOOP("Vocabulary", "Communicating"),
}


def label(code: str | None) -> str:
    """The translated word for a stored code ('' for none; the code itself if it has no label)."""
    if not code:
        return ""
    text = _LABELS.get(code)
    return QCoreApplication.translate(_CTX, text) if text else str(code)


def count_label(field: str) -> str:
    """'Female 0–4' for ``f_0_4``."""
    sex, bracket = field.split("_", 1)
    return f"{label(sex)} {label(bracket)}"


def fill_combo(combo: QComboBox, codes, *, blank: str | None = None) -> None:
    """Fill a combo with labels, the code kept as item data; ``blank`` adds a first 'not given' item."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for code in codes:
        combo.addItem(label(code), code)


def select_code(combo: QComboBox, code) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


VOCABULARIES = {
    "status": model.HOUSEHOLD_STATUSES, "shelter_type": model.SHELTER_TYPES, "intention": model.INTENTIONS,
    "relationship": model.RELATIONSHIPS, "sex": model.SEXES, "transport": model.TRANSPORTS,
    "reason": model.REASONS, "direction": model.DIRECTIONS,
}
