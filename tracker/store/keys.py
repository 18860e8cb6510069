"""The accounts' locked copies of the database key, in a small file beside the database.

The database is encrypted (SQLCipher, AES-256) under one random 32-byte key that no person types.
Each account holds a copy of that key locked with its own passphrase: Argon2id turns the
passphrase into a key-encryption key, which seals the database key with AES-GCM. The file
``office.dtdb.keys`` keeps one such slot per account with the Argon2id parameters it was made
with, so adding or removing an account, or changing a passphrase, rewrites only this small file
and never re-encrypts the database.

Why a file beside the database and not inside it: SQLCipher encrypts every page, the header
included, so nothing inside the database can be read before the key is known. The key file holds
no personal data and nothing that opens the database without a passphrase. A database copied
without it cannot be opened: opening says which file is missing.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tracker import fileswap
from tracker.errors import KeysDamaged, KeysMissing, UnknownAccount, WrongPassphrase

FORMAT = 1
KIND = "displacement-tracker-keys"
KEY_BYTES = 32
MAX_FILE_BYTES = 1 << 20  # a key file with a thousand accounts is ~400 KB; anything larger is not ours

# Argon2id, RFC 9106's memory-constrained choice (t=3, 64 MiB): about 0.3-0.6 s on a 2-core laptop
# (docs/performance.md). Tunable for slower machines, and made cheap in the test suite only.
DEFAULT_TIME_COST = 3
DEFAULT_MEMORY_KIB = 65_536
DEFAULT_PARALLELISM = 2


def key_file(db_path) -> Path:
    return Path(str(db_path) + ".keys")


def kdf_params() -> dict:
    """Parameters for a new slot: the defaults, or DTRACK_KDF_TIME_COST / DTRACK_KDF_MEMORY_KIB."""
    def env_int(name: str, default: int, low: int) -> int:
        text = os.environ.get(name, "")
        return max(low, int(text)) if text.strip().isdigit() else default
    return {"kdf": "argon2id", "time_cost": env_int("DTRACK_KDF_TIME_COST", DEFAULT_TIME_COST, 1),
            "memory_kib": env_int("DTRACK_KDF_MEMORY_KIB", DEFAULT_MEMORY_KIB, 8),
            "parallelism": DEFAULT_PARALLELISM}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError) as exc:
        raise ValueError("not base64") from exc


def _kek(passphrase: str, salt: bytes, p: dict) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=int(p["time_cost"]),
                           memory_cost=int(p["memory_kib"]), parallelism=int(p["parallelism"]),
                           hash_len=KEY_BYTES, type=Type.ID)


def _aad(name: str) -> bytes:
    return b"dtrack-key-slot-v1\0" + name.encode("utf-8")


@dataclass
class Slot:
    name: str
    params: dict
    salt: bytes
    nonce: bytes
    sealed: bytes
    init_admin: bool = False

    @classmethod
    def seal(cls, name: str, passphrase: str, data_key: bytes, *, init_admin: bool = False) -> "Slot":
        params = kdf_params()
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        sealed = AESGCM(_kek(passphrase, salt, params)).encrypt(nonce, data_key, _aad(name))
        return cls(name, params, salt, nonce, sealed, init_admin)

    def open(self, passphrase: str) -> bytes:
        try:
            key = AESGCM(_kek(passphrase, self.salt, self.params)).decrypt(self.nonce, self.sealed, _aad(self.name))
        except InvalidTag:
            raise WrongPassphrase(self.name) from None
        if len(key) != KEY_BYTES:
            raise WrongPassphrase(self.name)
        return key

    def to_json(self) -> dict:
        return {"name": self.name, **self.params, "salt": _b64(self.salt), "nonce": _b64(self.nonce),
                "sealed": _b64(self.sealed), **({"init_admin": True} if self.init_admin else {})}

    @classmethod
    def from_json(cls, doc: dict, where: str) -> "Slot":
        try:
            params = {"kdf": doc["kdf"], "time_cost": int(doc["time_cost"]), "memory_kib": int(doc["memory_kib"]),
                      "parallelism": int(doc["parallelism"])}
            if params["kdf"] != "argon2id" or not (1 <= params["time_cost"] <= 100) \
                    or not (8 <= params["memory_kib"] <= 4 * 1024 * 1024) or not (1 <= params["parallelism"] <= 64):
                raise ValueError("unsupported key-derivation parameters")
            return cls(str(doc["name"]), params, _unb64(doc["salt"]), _unb64(doc["nonce"]), _unb64(doc["sealed"]),
                       bool(doc.get("init_admin")))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeysDamaged(f"the key file {where} is damaged ({exc}); restore it from a backup",
                              path=where) from None


class KeyFile:
    """The slots of one database's key file."""

    def __init__(self, db_path, slots: list[Slot]):
        self.path = key_file(db_path)
        self.slots = slots

    @classmethod
    def read(cls, db_path) -> "KeyFile":
        path = key_file(db_path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise KeysDamaged(f"the key file {path} is {size} bytes, far larger than any key file; "
                                  "restore it from a backup", path=str(path))
            doc = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise KeysMissing(str(db_path), str(path)) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeysDamaged(f"the key file {path} is damaged (not JSON); restore it from a backup",
                              path=str(path)) from None
        if not isinstance(doc, dict) or doc.get("kind") != KIND or not isinstance(doc.get("slots"), list):
            raise KeysDamaged(f"{path} is not a Displacement Tracker key file", path=str(path))
        if doc.get("format") != FORMAT:
            raise KeysDamaged(f"the key file {path} was written by a newer version (format {str(doc.get('format'))[:20]}); "
                              "update Displacement Tracker to open it", path=str(path))
        return cls(db_path, [Slot.from_json(s, str(path)) for s in doc["slots"]])

    def slot(self, name: str | None) -> Slot:
        """The named account's slot; with no name, the only account or the administrator made at init."""
        if name is None:
            if len(self.slots) == 1:
                return self.slots[0]
            first = [s for s in self.slots if s.init_admin]
            if first:
                return first[0]
            raise UnknownAccount("", "this database has several accounts: give the account name")
        for s in self.slots:
            if s.name == name:
                return s
        raise UnknownAccount(name)

    def names(self) -> list[str]:
        return [s.name for s in self.slots]

    def put(self, slot: Slot) -> None:
        self.slots = [s for s in self.slots if s.name != slot.name] + [slot]

    def drop(self, name: str) -> None:
        self.slots = [s for s in self.slots if s.name != name]

    def write(self) -> None:
        """Replace the file whole: a crash leaves the old file or the new one, never a mix."""
        data = json.dumps({"kind": KIND, "format": FORMAT, "slots": [s.to_json() for s in self.slots]},
                          indent=1, ensure_ascii=False).encode("utf-8")
        write_private(self.path, data)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by its owner only (mode 0600)."""
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    # O_BINARY (Windows only): without it the C runtime writes each LF byte as CR LF
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        fileswap.replace(tmp, path)  # Windows: a reader or a scanner may hold the old file for a moment
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    fsync_dir(path.parent)


def fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def sqlcipher_key(data_key: bytes) -> str:
    """SQLCipher's raw-key literal: the key is used as it is, with no key derivation of its own."""
    return f"\"x'{data_key.hex()}'\""
