"""The safeguard panels the Settings page shows: Accounts for administrators, Backups for everyone
(the choices in it for administrators only)."""

from __future__ import annotations

from tracker.store import permissions


def safeguard_panels(ctx) -> list:
    from .accounts_panel import AccountsPanel
    from .backups_panel import BackupsPanel

    if ctx.store is None:
        return []
    panels = []
    if permissions.allowed(ctx.store.role, permissions.ACCOUNTS):
        panels.append(AccountsPanel(ctx))
    panels.append(BackupsPanel(ctx))
    return panels
