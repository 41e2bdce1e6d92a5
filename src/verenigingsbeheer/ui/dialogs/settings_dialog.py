"""File > Settings: the user's preferences."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QWidget

from verenigingsbeheer.i18n import LANGUAGES, _
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel


class SettingsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(360)
        layout = QFormLayout(self)
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(language))
        layout.addRow(_("Language"), self.language)
        buttons = ok_cancel(self)
        layout.addRow(buttons)

    def chosen_language(self) -> str:
        return str(self.language.currentData())
