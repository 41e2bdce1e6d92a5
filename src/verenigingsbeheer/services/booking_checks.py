"""What the board should hear about bookings: every pair in each other's way (the list of
conflicts, the dashboard's coming ones), and a room too small for who is expected."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import (
    Activity,
    ActivitySection,
    Member,
    MembershipPeriod,
    Room,
)
from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.i18n import ngettext
from verenigingsbeheer.services.bookings import BookingRow, list_bookings


def _span(room: Room, row: BookingRow) -> rules.Span:
    return rules.span(row.date, row.start_time, row.end_time, room.buffer_before,
                      room.buffer_after)  # fmt: skip


@dataclass(frozen=True)
class Conflict:
    """Two bookings of one room in each other's way; `accepted` when the board insisted."""

    first: BookingRow
    second: BookingRow

    @property
    def accepted(self) -> bool:
        return self.first.conflict_accepted or self.second.conflict_accepted


def all_conflicts(
    session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> list[Conflict]:
    """Every pair of overlapping bookings (per room, buffers included), in time order."""
    rows = list_bookings(session, start, end, include_cancelled=False)
    rooms = {room.id: room for room in session.execute(select(Room)).scalars()}
    per_room: dict[int, list[tuple[rules.Span, BookingRow]]] = defaultdict(list)
    for row in rows:
        room = rooms[row.room_id]
        per_room[row.room_id].append((_span(room, row), row))
    found = []
    for spans in per_room.values():
        spans.sort(key=lambda item: item[0].start)
        for n, (span, row) in enumerate(spans):
            for other_span, other in spans[n + 1 :]:
                if other_span.start >= span.end:
                    break
                found.append(Conflict(row, other))
    found.sort(key=lambda c: (c.first.date, c.first.start_time, c.first.booking_id))
    return found


def room_conflicts(session: Session, room_id: int) -> list[Conflict]:
    return [c for c in all_conflicts(session) if c.first.room_id == room_id]


def conflicted_ids(conflicts: Iterable[Conflict]) -> set[int]:
    return {row.booking_id for c in conflicts for row in (c.first, c.second)}


def expected_number(session: Session, activity_id: int) -> int:
    """Who an activity brings into the room: the members expected (current that day, in
    the sections it is for), and for a performance its audience too. Counted by SQLite,
    as the rooms page asks it for every booking shown."""
    activity = session.get(Activity, activity_id)
    if activity is None:
        return 0
    current = select(MembershipPeriod.member_id).where(
        MembershipPeriod.start_date <= activity.date,
        or_(MembershipPeriod.end_date.is_(None), MembershipPeriod.end_date >= activity.date),
    )
    query = select(func.count(Member.id)).where(Member.id.in_(current))
    sections = select(ActivitySection.section_id).where(ActivitySection.activity_id == activity_id)
    if session.execute(sections.limit(1)).first() is not None:
        query = query.where(Member.section_id.in_(sections))
    people = session.execute(query).scalar_one()
    if activity.kind == "performance" and activity.audience:
        people += activity.audience
    return people


def capacity_problem(session: Session, row: BookingRow) -> str:
    """ "Grote zaal holds 60; 72 expected" when a room is too small, else nothing."""
    if row.capacity is None or row.activity_id is None or row.status == "cancelled":
        return ""
    people = expected_number(session, row.activity_id)
    if people <= row.capacity:
        return ""
    return ngettext(
        "{room} holds {capacity}; {n} person expected.",
        "{room} holds {capacity}; {n} people expected.",
        people,
    ).format(room=row.room_label, capacity=row.capacity, n=people)


def capacity_problems(
    session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> dict[int, str]:
    """booking id -> why its room is too small, for the bookings of a period."""
    found = {}
    for row in list_bookings(session, start, end, include_cancelled=False):
        problem = capacity_problem(session, row)
        if problem:
            found[row.booking_id] = problem
    return found
