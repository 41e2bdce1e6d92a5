"""The forms of a venue (address, contact person) and of one of its rooms (capacity, rates,
facilities, set-up and clearing time). Checked as the user saves, by the domain's rules."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.domain.rooms import RoomDetails, VenueDetails
from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark
from verenigingsbeheer.ui.widgets.money_field import MoneyField

NO_CAPACITY = -1  # the spin box's "not known"


def _line(max_length: int, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setMaxLength(max_length)
    field.setPlaceholderText(placeholder)
    return field


def _notes() -> QPlainTextEdit:
    notes = QPlainTextEdit()
    notes.setFixedHeight(notes.fontMetrics().height() * 3 + 12)
    return notes


def _pair(*widgets: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return row


class VenueDialog(QDialog):
    def __init__(self, details: VenueDetails | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Edit venue") if details else _("New venue"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        self.name = _line(200, _("e.g. Wijkcentrum De Regentes"))
        self.street = _line(200)
        self.house_number = _line(20)
        self.house_number.setMaximumWidth(80)
        self.postcode = _line(20)
        self.postcode.setMaximumWidth(90)
        self.town = _line(100)
        self.phone = _line(30)
        self.email = _line(254)
        self.contact_first = _line(100, _("First name"))
        self.contact_last = _line(100, _("Last name"))
        self.contact_phone = _line(30, _("Phone"))
        self.contact_email = _line(254, _("E-mail"))
        self.notes = _notes()
        self.problems = {key: error_label() for key in ("name", "contact_last_name")}
        form.addRow(_("Name"), self.name)
        form.addRow("", self.problems["name"])
        form.addRow(_("Street and number"), _pair(self.street, self.house_number))
        form.addRow(_("Postcode and town"), _pair(self.postcode, self.town))
        form.addRow(_("Phone"), self.phone)
        form.addRow(_("E-mail"), self.email)
        heading = QLabel(_("Contact person"))
        heading.setStyleSheet("font-weight: 600; margin-top: 6px;")
        form.addRow(heading)
        form.addRow(_("Name"), _pair(self.contact_first, self.contact_last))
        form.addRow("", self.problems["contact_last_name"])
        form.addRow(_("Reach"), _pair(self.contact_phone, self.contact_email))
        hint = QLabel(_("Leave the contact person empty to keep no personal data of them."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6670;")
        form.addRow("", hint)
        form.addRow(_("Notes"), self.notes)
        form.addRow(ok_cancel(self))
        if details is not None:
            for widget, value in (
                (self.name, details.name), (self.street, details.street),
                (self.house_number, details.house_number), (self.postcode, details.postcode),
                (self.town, details.town), (self.phone, details.phone),
                (self.email, details.email), (self.contact_first, details.contact_first_name),
                (self.contact_last, details.contact_last_name),
                (self.contact_phone, details.contact_phone),
                (self.contact_email, details.contact_email),
            ):  # fmt: skip
                widget.setText(value)
            self.notes.setPlainText(details.notes)

    def details(self) -> VenueDetails:
        return VenueDetails(
            self.name.text(), self.street.text(), self.house_number.text(),
            self.postcode.text(), self.town.text(), self.phone.text(), self.email.text(),
            self.contact_first.text(), self.contact_last.text(), self.contact_phone.text(),
            self.contact_email.text(), self.notes.toPlainText(),
        )  # fmt: skip

    def accept(self) -> None:
        problems = rules.validate_venue(self.details())
        mark(self.name, self.problems["name"], problems.get("name", ""))
        mark(self.contact_last, self.problems["contact_last_name"],
             problems.get("contact_last_name", ""))  # fmt: skip
        if not problems:
            super().accept()


class RoomDialog(QDialog):
    def __init__(
        self, venue: str, details: RoomDetails | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Edit room") if details else _("New room"))
        self.setMinimumWidth(440)
        form = QFormLayout(self)
        form.addRow(_("Venue"), QLabel(venue))
        self.name = _line(100, _("e.g. Grote zaal"))
        self.capacity = QSpinBox()
        self.capacity.setRange(NO_CAPACITY, 100_000)
        self.capacity.setSpecialValueText(_("not known"))
        self.capacity.setValue(NO_CAPACITY)
        self.capacity.setSuffix(" " + _("people"))
        self.hourly_rate = MoneyField()
        self.fixed_rate = MoneyField()
        self.facilities = {key: QCheckBox(_(label)) for key, label in rules.FACILITIES.items()}
        grid = QWidget()
        grid_layout = QGridLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        for n, box in enumerate(self.facilities.values()):
            grid_layout.addWidget(box, n // 2, n % 2)
        self.before = QSpinBox()
        self.after = QSpinBox()
        for spin in (self.before, self.after):
            spin.setRange(0, rules.MAX_BUFFER_MINUTES)
            spin.setSingleStep(5)
            spin.setSuffix(" " + _("min"))
        self.notes = _notes()
        self.problems = {key: error_label() for key in ("name", "hourly_rate", "fixed_rate")}
        form.addRow(_("Name"), self.name)
        form.addRow("", self.problems["name"])
        form.addRow(_("Capacity"), self.capacity)
        form.addRow(_("Rent per hour (€)"), self.hourly_rate)
        form.addRow("", self.problems["hourly_rate"])
        form.addRow(_("Fixed rate per booking (€)"), self.fixed_rate)
        form.addRow("", self.problems["fixed_rate"])
        form.addRow(_("Facilities"), grid)
        form.addRow(_("Set-up before"), self.before)
        form.addRow(_("Clearing after"), self.after)
        hint = QLabel(
            _(
                "Set-up and clearing time keep the room free around every booking; they are "
                "not charged."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6670;")
        form.addRow("", hint)
        form.addRow(_("Notes"), self.notes)
        form.addRow(ok_cancel(self))
        if details is not None:
            self.name.setText(details.name)
            self.capacity.setValue(NO_CAPACITY if details.capacity is None else details.capacity)
            self.hourly_rate.set_amount(details.hourly_rate)
            self.fixed_rate.set_amount(details.fixed_rate)
            for key, box in self.facilities.items():
                box.setChecked(key in details.facilities)
            self.before.setValue(details.buffer_before)
            self.after.setValue(details.buffer_after)
            self.notes.setPlainText(details.notes)

    def details(self) -> RoomDetails:
        capacity = self.capacity.value()
        return RoomDetails(
            self.name.text(),
            None if capacity == NO_CAPACITY else capacity,
            self.hourly_rate.amount(),
            self.fixed_rate.amount(),
            frozenset(key for key, box in self.facilities.items() if box.isChecked()),
            self.before.value(),
            self.after.value(),
            self.notes.toPlainText(),
        )

    def accept(self) -> None:
        problems = rules.validate_room(self.details())
        for key, field in (("hourly_rate", self.hourly_rate), ("fixed_rate", self.fixed_rate)):
            if field.problem():  # unreadable: the rules saw no amount at all
                problems[key] = field.problem()
        mark(self.name, self.problems["name"], problems.get("name", ""))
        mark(self.hourly_rate, self.problems["hourly_rate"], problems.get("hourly_rate", ""))
        mark(self.fixed_rate, self.problems["fixed_rate"], problems.get("fixed_rate", ""))
        if not problems:
            super().accept()
