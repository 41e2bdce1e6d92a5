"""What the volunteers did, added up: per person, task, activity or month over a period,
the value of the work at the tasks' valuations (for subsidy budgets), and the top helpers
to thank at the annual meeting."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Person
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import month_name
from verenigingsbeheer.services.volunteer_hours import HoursRow, list_hours, value_of
from verenigingsbeheer.services.volunteers import tasks

BY = ("person", "task", "activity", "month")


@dataclass(frozen=True)
class Total:
    """One line of an overview: what it is, how long, what it is worth, how often, by whom."""

    key: object
    label: str
    minutes: int
    value: Money
    entries: int
    people: int

    @property
    def hours(self) -> float:
        return self.minutes / 60


def _label(row: HoursRow, by: str) -> tuple[object, str, tuple]:
    """(key, label, sort key) of a row for the overview `by`."""
    if by == "person":
        return row.person_id, row.name.sorted_form, row.name.sort_key
    if by == "task":
        return row.task_id, row.task, (row.task.lower(),)
    if by == "activity":
        if row.activity_id is None:
            return None, _("Not for one activity"), (dt.date.max,)
        return row.activity_id, f"{row.activity} ({row.date:%d-%m-%Y})", (row.date,)
    month = (row.date.year, row.date.month)
    return month, f"{month_name(row.date.month).capitalize()} {row.date.year}", month


def _values(session: Session) -> dict[int, Money]:
    return {task.task_id: task.hourly_value for task in tasks(session)}


def totals(session: Session, start: dt.date, end: dt.date, by: str = "person") -> list[Total]:
    """The period's hours added up per person, task, activity or month."""
    if by not in BY:
        raise ValueError(by)
    groups: dict[object, list[HoursRow]] = defaultdict(list)
    labels: dict[object, tuple[str, tuple]] = {}
    for row in list_hours(session, start, end):
        key, label, order = _label(row, by)
        groups[key].append(row)
        labels[key] = (label, order)
    values = _values(session)
    found = [
        Total(key, labels[key][0], sum(r.minutes for r in rows), value_of(rows, values),
              len(rows), len({r.person_id for r in rows}))
        for key, rows in groups.items()
    ]  # fmt: skip
    found.sort(key=lambda t: labels[t.key][1])
    return found


def summary(session: Session, start: dt.date, end: dt.date) -> Total:
    """Everything in the period: hours, value, entries, people."""
    rows = list_hours(session, start, end)
    return Total(None, _("Total"), sum(r.minutes for r in rows),
                 value_of(rows, _values(session)), len(rows),
                 len({r.person_id for r in rows}))  # fmt: skip


def top_helpers(session: Session, start: dt.date, end: dt.date, count: int = 10) -> list[Total]:
    """Who helped most (by hours, then name): the people to thank (an anonymised helper
    keeps the hours, and is no one to thank)."""
    gone = set(session.execute(select(Person.id).where(Person.anonymised_on.is_not(None)))
               .scalars())  # fmt: skip
    found = [t for t in totals(session, start, end, "person") if t.key not in gone]
    return sorted(found, key=lambda t: -t.minutes)[:count]


def months_of_year(session: Session, year: int) -> list[Total]:
    """Each month of a calendar year, empty months included (the chart)."""
    found = {t.key: t for t in totals(session, dt.date(year, 1, 1), dt.date(year, 12, 31), "month")}
    return [
        found.get((year, month))
        or Total((year, month), f"{month_name(month).capitalize()} {year}", 0, Money(0), 0, 0)
        for month in range(1, 13)
    ]
