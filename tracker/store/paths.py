"""Where the office database lives by default. Kept apart from the connection module so the window's
start screen can name the file without loading the database libraries (start-up time)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_FILE_NAME = "tracker.dtdb"


def default_store_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("displacement-tracker", appauthor=False)) / DEFAULT_FILE_NAME
