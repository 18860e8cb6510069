"""Frozen-app entry point for the desktop app (PyInstaller needs a script, not a module path)."""
import sys

from ui.app import main

sys.exit(main())
