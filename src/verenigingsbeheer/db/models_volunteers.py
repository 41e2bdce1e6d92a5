"""Volunteer work: the tasks (each with what an hour of it is worth), who helped when and
how long, the allowances paid (vrijwilligersvergoeding), and the tax-free limits per year.

Volunteers are persons: members, or people who are no member (parents, friends), who are
registered as volunteers so the privacy rules cover them. Amounts are whole cents; time
is kept in minutes, entered in quarters of an hour.
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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from verenigingsbeheer.db.base import Base


class VolunteerTask(Base):
    """Bar, set building, ticket sales ...: configurable, with the value of an hour of it
    (what the subsidy budget counts volunteer work at)."""

    __tablename__ = "volunteer_tasks"
    __table_args__ = (CheckConstraint("hourly_value >= 0", name="hourly_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    hourly_value: Mapped[int] = mapped_column(Integer, default=0)  # cents
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Volunteer(Base):
    """A person registered as volunteer who is no member (members need no registration)."""

    __tablename__ = "volunteers"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), unique=True
    )
    since: Mapped[dt.date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")


class VolunteerHours(Base):
    """Who helped with what, on which day, how long (minutes, in quarters)."""

    __tablename__ = "volunteer_hours"
    __table_args__ = (
        CheckConstraint("minutes > 0 AND minutes <= 1440 AND minutes % 15 = 0", name="minutes"),
        Index("ix_volunteer_hours_date", "date"),
        Index("ix_volunteer_hours_person_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="RESTRICT"))
    date: Mapped[dt.date] = mapped_column(Date)
    task_id: Mapped[int] = mapped_column(ForeignKey("volunteer_tasks.id", ondelete="RESTRICT"))
    minutes: Mapped[int] = mapped_column(Integer)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL"), default=None
    )
    note: Mapped[str] = mapped_column(String(300), default="")


class Allowance(Base):
    """A volunteer allowance paid: how much, on which day, for which period, and whether
    it was agreed per hour (then the hourly limit applies too)."""

    __tablename__ = "allowances"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount"),
        CheckConstraint("last_day >= first_day", name="period"),
        CheckConstraint("hourly_rate IS NULL OR hourly_rate >= 0", name="hourly_rate"),
        Index("ix_allowances_person_id", "person_id"),
        {"info": {"financial": True}},  # money paid: the person's records must stay
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="RESTRICT"))
    paid_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)  # cents
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
    hourly_rate: Mapped[int | None] = mapped_column(Integer, default=None)  # cents; None: fixed
    # Saved knowing it goes over a limit (then the whole allowance is taxable).
    over_limit_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(String(300), default="")


class AllowanceLimits(Base):
    """The tax-free limits of one calendar year, with where they come from."""

    __tablename__ = "allowance_limits"
    __table_args__ = (UniqueConstraint("year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    hourly_adult: Mapped[int] = mapped_column(Integer)  # cents, 21 and over
    hourly_young: Mapped[int] = mapped_column(Integer)  # cents, under 21
    monthly: Mapped[int] = mapped_column(Integer)
    yearly: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300), default="")
