"""Member lists and counts as plain rows, for the pages, the CLI and the reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import BoardFunction, Member, MembershipPeriod, Person, Section
from verenigingsbeheer.domain.person import PersonName


@dataclass(frozen=True, slots=True)
class MemberRow:
    member_id: int
    member_number: int
    name: PersonName
    section: str
    email: str
    phone: str
    member_since: dt.date | None
    member_until: dt.date | None
    functions: str

    def is_current(self, on: dt.date) -> bool:
        return (
            self.member_since is not None
            and self.member_since <= on
            and (self.member_until is None or self.member_until >= on)
        )


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
    """Every member with their latest period, sorted as a Dutch list (tussenvoegsel ignored)."""
    latest = (
        select(
            MembershipPeriod.member_id.label("member_id"),
            func.min(MembershipPeriod.start_date).label("since"),
            func.max(func.coalesce(MembershipPeriod.end_date, _OPEN_END)).label("until"),
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
            Section.name,
            Person.email,
            Person.phone,
            latest.c.since,
            latest.c.until,
            functions.c.titles,
        )
        .join(Person, Person.id == Member.person_id)
        .outerjoin(Section, Section.id == Member.section_id)
        .outerjoin(latest, latest.c.member_id == Member.id)
        .outerjoin(functions, functions.c.member_id == Member.id)
    )
    if not include_former:
        query = query.where(
            Member.id.in_(select(MembershipPeriod.member_id).where(_current_period(on)))
        )
    rows = []
    for row in session.execute(query):
        until = _as_date(row.until)
        rows.append(
            MemberRow(
                member_id=row.id,
                member_number=row.member_number,
                name=PersonName(row.first_name, row.last_name, row.tussenvoegsel, row.initials),
                section=row.name or "",
                email=row.email,
                phone=row.phone,
                member_since=_as_date(row.since),
                member_until=None if until == _OPEN_END else until,
                functions=row.titles or "",
            )
        )
    rows.sort(key=lambda member: member.name.sort_key)
    return rows


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
