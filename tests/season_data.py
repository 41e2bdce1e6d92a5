"""A season of a small choir on a real file, for the calendar export and the printed
schedule and attendance: four sections, eight members, Tuesday rehearsals from September
to June (across both summer-time switches), one cancelled, one moved, a Christmas concert,
a sectional, and the attendance of the first eight rehearsals with excuse reasons that must
never leave the program."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from verenigingsbeheer.db.opening import create_database
from verenigingsbeheer.domain.activities import ActivityDetails, SeriesRule
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.services import activities, attendance, categories, member_records, series
from verenigingsbeheer.services.files import AssociationFile

D, T = dt.date, dt.time
NAME = "Haags Gemengd Koor"
TODAY = D(2026, 11, 3)  # in the season 2026-2027
SECTIONS = ("Sopraan", "Alt", "Tenor", "Bas")
MEMBERS = (  # first name, tussenvoegsel, last name, section
    ("Anna", "", "Jansen", "Sopraan"),
    ("Bep", "", "Visser", "Sopraan"),
    ("Carla", "de", "Boer", "Alt"),
    ("Dora", "", "Mulder", "Alt"),
    ("Piet", "", "Aalders", "Tenor"),
    ("Jan", "de", "Vries", "Tenor"),
    ("Kees", "", "Bakker", "Bas"),
    ("Wim", "", "Zwart", "Bas"),
)
# Reasons given with an excuse: possibly health data, never printed or exported.
SECRET_REASONS = ("ziekenhuisopname knie", "chemokuur", "begrafenis oom")
CANCELLED = D(2026, 11, 10)
MOVED_FROM, MOVED_TO = D(2026, 11, 17), D(2026, 11, 19)


@dataclass
class Season:
    database: AssociationFile
    people: dict[str, int] = field(default_factory=dict)  # first name -> member id
    sections: dict[str, int] = field(default_factory=dict)
    by_date: dict[dt.date, int] = field(default_factory=dict)  # day -> activity id
    registered: list[dt.date] = field(default_factory=list)  # attendance taken


def make_season(path: Path, name: str = NAME) -> Season:
    database = create_database(path, AssociationDetails(name=name))
    season = Season(database)
    with database.transaction() as session:
        for section in SECTIONS:
            season.sections[section] = categories.add_category(session, "section", section)
        since = D(2020, 1, 1)
        for first, tussen, last, section in MEMBERS:
            details = MemberDetails(
                first, last, tussen, member_since=since, section_id=season.sections[section]
            )
            season.people[first] = member_records.create_member(session, details, since)
        rule = SeriesRule(1, T(20), T(22, 15), D(2026, 9, 1), D(2027, 6, 29))
        series.plan_series(
            session, series.SeriesDetails("rehearsal", "Repetitie", rule, place="De Kapel")
        )
        activities.create_activity(
            session,
            ActivityDetails("performance", "Kerstconcert", D(2026, 12, 19), T(15), T(17),
                            "Kloosterkerk", public=True, notes="Concertkleding: zwart"),
        )  # fmt: skip
        activities.create_activity(
            session,
            ActivityDetails("sectional", "Tenoren apart", D(2027, 3, 27), T(10), T(12),
                            "Zaaltje", (season.sections["Tenor"],)),
        )  # fmt: skip
        found = activities.list_activities(session)
        season.by_date = {row.date: row.activity_id for row in found}
        activities.cancel_activity(session, season.by_date[CANCELLED])
        moved = season.by_date.pop(MOVED_FROM)
        activities.move_activity(session, moved, MOVED_TO, T(20), T(22, 15))
        season.by_date[MOVED_TO] = moved
        _register(session, season)
    return season


def _register(session, season: Season) -> None:
    """The first eight rehearsals (1 September - 20 October): Bep came to half, Dora was
    excused twice (75 %: just not below the threshold), Jan was late twice."""
    people = season.people
    days = sorted(day for day in season.by_date if day <= D(2026, 10, 20))
    assert len(days) == 8
    marks = {
        (days[1], "Bep"): ("absent", ""),
        (days[2], "Bep"): ("excused", SECRET_REASONS[0]),
        (days[3], "Bep"): ("absent", ""),
        (days[5], "Bep"): ("absent", ""),
        (days[2], "Dora"): ("excused", SECRET_REASONS[2]),
        (days[6], "Dora"): ("excused", ""),
        (days[4], "Jan"): ("late", ""),
        (days[7], "Jan"): ("late", ""),
    }
    for (day, first), (status, reason) in marks.items():
        attendance.set_attendance(session, season.by_date[day], people[first], status, reason)
    for day in days:
        attendance.all_present(session, season.by_date[day])
    season.registered = days
    concert = season.by_date[D(2026, 12, 19)]
    attendance.set_availability(session, concert, people["Carla"], "excused", SECRET_REASONS[1])
