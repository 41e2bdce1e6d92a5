"""Ending a membership and coming back: dated actions, each its own small dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark


class _DatedDialog(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.form.addRow(label)
        self.problem = error_label()
        self.buttons = ok_cancel(self)

    def finish_layout(self) -> None:
        self.form.addRow(self.problem)
        self.form.addRow(self.buttons)


class EndMembershipDialog(_DatedDialog):
    def __init__(self, name: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(
            _("End membership"),
            _("{name} stays in the file as a former member; nothing is deleted.").format(name=name),
            parent,
        )
        self._today = today
        self.until = DateField(today)
        self.until.set_date(today)
        self.notice = DateField(today)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("e.g. moved, stopped singing"))
        self.form.addRow(_("Member until"), self.until)
        self.form.addRow(_("Notice given on"), self.notice)
        self.form.addRow(_("Reason for leaving"), self.reason)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("End membership"))
        self.finish_layout()

    def accept(self) -> None:
        until_problem = self.until.problem() or (
            "" if self.until.date() else _("Enter the last day of the membership.")
        )
        notice, notice_problem = self.notice.date(), self.notice.problem()
        if not notice_problem and notice is not None:
            if notice > self._today:
                notice_problem = _("Notice cannot be given in the future.")
            elif self.until.date() is not None and notice > self.until.date():
                notice_problem = _("Notice was given after the end date.")
        mark(self.until, None, until_problem)
        mark(self.notice, None, notice_problem)
        problem = until_problem or notice_problem
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()


class RejoinDialog(_DatedDialog):
    def __init__(self, name: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Rejoin"),
            _("{name} becomes a member again, with the same member number.").format(name=name),
            parent,
        )
        self.since = DateField(today)
        self.since.set_date(today)
        self.form.addRow(_("Member again from"), self.since)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Rejoin"))
        self.finish_layout()

    def accept(self) -> None:
        problem = self.since.problem() or ("" if self.since.date() else _("Enter a date."))
        mark(self.since, self.problem, problem)
        if not problem:
            super().accept()
