"""Bookings of rooms: make, change, cancel; the conflicts between them; an activity's place.

A booking that overlaps another of the same room (buffers included, cancelled ones not
counted) is refused with ConflictFound, which names the other bookings; when the board
insists (two groups share a hall) the same call with `accept_conflicts=True` saves it,
marked. Every function works in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import Activity, ActivitySeries, Booking, Room, Venue
from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services.rooms import room_details


@dataclass(frozen=True)
class BookingDetails:
    """What the booking form edits. `cost` None: computed from the room's rates."""

    room_id: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    status: str = "confirmed"
    purpose: str = ""
    cost: Money | None = None
    invoiced: bool = False
    paid: bool = False
    notes: str = ""


@dataclass(frozen=True)
class BookingRow:
    booking_id: int
    room_id: int
    room_label: str  # "De Regentes – Grote zaal"
    venue_id: int
    activity_id: int | None
    activity_title: str
    purpose: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    status: str
    cost: Money
    cost_agreed: bool
    invoiced: bool
    paid: bool
    conflict_accepted: bool
    notes: str
    capacity: int | None

    @property
    def what(self) -> str:
        """The activity's title, or the purpose of a booking without one."""
        return self.activity_title or self.purpose

    @property
    def details(self) -> BookingDetails:
        cost = self.cost if self.cost_agreed else None
        return BookingDetails(
            self.room_id, self.date, self.start_time, self.end_time, self.status,
            self.purpose, cost, self.invoiced, self.paid, self.notes,
        )  # fmt: skip

    def describe(self) -> str:
        """ "Repetitie, di 8 dec 2026 20:00–22:15" for a conflict's message."""
        return _("{what}, {day} {start}–{end}").format(
            what=self.what or _("booking"),
            day=format_date(self.date, "EEE d MMM y"),
            start=self.start_time.strftime("%H:%M"),
            end=self.end_time.strftime("%H:%M"),
        )


class ConflictFound(UserError):
    """The room is taken then; `conflicts` are the bookings in the way."""

    def __init__(self, conflicts: Sequence[BookingRow]) -> None:
        shown = "; ".join(row.describe() for row in conflicts[:5])
        more = len(conflicts) - 5
        if more > 0:
            shown += "; " + _("and {n} more").format(n=more)
        room = conflicts[0].room_label if conflicts else ""
        super().__init__(
            _("{room} is already booked then: {bookings}.").format(room=room, bookings=shown)
        )
        self.conflicts = list(conflicts)


# -- reading ----------------------------------------------------------------------------------
def _query():
    return (
        select(Booking, Room, Venue.name, Activity.title)
        .join(Room, Room.id == Booking.room_id)
        .join(Venue, Venue.id == Room.venue_id)
        .outerjoin(Activity, Activity.id == Booking.activity_id)
    )


def _row(booking: Booking, room: Room, venue_name: str, title: str | None) -> BookingRow:
    return BookingRow(
        booking.id, room.id, f"{venue_name} – {room.name}", room.venue_id, booking.activity_id,
        title or "", booking.purpose, booking.date, booking.start_time, booking.end_time,
        booking.status, Money(booking.cost), booking.cost_agreed, booking.invoiced,
        booking.paid, booking.conflict_accepted, booking.notes, room.capacity,
    )  # fmt: skip


def list_bookings(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    room_id: int | None = None,
    venue_id: int | None = None,
    include_cancelled: bool = True,
) -> list[BookingRow]:
    """Bookings in time order, of one room or venue or all."""
    query = _query().order_by(Booking.date, Booking.start_time, Booking.id)
    if start is not None:
        query = query.where(Booking.date >= start)
    if end is not None:
        query = query.where(Booking.date <= end)
    if room_id is not None:
        query = query.where(Booking.room_id == room_id)
    if venue_id is not None:
        query = query.where(Room.venue_id == venue_id)
    if not include_cancelled:
        query = query.where(Booking.status != "cancelled")
    return [_row(*found) for found in session.execute(query)]


def get_booking(session: Session, booking_id: int) -> BookingRow:
    found = session.execute(_query().where(Booking.id == booking_id)).first()
    if found is None:
        raise UserError(_("This booking no longer exists."))
    return _row(*found)


def booking_of_activity(session: Session, activity_id: int) -> BookingRow | None:
    found = session.execute(_query().where(Booking.activity_id == activity_id)).first()
    return _row(*found) if found is not None else None


# -- conflicts --------------------------------------------------------------------------------
def _span(room: Room, day: dt.date, start: dt.time, end: dt.time) -> rules.Span:
    return rules.span(day, start, end, room.buffer_before, room.buffer_after)


def conflicts_with(
    session: Session,
    room_id: int,
    day: dt.date,
    start: dt.time,
    end: dt.time,
    *,
    ignore: Iterable[int] = (),
) -> list[BookingRow]:
    """The bookings of the room (not cancelled, not in `ignore`) that would be in the way
    of one from `start` to `end` on `day`, the room's buffers included."""
    room = session.get(Room, room_id)
    if room is None:
        raise UserError(_("This room no longer exists."))
    wanted = _span(room, day, start, end)
    skip = set(ignore)
    near = list_bookings(
        session, day - dt.timedelta(days=1), day + dt.timedelta(days=1), room_id=room_id,
        include_cancelled=False,
    )  # fmt: skip
    return [
        row
        for row in near
        if row.booking_id not in skip
        and wanted.overlaps(_span(room, row.date, row.start_time, row.end_time))
    ]


# -- writing ----------------------------------------------------------------------------------
def _checked(details: BookingDetails) -> BookingDetails:
    problems = rules.validate_booking(
        details.start_time, details.end_time, details.status, details.cost, details.purpose
    )
    if problems:
        raise ValidationFailed(problems)
    return replace(details, purpose=" ".join(details.purpose.split()), notes=details.notes.strip())


def computed_cost(session: Session, room_id: int, start: dt.time, end: dt.time) -> Money:
    room = session.get(Room, room_id)
    if room is None:
        raise UserError(_("This room no longer exists."))
    return rules.cost(room_details(room), start, end)


def _check_free(
    session: Session, booking: Booking, accept_conflicts: bool, ignore: Iterable[int] = ()
) -> None:
    """Refuse an overlap, or (insisted) save it marked; a cancelled booking is never in
    the way."""
    if booking.status == "cancelled":
        return
    found = conflicts_with(
        session, booking.room_id, booking.date, booking.start_time, booking.end_time,
        ignore={booking.id, *ignore} if booking.id else set(ignore),
    )  # fmt: skip
    if found and not accept_conflicts:
        raise ConflictFound(found)
    booking.conflict_accepted = bool(found)


def _settled(booking: Booking) -> bool:
    """Invoiced or paid: its amount is what the venue charged and no longer follows rates."""
    return booking.invoiced or booking.paid


def _reprice(session: Session, booking: Booking, before: tuple | None) -> None:
    """The cost from the room's rates, when it is not agreed or settled, for a new booking
    or one whose room or times changed; otherwise it stays what it was."""
    now = (booking.room_id, booking.start_time, booking.end_time)
    if booking.cost_agreed or (before is not None and (before == now or _settled(booking))):
        return
    booking.cost = computed_cost(session, *now).cents


def _fill(session: Session, booking: Booking, details: BookingDetails) -> None:
    before = (booking.room_id, booking.start_time, booking.end_time) if booking.id else None
    booking.room_id, booking.date = details.room_id, details.date
    booking.start_time, booking.end_time = details.start_time, details.end_time
    booking.status, booking.purpose, booking.notes = details.status, details.purpose, details.notes
    booking.invoiced, booking.paid = details.invoiced, details.paid
    booking.cost_agreed = details.cost is not None
    if details.cost is not None:
        booking.cost = details.cost.cents
    else:
        _reprice(session, booking, before)


def book(
    session: Session,
    details: BookingDetails,
    *,
    activity_id: int | None = None,
    accept_conflicts: bool = False,
) -> int:
    """A new booking; ConflictFound when the room is taken, unless accepted."""
    details = _checked(details)
    booking = Booking(activity_id=activity_id)
    _fill(session, booking, details)
    _check_free(session, booking, accept_conflicts)
    session.add(booking)
    session.flush()
    return booking.id


def update_booking(
    session: Session, booking_id: int, details: BookingDetails, *, accept_conflicts: bool = False
) -> None:
    details = _checked(details)
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise UserError(_("This booking no longer exists."))
    _fill(session, booking, details)
    _check_free(session, booking, accept_conflicts)
    audit.note(session, "edit", _("Booking changed"))
    session.flush()


def set_status(
    session: Session, booking_id: int, status: str, *, accept_conflicts: bool = False
) -> None:
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise UserError(_("This booking no longer exists."))
    if status not in rules.STATUSES:
        raise UserError(_("Choose option, confirmed or cancelled."))
    activity = session.get(Activity, booking.activity_id) if booking.activity_id else None
    if activity is not None and activity.cancelled and status != "cancelled":
        raise UserError(
            _("{title} is cancelled; let it take place first (on the Activities page).").format(
                title=activity.title
            )
        )
    booking.status = status
    _check_free(session, booking, accept_conflicts)
    audit.note(session, "edit", _("Booking {status}").format(status=rules.status_label(status)))
    session.flush()


def mark(
    session: Session, booking_ids: Sequence[int], *, invoiced: bool | None = None,
    paid: bool | None = None,
) -> int:  # fmt: skip
    """Mark bookings as invoiced and/or paid (or not); returns how many."""
    bookings = session.execute(select(Booking).where(Booking.id.in_(booking_ids))).scalars().all()
    for booking in bookings:
        if invoiced is not None:
            booking.invoiced = invoiced
        if paid is not None:
            booking.paid = paid
            booking.invoiced = booking.invoiced or paid  # what is paid was invoiced
    audit.note(session, "edit", _("Bookings marked"))
    session.flush()
    return len(bookings)


def delete_booking(session: Session, booking_id: int) -> None:
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise UserError(_("This booking no longer exists."))
    audit.note(session, "delete", _("Booking deleted"), undoable=True)
    session.delete(booking)
    session.flush()


# -- an activity's place ----------------------------------------------------------------------
def let_go(session: Session, booking: Booking) -> None:
    """The activity no longer wants this booking: a settled one stays as a cancelled
    booking of its own (the rent overview counts what was charged), another goes."""
    if _settled(booking):
        activity = session.get(Activity, booking.activity_id)
        booking.activity_id = None
        booking.purpose = activity.title if activity is not None else booking.purpose
        booking.status = "cancelled"
    else:
        session.delete(booking)
    session.flush()


def place_activity(
    session: Session,
    activity_id: int,
    room_id: int | None,
    *,
    status: str = "confirmed",
    accept_conflicts: bool = False,
    status_follows: bool = False,
) -> int | None:
    """Make `room_id` the activity's place (a booking at its times), or with None give up
    its booking. Another room is a new booking; one already invoiced or paid stays behind
    as a cancelled booking, so no payment moves to a room it was not made for."""
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(_("This activity no longer exists."))
    booking = session.execute(
        select(Booking).where(Booking.activity_id == activity_id)
    ).scalar_one_or_none()
    if booking is not None and (room_id is None or booking.room_id != room_id):
        let_go(session, booking)
        booking = None
    if room_id is None:
        return None
    if booking is None:
        booking = Booking(activity_id=activity_id, room_id=room_id, status=status)
        session.add(booking)
        _sync(activity, booking)
        booking.status = "cancelled" if activity.cancelled else status
        _reprice(session, booking, None)
        session.flush()
        _check_free(session, booking, accept_conflicts)
    else:
        follow(
            session, activity, booking, accept_conflicts=accept_conflicts,
            status_follows=status_follows,
        )  # fmt: skip
    activity.place = ""  # the booking is the place now: one source of truth
    session.flush()
    return booking.id


def _sync(activity: Activity, booking: Booking) -> None:
    booking.date, booking.start_time, booking.end_time = (
        activity.date, activity.start_time, activity.end_time
    )  # fmt: skip


def follow(
    session: Session,
    activity: Activity,
    booking: Booking | None = None,
    *,
    accept_conflicts: bool = False,
    status_follows: bool = False,
) -> None:
    """The activity moved or changed its times: its booking follows. With `status_follows`
    (the activity was cancelled, or takes place after all) the booking is cancelled with
    it or wanted again; otherwise a booking the board cancelled stays cancelled."""
    if booking is None:
        booking = session.execute(
            select(Booking).where(Booking.activity_id == activity.id)
        ).scalar_one_or_none()
        if booking is None:
            return
    before = (booking.room_id, booking.start_time, booking.end_time)
    _sync(activity, booking)
    if status_follows:
        if activity.cancelled:
            booking.status = "cancelled"
        elif booking.status == "cancelled":
            booking.status = "confirmed"  # takes place after all: the room is wanted again
    _reprice(session, booking, before)
    session.flush()
    _check_free(session, booking, accept_conflicts)


# -- a whole series ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SeriesBooking:
    booked: int
    conflicted: list[BookingRow]  # the bookings in the way (booked anyway, or left out)
    left_out: int  # occurrences not booked because of a conflict


def book_series(
    session: Session,
    series_id: int,
    room_id: int,
    *,
    from_day: dt.date | None = None,
    on_conflict: str = "refuse",
) -> SeriesBooking:
    """Book the room for every occurrence of the series (from `from_day`), not cancelled.

    `on_conflict`: "refuse" raises ConflictFound naming every booking in the way (nothing
    booked); "skip" books the others and leaves those out; "accept" books them all, the
    overlapping ones marked.
    """
    if on_conflict not in ("refuse", "skip", "accept"):
        raise ValueError(on_conflict)
    query = select(Activity.id, Activity.date, Activity.start_time, Activity.end_time).where(
        Activity.series_id == series_id, Activity.cancelled.is_(False)
    )
    if from_day is not None:
        query = query.where(Activity.date >= from_day)
    occurrences = session.execute(query.order_by(Activity.date)).all()
    if not occurrences:
        raise UserError(_("This series has no occurrences to book from that day on."))
    own = {
        b.id for b in session.execute(
            select(Booking).where(Booking.activity_id.in_([o.id for o in occurrences]))
        ).scalars()
    }  # fmt: skip
    in_the_way: dict[int, list[BookingRow]] = {}
    for occurrence in occurrences:
        found = conflicts_with(
            session, room_id, occurrence.date, occurrence.start_time, occurrence.end_time,
            ignore=own,
        )  # fmt: skip
        if found:
            in_the_way[occurrence.id] = found
    conflicted = [row for rows in in_the_way.values() for row in rows]
    if in_the_way and on_conflict == "refuse":
        raise ConflictFound(conflicted)
    booked = 0
    for occurrence in occurrences:
        if occurrence.id in in_the_way and on_conflict == "skip":
            continue
        place_activity(session, occurrence.id, room_id, accept_conflicts=True)
        booked += 1
    left_out = len(in_the_way) if on_conflict == "skip" else 0
    series = session.get(ActivitySeries, series_id)
    if series is not None and not left_out:  # its later occurrences are booked there too
        series.room_id, series.place = room_id, ""
    audit.note(session, "edit", _("Series booked: {n} occurrences").format(n=booked))
    session.flush()
    return SeriesBooking(booked, conflicted, left_out)
