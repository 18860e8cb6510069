"""Realistic synthetic data around the March 2025 flight from Syria's coast into Akkar.

Arabic names with the spelling variants registrars really produce (hamza on or
off the alef, ة/ه, ى/ي, tatweel, diacritics), Latin transliterations with their
variants, families of plausible size and age structure, and crossing counts over
weeks through official and informal (river) points, peaking in the first days.
Deterministic for a given seed (ids and timestamps aside).
"""

from __future__ import annotations

import datetime as dt
import random

from . import crossings as crossing_service
from . import households as household_service
from tracker.store import childproc, permissions, records
from . import model
from tracker.store.ids import new_id
from tracker.errors import Progress
from . import validation
from .validation import person_age

START = dt.date(2025, 3, 6)
DAYS = 56

# (Arabic spellings, Latin spellings): the first of each is the "standard" one.
MALE = [
    (["محمد", "محمّد", "مُحمد"], ["Mohammad", "Muhammad", "Mohamed", "Mhd"]),
    (["أحمد", "احمد", "إحمد", "أَحمد"], ["Ahmad", "Ahmed"]),
    (["علي", "على"], ["Ali"]),
    (["حسن"], ["Hassan", "Hasan"]),
    (["حسين"], ["Hussein", "Hussain"]),
    (["مصطفى", "مصطفي"], ["Mustafa", "Moustafa"]),
    (["يوسف"], ["Yousef", "Youssef", "Yusuf"]),
    (["إبراهيم", "ابراهيم"], ["Ibrahim"]),
    (["عبد الله", "عبدالله"], ["Abdullah", "Abdallah"]),
    (["خالد"], ["Khaled", "Khalid"]),
    (["عمر"], ["Omar"]),
    (["سامر"], ["Samer"]),
    (["جعفر"], ["Jaafar", "Jafar"]),
    (["رامي"], ["Rami"]),
    (["غسان"], ["Ghassan"]),
    (["نزار"], ["Nizar"]),
    (["عيسى", "عيسي"], ["Issa", "Eissa"]),
    (["يحيى", "يحيي"], ["Yahya"]),
]
FEMALE = [
    (["فاطمة", "فاطمه"], ["Fatima", "Fatma"]),
    (["زينب"], ["Zeinab", "Zaynab"]),
    (["مريم"], ["Maryam", "Mariam"]),
    (["عائشة", "عائشه", "عايشة"], ["Aisha", "Aysha"]),
    (["رنا"], ["Rana"]),
    (["ليلى", "ليلي"], ["Layla", "Leila"]),
    (["هدى", "هدي"], ["Huda", "Houda"]),
    (["سلمى", "سلمي"], ["Salma"]),
    (["نور"], ["Nour", "Noor"]),
    (["رهف"], ["Rahaf"]),
    (["آمنة", "امنة", "آمنه"], ["Amina", "Amena"]),
    (["سعاد"], ["Souad", "Suad"]),
    (["منى", "مني"], ["Mona", "Muna"]),
    (["أسماء", "اسماء"], ["Asmaa", "Asma"]),
]
FAMILY = [
    (["الأحمد", "الاحمد"], ["Al-Ahmad", "Alahmad"]),
    (["الحسن"], ["Al-Hassan", "El Hassan"]),
    (["إسماعيل", "اسماعيل"], ["Ismail", "Ismael"]),
    (["ديب"], ["Deeb", "Dib"]),
    (["سليمان"], ["Suleiman", "Sleiman"]),
    (["عباس"], ["Abbas"]),
    (["خضور"], ["Khaddour", "Khadour"]),
    (["يونس"], ["Younes", "Yunis"]),
    (["ميهوب"], ["Mayhoub"]),
    (["حمدان"], ["Hamdan"]),
    (["شاهين"], ["Shahin", "Chahine"]),
    (["الخطيب"], ["Al-Khatib", "Khatib"]),
    (["محمود"], ["Mahmoud", "Mahmud"]),
    (["جبور"], ["Jabbour"]),
]
# Origins weighted towards the coast (governorate, district P-codes present in the gazetteer).
ORIGINS = [("SY0600", 20), ("SY0602", 18), ("SY0603", 8), ("SY0604", 6), ("SY1000", 10), ("SY1002", 12),
           ("SY1003", 4), ("SY1004", 3), ("SY1005", 2), ("SY1006", 3), ("SY0504", 5), ("SY0501", 2),
           ("SY0403", 5), ("SY0401", 2)]
VILLAGES = ["بيت عانا", "الصنوبر", "المختارية", "القبو", "برابشبو", "الشير", "بلوطة", "حريصون"]
CURRENT = [("XLB-MSD", 40), ("XLB-HKD", 15), ("XLB-HSA", 12), ("LB51", 20), ("LB56", 8), ("LB55", 5)]
POINTS_IN = [("XLB-NKR-LOW", 35), ("XLB-NKR", 20), ("XLB-NKR-WKH", 12), ("XLB-ARD", 10), ("XLB-ABD", 8),
             ("XLB-MQB", 6), ("XLB-MSN", 5), ("XLB-QAA", 4)]
SHELTERS = [("collective_shelter", 30), ("host_family", 35), ("rented", 15), ("informal_settlement", 12), ("open_air", 3), ("other", 5)]
TRANSPORT = [("foot", 55), ("car", 15), ("bus", 8), ("truck", 7), ("motorbike", 10), ("other", 5)]


def _pick(rng: random.Random, weighted):
    items, weights = zip(*weighted)
    return rng.choices(items, weights)[0]


def _name(rng: random.Random, pool):
    ar, lat = rng.choice(pool)
    # Most registrars type the standard spelling; some type a variant.
    a = ar[0] if rng.random() < 0.7 or len(ar) == 1 else rng.choice(ar[1:])
    if rng.random() < 0.03:
        a = a[:1] + "ـ" + a[1:]  # tatweel
    return a, (lat[0] if rng.random() < 0.6 else rng.choice(lat))


def _day(rng: random.Random) -> dt.date:
    # Arrivals peak in the first days after 6 March and decay over the following weeks.
    offset = min(int(rng.expovariate(1 / 9)), DAYS - 1)
    return START + dt.timedelta(days=offset)


def _members(rng: random.Random, reg: dt.date, family) -> list[dict]:
    male_head = rng.random() < 0.78
    head_age = rng.randint(22, 68)
    size = max(1, min(11, int(rng.gauss(5, 2))))
    people = [("head", "m" if male_head else "f", head_age)]
    if size > 1 and rng.random() < 0.85:
        people.append(("spouse", "f" if male_head else "m", max(18, head_age + rng.randint(-8, 3))))
    while len(people) < size:
        r = rng.random()
        if r < 0.8 and head_age > 20:
            people.append(("child", rng.choice("fm"), rng.randint(0, min(head_age - 17, 30))))
        elif r < 0.9:
            people.append(("parent", rng.choice("fm"), min(model.MAX_AGE, head_age + rng.randint(20, 30))))
        else:
            people.append(("other_relative", rng.choice("fm"), rng.randint(1, 70)))
    father_ar, father_lat = _name(rng, MALE)
    out = []
    for rel, sex, age in people:
        given = _name(rng, MALE if sex == "m" else FEMALE)
        fam = family if rel in ("head", "child") or rng.random() < 0.5 else _name(rng, FAMILY)
        person = {
            "given_name_ar": given[0], "family_name_ar": fam[0], "given_name_lat": given[1], "family_name_lat": fam[1],
            "father_name_ar": father_ar if rel == "head" else None, "sex": sex, "relationship": rel,
        }
        if rng.random() < 0.4:
            born = reg - dt.timedelta(days=age * 365 + rng.randint(0, 364))
            person["birth_date"] = born.isoformat()
        else:
            person["age_estimated"] = age
        if rng.random() < 0.06:
            person["wg_" + rng.choice(model.WG_DOMAINS)] = rng.choice((3, 3, 4))
        if rng.random() < 0.05:
            person["specific_needs"] = rng.choice(["SM", "DS", "ER", "WR", "SP", "DS,SM"])
        if rel == "child" and age < 18 and rng.random() < 0.01:
            person["separated_child"] = 1
        if rng.random() < 0.5:
            person["document_type"] = rng.choice(["national_id", "family_booklet", "none"])
            if person["document_type"] == "national_id":
                person["document_number"] = f"{rng.randint(10**10, 10**11 - 1)}"
        out.append(person)
    return out


def generate_households(rng: random.Random, n: int):
    """Yield (household values, members or None, movement values) — raw form values, not yet validated."""
    for _ in range(n):
        reg = _day(rng)
        disp = reg - dt.timedelta(days=rng.randint(0, 3))
        family = _name(rng, FAMILY)
        origin = _pick(rng, ORIGINS)
        hh = {
            "registration_date": reg.isoformat(), "displacement_date": disp.isoformat(),
            "origin_pcode": origin, "origin_village": rng.choice(VILLAGES) if rng.random() < 0.5 else None,
            "current_pcode": _pick(rng, CURRENT), "registration_pcode": "LB51",
            "shelter_type": _pick(rng, SHELTERS), "intention": rng.choice(model.INTENTIONS),
            "consent_share": int(rng.random() < 0.8), "status": "active",
        }
        if hh["consent_share"]:
            hh["consent_scope"], hh["consent_date"] = "coordination", reg.isoformat()
        if rng.random() < 0.6:
            hh["contact_phone"] = f"+961 {rng.randint(3, 81):02d} {rng.randint(100000, 999999)}"
        members = _members(rng, reg, family)
        point = _pick(rng, POINTS_IN)
        movement = {"from_pcode": origin, "to_pcode": hh["current_pcode"], "crossing_pcode": point,
                    "movement_date": disp.isoformat(), "reason": rng.choice(("conflict", "insecurity"))}
        if rng.random() < 0.3:  # pre-registered at arrival, full registration still to come
            head = members[0]
            hh["head_name_ar"] = f"{head['given_name_ar']} {head['family_name_ar']}"
            hh["head_name_lat"] = f"{head['given_name_lat']} {head['family_name_lat']}"
            ref = reg
            for m in members:
                age = person_age(m, ref)
                key = f"{m['sex']}_{model.age_bracket(min(age, model.MAX_AGE))}"
                hh[key] = hh.get(key, 0) + 1
            yield {**hh, "mode": "pre"}, None, movement
        else:
            yield {**hh, "mode": "full"}, members, movement


def generate_crossings(rng: random.Random, n: int):
    for _ in range(n):
        day = _day(rng)
        at = dt.datetime(day.year, day.month, day.day, rng.randint(6, 19), rng.choice((0, 15, 30, 45)))
        size = max(1, min(40, int(rng.expovariate(1 / 5)) + 1))
        counts = dict.fromkeys(model.COUNT_FIELDS, 0)
        weights = [9, 12, 8, 26, 4, 9, 12, 8, 22, 3]  # f/m x 0-4, 5-11, 12-17, 18-59, 60+
        for key in rng.choices(model.COUNT_FIELDS, weights, k=size):
            counts[key] += 1
        direction = "in" if rng.random() < 0.93 else "out"
        rec = {"counted_at": at.isoformat(timespec="minutes"), "crossing_pcode": _pick(rng, POINTS_IN),
               "direction": direction, **counts, "nationality": "SYR" if rng.random() < 0.96 else "LBN",
               "origin_pcode": _pick(rng, ORIGINS) if direction == "in" else "LB51",
               "destination_pcode": _pick(rng, CURRENT) if direction == "in" else _pick(rng, ORIGINS),
               "transport": _pick(rng, TRANSPORT), "reason": "conflict" if direction == "in" else "return",
               "vuln_disability": int(rng.random() < 0.1 * min(size, 3)),
               "vuln_medical": int(rng.random() < 0.08 * min(size, 3)),
               "vuln_pregnant": int(rng.random() < 0.05 * min(size, 3)) if (counts["f_18_59"] > 0) else 0,
               "vuln_uasc": 0, "vuln_older_alone": 0, "observer": rng.choice(["Team A", "Team B", "Team C"])}
        yield rec


# From this many households on, ``insert_generated`` generates and checks them in a second process.
CHILD_MIN_HOUSEHOLDS = 5000
TABLES = ("households", "persons", "movements")


def validated(generated, locations: dict, chunk: int):
    """Validate and derive ``(household, members, movement)`` triples from ``generate_households``
    (no database needed). Yields, per ``chunk`` households: (households, persons, movements — clean
    record dicts —, people counted, households done so far)."""
    hh_buf, p_buf, m_buf = [], [], []
    done = n_people = 0
    for hh, members, move in generated:
        clean = validation.clean_household(hh, locations)
        hid = new_id()
        people = []
        if members is not None:
            ref = dt.date.fromisoformat(clean["registration_date"])
            for m in members:
                p = validation.clean_person(m, reference_date=ref)
                p.update(household_service.person_derived(p, ref), household_id=hid, id=new_id())
                people.append(p)
            head = people[0]
            clean["head_name_ar"] = f"{head['given_name_ar']} {head['family_name_ar']}"
            clean["head_name_lat"] = f"{head['given_name_lat']} {head['family_name_lat']}"
        clean.update(household_service.household_derived(clean, people, locations), id=hid)
        hh_buf.append(clean)
        p_buf.extend(people)
        m_buf.append(validation.clean_movement({**move, "household_id": hid}, locations))
        n_people += len(people) if people else clean["total"]
        done += 1
        if len(hh_buf) >= chunk:
            yield hh_buf, p_buf, m_buf, n_people, done
            hh_buf, p_buf, m_buf, n_people = [], [], [], 0
    yield hh_buf, p_buf, m_buf, n_people, done


def insert_households(store, generated, *, chunk: int = 2000, action: str = "demo", on_chunk=None) -> tuple[int, int]:
    """Validate, derive and bulk-insert ``(household, members, movement)`` triples from
    ``generate_households`` inside the caller's transaction. ``on_chunk(done)`` runs after each batch.
    Returns (people, movements)."""
    total = done = 0
    for hh, people, moves, n_people, done in validated(generated, store.locations(), chunk):
        for table, rows in zip(TABLES, (hh, people, moves)):
            records.bulk_create(store, table, rows, action=action)
        total += n_people
        if on_chunk is not None:
            on_chunk(done)
    return total, done


def _generated(state, n: int, locations: dict, chunk: int, known: dict):
    """``validated`` over ``generate_households`` from the random state ``state``, each table's rows
    made ready by ``records.bulk_rows``; the last item is the random state after generating."""
    rng = random.Random()
    rng.setstate(state)
    for hh, people, moves, n_people, done in validated(generate_households(rng, n), locations, chunk):
        tables = [records.bulk_rows(t, rows, known[t]) for t, rows in zip(TABLES, (hh, people, moves))]
        yield "chunk", (tables, n_people, done)
    yield "state", rng.getstate()


def insert_generated(store, rng: random.Random, n: int, *, chunk: int = 2000, action: str = "demo",
                     on_chunk=None) -> tuple[int, int]:
    """``insert_households(store, generate_households(rng, n))``, with the generating, checking and
    row building in a second process from ``CHILD_MIN_HOUSEHOLDS`` on while this one writes. ``rng``
    ends in the same state either way, so what is generated after (the crossing counts) does not change."""
    if n < CHILD_MIN_HOUSEHOLDS:
        return insert_households(store, generate_households(rng, n), chunk=chunk, action=action, on_chunk=on_chunk)
    known = {t: records.columns(store, t) for t in TABLES}
    total = done = 0
    # Small chunks from the second process: the first arrives soon, so this one starts writing early.
    with childproc.stream(_generated, rng.getstate(), n, store.locations(), min(chunk, 1000), known,
                          name="dtrack-demo-generator") as items:
        for what, item in items:
            if what == "state":
                rng.setstate(item)
                continue
            tables, n_people, done = item
            for table, (cols, rows) in zip(TABLES, tables):
                records.bulk_write(store, table, cols, rows, action=action)
            total += n_people
            if on_chunk is not None:
                on_chunk(done)
    return total, done


def populate(store, households: int = 500, crossings: int = 2000, seed: int = 2025, *, progress=None,
             cancelled=None, chunk: int = 2000) -> dict:
    """Validate and insert synthetic records in one transaction (all or nothing; cancel rolls back)."""
    permissions.require(store, permissions.DEMO)
    rng = random.Random(seed)
    tick = Progress(progress, cancelled)
    locations = store.locations()
    total = households + crossings
    with store.atomic():
        n_people, n_moves = insert_generated(store, rng, households, chunk=chunk,
                                             on_chunk=lambda done: tick.tick(done, total))
        done = households
        buf = []
        for rec in generate_crossings(rng, crossings):
            clean = validation.clean_crossing(rec, locations)
            clean.update(crossing_service.derived(clean, locations))
            buf.append(clean)
            done += 1
            if len(buf) >= chunk:
                records.bulk_create(store, "crossing_counts", buf, action="demo")
                buf.clear()
                tick.tick(done, total)
        records.bulk_create(store, "crossing_counts", buf, action="demo")
        store.set_meta(DEMO_META, "yes")  # said everywhere: stats, exports, the title bar
        tick.tick(total, total)
    return {"households": households, "persons": n_people, "movements": n_moves, "crossings": crossings}


DEMO_META = "demo_data"


def holds_demo_data(store) -> bool:
    """True once invented records were added to this database."""
    return store.meta().get(DEMO_META) == "yes"
