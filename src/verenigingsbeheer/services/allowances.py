"""Volunteer allowances (vrijwilligersvergoeding): the payments, the tax-free limits per
year (editable, with their source), the check before a payment is saved, and the
volunteers close to a limit.

A payment that would go over a limit is refused with OverLimit, which says which limits;
saved anyway (the board knows the whole allowance then becomes taxable) it is marked.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import Allowance, AllowanceLimits, Person
from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.domain.volunteers import Excess, Limits, Payment
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import _


@dataclass(frozen=True)
class AllowanceDetails:
    person_id: int
    paid_on: dt.date
    amount: Money
    first_day: dt.date
    last_day: dt.date
    hourly_rate: Money | None = None  # agreed per hour; None: a fixed allowance
    note: str = ""

    @property
    def payment(self) -> Payment:
        return Payment(self.paid_on, self.amount, self.first_day, self.last_day,
                       self.hourly_rate)  # fmt: skip


@dataclass(frozen=True)
class AllowanceRow:
    allowance_id: int
    person_id: int
    name: PersonName
    born: dt.date | None
    details: AllowanceDetails
    over_limit_accepted: bool


class OverLimit(UserError):
    """The payment goes over a tax-free limit; `excesses` say which."""

    def __init__(self, excesses: list[Excess]) -> None:
        super().__init__(" ".join(excess.text() for excess in excesses))
        self.excesses = excesses


# -- limits -----------------------------------------------------------------------------------
def limits(session: Session) -> dict[int, Limits]:
    found = session.execute(select(AllowanceLimits)).scalars()
    return {
        row.year: Limits(row.year, Money(row.hourly_adult), Money(row.hourly_young),
                         Money(row.monthly), Money(row.yearly), row.source)
        for row in found
    }  # fmt: skip


def save_limits(session: Session, rows: list[Limits]) -> None:
    """Replace the limits by `rows` (one per year)."""
    problem = rules.limits_problem(rows)
    if problem:
        raise ValidationFailed({"limits": problem})
    for existing in session.execute(select(AllowanceLimits)).scalars().all():
        session.delete(existing)
    session.flush()
    for row in rows:
        session.add(
            AllowanceLimits(year=row.year, hourly_adult=row.hourly_adult.cents,
                            hourly_young=row.hourly_young.cents, monthly=row.monthly.cents,
                            yearly=row.yearly.cents, source=row.source.strip())
        )  # fmt: skip
    audit.note(session, "edit", _("Allowance limits changed"))
    session.flush()


# -- payments ---------------------------------------------------------------------------------
def _rows(session: Session, query) -> list[AllowanceRow]:
    found = []
    for allowance, person in session.execute(query):
        details = AllowanceDetails(
            allowance.person_id, allowance.paid_on, Money(allowance.amount),
            allowance.first_day, allowance.last_day,
            Money(allowance.hourly_rate) if allowance.hourly_rate is not None else None,
            allowance.note,
        )  # fmt: skip
        name = PersonName(person.first_name, person.last_name, person.tussenvoegsel)
        found.append(AllowanceRow(allowance.id, person.id, name, person.date_of_birth, details,
                                  allowance.over_limit_accepted))  # fmt: skip
    return found


def list_allowances(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    person_id: int | None = None,
) -> list[AllowanceRow]:
    """Payments by payment date (from `start` to `end`), of one person or everyone."""
    query = (
        select(Allowance, Person)
        .join(Person, Person.id == Allowance.person_id)
        .order_by(Allowance.paid_on, Allowance.id)
    )
    if start is not None:
        query = query.where(Allowance.paid_on >= start)
    if end is not None:
        query = query.where(Allowance.paid_on <= end)
    if person_id is not None:
        query = query.where(Allowance.person_id == person_id)
    return _rows(session, query)


def _payments_of(session: Session, person_id: int, skip: int | None) -> list[Payment]:
    return [
        row.details.payment
        for row in list_allowances(session, person_id=person_id)
        if row.allowance_id != skip
    ]


def _born(session: Session, person_id: int) -> dt.date | None:
    person = session.get(Person, person_id)
    if person is None:
        raise UserError(_("This person no longer exists."))
    return person.date_of_birth


def check(
    session: Session, details: AllowanceDetails, allowance_id: int | None = None
) -> list[Excess]:
    """The limits this payment goes over with the person's other payments."""
    return rules.check(
        details.payment, _payments_of(session, details.person_id, allowance_id),
        limits(session), _born(session, details.person_id),
    )  # fmt: skip


def _validated(details: AllowanceDetails) -> None:
    problems = {}
    if details.amount.cents <= 0:
        problems["amount"] = _("Enter the amount paid.")
    if details.last_day < details.first_day:
        problems["last_day"] = _("The last day lies before the first.")
    if details.hourly_rate is not None and details.hourly_rate.cents <= 0:
        problems["hourly_rate"] = _("Enter the rate agreed per hour.")
    if problems:
        raise ValidationFailed(problems)


def save_allowance(
    session: Session,
    details: AllowanceDetails,
    allowance_id: int | None = None,
    *,
    accept_over_limit: bool = False,
) -> int:
    """Record a payment (or change one); OverLimit unless it stays within the limits or
    the board accepts it."""
    _validated(details)
    excesses = check(session, details, allowance_id)
    if excesses and not accept_over_limit:
        raise OverLimit(excesses)
    if allowance_id is None:
        allowance = Allowance()
        session.add(allowance)
    else:
        allowance = session.get(Allowance, allowance_id)
        if allowance is None:
            raise UserError(_("This payment no longer exists."))
    before = allowance.person_id  # None for a new payment
    allowance.person_id, allowance.paid_on = details.person_id, details.paid_on
    allowance.amount = details.amount.cents
    allowance.first_day, allowance.last_day = details.first_day, details.last_day
    allowance.hourly_rate = details.hourly_rate.cents if details.hourly_rate else None
    allowance.note = details.note.strip()
    allowance.over_limit_accepted = bool(excesses)
    audit.note(session, "new" if allowance_id is None else "edit", _("Volunteer allowance"))
    session.flush()
    refresh_marks(session, details.person_id)
    if before is not None and before != details.person_id:  # the payment moved away
        refresh_marks(session, before)
    return allowance.id


def delete_allowance(session: Session, allowance_id: int) -> None:
    allowance = session.get(Allowance, allowance_id)
    if allowance is None:
        raise UserError(_("This payment no longer exists."))
    person_id = allowance.person_id
    session.delete(allowance)
    audit.note(session, "delete", _("Volunteer allowance deleted"), undoable=True)
    session.flush()
    refresh_marks(session, person_id)


@dataclass(frozen=True)
class NearLimit:
    person_id: int
    name: PersonName
    excesses: list[Excess]  # what they come near (90 %) or go over
    over: bool


def near_limits(session: Session, year: int) -> list[NearLimit]:
    """Everyone whose allowances for `year` (a payment counts for the months of its period,
    whenever it was paid) come near a month or year limit or go over one, or paid that
    year above the hourly limit: the same rules as the check before saving."""
    known = limits(session)
    if year not in known:
        return []
    per_person: dict[int, list[AllowanceRow]] = defaultdict(list)
    for row in list_allowances(session):
        per_person[row.person_id].append(row)
    found = []
    for person_id, rows in per_person.items():
        payments = [r.details.payment for r in rows]
        excesses = rules.year_excesses(payments, known[year], rows[0].born, close=True)
        if excesses:
            found.append(NearLimit(person_id, rows[0].name, excesses,
                                   any(e.over for e in excesses)))  # fmt: skip
    found.sort(key=lambda n: n.name.sort_key)
    return found


def refresh_marks(session: Session, person_id: int) -> None:
    """A payment saved over a limit keeps its mark only while it still is (after an
    earlier one was changed or deleted, it may be within again)."""
    known, born = limits(session), _born(session, person_id)
    rows = list_allowances(session, person_id=person_id)
    for row in rows:
        if not row.over_limit_accepted:
            continue
        others = [r.details.payment for r in rows if r.allowance_id != row.allowance_id]
        if not rules.check(row.details.payment, others, known, born):
            session.get(Allowance, row.allowance_id).over_limit_accepted = False
    session.flush()
