"""Displacement Tracker desktop interface (PySide6). Calls tracker/, never SQL."""
