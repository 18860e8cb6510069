"""Origin signatures: every change is signed by the device that made it, and by no other.

A bundle's own signature proves which peer *sent* it; a change relayed through that peer was made
elsewhere, so the change itself must say who made it. Each device signs its own changes in
batches of up to ``BATCH`` consecutive change numbers, when it first exports them: the Ed25519
signature covers the origin's device id, the batch's first and last number, and SHA-256 of the
batch's bundle lines (``changes.LineWriter``: the same bytes on every device). The signature is
kept in ``change_batches`` and travels unchanged whenever a peer relays the batch, so the
receiver checks each change against its origin's key, never the relay's.

Which key is an origin's: this device's own; a peer's (trusted after comparing fingerprints);
or, for a device this one has never met, the key the sending (trusted) peer vouches for in the
bundle, kept in ``origin_keys`` from then on. A key vouched for a device whose key is already
known here must be that same key.

Limits: a trusted peer can still invent a device id never seen here and sign "its" changes (that
device exists only in the peer's say-so; the changes are then attributed to it, and the first key
learnt for that id stays); and an origin's signature proves who wrote a change, not that its
values are sound (validate.py checks those).
"""

from __future__ import annotations

import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from tracker.errors import cut
from tracker.timeutil import utc_now_iso
from . import identity
from .changes import LINE_COLUMNS, LineWriter
from .errors import BundleDamaged, OriginNotSigned

BATCH = 1000  # changes per signature: a relay resends at most BATCH - 1 changes the peer holds
MAX_BATCH = 100_000  # the most a received batch may span
_CONTEXT = b"dtrack-changes-v1\0"


def message(origin: str, first: int, last: int, lines) -> bytes:
    """What an origin signs for changes first..last: their bundle lines, in number order."""
    digest = hashlib.sha256(b"\n".join(lines)).digest()
    return _CONTEXT + json.dumps([origin, first, last]).encode("utf-8") + b"\0" + digest


def sign_own(store) -> int:
    """Sign this device's changes not yet signed, in batches (call inside a transaction).
    Returns how many changes were signed."""
    me = store.device_id
    done = store.conn.execute("SELECT COALESCE(MAX(last_seq), 0) FROM change_batches WHERE origin_device = ?",
                              (me,)).fetchone()[0]
    rows = store.conn.execute(f"SELECT {LINE_COLUMNS} FROM change_log WHERE origin_device = ? AND origin_seq > ? "
                              "ORDER BY origin_seq", (me, done)).fetchall()
    if not rows:
        return 0
    key = identity.signing_key(store)
    writer = LineWriter()
    batches, run = [], []
    for row in rows:
        if run and (len(run) == BATCH or row[1] != run[-1][0] + 1):
            batches.append(run)
            run = []
        run.append((row[1], writer.line(*row).encode("utf-8")))
    batches.append(run)
    out = []
    for run in batches:
        first, last = run[0][0], run[-1][0]
        out.append((me, first, last, identity.b64(key.sign(message(me, first, last, [line for _, line in run])))))
    store.conn.executemany("INSERT INTO change_batches (origin_device, first_seq, last_seq, signature) "
                           "VALUES (?, ?, ?, ?)", out)
    return len(rows)


def batches_from(store, origin: str, floor: int) -> list[tuple[int, int, str]]:
    """The signed batches of ``origin`` holding a change numbered above ``floor``, without overlaps."""
    out = []
    for first, last, sig in store.conn.execute(
            "SELECT first_seq, last_seq, signature FROM change_batches WHERE origin_device = ? AND last_seq > ? "
            "ORDER BY first_seq", (origin, floor)):
        if not out or first > out[-1][1]:
            out.append((first, last, sig))
    return out


def known_key(store, device_id: str) -> str | None:
    """The signing key this database holds for a device (base64), or None."""
    if device_id == store.device_id:
        return identity.own_identity(store)["sign_key"]
    peer = identity.get_peer(store, device_id)
    if peer and peer["sign_key"]:
        return peer["sign_key"]
    found = identity.origin_key(store, device_id)
    return found["sign_key"] if found else None


class Verified:
    """The outcome of ``verify``: batches to keep and origin keys to learn, written on import."""

    def __init__(self):
        self.batches: list[tuple] = []
        self.learnt: dict[str, str] = {}

    def save(self, store, sender_id: str) -> None:
        store.conn.executemany("INSERT OR IGNORE INTO change_batches (origin_device, first_seq, last_seq, signature) "
                               "VALUES (?, ?, ?, ?)", self.batches)
        now = utc_now_iso()
        store.conn.executemany("INSERT OR IGNORE INTO origin_keys (device_id, sign_key, vouched_by, first_seen) "
                               "VALUES (?, ?, ?, ?)", [(d, k, sender_id, now) for d, k in self.learnt.items()])


def _heads(lines: list[bytes]) -> list:
    try:
        heads = json.loads(b"[" + b",".join(line.split(b"\t", 1)[0] for line in lines) + b"]")
    except (ValueError, UnicodeDecodeError):
        heads = None
    if heads is None or not all(type(h) is list and len(h) >= 2 and type(h[0]) is str and type(h[1]) is int
                                for h in heads):
        for i, line in enumerate(lines):
            try:
                h = json.loads(line.split(b"\t", 1)[0])
                if type(h) is list and len(h) >= 2 and type(h[0]) is str and type(h[1]) is int:
                    continue
            except (ValueError, UnicodeDecodeError):
                pass
            raise BundleDamaged(f"bundle line {i + 2} cannot be read; nothing was imported", line=i + 2)
    return heads


def verify(store, meta: dict, lines: list[bytes], *, sender_id: str, sender_key: str, file_name: str,
           names: dict[str, str]) -> Verified:
    """Check that every change line is covered by a batch whose origin signature verifies with
    the key held (or vouched for) for that origin. Raises OriginNotSigned; writes nothing.
    ``lines`` are the change lines (the bundle's lines after the first); ``names`` device names."""
    def who(device):
        return names.get(device) or device

    batches, vouched = meta.get("batches"), meta.get("origin_keys") or {}
    if not isinstance(batches, list) or not isinstance(vouched, dict):
        raise BundleDamaged(f"{file_name} is damaged (its list of origin signatures cannot be read)")
    lines = [line for line in lines if line]
    heads = _heads(lines)
    where: dict[tuple[str, int], int] = {}
    for i, h in enumerate(heads):
        if where.setdefault((h[0], h[1]), i) != i:
            raise BundleDamaged(f"{file_name}: line {i + 2}: change {h[1]} of device {cut(h[0])} appears twice; "
                                "nothing was imported")
    out = Verified()
    keys: dict[str, bytes] = {}

    def key_for(origin: str) -> bytes:
        if origin in keys:
            return keys[origin]
        held = sender_key if origin == sender_id else known_key(store, origin)
        offered = vouched.get(origin)
        if held and offered and offered != held:
            raise OriginNotSigned(f"{file_name}: the sender vouches for another key than the one this database holds "
                                  f"for {who(origin)}; nothing was imported — the sending device may have been "
                                  "tampered with: check with that office", origin=origin)
        if not held:
            if not isinstance(offered, str):
                raise OriginNotSigned(f"{file_name} carries changes made on device {cut(origin)}, whose key this "
                                      "database does not know and the sender does not vouch for; nothing was "
                                      "imported", origin=origin)
            held = out.learnt[origin] = offered
        try:
            keys[origin] = identity.unb64(held, 32)
        except Exception as exc:
            raise OriginNotSigned(f"{file_name}: the key given for device {cut(origin)} is not a key; nothing was "
                                  "imported", origin=origin) from exc
        return keys[origin]

    # a batch kept here with the same signature was verified when it was kept (or signed here): a
    # re-sent bundle costs no signature checks
    kept = set()
    for origin in {b[0] for b in batches if type(b) is list and b and type(b[0]) is str}:
        kept.update((origin, *row) for row in store.conn.execute(
            "SELECT first_seq, last_seq, signature FROM change_batches WHERE origin_device = ?", (origin,)))
    covered = bytearray(len(lines))
    for b in batches:
        if not (type(b) is list and len(b) == 4 and type(b[0]) is str and type(b[1]) is int and type(b[2]) is int
                and type(b[3]) is str and 1 <= b[1] <= b[2] and b[2] - b[1] < MAX_BATCH):
            raise BundleDamaged(f"{file_name} is damaged (an origin signature cannot be read)")
        origin, first, last, sig = b
        idx = [where.get((origin, seq)) for seq in range(first, last + 1)]
        if None in idx:
            missing = sum(1 for i in idx if i is None)
            raise OriginNotSigned(f"{file_name}: changes {first}–{last} of {who(origin)} are signed together, but "
                                  f"{missing} of them are not in the file; nothing was imported — ask the sender "
                                  "to export again", origin=origin)
        if (origin, first, last, sig) not in kept:  # (a kept batch's changes are all held: none is applied)
            try:
                Ed25519PublicKey.from_public_bytes(key_for(origin)).verify(
                    identity.unb64(sig, 64, "signature"), message(origin, first, last, [lines[i] for i in idx]))
            except (InvalidSignature, ValueError, identity.PeerError) as exc:
                raise OriginNotSigned(f"{file_name}: changes {first}–{last} said to be made on {who(origin)} are not "
                                      f"signed by {who(origin)} (altered or forged by a device that passed them on); "
                                      "nothing was imported — tell the office that sent the file", origin=origin,
                                      first=first, last=last) from exc
        for i in idx:
            if covered[i]:
                raise BundleDamaged(f"{file_name}: line {i + 2} is signed twice; nothing was imported")
            covered[i] = 1
        out.batches.append((origin, first, last, sig))
    if not all(covered):
        i = covered.index(0)
        origin, seq = heads[i][0], heads[i][1]
        raise OriginNotSigned(f"{file_name}: line {i + 2}: change {seq} of {cut(who(origin))} carries no signature of "
                              "its origin device; nothing was imported — a change can only be relayed with the "
                              "signature of the device that made it", origin=origin, line=i + 2)
    return out
