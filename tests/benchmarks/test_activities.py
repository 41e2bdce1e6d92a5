"""Attendance with 200 members and five seasons of weekly rehearsals, every one of them
registered for everyone expected (target: 100 ms for each of these).

Run with `python -m pytest tests/benchmarks/test_activities.py -o addopts="" --benchmark-only`.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from verenigingsbeheer.paths import Paths

DAY = dt.date(2026, 6, 1)  # near the end of the fifth season: the spring concert to come
SEASON = (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
MEMBERS = 200
TARGET = 0.1  # seconds: the median must stay under it (the mean suffers from a busy machine)


@pytest.fixture(scope="module")
def choir(tmp_path_factory) -> Path:
    """The demo choir (its season up to DAY registered) and four earlier seasons, planned
    through the series service and registered in full in bulk."""
    from verenigingsbeheer.db import audit
    from verenigingsbeheer.db.models import Activity, Attendance
    from verenigingsbeheer.domain.activities import SeriesRule
    from verenigingsbeheer.services import attendance, series
    from verenigingsbeheer.services.demo import create_demo

    path = tmp_path_factory.mktemp("seizoenen") / "koor.sqlite"
    database = create_demo(path, members=MEMBERS, seed=1, today=DAY)
    rng = random.Random(5)
    with database.transaction() as session, audit.suspended(session):
        for year in range(2021, 2025):
            rule = SeriesRule(1, dt.time(20), dt.time(22, 15), dt.date(year, 9, 1),
                              dt.date(year + 1, 6, 30), skip_school_holidays=True)  # fmt: skip
            series.plan_series(session, series.SeriesDetails("rehearsal", "Repetitie", rule))
        open_ = select(Activity.id).where(
            Activity.date < DAY,
            Activity.cancelled.is_(False),
            ~Activity.id.in_(select(Attendance.activity_id)),
        )
        rows = []
        for activity_id in session.execute(open_).scalars().all():
            for member in attendance.expected_members(session, activity_id):
                status = rng.choices(("present", "late", "excused", "absent"), (85, 4, 8, 3))[0]
                rows.append({"activity_id": activity_id, "member_id": member.member_id,
                             "status": status, "reason": ""})  # fmt: skip
        session.connection().execute(insert(Attendance.__table__), rows)
    database.close()
    return path


@pytest.fixture
def database(choir: Path, tmp_path: Path):
    from verenigingsbeheer.services.files import open_association_file

    opened = open_association_file(choir, tmp_path / "backups")
    yield opened
    opened.close()


@pytest.fixture
def context(database, tmp_path: Path):
    from verenigingsbeheer.ui.asker import QtAsker
    from verenigingsbeheer.ui.context import PageContext

    paths = Paths(tmp_path / "d", tmp_path / "c", tmp_path / "l").ensure()
    return PageContext(database, QtAsker(), today=lambda: DAY, paths=paths)


def test_per_activity_over_five_seasons(benchmark, database):
    """Also shows the file is what it should be: five seasons, all registered in full."""
    from verenigingsbeheer.services import attendance_figures as figures

    def compute():
        with database.reading() as session:
            return figures.activity_figures(
                session, dt.date(2021, 9, 1), DAY - dt.timedelta(days=1), include_untaken=True
            )

    found = benchmark(compute)
    with database.reading() as session:
        assert len(figures.seasons(session, DAY)) == 5
    assert len(found) > 5 * 30
    assert all(row.taken and row.expected == row.attended + row.excused + row.absent
               for row in found)  # fmt: skip


def test_open_the_attendance_page(benchmark, context, qtbot):
    """Built and filled for the current season: per member, per activity, the course and
    the line-up of the coming concert."""
    from verenigingsbeheer.ui.pages.attendance.controller import AttendancePage

    def open_page():
        page = AttendancePage(context)
        page.refresh()
        page.deleteLater()
        return page

    page = benchmark.pedantic(open_page, rounds=20, iterations=1, warmup_rounds=1)
    assert page.members_model.rowCount() > MEMBERS * 9 // 10
    assert benchmark.stats["median"] < TARGET


def test_refresh_the_attendance_page(benchmark, context, qtbot):
    """After a registration the page reads its figures again."""
    from verenigingsbeheer.ui.pages.attendance.controller import AttendancePage

    page = AttendancePage(context)
    qtbot.addWidget(page)
    benchmark(page.refresh)
    assert page.activities_model.rowCount() > 30


def test_open_one_rehearsals_registration(benchmark, context, database, qtbot):
    """The registration dialog of the last rehearsal, read and filled."""
    from verenigingsbeheer.services import attendance_figures as figures
    from verenigingsbeheer.ui.dialogs.attendance import AttendanceDialog

    with database.reading() as session:
        last = figures.last_rehearsal(session, DAY)

    def open_dialog():
        dialog = AttendanceDialog(context, last)
        dialog.deleteLater()
        return dialog

    dialog = benchmark.pedantic(open_dialog, rounds=20, iterations=1, warmup_rounds=1)
    assert len(dialog.registration.members) > MEMBERS * 9 // 10
    assert benchmark.stats["median"] < TARGET


def test_read_one_registration(benchmark, database):
    from verenigingsbeheer.services import attendance
    from verenigingsbeheer.services import attendance_figures as figures

    with database.reading() as session:
        last = figures.last_rehearsal(session, DAY)

    def read():
        with database.reading() as session:
            return attendance.registration(session, last)

    assert None not in {m.attendance for m in benchmark(read).members}


def test_every_members_percentage_for_a_season(benchmark, database):
    from verenigingsbeheer.services import attendance_figures as figures

    def compute():
        with database.reading() as session:
            return figures.member_figures(session, *SEASON)

    found = benchmark(compute)
    assert len(found) > MEMBERS * 9 // 10 and all(f.unregistered == 0 for f in found)
    assert benchmark.stats["median"] < TARGET


def test_every_members_percentage_over_five_seasons(benchmark, database):
    from verenigingsbeheer.services import attendance_figures as figures

    def compute():
        with database.reading() as session:
            return figures.member_figures(session, dt.date(2021, 9, 1), SEASON[1])

    assert len(benchmark(compute)) > MEMBERS


@pytest.mark.parametrize("view", ["month", "agenda"])
def test_open_the_activities_page(benchmark, context, qtbot, view):
    """The Activities page built and filled: the month, or the agenda of the season."""
    from verenigingsbeheer.ui.pages.activities.controller import ActivitiesPage

    def open_page():
        page = ActivitiesPage(context)
        page.show_view(view)
        page.deleteLater()
        return page

    page = benchmark.pedantic(open_page, rounds=20, iterations=1, warmup_rounds=1)
    assert page.rows and (view != "agenda" or page.model.rowCount() > 30)
    assert benchmark.stats["median"] < TARGET
