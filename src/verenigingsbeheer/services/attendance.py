"""Who is expected at an activity, who said they would come, and who came.

Expected are the members current on the activity's day in the sections it is for (all
sections: everyone, also members without a section). Availability (before) and attendance
(after) are kept apart; a reason given with an excuse may be health data, so it is never
put on printed lists and goes when the person is anonymised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import (
    Activity,
    Attendance,
    Availability,
    Member,
    MembershipPeriod,
    Person,
    Section,
)
from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.person import PersonName, fold
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date

NO_SECTION = ""  # the section key of members without one


@dataclass
class ExpectedMember:
    """One line of the registration: a member, their section and what is known of them."""

    member_id: int
    member_number: int
    name: PersonName
    section: str
    availability: str = "unknown"
    availability_reason: str = ""
    attendance: str | None = None  # None: not registered yet
    attendance_reason: str = ""


@dataclass
class SectionTally:
    section: str
    expected: int = 0
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0
    signed_up: int = 0
    unknown: int = 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def registered(self) -> int:
        return self.present + self.late + self.excused + self.absent


@dataclass(frozen=True)
class Registration:
    activity_id: int
    title: str
    kind: str
    date: dt.date
    start_time: dt.time
    cancelled: bool
    sections: tuple[str, ...]  # in the association's order; NO_SECTION last when present
    members: tuple[ExpectedMember, ...] = field(default=())

    def of_section(self, section: str) -> list[ExpectedMember]:
        return [m for m in self.members if m.section == section]

    def tallies(self) -> list[SectionTally]:
        return tally(self.members, self.sections)


def tally(members: Sequence[ExpectedMember], sections: Sequence[str]) -> list[SectionTally]:
    """Counts per section (live, as the registration is filled in)."""
    counts = {section: SectionTally(section) for section in sections}
    for member in members:
        count = counts.setdefault(member.section, SectionTally(member.section))
        count.expected += 1
        if member.attendance is not None:
            setattr(count, member.attendance, getattr(count, member.attendance) + 1)
        if member.availability == "signed_up":
            count.signed_up += 1
        elif member.availability == "unknown":
            count.unknown += 1
    return list(counts.values())


def _activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(_("This activity no longer exists."))
    return activity


def _section_order(session: Session) -> list[tuple[int, str]]:
    query = select(Section.id, Section.name).order_by(Section.sort_order, Section.name)
    return list(session.execute(query).all())


def _expected(activity: Activity) -> list[ColumnElement[bool]]:
    """Who is expected, as conditions on Member: a member on the activity's day, in one of
    its sections (when it has any)."""
    day = activity.date
    current = select(MembershipPeriod.member_id).where(
        MembershipPeriod.start_date <= day,
        or_(MembershipPeriod.end_date.is_(None), MembershipPeriod.end_date >= day),
    )
    conditions = [Member.id.in_(current)]
    wanted = {link.section_id for link in activity.section_links}
    if wanted:
        conditions.append(Member.section_id.in_(wanted))
    return conditions


def expected_members(session: Session, activity_id: int) -> list[ExpectedMember]:
    """The members expected at the activity, by section in the association's order and by
    name within a section (Dutch order, tussenvoegsel ignored)."""
    activity = _activity(session, activity_id)
    query = (
        select(
            Member.id,
            Member.member_number,
            Member.section_id,
            Person.first_name,
            Person.tussenvoegsel,
            Person.last_name,
        )  # fmt: skip
        .join(Person, Person.id == Member.person_id)
        .where(*_expected(activity))
    )
    order = _section_order(session)
    names = dict(order)
    rank = {section_id: n for n, (section_id, _name) in enumerate(order)}
    cache: dict[str, str] = {}  # names repeat: fold each once (10,000 members in a benchmark)

    def folded(text: str) -> str:
        found = cache.get(text)
        if found is None:
            found = cache[text] = fold(text)
        return found

    keyed = []
    # Plain rows through the connection: the ORM's row handling doubles the time for many.
    for member_id, number, section_id, first, tussen, last in (
        session.connection().execute(query).all()
    ):
        section = names.get(section_id, NO_SECTION)
        member = ExpectedMember(member_id, number, PersonName(first, last, tussen), section)
        place = rank[section_id] if section_id in rank else len(rank)
        # PersonName.sort_key, folded once per distinct name
        name_key = (folded(last), folded(first), folded(tussen))
        keyed.append(((section == NO_SECTION, place, name_key), member))
    keyed.sort(key=lambda pair: pair[0])
    return [member for _key, member in keyed]


def registration(session: Session, activity_id: int) -> Registration:
    """Everything the registration screen shows for one activity, read at once."""
    activity = _activity(session, activity_id)
    members = expected_members(session, activity_id)
    by_id = {m.member_id: m for m in members}
    connection = session.connection()
    for status, reason, member_id in connection.execute(
        select(Availability.status, Availability.reason, Availability.member_id).where(
            Availability.activity_id == activity_id
        )
    ).all():
        if member_id in by_id:
            by_id[member_id].availability, by_id[member_id].availability_reason = status, reason
    for status, reason, member_id in connection.execute(
        select(Attendance.status, Attendance.reason, Attendance.member_id).where(
            Attendance.activity_id == activity_id
        )
    ).all():
        if member_id in by_id:
            by_id[member_id].attendance, by_id[member_id].attendance_reason = status, reason
    names = [name for _id, name in _section_order(session)]
    wanted = {link.section_id for link in activity.section_links}
    if wanted:
        names = [name for section_id, name in _section_order(session) if section_id in wanted]
    present = {m.section for m in members}
    sections = [name for name in names if name in present]
    if NO_SECTION in present:
        sections.append(NO_SECTION)
    return Registration(
        activity.id, activity.title, activity.kind, activity.date, activity.start_time,
        activity.cancelled, tuple(sections), tuple(members),
    )  # fmt: skip


def section_tallies(session: Session, activity_id: int) -> list[SectionTally]:
    """`registration(...).tallies()`, counted by SQLite: the dashboard shows only these, and
    need not read every member by name (a file may have 10,000)."""
    activity = _activity(session, activity_id)
    query = (
        select(Member.section_id, Attendance.status, Availability.status, func.count())
        .select_from(Member)
        .outerjoin(
            Attendance,
            (Attendance.activity_id == activity_id) & (Attendance.member_id == Member.id),
        )
        .outerjoin(
            Availability,
            (Availability.activity_id == activity_id) & (Availability.member_id == Member.id),
        )
        .where(*_expected(activity))
        .group_by(Member.section_id, Attendance.status, Availability.status)
    )
    order = _section_order(session)
    names = dict(order)
    rank = {section_id: n for n, (section_id, _name) in enumerate(order)}
    counts: dict[int | None, SectionTally] = {}
    for section_id, marked, said, n in session.execute(query).all():
        if section_id not in names:
            section_id = None  # no section (or one that no longer exists)
        count = counts.setdefault(section_id, SectionTally(names.get(section_id, NO_SECTION)))
        count.expected += n
        if marked is not None:
            setattr(count, marked, getattr(count, marked) + n)
        if said == "signed_up":
            count.signed_up += n
        elif said in (None, "unknown"):
            count.unknown += n
    return [counts[key] for key in sorted(counts, key=lambda k: rank.get(k, len(rank)))]


def _note(session: Session, activity: Activity, what: str) -> None:
    audit.note(
        session,
        "attendance",
        what.format(title=activity.title, date=format_date(activity.date, "medium")),
    )


def set_attendance(
    session: Session, activity_id: int, member_id: int, status: str | None, reason: str = ""
) -> None:
    """Record (or with None: clear) whether a member came."""
    if status is not None and status not in rules.ATTENDANCE:
        raise UserError(_("Unknown attendance: {status}").format(status=status))
    activity = _activity(session, activity_id)
    row = session.execute(
        select(Attendance).where(
            Attendance.activity_id == activity_id, Attendance.member_id == member_id
        )
    ).scalar()
    reason = reason.strip() if status == "excused" else ""  # only an excuse has a reason
    if status is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            Attendance(activity_id=activity_id, member_id=member_id, status=status, reason=reason)
        )
    else:
        row.status, row.reason = status, reason
    _note(session, activity, _("Attendance recorded: {title} on {date}"))
    session.flush()


def all_present(session: Session, activity_id: int, section: str | None = None) -> int:
    """Everyone expected (in `section`, or all) not yet registered is present; returns how
    many were set. Those already marked keep their mark."""
    members = registration(session, activity_id).members
    todo = [
        m for m in members if m.attendance is None and (section is None or m.section == section)
    ]
    for member in todo:
        session.add(Attendance(activity_id=activity_id, member_id=member.member_id,
                               status="present"))  # fmt: skip
    _note(session, _activity(session, activity_id), _("Attendance recorded: {title} on {date}"))
    session.flush()
    return len(todo)


def set_availability(
    session: Session, activity_id: int, member_id: int, status: str, reason: str = ""
) -> None:
    """Record whether a member will come: signed up, excused (with an optional reason), or
    back to not known."""
    if status not in rules.AVAILABILITY:
        raise UserError(_("Unknown availability: {status}").format(status=status))
    activity = _activity(session, activity_id)
    row = session.execute(
        select(Availability).where(
            Availability.activity_id == activity_id, Availability.member_id == member_id
        )
    ).scalar()
    reason = reason.strip() if status == "excused" else ""
    if row is None:
        session.add(Availability(activity_id=activity_id, member_id=member_id, status=status,
                                 reason=reason))  # fmt: skip
    else:
        row.status, row.reason = status, reason
    _note(session, activity, _("Availability recorded: {title} on {date}"))
    session.flush()


def taken(session: Session, activity_ids: Sequence[int]) -> set[int]:
    """Which of these activities have attendance recorded."""
    if not activity_ids:
        return set()
    query = select(Attendance.activity_id).where(Attendance.activity_id.in_(activity_ids))
    return set(session.execute(query.distinct()).scalars())
