"""Season series: the days they fall on, the holidays they skip, changing one occurrence
and changing the rest of the series."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from verenigingsbeheer.db.models import Activity
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.activities import SeriesRule, series_dates
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.errors import ValidationFailed
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
        rows = {r.date: r for r in activities.list_activities(session)}
    with db.transaction() as session:
        activities.move_activity(session, rows[D(2026, 11, 3)].activity_id, D(2026, 11, 5),
                                 T(19), T(21, 30))  # fmt: skip
        activities.cancel_activity(session, rows[D(2027, 1, 12)].activity_id)
        attendance.set_attendance(session, rows[D(2027, 2, 2)].activity_id, anna, "present")
    later = SeriesRule(2, T(19, 30), T(21, 45), D(2026, 9, 1), D(2027, 5, 31))
    changed = series.SeriesDetails("rehearsal", "Repetitie", later, "Nieuwe Kerk", (alt,))
    with db.transaction() as session:
        result = series.change_series_from(session, series_id, D(2027, 1, 1), changed)
    with db.reading() as session:
        rows = activities.list_activities(session)
    before = [r for r in rows if r.date < D(2027, 1, 1)]
    after = [r for r in rows if r.date >= D(2027, 1, 1) and not r.detached]
    assert {r.start_time for r in before if not r.detached} == {T(20)}
    moved = next(r for r in rows if r.date == D(2026, 11, 5))
    assert (moved.start_time, moved.detached) == (T(19), True)
    cancelled = next(r for r in rows if r.date == D(2027, 1, 12))
    assert cancelled.cancelled and cancelled.start_time == T(20)  # kept as it was
    assert after and all(r.date.weekday() == 2 and r.start_time == T(19, 30) for r in after)
    assert all(r.place == "Nieuwe Kerk" and r.section_names == ("Alt",) for r in after)
    assert max(r.date for r in after) <= D(2027, 5, 31)
    assert result.kept == 1 and result.added == len(after)
    assert D(2026, 11, 3) in all_days
    # A Tuesday with attendance recorded is not deleted but cancelled, its marks kept.
    taken = next(r for r in rows if r.date == D(2027, 2, 2))
    assert taken.cancelled and taken.has_attendance
    assert not any(r.date == D(2027, 2, 9) for r in rows)  # an unused Tuesday went


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
        assert not series.school_holidays_known(session, D(2028, 9, 1), D(2029, 6, 30))
    rows.append(series.SchoolHolidayRow(None, "Herfstvakantie", D(2027, 10, 16), D(2027, 10, 24)))
    with db.transaction() as session:
        series.save_school_holidays(session, rows[1:])
    with db.reading() as session:
        again = series.school_holidays(session)
    assert len(again) == len(rows) - 1 and again[-1].first_day == D(2027, 10, 16)
    with pytest.raises(ValidationFailed), db.transaction() as session:
        series.save_school_holidays(
            session, [series.SchoolHolidayRow(None, "X", D(2027, 1, 2), D(2027, 1, 1))]
        )
