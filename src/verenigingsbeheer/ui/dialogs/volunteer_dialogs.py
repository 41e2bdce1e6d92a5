"""The forms of the volunteers page: one entry of hours, a volunteer who is no member, and
an allowance paid (checked against the tax-free limits as it is typed). They read nothing
themselves: the page hands them the choices and the check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.domain.volunteers import Excess
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.allowances import AllowanceDetails
from verenigingsbeheer.services.volunteers import HoursDetails, VolunteerDetails
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark
from verenigingsbeheer.ui.widgets.money_field import MoneyField

Choices = list[tuple[int, str]]


def combo(choices: Choices, chosen: int | None = None, empty: str | None = None) -> QComboBox:
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for key, text in choices:
        box.addItem(text, key)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    return box


class HoursDialog(QDialog):
    def __init__(
        self,
        today: dt.date,
        people: Choices,
        tasks: Choices,
        activities_on: Callable[[dt.date], Choices],
        details: HoursDetails | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit hours") if details else _("Enter hours"))
        self.setMinimumWidth(440)
        self._activities_on = activities_on
        form = QFormLayout(self)
        self.person = combo(people, details.person_id if details else None)
        self.date = DateField(today)
        self.date.set_date(details.date if details else today)
        self.task = combo(tasks, details.task_id if details else None)
        self.hours = QLineEdit(rules.format_hours(details.minutes) if details else "")
        self.hours.setPlaceholderText(_("e.g. 2,5"))
        self.hours.setMaximumWidth(90)
        self.activity = QComboBox()
        self.note = QLineEdit(details.note if details else "")
        self.note.setMaxLength(300)
        self.problem = error_label()
        form.addRow(_("Who"), self.person)
        form.addRow(_("Date"), self.date)
        form.addRow(_("Task"), self.task)
        form.addRow(_("Hours"), self.hours)
        form.addRow(_("For activity"), self.activity)
        form.addRow(_("Note"), self.note)
        form.addRow(self.problem)
        form.addRow(ok_cancel(self))
        self._fill_activities(details.activity_id if details else None)
        self.date.editingFinished.connect(
            lambda: self._fill_activities(self.activity.currentData())
        )

    def _fill_activities(self, chosen: int | None) -> None:
        day = self.date.date()
        self.activity.clear()
        self.activity.addItem(_("(none)"), None)
        for key, text in self._activities_on(day) if day else []:
            self.activity.addItem(text, key)
        self.activity.setCurrentIndex(max(0, self.activity.findData(chosen)))

    def minutes(self) -> int | None:
        try:
            return rules.parse_hours(self.hours.text())
        except ValueError:
            return None

    def details(self) -> HoursDetails:
        return HoursDetails(
            self.person.currentData(), self.date.date() or dt.date.min,
            self.task.currentData(), self.minutes() or 0, self.activity.currentData(),
            self.note.text(),
        )  # fmt: skip

    def accept(self) -> None:
        problem = self.date.problem() or ("" if self.date.date() else _("Enter the date."))
        minutes = self.minutes()
        if not problem:
            problem = (rules.validate_hours(minutes) if minutes is not None
                       else _("Write the hours as 2,5 or 2:30."))  # fmt: skip
        if not problem and (self.person.currentData() is None or self.task.currentData() is None):
            problem = _("Choose who helped and with which task.")
        mark(self.hours, self.problem, problem)
        if not problem:
            super().accept()


class VolunteerDialog(QDialog):
    """A volunteer who is no member: the person and how to reach them."""

    def __init__(
        self, today: dt.date, details: VolunteerDetails | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit volunteer") if details else _("New volunteer"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        intro = QLabel(
            _(
                "Someone who helps but is no member, such as a parent or a friend. Members can "
                "enter hours without being registered here."
            )  # fmt: skip
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.first_name = QLineEdit(details.first_name if details else "")
        self.tussenvoegsel = QLineEdit(details.tussenvoegsel if details else "")
        self.tussenvoegsel.setMaximumWidth(80)
        self.last_name = QLineEdit(details.last_name if details else "")
        self.email = QLineEdit(details.email if details else "")
        self.phone = QLineEdit(details.phone if details else "")
        self.born = DateField(today)
        self.born.set_date(details.date_of_birth if details else None)
        self.notes = QPlainTextEdit(details.notes if details else "")
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.problem = error_label()
        names = QWidget()
        row = QHBoxLayout(names)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.first_name, self.tussenvoegsel, self.last_name):
            row.addWidget(widget)
        self.first_name.setPlaceholderText(_("First name"))
        self.tussenvoegsel.setPlaceholderText(_("tussenv."))
        self.last_name.setPlaceholderText(_("Last name"))
        form.addRow(_("Name"), names)
        form.addRow(_("E-mail"), self.email)
        form.addRow(_("Phone"), self.phone)
        form.addRow(_("Date of birth"), self.born)
        hint = QLabel(_("Only needed for an allowance: the hourly limit depends on age."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6670;")
        form.addRow("", hint)
        form.addRow(_("Notes"), self.notes)
        form.addRow(self.problem)
        form.addRow(ok_cancel(self))

    def details(self) -> VolunteerDetails:
        return VolunteerDetails(
            self.first_name.text(), self.last_name.text(), self.tussenvoegsel.text(),
            self.email.text(), self.phone.text(), self.born.date(), self.notes.toPlainText(),
        )  # fmt: skip

    def accept(self) -> None:
        problem = self.born.problem()
        if not problem and not self.first_name.text().strip():
            problem = _("Enter the first name.")
        if not problem and not self.last_name.text().strip():
            problem = _("Enter the last name.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()


class AllowanceDialog(QDialog):
    """A payment, with the limits it would go over (or come near) shown as it is typed;
    `check(details)` asks the allowances service, `known_years` are those with limits (a
    payment in another year cannot be checked, and the dialog says so)."""

    def __init__(
        self,
        today: dt.date,
        people: Choices,
        check: Callable[[AllowanceDetails], list[Excess]],
        details: AllowanceDetails | None = None,
        parent: QWidget | None = None,
        known_years: Collection[int] = (),
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._known_years = set(known_years)
        self.setWindowTitle(_("Edit allowance") if details else _("New allowance"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.person = combo(people, details.person_id if details else None)
        self.paid_on = DateField(today)
        self.paid_on.set_date(details.paid_on if details else today)
        self.amount = MoneyField()
        self.amount.set_amount(details.amount if details else None)
        first = details.first_day if details else today.replace(day=1)
        self.first_day = DateField(today)
        self.first_day.set_date(first)
        self.last_day = DateField(today)
        nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        self.last_day.set_date(details.last_day if details else nxt - dt.timedelta(days=1))
        self.per_hour = QCheckBox(_("An hourly rate was agreed:"))
        self.rate = MoneyField()
        if details is not None and details.hourly_rate is not None:
            self.per_hour.setChecked(True)
            self.rate.set_amount(details.hourly_rate)
        self.note = QLineEdit(details.note if details else "")
        self.note.setMaxLength(300)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b3261e;")
        self.problem = error_label()
        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.first_day)
        row.addWidget(QLabel("–"))
        row.addWidget(self.last_day)
        row.addStretch(1)
        form.addRow(_("Volunteer"), self.person)
        form.addRow(_("Paid on"), self.paid_on)
        form.addRow(_("Amount (€)"), self.amount)
        form.addRow(_("For the period"), period)
        form.addRow(self.per_hour, self.rate)
        form.addRow(_("Note"), self.note)
        form.addRow(self.warning)
        form.addRow(self.problem)
        form.addRow(ok_cancel(self))
        for field in (self.paid_on, self.amount, self.first_day, self.last_day, self.rate):
            field.editingFinished.connect(self.show_check)
        self.per_hour.toggled.connect(lambda _on: self.show_check())
        self.person.currentIndexChanged.connect(lambda _i: self.show_check())
        self.show_check()

    def details(self) -> AllowanceDetails | None:
        """The payment as typed, or None while a field is missing or wrong."""
        days = (self.paid_on.date(), self.first_day.date(), self.last_day.date())
        amount = self.amount.amount()
        rate = self.rate.amount() if self.per_hour.isChecked() else None
        if None in days or amount is None or self.person.currentData() is None:
            return None
        if self.per_hour.isChecked() and rate is None:
            return None
        return AllowanceDetails(self.person.currentData(), days[0], amount, days[1], days[2],
                                rate, self.note.text())  # fmt: skip

    def show_check(self) -> list[Excess]:
        self.rate.setEnabled(self.per_hour.isChecked())
        details = self.details()
        found = self._check(details) if details and details.last_day >= details.first_day else []
        lines = [excess.text() for excess in found]
        if found:
            lines.append(_("Going over a limit makes the whole allowance taxable."))
        years = (
            {details.paid_on.year, details.first_day.year, details.last_day.year}
            if details
            else set()
        )
        for year in sorted(years - self._known_years):
            lines.append(
                _(
                    "No tax-free limits known for {year}, so this payment cannot be checked: "
                    "add them under More > Tax-free limits."
                ).format(year=year)
            )
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        return found

    def accept(self) -> None:
        problem = ""
        for field in (self.paid_on, self.first_day, self.last_day, self.amount, self.rate):
            problem = problem or field.problem()
        details = self.details()
        if not problem and details is None:
            problem = _("Fill in who, the date paid, the amount and the period.")
        if not problem and details.last_day < details.first_day:
            problem = _("The last day lies before the first.")
        if not problem and details.amount.cents <= 0:
            problem = _("Enter the amount paid.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()
