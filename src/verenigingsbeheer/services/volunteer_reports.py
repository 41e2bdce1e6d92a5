"""The printed volunteer lists: the annual overview of volunteer hours, a volunteer's
personal statement of a year, and the treasurer's register of volunteer allowances.

For the window's print buttons and the CLI's `report volunteers|volunteer|allowances`
alike. Each gathers its figures (plain values the page can show as well), checks the
choices (a UserError in Dutch before anything is written) and writes a PDF; ReportLab is
imported only when a list is made. Notes are never carried into a report (they may hold
personal remarks), nor are dates of birth: the age only decides the hourly limit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Member, Person
from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.person import PersonName, fold
from verenigingsbeheer.domain.volunteers import Excess, Limits
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import allowances, volunteer_figures
from verenigingsbeheer.services.allowances import AllowanceRow
from verenigingsbeheer.services.member_reports import letterhead
from verenigingsbeheer.services.rent import check_year
from verenigingsbeheer.services.volunteer_figures import Total
from verenigingsbeheer.services.volunteers import (
    Helper,
    HoursRow,
    helpers,
    list_hours,
    tasks,
    value_of,
)

TOP = 10  # helpers named to thank at the annual meeting
SHOWN = 15  # candidates named when a typed name fits nobody


@dataclass(frozen=True)
class TaskLine:
    """A task's hours in a year, with the value of an hour of it."""

    name: str
    hourly_value: Money
    minutes: int
    value: Money
    people: int


@dataclass(frozen=True)
class PersonLine:
    """A helper's hours in a year and the tasks they did (in the list's task order)."""

    total: Total
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class VolunteerOverview:
    year: int
    summary: Total
    tasks: list[TaskLine]
    people: list[PersonLine]
    months: list[Total]  # January to December, empty months included
    top: list[PersonLine]  # the helpers to thank, most hours first


@dataclass(frozen=True)
class VolunteerStatement:
    """One volunteer's year: hours, their value, the allowances paid and the limits."""

    year: int
    name: PersonName
    member_number: int | None
    hours: list[HoursRow]  # by date; their notes are not printed
    tasks: list[TaskLine]
    minutes: int
    value: Money
    allowances: list[AllowanceRow]  # paid in the year, by payment date
    paid: Money
    counted: Money  # the year's share by the months the payments are for
    limits: Limits | None  # None: the file does not know the year's limits
    excesses: list[Excess]  # the limits gone over (hourly ones by payment date)


@dataclass(frozen=True)
class RegisterPerson:
    """A volunteer's allowances in the register, with how they stand against the limits."""

    person_id: int
    name: PersonName
    payments: int
    paid: Money
    highest_month: Money  # by the months the payments are for
    excesses: list[Excess]  # reached 90 % of a month or year limit, or gone over any limit

    @property
    def over(self) -> bool:
        return any(excess.over for excess in self.excesses)

    @property
    def close(self) -> bool:
        return bool(self.excesses) and not self.over


@dataclass(frozen=True)
class AllowanceRegister:
    year: int
    payments: list[AllowanceRow]  # paid in the year, by payment date
    people: list[RegisterPerson]  # in Dutch name order
    total: Money
    limits: Limits | None

    @property
    def marked(self) -> int:
        """Payments saved knowing they went over a limit."""
        return sum(row.over_limit_accepted for row in self.payments)


def _year(year: int) -> tuple[dt.date, dt.date]:
    check_year(year)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _task_lines(rows: list[HoursRow], values: dict[int, Money]) -> list[TaskLine]:
    """The rows added up per task, by name like the figures' own overview."""
    groups: dict[int, list[HoursRow]] = defaultdict(list)
    for row in rows:
        groups[row.task_id].append(row)
    lines = [
        TaskLine(group[0].task, values.get(task_id, Money(0)), sum(r.minutes for r in group),
                 value_of(group, values), len({r.person_id for r in group}))
        for task_id, group in groups.items()
    ]  # fmt: skip
    return sorted(lines, key=lambda line: line.name.lower())


# -- the annual overview ----------------------------------------------------------------------
def volunteer_overview(session: Session, year: int) -> VolunteerOverview:
    """Calendar year `year`: totals, per task, per person, per month and the top helpers."""
    hours = volunteer_figures.read(session, *_year(year))
    rows = hours.rows
    order = {task_id: n for n, task_id in enumerate(hours.values)}  # the tasks' own order
    done: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        done[row.person_id].add(row.task_id)
    names = {row.task_id: row.task for row in rows}

    def line(total: Total) -> PersonLine:
        ids = sorted(done[total.key], key=lambda task_id: order.get(task_id, len(order)))
        return PersonLine(total, tuple(names[task_id] for task_id in ids))

    return VolunteerOverview(
        year=year,
        summary=hours.summary(),
        tasks=_task_lines(rows, hours.values),
        people=[line(total) for total in hours.totals("person")],
        months=hours.months(),
        # Only someone who can still be thanked: an anonymised helper keeps their hours only.
        top=[line(total) for total in hours.top_helpers(TOP)],
    )


def make_volunteer_overview(
    session: Session, path: Path, today: dt.date, year: int
) -> VolunteerOverview:
    """The annual overview of volunteer hours as a PDF; returns the figures printed."""
    overview = volunteer_overview(session, year)
    from verenigingsbeheer.outputs.pdf.volunteer_overview import write_volunteer_overview

    write_volunteer_overview(path, letterhead(session, today), overview)
    return overview


# -- a volunteer's personal statement ---------------------------------------------------------
def volunteer_statement(session: Session, person_id: int, year: int) -> VolunteerStatement:
    """One person's hours and allowances of calendar year `year`."""
    start, end = _year(year)
    person = session.get(Person, person_id)
    if person is None:
        raise UserError(_("This person no longer exists."))
    if person.anonymised_on is not None:
        raise UserError(_("This person has been anonymised; there is no statement to print."))
    number = session.execute(
        select(Member.member_number).where(Member.person_id == person_id)
    ).scalar_one_or_none()
    rows = list_hours(session, start, end, person_id=person_id)
    values = {task.task_id: task.hourly_value for task in tasks(session)}
    everything = allowances.list_allowances(session, person_id=person_id)
    paid = [row for row in everything if start <= row.details.paid_on <= end]
    payments = [row.details.payment for row in everything]
    year_limits = allowances.limits(session).get(year)
    excesses = (
        rules.year_excesses(payments, year_limits, person.date_of_birth) if year_limits else []
    )
    counted = [amount for (y, _m), amount in rules.per_month(payments).items() if y == year]
    return VolunteerStatement(
        year=year,
        name=PersonName(person.first_name, person.last_name, person.tussenvoegsel),
        member_number=number,
        hours=rows,
        tasks=_task_lines(rows, values),
        minutes=sum(row.minutes for row in rows),
        value=value_of(rows, values),
        allowances=paid,
        paid=Money.total([row.details.amount for row in paid]),
        counted=Money.total(counted),
        limits=year_limits,
        excesses=excesses,
    )


def make_volunteer_statement(
    session: Session, path: Path, today: dt.date, person_id: int, year: int
) -> VolunteerStatement:
    """The personal statement of one volunteer for a year as a PDF (to hand to them)."""
    statement = volunteer_statement(session, person_id, year)
    from verenigingsbeheer.outputs.pdf.volunteer_statement import write_volunteer_statement

    write_volunteer_statement(path, letterhead(session, today), statement)
    return statement


# -- the register of allowances ---------------------------------------------------------------
def allowance_register(session: Session, year: int) -> AllowanceRegister:
    """Every allowance paid in `year`, and per volunteer how they stand against its limits
    (by the months each payment is for, also payments made in another year)."""
    start, end = _year(year)
    everything = allowances.list_allowances(session)
    paid = [row for row in everything if start <= row.details.paid_on <= end]
    year_limits = allowances.limits(session).get(year)
    by_person: dict[int, list[AllowanceRow]] = defaultdict(list)
    for row in everything:
        by_person[row.person_id].append(row)
    people = []
    counted = {  # paid that year, or paid another year for months of this one
        row.person_id for row in everything
        if row.details.first_day.year <= year <= row.details.last_day.year
    } | {row.person_id for row in paid}  # fmt: skip
    for person_id in counted:
        rows = by_person[person_id]
        payments = [row.details.payment for row in rows]
        months = [amount for (y, _m), amount in rules.per_month(payments).items() if y == year]
        mine = [row for row in paid if row.person_id == person_id]
        excesses = (
            rules.year_excesses(payments, year_limits, rows[0].born, close=True)
            if year_limits
            else []
        )
        people.append(
            RegisterPerson(person_id, rows[0].name, len(mine),
                           Money.total([row.details.amount for row in mine]),
                           max(months, key=lambda m: m.cents, default=Money(0)), excesses)
        )  # fmt: skip
    people.sort(key=lambda person: person.name.sort_key)
    return AllowanceRegister(
        year, paid, people, Money.total([row.details.amount for row in paid]), year_limits
    )


def make_allowance_register(
    session: Session, path: Path, today: dt.date, year: int
) -> AllowanceRegister:
    """The register of volunteer allowances of a year as a PDF, for the treasurer."""
    register = allowance_register(session, year)
    from verenigingsbeheer.outputs.pdf.allowance_register import write_allowance_register

    write_allowance_register(path, letterhead(session, today), register)
    return register


# -- finding a volunteer by what was typed ----------------------------------------------------
def _label(helper: Helper) -> str:
    if helper.member_number is None:
        return helper.name.sorted_form
    return _("{name} (member {number})").format(
        name=helper.name.sorted_form, number=helper.member_number
    )


def _candidates(session: Session, year: int, today: dt.date) -> tuple[list[Helper], set[int]]:
    """Who can help today and everyone with hours or allowances in `year` (a former member
    too), anonymised people left out; and the ids of the latter."""
    found = {helper.person_id: helper for helper in helpers(session, today)}
    start, end = _year(year)
    worked = {row.person_id for row in list_hours(session, start, end)}
    worked |= {row.person_id for row in allowances.list_allowances(session, start, end)}
    missing = worked - set(found)
    if missing:
        query = (
            select(Person, Member.member_number)
            .outerjoin(Member, Member.person_id == Person.id)
            .where(Person.id.in_(missing), Person.anonymised_on.is_(None))
        )
        for person, number in session.execute(query):
            name = PersonName(person.first_name, person.last_name, person.tussenvoegsel)
            found[person.id] = Helper(person.id, name, number)
    return sorted(found.values(), key=lambda helper: helper.name.sort_key), worked


def _words(text: str) -> list[str]:
    return fold(text.replace(",", " ")).split()


def find_volunteer(session: Session, text: str, year: int, today: dt.date) -> Helper:
    """The volunteer meant by a member number or a name ("Anna de Vries", "Vries, Anna
    de", or words of it such as "anna"), any case and accents aside; a refusal naming the
    candidates when it is nobody or more than one."""
    typed = text.strip()
    if typed.isdigit():
        query = select(Person, Member.member_number).join(Member, Member.person_id == Person.id)
        found = session.execute(query.where(Member.member_number == int(typed))).first()
        if found is None:
            raise UserError(_("There is no member with number {number}.").format(number=typed))
        person, number = found
        name = PersonName(person.first_name, person.last_name, person.tussenvoegsel)
        return Helper(person.id, name, number)
    candidates, worked = _candidates(session, year, today)
    wanted = _words(typed)
    matches = [
        helper
        for helper in candidates
        if wanted in (_words(helper.name.full), _words(helper.name.sorted_form))
    ]
    if not matches and wanted:
        matches = [h for h in candidates if set(wanted) <= set(_words(h.name.full))]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UserError(
            _("'{name}' fits more than one volunteer: {names}. Give the member number or the "
              "full name.").format(name=typed, names="; ".join(_label(h) for h in matches))
        )  # fmt: skip
    if not candidates:
        raise UserError(
            _("No member or volunteer '{name}': this file has none.").format(name=typed)
        )
    # Those who helped that year are the likely ones; else whoever can help.
    likely = [helper for helper in candidates if helper.person_id in worked] or candidates
    shown = [_label(helper) for helper in likely[:SHOWN]] + (["…"] if len(likely) > SHOWN else [])
    raise UserError(
        _("No member or volunteer '{name}'; choose from: {names}.").format(
            name=typed, names="; ".join(shown)
        )
    )
