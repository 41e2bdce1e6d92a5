"""The demo choir's rooms: where it rehearses and performs, what else it books, and the rent.

Wijkcentrum De Regentes has the Grote zaal (the Tuesday rehearsals, the members' meeting)
and Studio 2 (sectionals that fit, board meetings); the Kloosterkerk hosts the dress
rehearsal and the concerts, with an option on next season's Christmas concert. One evening
the centre let the hall twice and the choir agreed to share it: the demo's one accepted
conflict. The centre and the church invoice a month's rent early the next month and are
paid some weeks later, so the last month or two are still open. Everything goes through the
services a board would use; names, addresses and numbers are invented (070-1234567,
example.nl), and like the rest of the demo it is Dutch data, not translated.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.rooms import RoomDetails, VenueDetails
from verenigingsbeheer.services import bookings, rooms, series
from verenigingsbeheer.services.bookings import BookingDetails

D, T = dt.date, dt.time
REGENTES = VenueDetails(
    "De Regentes", "Weimarstraat", "63", "2562 GR", "Den Haag", "070-1234567",
    "zaalverhuur.regentes@example.nl", "Ingrid", "Verhoeven", "06-12345678",
    "ingrid.verhoeven@example.nl",
    "Wijkcentrum. Sleutel en alarmcode bij de balie; na 22:30 naar buiten via de achteringang.",
)  # fmt: skip
KLOOSTERKERK = VenueDetails(
    "Kloosterkerk", "Lange Voorhout", "4", "2514 EA", "Den Haag", "070-7654321",
    "verhuur.kloosterkerk@example.nl", "Pieter", "Koopmans", "06-87654321",
    "koster.kloosterkerk@example.nl",
    "De koster is er vanaf een uur voor aanvang; podiumdelen en vleugel in overleg.",
)  # fmt: skip
HALL = RoomDetails(
    "Grote zaal", 80, Money.euros("35.00"), None, frozenset({"piano", "step_free"}), 15, 15,
    "Stoelen zetten en opruimen doen we zelf.",
)  # fmt: skip
STUDIO = RoomDetails(
    "Studio 2", 25, Money.euros("22.50"), None, frozenset({"mirror_wall", "step_free"}), 10, 10,
    "Eerste verdieping, met lift. Een elektrische piano staat in de kast.",
)  # fmt: skip
CHURCH = RoomDetails(
    "Kerkzaal", 400, Money.euros("25.00"), Money.euros("450.00"),
    frozenset({"piano", "stage", "step_free"}), 60, 30,
    "Vast bedrag per boeking plus stook- en kosterskosten per uur.",
)  # fmt: skip
DRESS_REHEARSAL_COST = Money.euros("175.00")  # agreed with the church: no concert, no fee
BOARD_MONTHS = (9, 11, 1, 3, 5)  # the board meets every other month, on the second Monday


@dataclass(frozen=True)
class DemoRooms:
    """The ids of the demo's rooms, and how many the small one holds (a sectional that
    does not fit goes to the hall)."""

    hall: int
    studio: int
    church: int
    studio_capacity: int


def add_venues(session: Session) -> DemoRooms:
    """The two venues with their contacts and three rooms. After the members: the contacts
    are persons too, and the members are written with their own ids."""
    regentes = rooms.create_venue(session, REGENTES)
    kloosterkerk = rooms.create_venue(session, KLOOSTERKERK)
    return DemoRooms(
        rooms.create_room(session, regentes, HALL),
        rooms.create_room(session, regentes, STUDIO),
        rooms.create_room(session, kloosterkerk, CHURCH),
        STUDIO.capacity or 0,
    )


def agree_dress_rehearsal(session: Session, activity_id: int) -> None:
    """The church asks less for a dress rehearsal than for a concert: a cost agreed by hand."""
    row = bookings.booking_of_activity(session, activity_id)
    if row is None:
        return
    agreed = replace(
        row.details, cost=DRESS_REHEARSAL_COST, notes="Gereduceerd tarief voor de generale."
    )
    bookings.update_booking(session, row.booking_id, agreed)


def add_bookings(session: Session, season_start: dt.date, demo: DemoRooms) -> None:
    """What else the choir books in the season: board meetings, the members' meeting, the
    shared evening (accepted on purpose) and an option on next season's Christmas concert."""
    year = season_start.year
    holidays = series.public_holidays(season_start, D(year + 1, 8, 31))
    for month in BOARD_MONTHS:
        day = _nth_weekday(year + (month < 9), month, 0, 2)
        while day in holidays:
            day += dt.timedelta(days=7)
        bookings.book(
            session,
            BookingDetails(demo.studio, day, T(19, 30), T(21, 30), purpose="Bestuursvergadering"),
        )
    bookings.book(
        session,
        BookingDetails(demo.hall, _nth_weekday(year + 1, 3, 3, 3), T(20), T(22),
                       purpose="Algemene ledenvergadering",
                       notes="Jaarverslag, financieel verslag en begroting."),
    )  # fmt: skip
    _share_an_evening(session, season_start, demo.hall)
    christmas = _nth_weekday(year + 1, 12, 6, 3)
    bookings.book(
        session,
        BookingDetails(demo.church, christmas, T(15), T(16, 30), status="option",
                       purpose=f"Kerstconcert {year + 1}",
                       notes="Optie: voor 1 juni bevestigen, anders vervalt hij."),
    )  # fmt: skip


def _share_an_evening(session: Session, season_start: dt.date, hall: int) -> None:
    """The second rehearsal in October: the centre let the hall to an orchestra as well,
    and rather than move, the two share it. Its own rent: nothing for the choir."""
    october = bookings.list_bookings(
        session, D(season_start.year, 10, 1), D(season_start.year, 10, 31), room_id=hall,
        include_cancelled=False,
    )  # fmt: skip
    rehearsals = [row for row in october if row.activity_id is not None]
    if not rehearsals:
        return
    evening = rehearsals[min(1, len(rehearsals) - 1)]
    bookings.book(
        session,
        BookingDetails(evening.room_id, evening.date, T(19), T(21), cost=Money(0),
                       purpose="Zaal gedeeld met Jeugdorkest Duinoord",
                       notes="Dubbel verhuurd door het wijkcentrum; afgesproken de zaal met"
                       " de schuifwand te delen tot het orkest om 21:00 klaar is. Het orkest"
                       " betaalt zijn eigen huur."),
        accept_conflicts=True,
    )  # fmt: skip


def settle_rent(session: Session, rng: random.Random, today: dt.date) -> None:
    """Each venue invoices a month's bookings in the first days of the next month; the
    treasurer pays two to five weeks later. What is invoiced or paid by `today` is marked."""
    month_start = today.replace(day=1)
    months: dict[tuple[int, dt.date], list[int]] = {}
    for row in bookings.list_bookings(session, end=month_start - dt.timedelta(days=1)):
        if row.status == "confirmed" and row.cost.cents:
            months.setdefault((row.venue_id, row.date.replace(day=1)), []).append(row.booking_id)
    for (_venue, month), ids in sorted(months.items(), key=lambda item: (item[0][1], item[0][0])):
        following = (month + dt.timedelta(days=32)).replace(day=1)
        invoiced = following + dt.timedelta(days=rng.randint(1, 9))
        paid = invoiced + dt.timedelta(days=rng.randint(12, 35))
        if paid <= today:
            bookings.mark(session, ids, paid=True)
        elif invoiced <= today:
            bookings.mark(session, ids, invoiced=True)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = D(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
