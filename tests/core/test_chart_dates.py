"""Date axes speak the UI's language: Levantine month names in Arabic."""

import datetime as dt
import io

from tracker.charts import draw

DAYS = [(dt.date(2025, 3, 6) + dt.timedelta(days=i)).isoformat() for i in range(60)]


def _labels(language):
    fig = draw.new_figure(6, 3)
    draw.draw_cumulative(fig, DAYS, list(range(60)), language)
    fig.savefig(io.BytesIO(), format="png")  # lays the axis out as it is drawn
    ax = fig.axes[0]
    return [t.get_text() for t in ax.get_xticklabels()], ax.xaxis.get_offset_text().get_text()


def test_month_names_follow_the_language():
    assert _labels("en") == (["15 Mar", "1 Apr", "15", "1 May"], "2025")
    assert _labels("ar") == (["15 آذار", "1 نيسان", "15", "1 أيار"], "2025")
