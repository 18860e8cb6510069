"""Frozen-app entry point for the dtrack command line."""
import sys

from tracker.cli import main

sys.exit(main())
