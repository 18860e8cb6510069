"""Family tracing: members a household reports missing or separated, matched against the people
registered elsewhere (here or received from other devices by sync), and the links a
supervisor confirms.

A household's reports are a JSON list in ``households.missing_members`` (a synced field, so
reports travel with the household; every write is audited). A report: ``id``, ``name_ar`` /
``name_lat`` (the name as the family gives it: given name first), ``relationship`` to the
head, ``sex``, ``age``, ``last_seen_place``, ``last_seen_date``, ``note``, and once a link is
confirmed ``found`` (the person's id) with ``status`` "found".

The report's name is read as a name chain: a child of the head carries the head's given name
as father's name and the head's family name, as Syrian names do, unless the report says
otherwise. Candidates are people in other households, separated and unaccompanied children
first.
"""

from __future__ import annotations

import json

from tracker.errors import FieldError, NotFound, ValidationError
from tracker.store import permissions, records
from tracker.store.ids import new_id
from . import candidates, index

RELATIONSHIPS = ("child", "spouse", "parent", "sibling", "grandchild", "other_relative")
TRACE_AT = 0.2  # a missing person's report says little (a name and an age): show weaker candidates too
REPORT_FIELDS = ("name_ar", "name_lat", "relationship", "sex", "age", "last_seen_place", "last_seen_date", "note")
MAX_TEXT = 200


def reports(rec: dict) -> list[dict]:
    try:
        value = json.loads(rec.get("missing_members") or "[]")
    except ValueError:
        return []
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _clean(values: dict) -> dict:
    errors = []
    out = {}
    for f in REPORT_FIELDS:
        v = values.get(f)
        if isinstance(v, str):
            v = v.strip() or None
        if isinstance(v, str) and len(v) > MAX_TEXT:
            errors.append(FieldError(f, "too_long", f"is longer than {MAX_TEXT} characters", v[:40]))
        out[f] = v
    if not (out["name_ar"] or out["name_lat"]):
        errors.append(FieldError("name_ar", "required", "give the missing person's name (Arabic or Latin)", None))
    if out["relationship"] not in RELATIONSHIPS:
        errors.append(FieldError("relationship", "choice", f"must be one of {', '.join(RELATIONSHIPS)}",
                                 out["relationship"]))
    if out["sex"] not in (None, "f", "m"):
        errors.append(FieldError("sex", "choice", "must be f or m", out["sex"]))
    if out["age"] is not None:
        try:
            out["age"] = int(out["age"])
            if not 0 <= out["age"] <= 120:
                raise ValueError
        except (TypeError, ValueError):
            errors.append(FieldError("age", "range", "must be a whole number of years from 0 to 120", out["age"]))
    if errors:
        raise ValidationError(errors)
    return out


def report_missing(store, household_id: str, values: dict) -> str:
    """Record a missing or separated member of a household. Returns the report's id."""
    permissions.require_edit(store, "households", household_id)
    clean = _clean(values)
    with store.atomic():
        hh = records.require(store, "households", household_id)
        rid = new_id()
        listed = reports(hh) + [{"id": rid, **{k: v for k, v in clean.items() if v is not None}, "status": "open"}]
        records.update(store, "households", household_id, {"missing_members": records.dumps(listed)},
                       action="tracing_report", current=hh)
    return rid


def confirm(store, household_id: str, report_id: str, person_id: str) -> None:
    """A supervisor confirms that the person found is the one reported missing."""
    permissions.require(store, permissions.REVIEW, table="households")
    with store.atomic():
        hh = records.require(store, "households", household_id)
        records.require(store, "persons", person_id)
        listed = reports(hh)
        for r in listed:
            if r.get("id") == report_id:
                r.update(status="found", found=person_id)
                break
        else:
            raise NotFound(f"no report {report_id} on household {household_id}", id=report_id)
        records.update(store, "households", household_id, {"missing_members": records.dumps(listed)},
                       action="tracing_found", current=hh)


def _profile_of(report: dict, hh: dict, head: dict | None) -> dict:
    rec: dict = {}
    for script in ("ar", "lat"):
        parts = (report.get(f"name_{script}") or "").split()
        if not parts:
            continue
        chain = index.head_from_names(" ".join(parts), None) if script == "ar" else \
            index.head_from_names(None, " ".join(parts))
        rec.update(chain)
        if report.get("relationship") in ("child", "sibling") and head:
            # a child of the head: father's name = the head's given name (if the head is the father),
            # family name = the head's
            if len(parts) == 1 and head.get("sex") == "m" and report.get("relationship") == "child":
                rec[f"father_name_{script}"] = head.get(f"given_name_{script}")
            if len(parts) <= 2:
                rec[f"family_name_{script}"] = head.get(f"family_name_{script}")
    rec.update(sex=report.get("sex"), age_estimated=report.get("age"), registration_date=hh.get("registration_date"),
               origin_pcode=hh.get("origin_pcode"))
    return rec


def tracing_list(conn, *, min_score: float = TRACE_AT, limit: int = 5) -> list[dict]:
    """Every open report with its candidates: {household_id, report, candidates: [{person_id,
    household_id, probability, reasons, separated}]}, strongest candidates first."""
    out = []
    cur = conn.execute("SELECT * FROM households WHERE missing_members IS NOT NULL AND deleted = 0")
    cols = [d[0] for d in cur.description]
    for row in cur.fetchall():
        hh = dict(zip(cols, row))
        members = {m[0] for m in conn.execute("SELECT id FROM persons WHERE household_id = ?", (hh["id"],))}
        head = _head(conn, hh["id"])
        for rep in reports(hh):
            if rep.get("status") == "found":
                continue
            found = candidates.check_person(conn, _profile_of(rep, hh, head), exclude=members,
                                            min_score=min_score, limit=limit)
            cands = []
            for c in found:
                p = conn.execute("SELECT household_id, separated_child, unaccompanied_child FROM persons WHERE id = ?",
                                 (c.id,)).fetchone()
                cands.append({"person_id": c.id, "household_id": p[0], "probability": c.probability,
                              "reasons": c.reasons, "separated": bool(p[1] or p[2])})
            cands.sort(key=lambda c: (not c["separated"], -c["probability"]))
            out.append({"household_id": hh["id"], "head": hh.get("head_name_ar") or hh.get("head_name_lat"),
                        "report": rep, "candidates": cands})
    out.sort(key=lambda r: -max((c["probability"] for c in r["candidates"]), default=0))
    return out


def _head(conn, household_id: str) -> dict | None:
    cur = conn.execute("SELECT * FROM persons WHERE household_id = ? AND relationship = 'head' AND deleted = 0",
                       (household_id,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None


def separated_children(conn) -> list[dict]:
    """Separated and unaccompanied children registered here (the other side of tracing)."""
    cur = conn.execute("SELECT id, household_id, given_name_ar, given_name_lat, family_name_ar, family_name_lat, age, sex "
                       "FROM persons WHERE deleted = 0 AND (separated_child = 1 OR unaccompanied_child = 1)")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur]
