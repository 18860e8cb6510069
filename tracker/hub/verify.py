"""Reading a summary bundle through the coordinator's own database: the signature, that the signer
is an office this coordinator trusts (no ``--trust`` here: trust is given in the coordinator's
database, with the fingerprint compared), and the decryption with the coordinator's key. The hub
only ever sees what passes, and never a summary of demo data (made-up people): the hub holds real
figures only, so unlike a practice database it has no demo figures to add them to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.sync import identity, opening, summary_bundle
from tracker.sync.errors import SyncError


@dataclass(frozen=True)
class Summary:
    """One verified summary: who signed it, what it covers, its cells as in the bundle."""
    sha256: str
    device_id: str
    name: str
    organisation: str
    fingerprint: str
    created_at: str
    date_from: str
    date_to: str
    cells: list  # [source, date, admin, crossing, direction, households, *COUNT_FIELDS]


def read_summary(coordinator, path) -> Summary:
    """Verify and decrypt ``path`` with the coordinator's store. Raises the sync errors (damaged,
    untrusted signer, not addressed to this coordinator, a peer bundle instead of a summary, demo data)."""
    identity.ensure_identity(coordinator)
    env, peer, doc = _open(coordinator, Path(path))
    sender = doc["sender"]
    if sender.get("demo_data") is True:
        who = (peer or {}).get("name") or str(sender.get("name") or "")[:100] or env.sender_id
        raise SyncError(f"{env.path.name} holds demo data (made-up people) from {who}; the hub keeps real figures "
                        f"only, so nothing of it was pushed. Ask {who} for a summary of their real database "
                        "('dtrack summary export' run on the real office database, not the demo one)")
    return Summary(env.sha256, env.sender_id, sender.get("name") or "", sender.get("organisation") or "",
                   env.sender_fingerprint, doc["created_at"], doc["date_from"], doc["date_to"], doc["cells"])


def _open(coordinator, path: Path):
    """(verified envelope, the signer as the coordinator knows it, checked payload), in the order of
    ``dtrack summary import``: the signer looked up first and its signature checked with the key held
    for it, then decrypted, then every cell checked."""
    env, peer = opening.open_bundle(coordinator, path, summary_bundle.KIND, trust=False)
    return env, peer, summary_bundle._read(coordinator, env)
