"""Role names in the user's language, and which pages of the window a role sees.

The core refuses what a role may not do (tracker/store/permissions.py); the window only hides it,
so nobody is offered a page that would refuse them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tracker.store import permissions

ROLE_LABELS = {
    "registrar": QT_TRANSLATE_NOOP("Roles", "Registrar"),
    "flow_monitor": QT_TRANSLATE_NOOP("Roles", "Flow monitor"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "information_manager": QT_TRANSLATE_NOOP("Roles", "Information manager"),
    "administrator": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}

# A page is shown when the role may do any of these (no entry: every role sees it).
PAGE_NEEDS = {
    "households": (permissions.EDIT_HOUSEHOLDS,),
    "crossings": (permissions.EDIT_CROSSINGS,),
    "exchange": (permissions.IMPORT, permissions.EXPORT, permissions.SYNC),
    "matching": (permissions.REVIEW,),
}


def role_label(role: str | None) -> str:
    text = ROLE_LABELS.get(role or "")
    return QCoreApplication.translate("Roles", text) if text else (role or "")


def may_see(role: str | None, page: str) -> bool:
    return any(permissions.allowed(role, a) for a in PAGE_NEEDS.get(page, ())) if page in PAGE_NEEDS else True


def apply_role(nav, go_actions: dict, pages: tuple, role: str | None) -> None:
    """Hide the navigation entries and shortcuts of pages the role may not use."""
    for row, spec in enumerate(pages):
        shown = may_see(role, spec.key)
        nav.item(row).setHidden(not shown)
        action = go_actions.get(spec.key)
        if action is not None:
            action.setVisible(shown)
            action.setEnabled(shown)
