"""The desktop app's own preferences, declared once with their types and defaults.

Only plain values (str, int, list of str) are stored, through QSettings, so a
preferences file never holds Qt objects and survives upgrades. Nothing secret
is stored here: no passphrase, no record data. ``SCHEMA_VERSION`` lets a later
release convert old preferences instead of misreading them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

SCHEMA_VERSION = 1
MAX_RECENT = 8
LANGUAGES = ("en", "ar")


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object
    choices: tuple = ()

    def coerce(self, raw):
        """Turn what QSettings hands back (often a string) into the declared type, or the default."""
        if raw is None:
            return self._default()
        try:
            if self.type is list:
                value = [str(x) for x in raw] if isinstance(raw, (list, tuple)) else ([str(raw)] if raw else [])
            elif self.type is int:
                value = int(raw)
            else:
                value = str(raw)
        except (TypeError, ValueError):
            return self._default()
        if self.choices and value not in self.choices:
            return self._default()
        return value

    def _default(self):
        return list(self.default) if self.type is list else self.default


SETTINGS = {s.key: s for s in (
    Setting("language", str, "en", LANGUAGES),
    Setting("idle_lock_minutes", int, 10),  # 0 = never lock by itself
    Setting("recent_files", list, []),
    Setting("last_db", str, ""),
    Setting("last_account", str, ""),  # the account name last signed in with (ui/accounts/signin.py)
    Setting("file_organisations", list, []),  # "path<TAB>organisation": the recent list names the office
    Setting("window_geometry", str, ""),  # hex of QMainWindow.saveGeometry()
    Setting("export_folder", str, ""),  # where the last export went (the next one starts there)
    Setting("hub_dsn", str, ""),  # a coordinator hub's libpq connection string (never a password: ~/.pgpass)
)}


class AppSettings:
    """Typed access to the preferences. ``path`` picks a private INI file (tests, portable installs)."""

    def __init__(self, path: str | Path | None = None):
        if path is not None:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 "displacement-tracker", "displacement-tracker")
        self._upgrade()

    def _upgrade(self) -> None:
        stored = self._qs.value("schema_version")
        if stored is None:
            self._qs.setValue("schema_version", SCHEMA_VERSION)
        # Version 1 is the first; later versions convert keys here, oldest first.

    def get(self, key: str):
        setting = SETTINGS[key]
        return setting.coerce(self._qs.value(key))

    def set(self, key: str, value) -> None:
        setting = SETTINGS[key]
        clean = setting.coerce(value)
        if clean != value and not (setting.type is list and list(value) == clean):
            raise ValueError(f"{key}: {value!r} is not a valid {setting.type.__name__}")
        self._qs.setValue(key, clean)
        self._qs.sync()

    def file_name(self) -> str:
        return self._qs.fileName()

    # -- conveniences the shell uses -------------------------------------------------
    def remember_file(self, path: str | Path, organisation: str = "", *, offer_next: bool = True) -> None:
        """Put ``path`` first in the recent files, note its organisation, and (unless ``offer_next`` is
        False, as for the demo) make it the one offered next time."""
        path = str(Path(path))
        recent = [p for p in self.get("recent_files") if p != path]
        self.set("recent_files", ([path] + recent)[:MAX_RECENT])
        if organisation:
            names = [e for e in self.get("file_organisations")
                     if e.split("\t", 1)[0] != path and e.split("\t", 1)[0] in recent]
            self.set("file_organisations", [f"{path}\t{organisation}", *names][:MAX_RECENT])
        if offer_next:
            self.set("last_db", path)

    def organisation_of(self, path: str | Path) -> str:
        """The organisation last seen in the file at ``path`` ("" if never opened here)."""
        path = str(Path(path))
        for entry in self.get("file_organisations"):
            where, _, name = entry.partition("\t")
            if where == path:
                return name
        return ""

    def forget_file(self, path: str | Path) -> None:
        path = str(Path(path))
        self.set("recent_files", [p for p in self.get("recent_files") if p != path])
