"""Every question the UI asks the user goes through an Asker, so tests can answer it.

`QtAsker` shows real dialogs; tests inject their own object with the same methods.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.i18n import _

FILE_FILTER_TEXT = "{label} (*.sqlite *.db);;{all} (*)"


def file_filter() -> str:
    return FILE_FILTER_TEXT.format(label=_("Association files"), all=_("All files"))


class Asker(Protocol):
    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool: ...

    def choose(
        self, parent: QWidget | None, title: str, question: str, options: list[tuple[str, str]]
    ) -> str | None:
        """One of several answers: `options` are (key, button text); None when cancelled."""

    def save_changes(self, parent: QWidget | None, question: str) -> str:
        """ "save", "discard" or "cancel" for edits that would otherwise be lost."""

    def error(
        self, parent: QWidget | None, title: str, message: str, details: str = ""
    ) -> None: ...

    def open_path(self, parent: QWidget | None, folder: Path) -> Path | None: ...

    def save_path(self, parent: QWidget | None, suggested: Path) -> Path | None: ...

    def new_association(
        self, parent: QWidget | None, folder: Path
    ) -> tuple[Path, AssociationDetails | None] | None:
        """(path, details) to create; (path, None) to open an existing file instead."""

    def choose_logo(self, parent: QWidget | None) -> Path | None: ...

    def settings(self, parent: QWidget | None, language: str) -> str | None: ...

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog the program built; True when the user accepted it."""

    def open_document(self, path: Path) -> None:
        """Open a file the program made (a PDF) in the system's viewer."""

    def spreadsheet_path(self, parent: QWidget | None, save: bool, suggested: Path) -> Path | None:
        """A CSV/XLSX file to read (`save` False) or to write."""

    def pdf_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        """Where to save a PDF."""

    def export_path(
        self, parent: QWidget | None, title: str, suggested: Path, kind: str
    ) -> Path | None:
        """Where to write a file the program makes; `kind` is its file filter text, e.g.
        "iCalendar (*.ics)". The suggestion's suffix is added when the name has none."""

    def inform(self, parent: QWidget | None, title: str, message: str) -> None:
        """Tell the user something that went well, or needs their attention."""

    def file_in_use(self, parent: QWidget | None, message: str, can_take_over: bool) -> str:
        """Someone else has the file open: "read_only", "take_over" (only when
        `can_take_over`, for a lock that looks abandoned) or "cancel"."""

    def choose_folder(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        """A folder (for backups: a USB stick, a synced folder)."""

    def new_passphrase(self, parent: QWidget | None) -> str | None:
        """A new passphrase for encrypted backups, typed twice after the warning."""

    def passphrase(self, parent: QWidget | None, name: str) -> str | None:
        """The passphrase that opens the encrypted backup `name`."""


class QtAsker:
    """The real thing: modal Qt dialogs."""

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
        yes = box.addButton(_("Yes"), QMessageBox.ButtonRole.YesRole)
        box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
        box.exec()
        return box.clickedButton() is yes

    def choose(
        self, parent: QWidget | None, title: str, question: str, options: list[tuple[str, str]]
    ) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
        buttons = {box.addButton(text, QMessageBox.ButtonRole.AcceptRole): key
                   for key, text in options}  # fmt: skip
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(cancel)
        box.exec()
        return buttons.get(box.clickedButton())

    def save_changes(self, parent: QWidget | None, question: str) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"), question, parent=parent)
        save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_("Don't save"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.exec()
        return {save: "save", discard: "discard"}.get(box.clickedButton(), "cancel")

    def error(self, parent: QWidget | None, title: str, message: str, details: str = "") -> None:
        from verenigingsbeheer.ui.dialogs.error_dialog import ErrorDialog

        ErrorDialog(title, message, details, parent).exec()

    def open_path(self, parent: QWidget | None, folder: Path) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Open association file"), str(folder), file_filter()
        )
        return Path(name) if name else None

    def save_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the new association file as"), str(suggested), file_filter()
        )
        return Path(name) if name else None

    def new_association(
        self, parent: QWidget | None, folder: Path
    ) -> tuple[Path, AssociationDetails | None] | None:
        from verenigingsbeheer.ui.dialogs.new_association import NewAssociationDialog

        dialog = NewAssociationDialog(folder, self, parent)
        if dialog.exec():
            return dialog.result_value()
        return None

    def choose_logo(self, parent: QWidget | None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Choose a logo"), "", _("Images") + " (*.png *.jpg *.jpeg *.bmp *.gif)"
        )
        return Path(name) if name else None

    def settings(self, parent: QWidget | None, language: str) -> str | None:
        """The language chosen in the settings dialog, or None when cancelled."""
        from verenigingsbeheer.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(language, parent)
        return dialog.chosen_language() if dialog.exec() else None

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_document(self, path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def spreadsheet_path(self, parent: QWidget | None, save: bool, suggested: Path) -> Path | None:
        filters = _("Spreadsheets") + " (*.csv *.xlsx);;" + _("All files") + " (*)"
        if save:
            name, _filter = QFileDialog.getSaveFileName(
                parent, _("Export members"), str(suggested), filters
            )
        else:
            name, _filter = QFileDialog.getOpenFileName(
                parent, _("Import members"), str(suggested), filters
            )
        return Path(name) if name else None

    def pdf_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Save as PDF"), str(suggested), "PDF (*.pdf)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def export_path(
        self, parent: QWidget | None, title: str, suggested: Path, kind: str
    ) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), kind)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_name(path.name + suggested.suffix)

    def inform(self, parent: QWidget | None, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent)
        box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def file_in_use(self, parent: QWidget | None, message: str, can_take_over: bool) -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, _("File in use"), message, parent=parent)
        take = box.addButton(_("Take over"), QMessageBox.ButtonRole.DestructiveRole)
        take.setVisible(can_take_over)
        read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(read_only)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is take and can_take_over:
            return "take_over"
        return "read_only" if clicked is read_only else "cancel"

    def choose_folder(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, str(start))
        return Path(name) if name else None

    def new_passphrase(self, parent: QWidget | None) -> str | None:
        from verenigingsbeheer.ui.dialogs.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(parent)
        return dialog.passphrase() if dialog.exec() else None

    def passphrase(self, parent: QWidget | None, name: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog(parent)
        dialog.setWindowTitle(_("Encrypted backup"))
        dialog.setLabelText(_("The passphrase of {name}:").format(name=name))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setOkButtonText(_("OK"))
        dialog.setCancelButtonText(_("Cancel"))
        return dialog.textValue() if dialog.exec() and dialog.textValue() else None
