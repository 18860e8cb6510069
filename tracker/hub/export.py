"""``dtrack hub export``: the consolidated figures of every office on the hub, in the columns, HXL
hashtags, P-code names and small-cell suppression of the local consolidated export
(``tracker.exchange.export``, dataset ``consolidated``): the same bundles give the same file.

Written under a temporary name and renamed when complete, like every export. The hub is read, never
written; the metadata (a sidecar CSV, or a sheet in XLSX) names the hub and who reported.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from tracker import __version__, fileswap
from tracker.domain.summary import DEFAULT_THRESHOLD, PERIODS, marker_for, suppress, suppressed_count
from tracker.errors import TrackerError
from tracker.exchange import columns as cols
from tracker.exchange.export import summary_table
from tracker.sync.consolidated import export_rows, reporters
from tracker.timeutil import utc_now_iso
from .snapshot import opened

FORMATS = ("csv", "xlsx")
WHAT = ("consolidated",)


def export(conn, path, fmt: str = "csv", *, what: str = "consolidated", date_from=None, date_to=None,
           threshold: int = DEFAULT_THRESHOLD, marker: str | None = None, period: str = "day", hxl: bool = True,
           bom: bool = True, hub_name: str = "", metadata_file: bool = True) -> dict:
    """Write the hub's consolidated table to ``path``. Returns ``{"path", "rows", "suppressed",
    "metadata_path"}``."""
    if what not in WHAT:
        raise TrackerError(f"unknown dataset {what!r}: the hub exports {', '.join(WHAT)}", field="what")
    if fmt not in FORMATS:
        raise TrackerError(f"unknown format {fmt!r}: use csv or xlsx", field="format")
    if period not in PERIODS:
        raise TrackerError(f"unknown period {period!r}: use day or week", field="period")
    if threshold < 0:
        raise TrackerError("the suppression threshold cannot be negative", field="threshold", value=threshold)
    marker = marker if marker is not None else marker_for(threshold)
    date_from, date_to = (str(date_from) if date_from else None), (str(date_to) if date_to else None)
    with opened(conn, date_from, date_to) as snap:
        shown = suppress(export_rows(snap, date_from, date_to, period), threshold, marker)
        headers, tags, data = summary_table(snap, shown, 1, "")
        who = reporters(snap)
    suppressed = suppressed_count(shown, marker)
    meta = [("source", f"coordinator hub {hub_name}".strip()), ("datasets", what), ("rows", f"{what}={len(data)}"),
            ("period_from", date_from or ""), ("period_to", date_to or ""), ("summary_period", period),
            ("summary_admin_level", "1"), ("suppression_threshold", str(threshold)), ("suppression_marker", marker),
            ("suppressed_cells", str(suppressed)), ("personal_data", "no"), ("hxl", "yes" if hxl else "no"),
            ("format", fmt), ("exported_at", utc_now_iso()), ("tool_version", f"Displacement Tracker {__version__}"),
            ("reporting_devices", "; ".join(f"{r.name} ({r.organisation}) {r.first or ''} to {r.last}" for r in who))]
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    meta_path = meta_tmp = None
    try:
        if fmt == "csv":
            _write_csv(tmp, headers, tags if hxl else None, data, bom)
            if metadata_file:
                meta_path = path.with_name(path.stem + ".metadata.csv")
                meta_tmp = meta_path.with_name(f".{meta_path.name}.{os.getpid()}.part")
                _write_csv(meta_tmp, ["key", "value"], None, [(k, cols.neutralise(v)) for k, v in meta], bom)
        else:
            _write_xlsx(tmp, what, headers, tags if hxl else None, data, meta)
        # The data file first: when Excel holds it open, its metadata file is not replaced either.
        fileswap.replace(tmp, path)
        if meta_tmp is not None:
            try:
                fileswap.replace(meta_tmp, meta_path)
            except fileswap.FileInUse as exc:
                raise fileswap.FileInUse(meta_path, written=path) from exc
    finally:
        for leftover in (tmp, meta_tmp):
            if leftover is not None and leftover.exists():
                leftover.unlink()
    return {"path": str(path), "rows": {what: len(data)}, "suppressed": suppressed,
            "metadata_path": str(meta_path) if meta_path else None}


def _write_csv(path, headers, tags, rows, bom) -> None:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.writer(fh)  # CRLF line ends, as Excel expects (as the local export)
        w.writerow(headers)
        if tags:
            w.writerow(tags)
        w.writerows(rows)


def _cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return cols.neutralise(ILLEGAL_CHARACTERS_RE.sub("", value)) if isinstance(value, str) else value


def _write_xlsx(path, what, headers, tags, rows, meta) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=what)
    ws.append(headers)
    if tags:
        ws.append(tags)
    for row in rows:
        ws.append([_cell(v) for v in row])
    ws = wb.create_sheet(title="metadata")
    ws.append(["key", "value"])
    for k, v in meta:
        ws.append([k, _cell(v)])
    wb.save(path)
