"""Venues, their rooms, and the bookings of those rooms.

A booking is an activity's place (one source of truth: the activity's free-text place is
only for places that are no known room) or a room hired for another purpose. Amounts are
whole euro cents. Times are the association's wall-clock times, like the activities'.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from verenigingsbeheer.db.base import Base


class Venue(Base):
    """A building the association rehearses or performs in, with its contact person."""

    __tablename__ = "venues"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    # The venue's contact: a person of their own, so the privacy rules cover them.
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), default=None
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    rooms: Mapped[list[Room]] = relationship(back_populates="venue")


class Room(Base):
    """A hall or room of a venue: how many it holds, what it costs, what it has."""

    __tablename__ = "rooms"
    __table_args__ = (
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity"),
        CheckConstraint("hourly_rate IS NULL OR hourly_rate >= 0", name="hourly_rate"),
        CheckConstraint("fixed_rate IS NULL OR fixed_rate >= 0", name="fixed_rate"),
        CheckConstraint("buffer_before BETWEEN 0 AND 240", name="buffer_before"),
        CheckConstraint("buffer_after BETWEEN 0 AND 240", name="buffer_after"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venues.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    capacity: Mapped[int | None] = mapped_column(Integer, default=None)
    hourly_rate: Mapped[int | None] = mapped_column(Integer, default=None)  # cents
    fixed_rate: Mapped[int | None] = mapped_column(Integer, default=None)  # cents a booking
    piano: Mapped[bool] = mapped_column(Boolean, default=False)
    stage: Mapped[bool] = mapped_column(Boolean, default=False)
    mirror_wall: Mapped[bool] = mapped_column(Boolean, default=False)
    step_free: Mapped[bool] = mapped_column(Boolean, default=False)
    buffer_before: Mapped[int] = mapped_column(Integer, default=0)  # minutes
    buffer_after: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    venue: Mapped[Venue] = relationship(back_populates="rooms")


class Booking(Base):
    """A room taken for a time: for an activity (its place) or another purpose."""

    __tablename__ = "bookings"
    __table_args__ = (
        CheckConstraint("end_time > start_time", name="times"),
        CheckConstraint("status IN ('option', 'confirmed', 'cancelled')", name="status"),
        CheckConstraint("cost >= 0", name="cost"),
        # Conflicts are looked for per room and day; the rent overview per period.
        Index("ix_bookings_room_id_date", "room_id", "date"),
        Index("ix_bookings_date", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="RESTRICT"))
    # One booking per activity; deleting the activity deletes its booking.
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), unique=True, default=None
    )
    purpose: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    status: Mapped[str] = mapped_column(String(10), default="confirmed")
    cost: Mapped[int] = mapped_column(Integer, default=0)  # the agreed cost, cents
    # True once the board typed its own amount: later changes leave it as it is.
    cost_agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    invoiced: Mapped[bool] = mapped_column(Boolean, default=False)
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    # Saved although it overlaps another booking of the room (two groups share a hall).
    conflict_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
