"""Volunteer hours and allowances on a real file: who can help, a week entered at once,
totals and the value of the work on known data, payments checked against the limits, and
the privacy rules for volunteers who are no member."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from verenigingsbeheer.db.models import AuditAction, Member
from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.errors import UserError, ValidationFailed
from verenigingsbeheer.services import (
    activities,
    allowances,
    member_records,
    privacy,
    volunteer_figures,
    volunteer_reports,
    volunteers,
)
from verenigingsbeheer.services.allowances import AllowanceDetails, OverLimit
from verenigingsbeheer.services.volunteers import HoursDetails, VolunteerDetails

D = dt.date
E = Money.euros
TODAY = D(2026, 11, 2)
MONDAY = D(2026, 10, 5)


@pytest.fixture
def db(tmp_path: Path):
    database = create_database(tmp_path / "koor.sqlite", AssociationDetails(name="Koor"))
    yield database
    database.close()


@pytest.fixture
def people(db) -> dict[str, int]:
    """Anna (member, born 1990), Bram (member, 21 on 15 June 2026), Carla (no member)."""
    with db.transaction() as session:
        anna = member_records.create_member(
            session, MemberDetails("Anna", "Berg", member_since=D(2020, 1, 1),
                                   date_of_birth=D(1990, 4, 1)), D(2020, 1, 1),
        )  # fmt: skip
        bram = member_records.create_member(
            session, MemberDetails("Bram", "Aalders", member_since=D(2020, 1, 1),
                                   date_of_birth=D(2005, 6, 15)), D(2020, 1, 1),
        )  # fmt: skip
        carla = volunteers.save_volunteer(
            session, VolunteerDetails("Carla", "Zwart", email="carla@example.nl"), TODAY
        )
    with db.reading() as session:
        found = {h.name.first_name: h.person_id for h in volunteers.helpers(session, TODAY)}
        assert set(found) == {"Anna", "Bram", "Carla"} and found["Carla"] == carla
        del anna, bram
    return found


def task_ids(db) -> dict[str, int]:
    with db.reading() as session:
        return {t.name: t.task_id for t in volunteers.tasks(session)}


def test_totals_and_the_value_of_the_work_on_known_data(db, people):
    tasks = task_ids(db)
    with db.transaction() as session:
        volunteers.save_tasks(
            session,
            [(tasks["Bar"], "Bar", E("12.50")), (tasks["Decorbouw"], "Decorbouw", E("20"))]
            + [(tid, name, E("15")) for name, tid in tasks.items()
               if name not in ("Bar", "Decorbouw")],
        )  # fmt: skip
        concert = activities.create_activity(
            session,
            activities.ActivityDetails("performance", "Najaarsconcert", D(2026, 10, 10),
                                       dt.time(15), dt.time(17)),
        )  # fmt: skip
        for person, day, task, minutes, activity in (
            ("Anna", D(2026, 10, 10), "Bar", 150, concert),  # 2.5 h x 12.50 = 31.25
            ("Carla", D(2026, 10, 10), "Bar", 150, concert),  # 31.25
            ("Carla", D(2026, 10, 3), "Decorbouw", 225, None),  # 3.75 h x 20 = 75.00
            ("Bram", D(2026, 11, 1), "Decorbouw", 45, None),  # 0.75 h x 20 = 15.00
            ("Anna", D(2025, 12, 31), "Bar", 60, None),  # another year
        ):
            volunteers.add_hours(
                session, HoursDetails(people[person], day, tasks[task], minutes, activity)
            )
    with db.reading() as session:
        hours = volunteer_figures.year(session, 2026)
    summary, by_activity = hours.summary(), hours.totals("activity")
    by_task = {t.label: (t.minutes, t.value) for t in hours.totals("task")}
    by_person = {t.label: (t.minutes, t.value) for t in hours.totals("person")}
    top, months = hours.top_helpers(count=2), hours.months()
    assert (summary.minutes, summary.value, summary.people) == (570, E("152.50"), 3)
    assert by_task == {"Bar": (300, E("62.50")), "Decorbouw": (270, E("90.00"))}
    assert by_person == {"Berg, Anna": (150, E("31.25")), "Zwart, Carla": (375, E("106.25")),
                         "Aalders, Bram": (45, E("15.00"))}  # fmt: skip
    assert [(t.label, t.people) for t in by_activity] == [
        ("Najaarsconcert (10-10-2026)", 2), ("Niet voor één activiteit", 2)]  # fmt: skip
    assert [t.label for t in top] == ["Zwart, Carla", "Berg, Anna"]
    assert [m.minutes for m in months][9:11] == [525, 45] and months[0].minutes == 0


def test_a_week_of_one_task_entered_at_once(db, people):
    bar = task_ids(db)["Bar"]
    cells = {(people["Anna"], MONDAY): 120, (people["Carla"], MONDAY + dt.timedelta(days=5)): 90}
    with db.transaction() as session:
        assert volunteers.save_week(session, MONDAY, bar, cells) == 2
    with db.reading() as session:
        assert volunteers.week_grid(session, MONDAY, bar) == cells
    changed = {**cells, (people["Anna"], MONDAY): 0, (people["Bram"], MONDAY): 60}
    with db.transaction() as session:
        assert volunteers.save_week(session, MONDAY, bar, changed) == 2  # Carla unchanged
    with db.reading() as session:
        rows = volunteers.list_hours(session)
    assert sorted((r.name.first_name, r.minutes) for r in rows) == [("Bram", 60), ("Carla", 90)]
    with pytest.raises(ValidationFailed), db.transaction() as session:
        volunteers.save_week(session, MONDAY, bar, {(people["Bram"], MONDAY): 20})


def test_a_payment_over_a_limit_is_refused_then_saved_marked(db, people):
    carla = people["Carla"]

    def pay(day: D, amount: str, rate: str | None = None) -> AllowanceDetails:
        last = D(day.year, day.month, 28)
        return AllowanceDetails(carla, day, E(amount), day.replace(day=1), last,
                                E(rate) if rate else None)  # fmt: skip

    with db.transaction() as session:
        allowances.save_allowance(session, pay(D(2026, 3, 1), "150"))
    with pytest.raises(OverLimit, match="maandgrens") as refused, db.transaction() as session:
        allowances.save_allowance(session, pay(D(2026, 3, 20), "70.01"))
    assert [e.kind for e in refused.value.excesses] == ["monthly"]
    with db.transaction() as session:
        made = allowances.save_allowance(
            session, pay(D(2026, 3, 20), "70.01"), accept_over_limit=True
        )
    with db.reading() as session:
        [first, second] = allowances.list_allowances(session, person_id=carla)
        assert second.allowance_id == made and second.over_limit_accepted
        near = allowances.near_limits(session, 2026)
    assert [(n.name.first_name, n.over) for n in near] == [("Carla", True)]
    with db.transaction() as session:  # the first payment made smaller: within again
        allowances.save_allowance(session, pay(D(2026, 3, 1), "149.99"), first.allowance_id)
    with db.reading() as session:
        near = allowances.near_limits(session, 2026)
    assert [(n.name.first_name, n.over) for n in near] == [("Carla", False)]  # close, not over


def test_the_limits_are_data_per_year(db):
    with db.reading() as session:
        known = allowances.limits(session)
    assert known[2026].hourly_adult == E("5.75") and known[2025].yearly == E("2100")
    assert "Belastingdienst" in known[2026].source
    with db.transaction() as session:
        allowances.save_limits(
            session, [*known.values(), known[2026].__class__(2027, E("5.90"), E("3.50"),
                                                              E("230"), E("2300"), "Eigen")]
        )  # fmt: skip
    with db.reading() as session:
        assert sorted(allowances.limits(session)) == [2025, 2026, 2027]
    with pytest.raises(ValidationFailed), db.transaction() as session:
        allowances.save_limits(session, [known[2026], known[2026]])


def test_tasks_with_hours_stay_and_a_volunteer_with_hours_is_kept(db, people):
    tasks = task_ids(db)
    with db.transaction() as session:
        volunteers.add_hours(
            session, HoursDetails(people["Carla"], D(2026, 10, 1), tasks["Bar"], 60)
        )
    with pytest.raises(UserError, match="Bar"), db.transaction() as session:
        volunteers.save_tasks(session, [(tasks["Decorbouw"], "Decorbouw", E("15"))])
    with db.reading() as session:
        [carla] = [h for h in volunteers.helpers(session, TODAY) if h.volunteer_id]
    with pytest.raises(UserError), db.transaction() as session:
        volunteers.remove_volunteer(session, carla.volunteer_id)


def test_forgetting_a_volunteer_who_is_no_member_keeps_the_hours_wipes_the_person(db, people):
    tasks = task_ids(db)
    carla = people["Carla"]
    with db.transaction() as session:
        volunteers.add_hours(session, HoursDetails(carla, D(2026, 10, 1), tasks["Bar"], 60,
                                                   note="met haar dochter Eva"))  # fmt: skip
        allowances.save_allowance(
            session,
            AllowanceDetails(
                carla, D(2026, 10, 2), E("50"), D(2026, 9, 1), D(2026, 9, 30), note="IBAN NL.."
            ),  # fmt: skip
        )
    with db.transaction() as session:
        privacy.forget(session, carla, TODAY)
    with db.reading() as session:
        [row] = volunteers.list_hours(session)
        assert row.minutes == 60 and row.note == "" and row.name.first_name == ""
        assert allowances.list_allowances(session)[0].details.note == ""
        assert "Carla" not in {h.name.first_name for h in volunteers.helpers(session, TODAY)}


def test_quarter_hours_are_valued_once_per_task(db, people):
    bar = task_ids(db)["Bar"]
    with db.transaction() as session:
        volunteers.save_tasks(session, [(bar, "Bar", E("12.50"))] + [
            (t.task_id, t.name, t.hourly_value) for t in volunteers.tasks(session)
            if t.task_id != bar])  # fmt: skip
        for n in range(48):  # 48 quarters: 12 hours
            volunteers.add_hours(
                session, HoursDetails(people["Anna"], D(2026, 1, 1) + dt.timedelta(days=n),
                                      bar, 15)
            )  # fmt: skip
    with db.reading() as session:
        [anna] = volunteer_figures.year(session, 2026).totals("person")
        statement = volunteer_reports.volunteer_statement(session, people["Anna"], 2026)
    assert anna.value == E("150.00")  # not 48 x € 3,13
    assert statement.value == E("150.00") == Money.total([t.value for t in statement.tasks])


def test_the_grid_without_an_activity_leaves_the_activitys_hours_and_notes(db, people):
    bar = task_ids(db)["Bar"]
    with db.transaction() as session:
        concert = activities.create_activity(
            session,
            activities.ActivityDetails("performance", "Concert", MONDAY, dt.time(15),
                                       dt.time(17)),
        )  # fmt: skip
        volunteers.add_hours(session, HoursDetails(people["Carla"], MONDAY, bar, 150, concert,
                                                   "kassa"))  # fmt: skip
        volunteers.add_hours(session, HoursDetails(people["Carla"], MONDAY, bar, 60,
                                                   note="koffie"))  # fmt: skip
    with db.reading() as session:
        assert volunteers.week_grid(session, MONDAY, bar) == {(people["Carla"], MONDAY): 60}
        assert volunteers.week_grid(session, MONDAY, bar, concert) == {
            (people["Carla"], MONDAY): 150}  # fmt: skip
    with db.transaction() as session:  # the hours for no activity changed: 60 -> 90
        volunteers.save_week(session, MONDAY, bar, {(people["Carla"], MONDAY): 90})
    with db.reading() as session:
        rows = {(r.activity_id, r.minutes, r.note) for r in volunteers.list_hours(session)}
    assert rows == {(concert, 150, "kassa"), (None, 90, "koffie")}


def test_hours_typed_strangely_are_refused():
    from verenigingsbeheer.domain.volunteers import parse_hours

    for typed in ("inf", "nan", "1e1", "-2", "2,5,5"):
        with pytest.raises(ValueError):
            parse_hours(typed)


def test_an_hourly_rate_with_no_date_of_birth_is_held_to_the_stricter_limit(db, people):
    carla = people["Carla"]  # no date of birth known
    details = AllowanceDetails(carla, D(2026, 3, 1), E("50"), D(2026, 2, 1), D(2026, 2, 28),
                               E("5.00"))  # fmt: skip
    with db.reading() as session:
        [excess] = allowances.check(session, details)
    assert excess.kind == "hourly" and excess.limit == E("3.40")
    assert "geboortedatum onbekend" in excess.text()


def test_near_limits_names_an_hourly_rate_above_the_limit_and_marks_stay_current(db, people):
    bram = people["Bram"]  # 20 on 1 May 2026
    with db.transaction() as session:
        allowances.save_allowance(
            session, AllowanceDetails(bram, D(2026, 5, 1), E("35"), D(2026, 4, 1),
                                      D(2026, 4, 30), E("3.50")), accept_over_limit=True,
        )  # fmt: skip
        allowances.save_allowance(
            session, AllowanceDetails(people["Anna"], D(2026, 3, 1), E("200"), D(2026, 2, 1),
                                      D(2026, 2, 28)),
        )  # fmt: skip
        later = allowances.save_allowance(
            session, AllowanceDetails(people["Anna"], D(2026, 3, 5), E("30"), D(2026, 2, 1),
                                      D(2026, 2, 28)), accept_over_limit=True,
        )  # fmt: skip
    with db.reading() as session:
        near = {n.name.first_name: [e.kind for e in n.excesses]
                for n in allowances.near_limits(session, 2026)}  # fmt: skip
        first = allowances.list_allowances(session, person_id=people["Anna"])[0]
    assert near["Bram"] == ["hourly"] and near["Anna"] == ["monthly"]
    with db.transaction() as session:  # the first payment lowered: the later one is within
        allowances.save_allowance(
            session, replace(first.details, amount=E("150")), first.allowance_id
        )
    with db.reading() as session:
        marked = {r.allowance_id: r.over_limit_accepted for r in allowances.list_allowances(
            session, person_id=people["Anna"])}  # fmt: skip
    assert marked[later] is False
    with db.transaction() as session:  # the later one raised over the limit on purpose
        allowances.save_allowance(
            session,
            replace(first.details, amount=E("80"), paid_on=D(2026, 3, 5)),
            later,
            accept_over_limit=True,
        )
    with db.transaction() as session:  # then the first one is moved to Bram
        allowances.save_allowance(
            session, replace(first.details, amount=E("150"), person_id=bram), first.allowance_id
        )
    with db.reading() as session:
        [left] = allowances.list_allowances(session, person_id=people["Anna"])
    assert left.allowance_id == later and not left.over_limit_accepted


def member_id_of(session, person_id: int) -> int:
    return session.execute(select(Member.id).where(Member.person_id == person_id)).scalar_one()


def test_forgetting_leaves_no_name_in_the_log_and_a_helping_member_is_not_deleted(db, people):
    bar = task_ids(db)["Bar"]
    with db.transaction() as session:
        privacy.forget(session, people["Carla"], TODAY)
    with db.reading() as session:
        descriptions = " ".join(session.execute(select(AuditAction.description)).scalars())
    assert "Carla" not in descriptions and "Zwart" not in descriptions
    with db.transaction() as session:
        volunteers.add_hours(session, HoursDetails(people["Anna"], D(2026, 10, 1), bar, 60))
    with db.reading() as session:
        anna = member_id_of(session, people["Anna"])
    with pytest.raises(UserError, match="vrijwilligersuren"), db.transaction() as session:
        member_records.delete_member(session, anna)


def test_task_names_can_be_swapped_and_helpers_include_who_left_that_year(db, people):
    tasks = task_ids(db)
    with db.transaction() as session:
        rows = [(t.task_id, t.name, t.hourly_value) for t in volunteers.tasks(session)]
        swapped = [(tid, {"Bar": "Kostuums", "Kostuums": "Bar"}.get(name, name), value)
                   for tid, name, value in rows]  # fmt: skip
        volunteers.save_tasks(session, swapped)
        anna = member_id_of(session, people["Anna"])
        member_records.end_membership(session, anna, D(2026, 6, 30))
    with db.reading() as session:
        assert {t.name: t.task_id for t in volunteers.tasks(session)}["Bar"] == tasks["Kostuums"]
        now = {h.name.first_name for h in volunteers.helpers(session, TODAY)}
        year = {h.name.first_name for h in volunteers.helpers(session, D(2026, 1, 1),
                                                              D(2026, 12, 31))}  # fmt: skip
    assert "Anna" not in now and "Anna" in year


def test_a_volunteer_who_stopped_helping_is_due_for_anonymisation_after_the_retention(db, people):
    bar = task_ids(db)["Bar"]
    with db.transaction() as session:
        dirk = volunteers.save_volunteer(session, VolunteerDetails("Dirk", "Oud"), D(2021, 3, 1))
        volunteers.add_hours(session, HoursDetails(dirk, D(2022, 5, 1), bar, 120))
        allowances.save_allowance(
            session, AllowanceDetails(dirk, D(2024, 11, 1), E("50"), D(2024, 10, 1),
                                      D(2024, 10, 31)),
        )  # fmt: skip
        volunteers.save_volunteer(session, VolunteerDetails("Eva", "Nooit"), D(2023, 1, 1))
    with db.reading() as session:
        due = privacy.due_for_anonymisation(session, TODAY)  # two years: before 2 Nov 2024
    assert [(r.name.first_name, r.member_number, r.left_on) for r in due] == [
        ("Eva", None, D(2023, 1, 1)),  # registered, never helped
        ("Dirk", None, D(2024, 11, 1)),  # last paid
    ]
    with db.reading() as session:  # a day less long ago: Dirk's payment is within
        assert [r.name.first_name for r in privacy.due_for_anonymisation(
            session, D(2026, 11, 1))] == ["Eva"]  # fmt: skip
    with db.transaction() as session:
        privacy.anonymise(session, [r.person_id for r in due], TODAY)
    with db.reading() as session:
        assert privacy.due_for_anonymisation(session, TODAY) == []
        assert {h.name.first_name for h in volunteers.helpers(session, TODAY)} == {
            "Anna", "Bram", "Carla"}  # fmt: skip
        [hours] = volunteers.list_hours(session, person_id=dirk)
    assert hours.minutes == 120 and hours.name.first_name != "Dirk"  # the figures stay
