"""The bundle file format: signed, encrypted to named recipients, opened only for known signers.

Layout (integers big-endian)::

    fixed part (159 bytes):  b"DTBUNDLE"  u16 format  u8 kind  sender device id (64 bytes, NUL-padded)
                             sender Ed25519 key (32)  sender X25519 key (32)  u32 header length
                             u64 payload length  u8 reserved (0) * 8
    header (UTF-8 JSON, at most 1 MiB): creation time, compression, recipients and their wrapped keys
    payload: zlib-compressed, then AES-256-GCM under a random content key (the fixed part and the
             header are its associated data)
    signature (64 bytes): Ed25519 over b"dtrack-bundle-v2" + SHA-256(everything before it)

The content key is wrapped for each recipient with HPKE (RFC 9180, base mode: DHKEM(X25519,
HKDF-SHA256), HKDF-SHA256, AES-256-GCM), its info naming the recipient device.

Reading follows one order and never skips a step (``peek`` then ``open_signed`` then
``open_payload``): the fixed part alone names the sender; the caller looks that device up among
its trusted peers and passes the key *it* holds; only a file whose signature verifies with that
key has its header parsed, its payload decrypted, and then inflated as a stream under a hard cap
(a few kilobytes that inflate to gigabytes are refused after the cap, holding one chunk).
The keys in the fixed part are used for one thing only: to show an unknown sender's fingerprint,
so a person can decide to trust it.
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
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tracker import fileswap

from .errors import BundleDamaged, BundleTooLarge, BundleTooNew, BundleTooOld, PeerError, WrongRecipient
from .identity import b64, fingerprint, unb64

MAGIC = b"DTBUNDLE"
FORMAT_VERSION = 2
ALGORITHM = "HPKE-X25519-HKDF-SHA256-AES256GCM+AES256GCM"
KINDS = {1: "changes", 2: "summary"}
_KIND_CODES = {v: k for k, v in KINDS.items()}
_FIXED = struct.Struct(">8sHB64s32s32sIQ8x")
FIXED_SIZE = _FIXED.size
_SIG_CONTEXT = b"dtrack-bundle-v2"
_SIG_LEN = 64
_MAX_HEADER = 1 << 20
_MAX_PAYLOAD = (1 << 31) - 1  # one AES-GCM call; far above any field office's bundle
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_CHUNK = 1 << 20  # inflated bytes per step
_SLICE = 1 << 16  # compressed bytes per step

# The payload may inflate to at most MAX_RATIO times its compressed size (change lines compress
# about 10:1), never less than INFLATE_FLOOR and never more than MAX_INFLATED.
MAX_RATIO = 50
INFLATE_FLOOR = 32 << 20
MAX_INFLATED = 1 << 30


@dataclass(frozen=True)
class Sealed:
    """What the fixed part says, before anything is verified: enough to look the sender up."""

    path: Path
    kind: str
    sender_id: str
    sign_key: bytes
    box_key: bytes
    header_len: int
    payload_len: int

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_key, self.box_key)

    @property
    def header(self) -> dict:
        """Only the kind: what a caller choosing between the two imports may know before verifying."""
        return {"kind": self.kind}


def read(path) -> Sealed:
    """The fixed part only (``peek``): to tell a peer bundle from a summary before importing it."""
    return peek(path)


@dataclass
class Envelope:
    """A bundle whose signature verified with a key the caller holds."""

    sealed: Sealed
    header: dict
    aad: bytes  # the fixed part and the header, exactly as signed
    payload: bytes  # still encrypted
    sha256: str  # of the whole file: the bundle's identity in the history

    @property
    def path(self) -> Path:
        return self.sealed.path

    @property
    def sender_id(self) -> str:
        return self.sealed.sender_id

    @property
    def sender_fingerprint(self) -> str:
        return self.sealed.fingerprint

    @property
    def recipients(self) -> list[str]:
        return [r["device_id"] for r in self.header["encryption"]["recipients"]]


def _info(device_id: str) -> bytes:
    return b"dtrack bundle key v2 for " + device_id.encode("utf-8")


def write(path, *, kind: str, payload: bytes, signing_key, sender: dict, recipients: list[dict],
          created_at: str) -> str:
    """Compress, encrypt to ``recipients`` (dicts with device_id and box_key), sign and write the
    bundle; the file appears whole or not at all. Returns its SHA-256."""
    if not recipients:
        raise ValueError("a bundle needs at least one recipient")
    sender_id = sender["device_id"].encode("utf-8")
    if len(sender_id) > 64:
        raise ValueError("device id longer than 64 bytes")
    data = zlib.compress(payload, 3)
    content_key = AESGCM.generate_key(bit_length=256)
    wrapped = [{"device_id": r["device_id"],
                "wrapped_key": b64(_SUITE.encrypt(content_key, X25519PublicKey.from_public_bytes(unb64(r["box_key"], 32)),
                                                  info=_info(r["device_id"])))}
               for r in recipients]
    header = {"created_at": created_at, "compression": "zlib",
              "encryption": {"algorithm": ALGORITHM, "nonce": b64(os.urandom(12)), "recipients": wrapped}}
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    size = len(data) + 16
    if size > _MAX_PAYLOAD:
        raise ValueError("bundle too large for one file; export a shorter period")
    fixed = _FIXED.pack(MAGIC, FORMAT_VERSION, _KIND_CODES[kind], sender_id, unb64(sender["sign_key"], 32),
                        unb64(sender["box_key"], 32), len(head), size)
    aad = fixed + head
    body = aad + AESGCM(content_key).encrypt(unb64(header["encryption"]["nonce"], 12), data, aad)
    signature = signing_key.sign(_SIG_CONTEXT + hashlib.sha256(body).digest())
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    # personal data: the owner only; binary (Windows would turn each LF byte into CR LF)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(body)
        fh.write(signature)
        fh.flush()
        os.fsync(fh.fileno())
    fileswap.replace(tmp, path)
    return hashlib.sha256(body + signature).hexdigest()


def peek(path) -> Sealed:
    """Read the fixed part only and check the file's length against it. Nothing here is trusted
    yet; nothing past the fixed part is read."""
    path = Path(path)
    name = path.name
    with open(path, "rb") as fh:
        fixed = fh.read(FIXED_SIZE)
        size = os.fstat(fh.fileno()).st_size
    if len(fixed) < len(MAGIC) or fixed[:len(MAGIC)] != MAGIC:
        raise BundleDamaged(f"{name} is not a Displacement Tracker bundle", path=str(path))
    if len(fixed) < len(MAGIC) + 2:
        raise BundleDamaged(f"{name} is incomplete (cut short); copy it again from the sender", path=str(path))
    (fmt,) = struct.unpack(">H", fixed[len(MAGIC):len(MAGIC) + 2])
    if fmt == 0:  # format 1 put a 32-bit header length here, always below 65,536
        raise BundleTooOld(f"{name} was written by an older version of Displacement Tracker (bundle format 1), "
                           "whose changes are not signed by the devices that made them; ask the sender to update "
                           "and export again", path=str(path))
    if fmt > FORMAT_VERSION:
        raise BundleTooNew(f"{name} was written in bundle format {fmt} by a newer version; update Displacement "
                           "Tracker to import it", path=str(path))
    if len(fixed) < FIXED_SIZE:
        raise BundleDamaged(f"{name} is incomplete (cut short); copy it again from the sender", path=str(path))
    _, fmt, kind, sender, sign_key, box_key, hlen, plen = _FIXED.unpack(fixed)
    sender_id = sender.rstrip(b"\0")
    if fmt != FORMAT_VERSION or kind not in KINDS or hlen > _MAX_HEADER or plen > _MAX_PAYLOAD or not sender_id:
        raise BundleDamaged(f"{name} is damaged (its fixed header is not valid); copy it again from the sender",
                            path=str(path))
    try:
        sender_text = sender_id.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleDamaged(f"{name} is damaged (its sender cannot be read)", path=str(path)) from exc
    expected = FIXED_SIZE + hlen + plen + _SIG_LEN
    if size != expected:
        raise BundleDamaged(f"{name} is incomplete or damaged ({size:,} bytes, expected {expected:,}); "
                            "copy it again from the sender", path=str(path))
    return Sealed(path, KINDS[kind], sender_text, sign_key, box_key, hlen, plen)


def signature_valid(sealed: Sealed, sign_key: bytes) -> bool:
    """Whether the file's signature verifies with ``sign_key`` (reads the file once, in chunks)."""
    digest = hashlib.sha256()
    body = FIXED_SIZE + sealed.header_len + sealed.payload_len
    with open(sealed.path, "rb") as fh:
        left = body
        while left:
            chunk = fh.read(min(_CHUNK, left))
            if not chunk:
                return False
            digest.update(chunk)
            left -= len(chunk)
        signature = fh.read(_SIG_LEN)
    return _verify(sign_key, signature, digest.digest())


def _verify(sign_key: bytes, signature: bytes, digest: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_key).verify(signature, _SIG_CONTEXT + digest)
        return True
    except (InvalidSignature, ValueError):
        return False


def open_signed(sealed: Sealed, sign_key: bytes) -> Envelope:
    """Read the file, verify its signature with ``sign_key`` (the key the caller holds for the
    sender), and only then parse its header. The bytes verified are the bytes used afterwards."""
    raw = sealed.path.read_bytes()
    name = sealed.path.name
    body_len = FIXED_SIZE + sealed.header_len + sealed.payload_len
    if len(raw) != body_len + _SIG_LEN:
        raise BundleDamaged(f"{name} changed while it was being read; copy it again", path=str(sealed.path))
    body = memoryview(raw)[:body_len]
    if not _verify(sign_key, raw[body_len:], hashlib.sha256(body).digest()):
        raise BundleDamaged(f"{name} was altered or damaged after it was signed (the signature does not match); "
                            "nothing was imported — ask the sender for a new copy", path=str(sealed.path))
    aad = bytes(body[:FIXED_SIZE + sealed.header_len])
    try:
        header = json.loads(aad[FIXED_SIZE:].decode("utf-8"))
        recipients = header["encryption"]["recipients"]
        if not (isinstance(recipients, list) and all(isinstance(r.get("device_id"), str) for r in recipients)):
            raise ValueError("recipients")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise BundleDamaged(f"{name} is damaged (its header cannot be read)", path=str(sealed.path)) from exc
    return Envelope(sealed, header, aad, bytes(body[FIXED_SIZE + sealed.header_len:]), hashlib.sha256(raw).hexdigest())


def inflate_limit(compressed: int) -> int:
    return min(MAX_INFLATED, max(INFLATE_FLOOR, MAX_RATIO * compressed))


def _inflate(data: bytes, limit: int, name: str, keep: bool) -> bytes:
    """Inflate ``data`` a slice at a time into chunks of at most 1 MiB, refusing as soon as the
    output passes ``limit``; with ``keep`` false only the size is found (memory: one chunk)."""
    d = zlib.decompressobj()
    out = []
    total = 0
    view = memoryview(data)
    start = 0
    try:
        for start in range(0, len(view), _SLICE):
            rest = view[start:start + _SLICE]
            while rest and not d.eof:
                chunk = d.decompress(rest, _CHUNK)
                rest = d.unconsumed_tail  # at most one slice: no quadratic copying
                total += len(chunk)
                if total > limit:
                    raise BundleTooLarge(f"{name} unpacks to more than {limit:,} bytes from {len(data):,}: it is not "
                                         "a bundle this program wrote (a decompression bomb?); nothing was imported",
                                         limit=limit)
                if keep:
                    out.append(chunk)
            if d.eof:
                break
        if not d.eof:
            raise zlib.error("truncated")
    except zlib.error as exc:
        raise BundleDamaged(f"{name} is damaged (its content cannot be unpacked)") from exc
    if d.unused_data or start + _SLICE < len(view):
        raise BundleDamaged(f"{name} is damaged (data after its content)")
    return b"".join(out)


def open_payload(env: Envelope, device_id: str, box_private: X25519PrivateKey | None, *,
                 limit: int | None = None) -> bytes:
    """The decrypted, inflated payload of a verified bundle. Raises WrongRecipient when it is not
    for this device, BundleTooLarge when it inflates past ``limit`` (default: ``inflate_limit``)."""
    enc = env.header["encryption"]
    mine = [r for r in enc["recipients"] if r["device_id"] == device_id]
    if not mine or box_private is None:
        raise WrongRecipient(f"{env.path.name} is not for this device; it was made for "
                             f"{', '.join(env.recipients) or 'no device'} (this device is {device_id})",
                             recipients=env.recipients)
    try:
        content_key = _SUITE.decrypt(unb64(mine[0]["wrapped_key"]), box_private, info=_info(device_id))
        data = AESGCM(content_key).decrypt(unb64(enc["nonce"], 12), env.payload, env.aad)
    except (InvalidTag, ValueError, KeyError, TypeError, PeerError) as exc:
        raise WrongRecipient(f"{env.path.name} cannot be decrypted with this device's key; it was made for "
                             "another copy of this device — ask the sender to export it again") from exc
    cap = inflate_limit(len(data)) if limit is None else limit
    _inflate(data, cap, env.path.name, keep=False)  # the size first, holding one chunk at a time
    return _inflate(data, cap, env.path.name, keep=True)
