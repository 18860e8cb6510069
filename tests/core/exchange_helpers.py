"""Helpers shared by the exchange tests (not a test module)."""

from __future__ import annotations

import re

import hxl

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def stable_ids(text: str) -> str:
    """Replace record ids (random UUIDv7) by <id1>, <id2>... in order of first appearance."""
    seen: dict[str, str] = {}

    def sub(m):
        return seen.setdefault(m.group(0), f"<id{len(seen) + 1}>")
    return UUID.sub(sub, text)


def hxl_source(path):
    return hxl.data(str(path), hxl.InputOptions(allow_local=True))


def hxl_rows(path) -> tuple[list[str], list[dict]]:
    """Display tags and rows as {tag: value} as libhxl parses them."""
    src = hxl_source(path)
    tags = [c.display_tag for c in src.columns]
    rows = [dict(zip(tags, r.values)) for r in src]
    return tags, rows


def hxl_errors(path) -> list[tuple[str, str, object]]:
    """(rule, hashtag, value) of every error libhxl's built-in schema finds (numbers in #affected,
    dates in #date...)."""
    report = hxl.validate(hxl_source(path))
    return [(i["description"], loc["hashtag"], loc["location_value"])
            for i in report["issues"] if i["severity"] == "error" for loc in i["locations"]]


def table_rows(store, table: str) -> list[dict]:
    """Every record of a table without the columns the writing device sets (for round trips)."""
    cur = store.conn.execute(f"SELECT * FROM {table} ORDER BY 1")
    cols = [c[0] for c in cur.description]
    skip = {"created_at", "updated_at", "created_by", "updated_by", "user"}
    return [{k: v for k, v in zip(cols, r) if k not in skip} for r in cur]
