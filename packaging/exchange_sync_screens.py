"""Screenshots of Exchange → Import and export and Exchange → Sync, in English and Arabic, at 1366x768.

    .venv/bin/python packaging/exchange_sync_screens.py [OUTPUT_DIR]     (default docs/screenshots)

Each page is grabbed inside the main window, offscreen, after being driven as a user would: a
partner list (KoBo-style CSV) is opened in the import wizard, and a bundle from a second office
is imported on the Sync page, so the pictures show real mappings, peers and history.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tracker  # noqa: E402,F401
from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker.domain import demo, households  # noqa: E402
from tracker import office  # noqa: E402
from tracker.sync import bundle, identity  # noqa: E402

from screenshots import settle  # noqa: E402  (the shell screenshots' helper, same folder)

SIZE = (1366, 768)
PARTNER_LIST = (  # what a partner's registration sheet looks like (UTF-8 with Arabic names)
    "Registration date,Head of household (Arabic),Head of household (Latin),Origin,Site,Phone\n"
    "2025-03-09,أحمد الخطيب,Ahmad Al-Khatib,SY1002,Wadi Khaled,+961 70 123 456\n"
    "2025-03-09,فاطمة يوسف,Fatima Youssef,SY0602,Halba school,\n"
    "2025-03-10,محمود العلي,Mahmoud Al-Ali,SY1002,Tall Bireh,+961 3 555 010\n"
)


def offices(work: Path):
    """This office (demo data) and a second one that trusts it and has sent it a bundle."""
    here = office.create(work / "halba.dtdb", "screenshot office passphrase", organisation="Akkar Relief Network",
                        device_name="halba-desk-1", user="registrar")
    demo.populate(here, households=150, crossings=300, seed=11)
    there = office.create(work / "akkar.dtdb", "screenshot office passphrase", organisation="Akkar Relief Network",
                         device_name="wadi-khaled-laptop", user="registrar")
    identity.add_peer(there, identity.own_identity(here))
    identity.add_peer(here, identity.own_identity(there))
    # one bundle for each picture: each language imports its own, as two days of sync would
    for n, names in enumerate((("Omar Haddad", "Rania Saleh"), ("Khaled Nasser",)), start=1):
        for name in names:
            households.register_pre(there, {"head_name_lat": name, "registration_date": "2025-03-10",
                                            "origin_pcode": "SY1002", "f_18_59": 1, "m_0_4": 1})
        bundle.export_bundle(there, work / f"from-wadi-khaled-{n}.dtb", for_device=here.device_id)
    bundle.export_bundle(here, work / "to-wadi-khaled.dtb", for_device=there.device_id)
    there.close()
    (work / "partner-list.csv").write_text(PARTNER_LIST, encoding="utf-8")
    return here


def shoot(out: Path, language: str, store, work: Path, app) -> None:
    from ui.shell import i18n
    from ui.shell.context import AppContext
    from ui.shell.main_window import MainWindow

    i18n.install(language)
    ctx = AppContext(store, language=language)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    window.start("exchange")
    settle(app, lambda: "·" in window.counts_label.text() and "exchange" in window.pages)
    host = window.pages["exchange"]
    host.setCurrentIndex(0)
    settle(app, seconds=1.0)
    from ui.exchange.page import ExchangePage
    from ui.sync.page import SyncPage

    exchange = host.widget(0).findChild(ExchangePage)
    wizard = exchange.import_wizard
    wizard.ask_open_path = lambda: str(work / "partner-list.csv")
    wizard.choose_file()
    settle(app, lambda: wizard.steps.currentIndex() == 1)
    # the partner's own column names: pick the fields for them, as the user does in the preview
    for column, field in (("Head of household (Arabic)", "head_name_ar"), ("Head of household (Latin)", "head_name_lat"),
                          ("Site", "site_name"), ("Phone", "contact_phone")):
        combo = wizard.combos[wizard.headers.index(column)]
        combo.setCurrentIndex(combo.findData(field))
    wizard.table.resizeColumnsToContents()
    settle(app, seconds=0.5)
    window.grab().save(str(out / f"exchange-{language}.png"))
    print("wrote", out / f"exchange-{language}.png")

    host.setCurrentIndex(1)
    sync = host.widget(1).findChild(SyncPage)
    settle(app, lambda: sync.recipient.count() > 1)
    rows = sync.history.rowCount()
    sync.import_file(str(work / f"from-wadi-khaled-{1 if language == 'en' else 2}.dtb"))
    settle(app, lambda: not sync.bar.isVisible() and sync.history.rowCount() > rows)
    sync.recipient.setCurrentIndex(1)
    settle(app, seconds=0.5)
    window.grab().save(str(out / f"sync-{language}.png"))
    print("wrote", out / f"sync-{language}.png")
    window.close()
    store.unsubscribe(ctx._relay.forward)  # the store stays open for the next language's window
    ctx.worker.wait_idle()
    ctx.worker.shutdown()
    window.deleteLater()  # gone before its pages' timers could call the stopped worker
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    from ui.shell import i18n

    i18n.load_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        store = offices(Path(tmp))
        for language in ("en", "ar"):
            shoot(out, language, store, Path(tmp), app)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
