"""Qt's own translations (standard buttons, file dialogs) in the chosen language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def install(language: str) -> bool:
    """Swap Qt's catalogs for `language`; True when a Qt catalog was found for it."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(language)
    QLocale.setDefault(locale)
    if language == "en":
        return True
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = False
    for catalog in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(locale, catalog, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            found = True
    return found
