"""Duplicate matching: quality on a labelled set, and the speed of the entry check and bulk run.

    python -m bench matching [--pairs 2400] [--seed 7]        precision, recall, F1, PR curve
    python -m bench matching --by-kind                        ... and how each kind of pair fares
    python -m bench matching --entry [--households 200000]    p95 of one entry check
    python -m bench matching --bulk [--households 200000]     the bulk duplicate run
    ... --lean                                                 fill the database with plain INSERTs

Quality: the labelled pairs come from bench/matching_data.py; name frequencies from 5,000
other generated people (as the app takes them from its database). The baseline is the rule
the app used before: the same normalised head's name and the same origin.
"""

from __future__ import annotations

import argparse

from tracker.domain import arabic
from tracker.matching import score as scoring
from tracker.matching.profile import profile
from tracker.matching.thresholds import WARN_AT

from . import matching_data


def _old_rule(a: dict, b: dict) -> bool:
    def full(r, s):
        return arabic.normalize_name(" ".join(r.get(f"{p}_name_{s}") or "" for p in ("given", "father", "family")))
    same_name = any(full(a, s) and full(a, s) == full(b, s) for s in ("ar", "lat"))
    return same_name and a.get("origin_pcode") == b.get("origin_pcode")


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def quality(pairs_n: int, seed: int, by_kind: bool) -> int:
    pairs = matching_data.generate(pairs_n, seed)
    freq = scoring.Frequencies()
    for rec in matching_data.population():
        freq.add(profile(rec))
    scored = []
    for pr in pairs:
        s = scoring.compare(profile(pr["a"]), profile(pr["b"]), freq)
        scored.append((s.probability, pr["same"], pr, s))
    positives = sum(1 for _, same, _, _ in scored if same)
    print(f"{len(pairs)} labelled pairs ({positives} same person, {len(pairs) - positives} different), seed {seed}")

    def at(threshold):
        tp = sum(1 for p, same, _, _ in scored if same and p >= threshold)
        fp = sum(1 for p, same, _, _ in scored if not same and p >= threshold)
        return _prf(tp, fp, positives - tp)

    p, r, f = at(WARN_AT)
    tp = sum(1 for pr in pairs if pr["same"] and _old_rule(pr["a"], pr["b"]))
    fp = sum(1 for pr in pairs if not pr["same"] and _old_rule(pr["a"], pr["b"]))
    bp, br, bf = _prf(tp, fp, positives - tp)
    print(f"{'':34} {'precision':>9} {'recall':>7} {'F1':>6}")
    print(f"{'matcher at the app threshold ' + format(WARN_AT, '.2f'):34} {p:9.3f} {r:7.3f} {f:6.3f}")
    print(f"{'baseline: same name and origin':34} {bp:9.3f} {br:7.3f} {bf:6.3f}")
    print("precision-recall curve (score threshold: precision recall):")
    for t in (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99):
        cp, cr, _ = at(t)
        print(f"  {t:4.2f}: {cp:.3f} {cr:.3f}")
    if by_kind:
        kinds: dict = {}
        for prob, same, pr, s in scored:
            k = kinds.setdefault(pr["kind"], [0, 0])
            k[0] += 1
            k[1] += (prob >= WARN_AT) == same
        print("correct at the threshold, by kind of pair:")
        for kind, (n, ok) in sorted(kinds.items()):
            print(f"  {kind:12} {ok:5}/{n:<5} {ok / n:.3f}")
        wrong = [(prob, pr, s) for prob, same, pr, s in scored if (prob >= WARN_AT) != same]
        for prob, pr, s in wrong[:25]:
            print(f"\n{pr['kind']} p={prob:.3f} {s.why()}")
            for side in ("a", "b"):
                r = pr[side]
                print("   ", " | ".join(str(r.get(k)) for k in (
                    "given_name_ar", "father_name_ar", "grandfather_name_ar", "family_name_ar", "given_name_lat",
                    "father_name_lat", "grandfather_name_lat", "family_name_lat", "sex", "birth_date",
                    "age_estimated", "origin_pcode")), r.get("household"))
    return 0


def main(argv) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench matching")
    ap.add_argument("--pairs", type=int, default=2400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--by-kind", action="store_true")
    ap.add_argument("--entry", action="store_true", help="time the entry check instead")
    ap.add_argument("--bulk", action="store_true", help="time the bulk duplicate run instead")
    ap.add_argument("--households", type=int, default=200_000)
    ap.add_argument("--lean", action="store_true",
                    help="fill the database with plain INSERTs (minutes, not an hour) instead of the demo generator")
    ap.add_argument("--db", help="keep the filled database here; when it exists, measure it again without refilling")
    args = ap.parse_args(argv)
    if args.entry or args.bulk:
        from . import matching_speed
        return matching_speed.run(args.households, entry=args.entry, bulk=args.bulk, seed=args.seed, lean=args.lean,
                                    db=args.db)
    return quality(args.pairs, args.seed, args.by_kind)
