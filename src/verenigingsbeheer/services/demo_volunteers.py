"""The demo choir's volunteers: who helps, the tasks' values, and then a year of hours up
to the demo's date (`demo_hours`) and the allowances (`demo_allowances`).

Members help: the board, a rota for the chairs at rehearsals, and teams for the bar, the
concerts' set-up, ticket sales, PR, costumes and the set. So do six people who are no
member, registered as volunteers: a set builder, a bar volunteer, a ticket seller, a
technician, a seamstress and a designer making the posters. However large the demo, at
most some 55 people help, and the hours are written in one insert, so the 10,000-member
demo stays quick. Dutch data, not translated; names, e-mail addresses (example.nl) and
phone numbers are invented.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import VolunteerHours
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.services import demo_allowances, demo_hours, volunteers
from verenigingsbeheer.services.demo_hours import BoardSeat, Crew
from verenigingsbeheer.services.volunteers import VolunteerDetails

D = dt.date
# The shipped tasks, each at what an hour of it is worth to this choir.
TASK_VALUES = {
    "Bestuur": "20.00", "Bar": "12.50", "Decorbouw": "15.00", "Kostuums": "15.00",
    "Kaartverkoop": "12.50", "PR en communicatie": "15.00", "Opbouw en afbouw": "12.50",
    "Techniek (licht en geluid)": "17.50",
}  # fmt: skip
# Who is no member, by what they do, and since when they help (or the demo's year, if later).
OUTSIDERS = {
    "set": (VolunteerDetails(
        "Ruud", "Wit", "de", "ruud.dewit@example.nl", "06-11223344", D(1958, 4, 12),
        "Bouwt het decor en de podiumdelen voor de concerten; vader van een oud-lid."),
        D(2016, 9, 1)),
    "bar": (VolunteerDetails(
        "Marja", "Hoekstra", "", "marja.hoekstra@example.nl", "06-22334455", D(1966, 10, 3),
        "Partner van een van de bassen; staat achter de bar bij de concerten."), D(2019, 9, 1)),
    "tickets": (VolunteerDetails(
        "Annelies", "Brouwer", "", "annelies.brouwer@example.nl", "06-33445566",
        D(1971, 2, 27), "Voorverkoop via de website en de kassa bij de concerten."),
        D(2021, 9, 1)),
    "tech": (VolunteerDetails(
        "Youssef", "El Amrani", "", "youssef.elamrani@example.nl", "06-44556677",
        D(1994, 6, 8), "Licht en geluid bij de concerten en de generale; vergoeding per uur"
        " afgesproken."), D(2022, 9, 1)),
    "costumes": (VolunteerDetails(
        "Tineke", "Smit", "", "tineke.smit@example.nl", "06-55667788", D(1952, 11, 19),
        "Naait en herstelt de koorsjaals en strikken."), D(2018, 1, 1)),
    "pr": (VolunteerDetails(
        "Daan", "Vermeulen", "", "daan.vermeulen@example.nl", "06-66778899", D(1989, 12, 1),
        "Grafisch ontwerper: maakt de affiches en flyers voor de concerten."), D(2023, 9, 1)),
}  # fmt: skip
__all__ = ["BoardSeat", "DemoPerson", "add_volunteering"]


@dataclass(frozen=True)
class DemoPerson:
    """What the volunteer work needs of a current member."""

    person_id: int
    born: dt.date | None
    since: dt.date  # member from


def add_volunteering(
    session: Session,
    rng: random.Random,
    today: dt.date,
    people: Sequence[DemoPerson],
    board: Sequence[BoardSeat],
) -> None:
    """The tasks' values, the outsiders, a year of hours before `today` and the allowances
    (an empty choir gets none of it)."""
    if not people:
        return
    first = _year_before(today)
    _value_tasks(session)
    outsiders = {
        role: volunteers.save_volunteer(session, details, min(since, first))
        for role, (details, since) in OUTSIDERS.items()
    }
    crew = _crew(rng, people, board, first, outsiders)
    tasks = {task.name: task.task_id for task in volunteers.tasks(session)}
    since = {person.person_id: person.since for person in people}
    rows = demo_hours.year_of_hours(session, rng, first, today, crew, tasks, since)
    if rows:
        session.execute(insert(VolunteerHours), rows)
    demo_allowances.add_allowances(
        session, first, today, since, crew.assistant, crew.bar[0] if crew.bar else None,
        outsiders["tech"], tasks[demo_hours.TECH],
    )  # fmt: skip


def _year_before(today: dt.date) -> dt.date:
    """The first day of the twelve months up to `today`."""
    try:
        return today.replace(year=today.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28) + dt.timedelta(days=1)


def _value_tasks(session: Session) -> None:
    rows = [
        (task.task_id, task.name,
         Money.euros(TASK_VALUES[task.name]) if task.name in TASK_VALUES else task.hourly_value)
        for task in volunteers.tasks(session)
    ]  # fmt: skip
    volunteers.save_tasks(session, rows)


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _crew(
    rng: random.Random,
    people: Sequence[DemoPerson],
    board: Sequence[BoardSeat],
    first: dt.date,
    outsiders: dict[str, int],
) -> Crew:
    """Adults who were members all year first; in a small choir some do two jobs. Teams
    grow with the choir, up to a point."""
    seated = {seat.person_id for seat in board}
    adults = [p for p in people if p.born is None or _age(p.born, first) >= 18]
    settled = [p.person_id for p in adults if p.since <= first and p.person_id not in seated]
    later = [p.person_id for p in adults if p.since > first and p.person_id not in seated]
    rng.shuffle(settled)
    rng.shuffle(later)
    # The assistant has been paid since January of the year the twelve months begin in.
    january = D(first.year, 1, 1)
    joined = {p.person_id: p.since for p in people}
    veterans = [person for person in settled if joined[person] <= january]
    assistant = veterans[:1]
    order = [person for person in settled if person not in assistant] + later + sorted(seated)
    factor = min(2.5, max(0.5, (len(people) / 40) ** 0.5))
    taken = 0

    def take(base: float, cap: int) -> list[int]:
        nonlocal taken
        if not order:
            return []
        size = min(len(order), max(1, min(cap, round(base * factor))))
        team = [order[(taken + n) % len(order)] for n in range(size)]
        taken += size
        return team

    assistant = assistant or take(1, 1)
    crew = Crew(list(board), take(6, 12), take(3, 6), take(4, 10), take(2, 5), take(1, 3),
                take(1, 3), take(1, 3))  # fmt: skip
    crew.assistant = assistant[0] if assistant else None
    crew.bar.insert(min(1, len(crew.bar)), outsiders["bar"])  # after the coordinator
    crew.setup.append(outsiders["set"])
    crew.set.insert(0, outsiders["set"])
    crew.tickets.insert(0, outsiders["tickets"])
    crew.pr.append(outsiders["pr"])  # a member writes; the designer makes the posters
    crew.costumes.insert(0, outsiders["costumes"])
    crew.tech.append(outsiders["tech"])
    return crew
