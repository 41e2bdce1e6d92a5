"""Volunteer hours and volunteer allowances (vrijwilligersvergoeding) as plain values, with
their rules: hours in quarters, what an hour of a task is worth, and the Dutch tax-free
limits.

The limits are kept per year with their source. The hourly limit applies only when an
hourly rate was agreed, and depends on the volunteer's age on the payment date (21 and
over, or younger); the month and year limits always apply. A payment for a period is
spread evenly over the calendar months it covers. Going over any limit makes the whole
allowance taxable, so the check is made before a payment is saved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from verenigingsbeheer.domain.member import age_on
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n import _

QUARTER = 15  # minutes: hours are entered in quarters
MAX_MINUTES_A_DAY = 24 * 60
ADULT_AGE = 21
CLOSE = 0.9  # "close to a limit": at 90 % of it or more


@dataclass(frozen=True)
class Limits:
    """The tax-free limits of one calendar year, as the tax authority set them."""

    year: int
    hourly_adult: Money  # 21 and over
    hourly_young: Money  # under 21
    monthly: Money
    yearly: Money
    source: str = ""

    def hourly(self, age: int | None) -> Money:
        """The hourly limit for an age; unknown: the limit under 21, the stricter one (the
        message says the date of birth is not known)."""
        return self.hourly_adult if age is not None and age >= ADULT_AGE else self.hourly_young


# Shipped, as published by the Belastingdienst; editable per association file.
SHIPPED_LIMITS = (
    Limits(2025, Money.euros("5.60"), Money.euros("3.30"), Money.euros("210"),
           Money.euros("2100"), "Belastingdienst, vrijwilligersregeling 2025"),
    Limits(2026, Money.euros("5.75"), Money.euros("3.40"), Money.euros("220"),
           Money.euros("2200"), "Belastingdienst, vrijwilligersregeling 2026"),
)  # fmt: skip


@dataclass(frozen=True)
class Payment:
    """An allowance paid, as the checks need it."""

    paid_on: dt.date
    amount: Money
    first_day: dt.date  # the period it is for
    last_day: dt.date
    hourly_rate: Money | None = None  # agreed per hour; None: a fixed allowance


def months_of(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """(year, month) of every calendar month the period touches."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def per_month(payments: Iterable[Payment]) -> dict[tuple[int, int], Money]:
    """What the payments come to per calendar month, each spread evenly over its period
    (a quarter's € 600 is € 200 in each of its months; the cents left over go to the
    first months, so the sum stays exact)."""
    totals: dict[tuple[int, int], int] = defaultdict(int)
    for payment in payments:
        months = months_of(payment.first_day, payment.last_day)
        share, rest = divmod(payment.amount.cents, len(months))
        for n, key in enumerate(months):
            totals[key] += share + (1 if n < rest else 0)
    return {key: Money(cents) for key, cents in totals.items()}


@dataclass(frozen=True)
class Excess:
    """A limit a payment would go over (or, with `close`, come near)."""

    kind: str  # "hourly", "monthly" or "yearly"
    limit: Money
    amount: Money  # the rate, or what the month or year comes to
    when: str  # "maart 2026", "2026", or the age for the hourly limit

    @property
    def over(self) -> bool:
        return self.amount.cents > self.limit.cents

    def text(self) -> str:
        from verenigingsbeheer.i18n.formatting import format_money

        values = {"limit": format_money(self.limit), "amount": format_money(self.amount),
                  "when": self.when}  # fmt: skip
        if not self.over:  # close to it
            if self.kind == "monthly":
                return _("{when} comes to {amount}, close to the monthly limit of {limit}.").format(
                    **values
                )
            if self.kind == "yearly":
                return _("{when} comes to {amount}, close to the yearly limit of {limit}.").format(
                    **values
                )
        if self.kind == "hourly":
            return _("The hourly rate {amount} is above the limit of {limit} ({when}).").format(
                **values
            )
        if self.kind == "monthly":
            return _("{when} comes to {amount}, above the monthly limit of {limit}.").format(
                **values
            )
        return _("{when} comes to {amount}, above the yearly limit of {limit}.").format(**values)


def check(
    payment: Payment,
    earlier: Iterable[Payment],
    limits: dict[int, Limits],
    born: dt.date | None,
) -> list[Excess]:
    """The limits `payment` goes over together with the volunteer's `earlier` payments.
    A year without known limits is not checked."""
    from verenigingsbeheer.i18n.formatting import format_date

    found: list[Excess] = []

    def over(amount: Money, limit: Money) -> bool:
        return amount.cents > limit.cents

    year_limits = limits.get(payment.paid_on.year)
    if payment.hourly_rate is not None and year_limits is not None:
        age = age_on(born, payment.paid_on) if born is not None else None
        limit = year_limits.hourly(age)
        if over(payment.hourly_rate, limit):
            when = (_("age {n} on the payment date").format(n=age) if age is not None
                    else _("date of birth not known"))  # fmt: skip
            found.append(Excess("hourly", limit, payment.hourly_rate, when))
    everything = [*earlier, payment]
    months = per_month(everything)
    for year, month in months_of(payment.first_day, payment.last_day):
        limit_set = limits.get(year)
        if limit_set is None:
            continue
        amount = months[(year, month)]
        if over(amount, limit_set.monthly):
            when = format_date(dt.date(year, month, 1), "LLLL y")
            found.append(Excess("monthly", limit_set.monthly, amount, when))
    for year in sorted({y for y, _m in months_of(payment.first_day, payment.last_day)}):
        limit_set = limits.get(year)
        if limit_set is None:
            continue
        amount = Money.total([value for (y, _m), value in months.items() if y == year])
        if over(amount, limit_set.yearly):
            found.append(Excess("yearly", limit_set.yearly, amount, str(year)))
    return found


def year_excesses(
    payments: Iterable[Payment],
    limits: Limits,
    born: dt.date | None,
    *,
    close: bool = False,
) -> list[Excess]:
    """How a volunteer's payments (all of them: a period may cross the new year) stand
    against the limits of `limits.year`, for looking back over a year: every hourly rate
    paid that year above its limit (named by the payment date, not the age), and every
    month and the year itself over the limit (with `close`: at 90 % or more), by the same
    rules `check` applies before a payment is saved."""
    from verenigingsbeheer.i18n.formatting import format_date

    year = limits.year
    payments = list(payments)
    found: list[Excess] = []
    for payment in sorted(payments, key=lambda p: p.paid_on):
        if payment.paid_on.year != year or payment.hourly_rate is None:
            continue
        limit = limits.hourly(age_on(born, payment.paid_on) if born is not None else None)
        if payment.hourly_rate.cents > limit.cents:
            when = format_date(payment.paid_on)
            if born is None:
                when += ", " + _("date of birth not known")
            found.append(Excess("hourly", limit, payment.hourly_rate, when))

    def reached(amount: Money, limit: Money) -> bool:
        return amount.cents >= limit.cents * CLOSE if close else amount.cents > limit.cents

    months = {key: value for key, value in per_month(payments).items() if key[0] == year}
    for (y, m), amount in sorted(months.items()):
        if reached(amount, limits.monthly):
            when = format_date(dt.date(y, m, 1), "LLLL y")
            found.append(Excess("monthly", limits.monthly, amount, when))
    total = Money.total(list(months.values()))
    if reached(total, limits.yearly):
        found.append(Excess("yearly", limits.yearly, total, str(year)))
    return found


def limits_problem(rows: Sequence[Limits]) -> str:
    """Why these limits cannot be kept ("" when they can): each year once, a year of this
    era, no negative amount."""
    years = [row.year for row in rows]
    if len(set(years)) != len(years):
        return _("Each year once.")
    if any(not 2000 <= year <= 2100 for year in years):
        return _("A year between 2000 and 2100.")
    for row in rows:
        if any(a.cents < 0 for a in (row.hourly_adult, row.hourly_young, row.monthly, row.yearly)):
            return _("A limit cannot be negative.")
    return ""


def tasks_problem(rows: Sequence[tuple[str, Money]]) -> str:
    """Why this task list cannot be kept ("" when it can): every task a name of its own
    (regardless of case and spaces), no negative value."""
    names = [" ".join(name.split()).lower() for name, _value in rows]
    if any(not name for name in names):
        return _("Every task needs a name.")
    if len(set(names)) != len(names):
        return _("Two tasks have the same name.")
    if any(value.cents < 0 for _name, value in rows):
        return _("A value cannot be negative.")
    return ""


def validate_hours(minutes: int) -> str:
    """A problem with the time entered, or nothing."""
    if minutes <= 0:
        return _("Enter the time helped, e.g. 2,5 hours.")
    if minutes % QUARTER:
        return _("Hours go in quarters: 0,25, 0,5 or 0,75.")
    if minutes > MAX_MINUTES_A_DAY:
        return _("At most 24 hours in one entry.")
    return ""


def parse_hours(text: str) -> int:
    """`2,5`, `2.5`, `2:30` or `2 1/2`? The first three: minutes; ValueError otherwise."""
    value = text.strip().replace(" ", "")
    if not value:
        raise ValueError(text)
    if ":" in value:
        hours, _sep, minutes = value.partition(":")
        if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
            raise ValueError(text)
        return int(hours) * 60 + int(minutes)
    if not re.fullmatch(r"\d+([.,]\d+)?", value):
        raise ValueError(text)
    amount = float(value.replace(",", "."))
    return round(amount * 60)


def format_hours(minutes: int) -> str:
    """240 -> "4", 150 -> "2,5", 45 -> "0,75" in Dutch (the decimal sign of the language)."""
    from decimal import Decimal

    from verenigingsbeheer.i18n.formatting import format_number

    return format_number(Decimal(minutes) / 60)
