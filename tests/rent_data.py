"""Two venues with three rooms and a year of bookings on a real file, for the rent
overview and the room schedule: confirmed bookings invoiced, paid or neither, an option, a
cancelled booking, an activity's place, and bookings just outside 2027 on both sides.

The sums for 2027 (Grote zaal: 35 euros an hour, 15 minutes set-up and 30 clearing):
Grote zaal in January 3 x 78,75 booked, 2 invoiced, 1 paid; Foyer in March 50,00 paid;
Kapel 40,00 in June (the concert) and 60,00 agreed on 31 December, neither invoiced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.activities import ActivityDetails
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.rooms import RoomDetails, VenueDetails
from verenigingsbeheer.services import activities, bookings, member_records, rooms
from verenigingsbeheer.services.bookings import BookingDetails
from verenigingsbeheer.services.files import AssociationFile

D, T = dt.date, dt.time
NAME = "Toneelgroep Het Doek"
MEMBER_NAMES = (("Geertruida", "Zonneveld"), ("Bartholomeus", "Quist"))
CONCERT = "Zomerconcert"
SECRET_NOTE = "Sleutel bij Geertruida Zonneveld, Dorpsstraat 4"  # never on a room schedule


@dataclass
class RentFile:
    database: AssociationFile
    rooms: dict[str, int] = field(default_factory=dict)  # room name -> id
    venues: dict[str, int] = field(default_factory=dict)


def make_rent_file(path: Path) -> RentFile:
    database = create_database(path, AssociationDetails(name=NAME))
    made = RentFile(database)
    with database.transaction() as session:
        for first, last in MEMBER_NAMES:  # members who must never be on a room schedule
            member_records.create_member(
                session, MemberDetails(first, last, member_since=D(2020, 1, 1)), D(2020, 1, 1)
            )
        regentes = rooms.create_venue(
            session,
            VenueDetails("De Regentes", "Weimarstraat", "63", "2562 GR", "Den Haag",
                         phone="070-3456789", contact_first_name="Hans",
                         contact_last_name="Beheer", contact_phone="06-12345678",
                         contact_email="hans@regentes.nl"),
        )  # fmt: skip
        klooster = rooms.create_venue(session, VenueDetails("Het Klooster", town="Delft"))
        made.venues = {"De Regentes": regentes, "Het Klooster": klooster}
        hall = rooms.create_room(
            session, regentes, RoomDetails("Grote zaal", 60, Money.euros("35"), None,
                                           buffer_before=15, buffer_after=30),
        )  # fmt: skip
        foyer = rooms.create_room(session, regentes, RoomDetails("Foyer", 30, None, Money(5000)))
        chapel = rooms.create_room(session, klooster, RoomDetails("Kapel", 120, Money(2000)))
        made.rooms = {"Grote zaal": hall, "Foyer": foyer, "Kapel": chapel}

        def book(room: int, day: D, start: T, end: T, **more) -> int:
            more.setdefault("purpose", "Repetitie")
            return bookings.book(session, BookingDetails(room, day, start, end, **more))

        book(hall, D(2026, 12, 29), T(20), T(22, 15), invoiced=True, paid=True)  # 2026
        book(hall, D(2027, 1, 5), T(20), T(22, 15), invoiced=True, paid=True)
        book(hall, D(2027, 1, 12), T(20), T(22, 15), invoiced=True)
        book(hall, D(2027, 1, 19), T(20), T(22, 15), notes=SECRET_NOTE)
        book(hall, D(2027, 1, 26), T(20), T(22, 15), status="option")
        book(hall, D(2027, 2, 2), T(20), T(22, 15), status="cancelled", purpose="Bouwrepetitie")
        foyer_booking = book(foyer, D(2027, 3, 6), T(14), T(17), purpose="Ledenvergadering")
        bookings.mark(session, [foyer_booking], paid=True)
        concert = activities.create_activity(
            session, ActivityDetails("performance", CONCERT, D(2027, 6, 12), T(20), T(22))
        )
        bookings.place_activity(session, concert, chapel)
        book(chapel, D(2027, 12, 31), T(19), T(23, 30), purpose="Oudejaarsvoorstelling",
             cost=Money.euros("60"))  # fmt: skip
        book(chapel, D(2028, 1, 2), T(14), T(16), purpose="Nieuwjaarsborrel")  # 2028
    return made
