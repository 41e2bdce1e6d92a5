"""Season series: the days they fall on, the holidays they skip, changing one occurrence
and changing the rest of the series."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from verenigingsbeheer.db.models import Activity
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.activities import ActivityDetails, SeriesRule, series_dates
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.services import (
    activities,
    attendance,
    categories,
    history,
    member_records,
    series,
)

D, T = dt.date, dt.time
TUESDAYS = SeriesRule(1, T(20), T(22, 15), D(2026, 9, 1), D(2027, 6, 30))


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "koor.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


def dates_of(db, series_id: int) -> list[dt.date]:
    with db.reading() as session:
        query = select(Activity.date).where(Activity.series_id == series_id)
        return list(session.execute(query.order_by(Activity.date)).scalars())


def test_every_tuesday_skipping_public_and_school_holidays(db):
    rule = SeriesRule(**{**TUESDAYS.__dict__, "skip_school_holidays": True})
    with db.reading() as session:
        dates, skipped = series.preview(session, rule)
    assert dates[0] == D(2026, 9, 1) and dates[-1] == D(2027, 6, 29)
    assert all(day.weekday() == 1 for day in dates)
    why = {item.day: item.why for item in skipped}
    assert why[D(2026, 10, 20)] == "Herfstvakantie"
    assert why[D(2026, 12, 22)] == why[D(2026, 12, 29)] == "Kerstvakantie"
    assert why[D(2027, 4, 27)] == "Koningsdag"  # a public holiday on a Tuesday
    assert why[D(2027, 2, 23)] == "Voorjaarsvakantie"
    assert len(dates) + len(skipped) == 44 and len(dates) == 44 - len(skipped)


def test_fortnightly_and_the_first_day_moved_to_the_weekday():
    rule = SeriesRule(3, T(19, 30), T(21), D(2026, 9, 1), D(2026, 10, 31), interval_weeks=2)
    dates, skipped = series_dates(rule)
    assert dates == [D(2026, 9, 3), D(2026, 9, 17), D(2026, 10, 1), D(2026, 10, 15),
                     D(2026, 10, 29)]  # fmt: skip
    assert skipped == []


def test_rules_are_checked():
    wrong = SeriesRule(1, T(22), T(20), D(2026, 9, 1), D(2026, 8, 1), interval_weeks=3)
    from verenigingsbeheer.domain.activities import validate_series

    problems = validate_series(wrong, "")
    assert set(problems) == {"title", "interval_weeks", "end_time", "last_date"}


def test_planned_series_keeps_its_wall_clock_time_across_the_summer_time_switch(db):
    rule = SeriesRule(1, T(20), T(22, 15), D(2026, 10, 13), D(2026, 11, 3))
    with db.transaction() as session:
        series_id = series.plan_series(
            session, series.SeriesDetails("rehearsal", "Repetitie", rule, "Kloosterkerk")
        )
    with db.reading() as session:
        rows = activities.list_activities(session, D(2026, 10, 1), D(2026, 11, 30))
    # 25 October 2026 the clocks go back; the rehearsals stay at 20:00 local time.
    assert [(r.date, r.start_time, r.end_time) for r in rows] == [
        (D(2026, 10, 13), T(20), T(22, 15)),
        (D(2026, 10, 20), T(20), T(22, 15)),
        (D(2026, 10, 27), T(20), T(22, 15)),
        (D(2026, 11, 3), T(20), T(22, 15)),
    ]
    assert {r.series_id for r in rows} == {series_id} and len({r.uid for r in rows}) == 4


def test_one_occurrence_moved_or_cancelled_and_the_rest_changed_from_a_date(db):
    with db.transaction() as session:
        alt = categories.add_category(session, "section", "Alt")
        plan = series.SeriesDetails("rehearsal", "Repetitie", TUESDAYS, "Kloosterkerk")
        series_id = series.plan_series(session, plan)
        anna = member_records.create_member(
            session,
            MemberDetails("Anna", "Berg", member_since=D(2020, 1, 1), section_id=alt),
            D(2026, 9, 1),
        )
    all_days = dates_of(db, series_id)
    with db.reading() as session:
        old = {r.date: r for r in activities.list_activities(session)}
    with db.transaction() as session:
        activities.move_activity(session, old[D(2026, 11, 3)].activity_id, D(2026, 11, 5),
                                 T(19), T(21, 30))  # fmt: skip
        activities.cancel_activity(session, old[D(2027, 1, 12)].activity_id)
        attendance.set_attendance(session, old[D(2027, 2, 2)].activity_id, anna, "present")
    # From 1 January on Wednesdays 19:30-21:45 in the Nieuwe Kerk for the altos, until May.
    later = SeriesRule(2, T(19, 30), T(21, 45), D(2026, 9, 1), D(2027, 5, 31))
    changed = series.SeriesDetails("rehearsal", "Repetitie", later, "Nieuwe Kerk", (alt,))
    with db.transaction() as session:
        result = series.change_series_from(session, series_id, D(2027, 1, 1), changed)
    with db.reading() as session:
        rows = {r.activity_id: r for r in activities.list_activities(session)}
    by_date = {r.date: r for r in rows.values()}
    assert {r.start_time for r in rows.values() if r.date < D(2027, 1, 1) and not r.detached} == {
        T(20)}  # fmt: skip
    assert (by_date[D(2026, 11, 5)].start_time, by_date[D(2026, 11, 5)].detached) == (T(19), True)
    hand = rows[old[D(2027, 1, 12)].activity_id]  # cancelled by hand: left as it was
    registered = rows[old[D(2027, 2, 2)].activity_id]  # held: left as it was
    assert (hand.date, hand.cancelled, hand.start_time) == (D(2027, 1, 12), True, T(20))
    assert (registered.date, registered.cancelled, registered.start_time) == (
        D(2027, 2, 2), False, T(20))  # fmt: skip
    assert D(2027, 1, 13) not in by_date and D(2027, 2, 3) not in by_date  # their weeks taken
    after = [r for r in rows.values() if D(2027, 1, 1) <= r.date <= D(2027, 5, 31)
             and r.activity_id not in (hand.activity_id, registered.activity_id)]  # fmt: skip
    assert after and all(r.date.weekday() == 2 and r.start_time == T(19, 30) for r in after)
    assert all(r.place == "Nieuwe Kerk" and r.section_names == ("Alt",) for r in after)
    # Each Tuesday became the Wednesday after it: the same activity, so the same calendar UID.
    moved_on = [r for r in after if r.activity_id in {o.activity_id for o in old.values()}]
    assert all(r.series_date == r.date for r in after)
    assert len(moved_on) == result.changed and result.added == len(after) - result.changed
    assert D(2027, 4, 28) in by_date  # Koningsdag took the Tuesday, not the Wednesday
    assert by_date[D(2027, 4, 28)].activity_id not in {o.activity_id for o in old.values()}
    june = [r for r in rows.values() if r.date >= D(2027, 6, 1)]
    assert june and all(r.cancelled and not r.detached for r in june)  # cancelled: told
    assert result.cancelled == len(june) and result.kept == 2
    assert D(2026, 11, 3) in all_days


def test_a_moved_occurrence_keeps_its_day_of_the_series(db):
    rule = SeriesRule(1, T(20), T(22), D(2027, 3, 2), D(2027, 3, 30))
    with db.transaction() as session:
        series_id = series.plan_series(session, series.SeriesDetails("rehearsal", "Rep", rule))
    with db.reading() as session:
        old = {r.date: r.activity_id for r in activities.list_activities(session)}
    with db.transaction() as session:  # 9 March moved onto the day of the next one
        activities.move_activity(session, old[D(2027, 3, 9)], D(2027, 3, 16), T(14), T(16))
    with db.transaction() as session:  # only the place changes, from the start
        details = series.SeriesDetails("rehearsal", "Rep", rule, "Oude Kerk")
        series.change_series_from(session, series_id, D(2027, 3, 2), details)
    with db.reading() as session:
        rows = activities.list_activities(session)
    assert sorted((r.date, r.start_time) for r in rows) == [
        (D(2027, 3, 2), T(20)), (D(2027, 3, 16), T(14)), (D(2027, 3, 16), T(20)),
        (D(2027, 3, 23), T(20)), (D(2027, 3, 30), T(20)),
    ]  # fmt: skip
    assert {r.place for r in rows if not r.detached} == {"Oude Kerk"}


def test_a_fortnightly_series_keeps_its_rhythm_when_changed_from_a_moved_one(db):
    rule = SeriesRule(1, T(20), T(22), D(2026, 9, 1), D(2026, 11, 30), interval_weeks=2)
    with db.transaction() as session:
        series_id = series.plan_series(session, series.SeriesDetails("rehearsal", "Rep", rule))
    with db.reading() as session:
        moved = next(r for r in activities.list_activities(session) if r.date == D(2026, 9, 15))
    with db.transaction() as session:
        activities.move_activity(session, moved.activity_id, D(2026, 9, 16), T(20), T(22))
    with db.reading() as session:
        moved = activities.get_activity(session, moved.activity_id)
        assert moved.slot == D(2026, 9, 15)  # what the page offers as "change from"
        dates, _skipped = series.preview_from(
            session, series_id, moved.slot, replace(rule, start_time=T(19, 30))
        )
    assert dates[:3] == [D(2026, 9, 15), D(2026, 9, 29), D(2026, 10, 13)]  # the same rhythm
    later = series.SeriesDetails("rehearsal", "Rep", replace(rule, start_time=T(19, 30)))
    with db.transaction() as session:
        result = series.change_series_from(session, series_id, moved.slot, later)
    assert (result.changed, result.added, result.cancelled, result.kept) == (5, 0, 0, 1)
    with db.reading() as session:
        rows = activities.list_activities(session)
    assert [r.date for r in rows if r.start_time == T(19, 30)] == [
        D(2026, 9, 29),
        D(2026, 10, 13),
        D(2026, 10, 27),
        D(2026, 11, 10),
        D(2026, 11, 24),
    ]


def test_shortened_then_lengthened_again_the_same_occurrences_come_back(db):
    rule = SeriesRule(1, T(20), T(22), D(2027, 3, 2), D(2027, 3, 30))
    with db.transaction() as session:
        series_id = series.plan_series(session, series.SeriesDetails("rehearsal", "Rep", rule))
    with db.reading() as session:
        uids = {r.date: r.uid for r in activities.list_activities(session)}
    shorter = series.SeriesDetails("rehearsal", "Rep", replace(rule, last_date=D(2027, 3, 10)))
    with db.transaction() as session:
        result = series.change_series_from(session, series_id, D(2027, 3, 2), shorter)
    assert result.cancelled == 3
    with db.reading() as session:
        rows = activities.list_activities(session)
    assert [r.cancelled for r in rows] == [False, False, True, True, True]  # calendars hear
    with db.transaction() as session:
        details = series.SeriesDetails("rehearsal", "Rep", rule)
        series.change_series_from(session, series_id, D(2027, 3, 2), details)
    with db.reading() as session:
        rows = activities.list_activities(session)
    assert {r.date: r.uid for r in rows if not r.cancelled} == uids


def test_an_occurrence_deleted_on_its_own_does_not_come_back(db):
    rule = SeriesRule(1, T(20), T(22), D(2027, 3, 2), D(2027, 3, 30))
    with db.transaction() as session:
        series_id = series.plan_series(session, series.SeriesDetails("rehearsal", "Rep", rule))
    with db.reading() as session:
        second = activities.list_activities(session)[1]
    with db.transaction() as session:
        activities.delete_activity(session, second.activity_id)
    with db.transaction() as session:
        details = series.SeriesDetails("rehearsal", "Rep", replace(rule, start_time=T(19)))
        result = series.change_series_from(session, series_id, D(2027, 3, 2), details)
    assert result.added == 0
    with db.reading() as session:
        assert D(2027, 3, 9) not in [r.date for r in activities.list_activities(session)]


def test_a_section_an_activity_expects_cannot_be_deleted(db):
    with db.transaction() as session:
        children = categories.add_category(session, "section", "Kinderkoor")
        activities.create_activity(
            session,
            ActivityDetails("sectional", "Kinderkoor", D(2027, 3, 3), T(16), T(17),
                            section_ids=(children,)),
        )  # fmt: skip
    with pytest.raises(UserError, match="Kinderkoor"), db.transaction() as session:
        categories.delete_category(session, "section", children)
    with db.reading() as session:
        assert [r.section_names for r in activities.list_activities(session)] == [("Kinderkoor",)]


def test_planning_a_series_is_one_action_that_can_be_undone(db):
    with db.transaction() as session:
        plan = series.SeriesDetails("rehearsal", "Repetitie", TUESDAYS)
        series.plan_series(session, plan)
    with db.reading() as session:
        assert len(activities.list_activities(session)) > 30
        last = history.last_undoable(session, db.actions)
    assert last.description.startswith("Reeks gepland: Repetitie")
    with db.transaction() as session:
        history.undo(session, last.action_id)
    with db.reading() as session:
        assert activities.list_activities(session) == []


def test_a_series_on_no_day_is_refused(db):
    rule = SeriesRule(1, T(20), T(22), D(2026, 9, 2), D(2026, 9, 7))
    with pytest.raises(Exception, match="op geen enkele dag"), db.transaction() as session:
        series.plan_series(session, series.SeriesDetails("rehearsal", "Repetitie", rule))
    with pytest.raises(ValidationFailed), db.transaction() as session:
        bad = SeriesRule(1, T(22), T(20), D(2026, 9, 1), D(2026, 12, 1))
        series.plan_series(session, series.SeriesDetails("rehearsal", "Repetitie", bad))


def test_school_holidays_are_editable(db):
    with db.reading() as session:
        rows = series.school_holidays(session)
        assert series.school_holidays_known(session, D(2026, 9, 1), D(2027, 6, 30))
        assert series.school_holidays_known(session, D(2028, 9, 1), D(2029, 6, 30))
        assert not series.school_holidays_known(session, D(2029, 9, 1), D(2030, 6, 30))
    rows.append(series.SchoolHolidayRow(None, "Herfstvakantie", D(2029, 10, 20), D(2029, 10, 28)))
    with db.transaction() as session:
        series.save_school_holidays(session, rows[1:])
    with db.reading() as session:
        again = series.school_holidays(session)
    assert len(again) == len(rows) - 1 and again[-1].first_day == D(2029, 10, 20)
    with pytest.raises(ValidationFailed), db.transaction() as session:
        series.save_school_holidays(
            session, [series.SchoolHolidayRow(None, "X", D(2027, 1, 2), D(2027, 1, 1))]
        )
