"""Moving one activity to another day or time; a series goes on as it was."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget

from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.activities import ActivityRow
from verenigingsbeheer.ui.dialogs.activity_dialog import time_row
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark
from verenigingsbeheer.ui.widgets.sections_choice import TimeField


class MoveDialog(QDialog):
    def __init__(self, today: dt.date, row: ActivityRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Move activity"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        what = QLabel(
            _("{title} on {date}").format(title=row.title, date=format_date(row.date, "full"))
        )
        what.setWordWrap(True)
        form.addRow(what)
        if row.series_id is not None:
            note = QLabel(_("Only this occurrence moves; the rest of the series stays."))
            note.setWordWrap(True)
            form.addRow(note)
        self.date = DateField(today)
        self.date.set_date(row.date)
        self.start = TimeField(row.start_time)
        self.end = TimeField(row.end_time)
        form.addRow(_("New date"), self.date)
        form.addRow(_("Time"), time_row(self.start, self.end))
        self.problem = error_label()
        form.addRow(self.problem)
        form.addRow(ok_cancel(self, _("Move")))

    def moved_to(self) -> tuple[dt.date, dt.time, dt.time]:
        return self.date.date() or dt.date.min, self.start.value(), self.end.value()

    def accept(self) -> None:
        date_problem = self.date.problem()
        if not date_problem and self.date.date() is None:
            date_problem = _("Enter the date.")
        time_problem = ""
        if self.end.value() <= self.start.value():
            time_problem = _("The end lies before the start.")
        mark(self.date, None, date_problem)
        mark(self.end, None, time_problem)
        problem = date_problem or time_problem
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()
