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


@dataclass(frozen=True)
class PeriodHours:
    """A period's hours read once, to be added up in every way a page or report needs."""

    start: dt.date
    end: dt.date
    rows: list[HoursRow]
    values: dict[int, Money]  # task id -> value an hour
    anonymised: frozenset[int]  # person ids: their hours count, they are no one to thank

    def totals(self, by: str = "person") -> list[Total]:
        """The hours added up per person, task, activity or month."""
        if by not in BY:
            raise ValueError(by)
        groups: dict[object, list[HoursRow]] = defaultdict(list)
        labels: dict[object, tuple[str, tuple]] = {}
        for row in self.rows:
            key, label, order = _label(row, by)
            groups[key].append(row)
            labels[key] = (label, order)
        found = [
            Total(key, labels[key][0], sum(r.minutes for r in rows), value_of(rows, self.values),
                  len(rows), len({r.person_id for r in rows}))
            for key, rows in groups.items()
        ]  # fmt: skip
        found.sort(key=lambda t: labels[t.key][1])
        return found

    def summary(self) -> Total:
        """Everything in the period: hours, value, entries, people."""
        return Total(None, _("Total"), sum(r.minutes for r in self.rows),
                     value_of(self.rows, self.values), len(self.rows),
                     len({r.person_id for r in self.rows}))  # fmt: skip

    def top_helpers(self, count: int = 10) -> list[Total]:
        """Who helped most (by hours, then name): the people to thank."""
        found = [t for t in self.totals("person") if t.key not in self.anonymised]
        return sorted(found, key=lambda t: -t.minutes)[:count]

    def months(self) -> list[Total]:
        """Each month of the period's first year, empty months included (the chart)."""
        year = self.start.year
        found = {t.key: t for t in self.totals("month")}
        return [
            found.get((year, month))
            or Total((year, month), f"{month_name(month).capitalize()} {year}", 0, Money(0), 0, 0)
            for month in range(1, 13)
        ]


def read(session: Session, start: dt.date, end: dt.date) -> PeriodHours:
    """The hours from `start` to `end`, the tasks' values and who is anonymised."""
    values = {task.task_id: task.hourly_value for task in tasks(session)}
    gone = session.execute(select(Person.id).where(Person.anonymised_on.is_not(None))).scalars()
    return PeriodHours(start, end, list_hours(session, start, end), values, frozenset(gone))


def year(session: Session, year: int) -> PeriodHours:
    return read(session, dt.date(year, 1, 1), dt.date(year, 12, 31))
