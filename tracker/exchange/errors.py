"""Typed errors of imports and exports (ui/ turns their codes into translated sentences)."""

from __future__ import annotations

from tracker.errors import TrackerError


class PersonalDataNotConfirmed(TrackerError):
    code = "pii_not_confirmed"

    def __init__(self):
        super().__init__("a personal-data export (names, contacts, document numbers, notes) must be confirmed; "
                         "nothing was written")


class FileFormatError(TrackerError):
    """The file as a whole cannot be read (encoding, not a CSV/XLSX file, no header)."""

    code = "bad_file"

    def __init__(self, message: str, path: str = "", row: int | None = None, **details):
        where = f"{path}" + (f", row {row}" if row else "")
        super().__init__(f"{where}: {message}" if where else message, path=path, row=row, **details)
        self.path = path
        self.row = row


class MappingError(TrackerError):
    """A column mapping (profile file or edited preview) is unusable."""

    code = "bad_mapping"
