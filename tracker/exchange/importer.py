"""Imports of households, persons and crossing counts from CSV/XLSX files.

Every value goes through the domain cleaners (``tracker.domain.validation``) and the services'
derivations. All rows of a file are written inside ONE transaction: by default the
file is all-or-nothing (any rejected row and nothing is written); with ``keep_valid``
the valid rows are written and each rejected one is listed in the error report. A
crash, a kill or a cancel mid-import rolls the transaction back: the database is as
before. Re-importing a file adds nothing twice: a row whose id (our own exports) or
source id (Kobo ``_uuid`` / ``meta/instanceID`` / ``_id``) is already stored is skipped.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from tracker.domain import crossings as crossing_service
from tracker.domain import households as household_service
from tracker.store import childproc, permissions, records
from tracker.domain import model
from tracker.errors import FieldError, Progress, ValidationError
from tracker.timeutil import parse_date, today
from tracker.domain.validation import clean_crossing, clean_household, clean_person
from . import csvio, sourceids
from . import mapping as mapping_mod
from .columns import neutralise
from .errors import MappingError
from .rows import Plan, batches

# Files from this size on are read and checked in a second process (start-up ~0.3 s).
CHILD_MIN_BYTES = 4_000_000
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
TABLES = {"households": "households", "persons": "persons", "crossings": "crossing_counts"}


@dataclass
class ImportResult:
    kind: str
    path: str
    rows: int = 0  # data rows read (blank rows are not counted)
    valid: int = 0  # rows that passed every check
    imported: int = 0  # rows written and committed
    duplicates: int = 0  # rows already in the database (or earlier in the file): skipped
    errors: list[FieldError] = field(default_factory=list)
    committed: bool = False
    keep_valid: bool = False
    report_path: str | None = None

    @property
    def rejected(self) -> int:
        return len({e.row for e in self.errors})

    def summary(self) -> str:
        if not self.errors:
            return (f"imported {self.imported} of {self.rows} rows"
                    + (f" ({self.duplicates} already present, skipped)" if self.duplicates else ""))
        line = f"{self.rejected} of {self.rows} rows rejected, see {self.report_path}"
        if self.committed:
            return line + f"; {self.imported} imported"
        return line + f"; nothing was imported (--keep-valid would import the {self.valid} valid rows)"


class _Rollback(Exception):
    pass


def preview(path, kind: str, *, profile: dict | None = None, encoding=None, limit: int = 20) -> dict:
    """The first rows and the proposed mapping, for the wizard's editable preview."""
    sheet = csvio.select_sheet(path, kind) if _is_xlsx(path) else None
    with csvio.open_table(path, encoding, sheet) as table:
        mapped = mapping_mod.apply_profile(kind, table.headers, table.tags, profile)
        rows = []
        for n, cells in table.rows:
            rows.append((n, cells))
            if len(rows) >= limit:
                break
        return {"headers": table.headers, "tags": table.tags, "mapping": mapped, "rows": rows,
                "missing": mapping_mod.missing_required(kind, mapped), "delimiter": table.delimiter,
                "encoding": table.encoding, "sheet": table.sheet}


def import_file(store, path, kind: str, *, profile: dict | None = None, keep_valid: bool = False,
                report=None, encoding=None, progress=None, cancelled=None, sheet: str | None = None) -> ImportResult:
    """Import one file. Raises FileFormatError/MappingError when the file as a whole is unusable
    (nothing written) and Cancelled when asked to stop (nothing written)."""
    mapping_mod._check_kind(kind)
    permissions.require(store, permissions.IMPORT)
    path = Path(path)
    result = ImportResult(kind, str(path), keep_valid=keep_valid)
    sheet = sheet or (csvio.select_sheet(path, kind) if _is_xlsx(path) else None)
    with csvio.open_table(path, encoding, sheet) as table:
        mapped = mapping_mod.apply_profile(kind, table.headers, table.tags, profile)
        missing = mapping_mod.missing_required(kind, mapped)
        if missing:
            raise MappingError(f"{path.name}: no column for {'; '.join(missing)}; map one in the preview or the "
                               "mapping file", missing=missing)
        columns = {f: table.headers[i] or f"column {i + 1}" for i, f in enumerate(mapped) if f}
        handler = _HANDLERS[kind](store, result, columns)
        plan, width = Plan(mapped), len(table.headers)
        reader = None
        if handler.pure:
            # Reading and checking need no database: for a large file they run in a second
            # process while this one writes (measured in docs/performance.md).
            args = (columns, store.locations(), handler.known)
            if path.stat().st_size >= CHILD_MIN_BYTES:
                reader = childproc.stream(_read_prepared, path, encoding, sheet, plan, width, kind, args,
                                          name="dtrack-import-reader")
                items = iter(reader)
            else:
                items = _prepared(table, plan, width, _HANDLERS[kind].reader(*args))
        else:
            items = ((*b, table.position()) for b in batches(table, plan, width))
        try:
            with store.atomic():
                for rows, ragged, batch, position in items:
                    result.rows += rows
                    result.errors.extend(ragged)
                    handler.flush(batch, write=keep_valid or not result.errors)
                    Progress(progress, cancelled).tick(*position)
                if result.errors and not keep_valid:
                    raise _Rollback()
                handler.finish()
                records.audit(store, "import", table=TABLES[kind], detail={
                    "file": path.name, "kind": kind, "rows": result.rows, "imported": result.imported,
                    "duplicates": result.duplicates, "rejected": result.rejected, "keep_valid": keep_valid})
            result.committed = True
        except _Rollback:
            result.imported = 0
        except BaseException:
            result.imported = 0
            raise
        finally:
            if reader is not None:
                reader.close()
    if result.errors:
        result.report_path = str(report or _default_report(path))
        write_report(result.report_path, result.errors)
    return result


def write_report(path, errors: list[FieldError]) -> None:
    """The error report: one line per broken rule (CSV UTF-8 with BOM, safe to open in Excel)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "column", "value", "reason", "field", "rule"])
        for e in sorted(errors, key=lambda e: (e.row or 0)):
            value = "" if e.value is None else str(e.value)
            if len(value) > 200:
                value = value[:200] + "…"
            w.writerow([e.row, neutralise(e.column or ""), neutralise(value), neutralise(f"{e.field} {e.message}"),
                        e.field, e.rule])


def _default_report(path: Path) -> Path:
    return path.with_name(path.stem + ".errors.csv")


def _is_xlsx(path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _prepared(table, plan, width: int, handler):
    """``rows.batches`` with each batch checked (``_Handler.prepare``), and the file position for
    the progress bar."""
    for rows, ragged, batch in batches(table, plan, width):
        yield rows, ragged, handler.prepare(batch), table.position()


def _read_prepared(path, encoding, sheet, plan, width: int, kind: str, args):
    """The reading side of a pure handler's import: in the second process for a large file."""
    with csvio.open_table(path, encoding, sheet) as table:
        yield from _prepared(table, plan, width, _HANDLERS[kind].reader(*args))


class _Handler:
    """Per-kind checks and writes of batches of (row number, raw values): ``prepare`` (pure handlers,
    no database) then ``flush``."""

    table = ""
    # True when clean() needs nothing but the row and the gazetteer (no database, nothing kept
    # from row to row): then prepare() checks the rows, possibly in the reading process.
    pure = False

    def __init__(self, store, result: ImportResult, columns: dict, locations: dict | None = None,
                 known: list[str] | None = None):
        self.store, self.result, self.columns = store, result, columns
        self.locations = store.locations() if locations is None else locations
        self.known = records.columns(store, self.table) if known is None else known  # the table's columns
        self.seen_ids: set = set()
        self.seen_sources: set = set()

    @classmethod
    def reader(cls, columns, locations, known):
        """The handler as the reading side uses it: no store, no result."""
        return cls(None, None, columns, locations, known)

    def fail(self, n: int, errors) -> None:
        self.result.errors.extend(FieldError(e.field, e.rule, e.message, e.value, n, self.columns.get(e.field))
                                  for e in errors)

    def identity(self, n: int, raw: dict) -> list[FieldError]:
        """Normalise id/source_id; the errors that reject the row (a malformed id)."""
        if raw.get("source_id") is not None:
            raw["source_id"] = sourceids.normalise(raw["source_id"])
        rid = raw.get("id")
        if rid is not None and not _UUID.match(str(rid)):
            return [FieldError("id", "bad_id", "is not a Displacement Tracker record id; map the column to "
                               "source_id instead", rid)]
        return []

    def prepare(self, batch) -> tuple[list, list, list]:
        """A pure handler's checks of one batch, with no database: (rejected rows as (n, errors),
        the INSERT's user columns, the others as (n, id, source id, errors or None, the row as
        ``records.bulk_rows`` makes it or None)). Done in the reading process for a large file,
        which leaves the writing one only the writing."""
        rejected, checked, valid = [], [], []
        for n, raw in batch:
            errors = self.identity(n, raw)
            if errors:
                rejected.append((n, errors))
                continue
            try:
                valid.append(self.clean(n, raw))
            except ValidationError as exc:
                checked.append((n, raw.get("id"), raw.get("source_id"), exc.errors, None))
            else:
                checked.append((n, raw.get("id"), raw.get("source_id"), None, len(valid) - 1))
        user_cols, rows = records.bulk_rows(self.table, valid, self.known)
        return rejected, user_cols, [c if c[4] is None else (*c[:4], rows[c[4]]) for c in checked]

    def existing(self, column: str, values) -> set:
        values = [v for v in values if v]
        found = set()
        for i in range(0, len(values), 900):
            part = values[i:i + 900]
            q = f"SELECT {column} FROM {self.table} WHERE {column} IN ({', '.join('?' * len(part))})"
            found.update(r[0] for r in self.store.conn.execute(q, part))
        return found

    def is_duplicate(self, rid, sid, ids: set, sources: set) -> bool:
        """Already stored, or already seen earlier in this file (by id, then source id)."""
        if (rid and (rid in ids or rid in self.seen_ids)) or (sid and (sid in sources or sid in self.seen_sources)):
            return True
        if rid:
            self.seen_ids.add(rid)
        if sid:
            self.seen_sources.add(sid)
        return False

    def clean(self, n: int, raw: dict) -> dict:
        raise NotImplementedError

    def flush(self, batch, write: bool) -> None:
        """Skip duplicates, record the errors, write the valid rows (this uses the database).

        A pure handler's batch comes from ``prepare``; any other's is [(row number, raw values)]
        and is checked here, duplicates first (their errors would not matter)."""
        if self.pure:
            rejected, user_cols, checked = batch
        else:
            user_cols, rejected, checked = None, [], []
            for n, raw in batch:
                errors = self.identity(n, raw)
                if errors:
                    rejected.append((n, errors))
                else:
                    checked.append((n, raw.get("id"), raw.get("source_id"), None, raw))
        for n, errors in rejected:
            self.fail(n, errors)
        ids = self.existing("id", [str(rid) for _, rid, _, _, _ in checked if rid])
        sources = self.existing("source_id", [sid for _, _, sid, _, _ in checked if sid])
        rows = []
        for n, rid, sid, errors, rec in checked:
            if self.is_duplicate(rid, sid, ids, sources):
                self.result.duplicates += 1
                continue
            if not self.pure:
                try:
                    rec = self.clean(n, rec)  # the raw values until now
                except ValidationError as exc:
                    errors = exc.errors
            if errors:
                self.fail(n, errors)
            else:
                rows.append(rec)
        self.result.valid += len(rows)
        if write and rows:
            if self.pure:
                records.bulk_write(self.store, self.table, user_cols, rows, action="import")
            else:
                records.bulk_create(self.store, self.table, rows, action="import")
            self.result.imported += len(rows)
            self.written(rows)

    def written(self, rows) -> None:
        pass

    def finish(self) -> None:
        pass


def _fallback(raw: dict, target: str, *sources: str) -> None:
    if raw.get(target) is None:
        for s in sources:
            if raw.get(s) is not None:
                raw[target] = raw[s]
                break


class _Households(_Handler):
    table = "households"
    pure = True

    def clean(self, n, raw):
        _fallback(raw, "origin_pcode", "origin_adm2", "origin_adm1")
        _fallback(raw, "current_pcode", "current_adm2", "current_adm1")
        if raw.get("mode") is None:
            raw["mode"] = "pre" if any(raw.get(f) for f in model.COUNT_FIELDS) else "full"
        rec = clean_household(raw, self.locations)
        rec.update(household_service.household_derived(rec, [], self.locations))
        if raw.get("id"):
            rec["id"] = str(raw["id"])
        return rec


class _Crossings(_Handler):
    table = "crossing_counts"
    pure = True

    def clean(self, n, raw):
        _fallback(raw, "counted_at", "count_date")
        _fallback(raw, "origin_pcode", "origin_adm2", "origin_adm1")
        _fallback(raw, "destination_pcode", "destination_adm2", "destination_adm1")
        rec = clean_crossing(raw, self.locations)
        rec.update(crossing_service.derived(rec, self.locations))
        if raw.get("id"):
            rec["id"] = str(raw["id"])
        return rec


class _Persons(_Handler):
    table = "persons"

    def __init__(self, *args):
        super().__init__(*args)
        self.touched: set = set()
        self.heads: set = set()

    def flush(self, batch, write):
        for _, r in batch:  # the link compared in the form the household's source id was stored in
            if r.get("household_source_id") is not None:
                r["household_source_id"] = sourceids.normalise(r["household_source_id"])
        hh_ids = {str(r["household_id"]) for _, r in batch if r.get("household_id") is not None}
        hh_sources = {str(r["household_source_id"]) for _, r in batch if r.get("household_source_id") is not None}
        self.by_id, self.by_source = {}, {}
        for key, values in (("id", hh_ids), ("source_id", hh_sources)):
            values = list(values)
            for i in range(0, len(values), 900):
                part = values[i:i + 900]
                for hid, sid, mode, reg in self.store.conn.execute(
                        f"SELECT id, source_id, mode, registration_date FROM households WHERE deleted = 0 AND "
                        f"{key} IN ({', '.join('?' * len(part))})", part):
                    self.by_id[hid] = (hid, mode, reg)
                    if sid:
                        self.by_source[sid] = (hid, mode, reg)
        if self.by_id:
            ids = list(self.by_id)
            for i in range(0, len(ids), 900):
                part = ids[i:i + 900]
                self.heads.update(r[0] for r in self.store.conn.execute(
                    f"SELECT household_id FROM persons WHERE deleted = 0 AND relationship = 'head' AND "
                    f"household_id IN ({', '.join('?' * len(part))})", part))
        super().flush(batch, write)

    def identity(self, n, raw):
        # A Kobo repeat-group row has no uuid of its own: its submission's uuid and its
        # _index identify it for good, so a re-import is recognised.
        index = raw.pop("row_index", None)
        if raw.get("source_id") is None and raw.get("household_source_id") is not None and index is not None:
            raw["source_id"] = f"{raw['household_source_id']}#{index}"
        return super().identity(n, raw)

    def clean(self, n, raw):
        hid, hsrc = raw.pop("household_id", None), raw.pop("household_source_id", None)
        hh = self.by_id.get(str(hid)) if hid is not None else self.by_source.get(str(hsrc)) if hsrc else None
        if raw.get("birth_date") is None and raw.get("age_estimated") is None:
            raw["age_estimated"] = raw.get("age")
        errors = []
        if hh is None:
            field_name = "household_id" if hid is not None else "household_source_id"
            errors.append(FieldError(field_name, "not_found", "matches no household in the database; import the "
                                     "households file first", hid if hid is not None else hsrc))
        elif hh[1] != "full":
            errors.append(FieldError("household_id", "not_full", "is a pre-registration; upgrade it to a full "
                                     "registration before adding members", hh[0]))
        reference = parse_date(hh[2]) if hh and hh[2] else today()
        try:
            rec = clean_person(raw, reference_date=reference)
        except ValidationError as exc:
            raise ValidationError(errors + exc.errors) from None
        if errors:
            raise ValidationError(errors)
        if rec["relationship"] == "head":
            if hh[0] in self.heads:
                raise ValidationError([FieldError("relationship", "one_head", "this household already has a head",
                                                  "head")])
            self.heads.add(hh[0])
        rec.update(household_service.person_derived(rec, reference))
        rec["household_id"] = hh[0]
        if raw.get("id"):
            rec["id"] = str(raw["id"])
        return rec

    def written(self, rows):
        self.touched.update(r["household_id"] for r in rows)

    def finish(self):
        for hid in self.touched:
            household_service.refresh_derived(self.store, hid)


_HANDLERS = {"households": _Households, "persons": _Persons, "crossings": _Crossings}
