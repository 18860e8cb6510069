"""Typed errors raised by the core. ui/ and the command line turn them into words.

Every error carries a stable ``code`` and the offending values so a caller can
say what was wrong, where, and what to do, without parsing English text.
"""

from __future__ import annotations

from dataclasses import dataclass


QUOTED_MAX = 80  # characters of a value quoted in a message
MESSAGE_MAX = 4000  # a message longer than this keeps its start and its end ("what to do")


def cut(value, limit: int = QUOTED_MAX) -> str:
    """``repr(value)`` for a message, cut to ``limit`` characters and "…": a 10 MB field or a
    5,000-digit number sent by a peer or found in a file is never echoed whole."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"a whole number of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    if isinstance(value, (str, bytes)) and len(value) > limit:
        value = value[:limit]
        return repr(value)[:limit] + "…"
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _bounded(message: str) -> str:
    if len(message) <= MESSAGE_MAX:
        return message
    head, tail = MESSAGE_MAX * 3 // 4, MESSAGE_MAX // 4
    return f"{message[:head]} …[{len(message) - head - tail:,} characters cut]… {message[-tail:]}"


class TrackerError(Exception):
    """Base class of every error the core raises on purpose. Its message is kept to a sane
    length whatever values went into it (``cut`` quotes one value short)."""

    code = "error"

    def __init__(self, message: str, **details):
        message = _bounded(message)
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


class KeysMissing(TrackerError):
    """The database opened is one with accounts, but its key file is not beside it."""

    code = "keys_missing"

    def __init__(self, path: str, keys_path: str):
        super().__init__(f"the key file {keys_path} is missing: it holds the accounts' locked keys and must be "
                         f"copied together with {path}; copy it from where the database came from, "
                         "or restore both from a backup", path=path, keys_path=keys_path)
        self.path, self.keys_path = path, keys_path


class KeysDamaged(TrackerError):
    code = "keys_damaged"


class UnknownAccount(TrackerError):
    code = "unknown_account"

    def __init__(self, name: str, message: str = ""):
        super().__init__(message or f"there is no account named {name!r} in this database; ask an administrator",
                         account=name)
        self.account = name


class AccountRemoved(TrackerError):
    code = "account_removed"

    def __init__(self, name: str):
        super().__init__(f"the account {name!r} was removed from this database; ask an administrator", account=name)
        self.account = name


class StoreBusy(TrackerError):
    """Another program held the database's write lock for longer than we wait."""

    code = "store_busy"

    def __init__(self, path: str, seconds: float):
        super().__init__(f"another program is writing to {path} (an import or a sync?) and did not finish within "
                         f"{seconds:g} s; nothing was changed: try again when it has finished", path=path)
        self.path = path


class StoreInUse(TrackerError):
    """An operation that needs the database to itself found it open elsewhere."""

    code = "store_in_use"

    def __init__(self, path: str, what: str):
        super().__init__(f"{what} needs {path} to itself, but another program has it open (the window, or a "
                         "dtrack command); close it and try again. Nothing was changed", path=path)
        self.path = path


class PermissionDenied(TrackerError):
    """The signed-in account's role may not do this."""

    code = "permission_denied"

    def __init__(self, account: str, role: str, action: str):
        super().__init__(f"the account {account!r} ({role.replace('_', ' ')}) may not {action.replace('_', ' ')}; "
                         "ask a supervisor or an administrator", account=account, role=role, action=action)
        self.account, self.role, self.action = account, role, action


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
        return f"{prefix}{self.field}: {self.message} (value: {cut(self.value)})"


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
