"""What to put in the calendar file: every activity or those of one section (a tenor's
calendar has no sectionals of the sopranos), and all of them or one period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.date_field import DateField, period_problem
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark


class CalendarExportDialog(QDialog):
    def __init__(
        self,
        today: dt.date,
        sections: list[tuple[int, str]],
        season: tuple[dt.date, dt.date],
        season_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export to calendar"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        intro = QLabel(
            _(
                "An iCalendar file (.ics) that Google Calendar, Outlook and the calendar on "
                "a phone can import. Every activity keeps its own identity, so importing a "
                "newer export updates moved and cancelled ones instead of adding them twice."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.section = QComboBox()
        self.section.addItem(_("All sections"), None)
        for section_id, name in sections:
            self.section.addItem(name, section_id)
        form.addRow(_("For"), self.section)
        self.everything = QRadioButton(_("Every activity in the file"))
        self.season = QRadioButton(season_text)
        self.other = QRadioButton(_("Another period"))
        self.season.setChecked(True)
        self._season = season
        self.since = DateField(today)
        self.until = DateField(today)
        self.since.set_date(season[0])
        self.until.set_date(season[1])
        dates = QWidget()
        dates_layout = QHBoxLayout(dates)
        dates_layout.setContentsMargins(20, 0, 0, 0)
        dates_layout.addWidget(self.since)
        dates_layout.addWidget(QLabel("–"))
        dates_layout.addWidget(self.until)
        dates_layout.addStretch(1)
        period = QWidget()
        period_layout = QVBoxLayout(period)
        period_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.season, self.everything, self.other, dates):
            period_layout.addWidget(widget)
        form.addRow(_("Period"), period)
        self.problem = error_label()
        form.addRow(self.problem)
        form.addRow(ok_cancel(self, _("Export…")))
        self.other.toggled.connect(dates.setEnabled)
        dates.setEnabled(False)

    def section_id(self) -> int | None:
        return self.section.currentData()

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """(None, None) for every activity."""
        if self.everything.isChecked():
            return None, None
        if self.season.isChecked():
            return self._season
        return self.since.date(), self.until.date()

    def accept(self) -> None:
        problem = period_problem(self.since, self.until) if self.other.isChecked() else ""
        mark(self.until, self.problem, problem)
        if not problem:
            super().accept()
