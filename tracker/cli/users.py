"""``dtrack user add|list|remove|passwd``: the people who sign in to a database.

    dtrack user add DB NAME --role ROLE     new passphrase from DTRACK_NEW_PASSPHRASE or a prompt
    dtrack user list DB
    dtrack user remove DB NAME
    dtrack user passwd DB NAME              an administrator sets a new passphrase for NAME
                                            (your own: 'dtrack passwd DB', which asks for the old one)

Every command signs in as DTRACK_USER (default: the only account, or the administrator made by
``dtrack init``) with DTRACK_PASSPHRASE or a prompt. A backup is made before every change.
"""

from __future__ import annotations

ROLE_NAMES = {"registrar": "registrar", "flow_monitor": "flow monitor", "supervisor": "supervisor",
              "information_manager": "information manager", "administrator": "administrator"}


def _backup_first(store) -> None:
    """The automatic backup before an account change (skipped when nothing changed since the last)."""
    from tracker.store import backup, permissions

    if permissions.allowed(store.role, permissions.ACCOUNTS):
        backup.automatic(store, "accounts")


def _cmd_add(args) -> int:
    from tracker.store import accounts
    from .main import new_passphrase, open_store

    with open_store(args.db) as store:
        _backup_first(store)
        made = accounts.add_account(store, args.name, args.role, new_passphrase())
    print(f"account {made['name']!r} added as {ROLE_NAMES[made['role']]}; they sign in with DTRACK_USER="
          f"{made['name']} (or the name field in the window)")
    return 0


def _cmd_list(args) -> int:
    from tracker.store import accounts
    from .main import open_store

    with open_store(args.db) as store:
        rows = accounts.list_accounts(store, include_removed=args.all)
        me = store.user
    for r in rows:
        state = f"removed {r['removed_at'][:10]}" if r.get("removed_at") else f"since {str(r['created_at'])[:10]}"
        mark = "*" if r["name"] == me else " "
        print(f"{mark} {r['name']:24} {ROLE_NAMES.get(r['role'], r['role']):20} {state}")
    return 0


def _cmd_remove(args) -> int:
    from tracker.store import accounts
    from .main import open_store

    with open_store(args.db) as store:
        _backup_first(store)
        accounts.remove_account(store, args.name)
    print(f"account {args.name!r} removed: its passphrase no longer opens this database")
    return 0


def _cmd_passwd(args) -> int:
    from tracker.store import accounts
    from .main import new_passphrase, open_store, passphrase

    with open_store(args.db) as store:
        _backup_first(store)
        if args.name == store.user:  # one's own: the current passphrase opens the slot again
            accounts.change_passphrase(store, args.name, passphrase(), new_passphrase())
        else:
            accounts.reset_passphrase(store, args.name, new_passphrase())
    print(f"new passphrase set for {args.name!r} (the database was not re-encrypted)")
    return 0


def register(subparsers) -> None:
    from tracker.store.accounts import ROLES

    p = subparsers.add_parser("user", help="accounts: add, list, remove, set a passphrase")
    sub = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    c = sub.add_parser("add", help="a new account (new passphrase from DTRACK_NEW_PASSPHRASE or a prompt)")
    c.add_argument("db")
    c.add_argument("name")
    c.add_argument("--role", required=True, choices=ROLES)
    c.set_defaults(func=_cmd_add)
    c = sub.add_parser("list", help="the accounts and their roles")
    c.add_argument("db")
    c.add_argument("--all", action="store_true", help="include removed accounts")
    c.set_defaults(func=_cmd_list)
    c = sub.add_parser("remove", help="remove an account: its passphrase stops working at once")
    c.add_argument("db")
    c.add_argument("name")
    c.set_defaults(func=_cmd_remove)
    c = sub.add_parser("passwd", help="set a new passphrase for an account (administrators)")
    c.add_argument("db")
    c.add_argument("name")
    c.set_defaults(func=_cmd_passwd)
