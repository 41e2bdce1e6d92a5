"""One board or committee function: its title, committee and dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from verenigingsbeheer.domain.member import Function, function_problem_of
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark

# Offered in the list; any other title may be typed.
COMMON_TITLES = (
    N_("Chair"), N_("Vice-chair"), N_("Secretary"), N_("Treasurer"), N_("Board member"),
    N_("Member"),
)  # fmt: skip


class FunctionDialog(QDialog):
    def __init__(
        self,
        today: dt.date,
        committees: list[str],
        function: Function | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change function") if function else _("Add function"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems([_(title) for title in COMMON_TITLES])
        self.title.setCurrentText("")
        self.title.lineEdit().setPlaceholderText(_("e.g. Secretaris"))
        self.committee = QComboBox()
        self.committee.setEditable(True)
        self.committee.addItem("")
        self.committee.addItems(committees)
        self.committee.lineEdit().setPlaceholderText(_("empty for the board itself"))
        self.start = DateField(today)
        self.start.set_date(today)
        self.end = DateField(today)
        form.addRow(_("Function"), self.title)
        form.addRow(_("Committee"), self.committee)
        form.addRow(_("From"), self.start)
        form.addRow(_("Until"), self.end)
        hint = QLabel(_("Leave 'until' empty while the function lasts."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.problem = error_label()
        form.addRow(self.problem)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        if function is not None:
            self.title.setCurrentText(function.title)
            self.committee.setCurrentText(function.committee)
            self.start.set_date(function.start_date)
            self.end.set_date(function.end_date)

    def function(self) -> Function | None:
        """The function as typed, or None while a date is missing or unreadable."""
        start = self.start.date()
        if start is None or self.end.problem():
            return None
        return Function(
            self.title.currentText().strip(),
            start,
            self.end.date(),
            self.committee.currentText().strip(),
        )

    def accept(self) -> None:
        problem = self.start.problem() or self.end.problem()
        if not problem and self.start.date() is None:
            problem = _("Enter the date the function began.")
        function = self.function()
        if not problem and function is not None:
            problem = function_problem_of(function)
        mark(self.start, self.problem, problem)
        if not problem:
            super().accept()
