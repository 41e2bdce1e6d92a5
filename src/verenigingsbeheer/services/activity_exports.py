"""The activities as an iCalendar file: read them, hand plain rows to outputs.ical.

For the window's export button and the CLI's `ical` command alike; both only read. The
icalendar library (0.1 s to import) is loaded only when a file is made.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Activity, AuditAction, AuditEntry
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import association, categories
from verenigingsbeheer.services.activities import list_activities

if TYPE_CHECKING:
    from verenigingsbeheer.outputs.ical import CalendarEvent


def section_id_by_name(session: Session, name: str) -> int:
    """The section called `name` (case ignored), or a UserError naming the sections."""
    sections = categories.list_categories(session, "section")
    for section in sections:
        if section.name.casefold() == name.strip().casefold():
            return section.id
    raise UserError(
        _("Unknown section '{name}'; choose from: {names}.").format(
            name=name, names=", ".join(section.name for section in sections) or "-"
        )
    )


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    """Both ends or neither, and not backwards: a clear refusal instead of an empty file."""
    if (start is None) != (end is None):
        raise UserError(_("Fill in both days of the period."))
    if start is not None and end is not None and end < start:
        raise UserError(_("The end lies before the start."))


def _revisions(session: Session) -> dict[int, tuple[int, dt.datetime]]:
    """activity id -> (times changed, last change) from the audit log, so calendar apps
    that import the file again take a moved or cancelled occurrence as the newer one."""
    changes = func.sum(case((AuditEntry.operation == "update", 1), else_=0))
    query = (
        select(AuditEntry.row_id, changes, func.max(AuditAction.at))
        .join(AuditAction, AuditAction.id == AuditEntry.action_id)
        .where(AuditEntry.table_name == Activity.__tablename__)
        .group_by(AuditEntry.row_id)
    )
    return {row_id: (int(count or 0), at) for row_id, count, at in session.execute(query)}


def calendar_events(
    session: Session,
    *,
    section_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[CalendarEvent]:
    """The occurrences as calendar events, cancelled ones included (apps must hear of it)."""
    from verenigingsbeheer.outputs.ical import CalendarEvent, event_uid

    check_period(start, end)
    file_uid = association.file_uid(session)
    revisions = _revisions(session)
    events = []
    for row in list_activities(session, start, end, section_id=section_id):
        changed, at = revisions.get(row.activity_id, (0, None))
        events.append(
            CalendarEvent(
                uid=event_uid(row.uid, file_uid),
                title=row.title,
                kind=row.kind_label,
                day=row.date,
                start=row.start_time,
                end=row.end_time,
                place=row.place,
                sections=row.sections_text,
                notes=row.notes,
                cancelled=row.cancelled,
                sequence=changed,
                last_modified=at.astimezone() if at is not None else None,
            )
        )
    return events


def calendar_name(session: Session, section_id: int | None = None) -> str:
    """The association's name; with a section, "Koor – Tenor"."""
    name = association.get_details(session).name
    if section_id is None:
        return name
    names = {s.id: s.name for s in categories.list_categories(session, "section")}
    if section_id not in names:
        raise UserError(_("This section no longer exists."))
    return f"{name} – {names[section_id]}"


def write_ical(
    session: Session,
    path: Path,
    *,
    section_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Write the activities (of one section, all-section ones included; in a period, or
    all of them) as an .ics file; returns the number of events."""
    from verenigingsbeheer.outputs.ical import write_calendar

    name = calendar_name(session, section_id)
    events = calendar_events(session, section_id=section_id, start=start, end=end)
    write_calendar(path, name, events, now)
    return len(events)
