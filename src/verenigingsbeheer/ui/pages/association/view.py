"""The association page's widgets: the details form with save and revert."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.association_form import AssociationForm


class AssociationView(QScrollArea):
    def __init__(self, choose_logo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 20)
        intro = QLabel(
            _("The details of the association appear on letters, lists and direct debits.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = AssociationForm(choose_logo=choose_logo)
        self.form.setMaximumWidth(760)
        layout.addWidget(self.form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(_("Undo changes"))
        self.status = QLabel()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        layout.addStretch()
        self.setWidget(body)
