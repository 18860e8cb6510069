"""Shared fixtures: a real encrypted store per test; Qt offscreen before any Qt import."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

import tracker  # noqa: E402,F401  (registers the encrypted driver before sqlite-utils loads)
from tracker.store import Store  # noqa: E402

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "office.dtdb"


@pytest.fixture
def store(db_path):
    s = Store.create(db_path, PASSPHRASE, organisation="Test NGO", device_name="laptop-1", user="tester")
    yield s
    s.close()


@pytest.fixture
def passphrase():
    return PASSPHRASE
