"""Attendance figures: per member over a period, per activity, per section; the season's
course for the chart; the expected line-up before a performance.

Only activities whose attendance was taken count (an activity nobody registered says
nothing about who came), and cancelled ones never do. A member counts for an activity when
they were expected there: a member that day, in one of the sections it was for.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Exists, Row, exists, func, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import (
    Activity,
    ActivitySection,
    Attendance,
    Availability,
    Member,
    MembershipPeriod,
    Person,
    Section,
)
from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.services.attendance import NO_SECTION, registration

DEFAULT_THRESHOLD = 0.75  # under 75 %: a warning before a concert
DEFAULT_MINIMUM = 3  # fewer signed up in a section than this: it is thin


@dataclass(frozen=True)
class MemberFigure:
    member_id: int
    member_number: int
    name: PersonName
    section: str
    expected: int
    present: int
    late: int
    excused: int
    absent: int

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def unregistered(self) -> int:
        return self.expected - self.present - self.late - self.excused - self.absent

    @property
    def fraction(self) -> float | None:
        """Attended out of expected; None when the member was expected nowhere."""
        return self.attended / self.expected if self.expected else None

    def below(self, threshold: float = DEFAULT_THRESHOLD) -> bool:
        return self.fraction is not None and self.fraction < threshold


@dataclass(frozen=True)
class ActivityFigure:
    activity_id: int
    date: dt.date
    title: str
    kind: str
    expected: int
    present: int
    late: int
    excused: int
    absent: int
    taken: bool = True  # False: nobody registered yet, the counts are all 0

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def fraction(self) -> float | None:
        """Attended out of expected; None when nobody was expected or nothing was taken."""
        return self.attended / self.expected if self.expected and self.taken else None


def overall(rows: Sequence[ActivityFigure]) -> tuple[int, int]:
    """Attended and expected over the activities with attendance taken: the average is
    all who came of all expected, so a full rehearsal weighs more than a small one."""
    taken = [row for row in rows if row.fraction is not None]
    return sum(row.attended for row in taken), sum(row.expected for row in taken)


@dataclass(frozen=True)
class SectionFigure:
    """One section at one activity: "Sopraan 10/12" on the attendance report."""

    section: str  # NO_SECTION for the members without one
    expected: int
    present: int
    late: int
    excused: int
    absent: int

    @property
    def attended(self) -> int:
        return self.present + self.late


@dataclass(frozen=True)
class LineUp:
    section: str
    signed_up: int
    unknown: int
    excused: int

    def thin(self, minimum: int = DEFAULT_MINIMUM) -> bool:
        return self.signed_up < minimum

    def warning(self, minimum: int = DEFAULT_MINIMUM) -> str:
        """ "Tenor: maar 2 aangemeld", or nothing when the section is strong enough."""
        if not self.thin(minimum):
            return ""
        section = self.section or _("No section")
        if not self.signed_up:
            return _("{section}: nobody signed up").format(section=section)
        return ngettext(
            "{section}: only {n} signed up", "{section}: only {n} signed up", self.signed_up
        ).format(section=section, n=self.signed_up)


class _Roster:
    """Members with their periods and section, to decide who was expected when.

    Made for one period: the members current from its first to its last day (in a season
    nearly everyone) are kept per section and need no look at the day, so a season of
    activities costs a list per activity instead of a test per member and activity.
    """

    def __init__(self, session: Session, start: dt.date, end: dt.date) -> None:
        self.sections = dict(session.execute(select(Section.id, Section.name)).all())
        query = select(
            Member.id, Member.member_number, Member.section_id, Person.first_name,
            Person.tussenvoegsel, Person.last_name,
        ).join(Person, Person.id == Member.person_id)  # fmt: skip
        self.members = {
            member_id: (number, section_id, PersonName(first, last, tussen))
            for member_id, number, section_id, first, tussen, last in session.execute(query)
        }
        periods: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
        query = select(MembershipPeriod.member_id, MembershipPeriod.start_date,
                       MembershipPeriod.end_date)  # fmt: skip
        for member_id, first, last in session.execute(query):
            periods[member_id].append((first, last))
        self.start, self.end = start, end
        self.throughout: dict[int | None, list[int]] = defaultdict(list)  # section -> members
        self.partly: list[tuple[int, int | None, list[tuple[dt.date, dt.date | None]]]] = []
        for member_id, (_number, section_id, _name) in self.members.items():
            spans = periods.get(member_id, [])
            if any(first <= start and (last is None or last >= end) for first, last in spans):
                self.throughout[section_id].append(member_id)
            elif any(first <= end and (last is None or last >= start) for first, last in spans):
                self.partly.append((member_id, section_id, spans))
        self.everyone = [member_id for group in self.throughout.values() for member_id in group]

    def expected(self, day: dt.date, section_ids: set[int]) -> list[int]:
        """The members expected on `day` (within the roster's period) in these sections (none:
        all sections, and members without one)."""
        assert self.start <= day <= self.end, "the roster was made for another period"
        if section_ids:
            found = [m for section in section_ids for m in self.throughout.get(section, ())]
        else:
            found = list(self.everyone)
        found.extend(
            member_id
            for member_id, section_id, spans in self.partly
            if (not section_ids or section_id in section_ids)
            and any(first <= day and (last is None or last >= day) for first, last in spans)
        )
        return found


def _taken(activity_id) -> Exists:
    """Attendance was taken: one look in the index per activity, not a scan of all marks."""
    return exists().where(Attendance.activity_id == activity_id)


def _activities(
    session: Session,
    start: dt.date,
    end: dt.date,
    kinds: Sequence[str] | None,
    *,
    taken_only: bool = True,
) -> list[Row]:
    """(id, date, title, kind) of the activities in the period, not cancelled, in time order."""
    query = (
        select(Activity.id, Activity.date, Activity.title, Activity.kind)
        .where(Activity.date >= start, Activity.date <= end, Activity.cancelled.is_(False))
        .order_by(Activity.date, Activity.start_time, Activity.id)
    )
    if taken_only:
        query = query.where(_taken(Activity.id))
    if kinds:
        query = query.where(Activity.kind.in_(kinds))
    return list(session.execute(query).all())


def _links(session: Session, activity_ids: list[int]) -> dict[int, set[int]]:
    links: dict[int, set[int]] = defaultdict(set)
    for start in range(0, len(activity_ids), 500):
        chunk = activity_ids[start : start + 500]
        query = select(ActivitySection.activity_id, ActivitySection.section_id).where(
            ActivitySection.activity_id.in_(chunk)
        )
        for activity_id, section_id in session.execute(query):
            links[activity_id].add(section_id)
    return links


def _statuses(session: Session, activity_ids: list[int]) -> dict[int, dict[int, str]]:
    """activity id -> member id -> mark. Read through the connection and fetched at once:
    several times faster than the ORM's rows one by one, for a season's thousands of marks."""
    statuses: dict[int, dict[int, str]] = defaultdict(dict)
    connection = session.connection()
    for start in range(0, len(activity_ids), 500):
        chunk = activity_ids[start : start + 500]
        query = select(Attendance.activity_id, Attendance.member_id, Attendance.status).where(
            Attendance.activity_id.in_(chunk)
        )
        for activity_id, member_id, status in connection.execute(query).all():
            statuses[activity_id][member_id] = status
    return statuses


@dataclass(frozen=True)
class _Period:
    """What the figures of a period are made from, read once."""

    activities: list[Row]
    links: dict[int, set[int]]
    statuses: dict[int, dict[int, str]]  # only activities with attendance taken are in it
    roster: _Roster

    def expected(self, activity: Row) -> list[int]:
        return self.roster.expected(activity.date, self.links.get(activity.id, set()))


def _read(
    session: Session, start: dt.date, end: dt.date, kinds: Sequence[str] | None, taken_only: bool
) -> _Period:
    activities = _activities(session, start, end, kinds, taken_only=taken_only)
    ids = [a.id for a in activities]
    return _Period(
        activities, _links(session, ids), _statuses(session, ids), _Roster(session, start, end)
    )


def member_figures(
    session: Session,
    start: dt.date,
    end: dt.date,
    kinds: Sequence[str] | None = rules.REHEARSAL_KINDS,
) -> list[MemberFigure]:
    """Every member expected at least once in the period, in Dutch name order."""
    return _member_figures(_read(session, start, end, kinds, taken_only=True))


def activity_figures(
    session: Session,
    start: dt.date,
    end: dt.date,
    kinds: Sequence[str] | None = None,
    *,
    include_untaken: bool = False,
) -> list[ActivityFigure]:
    """Per activity whose attendance was taken: expected and each kind of mark. With
    `include_untaken` also the (not cancelled) ones nobody registered yet, `taken` False:
    the list to choose an activity from for registering."""
    return _activity_figures(_read(session, start, end, kinds, taken_only=not include_untaken))


def period_figures(
    session: Session, start: dt.date, end: dt.date, kinds: Sequence[str] | None
) -> tuple[list[MemberFigure], list[ActivityFigure]]:
    """`member_figures` and `activity_figures` with the ones not registered yet, from one
    read: the Attendance page shows both for the same period."""
    period = _read(session, start, end, kinds, taken_only=False)
    return _member_figures(period), _activity_figures(period)


def _member_figures(period: _Period) -> list[MemberFigure]:
    expected: Counter[int] = Counter()
    marks: Counter[tuple[int, str]] = Counter()
    for activity in period.activities:
        given = period.statuses.get(activity.id)
        if given is None:  # not taken: says nothing about anyone
            continue
        members = period.expected(activity)
        expected.update(members)
        if len(given) > len(members) // 2:  # the usual case: nearly all registered
            marks.update((m, given[m]) for m in members if m in given)
        else:
            wanted = set(members)
            marks.update((m, status) for m, status in given.items() if m in wanted)
    figures = []
    for member_id, count in expected.items():
        number, section_id, name = period.roster.members[member_id]
        figures.append(
            MemberFigure(
                member_id,
                number,
                name,
                period.roster.sections.get(section_id, NO_SECTION),
                count,
                marks[(member_id, "present")],
                marks[(member_id, "late")],
                marks[(member_id, "excused")],
                marks[(member_id, "absent")],
            )
        )
    figures.sort(key=lambda f: f.name.sort_key)
    return figures


def _activity_figures(period: _Period) -> list[ActivityFigure]:
    figures = []
    for activity in period.activities:
        expected = period.expected(activity)
        given = period.statuses.get(activity.id, {})
        marks = Counter(given[m] for m in expected if m in given)
        figures.append(
            ActivityFigure(
                activity.id,
                activity.date,
                activity.title,
                activity.kind,
                len(expected),
                marks["present"],
                marks["late"],
                marks["excused"],
                marks["absent"],
                activity.id in period.statuses,
            )
        )
    return figures


def section_figures(
    session: Session,
    start: dt.date,
    end: dt.date,
    kinds: Sequence[str] | None = None,
) -> dict[int, list[SectionFigure]]:
    """activity id -> its figures per section, for every activity `activity_figures` lists.

    Read in one go (a report over a season needs them all); sections in the association's
    order, members without a section last, only sections someone was expected from.
    """
    period = _read(session, start, end, kinds, taken_only=True)
    roster = period.roster
    order = session.execute(select(Section.name).order_by(Section.sort_order, Section.name))
    rank = {name: n for n, name in enumerate(order.scalars())}
    found: dict[int, list[SectionFigure]] = {}
    for activity in period.activities:
        given = period.statuses.get(activity.id, {})
        counts: dict[str, Counter] = defaultdict(Counter)
        for member_id in period.expected(activity):
            section = roster.sections.get(roster.members[member_id][1], NO_SECTION)
            counts[section]["expected"] += 1
            status = given.get(member_id)
            if status is not None:
                counts[section][status] += 1
        ordered = sorted(counts, key=lambda name: (name == NO_SECTION, rank.get(name, len(rank))))
        found[activity.id] = [
            SectionFigure(name, counts[name]["expected"], counts[name]["present"],
                          counts[name]["late"], counts[name]["excused"], counts[name]["absent"])
            for name in ordered
        ]  # fmt: skip
    return found


def season_course(session: Session, start: dt.date, end: dt.date) -> list[tuple[dt.date, float]]:
    """(day, fraction attended) of each rehearsal with attendance taken: the season's chart."""
    return [
        (figure.date, figure.fraction)
        for figure in activity_figures(session, start, end, rules.REHEARSAL_KINDS)
        if figure.fraction is not None
    ]


def line_up(session: Session, activity_id: int) -> list[LineUp]:
    """Per section, from availability: who said they come, who did not say, who cannot."""
    return [
        LineUp(t.section, t.signed_up, t.unknown, t.expected - t.signed_up - t.unknown)
        for t in registration(session, activity_id).tallies()
    ]


def availability_reasons(session: Session, activity_id: int) -> dict[int, str]:
    """member id -> the reason given with an excuse: only for the screen, never printed."""
    query = select(Availability.member_id, Availability.reason).where(
        Availability.activity_id == activity_id, Availability.reason != ""
    )
    return dict(session.execute(query).all())


def last_rehearsal(session: Session, on: dt.date) -> int | None:
    """The latest rehearsal on or before `on` whose attendance was taken (the dashboard's)."""
    query = (
        select(Activity.id)
        .where(
            Activity.date <= on,
            Activity.cancelled.is_(False),
            Activity.kind.in_(rules.REHEARSAL_KINDS),
            _taken(Activity.id),
        )
        .order_by(Activity.date.desc(), Activity.start_time.desc())
        .limit(1)
    )
    return session.execute(query).scalar()


def seasons(session: Session, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The seasons (1 September to 31 August) that have activities, and the current one;
    the newest first (the page's period chooser)."""
    first, last = session.execute(select(func.min(Activity.date), func.max(Activity.date))).one()
    current = rules.season_of(today)
    start = min(rules.season_of(first)[0], current[0]) if first else current[0]
    end = max(rules.season_of(last)[0], current[0]) if last else current[0]
    found = []
    year = end.year
    while year >= start.year:
        found.append((dt.date(year, 9, 1), dt.date(year + 1, 8, 31)))
        year -= 1
    return found
