"""Volunteers: who can help (members, and registered volunteers who are no member) and
the tasks with what an hour of each is worth. The hours themselves are in
volunteer_hours.py; their names are offered here too, where the page looks for them.

Every function works in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import (
    Member,
    MembershipPeriod,
    Person,
    Volunteer,
    VolunteerHours,
    VolunteerTask,
)
from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import member_records


@dataclass(frozen=True)
class Helper:
    """Someone who can help: a member, or a registered volunteer who is no member."""

    person_id: int
    name: PersonName
    member_number: int | None  # None: no member
    email: str = ""
    phone: str = ""
    born: dt.date | None = None
    volunteer_id: int | None = None  # registered as volunteer (the non-members are)

    @property
    def label(self) -> str:
        return self.name.sorted_form


@dataclass(frozen=True)
class Task:
    task_id: int
    name: str
    hourly_value: Money


# -- who can help -----------------------------------------------------------------------------
def helpers(session: Session, on: dt.date, until: dt.date | None = None) -> list[Helper]:
    """Members on `on` (with `until`: at any time from `on` to `until`, so a week or a
    year includes who left during it) and every registered volunteer, in name order."""
    until = until or on
    current = select(MembershipPeriod.member_id).where(
        MembershipPeriod.start_date <= until,
        or_(MembershipPeriod.end_date.is_(None), MembershipPeriod.end_date >= on),
    )
    query = (
        select(Person, Member.member_number, Volunteer.id)
        .outerjoin(Member, Member.person_id == Person.id)
        .outerjoin(Volunteer, Volunteer.person_id == Person.id)
        .where(or_(Member.id.in_(current), Volunteer.id.is_not(None)))
        .where(Person.anonymised_on.is_(None))
    )
    found = [
        Helper(
            person.id,
            PersonName(person.first_name, person.last_name, person.tussenvoegsel),
            number,
            person.email,
            person.phone,
            person.date_of_birth,
            volunteer_id,
        )  # fmt: skip
        for person, number, volunteer_id in session.execute(query)
    ]
    found.sort(key=lambda h: h.name.sort_key)
    return found


@dataclass(frozen=True)
class VolunteerDetails:
    """A volunteer who is no member: a person with their contact details."""

    first_name: str
    last_name: str
    tussenvoegsel: str = ""
    email: str = ""
    phone: str = ""
    date_of_birth: dt.date | None = None
    notes: str = ""


def validate_volunteer(details: VolunteerDetails, today: dt.date) -> dict[str, str]:
    problems = {}
    if not details.last_name.strip():
        problems["last_name"] = _("Enter the last name.")
    if not details.first_name.strip():
        problems["first_name"] = _("Enter the first name.")
    if details.date_of_birth is not None and details.date_of_birth > today:
        problems["date_of_birth"] = _("The date of birth lies in the future.")
    return problems


def _clean(text: str) -> str:
    return " ".join(text.split())


def save_volunteer(
    session: Session, details: VolunteerDetails, today: dt.date, volunteer_id: int | None = None
) -> int:
    """Register a volunteer who is no member (or change one); returns the person's id."""
    problems = validate_volunteer(details, today)
    if problems:
        raise ValidationFailed(problems)
    if volunteer_id is None:
        person = Person(first_name="", last_name="")
        session.add(person)
        session.flush()
        volunteer = Volunteer(person_id=person.id, since=today)
        session.add(volunteer)
    else:
        volunteer = session.get(Volunteer, volunteer_id)
        if volunteer is None:
            raise UserError(_("This volunteer no longer exists."))
        person = session.get(Person, volunteer.person_id)
    person.first_name, person.last_name = _clean(details.first_name), _clean(details.last_name)
    person.tussenvoegsel = _clean(details.tussenvoegsel)
    person.email, person.phone = details.email.strip(), _clean(details.phone)
    person.date_of_birth = details.date_of_birth
    volunteer.notes = details.notes.strip()
    audit.note(  # no name: the log's descriptions stay when a person is forgotten
        session,
        "new" if volunteer_id is None else "edit",
        _("Volunteer registered") if volunteer_id is None else _("Volunteer changed"),
    )
    session.flush()
    return person.id


def volunteer_details(session: Session, volunteer_id: int) -> VolunteerDetails:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise UserError(_("This volunteer no longer exists."))
    p = session.get(Person, volunteer.person_id)
    return VolunteerDetails(p.first_name, p.last_name, p.tussenvoegsel, p.email, p.phone,
                            p.date_of_birth, volunteer.notes)  # fmt: skip


def remove_volunteer(session: Session, volunteer_id: int) -> None:
    """A volunteer without hours or allowances goes with their person data; one with them
    is kept (the figures need them) until the person is forgotten."""
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise UserError(_("This volunteer no longer exists."))
    person_id = volunteer.person_id
    used = member_records.kept_by_records(session, person_id)
    if used:
        raise UserError(
            _("This volunteer has hours or allowances recorded; they stay for the figures.")
        )
    person = session.get(Person, person_id)
    session.delete(volunteer)
    session.flush()
    if person is not None and person.member is None:
        session.delete(person)
    audit.note(session, "delete", _("Volunteer removed"), undoable=True)
    session.flush()


# -- tasks ------------------------------------------------------------------------------------
def tasks(session: Session) -> list[Task]:
    query = select(VolunteerTask).order_by(VolunteerTask.sort_order, VolunteerTask.name)
    return [Task(t.id, t.name, Money(t.hourly_value)) for t in session.execute(query).scalars()]


def save_tasks(session: Session, rows: list[tuple[int | None, str, Money]]) -> None:
    """Replace the task list by `rows` ((id or None, name, value an hour), in order). A
    task with hours cannot go."""
    problem = rules.tasks_problem([(name, value) for _id, name, value in rows])
    if problem:
        raise ValidationFailed({"tasks": problem})
    names = [_clean(name) for _id, name, _value in rows]
    existing = {t.id: t for t in session.execute(select(VolunteerTask)).scalars()}
    old_names = {task_id: task.name for task_id, task in existing.items()}
    for task in existing.values():  # names may be swapped: free them first
        task.name = f"\x00{task.id}"
    session.flush()
    kept = set()
    for order, ((task_id, _name, value), name) in enumerate(zip(rows, names, strict=True)):
        task = existing.get(task_id) if task_id is not None else None
        if task is None:
            task = VolunteerTask()
            session.add(task)
        else:
            kept.add(task.id)
        task.name, task.hourly_value, task.sort_order = name, value.cents, order
    for task_id, task in existing.items():
        if task_id in kept:
            continue
        used = session.execute(
            select(func.count())
            .select_from(VolunteerHours)
            .where(VolunteerHours.task_id == task_id)
        ).scalar_one()
        if used:
            raise UserError(
                _("{task} has hours recorded; it stays (rename it if needed).").format(
                    task=old_names[task_id]
                )
            )
        session.delete(task)
    audit.note(session, "edit", _("Volunteer tasks changed"))
    session.flush()


# The hours, for callers that know them as part of the volunteers (the page, the demo).
from verenigingsbeheer.services.volunteer_hours import (  # noqa: E402
    HoursDetails,
    HoursRow,
    add_hours,
    delete_hours,
    grid,
    list_hours,
    save_grid,
    save_week,
    update_hours,
    value_of,
    week_grid,
    worth,
)

__all__ = [
    "Helper", "HoursDetails", "HoursRow", "Task", "VolunteerDetails", "add_hours",
    "delete_hours", "grid", "helpers", "list_hours", "remove_volunteer", "save_grid",
    "save_tasks", "save_volunteer", "save_week", "tasks", "update_hours", "validate_volunteer",
    "value_of", "volunteer_details", "week_grid", "worth",
]  # fmt: skip
