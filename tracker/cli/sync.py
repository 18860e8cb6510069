"""``dtrack sync|peers|identity|summary``: USB-stick sync from the command line."""

from __future__ import annotations

import argparse
import sys

from .main import UserError, open_store


def _progress(label: str):
    shown = {"started": False}

    def progress(done, total):
        if not shown["started"]:
            print(f"{label}…", file=sys.stderr, flush=True)
            shown["started"] = True
    return progress


def _identity_export(args) -> int:
    from tracker.sync import identity

    with open_store(args.db) as store:
        doc = identity.export_identity(store, args.out)
    print(f"wrote {args.out}: device {doc['name']} ({doc['device_id']})")
    print(f"fingerprint {doc['fingerprint']}  (read it out to the other office when they add it)")
    return 0


def _identity_show(args) -> int:
    from tracker.sync import identity

    with open_store(args.db) as store:
        me = identity.own_identity(store)
    print(f"device       {me['name']} ({me['device_id']})")
    print(f"organisation {me['organisation'] or '-'}")
    print(f"fingerprint  {me['fingerprint']}")
    return 0


def _peers_add(args) -> int:
    from tracker.sync import identity

    doc = identity.read_identity(args.file)
    with open_store(args.db) as store:
        peer = identity.add_peer(store, doc)
    print(f"trusted {peer['name']} ({peer['organisation'] or 'no organisation'}), device {peer['device_id']}")
    print(f"fingerprint {peer['fingerprint']}  — compare it with the other office by phone; "
          "if it differs, remove this peer at once")
    return 0


def _peers_list(args) -> int:
    from tracker.sync import identity

    with open_store(args.db) as store:
        peers = identity.list_peers(store)
    if not peers:
        print("no peers yet: add one with 'dtrack peers add DB IDENTITY_FILE'")
    for p in peers:
        held = sum(p["acked"].values())
        print(f"{p['name'] or '-':24} {p['organisation'] or '-':20} {p['device_id']}  {p['fingerprint']}  "
              f"acknowledged {held} changes")
    return 0


def _peers_remove(args) -> int:
    from tracker.sync import identity

    with open_store(args.db) as store:
        peer = identity.find_peer(store, args.device)
        identity.remove_peer(store, peer["device_id"])
    print(f"removed {peer['name']} ({peer['device_id']}); its bundles will be refused")
    return 0


def _sync_export(args) -> int:
    from tracker.sync import bundle

    with open_store(args.db) as store:
        r = bundle.export_bundle(store, args.out, for_device=args.for_device, all_changes=args.all, since=args.since)
    names = ", ".join(p["name"] or p["device_id"] for p in r["recipients"])
    print(f"wrote {args.out}: {r['changes']} changes ({r['scope']}) for {names}, encrypted and signed")
    return 0


def _sync_import(args) -> int:
    from tracker.sync import bundle

    with open_store(args.db) as store:
        r = bundle.import_bundle(store, args.file, trust=args.trust, progress=_progress("applying changes"),
                                 max_clock_skew=args.max_clock_skew)
    print(f"imported {args.file} from {r['sender']}: {r['new']} new of {r['received']} changes; "
          f"{r['created']} records created, {r['updated']} updated, {r['conflicts']} new conflicts")
    if r["conflicts"]:
        print("review conflicts with 'dtrack sync conflicts DB' or in Exchange → Sync → Conflicts")
    return 0


def _sync_inspect(args) -> int:
    from tracker.sync import bundle

    with open_store(args.db) as store:
        r = bundle.inspect_bundle(store, args.file)
    print(f"from         {r['name'] or '-'} ({r['organisation'] or 'no organisation'}), device {r['sender_id']}")
    print(f"fingerprint  {r['fingerprint']}  (a trusted peer; signature checked with the key held for it)")
    print(f"made         {(r['created_at'] or '')[:16].replace('T', ' ')}")
    print(f"changes      {r['changes']}" + ("  (already imported)" if r["already_imported"] else ""))
    return 0


def _skew_hours(text: str) -> float:
    try:
        hours = float(text)
    except ValueError:
        hours = -1
    if not 0 < hours <= 24 * 366:
        raise argparse.ArgumentTypeError(f"must be a number of hours between 0 and 8784, not {text[:40]!r}")
    return hours


def _sync_history(args) -> int:
    from tracker.sync import bundle

    with open_store(args.db) as store:
        rows = bundle.history(store, limit=args.limit)
    if not rows:
        print("no bundles sent or received yet")
    for b in rows:
        arrow = "sent to" if b["direction"] == "out" else "received from"
        count = b["change_count"] if b["direction"] == "out" else f"{b['applied_count']} new of {b['change_count']}"
        print(f"{(b['processed_at'] or '')[:16].replace('T', ' ')}  {b['kind']:8} {arrow:13} "
              f"{b['peer_names'] or '-':24} {count} changes  {b['file_name']}")
    return 0


def _sync_conflicts(args) -> int:
    from tracker.sync import conflicts

    with open_store(args.db) as store:
        conflicts.settle_open(store)
        rows = conflicts.list_conflicts(store, include_resolved=args.all)
    if not rows:
        print("no open conflicts" if not args.all else "no conflicts")
    for c in rows:
        state = f"settled {c['resolved_at'][:16]}" if c["resolved_at"] else "open"
        print(f"{c['id']}  {c['table_name']}/{c['record_id']}  {c['field']}: kept {c['winner']!r} "
              f"(from {c['winner_device'][:8]}), not {c['loser']!r} (from {c['loser_device'][:8]})  [{state}]")
    return 0


def _sync_resolve(args) -> int:
    from tracker.sync import conflicts

    with open_store(args.db) as store:
        matches = [c for c in conflicts.list_conflicts(store, include_resolved=True) if c["id"].startswith(args.id)]
        if len(matches) != 1:
            raise UserError(f"{len(matches)} conflicts match {args.id!r}; give more of the id "
                            "(see 'dtrack sync conflicts DB --all')")
        c = matches[0]
        conflicts.resolve(store, c["id"], c["loser"] if args.take_other else conflicts.UNKNOWN)
    print(f"resolved {c['field']} of {c['table_name']}/{c['record_id']}: "
          f"{c['loser'] if args.take_other else 'kept the current value'}; it syncs like any edit")
    return 0


def _summary_export(args) -> int:
    from tracker.sync import summary_bundle

    with open_store(args.db) as store:
        r = summary_bundle.export_summary(store, args.out, date_from=args.date_from, date_to=args.date_to,
                                          for_device=args.for_device, admin_level=args.admin_level)
    span = "all dates" if r["date_from"] == summary_bundle.ALL_FROM else f"{r['date_from']} to {r['date_to']}"
    names = ", ".join(p["name"] or p["device_id"] for p in r["recipients"])
    print(f"wrote {args.out}: {r['cells']} cells ({span}), signed and encrypted for {names}")
    return 0


def _summary_import(args) -> int:
    from tracker.sync import summary_bundle

    with open_store(args.db) as store:
        r = summary_bundle.import_summary(store, args.file, trust=args.trust)
    print(f"imported summary from {r['sender']}: {r['cells']} cells kept as {r['stored']} values, "
          f"{r['replaced']} older values replaced")
    return 0


def _summary_show(args) -> int:
    from tracker.sync import summary_bundle

    with open_store(args.db) as store:
        rows = summary_bundle.consolidated(store, args.date_from, args.date_to)
        kept = summary_bundle.received(store)
    print(f"{len(kept)} summaries from {len({k['device_id'] for k in kept})} devices")
    totals: dict[str, list[int]] = {}
    for r in rows:
        t = totals.setdefault(r["source"], [0, 0])
        t[0] += r["individuals"]
        t[1] += r["households"]
    for source, (people, groups) in sorted(totals.items()):
        print(f"{source:14} {people:>10} people  {groups:>8} households/groups")
    return 0


def register(sub) -> None:
    p = sub.add_parser("identity", help="this device's public identity for peers")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = s.add_parser("export", help="write the public identity file to give to peers")
    q.add_argument("db")
    q.add_argument("--out", required=True)
    q.set_defaults(func=_identity_export)
    q = s.add_parser("show", help="print this device's id and fingerprint")
    q.add_argument("db")
    q.set_defaults(func=_identity_show)

    p = sub.add_parser("peers", help="trusted devices that sync with this one")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = s.add_parser("add", help="trust a device from its identity file (prints its fingerprint)")
    q.add_argument("db")
    q.add_argument("file")
    q.set_defaults(func=_peers_add)
    q = s.add_parser("list", help="list trusted devices and fingerprints")
    q.add_argument("db")
    q.set_defaults(func=_peers_list)
    q = s.add_parser("remove", help="stop trusting a device")
    q.add_argument("db")
    q.add_argument("device", help="device id, name or id prefix")
    q.set_defaults(func=_peers_remove)

    p = sub.add_parser("sync", help="exchange changes with peers through bundle files")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = s.add_parser("export", help="write a signed, encrypted bundle of changes a peer lacks")
    q.add_argument("db")
    q.add_argument("--out", required=True)
    q.add_argument("--for", dest="for_device", help="recipient device (default: every trusted peer of this organisation)")
    g = q.add_mutually_exclusive_group()
    g.add_argument("--all", action="store_true", help="every change, not only those not yet acknowledged")
    g.add_argument("--since", help="every change made since this date (YYYY-MM-DD)")
    q.set_defaults(func=_sync_export)
    q = s.add_parser("import", help="verify and apply a bundle (all or nothing)")
    q.add_argument("db")
    q.add_argument("file")
    q.add_argument("--trust", action="store_true", help="trust the sending device if unknown (compare its fingerprint first)")
    q.add_argument("--max-clock-skew", type=_skew_hours, default=24, metavar="HOURS",
                   help="refuse changes dated more than this far ahead of this device's clock (default 24)")
    q.set_defaults(func=_sync_import)
    q = s.add_parser("inspect", help="check a bundle from a trusted peer without importing it")
    q.add_argument("db")
    q.add_argument("file")
    q.set_defaults(func=_sync_inspect)
    q = s.add_parser("history", help="bundles sent and received")
    q.add_argument("db")
    q.add_argument("--limit", type=int, default=50)
    q.set_defaults(func=_sync_history)
    q = s.add_parser("conflicts", help="fields edited on two devices at once")
    q.add_argument("db")
    q.add_argument("--all", action="store_true", help="include settled conflicts")
    q.set_defaults(func=_sync_conflicts)
    q = s.add_parser("resolve", help="settle a conflict (keep the current value, or --take-other)")
    q.add_argument("db")
    q.add_argument("id", help="conflict id or prefix")
    q.add_argument("--take-other", action="store_true", help="use the value that lost instead")
    q.set_defaults(func=_sync_resolve)

    p = sub.add_parser("summary", help="aggregate counts for coordinators (no names; encrypted to them)")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = s.add_parser("export", help="write a summary bundle of counts, signed and encrypted for coordinators")
    q.add_argument("db")
    q.add_argument("--out", required=True)
    q.add_argument("--from", dest="date_from", help="first date (default: all)")
    q.add_argument("--to", dest="date_to", help="last date (default: all)")
    q.add_argument("--for", dest="for_device", action="append", required=True, metavar="COORDINATOR",
                   help="coordinator device to encrypt it for (a trusted peer; repeat for several)")
    q.add_argument("--admin-level", type=int, choices=(1, 2), default=1)
    q.set_defaults(func=_summary_export)
    q = s.add_parser("import", help="keep a device's summary (replaces its older one for the same dates)")
    q.add_argument("db")
    q.add_argument("file")
    q.add_argument("--trust", action="store_true", help="trust the sending device if unknown (compare its fingerprint first)")
    q.set_defaults(func=_summary_import)
    q = s.add_parser("show", help="consolidated totals of received summaries")
    q.add_argument("db")
    q.add_argument("--from", dest="date_from")
    q.add_argument("--to", dest="date_to")
    q.set_defaults(func=_summary_show)
