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

__version__ = "0.1.0"
