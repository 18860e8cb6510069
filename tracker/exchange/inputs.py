"""What one import reads: several files, a folder, a ZIP (as ODK Central downloads it) or a workbook
with several sheets (as Kobo exports repeat groups), turned into a list of tables, plus the
partner's XLSForm when one is among them.

A ZIP is unpacked into a private temporary folder that is removed afterwards; its members are
written under numbered names (a member's path is never used as a file path) and the unpacked size
is capped, so a hostile archive cannot write outside the folder or fill the disk.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import xlsform
from .errors import FileFormatError

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
MAX_UNPACKED = 2 * 1024 ** 3  # a ZIP that unpacks to more than this is refused
MAX_MEMBERS = 500


@dataclass
class Part:
    """One table: a CSV file or one sheet of a workbook."""

    name: str  # as the user knows it: "members.csv", "export.xlsx › members", "form.zip › form.csv"
    path: Path
    sheet: str | None = None

    @property
    def stem(self) -> str:
        return self.sheet if self.sheet else Path(self.name.rsplit(" › ", 1)[-1]).stem


@dataclass
class Inputs:
    parts: list[Part] = field(default_factory=list)
    form: Path | None = None  # the partner's XLSForm, when given or found among the files
    skipped: list[str] = field(default_factory=list)  # files not read (media, other kinds), for the report
    given: list[Path] = field(default_factory=list)  # the paths as given (the report goes beside the first)


def _is_zip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _sheets(path: Path) -> list[str]:
    from openpyxl import load_workbook

    from .csvio import check_xlsx_cells

    check_xlsx_cells(path)
    try:
        with open(path, "rb") as fh:
            wb = load_workbook(fh, read_only=True)
            try:
                return list(wb.sheetnames)
            finally:
                wb.close()
    except Exception as exc:
        raise FileFormatError(f"is not a readable XLSX workbook ({type(exc).__name__}); save it again from "
                              "Excel or as CSV", str(path)) from None


def _is_workbook(path: Path) -> bool:
    if not _is_zip(path):
        return False
    with contextlib.suppress(zipfile.BadZipFile, OSError), zipfile.ZipFile(path) as z:
        return "xl/workbook.xml" in z.namelist()
    return False


def _add_file(out: Inputs, path: Path, name: str) -> None:
    if path.suffix.lower() in (".xlsx", ".xlsm") or _is_workbook(path):
        sheets = _sheets(path)
        if xlsform.is_xlsform(sheets):
            if out.form is None:
                out.form = path
            else:
                out.skipped.append(f"{name} (a second XLSForm)")
            return
        data = [s for s in sheets if s.strip().lower() != "metadata"] or sheets
        if len(data) == 1:
            out.parts.append(Part(name, path, data[0]))
        else:
            out.parts.extend(Part(f"{name} › {s}", path, s) for s in data)
    elif _is_zip(path):
        raise FileFormatError("is a ZIP inside the import; unpack it or give it on its own", name)
    else:
        out.parts.append(Part(name, path))


@contextlib.contextmanager
def gather(paths, form=None):
    """The tables of everything given (files, folders, ZIPs). Yields ``Inputs``; temporary files
    are removed on exit."""
    out = Inputs(form=Path(form) if form else None, given=[Path(p) for p in paths])
    temp = None
    try:
        for p in map(Path, paths):
            if not p.exists():
                raise FileFormatError("does not exist", str(p))
            if p.is_dir():
                for child in sorted(p.iterdir()):
                    if child.is_file() and child.suffix.lower() in TABLE_SUFFIXES:
                        _add_file(out, child, f"{p.name}/{child.name}")
                    elif child.is_file() or child.is_dir():
                        out.skipped.append(f"{p.name}/{child.name}")
            elif p.suffix.lower() == ".zip" or (_is_zip(p) and not _is_workbook(p)):
                if temp is None:
                    temp = Path(tempfile.mkdtemp(prefix="dtrack-import-"))
                _unpack(out, p, temp)
            else:
                _add_file(out, p, p.name)
        if not out.parts:
            raise FileFormatError("holds no CSV or XLSX table to import", ", ".join(str(p) for p in paths))
        yield out
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def _unpack(out: Inputs, archive: Path, temp: Path) -> None:
    try:
        z = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise FileFormatError(f"is not a readable ZIP archive ({exc})", str(archive)) from None
    with z:
        items = [i for i in z.infolist() if not i.is_dir()]
        if len(items) > MAX_MEMBERS:
            raise FileFormatError(f"holds {len(items)} files; unpack it and import the tables", str(archive))
        total = 0
        for n, item in enumerate(items):
            inner = PurePosixPath(item.filename)
            label = f"{archive.name} › {item.filename}"
            if inner.suffix.lower() not in TABLE_SUFFIXES or any(part.lower() == "media" for part in inner.parts):
                out.skipped.append(label)
                continue
            total += item.file_size
            if total > MAX_UNPACKED:
                raise FileFormatError(f"unpacks to more than {MAX_UNPACKED // 1024 ** 2} MiB; unpack it and import the "
                                      "tables", str(archive))
            target = temp / f"{n:03d}{inner.suffix.lower()}"
            written = 0
            with z.open(item) as src, open(target, "wb") as dst:
                while chunk := src.read(1 << 20):
                    written += len(chunk)
                    if written > item.file_size or total - item.file_size + written > MAX_UNPACKED:
                        raise FileFormatError("unpacks to more than it declares; it is damaged", str(archive))
                    dst.write(chunk)
            _add_file(out, target, label)
