"""What the volunteers page changes and makes: the week's hours saved in one go, single
entries, allowances (asking before going over a tax-free limit), volunteers who are no
member (with their privacy: their data exported, or forgotten), the tasks and the limits,
and the printed overviews."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_date, format_number
from verenigingsbeheer.services import activities, allowances, privacy, volunteers
from verenigingsbeheer.services.allowances import OverLimit
from verenigingsbeheer.ui.dialogs.volunteer_dialogs import (
    AllowanceDialog,
    HoursDialog,
    VolunteerDialog,
)
from verenigingsbeheer.ui.dialogs.volunteer_tables import LimitsDialog, TasksDialog
from verenigingsbeheer.ui.pages.activities.outputs import show_pdf


# -- hours ------------------------------------------------------------------------------------
def save_week(page) -> bool:
    """The typed grid as one transaction; True when saved (or nothing to save). What is
    saved is what the grid was read for, not what the choosers show."""
    model = page.week_model
    if model.problems():
        page.context.asker.error(page, _("Not saved"), "\n".join(model.problems()))
        return False
    changes = model.changes()
    if not changes:
        return True
    activity_id = model.read_for.activity_id
    if not page.context.write(page, lambda s: volunteers.save_grid(s, changes, activity_id)):
        return False
    page.refresh()
    return True


def _activities_on(page):
    def on(day: dt.date) -> list[tuple[int, str]]:
        with page.context.database.reading() as session:
            found = activities.list_activities(session, day, day, include_cancelled=False)
        return [(row.activity_id, f"{row.start_time:%H:%M} {row.title}") for row in found]

    return on


def _tasks(page) -> list[tuple[int, str]]:
    return [(task.task_id, task.name) for task in page.tasks]


def enter_hours(page) -> None:
    dialog = HoursDialog(
        page.context.today(), page.people(), _tasks(page), _activities_on(page), parent=page
    )
    chosen = page.chosen_person()
    if chosen is not None:
        dialog.person.setCurrentIndex(max(0, dialog.person.findData(chosen)))
    if page.context.asker.run_dialog(dialog):
        details = dialog.details()
        if page.context.write(page, lambda s: volunteers.add_hours(s, details)):
            page.refresh()


def _chosen_hours(page) -> list:
    rows = sorted({i.row() for i in page.hours_table.selectionModel().selectedRows()})
    return [page.hours_model.row_at(n) for n in rows]


def edit_hours(page) -> None:
    chosen = _chosen_hours(page)
    if len(chosen) != 1:
        return
    row = chosen[0]
    details = volunteers.HoursDetails(row.person_id, row.date, row.task_id, row.minutes,
                                      row.activity_id, row.note)  # fmt: skip
    people = page.people()
    if row.person_id not in {p for p, _name in people}:  # a former member: still theirs
        people.append((row.person_id, row.name.sorted_form))
    dialog = HoursDialog(page.context.today(), people, _tasks(page), _activities_on(page),
                         details, page)  # fmt: skip
    if page.context.asker.run_dialog(dialog):
        changed = dialog.details()
        if page.context.write(page, lambda s: volunteers.update_hours(s, row.hours_id, changed)):
            page.refresh()


def delete_hours(page) -> None:
    chosen = _chosen_hours(page)
    if not chosen:
        return
    question = ngettext("Delete {n} entry of hours?", "Delete {n} entries of hours?",
                        len(chosen)).format(n=format_number(len(chosen)))  # fmt: skip
    ids = [row.hours_id for row in chosen]
    if page.context.asker.confirm(page, _("Delete hours"), question) and page.context.write(
        page, lambda s: volunteers.delete_hours(s, ids)
    ):
        page.refresh()


# -- allowances -------------------------------------------------------------------------------
def edit_allowance(page, new: bool = False) -> None:
    context = page.context
    row = None
    if not new:
        index = page.allowances_table.currentIndex()
        if not index.isValid():
            return
        row = page.allowances_model.row_at(index.row())
    skip = row.allowance_id if row else None

    def check(details):
        with context.database.reading() as session:
            return allowances.check(session, details, skip)

    people = page.people()
    if row is not None and row.person_id not in {p for p, _name in people}:
        people.append((row.person_id, row.name.sorted_form))
    with context.database.reading() as session:
        known = set(allowances.limits(session))
    dialog = AllowanceDialog(context.today(), people, check, row.details if row else None, page,
                             known_years=known)  # fmt: skip
    if new and page.chosen_person() is not None:
        dialog.person.setCurrentIndex(max(0, dialog.person.findData(page.chosen_person())))
    if not context.asker.run_dialog(dialog):
        return
    details = dialog.details()

    def ask(over: OverLimit) -> bool | None:
        question = "{found}\n\n{ask}".format(
            found="\n".join(e.text() for e in over.excesses),
            ask=_("Going over a limit makes the whole allowance taxable. Save it anyway?"),
        )
        return True if context.asker.confirm(page, _("Over a tax-free limit"), question) else None

    def save(session, accept: bool) -> None:
        allowances.save_allowance(session, details, skip, accept_over_limit=accept)

    if not context.write_asking(page, save, False, OverLimit, ask):
        return
    page.allowance_year.setValue(details.paid_on.year)
    page.refresh()


def delete_allowance(page) -> None:
    index = page.allowances_table.currentIndex()
    if not index.isValid():
        return
    row = page.allowances_model.row_at(index.row())
    question = _("Delete the allowance of {amount} paid to {name} on {date}?").format(
        amount=page.allowances_model.data(page.allowances_model.index(index.row(), 2)),
        name=row.name.full, date=format_date(row.details.paid_on, "long"),
    )  # fmt: skip
    if page.context.asker.confirm(page, _("Delete allowance"), question) and page.context.write(
        page, lambda s: allowances.delete_allowance(s, row.allowance_id)
    ):
        page.refresh()


# -- volunteers who are no member -------------------------------------------------------------
def _chosen_volunteer(page):
    index = page.volunteers_table.currentIndex()
    return page.volunteers_model.row_at(index.row()) if index.isValid() else None


def edit_volunteer(page, new: bool = False) -> None:
    context = page.context
    helper = None if new else _chosen_volunteer(page)
    if not new and helper is None:
        return
    details = None
    if helper is not None:
        with context.database.reading() as session:
            details = volunteers.volunteer_details(session, helper.volunteer_id)
    dialog = VolunteerDialog(context.today(), details, page)
    if not context.asker.run_dialog(dialog):
        return
    changed = dialog.details()
    volunteer_id = helper.volunteer_id if helper else None
    if context.write(
        page, lambda s: volunteers.save_volunteer(s, changed, context.today(), volunteer_id)
    ):
        page.refresh()


def remove_volunteer(page) -> None:
    helper = _chosen_volunteer(page)
    if helper is None:
        return
    question = _("Remove {name} as volunteer, with their contact details?").format(
        name=helper.name.full
    )
    if page.context.asker.confirm(page, _("Remove volunteer"), question) and page.context.write(
        page, lambda s: volunteers.remove_volunteer(s, helper.volunteer_id)
    ):
        page.refresh()


def export_volunteer(page) -> None:
    """A request for access by a volunteer who is no member: their data as PDF and JSON."""
    from verenigingsbeheer.services import person_data

    helper = _chosen_volunteer(page)
    if helper is None:
        return
    context = page.context
    path = context.asker.pdf_path(
        page, Path.home() / _("data of {name}.pdf").format(name=helper.name.full)
    )
    if path is None:
        return
    pdf, json = path.with_suffix(".pdf"), path.with_suffix(".json")
    try:
        with context.database.reading() as session:
            for target in (pdf, json):
                person_data.write_export(session, helper.person_id, target, context.today())
    except (UserError, OSError) as error:
        message = error.message if isinstance(error, UserError) else str(error)
        context.asker.error(page, _("Not exported"), message)
        return
    context.asker.inform(
        page, _("Exported"),
        _("Saved {pdf} (to read) and {json} (for another program).").format(pdf=pdf, json=json),
    )  # fmt: skip


def forget_volunteer(page) -> None:
    """Forgetting keeps the hours and amounts for the figures, and wipes the person."""
    helper = _chosen_volunteer(page)
    if helper is None:
        return
    context = page.context
    question = _(
        "Forget {name}? Name, contact details, date of birth and notes are removed for good, "
        "also from the log; their hours and allowances stay without a name. This cannot be "
        "undone."
    ).format(name=helper.name.full)
    if not context.asker.confirm(page, _("Forget this person"), question):
        return
    try:
        context.back_up_before("voor-anonimiseren")
    except UserError as error:
        context.asker.error(page, _("Not forgotten"), error.message)
        return
    if context.write(page, lambda s: privacy.forget(s, helper.person_id, context.today())):
        page.refresh()


# -- tasks and limits -------------------------------------------------------------------------
def edit_tasks(page) -> None:
    dialog = TasksDialog([(t.task_id, t.name, t.hourly_value) for t in page.tasks], page)
    if page.context.asker.run_dialog(dialog):
        rows = dialog.read()
        if page.context.write(page, lambda s: volunteers.save_tasks(s, rows)):
            page.refresh()


def edit_limits(page) -> None:
    with page.context.database.reading() as session:
        known = list(allowances.limits(session).values())
    dialog = LimitsDialog(known, page)
    if page.context.asker.run_dialog(dialog):
        rows = dialog.read()
        if page.context.write(page, lambda s: allowances.save_limits(s, rows)):
            page.refresh()


# -- printing ---------------------------------------------------------------------------------
def print_overview(page):
    from verenigingsbeheer.services.volunteer_reports import make_volunteer_overview

    year, today = page.overview_year.value(), page.context.today()
    return show_pdf(page, _("volunteers"),
                    lambda s, path: make_volunteer_overview(s, path, today, year))  # fmt: skip


def print_statement(page):
    from verenigingsbeheer.services.volunteer_reports import make_volunteer_statement

    person_id = page.chosen_person()
    if person_id is None:
        page.context.asker.inform(
            page, _("Choose a person"),
            _("Choose a person in one of the lists first, then print their statement."),
        )  # fmt: skip
        return None
    year, today = page.chosen_year(), page.context.today()
    return show_pdf(
        page,
        _("statement"),
        lambda s, path: make_volunteer_statement(s, path, today, person_id, year),
    )


def print_register(page):
    from verenigingsbeheer.services.volunteer_reports import make_allowance_register

    year, today = page.allowance_year.value(), page.context.today()
    return show_pdf(page, _("allowances"),
                    lambda s, path: make_allowance_register(s, path, today, year))  # fmt: skip
