"""New member / edit member: validates as you type, saves in one transaction, never drops
unsaved edits without asking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from verenigingsbeheer.domain.member import MemberDetails, normalise, validate
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.categories import Category
from verenigingsbeheer.services.member_records import MemberRecord
from verenigingsbeheer.ui.dialogs.member_form import MemberForm

REQUIRED = ("first_name", "last_name", "member_since")
# Saves the details and the household choice; returns problems per field when refused.
Saver = Callable[[MemberDetails, tuple[int | None, bool]], dict[str, str] | None]


class MemberDialog(QDialog):
    def __init__(
        self,
        today: dt.date,
        sections: list[Category],
        types: list[Category],
        record: MemberRecord | None,
        save: Saver,
        asker,
        parent: QWidget | None = None,
        households: list = (),
        committees: list[str] = (),
        view_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._asker = asker
        self._tried = False
        self.setWindowTitle(record.name.full if record else _("New member"))
        self.setMinimumSize(640, 520)
        layout = QVBoxLayout(self)
        self.form = MemberForm(
            today, sections, types, households, committees=committees,
            run_dialog=asker.run_dialog,
        )  # fmt: skip
        layout.addWidget(self.form, 1)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #c0392b;")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if record is None:
            self._initial = MemberDetails(first_name="", last_name="", member_since=today)
        else:
            self._initial = record.details
            self.form.number_label.setText(str(record.member_number))
            self.form.set_history(record.periods)
        self.form.set_details(self._initial)
        self._initial_household = (
            (record.household_id, record.pays_for_household) if record else (None, False)
        )
        self.form.set_household(*self._initial_household)
        self.view_only = view_only
        if view_only:  # the file is open read-only: look, do not touch
            self.setWindowTitle(_("{name} (read-only)").format(name=self.windowTitle()))
            self.form.set_read_only()
            self.save_button.hide()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Close"))
            return
        self.form.changed.connect(self._check)
        self._check()
        self.form.fields["first_name"].setFocus()

    def problems(self) -> dict[str, str]:
        problems = validate(self.form.details(), self.form.today)
        problems.update(self.form.date_problems())  # an unreadable date beats "missing"
        return problems

    def _check(self) -> dict[str, str]:
        problems = self.problems()
        shown = (
            problems if self._tried else {k: v for k, v in problems.items() if k not in REQUIRED}
        )
        self.form.show_problems(shown)
        self.summary.setText(
            _("Correct the marked fields; nothing has been saved yet.") if shown else ""
        )
        return problems

    def has_unsaved_changes(self) -> bool:
        if self.view_only:
            return False
        return (
            normalise(self.form.details()) != normalise(self._initial)
            or self.form.household_choice() != self._initial_household
            or bool(self.form.date_problems())
        )

    def accept(self) -> None:
        if self.view_only:
            return
        self._tried = True
        problems = self._check()
        if problems:
            index = self.form.first_tab_with_problem()
            if index is not None:
                self.form.setCurrentIndex(index)
            return
        refused = self._save(self.form.details(), self.form.household_choice())
        if refused:
            self.form.show_problems(refused)
            self.summary.setText(_("Not saved: correct the marked fields first."))
            return
        super().accept()

    def reject(self) -> None:
        if self.has_unsaved_changes():
            answer = self._asker.save_changes(self, _("Save the changes to this member?"))
            if answer == "save":
                self.accept()
                return
            if answer == "cancel":
                return
        super().reject()
