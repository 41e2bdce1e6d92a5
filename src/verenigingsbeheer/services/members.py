"""Member lists and counts as plain rows, for the pages, the CLI and the reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import (
    BoardFunction,
    Member,
    MembershipPeriod,
    MembershipType,
    Person,
    Section,
)
from verenigingsbeheer.domain.person import PersonName


@dataclass(slots=True)
class MemberRow:
    """One line of the member list: plain values, no ORM object. Treat it as read-only
    (not frozen only because frozen dataclasses are slow to build by the ten thousand)."""

    member_id: int
    member_number: int
    name: PersonName
    section: str
    email: str
    phone: str
    member_since: dt.date | None
    member_until: dt.date | None
    functions: str
    current: bool = True
    membership_type: str = ""
    date_of_birth: dt.date | None = None
    street: str = ""
    house_number: str = ""
    house_number_addition: str = ""
    postcode: str = ""
    town: str = ""
    country: str = "NL"
    iban: str = ""
    has_mandate: bool = False
    ooievaarspas: bool = False
    household_id: int | None = None

    @property
    def address(self) -> str:
        """ "Spui 70 A": street, number and addition as on an envelope."""
        number = " ".join(p for p in (self.house_number, self.house_number_addition) if p)
        return " ".join(p for p in (self.street, number) if p)

    @property
    def is_board(self) -> bool:
        return bool(self.functions)

    def is_current(self, on: dt.date) -> bool:
        """Kept for callers that pass the day; the row knows it for the day it was read."""
        return self.current


@dataclass(frozen=True, slots=True)
class BoardRow:
    member_id: int
    title: str
    name: PersonName
    since: dt.date


_OPEN_END = dt.date(9999, 12, 31)


def _current_period(on: dt.date):
    return and_(
        MembershipPeriod.start_date <= on,
        or_(MembershipPeriod.end_date.is_(None), MembershipPeriod.end_date >= on),
    )


def list_members(session: Session, on: dt.date, *, include_former: bool = False) -> list[MemberRow]:
    """Every member, sorted as a Dutch list (tussenvoegsel ignored).

    `member_since` is the first day ever joined, `member_until` the end of the latest
    period (None while it runs); `current` tells whether a period covers `on`.
    """
    periods = (
        select(
            MembershipPeriod.member_id.label("member_id"),
            func.min(MembershipPeriod.start_date).label("since"),
            func.max(func.coalesce(MembershipPeriod.end_date, _OPEN_END)).label("until"),
            func.max(
                case(
                    (
                        and_(
                            MembershipPeriod.start_date <= on,
                            or_(
                                MembershipPeriod.end_date.is_(None),
                                MembershipPeriod.end_date >= on,
                            ),
                        ),
                        1,
                    ),
                    else_=0,
                )
            ).label("current"),
        )
        .group_by(MembershipPeriod.member_id)
        .subquery()
    )
    functions = (
        select(
            BoardFunction.member_id.label("member_id"),
            func.group_concat(BoardFunction.title, ", ").label("titles"),
        )
        .where(
            BoardFunction.start_date <= on,
            or_(BoardFunction.end_date.is_(None), BoardFunction.end_date >= on),
        )
        .group_by(BoardFunction.member_id)
        .subquery()
    )
    query = (
        select(
            Member.id,
            Member.member_number,
            Person.first_name,
            Person.tussenvoegsel,
            Person.last_name,
            Person.initials,
            Section.name.label("section"),
            MembershipType.name.label("membership_type"),
            Person.email,
            Person.phone,
            periods.c.since,
            periods.c.until,
            periods.c.current,
            functions.c.titles,
            Person.date_of_birth,
            Person.street,
            Person.house_number,
            Person.house_number_addition,
            Person.postcode,
            Person.town,
            Person.country,
            Member.iban,
            Member.mandate_reference,
            Member.ooievaarspas,
            Member.household_id,
        )
        .join(Person, Person.id == Member.person_id)
        .outerjoin(Section, Section.id == Member.section_id)
        .outerjoin(MembershipType, MembershipType.id == Member.membership_type_id)
        .outerjoin(periods, periods.c.member_id == Member.id)
        .outerjoin(functions, functions.c.member_id == Member.id)
    )
    if not include_former:
        query = query.where(periods.c.current == 1)
    rows = []
    append = rows.append
    # Positional and unpacked: this loop runs 10,000 times when the member page opens.
    result = session.connection().execute(query)
    for (member_id, number, first, tussen, last, initials, section, kind, email, phone,
         since, until, current, titles, born, street, house, addition, postcode, town,
         country, iban, mandate, has_pass, household) in result:  # fmt: skip
        append(
            MemberRow(
                member_id,
                number,
                PersonName(first, last, tussen, initials),
                section or "",
                email,
                phone,
                _as_date(since),
                _open_end_as_none(_as_date(until)),
                titles or "",
                bool(current),
                kind or "",
                born,
                street,
                house,
                addition,
                postcode,
                town,
                country,
                iban,
                bool(mandate),
                bool(has_pass),
                household,
            )  # fmt: skip
        )
    rows.sort(key=_dutch_order)
    return rows


def _dutch_order(member: MemberRow) -> tuple[str, str, str]:
    """PersonName.sort_key, with a fast path for the plain-ASCII names most lists hold."""
    name = member.name
    if name.last_name.isascii() and name.first_name.isascii() and name.tussenvoegsel.isascii():
        return (name.last_name.lower(), name.first_name.lower(), name.tussenvoegsel.lower())
    return name.sort_key


def _open_end_as_none(day: dt.date | None) -> dt.date | None:
    return None if day == _OPEN_END else day


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    return dt.date.fromisoformat(str(value))


def count_current(session: Session, on: dt.date) -> int:
    query = select(func.count(func.distinct(MembershipPeriod.member_id))).where(_current_period(on))
    return int(session.execute(query).scalar_one())


def count_former(session: Session, on: dt.date) -> int:
    total = int(session.execute(select(func.count(Member.id))).scalar_one())
    return total - count_current(session, on)


def current_per_section(session: Session, on: dt.date) -> list[tuple[str, int]]:
    """(section, current members) in the section's own order; members without one last."""
    current = select(MembershipPeriod.member_id).where(_current_period(on))
    query = (
        select(Section.name, Section.sort_order, func.count(Member.id))
        .select_from(Member)
        .outerjoin(Section, Section.id == Member.section_id)
        .where(Member.id.in_(current))
        .group_by(Section.id)
        .order_by(func.coalesce(Section.sort_order, 1_000_000), Section.name)
    )
    return [(name or "", int(count)) for name, _order, count in session.execute(query)]


def current_board(session: Session, on: dt.date) -> list[BoardRow]:
    query = (
        select(
            BoardFunction.member_id,
            BoardFunction.title,
            BoardFunction.start_date,
            Person.first_name,
            Person.tussenvoegsel,
            Person.last_name,
        )
        .join(Member, Member.id == BoardFunction.member_id)
        .join(Person, Person.id == Member.person_id)
        .where(
            BoardFunction.start_date <= on,
            or_(BoardFunction.end_date.is_(None), BoardFunction.end_date >= on),
        )
        .order_by(BoardFunction.id)
    )
    return [
        BoardRow(
            row.member_id,
            row.title,
            PersonName(row.first_name, row.last_name, row.tussenvoegsel),
            row.start_date,
        )
        for row in session.execute(query)
    ]


def current_per_type(session: Session, on: dt.date) -> list[tuple[str, int]]:
    """(membership type, current members) in the types' own order; no type last."""
    current = select(MembershipPeriod.member_id).where(_current_period(on))
    query = (
        select(MembershipType.name, func.count(Member.id))
        .select_from(Member)
        .outerjoin(MembershipType, MembershipType.id == Member.membership_type_id)
        .where(Member.id.in_(current))
        .group_by(MembershipType.id)
        .order_by(func.coalesce(MembershipType.sort_order, 1_000_000), MembershipType.name)
    )
    return [(name or "", int(count)) for name, count in session.execute(query)]
