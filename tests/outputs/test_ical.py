"""The iCalendar file from plain rows, read back with the icalendar library."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

from dateutil.tz import tzical
from icalendar import Calendar

from verenigingsbeheer.outputs.ical import CalendarEvent, amsterdam, calendar_bytes, event_uid

D, T = dt.date, dt.time
STAMP = dt.datetime(2026, 11, 3, 9, 30, tzinfo=dt.UTC)


def events_of(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_the_time_zone_in_the_file_agrees_with_the_time_zone_database():
    """The yearly rule written in the file, against tzdata, hour by hour around every switch
    and on the first of every month, from 1996 (the EU rule) to 2037."""
    # Read by another program (dateutil) from the VTIMEZONE itself, not looked up by name.
    own = tzical(io.StringIO(amsterdam().to_ical().decode())).get("Europe/Amsterdam")
    database = ZoneInfo("Europe/Amsterdam")
    moments = []
    for year in range(1996, 2038):
        for month in range(1, 13):
            moments.append(dt.datetime(year, month, 1, 12, tzinfo=dt.UTC))
        for month in (3, 10):
            start = dt.datetime(year, month, 24, tzinfo=dt.UTC)
            moments += [start + dt.timedelta(hours=h) for h in range(8 * 24)]
    wrong = [
        m for m in moments if m.astimezone(own).utcoffset() != m.astimezone(database).utcoffset()
    ]
    assert wrong == []


def test_an_event_carries_its_wall_clock_time_with_the_zone_and_what_it_is():
    event = CalendarEvent(
        uid=event_uid("act-1", "file-9"),
        title="Kerstconcert",
        kind="Uitvoering",
        day=D(2026, 12, 19),
        start=T(15),
        end=T(17, 30),
        place="Kloosterkerk, Den Haag",
        sections="Tenor, Bas",
        notes="Concertkleding: zwart",
        sequence=2,
        last_modified=dt.datetime(2026, 11, 1, 10, tzinfo=dt.UTC),
    )
    data = calendar_bytes("Haags Gemengd Koor", [event], STAMP)
    calendar = Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == "Haags Gemengd Koor"
    assert "Verenigingsbeheer" in str(calendar["PRODID"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    (vevent,) = events_of(data)
    assert str(vevent["UID"]) == "act-1-file-9@verenigingsbeheer"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert b"DTSTART;TZID=Europe/Amsterdam:20261219T150000" in data
    assert vevent.decoded("DTEND").astimezone(dt.UTC) == dt.datetime(2026, 12, 19, 16, 30,
                                                                      tzinfo=dt.UTC)  # fmt: skip
    assert str(vevent["SUMMARY"]) == "Kerstconcert"
    assert str(vevent["LOCATION"]) == "Kloosterkerk, Den Haag"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["CATEGORIES"].cats == ["Uitvoering"]
    assert vevent.decoded("DTSTAMP") == STAMP and int(vevent["SEQUENCE"]) == 2
    description = str(vevent["DESCRIPTION"])
    assert "Uitvoering" in description and "Tenor, Bas" in description
    assert "Concertkleding: zwart" in description


def test_a_cancelled_occurrence_says_so_in_status_summary_and_description():
    event = CalendarEvent("u@x", "Repetitie", "Repetitie", D(2026, 11, 10), T(20), T(22),
                          cancelled=True)  # fmt: skip
    (vevent,) = events_of(calendar_bytes("Koor", [event], STAMP))
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["SUMMARY"]) == "Vervalt: Repetitie"
    assert str(vevent["DESCRIPTION"]).startswith("Deze activiteit vervalt.")


def test_an_empty_calendar_is_still_a_valid_file():
    calendar = Calendar.from_ical(calendar_bytes("Koor", [], STAMP))
    assert calendar.walk("VEVENT") == [] and len(calendar.walk("VTIMEZONE")) == 1
