"""The activities as an iCalendar file (RFC 5545) for the members' own calendar apps.

Plain rows in, bytes out: no Qt, no SQL. Every occurrence is a VEVENT of its own (no
RRULE), so a moved or cancelled rehearsal looks right in every app. The times are the
association's wall-clock times, written as stored with TZID=Europe/Amsterdam; the file
carries the matching VTIMEZONE, so no time-zone database is needed to write it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from verenigingsbeheer import __version__
from verenigingsbeheer.i18n import _
from verenigingsbeheer.outputs.tables import replace_file

TZID = "Europe/Amsterdam"
UID_DOMAIN = "verenigingsbeheer"


@dataclass(frozen=True)
class CalendarEvent:
    """One occurrence, as the calendar shows it. Never an availability or excuse reason."""

    uid: str  # from `event_uid`: the same in every export
    title: str
    kind: str  # the kind's label in the user's language, e.g. "Repetitie"
    day: dt.date
    start: dt.time  # wall-clock time in Europe/Amsterdam
    end: dt.time
    place: str = ""
    sections: str = ""  # who is expected, e.g. "Sopraan, Alt" or "iedereen"
    notes: str = ""
    cancelled: bool = False
    sequence: int = 0  # how often the activity was changed: apps take the newest
    last_modified: dt.datetime | None = None  # aware


def event_uid(activity_uid: str, file_uid: str) -> str:
    """Stable across exports; the file's own id keeps two associations' events apart."""
    return f"{activity_uid}-{file_uid}@{UID_DOMAIN}"


def amsterdam() -> Timezone:
    """Europe/Amsterdam as the EU rule since 1996 (last Sunday of March and October).

    Written as yearly rules rather than a list of dates: Outlook misreads a VTIMEZONE made
    of RDATE lists and shifts summer events by an hour. A test checks the rule against
    the time-zone database.
    """
    zone = Timezone()
    zone.add("tzid", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("dtstart", dt.datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def description(event: CalendarEvent) -> str:
    lines = [_("This activity is cancelled.")] if event.cancelled else []
    lines.append(_("Kind: {kind}").format(kind=event.kind))
    if event.sections:
        lines.append(_("For: {sections}").format(sections=event.sections))
    if event.notes.strip():
        lines += ["", event.notes.strip()]
    return "\n".join(lines)


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time.replace(tzinfo=None))


def _vevent(event: CalendarEvent, stamp: dt.datetime) -> Event:
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    # The wall-clock time as stored, with its zone: right on both sides of a switch.
    vevent.add("dtstart", _local(event.day, event.start), parameters={"TZID": TZID})
    vevent.add("dtend", _local(event.day, event.end), parameters={"TZID": TZID})
    summary = _("Cancelled: {title}").format(title=event.title) if event.cancelled else event.title
    vevent.add("summary", summary)
    if event.place:
        vevent.add("location", event.place)
    vevent.add("description", description(event))
    vevent.add("categories", [event.kind])
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    vevent.add("sequence", event.sequence)
    if event.last_modified is not None:
        vevent.add("last-modified", event.last_modified.astimezone(dt.UTC))
    return vevent


def calendar_bytes(
    name: str, events: Sequence[CalendarEvent], stamp: dt.datetime | None = None
) -> bytes:
    """The whole file; `name` is what apps show for the calendar (X-WR-CALNAME, NAME)."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", f"-//Verenigingsbeheer//Verenigingsbeheer {__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("x-wr-caldesc", _("Activities of {name}").format(name=name))
    calendar.add_component(amsterdam())
    for event in events:
        calendar.add_component(_vevent(event, stamp))
    return calendar.to_ical()


def write_calendar(
    path: Path, name: str, events: Sequence[CalendarEvent], stamp: dt.datetime | None = None
) -> None:
    """Write the file whole or not at all (a UserError in the user's language)."""
    replace_file(Path(path), calendar_bytes(name, events, stamp))
