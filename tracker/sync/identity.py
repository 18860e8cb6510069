"""Device identity and trusted peers.

Each database is one device with two key pairs: Ed25519 to sign what it sends and
X25519 to receive what is encrypted to it. The private keys live in the encrypted
database's ``meta`` table, never in a file of their own. The public half travels as
an identity file; people compare its fingerprint by phone before trusting it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from tracker.store import permissions, records
from tracker.timeutil import utc_now_iso
from .errors import PeerError

IDENTITY_FORMAT = "dtrack-identity"
IDENTITY_VERSION = 1
_SIGN_META = "sync_sign_key"
_BOX_META = "sync_box_key"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, length: int | None = None, what: str = "key") -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, AttributeError) as exc:
        raise PeerError(f"the {what} is not valid base64", value=text) from exc
    if length is not None and len(raw) != length:
        raise PeerError(f"the {what} has {len(raw)} bytes, expected {length}", value=text)
    return raw


def _raw_private(key) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _raw_public(key) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """32 hexadecimal digits in groups of four, short enough to read out over a phone."""
    digest = hashlib.sha256(b"dtrack-fingerprint-v1" + sign_public + box_public).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def ensure_identity(store) -> None:
    """Create this device's key pairs if the database has none (new databases, or older ones on first sync)."""
    meta = store.meta()
    if meta.get(_SIGN_META) and meta.get(_BOX_META):
        return
    with store.atomic():
        store.set_meta(_SIGN_META, b64(_raw_private(Ed25519PrivateKey.generate())))
        store.set_meta(_BOX_META, b64(_raw_private(X25519PrivateKey.generate())))
        records.audit(store, "identity_created")


def signing_key(store) -> Ed25519PrivateKey:
    ensure_identity(store)
    return Ed25519PrivateKey.from_private_bytes(unb64(store.meta()[_SIGN_META], 32))


def box_key(store) -> X25519PrivateKey:
    ensure_identity(store)
    return X25519PrivateKey.from_private_bytes(unb64(store.meta()[_BOX_META], 32))


def own_identity(store) -> dict:
    """This device's public identity (what goes in the identity file)."""
    sign_pub = _raw_public(signing_key(store))
    box_pub = _raw_public(box_key(store))
    return {"device_id": store.device_id, "name": store.device_name, "organisation": store.organisation,
            "sign_key": b64(sign_pub), "box_key": b64(box_pub), "fingerprint": fingerprint(sign_pub, box_pub)}


def _canonical(doc: dict) -> bytes:
    return json.dumps({k: v for k, v in doc.items() if k != "signature"}, sort_keys=True,
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def export_identity(store, out) -> dict:
    """Write the public identity file (self-signed, so a typo in it is caught). Returns its content."""
    permissions.require(store, permissions.SYNC)
    doc = {"format": IDENTITY_FORMAT, "version": IDENTITY_VERSION, "created_at": utc_now_iso(), **own_identity(store)}
    doc["signature"] = b64(signing_key(store).sign(_canonical(doc)))
    Path(out).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    records.audit(store, "identity_export", detail={"file": Path(out).name})
    return doc


def read_identity(path) -> dict:
    """Read and check an identity file; raise PeerError saying what is wrong with it."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PeerError(f"{path.name} is not a readable identity file ({exc.__class__.__name__}); "
                        "ask the other office to export it again with 'dtrack identity export'", path=str(path)) from exc
    if not isinstance(doc, dict) or doc.get("format") != IDENTITY_FORMAT:
        raise PeerError(f"{path.name} is not a Displacement Tracker identity file", path=str(path))
    if doc.get("version") != IDENTITY_VERSION:
        raise PeerError(f"{path.name} uses identity format {doc.get('version')!r}; update Displacement Tracker",
                        path=str(path))
    for key in ("device_id", "name", "sign_key", "box_key", "signature"):
        if not isinstance(doc.get(key), str) or not doc[key]:
            raise PeerError(f"{path.name} lacks its {key}", path=str(path))
    sign_pub = unb64(doc["sign_key"], 32, "signing key")
    box_pub = unb64(doc["box_key"], 32, "encryption key")
    try:
        Ed25519PublicKey.from_public_bytes(sign_pub).verify(unb64(doc["signature"], 64, "signature"), _canonical(doc))
    except InvalidSignature as exc:
        raise PeerError(f"{path.name} was altered after it was made (its signature does not match)",
                        path=str(path)) from exc
    doc["fingerprint"] = fingerprint(sign_pub, box_pub)
    doc.setdefault("organisation", "")
    return doc


# -- peers ----------------------------------------------------------------------------------
def _peer_row(row, cols) -> dict:
    peer = dict(zip(cols, row))
    keys = json.loads(peer.pop("public_key") or "{}")
    peer["sign_key"], peer["box_key"] = keys.get("sign"), keys.get("box")
    peer["acked"] = json.loads(peer["acked"] or "{}")
    return peer


def list_peers(store) -> list[dict]:
    cur = store.conn.execute("SELECT * FROM peers ORDER BY name, device_id")
    cols = [d[0] for d in cur.description]
    return [_peer_row(r, cols) for r in cur]


def get_peer(store, device_id: str) -> dict | None:
    cur = store.conn.execute("SELECT * FROM peers WHERE device_id = ?", (device_id,))
    row = cur.fetchone()
    return _peer_row(row, [d[0] for d in cur.description]) if row else None


def find_peer(store, text: str) -> dict:
    """A peer by device id, name (any case) or an unambiguous id prefix of 6+ characters."""
    peers = list_peers(store)
    wanted = text.strip().casefold()
    for test in (lambda p: p["device_id"] == text,
                 lambda p: (p["name"] or "").casefold() == wanted,
                 lambda p: len(wanted) >= 6 and p["device_id"].startswith(wanted)):
        found = [p for p in peers if test(p)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise PeerError(f"{text!r} matches {len(found)} peers; give the device id instead "
                            "(see 'dtrack peers list')", value=text)
    raise PeerError(f"no peer called {text!r}; add it with 'dtrack peers add DB IDENTITY_FILE' "
                    "(see 'dtrack peers list')", value=text)


def add_peer(store, identity: dict) -> dict:
    """Trust a device given its checked identity. Re-adding the same device refreshes its name;
    a different key for a known device is refused (a re-installed device must be removed first)."""
    permissions.require(store, permissions.SYNC)
    if identity["device_id"] == store.device_id:
        raise PeerError("this is this database's own identity; import the other device's file instead")
    existing = get_peer(store, identity["device_id"])
    if existing and (existing["sign_key"], existing["box_key"]) != (identity["sign_key"], identity["box_key"]):
        raise PeerError(f"device {identity['name']!r} is already trusted with another key (fingerprint "
                        f"{existing['fingerprint']}); if it was re-installed, remove it first with "
                        "'dtrack peers remove'", device_id=identity["device_id"])
    with store.atomic():
        store.conn.execute(
            "INSERT INTO peers (device_id, name, organisation, public_key, fingerprint, trusted, added_at, acked) "
            "VALUES (?, ?, ?, ?, ?, 1, ?, '{}') ON CONFLICT(device_id) DO UPDATE SET name = excluded.name, "
            "organisation = excluded.organisation, trusted = 1",
            (identity["device_id"], identity["name"], identity.get("organisation", ""),
             json.dumps({"sign": identity["sign_key"], "box": identity["box_key"]}), identity["fingerprint"],
             utc_now_iso()))
        records.audit(store, "peer_add", table="peers", record_id=identity["device_id"],
                      detail={"name": identity["name"], "fingerprint": identity["fingerprint"]})
        store.queue_event("peers", [identity["device_id"]])
    return get_peer(store, identity["device_id"])


def remove_peer(store, device_id: str) -> None:
    permissions.require(store, permissions.SYNC)
    with store.atomic():
        if store.conn.execute("DELETE FROM peers WHERE device_id = ?", (device_id,)).rowcount == 0:
            raise PeerError(f"no peer with device id {device_id}", device_id=device_id)
        records.audit(store, "peer_remove", table="peers", record_id=device_id)
        store.queue_event("peers", [device_id])


def origin_key(store, device_id: str) -> dict | None:
    """The signing key learnt for a device that is not a peer (attest.py), with the peer that vouched for it."""
    row = store.conn.execute("SELECT device_id, sign_key, vouched_by, first_seen FROM origin_keys WHERE device_id = ?",
                             (device_id,)).fetchone()
    return dict(zip(("device_id", "sign_key", "vouched_by", "first_seen"), row)) if row else None
