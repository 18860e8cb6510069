"""The bundle file format: a signed, optionally encrypted container.

Layout (all lengths big-endian)::

    b"DTBUNDLE"  u32 header length  header (UTF-8 JSON)  payload  signature (64 bytes)

The header says who signed (device id and public keys), what kind of bundle it is, the
payload's size, and how the payload is encrypted: a random content key encrypts the
zlib-compressed payload with AES-256-GCM (the header is its associated data), and the
content key is wrapped for each recipient under a key derived with HKDF-SHA256 from
X25519(ephemeral, recipient). The Ed25519 signature covers a SHA-256 digest of
everything before it, and is checked before anything else is parsed or decrypted.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from .errors import BundleDamaged, BundleTooNew, PeerError, WrongRecipient
from .identity import b64, fingerprint, unb64

MAGIC = b"DTBUNDLE"
FORMAT_VERSION = 1
ALGORITHM = "X25519-HKDF-SHA256-AES256GCM"
_SIG_CONTEXT = b"dtrack-bundle-v1"
_SIG_LEN = 64
_MAX_HEADER = 1 << 20
_MAX_PAYLOAD = (1 << 31) - 1  # one AES-GCM call; far above any field office's bundle


@dataclass
class Envelope:
    path: Path
    header: dict
    header_bytes: bytes  # exactly as signed: the payload's associated data
    payload: bytes  # still encrypted when header["encryption"] is set
    sha256: str  # of the whole file: the bundle's identity in the history

    @property
    def sender_id(self) -> str:
        return self.header["sender"]["device_id"]

    @property
    def sender_fingerprint(self) -> str:
        s = self.header["sender"]
        return fingerprint(unb64(s["sign_key"], 32), unb64(s["box_key"], 32))

    @property
    def recipients(self) -> list[str]:
        enc = self.header.get("encryption")
        return [r["device_id"] for r in enc["recipients"]] if enc else []


def _kek(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=b"dtrack bundle key wrap v1").derive(shared)


def _signed_digest(body: bytes) -> bytes:
    return _SIG_CONTEXT + hashlib.sha256(body).digest()


def write(path, *, kind: str, payload: bytes, signing_key, sender: dict, recipients: list[dict] | None,
          created_at: str) -> str:
    """Compress, encrypt (when ``recipients`` is given: dicts with device_id and box_key), sign and
    write the bundle; the file appears whole or not at all. Returns its SHA-256."""
    data = zlib.compress(payload, 3)
    header = {"magic": "dtrack-bundle", "format": FORMAT_VERSION, "kind": kind, "created_at": created_at,
              "sender": {"device_id": sender["device_id"], "sign_key": sender["sign_key"], "box_key": sender["box_key"]},
              "compression": "zlib", "encryption": None}
    if recipients is not None:
        if not recipients:
            raise ValueError("an encrypted bundle needs at least one recipient")
        content_key = AESGCM.generate_key(bit_length=256)
        ephemeral = X25519PrivateKey.generate()
        eph_pub = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        wrapped = []
        for r in recipients:
            r_pub = unb64(r["box_key"], 32)
            kek = _kek(ephemeral.exchange(X25519PublicKey.from_public_bytes(r_pub)), eph_pub, r_pub)
            # each key-encryption key is used exactly once, so a fixed nonce is safe here
            wrapped.append({"device_id": r["device_id"],
                            "wrapped_key": b64(AESGCM(kek).encrypt(b"\0" * 12, content_key, r["device_id"].encode()))})
        header["encryption"] = {"algorithm": ALGORITHM, "ephemeral": b64(eph_pub), "nonce": b64(os.urandom(12)),
                                "recipients": wrapped}
    header["payload_size"] = len(data) + (16 if recipients is not None else 0)
    if header["payload_size"] > _MAX_PAYLOAD:
        raise ValueError("bundle too large for one file; export a shorter period")
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    if recipients is not None:
        data = AESGCM(content_key).encrypt(unb64(header["encryption"]["nonce"], 12), data, head)
    body = MAGIC + struct.pack(">I", len(head)) + head + data
    signature = signing_key.sign(_signed_digest(body))
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(body)
        fh.write(signature)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return hashlib.sha256(body + signature).hexdigest()


def read(path) -> Envelope:
    """Read a bundle and check its framing and signature (against the key it names; whether that
    key is trusted is the caller's decision). Raises BundleDamaged or BundleTooNew."""
    path = Path(path)
    raw = path.read_bytes()
    name = path.name
    if len(raw) < len(MAGIC) + 4 or raw[:len(MAGIC)] != MAGIC:
        raise BundleDamaged(f"{name} is not a Displacement Tracker bundle", path=str(path))
    (hlen,) = struct.unpack(">I", raw[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if hlen > _MAX_HEADER or start + hlen > len(raw):
        raise BundleDamaged(f"{name} is incomplete or damaged (its header is cut short); copy it again "
                            "from the sender", path=str(path))
    try:
        header = json.loads(raw[start:start + hlen].decode("utf-8"))
        size = int(header["payload_size"])
        sender = header["sender"]
        sign_pub = unb64(sender["sign_key"], 32)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, PeerError) as exc:
        raise BundleDamaged(f"{name} is damaged (its header cannot be read)", path=str(path)) from exc
    expected = start + hlen + size + _SIG_LEN
    if len(raw) != expected:
        raise BundleDamaged(f"{name} is incomplete or damaged ({len(raw):,} bytes, expected {expected:,}); "
                            "copy it again from the sender", path=str(path))
    body, signature = raw[:-_SIG_LEN], raw[-_SIG_LEN:]
    try:
        Ed25519PublicKey.from_public_bytes(sign_pub).verify(signature, _signed_digest(body))
    except (InvalidSignature, ValueError) as exc:
        raise BundleDamaged(f"{name} was altered or damaged after it was signed (the signature does not match); "
                            "nothing was imported — ask the sender for a new copy", path=str(path)) from exc
    if header.get("format") != FORMAT_VERSION:
        raise BundleTooNew(f"{name} was written in bundle format {header.get('format')!r} by a newer version; "
                           "update Displacement Tracker to import it", path=str(path))
    return Envelope(path, header, raw[start:start + hlen], raw[start + hlen:-_SIG_LEN], hashlib.sha256(raw).hexdigest())


def open_payload(env: Envelope, device_id: str, box_private: X25519PrivateKey | None) -> bytes:
    """The decrypted, decompressed payload. Raises WrongRecipient when it is not for this device."""
    enc = env.header.get("encryption")
    data = env.payload
    if enc:
        mine = [r for r in enc["recipients"] if r["device_id"] == device_id]
        if not mine or box_private is None:
            raise WrongRecipient(f"{env.path.name} is not for this device; it was made for "
                                 f"{', '.join(env.recipients) or 'no device'} (this device is {device_id})",
                                 recipients=env.recipients)
        try:
            eph_pub = unb64(enc["ephemeral"], 32)
            my_pub = box_private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            kek = _kek(box_private.exchange(X25519PublicKey.from_public_bytes(eph_pub)), eph_pub, my_pub)
            content_key = AESGCM(kek).decrypt(b"\0" * 12, unb64(mine[0]["wrapped_key"]), device_id.encode())
            data = AESGCM(content_key).decrypt(unb64(enc["nonce"], 12), data, env.header_bytes)
        except (InvalidTag, ValueError, KeyError, PeerError) as exc:
            raise WrongRecipient(f"{env.path.name} cannot be decrypted with this device's key; it was made for "
                                 "another copy of this device — ask the sender to export it again") from exc
    try:
        return zlib.decompress(data)
    except zlib.error as exc:
        raise BundleDamaged(f"{env.path.name} is damaged (its content cannot be unpacked)") from exc
