"""Frozen-app entry point for the desktop app (PyInstaller needs a script, not a module path)."""
import multiprocessing
import sys

# A large import reads its file in a second process; in a frozen app that process starts here.
multiprocessing.freeze_support()

from ui.app import main

sys.exit(main())
