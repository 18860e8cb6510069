"""Languages: Qt translators, the shipped Arabic font, and right-to-left layout.

Each UI area ships its strings as ``resources/translations/<area>_<lang>.ts``
(the source translators edit) and ``.qm`` (built by packaging/translations.sh).
Qt's own ``qtbase_<lang>.qm`` translates the standard buttons and dialogs.
Arabic turns the whole application right-to-left: Qt mirrors layouts, tables
and forms by itself once the layout direction is set.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from tracker.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}  # each in its own language, so anyone can find theirs
RTL_LANGUAGES = {"ar"}
ARABIC_FAMILY = "Noto Sans Arabic"

_installed: list[QTranslator] = []
_base_family: list[str] = []  # the platform's UI font family, remembered before we change it


def translations_dir():
    return resource_path("translations")


def load_fonts() -> list[str]:
    """Register the shipped fonts so Arabic never depends on what the laptop has installed."""
    families: list[str] = []
    for ttf in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id < 0:
            log.warning("could not load font %s", ttf)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families


def _set_font(language: str) -> None:
    app = QGuiApplication.instance()
    font = QFont(app.font())
    if not _base_family:
        _base_family.append(font.family())
    base = _base_family[0]
    # Family order decides which font draws each letter: Arabic letters come from the shipped
    # font, Latin ones from the platform's UI font, in both languages.
    order = [ARABIC_FAMILY, base] if language in RTL_LANGUAGES else [base, ARABIC_FAMILY]
    font.setFamilies(order)
    app.setFont(font)


def install(language: str) -> str:
    """Switch the running application to ``language`` ('en' or 'ar'); returns the language used.

    Safe to call again at run time: old translators are removed first, and every
    widget receives a LanguageChange event so open windows can retranslate.
    """
    app = QCoreApplication.instance()
    language = language if language in LANGUAGE_NAMES else "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, f"qtbase_{language}", qt_dir)
    # English has its catalogue too: the plural forms of %n ("1 group", "2 groups").
    for qm in sorted(translations_dir().glob(f"*_{language}.qm")):
        _load(app, qm.stem, str(qm.parent))
    QLocale.setDefault(number_locale(language))
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language in RTL_LANGUAGES
                               else Qt.LayoutDirection.LeftToRight)
        _set_font(language)
    return language


def number_locale(language: str) -> QLocale:
    """The locale numbers, dates and spin boxes follow: ONE digit rule, the same in both languages.

    Digits are 0-9 everywhere, as typed on the keyboard and printed on Lebanese and Syrian
    forms and IDs; charts, reports and exports use them too. Qt's Lebanese Arabic locale would
    switch widgets (and only widgets) to Arabic-Indic digits, so Arabic uses Modern Standard
    Arabic ("ar_001": Arabic names of months and days, digits 0-9).
    """
    if language == "ar":
        return QLocale(QLocale.Language.Arabic, QLocale.Country.World)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _load(app, name: str, directory: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, directory):
        log.info("no translation %s in %s", name, directory)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def installed_files() -> list[str]:
    return [t.filePath() for t in _installed]
