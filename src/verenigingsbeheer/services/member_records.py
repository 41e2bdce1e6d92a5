"""One member's record: read it for the form, create, change, end, rejoin, delete.

Each function works inside the caller's transaction (one per user action) and checks the
domain rules first, so nothing invalid is ever written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.base import Base
from verenigingsbeheer.db.models import (
    Association,
    BoardFunction,
    Consent,
    Member,
    MembershipPeriod,
    Person,
)
from verenigingsbeheer.domain import member as rules
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import _

PERSON_FIELDS = (
    "first_name", "tussenvoegsel", "last_name", "initials", "date_of_birth", "street",
    "house_number", "house_number_addition", "postcode", "town", "country", "phone", "email",
)  # fmt: skip
MEMBER_FIELDS = (
    "iban", "mandate_reference", "mandate_signed_on", "section_id", "membership_type_id",
    "ooievaarspas", "ooievaarspas_number", "ooievaarspas_valid_until", "emergency_contact",
    "notes",
)  # fmt: skip


@dataclass(frozen=True)
class MemberRecord:
    """What the form shows: the editable details plus what is read-only there."""

    member_id: int
    member_number: int
    details: MemberDetails
    periods: tuple[tuple[dt.date, dt.date | None, str], ...]
    household_id: int | None = None
    pays_for_household: bool = False

    @property
    def name(self) -> PersonName:
        d = self.details
        return PersonName(d.first_name, d.last_name, d.tussenvoegsel, d.initials)


def _member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise UserError(_("This member no longer exists."))
    return member


def _latest_period(member: Member) -> MembershipPeriod | None:
    return member.periods[-1] if member.periods else None


def get_member(session: Session, member_id: int) -> MemberRecord:
    member = _member(session, member_id)
    person = member.person
    latest = _latest_period(member)
    details = MemberDetails(
        **{name: getattr(person, name) for name in PERSON_FIELDS},
        **{name: getattr(member, name) for name in MEMBER_FIELDS},
        member_since=latest.start_date if latest else None,
        notice_given_on=latest.notice_given_on if latest else None,
        member_until=latest.end_date if latest else None,
        end_reason=latest.end_reason if latest else "",
        consents={c.kind: rules.Consent(c.given_on, c.given_by_parent) for c in member.consents},
        functions=tuple(
            rules.Function(f.title, f.start_date, f.end_date, f.committee) for f in member.functions
        ),
    )
    return MemberRecord(
        member_id=member.id,
        member_number=member.member_number,
        details=details,
        periods=tuple((p.start_date, p.end_date, p.end_reason) for p in member.periods),
        household_id=member.household_id,
        pays_for_household=member.pays_for_household,
    )


def _check(details: MemberDetails, today: dt.date) -> MemberDetails:
    details, problems = rules.check(details, today)
    if problems:
        raise ValidationFailed(problems)
    return details


def next_member_number(session: Session) -> int:
    association = session.execute(select(Association)).scalar_one()
    highest = session.execute(select(func.max(Member.member_number))).scalar() or 0
    return max(association.last_member_number, highest) + 1


def _claim_number(session: Session, number: int | None) -> int:
    """Use `number` (import keeps numbers) or the next free one; never a number used before."""
    association = session.execute(select(Association)).scalar_one()
    if number is None:
        number = next_member_number(session)
    elif session.execute(select(Member.id).where(Member.member_number == number)).first():
        raise ValidationFailed(
            {"member_number": _("Member number {n} is already in use.").format(n=number)}
        )
    association.last_member_number = max(association.last_member_number, number)
    return number


def create_member(
    session: Session, details: MemberDetails, today: dt.date, *, member_number: int | None = None
) -> int:
    """Add a member with a first membership period; returns the new member's id."""
    details = _check(details, today)
    person = Person(**{name: getattr(details, name) for name in PERSON_FIELDS})
    member = Member(
        person=person,
        member_number=_claim_number(session, member_number),
        **{name: getattr(details, name) for name in MEMBER_FIELDS},
    )
    member.periods = [
        MembershipPeriod(
            start_date=details.member_since,
            end_date=details.member_until,
            notice_given_on=details.notice_given_on,
            end_reason=details.end_reason,
        )
    ]
    member.consents = [
        Consent(kind=kind, given_on=c.given_on, given_by_parent=c.given_by_parent.strip())
        for kind, c in details.consents.items()
    ]
    _set_functions(member, details.functions)
    session.add(member)
    session.flush()
    audit.note(session, "new", _("New member (member number {n})").format(n=member.member_number))
    return member.id


def update_member(session: Session, member_id: int, details: MemberDetails, today: dt.date) -> None:
    """Save the form; the latest membership period takes its dates."""
    details = _check(details, today)
    member = _member(session, member_id)
    for name in PERSON_FIELDS:
        setattr(member.person, name, getattr(details, name))
    for name in MEMBER_FIELDS:
        setattr(member, name, getattr(details, name))
    latest = _latest_period(member)
    if latest is None:
        latest = MembershipPeriod(start_date=details.member_since)
        member.periods.append(latest)
    previous = member.periods[-2] if len(member.periods) > 1 else None
    if previous is not None and previous.end_date and details.member_since <= previous.end_date:
        raise ValidationFailed(
            {"member_since": _("This period would overlap the previous membership.")}
        )
    latest.start_date = details.member_since
    latest.end_date = details.member_until
    latest.notice_given_on = details.notice_given_on
    latest.end_reason = details.end_reason
    existing = {c.kind: c for c in member.consents}
    for kind in set(existing) - set(details.consents):
        member.consents.remove(existing[kind])
    for kind, consent in details.consents.items():
        row = existing.get(kind)
        if row is None:
            member.consents.append(
                Consent(
                    kind=kind,
                    given_on=consent.given_on,
                    given_by_parent=consent.given_by_parent.strip(),
                )
            )
        else:
            row.given_on, row.given_by_parent = consent.given_on, consent.given_by_parent.strip()
    _set_functions(member, details.functions)
    audit.note(
        session, "edit", _("Member changed (member number {n})").format(n=member.member_number)
    )
    session.flush()


def _set_functions(member: Member, functions: tuple[rules.Function, ...]) -> None:
    """Make the member's function rows match the form, changing rows in place where it can
    (so the audit log shows an ended function as a change, not as a delete and an insert)."""
    wanted = sorted(functions, key=lambda f: (f.start_date, f.committee, f.title))
    kept = {(f.title, f.committee, f.start_date): f for f in wanted}
    rows = list(member.functions)
    for row in rows:
        function = kept.pop((row.title, row.committee, row.start_date), None)
        if function is None:
            member.functions.remove(row)
        else:
            row.end_date = function.end_date
    for function in kept.values():
        member.functions.append(
            BoardFunction(
                title=function.title,
                committee=function.committee,
                start_date=function.start_date,
                end_date=function.end_date,
            )
        )


def end_membership(
    session: Session,
    member_id: int,
    until: dt.date,
    reason: str = "",
    notice_given_on: dt.date | None = None,
) -> None:
    """End the running membership on `until`: a dated action, the member stays on file."""
    member = _member(session, member_id)
    latest = _latest_period(member)
    if latest is None or latest.end_date is not None:
        raise UserError(_("This membership has already ended."))
    if until < latest.start_date:
        raise ValidationFailed({"member_until": _("Member until lies before member since.")})
    if notice_given_on is not None and notice_given_on > until:
        raise ValidationFailed({"notice_given_on": _("Notice was given after the end date.")})
    latest.end_date = until
    latest.end_reason = reason.strip()
    latest.notice_given_on = notice_given_on
    for function in member.functions:  # functions end with the membership
        if function.end_date is None or function.end_date > until:
            function.end_date = max(until, function.start_date)
    audit.note(
        session,
        "end",
        _("Membership ended (member number {n})").format(n=member.member_number),
        undoable=True,
    )
    session.flush()


def rejoin(session: Session, member_id: int, since: dt.date) -> None:
    """Someone who comes back gets a second period, with the same member number."""
    member = _member(session, member_id)
    latest = _latest_period(member)
    if latest is not None and (latest.end_date is None or latest.end_date >= since):
        raise ValidationFailed(
            {"member_since": _("The new period must begin after the previous one ended.")}
        )
    member.periods.append(MembershipPeriod(start_date=since))
    audit.note(
        session, "rejoin", _("Member again (member number {n})").format(n=member.member_number)
    )
    session.flush()


def financial_references(session: Session, member_id: int) -> int:
    """Rows in financial tables (marked `info={"financial": True}`) pointing to the member."""
    total = 0
    for table in Base.metadata.sorted_tables:
        if not table.info.get("financial"):
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == "members":
                total += session.execute(
                    select(func.count()).select_from(table).where(fk.parent == member_id)
                ).scalar_one()
    return total


def kept_by_records(session: Session, person_id: int) -> int:
    """Rows of other areas that keep the person (a foreign key that restricts deleting,
    such as volunteer hours): the person may not be deleted while they exist."""
    total = 0
    for table in Base.metadata.sorted_tables:
        if table.name == "members":
            continue
        for fk in table.foreign_keys:
            if fk.column.table.name == "persons" and fk.ondelete == "RESTRICT":
                total += session.execute(
                    select(func.count()).select_from(table).where(fk.parent == person_id)
                ).scalar_one()
    return total


def delete_member(session: Session, member_id: int) -> None:
    """Delete a member and their own records; refused while financial records point here."""
    member = _member(session, member_id)
    if financial_references(session, member_id):
        raise UserError(
            _(
                "{name} has financial records, so cannot be deleted; end the membership instead."
            ).format(
                name=PersonName(
                    member.person.first_name, member.person.last_name, member.person.tussenvoegsel
                ).full
            )
        )
    if kept_by_records(session, member.person_id):
        raise UserError(
            _(
                "{name} has volunteer hours or allowances recorded, so cannot be deleted; end "
                "the membership instead."
            ).format(
                name=PersonName(
                    member.person.first_name, member.person.last_name, member.person.tussenvoegsel
                ).full
            )  # fmt: skip
        )
    person = member.person
    audit.note(
        session,
        "delete",
        _("Member deleted (member number {n})").format(n=member.member_number),
        undoable=True,
    )
    session.delete(member)
    session.flush()
    session.delete(person)
    session.flush()


def add_function(
    session: Session, member_id: int, title: str, start: dt.date, committee: str = ""
) -> None:
    member = _member(session, member_id)
    if not title.strip():
        raise ValidationFailed({"title": _("Enter the function, e.g. Secretaris.")})
    member.functions.append(
        BoardFunction(title=title.strip(), committee=committee.strip(), start_date=start)
    )
    session.flush()
