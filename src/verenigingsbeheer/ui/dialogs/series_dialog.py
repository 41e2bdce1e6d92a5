"""Planning a season in one go ("every Tuesday 20:00-22:15 from 1 September to 30 June"),
or changing the rest of a series from a day on. The dates it will take, and the ones it
skips with the holiday's name, are shown while the user types.

The dialog reads nothing itself: the page hands it `preview(rule)` and
`holidays_known(first, last)`, which ask the series service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.activities import SeriesRule, SkippedDate
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.services.series import SeriesDetails
from verenigingsbeheer.ui.dialogs.activity_dialog import kind_combo, time_row
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark
from verenigingsbeheer.ui.widgets.place_choice import PlaceChoice
from verenigingsbeheer.ui.widgets.sections_choice import SectionsChoice, TimeField

Preview = Callable[[SeriesRule], tuple[list[dt.date], list[SkippedDate]]]
SKIPPED = QBrush(QColor("#6b7280"))


def default_season(today: dt.date) -> tuple[dt.date, dt.date]:
    """From today to the end of June; in the summer: the coming season."""
    if today.month in (7, 8):
        return dt.date(today.year, 9, 1), dt.date(today.year + 1, 6, 30)
    start, end = rules.season_of(today)
    return max(today, start), dt.date(end.year, 6, 30)


class SeriesDialog(QDialog):
    def __init__(
        self,
        today: dt.date,
        sections: list[tuple[int, str]],
        places: list[str],
        preview: Preview,
        holidays_known: Callable[[dt.date, dt.date], bool],
        *,
        edit_holidays: Callable[[], None] | None = None,
        rooms: list[tuple[int, str]] = (),
        current: SeriesDetails | None = None,
        from_day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._preview = preview
        self._holidays_known = holidays_known
        self._today = today
        self.changing = current is not None
        self.setWindowTitle(_("Change the series") if self.changing else _("Plan a season"))
        outer = QHBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form, 3)
        self.kind = kind_combo()
        self.title = QLineEdit(rules.default_title("rehearsal"))
        self.title.setMaxLength(200)
        self.weekday = QComboBox()
        for number, name in enumerate(rules.WEEKDAYS):
            self.weekday.addItem(_(name), number)
        self.interval = QComboBox()
        self.interval.addItem(_("every week"), 1)
        self.interval.addItem(_("every other week"), 2)
        self.start = TimeField(dt.time(20, 0))
        self.end = TimeField(dt.time(22, 15))
        first, last = default_season(today)
        self.first_date = DateField(today)
        self.first_date.set_date(first)
        self.last_date = DateField(today)
        self.last_date.set_date(last)
        self.from_day = DateField(today)
        self.place = PlaceChoice(list(rooms), places)
        self.sections = SectionsChoice(sections)
        self.skip_public = QCheckBox(_("Skip public holidays"))
        self.skip_public.setChecked(True)
        self.skip_school = QCheckBox(_("Skip school holidays (region Midden)"))
        self.holidays_button = QPushButton(_("School holidays…"))
        self.holidays_button.setVisible(edit_holidays is not None)
        if edit_holidays is not None:
            self.holidays_button.clicked.connect(lambda: (edit_holidays(), self._refresh()))
        self.holidays_warning = error_label()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.problem = {key: error_label() for key in
                        ("title", "dates", "end_time", "sections", "place")}  # fmt: skip

        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Title"), self.title)
        form.addRow("", self.problem["title"])
        every = QWidget()
        every_layout = QHBoxLayout(every)
        every_layout.setContentsMargins(0, 0, 0, 0)
        every_layout.addWidget(self.weekday)
        every_layout.addWidget(self.interval)
        every_layout.addStretch(1)
        form.addRow(_("Day"), every)
        form.addRow(_("Time"), time_row(self.start, self.end))
        form.addRow("", self.problem["end_time"])
        if self.changing:
            form.addRow(_("Change from"), self.from_day)
        form.addRow(_("First day"), self.first_date)
        form.addRow(_("Last day"), self.last_date)
        form.addRow("", self.problem["dates"])
        form.addRow(_("Place"), self.place)
        form.addRow("", self.problem["place"])
        form.addRow(_("Expected"), self.sections)
        form.addRow("", self.problem["sections"])
        holidays = QWidget()
        holidays_layout = QVBoxLayout(holidays)
        holidays_layout.setContentsMargins(0, 0, 0, 0)
        holidays_layout.addWidget(self.skip_public)
        school = QHBoxLayout()
        school.addWidget(self.skip_school)
        school.addWidget(self.holidays_button)
        school.addStretch(1)
        holidays_layout.addLayout(school)
        holidays_layout.addWidget(self.holidays_warning)
        form.addRow(_("Holidays"), holidays)
        form.addRow(_("Notes"), self.notes)

        side = QVBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.dates = QListWidget()
        self.dates.setMinimumWidth(290)
        side.addWidget(self.summary)
        side.addWidget(self.dates, 1)
        side.addWidget(ok_cancel(self, _("Change the series") if self.changing else _("Plan")))
        outer.addLayout(side, 2)

        if current is not None:
            self._fill(current, from_day or today)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refresh)
        for signal in (
            self.weekday.currentIndexChanged, self.interval.currentIndexChanged,
            self.start.timeChanged, self.end.timeChanged, self.first_date.textChanged,
            self.last_date.textChanged, self.from_day.textChanged, self.skip_public.toggled,
            self.skip_school.toggled,
        ):  # fmt: skip
            signal.connect(lambda *_a: self._timer.start())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._typed_title = self.changing
        self.title.textEdited.connect(lambda _t: setattr(self, "_typed_title", True))
        self._refresh()

    def _fill(self, current: SeriesDetails, from_day: dt.date) -> None:
        rule = current.rule
        self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind)))
        self.title.setText(current.title)
        self.weekday.setCurrentIndex(rule.weekday)
        self.interval.setCurrentIndex(max(0, self.interval.findData(rule.interval_weeks)))
        self.start.set_time(rule.start_time)
        self.end.set_time(rule.end_time)
        self.first_date.set_date(rule.first_date)
        self.first_date.setReadOnly(True)
        self.first_date.setToolTip(_("The first day of a series stays as it was."))
        self.last_date.set_date(rule.last_date)
        self.from_day.set_date(from_day)
        self.place.set_place(current.room_id, current.place)
        self.sections.set_section_ids(current.section_ids)
        self.skip_public.setChecked(rule.skip_public_holidays)
        self.skip_school.setChecked(rule.skip_school_holidays)
        self.notes.setPlainText(current.notes)

    def _kind_changed(self, _index: int) -> None:
        if not self._typed_title:
            self.title.setText(rules.default_title(self.kind.currentData()))

    # -- values -----------------------------------------------------------------------------
    def rule(self) -> SeriesRule | None:
        """The rule as typed, or None while a date is missing or wrong."""
        first, last = self.first_date.date(), self.last_date.date()
        if first is None or last is None:
            return None
        return SeriesRule(
            self.weekday.currentData(),
            self.start.value(),
            self.end.value(),
            first,
            last,
            self.interval.currentData(),
            self.skip_public.isChecked(),
            self.skip_school.isChecked(),
        )

    def details(self) -> SeriesDetails:
        rule = self.rule()
        assert rule is not None, "only after check()"
        return SeriesDetails(
            self.kind.currentData(),
            self.title.text(),
            rule,
            self.place.place(),
            self.sections.section_ids(),
            self.notes.toPlainText(),
            self.place.room_id(),
        )

    def change_from(self) -> dt.date:
        return self.from_day.date() or dt.date.min

    def _date_problem(self) -> str:
        fields = (self.first_date, self.last_date, self.from_day) if self.changing else (
            self.first_date, self.last_date)  # fmt: skip
        for field in fields:
            if field.problem():
                return field.problem()
            if field.date() is None:
                return _("Enter the first and the last day.")
        return ""

    def check(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        date_problem = self._date_problem()
        rule = self.rule()
        if rule is not None and not date_problem:
            found = rules.validate_series(rule, self.title.text())
            found.update(rules.validate_activity(self.details().occurrence(rule.first_date)))
            if found.get("last_date"):
                date_problem = found.pop("last_date")
            problems.update(found)
            if self.changing and not date_problem:
                start = self.change_from()
                if not rule.first_date <= start <= rule.last_date:
                    date_problem = _("'Change from' lies outside the series.")
        elif not self.title.text().strip():
            problems["title"] = _("Enter a title, e.g. Repetitie.")
        if date_problem:
            problems["dates"] = date_problem
        if self.sections.problem():
            problems["sections"] = self.sections.problem()
        widgets = {"title": self.title, "dates": self.last_date, "end_time": self.end,
                   "sections": self.sections.list, "place": self.place.text}  # fmt: skip
        for key, label in self.problem.items():
            mark(widgets[key], label, problems.get(key, ""))
        return problems

    def accept(self) -> None:
        self._refresh()
        if self.check():
            return
        if not self.preview_dates:
            self.summary.setText(_("This series falls on no day at all; check the dates."))
            return
        super().accept()

    # -- the preview ------------------------------------------------------------------------
    def _refresh(self) -> None:
        self.preview_dates: list[dt.date] = []
        self.dates.clear()
        rule = self.rule()
        if rule is None or self._date_problem() or rule.last_date < rule.first_date:
            self.summary.setText(_("Enter the first and the last day to see the dates."))
            self.holidays_warning.hide()
            return
        if (rule.last_date - rule.first_date).days > rules.MAX_SERIES_DAYS:
            self.summary.setText(_("A series runs for at most two years."))
            return
        if self.changing:
            rule = replace(rule, first_date=max(rule.first_date, self.change_from()))
        dates, skipped = self._preview(rule)
        self.preview_dates = dates
        entries = [(day, "") for day in dates] + [(s.day, s.why) for s in skipped]
        for day, why in sorted(entries):
            text = format_date(day, "EEE d MMM y")
            item = QListWidgetItem(f"{text} ({why})" if why else text)
            if why:
                item.setForeground(SKIPPED)
                item.setToolTip(_("Skipped: {why}").format(why=why))
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
            self.dates.addItem(item)
        counted = ngettext("{n} date", "{n} dates", len(dates)).format(n=format_number(len(dates)))
        if skipped:
            counted += "; " + ngettext(
                "{n} skipped for a holiday", "{n} skipped for holidays", len(skipped)
            ).format(n=format_number(len(skipped)))
        if self.changing:
            counted = _("From {day}: {counted}").format(
                day=format_date(rule.first_date, "d MMM y"), counted=counted
            )
            if rule.first_date < self._today:
                counted += "\n" + _(
                    "'Change from' lies in the past: activities already held change too, "
                    "except those whose attendance was registered."
                )
        self.summary.setText(counted)
        unknown = rule.skip_school_holidays and not self._holidays_known(
            rule.first_date, rule.last_date
        )
        self.holidays_warning.setText(
            _("The school holidays of this period are not all known yet; add them first.")
            if unknown
            else ""
        )
        self.holidays_warning.setVisible(unknown)
