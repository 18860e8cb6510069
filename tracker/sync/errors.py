"""Why a bundle or identity file was refused. Each error says what is wrong and what to do;
whenever one is raised the database has not been changed."""

from __future__ import annotations

from tracker.errors import TrackerError


class SyncError(TrackerError):
    code = "sync_error"


class BundleDamaged(SyncError):
    """Not a bundle, cut short, or altered after it was signed."""

    code = "bundle_damaged"


class UnknownSigner(SyncError):
    """Signed by a device this database has not trusted (the details carry its identity)."""

    code = "unknown_signer"


class WrongRecipient(SyncError):
    code = "wrong_recipient"


class AlreadyImported(SyncError):
    code = "already_imported"


class BundleTooNew(SyncError):
    code = "bundle_too_new"


class BundleTooOld(SyncError):
    """Written in a format whose changes carry no origin signatures."""

    code = "bundle_too_old"


class BundleTooLarge(SyncError):
    """Inflates past the cap: not a bundle this program wrote."""

    code = "bundle_too_large"


class ClockAhead(SyncError):
    """Changes dated further ahead of this device's clock than the allowed skew."""

    code = "clock_ahead"


class OriginNotSigned(SyncError):
    """A change whose origin device's signature is missing, does not verify, or uses a key other
    than the one this database holds for that device."""

    code = "origin_not_signed"


class PeerError(SyncError):
    code = "peer_error"


class InvalidChange(SyncError):
    """A change whose values break the domain rules (the same as forms and imports). ``problems``
    lists each one: line, table, record id, field, value, rule and message."""

    code = "invalid_change"
