"""The rent of rooms: what was booked, invoiced and paid, per room, venue and month.

Only confirmed bookings count. An option is not yet a promise to pay and a cancelled
booking is not paid for, so both stay out of every sum (they are counted apart, so a
report can say what it left out). A booking counts in the month of its date; "invoiced"
and "paid" are marks on the booking, not dates, so a booking of December paid in January
is paid in December. Outstanding is booked minus paid.

`rent_total(session, year)` is the year's room hire as a subsidy application asks for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Booking, Room
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.rooms import list_venues

FIRST_YEAR, LAST_YEAR = 1950, 2100  # outside: a typing error, not a year of rent
MONTHS = 12


@dataclass(frozen=True)
class RentFigures:
    """The sums of some confirmed bookings; minutes are the booked time, buffers not
    included (they are not charged either)."""

    bookings: int = 0
    minutes: int = 0
    booked: Money = Money(0)
    invoiced: Money = Money(0)
    paid: Money = Money(0)

    @property
    def outstanding(self) -> Money:
        """Booked but not (yet) paid."""
        return self.booked - self.paid

    @property
    def not_invoiced(self) -> Money:
        return self.booked - self.invoiced

    @property
    def hours(self) -> Decimal:
        """The booked hours to two decimals (2 h 15 min: 2.25)."""
        return (Decimal(self.minutes) / 60).quantize(Decimal("0.01"))

    def __add__(self, other: RentFigures) -> RentFigures:
        if not isinstance(other, RentFigures):
            return NotImplemented
        return RentFigures(
            self.bookings + other.bookings,
            self.minutes + other.minutes,
            self.booked + other.booked,
            self.invoiced + other.invoiced,
            self.paid + other.paid,
        )

    @staticmethod
    def total(figures: tuple[RentFigures, ...] | list[RentFigures]) -> RentFigures:
        result = RentFigures()
        for figure in figures:
            result = result + figure
        return result


def _by_month(parts: list[tuple[RentFigures, ...]]) -> tuple[RentFigures, ...]:
    return tuple(RentFigures.total([months[n] for months in parts]) for n in range(MONTHS))


@dataclass(frozen=True)
class RoomRent:
    """One room's figures for January (months[0]) to December (months[11])."""

    room_id: int
    name: str
    months: tuple[RentFigures, ...]

    @property
    def year(self) -> RentFigures:
        return RentFigures.total(self.months)


@dataclass(frozen=True)
class VenueRent:
    """A venue with every room it has (rooms without bookings too), by name."""

    venue_id: int
    name: str
    address: str
    rooms: tuple[RoomRent, ...]

    @property
    def months(self) -> tuple[RentFigures, ...]:
        return _by_month([room.months for room in self.rooms])

    @property
    def year(self) -> RentFigures:
        return RentFigures.total(self.months)


@dataclass(frozen=True)
class RentOverview:
    """A calendar year's rent for every venue, with what was left out: options (and what
    they would cost when confirmed) and cancelled bookings."""

    year: int
    venues: tuple[VenueRent, ...]
    options: int = 0
    options_cost: Money = Money(0)
    cancelled: int = 0

    @property
    def months(self) -> tuple[RentFigures, ...]:
        return _by_month([venue.months for venue in self.venues])

    @property
    def total(self) -> RentFigures:
        return RentFigures.total(self.months)


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(
            _("Choose a year from {first} to {last}.").format(first=FIRST_YEAR, last=LAST_YEAR)
        )


def _minutes(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def _figure(cost: int, start: dt.time, end: dt.time, invoiced: bool, paid: bool) -> RentFigures:
    money = Money(cost)
    return RentFigures(
        1, _minutes(start, end), money, money if invoiced else Money(0), money if paid else Money(0)
    )


def rent_overview(session: Session, year: int) -> RentOverview:
    """Every venue and room with its confirmed bookings of `year` (and cancelled ones that
    were charged all the same), month by month."""
    check_year(year)
    query = select(
        Booking.room_id, Booking.date, Booking.start_time, Booking.end_time, Booking.status,
        Booking.cost, Booking.invoiced, Booking.paid,
    ).where(Booking.date >= dt.date(year, 1, 1), Booking.date <= dt.date(year, 12, 31))  # fmt: skip
    per_room: dict[int, list[RentFigures]] = {}
    options, options_cost, cancelled = 0, 0, 0
    for room_id, day, start, end, status, cost, invoiced, paid in session.execute(query):
        if status == "option":
            options, options_cost = options + 1, options_cost + cost
            continue
        if status == "cancelled" and not (invoiced or paid):
            cancelled += 1  # a cancelled booking counts only when it was charged all the same
            continue
        months = per_room.setdefault(room_id, [RentFigures()] * MONTHS)
        months[day.month - 1] = months[day.month - 1] + _figure(cost, start, end, invoiced, paid)
    empty = (RentFigures(),) * MONTHS
    venues = tuple(
        VenueRent(
            venue.venue_id,
            venue.name,
            venue.address,
            tuple(
                RoomRent(room.room_id, room.name, tuple(per_room.get(room.room_id, empty)))
                for room in venue.rooms
            ),
        )
        for venue in list_venues(session)
    )
    return RentOverview(year, venues, options, Money(options_cost), cancelled)


def _charged():
    """Confirmed bookings, and cancelled ones that were invoiced or paid all the same (a
    late cancellation the venue still charges)."""
    return or_(
        Booking.status == "confirmed",
        and_(Booking.status == "cancelled", or_(Booking.invoiced, Booking.paid)),
    )


def rent_between(
    session: Session,
    start: dt.date,
    end: dt.date,
    *,
    room_id: int | None = None,
    venue_id: int | None = None,
) -> RentFigures:
    """The confirmed (or charged) bookings of a period (both days included), of one room or venue or
    all: for a season, or a subsidy year that is no calendar year."""
    query = select(
        Booking.cost, Booking.start_time, Booking.end_time, Booking.invoiced, Booking.paid
    ).where(_charged(), Booking.date >= start, Booking.date <= end)
    if room_id is not None:
        query = query.where(Booking.room_id == room_id)
    if venue_id is not None:
        query = query.join(Room, Room.id == Booking.room_id).where(Room.venue_id == venue_id)
    return RentFigures.total([_figure(*row) for row in session.execute(query)])


def rent_total(session: Session, year: int) -> Money:
    """The room hire of a calendar year: the agreed cost of its confirmed bookings."""
    check_year(year)
    return rent_between(session, dt.date(year, 1, 1), dt.date(year, 12, 31)).booked
