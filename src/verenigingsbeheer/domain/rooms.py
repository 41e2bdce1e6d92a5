"""Venues, rooms and bookings as plain values, with their rules: what a room costs for a
booking, when two bookings of one room are in each other's way, what a form may hold.

A room is taken from its booking's start minus the set-up buffer until its end plus the
clearing buffer. Two bookings conflict when those spans overlap; an end that meets the
next start is no conflict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.i18n import N_, _

STATUSES = {"option": N_("option"), "confirmed": N_("confirmed"), "cancelled": N_("cancelled")}
# Facilities a board looks for in a room; each a yes/no on the room.
FACILITIES = {
    "piano": N_("Piano"),
    "stage": N_("Stage"),
    "mirror_wall": N_("Mirror wall"),
    "step_free": N_("Step-free access"),
}
MAX_BUFFER_MINUTES = 240


@dataclass(frozen=True)
class VenueDetails:
    """What the venue form edits. The contact is a person of their own (name, phone,
    e-mail), kept under the privacy rules like any other person."""

    name: str
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    town: str = ""
    phone: str = ""
    email: str = ""
    contact_first_name: str = ""
    contact_last_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    notes: str = ""

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_first_name.strip() or self.contact_last_name.strip())


@dataclass(frozen=True)
class RoomDetails:
    """What the room form edits; rates in cents, None where the venue asks none."""

    name: str
    capacity: int | None = None
    hourly_rate: Money | None = None
    fixed_rate: Money | None = None
    facilities: frozenset[str] = frozenset()
    buffer_before: int = 0  # minutes to set up before a booking
    buffer_after: int = 0  # minutes to clear the room after it
    notes: str = ""


@dataclass(frozen=True)
class Span:
    """The time a booking takes the room, buffers included."""

    day: dt.date
    start: dt.datetime
    end: dt.datetime

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def span(day: dt.date, start: dt.time, end: dt.time, before: int = 0, after: int = 0) -> Span:
    begin = dt.datetime.combine(day, start) - dt.timedelta(minutes=before)
    finish = dt.datetime.combine(day, end) + dt.timedelta(minutes=after)
    return Span(day, begin, finish)


def cost(room: RoomDetails, start: dt.time, end: dt.time) -> Money:
    """The fixed rate plus the hourly rate for the booked time (set-up buffers are not
    charged), rounded half up to whole cents once."""
    total = room.fixed_rate or Money(0)
    if room.hourly_rate:
        minutes = (dt.datetime.combine(dt.date.min, end)
                   - dt.datetime.combine(dt.date.min, start)).seconds // 60  # fmt: skip
        total = total + room.hourly_rate * (Decimal(minutes) / 60)
    return total


def validate_venue(details: VenueDetails) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not details.name.strip():
        problems["name"] = _("Enter the name of the venue.")
    elif len(details.name.strip()) > 200:
        problems["name"] = _("At most {n} characters.").format(n=200)
    if details.has_contact and not details.contact_last_name.strip():
        problems["contact_last_name"] = _("Enter the contact person's last name.")
    return problems


def validate_room(details: RoomDetails) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not details.name.strip():
        problems["name"] = _("Enter the name of the room, e.g. Grote zaal.")
    elif len(details.name.strip()) > 100:
        problems["name"] = _("At most {n} characters.").format(n=100)
    if details.capacity is not None and details.capacity < 0:
        problems["capacity"] = _("The capacity cannot be negative.")
    for key, rate in (("hourly_rate", details.hourly_rate), ("fixed_rate", details.fixed_rate)):
        if rate is not None and rate.cents < 0:
            problems[key] = _("A rate cannot be negative.")
    for key, minutes in (("buffer_before", details.buffer_before),
                         ("buffer_after", details.buffer_after)):  # fmt: skip
        if not 0 <= minutes <= MAX_BUFFER_MINUTES:
            problems[key] = _("Between 0 and {n} minutes.").format(n=MAX_BUFFER_MINUTES)
    unknown = set(details.facilities) - set(FACILITIES)
    if unknown:
        problems["facilities"] = _("Unknown facility: {name}").format(name=sorted(unknown)[0])
    return problems


def validate_booking(
    start: dt.time, end: dt.time, status: str, agreed: Money | None, purpose: str = ""
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if end <= start:
        problems["end_time"] = _("The end lies before the start.")
    if status not in STATUSES:
        problems["status"] = _("Choose option, confirmed or cancelled.")
    if agreed is not None and agreed.cents < 0:
        problems["cost"] = _("The cost cannot be negative.")
    if len(purpose.strip()) > 200:
        problems["purpose"] = _("At most {n} characters.").format(n=200)
    return problems


def status_label(status: str) -> str:
    return _(STATUSES.get(status, status))
