"""The one-page situation report: written by the library and by ``dtrack report``, rendered to PNG."""

import datetime as dt
import json
import re
import shutil
import subprocess

import pytest

from tracker.cli import main as cli
from tracker.charts import data, published, report
from tracker.charts.data import Filters
from tracker.domain.summary import MARKER

from .test_flows_data import flows  # noqa: F401  (the shared small store)

needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                    reason="pdftoppm (poppler-utils) is not installed: cannot render the PDF")


def _render(pdf, tmp_path):
    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(out)], check=True, capture_output=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 1  # one page
    assert pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return pngs[0]


@needs_pdftoppm
@pytest.mark.parametrize("language", ["en", "ar"])
def test_report_is_one_a4_page_and_renders(store, flows, tmp_path, language):  # noqa: F811
    out = report.write(store, Filters("2025-03-01", "2025-04-30"), tmp_path / "sitrep.pdf", language=language)
    assert out.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts", info, re.M)  # A4 portrait
    _render(out, tmp_path)
    assert not list(tmp_path.glob("*.part"))
    audit = store.conn.execute("SELECT action, detail FROM audit_log WHERE action = 'report'").fetchall()
    assert len(audit) == 1 and json.loads(audit[0][1])["threshold"] == 5


def test_report_page_holds_the_figures_and_the_suppression_note(store, flows):  # noqa: F811
    fig = report.build(store, Filters("2025-03-01", "2025-04-30"), threshold=5)
    words = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
    assert "Threshold: 5" in words and "Counts from 1 to 4" in words and "Totals shown are exact" in words
    assert "2025-03-01 – 2025-04-30" in words and "Test NGO" in words
    # 13 people arrived (exact), 4 left: under the threshold, so shown as the export's marker, and the
    # charts leave departures out rather than let 13 + 4 on the bars give the 4 away
    assert "13" in words and "<5" not in words
    assert "The charts show arrivals only" in words
    hidden = re.search(r"\((\d+) on this page\)", words)
    assert hidden and int(hidden.group(1)) > 0
    # the households with specific needs (1) and the separated child (1) are hidden too
    assert "100%" not in words


def test_key_figures_and_charts_follow_one_policy(store, flows):  # noqa: F811
    k = 5
    page = published.figures(store, Filters("2025-03-01", "2025-04-30"), k, today=dt.date(2025, 4, 30))
    kf = page.key_figures
    assert (kf["arrivals_period"], kf["departures_period"]) == (13, MARKER)  # exact total, small one hidden
    assert (kf["households"], kf["persons"], kf["uasc"]) == (MARKER, 6, MARKER)
    assert page.direction == "in" and page.needs is None
    # the daily chart: no small count drawn as a number, nothing hidden drawn as 0 without a trace
    raw = data.daily_by_point(store, Filters("2025-03-01", "2025-04-30", direction="in"))
    for d, day in enumerate(page.daily.dates):
        drawn = sum(v[d] for v in page.daily.by_point.values())
        assert drawn in (0, raw.total[d])  # a day is drawn whole (hidden cells in the grey band) or blank
        assert page.daily.total[d] in (0, raw.total[d])
        for point, values in page.daily.by_point.items():
            assert values[d] == 0 or values[d] >= k or point == published.HIDDEN
    assert "XLB-NKR" not in page.daily.by_point  # 2 people: hidden
    # the pyramid: every bar shown is exact and not small; the hidden ones are None
    exact = data.pyramid(store, Filters("2025-03-01", "2025-04-30", direction="in"))
    for bracket, pair in page.pyramid.items():
        for shown, true in zip(pair, exact[bracket]):
            assert shown is None or (shown == true and (shown == 0 or shown >= k))
    assert all(people >= k for *_, people in page.routes)
    # 9 March: 2 arrived and 4 left, both hidden; bars of both would print their sum (6) beside two
    # counts known to be 1 to 4, so the charts show one direction, hidden as a whole
    day = published.figures(store, Filters("2025-03-09", "2025-03-09"), k, today=dt.date(2025, 3, 9))
    assert (day.key_figures["arrivals_period"], day.key_figures["departures_period"]) == (MARKER, MARKER)
    assert day.direction == "in" and day.daily.total == [0] and day.daily.by_point == {}


def test_the_pyramid_holds_against_the_interval_attacker():
    from .disclosure_attacker import weak_cells

    pyramid = {"0_4": (2, 9), "5_11": (7, 1), "12_17": (0, 3), "18_59": (40, 35), "60plus": (1, 0)}
    shown, hidden = published.protected_pyramid(pyramid, 5)
    assert hidden >= 4 and shown["0_4"][0] is None and shown["60plus"][0] is None
    brackets = list(pyramid)
    raw = [[pyramid[b][s] for b in brackets] for s in (0, 1)]
    raw = [row + [sum(row)] for row in raw]
    table = [[None if shown[b][s] is None else shown[b][s] for b in brackets] for s in (0, 1)]
    table = [row + [None] for row in table]  # the report does not print the females' and males' totals
    assert weak_cells(table, raw, 5) == []


def test_cli_report(store, flows, db_path, tmp_path, monkeypatch, passphrase, capsys):  # noqa: F811
    store.close()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, passphrase)
    out = tmp_path / "cli.pdf"
    assert cli.main(["report", str(db_path), "--from", "2025-03-01", "--to", "2025-03-31", "--out", str(out),
                     "--language", "ar"]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    assert "wrote" in capsys.readouterr().out
    if shutil.which("pdftoppm"):
        _render(out, tmp_path)


def test_cli_report_refuses_bad_input(store, db_path, tmp_path, monkeypatch, passphrase, capsys):
    store.close()
    monkeypatch.setenv(cli.PASSPHRASE_ENV, passphrase)
    assert cli.main(["report", str(db_path), "--from", "2025-04-01", "--to", "2025-03-01",
                     "--out", str(tmp_path / "x.pdf")]) == 1
    assert "after --to" in capsys.readouterr().err
    assert cli.main(["report", str(db_path), "--out", str(tmp_path / "x.txt")]) == 1
    assert ".pdf" in capsys.readouterr().err
    assert cli.main(["report", str(db_path), "--crossing", "NOPE", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "NOPE" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli.main(["report", str(db_path), "--from", "March", "--out", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2
    assert not list(tmp_path.glob("x.*"))
