"""Partner choice values -> our vocabulary codes.

A partner's form stores a choice by its *name* (``hoh``, ``wife_husband``) or, in a label export,
by its *label* in English or Arabic (``Head of household``, ``رب الأسرة``). Each of our coded
fields has a word list here (its codes, their English and Arabic words, common synonyms); a
partner's XLSForm (``xlsform.py``) ties its names to labels, and a label or name found in our word
list gives the code. Admin-area choices are matched to the gazetteer by P-code or by name at the
field's level. ``select_multiple`` values are space-separated names. Whatever is not matched is
left as given, so validation rejects the row and quotes the value.
"""

from __future__ import annotations

import re

from tracker.domain import model

# Fields whose value is one code (single) or several (MULTI), and their word lists.
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "sex": {"f": ("female", "woman", "girl", "f", "أنثى", "انثى", "امرأة", "ذكر/أنثى:أنثى"),
            "m": ("male", "man", "boy", "m", "ذكر", "رجل")},
    "relationship": {
        "head": ("head", "head of household", "household head", "hoh", "رب الأسرة", "رب الاسرة", "ربة الأسرة",
                 "رب/ربة الأسرة", "المعيل"),
        "spouse": ("spouse", "wife", "husband", "wife/husband", "husband/wife", "partner", "زوج", "زوجة",
                   "زوج/زوجة", "الزوج/الزوجة"),
        "child": ("child", "son", "daughter", "son/daughter", "ابن", "ابنة", "ابن/ابنة", "طفل", "الأبناء"),
        "parent": ("parent", "father", "mother", "father/mother", "أب", "أم", "أب/أم", "والد", "والدة"),
        "sibling": ("sibling", "brother", "sister", "brother/sister", "أخ", "أخت", "أخ/أخت"),
        "grandchild": ("grandchild", "grandson", "granddaughter", "حفيد", "حفيدة", "حفيد/حفيدة"),
        "other_relative": ("other relative", "other_relative", "relative", "قريب", "قريب آخر", "أقارب آخرون"),
        "non_relative": ("non relative", "non_relative", "not related", "unrelated", "غير قريب", "لا تربطه قرابة"),
    },
    "shelter_type": {
        "collective_shelter": ("collective shelter", "collective centre", "collective center", "shelter",
                               "مركز إيواء", "مركز إيواء جماعي", "مأوى جماعي"),
        "host_family": ("host family", "hosted", "with host family", "عائلة مضيفة", "لدى عائلة مضيفة"),
        "rented": ("rented", "rent", "rented house", "rented apartment", "مستأجر", "إيجار", "منزل مستأجر"),
        "informal_settlement": ("informal settlement", "its", "informal tented settlement", "تجمع غير رسمي",
                                "مخيم غير رسمي"),
        "open_air": ("open air", "no shelter", "في العراء", "بدون مأوى"),
        "other": ("other", "أخرى", "غير ذلك"),
        "unknown": ("unknown", "don't know", "dont know", "غير معروف", "لا أعرف"),
    },
    "intention": {
        "stay": ("stay", "remain", "البقاء", "بقاء"),
        "return": ("return", "go back", "العودة", "عودة"),
        "move_onward": ("move onward", "move on", "onward", "الانتقال", "الانتقال إلى مكان آخر"),
        "undecided": ("undecided", "don't know", "dont know", "not decided", "لم يقرر", "لا أعرف"),
    },
    "document_type": {
        "national_id": ("national id", "id card", "هوية", "بطاقة هوية", "هوية شخصية"),
        "family_booklet": ("family booklet", "family book", "دفتر عائلة", "دفتر العائلة"),
        "passport": ("passport", "جواز سفر", "جواز السفر"),
        "birth_certificate": ("birth certificate", "شهادة ميلاد", "شهادة الولادة"),
        "unhcr_certificate": ("unhcr certificate", "unhcr", "شهادة المفوضية"),
        "other": ("other", "أخرى"),
        "none": ("none", "no document", "لا يوجد", "بدون وثيقة"),
    },
    "movement_reason": {
        "conflict": ("conflict", "war", "fighting", "نزاع", "الحرب", "القتال"),
        "insecurity": ("insecurity", "security", "violence", "انعدام الأمن", "العنف"),
        "family": ("family", "family reasons", "family reunification", "أسباب عائلية", "لم شمل"),
        "economic": ("economic", "work", "livelihood", "اقتصادي", "أسباب اقتصادية", "العمل"),
        "return": ("return", "العودة"),
        "services": ("services", "access to services", "الخدمات", "الوصول إلى الخدمات"),
        "other": ("other", "أخرى"),
    },
    "crossing_type": {
        "official_crossing": ("official", "official crossing", "formal", "رسمي", "معبر رسمي"),
        "informal_crossing": ("informal", "informal crossing", "unofficial", "غير رسمي", "معبر غير رسمي"),
    },
    "specific_needs": {
        "CR": ("child at risk", "cr", "طفل في خطر"),
        "SC": ("unaccompanied or separated child", "sc", "uasc", "unaccompanied", "separated child",
               "طفل غير مصحوب أو منفصل", "طفل غير مصحوب"),
        "WR": ("woman at risk", "wr", "امرأة في خطر", "امرأة معرضة للخطر"),
        "ER": ("older person at risk", "er", "elderly", "older person", "مسن في خطر", "كبير في السن"),
        "SP": ("single parent or caregiver", "sp", "single parent", "والد وحيد", "معيل وحيد"),
        "DS": ("disability", "ds", "disabled", "person with disability", "إعاقة", "شخص ذو إعاقة"),
        "SM": ("serious medical condition", "sm", "chronic illness", "chronic disease", "medical condition",
               "حالة طبية خطيرة", "مرض مزمن"),
        "FU": ("family unity", "fu", "وحدة الأسرة"),
        "TR": ("torture", "tr", "تعذيب"),
        "SV": ("sexual and gender-based violence", "sv", "sgbv", "gbv", "عنف قائم على النوع الاجتماعي"),
        "LP": ("specific legal and physical protection needs", "lp", "legal protection", "حماية قانونية"),
    },
    "consent_share": {"1": ("yes", "y", "true", "1", "نعم"), "0": ("no", "n", "false", "0", "لا")},
}
_WORDS["reason"] = _WORDS["movement_reason"]
for _f in ("separated_child", "unaccompanied_child"):
    _WORDS[_f] = _WORDS["consent_share"]
_WG = {"1": ("no difficulty", "no", "لا صعوبة", "لا يوجد صعوبة"), "2": ("some difficulty", "بعض الصعوبة"),
       "3": ("a lot of difficulty", "صعوبة كبيرة", "الكثير من الصعوبة"),
       "4": ("cannot do at all", "cannot do", "لا يستطيع أبدا", "لا يستطيع على الإطلاق")}
for _f in model.WG_FIELDS:
    _WORDS[_f] = _WG

MULTI = frozenset({"specific_needs"})
NONE_WORDS = frozenset({"none", "no", "لا يوجد", "لا شيء"})  # a multiple choice meaning "none of these"
ADMIN_LEVEL = {f"{p}_adm{n}": n for p in ("origin", "current", "destination") for n in (1, 2)}
PLACE_FIELDS = frozenset({*ADMIN_LEVEL, "origin_pcode", "current_pcode", "registration_pcode", "destination_pcode",
                          "crossing_pcode"})


def word(text) -> str:
    """A value as compared: lower case, inner spaces and ``_``/``-`` folded, Arabic letters kept."""
    s = re.sub(r"[\s_\-]+", " ", str(text).strip().lower())
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ة", "ه").replace("ى", "ي")


_INDEX = {f: {word(w): code for code, words in table.items() for w in (code, *words)} for f, table in _WORDS.items()}


def coded_fields() -> frozenset[str]:
    return frozenset(_WORDS) | PLACE_FIELDS


def our_code(field: str, text, locations: dict | None = None) -> str | None:
    """Our code for one partner name or label, or None."""
    if text is None or str(text).strip() == "":
        return None
    if field in PLACE_FIELDS:
        return _place(field, str(text).strip(), locations or {})
    return _INDEX.get(field, {}).get(word(text))


def _place(field: str, text: str, locations: dict) -> str | None:
    if text in locations or text.upper() in locations:
        return text if text in locations else text.upper()
    level = ADMIN_LEVEL.get(field)
    if level is None:
        return None  # a point or any-level place: by P-code only (names repeat across levels)
    key = word(text)
    found = {p for p, loc in locations.items() if loc.get("level") == level and loc.get("kind") == "admin"
             and key in (word(loc.get("name_en") or ""), word(loc.get("name_ar") or ""))}
    return found.pop() if len(found) == 1 else None


def build_maps(fields, form=None, field_questions: dict | None = None, locations: dict | None = None,
               overrides: dict | None = None) -> tuple[dict, list]:
    """The value map of each coded field in use: {field: {word(partner value): code}}, the partner
    choices that match nothing (field, list, name, labels), and the mappings as (field, partner's
    text, code) for the preview.

    ``field_questions`` gives, per field, the partner question (XLSForm name) it is read from;
    ``overrides`` ({field: {value: code}}, from a saved profile) win over everything."""
    maps, unmatched, shown = {}, [], []
    for f in fields:
        if f not in coded_fields():
            continue
        m: dict[str, str] = {}
        question = (field_questions or {}).get(f)
        if form is not None and question:
            for choice in form.choices_of(question):
                code = our_code(f, choice.name, locations)
                for label in choice.labels.values():
                    code = code or our_code(f, label, locations)
                if code is None:
                    if word(choice.name) not in NONE_WORDS:
                        unmatched.append((f, form.list_of(question), choice.name, dict(choice.labels)))
                    continue
                for text in (choice.name, *choice.labels.values()):
                    if word(text) != word(code) and word(text) not in m:
                        m[word(text)] = code
                        shown.append((f, text, code))
        for src, code in ((overrides or {}).get(f) or {}).items():
            if m.get(word(src)) != code:
                shown.append((f, src, code))
            m[word(src)] = code
        if m:
            maps[f] = m
    return maps, unmatched, shown


def apply(field: str, value, fmap: dict | None, locations: dict, used: dict):
    """One cell through the value map (and our own words): the value to validate. ``used`` counts
    {(field, given, code): n} for the report."""
    if value is None or value.__class__ is not str:
        return value
    text = value.strip()
    if not text:
        return None
    if field in MULTI:
        return _apply_multi(field, text, fmap, locations, used)
    key = word(text)
    code = (fmap or {}).get(key)
    if code is None and field in _INDEX or field in PLACE_FIELDS:
        code = code or our_code(field, text, locations)
    if code is None or code == text:
        return text
    used[(field, text, code)] = used.get((field, text, code), 0) + 1
    return code


def _apply_multi(field, text, fmap, locations, used):
    """Names are space-separated (Kobo, ODK); labels may hold spaces, so a label export's pieces
    split at commas or semicolons are tried whole first. When any piece matches nothing the value
    is left exactly as given, so the row's error quotes the partner's own text."""
    def code_of(piece):
        return (fmap or {}).get(word(piece)) or our_code(field, piece, locations)

    pieces = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    tokens = []
    for piece in pieces:
        if code_of(piece) or word(piece) in NONE_WORDS:
            tokens.append(piece)
        else:
            tokens.extend(piece.split())
    out, hits = [], []
    for t in tokens:
        if word(t) in NONE_WORDS:
            continue
        code = code_of(t)
        if code is None:
            return text
        out.append(code)
        if code != t:
            hits.append((field, t, code))
    for key in hits:
        used[key] = used.get(key, 0) + 1
    return " ".join(dict.fromkeys(out)) or None
