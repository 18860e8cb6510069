"""Typed errors raised by the core. ui/ and the command line turn them into words.

Every error carries a stable ``code`` and the offending values so a caller can
say what was wrong, where, and what to do, without parsing English text.
"""

from __future__ import annotations

from dataclasses import dataclass


class TrackerError(Exception):
    """Base class of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


class WrongPassphrase(TrackerError):
    code = "wrong_passphrase"

    def __init__(self, path: str = ""):
        super().__init__("wrong passphrase or not a Displacement Tracker database", path=path)
        self.path = path


class StoreMissing(TrackerError):
    code = "store_missing"

    def __init__(self, path: str):
        super().__init__(f"no database at {path}; create one with 'dtrack init'", path=path)
        self.path = path


class StoreExists(TrackerError):
    code = "store_exists"

    def __init__(self, path: str):
        super().__init__(f"a file already exists at {path}; choose another name", path=path)
        self.path = path


class SchemaTooNew(TrackerError):
    code = "schema_too_new"


class NotFound(TrackerError):
    code = "not_found"


class Cancelled(TrackerError):
    """Raised by long operations when their ``cancelled()`` callable says stop."""

    code = "cancelled"

    def __init__(self, message: str = "cancelled by the user"):
        super().__init__(message)


@dataclass(frozen=True)
class FieldError:
    """One rule broken by one value.

    ``field`` is the record field, ``value`` the offending value as given,
    ``rule`` a stable code (``required``, ``future_date``, ``not_integer``,
    ``negative``, ``unknown_pcode``, ``age_range``, ``counts_disagree``,
    ``choice``, ``bad_date``, ``too_long``), ``message`` an English sentence.
    ``row``/``column`` are filled in by importers (1-based source row).
    """

    field: str
    rule: str
    message: str
    value: object = None
    row: int | None = None
    column: str | None = None

    def at(self, row: int | None = None, column: str | None = None) -> "FieldError":
        return FieldError(self.field, self.rule, self.message, self.value, row, column or self.column)

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        prefix = (", ".join(where) + ": ") if where else ""
        return f"{prefix}{self.field}: {self.message} (value: {self.value!r})"


class ValidationError(TrackerError):
    code = "invalid"

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        first = self.errors[0] if self.errors else None
        msg = str(first) if first else "invalid record"
        if len(self.errors) > 1:
            msg += f" (and {len(self.errors) - 1} more)"
        super().__init__(msg, errors=self.errors)

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]


@dataclass
class Progress:
    """Plain progress callbacks for long core calls (ui/ adapts them to signals)."""

    progress: object = None  # callable(done, total) or None
    cancelled: object = None  # callable() -> bool or None

    def tick(self, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(done, total)
