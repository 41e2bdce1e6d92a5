"""The demo's volunteers: members and people who are no member, a year of hours up to the
date linked to the rehearsals and concerts, the work's value, and allowances within the
tax-free limits with one close to the year limit; the same for the same seed, out of the
log, and bounded in a large demo."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from verenigingsbeheer.db.database import Database
from verenigingsbeheer.db.models import Activity, AuditEntry
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.services import allowances, members, volunteer_figures, volunteers
from verenigingsbeheer.services.demo import create_demo

SEASON_DAY = dt.date(2026, 3, 7)  # the Christmas concert past, the spring concert coming
FIRST = dt.date(2025, 3, 8)  # the twelve months up to it
SHIPPED_TASKS = {
    "Bestuur", "Bar", "Decorbouw", "Kostuums", "Kaartverkoop", "PR en communicatie",
    "Opbouw en afbouw", "Techniek (licht en geluid)",
}  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """The default demo (40 members) for SEASON_DAY, made once: the tests only read it."""
    path = tmp_path_factory.mktemp("demo") / "koor.sqlite"
    create_demo(path, seed=2, today=SEASON_DAY).close()
    return path


def open_demo(path: Path) -> Database:
    return Database(path, read_only=True)


def test_members_and_six_people_who_are_no_member_help(demo: Path):
    database = open_demo(demo)
    with database.reading() as session:
        helpers = {h.person_id: h for h in volunteers.helpers(session, SEASON_DAY)}
        rows = volunteers.list_hours(session, FIRST, SEASON_DAY)
        board = {b.member_id for b in members.current_board(session, SEASON_DAY)}
        tasks = {t.name: t.hourly_value for t in volunteers.tasks(session)}
        logged = session.execute(select(AuditEntry.table_name)).scalars().all()
    database.close()
    outsiders = [h for h in helpers.values() if h.member_number is None]
    assert len(outsiders) == 6
    assert all(h.volunteer_id and h.email.endswith("@example.nl") for h in outsiders)
    helping = {row.person_id for row in rows}
    assert helping <= set(helpers)
    assert {h.person_id for h in outsiders} <= helping
    members_helping = [p for p in helping if helpers[p].member_number is not None]
    assert 15 <= len(members_helping) <= 30  # about half of a 40-member choir
    assert set(tasks) == SHIPPED_TASKS  # the shipped names, valued by the choir
    assert (tasks["Bar"], tasks["Opbouw en afbouw"]) == (Money.euros("12.50"),) * 2
    assert (tasks["Bestuur"], tasks["Techniek (licht en geluid)"]) == (
        Money.euros("20"), Money.euros("17.50"))  # fmt: skip
    board_hours = {row.person_id for row in rows if row.task == "Bestuur"}
    assert board_hours and board_hours <= board  # member id is person id in the demo
    assert logged == ["association"]  # the demo is nobody's change


def test_a_year_of_hours_in_quarters_linked_to_rehearsals_and_concerts(demo: Path):
    database = open_demo(demo)
    with database.reading() as session:
        rows = volunteers.list_hours(session)
        summary = volunteer_figures.read(session, FIRST, SEASON_DAY).summary()
        found = session.execute(select(Activity.id, Activity.kind, Activity.date)).all()
    database.close()
    kinds = {row.id: row.kind for row in found}
    dates = {row.id: row.date for row in found}
    assert 200 <= len(rows) <= 400  # a few hundred entries for a 40-member choir
    assert all(FIRST <= row.date < SEASON_DAY for row in rows)
    months = Counter((row.date.year, row.date.month) for row in rows)
    assert len(months) == 13  # March 2025 to March 2026
    assert all(row.minutes % 15 == 0 for row in rows)
    assert sum(60 <= row.minutes <= 240 for row in rows) > len(rows) * 0.7
    assert 300 < summary.minutes / 60 < 800 and summary.value > Money.euros("3000")
    linked = [row for row in rows if row.activity_id is not None]
    set_up = [row for row in linked if kinds[row.activity_id] == "rehearsal"]
    assert {row.task for row in set_up} >= {"Opbouw en afbouw"}
    assert all(row.date == dates[row.activity_id] for row in set_up)
    christmas = [row for row in linked if row.activity == "Kerstconcert"]
    assert len(christmas) >= 20
    assert {row.task for row in christmas} >= {
        "Bar",
        "Kaartverkoop",
        "PR en communicatie",
        "Decorbouw",
        "Techniek (licht en geluid)",
    }
    assert any(row.date < dates[row.activity_id] for row in christmas)  # weeks of preparation
    meetings = {(r.date.year, r.date.month) for r in rows if r.note.startswith("Bestuursverg")}
    assert len(meetings) == 10  # March 2025 to February 2026 but July and August
    earlier = [row for row in rows if row.note == "Voorjaarsconcert 2025"]  # no activity then
    assert earlier and all(row.activity_id is None for row in earlier)


def test_allowances_within_the_limits_and_one_close_to_the_year_limit(demo: Path):
    database = open_demo(demo)
    with database.reading() as session:
        paid = allowances.list_allowances(session)
        rechecked = [allowances.check(session, row.details, row.allowance_id) for row in paid]
        near = {year: allowances.near_limits(session, year) for year in (2025, 2026)}
        limits = allowances.limits(session)
        helpers = {h.person_id: h for h in volunteers.helpers(session, SEASON_DAY)}
    database.close()
    assert paid and not any(row.over_limit_accepted for row in paid)
    assert rechecked == [[]] * len(paid)  # nobody over a limit
    hourly = [row for row in paid if row.details.hourly_rate is not None]
    assert len({row.person_id for row in hourly}) == 1
    assert helpers[hourly[0].person_id].member_number is None  # the technician
    for row in hourly:
        assert row.details.hourly_rate <= limits[row.details.paid_on.year].hourly_adult
    monthly = Counter(row.person_id for row in paid if row.details.hourly_rate is None
                      and row.details.first_day.month == row.details.last_day.month)  # fmt: skip
    assert max(monthly.values()) >= 11  # a fixed amount every month
    for year, found in near.items():
        [person] = found
        assert not person.over and [e.kind for e in person.excesses] == ["yearly"], year
        assert person.excesses[0].amount.cents >= limits[year].yearly.cents * 0.9
    assert near[2025][0].person_id == near[2026][0].person_id


def dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT 'h', p.first_name, p.last_name, h.date, h.task_id, h.minutes, h.activity_id,"
            " h.note FROM volunteer_hours h JOIN persons p ON p.id = h.person_id"
            " UNION ALL SELECT 'a', p.first_name, p.last_name, a.paid_on, a.amount, a.first_day,"
            " a.hourly_rate, a.note FROM allowances a JOIN persons p ON p.id = a.person_id"
            " ORDER BY 1, 4, 2, 3, 5, 6"
        ).fetchall()


def test_the_volunteering_is_the_same_for_the_same_seed(tmp_path: Path):
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        create_demo(tmp_path / f"{name}.sqlite", members=25, seed=seed, today=SEASON_DAY).close()
    assert dump(tmp_path / "a.sqlite") == dump(tmp_path / "b.sqlite")
    assert dump(tmp_path / "a.sqlite") != dump(tmp_path / "c.sqlite")


@pytest.mark.parametrize(
    ("size", "day"),
    [(3, dt.date(2026, 1, 10)), (40, dt.date(2026, 9, 15)), (2000, dt.date(2026, 12, 7))],
)
def test_any_size_and_date_keeps_the_helpers_bounded_and_one_close_to_last_years_limit(
    tmp_path: Path, size: int, day: dt.date
):
    """The assistant paid in January of last year too (also when the twelve months begin
    after it), so last year's list has them; the current year's from January 15 on."""
    database = create_demo(tmp_path / "koor.sqlite", members=size, seed=1, today=day)
    with database.reading() as session:
        rows = volunteers.list_hours(session)
        paid = allowances.list_allowances(session)
        near = allowances.near_limits(session, day.year - 1)
        this_year = allowances.near_limits(session, day.year)
    database.close()
    assert 100 <= len(rows) <= 1000
    assert len({row.person_id for row in rows}) <= 60
    assert paid and not any(row.over_limit_accepted for row in paid)
    assert len(near) == 1 and not near[0].over
    assert [n.person_id for n in this_year] == ([near[0].person_id] if day.month > 1 else [])
