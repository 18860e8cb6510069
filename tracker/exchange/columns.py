"""What each export holds: its columns, their HXL hashtags, and the SQL that reads them.

A column is (header, hashtag, SQL expression, kind). Personal columns (names,
contact, document numbers, free-text notes; ``model.PERSONAL_FIELDS``) are left
out unless a personal-data export was asked for and confirmed. Free-text
columns are neutralised in SQL (a leading ``= + - @`` tab or CR gets a ``'``
prefix) so that a spreadsheet never runs them as formulas, at C speed.
Place columns come from a temporary in-memory table of every location's
level-1 and level-2 ancestors, so each row is one indexed join, not Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain import model
from .hxl import COUNT_TAGS, INDIVIDUALS_TAG

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    name: str  # header in the file; a record field name where the column maps back on import
    tag: str  # HXL hashtag spec
    expr: str  # SQL expression
    kind: str = "code"  # text (free text, neutralised) | code | date | int | real
    personal: bool = False
    imports: bool = True  # False: derived or display-only, ignored when the file is imported back


def safe_text(expr: str) -> str:
    """SQL that prefixes a formula-like text value with an apostrophe."""
    return (f"CASE WHEN substr({expr}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13)) "
            f"THEN '''' || {expr} ELSE {expr} END")


def neutralise(value):
    """The same rule in Python (summary rows, error reports, XLSX cells)."""
    if isinstance(value, str) and value and value[0] in FORMULA_STARTS:
        return "'" + value
    return value


def unneutralise(value):
    """Undo ``neutralise`` when a file we wrote is imported back."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in FORMULA_STARTS:
        return value[1:]
    return value


def _c(name, tag, expr=None, kind="code", personal=False, imports=True, alias="r") -> Column:
    expr = expr or f"{alias}.{name}"
    if kind == "text":
        expr = safe_text(expr)
    return Column(name, tag, expr, kind, personal, imports)


def _place(prefix: str, alias: str, attr: str) -> list[Column]:
    """Level-1 and level-2 codes and English/Arabic names of a place (display; not imported)."""
    out = []
    for level in (1, 2):
        out += [
            _c(f"{prefix}_adm{level}", f"#adm{level}{attr}+code", f"{alias}.adm{level}", imports=False),
            _c(f"{prefix}_adm{level}_name", f"#adm{level}{attr}+name", f"{alias}.adm{level}_en", "text", imports=False),
            _c(f"{prefix}_adm{level}_name_ar", f"#adm{level}{attr}+name+i_ar", f"{alias}.adm{level}_ar", "text",
               imports=False),
        ]
    return out


def _counts() -> list[Column]:
    return [_c(f, COUNT_TAGS[f], kind="int") for f in model.COUNT_FIELDS]


_ORG = Column("organisation", "#org+name", "?", "text", imports=False)  # bound to store.organisation

HOUSEHOLDS = [
    _c("id", "#meta+id"),
    _c("source_id", "#meta+source", kind="text"),
    _c("registration_date", "#date+reported", kind="date"),
    _c("displacement_date", "#date+occurred", kind="date"),
    _c("mode", "#x_mode"),
    _c("status", "#status"),
    _c("registration_pcode", "#loc+x_registration+code"),
    _c("origin_pcode", "#loc+origin+code"),
    *_place("origin", "o", "+origin"),
    _c("origin_village", "#loc+origin+name", kind="text"),
    _c("current_pcode", "#loc+code"),
    *_place("current", "c", ""),
    _c("site_name", "#loc+name", kind="text"),
    _c("shelter_type", "#x_shelter+type"),
    _c("intention", "#x_intention"),
    _c("consent_share", "#x_consent", kind="int"),
    _c("consent_scope", "#x_consent+scope"),
    _c("consent_date", "#date+x_consent", kind="date"),
    *_counts(),
    _c("total", INDIVIDUALS_TAG, kind="int", imports=False),
    _c("has_specific_needs", "#x_specific_needs", kind="int", imports=False),
    _c("uasc_count", "#affected+idps+children+x_uasc", kind="int", imports=False),
    _c("head_name_ar", "#x_head+name+i_ar", kind="text", personal=True),
    _c("head_name_lat", "#x_head+name", kind="text", personal=True),
    _c("contact_phone", "#contact+phone", kind="text", personal=True),
    _c("notes", "#description+x_notes", kind="text", personal=True),
    _ORG,
]

PERSONS = [
    _c("id", "#meta+id"),
    _c("source_id", "#meta+source", kind="text"),
    _c("household_id", "#meta+id+x_household"),
    _c("sex", "#x_sex"),
    _c("age", "#x_age", kind="int"),
    _c("age_bracket", "#x_age+bracket", imports=False),
    _c("age_estimated", "#x_age+estimated", kind="int"),
    _c("relationship", "#x_relationship"),
    *[_c(f, f"#x_wg+{f[3:]}", kind="int") for f in model.WG_FIELDS],
    _c("specific_needs", "#x_specific_needs"),
    _c("separated_child", "#x_child+separated", kind="int"),
    _c("unaccompanied_child", "#x_child+unaccompanied", kind="int"),
    _c("document_type", "#x_document+type"),
    *[_c(f"{p}_name_ar", f"#x_name+{p}+i_ar", kind="text", personal=True)
      for p in ("given", "father", "grandfather", "family")],
    *[_c(f"{p}_name_lat", f"#x_name+{p}", kind="text", personal=True)
      for p in ("given", "father", "grandfather", "family")],
    _c("birth_date", "#date+x_birth", kind="date", personal=True),
    _c("document_number", "#x_document+code", kind="text", personal=True),
    _c("notes", "#description+x_notes", kind="text", personal=True),
    _ORG,
]

CROSSINGS = [
    _c("id", "#meta+id"),
    _c("source_id", "#meta+source", kind="text"),
    _c("counted_at", "#date+reported", kind="date"),
    _c("crossing_pcode", "#loc+code"),
    _c("crossing_name", "#loc+name", "x.name_en", "text", imports=False),
    _c("crossing_name_ar", "#loc+name+i_ar", "x.name_ar", "text", imports=False),
    _c("crossing_type", "#loc+type", "x.kind", imports=False),
    _c("direction", "#x_direction"),
    *_counts(),
    _c("total", INDIVIDUALS_TAG, kind="int"),
    _c("nationality", "#x_nationality+code"),
    _c("origin_pcode", "#loc+origin+code"),
    *_place("origin", "o", "+origin"),
    _c("origin_text", "#loc+origin+name", kind="text"),
    _c("destination_pcode", "#loc+dest+code"),
    _c("destination_country", "#country+dest+code", "d.country", imports=False),
    *_place("destination", "d", "+dest"),
    _c("destination_text", "#loc+dest+name", kind="text"),
    _c("transport", "#x_transport"),
    _c("reason", "#cause"),
    *[_c(f, f"#affected+idps+ind+x_{f[5:]}", kind="int") for f in model.VULNERABILITY_FIELDS],
    _c("household_id", "#meta+id+x_household"),
    _c("observer", "#x_observer+name", kind="text", personal=True),
    _c("notes", "#description+x_notes", kind="text", personal=True),
    _ORG,
]

MOVEMENTS = [
    _c("id", "#meta+id"),
    _c("household_id", "#meta+id+x_household"),
    _c("movement_date", "#date+occurred", kind="date"),
    _c("from_pcode", "#loc+origin+code"),
    *_place("from", "o", "+origin"),
    _c("from_text", "#loc+origin+name", kind="text"),
    _c("to_pcode", "#loc+dest+code"),
    _c("to_country", "#country+dest+code", "d.country", imports=False),
    *_place("to", "d", "+dest"),
    _c("to_text", "#loc+dest+name", kind="text"),
    _c("crossing_pcode", "#loc+code"),
    _c("crossing_name", "#loc+name", "x.name_en", "text", imports=False),
    _c("crossing_name_ar", "#loc+name+i_ar", "x.name_ar", "text", imports=False),
    _c("reason", "#cause"),
    _c("notes", "#description+x_notes", kind="text", personal=True),
    _ORG,
]

# dataset -> (table, columns, joins, date column used by --from/--to)
DATASETS = {
    "households": ("households", HOUSEHOLDS,
                   "LEFT JOIN temp.x_admin o ON o.pcode = r.origin_pcode "
                   "LEFT JOIN temp.x_admin c ON c.pcode = r.current_pcode", "r.registration_date"),
    "persons": ("persons", PERSONS, "", "h.registration_date"),
    "crossings": ("crossing_counts", CROSSINGS,
                  "LEFT JOIN temp.x_admin x ON x.pcode = r.crossing_pcode "
                  "LEFT JOIN temp.x_admin o ON o.pcode = r.origin_pcode "
                  "LEFT JOIN temp.x_admin d ON d.pcode = r.destination_pcode", "r.count_date"),
    "movements": ("movements", MOVEMENTS,
                  "LEFT JOIN temp.x_admin o ON o.pcode = r.from_pcode "
                  "LEFT JOIN temp.x_admin d ON d.pcode = r.to_pcode "
                  "LEFT JOIN temp.x_admin x ON x.pcode = r.crossing_pcode", "r.movement_date"),
}
RECORD_DATASETS = tuple(DATASETS)
ALL_DATASETS = (*RECORD_DATASETS, "summary")


def columns_for(dataset: str, pii: bool) -> list[Column]:
    return [c for c in DATASETS[dataset][1] if pii or not c.personal]


def query(dataset: str, pii: bool, date_from: str | None, date_to: str | None,
          organisation: str) -> tuple[str, list]:
    """The SELECT that yields the export's rows in column order, oldest first, and its parameters."""
    table, _, joins, date_col = DATASETS[dataset]
    cols = columns_for(dataset, pii)
    params: list = [organisation]
    where = ["r.deleted = 0"]
    if dataset == "persons" and (date_from or date_to):
        joins = "JOIN households h ON h.id = r.household_id"
    if date_from:
        where.append(f"{date_col} >= ?")
        params.append(date_from)
    if date_to:
        # counted_at-style timestamps compare as text: the whole last day is included
        where.append(f"substr({date_col}, 1, 10) <= ?")
        params.append(date_to)
    sql = (f"SELECT {', '.join(c.expr for c in cols)} FROM {table} r {joins} "
           f"WHERE {' AND '.join(where)} ORDER BY r.rowid")
    return sql, params


def admin_rows(locations: dict) -> list[tuple]:
    """(pcode, kind, country, name_en, name_ar, adm1, adm1_en, adm1_ar, adm2, adm2_en, adm2_ar) per location."""
    out = []
    for code, loc in locations.items():
        found: dict[int, dict] = {}
        cur, hops = loc, 0
        while cur is not None and hops < 8:
            if cur.get("level") in (1, 2):
                found.setdefault(cur["level"], cur)
            cur = locations.get(cur.get("parent")) if cur.get("parent") else None
            hops += 1
        a1, a2 = found.get(1, {}), found.get(2, {})
        out.append((code, loc.get("kind"), loc.get("country"), loc.get("name_en"), loc.get("name_ar"),
                    a1.get("id"), a1.get("name_en"), a1.get("name_ar"),
                    a2.get("id"), a2.get("name_en"), a2.get("name_ar")))
    return out


def load_admin_table(store) -> None:
    """(Re)fill the temporary place lookup the export queries join (memory only: temp_store=MEMORY)."""
    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS x_admin (pcode TEXT PRIMARY KEY, kind TEXT, country TEXT, "
                 "name_en TEXT, name_ar TEXT, adm1 TEXT, adm1_en TEXT, adm1_ar TEXT, "
                 "adm2 TEXT, adm2_en TEXT, adm2_ar TEXT)")
    conn.execute("DELETE FROM temp.x_admin")
    conn.executemany("INSERT INTO temp.x_admin VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     admin_rows(store.locations()))
