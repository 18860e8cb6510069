"""Words drawn inside charts and the PDF report, in the UI's language.

The English is marked for lupdate (QT_TRANSLATE_NOOP), so the words sit in the translation
catalogue with the window's words: resources/translations/charts_ar.ts, listed in charts.sources,
refreshed by packaging/translations.sh and checked by the translation tests. The core reads the
Arabic from that file without Qt (charts.catalogue). Keys are stable names used by the code.
"""

from __future__ import annotations

from tracker.domain import gazetteer
from .catalogue import QT_TRANSLATE_NOOP, shipped, translate

CONTEXT = "ChartWords"  # the .ts context of these words (lupdate needs it spelled out in each call)
MONTHS_CONTEXT = "ChartMonths"

ENGLISH = {
    "daily_title": QT_TRANSLATE_NOOP("ChartWords", "People counted per day, by crossing point"),
    "avg7": QT_TRANSLATE_NOOP("ChartWords", "7-day average (all points)"),
    "people": QT_TRANSLATE_NOOP("ChartWords", "People"),
    "total": QT_TRANSLATE_NOOP("ChartWords", "Total"),
    "date": QT_TRANSLATE_NOOP("ChartWords", "Date"),
    "cumulative_title": QT_TRANSLATE_NOOP("ChartWords", "Cumulative people counted"),
    "flow_title": QT_TRANSLATE_NOOP("ChartWords", "From governorate of origin to destination"),
    "origin": QT_TRANSLATE_NOOP("ChartWords", "Origin"),
    "destination": QT_TRANSLATE_NOOP("ChartWords", "Destination"),
    "pyramid_title": QT_TRANSLATE_NOOP("ChartWords", "People by sex and age"),
    "female": QT_TRANSLATE_NOOP("ChartWords", "Female"),
    "male": QT_TRANSLATE_NOOP("ChartWords", "Male"),
    "map_title": QT_TRANSLATE_NOOP("ChartWords", "Routes: origin, crossing point, destination"),
    "to_crossing": QT_TRANSLATE_NOOP("ChartWords", "Origin to crossing point"),
    "to_destination": QT_TRANSLATE_NOOP("ChartWords", "Crossing point to destination"),
    "crossing_point": QT_TRANSLATE_NOOP("ChartWords", "Crossing point"),
    "map_note": QT_TRANSLATE_NOOP("ChartWords",
                                  "Boundaries: Natural Earth, for orientation only; positions approximate."),
    "unmapped": QT_TRANSLATE_NOOP("ChartWords",
                                  "{n} people on routes without a known position are not drawn."),
    "no_data": QT_TRANSLATE_NOOP("ChartWords", "No data for these filters"),
    "unknown": QT_TRANSLATE_NOOP("ChartWords", "Unknown"),
    "other": QT_TRANSLATE_NOOP("ChartWords", "Other"),
    "age_0_4": QT_TRANSLATE_NOOP("ChartWords", "0-4"),
    "age_5_11": QT_TRANSLATE_NOOP("ChartWords", "5-11"),
    "age_12_17": QT_TRANSLATE_NOOP("ChartWords", "12-17"),
    "age_18_59": QT_TRANSLATE_NOOP("ChartWords", "18-59"),
    "age_60plus": QT_TRANSLATE_NOOP("ChartWords", "60+"),
    # the report
    "report_title": QT_TRANSLATE_NOOP("ChartWords", "Situation report: displacement and border crossings"),
    "period": QT_TRANSLATE_NOOP("ChartWords", "Period"),
    "organisation": QT_TRANSLATE_NOOP("ChartWords", "Organisation"),
    "generated": QT_TRANSLATE_NOOP("ChartWords", "Produced"),
    "all_dates": QT_TRANSLATE_NOOP("ChartWords", "all dates"),
    "kf_households": QT_TRANSLATE_NOOP("ChartWords", "Households registered"),
    "kf_persons": QT_TRANSLATE_NOOP("ChartWords", "People in registered households"),
    "kf_arrivals": QT_TRANSLATE_NOOP("ChartWords", "People counted arriving"),
    "kf_departures": QT_TRANSLATE_NOOP("ChartWords", "People counted leaving"),
    "kf_today": QT_TRANSLATE_NOOP("ChartWords", "Arrivals today"),
    "kf_7d": QT_TRANSLATE_NOOP("ChartWords", "Arrivals, last 7 days"),
    "kf_needs": QT_TRANSLATE_NOOP("ChartWords", "Households with specific needs"),
    "kf_uasc": QT_TRANSLATE_NOOP("ChartWords", "Unaccompanied or separated children"),
    "kf_top_point": QT_TRANSLATE_NOOP("ChartWords", "Busiest crossing point"),
    "suppression": QT_TRANSLATE_NOOP("ChartWords",
                                     "Counts from 1 to {k_minus}, and counts the totals beside them would give away, "
                                     "are hidden: \u201cx\u201d, a grey band, an empty bar or a blank day "
                                     "({n} on this page). Totals shown are exact. Routes under {k} people are not "
                                     "drawn. Threshold: {k}."),
    "hidden_band": QT_TRANSLATE_NOOP("ChartWords", "Hidden (counts under {k} and their complements)"),
    "charts_in_only": QT_TRANSLATE_NOOP("ChartWords",
                                        "The charts show arrivals only: departures are too few to show."),
    "charts_out_only": QT_TRANSLATE_NOOP("ChartWords",
                                         "The charts show departures only: arrivals are too few to show."),
    "counts_note": QT_TRANSLATE_NOOP("ChartWords", "Crossing counts cover observation hours only; "
                                     "they are not a total of all who crossed."),
}

# strftime's %b is English whatever the UI language; date axes swap in these (Arabic: the Levantine
# month names used in Syria and Lebanon, كانون الثاني، شباط، آذار…).
MONTHS = (
    QT_TRANSLATE_NOOP("ChartMonths", "Jan"), QT_TRANSLATE_NOOP("ChartMonths", "Feb"),
    QT_TRANSLATE_NOOP("ChartMonths", "Mar"), QT_TRANSLATE_NOOP("ChartMonths", "Apr"),
    QT_TRANSLATE_NOOP("ChartMonths", "May"), QT_TRANSLATE_NOOP("ChartMonths", "Jun"),
    QT_TRANSLATE_NOOP("ChartMonths", "Jul"), QT_TRANSLATE_NOOP("ChartMonths", "Aug"),
    QT_TRANSLATE_NOOP("ChartMonths", "Sep"), QT_TRANSLATE_NOOP("ChartMonths", "Oct"),
    QT_TRANSLATE_NOOP("ChartMonths", "Nov"), QT_TRANSLATE_NOOP("ChartMonths", "Dec"),
)

LANGUAGES = ("en", "ar")


def word(key: str, language: str = "en", **fmt) -> str:
    """The word for ``key`` (KeyError for an unknown key), its {placeholders} filled from ``fmt``."""
    text = translate(CONTEXT, ENGLISH[key], language)
    return text.format(**fmt) if fmt else text


def month(abbreviation: str, language: str = "en") -> str:
    """A month's name for a date axis, from strftime's English abbreviation ("Mar")."""
    return translate(MONTHS_CONTEXT, abbreviation, language)


def __getattr__(name: str):
    # WORDS, the earlier form of this table (key -> (English, Arabic), Arabic "" when the catalogue
    # lacks it), for callers such as the self-test that check both languages are present.
    if name == "WORDS":
        arabic = shipped("ar")
        return {key: (en, arabic.get((CONTEXT, en), "")) for key, en in ENGLISH.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
