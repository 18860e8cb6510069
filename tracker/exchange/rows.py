"""From a table's cells to each row's raw values by field, in batches (the reading half of an import).

Runs in the import's reading process for a large file (``tracker.store.childproc``), so everything
here is plain data: no database, nothing that does not pickle.
"""

from __future__ import annotations

import operator

from tracker.errors import FieldError
from .columns import unneutralise

BATCH = 2000  # rows checked and written together
# Code fields, matched in lower case, and the other words some forms use for their codes.
LOWER = {"mode", "status", "shelter_type", "intention", "consent_scope", "relationship", "document_type",
         "transport", "reason", "direction", "sex"}
VALUES = {
    "sex": {"female": "f", "woman": "f", "girl": "f", "أنثى": "f", "انثى": "f", "male": "m", "man": "m", "boy": "m",
            "ذكر": "m"},
    "direction": {"entry": "in", "arrival": "in", "incoming": "in", "دخول": "in", "exit": "out",
                  "departure": "out", "outgoing": "out", "خروج": "out"},
}


def filled(v) -> bool:
    return v is not None and not (isinstance(v, str) and not v.strip())


class Plan:
    """Which cell goes to which field, and the value map of each code field (matched in lower case)."""

    def __init__(self, mapped):
        self.cells = [(i, f, VALUES.get(f, {}) if f in LOWER else None) for i, f in enumerate(mapped)
                      if f is not None]
        self.fields = [f for _, f, _ in self.cells]
        self.codes = [(f, codes) for _, f, codes in self.cells if codes is not None]
        index = [i for i, _, _ in self.cells]
        self.need = max(index, default=-1) + 1
        self.pick = operator.itemgetter(*index) if index else None
        self.single = len(index) == 1  # then pick() gives the cell, not a tuple


def raw_values(cells, plan: Plan) -> dict | None:
    """One row's values by field: text stripped, our own formula guard undone, codes lower-cased."""
    if plan.pick is not None and len(cells) >= plan.need:
        picked = plan.pick(cells)
        try:
            values = [v.strip() for v in ((picked,) if plan.single else picked)]  # all text (always in a CSV)
        except AttributeError:
            pass  # a number or an empty cell from a workbook: the general path below
        else:
            raw = {f: (unneutralise(v) if v[:1] == "'" else v) or None for f, v in zip(plan.fields, values)}
            for f, codes in plan.codes:
                v = raw[f]
                if v is not None:
                    v = v.lower()
                    raw[f] = codes.get(v, v)
            return raw if any(values) else None
    raw, any_value, n = {}, False, len(cells)
    for i, f, codes in plan.cells:
        v = cells[i] if i < n else None
        if v.__class__ is str:
            v = v.strip()
            if v and v[0] == "'":
                v = unneutralise(v)
            v = v or None
        if v is not None:
            any_value = True
            if codes is not None and v.__class__ is str:
                v = v.lower()
                v = codes.get(v, v)
        raw[f] = v
    return raw if any_value else None


def batches(table, plan, width: int):
    """(data rows read, ragged-row errors, [(row number, raw values)]) for each BATCH rows."""
    batch, ragged, rows = [], [], 0
    for n, cells in table.rows:
        raw = raw_values(cells, plan)
        if raw is None and not any(filled(c) for c in cells[width:]):
            continue  # blank line
        rows += 1
        if len(cells) > width and any(filled(c) for c in cells[width:]):
            ragged.append(FieldError("(row)", "ragged", f"has {len(cells)} cells but the header has {width} "
                                     "columns", len(cells), n, None))
            continue
        batch.append((n, raw or {}))
        if len(batch) >= BATCH:
            yield rows, ragged, batch
            batch, ragged, rows = [], [], 0
    yield rows, ragged, batch
