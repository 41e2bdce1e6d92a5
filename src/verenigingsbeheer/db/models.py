"""The tables, as typed SQLAlchemy 2 models. Later areas add theirs by migration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
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
    # The highest member number ever given out: numbers are never reused.
    last_member_number: Mapped[int] = mapped_column(
        Integer, default=0, server_default="0", info={"undo": False}
    )
    # Former members are anonymised this many years after they left (AVG retention).
    retention_years: Mapped[int] = mapped_column(Integer, default=2, server_default="2")


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
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date, default=None)
    # A structured address, as SEPA requires from November 2026.
    street: Mapped[str] = mapped_column(String(200), default="", server_default="")
    house_number: Mapped[str] = mapped_column(String(10), default="", server_default="")
    house_number_addition: Mapped[str] = mapped_column(String(10), default="", server_default="")
    postcode: Mapped[str] = mapped_column(String(20), default="", server_default="")
    town: Mapped[str] = mapped_column(String(100), default="", server_default="")
    country: Mapped[str] = mapped_column(String(2), default="NL", server_default="NL")
    # Set when the person is anonymised; only the birth year and the postcode's digits stay.
    anonymised_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    birth_year: Mapped[int | None] = mapped_column(Integer, default=None)

    member: Mapped[Member | None] = relationship(back_populates="person")


class Section(Base):
    """A voice part, instrument group or team; configurable per association."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class MembershipType(Base):
    """Regular, youth, student, donor, honorary ...; configurable per association."""

    __tablename__ = "membership_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Household(Base):
    """Members at one address; one of them pays (family discount comes with finance)."""

    __tablename__ = "households"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")


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
    membership_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("membership_types.id", ondelete="SET NULL"), index=True, default=None
    )
    iban: Mapped[str] = mapped_column(String(34), default="", server_default="")
    mandate_reference: Mapped[str] = mapped_column(String(35), default="", server_default="")
    mandate_signed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    # The Hague's pass for residents with a low income.
    ooievaarspas: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    ooievaarspas_number: Mapped[str] = mapped_column(String(30), default="", server_default="")
    ooievaarspas_valid_until: Mapped[dt.date | None] = mapped_column(Date, default=None)
    emergency_contact: Mapped[str] = mapped_column(String(200), default="", server_default="")
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL"), index=True, default=None
    )
    pays_for_household: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    person: Mapped[Person] = relationship(back_populates="member")
    section: Mapped[Section | None] = relationship()
    membership_type: Mapped[MembershipType | None] = relationship()
    household: Mapped[Household | None] = relationship()
    consents: Mapped[list[Consent]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="Consent.kind"
    )
    periods: Mapped[list[MembershipPeriod]] = relationship(
        back_populates="member",
        cascade="all, delete-orphan",
        order_by="MembershipPeriod.start_date",
    )
    functions: Mapped[list[BoardFunction]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="BoardFunction.start_date"
    )
    # Through the ORM (not only ON DELETE CASCADE), so deleting a member is logged row by
    # row and can be undone.
    availability: Mapped[list[Availability]] = relationship(cascade="all, delete-orphan")
    attendance: Mapped[list[Attendance]] = relationship(cascade="all, delete-orphan")


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
    notice_given_on: Mapped[dt.date | None] = mapped_column(Date, default=None)

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
    # Empty for the board itself, else the committee's name ("Muziekcommissie").
    committee: Mapped[str] = mapped_column(String(100), default="", server_default="")

    member: Mapped[Member] = relationship(back_populates="functions")


class Consent(Base):
    """Permission for photos/video, the newsletter or the alumni list, with its date.

    For members under 16 a parent gives it; their name is kept.
    """

    __tablename__ = "consents"
    __table_args__ = (
        CheckConstraint("kind IN ('photos', 'newsletter', 'alumni')", name="kind"),
        UniqueConstraint("member_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    given_on: Mapped[dt.date] = mapped_column(Date)
    given_by_parent: Mapped[str] = mapped_column(String(200), default="")

    member: Mapped[Member] = relationship(back_populates="consents")


class AuditAction(Base):
    """One user action (one transaction) in the audit log: who did what, and when.

    The description names the kind of action, never a person: names live only in the
    entries' values, which anonymisation wipes.
    """

    __tablename__ = "audit_actions"
    __table_args__ = {"info": {"audit": False}}

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    who: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(30), default="edit")
    description: Mapped[str] = mapped_column(String(300), default="")
    undoable: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set on an undo: the action it undid (whose changes it reversed).
    undoes_id: Mapped[int | None] = mapped_column(
        ForeignKey("audit_actions.id", ondelete="SET NULL"), default=None
    )


class AuditEntry(Base):
    """One row changed by an action: the table, the row and its values before and after."""

    __tablename__ = "audit_entries"
    __table_args__ = (
        CheckConstraint("operation IN ('insert', 'update', 'delete')", name="operation"),
        {"info": {"audit": False}},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("audit_actions.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[int] = mapped_column(Integer)
    operation: Mapped[str] = mapped_column(String(6))
    # JSON objects of attribute -> value; NULL when wiped by anonymisation.
    old_values: Mapped[str | None] = mapped_column(Text, default=None)
    new_values: Mapped[str | None] = mapped_column(Text, default=None)
    # The person the row is about (no foreign key: the person may be deleted since).
    person_id: Mapped[int | None] = mapped_column(Integer, index=True, default=None)


class ProcessingActivity(Base):
    """One line of the processing register (art. 30 AVG): what personal data the association
    processes, why, about whom, who sees it, how long it is kept and how it is protected."""

    __tablename__ = "processing_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[str] = mapped_column(Text, default="")
    legal_basis: Mapped[str] = mapped_column(String(200), default="")
    data_subjects: Mapped[str] = mapped_column(Text, default="")
    data_categories: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[str] = mapped_column(Text, default="")
    retention: Mapped[str] = mapped_column(Text, default="")
    security: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


# The activity tables live in their own module; importing it here registers them with
# every user of the models (migrations, the audit log, the person's data).
from verenigingsbeheer.db.models_activities import (  # noqa: E402
    Activity,
    ActivitySection,
    ActivitySeries,
    Attendance,
    Availability,
    SchoolHoliday,
    SeriesSection,
    SeriesSkip,
)
from verenigingsbeheer.db.models_rooms import Booking, Room, Venue  # noqa: E402
from verenigingsbeheer.db.models_volunteers import (  # noqa: E402
    Allowance,
    AllowanceLimits,
    Volunteer,
    VolunteerHours,
    VolunteerTask,
)

__all__ = [
    "Activity",
    "Allowance",
    "AllowanceLimits",
    "ActivitySection",
    "ActivitySeries",
    "Association",
    "Attendance",
    "AuditAction",
    "AuditEntry",
    "Availability",
    "BoardFunction",
    "Booking",
    "Consent",
    "Household",
    "Member",
    "MembershipPeriod",
    "MembershipType",
    "Person",
    "ProcessingActivity",
    "Room",
    "SchoolHoliday",
    "Section",
    "SeriesSection",
    "SeriesSkip",
    "Venue",
    "Volunteer",
    "VolunteerHours",
    "VolunteerTask",
]
