"""Export and import of peer bundles: every change a peer lacks, signed and encrypted.

Export picks the changes whose number exceeds what the recipient has acknowledged (its
version vector, learnt from the bundles it sent us), or all of them, or those since a date,
in whole signed batches (attest.py: this device signs its own new changes first).
Import, before writing anything and in this order (opening.py): the fixed header names the
sender, who must be a trusted peer (checked with the key held for it, never one named in the
file); the signature; that the file is for this device and was not imported before; then it is
decrypted and inflated under a hard cap; every change must carry a valid signature of the device
that made it; clocks may be at most ``MAX_CLOCK_SKEW`` ahead of this one; then each change's
structure and its values meet the domain rules (validate.py), and all are applied in one
transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from tracker import __version__
from tracker.store import audit_chain, permissions, records
from tracker.errors import Progress, cut
from tracker.store.ids import format_hlc
from tracker.timeutil import utc_now_iso
from tracker.matching import decisions

from . import attest, envelope, identity, merge, opening, validate
from .changes import LINE_COLUMNS, TABLE_ORDER, LineWriter, held_vector, hlc_iso, parse_lines, synced_columns
from .errors import AlreadyImported, BundleDamaged, ClockAhead, PeerError, SyncError

KIND = "changes"
MAX_CLOCK_SKEW = dt.timedelta(hours=24)


def _recipients(store, for_device: str | None) -> list[dict]:
    if for_device:
        return [identity.find_peer(store, for_device)]
    peers = [p for p in identity.list_peers(store) if p["trusted"]]
    if store.organisation:
        peers = [p for p in peers if p["organisation"] == store.organisation]
    if not peers:
        raise PeerError("no trusted peer of this organisation to export for: add one with "
                        "'dtrack peers add DB IDENTITY_FILE', or choose one with --for")
    return peers


def _since_hlc(since) -> str:
    try:
        day = since if isinstance(since, dt.date) else dt.date.fromisoformat(str(since)[:10])
    except ValueError as exc:
        raise SyncError(f"the start date must look like 2025-03-08, not {cut(since)}", value=since) from exc
    ms = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp() * 1000)
    return format_hlc(ms, 0)


def _origin_lines(store, origin: str, floor: int, writer: LineWriter, lines: list, batches: list) -> None:
    """Append the lines of every whole signed batch of ``origin`` above ``floor``. A change with no
    batch (received before changes were signed) is left out: no receiver could check its origin."""
    signed = attest.batches_from(store, origin, floor)
    if not signed:
        return
    rows = store.conn.execute(f"SELECT {LINE_COLUMNS} FROM change_log WHERE origin_device = ? AND origin_seq "
                              "BETWEEN ? AND ? ORDER BY origin_seq", (origin, signed[0][0], signed[-1][1]))
    pending = iter(signed)
    first, last, sig = next(pending)
    run = []
    for row in rows:
        seq = row[1]
        while seq > last:
            if len(run) == last - first + 1:
                lines.extend(run)
                batches.append([origin, first, last, sig])
            run = []
            first, last, sig = next(pending, (None, float("inf"), None))
        if first is not None and seq >= first:
            run.append(writer.line(*row))
    if first is not None and len(run) == last - first + 1:
        lines.extend(run)
        batches.append([origin, first, last, sig])


def export_bundle(store, out, *, for_device: str | None = None, all_changes: bool = False, since=None,
                  progress=None, cancelled=None) -> dict:
    """Write a bundle for one peer (``for_device``) or for every trusted peer of this organisation.
    Returns what was written: path, sha256, change count, recipients."""
    permissions.require(store, permissions.SYNC)
    tick = Progress(progress, cancelled)
    identity.ensure_identity(store)
    recipients = _recipients(store, for_device)
    with store.atomic():
        attest.sign_own(store)
    vector = held_vector(store)
    scope = "all" if all_changes else (f"since {since}" if since else "unacknowledged")
    since_hlc = _since_hlc(since) if since and not all_changes else None
    lines: list[str] = []
    batches: list[list] = []
    writer = LineWriter()
    for origin in sorted(vector):
        if since_hlc:
            start = store.conn.execute("SELECT MIN(origin_seq) FROM change_log WHERE origin_device = ? AND hlc >= ?",
                                       (origin, since_hlc)).fetchone()[0]
            if start is None:
                continue
            floor = start - 1
        else:
            floor = 0 if all_changes else min(p["acked"].get(origin, 0) for p in recipients)
        _origin_lines(store, origin, floor, writer, lines, batches)
        tick.tick(len(lines), 0)
    keys = {o: attest.known_key(store, o) for o in {b[0] for b in batches} if o != store.device_id}
    created_at = utc_now_iso()
    meta = {"kind": KIND, "app_version": __version__, "created_at": created_at, "scope": scope, "count": len(lines),
            "vector": vector,
            "sender": {"device_id": store.device_id, "name": store.device_name, "organisation": store.organisation},
            "audit_head": audit_chain.summary(store.conn),  # lets the receiver later prove what it was sent
            "recipients": [p["device_id"] for p in recipients],
            # what this device knows other peers hold, so the recipient need not resend it to them
            "acks": {p["device_id"]: p["acked"] for p in identity.list_peers(store) if p["acked"]},
            # each change's origin signature, and the keys this device vouches for (attest.py)
            "batches": batches, "origin_keys": {o: k for o, k in keys.items() if k}}
    payload = ("\n".join([json.dumps(meta, ensure_ascii=False), *lines])).encode("utf-8")
    del lines
    me = identity.own_identity(store)
    sha = envelope.write(out, kind=KIND, payload=payload, signing_key=identity.signing_key(store), sender=me,
                         recipients=recipients, created_at=created_at)
    with store.atomic():
        names = ", ".join(p["name"] or p["device_id"] for p in recipients)
        store.conn.execute(
            "INSERT OR IGNORE INTO bundles (direction, kind, peer_device, file_name, sha256, created_at, processed_at, "
            "change_count, applied_count) VALUES ('out', ?, ?, ?, ?, ?, ?, ?, NULL)",
            (KIND, ",".join(p["device_id"] for p in recipients), Path(out).name, sha, created_at, utc_now_iso(),
             meta["count"]))
        store.set_meta("last_sync", created_at)
        records.audit(store, "sync_export", detail={"file": Path(out).name, "for": names, "changes": meta["count"],
                                                    "scope": scope, "sha256": sha})
        store.queue_event("bundles", [])
    return {"path": str(out), "sha256": sha, "changes": meta["count"], "recipients": recipients, "scope": scope}


def _decode(env, store) -> tuple[dict, list]:
    data = opening.payload(store, env)
    lines = data.split(b"\n")
    try:
        meta = json.loads(lines[0])
        if meta.get("kind") != KIND or meta["sender"]["device_id"] != env.sender_id:
            raise ValueError("meta")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BundleDamaged(f"{env.path.name} is damaged (its description cannot be read)") from exc
    return meta, lines[1:]


def inspect_bundle(store, path) -> dict:
    """Check a bundle without importing it: who sent it, whether they are trusted, how many changes.
    Obeys the same order as import: a file from a device that is not trusted is not decrypted
    (UnknownSigner, with its fingerprint); damaged or misaddressed files raise as on import."""
    env, peer = opening.open_bundle(store, path, KIND)
    meta, lines = _decode(env, store)
    return {"sender_id": env.sender_id, "name": peer["name"], "organisation": peer["organisation"],
            "fingerprint": env.sender_fingerprint, "trusted": True, "changes": len([x for x in lines if x]),
            "created_at": env.header.get("created_at"), "sha256": env.sha256,
            "already_imported": _imported_at(store, env.sha256) is not None}


def _imported_at(store, sha: str) -> str | None:
    row = store.conn.execute("SELECT processed_at FROM bundles WHERE direction = 'in' AND sha256 = ?", (sha,)).fetchone()
    return row[0] if row else None


def _refuse_replay(store, env) -> None:
    when = _imported_at(store, env.sha256)
    if when:
        raise AlreadyImported(f"{env.path.name} was already imported on {when[:16].replace('T', ' ')}; nothing changed",
                              sha256=env.sha256)


def _skew_ms(max_clock_skew) -> int:
    if isinstance(max_clock_skew, dt.timedelta):
        return int(max_clock_skew.total_seconds() * 1000)
    return int(float(max_clock_skew) * 3_600_000)  # hours


def check_clocks(store, changes, *, file_name: str, names: dict, max_clock_skew=MAX_CLOCK_SKEW) -> None:
    """Refuse changes dated more than the allowed skew ahead of this device's clock: merged in,
    such a change would win every later edit of its fields for as long as that lasted, and drag
    every device's clock along. Writes nothing."""
    skew = _skew_ms(max_clock_skew)
    limit = format_hlc(min(store.clock.wall() + skew, 999_999_999_999_999), 999_999)
    ahead = [c for c in changes if c.hlc > limit]
    if not ahead:
        return
    c = max(ahead, key=lambda c: c.hlc)
    who = names.get(c.origin) or c.origin
    ms = int(c.hlc[:15])
    shown = hlc_iso(c.hlc)[:16].replace("T", " ") if c.hlc <= "253402300799999" else f"the year {ms // 31_556_952_000 + 1970:,}"
    hours = skew / 3_600_000
    raise ClockAhead(f"{file_name}: {len(ahead)} change{'s' if len(ahead) > 1 else ''} made on {who} "
                     f"{'are' if len(ahead) > 1 else 'is'} dated up to {shown} UTC, more than {hours:g} h ahead of this "
                     "device's clock; nothing was imported — check the date and time of that device (and of this "
                     "one), then export again (or allow more with --max-clock-skew)",
                     origin=c.origin, hlc=c.hlc, line=c.line, count=len(ahead))


def import_bundle(store, path, *, trust: bool = False, progress=None, cancelled=None,
                  max_clock_skew=MAX_CLOCK_SKEW) -> dict:
    """Verify and apply a peer bundle in one transaction. Any error leaves the database unchanged.
    ``max_clock_skew``: a timedelta, or hours."""
    permissions.require(store, permissions.SYNC)
    identity.ensure_identity(store)
    env, peer = opening.open_bundle(store, path, KIND, trust=trust)
    _refuse_replay(store, env)
    meta, lines = _decode(env, store)
    names = {p["device_id"]: p["name"] for p in identity.list_peers(store) if p["name"]}
    names[store.device_id] = store.device_name or store.device_id
    sender_name = (peer or {}).get("name") or str(meta["sender"].get("name") or "")[:200] or env.sender_id
    names.setdefault(env.sender_id, sender_name)
    verified = attest.verify(store, meta, lines, sender_id=env.sender_id,
                             sender_key=identity.b64(env.sealed.sign_key) if peer is None else peer["sign_key"],
                             file_name=env.path.name, names=names)
    allowed = {t: synced_columns(store, t) for t in TABLE_ORDER}
    changes = parse_lines(lines, 2, allowed, store)  # only the changes not held here
    check_clocks(store, changes, file_name=env.path.name, names=names, max_clock_skew=max_clock_skew)
    validate.check_changes(store, changes, file_name=env.path.name, sender=sender_name, cancelled=cancelled)
    received = sum(1 for line in lines if line)
    try:
        with store.atomic():
            if peer is None:
                peer = opening.new_peer(store, env, meta["sender"])
            result = merge.apply_changes(store, changes, progress=progress, cancelled=cancelled,
                                         max_ahead_ms=_skew_ms(max_clock_skew))
            if result["new"]:
                # Merges decided on other devices: settle two survivors for one record, and move
                # members added elsewhere to a merged household (every device writes the same values).
                result["merges_settled"] = decisions.after_sync(store)
            verified.save(store, env.sender_id)
            result["received"] = received
            _learn_acks(store, env.sender_id, meta)
            store.conn.execute(
                "INSERT INTO bundles (direction, kind, peer_device, file_name, sha256, created_at, processed_at, "
                "change_count, applied_count) VALUES ('in', ?, ?, ?, ?, ?, ?, ?, ?)",
                (KIND, env.sender_id, env.path.name, env.sha256, env.header.get("created_at"), utc_now_iso(),
                 received, result["new"]))
            store.set_meta("last_sync", utc_now_iso())
            records.audit(store, "sync_import", detail={"file": env.path.name, "from": peer["name"], **result,
                                                        "sha256": env.sha256, "sender_audit_head": meta.get("audit_head")})
            store.queue_event("bundles", [])
    except sqlcipher.IntegrityError as exc:  # e.g. a member whose household this database never received
        raise SyncError(f"{env.path.name} refers to records this database does not have ({exc}); nothing was "
                        "imported — ask the sender for a full bundle (--all)") from exc
    result.update(sha256=env.sha256, sender=peer["name"] or env.sender_id,
                  status="applied" if result["new"] else "nothing new")
    return result


def _merge_vectors(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in (b or {}).items():
        if isinstance(v, int) and v > out.get(k, 0):
            out[k] = v
    return out


def _learn_acks(store, sender_id: str, meta: dict) -> None:
    """The sender holds its vector; what it says other peers hold is passed on (acks only grow)."""
    known = {p["device_id"]: p for p in identity.list_peers(store)}
    learnt = {sender_id: meta.get("vector") or {}}
    for device, vec in (meta.get("acks") or {}).items():
        if device in known and device != sender_id and isinstance(vec, dict):
            learnt[device] = vec
    for device, vec in learnt.items():
        merged = _merge_vectors(known[device]["acked"], vec)
        if merged != known[device]["acked"]:
            store.conn.execute("UPDATE peers SET acked = ? WHERE device_id = ?", (json.dumps(merged, sort_keys=True), device))


def history(store, limit: int = 200, conn=None) -> list[dict]:
    """Bundles sent and received, newest first, with the peer's name."""
    conn = conn or store.conn
    names = {p["device_id"]: p["name"] for p in identity.list_peers(store)}
    cur = conn.execute("SELECT * FROM bundles ORDER BY processed_at DESC, id DESC LIMIT ?", (limit,))
    cols = [d[0] for d in cur.description]
    out = []
    for row in cur:
        b = dict(zip(cols, row))
        b["peer_names"] = ", ".join(names.get(d, d) for d in (b["peer_device"] or "").split(",") if d)
        out.append(b)
    return out
