"""Venues and their rooms: list them, add, change and remove them.

A venue's contact is a person of their own (not a member), so a request for access finds
them and removing the contact removes the person. A venue or room that still has bookings
is not removed: the rent overview needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import ActivitySeries, Booking, Person, Room, Venue
from verenigingsbeheer.domain import rooms as rules
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.rooms import RoomDetails, VenueDetails
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import _, ngettext


@dataclass(frozen=True)
class RoomRow:
    room_id: int
    venue_id: int
    venue_name: str
    details: RoomDetails

    @property
    def name(self) -> str:
        return self.details.name

    @property
    def label(self) -> str:
        """ "De Regentes – Grote zaal": how a room is named wherever a place is shown."""
        return f"{self.venue_name} – {self.details.name}"


@dataclass(frozen=True)
class VenueRow:
    venue_id: int
    details: VenueDetails
    rooms: tuple[RoomRow, ...]

    @property
    def name(self) -> str:
        return self.details.name

    @property
    def address(self) -> str:
        d = self.details
        street = " ".join(part for part in (d.street, d.house_number) if part)
        town = "  ".join(part for part in (d.postcode, d.town.upper()) if part)
        return ", ".join(part for part in (street, town) if part)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _money(cents: int | None) -> Money | None:
    return None if cents is None else Money(cents)


def room_details(room: Room) -> RoomDetails:
    return RoomDetails(
        room.name,
        room.capacity,
        _money(room.hourly_rate),
        _money(room.fixed_rate),
        frozenset(key for key in rules.FACILITIES if getattr(room, key)),
        room.buffer_before,
        room.buffer_after,
        room.notes,
    )


def _venue_details(venue: Venue, contact: Person | None) -> VenueDetails:
    return VenueDetails(
        venue.name, venue.street, venue.house_number, venue.postcode, venue.town,
        venue.phone, venue.email,
        contact.first_name if contact else "", contact.last_name if contact else "",
        contact.phone if contact else "", contact.email if contact else "", venue.notes,
    )  # fmt: skip


def list_venues(session: Session) -> list[VenueRow]:
    """Every venue with its rooms, by name."""
    venues = session.execute(
        select(Venue).options(selectinload(Venue.rooms)).order_by(func.lower(Venue.name))
    ).scalars()
    found = []
    for venue in venues:
        contact = session.get(Person, venue.contact_person_id) if venue.contact_person_id else None
        details = _venue_details(venue, contact)
        rooms = tuple(
            RoomRow(room.id, venue.id, venue.name, room_details(room))
            for room in sorted(venue.rooms, key=lambda r: r.name.lower())
        )
        found.append(VenueRow(venue.id, details, rooms))
    return found


def list_rooms(session: Session) -> list[RoomRow]:
    """Every room, by venue and name: the choice of places."""
    return [room for venue in list_venues(session) for room in venue.rooms]


def get_room(session: Session, room_id: int) -> RoomRow:
    room = session.get(Room, room_id)
    if room is None:
        raise UserError(_("This room no longer exists."))
    return RoomRow(room.id, room.venue_id, room.venue.name, room_details(room))


def _checked_venue(details: VenueDetails) -> VenueDetails:
    problems = rules.validate_venue(details)
    if problems:
        raise ValidationFailed(problems)
    return replace(
        details,
        **{
            name: _clean(getattr(details, name))
            for name in (
                "name",
                "street",
                "house_number",
                "postcode",
                "town",
                "phone",
                "email",
                "contact_first_name",
                "contact_last_name",
                "contact_phone",
                "contact_email",
            )  # fmt: skip
        },
        notes=details.notes.strip(),
    )


def _set_contact(session: Session, venue: Venue, details: VenueDetails) -> None:
    contact = session.get(Person, venue.contact_person_id) if venue.contact_person_id else None
    if not details.has_contact:
        if contact is not None:  # the contact is gone: so is what was kept of them
            venue.contact_person_id = None
            session.flush()
            if contact.member is None:
                session.delete(contact)
        return
    if contact is None:
        contact = Person(first_name="", last_name="")
        session.add(contact)
    contact.first_name, contact.last_name = details.contact_first_name, details.contact_last_name
    contact.phone, contact.email = details.contact_phone, details.contact_email
    session.flush()
    venue.contact_person_id = contact.id


def create_venue(session: Session, details: VenueDetails) -> int:
    details = _checked_venue(details)
    venue = Venue(
        name=details.name, street=details.street, house_number=details.house_number,
        postcode=details.postcode, town=details.town, phone=details.phone,
        email=details.email, notes=details.notes,
    )  # fmt: skip
    session.add(venue)
    session.flush()
    _set_contact(session, venue, details)
    audit.note(session, "new", _("New venue: {name}").format(name=details.name))
    session.flush()
    return venue.id


def update_venue(session: Session, venue_id: int, details: VenueDetails) -> None:
    details = _checked_venue(details)
    venue = session.get(Venue, venue_id)
    if venue is None:
        raise UserError(_("This venue no longer exists."))
    for name in ("name", "street", "house_number", "postcode", "town", "phone", "email",
                 "notes"):  # fmt: skip
        setattr(venue, name, getattr(details, name))
    _set_contact(session, venue, details)
    audit.note(session, "edit", _("Venue changed: {name}").format(name=details.name))
    session.flush()


def delete_venue(session: Session, venue_id: int) -> None:
    """Only a venue without rooms: its rooms go first (and they only without bookings)."""
    venue = session.get(Venue, venue_id)
    if venue is None:
        raise UserError(_("This venue no longer exists."))
    if venue.rooms:
        raise UserError(_("{name} still has rooms; remove those first.").format(name=venue.name))
    _set_contact(session, venue, VenueDetails(venue.name))
    audit.note(session, "delete", _("Venue removed: {name}").format(name=venue.name), undoable=True)
    session.delete(venue)
    session.flush()


def _checked_room(details: RoomDetails) -> RoomDetails:
    problems = rules.validate_room(details)
    if problems:
        raise ValidationFailed(problems)
    return replace(details, name=_clean(details.name), notes=details.notes.strip())


def _fill_room(room: Room, details: RoomDetails) -> None:
    room.name, room.capacity = details.name, details.capacity
    room.hourly_rate = details.hourly_rate.cents if details.hourly_rate is not None else None
    room.fixed_rate = details.fixed_rate.cents if details.fixed_rate is not None else None
    for key in rules.FACILITIES:
        setattr(room, key, key in details.facilities)
    room.buffer_before, room.buffer_after = details.buffer_before, details.buffer_after
    room.notes = details.notes


def create_room(session: Session, venue_id: int, details: RoomDetails) -> int:
    details = _checked_room(details)
    venue = session.get(Venue, venue_id)
    if venue is None:
        raise UserError(_("This venue no longer exists."))
    room = Room(venue_id=venue_id)
    _fill_room(room, details)
    session.add(room)
    session.flush()
    audit.note(
        session, "new", _("New room: {venue} – {room}").format(venue=venue.name, room=room.name)
    )
    return room.id


def update_room(
    session: Session, room_id: int, details: RoomDetails, *, accept_conflicts: bool = False
) -> None:
    """Change the room; bookings keep the cost they have. Longer set-up or clearing time
    that makes bookings overlap is refused with ConflictFound (unless accepted: then they
    are marked)."""
    # Imported here: the checks read bookings, whose module reads rooms through this one.
    from verenigingsbeheer.services import booking_checks
    from verenigingsbeheer.services.bookings import ConflictFound

    details = _checked_room(details)
    room = session.get(Room, room_id)
    if room is None:
        raise UserError(_("This room no longer exists."))

    def pairs() -> set[tuple[int, int]]:
        found = booking_checks.room_conflicts(session, room_id)
        return {(c.first.booking_id, c.second.booking_id) for c in found}

    before = pairs()
    _fill_room(room, details)
    session.flush()
    new = [c for c in booking_checks.room_conflicts(session, room_id)
           if (c.first.booking_id, c.second.booking_id) not in before]  # fmt: skip
    if new and not accept_conflicts:
        raise ConflictFound([row for c in new for row in (c.first, c.second)])
    for conflict in new:
        for row in (conflict.first, conflict.second):
            session.get(Booking, row.booking_id).conflict_accepted = True
    audit.note(
        session,
        "edit",
        _("Room changed: {venue} – {room}").format(venue=room.venue.name, room=room.name),
    )
    session.flush()


def delete_room(session: Session, room_id: int) -> None:
    room = session.get(Room, room_id)
    if room is None:
        raise UserError(_("This room no longer exists."))
    booked = session.execute(
        select(func.count()).select_from(Booking).where(Booking.room_id == room_id)
    ).scalar_one()
    if booked:
        raise UserError(
            ngettext(
                "{room} has {n} booking; the rent overview needs it, so the room stays.",
                "{room} has {n} bookings; the rent overview needs them, so the room stays.",
                booked,
            ).format(room=room.name, n=booked)
        )
    audit.note(
        session,
        "delete",
        _("Room removed: {venue} – {room}").format(venue=room.venue.name, room=room.name),
        undoable=True,
    )
    for series in session.execute(
        select(ActivitySeries).where(ActivitySeries.room_id == room_id)
    ).scalars():  # unlinked here, not by SQLite, so undo links the series again
        series.room_id = None
    session.flush()
    session.delete(room)
    session.flush()
