"""Reading CSV and XLSX files robustly: encoding, BOM, delimiter, HXL hashtag row.

CSV: UTF-8 with or without BOM, or UTF-16 with a BOM; other encodings only when named
(``encoding='cp1256'``), because guessing an 8-bit code page silently garbles Arabic.
A file that is not valid UTF-8 gets an error naming the row and byte and what to do.
The delimiter (``, ; tab |``) is detected from the start of the file. XLSX files (also
when misnamed .csv) are read with openpyxl in read-only mode, values not formulas.
Rows stream: a million-row file is never held in memory.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from . import hxl
from .errors import FileFormatError

DELIMITERS = ",;\t|"
MAX_FIELD = 16 * 1024 * 1024  # a cell larger than this is not data; the file is refused
SNIFF_BYTES = 64 * 1024
csv.field_size_limit(MAX_FIELD)
TOO_BIG = "has a cell over 16 MiB, which is not data; remove it or export the data again"

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Table:
    """An open file: its header, optional HXL row, and a stream of (row number, cells)."""

    path: str
    headers: list[str]
    tags: list[str] | None
    rows: Iterator[tuple[int, list]]
    kind: str  # "csv" | "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    _position: object = field(default=None, repr=False)

    def position(self) -> tuple[int, int]:
        """(done, total) in bytes (CSV) or rows (XLSX), for a progress bar."""
        return self._position() if self._position else (0, 0)


class _CountingReader(io.RawIOBase):
    """Counts the bytes read from a binary file (progress through a streaming text decoder)."""

    def __init__(self, fh):
        self.fh, self.count = fh, 0

    def readable(self):
        return True

    def readinto(self, b):
        n = self.fh.readinto(b)
        self.count += n or 0
        return n


def detect_encoding(head: bytes) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return "utf-8"


def sniff_delimiter(sample: str) -> str:
    """The header line decides when one candidate clearly dominates it (cell text cannot fool
    that); otherwise csv.Sniffer looks at the first lines."""
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    if not lines:
        return ","
    counts = sorted(((lines[0].count(d), d) for d in DELIMITERS), reverse=True)
    if counts[0][0] > 0 and counts[0][0] > counts[1][0]:
        return counts[0][1]
    with contextlib.suppress(csv.Error):
        d = csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
        if d in DELIMITERS:
            return d
    return counts[0][1] if counts[0][0] else ","


def _locate_bad_byte(path: Path, encoding: str) -> tuple[int, int, bytes]:
    """(row, byte offset, bad bytes) of the first undecodable sequence, for the error message."""
    # utf-8-sig drops the byte-order mark before decoding, so its error positions would be 3 bytes
    # early: plain utf-8 reads the mark as U+FEFF and counts it.
    decoder = codecs.getincrementaldecoder("utf-8" if encoding == "utf-8-sig" else encoding)()
    offset, line = 0, 1
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return line + chunk[:exc.start].count(b"\n"), offset + exc.start, chunk[exc.start:exc.end]
            offset += len(chunk)
            line += chunk.count(b"\n")
    return line, offset, b""


def _cell(value):
    """XLSX values as the importer expects them: ISO dates, whole numbers as int."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _split_header(first: list, second: list | None) -> tuple[list[str], list[str] | None, bool]:
    """Headers, HXL tags, and whether the second row was the hashtag row (so data starts after it)."""
    first = ["" if c is None else str(c).strip().lstrip("\ufeff") for c in first]
    if hxl.is_hashtag_row(first):  # a file with hashtags only
        return first, first, False
    if second is not None and hxl.is_hashtag_row(second):
        tags = ["" if c is None else str(c).strip() for c in second]
        tags += [""] * (len(first) - len(tags))
        return first, tags[:max(len(first), len(tags))], True
    return first, None, False


@contextlib.contextmanager
def open_table(path, encoding: str | None = None, sheet: str | None = None):
    """Open a CSV or XLSX file. Raises FileFormatError (what is wrong and what to do)."""
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        with _open_xlsx(path, sheet) as t:
            yield t
    else:
        with _open_csv(path, encoding) as t:
            yield t


@contextlib.contextmanager
def _open_csv(path: Path, encoding: str | None):
    with open(path, "rb") as raw:
        head = raw.read(SNIFF_BYTES)
        if not encoding and b"\x00" in head and detect_encoding(head) == "utf-8":
            raise FileFormatError("is not a text CSV file (it contains binary data); export it as CSV UTF-8 "
                                  "or XLSX", str(path))
        encoding = encoding or detect_encoding(head)
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise FileFormatError(f"unknown text encoding {encoding!r}", str(path)) from None
        sample = head.decode(encoding, errors="replace").lstrip("\ufeff")
        raw.seek(0)
        counter = _CountingReader(raw)
        size = path.stat().st_size
        text = io.TextIOWrapper(io.BufferedReader(counter, 1 << 20), encoding=encoding, newline="")
        delimiter = sniff_delimiter(sample)
        reader = csv.reader(text, delimiter=delimiter)

        def bad(exc: Exception, where: int | None = None):
            if isinstance(exc, UnicodeDecodeError):
                row, offset, seq = _locate_bad_byte(path, encoding)
                return FileFormatError(f"is not valid {encoding} text (bytes {seq.hex(' ')} at byte {offset}); "
                                       "save it as 'CSV UTF-8' or name its encoding (e.g. cp1256)",
                                       str(path), row)
            if "field larger than field limit" in str(exc):
                return FileFormatError(TOO_BIG, str(path), where)
            return FileFormatError(f"cannot be read as CSV: {exc}", str(path), where)

        try:
            first = next(reader, None)
            second = next(reader, None)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise bad(exc, 1) from None
        if first is None or not any(c.strip() for c in first):
            raise FileFormatError("has no header row (the first row must name the columns)", str(path), 1)
        headers, tags, hashtag_row = _split_header(first, second)

        def rows():
            n = 1
            if second is not None and not hashtag_row:
                n = 2
                yield n, second
            elif hashtag_row:
                n = 2
            try:
                for cells in reader:
                    n += 1
                    yield n, cells
            except (UnicodeDecodeError, csv.Error) as exc:
                raise bad(exc, n + 1) from None

        yield Table(str(path), headers, tags, rows(), "csv", encoding, delimiter,
                    _position=lambda: (counter.count, size))


@contextlib.contextmanager
def _open_xlsx(path: Path, sheet: str | None):
    from openpyxl import load_workbook

    def unreadable(exc):
        return FileFormatError(f"is not a readable XLSX workbook ({type(exc).__name__}: {exc}); save it again "
                               "from Excel or as CSV", str(path))

    check_xlsx_cells(path)
    fh = open(path, "rb")  # a file object: openpyxl refuses some names (.csv) but not the content
    try:
        wb = load_workbook(fh, read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl errors all mean the same to the user
        fh.close()
        raise unreadable(exc) from None
    try:
        names = [n for n in wb.sheetnames if n.lower() != "metadata"] or wb.sheetnames
        name = sheet if sheet in wb.sheetnames else names[0]
        if sheet and sheet not in wb.sheetnames:
            raise FileFormatError(f"has no sheet named {sheet!r} (sheets: {', '.join(wb.sheetnames)})", str(path))
        ws = wb[name]
        it = ws.iter_rows(values_only=True)
        try:
            first = next(it, None)
            second = next(it, None)
        except Exception as exc:
            raise unreadable(exc) from None
        if first is None or not any(c not in (None, "") for c in first):
            raise FileFormatError(f"sheet {name!r} has no header row", str(path), 1)
        headers, tags, hashtag_row = _split_header(list(first), list(second) if second is not None else None)
        total = ws.max_row or 0
        state = {"n": 0}

        def rows():
            n = 1
            if second is not None and not hashtag_row:
                n = 2
                yield n, [_cell(v) for v in second]
            elif hashtag_row:
                n = 2
            try:
                for values in it:
                    n += 1
                    state["n"] = n
                    yield n, [_cell(v) for v in values]
            except (FileFormatError, GeneratorExit):
                raise
            except Exception as exc:
                raise unreadable(exc) from None

        yield Table(str(path), headers, tags, rows(), "xlsx", sheet=name,
                    _position=lambda: (state["n"], total))
    finally:
        wb.close()
        fh.close()


def check_xlsx_cells(path: Path) -> None:
    """Refuse a workbook holding a cell over MAX_FIELD, as a CSV is refused, before openpyxl reads it
    (it would hold the whole cell, and more, in memory). Only the parts large enough to hold such a
    cell are scanned, streamed through expat, so memory stays bounded whatever the cell size."""
    import zipfile
    from xml.parsers import expat

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # not a zip: openpyxl gives the message
    with archive:
        for item in archive.infolist():
            if item.file_size <= MAX_FIELD or not item.filename.endswith(".xml"):
                continue
            state = {"len": 0}

            def start(name, attrs, state=state):
                if name.rsplit(":", 1)[-1] in ("si", "c", "is"):  # a shared string, a cell, an inline string
                    state["len"] = 0

            def text(data, state=state):
                state["len"] += len(data)
                if state["len"] > MAX_FIELD:
                    raise FileFormatError(TOO_BIG, str(path))

            parser = expat.ParserCreate()
            parser.StartElementHandler, parser.CharacterDataHandler = start, text
            try:
                with archive.open(item) as part:
                    while chunk := part.read(1 << 20):
                        parser.Parse(chunk, False)
                parser.Parse(b"", True)
            except (expat.ExpatError, zipfile.BadZipFile, OSError, EOFError):
                return  # broken XML or zip: openpyxl gives the message


def select_sheet(path, kind: str) -> str | None:
    """The sheet named after the record kind in one of our own workbooks, if any."""
    from openpyxl import load_workbook

    wanted = {"crossings": ("crossings", "crossing_counts"), "households": ("households",), "persons": ("persons",)}
    with contextlib.suppress(Exception), open(path, "rb") as fh:
        wb = load_workbook(fh, read_only=True)
        try:
            for n in wb.sheetnames:
                if n.lower() in wanted.get(kind, ()):
                    return n
        finally:
            wb.close()
    return None
