"""Figure builders draw each chart (English and Arabic), save PNG/SVG/PDF, and the map geometry is sound."""

import pytest

from tracker.charts import data, draw, mapdata, text
from tracker.charts.data import Filters

from .test_flows_data import flows  # noqa: F401  (the shared small store)


def _texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_chart_draws_with_its_words(store, flows, tmp_path, language):  # noqa: F811
    names = text.place_names(store, language)
    series = data.daily_by_point(store)
    charts = {
        "daily": lambda fig: draw.draw_daily(fig, series, names, language),
        "cumulative": lambda fig: draw.draw_cumulative(fig, *data.cumulative(store, series=series), language),
        "flows": lambda fig: draw.draw_flows(fig, data.origin_destination(store), names, language),
        "pyramid": lambda fig: draw.draw_pyramid(fig, data.pyramid(store), language),
        "map": lambda fig: draw.draw_map(fig, data.route_flows(store), store.locations(), names, language),
    }
    for name, build in charts.items():
        fig = draw.new_figure(6, 4)
        build(fig)
        words = _texts(fig)
        title_key = {"daily": "daily_title", "cumulative": "cumulative_title", "flows": "flow_title",
                     "pyramid": "pyramid_title", "map": "map_title"}[name]
        assert text.word(title_key, language) in words
        out = tmp_path / f"{name}-{language}.png"
        draw.save(fig, out, dpi=60)
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # place names appear in the language asked for
    fig = draw.new_figure()
    draw.draw_flows(fig, data.origin_destination(store), names, language)
    assert ("اللاذقية" if language == "ar" else "Lattakia") in _texts(fig)


def test_save_formats_and_refusal(store, flows, tmp_path):  # noqa: F811
    fig = draw.new_figure(4, 3)
    draw.draw_pyramid(fig, data.pyramid(store))
    draw.save(fig, tmp_path / "p.svg")
    draw.save(fig, tmp_path / "p.pdf")
    assert (tmp_path / "p.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (tmp_path / "p.pdf").read_bytes()[:5] == b"%PDF-"
    with pytest.raises(ValueError, match="png, .svg or .pdf"):
        draw.save(fig, tmp_path / "p.jpg")


def test_empty_data_says_so(store, tmp_path):
    fig = draw.new_figure()
    draw.draw_daily(fig, data.daily_by_point(store, Filters("2030-01-01", "2030-01-02")), {}, "en")
    assert text.word("no_data") in _texts(fig)


def test_map_geometry_and_points(store, flows):  # noqa: F811
    shapes = {c["iso3"]: c for c in mapdata.countries()}
    assert {"SYR", "LBN", "TUR", "IRQ", "JOR", "ISR", "CYP"} <= set(shapes)
    lebanon = [p for ring in shapes["LBN"]["rings"] for p in ring]
    assert 35.0 < min(x for x, _ in lebanon) and max(x for x, _ in lebanon) < 36.7
    assert 33.0 < min(y for _, y in lebanon) and max(y for _, y in lebanon) < 34.8
    locations = store.locations()
    assert mapdata.point_of(locations, "XLB-ARD") == (35.976, 34.634)  # the gazetteer's own coordinates
    assert mapdata.point_of(locations, "SY06") == (35.792, 35.523)  # shipped approximation
    assert mapdata.point_of(locations, "SY0602") == (35.792, 35.523)  # no point of its own: its governorate's
    assert mapdata.point_of(locations, "") is None
    legs, unmapped = mapdata.map_links(locations, data.route_flows(store))
    assert unmapped == 4  # the group of unknown origin
    assert [(l["kind"], l["from"], l["to"], l["people"]) for l in legs] == [
        ("to_crossing", "SY06", "XLB-ARD", 11), ("to_crossing", "SY10", "XLB-NKR", 2),
        ("to_destination", "XLB-ARD", "LB7", 11), ("to_destination", "XLB-ARD", "SY06", 4),
        ("to_destination", "XLB-NKR", "LB5", 2)]
    lon0, lon1, lat0, lat1 = mapdata.view_of([l["from_xy"] for l in legs] + [l["to_xy"] for l in legs])
    assert lon1 - lon0 >= mapdata.MIN_SPAN[0] - 1e-9 and lat1 - lat0 >= mapdata.MIN_SPAN[1] - 1e-9
    assert lon0 < 35.8 < lon1 and lat0 < 34.4 < lat1
