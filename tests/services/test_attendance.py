"""Who is expected, registering attendance, and the figures on known data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.activities import ActivityDetails, SeriesRule
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import (
    activities,
    attendance,
    categories,
    member_records,
    privacy,
    series,
)
from verenigingsbeheer.services import attendance_figures as figures

D, T = dt.date, dt.time


@pytest.fixture
def choir(tmp_path: Path):
    """Two tenors, one bass, a soprano who left in December; four Tuesday rehearsals."""
    database = create_database(tmp_path / "koor.sqlite", AssociationDetails(name="Koor"))
    with database.transaction() as session:
        tenor = categories.add_category(session, "section", "Tenor")
        bas = categories.add_category(session, "section", "Bas")
        sopraan = categories.add_category(session, "section", "Sopraan")
        people = {}
        for first, last, section, since in (
            ("Piet", "Aalders", tenor, D(2020, 1, 1)),
            ("Jan", "de Vries", tenor, D(2020, 1, 1)),
            ("Kees", "Bakker", bas, D(2020, 1, 1)),
            ("Els", "Smit", sopraan, D(2020, 1, 1)),
        ):
            people[first] = member_records.create_member(
                session, MemberDetails(first, last, member_since=since, section_id=section),
                D(2026, 9, 1),
            )  # fmt: skip
        member_records.end_membership(session, people["Els"], D(2026, 12, 15))
        rule = SeriesRule(1, T(20), T(22), D(2026, 12, 1), D(2026, 12, 22))
        series.plan_series(session, series.SeriesDetails("rehearsal", "Repetitie", rule))
        concert = activities.create_activity(
            session,
            ActivityDetails("performance", "Kerstconcert", D(2026, 12, 20), T(15), T(17),
                            "Kloosterkerk", (tenor, bas), public=True, audience=180),
        )  # fmt: skip
    database.people = people
    database.sections = {"Tenor": tenor, "Bas": bas, "Sopraan": sopraan}
    database.concert = concert
    yield database
    database.close()


def rehearsals(db) -> list[int]:
    with db.reading() as session:
        rows = activities.list_activities(session, kind="rehearsal")
    return [r.activity_id for r in rows]


def test_expected_are_the_members_of_that_day_in_the_sections_it_is_for(choir):
    first, *_rest, last = rehearsals(choir)
    with choir.reading() as session:
        on_1 = [(m.name.full, m.section) for m in attendance.expected_members(session, first)]
        on_22 = [m.name.first_name for m in attendance.expected_members(session, last)]
        concert = [m.section for m in attendance.expected_members(session, choir.concert)]
    assert on_1 == [
        ("Piet Aalders", "Tenor"), ("Jan de Vries", "Tenor"), ("Kees Bakker", "Bas"),
        ("Els Smit", "Sopraan"),
    ]  # fmt: skip
    assert "Els" not in on_22  # she left on 15 December
    assert sorted(concert) == ["Bas", "Tenor", "Tenor"]


def test_registering_all_present_per_section_and_live_counts(choir):
    first = rehearsals(choir)[0]
    people = choir.people
    with choir.transaction() as session:
        attendance.set_attendance(session, first, people["Jan"], "late")
        assert attendance.all_present(session, first, "Tenor") == 1  # only Piet was left
        attendance.set_attendance(session, first, people["Kees"], "excused", "ziek")
    with choir.reading() as session:
        found = attendance.registration(session, first)
    counts = {t.section: (t.expected, t.present, t.late, t.excused) for t in found.tallies()}
    assert counts["Tenor"] == (2, 1, 1, 0) and counts["Bas"] == (1, 0, 0, 1)
    assert counts["Sopraan"] == (1, 0, 0, 0)
    kees = next(m for m in found.members if m.name.first_name == "Kees")
    assert (kees.attendance, kees.attendance_reason) == ("excused", "ziek")
    with choir.transaction() as session:
        attendance.set_attendance(session, first, people["Kees"], None)
    with choir.reading() as session:
        again = attendance.registration(session, first)
    assert next(m for m in again.members if m.member_id == people["Kees"]).attendance is None


def test_member_percentages_over_a_period_with_the_threshold(choir):
    ids, people = rehearsals(choir), choir.people
    marks = {  # four rehearsals: 1, 8, 15 and 22 December; the 22nd not registered
        ids[0]: {"Piet": "present", "Jan": "present", "Kees": "absent", "Els": "present"},
        ids[1]: {"Piet": "late", "Jan": "absent", "Kees": "excused", "Els": "present"},
        ids[2]: {"Piet": "present", "Jan": "present", "Kees": "present", "Els": "absent"},
    }
    with choir.transaction() as session:
        for activity_id, by_name in marks.items():
            for name, status in by_name.items():
                attendance.set_attendance(session, activity_id, people[name], status)
    with choir.reading() as session:
        found = {f.name.first_name: f for f in figures.member_figures(
            session, D(2026, 12, 1), D(2026, 12, 31))}  # fmt: skip
    assert (found["Piet"].expected, found["Piet"].attended, found["Piet"].late) == (3, 3, 1)
    assert found["Jan"].fraction == pytest.approx(2 / 3) and found["Jan"].below()
    assert found["Kees"].fraction == pytest.approx(1 / 3) and found["Kees"].excused == 1
    assert found["Els"].expected == 3 and found["Els"].fraction == pytest.approx(2 / 3)
    assert not found["Piet"].below()
    with choir.reading() as session:
        per_activity = figures.activity_figures(session, D(2026, 12, 1), D(2026, 12, 31))
        course = figures.season_course(session, D(2026, 12, 1), D(2026, 12, 31))
    assert [(f.expected, f.attended) for f in per_activity] == [(4, 3), (4, 2), (4, 3)]
    assert [round(fraction, 2) for _day, fraction in course] == [0.75, 0.5, 0.75]


def test_the_line_up_warns_when_a_section_is_thin(choir):
    people = choir.people
    with choir.transaction() as session:
        attendance.set_availability(session, choir.concert, people["Piet"], "signed_up")
        attendance.set_availability(session, choir.concert, people["Jan"], "excused", "op reis")
        attendance.set_availability(session, choir.concert, people["Kees"], "signed_up")
    with choir.reading() as session:
        lineup = {line.section: line for line in figures.line_up(session, choir.concert)}
        reasons = figures.availability_reasons(session, choir.concert)
    assert (lineup["Tenor"].signed_up, lineup["Tenor"].excused) == (1, 1)
    assert lineup["Tenor"].warning(minimum=2) == "Tenor: maar 1 aangemeld"
    assert lineup["Bas"].warning(minimum=1) == ""
    nobody = _("{section}: nobody signed up").format(section="Alt")
    assert figures.LineUp("Alt", 0, 2, 1).warning() == nobody
    assert reasons == {people["Jan"]: "op reis"}


def test_excuse_reasons_go_when_the_person_is_anonymised(choir):
    first, people = rehearsals(choir)[0], choir.people
    with choir.transaction() as session:
        attendance.set_availability(session, first, people["Els"], "excused", "operatie")
        attendance.set_attendance(session, first, people["Els"], "excused", "operatie")
    with choir.transaction() as session:
        person = session.get(member_records.Member, people["Els"]).person_id
        privacy.forget(session, person, D(2027, 1, 10))
    with choir.reading() as session:
        found = attendance.registration(session, first)
    els = next(m for m in found.members if m.member_id == people["Els"])
    assert (els.attendance, els.attendance_reason, els.availability_reason) == ("excused", "", "")


def test_cancelled_and_unregistered_activities_do_not_count(choir):
    ids, people = rehearsals(choir), choir.people
    with choir.transaction() as session:
        attendance.set_attendance(session, ids[0], people["Piet"], "present")
        attendance.set_attendance(session, ids[1], people["Piet"], "absent")
        activities.cancel_activity(session, ids[1])
    with choir.reading() as session:
        found = {f.name.first_name: f for f in figures.member_figures(
            session, D(2026, 12, 1), D(2026, 12, 31))}  # fmt: skip
    assert (found["Piet"].expected, found["Piet"].fraction) == (1, 1.0)
    assert found["Jan"].unregistered == 1


def test_the_average_is_all_who_came_of_all_expected_where_attendance_was_taken(choir):
    ids, people = rehearsals(choir), choir.people
    with choir.transaction() as session:
        attendance.set_attendance(session, ids[0], people["Piet"], "present")
        attendance.set_attendance(session, ids[0], people["Jan"], "late")
    with choir.reading() as session:
        rows = figures.activity_figures(
            session, D(2026, 12, 1), D(2026, 12, 31), include_untaken=True
        )
    taken = [row for row in rows if row.taken]
    assert len(taken) == 1 < len(rows)  # the others are not registered yet: left out
    assert figures.overall(rows) == (taken[0].attended, taken[0].expected)
    assert taken[0].attended == 2


def test_only_an_excuse_keeps_its_reason(choir):
    first, people = rehearsals(choir)[0], choir.people
    with choir.transaction() as session:
        attendance.set_attendance(session, first, people["Piet"], "present", "typed by mistake")
        attendance.set_attendance(session, first, people["Jan"], "excused", "  tandarts ")
    with choir.reading() as session:
        found = {m.member_id: m for m in attendance.registration(session, first).members}
    assert found[people["Piet"]].attendance_reason == ""
    assert found[people["Jan"]].attendance_reason == "tandarts"


def test_activities_to_choose_from_include_those_not_registered_yet(choir):
    ids, people = rehearsals(choir), choir.people
    with choir.transaction() as session:
        attendance.set_attendance(session, ids[0], people["Piet"], "present")
        activities.cancel_activity(session, ids[3])
    with choir.reading() as session:
        taken = figures.activity_figures(session, D(2026, 12, 1), D(2026, 12, 31))
        every = figures.activity_figures(
            session, D(2026, 12, 1), D(2026, 12, 31), include_untaken=True
        )
    assert [f.activity_id for f in taken] == [ids[0]]
    assert [(f.date.day, f.kind, f.taken) for f in every] == [
        (1, "rehearsal", True), (8, "rehearsal", False), (15, "rehearsal", False),
        (20, "performance", False),
    ]  # fmt: skip
    assert every[0].fraction == pytest.approx(1 / 4)
    assert every[1].expected == 4 and every[1].fraction is None  # nothing to say yet


def test_the_last_rehearsal_with_attendance_taken(choir):
    ids, people = rehearsals(choir), choir.people
    with choir.reading() as session:
        assert figures.last_rehearsal(session, D(2026, 12, 31)) is None
    with choir.transaction() as session:
        attendance.set_attendance(session, ids[0], people["Piet"], "present")
        attendance.set_attendance(session, ids[1], people["Piet"], "present")
        attendance.set_attendance(session, ids[2], people["Piet"], "present")
        attendance.set_attendance(session, choir.concert, people["Piet"], "present")
        activities.cancel_activity(session, ids[2])
    with choir.reading() as session:
        assert figures.last_rehearsal(session, D(2026, 12, 31)) == ids[1]  # not the cancelled
        assert figures.last_rehearsal(session, D(2026, 12, 7)) == ids[0]  # not a later one
        assert figures.last_rehearsal(session, D(2026, 11, 30)) is None


def test_the_seasons_to_choose_from(choir, tmp_path):
    with choir.reading() as session:
        found = figures.seasons(session, D(2026, 3, 7))
    assert found == [(D(2026, 9, 1), D(2027, 8, 31)), (D(2025, 9, 1), D(2026, 8, 31))]
    empty = create_database(tmp_path / "leeg.sqlite", AssociationDetails(name="Leeg"))
    with empty.reading() as session:
        assert figures.seasons(session, D(2026, 10, 1)) == [(D(2026, 9, 1), D(2027, 8, 31))]
    empty.close()


def test_the_pages_one_read_gives_the_same_figures_and_ignores_marks_of_the_unexpected(choir):
    ids, people = rehearsals(choir), choir.people
    with choir.transaction() as session:
        attendance.set_attendance(session, ids[0], people["Piet"], "present")
        attendance.set_attendance(session, ids[0], people["Els"], "late")
        attendance.set_attendance(session, ids[1], people["Kees"], "excused")
        attendance.set_attendance(session, ids[3], people["Els"], "present")  # left by then
        attendance.set_attendance(session, choir.concert, people["Jan"], "present")
        attendance.set_attendance(session, choir.concert, people["Els"], "present")  # no soprano
    period = (D(2026, 12, 1), D(2026, 12, 31))
    with choir.reading() as session:
        for kinds in (None, ("rehearsal", "sectional"), ("performance",)):
            apart = (
                figures.member_figures(session, *period, kinds),
                figures.activity_figures(session, *period, kinds, include_untaken=True),
            )
            assert figures.period_figures(session, *period, kinds) == apart
        members, per_activity = figures.period_figures(session, *period, None)
    els = next(f for f in members if f.name.first_name == "Els")
    assert (els.expected, els.present, els.late) == (2, 0, 1)  # 1 and 8 December: left by 22
    concert = next(f for f in per_activity if f.kind == "performance")
    assert (concert.expected, concert.present) == (3, 1)


def test_the_dashboards_counts_per_section_are_the_registrations(choir):
    ids, people = rehearsals(choir), choir.people
    with choir.transaction() as session:
        details = MemberDetails("Noor", "Zonder", member_since=D(2020, 1, 1))  # no section
        member_records.create_member(session, details, D(2026, 9, 1))
        attendance.set_attendance(session, ids[0], people["Piet"], "present")
        attendance.set_attendance(session, ids[0], people["Els"], "late")
        attendance.set_attendance(session, ids[0], people["Kees"], "excused", "werk")
        attendance.set_availability(session, ids[0], people["Kees"], "excused", "werk")
        attendance.set_availability(session, choir.concert, people["Jan"], "signed_up")
        attendance.set_availability(session, choir.concert, people["Piet"], "unknown")
        attendance.set_availability(session, choir.concert, people["Kees"], "excused")
        attendance.set_attendance(session, ids[3], people["Els"], "present")  # left by then
    with choir.reading() as session:
        for activity_id in (*ids, choir.concert):
            expected = attendance.registration(session, activity_id).tallies()
            assert attendance.section_tallies(session, activity_id) == expected
        first = attendance.section_tallies(session, ids[0])
    assert [(t.section, t.expected, t.attended, t.excused) for t in first] == [
        ("Tenor", 2, 1, 0), ("Bas", 1, 0, 1), ("Sopraan", 1, 1, 0), ("", 1, 0, 0),
    ]  # fmt: skip
