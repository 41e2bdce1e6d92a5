"""The demo choir's season: weekly rehearsals, two sectionals, two concerts, and who came.

Planned through the same services as a board would use (the series skips public and school
holidays and is booked in the rehearsal hall; one rehearsal is moved and one cancelled, and
their bookings follow), so the demo shows what the program does. Every activity is booked in
one of the demo's rooms (`demo_rooms`): the booking is its place, no text.

Attendance is made up per member from a habit (most come to 80-95 %, a few to well under
75 %, some are often late) and a wave of illness in winter, and is written in bulk: the
demo is also made with 10,000 members for the benchmarks. Only harmless reasons are given
with an excuse; illness is excused without a reason, as a reason can be health data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Activity, ActivitySection, Attendance, Availability
from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.activities import ActivityDetails, SeriesRule
from verenigingsbeheer.services import activities, bookings, series
from verenigingsbeheer.services.demo_rooms import DemoRooms, agree_dress_rehearsal

D, T = dt.date, dt.time
REASONS = ("op vakantie", "werk", "werk", "familiebezoek", "verjaardag", "")
MEN, WOMEN = ("Tenor", "Bas"), ("Sopraan 1", "Sopraan 2", "Alt 1", "Alt 2")
THIN = "Tenor"  # signs up too sparsely for the coming concert: the line-up warns
# The chance to be ill on a rehearsal day, by month: a wave in January and February.
ILLNESS = {11: 0.02, 12: 0.03, 1: 0.06, 2: 0.08, 3: 0.03}


@dataclass(frozen=True)
class DemoMember:
    """What the season needs of a member: who, which section, member from when to when."""

    member_id: int
    section_id: int | None
    start: dt.date
    end: dt.date | None

    def current_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class _Habit:
    attends: float  # the chance to come when not ill
    late: float  # the chance to come late when coming
    tells: float  # the chance to excuse oneself (rather than just stay away) when not coming


@dataclass
class _Rows:
    """What is written in bulk at the end: (activity id, member id, status, reason)."""

    attendance: list[tuple[int, int, str, str]]
    availability: list[tuple[int, int, str, str]]

    def mark(self, activity_id: int, member_id: int, status: str, reason: str = "") -> None:
        self.attendance.append((activity_id, member_id, status, reason))

    def beforehand(self, activity_id: int, member_id: int, status: str, reason: str = "") -> None:
        self.availability.append((activity_id, member_id, status, reason))


def add_season(
    session: Session,
    rng: random.Random,
    today: dt.date,
    members: Sequence[DemoMember],
    sections: Mapping[str, int],
    rooms: DemoRooms,
) -> None:
    """Plan the season `today` falls in, booked in `rooms`, and record attendance for what
    lies before it."""
    start = rules.season_of(today)[0]
    _plan(session, rng, start, today, sections, rooms, members)
    query = (
        select(Activity.id, Activity.kind, Activity.date)
        .where(Activity.cancelled.is_(False))
        .order_by(Activity.date, Activity.start_time, Activity.id)
    )
    planned = session.execute(query).all()
    links: dict[int, set[int]] = {}
    for activity_id, section_id in session.execute(
        select(ActivitySection.activity_id, ActivitySection.section_id)
    ):
        links.setdefault(activity_id, set()).add(section_id)
    habits = _habits(rng, members)
    rows = _Rows([], [])
    ill: dict[int, int] = {}  # member id -> rehearsals still to miss
    coming_concert = True
    coming_rehearsals = 4
    for activity_id, kind, day in planned:
        wanted = links.get(activity_id, set())
        expected = [
            m for m in members if m.current_on(day) and (not wanted or m.section_id in wanted)
        ]
        if kind == "performance":
            if day < today:
                _past_concert(rng, rows, activity_id, expected, habits)
            elif coming_concert:
                _coming_concert(rng, rows, activity_id, expected, habits, sections.get(THIN))
                coming_concert = False
        elif day < today:
            _rehearsal(rng, rows, activity_id, day, expected, habits, ill)
        elif day > today and coming_rehearsals:
            coming_rehearsals -= 1
            for member in expected:
                if rng.random() < 0.04:
                    rows.beforehand(activity_id, member.member_id, "excused", rng.choice(REASONS))
    _insert(session, rows)


def _insert(session: Session, rows: _Rows) -> None:
    """Straight to the driver: with 10,000 members these are hundreds of thousands of rows,
    and the ORM's bulk path takes seconds over them. The caller has the audit log
    suspended: generated data, nobody's change."""
    connection = session.connection()
    for table, found in ((Attendance, rows.attendance), (Availability, rows.availability)):
        if found:
            connection.exec_driver_sql(
                f"INSERT INTO {table.__tablename__} (activity_id, member_id, status, reason)"
                " VALUES (?, ?, ?, ?)",
                found,
            )


# -- planning ---------------------------------------------------------------------------------
def _plan(
    session: Session,
    rng: random.Random,
    start: dt.date,
    today: dt.date,
    sections: Mapping[str, int],
    rooms: DemoRooms,
    members: Sequence[DemoMember],
) -> None:
    """Tuesday rehearsals September to June in the hall, the exceptions, sectionals in the
    studio (in the hall when too many are expected), and in the church the dress rehearsal
    and two concerts."""
    year = start.year
    rule = SeriesRule(1, T(20), T(22, 15), start, D(year + 1, 6, 30), skip_school_holidays=True)
    details = series.SeriesDetails("rehearsal", "Repetitie", rule, room_id=rooms.hall)
    series_id = series.plan_series(session, details)
    dates = session.execute(
        select(Activity.id, Activity.date).where(Activity.series_id == series_id)
    ).all()
    in_order = sorted(dates, key=lambda row: row.date)
    moved = next((row for row in in_order if row.date.month == 11), None)
    if moved is not None:  # the hall is taken that Tuesday: Thursday instead
        found = activities.get_activity(session, moved.id).details
        activities.update_activity(
            session,
            moved.id,
            replace(found, date=moved.date + dt.timedelta(days=2),
                    notes="Verplaatst naar donderdag: de zaal is dinsdag bezet."),
        )  # fmt: skip
    cancelled = next((row for row in in_order if row.date.month == 2), None)
    if cancelled is not None:
        found = activities.get_activity(session, cancelled.id).details
        activities.update_activity(
            session, cancelled.id, replace(found, notes="Vervalt: de dirigent is verhinderd.")
        )
        activities.cancel_activity(session, cancelled.id)

    men = tuple(sections[name] for name in MEN if name in sections)
    women = tuple(sections[name] for name in WOMEN if name in sections)
    christmas = _nth_weekday(year, 12, 6, 3)  # the third Sunday of December
    spring = _nth_weekday(year + 1, 6, 5, 1)  # the first Saturday of June
    planned = [
        ActivityDetails("sectional", "Mannenrepetitie", _nth_weekday(year, 11, 5, 2),
                        T(10), T(12, 30), section_ids=men,
                        notes="Tenoren en bassen: de Kerstcantate."),
        ActivityDetails("rehearsal", "Generale repetitie", christmas - dt.timedelta(days=1),
                        T(13, 30), T(16, 30)),
        ActivityDetails("performance", "Kerstconcert", christmas, T(15), T(16, 30),
                        public=True,
                        audience=rng.randint(190, 280) if christmas < today else None),
        ActivityDetails("sectional", "Vrouwenrepetitie", _nth_weekday(year + 1, 4, 5, 2),
                        T(10), T(12, 30), section_ids=women),
        ActivityDetails("performance", "Voorjaarsconcert", spring, T(20), T(21, 45),
                        public=True,
                        audience=rng.randint(150, 240) if spring < today else None),
    ]  # fmt: skip
    for activity in planned:
        made = activities.create_activity(session, activity)
        if activity.kind == "sectional":
            expected = sum(
                1 for m in members
                if m.current_on(activity.date) and m.section_id in activity.section_ids
            )  # fmt: skip
            room = rooms.studio if expected <= rooms.studio_capacity else rooms.hall
        else:
            room = rooms.church
        bookings.place_activity(session, made, room)
        if activity.title == "Generale repetitie":
            agree_dress_rehearsal(session, made)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = D(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# -- who comes --------------------------------------------------------------------------------
def _habits(rng: random.Random, members: Sequence[DemoMember]) -> dict[int, _Habit]:
    """Most members come to 88-98 % of the rehearsals they are not ill for; about one in
    fifteen (at least two) much less; one in twelve is often late."""
    weak_count = min(len(members), max(2, round(len(members) / 15)))
    weak = {m.member_id for m in rng.sample(list(members), k=weak_count)}
    habits = {}
    for member in members:
        if member.member_id in weak:
            attends = rng.uniform(0.55, 0.7)
        elif rng.random() < 0.2:
            attends = rng.uniform(0.96, 1.0)
        else:
            attends = rng.uniform(0.88, 0.98)
        late = rng.uniform(0.12, 0.25) if rng.random() < 0.08 else rng.uniform(0.0, 0.04)
        habits[member.member_id] = _Habit(attends, late, rng.uniform(0.55, 0.95))
    return habits


def _rehearsal(
    rng: random.Random,
    rows: _Rows,
    activity_id: int,
    day: dt.date,
    expected: Sequence[DemoMember],
    habits: Mapping[int, _Habit],
    ill: dict[int, int],
) -> None:
    """Everyone expected gets a mark; an illness lasts one or two rehearsals."""
    illness = ILLNESS.get(day.month, 0.015)
    for member in expected:
        member_id = member.member_id
        habit = habits[member_id]
        if ill.get(member_id, 0) or rng.random() < illness:
            ill[member_id] = ill.get(member_id) or rng.choice((1, 1, 2))
            ill[member_id] -= 1
            rows.mark(activity_id, member_id, "excused")
            if rng.random() < 0.6:  # called off that day, without saying why
                rows.beforehand(activity_id, member_id, "excused")
        elif rng.random() < habit.attends:
            rows.mark(activity_id, member_id, "late" if rng.random() < habit.late else "present")
        elif rng.random() < habit.tells:
            reason = rng.choice(REASONS)
            rows.mark(activity_id, member_id, "excused", reason)
            if rng.random() < 0.8:
                rows.beforehand(activity_id, member_id, "excused", reason)
        else:
            rows.mark(activity_id, member_id, "absent")


def _past_concert(
    rng: random.Random,
    rows: _Rows,
    activity_id: int,
    expected: Sequence[DemoMember],
    habits: Mapping[int, _Habit],
) -> None:
    """Signed up beforehand, then (nearly all of those) on stage."""
    for member in expected:
        member_id = member.member_id
        chance = rng.random()
        if chance < 0.86 + 0.1 * (habits[member_id].attends - 0.9):
            rows.beforehand(activity_id, member_id, "signed_up")
            came = rng.random()
            status = "present" if came < 0.96 else "late" if came < 0.98 else "absent"
            rows.mark(activity_id, member_id, status)
        elif chance < 0.95:
            reason = rng.choice(REASONS[:-1])
            rows.beforehand(activity_id, member_id, "excused", reason)
            rows.mark(activity_id, member_id, "excused", reason)
        else:  # never said, and came or not
            rows.mark(activity_id, member_id, "present" if rng.random() < 0.5 else "absent")


def _coming_concert(
    rng: random.Random,
    rows: _Rows,
    activity_id: int,
    expected: Sequence[DemoMember],
    habits: Mapping[int, _Habit],
    thin_section: int | None,
) -> None:
    """Most have signed up, some have not said yet, a few cannot. One section has only two
    signed up, so the line-up warns; every other has at least four (or all it has)."""
    sections: dict[int | None, list[DemoMember]] = {}
    for member in expected:
        sections.setdefault(member.section_id, []).append(member)
    answers: dict[int, str] = {}  # "" when no answer at all yet (no row: also "not known")
    for section_id, group in sections.items():
        if section_id is not None and section_id == thin_section:
            coming = {m.member_id for m in rng.sample(group, k=min(2, len(group)))}
            for member in group:
                excused = rng.random() < 0.4
                answers[member.member_id] = (
                    "signed_up" if member.member_id in coming else "excused" if excused else ""
                )
            continue
        for member in group:
            chance = rng.random()
            signs = 0.8 + 0.1 * (habits[member.member_id].attends - 0.9)
            answers[member.member_id] = (
                "signed_up" if chance < signs else "excused" if chance < 0.9
                else "unknown" if chance < 0.93 else ""
            )  # fmt: skip
        short = min(4, len(group)) - sum(answers[m.member_id] == "signed_up" for m in group)
        for member in sorted(group, key=lambda m: answers[m.member_id] == "excused"):
            if short <= 0:
                break
            if answers[member.member_id] != "signed_up":
                answers[member.member_id] = "signed_up"
                short -= 1
    for member_id, answer in answers.items():
        if answer:
            reason = rng.choice(REASONS) if answer == "excused" else ""
            rows.beforehand(activity_id, member_id, answer, reason)
