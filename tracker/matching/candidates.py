"""Finding duplicates: the closest records to one being typed (entry check), and every likely
pair in the database (bulk run), from the blocking keys in ``match_keys``."""

from __future__ import annotations

from dataclasses import dataclass

from . import index, profile as profiles
from .score import compare, probability
from .thresholds import WARN_AT

ENTRY_READ = 5000  # keys read per looked-up range at most
ENTRY_CAP = 200  # candidates compared in one entry check at most (a crowded block: محمد son of أحمد)
WINDOW = 12  # in a large block, each record is compared with this many neighbours (sorted by father, year)


@dataclass
class Candidate:
    id: str
    probability: float
    weight: float
    reasons: list  # (field, level, bits)


def _decided(conn, tbl: str) -> set:
    """Pairs (a, b) a supervisor said are not the same (never proposed again)."""
    out = set()
    for rid, apart in conn.execute(f"SELECT id, match_apart FROM {tbl} WHERE match_apart IS NOT NULL"):
        for other in apart.split():
            out.add((rid, other))
            out.add((other, rid))
    return out


def check_person(conn, values: dict, *, exclude=(), min_score: float = WARN_AT, limit: int = 5) -> list[Candidate]:
    """Persons already registered who may be the person in ``values`` (form values, with the
    household's ``registration_date``, ``origin_pcode`` and the other members' names under
    ``household`` when known). Reads only: the caller keeps the index fresh (index.refresh)."""
    return _check(conn, "persons", profiles.profile(values), exclude, min_score, limit)


def check_household(conn, values: dict, members=(), *, exclude=(), min_score: float = WARN_AT,
                    limit: int = 5) -> list[Candidate]:
    """Households already registered that may be this one: ``values`` are the household form's
    (head_name_ar/lat, origin_pcode, registration_date); ``members`` the member rows typed so far."""
    head = next((m for m in members if m.get("relationship") == "head"), None)
    rec = dict(head) if head else index.head_from_names(values.get("head_name_ar"), values.get("head_name_lat"))
    rec.update(registration_date=values.get("registration_date"), origin_pcode=values.get("origin_pcode"),
               household=[m.get("given_name_ar") or m.get("given_name_lat") for m in members if m is not head])
    return _check(conn, "households", profiles.profile(rec), exclude, min_score, limit)


def _check(conn, tbl, p, exclude, min_score, limit) -> list[Candidate]:
    ranges = index.query_keys(p)
    if not ranges:
        return []
    # the records found under most of the looked-up keys first (in a crowded block, محمد son of
    # أحمد, those sharing both the family and the father's name), then in the order of the keys;
    # counted in the database, which reads thousands of keys faster than a Python loop
    sql = " UNION ALL ".join(
        f"SELECT * FROM (SELECT record_id, {i} AS r FROM match_keys WHERE tbl = ? AND key >= ? AND key <= ? LIMIT ?)"
        for i in range(len(ranges)))
    args = [a for low, high in ranges for a in (tbl, low, high, ENTRY_READ)]
    skip = set(exclude)
    ids = [rid for (rid,) in conn.execute(
        f"SELECT record_id FROM ({sql}) GROUP BY record_id ORDER BY count(*) DESC, min(r) LIMIT ?",
        (*args, ENTRY_CAP + len(skip))) if rid not in skip][:ENTRY_CAP]
    if not ids:
        return []
    # (a person's household members are not read here: at entry the names decide, and reading them
    # for every candidate doubled the check's time)
    if tbl == "persons":
        # from the cards beside the keys when the index is up to date, else from the records
        loaded = index.card_profiles(conn, ids) if index.fresh(conn) \
            else index.person_profiles(conn, ids, with_household=False)
    else:
        loaded = index.household_profiles(conn, ids)
    freq = index.StoreFrequencies(conn)
    out = []
    for rid, other in loaded.items():
        s = compare(p, other, freq)
        prob = s.probability
        if prob >= min_score:
            out.append(Candidate(rid, prob, s.weight, s.reasons))
    out.sort(key=lambda c: -c.weight)
    return out[:limit]


def duplicates(conn, tbl: str, *, min_score: float = WARN_AT, progress=None, cancelled=None):
    """Every likely pair of live records of ``tbl`` ("persons" or "households"): yields
    (id_a, id_b, probability, reasons). Records are compared within blocks (records sharing a
    key); a pair sharing several keys is compared once, in the first block they share."""
    total = conn.execute("SELECT count(*) FROM match_keys WHERE tbl = ?", (tbl,)).fetchone()[0] or 1
    different = _decided(conn, tbl)
    freq = index.StoreFrequencies(conn)
    load = _cached(index.person_profiles if tbl == "persons" else index.household_profiles)
    cur = conn.execute("SELECT key, record_id FROM match_keys WHERE tbl = ? ORDER BY key", (tbl,))
    seen = 0
    block_key, block = None, []
    for key, rid in _with_end(cur):
        if key != block_key:
            if len(block) > 1:
                yield from _block(conn, block_key, block, load, freq, min_score, different)
            seen += len(block)
            if progress and seen % 20000 < len(block):
                progress(seen, total)
            if cancelled and cancelled():
                return
            block_key, block = key, []
        block.append(rid)
    if progress:
        progress(total, total)


def _cached(load, size: int = 100_000):
    """``load`` remembering the profiles it read last: a record's blocks of one name stem (its birth
    year in both bucketings) come one after the other in key order."""
    cache: dict = {}

    def cached(conn, ids):
        missing = [i for i in ids if i not in cache]
        if missing:
            if len(cache) > size:
                for k in list(cache)[:size // 2]:
                    del cache[k]
            got = load(conn, missing)
            cache.update(got)
            cache.update((i, None) for i in missing if i not in got)
        return {i: cache[i] for i in ids if cache.get(i) is not None}

    return cached


def _with_end(cur):
    yield from cur
    yield (None, None)


def _block(conn, key, ids, load, freq, min_score, different):
    profs = load(conn, ids)
    members = sorted(profs.values(), key=lambda p: (p.names[1].key, p.born or 0))
    keys = {p.id: frozenset(index.keys_of(p)) for p in members}
    for i, a in enumerate(members):
        ka = keys[a.id]
        for b in members[i + 1:i + 1 + WINDOW]:
            if (a.id, b.id) in different or min(ka & keys[b.id], default=key) != key:
                continue  # decided apart, or compared in an earlier block they share
            s = compare(a, b, freq)
            prob = probability(s.weight)
            if prob >= min_score:
                x, y = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                yield x, y, prob, s.reasons
