"""One line of the processing register: the processing and what the AVG asks about it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.register import ACTIVITY_FIELDS, FIELD_LABELS, Activity
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark

_ONE_LINE = ("name", "legal_basis")


class ProcessingDialog(QDialog):
    def __init__(self, activity: Activity | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change processing") if activity else _("Add processing"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in ACTIVITY_FIELDS:
            widget = QLineEdit() if name in _ONE_LINE else QPlainTextEdit()
            if isinstance(widget, QPlainTextEdit):
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(widget.fontMetrics().height() * 3 + 12)
            self.fields[name] = widget
            form.addRow(_(FIELD_LABELS[name]), widget)
        self.problem = error_label()
        form.addRow(self.problem)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        if activity is not None:
            for name in ACTIVITY_FIELDS:
                widget, value = self.fields[name], getattr(activity, name)
                if isinstance(widget, QLineEdit):
                    widget.setText(value)
                else:
                    widget.setPlainText(value)

    def activity(self) -> Activity:
        values = {}
        for name, widget in self.fields.items():
            values[name] = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        return Activity(**values)

    def accept(self) -> None:
        problem = "" if self.activity().name.strip() else _("Enter the name of the processing.")
        mark(self.fields["name"], self.problem, problem)
        if not problem:
            super().accept()
