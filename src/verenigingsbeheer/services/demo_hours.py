"""The demo choir's year of volunteer hours, following its calendar.

The board meets every month but in summer (in the studio when the rooms demo booked it, at
the chair's home otherwise) and each board member has their own work; a rota sets out and
clears away the chairs at every rehearsal; a concert draws weeks of posters, ticket sales,
costumes and (at Christmas) set building, then a day of stage, light and sound, the door and
the bar. Hours for a rehearsal or concert are linked to its activity. The season before the
demo's own has no activities in the file: its hours say what they were for in their note.

Times are drawn in quarters, mostly one to four hours an entry, and the entries are plain
rows for one bulk insert. Dutch data, not translated.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Activity, Booking
from verenigingsbeheer.domain import activities as activity_rules
from verenigingsbeheer.domain import volunteers as rules
from verenigingsbeheer.domain.activities import SeriesRule
from verenigingsbeheer.services import series

D, T = dt.date, dt.time
BOARD, BAR, SET, COSTUMES = "Bestuur", "Bar", "Decorbouw", "Kostuums"
TICKETS, PR, SETUP, TECH = (
    "Kaartverkoop", "PR en communicatie", "Opbouw en afbouw", "Techniek (licht en geluid)",
)  # fmt: skip


@dataclass(frozen=True)
class BoardSeat:
    title: str
    person_id: int
    since: dt.date  # in office from: no board hours before


@dataclass
class Crew:
    """Who does what, by person id: members, and the outsider each team has."""

    board: list[BoardSeat]
    rota: list[int]  # chairs out and away at the rehearsals
    bar: list[int]  # the first: the bar's coordinator
    setup: list[int]  # the concerts' stage and chairs
    set: list[int]  # the first: the set builder
    tickets: list[int]  # the first: who runs the advance sale
    pr: list[int]  # the first writes the newsletter; the last: the poster designer
    costumes: list[int]  # the first: the seamstress
    tech: list[int] = field(default_factory=list)
    assistant: int | None = None  # the conductor's assistant (an allowance, no hours)


@dataclass(frozen=True)
class _Event:
    """What volunteers work for: a rehearsal, the dress rehearsal, a concert, the members'
    meeting. No activity: before the demo's season, or a booking only."""

    day: dt.date
    kind: str  # "rehearsal", "dress", "concert" or "meeting"
    title: str
    activity_id: int | None

    @property
    def note(self) -> str:
        """What an entry says it was for when it cannot link the activity."""
        if self.activity_id is not None:
            return ""
        return f"{self.title} {self.day.year}" if self.kind == "concert" else self.title


@dataclass
class _Hours:
    """The entries, kept to the year and to when each person could help."""

    first: dt.date
    last: dt.date
    tasks: dict[str, int]
    since: dict[int, dt.date]
    rows: list[dict] = field(default_factory=list)

    def add(self, person_id: int, day: dt.date, task: str, minutes: int,
            event: _Event | None = None, note: str = "") -> None:  # fmt: skip
        if not self.first <= day <= self.last or day < self.since.get(person_id, day):
            return
        problem = rules.validate_hours(minutes)
        if problem:  # the same rule as a board entering them
            raise ValueError(problem)
        self.rows.append({
            "person_id": person_id, "date": day, "task_id": self.tasks[task],
            "minutes": minutes, "activity_id": event.activity_id if event else None,
            "note": note or (event.note if event else ""),
        })  # fmt: skip


def year_of_hours(
    session: Session,
    rng: random.Random,
    first: dt.date,
    today: dt.date,
    crew: Crew,
    tasks: dict[str, int],
    since: dict[int, dt.date],
) -> list[dict]:
    """The entries from `first` to the day before `today` (`since`: member from, by person
    id), as rows for `VolunteerHours`."""
    hours = _Hours(first, today - dt.timedelta(days=1), tasks, since)
    _monthly_work(session, rng, hours, crew, first, today)
    events = _events(session, first, today)
    rehearsals = 0
    for event in events:
        if event.kind == "rehearsal":
            _rehearsal(rng, hours, crew, event, rehearsals)
            rehearsals += 1
        elif event.kind == "dress":
            _dress_rehearsal(rng, hours, crew, event)
        elif event.kind == "concert":
            _concert(rng, hours, crew, event)
        else:
            _members_meeting(rng, hours, crew, event)
    _borrels(rng, hours, crew, events)
    return hours.rows


def _quarters(rng: random.Random, low: float, high: float) -> int:
    """Minutes between `low` and `high` hours, in quarters."""
    return rng.randint(round(low * 4), round(high * 4)) * rules.QUARTER


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = D(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


# -- the calendar -----------------------------------------------------------------------------
def _events(session: Session, first: dt.date, today: dt.date) -> list[_Event]:
    """The demo season's activities (and its members' meeting, a booking), and the same
    occasions of the season before when the year reaches into it."""
    start = activity_rules.season_of(today)[0]
    found = _earlier_season(session, activity_rules.season_of(first)[0]) if first < start else []
    query = (
        select(Activity.id, Activity.kind, Activity.title, Activity.date)
        .where(Activity.cancelled.is_(False), Activity.date >= start)
        .order_by(Activity.date, Activity.start_time, Activity.id)
    )
    for activity_id, kind, title, day in session.execute(query):
        if kind == "performance":
            found.append(_Event(day, "concert", title, activity_id))
        elif kind == "rehearsal":
            what = "dress" if title == "Generale repetitie" else "rehearsal"
            found.append(_Event(day, what, title, activity_id))
    meetings = select(Booking.date).where(
        Booking.activity_id.is_(None), Booking.status == "confirmed",
        Booking.purpose == "Algemene ledenvergadering", Booking.date >= start,
    )  # fmt: skip
    for day in session.execute(meetings).scalars():
        found.append(_Event(day, "meeting", "Algemene ledenvergadering", None))
    return sorted(found, key=lambda e: (e.day, e.kind, e.title))


def _earlier_season(session: Session, start: dt.date) -> list[_Event]:
    """The season before, as the demo's own season plans it: Tuesday rehearsals without
    school and public holidays, the Christmas and spring concerts, the members' meeting."""
    year = start.year
    end = D(year + 1, 6, 30)
    rule = SeriesRule(1, T(20), T(22, 15), start, end, skip_school_holidays=True)
    school = [(h.name, h.first_day, h.last_day) for h in series.school_holidays(session)]
    days, _skipped = activity_rules.series_dates(rule, series.public_holidays(start, end), school)
    christmas = _nth_weekday(year, 12, 6, 3)
    return [
        *(_Event(day, "rehearsal", "Repetitie", None) for day in days),
        _Event(christmas - dt.timedelta(days=1), "dress", "Generale repetitie", None),
        _Event(christmas, "concert", "Kerstconcert", None),
        _Event(_nth_weekday(year + 1, 3, 3, 3), "meeting", "Algemene ledenvergadering", None),
        _Event(_nth_weekday(year + 1, 6, 5, 1), "concert", "Voorjaarsconcert", None),
    ]


# -- the work ---------------------------------------------------------------------------------
ROLE_WORK = {  # the board's own work each month: (entries, low and high hours, note)
    "Voorzitter": ((1, 1), 1, 2, "Overleg met de dirigent"),
    "Secretaris": ((1, 2), 1, 2.5, "Notulen, post en ledenadministratie"),
    "Penningmeester": ((1, 2), 1.5, 3, "Contributie, facturen en betalingen"),
    "Algemeen bestuurslid": ((0, 1), 1, 2, "Roosters en vrijwilligers"),
}


def _monthly_work(
    session: Session,
    rng: random.Random,
    hours: _Hours,
    crew: Crew,
    first: dt.date,
    today: dt.date,
) -> None:
    """A meeting every month but July and August (in the studio when booked, else at the
    chair's home), each member's own work, the PR member's newsletter, and the bar's
    purchases by its coordinator."""
    booked = {
        (day.year, day.month): day
        for day in session.execute(
            select(Booking.date).where(
                Booking.activity_id.is_(None),
                Booking.purpose == "Bestuursvergadering",
                Booking.status == "confirmed",
            )  # fmt: skip
        ).scalars()
    }
    holidays = series.public_holidays(first, today)
    for year, month in rules.months_of(first, today):
        if month not in (7, 8):
            day = booked.get((year, month)) or _nth_weekday(year, month, 0, 2)
            while day in holidays:
                day += dt.timedelta(days=7)
            where = "" if (year, month) in booked else " (bij de voorzitter thuis)"
            for seat in crew.board:
                if day >= seat.since:
                    hours.add(seat.person_id, day, BOARD, rng.choice((120, 120, 135, 150)),
                              note=f"Bestuursvergadering{where}")  # fmt: skip
        for seat in crew.board:
            (least, most), low, high, note = ROLE_WORK.get(
                seat.title, ROLE_WORK["Algemeen bestuurslid"]
            )
            count = rng.randint(least, most) if month not in (7, 8) else least
            for _n in range(count):
                day = D(year, month, rng.randint(1, 28))
                if day >= seat.since:
                    hours.add(seat.person_id, day, BOARD, _quarters(rng, low, high), note=note)
        if crew.pr and month != 8:
            hours.add(crew.pr[0], D(year, month, rng.randint(20, 28)), PR,
                      _quarters(rng, 1.5, 2.5), note="Nieuwsbrief")  # fmt: skip
        if crew.bar and month not in (7, 8):
            hours.add(crew.bar[0], D(year, month, rng.randint(1, 28)), BAR,
                      _quarters(rng, 1, 2), note="Inkoop en voorraad")  # fmt: skip


def _rehearsal(rng: random.Random, hours: _Hours, crew: Crew, event: _Event, n: int) -> None:
    """Two of the rota (three in a large choir) set out the chairs and clear them away."""
    if not crew.rota:
        return
    size = 3 if len(crew.rota) >= 9 else min(2, len(crew.rota))
    for k in range(size):
        person = crew.rota[(n * size + k) % len(crew.rota)]
        hours.add(person, event.day, SETUP, rng.choice((45, 60, 60, 60, 75)), event)


def _borrels(rng: random.Random, hours: _Hours, crew: Crew, events: list[_Event]) -> None:
    """The bar after the first rehearsal of January and the last one before summer."""
    rehearsals = [e for e in events if e.kind == "rehearsal"]
    for year in sorted({e.day.year for e in rehearsals}):
        january = [e for e in rehearsals if (e.day.year, e.day.month) == (year, 1)]
        june = [e for e in rehearsals if e.day.year == year and 5 <= e.day.month <= 7]
        for event, note in ((january[:1], "Nieuwjaarsborrel"), (june[-1:], "Seizoensafsluiting")):
            for occasion in event:
                for person in crew.bar[:2]:
                    hours.add(person, occasion.day, BAR, _quarters(rng, 1.5, 2.5), occasion,
                              note)  # fmt: skip


def _saturday_before(day: dt.date, weeks: int) -> dt.date:
    back = (day.weekday() - 5) % 7 or 7
    return day - dt.timedelta(days=back + 7 * (weeks - 1))


def _dress_rehearsal(rng: random.Random, hours: _Hours, crew: Crew, event: _Event) -> None:
    """Light and sound tried out, the stage built, the set put in place."""
    for person in crew.tech:
        hours.add(person, event.day, TECH, _quarters(rng, 4, 5), event)
    for person in crew.setup[:3]:
        hours.add(person, event.day, SETUP, _quarters(rng, 2, 3), event)
    for person in crew.set[:2]:
        hours.add(person, event.day, SET, _quarters(rng, 2, 3.5), event)


def _before(rng: random.Random, day: dt.date, weeks: int) -> dt.date:
    """A day in the week that lies `weeks` before `day`."""
    return day - dt.timedelta(weeks=weeks - 1, days=rng.randint(1, 7))


def _concert(rng: random.Random, hours: _Hours, crew: Crew, event: _Event) -> None:
    """Weeks of posters, ticket sales, costumes and (at Christmas) the set, then the day
    itself: stage, light and sound, the door and the bar."""
    christmas = event.day.month == 12
    day = event.day
    for weeks in (6, 5, 4) if crew.pr else ():  # the designer: poster, flyer, programme
        hours.add(crew.pr[-1], _before(rng, day, weeks), PR, _quarters(rng, 2, 4), event)
    for person in crew.pr[:-1]:  # press, social media, posters round the neighbourhood
        for weeks in range(5, 0, -1):
            hours.add(person, _before(rng, day, weeks), PR, _quarters(rng, 1, 2), event)
    for person in crew.tickets[:1]:  # the advance sale, week by week
        for weeks in range(4, 0, -1):
            hours.add(person, _before(rng, day, weeks), TICKETS, _quarters(rng, 1, 2.5), event)
    for weeks in (3, 2, 1) if christmas else (2,):
        saturday = _saturday_before(day, weeks)
        for person in crew.set[: 3 if christmas else 2]:
            hours.add(person, saturday, SET, _quarters(rng, 3, 5), event)
    for n, person in enumerate(crew.costumes):
        for weeks in (3, 1) if christmas and n == 0 else (2,):
            hours.add(person, _before(rng, day, weeks), COSTUMES, _quarters(rng, 1.5, 3), event)
    for person in crew.tech:
        hours.add(person, day, TECH, _quarters(rng, 6, 7.5), event)
    for person in crew.setup:
        hours.add(person, day, SETUP, _quarters(rng, 2.5, 3.5), event)
    for person in crew.tickets[:2]:
        hours.add(person, day, TICKETS, _quarters(rng, 2, 2.5), event)
    for person in crew.bar[:4]:
        hours.add(person, day, BAR, _quarters(rng, 3, 4), event)


def _members_meeting(rng: random.Random, hours: _Hours, crew: Crew, event: _Event) -> None:
    """The board at the meeting, the treasurer's annual accounts before it, and the bar."""
    for seat in crew.board:
        if event.day >= seat.since:
            hours.add(seat.person_id, event.day, BOARD, _quarters(rng, 2.5, 3), event)
        if seat.title == "Penningmeester" and event.day >= seat.since:
            for weeks in (4, 3):
                hours.add(seat.person_id, event.day - dt.timedelta(weeks=weeks), BOARD,
                          _quarters(rng, 3, 4), note="Jaarrekening en begroting")  # fmt: skip
    for person in crew.bar[:1]:
        hours.add(person, event.day, BAR, _quarters(rng, 2, 2.5), event)
