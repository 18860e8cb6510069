"""Date tick labels never overlap: one to three days (the first days of an emergency) and many days,
in English and in Arabic (long Levantine month names, drawn with the shipped Noto Sans Arabic),
on charts as narrow as a small window's and as wide as the report's."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import num2date

from tracker.charts import draw
from tracker.charts.data import DailySeries
from tracker.charts.text import month

START = dt.date(2025, 11, 26)  # runs over a month's end: "30 تشرين الثاني" then "1 كانون الأول"
WIDTHS = (3.2, 5.0, 7.5)  # inches at 100 dpi: a narrow pane, the dashboard at 1366×768, the report


def _days(n: int) -> list[str]:
    return [(START + dt.timedelta(days=i)).isoformat() for i in range(n)]


def _series(n: int) -> DailySeries:
    dates = _days(n)
    counts = [14 + (i * 7) % 30 for i in range(n)]
    return DailySeries(dates=dates, by_point={"LB-CP-01": counts}, total=counts,
                       avg7=[sum(counts[max(0, i - 6):i + 1]) / min(i + 1, 7) for i in range(n)])


def _labels(fig):
    """(text, pixel box) of each date label drawn, as the canvas lays them out."""
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    low, high = sorted(ax.get_xlim())
    drawn = []
    for tick in ax.xaxis.get_major_ticks():
        label = tick.label1
        if label.get_visible() and label.get_text() and low <= tick.get_loc() <= high:
            drawn.append((label.get_text(), label.get_window_extent(renderer)))
    return drawn


def _overlaps(drawn) -> list[str]:
    boxes = sorted(drawn, key=lambda item: item[1].x0)
    return [f"{a!r} {box_a.x0:.0f}–{box_a.x1:.0f} overlaps {b!r} {box_b.x0:.0f}–{box_b.x1:.0f}"
            for (a, box_a), (b, box_b) in zip(boxes, boxes[1:]) if box_a.x1 > box_b.x0]


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("n_days", [1, 2, 3, 7, 10, 14, 15, 45, 120, 400])
@pytest.mark.parametrize("chart", ["daily", "cumulative"])
def test_date_labels_never_overlap(chart, n_days, language):
    for width in WIDTHS:
        fig = draw.new_figure(width, 3.2)
        if chart == "daily":
            draw.draw_daily(fig, _series(n_days), {"LB-CP-01": "Masnaa"}, language)
        else:
            draw.draw_cumulative(fig, _days(n_days), list(range(1, n_days + 1)), language)
        drawn = _labels(fig)
        assert drawn, f"{chart}, {n_days} days, {width} in: no date at all"
        problems = _overlaps(drawn)
        assert not problems, f"{chart}, {n_days} days, {language}, {width} in wide:\n" + "\n".join(problems)


def test_the_overlap_check_sees_touching_labels():
    fig = draw.new_figure(2.0, 2.0)
    ax = fig.add_subplot()
    ax.set_xticks([0, 0.05, 1], ["30 تشرين الثاني", "1 كانون الأول", "x"])
    assert _overlaps(_labels(fig))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_first_days_keep_a_label_on_the_last_day(language):
    """The newest day (at the end of the data) is the one a reader looks for."""
    for n_days in (1, 2, 3):
        fig = draw.new_figure(5.0, 3.2)
        draw.draw_daily(fig, _series(n_days), {"LB-CP-01": "Masnaa"}, language)
        last = dt.date.fromisoformat(_days(n_days)[-1])
        texts = [t for t, _ in _labels(fig)]
        names = {11: ("Nov", "تشرين الثاني"), 12: ("Dec", "كانون الأول")}[last.month]
        expected = f"{last.day} {names[language == 'ar']}"
        assert expected in texts, texts


MONTH_NAMES = {"en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}
MONTH_NAMES["ar"] = tuple(month(m, "ar") for m in MONTH_NAMES["en"])


def _month_in(text: str, language: str) -> int | None:
    """The month (1-12) a label names, or None; the longest name first ("كانون الثاني" holds no shorter one)."""
    names = sorted(enumerate(MONTH_NAMES[language], start=1), key=lambda item: -len(item[1]))
    return next((number for number, name in names if name in text), None)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("chart", ["daily", "cumulative"])
@pytest.mark.parametrize("start", [dt.date(2025, 3, 6), dt.date(2025, 11, 26)])  # to 20 April; to 10 January
def test_each_tick_says_its_month_and_the_year_is_written_once(chart, language, start):
    """March to April: "15 Mar", "1 Apr", "15 Apr", not "15", "Apr", "15" with "2025-Apr" under the axis (which
    reads as two Aprils). A label names its month when it is the first or the month changed since the label
    before it; each year is written once: the first on the first label or in the axis' offset."""
    dates = [(start + dt.timedelta(days=i)).isoformat() for i in range(46)]
    for width in WIDTHS:
        fig = draw.new_figure(width, 3.2)
        if chart == "daily":
            draw.draw_daily(fig, _series_of(dates), {"LB-CP-01": "Masnaa"}, language)
        else:
            draw.draw_cumulative(fig, dates, list(range(1, len(dates) + 1)), language)
        drawn = _labels(fig)
        ax = fig.axes[0]
        ticks = sorted((tick.get_loc(), tick.label1.get_text()) for tick in ax.xaxis.get_major_ticks()
                       if tick.label1.get_text() and tick.label1.get_visible())
        ticks = [(num2date(loc).date(), text) for loc, text in ticks if text in {t for t, _ in drawn}]
        assert ticks, f"{width} in: no date"
        where = f"{chart}, {language}, {width} in: {[t for _, t in ticks]}"
        previous = None
        for day, text in ticks:
            named = _month_in(text, language)
            if previous is None or day.month != previous.month:
                assert named == day.month, f"{day}: {text!r} does not say its month; {where}"
            else:
                assert named in (None, day.month), f"{day}: {text!r} names another month; {where}"
            previous = day
        offset = ax.xaxis.get_offset_text().get_text()  # as drawn under the axis
        first_year = str(ticks[0][0].year)
        assert first_year in ticks[0][1] + offset, f"no year on the first label nor under the axis; {where}"
        for year in {str(day.year) for day, _ in ticks}:
            assert sum(year in text for _, text in ticks) + (year in offset) == 1, f"{year}: {where}, {offset!r}"
        assert _month_in(offset, language) in (None, ticks[0][0].month), f"offset {offset!r} names a later month"


def _series_of(dates: list[str]) -> DailySeries:
    counts = [14 + (i * 7) % 30 for i in range(len(dates))]
    return DailySeries(dates=dates, by_point={"LB-CP-01": counts}, total=counts,
                       avg7=[sum(counts[max(0, i - 6):i + 1]) / min(i + 1, 7) for i in range(len(dates))])
