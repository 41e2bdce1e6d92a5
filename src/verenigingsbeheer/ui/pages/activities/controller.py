"""Fills the activities page from the activities service: the month, week or agenda shown,
the filters, which activity is chosen and its details. What changes the file is in
actions.py, the calendar export and the printed schedule in outputs.py."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.services import (
    activities,
    attendance,
    booking_checks,
    bookings,
    categories,
    series,
)
from verenigingsbeheer.services.activities import ActivityRow
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.models.activities_table import ActivitiesTableModel, status_text
from verenigingsbeheer.ui.pages.activities import actions, outputs
from verenigingsbeheer.ui.pages.activities.view import AGENDA, MONTH, WEEK, ActivitiesView
from verenigingsbeheer.ui.pages.attendance.controller import fit_columns, season_label
from verenigingsbeheer.ui.widgets.calendar_canvas import hhmm
from verenigingsbeheer.ui.widgets.month_calendar import month_grid


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class ActivitiesPage(ActivitiesView):
    """Rehearsals, performances and meetings in a month, a week or an agenda."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.mode = MONTH
        self.anchor = context.today()  # the day the view is around
        self.selected_id: int | None = None
        self.rows: list[ActivityRow] = []
        self.sections: list[tuple[int, str]] = []
        self.model = ActivitiesTableModel(self)
        self.agenda.setModel(self.model)
        fit_columns(self.agenda, {0: 110, 1: 85, 2: 110, 3: 130, 5: 90, 6: 110}, stretch=4)
        self.kind.addItem(_("All kinds"), None)
        for key in rules.KINDS:
            self.kind.addItem(rules.kind_label(key), key)
        self.section.addItem(_("All sections"), None)
        self.view_button(MONTH).setChecked(True)

        self.view_buttons.buttonClicked.connect(lambda b: self.show_view(b.property("view")))
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_to_today)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.section.currentIndexChanged.connect(lambda _i: self.refresh())
        for calendar in (self.month, self.week):
            calendar.activity_selected.connect(self._chosen)
            calendar.activity_activated.connect(self._activated)
            calendar.day_selected.connect(self._day_chosen)
            calendar.day_activated.connect(self._day_activated)
            calendar.period_requested.connect(self._go_to)
            calendar.delete_requested.connect(self.delete_action.trigger)
            calendar.move_requested.connect(lambda *to: actions.move_to(self, *to))
            calendar.may_drag = self.move_action.isEnabled  # off in a read-only file
        self.month.more_requested.connect(self._week_of)
        self.agenda.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._chosen(
                self.model.row_at(current.row()).activity_id if current.isValid() else None
            )
        )
        # Keys and double-clicks go through the actions, so read-only mode stops them too.
        self.agenda.doubleClicked.connect(lambda _index: self.edit_action.trigger())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.agenda, self.edit_action.trigger)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.agenda,
                             self.delete_action.trigger)  # fmt: skip
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.MoveToPreviousPage, self, lambda: self.step(-1))
        QShortcut(QKeySequence.StandardKey.MoveToNextPage, self, lambda: self.step(1))

        self.new_action.triggered.connect(lambda: actions.new_activity(self))
        self.series_action.triggered.connect(lambda: actions.plan_series(self))
        self.edit_action.triggered.connect(lambda: actions.edit_activity(self))
        self.move_action.triggered.connect(lambda: actions.move_activity(self))
        self.cancel_action.triggered.connect(lambda: actions.cancel_activity(self))
        self.delete_action.triggered.connect(lambda: actions.delete_activity(self))
        self.change_series_action.triggered.connect(lambda: actions.change_series(self))
        self.holidays_action.triggered.connect(lambda: actions.edit_school_holidays(self))
        self.attendance_action.triggered.connect(lambda: actions.open_registration(self))
        self.export_action.triggered.connect(lambda: outputs.export_calendar(self))
        self.print_action.triggered.connect(lambda: outputs.print_schedule(self))
        self._update_actions()

    def page_title(self) -> str:
        return _("Activities")

    def can_leave(self) -> bool:
        return True

    def editing_controls(self) -> list:
        """What changes the file; switched off while it is open read-only."""
        return [
            self.new_action, self.series_action, self.edit_action, self.move_action,
            self.cancel_action, self.delete_action, self.change_series_action,
            self.holidays_action,
        ]  # fmt: skip

    # -- the period shown -------------------------------------------------------------------
    def period(self) -> tuple[dt.date, dt.date]:
        """The first and last day on screen (a month's grid includes its edge weeks)."""
        if self.mode == MONTH:
            mondays = month_grid(self.anchor.year, self.anchor.month)
            return mondays[0], mondays[-1] + dt.timedelta(days=6)
        if self.mode == WEEK:
            monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
            return monday, monday + dt.timedelta(days=6)
        return rules.season_of(self.anchor)

    def period_title(self) -> str:
        if self.mode == MONTH:
            return format_date(self.anchor, "LLLL y")
        if self.mode == WEEK:
            monday, sunday = self.period()
            pattern = "d" if monday.month == sunday.month else "d MMM"
            first = format_date(monday, pattern if monday.year == sunday.year else "d MMM y")
            return _("Week {n}: {first}–{last}").format(
                n=monday.isocalendar().week, first=first, last=format_date(sunday, "d MMM y")
            )
        return season_label(rules.season_of(self.anchor)[0])

    def show_view(self, mode: str) -> None:
        self.mode = mode
        self.view_button(mode).setChecked(True)
        self.stack.setCurrentWidget(self.views[mode])
        self.refresh()
        self.views[mode].setFocus()

    def step(self, direction: int) -> None:
        if self.mode == MONTH:
            self.anchor = add_months(self.anchor, direction)
        elif self.mode == WEEK:
            self.anchor += dt.timedelta(weeks=direction)
        else:
            start = rules.season_of(self.anchor)[0]
            self.anchor = dt.date(start.year + direction, 9, 1)
        self.refresh()

    def go_to_today(self) -> None:
        self.anchor = self.context.today()
        self.refresh()
        if self.mode != AGENDA:
            self.views[self.mode].select_day(self.anchor)

    def _go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.refresh()

    def _week_of(self, day: dt.date) -> None:
        self.anchor = day
        self.show_view(WEEK)
        self.week.select_day(day)

    # -- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        first, last = self.period()
        section_id = self.section.currentData()
        with self.context.database.reading() as session:
            self.sections = [(c.id, c.name) for c in categories.list_categories(session, "section")]
            self.rows = activities.list_activities(
                session, first, last, kind=self.kind.currentData(), section_id=section_id
            )
        self._fill_sections()
        today = self.context.today()
        for calendar in (self.month, self.week):
            calendar.today = today
            calendar.selected_day = self.anchor
        self.month.set_month(self.anchor.year, self.anchor.month)
        self.week.set_week(self.anchor)
        self.month.set_activities(self.rows)
        self.week.set_activities(self.rows)
        self.model.set_rows(self.rows)
        self.period_label.setText(self.period_title())
        self._show_summary()
        if self.selected_id is not None and not self.select_activity(self.selected_id):
            self.selected_id = None
        self._show_details()

    def _fill_sections(self) -> None:
        current = self.section.currentData()
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(_("All sections"), None)
        for section_id, name in self.sections:
            self.section.addItem(name, section_id)
        self.section.setCurrentIndex(max(0, self.section.findData(current)))
        self.section.blockSignals(False)

    def _show_summary(self) -> None:
        shown = self.rows
        if self.mode == MONTH:
            shown = [r for r in self.rows if (r.date.year, r.date.month) ==
                     (self.anchor.year, self.anchor.month)]  # fmt: skip
        cancelled = sum(1 for r in shown if r.cancelled)
        text = ngettext("{n} activity", "{n} activities", len(shown)).format(
            n=format_number(len(shown))
        )
        if cancelled:
            text += ", " + ngettext("{n} cancelled", "{n} cancelled", cancelled).format(
                n=format_number(cancelled)
            )
        if not shown:
            text = _("No activities in this period. Plan a season or add an activity.")
        self.summary.setText(text)

    # -- the chosen activity ----------------------------------------------------------------
    def selected(self) -> ActivityRow | None:
        return next((r for r in self.rows if r.activity_id == self.selected_id), None)

    def select_activity(self, activity_id: int) -> bool:
        """Choose an activity (when it is in the period shown), in every view."""
        row = next((r for r in self.rows if r.activity_id == activity_id), None)
        if row is None:
            return False
        self.selected_id = activity_id
        self.month.select_activity(activity_id)
        self.week.select_activity(activity_id)
        at = self.model.row_of(activity_id)
        if at is not None and self.agenda.currentIndex().row() != at:
            self.agenda.selectionModel().blockSignals(True)
            self.agenda.setCurrentIndex(self.model.index(at, 0))
            self.agenda.selectionModel().blockSignals(False)
            self.agenda.scrollTo(self.model.index(at, 0))
        self._show_details()
        return True

    def show_activity(self, activity_id: int, day: dt.date) -> None:
        """Go to the day of an activity and choose it (after creating or moving it)."""
        self.anchor = day
        self.selected_id = activity_id
        self.refresh()

    def _chosen(self, activity_id: int | None) -> None:
        if activity_id is None:
            self.selected_id = None
            self._show_details()
        else:
            self.select_activity(activity_id)

    def _day_chosen(self, day: dt.date) -> None:
        if self.mode != MONTH or (day.year, day.month) == (self.anchor.year, self.anchor.month):
            self.anchor = day  # a grey day of the next month keeps this month on screen
        if not any(r.date == day for r in self.rows):
            self.selected_id = None
            self._show_details()

    def _activated(self, activity_id: int) -> None:
        self.select_activity(activity_id)
        self.edit_action.trigger()

    def _day_activated(self, day: dt.date, start: dt.time | None) -> None:
        if self.new_action.isEnabled():
            actions.new_activity(self, day, start)

    def _update_actions(self) -> None:
        row = self.selected()
        for action in (self.edit_action, self.move_action, self.cancel_action,
                       self.delete_action, self.attendance_action):  # fmt: skip
            action.setEnabled(row is not None)
        self.change_series_action.setEnabled(row is not None and row.series_id is not None)
        self.cancel_action.setText(
            _("Takes place after all") if row is not None and row.cancelled
            else _("Cancel activity")
        )  # fmt: skip

    def _show_details(self) -> None:
        self._update_actions()
        row = self.selected()
        if row is None:
            self.details.setText(
                "<p style='color:#5f6670'>"
                + escape(_("Choose an activity to see its details."))
                + "</p>"
            )
            return
        with self.context.database.reading() as session:
            found = attendance.registration(session, row.activity_id)
            rule = series.get_series(session, row.series_id) if row.series_id else None
            warnings = []
            booked = bookings.booking_of_activity(session, row.activity_id)
            if booked is not None:
                if booked.status == "option":
                    warnings.append(_("The room is only an option so far."))
                warnings.extend(
                    _("Double booked with {other}").format(other=other.describe())
                    for other in bookings.conflicts_with(
                        session, booked.room_id, booked.date, booked.start_time,
                        booked.end_time, ignore=(booked.booking_id,),
                    )
                    if booked.status != "cancelled"
                )  # fmt: skip
                warnings.append(booking_checks.capacity_problem(session, booked))
        html = details_html(row, found, rule, self.context.today())
        for warning in filter(None, warnings):
            html += f"<p style='color:#b3261e'>⚠ {escape(warning)}</p>"
        self.details.setText(html)


def details_html(row: ActivityRow, found, rule, today: dt.date) -> str:
    """The chosen activity in words: when, where, who, and how many came or will come."""
    day = format_date(row.date, "full")
    kind = f"{escape(row.kind_label)}<br>" if row.kind_label != row.title else ""
    lines = [
        f"<h3 style='margin-bottom:2px'>{escape(row.title)}</h3>",
        f"<p>{kind}{escape(day[:1].upper() + day[1:])}<br>"
        f"{hhmm(row.start_time)}–{hhmm(row.end_time)}</p>",
    ]
    if row.cancelled:
        cancelled = escape(_("Cancelled"))
        lines.append(f"<p style='color:#b3261e'><b>{cancelled}</b></p>")
    facts = []
    if row.place:
        facts.append((_("Place"), row.place))
    facts.append((_("Expected"), row.sections_text))
    if row.public:
        facts.append((_("Public"), _("yes (counts for subsidies)")))
    if row.kind == "performance" and row.audience is not None:
        facts.append((_("Audience"), format_number(row.audience)))
    if rule is not None:
        every = _(rules.WEEKDAYS[rule.rule.weekday]).lower()
        text = _("{title}, every {weekday} until {last}").format(
            title=rule.title, weekday=every, last=format_date(rule.rule.last_date, "d MMM y")
        )
        if rule.rule.interval_weeks == 2:
            text = _("{title}, every other {weekday} until {last}").format(
                title=rule.title, weekday=every, last=format_date(rule.rule.last_date, "d MMM y")
            )
        if row.detached:
            text += " · " + status_text(row).lower()
        facts.append((_("Series"), text))
    tallies = found.tallies()
    expected = sum(t.expected for t in tallies)
    registered = sum(t.registered for t in tallies)
    if registered:
        attended = sum(t.attended for t in tallies)
        facts.append((_("Attendance"), _("{attended} of {expected} present").format(
            attended=format_number(attended), expected=format_number(expected))))  # fmt: skip
    elif row.date >= today and not row.cancelled:
        signed_up = sum(t.signed_up for t in tallies)
        unknown = sum(t.unknown for t in tallies)
        facts.append((_("Availability"), _(
            "{coming} coming, {excused} excused, {unknown} not known").format(
            coming=format_number(signed_up), unknown=format_number(unknown),
            excused=format_number(expected - signed_up - unknown))))  # fmt: skip
    lines.append("<table cellspacing='0' cellpadding='2'>")
    for label, value in facts:
        lines.append(
            f"<tr><td style='color:#5f6670; padding-right:8px'>{escape(label)}</td>"
            f"<td>{escape(value)}</td></tr>"
        )
    lines.append("</table>")
    if row.notes:
        heading, notes = escape(_("Notes")), escape(row.notes).replace("\n", "<br>")
        lines.append(f"<p><b>{heading}</b><br>{notes}</p>")
    return "".join(lines)
