"""Sync with other devices and the conflicts review."""
