"""Render the screenshots in docs/screenshots/ (English and Arabic), offscreen, from a throwaway demo database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [OUTPUT_DIR]

Every screen is driven the way a user would drive it (buttons, fields), then
grabbed at the free area of a 1366x768 screen (less a panel and a title bar), the most common
field-laptop resolution, once its charts are drawn.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tracker  # noqa: E402,F401
from PySide6.QtCore import QEventLoop, QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from ui.shell import i18n  # noqa: E402
from ui.app import Shell  # noqa: E402
from ui.shell.app_settings import AppSettings  # noqa: E402

SIZE = (1366, 768 - 32 - 30)


def settle(app, until=lambda: True, seconds: float = 20.0) -> None:
    loop = QEventLoop()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if until():
            break
    for _ in range(5):
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def charts_drawn(widget) -> bool:
    """No visible chart of ``widget`` is still being drawn (charts draw off the GUI thread)."""
    from ui.widgets.chart_canvas import ChartView

    def busy(view) -> bool:
        timer = getattr(view, "_resize_timer", None)  # a redraw for a new size is waiting
        return getattr(view, "is_drawing", lambda: False)() or (timer is not None and timer.isActive())

    return not any(busy(v) for v in widget.findChildren(ChartView) if v.isVisible())


def shoot(app, widget, path: Path) -> None:
    settle(app)
    settle(app, lambda: charts_drawn(widget), 60)
    widget.grab().save(str(path))
    print("wrote", path)


def run(out: Path, language: str, work: Path, app) -> None:
    i18n.install(language)
    settings = AppSettings(work / f"prefs-{language}.ini")
    shell = Shell(app, settings, language=language, default_path=work / "office" / "tracker.dtdb",
                  demo_path=work / "demo.dtdb")
    start = shell.start
    shell.show_start()
    start.resize(640, start.sizeHint().height())
    shoot(app, start, out / f"start-{language}.png")

    start.start_wizard()
    wizard = start.wizard
    wizard.office.organisation.setText("Akkar Relief Network" if language == "en" else "شبكة الإغاثة في عكار")
    wizard.office.device_name.setText("halba-desk-1")
    shoot(app, wizard, out / f"wizard-office-{language}.png")
    wizard.next()
    wizard.secret.passphrase.setText("olive river morning")
    wizard.secret.confirm.setText("olive river morning")
    shoot(app, wizard, out / f"wizard-passphrase-{language}.png")
    wizard.next()
    shoot(app, wizard, out / f"wizard-ready-{language}.png")
    wizard.reject()

    start.open_demo()
    settle(app, lambda: shell.window is not None and "·" in shell.window.counts_label.text(), 60)
    window = shell.window
    window.resize(*SIZE)
    # The shell's own screens; each page's engineer renders that page's pictures.
    window.show_page("dashboard")
    settle(app, seconds=2.0)
    shoot(app, window, out / f"main-{language}.png")
    settings_page = window.show_page("settings")
    add_place(app, settings_page.gazetteer)
    shoot(app, window, out / f"settings-{language}.png")
    # the places added on this computer sit below the fold of the page's own scroll area: scrolled to
    area = settings_page.findChild(QScrollArea)
    area.verticalScrollBar().setValue(settings_page.gazetteer.mapTo(area.widget(), QPoint(0, 0)).y() - 8)
    shoot(app, window, out / f"settings-places-{language}.png")
    shell.quit()


def add_place(app, panel) -> None:
    """Fill the form as a field officer would, so the list is not empty in the picture."""
    settle(app, lambda: panel.fields["parent"].count() > 1)
    panel.fields["name_en"].setText("Wadi Khaled ford")
    panel.fields["name_ar"].setText("معبر وادي خالد النهري")
    panel.fields["parent"].setCurrentIndex(panel.fields["parent"].findData("LB51"))
    panel.fields["lat"].setText("34.6")
    panel.fields["lon"].setText("36.1")
    panel.add()
    settle(app, lambda: bool(panel.result.text()))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    i18n.load_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        for language in ("en", "ar"):
            run(out, language, Path(tmp) / language, app)  # each language its own demo database
    return 0


if __name__ == "__main__":
    sys.exit(main())
