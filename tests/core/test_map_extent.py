"""The flow map frames its routes: at the Flows page's size (a wide canvas) the view is the routes' box with a
margin, widened around its centre to the canvas' shape, not the region with Cyprus and open sea; and the names
of places stay clear of the arrowheads."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

from tracker.charts import data, draw, mapdata, text
from tracker.domain import demo

FLOWS_PAGE = (11.6, 4.9)  # inches at 100 dpi: the Flows page's chart at 1366x768
DASHBOARD = (5.6, 2.3)


@pytest.fixture
def demo_routes(store):
    demo.populate(store, households=600, crossings=4000, seed=2025)  # the Flows page screenshot's data
    return data.route_flows(store), store.locations(), {lang: text.place_names(store, lang) for lang in ("en", "ar")}


def _drawn_map(routes, locations, size, language, names=None):
    fig = draw.new_figure(*size)
    draw.draw_map(fig, routes, locations, (names or {}).get(language, {}), language)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig, fig.axes[0]


def _points(routes, locations):
    legs, _ = mapdata.map_links(locations, routes, top=8)
    assert legs, "the demo's routes draw no leg"
    return [leg[end] for leg in legs for end in ("from_xy", "to_xy")]


@pytest.mark.parametrize("size", [FLOWS_PAGE, DASHBOARD, (6.0, 6.0)])
def test_the_view_frames_the_routes(demo_routes, size):
    routes, locations, _ = demo_routes
    points = _points(routes, locations)
    _, ax = _drawn_map(routes, locations, size, "en")
    (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    outside = [p for p in points if not (x0 < p[0] < x1 and y0 < p[1] < y1)]
    assert not outside, f"points outside the view {x0:.2f}–{x1:.2f}, {y0:.2f}–{y1:.2f}: {outside}"
    width_share = (max(xs) - min(xs)) / (x1 - x0)
    height_share = (max(ys) - min(ys)) / (y1 - y0)
    assert max(width_share, height_share) >= 0.7, (
        f"{size}: the routes fill {width_share:.0%} of the width and {height_share:.0%} of the height "
        f"of a view {x1 - x0:.2f}° by {y1 - y0:.2f}°")
    # widened around the routes' centre: as much room on either side
    centre_x, centre_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    assert abs((x0 + x1) / 2 - centre_x) < 0.05 * (x1 - x0) and abs((y0 + y1) / 2 - centre_y) < 0.05 * (y1 - y0)


def test_a_single_route_keeps_its_surroundings(store):
    locations = store.locations()
    routes = [("SY06", "XLB-NKR", "LB7", 40)]
    _, ax = _drawn_map(routes, locations, FLOWS_PAGE, "en")
    (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    assert y1 - y0 >= mapdata.MIN_SPAN[1] - 1e-9 and x1 - x0 >= mapdata.MIN_SPAN[0] - 1e-9


@pytest.mark.parametrize("language", ["en", "ar"])
def test_place_names_are_not_under_arrowheads(demo_routes, language):
    routes, locations, names = demo_routes
    fig, ax = _drawn_map(routes, locations, FLOWS_PAGE, language, names)
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if isinstance(t, Annotation)]
    assert len(labels) >= 3, "the places are not named"
    heads = []
    for arrow in (p for p in ax.patches if isinstance(p, FancyArrowPatch)):
        path = arrow.get_path()
        start = max(i for i, code in enumerate(path.codes) if code == Path.MOVETO)  # the head's outline
        corners = arrow.get_transform().transform(path.vertices[start:-1])  # in pixels, CLOSEPOLY left out
        heads.append(Bbox.from_extents(*corners.min(axis=0), *corners.max(axis=0)))
    assert heads, "no arrow drawn"
    problems = [f"{label.get_text()!r} lies over an arrowhead"
                for label in labels for head in heads if label.get_window_extent(renderer).overlaps(head)]
    assert not problems, "\n".join(problems)
