"""The registration dialog's widgets: the activity, the mode, the list, the reason of the
chosen excuse, the totals and the buttons. The logic is in dialog.py."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
)

from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.attendance import Registration
from verenigingsbeheer.ui.dialogs.attendance.table import RegistrationTable
from verenigingsbeheer.ui.models.attendance_table import ATTENDANCE, AVAILABILITY

NOTE_STYLE = "color: #5f6670;"
WARNING_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px 10px; border-radius: 3px;"
KEY_HINTS = {
    ATTENDANCE: N_(
        "Keys: ↑ ↓ move · P present · L late · E excused (Shift+E with a reason) · A absent · "
        "Delete clears · R reason. P on a section heading: everyone of the section not marked "
        "yet is present. Every mark is saved at once."
    ),
    AVAILABILITY: N_(
        "Keys: ↑ ↓ move · P coming · E excused (Shift+E with a reason) · Delete not known · "
        "R reason. Every change is saved at once."
    ),
}


class AttendanceDialogView(QDialog):
    def build(self, found: Registration, editable: bool) -> None:
        when = _("{date} at {time}").format(
            date=format_date(found.date, "full"), time=f"{found.start_time:%H:%M}"
        )
        self.setWindowTitle(_("Attendance: {title}").format(title=found.title))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.heading = QLabel(f"<b>{escape(found.title)}</b> – {escape(when)}")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.warning = QLabel()
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        warnings = []
        if found.cancelled:
            warnings.append(_("This activity is cancelled: its attendance does not count."))
        if not editable:
            warnings.append(
                _("This file is open read-only: you can look at the marks, not change them.")
            )
        self.warning.setText(" ".join(warnings))
        self.warning.setVisible(bool(warnings))
        layout.addWidget(self.warning)

        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.addTab(_("&Attendance"))
        self.tabs.addTab(_("A&vailability beforehand"))
        layout.addWidget(self.tabs)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.hint)
        self.empty = QLabel(_("Nobody is expected at this activity."))
        self.empty.setVisible(not found.members)
        layout.addWidget(self.empty)

        self.table = RegistrationTable()
        layout.addWidget(self.table, 1)

        reason_row = QHBoxLayout()
        self.reason_label = QLabel(_("Reason for the excuse:"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("optional; only shown on screen, never printed"))
        self.reason.setMaxLength(300)
        self.reason_label.setBuddy(self.reason)
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason, 1)
        layout.addLayout(reason_row)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        bold = self.totals.font()
        bold.setWeight(QFont.Weight.DemiBold)
        self.totals.setFont(bold)
        layout.addWidget(self.totals)

        buttons = QHBoxLayout()
        self.everyone_button = QPushButton(_("&Everyone present"))
        self.everyone_button.setToolTip(
            _("Everyone expected who is not marked yet is marked present.")
        )
        self.copy_button = QPushButton(_("&Copy list"))
        self.copy_button.setToolTip(
            _("Copies names and marks (without reasons), to paste in an e-mail or spreadsheet.")
        )
        self.close_button = QPushButton(_("Close"))
        for button in (self.everyone_button, self.copy_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the list must not close the dialog
        buttons.addWidget(self.everyone_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
