"""Shared fixtures: a real encrypted store per test; Qt offscreen before any Qt import."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
# Argon2id at its real cost (64 MiB, ~0.5 s) on every one of the suite's hundreds of sign-ins would
# add minutes; the tests of the key file itself check the real parameters.
os.environ.setdefault("DTRACK_KDF_MEMORY_KIB", "1024")
os.environ.setdefault("DTRACK_KDF_TIME_COST", "1")

if os.environ.get("DTRACK_BLOCK_QT") == "1":
    # Prove the core needs no Qt: any attempt to import it fails loudly.
    class _NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "ui"):
                raise ImportError(f"{name} imported while Qt is blocked (tracker/ must not need Qt)")
            return None

    sys.meta_path.insert(0, _NoQt())

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# In CI the property tests run the same examples every time (a landing is never decided by luck);
# locally they keep exploring new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

import tracker  # noqa: E402,F401  (registers the encrypted driver before sqlite-utils loads)
from tracker import office  # noqa: E402

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "office.dtdb"


@pytest.fixture
def store(db_path):
    s = office.create(db_path, PASSPHRASE, organisation="Test NGO", device_name="laptop-1", user="tester")
    yield s
    s.close()


@pytest.fixture
def passphrase():
    return PASSPHRASE
