"""Places typed as text become bookings once their room is known.

An activity's place is its booking (one source of truth), but the places typed before the
board added its venues are text. When a room is added, `places_matching` finds the coming
and past activities whose text names it (or its venue: then the board confirms), and
`link_places` books them there, which clears their text; a series whose every occurrence
got booked there takes the room too, so new occurrences are booked as well. Texts naming
nothing known stay as they are. Works in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import Activity, ActivitySeries, Booking, Room
from verenigingsbeheer.domain import places
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.services import activities, bookings
from verenigingsbeheer.services.activities import ActivityRow
from verenigingsbeheer.services.bookings import BookingRow, ConflictFound


@dataclass(frozen=True)
class PlaceMatch:
    """An activity whose place text means the room; `names_room` False when the text only
    names the venue (another of its rooms may be meant: let the board choose)."""

    activity: ActivityRow
    names_room: bool


def _room(session: Session, room_id: int) -> Room:
    room = session.get(Room, room_id)
    if room is None:
        raise UserError(_("This room no longer exists."))
    return room


def _matcher(room: Room):
    """The test of one text against this room, with the venue's other rooms in mind."""
    venue = room.venue
    names = [other.name for other in venue.rooms]

    def match(text: str) -> places.PlaceMatch | None:
        return places.match_place(
            text, venue.name, room.name, names, venue.street, venue.house_number
        )

    return match


def places_matching(session: Session, room_id: int) -> list[PlaceMatch]:
    """The activities, not cancelled and not booked anywhere, whose place text names the
    room or its venue, in time order."""
    match = _matcher(_room(session, room_id))
    booked = exists().where(Booking.activity_id == Activity.id)
    candidates = session.execute(
        select(Activity.id, Activity.date, Activity.place).where(
            Activity.cancelled.is_(False), Activity.place != "", ~booked
        )
    ).all()
    found: dict[int, places.PlaceMatch] = {}
    for activity_id, _day, text in candidates:
        kind = match(text)
        if kind is not None:
            found[activity_id] = kind
    if not found:
        return []
    days = [day for activity_id, day, _text in candidates if activity_id in found]
    rows = activities.list_activities(session, min(days), max(days), include_cancelled=False)
    return [
        PlaceMatch(row, found[row.activity_id] is places.PlaceMatch.ROOM)
        for row in rows
        if row.activity_id in found and row.room_id is None
    ]


def link_places(
    session: Session,
    room_id: int,
    *,
    activity_ids: Collection[int] | None = None,
    accept_conflicts: bool = False,
) -> int:
    """Book the room for the activities `places_matching` finds (only those in
    `activity_ids` when given: the board's choice) and return how many. Their place text
    goes: the booking is the place now.

    When the room is taken at one of their times (by another booking, or by another of
    them), ConflictFound names every booking in the way and the caller's transaction is to
    be rolled back, like every refused change; with `accept_conflicts` they are booked
    anyway, marked."""
    room = _room(session, room_id)
    wanted = None if activity_ids is None else set(activity_ids)
    chosen = [
        found.activity.activity_id
        for found in places_matching(session, room_id)
        if wanted is None or found.activity.activity_id in wanted
    ]
    made = [
        bookings.place_activity(session, activity_id, room_id, accept_conflicts=True)
        for activity_id in chosen
    ]
    in_the_way: dict[int, BookingRow] = {}
    for booking_id in made:
        if booking_id is None:
            continue
        booking = session.get(Booking, booking_id)
        if booking is not None and booking.conflict_accepted:
            for row in bookings.conflicts_with(
                session, room_id, booking.date, booking.start_time, booking.end_time,
                ignore={booking_id},
            ):  # fmt: skip
                in_the_way.setdefault(row.booking_id, row)
    if in_the_way and not accept_conflicts:
        raise ConflictFound(sorted(in_the_way.values(), key=_when))
    series_taken = _take_over_series(session, room)
    if chosen or series_taken:
        audit.note(
            session,
            "edit",
            ngettext(
                "Place linked to {room}: {n} activity",
                "Places linked to {room}: {n} activities",
                len(chosen),
            ).format(room=f"{room.venue.name} – {room.name}", n=len(chosen)),
        )
    session.flush()
    return len(chosen)


def _when(row: BookingRow) -> tuple[dt.date, dt.time, int]:
    return row.date, row.start_time, row.booking_id


def _take_over_series(session: Session, room: Room) -> int:
    """A series whose place text names the room, and whose every occurrence that follows
    the series (not cancelled, not changed on its own) is booked there, takes the room:
    its text goes and occurrences it makes later are booked there as well. Returns how
    many series did."""
    match = _matcher(room)
    taken = 0
    candidates = session.execute(
        select(ActivitySeries).where(ActivitySeries.room_id.is_(None), ActivitySeries.place != "")
    ).scalars()
    for series in candidates:
        if match(series.place) is None:
            continue
        rooms = session.execute(
            select(Booking.room_id)
            .select_from(Activity)
            .outerjoin(Booking, Booking.activity_id == Activity.id)
            .where(
                Activity.series_id == series.id,
                Activity.cancelled.is_(False),
                Activity.detached.is_(False),
            )
        ).scalars()
        found = set(rooms)
        if found == {room.id}:
            series.room_id, series.place = room.id, ""
            taken += 1
    return taken
