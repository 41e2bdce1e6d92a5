"""Fills the attendance page from the figures services and opens the registration dialog.

The threshold and the minimum only repaint (no reading); the period and the kind read the
figures again, in one look at the file.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView

from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number, format_percent
from verenigingsbeheer.services import activities, attendance
from verenigingsbeheer.services import attendance_figures as figures
from verenigingsbeheer.services.attendance import SectionTally
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.dialogs.attendance import ATTENDANCE, AVAILABILITY, open_attendance
from verenigingsbeheer.ui.models.attendance_figures_table import (
    SORT_ROLE,
    ActivityFiguresTableModel,
    LineUpTableModel,
    MemberFiguresTableModel,
    SectionFiguresTableModel,
)
from verenigingsbeheer.ui.pages.attendance.view import AttendanceView
from verenigingsbeheer.ui.widgets.date_field import period_problem

OTHER_PERIOD = "other"


def _sorted(model, parent) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy


def fit_columns(table, widths: dict[int, int], stretch: int | None = None) -> None:
    """Each column as wide as its heading, or as given in `widths`; column `stretch` (or
    else the last) takes what is left."""
    header = table.horizontalHeader()
    header.setStretchLastSection(stretch is None)
    metrics = header.fontMetrics()
    model = table.model()
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        title = model.headerData(column, Qt.Orientation.Horizontal)
        width = widths.get(column) or metrics.horizontalAdvance(title) + 16
        table.setColumnWidth(column, width)


def season_label(start: dt.date) -> str:
    return _("Season {first}–{last}").format(first=start.year, last=start.year + 1)


class AttendancePage(AttendanceView):
    """Attendance figures for a period, and the way in to register an activity."""

    def __init__(self, context: PageContext) -> None:
        super().__init__(context.today())
        self.context = context
        self.members_model = MemberFiguresTableModel(self)
        self.members_proxy = _sorted(self.members_model, self)
        self.members_table.setModel(self.members_proxy)
        self.activities_model = ActivityFiguresTableModel(self)
        self.activities_proxy = _sorted(self.activities_model, self)
        self.activities_table.setModel(self.activities_proxy)
        self.sections_model = SectionFiguresTableModel(self)
        self.sections_table.setModel(self.sections_model)
        self.line_up_model = LineUpTableModel(self)
        self.line_up_table.setModel(self.line_up_model)
        fit_columns(self.members_table, {0: 180, 1: 85, 2: 80})
        fit_columns(self.activities_table, {0: 100, 1: 150, 2: 90, 3: 150})
        fit_columns(self.sections_table, {1: 80}, stretch=0)
        fit_columns(self.line_up_table, {0: 150})
        self.members_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.activities_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.kind.addItem(_("Rehearsals"), rules.REHEARSAL_KINDS)
        self.kind.addItem(_("All kinds"), None)
        for key in rules.KINDS:
            self.kind.addItem(rules.kind_label(key), (key,))
        self.threshold.setValue(round(figures.DEFAULT_THRESHOLD * 100))
        self.minimum.setValue(figures.DEFAULT_MINIMUM)
        self.dates.hide()
        self._season_start: dt.date | None = None  # the chosen season, kept across refreshes

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since.editingFinished.connect(self.refresh)
        self.until.editingFinished.connect(self.refresh)
        self.threshold.valueChanged.connect(self._threshold_changed)
        self.minimum.valueChanged.connect(self._minimum_changed)
        self.performance.currentIndexChanged.connect(lambda _i: self._show_line_up())
        self.activities_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._show_sections()
        )
        self.activities_table.doubleClicked.connect(lambda _index: self.register())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.activities_table, self.register)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.register_button.clicked.connect(lambda: self.register(ATTENDANCE))
        self.availability_button.clicked.connect(lambda: self.register(AVAILABILITY))
        self.line_up_button.clicked.connect(self.fill_in_line_up)
        self.print_button.clicked.connect(self.print_report)

    def page_title(self) -> str:
        return _("Attendance")

    def editing_controls(self) -> list:
        # The dialog opens in a read-only file too, to look: it switches its own marks off.
        return []

    def can_leave(self) -> bool:
        return True

    # -- the period -------------------------------------------------------------------------
    def chosen_period(self) -> tuple[dt.date, dt.date] | None:
        chosen = self.period.currentData()
        if chosen != OTHER_PERIOD:
            return chosen
        problem = period_problem(self.since, self.until)
        first, last = self.since.date(), self.until.date()
        self.date_problem.setText(problem)
        self.date_problem.setVisible(bool(problem))
        return None if problem else (first, last)

    def _fill_periods(self, seasons: list[tuple[dt.date, dt.date]]) -> None:
        current = self.period.currentData()
        if self._season_start is None:
            self._season_start = rules.season_of(self.context.today())[0]
        self.period.blockSignals(True)
        self.period.clear()
        for start, end in seasons:
            self.period.addItem(season_label(start), (start, end))
        self.period.addItem(_("Other period"), OTHER_PERIOD)
        if current == OTHER_PERIOD:
            self.period.setCurrentIndex(self.period.count() - 1)
        else:
            starts = [start for start, _end in seasons]
            wanted = self._season_start
            self.period.setCurrentIndex(starts.index(wanted) if wanted in starts else 0)
        self.period.blockSignals(False)

    def _period_chosen(self, _index: int) -> None:
        chosen = self.period.currentData()
        other = chosen == OTHER_PERIOD
        if other and not self.since.text() and self._season_start is not None:
            self.since.set_date(self._season_start)
            self.until.set_date(rules.season_of(self._season_start)[1])
        elif not other and chosen is not None:
            self._season_start = chosen[0]
            self.date_problem.hide()
        self.dates.setVisible(other)
        self.refresh()

    # -- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.context.today()
        with self.context.database.reading() as session:
            self._fill_periods(figures.seasons(session, today))
            period = self.chosen_period()
            if period is None:
                return
            start, end = period
            kinds = self.kind.currentData()
            members, found = figures.period_figures(session, start, end, kinds)
            coming = activities.list_activities(
                session, today, kind="performance", include_cancelled=False
            )
        self._show_members(members)
        self._show_activities(found, today)
        self._show_course(found, start, end)
        self._fill_performances(coming)

    def _show_members(self, rows: list[figures.MemberFigure]) -> None:
        self.members_model.set_rows(rows)
        self._threshold_changed(self.threshold.value())

    def _threshold_changed(self, value: int) -> None:
        threshold = value / 100
        self.members_model.set_threshold(threshold)
        self.chart.set_threshold(threshold)
        below = self.members_model.below()
        if not self.members_model.rowCount():
            text = _("No attendance registered in this period.")
        elif below:
            text = ngettext(
                "{n} member came to less than {threshold} of the activities.",
                "{n} members came to less than {threshold} of the activities.",
                len(below),
            ).format(n=format_number(len(below)), threshold=format_percent(threshold))
        else:
            text = ""
        self.members_warning.setText(text)
        self.members_warning.setVisible(bool(text))

    def _show_activities(self, rows: list[figures.ActivityFigure], today: dt.date) -> None:
        chosen = self.selected_activity()
        self.activities_model.set_rows(rows)
        if chosen is None or self.activities_model.row_of(chosen) is None:
            past = [r.activity_id for r in rows if r.date <= today]
            chosen = past[-1] if past else (rows[0].activity_id if rows else None)
        if chosen is not None:
            self.select_activity(chosen)
        else:
            self._show_sections()
        has_rows = bool(rows)
        self.register_button.setEnabled(has_rows)
        self.availability_button.setEnabled(has_rows)

    def _show_course(self, rows: list[figures.ActivityFigure], start, end) -> None:
        points = [(r.date, r.fraction) for r in rows if r.fraction is not None]
        first = rows[0].date if rows else start
        last = rows[-1].date if rows else end
        self.chart.set_data(points, first, last, self.threshold.value() / 100)
        if points:
            attended, expected = figures.overall(rows)
            self.course_title.setText(
                ngettext(
                    "{n} activity with attendance registered; on average {percent} came "
                    "({attended} of {expected} expected).",
                    "{n} activities with attendance registered; on average {percent} came "
                    "({attended} of {expected} expected).",
                    len(points),
                ).format(
                    n=format_number(len(points)),
                    percent=format_percent(attended / expected),
                    attended=format_number(attended),
                    expected=format_number(expected),
                )
            )
        else:
            self.course_title.setText("")

    # -- one activity -----------------------------------------------------------------------
    def selected_activity(self) -> int | None:
        index = self.activities_table.currentIndex()
        if not index.isValid():
            return None
        row = self.activities_proxy.mapToSource(index).row()
        return self.activities_model.row_at(row).activity_id

    def select_activity(self, activity_id: int) -> bool:
        """Make `activity_id` the chosen activity (when it is in the list shown)."""
        row = self.activities_model.row_of(activity_id)
        if row is None:
            return False
        index = self.activities_proxy.mapFromSource(self.activities_model.index(row, 0))
        self.activities_table.setCurrentIndex(index)
        self.activities_table.scrollTo(index)
        self._show_sections()
        return True

    def _show_sections(self) -> None:
        chosen = self.selected_activity()
        if chosen is None:
            self.sections_title.setText("")
            self.sections_model.set_rows([])
            return
        with self.context.database.reading() as session:
            found = attendance.registration(session, chosen)
        tallies = found.tallies()
        total = SectionTally("")
        for counts in tallies:
            for name in ("expected", "present", "late", "excused", "absent"):
                setattr(total, name, getattr(total, name) + getattr(counts, name))
        self.sections_model.taken = any(m.attendance is not None for m in found.members)
        self.sections_model.set_rows([*tallies, total] if len(tallies) > 1 else tallies)
        title = _("{title} on {date}").format(
            title=found.title, date=format_date(found.date, "long")
        )
        self.sections_title.setText(_("Per section: {activity}").format(activity=title))

    def register(self, mode: str | None = None) -> None:
        """Open the registration of the chosen activity; the figures follow afterwards."""
        chosen = self.selected_activity()
        if chosen is None:
            return
        open_attendance(self.context, chosen, self, mode)
        self.refresh()

    def print_report(self):
        """The attendance report of the period, kind and threshold chosen, as a PDF."""
        from verenigingsbeheer.services.activity_reports import make_attendance_report
        from verenigingsbeheer.ui.pages.activities.outputs import show_pdf

        period = self.chosen_period()
        if period is None:
            return None
        start, end = period
        kinds, threshold = self.kind.currentData(), self.threshold.value() / 100
        today = self.context.today()
        return show_pdf(
            self,
            _("attendance"),
            lambda session, path: make_attendance_report(
                session, path, today, start, end, threshold=threshold, kinds=kinds
            ),
        )

    # -- the line-up ------------------------------------------------------------------------
    def _fill_performances(self, coming: list[activities.ActivityRow]) -> None:
        current = self.performance.currentData()
        self.performance.blockSignals(True)
        self.performance.clear()
        for row in coming:
            text = f"{format_date(row.date, 'medium')} – {row.title}"
            self.performance.addItem(text, row.activity_id)
        index = self.performance.findData(current)
        self.performance.setCurrentIndex(max(index, 0))
        self.performance.blockSignals(False)
        self._show_line_up()

    def _show_line_up(self) -> None:
        chosen = self.performance.currentData()
        has = chosen is not None
        for widget in (self.performance, self.line_up_button, self.line_up_table):
            widget.setVisible(has)
        self.line_up_empty.setVisible(not has)
        rows = []
        if has:
            with self.context.database.reading() as session:
                rows = figures.line_up(session, chosen)
        self.line_up_model.set_rows(rows)
        self._minimum_changed(self.minimum.value())

    def _minimum_changed(self, value: int) -> None:
        self.line_up_model.set_minimum(value)
        warnings = self.line_up_model.warnings()
        self.line_up_warning.setText(" · ".join(warnings))
        self.line_up_warning.setVisible(bool(warnings))

    def fill_in_line_up(self) -> None:
        chosen = self.performance.currentData()
        if chosen is not None:
            open_attendance(self.context, chosen, self, AVAILABILITY)
            self.refresh()
