"""What every page shares: the open store, the worker, the language, and change events."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from tracker import errors

from . import collector
from .reader import Reader
from .worker import Worker


WATCH_MS = 3000
# What another program may have changed: every page refreshes what it shows of these.
OUTSIDE_TABLES = ("locations", "households", "persons", "movements", "crossing_counts", "summary_cells",
                  "peers", "bundles")


class AppContext(QObject):
    # table, ids (on the GUI thread after a commit; [] when many rows, or any row, may have changed)
    data_changed = Signal(str, list)
    records_arrived = Signal()  # households or persons came in (an import, a sync): the duplicate scan runs
    about_to_lock = Signal()  # forms flush their drafts here, while the store is still open
    locked = Signal()
    unlocked = Signal()
    language_changed = Signal(str)
    settings_changed = Signal(str)  # key of an AppSettings value the user changed (e.g. idle_lock_minutes)

    def __init__(self, store=None, language: str = "en", parent=None):
        super().__init__(parent)
        # background threads must never be the ones that free a page (ui/shell/collector.py)
        collector.install(QCoreApplication.instance())
        self.worker = Worker(self)
        self.reader = Reader(self)  # reads that never wait for the writer (ui/shell/reader.py)
        self.store = None
        self.language = language
        self.app_settings = None  # ui.shell.app_settings.AppSettings, set by the shell (Settings page reads it)
        self._relay = _EventRelay(self)
        self.data_changed.connect(self._forget_cached_places)
        # Another program (dtrack, a second window) may write to the same file: look every few
        # seconds, on the writer thread when it is idle, and refresh what the pages show.
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._look_for_outside_changes)
        if store is not None:
            self.attach(store)

    # -- the store ---------------------------------------------------------------
    def attach(self, store) -> None:
        self.store = store
        self.reader.open(store)
        store.subscribe(self._relay.forward)
        self._watch.start()
        self.unlocked.emit()

    def detach(self) -> None:
        """Lock: close the store (its key leaves memory) and tell pages to clear what they show."""
        if self.store is None:
            return
        self.about_to_lock.emit()
        self._watch.stop()
        store, self.store = self.store, None
        self.reader.close()
        close = lambda: (store.unsubscribe(self._relay.forward), store.close())  # noqa: E731
        if self.worker.is_busy() or self.worker.closed:
            # A long job (an import, a sync) is running: the store closes when it ends, after the
            # drafts just flushed; the window does not wait for it.
            self.worker.submit(close, on_error=lambda exc: None)
        else:
            self.worker.call(close)
        self.locked.emit()

    def set_language(self, language: str) -> None:
        """Ask the shell to switch the whole UI to ``language`` (it reinstalls translators and rebuilds pages)."""
        if language != self.language:
            self.language = language
            self.language_changed.emit(language)

    def _look_for_outside_changes(self) -> None:
        store = self.store
        if store is None or self.worker.is_busy() or self.worker.closed:
            return
        self.run(store.changed_elsewhere, on_done=self._outside_changes, on_error=lambda exc: None)

    def _outside_changes(self, changed: bool) -> None:
        if changed and self.store is not None:
            for table in OUTSIDE_TABLES:
                self.data_changed.emit(table, [])

    # -- reading (never through the writer's queue) ----------------------------------
    def read(self, fn, *args, on_done=None, on_error=None) -> None:
        """Run the read ``fn(store_view, *args)`` on the reader thread; ``on_done(result)`` on the GUI thread."""
        self.reader.read(fn, *args, on_done=on_done, on_error=on_error)

    def read_now(self, fn, *args):
        """Run a short read at once on the GUI thread's own read connection (not behind any write)."""
        return self.reader.read_now(fn, *args)

    def locations(self) -> dict:
        """Every live location by P-code, read now (cached until a location changes)."""
        return self.read_now(lambda view: view.locations()) if self.store is not None else {}

    def _forget_cached_places(self, table: str, _ids) -> None:
        if table == "locations":
            self.reader.invalidate_locations()

    # -- running core calls ---------------------------------------------------------
    def run(self, fn, *args, on_done=None, on_error=None, on_progress=None, progress=False):
        """Run ``fn(*args)`` on the single writer thread; callbacks arrive on the GUI thread."""
        return self.worker.submit(fn, *args, on_done=on_done, on_error=on_error, on_progress=on_progress,
                                  progress=progress)

    def call(self, fn, *args):
        """Run ``fn(*args)`` on the writer thread and wait for it (short calls only)."""
        return self.worker.call(fn, *args)

    # -- words ------------------------------------------------------------------------
    def error_text(self, exc: BaseException) -> str:
        return error_text(exc)


class _EventRelay(QObject):
    """Store events come from the writer thread; a queued signal hands them to the GUI thread.

    An import commits a batch every few milliseconds. One queued delivery per commit piled up
    behind anything slow on the GUI thread and then ran back to back (50 deliveries of 2 ms each:
    a 100 ms freeze). So events wait here until the GUI thread takes them, all at once, one
    ``data_changed`` per table. The ids are a hint: past ``MAX_IDS`` the list is empty, which
    means "anything in this table may have changed" (as for changes made by another program)."""

    MAX_IDS = 500
    _wake = Signal()

    def __init__(self, ctx: AppContext):
        super().__init__(ctx)
        self._ctx = ctx
        self._lock = threading.Lock()
        self._pending: dict[str, list | None] = {}
        self._wake.connect(self._deliver)

    def forward(self, table: str, ids) -> None:
        with self._lock:
            first = not self._pending
            held = self._pending.get(table, [])
            if held is not None:  # None: too many already, the table as a whole changed
                held = held + list(ids)
                self._pending[table] = held if len(held) <= self.MAX_IDS else None
        if first:
            self._wake.emit()  # queued when called from another thread; at once on the GUI thread

    def _deliver(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        for table, ids in pending.items():
            self._ctx.data_changed.emit(table, ids if ids is not None else [])


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


_RULES = {
    "required": QT_TRANSLATE_NOOP("Errors", "is required"),
    "future_date": QT_TRANSLATE_NOOP("Errors", "cannot be in the future"),
    "bad_date": QT_TRANSLATE_NOOP("Errors", "is not a valid date (YYYY-MM-DD)"),
    "not_integer": QT_TRANSLATE_NOOP("Errors", "must be a whole number"),
    "negative": QT_TRANSLATE_NOOP("Errors", "cannot be negative"),
    "out_of_range": QT_TRANSLATE_NOOP("Errors", "is out of range"),
    "unknown_pcode": QT_TRANSLATE_NOOP("Errors", "is not a known place code"),
    "wrong_kind": QT_TRANSLATE_NOOP("Errors", "is not the right kind of place"),
    "age_range": QT_TRANSLATE_NOOP("Errors", "gives an impossible age"),
    "counts_disagree": QT_TRANSLATE_NOOP("Errors", "does not agree with the other counts"),
    "choice": QT_TRANSLATE_NOOP("Errors", "is not one of the allowed values"),
    "too_long": QT_TRANSLATE_NOOP("Errors", "is too long"),
    "empty_household": QT_TRANSLATE_NOOP("Errors", "count at least one person"),
    "empty_group": QT_TRANSLATE_NOOP("Errors", "count at least one person"),
    "one_head": QT_TRANSLATE_NOOP("Errors", "exactly one member must be the head of household"),
    "after_registration": QT_TRANSLATE_NOOP("Errors", "is after the registration date"),
    "before_displacement": QT_TRANSLATE_NOOP("Errors", "is before the displacement date"),
    "bad_phone": QT_TRANSLATE_NOOP("Errors", "may hold only digits, spaces, + ( ) -"),
    "not_number": QT_TRANSLATE_NOOP("Errors", "must be a number"),
    "range": QT_TRANSLATE_NOOP("Errors", "is out of range"),
    "already_full": QT_TRANSLATE_NOOP("Errors", "this household is already fully registered"),
    "not_full": QT_TRANSLATE_NOOP("Errors", "is a pre-registration: upgrade it to a full registration first"),
    "read_only": QT_TRANSLATE_NOOP("Errors", "cannot be changed (a shipped gazetteer entry)"),
    "admin_mismatch": QT_TRANSLATE_NOOP("Errors", "is not in the area given beside it"),
    "wrong_level": QT_TRANSLATE_NOOP("Errors", "is not a place code of the right level"),
    "size_disagree": QT_TRANSLATE_NOOP("Errors", "does not agree with the counts by sex and age"),
    "members_disagree": QT_TRANSLATE_NOOP("Errors", "does not agree with the members listed"),
    "bad_characters": QT_TRANSLATE_NOOP("Errors", "holds control characters, which are not allowed"),
    "bad_id": QT_TRANSLATE_NOOP("Errors", "is not a Displacement Tracker record id"),
    "not_found": QT_TRANSLATE_NOOP("Errors", "matches no household in the database"),
    "duplicate": QT_TRANSLATE_NOOP("Errors", "is repeated"),
    "exists": QT_TRANSLATE_NOOP("Errors", "already exists"),
    "weak_passphrase": QT_TRANSLATE_NOOP("Errors", "is too weak: use a few more words"),
    "ragged": QT_TRANSLATE_NOOP("Errors", "has a different number of cells than the header"),
    "crossing_type": QT_TRANSLATE_NOOP("Errors", "is not one of the allowed values"),
    "parent_rejected": QT_TRANSLATE_NOOP("Errors", "belongs to a household that was rejected"),
    "duplicate_submission": QT_TRANSLATE_NOOP("Errors", "is the same submission as an earlier row; the copy is "
                                                        "skipped"),
    "decided_apart": QT_TRANSLATE_NOOP("Errors", "these two were decided not to be the same; undo that first"),
}


# Sync and exchange errors, keyed by the error's ``code``. Each code lists its sentences from the
# most to the least specific: the first whose details (``exc.details``) are present is used (a key
# ending in "?" may be missing), and those details fill %1, %2, … in order, so the file, device or
# fingerprint at fault is still named.
# A code whose cases the details cannot tell apart ends with a general sentence marked ``detail``:
# the core's own sentence follows it, so nothing precise is lost.
_CODED = {
    "bundle_damaged": (
        (("line",), QT_TRANSLATE_NOOP("Errors", "The bundle is damaged: its line %1 cannot be read. Nothing was "
                                                "imported; ask the sender for a new copy.")),
        (("cell",), QT_TRANSLATE_NOOP("Errors", "The summary is damaged: its count cell %1 is not valid. Nothing "
                                                "was imported; ask the sender for a new copy.")),
        (("path",), QT_TRANSLATE_NOOP("Errors", "%1 is damaged, incomplete or not a Displacement Tracker bundle. "
                                                "Nothing was imported; copy it again from the sender.")),
        ((), QT_TRANSLATE_NOOP("Errors", "The bundle is damaged or incomplete. Nothing was imported; copy it again "
                                         "from the sender.")),
    ),
    "unknown_signer": (
        (("name", "organisation?", "fingerprint"),
         QT_TRANSLATE_NOOP("Errors", "This file comes from a device this database does not trust: %1 (%2), "
                                     "fingerprint %3. Compare the fingerprint with that office by phone, then "
                                     "import the file again and choose to trust the device.")),
        # Nothing in the file is read before its sender is trusted: only its device id and key are known.
        (("device_id", "fingerprint"),
         QT_TRANSLATE_NOOP("Errors", "This file comes from a device this database does not trust (device %1), "
                                     "fingerprint %2. Nothing in it was read. Compare the fingerprint with that "
                                     "office by phone, then import the file again and choose to trust the device.")),
        ((), QT_TRANSLATE_NOOP("Errors", "This file claims to come from a trusted device but is signed with another "
                                         "key. It was not imported; check with that office.")),
    ),
    "wrong_recipient": (
        (("recipients",), QT_TRANSLATE_NOOP("Errors", "This bundle was made for another device (%1), not for this "
                                                      "one. Ask the sender to export it for this device.")),
        ((), QT_TRANSLATE_NOOP("Errors", "This bundle cannot be decrypted with this device's key. Ask the sender to "
                                         "export it again for this device.")),
    ),
    "already_imported": (
        ((), QT_TRANSLATE_NOOP("Errors", "This file was already imported. Nothing changed.")),
    ),
    "bundle_too_new": (
        (("path",), QT_TRANSLATE_NOOP("Errors", "%1 was written by a newer version of Displacement Tracker. Update "
                                                "the app to import it.")),
        ((), QT_TRANSLATE_NOOP("Errors", "This bundle was written by a newer version of Displacement Tracker. "
                                         "Update the app to import it.")),
    ),
    "bundle_too_old": (
        (("path",), QT_TRANSLATE_NOOP("Errors", "%1 was written by an older version of Displacement Tracker, whose "
                                                "changes are not signed by the devices that made them. Ask the sender "
                                                "to update the app and export again.")),
        ((), QT_TRANSLATE_NOOP("Errors", "This bundle was written by an older version of Displacement Tracker. Ask "
                                         "the sender to update the app and export again.")),
    ),
    "bundle_too_large": (
        ((), QT_TRANSLATE_NOOP("Errors", "This file unpacks to far more than any bundle could hold: it was not "
                                         "written by Displacement Tracker. Nothing was imported."), "detail"),
    ),
    "clock_ahead": (
        (("count",),
         QT_TRANSLATE_NOOP("Errors", "Changes in this bundle (%1) are dated more than a day ahead of this laptop's "
                                     "clock. Nothing was imported: check the date and time of the sending device and "
                                     "of this one, then export again.")),
        ((), QT_TRANSLATE_NOOP("Errors", "This bundle holds changes dated more than a day ahead of this laptop's "
                                         "clock. Nothing was imported: check the date and time of both devices."),
         "detail"),
    ),
    "origin_not_signed": (
        ((), QT_TRANSLATE_NOOP("Errors", "This bundle carries changes that are not signed by the device that made "
                                         "them, or are signed with another key. Nothing was imported: tell the "
                                         "office that sent it."), "detail"),
    ),
    "peer_error": (
        (("path",), QT_TRANSLATE_NOOP("Errors", "%1 is not a usable identity file: it is damaged, was changed after "
                                                "it was made, or comes from another version. Ask the other office "
                                                "to save its identity file again.")),
        (("device_id",), QT_TRANSLATE_NOOP("Errors", "The device %1 is already trusted with another key, or is no "
                                                     "longer a peer. If it was re-installed, remove it, then add its "
                                                     "new identity file.")),
        (("value",), QT_TRANSLATE_NOOP("Errors", "No single trusted peer matches %1, or its key is damaged. Check the "
                                                 "list of peers.")),
        ((), QT_TRANSLATE_NOOP("Errors", "No usable peer: add the other office's identity file under Peers (not this "
                                         "device's own file), then try again.")),
    ),
    "sync_error": (
        (("value",), QT_TRANSLATE_NOOP("Errors", "%1 is not a date like 2025-03-08.")),
        ((), QT_TRANSLATE_NOOP("Errors", "The sync could not be done. Nothing was changed."), "detail"),
    ),
    "invalid_change": (
        (("line", "field", "rule", "value?", "count?"),
         QT_TRANSLATE_NOOP("Errors", "The bundle was refused: at line %1, %2 %3 (value %4); invalid values in all: "
                                     "%5. Nothing was imported. Tell the office that sent it: its program may need "
                                     "updating.")),
        ((), QT_TRANSLATE_NOOP("Errors", "The bundle holds values that break the rules. Nothing was imported. Tell "
                                         "the office that sent it: its program may need updating."), "detail"),
    ),
    "pii_not_confirmed": (
        ((), QT_TRANSLATE_NOOP("Errors", "An export with personal data (names, contacts, document numbers, notes) "
                                         "must be confirmed first. Nothing was written.")),
    ),
    "bad_file": (
        (("path",), QT_TRANSLATE_NOOP("Errors", "%1 cannot be read as a CSV or Excel table. Nothing was imported."),
         "detail"),
        ((), QT_TRANSLATE_NOOP("Errors", "The file cannot be read as a CSV or Excel table. Nothing was imported."),
         "detail"),
    ),
    "bad_mapping": (
        ((), QT_TRANSLATE_NOOP("Errors", "The column mapping cannot be used. Nothing was imported."), "detail"),
    ),
    # Windows refuses to replace a file another program holds open (tracker/fileswap.py). When an
    # export is in place but its metadata file is held, ``written`` is given; only the metadata file
    # is named (its name already says which export it describes).
    "file_in_use": (
        (("path", "written"),
         QT_TRANSLATE_NOOP("Errors", "The export was written, but its metadata file %1 is open in another program "
                                     "and still describes the previous export: close it there, then export again.")),
        (("path",), QT_TRANSLATE_NOOP("Errors", "%1 is open in another program, so it cannot be replaced. Close it "
                                                "there (Excel or a PDF viewer, for example) or choose another name, "
                                                "then try again. Nothing was changed.")),
        ((), QT_TRANSLATE_NOOP("Errors", "A file is open in another program, so it cannot be replaced. Close it "
                                         "there, then try again. Nothing was changed."), "detail"),
    ),
}


def _detail_text(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def coded_error_text(exc: errors.TrackerError) -> str | None:
    """The translated sentence for a sync or exchange error, or None for a code without one."""
    details = getattr(exc, "details", None) or {}
    def given(key):
        return details.get(key) not in (None, "", [], ())

    for keys, sentence, *how in _CODED.get(getattr(exc, "code", ""), ()):
        if not all(given(k) for k in keys if not k.endswith("?")):
            continue
        text = _tr(sentence)
        for n, key in enumerate(keys, start=1):
            key = key.rstrip("?")
            value = details.get(key) if given(key) else "—"
            if key == "path":
                value = Path(value).name
            elif key == "rule":  # a broken domain rule, in the words the forms use
                value = field_error_text(errors.FieldError("", value, str(value)))
            text = text.replace(f"%{n}", _detail_text(value))
        if how:  # a general sentence: the core's precise one follows
            text += "\n" + QCoreApplication.translate("Errors", "Details: %1").replace("%1", exc.message)
        return text
    return None


def field_error_text(e: errors.FieldError) -> str:
    rule = _RULES.get(e.rule)
    return _tr(rule) if rule else e.message


def error_text(exc: BaseException) -> str:
    if isinstance(exc, errors.WrongPassphrase):
        return QCoreApplication.translate("Errors", "Wrong passphrase or not a Displacement Tracker database.")
    if isinstance(exc, errors.ValidationError):
        parts = []
        for e in exc.errors[:5]:
            where = QCoreApplication.translate("Errors", "row %1, ").replace("%1", str(e.row)) if e.row else ""
            parts.append(f"{where}{e.field}: {field_error_text(e)} ({e.value!r})")
        return "\n".join(parts)
    if isinstance(exc, errors.StoreMissing):
        return QCoreApplication.translate("Errors", "There is no database at %1.").replace("%1", exc.path)
    if isinstance(exc, errors.StoreExists):
        return QCoreApplication.translate("Errors", "A file already exists at %1. Choose another name.").replace(
            "%1", exc.path)
    if isinstance(exc, errors.SchemaTooNew):
        return QCoreApplication.translate("Errors", "This database was written by a newer version of Displacement "
                                                    "Tracker. Update the app to open it.")
    if isinstance(exc, errors.Cancelled):
        return QCoreApplication.translate("Errors", "Cancelled. Nothing was changed.")
    if isinstance(exc, errors.TrackerError):
        return coded_error_text(exc) or exc.message
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Errors", "Could not use the file: %1").replace("%1", f"{exc.strerror or exc} {exc.filename or ''}".strip())
    return QCoreApplication.translate("Errors", "Unexpected error: %1").replace("%1", str(exc))
