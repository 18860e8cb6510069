"""Access to files under resources/ through importlib.resources, with a path for APIs that need one."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A real filesystem path to a shipped resource (works from a checkout, a wheel and a frozen app)."""
    if getattr(sys, "frozen", False):  # PyInstaller puts data beside the executable
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent), "resources", *parts)
    return Path(str(resources.files("resources").joinpath(*parts)))
