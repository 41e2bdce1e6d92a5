"""The form of one booking (room, time, what for, status, cost, invoiced and paid), and the
choice of a series to book in a room in one go. They read nothing themselves: the page
hands them the rooms and a way to compute a cost."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_money
from verenigingsbeheer.services.bookings import BookingDetails
from verenigingsbeheer.ui.dialogs.activity_dialog import time_row
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark
from verenigingsbeheer.ui.widgets.money_field import MoneyField
from verenigingsbeheer.ui.widgets.sections_choice import TimeField

CostOf = Callable[[int, dt.time, dt.time], Money]


def room_combo(rooms: list[tuple[int, str]], chosen: int | None) -> QComboBox:
    combo = QComboBox()
    for room_id, label in rooms:
        combo.addItem(label, room_id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo


class BookingDialog(QDialog):
    """A booking for another purpose, or (with `activity`) the booking that is an
    activity's place: its day and times are the activity's, changed by moving it."""

    def __init__(
        self,
        today: dt.date,
        rooms: list[tuple[int, str]],
        cost_of: CostOf,
        details: BookingDetails | None = None,
        *,
        activity: str = "",
        room_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cost_of = cost_of
        self.setWindowTitle(_("Edit booking") if details else _("New booking"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.room = room_combo(rooms, details.room_id if details else room_id)
        self.date = DateField(today)
        self.date.set_date(details.date if details else today)
        self.start = TimeField(details.start_time if details else dt.time(20))
        self.end = TimeField(details.end_time if details else dt.time(22))
        self.purpose = QLineEdit(details.purpose if details else "")
        self.purpose.setMaxLength(200)
        self.purpose.setPlaceholderText(_("e.g. Ledenvergadering"))
        self.status = QComboBox()
        for key in rules.STATUSES:
            self.status.addItem(rules.status_label(key), key)
        status = details.status if details else "confirmed"
        self.status.setCurrentIndex(self.status.findData(status))
        self.computed = QLabel()
        self.own_cost = QCheckBox(_("Another amount was agreed:"))
        self.cost = MoneyField()
        self.invoiced = QCheckBox(_("Invoiced"))
        self.paid = QCheckBox(_("Paid"))
        self.notes = QPlainTextEdit(details.notes if details else "")
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.problems = {key: error_label() for key in ("date", "end_time", "cost")}

        form.addRow(_("Room"), self.room)
        if activity:
            form.addRow(_("For"), QLabel(activity))
            for field in (self.date, self.start, self.end):
                field.setEnabled(False)
        else:
            form.addRow(_("Purpose"), self.purpose)
        form.addRow(_("Date"), self.date)
        form.addRow("", self.problems["date"])
        form.addRow(_("Time"), time_row(self.start, self.end))
        form.addRow("", self.problems["end_time"])
        if activity:
            hint = QLabel(_("The booking follows the activity: move the activity to move it."))
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #5f6670;")
            form.addRow("", hint)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Cost"), self.computed)
        form.addRow(self.own_cost, self.cost)
        form.addRow("", self.problems["cost"])
        form.addRow("", self.invoiced)
        form.addRow("", self.paid)
        form.addRow(_("Notes"), self.notes)
        form.addRow(ok_cancel(self))
        if details is not None:
            self.own_cost.setChecked(details.cost is not None)
            self.cost.set_amount(details.cost)
            self.invoiced.setChecked(details.invoiced)
            self.paid.setChecked(details.paid)
        self.paid.toggled.connect(lambda on: on and self.invoiced.setChecked(True))
        for signal in (self.room.currentIndexChanged, self.start.timeChanged,
                       self.end.timeChanged, self.own_cost.toggled):  # fmt: skip
            signal.connect(lambda *_a: self._show_cost())
        self._show_cost()

    def _show_cost(self) -> None:
        self.cost.setEnabled(self.own_cost.isChecked())
        room_id = self.room.currentData()
        start, end = self.start.value(), self.end.value()
        if room_id is None or end <= start:
            self.computed.setText("–")
            return
        text = _("{amount} from the room's rates").format(
            amount=format_money(self._cost_of(room_id, start, end))
        )
        self.computed.setText(text)

    def details(self) -> BookingDetails:
        return BookingDetails(
            self.room.currentData(),
            self.date.date() or dt.date.min,
            self.start.value(),
            self.end.value(),
            self.status.currentData(),
            self.purpose.text(),
            self.cost.amount() if self.own_cost.isChecked() else None,
            self.invoiced.isChecked(),
            self.paid.isChecked(),
            self.notes.toPlainText(),
        )

    def accept(self) -> None:
        details = self.details()
        problems = rules.validate_booking(
            details.start_time, details.end_time, details.status, details.cost
        )
        date_problem = self.date.problem()
        if not date_problem and self.date.date() is None:
            date_problem = _("Enter the date.")
        if date_problem:
            problems["date"] = date_problem
        if self.own_cost.isChecked():
            problem = self.cost.problem() or ("" if self.cost.text().strip() else
                                              _("Enter the amount agreed."))  # fmt: skip
            if problem:
                problems["cost"] = problem
        mark(self.date, self.problems["date"], problems.get("date", ""))
        mark(self.end, self.problems["end_time"], problems.get("end_time", ""))
        mark(self.cost, self.problems["cost"], problems.get("cost", ""))
        if self.room.currentData() is None:
            problems["room"] = _("Add a room first.")
        if not problems:
            super().accept()


class SeriesBookingDialog(QDialog):
    """A series and a room: every occurrence from a day on is booked there."""

    def __init__(
        self,
        today: dt.date,
        series: list[tuple[int, str]],
        rooms: list[tuple[int, str]],
        room_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Book a series"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        intro = QLabel(
            _(
                "Every occurrence of the series from the day chosen is booked in the room "
                "(cancelled ones are left out). Occurrences booked elsewhere move to this room."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.series = QComboBox()
        for series_id, text in series:
            self.series.addItem(text, series_id)
        self.room = room_combo(rooms, room_id)
        self.from_day = DateField(today)
        self.from_day.set_date(today)
        self.problem = error_label()
        form.addRow(_("Series"), self.series)
        form.addRow(_("Room"), self.room)
        form.addRow(_("From"), self.from_day)
        form.addRow(self.problem)
        form.addRow(ok_cancel(self, _("Book")))

    def choice(self) -> tuple[int, int, dt.date]:
        return self.series.currentData(), self.room.currentData(), self.from_day.date()

    def accept(self) -> None:
        problem = self.from_day.problem()
        if not problem and self.from_day.date() is None:
            problem = _("Enter the date.")
        if not problem and self.series.currentData() is None:
            problem = _("There is no series yet: plan one on the Activities page.")
        if not problem and self.room.currentData() is None:
            problem = _("Add a room first.")
        mark(self.from_day, self.problem, problem)
        if not problem:
            super().accept()
