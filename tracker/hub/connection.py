"""Where the hub is and how to reach it: a libpq connection string (DSN) from the command line or
``DTRACK_HUB_DSN``, never with a password in it (the password comes from libpq's password file,
``PGPASSFILE``/``~/.pgpass``, or a prompt)."""

from __future__ import annotations

import os

from tracker.errors import TrackerError

DSN_ENV = "DTRACK_HUB_DSN"


class HubError(TrackerError):
    code = "hub"


def _psycopg():
    try:
        import psycopg
    except ImportError as exc:  # the core installs without it
        raise HubError("the hub needs psycopg: install the hub extra (pip install 'displacement-tracker[hub]')") from exc
    return psycopg


def resolve_dsn(dsn: str | None) -> str:
    """The DSN given, else ``DTRACK_HUB_DSN``; refused if it carries a password."""
    dsn = dsn or os.environ.get(DSN_ENV, "")
    if not dsn:
        raise HubError(f"no hub given: pass --dsn 'host=… dbname=… user=…' or set {DSN_ENV}", field="dsn")
    psycopg = _psycopg()
    try:
        parts = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError as exc:
        raise HubError(f"the hub address cannot be read ({str(exc).strip()[:120]}); write it like "
                       "'host=db.example.org dbname=hub user=im1'", field="dsn") from exc
    if parts.get("password"):
        raise HubError("the hub address holds a password: take it out and put it in libpq's password file "
                       "(~/.pgpass, or the file named by PGPASSFILE), or let dtrack ask for it", field="dsn")
    return dsn


def describe(dsn: str) -> str:
    """The DSN as it is safe to print (it never holds a password: ``resolve_dsn`` refuses those)."""
    parts = _psycopg().conninfo.conninfo_to_dict(dsn)
    return " ".join(f"{k}={parts[k]}" for k in ("host", "port", "dbname", "user") if parts.get(k))


def _needs_password(exc) -> bool:
    text = str(exc)
    return "no password supplied" in text or "password authentication failed" in text


def connect(dsn: str | None, *, ask_password=None, autocommit: bool = True):
    """An open psycopg connection, in autocommit mode: every hub function makes its own transactions. ``ask_password()`` is called once when the server wants a
    password that libpq's password file does not give (the command line prompts there)."""
    psycopg = _psycopg()
    dsn = resolve_dsn(dsn)
    try:
        return psycopg.connect(dsn, autocommit=autocommit, application_name="dtrack")
    except psycopg.OperationalError as exc:
        if ask_password is None or not _needs_password(exc):
            raise HubError(f"cannot reach the hub ({describe(dsn)}): {_first_line(exc)}", dsn=describe(dsn)) from exc
        password = ask_password()
    try:
        return psycopg.connect(dsn, password=password, autocommit=autocommit, application_name="dtrack")
    except psycopg.OperationalError as exc:
        raise HubError(f"cannot reach the hub ({describe(dsn)}): {_first_line(exc)}", dsn=describe(dsn)) from exc


def _first_line(exc) -> str:
    text = " ".join(s.strip() for s in str(exc).splitlines() if s.strip())
    return (text or type(exc).__name__)[:240]


def refused(exc, doing: str) -> HubError:
    """A server refusal (``psycopg.Error``) in words: a missing role says which one is needed."""
    psycopg = _psycopg()
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        role = "dtrack_hub_push" if doing == "push" else "dtrack_hub_read"
        return HubError(f"this login may not {doing} on the hub: ask its administrator to grant it the {role} role "
                        f"(the server said: {_first_line(exc)})")
    return HubError(f"the hub refused to {doing}: {_first_line(exc)}")
