"""Date axes whose labels never overlap, whatever the chart's width, the number of days or the language.

The tick spacing is chosen when the chart is drawn, from the labels' real widths in the axis' font at
the axis' current size: a window resized, a narrow pane and the PDF report each get their own spacing.
Long Arabic month names ("30 تشرين الثاني") need about twice the room of "30 Nov".
"""

from __future__ import annotations

import datetime as dt

import matplotlib
import numpy as np
from matplotlib.dates import MONTHLY, AutoDateLocator, date2num, num2date
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import Formatter, Locator

from .text import MONTHS, month

FEW_DAYS = 14  # up to this many days (the first days of an emergency) ticks fall on whole days: "8 Mar"
MIN_DAYS_SHOWN = 7  # a single day is drawn in a week's frame, not stretched across the whole axis
DAY_STEPS = (1, 2, 3, 7, 14)  # with few days: a label every day, every other day, …
GAP_EMS = 0.8  # the least space between two labels, in the label font's size


def day_axis(ax, days: list[dt.date], language: str) -> None:
    """x limits at least a week wide (the data at the right end, as it grows) with half a day of margin,
    and date labels spaced so that they never touch. Call inside charts.draw.style (it reads the font)."""
    first, last = days[0], days[-1]
    if (last - first).days + 1 < MIN_DAYS_SHOWN:
        first = last - dt.timedelta(days=MIN_DAYS_SHOWN - 1)
    half = dt.timedelta(hours=12)
    ax.set_xlim(dt.datetime.combine(first, dt.time()) - half, dt.datetime.combine(last, dt.time()) + half)
    font = FontProperties(family=matplotlib.rcParams["font.family"], size=matplotlib.rcParams["xtick.labelsize"])
    if (last - first).days + 1 <= FEW_DAYS:
        # whole days, counted back from the newest, so the latest day always has its label
        anchor = date2num(dt.datetime.combine(last, dt.time()))
        ax.xaxis.set_major_locator(ApartLabels([EveryNthDay(step, anchor) for step in DAY_STEPS], font))
        ax.xaxis.set_major_formatter(DayMonth(language))
        return
    candidates = [AutoDateLocator(minticks=min(3, most), maxticks=most) for most in (8, 6, 4, 3, 2)]
    for candidate in candidates:  # a tick a year as months (long Arabic names on a narrow chart of a year's days)
        candidate.intervald[MONTHLY] = [1, 2, 3, 4, 6, 12]
    ax.xaxis.set_major_locator(ApartLabels(candidates, font))
    ax.xaxis.set_major_formatter(DaysWithMonths(language))


class EveryNthDay(Locator):
    """Midnight of every ``step``-th day, counted back from ``anchor`` (a matplotlib date number)."""

    def __init__(self, step: int, anchor: float):
        self.step, self.anchor = step, anchor

    def __call__(self):
        low, high = sorted(self.axis.get_view_interval())
        back = np.floor((self.anchor - low) / self.step)
        ahead = np.floor((high - self.anchor) / self.step)
        return [self.anchor + k * self.step for k in range(-int(back), int(ahead) + 1)]


class ApartLabels(Locator):
    """The first of ``candidates`` (dense to sparse locators) whose labels leave a gap between neighbours;
    if even the last is too dense, every second, third … of its ticks (keeping the newest)."""

    def __init__(self, candidates: list[Locator], font: FontProperties):
        self.candidates, self.font = candidates, font

    def set_axis(self, axis):
        super().set_axis(axis)
        for candidate in self.candidates:
            candidate.set_axis(axis)

    def __call__(self):
        ticks = []
        for candidate in self.candidates:
            ticks = self._visible(candidate())
            if self._apart(ticks):
                return ticks
        for every in range(2, len(ticks) + 1):
            thinned = ticks[::-1][::every][::-1]
            if self._apart(thinned):
                return thinned
        return ticks[-1:]

    def _visible(self, ticks) -> list[float]:
        low, high = sorted(self.axis.get_view_interval())
        return [t for t in ticks if low <= t <= high]

    def _apart(self, ticks: list[float]) -> bool:
        if len(ticks) < 2:
            return True
        axes = self.axis.axes
        if len(ticks) * 4 > axes.bbox.width:  # fewer than 4 pixels a label: no need to measure
            return False
        formatter = self.axis.get_major_formatter()
        labels = formatter.texts(ticks)[0] if hasattr(formatter, "texts") else formatter.format_ticks(ticks)
        from matplotlib.textpath import text_to_path

        pixels = axes.figure.dpi / 72
        widths = [text_to_path.get_text_width_height_descent(s, self.font, ismath=False)[0] * pixels if s else 0
                  for s in labels]
        centres = axes.transData.transform(np.column_stack([ticks, np.zeros(len(ticks))]))[:, 0]
        gap = GAP_EMS * self.font.get_size_in_points() * pixels
        order = np.argsort(centres)
        for a, b in zip(order, order[1:]):
            if widths[a] and widths[b] and centres[b] - centres[a] < (widths[a] + widths[b]) / 2 + gap:
                return False
        return True


class DayMonth(Formatter):
    """"8 Mar" / "8 آذار" (strftime's %-d is not portable, and its %b is English whatever the UI language)."""

    def __init__(self, language: str):
        self.language = language

    def __call__(self, x, pos=None):
        day = num2date(x)
        return f"{day.day} {month(MONTHS[day.month - 1], self.language)}"


class DaysWithMonths(Formatter):
    """Labels for many days. matplotlib's concise labels write a day as its number alone and its month once,
    under the axis ("15", "Apr", "15" over "2025-Apr"), so a reader takes 15 March for 15 April. Here a label
    names its month when it is the first label or its month differs from the label before it ("15 Mar",
    "1 Apr", "15 Apr"; months: "Mar", "Apr"), and each year is written once: under the axis when every label
    is in one year, else on the first label and where the year changes ("1 Dec 2025", "1 Jan 2026")."""

    def __init__(self, language: str):
        self.language = language
        self.offset = ""

    def __call__(self, x, pos=None):
        return self.texts([x])[0][0]

    def format_ticks(self, values):
        labels, self.offset = self.texts(values)
        return labels

    def get_offset(self):
        return self.offset

    def texts(self, values) -> tuple[list[str], str]:
        """(labels, offset) for tick ``values``, without changing the offset drawn (ApartLabels measures
        candidate ticks after the axis has been labelled)."""
        dates = [num2date(v) for v in values]
        if not dates:
            return [], ""
        if all((d.month, d.day) == (1, 1) for d in dates) and len({d.year for d in dates}) > 1:
            return [str(d.year) for d in dates], ""  # years apart
        one_year = len({d.year for d in dates}) == 1
        days = any(d.day != 1 for d in dates)  # else the ticks are months
        labels, previous = [], None
        for date in dates:
            parts = [str(date.day)] if days else []
            if not days or previous is None or (date.year, date.month) != (previous.year, previous.month):
                parts.append(month(MONTHS[date.month - 1], self.language))
            if not one_year and (previous is None or date.year != previous.year):
                parts.append(str(date.year))
            labels.append(" ".join(parts))
            previous = date
        return labels, str(dates[0].year) if one_year else ""
