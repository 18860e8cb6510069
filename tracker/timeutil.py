"""Dates and times: stored as ISO 8601 text, UTC for timestamps, local calendar dates for events."""

from __future__ import annotations

import datetime as dt


def utc_now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def today() -> dt.date:
    return dt.date.today()


def parse_date(value) -> dt.date:
    """Accept a date, a datetime or ISO text (``2025-03-08`` or ``2025-03-08T10:00``)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    return dt.date.fromisoformat(text[:10])


def parse_datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = str(value).strip().replace("Z", "+00:00")
    if len(text) == 10:
        text += "T00:00"
    return dt.datetime.fromisoformat(text)
