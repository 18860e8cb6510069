"""The one-page situation report (A4 PDF): title, period, organisation, key figures, three charts, notes.

A report leaves the office, so everything on the page, key figures included, is suppressed
by the rule the exports follow (``charts.published``; threshold and the number of hidden
entries printed on the page). Built from the same data functions and figure builders as the
dashboard, with matplotlib only (works from the command line, no Qt). Writing a report is
recorded in the audit log.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from pathlib import Path

from tracker import __version__, fileswap
from tracker.store import permissions, records
from . import data, draw, published
from .lock import matplotlib_lock
from .text import number, place_names, word
from tracker.errors import TrackerError
from tracker.domain.summary import DEFAULT_THRESHOLD, MARKER
from tracker.timeutil import today as _today

A4_PORTRAIT = (8.27, 11.69)  # inches


def _number(value) -> str:
    return value if value == MARKER else number(value)


def _key_figure_cells(page: published.Published, names: dict, language: str) -> list[tuple[str, str]]:
    kf = page.key_figures
    if page.needs:
        needs, full = page.needs
        share = f"{100 * needs / full:.0f}% ({number(needs)} / {number(full)})"
    else:
        share = MARKER
    top = page.top_point
    top_name = textwrap.shorten(names.get(top[0], top[0]), 30, placeholder="…") if top else ""
    return [
        (word("kf_households", language), _number(kf["households"])),
        (word("kf_persons", language), _number(kf["persons"])),
        (word("kf_arrivals", language), _number(kf["arrivals_period"])),
        (word("kf_departures", language), _number(kf["departures_period"])),
        (word("kf_7d", language), _number(kf["arrivals_7d"])),
        (word("kf_needs", language), share),
        (word("kf_uasc", language), _number(kf["uasc"])),
        (f"{word('kf_top_point', language)}: {top_name}", number(top[1]) if top else "–"),
    ]


def _label_values(fig, x: float, y: float, pairs: list[tuple[str, str]], rtl: bool) -> None:
    """'Label: value' pairs on one line. Each piece is its own text, so a date or a Latin name never
    goes through Arabic bidirectional reordering (matplotlib reorders hyphenated digits in RTL runs)."""
    from matplotlib.offsetbox import AnchoredOffsetbox, HPacker, TextArea

    pieces = []
    for label, value in pairs:
        pieces += [TextArea(f"{label}:", textprops={"fontsize": 9, "color": "#555555"}),
                   TextArea(value, textprops={"fontsize": 9, "color": "#111111"}), TextArea("   ")]
    if rtl:
        pieces.reverse()
    box = HPacker(children=pieces, align="baseline", pad=0, sep=4)
    fig.add_artist(AnchoredOffsetbox("center right" if rtl else "center left", child=box, pad=0, frameon=False,
                                     bbox_to_anchor=(x, y), bbox_transform=fig.transSubfigure, borderpad=0))


def build(store, filters: data.Filters, *, language: str = "en", threshold: int = DEFAULT_THRESHOLD,
          produced: dt.date | None = None):
    """The report page as a matplotlib Figure."""
    if threshold < 1:
        raise TrackerError("the suppression threshold must be at least 1", field="threshold", value=threshold)
    k = threshold
    produced = produced or _today()
    names = place_names(store, language)
    rtl = language == "ar"
    x0, ha = (0.97, "right") if rtl else (0.03, "left")
    span = data.date_span(store, filters)
    period = f"{span[0]} – {span[1]}" if span else word("all_dates", language)
    # the key figures look at the period's last week, not the day the report is printed
    end = dt.date.fromisoformat(span[1]) if span else produced
    page = published.figures(store, filters, k, today=end)
    names = {**names, published.HIDDEN: word("hidden_band", language, k=k)}

    fig = draw.new_figure(*A4_PORTRAIT)
    with draw.style(language):
        head, figures, daily, bottom, notes = fig.subfigures(5, 1, height_ratios=[0.75, 1.25, 3.1, 4.0, 0.75])
        head.text(x0, 0.72, word("report_title", language), ha=ha, va="center", fontsize=15, fontweight="bold")
        _label_values(head, x0, 0.3, [(word("period", language), period),
                                      (word("organisation", language), store.organisation or "–"),
                                      (word("generated", language), produced.isoformat())], rtl)
        cells = _key_figure_cells(page, names, language)
        for i, (label, value) in enumerate(cells):
            col, row = i % 4, i // 4
            x = (0.03 + 0.24 * col) if not rtl else (0.97 - 0.24 * col)
            y = 0.78 - 0.47 * row
            figures.text(x, y, value, ha=ha, va="center", fontsize=13, fontweight="bold", color=draw.OKABE_ITO[0])
            figures.text(x, y - 0.13, "\n".join(textwrap.wrap(label, 34)[:2]), ha=ha, va="top", fontsize=7.5,
                         color="#333333", linespacing=1.1)
    draw.draw_daily(daily, page.daily, names, language)
    left, right = bottom.subfigures(1, 2, width_ratios=[1.35, 1])
    draw.draw_map(left, page.routes, store.locations(), names, language)
    draw.draw_pyramid(right, page.pyramid, language)
    with draw.style(language):
        only = {"in": "charts_in_only", "out": "charts_out_only"}.get(page.direction) \
            if page.direction != filters.direction else None
        lines = [*textwrap.wrap(word("suppression", language, k=k, k_minus=k - 1, n=number(page.hidden)), 140)[:2],
                 *([word(only, language)] if only else []), word("counts_note", language)]
        for i, line in enumerate(lines):
            notes.text(x0, 0.86 - 0.23 * i, line, ha=ha, va="center", fontsize=7, color="#333333")
    return fig


def write(store, filters: data.Filters, out, *, language: str = "en", threshold: int = DEFAULT_THRESHOLD,
          produced: dt.date | None = None) -> Path:
    """Write the report PDF to ``out`` (atomically: a partial file never replaces a good one) and audit it."""
    permissions.require(store, permissions.REPORT)
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise TrackerError(f"the report is a PDF: give a file name ending in .pdf, not {out.name}", field="out",
                           value=str(out))
    from matplotlib.backends.backend_pdf import PdfPages

    tmp = out.with_name(out.name + ".part")
    with matplotlib_lock:  # the window may be drawing a chart on its own thread
        fig = build(store, filters, language=language, threshold=threshold, produced=produced)
        with PdfPages(tmp, metadata={"Title": word("report_title", language), "Author": store.organisation or "",
                                     "Creator": f"Displacement Tracker {__version__}"}) as pdf:
            pdf.savefig(fig)
    fileswap.replace(tmp, out)  # a viewer holding the old report: a clear error, the old PDF kept
    records.audit(store, "report", detail={"file": out.name, "from": filters.date_from, "to": filters.date_to,
                                           "crossing": filters.crossing, "direction": filters.direction,
                                           "origin_adm1": filters.origin_adm1, "language": language,
                                           "threshold": threshold})
    return out
