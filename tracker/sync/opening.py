"""Opening a received bundle in the one safe order, for peer bundles and summaries alike.

1. the fixed-size part names the sender (nothing else is read);
2. the sender is looked up among this database's peers: a trusted peer's signature is checked with
   the key held for it, never a key named in the file; an unknown device is refused here, naming
   its fingerprint (unless the person chose to trust it, after comparing that fingerprint);
3. only then is the header parsed, and the file must be addressed to this device.

Decryption and the capped inflation come after (``envelope.open_payload``).
"""

from __future__ import annotations

from . import envelope, identity
from .errors import BundleDamaged, SyncError, UnknownSigner, WrongRecipient

_OTHER_COMMAND = {"changes": "dtrack sync import", "summary": "dtrack summary import"}
_KIND_WORDS = {"changes": "peer bundle", "summary": "summary"}


def open_bundle(store, path, kind: str, *, trust: bool = False) -> tuple[envelope.Envelope, dict | None]:
    """The verified envelope and the trusted peer who signed it (None when ``trust`` lets an
    unknown device in: the caller adds it as a peer in its import transaction)."""
    sealed = envelope.peek(path)
    name = sealed.path.name
    if sealed.kind != kind:
        raise SyncError(f"{name} is a {_KIND_WORDS.get(sealed.kind, sealed.kind)}, not a {_KIND_WORDS[kind]}; "
                        f"import it with '{_OTHER_COMMAND.get(sealed.kind, 'the other import')}'", kind=sealed.kind)
    if sealed.sender_id == store.device_id:
        raise SyncError(f"{name} was made by this device; import it on the device it was made for")
    peer = identity.get_peer(store, sealed.sender_id)
    if peer and peer["trusted"]:
        held = identity.unb64(peer["sign_key"], 32)
        try:
            env = envelope.open_signed(sealed, held)
        except BundleDamaged:
            if sealed.sign_key != held and envelope.signature_valid(sealed, sealed.sign_key):
                raise UnknownSigner(f"{name} claims to come from {peer['name']!r} but is signed with another key "
                                    f"(fingerprint {sealed.fingerprint}, trusted: {peer['fingerprint']}); it was not "
                                    "imported — check with that office", device_id=sealed.sender_id) from None
            raise
    elif trust:
        env = envelope.open_signed(sealed, sealed.sign_key)  # the key the person has just accepted
        peer = None
    else:
        raise UnknownSigner(f"{name} comes from a device this database does not trust (device {sealed.sender_id}), "
                            f"fingerprint {sealed.fingerprint}. Nothing in it was read. Compare the fingerprint with "
                            "that office by phone, then import again choosing to trust it (--trust)",
                            device_id=sealed.sender_id, name=None, organisation=None, fingerprint=sealed.fingerprint)
    if store.device_id not in env.recipients:
        raise WrongRecipient(f"{name} is not for this device; it was made for {', '.join(env.recipients) or 'no device'} "
                             f"(this device is {store.device_id})", recipients=env.recipients)
    return env, peer


def payload(store, env: envelope.Envelope) -> bytes:
    return envelope.open_payload(env, store.device_id, identity.box_key(store))


def new_peer(store, env: envelope.Envelope, sender: dict) -> dict:
    """Trust the device that signed ``env`` (the person chose to): its keys from the file, its name
    and organisation from the verified, decrypted payload."""
    s = env.sealed
    return identity.add_peer(store, {"device_id": s.sender_id, "sign_key": identity.b64(s.sign_key),
                                     "box_key": identity.b64(s.box_key), "name": str(sender.get("name") or "")[:200],
                                     "organisation": str(sender.get("organisation") or "")[:200],
                                     "fingerprint": s.fingerprint})
