"""Partner data in one step: KoboToolbox and ODK exports with their repeat groups.

``plan(inputs)`` looks at every table given (files, a folder, an ODK Central ZIP, a Kobo workbook
with a sheet per repeat group) and decides, with no mapping file for the usual layouts:

- which table holds the households (the submissions) and which the members or movements (a repeat
  group: ODK ``PARENT_KEY``/``KEY``, Kobo ``_parent_index``/``_submission__uuid``);
- which column fills which field, and why every other column is ignored;
- how the partner's choice names and labels (English/Arabic, from its XLSForm when given) become
  our codes.

``run(store, plan)`` then imports households, their movements and their members in ONE
transaction with one report: all or nothing by default, the valid rows with ``keep_valid``.
Households come first (each gets its id here, so its movement is written with it); members find
their household by its source id, stored and compared in one form (``sourceids``).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import FieldError, Progress, ValidationError
from tracker.store import records
from tracker.store.ids import new_id
from tracker.domain.validation import clean_movement
from . import choices, consistency, csvio, importer, sourceids, xlsform
from . import mapping as mapping_mod
from .columns import neutralise, unneutralise
from .errors import MappingError
from .inputs import Part

BATCH = 2000
ROLES = ("households", "persons", "movements")
MOVEMENT_FIELDS = ("destination_pcode", "destination_adm1", "destination_adm2", "destination_text", "crossing_pcode",
                   "crossing_type", "movement_date", "movement_reason")
MAIN_FIELDS = (*mapping_mod.FIELDS["households"], "current_adm1", "current_adm2", *MOVEMENT_FIELDS)
REPEAT_MOVEMENT_FIELDS = ("household_source_id", "movement_date", "from_pcode", "from_text", "to_pcode", "to_text",
                          "crossing_pcode", "reason", "notes")
FIELDS = {"households": tuple(dict.fromkeys(MAIN_FIELDS)), "persons": mapping_mod.FIELDS["persons"],
          "movements": REPEAT_MOVEMENT_FIELDS}
# Header words (after mapping.normalise_header) the automatic mapping does not know for each role.
EXTRA = {
    "households": {
        "key": "source_id", "destination_governorate": "destination_adm1", "governorate_destination": "destination_adm1",
        "dest_gov": "destination_adm1", "destination_gov": "destination_adm1", "destination_district": "destination_adm2",
        "dest_district": "destination_adm2", "destination": "destination_pcode", "crossing_point": "crossing_pcode",
        "crossing": "crossing_pcode", "border_crossing": "crossing_pcode", "entry_point": "crossing_pcode",
        "crossing_type": "crossing_type", "type_of_crossing": "crossing_type", "date_crossing": "movement_date",
        "crossing_date": "movement_date", "date_of_crossing": "movement_date", "arrival_date": "movement_date",
        "date_arrival": "movement_date", "reason_displacement": "movement_reason",
        "displacement_reason": "movement_reason", "reason": "movement_reason", "origin_gov": "origin_adm1",
        "gov_origin": "origin_adm1", "origin_dist": "origin_adm2", "district_origin": "origin_adm2",
        "current_governorate": "current_adm1", "current_gov": "current_adm1", "current_district": "current_adm2",
        "current_dist": "current_adm2", "household_size": "household_size", "family_size": "household_size",
        "hhsize": "household_size", "phone_number": "contact_phone",
    },
    "persons": {"key": "source_id", "parent_key": "household_source_id", "member_name": "given_name_ar",
                "member_name_en": "given_name_lat", "needs": "specific_needs", "member_sex": "sex",
                "member_age": "age", "relation_to_head": "relationship", "member_relation": "relationship",
                "member_dob": "birth_date"},
    "movements": {"key": "source_id", "parent_key": "household_source_id", "_submission_uuid": "household_source_id",
                  "date": "movement_date", "date_movement": "movement_date", "move_date": "movement_date",
                  "date_move": "movement_date", "movement_reason": "reason", "from": "from_pcode",
                  "to": "to_pcode", "crossing": "crossing_pcode", "crossing_point": "crossing_pcode"},
}
# Columns every Kobo/ODK export carries that are not data of ours: ignored with this reason.
METADATA = {"start", "end", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "audit", "_id",
            "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "_version",
            "_tags", "_index", "_parent_table_name", "_parent_index", "submitterid", "submittername",
            "attachmentspresent", "attachmentsexpected", "status", "reviewstate", "edits", "formversion",
            "isvalidated", "_xform_id_string", "_attachments", "_geolocation", "_duration"}
DATE_FIELDS = {"registration_date", "displacement_date", "consent_date", "movement_date", "birth_date"}
NAME_PAIRS = {"head_name_ar": "head_name_lat", "given_name_ar": "given_name_lat", "father_name_ar": "father_name_lat",
              "family_name_ar": "family_name_lat"}
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_MEDIUM = ("%b %d, %Y %I:%M:%S %p", "%b %d, %Y", "%d-%b-%Y", "%d %b %Y")  # ODK Briefcase and spreadsheet dates


# Why a column is ignored: a code (ui/ translates it) and its English words (report, command line).
REASONS = {"repeat_link": "ODK's link to a repeat-group file", "link": "submission link",
           "metadata": "form metadata", "choice_column": "one choice of the multiple choice {detail!r} (that column "
           "is used)", "no_field": "no matching field"}


@dataclass
class Column:
    header: str
    field: str | None
    reason: str = ""  # a REASONS code when ignored
    detail: str = ""  # the multiple-choice column a choice column belongs to

    @property
    def note(self) -> str:
        return REASONS[self.reason].format(detail=self.detail) if self.reason else ""


@dataclass
class Table:
    part: Part
    role: str  # households | persons | movements
    layout: str  # odk | kobo | plain
    headers: list[str]
    tags: list[str] | None
    mapped: list[str | None]
    notes: dict[int, str] = field(default_factory=dict)
    index_col: int | None = None  # Kobo _index (main table: the parent of repeat rows)
    parent_col: int | None = None  # Kobo _parent_index of a repeat row
    rows: int = 0

    @property
    def columns(self) -> list[Column]:
        return [Column(h, f, *self.notes.get(i, ("", ""))) if f is None else Column(h, f)
                for i, (h, f) in enumerate(zip(self.headers, self.mapped))]

    @property
    def ignored(self) -> list[Column]:
        return [c for c in self.columns if c.field is None]


@dataclass
class Plan:
    tables: list[Table]
    form: xlsform.Form | None = None
    form_id: str = ""
    value_maps: dict = field(default_factory=dict)  # field -> {partner word: our code}
    unmatched: list = field(default_factory=list)  # partner choices that match none of our codes
    value_list: list = field(default_factory=list)  # (field, partner's text, our code), as shown
    skipped: list[str] = field(default_factory=list)  # files not read
    profile_name: str | None = None
    given: list = field(default_factory=list)  # the paths the user gave
    encoding: str | None = None  # of CSV files that are not UTF-8 (--encoding)

    def missing(self) -> list[str]:
        """Required fields with no column, per table ("members.csv: sex")."""
        out = []
        for t in self.tables:
            kind = t.role if t.role != "movements" else None
            if kind:
                out += [f"{t.part.name}: {m}" for m in mapping_mod.missing_required(kind, t.mapped)]
            elif "household_source_id" not in t.mapped:
                out.append(f"{t.part.name}: household link")
        return out

    def profile(self) -> dict:
        """The mapping as a saved profile of this partner form."""
        return {"kind": "partner", "form": self.form_id,
                "tables": {t.part.stem: {"role": t.role, "columns": dict(zip(t.headers, t.mapped))}
                           for t in self.tables},
                "values": _group(self.value_list)}


def is_simple(plan: Plan) -> bool:
    """One households table with nothing only the partner import handles (no repeat group, no
    movement, admin-level or declared-size columns, no XLSForm, no value mapping): the single-file
    import reads it, in a second process when it is large (docs/performance.md)."""
    if len(plan.tables) != 1 or plan.form is not None or plan.value_maps:
        return False
    t = plan.tables[0]
    special = {*MOVEMENT_FIELDS, "household_size", *choices.ADMIN_LEVEL}
    return (t.role == "households" and t.layout != "odk" and not special & set(t.mapped)
            and all(f in mapping_mod.FIELDS["households"] for f in t.mapped if f))


def _group(triples) -> dict:
    out: dict = {}
    for f, text, code in triples:
        out.setdefault(f, {})[text] = code
    return out


# -- planning ------------------------------------------------------------------------------
def _normal(header: str, layout: str) -> str:
    # ODK joins group names with "-" (Briefcase, Central); Kobo with "/", which mapping drops.
    return mapping_mod.normalise_header(header.replace("-", "/") if layout == "odk" else header)


def _layout(names: set[str]) -> str:
    if names & {"parent_key", "key"} or "meta_instanceid" in names:
        return "odk"
    if names & {"_uuid", "_index", "_parent_index", "_submission_uuid"}:
        return "kobo"
    return "plain"


def _role(part: Part, names: set[str], guess_persons: list, guess_movements: list) -> str:
    repeat = bool(names & {"parent_key", "_parent_index", "_submission_uuid", "_parent_table_name"})
    stem = part.stem.lower()
    persons_score = sum(f in guess_persons for f in ("given_name_ar", "given_name_lat", "sex", "relationship",
                                                     "age", "birth_date"))
    movement_score = sum(f in guess_movements for f in ("to_pcode", "from_pcode", "movement_date", "crossing_pcode"))
    if repeat or ({"household_id", "household_source_id"} & set(guess_persons) and persons_score >= 2):
        if re.search(r"move|journey|trip|displacement", stem) and not re.search(r"member|person|individual", stem):
            return "movements"
        return "persons" if persons_score >= movement_score else "movements"
    return "households"


def _auto(role: str, keys: list[str], tags) -> list[str | None]:
    kind = "persons" if role == "persons" else "households"
    mapped = mapping_mod.auto_map(kind, keys, tags) if role != "movements" else [None] * len(keys)
    extra, fields = EXTRA[role], set(FIELDS[role])
    taken = set(f for f in mapped if f)
    for i, key in enumerate(keys):
        name = mapping_mod.normalise_header(key)
        target = extra.get(name) or (name if name in fields else None)
        if mapped[i] is None and target and target not in taken:
            mapped[i], _ = target, taken.add(target)
    if role == "households" and "registration_date" not in taken:  # the submission date stands in
        for i, key in enumerate(keys):
            if mapping_mod.normalise_header(key) in ("submissiondate", "_submission_time") and mapped[i] is None:
                mapped[i] = "registration_date"
                break
    return mapped


def _why(header: str, name: str, headers: list[str], mapped: list) -> tuple[str, str]:
    if header.upper().startswith("SET-OF-"):
        return "repeat_link", ""
    if name in ("_submission_uuid", "parent_key", "_parent_index", "_index", "key", "instanceid", "meta_instanceid"):
        return "link", ""
    if name.startswith("_submission_") or name in METADATA:
        return "metadata", ""
    for j, other in enumerate(headers):
        if mapped[j] and other != header and (header.startswith(other + "/") or header.startswith(other + "-")):
            return "choice_column", other
    return "no_field", ""


def plan(inputs, *, profile: dict | None = None, locations: dict | None = None, role: str | None = None,
         encoding: str | None = None) -> Plan:
    """The proposed import of everything in ``inputs`` (``inputs.gather``): roles, column and value
    mappings, ignored columns. Reads only the headers (and an XLSForm). ``role`` fixes the role of
    a single table (``--kind``)."""
    forced = role
    form = xlsform.read(inputs.form) if inputs.form else None
    chosen = (profile or {}).get("tables") or {}
    if not chosen and (profile or {}).get("columns"):  # a one-file mapping ({"kind", "columns"}): its kind's tables
        chosen = {"": {"role": profile.get("kind"), "columns": profile["columns"], "any": True}}
    tables = []
    for part in inputs.parts:
        with csvio.open_table(part.path, encoding, part.sheet) as t:
            headers, tags = t.headers, t.tags
        first_pass = [(form.name_for_label(h) if form else None) or h for h in headers]
        names0 = {mapping_mod.normalise_header(h) for h in first_pass}
        layout = _layout(names0 | {_normal(h, "odk") for h in first_pass if h.upper() in ("KEY", "PARENT_KEY")})
        keys = [k.replace("-", "/") if layout == "odk" else k for k in first_pass]
        names = {mapping_mod.normalise_header(k) for k in keys}
        role = _role(part, names, _auto("persons", keys, tags), _auto("movements", keys, tags))
        saved = chosen.get(part.stem) or next((v for v in chosen.values() if v.get("role") == role
                                               or (v.get("any") and v.get("role") in (None, forced))), None)
        if saved and saved.get("role") in ROLES and not saved.get("any"):
            role = saved["role"]
        if forced in ROLES and len(inputs.parts) == 1:
            role = forced
        mapped = _auto(role, keys, tags)
        if saved:
            columns = saved.get("columns") or {}
            bad = [f for f in columns.values() if f is not None and f not in FIELDS[role]]
            if bad:
                raise MappingError(f"unknown field {bad[0]!r} in the profile for {part.name}", field=bad[0])
            for i, h in enumerate(headers):
                if h in columns:
                    mapped[i] = columns[h]
            dup = [f for f in mapped if f and mapped.count(f) > 1]
            if dup:
                raise MappingError(f"field {dup[0]!r} is mapped from two columns of {part.name}", field=dup[0])
        table = Table(part, role, layout, headers, tags, mapped)
        for i, key in enumerate(keys):
            name = mapping_mod.normalise_header(key)
            if name == "_index" and layout == "kobo":
                table.index_col = i
            if name == "_parent_index":
                table.parent_col = i
            if mapped[i] is None:
                table.notes[i] = _why(headers[i], name, headers, mapped)
        tables.append(table)
    tables.sort(key=lambda t: ROLES.index(t.role))  # households first: the others link to them
    if not any(t.role == "households" for t in tables) and not any(t.role == "persons" for t in tables):
        raise MappingError("found no table of households or members among the files")
    result = Plan(tables, form, skipped=list(inputs.skipped), given=list(inputs.given), encoding=encoding)
    result.form_id = (form.form_id if form else None) or next(
        (t.part.stem for t in tables if t.role == "households"), tables[0].part.stem)
    used_fields, questions = set(), {}
    for t in tables:
        for h, f in zip(t.headers, t.mapped):
            if f:
                used_fields.add(f)
                if form:
                    q = form.name_for_label(h) or re.split(r"[/-]", h)[-1]
                    questions.setdefault(f, q)
    result.value_maps, result.unmatched, result.value_list = choices.build_maps(sorted(used_fields), form, questions, locations,
                                                             (profile or {}).get("values"))
    return result


# -- reading rows ---------------------------------------------------------------------------
def preview(paths, *, form=None, profile=None, locations=None, role=None, encoding=None) -> Plan:
    """The plan of an import of ``paths`` (files, folders, ZIPs), for the wizard's preview."""
    from .inputs import gather

    with gather(paths, form=form) as given:
        return plan(given, profile=profile, locations=locations, role=role, encoding=encoding)


def import_paths(store, paths, *, form=None, profile=None, role=None, encoding=None, **options) -> PartnerResult:
    """Plan (with ``profile``, e.g. the mapping edited in the preview) and run, in one go."""
    from .inputs import gather

    with gather(paths, form=form) as given:
        return run(store, plan(given, profile=profile, locations=store.locations(), role=role, encoding=encoding),
                   **options)


def _date(value):
    if value.__class__ is not str:
        return value
    text = value.strip()
    if not text or text[:4].isdigit():
        return text or None
    for fmt in _MEDIUM:
        try:
            d = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return d.date().isoformat()
    return text


def _read(table: Table, maps: dict, locations: dict, used: dict, encoding=None,
          tick=None) -> list[tuple[int, dict, object, object]]:
    """(row number, raw values by field, Kobo _index, Kobo _parent_index) of every non-blank row.
    ``tick(fraction of the file read)`` is called now and then (progress, cancel)."""
    cells_of = [(i, f) for i, f in enumerate(table.mapped) if f]
    out = []
    with csvio.open_table(table.part.path, encoding, table.part.sheet) as t:
        for n, cells in t.rows:
            if tick is not None and n % 1000 == 0:
                done, total = t.position()
                tick(done / total if total else 0)
            raw, any_value = {}, False
            for i, f in cells_of:
                v = cells[i] if i < len(cells) else None
                if v.__class__ is str:
                    v = v.strip()
                    v = unneutralise(v) if v[:1] == "'" else v
                    v = v or None
                if v is None:
                    continue
                any_value = True
                if f in DATE_FIELDS:
                    v = _date(v)
                if f in maps or f in choices.coded_fields():
                    v = choices.apply(f, v, maps.get(f), locations, used)
                raw[f] = v
            if not any_value:
                continue
            for ar, lat in NAME_PAIRS.items():  # a Latin-script name in the Arabic-name column
                if raw.get(ar).__class__ is str and lat not in raw and not _ARABIC.search(raw[ar]):
                    raw[lat] = raw.pop(ar)
            index = cells[table.index_col] if table.index_col is not None and table.index_col < len(cells) else None
            parent = cells[table.parent_col] if table.parent_col is not None and table.parent_col < len(cells) else None
            out.append((n, raw, index, parent))
    table.rows = len(out)
    return out


# -- running ---------------------------------------------------------------------------------
@dataclass
class Issue:
    file: str
    error: FieldError
    severity: str  # error | warning


@dataclass
class PartnerResult:
    plan: Plan
    keep_valid: bool = False
    rows: int = 0
    imported: dict = field(default_factory=lambda: {r: 0 for r in ROLES})
    duplicates: int = 0
    valid: int = 0
    issues: list[Issue] = field(default_factory=list)
    values_used: dict = field(default_factory=dict)  # (field, given, code) -> times
    committed: bool = False
    report_path: str | None = None

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def rejected(self) -> int:
        return len({(i.file, i.error.row) for i in self.errors})

    def summary(self) -> str:
        done = ", ".join(f"{self.imported[r]} {r}" for r in ROLES if self.imported[r] or r != "movements")
        warn = f"; {len(self.warnings)} warnings" if self.warnings else ""
        if not self.errors:
            return (f"imported {done} from {self.rows} rows"
                    + (f" ({self.duplicates} already present, skipped)" if self.duplicates else "") + warn
                    + (f"; report in {self.report_path}" if self.report_path else ""))
        line = f"{self.rejected} of {self.rows} rows rejected, see {self.report_path}"
        if self.committed:
            return line + f"; imported {done}" + warn
        return line + f"; nothing was imported (--keep-valid would import the {self.valid} valid rows)"


class _Rollback(Exception):
    pass


class _Households(importer._Households):
    """Our household checks plus the partner's: consistency across fields, the movement the row
    describes (checked here, written once the household is)."""

    def __init__(self, store, result, columns, run):
        super().__init__(store, result, columns)
        self.run = run

    def clean(self, n, raw):
        run = self.run
        sid = sourceids.normalise(raw.get("source_id"))
        errors = consistency.admin_levels(raw, self.locations) + consistency.crossing_type(raw, self.locations)
        errors += consistency.movement_dates(raw)
        size_errors, warnings = consistency.household_size(raw, run.member_rows.get(sid))
        errors += size_errors
        for w in warnings:
            run.warn(run.current, n, w, self.columns)
        movement, move_errors = _movement_of(raw, self.locations)
        errors += move_errors
        for f in ("origin", "current"):  # the lowest level given stands for the place
            if raw.get(f"{f}_pcode") is None:
                importer._fallback(raw, f"{f}_pcode", f"{f}_adm2", f"{f}_adm1")
        try:
            rec = super().clean(n, raw)
        except ValidationError as exc:
            raise ValidationError(_once(errors + exc.errors)) from None
        if errors:
            raise ValidationError(_once(errors))
        rec["id"] = new_id()
        if movement is not None:
            run.movements[rec["id"]] = movement
        return rec


def _once(errors: list[FieldError]) -> list[FieldError]:
    """One error per field and value (the same bad code found by two checks is reported once)."""
    seen, out = set(), []
    for e in errors:
        key = (e.field, str(e.value))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _movement_of(raw: dict, locations: dict):
    """The movement a household row describes (destination, crossing, date), or None; its errors
    under the household row's own fields."""
    if not any(raw.get(f) is not None for f in ("destination_pcode", "destination_adm2", "destination_adm1",
                                                 "destination_text", "crossing_pcode", "movement_date")):
        return None, []
    dest_field = next((f for f in ("destination_pcode", "destination_adm2", "destination_adm1")
                       if raw.get(f) is not None), "destination_pcode")
    values = {"household_id": "-", "from_pcode": raw.get("origin_pcode") or raw.get("origin_adm2")
              or raw.get("origin_adm1"), "from_text": raw.get("origin_village"), "to_pcode": raw.get(dest_field),
              "to_text": raw.get("destination_text"), "crossing_pcode": raw.get("crossing_pcode"),
              "movement_date": raw.get("movement_date") or raw.get("displacement_date") or raw.get("registration_date"),
              "reason": raw.get("movement_reason")}
    back = {"to_pcode": dest_field, "to_text": "destination_text", "reason": "movement_reason",
            "from_pcode": "origin_pcode", "from_text": "origin_village"}
    try:
        clean = clean_movement(values, locations)
    except ValidationError as exc:
        errs = [FieldError(back.get(e.field, e.field), e.rule, e.message, e.value) for e in exc.errors
                if back.get(e.field, e.field) not in ("origin_pcode", "origin_village")]  # the household's own rules
        return None, errs
    return clean, []


class _Persons(importer._Persons):
    def __init__(self, store, result, columns, run):
        super().__init__(store, result, columns)
        self.run = run

    def clean(self, n, raw):
        hsrc = sourceids.normalise(raw.get("household_source_id"))
        hh = self.by_source.get(hsrc) if hsrc else None
        if hsrc in self.run.rejected_households:
            # The member's own errors too (a wrong choice is usually the same in every file), but
            # not "matches no household": it was not written because it was rejected.
            errors = [FieldError("household_source_id", "parent_rejected",
                                 f"its household ({self.run.rejected_households[hsrc]}) was rejected", hsrc)]
            try:
                super().clean(n, raw)
            except ValidationError as exc:
                errors += [e for e in exc.errors if e.rule != "not_found"]
            raise ValidationError(errors)
        rec = super().clean(n, raw)
        if hh and rec.get("birth_date") and hh[2] and rec["birth_date"] > hh[2][:10]:
            raise ValidationError([FieldError("birth_date", "after_registration",
                                              "is after the household's registration date", rec["birth_date"])])
        return rec


class _Run:
    def __init__(self, store, plan: Plan, result: PartnerResult):
        self.store, self.plan, self.result = store, plan, result
        self.member_rows: Counter = Counter()
        self.movements: dict = {}  # household id -> cleaned movement (written with it)
        self.rejected_households: dict = {}  # source id -> "row N of FILE"
        self.created: set = set()
        self.current = ""

    def warn(self, file: str, n: int, e: FieldError, columns: dict) -> None:
        self.result.issues.append(Issue(file, e.at(n, columns.get(e.field)), "warning"))

    def collect(self, file: str, result: importer.ImportResult) -> None:
        self.result.issues.extend(Issue(file, e, "error") for e in result.errors)
        self.result.duplicates += result.duplicates
        self.result.valid += result.valid


def _chunks(items, size=BATCH):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run(store, plan: Plan, *, keep_valid: bool = False, report=None, progress=None, cancelled=None) -> PartnerResult:
    """Import what ``plan`` describes in one transaction. Raises MappingError when a table lacks a
    required column (nothing read), Cancelled when asked to stop (nothing written)."""
    missing = plan.missing()
    if missing:
        raise MappingError("no column for " + "; ".join(missing) + "; map one in the preview or the profile",
                           missing=missing)
    result = PartnerResult(plan, keep_valid=keep_valid)
    locations = store.locations()
    used: dict = {}
    # Progress in thousandths: reading every table is the first half, checking and writing the second.
    ticks = Progress(progress, cancelled)
    read = {}
    for i, t in enumerate(plan.tables):
        read[id(t)] = _read(t, plan.value_maps, locations, used, plan.encoding,
                            lambda frac, i=i: ticks.tick(int(500 * (i + frac) / len(plan.tables)), 1000))
    result.values_used = used
    result.rows = sum(len(v) for v in read.values())
    runner = _Run(store, plan, result)
    done = 0

    def written(rows: int) -> None:
        ticks.tick(500 + 500 * rows // max(1, result.rows), 1000)

    # Kobo: a repeat row names its submission by _parent_index (the main sheet's _index) when it
    # carries no _submission__uuid; duplicated submissions are skipped once, with their repeats.
    by_index, duplicate_index, first_seen = {}, set(), {}
    mains = [t for t in plan.tables if t.role == "households"]
    for t in mains:
        kept = []
        for n, raw, index, _ in read[id(t)]:
            sid = sourceids.normalise(raw.get("source_id"))
            if sid is not None and sid in first_seen:
                runner.warn(t.part.name, n, FieldError("source_id", "duplicate_submission",
                            f"is the same submission as {first_seen[sid]}; the copy is skipped", sid),
                            _columns(t))
                result.duplicates += 1
                if index is not None:
                    duplicate_index.add(str(index))
                continue
            if sid is not None:
                first_seen[sid] = f"row {n} of {t.part.name}"
                if index is not None:
                    by_index[str(index)] = sid
            kept.append((n, raw, index, None))
        read[id(t)] = kept
    for t in plan.tables:
        if t.role == "households":
            continue
        kept = []
        for n, raw, index, parent in read[id(t)]:
            if raw.get("household_source_id") is None and parent is not None:
                raw["household_source_id"] = by_index.get(str(parent))
            if parent is not None and str(parent) in duplicate_index and t.role != "households":
                result.duplicates += 1
                continue
            if t.role == "persons" and raw.get("row_index") is None and index is not None and t.layout == "kobo":
                raw["row_index"] = index
            hsrc = sourceids.normalise(raw.get("household_source_id"))
            if hsrc:
                runner.member_rows[hsrc] += t.role == "persons"
            kept.append((n, raw, index, parent))
        read[id(t)] = kept
    try:
        with store.atomic():
            for t in mains:
                runner.current = t.part.name
                part = importer.ImportResult("households", t.part.name)
                handler = _Households(store, part, _columns(t), runner)
                rows = read[id(t)]
                for batch in _chunks(rows):
                    items = []
                    for n, raw, _, _ in batch:
                        sid = sourceids.normalise(raw.get("source_id"))
                        if sid in runner.member_rows and raw.get("mode") is None:
                            raw["mode"] = "full"  # its members come with it
                        items.append((n, raw))
                    handler.flush(handler.prepare(items), write=True)
                    done += len(batch)
                    written(done)
                rejected_rows = {e.row for e in part.errors}
                for n, raw, _, _ in rows:
                    sid = sourceids.normalise(raw.get("source_id"))
                    if n in rejected_rows and sid:
                        runner.rejected_households[sid] = f"row {n} of {t.part.name}"
                result.imported["households"] += part.imported
                runner.collect(t.part.name, part)
            runner.created = _existing(store, list(runner.movements))
            moves = [m | {"household_id": hid} for hid, m in runner.movements.items() if hid in runner.created]
            records.bulk_create(store, "movements", moves, action="import")
            result.imported["movements"] += len(moves)
            for t in plan.tables:
                if t.role == "persons":
                    runner.current = t.part.name
                    part = importer.ImportResult("persons", t.part.name)
                    handler = _Persons(store, part, _columns(t), runner)
                    for batch in _chunks(read[id(t)]):
                        handler.flush([(n, raw) for n, raw, _, _ in batch], write=True)
                        done += len(batch)
                        written(done)
                    handler.finish()
                    result.imported["persons"] += part.imported
                    runner.collect(t.part.name, part)
                elif t.role == "movements":
                    _repeat_movements(store, t, read[id(t)], runner, locations)
                    done += len(read[id(t)])
                    written(done)
            if result.errors and not keep_valid:
                raise _Rollback()
            records.audit(store, "import", table="households", detail={
                "files": [t.part.name for t in plan.tables], "form": plan.form_id, "rows": result.rows,
                "imported": result.imported, "duplicates": result.duplicates, "rejected": result.rejected,
                "warnings": len(result.warnings), "keep_valid": keep_valid})
        result.committed = True
    except _Rollback:
        result.imported = {r: 0 for r in ROLES}
    except BaseException:
        result.imported = {r: 0 for r in ROLES}
        raise
    first = plan.given[0] if plan.given else Path(plan.tables[0].part.path)
    result.report_path = str(report or first.with_name(first.stem + ".import-report.csv"))
    write_report(result.report_path, result)
    return result


def _columns(t: Table) -> dict:
    return {f: t.headers[i] or f"column {i + 1}" for i, f in enumerate(t.mapped) if f}


def _existing(store, ids: list) -> set:
    found = set()
    for i in range(0, len(ids), 900):
        part = ids[i:i + 900]
        found.update(r[0] for r in store.conn.execute(
            f"SELECT id FROM households WHERE id IN ({', '.join('?' * len(part))})", part))
    return found


def _repeat_movements(store, t: Table, rows, runner: _Run, locations) -> None:
    """A movements repeat group: each row joins the household created with it in this import."""
    result = runner.result
    sources = {sourceids.normalise(raw.get("household_source_id")) for _, raw, _, _ in rows} - {None}
    by_source = {}
    for sid in sources:
        row = store.conn.execute("SELECT id FROM households WHERE source_id = ? AND deleted = 0", (sid,)).fetchone()
        if row:
            by_source[sid] = row[0]
    columns, good = _columns(t), []
    for n, raw, _, _ in rows:
        hsrc = sourceids.normalise(raw.get("household_source_id"))
        hid = by_source.get(hsrc)
        if hsrc in runner.rejected_households:
            errors = [FieldError("household_source_id", "parent_rejected",
                                 f"its household ({runner.rejected_households[hsrc]}) was rejected", hsrc)]
        elif hid is None:
            errors = [FieldError("household_source_id", "not_found", "matches no household in the files or the "
                                 "database", raw.get("household_source_id"))]
        elif hid not in runner.created:
            result.duplicates += 1  # its household was already imported, with its movements
            continue
        else:
            try:
                good.append(clean_movement({**raw, "household_id": hid}, locations))
                continue
            except ValidationError as exc:
                errors = exc.errors
        result.issues.extend(Issue(t.part.name, e.at(n, columns.get(e.field)), "error") for e in errors)
    result.valid += len(good)
    records.bulk_create(store, "movements", good, action="import")
    result.imported["movements"] += len(good)


def write_report(path, result: PartnerResult) -> None:
    """One CSV for the whole import (UTF-8 with BOM, safe in Excel): the errors and warnings by file
    and row, then what was mapped, ignored and translated."""
    plan = result.plan
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "column", "value", "reason", "field", "rule", "file", "severity"])
        order = {"error": 0, "warning": 1}
        for i in sorted(result.issues, key=lambda i: (i.file, i.error.row or 0, order[i.severity])):
            e = i.error
            value = "" if e.value is None else str(e.value)
            if len(value) > 200:
                value = value[:200] + "…"
            w.writerow([e.row, neutralise(e.column or ""), neutralise(value), neutralise(f"{e.field} {e.message}"),
                        e.field, e.rule, neutralise(i.file), i.severity])
        for t in plan.tables:
            for c in t.columns:
                if c.field:
                    w.writerow(["", neutralise(c.header), "", f"fills {c.field} ({t.role})", c.field, "column_mapped",
                                neutralise(t.part.name), "info"])
                else:
                    w.writerow(["", neutralise(c.header), "", f"ignored: {c.note}", "", "column_ignored",
                                neutralise(t.part.name), "info"])
        for (f, given, code), times in sorted(result.values_used.items()):
            w.writerow(["", "", neutralise(given), f"read as {code} ({times} times)", f, "value_mapped", "", "info"])
        for f, lst, name, labels in plan.unmatched:
            w.writerow(["", "", neutralise(name), f"choice of list {lst} ({'; '.join(labels.values())}) matches "
                        f"none of our codes", f, "choice_unmatched", "", "info"])
        for name in plan.skipped:
            w.writerow(["", "", "", "not a table: not read", "", "file_skipped", neutralise(name), "info"])
