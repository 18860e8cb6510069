"""Displacement Tracker core: storage, domain, exchange and sync. Never imports Qt."""

import sys as _sys

import sqlcipher3 as _sqlcipher3
import sqlcipher3.dbapi2 as _sqlcipher3_dbapi2

# sqlite-utils prefers ``pysqlite3`` when importable and catches that module's
# exception classes. Registering SQLCipher under that name before sqlite-utils
# is first imported makes every sqlite-utils path work on encrypted files.
if "sqlite_utils" in _sys.modules and "pysqlite3" not in _sys.modules:  # pragma: no cover
    raise ImportError("import tracker before sqlite_utils so the encrypted driver is used")
_sys.modules.setdefault("pysqlite3", _sqlcipher3)
_sys.modules.setdefault("pysqlite3.dbapi2", _sqlcipher3_dbapi2)



def _read_version(pyproject=None) -> str:
    """The one version, kept in pyproject.toml.

    A source checkout reads the file itself (an editable install's metadata goes stale
    when the version changes); an installed package or a frozen bundle (which copies the
    package metadata in) reads its distribution metadata.
    """
    from pathlib import Path

    pyproject = Path(pyproject or Path(__file__).resolve().parent.parent / "pyproject.toml")
    if pyproject.is_file():
        import tomllib

        try:
            project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        except (OSError, tomllib.TOMLDecodeError):
            project = {}
        if project.get("name") == "displacement-tracker" and project.get("version"):
            return str(project["version"])
    from importlib import metadata

    try:
        return metadata.version("displacement-tracker")
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _read_version()
