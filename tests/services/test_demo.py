"""The demo association: realistic, and the same for the same seed and date; its season of
rehearsals and concerts with attendance up to the date, booked in its rooms with the rent."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from verenigingsbeheer.db.models import ActivitySeries, Attendance, AuditEntry, Availability
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.services import (
    activities,
    attendance,
    booking_checks,
    bookings,
    households,
    members,
    overview,
    rooms,
    series,
)
from verenigingsbeheer.services import attendance_figures as figures
from verenigingsbeheer.services.demo import VOICE_PARTS, create_demo

DAY = dt.date(2026, 9, 15)


def dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT p.first_name, p.tussenvoegsel, p.last_name, p.email, m.member_number,"
            " m.section_id, mp.start_date, mp.end_date FROM persons p JOIN members m"
            " ON m.person_id = p.id JOIN membership_periods mp ON mp.member_id = m.id ORDER BY p.id"
        ).fetchall()


def test_same_seed_and_date_give_the_same_association(tmp_path: Path):
    create_demo(tmp_path / "a.sqlite", members=25, seed=3, today=DAY).close()
    create_demo(tmp_path / "b.sqlite", members=25, seed=3, today=DAY).close()
    create_demo(tmp_path / "c.sqlite", members=25, seed=4, today=DAY).close()
    assert dump(tmp_path / "a.sqlite") == dump(tmp_path / "b.sqlite")
    assert dump(tmp_path / "a.sqlite") != dump(tmp_path / "c.sqlite")


def test_a_hague_choir_with_voice_parts_tussenvoegsels_and_a_board(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", members=120, seed=1, today=DAY)
    with database.reading() as session:
        rows = members.list_members(session, DAY)
        sections = dict(members.current_per_section(session, DAY))
        board = members.current_board(session, DAY)
        counts = overview.counts(session, DAY)
    database.close()
    assert len(rows) == 120 == counts.current_members
    assert counts.former_members > 0
    assert set(sections) == set(VOICE_PARTS)
    assert sum(1 for row in rows if row.name.tussenvoegsel) > 20
    assert {b.title for b in board} >= {"Voorzitter", "Secretaris", "Penningmeester"}
    assert all(row.member_since <= DAY for row in rows)
    assert all("@" in row.email and row.email.isascii() for row in rows)


def test_zero_members_is_an_empty_choir(tmp_path: Path):
    database = create_demo(tmp_path / "leeg.sqlite", members=0, seed=1, today=DAY)
    with database.reading() as session:
        assert overview.counts(session, DAY).current_members == 0
    database.close()


def test_board_members_are_current_members_who_joined_before_taking_office(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", members=60, seed=9, today=DAY)
    with database.reading() as session:
        since = {row.member_id: row.member_since for row in members.list_members(session, DAY)}
        board = members.current_board(session, DAY)
    database.close()
    for row in board:
        assert row.member_id in since
        assert since[row.member_id] <= row.since <= DAY


def age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def test_the_default_demo_has_a_couple_and_a_parent_with_a_child(tmp_path: Path):
    def made(name: str):
        database = create_demo(tmp_path / name, today=DAY)  # the default size and seed
        with database.reading() as session:
            rows = members.list_members(session, DAY)
            homes = households.list_households(session)
        database.close()
        return rows, homes

    rows, homes = made("a.sqlite")
    assert made("b.sqlite")[1] == homes  # the same households every time
    assert len(homes) >= 2
    kinds = set()
    for home in homes:
        people = [row for row in rows if row.name.full in home.members]
        assert len(people) == len(home.members) == 2
        assert len({(r.name.tussenvoegsel, r.name.last_name) for r in people}) == 1
        assert len({(r.address, r.postcode, r.town) for r in people}) == 1
        assert home.payer and home.payer in home.members  # one payer
        payer = next(r for r in people if r.name.full == home.payer)
        other = next(r for r in people if r is not payer)
        assert payer.iban and age(payer.date_of_birth, DAY) >= 25
        if age(other.date_of_birth, DAY) < 16:
            kinds.add("parent and child")
            assert other.membership_type == "Jeugdlid" and not other.iban
            assert (other.date_of_birth - payer.date_of_birth).days > 24 * 365
        else:
            kinds.add("couple")
            assert abs((other.date_of_birth - payer.date_of_birth).days) < 7 * 365
    assert kinds == {"couple", "parent and child"}


def test_nobody_joins_before_the_age_of_eight(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", members=200, seed=5, today=DAY)
    with database.reading() as session:
        rows = members.list_members(session, DAY, include_former=True)
    database.close()
    assert all((row.member_since - row.date_of_birth).days >= 8 * 365 for row in rows)


# -- the season's activities ------------------------------------------------------------------
SEASON_DAY = dt.date(2026, 3, 7)  # a Saturday: the Christmas concert past, spring's coming
SEASON = (dt.date(2025, 9, 1), dt.date(2026, 8, 31))


def attendance_dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT a.date, a.kind, a.title, a.cancelled, t.member_id, t.status, t.reason"
            " FROM attendance t JOIN activities a ON a.id = t.activity_id"
            " UNION ALL SELECT a.date, a.kind, a.title, a.cancelled, v.member_id, v.status,"
            " v.reason FROM availability v JOIN activities a ON a.id = v.activity_id"
            " ORDER BY 1, 2, 3, 5, 6"
        ).fetchall()


def test_a_season_of_tuesday_rehearsals_skipping_holidays_with_one_moved_and_one_cancelled(
    tmp_path: Path,
):
    database = create_demo(tmp_path / "koor.sqlite", seed=2, today=SEASON_DAY)
    with database.reading() as session:
        (series_id,) = session.execute(select(ActivitySeries.id)).scalars()
        rule = series.get_series(session, series_id).rule
        rows = activities.list_activities(session, *SEASON)
        holidays = series.school_holidays(session)
    database.close()
    assert (rule.weekday, rule.first_date, rule.last_date) == (1, SEASON[0], dt.date(2026, 6, 30))
    assert rule.skip_school_holidays and rule.skip_public_holidays
    of_series = [row for row in rows if row.series_id == series_id]
    assert len(of_series) > 30
    for row in of_series:
        assert not any(h.first_day <= row.date <= h.last_day for h in holidays), row.date
    moved = [row for row in of_series if row.detached and not row.cancelled]
    cancelled = [row for row in rows if row.cancelled]
    assert len(moved) == 1 and moved[0].date.weekday() != 1 and moved[0].notes
    assert len(cancelled) == 1 and not cancelled[0].has_attendance
    assert all(row.date.weekday() == 1 for row in of_series if not row.detached)
    sectionals = [row for row in rows if row.kind == "sectional"]
    assert {row.sections_text for row in sectionals} >= {"Tenor, Bas"}
    concerts = [row for row in rows if row.kind == "performance"]
    assert [(row.date.month, row.public) for row in concerts] == [(12, True), (6, True)]
    assert concerts[0].audience and concerts[1].audience is None  # only the past one's
    assert any(row.title == "Generale repetitie" for row in rows)


def test_attendance_for_everyone_expected_before_the_date_and_none_after(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", seed=2, today=SEASON_DAY)
    with database.reading() as session:
        rows = activities.list_activities(session, *SEASON, include_cancelled=False)
        found = {row.activity_id: attendance.registration(session, row.activity_id) for row in rows}
        reasons = set(session.execute(select(Attendance.reason)).scalars())
        reasons |= set(session.execute(select(Availability.reason)).scalars())
        logged = session.execute(select(AuditEntry.table_name)).scalars().all()
    database.close()
    past = [row for row in rows if row.date < SEASON_DAY]
    assert len(past) > 20
    for row in rows:
        marks = [member.attendance for member in found[row.activity_id].members]
        assert marks, row
        if row.date < SEASON_DAY:
            assert None not in marks, row  # full attendance: everyone expected has a mark
        else:
            assert set(marks) == {None}, row
    assert reasons <= {"", "op vakantie", "werk", "familiebezoek", "verjaardag"}
    assert logged == ["association"]  # the demo itself is nobody's change


def test_most_come_to_80_to_95_percent_a_few_under_75_and_the_tenors_are_thin(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", members=60, seed=2, today=SEASON_DAY)
    with database.reading() as session:
        members = figures.member_figures(session, *SEASON)
        course = figures.season_course(session, *SEASON)
        concert = activities.list_activities(session, SEASON_DAY, kind="performance")[0]
        line_up = {row.section: row for row in figures.line_up(session, concert.activity_id)}
        marks = Counter(session.execute(select(Attendance.status)).scalars())
    database.close()
    fractions = sorted(member.fraction for member in members)
    below = [member for member in members if member.below()]
    assert 3 <= len(below) <= len(members) // 5
    assert 0.8 <= fractions[len(fractions) // 2] <= 0.95  # the median
    assert sum(1 for f in fractions if f >= 0.75) > len(members) * 3 // 4
    assert all(marks[status] for status in ("present", "late", "excused", "absent"))
    winter = [f for day, f in course if day.month in (1, 2)]
    autumn = [f for day, f in course if day.month in (9, 10)]
    assert sum(winter) / len(winter) < sum(autumn) / len(autumn)  # illness in winter
    assert concert.title == "Voorjaarsconcert"
    assert [section for section, row in line_up.items() if row.thin()] == ["Tenor"]
    assert line_up["Tenor"].signed_up == 2
    assert sum(row.unknown for row in line_up.values()) > 0
    assert sum(row.excused for row in line_up.values()) > 0
    answered = sum(row.signed_up + row.excused for row in line_up.values())
    assert answered > 60 * 2 // 3  # most have said whether they come


def test_the_season_is_the_same_for_the_same_seed(tmp_path: Path):
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        create_demo(tmp_path / f"{name}.sqlite", members=25, seed=seed, today=SEASON_DAY).close()
    assert attendance_dump(tmp_path / "a.sqlite") == attendance_dump(tmp_path / "b.sqlite")
    assert attendance_dump(tmp_path / "a.sqlite") != attendance_dump(tmp_path / "c.sqlite")


# -- rooms, bookings and rent -----------------------------------------------------------------
def bookings_dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT b.room_id, b.date, b.start_time, b.end_time, b.status, b.cost, b.invoiced,"
            " b.paid, b.conflict_accepted, b.purpose, a.title FROM bookings b"
            " LEFT JOIN activities a ON a.id = b.activity_id ORDER BY b.date, b.start_time, 1"
        ).fetchall()


def test_the_choir_rehearses_in_two_rooms_of_a_centre_and_performs_in_a_church(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", seed=2, today=SEASON_DAY)
    with database.reading() as session:
        venues = {venue.name: venue for venue in rooms.list_venues(session)}
        (series_id,) = session.execute(select(ActivitySeries.id)).scalars()
        planned = series.get_series(session, series_id)
        rows = activities.list_activities(session, *SEASON)
        booked = bookings.list_bookings(session)
        by_activity = {row.activity_id: row for row in booked if row.activity_id}
        too_small = booking_checks.capacity_problems(session)
    database.close()
    assert {name: [room.name for room in venue.rooms] for name, venue in venues.items()} == {
        "De Regentes": ["Grote zaal", "Studio 2"], "Kloosterkerk": ["Kerkzaal"],
    }  # fmt: skip
    for venue in venues.values():  # invented people, obviously fictitious numbers
        details = venue.details
        assert details.has_contact and details.contact_email.endswith("example.nl")
        assert details.email.endswith("@example.nl") and details.town == "Den Haag"
    hall, studio = venues["De Regentes"].rooms
    (church,) = venues["Kloosterkerk"].rooms
    assert (hall.details.capacity, hall.details.hourly_rate) == (80, Money.euros("35"))
    assert church.details.fixed_rate == Money.euros("450")
    assert (planned.room_id, planned.place) == (hall.room_id, "")
    assert all(row.room_id is not None and row.free_place == "" for row in rows)
    for row in rows:
        booking = by_activity[row.activity_id]
        assert booking.status == ("cancelled" if row.cancelled else "confirmed"), row
        if row.series_id is not None:
            assert booking.room_id == hall.room_id
        elif row.kind == "performance" or row.title == "Generale repetitie":
            assert booking.room_id == church.room_id
    men = next(row for row in rows if row.title == "Mannenrepetitie")
    assert by_activity[men.activity_id].room_id == studio.room_id
    dress = next(row for row in rows if row.title == "Generale repetitie")
    assert by_activity[dress.activity_id].cost_agreed  # less than a concert, agreed
    others = [row for row in booked if row.activity_id is None]
    assert {row.purpose for row in others} >= {"Bestuursvergadering", "Algemene ledenvergadering"}
    [option] = [row for row in others if row.status == "option"]
    assert option.room_id == church.room_id and option.date > SEASON[1]
    assert too_small == {}  # nobody is expected in a room too small


def test_past_months_rent_is_invoiced_then_paid_and_the_last_ones_still_open(tmp_path: Path):
    database = create_demo(tmp_path / "koor.sqlite", seed=2, today=SEASON_DAY)
    with database.reading() as session:
        rows = [
            row for row in bookings.list_bookings(session)
            if row.status == "confirmed" and row.cost.cents
        ]  # fmt: skip
        open_ones = [row for row in bookings.list_bookings(session) if row.status != "confirmed"]
    database.close()
    month = SEASON_DAY.replace(day=1)
    assert all(row.paid and row.invoiced for row in rows if row.date < dt.date(2026, 1, 1))
    assert not any(row.invoiced for row in rows if row.date >= month)
    assert not any(row.invoiced or row.paid for row in open_ones)  # options, cancelled
    past = [row for row in rows if row.date < month]
    assert any(row.paid for row in past)
    assert any(not row.paid for row in past)  # the last month or two still open
    assert all(row.invoiced for row in past if row.paid)
    per_month = {}
    for row in past:  # a venue invoices a month at once
        per_month.setdefault((row.venue_id, row.date.month), set()).add((row.invoiced, row.paid))
    assert all(len(states) == 1 for states in per_month.values())


def test_exactly_one_conflict_the_shared_evening_and_accepted(tmp_path: Path):
    for day in (SEASON_DAY, dt.date(2025, 9, 1), dt.date(2026, 8, 20)):
        database = create_demo(tmp_path / f"koor-{day}.sqlite", seed=2, today=day)
        with database.reading() as session:
            [conflict] = booking_checks.all_conflicts(session)
            logged = session.execute(select(AuditEntry.table_name)).scalars().all()
        database.close()
        assert conflict.accepted
        assert {conflict.first.what, conflict.second.what} == {
            "Repetitie", "Zaal gedeeld met Jeugdorkest Duinoord"}  # fmt: skip
        assert conflict.first.date.month == 10
        assert logged == ["association"]  # nor are the rooms anybody's change


def test_the_bookings_and_rent_are_the_same_for_the_same_seed(tmp_path: Path):
    for name in ("a", "b"):
        create_demo(tmp_path / f"{name}.sqlite", members=25, seed=3, today=SEASON_DAY).close()
    assert bookings_dump(tmp_path / "a.sqlite") == bookings_dump(tmp_path / "b.sqlite")
    assert len(bookings_dump(tmp_path / "a.sqlite")) > 40
