"""Screenshots of the Households and Crossings screens in English and Arabic (1366x768, offscreen).

Run: ``.venv/bin/python packaging/records_screens.py`` (writes the PNGs to docs/screenshots).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tracker  # noqa: E402,F401
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker.domain import crossings, demo, households  # noqa: E402
from tracker.store.connection import Store  # noqa: E402
from tracker import office

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1366, 768)


def _store() -> Store:
    store = office.create(Path(tempfile.mkdtemp()) / "shots.dtdb", "screenshot office passphrase", organisation="Demo NGO",
                         device_name="field-laptop", user="registrar")
    demo.populate(store, households=400, crossings=0, seed=7)
    now = dt.datetime.now().replace(second=0, microsecond=0)
    for minutes, point, counts in ((95, "XLB-ARD", {"f_18_59": 2, "f_0_4": 1, "m_18_59": 1}),
                                   (40, "XLB-NKR-WKH", {"f_18_59": 1, "m_5_11": 2, "m_60plus": 1}),
                                   (10, "XLB-ARD", {"m_18_59": 3})):
        crossings.record_count(store, {"counted_at": (now - dt.timedelta(minutes=minutes)).isoformat(timespec="minutes"),
                                       "crossing_pcode": point, "direction": "in", **counts, "origin_pcode": "SY02",
                                       "destination_pcode": "LB51", "transport": "car", "reason": "conflict",
                                       "observer": "Team A"})
    return store


def shoot(app, store, language: str) -> None:
    from ui.shell import i18n
    from ui.shell.context import AppContext
    from ui.crossings.page import CrossingsPage
    from ui.households.page import HouseholdsPage

    i18n.install(language)
    ctx = AppContext(store, language=language)
    page = HouseholdsPage(ctx)
    page.resize(*SIZE)
    page.show()
    app.processEvents()
    page.view.selectRow(0)
    page.grab().save(str(OUT / f"households-{language}.png"))

    hid = households.search(store, "", 1) or [page.model.household_id(r) for r in range(page.model.rowCount())
                                              if page.model.data(page.model.index(r, 6)) in ("Full registration",
                                                                                             "تسجيل كامل")][:1]
    form = page.open_household(hid[0])
    form.resize(*SIZE)
    app.processEvents()
    form.grab().save(str(OUT / f"household-form-{language}.png"))
    form._dirty = False
    form.close()

    crossing = CrossingsPage(ctx)
    crossing.resize(*SIZE)
    crossing.show()
    crossing.point.set_value("XLB-ARD")
    crossing.origin.set_value("SY02")
    for field in ("f_18_59", "f_18_59", "f_0_4", "m_18_59"):
        crossing.tally.add(field)
    app.processEvents()
    crossing.grab().save(str(OUT / f"crossings-{language}.png"))
    crossing.close()
    page.close_reader()
    page.close()
    ctx.worker.shutdown()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    from ui.shell import i18n

    i18n.load_fonts()
    store = _store()
    for language in ("en", "ar"):
        shoot(app, store, language)
    store.close()
    print("screenshots written to", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
