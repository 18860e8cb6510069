"""Exports: CSV (UTF-8 with BOM, CRLF, HXL hashtag row under the header) and XLSX (one sheet
per dataset plus a metadata sheet).

Rows stream from one SQL cursor straight into ``csv.writer``: the column values, P-code
names and formula neutralisation are all computed by SQLite. The file is written under
a temporary name and renamed when complete, so a cancelled or failed export leaves
nothing half-written. Every export is recorded in the audit log ('export' or
'export_pii'); personal columns need ``pii=True`` and ``pii_confirmed=True``.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from tracker import __version__, fileswap
from tracker.store import permissions, records
from tracker.errors import Progress, TrackerError
from tracker.timeutil import utc_now_iso
from . import columns as cols
from .errors import PersonalDataNotConfirmed
from .hxl import COUNT_TAGS, HOUSEHOLDS_TAG, INDIVIDUALS_TAG
from tracker.domain.summary import DEFAULT_THRESHOLD, marker_for, summary_rows, suppress, suppressed_count

FORMATS = ("csv", "xlsx")
CHUNK = 5000
# "consolidated": the summaries received from other devices (a coordinator's), summed; governorates only
DATASETS = (*cols.ALL_DATASETS, "consolidated")
SUMMARY_DATASETS = ("summary", "consolidated")


def summary_table(store, rows: list[dict], admin_level: int, organisation: str) -> tuple[list[str], list[str], list[list]]:
    """Headers, hashtags and cell rows of the (already suppressed) summary."""
    a = f"#adm{admin_level}+origin"
    spec = [("source", "#x_dataset"), ("period", "#x_period"), ("date", "#date+reported"),
            ("admin_pcode", f"{a}+code"), ("admin_name", f"{a}+name"), ("admin_name_ar", f"{a}+name+i_ar"),
            ("crossing_pcode", "#loc+code"), ("crossing_name", "#loc+name"), ("crossing_name_ar", "#loc+name+i_ar"),
            ("direction", "#x_direction"), *[(f, COUNT_TAGS[f]) for f in COUNT_TAGS],
            ("individuals", INDIVIDUALS_TAG), ("households", HOUSEHOLDS_TAG), ("organisation", "#org+name")]
    locs = store.locations()
    out = []
    for r in rows:
        admin, crossing = locs.get(r["admin_pcode"], {}), locs.get(r["crossing_pcode"], {})
        extra = {"admin_name": admin.get("name_en"), "admin_name_ar": admin.get("name_ar"),
                 "crossing_name": crossing.get("name_en"), "crossing_name_ar": crossing.get("name_ar"),
                 "organisation": r.get("organisation", organisation)}
        out.append([cols.neutralise({**r, **extra}.get(h)) for h, _ in spec])
    return [h for h, _ in spec], [t for _, t in spec], out


def _iter_dataset(store, dataset, opts, tick):
    """(headers, tags, row iterator) of one dataset."""
    if dataset == "summary":
        raw = summary_rows(store, opts["date_from"], opts["date_to"], opts["period"], opts["admin_level"])
        shown = suppress(raw, opts["threshold"], opts["marker"])
        opts["suppressed"] = suppressed_count(shown, opts["marker"])
        headers, tags, data = summary_table(store, shown, opts["admin_level"], store.organisation)
        return headers, tags, iter([data]) if data else iter([])
    if dataset == "consolidated":
        from tracker.sync.consolidated import export_rows

        shown = suppress(export_rows(store, opts["date_from"], opts["date_to"], opts["period"]), opts["threshold"],
                         opts["marker"])
        opts["suppressed"] = opts.get("suppressed", 0) + suppressed_count(shown, opts["marker"])
        headers, tags, data = summary_table(store, shown, 1, "")
        return headers, tags, iter([data]) if data else iter([])
    spec = cols.columns_for(dataset, opts["pii"])
    sql, params = cols.query(dataset, opts["pii"], opts["date_from"], opts["date_to"], store.organisation)

    def chunks():
        cur = store.conn.execute(sql, params)
        while True:
            chunk = cur.fetchmany(CHUNK)
            if not chunk:
                return
            tick(len(chunk))
            yield chunk
    return [c.name for c in spec], [c.tag for c in spec], chunks()


def _total_rows(store, dataset, opts) -> int:
    if dataset in SUMMARY_DATASETS:
        return 0
    sql, params = cols.query(dataset, opts["pii"], opts["date_from"], opts["date_to"], store.organisation)
    return store.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]


def metadata(store, datasets, counts, opts, fmt) -> list[tuple[str, str]]:
    meta = store.meta()
    return [
        ("organisation", store.organisation), ("device", store.device_name), ("device_id", store.device_id),
        ("datasets", ", ".join(datasets)), ("rows", ", ".join(f"{d}={counts.get(d, 0)}" for d in datasets)),
        ("period_from", opts["date_from"] or ""), ("period_to", opts["date_to"] or ""),
        ("summary_period", opts["period"]), ("summary_admin_level", "1" if datasets == ["consolidated"] else str(opts["admin_level"])),
        ("gazetteer_version", meta.get("gazetteer_version", "")),
        ("suppression_threshold", str(opts["threshold"])), ("suppression_marker", opts["marker"]),
        ("suppressed_cells", str(opts.get("suppressed", 0))),
        ("personal_data", "yes" if opts["pii"] else "no"), ("hxl", "yes" if opts["hxl"] else "no"),
        ("demo_data", "yes: invented people, not real records" if meta.get("demo_data") == "yes" else "no"),
        ("format", fmt), ("exported_at", utc_now_iso()), ("exported_by", store.user),
        ("tool_version", f"Displacement Tracker {__version__}"),
        *([("reporting_devices", _reporting(store))] if "consolidated" in datasets else []),
    ]


def _reporting(store) -> str:
    """Who the consolidated figures come from: device (organisation) and the dates it covers."""
    from tracker.sync.consolidated import reporters

    return "; ".join(f"{r.name} ({r.organisation}) {r.first or ''} to {r.last}" for r in reporters(store))


def export(store, datasets, path, fmt: str = "csv", *, date_from=None, date_to=None, pii: bool = False,
           pii_confirmed: bool = False, hxl: bool = True, bom: bool = True, threshold: int = DEFAULT_THRESHOLD,
           marker: str | None = None, period: str = "day", admin_level: int = 1, metadata_file: bool = True,
           progress=None, cancelled=None) -> dict:
    """Write ``datasets`` (a name or a list; CSV takes one) to ``path``. ``consolidated`` (received
    summaries) is always by governorate: ``admin_level`` applies to ``summary`` only. Returns
    ``{"path", "rows": {dataset: n}, "suppressed", "metadata_path"}``."""
    datasets = [datasets] if isinstance(datasets, str) else list(datasets)
    unknown = [d for d in datasets if d not in DATASETS]
    if unknown or not datasets:
        raise TrackerError(f"unknown dataset {unknown[0] if unknown else ''!r}: use one of "
                           + ", ".join(DATASETS), field="dataset")
    if fmt not in FORMATS:
        raise TrackerError(f"unknown format {fmt!r}: use csv or xlsx", field="format")
    if fmt == "csv" and len(datasets) > 1:
        raise TrackerError("a CSV file holds one dataset; export several to XLSX or one at a time", field="dataset")
    if pii and not pii_confirmed:
        raise PersonalDataNotConfirmed()
    permissions.require(store, permissions.EXPORT_PERSONAL if pii else permissions.EXPORT)
    if threshold < 0:
        raise TrackerError("the suppression threshold cannot be negative", field="threshold", value=threshold)
    opts = {"date_from": str(date_from) if date_from else None, "date_to": str(date_to) if date_to else None,
            "pii": pii, "hxl": hxl, "threshold": threshold, "period": period, "admin_level": admin_level,
            "marker": marker if marker is not None else marker_for(threshold)}
    path = Path(path)
    if any(d in cols.RECORD_DATASETS for d in datasets):
        cols.load_admin_table(store)
    total = sum(_total_rows(store, d, opts) for d in datasets) if progress else 0
    state = {"done": 0}
    ticker = Progress(progress, cancelled)

    def tick(n):
        state["done"] += n
        ticker.tick(state["done"], total)

    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    meta_tmp = None
    counts: dict[str, int] = {}
    try:
        # An export may hold personal data: its files are the owner's only (mode 0600) from the start.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        if fmt == "csv":
            counts = _write_csv(store, datasets[0], tmp, opts, bom, tick)
        else:
            counts = _write_xlsx(store, datasets, tmp, opts, tick, fmt)
        meta_path = None
        with store.atomic():
            detail = {"datasets": datasets, "rows": counts, "file": path.name, "format": fmt, "pii": pii,
                      "threshold": threshold, "from": opts["date_from"], "to": opts["date_to"]}
            records.audit(store, "export_pii" if pii else "export", detail=detail)
            if fmt == "csv" and metadata_file:
                meta_path = path.with_name(path.stem + ".metadata.csv")
                meta_tmp = meta_path.with_name(f".{meta_path.name}.{os.getpid()}.part")
                _write_metadata_csv(meta_tmp, metadata(store, datasets, counts, opts, fmt), bom)
                os.chmod(meta_tmp, 0o600)
            os.chmod(tmp, 0o600)
            # The data file first: when Excel holds it open, its metadata file is not replaced either.
            fileswap.replace(tmp, path)
        if meta_tmp is not None:  # after the audit is kept: the export itself is in place by now
            try:
                fileswap.replace(meta_tmp, meta_path)
            except fileswap.FileInUse as exc:
                raise fileswap.FileInUse(meta_path, written=path) from exc
    finally:
        for leftover in (tmp, meta_tmp):
            if leftover is not None and leftover.exists():
                leftover.unlink()
    return {"path": str(path), "rows": counts, "suppressed": opts.get("suppressed", 0),
            "metadata_path": str(meta_path) if meta_path else None}


def _write_csv(store, dataset, tmp, opts, bom, tick) -> dict:
    headers, tags, chunks = _iter_dataset(store, dataset, opts, tick)
    n = 0
    with open(tmp, "w", encoding="utf-8-sig" if bom else "utf-8", newline="", buffering=1 << 20) as fh:
        w = csv.writer(fh)  # CRLF line ends, as Excel expects
        w.writerow(headers)
        if opts["hxl"]:
            w.writerow(tags)
        for chunk in chunks:
            w.writerows(chunk)
            n += len(chunk)
    return {dataset: n}


def _write_metadata_csv(path, pairs, bom) -> None:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["key", "value"])
        w.writerows((k, cols.neutralise(v)) for k, v in pairs)


def _xlsx_cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = cols.neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _write_xlsx(store, datasets, tmp, opts, tick, fmt) -> dict:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    counts = {}
    for dataset in datasets:
        ws = wb.create_sheet(title=dataset)
        headers, tags, chunks = _iter_dataset(store, dataset, opts, tick)
        ws.append(headers)
        if opts["hxl"]:
            ws.append(tags)
        n = 0
        for chunk in chunks:
            for row in chunk:
                ws.append([_xlsx_cell(v) for v in row])
            n += len(chunk)
        counts[dataset] = n
    ws = wb.create_sheet(title="metadata")
    ws.append(["key", "value"])
    for k, v in metadata(store, datasets, counts, opts, fmt):
        ws.append([k, _xlsx_cell(v)])
    wb.save(tmp)
    return counts
