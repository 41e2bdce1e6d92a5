"""The calendar export of a real file, read back with the icalendar library."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from dateutil.tz import tzical
from icalendar import Calendar

from tests.season_data import CANCELLED, MOVED_FROM, MOVED_TO, SECRET_REASONS, make_season
from verenigingsbeheer.db.opening import open_database
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.services import activities, activity_exports, association

D, T = dt.date, dt.time


@pytest.fixture
def season(tmp_path: Path):
    made = make_season(tmp_path / "koor.sqlite")
    yield made
    made.database.close()


def export(database, path: Path, **choices) -> tuple[int, bytes]:
    with database.reading() as session:
        n = activity_exports.write_ical(session, path, **choices)
    return n, path.read_bytes()


def events(data: bytes) -> dict[dt.date, object]:
    found = {}
    for vevent in Calendar.from_ical(data).walk("VEVENT"):
        found[vevent.decoded("DTSTART").date()] = vevent
    return found


def test_one_event_per_occurrence_with_uids_that_stay_the_same(season, tmp_path: Path):
    n, first = export(season.database, tmp_path / "a.ics")
    again, second = export(season.database, tmp_path / "b.ics")
    with season.database.reading() as session:
        file_uid = association.file_uid(session)
        rows = activities.list_activities(session)
    assert n == again == len(rows) == len(season.by_date) == 45
    uids = [str(e["UID"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 45
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(second).walk("VEVENT")]
    assert all(uid.endswith(f"-{file_uid}@verenigingsbeheer") for uid in uids)
    assert {f"{row.uid}-{file_uid}@verenigingsbeheer" for row in rows} == set(uids)
    assert b"RRULE" not in first.split(b"END:VTIMEZONE")[1]  # occurrences, never a rule
    assert str(Calendar.from_ical(first)["X-WR-CALNAME"]) == "Haags Gemengd Koor"


def test_two_association_files_never_share_a_uid(season, tmp_path: Path):
    """A copy that became another association (another file_uid) with the very same
    activities: its events must not replace the first one's in a calendar app."""
    season.database.close()
    copy = tmp_path / "ander-koor.sqlite"
    shutil.copy(season.database.path, copy)
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE association SET file_uid = ?", (str(uuid.uuid4()),))
    other = open_database(copy, tmp_path / "backups")
    mine = open_database(season.database.path, tmp_path / "backups")
    try:
        _n, one = export(mine, tmp_path / "a.ics")
        _n, two = export(other, tmp_path / "b.ics")
    finally:
        other.close()
        mine.close()
    ones = {str(e["UID"]) for e in Calendar.from_ical(one).walk("VEVENT")}
    twos = {str(e["UID"]) for e in Calendar.from_ical(two).walk("VEVENT")}
    assert len(ones) == len(twos) == 45 and not ones & twos
    stripped = {uid.split("-")[0] for uid in ones}
    assert stripped == {uid.split("-")[0] for uid in twos}  # same activities all the same


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (D(2026, 10, 20), 18),  # summer time (CEST, +2)
        (D(2026, 10, 27), 19),  # after the switch of 25 October: winter time (CET, +1)
        (D(2027, 3, 23), 19),  # still winter time
        (D(2027, 3, 30), 18),  # after the switch of 28 March: summer time again
    ],
)
def test_a_rehearsal_at_20_00_is_at_the_right_instant_across_the_switches(
    season, tmp_path: Path, day, utc_hour
):
    _n, data = export(season.database, tmp_path / "a.ics")
    vevent = events(data)[day]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    start = vevent.decoded("DTSTART")
    assert start.replace(tzinfo=None) == dt.datetime.combine(day, T(20))
    assert start.astimezone(dt.UTC) == dt.datetime.combine(day, T(utc_hour), dt.UTC)
    # The same through the file's own VTIMEZONE, as an app without a zone database reads it.
    zone = Calendar.from_ical(data).walk("VTIMEZONE")[0].to_ical().decode()
    own = tzical(io.StringIO(zone)).get("Europe/Amsterdam")
    local = start.replace(tzinfo=own)
    assert local.astimezone(dt.UTC) == dt.datetime.combine(day, T(utc_hour), dt.UTC)
    end = vevent.decoded("DTEND").astimezone(dt.UTC)
    assert end == dt.datetime.combine(day, T(utc_hour + 2, 15), dt.UTC)


def test_cancelled_and_moved_occurrences(season, tmp_path: Path):
    _n, data = export(season.database, tmp_path / "a.ics")
    found = events(data)
    assert str(found[CANCELLED]["STATUS"]) == "CANCELLED"
    assert str(found[CANCELLED]["SUMMARY"]) == "Vervalt: Repetitie"
    statuses = {str(e["STATUS"]) for day, e in found.items() if day != CANCELLED}
    assert statuses == {"CONFIRMED"}
    assert MOVED_FROM not in found and MOVED_TO in found
    # Changed ones count up, so an app that imports the file again takes them as newer.
    assert int(found[CANCELLED]["SEQUENCE"]) >= 1 and int(found[MOVED_TO]["SEQUENCE"]) >= 1
    assert int(found[D(2026, 12, 1)]["SEQUENCE"]) == 0
    with season.database.transaction() as session:
        activities.cancel_activity(session, season.by_date[CANCELLED], cancelled=False)
    _n, later = export(season.database, tmp_path / "b.ics")
    again = events(later)[CANCELLED]
    assert str(again["STATUS"]) == "CONFIRMED" and str(again["SUMMARY"]) == "Repetitie"
    assert int(again["SEQUENCE"]) > int(found[CANCELLED]["SEQUENCE"])
    assert str(again["UID"]) == str(found[CANCELLED]["UID"])


def test_what_an_event_says_and_never_an_excuse_reason(season, tmp_path: Path):
    _n, data = export(season.database, tmp_path / "a.ics")
    concert = events(data)[D(2026, 12, 19)]
    assert str(concert["SUMMARY"]) == "Kerstconcert"
    assert str(concert["LOCATION"]) == "Kloosterkerk"
    assert concert["CATEGORIES"].cats == ["Uitvoering"]
    description = str(concert["DESCRIPTION"])
    assert "Uitvoering" in description and "iedereen" in description
    assert "Concertkleding: zwart" in description
    sectional = events(data)[D(2027, 3, 27)]
    assert "Tenor" in str(sectional["DESCRIPTION"])
    assert sectional["CATEGORIES"].cats == ["Groepsrepetitie"]
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    for reason in SECRET_REASONS:
        assert reason not in unfolded


def test_a_section_gets_its_own_and_everyones_activities(season, tmp_path: Path):
    with season.database.reading() as session:
        tenor = activity_exports.section_id_by_name(session, "tENOR")
        alt = activity_exports.section_id_by_name(session, "Alt")
    n, data = export(season.database, tmp_path / "t.ics", section_id=tenor)
    assert n == 45 and D(2027, 3, 27) in events(data)
    assert str(Calendar.from_ical(data)["X-WR-CALNAME"]) == "Haags Gemengd Koor – Tenor"
    n, data = export(season.database, tmp_path / "a.ics", section_id=alt)
    assert n == 44 and D(2027, 3, 27) not in events(data)


def test_a_period_and_its_checks(season, tmp_path: Path):
    n, data = export(season.database, tmp_path / "o.ics", start=D(2026, 10, 1), end=D(2026, 10, 31))
    assert n == 4
    assert sorted(events(data)) == [D(2026, 10, 6), D(2026, 10, 13), D(2026, 10, 20),
                                    D(2026, 10, 27)]  # fmt: skip
    with season.database.reading() as session:
        with pytest.raises(UserError, match="Vul beide dagen van de periode in"):
            activity_exports.write_ical(session, tmp_path / "x.ics", start=D(2026, 10, 1))
        with pytest.raises(UserError, match="Het einde ligt vóór het begin"):
            activity_exports.write_ical(
                session, tmp_path / "x.ics", start=D(2026, 10, 31), end=D(2026, 10, 1)
            )
        with pytest.raises(UserError, match="Onbekende sectie 'Bariton'"):
            activity_exports.section_id_by_name(session, "Bariton")
    assert not (tmp_path / "x.ics").exists()
