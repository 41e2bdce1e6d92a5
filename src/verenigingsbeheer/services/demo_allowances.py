"""The demo choir's volunteer allowances, each kind once, all within the tax-free limits.

The conductor's assistant has a fixed allowance for the calendar year, paid in January: a
little over 90 % of that year's limit, so the "close to a limit" list has someone in it from
January on (last year's payment is there too, though it was made before the twelve months
the hours cover). The bar's coordinator gets a small fixed amount every month, and the
technician, who is no member, an agreed hourly rate under the hourly limit for the hours of
the month. Every payment goes through `allowances.save_allowance`, which refuses one over a
limit: the demo fails rather than ship an example of what the program warns against.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import VolunteerHours
from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.volunteers import Limits
from verenigingsbeheer.services import allowances
from verenigingsbeheer.services.allowances import AllowanceDetails

D = dt.date
CLOSE_SHARE = 0.93  # of the year limit: close to it, not over
BAR_MONTHLY = Money.euros("20.00")
TECH_RATE = Money.euros("5.00")  # an hour: under the adult limit of 2025 and 2026


def add_allowances(
    session: Session,
    first: dt.date,
    today: dt.date,
    since: dict[int, dt.date],
    assistant: int | None,
    bar_coordinator: int | None,
    technician: int,
    tech_task: int,
) -> None:
    """The payments made before `today`: the assistant's yearly ones, the coordinator's and
    the technician's of the months from `first` on; none before a member joined (`since`,
    by person id). Persons by id; None: nobody."""
    known = allowances.limits(session)
    if assistant is not None:
        for year in range(first.year, today.year + 1):
            paid = _weekday(D(year, 1, 15))
            if since.get(assistant, paid) <= paid < today:
                amount = _close_to(_limits_of(known, year))
                allowances.save_allowance(session, AllowanceDetails(
                    assistant, paid, amount, D(year, 1, 1), D(year, 12, 31),
                    note="Assistent-dirigent: inzingen en groepsrepetities. Vaste"
                    " jaarvergoeding, in januari vooruitbetaald.",
                ))  # fmt: skip
    if bar_coordinator is not None and bar_coordinator != assistant:
        for year, month in rules.months_of(first, today):
            last = _last_day(year, month)
            paid = _weekday(last)
            if max(first, since.get(bar_coordinator, first)) <= paid < today:
                allowances.save_allowance(session, AllowanceDetails(
                    bar_coordinator, paid, BAR_MONTHLY, D(year, month, 1), last,
                    note="Coördinatie van de bar: vast bedrag per maand.",
                ))  # fmt: skip
    _pay_technician(session, first, today, technician, tech_task)


def _pay_technician(
    session: Session, first: dt.date, today: dt.date, technician: int, tech_task: int
) -> None:
    """A month's hours paid on the 10th of the next month, at the agreed rate."""
    minutes: dict[tuple[int, int], int] = defaultdict(int)
    query = select(VolunteerHours.date, VolunteerHours.minutes).where(
        VolunteerHours.person_id == technician, VolunteerHours.task_id == tech_task
    )
    for day, worked in session.execute(query):
        minutes[(day.year, day.month)] += worked
    for (year, month), worked in sorted(minutes.items()):
        last = _last_day(year, month)
        paid = _weekday(last + dt.timedelta(days=10))
        if not first <= paid < today:
            continue
        hours = f"{worked / 60:g}".replace(".", ",")
        allowances.save_allowance(session, AllowanceDetails(
            technician, paid, Money(TECH_RATE.cents * worked // 60), D(year, month, 1), last,
            TECH_RATE,
            note=f"Licht en geluid: {hours} uur à € 5,00.",
        ))  # fmt: skip


def _limits_of(known: dict[int, Limits], year: int) -> Limits:
    """The year's limits, or the nearest year's (the amounts are agreed on them)."""
    if year in known:
        return known[year]
    if known:
        return known[min(known, key=lambda y: (abs(y - year), -y))]
    return next(limits for limits in rules.SHIPPED_LIMITS if limits.year == 2025)


def _close_to(limits: Limits) -> Money:
    """A round amount (to € 25) at about 93 % of the year limit."""
    step = 2500
    return Money(int(limits.yearly.cents * CLOSE_SHARE) // step * step)


def _weekday(day: dt.date) -> dt.date:
    """A payment made on a Saturday or Sunday is made on the Monday."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _last_day(year: int, month: int) -> dt.date:
    following = D(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)
