"""Volunteers and their hours: who can help (current members, and registered volunteers
who are no member), the tasks, entering hours (one at a time, or a week at once), and the
totals per person, task, activity and month with what the work is worth.

Every function works in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import (
    Activity,
    Allowance,
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
from verenigingsbeheer.i18n import _, ngettext


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


@dataclass(frozen=True)
class HoursRow:
    hours_id: int
    person_id: int
    name: PersonName
    date: dt.date
    task_id: int
    task: str
    minutes: int
    value: Money  # the minutes at the task's value
    activity_id: int | None
    activity: str
    note: str


@dataclass(frozen=True)
class HoursDetails:
    person_id: int
    date: dt.date
    task_id: int
    minutes: int
    activity_id: int | None = None
    note: str = ""


# -- who can help -----------------------------------------------------------------------------
def helpers(session: Session, on: dt.date) -> list[Helper]:
    """Current members on `on` and every registered volunteer, in Dutch name order."""
    current = select(MembershipPeriod.member_id).where(
        MembershipPeriod.start_date <= on,
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
    audit.note(
        session,
        "new" if volunteer_id is None else "edit",
        _("Volunteer: {name}").format(name=f"{person.first_name} {person.last_name}"),
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

    used = (
        session.execute(
            select(func.count())
            .select_from(VolunteerHours)
            .where(VolunteerHours.person_id == person_id)
        ).scalar_one()
        + session.execute(
            select(func.count()).select_from(Allowance).where(Allowance.person_id == person_id)
        ).scalar_one()
    )
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


def _count(session: Session, condition) -> int:
    table = condition.left.table
    return session.execute(select(func.count()).select_from(table).where(condition)).scalar_one()


# -- tasks ------------------------------------------------------------------------------------
def tasks(session: Session) -> list[Task]:
    query = select(VolunteerTask).order_by(VolunteerTask.sort_order, VolunteerTask.name)
    return [Task(t.id, t.name, Money(t.hourly_value)) for t in session.execute(query).scalars()]


def save_tasks(session: Session, rows: list[tuple[int | None, str, Money]]) -> None:
    """Replace the task list by `rows` ((id or None, name, value an hour), in order). A
    task with hours cannot go."""
    names = [_clean(name) for _id, name, _value in rows]
    if any(not name for name in names):
        raise ValidationFailed({"name": _("Every task needs a name.")})
    if len({name.lower() for name in names}) != len(names):
        raise ValidationFailed({"name": _("Two tasks have the same name.")})
    if any(value.cents < 0 for _id, _name, value in rows):
        raise ValidationFailed({"hourly_value": _("A value cannot be negative.")})
    existing = {t.id: t for t in session.execute(select(VolunteerTask)).scalars()}
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
                    task=task.name
                )
            )
        session.delete(task)
    audit.note(session, "edit", _("Volunteer tasks changed"))
    session.flush()


# -- hours ------------------------------------------------------------------------------------
def _checked(details: HoursDetails) -> HoursDetails:
    problem = rules.validate_hours(details.minutes)
    if problem:
        raise ValidationFailed({"minutes": problem})
    return HoursDetails(details.person_id, details.date, details.task_id, details.minutes,
                        details.activity_id, details.note.strip())  # fmt: skip


def add_hours(session: Session, details: HoursDetails) -> int:
    details = _checked(details)
    row = VolunteerHours(
        person_id=details.person_id, date=details.date, task_id=details.task_id,
        minutes=details.minutes, activity_id=details.activity_id, note=details.note,
    )  # fmt: skip
    session.add(row)
    session.flush()
    audit.note(session, "new", _("Volunteer hours entered"))
    return row.id


def update_hours(session: Session, hours_id: int, details: HoursDetails) -> None:
    details = _checked(details)
    row = session.get(VolunteerHours, hours_id)
    if row is None:
        raise UserError(_("These hours no longer exist."))
    row.person_id, row.date, row.task_id = details.person_id, details.date, details.task_id
    row.minutes, row.activity_id, row.note = details.minutes, details.activity_id, details.note
    audit.note(session, "edit", _("Volunteer hours changed"))
    session.flush()


def delete_hours(session: Session, hours_ids: Iterable[int]) -> int:
    rows = (
        session.execute(select(VolunteerHours).where(VolunteerHours.id.in_(list(hours_ids))))
        .scalars()
        .all()
    )
    for row in rows:
        session.delete(row)
    audit.note(session, "delete", _("Volunteer hours deleted"), undoable=True)
    session.flush()
    return len(rows)


def week_grid(
    session: Session, monday: dt.date, task_id: int, activity_id: int | None = None
) -> dict[tuple[int, dt.date], int]:
    """(person id, day) -> minutes of one task in the week from `monday` (the grid)."""
    query = select(VolunteerHours.person_id, VolunteerHours.date, VolunteerHours.minutes).where(
        VolunteerHours.task_id == task_id,
        VolunteerHours.date >= monday,
        VolunteerHours.date <= monday + dt.timedelta(days=6),
    )
    if activity_id is not None:
        query = query.where(VolunteerHours.activity_id == activity_id)
    grid: dict[tuple[int, dt.date], int] = defaultdict(int)
    for person_id, day, minutes in session.execute(query):
        grid[(person_id, day)] += minutes
    return dict(grid)


def save_week(
    session: Session,
    monday: dt.date,
    task_id: int,
    cells: dict[tuple[int, dt.date], int],
    activity_id: int | None = None,
) -> int:
    """Make the week's hours of one task what the grid says: a cell's minutes replace what
    was entered for that person, day and task (0 removes it). Returns the entries changed."""
    for (_person, day), minutes in cells.items():
        if not monday <= day <= monday + dt.timedelta(days=6):
            raise UserError(_("A day outside the week."))
        if minutes:
            problem = rules.validate_hours(minutes)
            if problem:
                raise ValidationFailed({"minutes": problem})
    before = week_grid(session, monday, task_id, activity_id)
    changed = 0
    for (person_id, day), minutes in cells.items():
        if before.get((person_id, day), 0) == minutes:
            continue
        query = select(VolunteerHours).where(
            VolunteerHours.person_id == person_id, VolunteerHours.date == day,
            VolunteerHours.task_id == task_id,
        )  # fmt: skip
        if activity_id is not None:
            query = query.where(VolunteerHours.activity_id == activity_id)
        for row in session.execute(query).scalars().all():
            session.delete(row)
        if minutes:
            session.add(VolunteerHours(person_id=person_id, date=day, task_id=task_id,
                                       minutes=minutes, activity_id=activity_id))  # fmt: skip
        changed += 1
    audit.note(
        session,
        "edit",
        ngettext(
            "Volunteer hours of a week: {n} entry",
            "Volunteer hours of a week: {n} entries",
            changed,
        ).format(n=changed),  # fmt: skip
    )
    session.flush()
    return changed


def list_hours(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    person_id: int | None = None,
) -> list[HoursRow]:
    query = (
        select(VolunteerHours, Person, VolunteerTask, Activity.title)
        .join(Person, Person.id == VolunteerHours.person_id)
        .join(VolunteerTask, VolunteerTask.id == VolunteerHours.task_id)
        .outerjoin(Activity, Activity.id == VolunteerHours.activity_id)
        .order_by(VolunteerHours.date, Person.last_name, VolunteerHours.id)
    )
    if start is not None:
        query = query.where(VolunteerHours.date >= start)
    if end is not None:
        query = query.where(VolunteerHours.date <= end)
    if person_id is not None:
        query = query.where(VolunteerHours.person_id == person_id)
    return [
        HoursRow(
            row.id,
            person.id,
            PersonName(person.first_name, person.last_name, person.tussenvoegsel),
            row.date,
            task.id,
            task.name,
            row.minutes,
            worth(row.minutes, task.hourly_value),
            row.activity_id,
            title or "",
            row.note,
        )  # fmt: skip
        for row, person, task, title in session.execute(query)
    ]


def worth(minutes: int, hourly_value: int | Money) -> Money:
    """What `minutes` of work are worth at a value an hour (rounded half up to cents)."""
    from decimal import Decimal

    value = hourly_value if isinstance(hourly_value, Money) else Money(hourly_value)
    return value * (Decimal(minutes) / 60)
