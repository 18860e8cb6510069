"""The bundle envelope under attack: a decompression bomb from a trusted peer, keys named inside the file,
a summary with counts too large to store. Each is refused with nothing changed; the bomb within bounded
memory (the short version here; ``python -m bench sync`` measures a larger one)."""

import hashlib
import json
import os
import tracemalloc
import zlib

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tests.core.sync_devices import befriend, content_digest, new_device, pre_household
from tracker.sync import bundle, envelope, identity, summary_bundle
from tracker.sync.errors import BundleDamaged, BundleTooLarge, UnknownSigner


@pytest.fixture
def pair(tmp_path):
    a, b = new_device(tmp_path, "tripoli"), new_device(tmp_path, "akkar")
    befriend(a, b)
    yield a, b
    a.close()
    b.close()


def deflate_bomb(mib: int) -> bytes:
    """A real zlib stream of ``mib`` MiB of zeros, about 1 KB per MiB: after a full flush the
    compressor starts afresh, so each further MiB compresses to the same block, repeated."""
    c = zlib.compressobj(9)
    zeros = bytes(1 << 20)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    return first + block * (mib - 2) + c.compress(zeros) + c.flush()


def hostile_bundle(path, signer, recipient, deflated: bytes, kind: str = "changes") -> None:
    """A file in the bundle format holding ``deflated`` as its compressed payload, signed by
    ``signer`` and encrypted to ``recipient``: what a hostile program on a trusted device could write."""
    me, to = identity.own_identity(signer), identity.own_identity(recipient)
    content_key = AESGCM.generate_key(bit_length=256)
    wrapped = envelope._SUITE.encrypt(content_key, X25519PublicKey.from_public_bytes(identity.unb64(to["box_key"])),
                                      info=envelope._info(to["device_id"]))
    nonce = os.urandom(12)
    header = json.dumps({"created_at": "2025-03-10T00:00:00Z", "compression": "zlib",
                         "encryption": {"algorithm": envelope.ALGORITHM, "nonce": identity.b64(nonce),
                                        "recipients": [{"device_id": to["device_id"],
                                                        "wrapped_key": identity.b64(wrapped)}]}}).encode()
    fixed = envelope._FIXED.pack(envelope.MAGIC, envelope.FORMAT_VERSION, {"changes": 1, "summary": 2}[kind],
                                 me["device_id"].encode(), identity.unb64(me["sign_key"]),
                                 identity.unb64(me["box_key"]), len(header), len(deflated) + 16)
    body = fixed + header + AESGCM(content_key).encrypt(nonce, deflated, fixed + header)
    sig = identity.signing_key(signer).sign(envelope._SIG_CONTEXT + hashlib.sha256(body).digest())
    path.write_bytes(body + sig)


def test_a_decompression_bomb_from_a_trusted_peer_is_refused_in_bounded_memory(pair, tmp_path):
    a, b = pair
    bomb = deflate_bomb(1024)  # 1 GiB of zeros in about 1 MB
    assert len(bomb) < 2 << 20
    path = tmp_path / "bomb.dtb"
    hostile_bundle(path, a, b, bomb)
    before = content_digest(b)
    tracemalloc.start()
    try:
        with pytest.raises(BundleTooLarge, match="unpacks to more than .* nothing was imported"):
            bundle.import_bundle(b, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 48 << 20, f"peak {peak / 2**20:.0f} MiB"  # the file, its plaintext, one chunk: never the inflation
    assert content_digest(b) == before
    with pytest.raises(BundleTooLarge):  # inspect obeys the same cap
        bundle.inspect_bundle(b, path)


def test_a_summary_bomb_is_refused_too(pair, tmp_path):
    a, b = pair
    path = tmp_path / "bomb.dtb"
    hostile_bundle(path, a, b, deflate_bomb(256), kind="summary")
    with pytest.raises(BundleTooLarge):
        summary_bundle.import_summary(b, path)


def test_inflation_is_capped_for_any_limit():
    data = zlib.compress(b"x" * 5_000_000)
    with pytest.raises(BundleTooLarge):
        envelope._inflate(data, 4_999_999, "f.dtb", keep=False)
    assert envelope._inflate(data, 5_000_000, "f.dtb", keep=True) == b"x" * 5_000_000
    with pytest.raises(BundleDamaged, match="cannot be unpacked"):
        envelope._inflate(data[:-10], 10_000_000, "f.dtb", keep=False)
    with pytest.raises(BundleDamaged, match="data after"):
        envelope._inflate(data + b"junk", 10_000_000, "f.dtb", keep=False)
    assert envelope.inflate_limit(1) == envelope.INFLATE_FLOOR
    assert envelope.inflate_limit(10 ** 12) == envelope.MAX_INFLATED


def test_the_key_named_in_the_file_is_never_the_one_checked(pair, tmp_path):
    a, b = pair
    impostor = new_device(tmp_path, "impostor")
    pre_household(impostor)
    forged = tmp_path / "forged.dtb"
    # the impostor writes a's device id with its own keys, and signs with its own key: the file is
    # consistent with itself, but b checks it with the key b holds for a
    mine = identity.own_identity(impostor)
    envelope.write(forged, kind="changes", payload=b'{"kind":"changes"}', signing_key=identity.signing_key(impostor),
                   sender={**mine, "device_id": a.device_id}, recipients=[identity.own_identity(b)],
                   created_at="2025-03-10T00:00:00Z")
    before = content_digest(b)
    with pytest.raises(UnknownSigner, match="signed with another key"):
        bundle.import_bundle(b, forged)
    # the same with a's own public keys copied into the file: the signature does not verify
    theirs = identity.own_identity(a)
    envelope.write(forged, kind="changes", payload=b'{"kind":"changes"}', signing_key=identity.signing_key(impostor),
                   sender={**theirs}, recipients=[identity.own_identity(b)], created_at="2025-03-10T00:00:00Z")
    with pytest.raises(BundleDamaged, match="altered or damaged"):
        bundle.import_bundle(b, forged)
    assert content_digest(b) == before
    impostor.close()


def test_summary_counts_too_large_to_store_are_refused(pair, tmp_path):
    a, b = pair
    doc = {"kind": "summary", "created_at": "2025-03-10T00:00:00Z", "date_from": "0001-01-01",
           "date_to": "9999-12-31", "admin_level": 1,
           "sender": {"device_id": a.device_id, "name": "tripoli", "organisation": "Test NGO"},
           "columns": [*summary_bundle.CELL_KEYS, *summary_bundle.CELL_VALUES],
           "cells": [["crossings", "2025-03-09", "SY01", "XLB-ABD", "in", 1, *([2 ** 63] + [0] * 9)]]}
    path = tmp_path / "huge.dtb"
    hostile_bundle(path, a, b, zlib.compress(json.dumps(doc).encode()), kind="summary")
    before = content_digest(b)
    with pytest.raises(BundleDamaged, match="cell 1 is not a valid count"):
        summary_bundle.import_summary(b, path)
    assert content_digest(b) == before
