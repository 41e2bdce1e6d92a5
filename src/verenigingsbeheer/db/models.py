"""The tables, as typed SQLAlchemy 2 models. Later areas add theirs by migration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from verenigingsbeheer.db.base import Base


class Association(Base):
    """The one association this file belongs to (exactly one row)."""

    __tablename__ = "association"
    __table_args__ = (
        CheckConstraint("financial_year_start_month BETWEEN 1 AND 12", name="fy_month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Identifies this file in exported calendars and backups; never changes.
    file_uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="NL")
    kvk_number: Mapped[str] = mapped_column(String(8), default="")
    iban: Mapped[str] = mapped_column(String(34), default="")
    creditor_id: Mapped[str] = mapped_column(String(35), default="")
    financial_year_start_month: Mapped[int] = mapped_column(Integer, default=1)
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())


class Person(Base):
    """Anyone the association keeps data of: members, volunteers, contacts."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    tussenvoegsel: Mapped[str] = mapped_column(String(30), default="")
    last_name: Mapped[str] = mapped_column(String(100))
    initials: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

    member: Mapped[Member | None] = relationship(back_populates="person")


class Section(Base):
    """A voice part, instrument group or team; configurable per association."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Member(Base):
    """A person with a member number; membership itself lives in periods."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), unique=True
    )
    member_number: Mapped[int] = mapped_column(Integer, unique=True)
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="SET NULL"), index=True, default=None
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="member")
    section: Mapped[Section | None] = relationship()
    periods: Mapped[list[MembershipPeriod]] = relationship(
        back_populates="member",
        cascade="all, delete-orphan",
        order_by="MembershipPeriod.start_date",
    )
    functions: Mapped[list[BoardFunction]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="BoardFunction.start_date"
    )


class MembershipPeriod(Base):
    """From joining to leaving; someone who comes back gets a second period."""

    __tablename__ = "membership_periods"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    end_reason: Mapped[str] = mapped_column(String(200), default="")

    member: Mapped[Member] = relationship(back_populates="periods")


class BoardFunction(Base):
    """A board or committee function held by a member, with dates."""

    __tablename__ = "board_functions"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, default=None)

    member: Mapped[Member] = relationship(back_populates="functions")
