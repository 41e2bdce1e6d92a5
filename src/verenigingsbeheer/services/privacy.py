"""Privacy (AVG): the retention period, anonymising former members, forgetting a person.

Anonymising removes what identifies someone (name, contact details, IBAN, date of birth,
notes, consents) and keeps what the association needs for its figures: the member number,
membership periods, functions, the birth year and the four digits of the postcode, and
every financial record. It refuses while something still needs the person; other areas
add their own reasons with `register_guard` (the finance area: open charges).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import (
    Allowance,
    Association,
    AuditEntry,
    BoardFunction,
    Household,
    Member,
    MembershipPeriod,
    Person,
    Volunteer,
    VolunteerHours,
)
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext

MIN_RETENTION_YEARS, MAX_RETENTION_YEARS = 1, 30
ANONYMOUS = "(geanonimiseerd)"

# A guard answers why a person cannot be anonymised yet (None when nothing stands in the
# way); `anonymise` asks every registered guard.
Guard = Callable[[Session, int, dt.date], str | None]
_GUARDS: list[Guard] = []


def register_guard(guard: Guard) -> Guard:
    """Add a reason to refuse anonymisation (usable as a decorator)."""
    if guard not in _GUARDS:
        _GUARDS.append(guard)
    return guard


def remove_guard(guard: Guard) -> None:
    if guard in _GUARDS:
        _GUARDS.remove(guard)


@dataclass(frozen=True)
class DueRow:
    """A former member, or a volunteer who is no member, whose retention period is over:
    counted from leaving, or for the volunteer from the last hours or allowance."""

    person_id: int
    member_number: int | None  # None: a volunteer who is no member
    name: PersonName
    left_on: dt.date


# -- the retention period ---------------------------------------------------------------------
def retention_years(session: Session) -> int:
    return session.execute(select(Association.retention_years)).scalar_one()


def set_retention_years(session: Session, years: int) -> None:
    if not MIN_RETENTION_YEARS <= years <= MAX_RETENTION_YEARS:
        raise UserError(
            _("The retention period is {low} to {high} years.").format(
                low=MIN_RETENTION_YEARS, high=MAX_RETENTION_YEARS
            )
        )
    session.execute(select(Association)).scalar_one().retention_years = years
    audit.note(session, "edit", _("Retention period set to {n} years").format(n=years))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def due_for_anonymisation(session: Session, today: dt.date) -> list[DueRow]:
    """Former members who left, and volunteers who are no member and last helped (or were
    paid, or registered), more than the retention period ago; the longest ago first."""
    cutoff = _years_before(today, retention_years(session))
    running = select(MembershipPeriod.member_id).where(MembershipPeriod.end_date.is_(None))
    query = (
        select(
            Person.id,
            Member.member_number,
            Person.first_name,
            Person.tussenvoegsel,
            Person.last_name,
            func.max(MembershipPeriod.end_date),
        )
        .join(Member, Member.person_id == Person.id)
        .join(MembershipPeriod, MembershipPeriod.member_id == Member.id)
        .where(Person.anonymised_on.is_(None), Member.id.not_in(running))
        .group_by(Person.id, Member.member_number)
        .having(func.max(MembershipPeriod.end_date) < cutoff)
    )
    found = [
        DueRow(person_id, number, PersonName(first, last, tussen), left)
        for person_id, number, first, tussen, last, left in session.execute(query)
    ]
    found += _volunteers_due(session, cutoff)
    found.sort(key=lambda row: (row.left_on, row.member_number or 0, row.name.sort_key))
    return found


def _volunteers_due(session: Session, cutoff: dt.date) -> list[DueRow]:
    """Volunteers who are no member, registered and last helped or paid before `cutoff`."""
    people = session.execute(
        select(Person, Volunteer.since)
        .join(Volunteer, Volunteer.person_id == Person.id)
        .outerjoin(Member, Member.person_id == Person.id)
        .where(Member.id.is_(None), Person.anonymised_on.is_(None))
    ).all()
    if not people:
        return []
    last: dict[int, dt.date] = {}
    for model, day in ((VolunteerHours, VolunteerHours.date), (Allowance, Allowance.paid_on)):
        for person_id, latest in session.execute(
            select(model.person_id, func.max(day)).group_by(model.person_id)
        ):
            last[person_id] = max(latest, last.get(person_id, latest))
    due = []
    for person, since in people:
        latest = max((d for d in (since, last.get(person.id)) if d is not None), default=None)
        if latest is not None and latest < cutoff:
            name = PersonName(person.first_name, person.last_name, person.tussenvoegsel)
            due.append(DueRow(person.id, None, name, latest))
    return due


# -- what stands in the way -------------------------------------------------------------------
@register_guard
def _still_a_member(session: Session, person_id: int, today: dt.date) -> str | None:
    member = session.execute(select(Member).where(Member.person_id == person_id)).scalar()
    if member is None:
        return None
    if any(p.end_date is None or p.end_date >= today for p in member.periods):
        return _("still a member (end the membership first)")
    return None


@register_guard
def _holds_a_function(session: Session, person_id: int, today: dt.date) -> str | None:
    query = (
        select(BoardFunction.title)
        .join(Member, Member.id == BoardFunction.member_id)
        .where(
            Member.person_id == person_id,
            or_(BoardFunction.end_date.is_(None), BoardFunction.end_date >= today),
        )
    )
    title = session.execute(query).scalars().first()
    return _("still holds the function {title}").format(title=title) if title else None


@register_guard
def _pays_for_others(session: Session, person_id: int, today: dt.date) -> str | None:
    member = session.execute(select(Member).where(Member.person_id == person_id)).scalar()
    if member is None or not member.pays_for_household or member.household_id is None:
        return None
    others = session.execute(
        select(func.count())
        .select_from(Member)
        .where(Member.household_id == member.household_id, Member.id != member.id)
    ).scalar_one()
    return _("pays for the household of other members") if others else None


def blockers(session: Session, person_id: int, today: dt.date) -> list[str]:
    """Why this person cannot be anonymised now; empty when nothing stands in the way."""
    return [reason for guard in _GUARDS if (reason := guard(session, person_id, today))]


# -- anonymising ------------------------------------------------------------------------------
def anonymise(
    session: Session, person_ids: list[int], today: dt.date, *, kind: str = "anonymise"
) -> int:
    """Anonymise these persons in the caller's transaction; refused as a whole (UserError)
    when any of them is still needed. Returns how many were anonymised."""
    loaded = _load(session, person_ids)  # held, so the session keeps them in its identity map
    refusals = []
    with session.no_autoflush:  # one flush at the end, not one per question asked
        for person_id in person_ids:
            person = session.get(Person, person_id)
            if person is None:
                raise UserError(_("This person no longer exists."))
            reasons = blockers(session, person_id, today)
            if reasons:
                name = PersonName(person.first_name, person.last_name, person.tussenvoegsel).full
                refusals.append(f"{name}: {', '.join(reasons)}")
        if refusals:
            raise UserError(_("Not anonymised, because:") + "\n" + "\n".join(refusals))
        emptied: set[int] = set()
        for person_id in person_ids:
            household = _anonymise_one(session, person_id, today)
            if household is not None:
                emptied.add(household)
    session.flush()
    del loaded
    gone = _remove_empty_households(session, emptied)
    description = (
        _("A person was forgotten")
        if kind == "forget"
        else ngettext(
            "{n} former member or volunteer anonymised",
            "{n} former members or volunteers anonymised",
            len(person_ids),
        ).format(n=len(person_ids))
    )
    audit.note(session, kind, description)
    session.flush()
    _scrub_log(session, person_ids, gone)
    return len(person_ids)


def _load(session: Session, person_ids: list[int]) -> list[Person]:
    """Everything anonymising touches, read in a few queries instead of a few per person."""
    loaded: list[Person] = []
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        member = selectinload(Person.member)
        query = (
            select(Person)
            .where(Person.id.in_(chunk))
            .options(
                member.selectinload(Member.periods),
                member.selectinload(Member.consents),
                member.selectinload(Member.availability),
                member.selectinload(Member.attendance),
            )
        )
        loaded.extend(session.execute(query).scalars().all())
    return loaded


def forget(session: Session, person_id: int, today: dt.date) -> None:
    """ "Forget this person": anonymise now, whatever the retention period says."""
    anonymise(session, [person_id], today, kind="forget")


def _anonymise_one(session: Session, person_id: int, today: dt.date) -> int | None:
    """Wipe one person; returns the household they left, if any."""
    person = session.get(Person, person_id)
    if person.anonymised_on is not None:
        return None
    person.birth_year = person.date_of_birth.year if person.date_of_birth else None
    digits = person.postcode[:4] if person.country == "NL" and person.postcode[:4].isdigit() else ""
    for name in ("first_name", "tussenvoegsel", "initials", "email", "phone", "street",
                 "house_number", "house_number_addition", "town"):  # fmt: skip
        setattr(person, name, "")
    person.last_name = ANONYMOUS
    person.postcode = digits
    person.date_of_birth = None
    person.anonymised_on = today
    _wipe_volunteer_notes(session, person_id)
    member = person.member
    if member is None:
        return None
    member.iban = member.mandate_reference = member.ooievaarspas_number = ""
    member.mandate_signed_on = member.ooievaarspas_valid_until = None
    member.emergency_contact = member.notes = ""
    for period in member.periods:  # a reason for leaving may tell about someone's health
        period.end_reason = ""
    for mark in (*member.availability, *member.attendance):  # so may an excuse
        mark.reason = ""
    member.consents.clear()
    household, member.household_id, member.pays_for_household = member.household_id, None, False
    return household


def _wipe_volunteer_notes(session: Session, person_id: int) -> None:
    """Notes with volunteer hours, allowances and the volunteer registration may name
    or describe the person; the hours and amounts stay for the figures."""
    for model in (VolunteerHours, Allowance):
        for row in session.execute(select(model).where(model.person_id == person_id)).scalars():
            row.note = ""
    for row in session.execute(select(Volunteer).where(Volunteer.person_id == person_id)).scalars():
        row.notes = ""


def _remove_empty_households(session: Session, households: set[int]) -> set[int]:
    """Households named after the person and now without members go as well."""
    gone = set()
    for household_id in households:
        left = session.execute(
            select(func.count()).select_from(Member).where(Member.household_id == household_id)
        ).scalar_one()
        if not left:
            session.delete(session.get(Household, household_id))
            gone.add(household_id)
    session.flush()
    return gone


def _scrub_log(session: Session, person_ids: list[int], households: set[int]) -> None:
    """The log keeps that something changed, not what: no personal data of these people."""
    connection = session.connection()
    wipe = {"old_values": None, "new_values": None}
    connection.execute(
        update(AuditEntry).where(AuditEntry.person_id.in_(person_ids)).values(**wipe)
    )
    if households:
        connection.execute(
            update(AuditEntry)
            .where(AuditEntry.table_name == "households", AuditEntry.row_id.in_(households))
            .values(**wipe)
        )
