"""matplotlib Figure builders shared by the Qt pages and the PDF report (never pyplot).

Each ``draw_*`` takes a ``Figure`` or ``SubFigure`` and the plain data from
``charts.data`` and draws one chart into it. Colours are the Okabe-Ito palette
(safe for the common colour-vision deficiencies); text uses Noto Sans Arabic
when the language is Arabic (matplotlib shapes and orders Arabic itself).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import math

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, PathPatch, Polygon
from matplotlib.path import Path

from tracker.domain import model
from tracker.domain.summary import MARKER
from tracker.resources import resource_path
from . import mapdata
from .data import HIDDEN, OTHER, DailySeries
from .date_ticks import FEW_DAYS, day_axis
from .text import number, word

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000")
GREY = "#999999"
HIDDEN_GREY = "#D9D9D9"  # the band of suppressed cells (charts.published), never a place's colour
FEMALE, MALE = "#CC79A7", "#009E73"
FONT_SIZE = 9
LEGEND_CHARS = 38  # long place names wrap (two lines at most) in legends so the plot keeps its width
# The map fixes both limits and lets the aspect widen them ('datalim'); matplotlib logs that it does so.
logging.getLogger("matplotlib.axes._base").setLevel(logging.ERROR)


@functools.lru_cache(maxsize=1)
def _register_fonts() -> tuple[str, ...]:
    from matplotlib import font_manager

    names = []
    for file in ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"):
        path = resource_path("fonts", file)
        if path.exists():
            font_manager.fontManager.addfont(str(path))
            names.append(font_manager.FontProperties(fname=str(path)).get_name())
    return tuple(dict.fromkeys(names))


@contextlib.contextmanager
def style(language: str = "en"):
    """rc settings for one chart: font (Arabic first for Arabic), sizes, quiet spines."""
    arabic = _register_fonts()
    family = [*arabic, "DejaVu Sans"] if language == "ar" else ["DejaVu Sans", *arabic]
    with matplotlib.rc_context({
        "font.family": family, "font.size": FONT_SIZE, "axes.titlesize": FONT_SIZE + 1,
        "axes.spines.top": False, "axes.spines.right": False, "legend.fontsize": FONT_SIZE - 1,
        "legend.frameon": False, "svg.fonttype": "path", "pdf.fonttype": 42,
    }):
        yield


def new_figure(width_in: float = 8.0, height_in: float = 4.5, dpi: int = 100) -> Figure:
    return Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")


def _empty(ax, language: str) -> None:
    ax.text(0.5, 0.5, word("no_data", language), ha="center", va="center", transform=ax.transAxes, color=GREY)
    ax.set_axis_off()


def _dates(values: list[str]) -> list[dt.date]:
    return [dt.date.fromisoformat(d) for d in values]


def _middle_cut(name: str, chars: int) -> str:
    """One legend line: a long name keeps its beginning and its end (the three Nahr al-Kabir points
    differ only at the end), so the legend stays inside the plot in either script."""
    if len(name) <= chars:
        return name
    head = chars // 3
    return name[:head].rstrip() + "…" + name[-(chars - head - 1):].lstrip()


def _people_axis(ax, top: float) -> None:
    """Whole people only, from 0, with room above the highest value (for a label or the legend)."""
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=3))
    ax.set_ylim(0, max(top * 1.25, 4))


def draw_daily(fig, series: DailySeries, names: dict[str, str], language: str = "en") -> None:
    """Stacked daily bars per crossing point with the 7-day average as a line."""
    with style(language):
        ax = fig.add_subplot()
        ax.set_title(word("daily_title", language))
        if not series.dates or not any(series.total):
            return _empty(ax, language)
        days = _dates(series.dates)
        few = len(days) <= FEW_DAYS
        bottom = [0] * len(days)
        for i, (point, values) in enumerate(series.by_point.items()):
            colour = HIDDEN_GREY if point == HIDDEN else GREY if point == OTHER else OKABE_ITO[i % len(OKABE_ITO)]
            name = _middle_cut(names.get(point, point), LEGEND_CHARS)
            ax.bar(days, values, bottom=bottom, width=0.8 if few else 1.0, color=colour, label=name, linewidth=0)
            bottom = [b + v for b, v in zip(bottom, values)]
        # markers: with one or two days the average is a point or a short segment, and must still show
        ax.plot(days, series.avg7, color="#000000", linewidth=1.6, marker="o" if few else None, markersize=4,
                label=word("avg7", language))
        ax.set_ylabel(word("people", language))
        _people_axis(ax, max(max(series.total), max(series.avg7 or [0])))
        day_axis(ax, days, language)
        _daily_legend(fig, ax, few)


def _daily_legend(fig, ax, few_days: bool) -> None:
    """The legend in the font of the language (its box measures the text it holds), never over the bars or
    the dates, and inside the picture (the layout makes room for it). On the first days, when its entries
    fit in one row, that row goes below the dates (the bars stand at the right end); otherwise one column
    beside the plot: inside it covered the bars and the dates of a dashboard-sized chart, and a row of
    long place names below was wider than the picture."""
    from matplotlib.transforms import offset_copy

    prop = {"size": FONT_SIZE - 2}
    labels = ax.get_legend_handles_labels()[1]
    if few_days and len(labels) <= 3 and _one_row_fits(fig, labels, prop["size"]):
        # anchored under the tick labels (tick, its pad, a line of text: Noto Sans Arabic's line is about twice
        # the font size tall), whatever the plot's height
        drop = matplotlib.rcParams["xtick.major.size"] + matplotlib.rcParams["xtick.major.pad"] + FONT_SIZE * 2.3
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=len(labels), labelspacing=0.2, handlelength=1.2,
                  frameon=False, prop=prop, bbox_transform=offset_copy(ax.transAxes, fig=fig.figure, y=-drop,
                                                                       units="points"))
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), ncols=1, labelspacing=0.2, handlelength=1.2,
                  frameon=False, prop=prop)


def _one_row_fits(fig, labels: list[str], size: float) -> bool:
    """Whether a legend row of ``labels`` (each with its handle and the space between columns) is narrower
    than the picture, measured in the current font."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    font = FontProperties(family=matplotlib.rcParams["font.family"], size=size)
    extra = size * (1.2 + 0.8 + 2.0)  # handle, its pad, the space between columns (points)
    points = sum(text_to_path.get_text_width_height_descent(label, font, ismath=False)[0] + extra
                 for label in labels)
    return points * fig.dpi / 72 <= 0.95 * fig.bbox.width


def draw_cumulative(fig, dates: list[str], values: list[int], language: str = "en") -> None:
    with style(language):
        ax = fig.add_subplot()
        ax.set_title(word("cumulative_title", language))
        if not dates or not any(values):
            return _empty(ax, language)
        days = _dates(dates)
        # steps to the end of the last day, so a single day is a visible block, not a line of no width
        ends = [dt.datetime.combine(d, dt.time()) - dt.timedelta(hours=12) for d in days]
        ends.append(ends[-1] + dt.timedelta(days=1))
        steps = [*values, values[-1]]
        ax.fill_between(ends, steps, step="post", color=OKABE_ITO[4], alpha=0.5, linewidth=0)
        ax.step(ends, steps, where="post", color=OKABE_ITO[0], linewidth=1.6)
        # the total inside the plot, top left (the curve only rises to the right): never over the title
        ax.text(0.02, 0.96, word("total", language) + ": " + number(values[-1], language), transform=ax.transAxes,
                ha="left", va="top", fontweight="bold")
        ax.set_ylabel(word("people", language))
        _people_axis(ax, max(values))
        day_axis(ax, days, language)


def _top_with_other(flows, side: int, top: int) -> list[str]:
    totals: dict[str, int] = {}
    for f in flows:
        totals[f[side]] = totals.get(f[side], 0) + f[2]
    ranked = sorted(totals, key=lambda k: (-totals[k], k))
    return ranked[:top] + ([OTHER] if len(ranked) > top else [])


def draw_flows(fig, flows: list[tuple[str, str, int]], names: dict[str, str], language: str = "en",
               top: int = 6) -> None:
    """Alluvial diagram: origin governorates on one side, destinations on the other (mirrored in Arabic)."""
    with style(language):
        ax = fig.add_subplot()
        ax.set_title(word("flow_title", language))
        ax.set_axis_off()
        if not flows:
            return _empty(ax, language)
        origins, dests = _top_with_other(flows, 0, top), _top_with_other(flows, 1, top)
        merged: dict[tuple[str, str], int] = {}
        for o, d, n in flows:
            key = (o if o in origins else OTHER, d if d in dests else OTHER)
            merged[key] = merged.get(key, 0) + n
        total = sum(merged.values())
        gap = 0.02 * total
        left_x, right_x, bar_w = (0.0, 1.0, 0.04) if language != "ar" else (1.0, 0.0, 0.04)

        def stack(keys, side):
            pos, y = {}, 0.0
            for k in keys:
                size = sum(n for (o, d), n in merged.items() if (o if side == 0 else d) == k)
                pos[k] = [y, size]
                y += size + gap
            return pos

        opos, dpos = stack(origins, 0), stack(dests, 1)
        colour = {o: (GREY if o == OTHER else OKABE_ITO[i % len(OKABE_ITO)]) for i, o in enumerate(origins)}
        o_next = {k: v[0] for k, v in opos.items()}
        d_next = {k: v[0] for k, v in dpos.items()}
        for (o, d) in sorted(merged, key=lambda od: (origins.index(od[0]), dests.index(od[1]))):
            n = merged[(o, d)]
            y0, y1 = o_next[o], d_next[d]
            o_next[o] += n
            d_next[d] += n
            x0 = left_x + (bar_w if left_x < right_x else -bar_w)
            x1 = right_x - (bar_w if left_x < right_x else -bar_w)
            mid = (x0 + x1) / 2
            verts = [(x0, y0), (mid, y0), (mid, y1), (x1, y1), (x1, y1 + n), (mid, y1 + n), (mid, y0 + n),
                     (x0, y0 + n), (x0, y0)]
            codes = [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4, Path.LINETO, Path.CURVE4, Path.CURVE4,
                     Path.CURVE4, Path.CLOSEPOLY]
            ax.add_patch(PathPatch(Path(verts, codes), facecolor=colour[o], alpha=0.45, linewidth=0))
        height = max(v[0] + v[1] for v in list(opos.values()) + list(dpos.values()))
        for pos, x, keys, outward in ((opos, left_x, origins, -1 if left_x < right_x else 1),
                                      (dpos, right_x, dests, 1 if left_x < right_x else -1)):
            last_label = -height
            for k in keys:
                y, size = pos[k]
                label_y = max(y + size / 2, last_label + height * 0.075)  # small bands: keep labels apart
                last_label = label_y
                x_bar = x if outward < 0 else x - bar_w
                ax.add_patch(Polygon([(x_bar, y), (x_bar + bar_w, y), (x_bar + bar_w, y + size), (x_bar, y + size)],
                                     facecolor=colour.get(k, "#555555") if pos is opos else "#555555", linewidth=0))
                label = f"{names.get(k, k)}  {number(size, language)}"
                ax.text(x + outward * 0.015, label_y, label, va="center",
                        ha="right" if outward < 0 else "left", fontsize=FONT_SIZE - 0.5)
        ax.set_xlim(-0.45, 1.45)
        ax.set_ylim(height * 1.02, -height * 0.08)  # first (largest) at the top
        for x, key in ((left_x, "origin"), (right_x, "destination")):
            ax.text(x, -height * 0.04, word(key, language), ha="center", va="bottom", fontweight="bold")


def draw_pyramid(fig, pyramid: dict[str, tuple[int, int]], language: str = "en") -> None:
    """Horizontal bars: females to one side, males to the other, youngest at the bottom."""
    with style(language):
        ax = fig.add_subplot()
        ax.set_title(word("pyramid_title", language))
        # None is a suppressed bar (charts.published): drawn empty, labelled with the marker
        hidden = {(b, side) for b, pair in pyramid.items() for side, v in enumerate(pair) if v is None}
        pyramid = {b: tuple(v or 0 for v in pair) for b, pair in pyramid.items()}
        if not any(f + m for f, m in pyramid.values()) and not hidden:
            return _empty(ax, language)
        brackets = list(model.AGE_BRACKETS)
        labels = [word(f"age_{b}", language) for b in brackets]
        females = [pyramid[b][0] for b in brackets]
        males = [pyramid[b][1] for b in brackets]
        sign = -1 if language != "ar" else 1  # females on the reading-start side
        ax.barh(labels, [sign * f for f in females], color=FEMALE, label=word("female", language))
        ax.barh(labels, [-sign * m for m in males], color=MALE, label=word("male", language))
        peak = max(females + males) or 1
        ax.set_xlim(-peak * 1.35, peak * 1.35)
        for y, (f, m) in enumerate(zip(females, males)):
            for n, (value, side) in enumerate(((f, sign), (m, -sign))):
                label = MARKER if (brackets[y], n) in hidden else number(value, language)
                ax.text(side * (value + peak * 0.02), y, label, va="center",
                        ha="left" if side > 0 else "right", fontsize=FONT_SIZE - 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: number(abs(int(v)), language)))
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.legend(loc="upper left" if language == "ar" else "upper right", ncols=1)  # on the males' side


def draw_map(fig, routes: list[tuple[str, str, str, int]], locations: dict, names: dict[str, str],
             language: str = "en") -> None:
    """Country outlines with arrows origin -> crossing point -> destination, widths by people."""
    with style(language):
        ax = fig.add_subplot()
        ax.set_title(word("map_title", language))
        legs, unmapped = mapdata.map_links(locations, routes, top=8)
        box = mapdata.view_of([leg[k] for leg in legs for k in ("from_xy", "to_xy")])
        _frame(ax, box)
        ax.set_xlim(box[0], box[1])
        ax.set_ylim(box[2], box[3])
        ax.set_xticks([])
        ax.set_yticks([])
        # the layout and the view now, as they will be drawn, so that names are placed where they will show
        engine = fig.figure.get_layout_engine()
        if engine is not None:
            engine.execute(fig.figure)
        ax.apply_aspect()
        (lon0, lon1), (lat0, lat1) = ax.get_xlim(), ax.get_ylim()
        ax.set_facecolor("#EAF2F8")  # sea
        for c in mapdata.countries():
            focus = c["iso3"] in ("SYR", "LBN")
            for ring in c["rings"]:
                ax.add_patch(Polygon(ring, closed=True, facecolor="#F4F1EA" if focus else "#E2E2E2",
                                     edgecolor="#7F7F7F", linewidth=0.9 if focus else 0.5))
            inset = 0.08 * (lon1 - lon0), 0.08 * (lat1 - lat0)  # a name at the edge would be cut
            spot = next((p for p in mapdata.LABEL_AT.get(c["iso3"], [])
                         if lon0 + inset[0] < p[0] < lon1 - inset[0] and lat0 + inset[1] < p[1] < lat1 - inset[1]),
                        None)
            if spot:
                ax.text(*spot, c["name_ar"] if language == "ar" else c["name_en"], ha="center", va="center",
                        color="#6E6E6E", fontsize=FONT_SIZE + (2 if focus else 0), style="italic", clip_on=True)
        peak = max((leg["people"] for leg in legs), default=1)
        places: dict[str, tuple[str, tuple[float, float]]] = {}
        heads = []
        for leg in legs:
            kind = leg["kind"]
            width = 0.8 + 5.5 * math.sqrt(leg["people"] / peak)
            head = _Head(width)
            ax.add_patch(FancyArrowPatch(
                leg["from_xy"], leg["to_xy"], connectionstyle=f"arc3,rad={ARC}", shrinkA=3, shrinkB=head.shrink,
                arrowstyle=f"-|>,head_length={head.length:.2f},head_width={head.width:.2f}",
                mutation_scale=head.scale, linewidth=width,
                color=OKABE_ITO[0] if kind == "to_crossing" else OKABE_ITO[3], alpha=0.7, zorder=3))
            heads.append(head.where(ax, leg["from_xy"], leg["to_xy"]))
            heads += _body(ax, leg["from_xy"], leg["to_xy"], width)
            places[leg["from"]] = ("crossing" if kind == "to_destination" else "area", leg["from_xy"])
            places[leg["to"]] = ("crossing" if kind == "to_crossing" else "area", leg["to_xy"])
        crossing_label = word("crossing_point", language)
        pixels = ax.figure.dpi / 72
        obstacles = heads + [(*ax.transData.transform(xy), 4 * pixels, HEAD, code) for code, (_, xy) in places.items()]
        for code, (what, (x, y)) in places.items():
            if what == "crossing":
                ax.plot(x, y, marker="^", color="#000000", markersize=6, zorder=4, linestyle="none",
                        label=crossing_label)
                crossing_label = None
                continue
            ax.plot(x, y, marker="o", color="#333333", markersize=4, zorder=4)
            east = (locations.get(code) or {}).get("country") == "SYR"  # Syrian names inland, Lebanese to the sea
            offset, ha, va = _label_side(ax, (x, y), names.get(code, code), east,
                                         [o for o in obstacles if o[4] != code])
            ax.annotate(names.get(code, code), (x, y), xytext=offset, textcoords="offset points",
                        ha=ha, va=va, fontsize=FONT_SIZE, zorder=5, clip_on=True,
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
        for kind, colour in (("to_crossing", OKABE_ITO[0]), ("to_destination", OKABE_ITO[3])):
            ax.plot([], [], color=colour, linewidth=4, label=word(kind, language))
        ax.legend(loc="upper right", frameon=True, facecolor="white", framealpha=0.85)
        note = word("map_note", language)
        if unmapped:
            note += "\n" + word("unmapped", language, n=number(unmapped, language))
        ax.text(0.01, 0.01, note, transform=ax.transAxes, fontsize=FONT_SIZE - 2, color="#444444",
                ha="left", va="bottom", bbox={"fc": "white", "ec": "none", "alpha": 0.7, "pad": 1.5})
        if not legs:
            ax.text(0.5, 0.5, word("no_data", language), transform=ax.transAxes, ha="center", color=GREY)
        _frame(ax, box)  # the outlines drawn have widened the data limits to whole countries


def _frame(ax, box: tuple[float, float, float, float]) -> None:
    """The map's view is ``box`` (lon0, lon1, lat0, lat1), widened around its centre to the axes' shape.
    Degrees of longitude shrink with latitude, hence the aspect; 'datalim' widens the view instead of
    shrinking the axes, but it measures from the data limits, which the country outlines would make whole
    countries (then it cut the routes off): they are set to the box, so it only ever widens around it."""
    lon0, lon1, lat0, lat1 = box
    ax.set_aspect(1 / math.cos(math.radians((lat0 + lat1) / 2)), adjustable="datalim")
    ax.dataLim.set_points(np.array([[lon0, lat0], [lon1, lat1]]))


ARC = 0.2  # the routes' curvature (matplotlib's arc3): crossing routes stay apart
HEAD, BODY = 4.0, 1.0  # what a place's name covering an arrowhead or a place costs, against an arrow's body


class _Head:
    """An arrowhead's size for an arrow ``width`` points wide, and where it is drawn."""

    scale = 10  # matplotlib's mutation scale: the head's length and width are multiples of it, in points
    shrink = 5  # points between the tip and the place's dot

    def __init__(self, width: float):
        self.length, self.width = 0.5 + width / 10, 0.3 + width / 14

    def where(self, ax, start, end) -> tuple[float, float, float, float, None]:
        """(x, y, radius in pixels, weight) of a circle around the head of the arc ``start`` -> ``end``,
        as arc3 draws it: it arrives along the line from its control point."""
        pixels = ax.figure.dpi / 72
        (x1, y1), (x2, y2) = ax.transData.transform([start, end])
        cx, cy = (x1 + x2) / 2 + ARC * (y2 - y1), (y1 + y2) / 2 - ARC * (x2 - x1)
        back = math.hypot(cx - x2, cy - y2) or 1.0
        ux, uy = (cx - x2) / back, (cy - y2) / back
        length = self.length * self.scale * pixels
        centre = self.shrink * pixels + length / 2
        radius = max(length, 2 * self.width * self.scale * pixels) / 2
        return x2 + ux * centre, y2 + uy * centre, radius, HEAD, None


def _body(ax, start, end, width: float) -> list[tuple[float, float, float, float, None]]:
    """Circles (x, y, radius in pixels, weight) along an arrow's arc, 6 pixels apart, half its width wide:
    a name over an arrow's body hides less than over its head or a place, so it weighs less."""
    pixels = ax.figure.dpi / 72
    (x1, y1), (x2, y2) = ax.transData.transform([start, end])
    cx, cy = (x1 + x2) / 2 + ARC * (y2 - y1), (y1 + y2) / 2 - ARC * (x2 - x1)
    steps = max(2, int(math.hypot(x2 - x1, y2 - y1) / 6))
    radius = max(1.0, width * pixels / 2)
    return [((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2, (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2,
             radius, BODY, None) for t in (i / steps for i in range(1, steps))]


# Where a place's name goes beside its dot: (offset in points, ha, va) for each side.
_SIDES = {"east": ((6, 0), "left", "center"), "west": ((-6, 0), "right", "center"),
          "south": ((0, -6), "center", "top"), "north": ((0, 6), "center", "bottom"),
          "south-east": ((4, -4), "left", "top"), "south-west": ((-4, -4), "right", "top"),
          "north-east": ((4, 4), "left", "bottom"), "north-west": ((-4, 4), "right", "bottom")}
_SIDES.update({f"far {side}": ((2 * dx, 2 * dy), ha, va) for side, ((dx, dy), ha, va) in _SIDES.items()})


def _label_side(ax, at: tuple[float, float], name: str, east: bool, obstacles: list):
    """The side of a place's dot for its name that covers no arrowhead and no other place (``obstacles``:
    circles (x, y, radius in pixels, weight, place)): the usual side first (Syrian names inland, Lebanese to the sea), then
    the other, below, above, the corners, then all of them twice as far; if each covers something, the one
    that covers least."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    pixels = ax.figure.dpi / 72
    font = FontProperties(family=matplotlib.rcParams["font.family"], size=FONT_SIZE)
    w, h, _ = text_to_path.get_text_width_height_descent(name, font, ismath=False)
    pad = 0.15 * FONT_SIZE
    w, h = (w + 2 * pad) * pixels, (max(h, FONT_SIZE) + 2 * pad) * pixels
    x, y = ax.transData.transform(at)

    def box(side: str) -> tuple[float, float, float, float]:
        (dx, dy), ha, va = _SIDES[side]
        left = x + dx * pixels - {"left": 0, "right": w, "center": w / 2}[ha]
        bottom = y + dy * pixels - {"bottom": 0, "top": h, "center": h / 2}[va]
        return left, bottom, left + w, bottom + h

    def covered(side: str) -> float:  # how deep the name's box reaches into the obstacles (pixels × weight)
        x0, y0, x1, y1 = box(side)
        return sum(weight * max(0.0, r - math.hypot(min(max(cx, x0), x1) - cx, min(max(cy, y0), y1) - cy))
                   for cx, cy, r, weight, _ in obstacles)

    usual, other = ("east", "west") if east else ("west", "east")
    order = [usual, other, "south", "north", f"south-{usual}", f"north-{usual}", f"south-{other}",
             f"north-{other}"]
    order += [f"far {side}" for side in order]  # twice as far from the dot: past the heads that reach it
    return _SIDES[min(order, key=covered)]  # min keeps the first of equals: the usual side when it is clear


def save(fig: Figure, path, dpi: int = 150) -> None:
    """PNG, SVG or PDF by the file's extension (matplotlib's own writers, no Qt)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if fig.canvas is None or not hasattr(fig.canvas, "print_figure"):
        FigureCanvasAgg(fig)
    suffix = str(path).rsplit(".", 1)[-1].lower()
    if suffix not in ("png", "svg", "pdf"):
        raise ValueError(f"charts are saved as .png, .svg or .pdf, not .{suffix}")
    fig.savefig(path, dpi=dpi, format=suffix)
