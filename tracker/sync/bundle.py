"""Export and import of peer bundles: every change a peer lacks, signed and encrypted.

Export picks the changes whose number exceeds what the recipient has acknowledged (its
version vector, learnt from the bundles it sent us), or all of them, or those since a date.
Import checks, in this order and before writing anything: the file's framing and signature,
that it is addressed to this device, that its signer is trusted, that it was not imported
before; then decrypts it, checks every change's structure and then its values against the
domain rules (validate.py), and applies them all in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from tracker import __version__
from tracker.store import records
from tracker.errors import Progress
from tracker.store.ids import format_hlc
from tracker.timeutil import utc_now_iso
from . import envelope, identity, merge, validate
from .changes import TABLE_ORDER, held_vector, parse_lines, synced_columns
from .errors import AlreadyImported, BundleDamaged, PeerError, SyncError, UnknownSigner

KIND = "changes"


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


class _JsonNames(dict):
    def __missing__(self, value):
        text = self[value] = json.dumps(value, ensure_ascii=False)
        return text


json_text = json.encoder.encode_basestring_ascii  # a str as a JSON string, like json.dumps(text)


def _since_hlc(since) -> str:
    try:
        day = since if isinstance(since, dt.date) else dt.date.fromisoformat(str(since)[:10])
    except ValueError as exc:
        raise SyncError(f"the start date must look like 2025-03-08, not {since!r}", value=since) from exc
    ms = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp() * 1000)
    return format_hlc(ms, 0)


def export_bundle(store, out, *, for_device: str | None = None, all_changes: bool = False, since=None,
                  progress=None, cancelled=None) -> dict:
    """Write a bundle for one peer (``for_device``) or for every trusted peer of this organisation.
    Returns what was written: path, sha256, change count, recipients."""
    tick = Progress(progress, cancelled)
    identity.ensure_identity(store)
    recipients = _recipients(store, for_device)
    vector = held_vector(store)
    scope = "all" if all_changes else (f"since {since}" if since else "unacknowledged")
    since_hlc = _since_hlc(since) if since and not all_changes else None
    lines = []
    # table, operation and user names repeat on every line: each is encoded once
    names = _JsonNames()
    for origin in sorted(vector):
        floor = 0 if (all_changes or since) else min(p["acked"].get(origin, 0) for p in recipients)
        sql = ("SELECT origin_seq, hlc, table_name, record_id, op, fields, prev, user FROM change_log "
               "WHERE origin_device = ? AND origin_seq > ?")
        args = [origin, floor]
        if since_hlc:
            sql += " AND hlc >= ?"
            args.append(since_hlc)
        o = json.dumps(origin)
        for seq, hlc, table, rid, op, fields, prev, user in store.conn.execute(sql + " ORDER BY origin_seq", args):
            # fields and prev are already canonical JSON text in the change log: copied as they are
            lines.append(f'[{o},{seq},"{hlc}",{names[table]},{json_text(rid)},{names[op]},{names[user]}]'
                         f'\t{fields}\t{prev or "null"}')
            if len(lines) % 20000 == 0:
                tick.tick(len(lines), 0)
    created_at = utc_now_iso()
    meta = {"kind": KIND, "app_version": __version__, "created_at": created_at, "scope": scope, "count": len(lines),
            "vector": vector,
            "sender": {"device_id": store.device_id, "name": store.device_name, "organisation": store.organisation},
            "recipients": [p["device_id"] for p in recipients],
            # what this device knows other peers hold, so the recipient need not resend it to them
            "acks": {p["device_id"]: p["acked"] for p in identity.list_peers(store) if p["acked"]}}
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
    data = envelope.open_payload(env, store.device_id, identity.box_key(store))
    lines = data.split(b"\n")
    try:
        meta = json.loads(lines[0])
        if meta.get("kind") != KIND or meta["sender"]["device_id"] != env.sender_id:
            raise ValueError("meta")
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleDamaged(f"{env.path.name} is damaged (its description cannot be read)") from exc
    return meta, lines[1:]


def inspect_bundle(store, path) -> dict:
    """Check a bundle without importing it: who sent it, whether they are trusted, how many changes.
    Raises the same errors as import for damaged or misaddressed files."""
    env = envelope.read(path)
    _check_kind(env)
    meta, lines = _decode(env, store)
    peer = identity.get_peer(store, env.sender_id)
    return {"sender_id": env.sender_id, "name": meta["sender"].get("name", ""),
            "organisation": meta["sender"].get("organisation", ""), "fingerprint": env.sender_fingerprint,
            "trusted": bool(peer and peer["trusted"]), "changes": len([x for x in lines if x]),
            "created_at": env.header.get("created_at"), "sha256": env.sha256,
            "already_imported": _imported_at(store, env.sha256) is not None}


def _check_kind(env) -> None:
    if env.header.get("kind") != KIND:
        raise SyncError(f"{env.path.name} is a {env.header.get('kind')} bundle, not a peer bundle; "
                        "import it with 'dtrack summary import'")


def _imported_at(store, sha: str) -> str | None:
    row = store.conn.execute("SELECT processed_at FROM bundles WHERE direction = 'in' AND sha256 = ?", (sha,)).fetchone()
    return row[0] if row else None


def check_signer(store, env, meta_of, trust: bool) -> dict | None:
    """The trusted peer who signed, or None when ``trust`` says to add it now. Raises UnknownSigner."""
    peer = identity.get_peer(store, env.sender_id)
    sender = env.header["sender"]
    if peer and (peer["sign_key"], peer["box_key"]) != (sender["sign_key"], sender["box_key"]):
        raise UnknownSigner(f"{env.path.name} claims to come from {peer['name']!r} but is signed with another key "
                            f"(fingerprint {env.sender_fingerprint}, trusted: {peer['fingerprint']}); "
                            "it was not imported — check with that office", device_id=env.sender_id)
    if peer and peer["trusted"]:
        return peer
    if trust:
        return None
    meta = meta_of()
    s = meta["sender"]
    raise UnknownSigner(f"{env.path.name} comes from a device this database does not trust: {s.get('name')!r} "
                        f"({s.get('organisation') or 'no organisation'}), fingerprint {env.sender_fingerprint}. "
                        "Compare the fingerprint with that office by phone, then import again choosing to trust it "
                        "(--trust)", device_id=env.sender_id, name=s.get("name"), organisation=s.get("organisation"),
                        fingerprint=env.sender_fingerprint)


def import_bundle(store, path, *, trust: bool = False, progress=None, cancelled=None) -> dict:
    """Verify and apply a peer bundle in one transaction. Any error leaves the database unchanged."""
    identity.ensure_identity(store)
    env = envelope.read(path)
    _check_kind(env)
    if store.device_id not in env.recipients:
        envelope.open_payload(env, store.device_id, identity.box_key(store))  # raises WrongRecipient
    decoded = {}

    def meta_of():
        if not decoded:
            decoded["meta"], decoded["lines"] = _decode(env, store)
        return decoded["meta"]

    peer = check_signer(store, env, meta_of, trust)
    when = _imported_at(store, env.sha256)
    if when:
        raise AlreadyImported(f"{env.path.name} was already imported on {when[:16].replace('T', ' ')}; nothing changed",
                              sha256=env.sha256)
    meta = meta_of()
    allowed = {t: synced_columns(store, t) for t in TABLE_ORDER}
    changes = parse_lines(decoded["lines"], 2, allowed, store)  # only the changes not held here
    validate.check_changes(store, changes, file_name=env.path.name, sender=meta["sender"].get("name") or env.sender_id,
                           cancelled=cancelled)
    received = sum(1 for line in decoded["lines"] if line)
    try:
        with store.atomic():
            if peer is None:
                s = meta["sender"]
                peer = identity.add_peer(store, {**env.header["sender"], "name": s.get("name", ""),
                                                 "organisation": s.get("organisation", ""),
                                                 "fingerprint": env.sender_fingerprint})
            result = merge.apply_changes(store, changes, progress=progress, cancelled=cancelled)
            result["received"] = received
            _learn_acks(store, env.sender_id, meta)
            store.conn.execute(
                "INSERT INTO bundles (direction, kind, peer_device, file_name, sha256, created_at, processed_at, "
                "change_count, applied_count) VALUES ('in', ?, ?, ?, ?, ?, ?, ?, ?)",
                (KIND, env.sender_id, env.path.name, env.sha256, env.header.get("created_at"), utc_now_iso(),
                 received, result["new"]))
            store.set_meta("last_sync", utc_now_iso())
            records.audit(store, "sync_import", detail={"file": env.path.name, "from": peer["name"], **result,
                                                        "sha256": env.sha256})
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
