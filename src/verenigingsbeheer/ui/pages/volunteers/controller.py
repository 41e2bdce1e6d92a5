"""Fills the volunteers page from the volunteer services: the week grid, every entry, the
overviews with the month chart and the top helpers, the allowances with who is close to a
limit, and the volunteers who are no member. What changes the file is in actions.py."""

from __future__ import annotations

import datetime as dt
from html import escape

from verenigingsbeheer.domain.volunteers import format_hours
from verenigingsbeheer.i18n import N_, _, ngettext
from verenigingsbeheer.i18n.formatting import (
    format_date,
    format_money,
    format_number,
    month_abbreviation,
)
from verenigingsbeheer.services import activities, allowances, volunteer_figures, volunteers
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.models.hours_grid import GridColumn, GridFor, HoursGridModel
from verenigingsbeheer.ui.models.volunteer_tables import (
    AllowancesTableModel,
    HoursTableModel,
    TotalsTableModel,
    VolunteersTableModel,
)
from verenigingsbeheer.ui.pages.attendance.controller import fit_columns
from verenigingsbeheer.ui.pages.volunteers import actions
from verenigingsbeheer.ui.pages.volunteers.view import VolunteersView

BY = (("person", N_("person")), ("task", N_("task")), ("activity", N_("activity")),
      ("month", N_("month")))  # fmt: skip


class VolunteersPage(VolunteersView):
    """Who helped, with what, how long; what that is worth; and the allowances paid."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        today = context.today()
        self.monday = today - dt.timedelta(days=today.weekday())
        self.helpers: list[volunteers.Helper] = []
        self.tasks: list[volunteers.Task] = []
        self.week_model = HoursGridModel(self)
        self.week_model.editable = not (context.read_only or context.database.read_only)
        self.week_table.setModel(self.week_model)
        self.hours_model = HoursTableModel(self)
        self.hours_table.setModel(self.hours_model)
        fit_columns(self.hours_table, {0: 115, 1: 170, 2: 120, 3: 60, 4: 85, 5: 160})
        self.totals_model = TotalsTableModel(self)
        self.overview_table.setModel(self.totals_model)
        fit_columns(self.overview_table, {0: 190, 1: 60, 2: 90, 3: 60})
        self.allowances_model = AllowancesTableModel(self)
        self.allowances_table.setModel(self.allowances_model)
        fit_columns(self.allowances_table, {0: 95, 1: 170, 2: 85, 3: 190, 4: 80, 5: 170})
        self.volunteers_model = VolunteersTableModel(self)
        self.volunteers_table.setModel(self.volunteers_model)
        fit_columns(self.volunteers_table, {0: 200, 1: 220})
        for key, label in BY:
            self.overview_by.addItem(_(label), key)
        for year in (self.hours_year, self.overview_year, self.allowance_year):
            year.setValue(today.year)

        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.this_week_button.clicked.connect(self.this_week)
        self.task.currentIndexChanged.connect(lambda _i: self.show_week(ask=True))
        self.week_activity.currentIndexChanged.connect(lambda _i: self.show_week(ask=True))
        self.per_activity.toggled.connect(self._grid_kind_changed)
        self.search.textChanged.connect(self._filter_week)
        self.save_week_button.clicked.connect(lambda: actions.save_week(self))
        self.undo_week_button.clicked.connect(lambda: self.show_week(ask=False))
        self.week_model.dataChanged.connect(lambda *_a: self._week_state())
        self.hours_year.valueChanged.connect(lambda _y: self.show_hours())
        self.overview_year.valueChanged.connect(lambda _y: self.show_overview())
        self.overview_by.currentIndexChanged.connect(lambda _i: self.show_overview())
        self.allowance_year.valueChanged.connect(lambda _y: self.show_allowances())
        self.hours_table.doubleClicked.connect(lambda _i: self.edit_hours_button.click())
        self.allowances_table.doubleClicked.connect(lambda _i: self.edit_allowance_button.click())
        self.volunteers_table.doubleClicked.connect(lambda _i: self.edit_volunteer_button.click())

        self.new_hours_action.triggered.connect(lambda: actions.enter_hours(self))
        self.edit_hours_button.clicked.connect(lambda: actions.edit_hours(self))
        self.delete_hours_button.clicked.connect(lambda: actions.delete_hours(self))
        self.new_allowance_action.triggered.connect(lambda: actions.edit_allowance(self, new=True))
        self.edit_allowance_button.clicked.connect(lambda: actions.edit_allowance(self))
        self.delete_allowance_button.clicked.connect(lambda: actions.delete_allowance(self))
        self.new_volunteer_action.triggered.connect(lambda: actions.edit_volunteer(self, new=True))
        self.edit_volunteer_button.clicked.connect(lambda: actions.edit_volunteer(self))
        self.remove_volunteer_button.clicked.connect(lambda: actions.remove_volunteer(self))
        self.forget_volunteer_button.clicked.connect(lambda: actions.forget_volunteer(self))
        self.volunteer_data_button.clicked.connect(lambda: actions.export_volunteer(self))
        self.tasks_action.triggered.connect(lambda: actions.edit_tasks(self))
        self.limits_action.triggered.connect(lambda: actions.edit_limits(self))
        self.overview_print_action.triggered.connect(lambda: actions.print_overview(self))
        self.statement_print_action.triggered.connect(lambda: actions.print_statement(self))
        self.register_print_action.triggered.connect(lambda: actions.print_register(self))

    def page_title(self) -> str:
        return _("Volunteers")

    def editing_controls(self) -> list:
        """What changes the file; switched off while it is open read-only."""
        return [
            self.new_hours_action, self.new_allowance_action, self.new_volunteer_action,
            self.tasks_action, self.limits_action, self.save_week_button,
            self.undo_week_button, self.edit_hours_button, self.delete_hours_button,
            self.edit_allowance_button, self.delete_allowance_button,
            self.edit_volunteer_button, self.remove_volunteer_button,
            self.forget_volunteer_button,
        ]  # fmt: skip

    def can_leave(self) -> bool:
        """Typed hours not saved yet are not dropped without asking."""
        return self._may_drop_week()

    def _may_drop_week(self) -> bool:
        if not self.week_model.dirty() or not self.week_model.editable:
            return True
        answer = self.context.asker.save_changes(
            self, _("The hours typed in the grid are not saved yet.")
        )
        if answer == "save":
            return actions.save_week(self)
        return answer == "discard"

    # -- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.context.today()
        with self.context.database.reading() as session:
            self.helpers = volunteers.helpers(session, today)
            self.tasks = volunteers.tasks(session)
        self._fill_tasks()
        self.show_week(ask=False)
        self.show_hours()
        self.show_overview()
        self.show_allowances()
        self.show_volunteers()

    def _fill_tasks(self) -> None:
        current = self.task.currentData()
        self.task.blockSignals(True)
        self.task.clear()
        for task in self.tasks:
            self.task.addItem(task.name, task.task_id)
        self.task.setCurrentIndex(max(0, self.task.findData(current)))
        self.task.blockSignals(False)

    # -- the week ---------------------------------------------------------------------------
    def step(self, weeks: int) -> None:
        if self._may_drop_week():
            self.monday += dt.timedelta(weeks=weeks)
            self.show_week(ask=False)

    def this_week(self) -> None:
        if self._may_drop_week():
            today = self.context.today()
            self.monday = today - dt.timedelta(days=today.weekday())
            self.show_week(ask=False)

    def show_week(self, ask: bool = True) -> None:
        """Read the grid: a week of the chosen task (for no activity or one), or every task
        on the day of the chosen activity."""
        if ask and not self._may_drop_week():
            self._show_read_for()
            return
        per_activity = self.per_activity.isChecked()
        task_id = self.task.currentData()
        sunday = self.monday + dt.timedelta(days=6)
        with self.context.database.reading() as session:
            found = activities.list_activities(session, self.monday, sunday,
                                               include_cancelled=False)  # fmt: skip
            self._fill_week_activities(found, self.week_activity.currentData(), per_activity)
            activity_id = self.week_activity.currentData()
            helpers = volunteers.helpers(session, self.monday, sunday)  # who left that week too
            columns: list[GridColumn] = []
            saved: dict = {}
            if per_activity:
                chosen = next((a for a in found if a.activity_id == activity_id), None)
                if chosen is not None:
                    columns = [GridColumn(chosen.date, t.task_id, t.name) for t in self.tasks]
                    saved = volunteers.grid(session, chosen.date, chosen.date, None, activity_id)
            elif task_id is not None:
                days = [self.monday + dt.timedelta(days=n) for n in range(7)]
                columns = [GridColumn(d, task_id, format_date(d, "EEE d MMM")) for d in days]
                saved = volunteers.grid(session, self.monday, sunday, [task_id], activity_id)
        helped = {person_id for person_id, _day, _task in saved}  # those who helped come first
        ordered = sorted(helpers, key=lambda h: h.person_id not in helped)
        read_for = GridFor(self.monday, None if per_activity else task_id, activity_id,
                           per_activity)  # fmt: skip
        self.week_model.set_grid(read_for, columns, ordered, saved)
        self._filter_week(self.search.text())
        header = self.week_table.horizontalHeader()
        header.setDefaultSectionSize(82)
        if per_activity:
            self.week_table.resizeColumnsToContents()
            for column in range(self.week_model.columnCount()):
                header.resizeSection(column, max(72, header.sectionSize(column) + 8))
        self.task_label.setVisible(not per_activity)
        self.task.setVisible(not per_activity)
        self.week_label.setText(
            _("Week {n}: {first}–{last}").format(
                n=self.monday.isocalendar().week,
                first=format_date(self.monday, "d MMM"),
                last=format_date(sunday, "d MMM y"),
            )  # fmt: skip
        )
        if not per_activity:
            self.grid_note.setText(
                _(
                    "Type the hours (2,5 or 2:30) per person and day; nothing "
                    "is saved until 'Save the hours'. Hours go in quarters."
                )
            )
        elif columns:
            self.grid_note.setText(
                _(
                    "Type the hours (2,5 or 2:30) per person and task on the day of the activity; "
                    "nothing is saved until 'Save the hours'. Hours go in quarters."
                )
            )
        else:
            self.grid_note.setText(_("No activities in this week: go to another week."))
        self._week_state()

    def _grid_kind_changed(self, per_activity: bool) -> None:
        if not self._may_drop_week():
            self._show_read_for()
            return
        if not per_activity:  # a week of one task starts as hours for no one activity
            self.week_activity.blockSignals(True)
            self.week_activity.clear()
            self.week_activity.blockSignals(False)
        self.show_week(ask=False)

    def _show_read_for(self) -> None:
        """The choosers back to what the grid holds (a change of them was called off)."""
        read_for = self.week_model.read_for
        widgets = (self.per_week, self.per_activity, self.task, self.week_activity)
        for widget in widgets:
            widget.blockSignals(True)
        (self.per_activity if read_for.per_activity else self.per_week).setChecked(True)
        if read_for.task_id is not None:
            self.task.setCurrentIndex(max(0, self.task.findData(read_for.task_id)))
        activity = self.week_activity.findData(read_for.activity_id)
        self.week_activity.setCurrentIndex(max(0, activity))
        for widget in widgets:
            widget.blockSignals(False)

    def _fill_week_activities(self, found, chosen, per_activity: bool) -> None:
        """The week's activities; for a grid of every task one must be chosen, by default the
        last one that has been by today."""
        self.week_activity.blockSignals(True)
        self.week_activity.clear()
        if not per_activity:
            self.week_activity.addItem(_("no one activity"), None)
        for row in found:
            self.week_activity.addItem(
                f"{format_date(row.date, 'EEE d MMM')} {row.title}", row.activity_id
            )
        index = self.week_activity.findData(chosen)
        if index < 0 and per_activity:
            today = self.context.today()
            index = max(0, sum(1 for row in found if row.date <= today) - 1)
        self.week_activity.setCurrentIndex(max(0, index))
        self.week_activity.blockSignals(False)

    def _filter_week(self, text: str) -> None:
        """Only the people whose name holds `text` (the names are the row headings)."""
        wanted = text.strip().lower()
        for row, helper in enumerate(self.week_model.helpers):
            self.week_table.setRowHidden(row, bool(wanted) and wanted not in helper.label.lower())

    def _week_state(self) -> None:
        problems = self.week_model.problems()
        self.week_problem.setText("\n".join(problems))
        self.week_problem.setVisible(bool(problems))
        dirty = self.week_model.dirty()
        self.save_week_button.setEnabled(dirty and not problems)
        self.undo_week_button.setEnabled(dirty)

    # -- lists ------------------------------------------------------------------------------
    def _year(self, spin) -> tuple[dt.date, dt.date]:
        return dt.date(spin.value(), 1, 1), dt.date(spin.value(), 12, 31)

    def show_hours(self) -> None:
        with self.context.database.reading() as session:
            rows = volunteers.list_hours(session, *self._year(self.hours_year))
        self.hours_model.set_rows(rows)
        minutes = sum(r.minutes for r in rows)
        self.hours_summary.setText(
            ngettext("{n} entry, {hours} hours", "{n} entries, {hours} hours", len(rows)).format(
                n=format_number(len(rows)), hours=format_hours(minutes)
            )
        )

    def show_overview(self) -> None:
        start, end = self._year(self.overview_year)
        with self.context.database.reading() as session:
            hours = volunteer_figures.year(session, start.year)
        rows = hours.totals(self.overview_by.currentData())
        summary, top, months = hours.summary(), hours.top_helpers(10), hours.months()
        self.totals_model.set_rows(rows)
        self.overview_summary.setText(
            ngettext(
                "{year}: {hours} hours by {people} person, worth {value}.",
                "{year}: {hours} hours by {people} people, worth {value}.",
                summary.people,
            ).format(
                year=start.year,
                hours=format_hours(summary.minutes),
                people=format_number(summary.people),
                value=format_money(summary.value),
            )  # fmt: skip
        )
        self.top_helpers.setText(
            "<br>".join(
                f"{escape(t.label)} – {format_hours(t.minutes)} " + escape(_("hours")) for t in top
            )
            or escape(_("No hours in this year."))  # fmt: skip
        )
        self.month_chart.set_data(
            [(month_abbreviation(n + 1), round(m.minutes / 60)) for n, m in enumerate(months)],
            texts=[format_hours(m.minutes) for m in months],
        )

    def show_allowances(self) -> None:
        year = self.allowance_year.value()
        start, end = self._year(self.allowance_year)
        with self.context.database.reading() as session:
            rows = allowances.list_allowances(session, start, end)
            near = allowances.near_limits(session, year)
            limits = allowances.limits(session).get(year)
        self.allowances_model.set_rows(rows)
        lines = [f"{n.name.sorted_form}: " + " ".join(e.text() for e in n.excesses)
                 for n in near]  # fmt: skip
        self.near_limits.setText("\n".join(lines))
        self.near_limits.setVisible(bool(lines))
        if limits is None:
            self.limits_note.setText(
                _(
                    "No tax-free limits known for {year}: add them under More > Tax-free limits."
                ).format(year=year)
            )
        else:
            self.limits_note.setText(
                _("Tax-free in {year}: {adult} an hour from 21 ({young} under 21) when paid per "
                  "hour, at most {month} a month and {whole} a year. Source: {source}.").format(
                    year=year, adult=format_money(limits.hourly_adult),
                    young=format_money(limits.hourly_young), month=format_money(limits.monthly),
                    whole=format_money(limits.yearly), source=limits.source or "–",
                )
            )  # fmt: skip

    def show_volunteers(self) -> None:
        self.volunteers_model.set_rows([h for h in self.helpers if h.volunteer_id is not None])

    # -- choices ----------------------------------------------------------------------------
    def people(self) -> list[tuple[int, str]]:
        """Who can be chosen in a form: everyone who could help since the start of last year,
        so hours or an allowance still owed to who left can be entered."""
        today = self.context.today()
        with self.context.database.reading() as session:
            found = volunteers.helpers(session, dt.date(today.year - 1, 1, 1), today)
        return [(h.person_id, h.label) for h in found]

    def chosen_year(self) -> int:
        """The year the current tab shows (the grid: its week's year)."""
        tab = self.tabs.currentIndex()
        if tab == 0:
            return self.week_model.monday.year
        spins = {1: self.hours_year, 3: self.allowance_year}
        return spins.get(tab, self.overview_year).value()

    def chosen_person(self) -> int | None:
        """The person of the row chosen on the current tab (for their statement)."""
        tab = self.tabs.currentIndex()
        if tab == 0:
            index = self.week_table.currentIndex()
            if index.isValid():
                return self.week_model.helpers[index.row()].person_id
        tables = {
            1: (self.hours_table, self.hours_model),
            3: (self.allowances_table, self.allowances_model),
            4: (self.volunteers_table, self.volunteers_model),
        }
        if tab in tables:
            view, model = tables[tab]
            index = view.currentIndex()
            if index.isValid():
                return model.row_at(index.row()).person_id
        if tab == 2 and self.overview_by.currentData() == "person":
            index = self.overview_table.currentIndex()
            if index.isValid():
                return self.totals_model.row_at(index.row()).key
        return None
