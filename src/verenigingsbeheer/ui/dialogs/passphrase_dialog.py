"""A new passphrase for encrypted backups: typed twice, with the warning that matters."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.backups import passphrase_problem

WARNING_STYLE = "color: #8a3b00; font-weight: bold;"


class PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Passphrase for backups"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        warning = QLabel(
            _(
                "Keep this passphrase somewhere safe, on paper or in a password manager, and "
                "give it to the next secretary. Whoever loses it loses the encrypted backups: "
                "nobody can open them without it, not even the makers of this program."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(WARNING_STYLE)
        layout.addWidget(warning)
        note = QLabel(
            _(
                "Backups made earlier keep the passphrase they were made with. The passphrase "
                "is kept on this computer, readable only for your user account, so that "
                "backups can be encrypted automatically."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.textChanged.connect(self._changed)
        form.addRow(_("Passphrase"), self.first)
        form.addRow(_("Passphrase again"), self.second)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Use this passphrase"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._changed()

    def _changed(self) -> None:
        first, second = self.first.text(), self.second.text()
        problem = passphrase_problem(first) if first else ""
        if not problem and second and first != second:
            problem = _("The two passphrases are not the same.")
        self.problem.setText(problem or "")
        self.ok.setEnabled(bool(first) and first == second and not problem)

    def passphrase(self) -> str:
        return self.first.text()
