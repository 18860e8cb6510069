"""Words drawn inside charts and the report, in English and Arabic.

Charts are drawn by the core (the command-line report has no Qt), so their
words live here rather than in Qt's .ts files. Keys are stable; add a language
by adding a column.
"""

from __future__ import annotations

from tracker.domain import gazetteer

WORDS = {
    "daily_title": ("People counted per day, by crossing point", "عدد الأشخاص يومياً حسب نقطة العبور"),
    "avg7": ("7-day average (all points)", "المتوسط لسبعة أيام (كل النقاط)"),
    "people": ("People", "أشخاص"),
    "total": ("Total", "المجموع"),
    "date": ("Date", "التاريخ"),
    "cumulative_title": ("Cumulative people counted", "العدد التراكمي للأشخاص"),
    "flow_title": ("From governorate of origin to destination", "من محافظة المنشأ إلى الوجهة"),
    "origin": ("Origin", "المنشأ"),
    "destination": ("Destination", "الوجهة"),
    "pyramid_title": ("People by sex and age", "الأشخاص حسب الجنس والعمر"),
    "female": ("Female", "إناث"),
    "male": ("Male", "ذكور"),
    "map_title": ("Routes: origin, crossing point, destination", "المسارات: المنشأ، نقطة العبور، الوجهة"),
    "to_crossing": ("Origin to crossing point", "من المنشأ إلى نقطة العبور"),
    "to_destination": ("Crossing point to destination", "من نقطة العبور إلى الوجهة"),
    "crossing_point": ("Crossing point", "نقطة عبور"),
    "map_note": ("Boundaries: Natural Earth, for orientation only; positions approximate.",
                 "الحدود من Natural Earth للتوجيه فقط؛ المواقع تقريبية."),
    "unmapped": ("{n} people on routes without a known position are not drawn.",
                 "لم يُرسم {n} شخصاً على مسارات بلا موقع معروف."),
    "no_data": ("No data for these filters", "لا توجد بيانات لهذه المرشحات"),
    "unknown": ("Unknown", "غير معروف"),
    "other": ("Other", "أخرى"),
    "age_0_4": ("0-4", "0-4"),
    "age_5_11": ("5-11", "5-11"),
    "age_12_17": ("12-17", "12-17"),
    "age_18_59": ("18-59", "18-59"),
    "age_60plus": ("60+", "60+"),
    # the report
    "report_title": ("Situation report: displacement and border crossings", "تقرير الوضع: النزوح والعبور الحدودي"),
    "period": ("Period", "الفترة"),
    "organisation": ("Organisation", "المنظمة"),
    "generated": ("Produced", "تاريخ الإعداد"),
    "all_dates": ("all dates", "كل التواريخ"),
    "kf_households": ("Households registered", "الأسر المسجلة"),
    "kf_persons": ("People in registered households", "الأفراد في الأسر المسجلة"),
    "kf_arrivals": ("People counted arriving", "الوافدون المعدودون"),
    "kf_departures": ("People counted leaving", "المغادرون المعدودون"),
    "kf_today": ("Arrivals today", "الوافدون اليوم"),
    "kf_7d": ("Arrivals, last 7 days", "الوافدون في آخر 7 أيام"),
    "kf_needs": ("Households with specific needs", "الأسر ذات الاحتياجات الخاصة"),
    "kf_uasc": ("Unaccompanied or separated children", "الأطفال غير المصحوبين أو المنفصلون"),
    "kf_top_point": ("Busiest crossing point", "أكثر نقاط العبور ازدحاماً"),
    "suppression": ("Counts from 1 to {k_minus}, and counts the totals beside them would give away, are hidden: \u201cx\u201d, "
                    "a grey band, an empty bar or a blank day ({n} on this page). Totals shown are exact. "
                    "Routes under {k} people are not drawn. Threshold: {k}.",
                    "الأعداد من 1 إلى {k_minus}، والأعداد التي تكشفها المجاميع المجاورة، مخفية: \u201cx\u201d أو شريط "
                    "رمادي أو عمود فارغ أو يوم فارغ ({n} في هذه الصفحة). المجاميع المعروضة دقيقة. "
                    "لا تُرسم المسارات التي تقل عن {k} أشخاص. العتبة: {k}."),
    "hidden_band": ("Hidden (counts under {k} and their complements)", "مخفي (أعداد أقل من {k} وما يكشفها)"),
    "charts_in_only": ("The charts show arrivals only: departures are too few to show.",
                       "تعرض الرسوم الوافدين فقط: المغادرون أقل من أن يُعرضوا."),
    "charts_out_only": ("The charts show departures only: arrivals are too few to show.",
                        "تعرض الرسوم المغادرين فقط: الوافدون أقل من أن يُعرضوا."),
    "counts_note": ("Crossing counts cover observation hours only; they are not a total of all who crossed.",
                    "تغطي أعداد العبور ساعات المراقبة فقط، ولا تمثل مجموع كل من عبر."),
}

LANGUAGES = ("en", "ar")


def word(key: str, language: str = "en", **fmt) -> str:
    text = WORDS[key][LANGUAGES.index(language) if language in LANGUAGES else 0]
    return text.format(**fmt) if fmt else text


def place_names(store, language: str = "en") -> dict[str, str]:
    """P-code -> display name, plus '' (unknown) and 'other'."""
    names = {code: gazetteer.name(store, code, language) for code in store.locations()}
    names[""] = word("unknown", language)
    names["other"] = word("other", language)
    return names


def number(n: int | float | None, language: str = "en") -> str:
    """Thousands separated; Arabic keeps Western digits (as OCHA's Arabic products do) for legibility."""
    if n is None:
        return "–"
    return f"{n:,.0f}" if isinstance(n, int) or float(n).is_integer() else f"{n:,.1f}"
