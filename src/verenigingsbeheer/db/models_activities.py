"""Rehearsals, performances and other activities; the series that generate them; who is
expected, who said they would come, and who came.

Dates and times are the association's own wall-clock times (Europe/Amsterdam), kept as a
local date with start and end times: a rehearsal at 20:00 stays at 20:00 across the
summer-time switch. Link tables have their own id, like every table, so the audit log and
undo see each row.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from verenigingsbeheer.db.base import Base

KIND_CHECK = "kind IN ('rehearsal', 'sectional', 'performance', 'workshop', 'meeting', 'other')"


class ActivitySeries(Base):
    """ "Every Tuesday 20:00-22:15 from 1 September to 30 June": the rule behind a season's
    rehearsals. Its activities are rows of their own, so one can move or be cancelled."""

    __tablename__ = "activity_series"
    __table_args__ = (
        CheckConstraint(KIND_CHECK, name="kind"),
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("interval_weeks IN (1, 2)", name="interval"),
        CheckConstraint("last_date >= first_date", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="rehearsal")
    title: Mapped[str] = mapped_column(String(200))
    weekday: Mapped[int] = mapped_column(Integer)  # Monday 0 ... Sunday 6
    interval_weeks: Mapped[int] = mapped_column(Integer, default=1)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    first_date: Mapped[dt.date] = mapped_column(Date)
    last_date: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    # The room its occurrences are booked in (new ones too), when it is a known room.
    room_id: Mapped[int | None] = mapped_column(
        ForeignKey("rooms.id", ondelete="SET NULL"), default=None
    )
    skip_public_holidays: Mapped[bool] = mapped_column(Boolean, default=True)
    skip_school_holidays: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    section_links: Mapped[list[SeriesSection]] = relationship(cascade="all, delete-orphan")


class SeriesSkip(Base):
    """A day of a series whose occurrence was deleted on its own: changing the series later
    does not bring it back."""

    __tablename__ = "series_skips"
    __table_args__ = (UniqueConstraint("series_id", "slot_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("activity_series.id", ondelete="CASCADE"))
    slot_date: Mapped[dt.date] = mapped_column(Date)


class SeriesSection(Base):
    __tablename__ = "series_sections"
    __table_args__ = (UniqueConstraint("series_id", "section_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Looked up through the unique (series, section) index: no index of its own.
    series_id: Mapped[int] = mapped_column(ForeignKey("activity_series.id", ondelete="CASCADE"))
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))


class Activity(Base):
    """One rehearsal, concert, workshop or meeting; expects all sections, or only those linked."""

    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint(KIND_CHECK, name="kind"),
        CheckConstraint("end_time > start_time", name="times"),
        CheckConstraint("audience IS NULL OR audience >= 0", name="audience"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stays the same for ever: the calendar export's UID is made from it.
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity_series.id", ondelete="SET NULL"), index=True, default=None
    )
    kind: Mapped[str] = mapped_column(String(20), default="rehearsal")
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    # The day of the series it was made for; moving it changes `date`, never this, so a
    # later change of the series knows which occurrence is which.
    series_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), default="")
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    audience: Mapped[int | None] = mapped_column(Integer, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    # Moved or changed on its own: later changes to the series leave it as it is.
    detached: Mapped[bool] = mapped_column(Boolean, default=False)

    section_links: Mapped[list[ActivitySection]] = relationship(cascade="all, delete-orphan")
    availability: Mapped[list[Availability]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )


class ActivitySection(Base):
    __tablename__ = "activity_sections"
    __table_args__ = (UniqueConstraint("activity_id", "section_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Looked up through the unique (activity, section) index: no index of its own.
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))


class Availability(Base):
    """Before an activity: will the member come? An excuse may carry a reason, which can be
    health data: never printed, and wiped when the person is anonymised."""

    __tablename__ = "availability"
    __table_args__ = (
        UniqueConstraint("activity_id", "member_id"),
        CheckConstraint("status IN ('unknown', 'signed_up', 'excused')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Looked up through the unique (activity, member) index: no index of its own.
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="unknown")
    reason: Mapped[str] = mapped_column(String(300), default="")

    activity: Mapped[Activity] = relationship(back_populates="availability")


class Attendance(Base):
    """After an activity: present, absent, excused or late (kept apart from availability)."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("activity_id", "member_id"),
        CheckConstraint("status IN ('present', 'absent', 'excused', 'late')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Looked up through the unique (activity, member) index: no index of its own.
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(300), default="")

    activity: Mapped[Activity] = relationship(back_populates="attendance")


class SchoolHoliday(Base):
    """A school holiday of the association's region (The Hague: regio midden), shipped for
    the coming years and editable: a series may skip them."""

    __tablename__ = "school_holidays"
    __table_args__ = (CheckConstraint("last_day >= first_day", name="dates"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
