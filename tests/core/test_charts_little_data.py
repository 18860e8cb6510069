"""Charts of the first days of an emergency (one day, 14 people): a week's frame with day ticks, whole
people on the y axis, the total inside the plot and never over the title, the legend clear of the bars."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.charts import draw
from tracker.charts.data import DailySeries

ONE_DAY = DailySeries(["2025-03-08"], {"XLB-NKR-WKH": [9], "XLB-MSN": [5]}, [14], [14.0])
NAMES = {"XLB-NKR-WKH": "Nahr al-Kabir river crossing, Wadi Khaled section", "XLB-MSN": "Masnaa"}


def _render(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_one_day_daily_chart(tmp_path, language):
    fig = draw.new_figure(6, 3.2)
    draw.draw_daily(fig, ONE_DAY, NAMES, language)
    renderer = _render(fig)
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    assert 6.5 <= high - low <= 8  # a week's frame, in days
    ticks = ax.get_xticks()
    assert all(float(t).is_integer() for t in ticks) and len(ticks) >= 5  # one tick a day, at midnight
    assert all(float(t).is_integer() for t in ax.get_yticks())  # whole people
    assert ax.get_ylim()[1] >= 14
    line = ax.get_lines()[0]
    assert line.get_marker() == "o"  # the 7-day average shows though it is one point
    legend = ax.get_legend().get_window_extent(renderer)
    for bar in ax.patches:
        assert not legend.overlaps(bar.get_window_extent(renderer))
    fig.savefig(tmp_path / f"daily-one-day-{language}.png")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_one_day_cumulative_chart(tmp_path, language):
    fig = draw.new_figure(6, 3.2)
    draw.draw_cumulative(fig, ["2025-03-08"], [14], language)
    renderer = _render(fig)
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    assert 6.5 <= high - low <= 8
    assert dt.date(2025, 3, 8).toordinal() - dt.date(1970, 1, 1).toordinal() <= high  # the day is in view
    total = next(t for t in ax.texts if "14" in t.get_text())
    title = ax.title.get_window_extent(renderer)
    assert not title.overlaps(total.get_window_extent(renderer))
    assert ax.get_window_extent(renderer).contains(*total.get_window_extent(renderer).p0)
    assert all(float(t).is_integer() for t in ax.get_yticks())
    fig.savefig(tmp_path / f"cumulative-one-day-{language}.png")
