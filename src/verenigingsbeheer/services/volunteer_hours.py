"""Volunteer hours: entering them (one at a time, or a grid of a week or an activity at
once), listing them, and what they are worth at the tasks' values an hour.

Every function works in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import Activity, Person, VolunteerHours, VolunteerTask
from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import _, ngettext


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


def _cell_rows(session: Session, person_id: int, day: dt.date, task_id: int,
               activity_id: int | None):  # fmt: skip
    query = select(VolunteerHours).where(
        VolunteerHours.person_id == person_id, VolunteerHours.date == day,
        VolunteerHours.task_id == task_id,
        VolunteerHours.activity_id.is_(None) if activity_id is None
        else VolunteerHours.activity_id == activity_id,
    )  # fmt: skip
    return session.execute(query.order_by(VolunteerHours.id)).scalars().all()


def grid(
    session: Session,
    start: dt.date,
    end: dt.date,
    task_ids: Iterable[int] | None = None,
    activity_id: int | None = None,
) -> dict[tuple[int, dt.date, int], int]:
    """(person id, day, task id) -> minutes from `start` to `end`: for one activity, or
    (None) the hours that are for no activity (those of an activity are its own)."""
    query = select(
        VolunteerHours.person_id, VolunteerHours.date, VolunteerHours.task_id,
        VolunteerHours.minutes,
    ).where(
        VolunteerHours.date >= start, VolunteerHours.date <= end,
        VolunteerHours.activity_id.is_(None) if activity_id is None
        else VolunteerHours.activity_id == activity_id,
    )  # fmt: skip
    if task_ids is not None:
        query = query.where(VolunteerHours.task_id.in_(list(task_ids)))
    cells: dict[tuple[int, dt.date, int], int] = defaultdict(int)
    for person_id, day, task_id, minutes in session.execute(query):
        cells[(person_id, day, task_id)] += minutes
    return dict(cells)


def save_grid(
    session: Session,
    cells: dict[tuple[int, dt.date, int], int],
    activity_id: int | None = None,
) -> int:
    """Make the hours what the grid says: a cell's minutes replace what was entered for
    that person, day and task (for that activity, or for none); 0 removes them. A single
    entry keeps its note. Returns the cells changed."""
    for minutes in cells.values():
        problem = rules.validate_hours(minutes) if minutes else ""
        if problem:
            raise ValidationFailed({"minutes": problem})
    changed = 0
    for (person_id, day, task_id), minutes in cells.items():
        rows = _cell_rows(session, person_id, day, task_id, activity_id)
        if sum(row.minutes for row in rows) == minutes:
            continue
        changed += 1
        if minutes and len(rows) == 1:
            rows[0].minutes = minutes
            continue
        note = "; ".join(row.note for row in rows if row.note)
        for row in rows:
            session.delete(row)
        if minutes:
            session.add(VolunteerHours(person_id=person_id, date=day, task_id=task_id,
                                       minutes=minutes, activity_id=activity_id,
                                       note=note[:300]))  # fmt: skip
    audit.note(
        session,
        "edit",
        ngettext("Volunteer hours: {n} entry", "Volunteer hours: {n} entries", changed).format(
            n=changed
        ),  # fmt: skip
    )
    session.flush()
    return changed


def week_grid(
    session: Session, monday: dt.date, task_id: int, activity_id: int | None = None
) -> dict[tuple[int, dt.date], int]:
    """(person id, day) -> minutes of one task in the week from `monday`."""
    sunday = monday + dt.timedelta(days=6)
    cells = grid(session, monday, sunday, [task_id], activity_id)
    return {(person, day): minutes for (person, day, _task), minutes in cells.items()}


def save_week(
    session: Session,
    monday: dt.date,
    task_id: int,
    cells: dict[tuple[int, dt.date], int],
    activity_id: int | None = None,
) -> int:
    """The week grid of one task saved (see `save_grid`)."""
    for _person, day in cells:
        if not monday <= day <= monday + dt.timedelta(days=6):
            raise UserError(_("A day outside the week."))
    keyed = {(person, day, task_id): minutes for (person, day), minutes in cells.items()}
    return save_grid(session, keyed, activity_id)


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


def value_of(rows: Iterable[HoursRow], values: dict[int, Money]) -> Money:
    """What entries are worth: the minutes added up per task first, valued once, so a
    year of quarter hours at € 12,50 is not off by the cents of each entry."""
    minutes: dict[int, int] = defaultdict(int)
    for row in rows:
        minutes[row.task_id] += row.minutes
    return Money.total(
        [worth(total, values.get(task, Money(0))) for task, total in minutes.items()]
    )


def worth(minutes: int, hourly_value: int | Money) -> Money:
    """What `minutes` of work are worth at a value an hour (rounded half up to cents)."""
    value = hourly_value if isinstance(hourly_value, Money) else Money(hourly_value)
    return value * (Decimal(minutes) / 60)
