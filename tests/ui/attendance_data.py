"""A small choir on a real file for the attendance screens: three sections, six members,
a December of Tuesday rehearsals and a Christmas concert."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.activities import ActivityDetails, SeriesRule
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.services import activities, categories, member_records, series
from verenigingsbeheer.services.files import AssociationFile

D, T = dt.date, dt.time
TODAY = D(2026, 12, 15)  # a Tuesday: the rehearsals of 1 and 8 December lie behind us
MEMBERS = (  # first name, tussenvoegsel, last name, section; by section, then last name
    ("Anna", "", "Jansen", "Sopraan"),
    ("Bep", "", "Visser", "Sopraan"),
    ("Piet", "", "Aalders", "Tenor"),
    ("Jan", "de", "Vries", "Tenor"),
    ("Kees", "", "Bakker", "Bas"),
    ("Wim", "", "Zwart", "Bas"),
)


@dataclass
class Choir:
    database: AssociationFile
    people: dict[str, int] = field(default_factory=dict)  # first name -> member id
    rehearsals: list[int] = field(default_factory=list)  # 1, 8, 15, 22 December
    concert: int = 0  # 19 December, tenors and basses only


def make_choir(path: Path, extra_members: int = 0) -> Choir:
    """The choir; `extra_members` more sopranos (Lid 001 ...) for the tests of speed."""
    database = create_database(path, AssociationDetails(name="Koor"))
    choir = Choir(database)
    with database.transaction() as session:
        sections = {
            name: categories.add_category(session, "section", name)
            for name in ("Sopraan", "Tenor", "Bas")
        }
        since = D(2020, 1, 1)
        for first, tussen, last, section in MEMBERS:
            details = MemberDetails(
                first, last, tussen, member_since=since, section_id=sections[section]
            )
            choir.people[first] = member_records.create_member(session, details, since)
        for n in range(extra_members):
            details = MemberDetails(
                "Lid", f"{n + 1:03}", member_since=since, section_id=sections["Sopraan"]
            )
            member_records.create_member(session, details, since)
        rule = SeriesRule(1, T(20), T(22), D(2026, 12, 1), D(2026, 12, 22))
        series.plan_series(session, series.SeriesDetails("rehearsal", "Repetitie", rule))
        choir.concert = activities.create_activity(
            session,
            ActivityDetails("performance", "Kerstconcert", D(2026, 12, 19), T(15), T(17),
                            "Kloosterkerk", (sections["Tenor"], sections["Bas"]), public=True),
        )  # fmt: skip
    with database.reading() as session:
        found = activities.list_activities(session, kind="rehearsal")
    choir.rehearsals = [row.activity_id for row in found]
    return choir
