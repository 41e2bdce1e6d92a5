"""A year of volunteer work on a real file, for the volunteer lists: hours of six people
on four tasks (one a former member, one forgotten since), allowances within, close to and
over the 2026 limits, and entries just outside 2026 on both sides.

The sums for 2026 (Bar 12,50 an hour, Decorbouw 20,00, Kaartverkoop and Kostuums 15,00):
hours 24 (1440 minutes) by 6 people, worth 345,00. Per task: Bar 15 h by 3, 187,50;
Decorbouw 4,5 h by 2, 90,00; Kaartverkoop 3 h by 2, 45,00; Kostuums 1,5 h by 1, 22,50.
Per month: February 1,5; March 3; April 10; October 8,75; November 0,75.
Allowances paid in 2026: 55,00 + 150,00 + 70,01 (marked) + 35,00 (marked) + 200,00 =
510,01 to 4 volunteers. Carla's March comes to 220,01 (over the 220,00 month limit),
Bram's rate 3,50 is over the 3,40 of under 21, Daan's October 200,00 is close (90 %).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.activities import ActivityDetails
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.services import activities, allowances, member_records, privacy
from verenigingsbeheer.services import volunteers as service
from verenigingsbeheer.services.allowances import AllowanceDetails
from verenigingsbeheer.services.files import AssociationFile
from verenigingsbeheer.services.volunteers import HoursDetails, VolunteerDetails

D = dt.date
E = Money.euros
NAME = "Koor Cantilena"
TODAY = D(2027, 1, 10)
SECRET_NOTE = "Mag niet tillen na haar operatie"  # never on any list
BIRTH_DATES = (D(1990, 4, 1), D(2005, 6, 15), D(1970, 8, 9))


@dataclass
class VolunteerFile:
    database: AssociationFile
    people: dict[str, int] = field(default_factory=dict)  # first name -> person id
    numbers: dict[str, int] = field(default_factory=dict)  # first name -> member number


def _member(session, first: str, last: str, born: dt.date | None, **more) -> int:
    member_id = member_records.create_member(
        session,
        MemberDetails(first, last, date_of_birth=born, member_since=D(2020, 1, 1),
                      notes=SECRET_NOTE, **more),
        D(2020, 1, 1),
    )  # fmt: skip
    return member_id


def make_volunteer_file(path: Path) -> VolunteerFile:
    database = create_database(path, AssociationDetails(name=NAME))
    made = VolunteerFile(database)
    with database.transaction() as session:
        _member(session, "Anna", "Berg", BIRTH_DATES[0])
        _member(session, "Bram", "Aalders", BIRTH_DATES[1])  # 21 on 15 June 2026
        _member(session, "Daan", "Vries", None, tussenvoegsel="de")
        _member(session, "Eef", "Oud", None, member_until=D(2026, 6, 30))
        service.save_volunteer(
            session,
            VolunteerDetails("Carla", "Zwart", email="carla@example.nl",
                             date_of_birth=BIRTH_DATES[2], notes=SECRET_NOTE),
            D(2025, 1, 1),
        )  # fmt: skip
        service.save_volunteer(session, VolunteerDetails("Anna", "Jansen"), D(2025, 1, 1))
        service.save_volunteer(session, VolunteerDetails("Frits", "Weg"), D(2025, 1, 1))
        helpers = service.helpers(session, D(2026, 1, 1))
        made.people = {h.name.first_name + ("J" if h.name.last_name == "Jansen" else ""):
                       h.person_id for h in helpers}  # fmt: skip
        made.numbers = {h.name.first_name: h.member_number for h in helpers if h.member_number}
        tasks = {task.name: task for task in service.tasks(session)}
        values = {"Bar": E("12.50"), "Decorbouw": E("20")}
        service.save_tasks(
            session,
            [(t.task_id, t.name, values.get(t.name, E("15"))) for t in tasks.values()],
        )
        concert = activities.create_activity(
            session,
            ActivityDetails("performance", "Najaarsconcert", D(2026, 10, 10), dt.time(15),
                            dt.time(17)),
        )  # fmt: skip
        people = made.people
        for person, day, task, minutes, activity, note in (
            ("Anna", D(2026, 10, 10), "Bar", 150, concert, ""),
            ("Anna", D(2026, 3, 14), "Kaartverkoop", 120, None, ""),
            ("Carla", D(2026, 10, 10), "Bar", 150, concert, SECRET_NOTE),
            ("Carla", D(2026, 10, 3), "Decorbouw", 225, None, ""),
            ("Bram", D(2026, 11, 1), "Decorbouw", 45, None, ""),
            ("Daan", D(2026, 3, 14), "Kaartverkoop", 60, None, ""),
            ("Eef", D(2026, 2, 7), "Kostuums", 90, None, ""),
            ("Frits", D(2026, 4, 4), "Bar", 600, None, ""),
            ("Anna", D(2025, 12, 31), "Bar", 60, None, ""),  # other years
            ("Carla", D(2027, 1, 1), "Bar", 60, None, ""),
        ):
            service.add_hours(
                session,
                HoursDetails(people[person], day, tasks[task].task_id, minutes, activity, note),
            )
        for person, paid_on, amount, first, last, rate, accept in (
            ("Anna", D(2026, 3, 1), "55", D(2026, 2, 1), D(2026, 2, 28), "5.50", False),
            ("Carla", D(2026, 3, 31), "150", D(2026, 3, 1), D(2026, 3, 31), None, False),
            ("Carla", D(2026, 4, 2), "70.01", D(2026, 3, 1), D(2026, 3, 31), None, True),
            ("Bram", D(2026, 5, 1), "35", D(2026, 4, 1), D(2026, 4, 30), "3.50", True),
            ("Daan", D(2026, 10, 30), "200", D(2026, 10, 1), D(2026, 10, 31), None, False),
            ("Carla", D(2027, 1, 5), "100", D(2026, 12, 1), D(2026, 12, 31), None, False),
            ("Anna", D(2025, 12, 20), "40", D(2025, 12, 1), D(2025, 12, 31), None, False),
        ):
            allowances.save_allowance(
                session,
                AllowanceDetails(people[person], paid_on, E(amount), first, last,
                                 E(rate) if rate else None, note=SECRET_NOTE),
                accept_over_limit=accept,
            )  # fmt: skip
    with database.transaction() as session:
        privacy.forget(session, made.people["Frits"], TODAY)
    return made
