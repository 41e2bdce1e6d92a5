"""The member form's widgets, laid out on tabs; reading and filling MemberDetails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.domain.member import CONSENT_KINDS, CONSENT_LABELS, Consent, MemberDetails
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.categories import Category
from verenigingsbeheer.services.households import NEW as NEW_HOUSEHOLD
from verenigingsbeheer.services.households import HouseholdRow
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark
from verenigingsbeheer.ui.widgets.functions_editor import FunctionsEditor

TEXT_FIELDS = (
    "first_name", "tussenvoegsel", "last_name", "initials", "street", "house_number",
    "house_number_addition", "postcode", "town", "country", "phone", "email",
    "emergency_contact", "iban", "mandate_reference", "end_reason", "ooievaarspas_number",
)  # fmt: skip
DATE_FIELDS = (
    "date_of_birth", "member_since", "notice_given_on", "member_until", "mandate_signed_on",
    "ooievaarspas_valid_until",
)  # fmt: skip


class ConsentRow:
    """A tick box, the date it was given and, for children, the parent who gave it."""

    def __init__(self, kind: str, today: dt.date) -> None:
        self.kind = kind
        self.given = QCheckBox(_(CONSENT_LABELS[kind]))
        self.date = DateField(today)
        self.parent = QLineEdit()
        self.parent.setPlaceholderText(_("given by parent (under 16)"))
        self.given.toggled.connect(self._update)
        self._today = today
        self._update(False)

    def _update(self, checked: bool) -> None:
        self.date.setEnabled(checked)
        self.parent.setEnabled(checked)
        if checked and not self.date.text():
            self.date.set_date(self._today)


class MemberForm(QTabWidget):
    changed = Signal()

    def __init__(
        self,
        today: dt.date,
        sections: list[Category],
        types: list[Category],
        households: list[HouseholdRow] = (),
        parent=None,
        committees: list[str] = (),
        run_dialog: Callable[[QDialog], bool] = lambda dialog: bool(dialog.exec()),
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        for name in TEXT_FIELDS:
            self.fields[name] = QLineEdit()
        for name in DATE_FIELDS:
            self.fields[name] = DateField(today)
        self.fields["country"].setMaxLength(2)
        self.fields["country"].setMaximumWidth(60)
        self.fields["house_number"].setMaximumWidth(80)
        self.fields["house_number_addition"].setMaximumWidth(80)
        self.fields["postcode"].setMaximumWidth(100)
        self.fields["iban"].setPlaceholderText("NL91 ABNA 0417 1643 00")
        self.fields["email"].setPlaceholderText(_("name@example.nl"))
        self.section = QComboBox()
        self.section.addItem(_("(no section)"), None)
        for category in sections:
            self.section.addItem(category.name, category.id)
        self.membership_type = QComboBox()
        self.membership_type.addItem(_("(no type)"), None)
        for category in types:
            self.membership_type.addItem(category.name, category.id)
        self.ooievaarspas = QCheckBox(_("Has an Ooievaarspas (The Hague's pass)"))
        self.household = QComboBox()
        self.household.addItem(_("(none)"), None)
        self.household.addItem(_("New household"), NEW_HOUSEHOLD)
        for household in households:
            self.household.addItem(household.label, household.id)
        self.pays_for_household = QCheckBox(_("pays for the household"))
        self.household.currentIndexChanged.connect(
            lambda _i: self.pays_for_household.setEnabled(self.household.currentData() is not None)
        )
        self.pays_for_household.setEnabled(False)
        self.consents = {kind: ConsentRow(kind, today) for kind in CONSENT_KINDS}
        self.notes = QPlainTextEdit()
        self.number_label = QLabel(_("given when saved"))
        self.functions = FunctionsEditor(today, list(committees), run_dialog)
        self.history = QLabel(_("This is the first membership."))
        self.history.setWordWrap(True)
        self.addTab(self._person_tab(), _("Person and address"))
        self.addTab(self._membership_tab(), _("Membership"))
        self.addTab(self._functions_tab(), _("Functions"))
        self.addTab(self._payment_tab(), _("Payment and pass"))
        self.addTab(self._consent_tab(), _("Consents and notes"))
        self._tab_titles = [self.tabText(i) for i in range(self.count())]
        for widget in self.fields.values():
            widget.textChanged.connect(self.changed)
        for combo in (self.section, self.membership_type, self.household):
            combo.currentIndexChanged.connect(self.changed)
        self.pays_for_household.toggled.connect(self.changed)
        self.ooievaarspas.toggled.connect(self.changed)
        self.ooievaarspas.toggled.connect(self._pass_fields_follow)
        self._pass_fields_follow(False)
        self.functions.changed.connect(self.changed)
        self.notes.textChanged.connect(self.changed)
        for row in self.consents.values():
            row.given.toggled.connect(self.changed)
            row.date.textChanged.connect(self.changed)
            row.parent.textChanged.connect(self.changed)

    # -- layout -------------------------------------------------------------------------
    def _row(self, form: QFormLayout, label: str, *names: str, widget: QWidget | None = None):
        box = QHBoxLayout()
        for name in names:
            box.addWidget(
                self.fields[name],
                0
                if name in ("house_number", "house_number_addition", "postcode", "country")
                else 1,
            )
        if widget is not None:
            box.addWidget(widget, 1)
        form.addRow(label, box)
        error = error_label()
        form.addRow("", error)
        for name in names:
            self.errors[name] = error
        return error

    def _person_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._row(form, _("First name"), "first_name")
        self._row(form, _("Tussenvoegsel and last name"), "tussenvoegsel", "last_name")
        self.fields["tussenvoegsel"].setMaximumWidth(110)
        self.fields["tussenvoegsel"].setPlaceholderText(_("van der"))
        self._row(form, _("Initials"), "initials")
        self._row(form, _("Date of birth"), "date_of_birth")
        self._row(
            form, _("Street, number, addition"), "street", "house_number", "house_number_addition"
        )
        self._row(form, _("Postcode, town, country"), "postcode", "town", "country")
        self._row(form, _("Phone"), "phone")
        self._row(form, _("E-mail"), "email")
        self._row(form, _("Emergency contact"), "emergency_contact")
        self.fields["emergency_contact"].setPlaceholderText(_("name and phone number"))
        return page

    def _membership_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(_("Member number"), self.number_label)
        form.addRow(_("Section"), self.section)
        form.addRow(_("Membership type"), self.membership_type)
        self._row(form, _("Member since"), "member_since")
        self._row(form, _("Notice given on"), "notice_given_on")
        self._row(form, _("Member until"), "member_until")
        self._row(form, _("Reason for leaving"), "end_reason")
        household_row = QHBoxLayout()
        household_row.addWidget(self.household, 1)
        household_row.addWidget(self.pays_for_household)
        form.addRow(_("Household"), household_row)
        form.addRow(_("Earlier memberships"), self.history)
        return page

    def _functions_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_("Board and committee functions")))
        layout.addWidget(self.functions, 1)
        self.errors["functions"] = error_label()
        layout.addWidget(self.errors["functions"])
        return page

    def _pass_fields_follow(self, has_pass: bool) -> None:
        """The pass number and date belong to a pass: typed only while the box is ticked."""
        for name in ("ooievaarspas_number", "ooievaarspas_valid_until"):
            self.fields[name].setEnabled(has_pass)

    def set_history(self, periods: tuple[tuple[dt.date, dt.date | None, str], ...]) -> None:
        """The periods before the latest one (which the Membership tab edits)."""
        earlier = periods[:-1]
        lines = []
        for start, end, reason in earlier:
            line = f"{format_date(start, 'medium')} – {format_date(end, 'medium') if end else ''}"
            lines.append(f"{line} ({reason})" if reason else line)
        self.history.setText("\n".join(lines) or _("This is the first membership."))

    def _payment_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._row(form, _("IBAN"), "iban")
        self._row(form, _("Mandate reference"), "mandate_reference")
        self._row(form, _("Mandate signed on"), "mandate_signed_on")
        form.addRow("", self.ooievaarspas)
        self.errors["ooievaarspas"] = error_label()
        form.addRow("", self.errors["ooievaarspas"])
        self._row(form, _("Pass number"), "ooievaarspas_number")
        self._row(form, _("Pass valid until"), "ooievaarspas_valid_until")
        return page

    def _consent_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Permission for")), 0, 0)
        grid.addWidget(QLabel(_("Given on")), 0, 1)
        grid.addWidget(QLabel(_("By parent")), 0, 2)
        for index, row in enumerate(self.consents.values(), start=1):
            grid.addWidget(row.given, index * 2 - 1, 0)
            grid.addWidget(row.date, index * 2 - 1, 1)
            grid.addWidget(row.parent, index * 2 - 1, 2)
            self.errors[f"consent_{row.kind}"] = error_label()
            grid.addWidget(self.errors[f"consent_{row.kind}"], index * 2, 0, 1, 3)
        layout.addLayout(grid)
        layout.addWidget(QLabel(_("Notes")))
        layout.addWidget(self.notes, 1)
        return page

    # -- data -----------------------------------------------------------------------------
    def set_details(self, details: MemberDetails) -> None:
        for name in TEXT_FIELDS:
            self.fields[name].setText(getattr(details, name))
        for name in DATE_FIELDS:
            self.fields[name].set_date(getattr(details, name))
        self.section.setCurrentIndex(max(0, self.section.findData(details.section_id)))
        self.membership_type.setCurrentIndex(
            max(0, self.membership_type.findData(details.membership_type_id))
        )
        self.ooievaarspas.setChecked(details.ooievaarspas)
        self._pass_fields_follow(details.ooievaarspas)
        self.notes.setPlainText(details.notes)
        self.functions.set_functions(details.functions)
        for kind, row in self.consents.items():
            consent = details.consents.get(kind)
            row.given.setChecked(consent is not None)
            row.date.set_date(consent.given_on if consent else None)
            row.parent.setText(consent.given_by_parent if consent else "")

    def set_read_only(self) -> None:
        """Every field shown but not editable; texts stay selectable to copy."""
        for widget in self.fields.values():
            widget.setReadOnly(True)
        self.notes.setReadOnly(True)
        for widget in (self.section, self.membership_type, self.household,
                       self.pays_for_household, self.ooievaarspas):  # fmt: skip
            widget.setEnabled(False)
        for row in self.consents.values():
            for widget in (row.given, row.date, row.parent):
                widget.setEnabled(False)
        self.functions.set_read_only()

    def set_household(self, household_id: int | None, pays: bool) -> None:
        self.household.setCurrentIndex(max(0, self.household.findData(household_id)))
        self.pays_for_household.setChecked(pays)

    def household_choice(self) -> tuple[int | None, bool]:
        household = self.household.currentData()
        return household, bool(household is not None and self.pays_for_household.isChecked())

    def date_problems(self) -> dict[str, str]:
        problems = {name: self.fields[name].problem() for name in DATE_FIELDS}
        for kind, row in self.consents.items():
            if row.given.isChecked():
                problems[f"consent_{kind}"] = row.date.problem() or (
                    "" if row.date.text().strip() else _("Enter the date it was given.")
                )
        return {name: message for name, message in problems.items() if message}

    def details(self) -> MemberDetails:
        return MemberDetails(
            **{name: self.fields[name].text() for name in TEXT_FIELDS},
            **{name: self.fields[name].date() for name in DATE_FIELDS},
            section_id=self.section.currentData(),
            membership_type_id=self.membership_type.currentData(),
            ooievaarspas=self.ooievaarspas.isChecked(),
            notes=self.notes.toPlainText(),
            functions=self.functions.functions(),
            consents={
                kind: Consent(row.date.date(), row.parent.text())
                for kind, row in self.consents.items()
                if row.given.isChecked() and row.date.date() is not None
            },
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        """Mark every field; tabs holding a problem get a warning sign in their title."""
        for name, widget in self.fields.items():
            mark(widget, None, problems.get(name, ""))
        for label in self.errors.values():
            label.setText("")
            label.hide()
        for name, message in problems.items():
            label = self.errors.get(name)
            if label is not None:
                label.setText(" ".join(filter(None, (label.text(), message))))
                label.show()
        for index, title in enumerate(self._tab_titles):
            page = self.widget(index)
            bad = any(
                label.isVisibleTo(page) and label.text() and page.isAncestorOf(label)
                for label in self.errors.values()
            )
            self.setTabText(index, f"{title} ⚠" if bad else title)

    def first_tab_with_problem(self) -> int | None:
        for index in range(self.count()):
            if self.tabText(index).endswith("⚠"):
                return index
        return None
