"""With few or many days and many crossing points, the daily chart's legend covers neither the bars nor the date
labels, and stays inside the picture, at the dashboard's size, in English and Arabic."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from tracker.charts import draw
from tracker.charts.data import OTHER, DailySeries

POINTS = {"XLB-NKR-LOW": "Nahr al-Kabir river crossing, lower course (Akkar plain)",
          "XLB-NKR-UNK": "Nahr al-Kabir river crossing (Akkar, point unknown)",
          "XLB-NKR-WKH": "Nahr al-Kabir river crossing, Wadi Khaled section",
          "LB-CP-01": "Arida", "LB-CP-02": "Aboudieh", "LB-CP-03": "Mqaibleh (Wadi Khaled)", OTHER: "Other"}


def _series(n_days: int, n_points: int) -> DailySeries:
    dates = [(dt.date(2025, 3, 6) + dt.timedelta(days=i)).isoformat() for i in range(n_days)]
    by_point = {p: [(i * (k + 3)) % 40 + 1 for i in range(n_days)] for k, p in enumerate(list(POINTS)[:n_points])}
    total = [sum(v[i] for v in by_point.values()) for i in range(n_days)]
    return DailySeries(dates=dates, by_point=by_point, total=total, avg7=[float(t) for t in total])


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(("n_days", "n_points"), [(1, 1), (3, 2), (3, 7), (60, 1), (60, 7)])
@pytest.mark.parametrize("size", [(5.75, 2.3), (7.5, 3.2)], ids=["dashboard", "report"])
def test_the_legend_leaves_the_plot_and_the_dates_clear(language, n_days, n_points, size):
    fig = draw.new_figure(*size)
    draw.draw_daily(fig, _series(n_days, n_points), POINTS, language)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent(renderer)
    assert not legend.overlaps(ax.get_window_extent(renderer)), "the legend covers the plot"
    for label in [*ax.get_xticklabels(), ax.xaxis.get_offset_text()]:
        if label.get_visible() and label.get_text():
            assert not legend.overlaps(label.get_window_extent(renderer)), f"the legend covers {label.get_text()!r}"
    picture = fig.bbox
    assert picture.x0 - 1 <= legend.x0 and legend.x1 <= picture.x1 + 1 and legend.y0 >= picture.y0 - 1
