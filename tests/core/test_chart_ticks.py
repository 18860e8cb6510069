"""Date tick labels never overlap: one to three days (the first days of an emergency) and many days,
in English and in Arabic (long Levantine month names, drawn with the shipped Noto Sans Arabic),
on charts as narrow as a small window's and as wide as the report's."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from tracker.charts import draw
from tracker.charts.data import DailySeries

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
