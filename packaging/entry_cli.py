"""Frozen-app entry point for the dtrack command line."""
import multiprocessing
import sys

# A large import reads its file in a second process; in a frozen app that process starts here.
multiprocessing.freeze_support()

from tracker.cli.main import main

sys.exit(main())
