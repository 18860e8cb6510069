"""Arabic: the shipped .qm files turn the Exchange and Sync pages Arabic and right-to-left, and sync
and exchange errors reach the user as Arabic sentences that still name the file or device at fault."""

from __future__ import annotations

import inspect
import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.core.sync_devices import new_device, pre_household
from tracker import errors
from tracker.exchange import errors as exchange_errors
from tracker.sync import bundle, identity
from tracker.sync import errors as sync_errors
from ui.shell import context, i18n
from ui.exchange.page import ExchangePage
from ui.sync.page import SyncPage

from .records_support import settle

ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")


def x_of(widget, window) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


@pytest.fixture
def arabic(ctx):
    i18n.install("ar")
    ctx.language = "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return ctx


def _shown(qtbot, ctx, page):
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, ctx)
    return page


def test_exchange_page_in_arabic_right_to_left(qtbot, arabic):
    page = _shown(qtbot, arabic, ExchangePage(arabic))
    export, wizard = page.export_panel, page.import_wizard
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert export.title() == "تصدير" and wizard.title() == "استيراد"
    assert export.button.text() == "تصدير…"
    assert wizard.choose.text() == "اختر ملف CSV أو Excel…"
    assert export.dataset.itemText(0) == "الأسر" and export.threshold.specialValueText() == "دون إخفاء الأعداد الصغيرة"
    assert export.pii.text().startswith("تضمين البيانات الشخصية")
    # mirrored: the export panel, first in the row, stands on the right
    assert x_of(export, page) > x_of(wizard, page)


def test_sync_page_in_arabic_right_to_left(qtbot, arabic):
    page = _shown(qtbot, arabic, SyncPage(arabic))
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert [page.tabs.tabText(i) for i in range(4)] == ["الإرسال والاستلام", "الأجهزة الشريكة", "سجل الحزم",
                                                        "التعارضات"]
    assert page.export_button.text() == "تصدير حزمة إلى مجلد أو ذاكرة USB…"
    assert page.import_button.text() == "استيراد حزمة أو ملخص…"
    assert page.add_peer_button.text() == "إضافة جهاز شريك من ملف هويته…"
    assert page.recipient.itemText(0) == "كل الأجهزة الشريكة الموثوقة في منظمتي"
    fingerprint = identity.own_identity(arabic.store)["fingerprint"]
    assert page.me_label.text().startswith("هذا الجهاز:") and fingerprint in page.me_label.text()
    assert page.conflicts.keep.text() == "الإبقاء على القيمة المعتمدة"


def test_a_damaged_bundle_is_refused_in_arabic_naming_the_file(qtbot, arabic, tmp_path):
    broken = tmp_path / "from-akkar.dtb"
    broken.write_bytes(b"not a bundle at all" * 10)
    page = _shown(qtbot, arabic, SyncPage(arabic))
    page.import_file(str(broken))
    qtbot.waitUntil(lambda: "تالف" in page.result.text(), timeout=5000)
    assert "from-akkar.dtb" in page.result.text() and "not a" not in page.result.text()


def test_an_untrusted_device_is_named_with_its_fingerprint_in_arabic(qtbot, arabic, tmp_path, monkeypatch):
    stranger = new_device(tmp_path, "stranger")
    identity.add_peer(stranger, arabic.call(identity.own_identity, arabic.store))
    pre_household(stranger, "Omar")
    path = tmp_path / "s.dtb"
    bundle.export_bundle(stranger, path, for_device=arabic.store.device_id)
    fingerprint = identity.own_identity(stranger)["fingerprint"]
    page = _shown(qtbot, arabic, SyncPage(arabic))
    asked = []
    monkeypatch.setattr(page, "confirm", lambda title, text: asked.append((title, text)) or False)
    page.import_file(str(path))
    qtbot.waitUntil(lambda: "لا تثق به" in page.result.text(), timeout=5000)
    assert asked[0][0] == "جهاز غير معروف" and fingerprint in asked[0][1]
    # Nothing is read before the sender is trusted: it is named by its device id and key.
    assert stranger.device_id in page.result.text() and fingerprint in page.result.text()
    stranger.close()


def _typed_errors():
    for module in (sync_errors, exchange_errors):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, errors.TrackerError) and cls.__module__ == module.__name__:
                yield cls


def _example(cls):
    params = inspect.signature(cls.__init__).parameters
    return cls() if "message" not in params else cls("an English core sentence")


@pytest.mark.parametrize("cls", list(_typed_errors()), ids=lambda c: c.code)
def test_every_sync_and_exchange_error_code_has_an_arabic_sentence(arabic, cls):
    exc = _example(cls)
    text = context.error_text(exc)
    assert ARABIC_LETTERS.search(text), f"{cls.code}: {text!r}"
    assert not text.startswith("an English core sentence")


def test_error_details_fill_the_sentence(arabic):
    exc = sync_errors.UnknownSigner("x", device_id="d1", name="Halba desk", organisation="",
                                    fingerprint="1234 5678 9012")
    text = context.error_text(exc)
    assert "Halba desk" in text and "(\u2068—\u2069)" in text and "1234 5678 9012" in text
    # in an Arabic line, Latin names and paths sit in their own isolates so they keep their order
    assert "\u2068Halba desk\u2069" in text and ARABIC_LETTERS.search(text)
    text = context.error_text(sync_errors.BundleTooNew("x", path="/media/usb/sync-a-to-b.dtb"))
    assert "sync-a-to-b.dtb" in text and "/media/usb" not in text
    # a general sentence keeps the core's precise one as a detail line
    text = context.error_text(exchange_errors.FileFormatError("has no header row", "/tmp/kobo.csv", 1))
    assert text.splitlines()[0].startswith("تعذّرت قراءة الملف \u2068kobo.csv\u2069") and "has no header row" in text


def test_a_refused_change_names_line_field_and_rule_in_arabic(arabic):
    class Refused(errors.TrackerError):  # the details a bundle check gives for a value breaking a rule
        code = "invalid_change"

    text = context.error_text(Refused("core", line=7, table="households", field="registration_date",
                                      rule="future_date", value="2031-01-01", count=3))
    assert "7" in text and "registration_date" in text and "2031-01-01" in text and "3" in text
    assert "لا يمكن أن يكون في المستقبل" in text  # the rule in the words the forms use
