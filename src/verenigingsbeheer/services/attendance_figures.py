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

from sqlalchemy import Select, func, select
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
    """Members with their periods and section, to decide who was expected when."""

    def __init__(self, session: Session) -> None:
        self.sections = dict(session.execute(select(Section.id, Section.name)).all())
        query = select(
            Member.id, Member.member_number, Member.section_id, Person.first_name,
            Person.tussenvoegsel, Person.last_name,
        ).join(Person, Person.id == Member.person_id)  # fmt: skip
        self.members = {
            member_id: (number, section_id, PersonName(first, last, tussen))
            for member_id, number, section_id, first, tussen, last in session.execute(query)
        }
        self.periods: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
        query = select(MembershipPeriod.member_id, MembershipPeriod.start_date,
                       MembershipPeriod.end_date)  # fmt: skip
        for member_id, start, end in session.execute(query):
            self.periods[member_id].append((start, end))

    def expected(self, day: dt.date, section_ids: set[int]) -> list[int]:
        return [
            member_id
            for member_id, (_number, section_id, _name) in self.members.items()
            if (not section_ids or section_id in section_ids)
            and any(
                start <= day and (end is None or end >= day)
                for start, end in self.periods.get(member_id, ())
            )  # fmt: skip
        ]


def _taken_ids() -> Select:
    return select(Attendance.activity_id).distinct()


def _taken_activities(
    session: Session,
    start: dt.date,
    end: dt.date,
    kinds: Sequence[str] | None,
    *,
    taken_only: bool = True,
) -> list[Activity]:
    query = (
        select(Activity)
        .where(Activity.date >= start, Activity.date <= end, Activity.cancelled.is_(False))
        .order_by(Activity.date, Activity.start_time, Activity.id)
    )
    if taken_only:
        query = query.where(Activity.id.in_(_taken_ids()))
    if kinds:
        query = query.where(Activity.kind.in_(kinds))
    return list(session.execute(query).scalars())


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


def _statuses(session: Session, activity_ids: list[int]) -> dict[tuple[int, int], str]:
    statuses = {}
    for start in range(0, len(activity_ids), 500):
        chunk = activity_ids[start : start + 500]
        query = select(Attendance.activity_id, Attendance.member_id, Attendance.status).where(
            Attendance.activity_id.in_(chunk)
        )
        for activity_id, member_id, status in session.execute(query):
            statuses[(activity_id, member_id)] = status
    return statuses


def member_figures(
    session: Session,
    start: dt.date,
    end: dt.date,
    kinds: Sequence[str] | None = rules.REHEARSAL_KINDS,
) -> list[MemberFigure]:
    """Every member expected at least once in the period, in Dutch name order."""
    activities = _taken_activities(session, start, end, kinds)
    ids = [a.id for a in activities]
    links, statuses, roster = _links(session, ids), _statuses(session, ids), _Roster(session)
    counts: dict[int, Counter] = defaultdict(Counter)
    for activity in activities:
        for member_id in roster.expected(activity.date, links.get(activity.id, set())):
            count = counts[member_id]
            count["expected"] += 1
            status = statuses.get((activity.id, member_id))
            if status is not None:
                count[status] += 1
    figures = []
    for member_id, count in counts.items():
        number, section_id, name = roster.members[member_id]
        figures.append(
            MemberFigure(
                member_id,
                number,
                name,
                roster.sections.get(section_id, NO_SECTION),
                count["expected"],
                count["present"],
                count["late"],
                count["excused"],
                count["absent"],
            )  # fmt: skip
        )
    figures.sort(key=lambda f: f.name.sort_key)
    return figures


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
    activities = _taken_activities(session, start, end, kinds, taken_only=not include_untaken)
    ids = [a.id for a in activities]
    links, statuses, roster = _links(session, ids), _statuses(session, ids), _Roster(session)
    taken = {activity_id for activity_id, _member_id in statuses}
    figures = []
    for activity in activities:
        expected = roster.expected(activity.date, links.get(activity.id, set()))
        marks = Counter(statuses.get((activity.id, member_id)) for member_id in expected)
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
                activity.id in taken,
            )  # fmt: skip
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
    activities = _taken_activities(session, start, end, kinds)
    ids = [a.id for a in activities]
    links, statuses, roster = _links(session, ids), _statuses(session, ids), _Roster(session)
    order = session.execute(select(Section.name).order_by(Section.sort_order, Section.name))
    rank = {name: n for n, name in enumerate(order.scalars())}
    found: dict[int, list[SectionFigure]] = {}
    for activity in activities:
        counts: dict[str, Counter] = defaultdict(Counter)
        for member_id in roster.expected(activity.date, links.get(activity.id, set())):
            section = roster.sections.get(roster.members[member_id][1], NO_SECTION)
            counts[section]["expected"] += 1
            status = statuses.get((activity.id, member_id))
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
            Activity.id.in_(_taken_ids()),
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
