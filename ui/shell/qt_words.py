"""Qt's own button words that the app words differently in Arabic.

Qt's Arabic catalogue (qtbase_ar) uses imperatives: "ألغِ" for Cancel reads as a truncated verb on a
button. Listing the words here puts them in shell_ar.ts, under Qt's own contexts; the app's
catalogues are installed after Qt's, so their wording wins (verbal nouns, as on the app's own buttons).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_BUTTON_WORDS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QWizard", "Cancel"),
    QT_TRANSLATE_NOOP("QWizard", "&Finish"),
    QT_TRANSLATE_NOOP("QWizard", "Commit"),
)
