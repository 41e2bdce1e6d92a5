"""Activities: list them for the calendar and agenda, create, change, move, cancel.

Each function works inside the caller's transaction and checks the rules first. An activity
of a series that is changed on its own is marked `detached`, so later changes to the
series leave it alone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from verenigingsbeheer.db import audit
from verenigingsbeheer.db.models import (
    Activity,
    ActivitySection,
    Attendance,
    Booking,
    Room,
    Section,
    SeriesSkip,
    Venue,
    VolunteerHours,
)
from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.activities import ActivityDetails
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import format_date
from verenigingsbeheer.services import bookings


@dataclass(frozen=True)
class ActivityRow:
    """One line of the agenda or box of the calendar: plain values."""

    activity_id: int
    uid: str
    kind: str
    title: str
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    place: str
    section_ids: tuple[int, ...]  # empty: every section
    section_names: tuple[str, ...]
    public: bool
    audience: int | None
    notes: str
    cancelled: bool
    series_id: int | None
    detached: bool
    has_attendance: bool = False
    series_date: dt.date | None = None  # the day of the series it was made for
    room_id: int | None = None  # booked: `place` is the room ("De Regentes – Grote zaal")
    free_place: str = ""  # the place typed, for a place that is no known room

    @property
    def slot(self) -> dt.date:
        """The day of its series this occurrence stands for (its own day when moved)."""
        return self.series_date or self.date

    @property
    def kind_label(self) -> str:
        return rules.kind_label(self.kind)

    @property
    def sections_text(self) -> str:
        return ", ".join(self.section_names) if self.section_names else _("everyone")

    @property
    def details(self) -> ActivityDetails:
        return ActivityDetails(
            self.kind, self.title, self.date, self.start_time, self.end_time, self.free_place,
            self.section_ids, self.public, self.audience, self.notes,
        )  # fmt: skip


def _rows(session: Session, query) -> list[ActivityRow]:
    names = dict(session.execute(select(Section.id, Section.name)).all())
    order = {
        section_id: n
        for n, section_id in enumerate(
            session.execute(select(Section.id).order_by(Section.sort_order, Section.name)).scalars()
        )
    }
    recorded = exists().where(Attendance.activity_id == Activity.id)
    query = (
        query.add_columns(recorded, Booking.room_id, Venue.name, Room.name)
        .outerjoin(  # a booking the board cancelled is no place, unless the activity is off too
            Booking,
            and_(
                Booking.activity_id == Activity.id,
                or_(Booking.status != "cancelled", Activity.cancelled.is_(True)),
            ),
        )
        .outerjoin(Room, Room.id == Booking.room_id)
        .outerjoin(Venue, Venue.id == Room.venue_id)
        .options(selectinload(Activity.section_links))
    )
    rows = []
    for activity, has_attendance, room_id, venue, room in session.execute(query):
        ids = tuple(sorted((link.section_id for link in activity.section_links), key=order.get))
        rows.append(
            ActivityRow(
                activity.id,
                activity.uid,
                activity.kind,
                activity.title,
                activity.date,
                activity.start_time,
                activity.end_time,
                f"{venue} – {room}" if room_id is not None else activity.place,
                ids,
                tuple(names[i] for i in ids),
                activity.public,
                activity.audience,
                activity.notes,
                activity.cancelled,
                activity.series_id,
                activity.detached,
                bool(has_attendance),
                activity.series_date,
                room_id,
                activity.place,
            )  # fmt: skip
        )
    return rows


def list_activities(
    session: Session,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    kind: str | None = None,
    section_id: int | None = None,
    include_cancelled: bool = True,
) -> list[ActivityRow]:
    """Activities from `start` to `end` (both included), in time order. With `section_id`:
    those that section is expected at (all-section activities included)."""
    query = select(Activity).order_by(Activity.date, Activity.start_time, Activity.id)
    if start is not None:
        query = query.where(Activity.date >= start)
    if end is not None:
        query = query.where(Activity.date <= end)
    if kind is not None:
        query = query.where(Activity.kind == kind)
    if not include_cancelled:
        query = query.where(Activity.cancelled.is_(False))
    if section_id is not None:
        linked = select(ActivitySection.id).where(ActivitySection.activity_id == Activity.id)
        mine = linked.where(ActivitySection.section_id == section_id)
        query = query.where(or_(~exists(linked), exists(mine)))
    return _rows(session, query)


def get_activity(session: Session, activity_id: int) -> ActivityRow:
    rows = _rows(session, select(Activity).where(Activity.id == activity_id))
    if not rows:
        raise UserError(_("This activity no longer exists."))
    return rows[0]


def next_activities(session: Session, now: dt.datetime, count: int = 5) -> list[ActivityRow]:
    """The coming activities, the one under way included (the dashboard's list)."""
    query = (
        select(Activity)
        .where(
            Activity.cancelled.is_(False),
            or_(
                Activity.date > now.date(),
                (Activity.date == now.date()) & (Activity.end_time >= now.time()),
            ),
        )
        .order_by(Activity.date, Activity.start_time)
        .limit(count)
    )
    return _rows(session, query)


def known_places(session: Session) -> list[str]:
    """The places used before, to offer while typing a new one."""
    query = select(Activity.place).where(Activity.place != "").distinct().order_by(Activity.place)
    return list(session.execute(query).scalars())


def _checked(details: ActivityDetails) -> ActivityDetails:
    problems = rules.validate_activity(details)
    if problems:
        raise ValidationFailed(problems)
    audience = details.audience if details.kind == "performance" else None
    return replace(
        details,
        title=" ".join(details.title.split()),
        place=" ".join(details.place.split()),
        notes=details.notes.strip(),
        audience=audience,
    )


def _set_sections(activity: Activity, section_ids: tuple[int, ...]) -> None:
    wanted = set(section_ids)
    for link in list(activity.section_links):
        if link.section_id not in wanted:
            activity.section_links.remove(link)
    have = {link.section_id for link in activity.section_links}
    for section_id in sorted(wanted - have):
        activity.section_links.append(ActivitySection(section_id=section_id))


def _activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise UserError(_("This activity no longer exists."))
    return activity


def create_activity(
    session: Session, details: ActivityDetails, *, series_id: int | None = None
) -> int:
    details = _checked(details)
    activity = Activity(
        uid=str(uuid.uuid4()),
        series_id=series_id,
        series_date=details.date if series_id is not None else None,
        kind=details.kind,
        title=details.title,
        date=details.date,
        start_time=details.start_time,
        end_time=details.end_time,
        place=details.place,
        public=details.public,
        audience=details.audience,
        notes=details.notes,
    )
    _set_sections(activity, details.section_ids)
    session.add(activity)
    session.flush()
    if series_id is None:
        audit.note(
            session,
            "new",
            _("New activity: {title} on {date}").format(
                title=details.title, date=format_date(details.date, "medium")
            ),
        )
    return activity.id


KEEP_ROOM = object()  # update_activity: the room stays as it is


def update_activity(
    session: Session,
    activity_id: int,
    details: ActivityDetails,
    *,
    room: int | None | object = KEEP_ROOM,
    accept_conflicts: bool = False,
) -> None:
    """Save the form; an activity of a series is from now on left alone by the series. Its
    room booking follows the new day and times, or with `room` moves to that room (None:
    no room); ConflictFound when the room is taken then, unless `accept_conflicts`."""
    details = _checked(details)
    activity = _activity(session, activity_id)
    for name in ("kind", "title", "date", "start_time", "end_time", "place", "public",
                 "audience", "notes"):  # fmt: skip
        setattr(activity, name, getattr(details, name))
    _set_sections(activity, details.section_ids)
    if activity.series_id is not None:
        activity.detached = True
    if room is KEEP_ROOM:
        bookings.follow(session, activity, accept_conflicts=accept_conflicts)
    else:
        bookings.place_activity(session, activity_id, room, accept_conflicts=accept_conflicts)
        activity.place = details.place if room is None else ""
    audit.note(
        session,
        "edit",
        _("Activity changed: {title} on {date}").format(
            title=details.title, date=format_date(details.date, "medium")
        ),
    )
    session.flush()


def move_activity(
    session: Session,
    activity_id: int,
    day: dt.date,
    start: dt.time,
    end: dt.time,
    *,
    accept_conflicts: bool = False,
) -> None:
    """Another day or time for one occurrence (its room booking moves along); the series
    goes on as it was."""
    row = get_activity(session, activity_id)
    update_activity(
        session,
        activity_id,
        replace(row.details, date=day, start_time=start, end_time=end),
        accept_conflicts=accept_conflicts,
    )


def cancel_activity(
    session: Session, activity_id: int, cancelled: bool = True, *, accept_conflicts: bool = False
) -> None:
    """Cancelled, not deleted: the calendar export says so, and it can be undone. Its room
    booking is cancelled too, and wanted again when it takes place after all."""
    activity = _activity(session, activity_id)
    activity.cancelled = cancelled
    if activity.series_id is not None:
        activity.detached = True
    bookings.follow(session, activity, accept_conflicts=accept_conflicts, status_follows=True)
    text = (
        _("Activity cancelled: {title} on {date}")
        if cancelled
        else _("Activity takes place after all: {title} on {date}")
    )
    audit.note(
        session,
        "cancel" if cancelled else "edit",
        text.format(title=activity.title, date=format_date(activity.date, "medium")),
        undoable=cancelled,
    )
    session.flush()


def delete_activity(session: Session, activity_id: int) -> None:
    """Only for a mistake: an activity with attendance recorded is cancelled instead. An
    occurrence of a series leaves its day marked, so changing the series later does not
    bring it back."""
    activity = _activity(session, activity_id)
    recorded = session.execute(
        select(func.count()).select_from(Attendance).where(Attendance.activity_id == activity_id)
    ).scalar_one()
    if recorded:
        raise UserError(
            _("Attendance has been recorded for this activity; cancel it instead of deleting.")
        )
    audit.note(
        session,
        "delete",
        _("Activity deleted: {title} on {date}").format(
            title=activity.title, date=format_date(activity.date, "medium")
        ),
        undoable=True,
    )
    for booking in session.execute(
        select(Booking).where(Booking.activity_id == activity_id)
    ).scalars():  # through the ORM, so undo brings it back with the activity
        bookings.let_go(session, booking)
    for hours in session.execute(
        select(VolunteerHours).where(VolunteerHours.activity_id == activity_id)
    ).scalars():  # the hours stay; unlinked here, not by SQLite, so undo links them again
        hours.activity_id = None
    session.flush()
    if activity.series_id is not None:
        slot = activity.series_date or activity.date
        known = select(SeriesSkip.id).where(
            SeriesSkip.series_id == activity.series_id, SeriesSkip.slot_date == slot
        )
        if session.execute(known).first() is None:
            session.add(SeriesSkip(series_id=activity.series_id, slot_date=slot))
    session.delete(activity)
    session.flush()
