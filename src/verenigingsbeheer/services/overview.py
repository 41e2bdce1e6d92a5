"""The figures `info` prints and the dashboard shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verenigingsbeheer.db.models import Person, Section
from verenigingsbeheer.services import association, members


@dataclass(frozen=True)
class Counts:
    """Counts keyed by the stable Dutch names the CLI prints (`leden: 40`)."""

    current_members: int
    former_members: int
    persons: int
    sections: int
    board_functions: int

    def as_lines(self) -> list[tuple[str, int]]:
        return [
            ("leden", self.current_members),
            ("oud-leden", self.former_members),
            ("personen", self.persons),
            ("secties", self.sections),
            ("bestuursfuncties", self.board_functions),
        ]


def counts(session: Session, on: dt.date) -> Counts:
    def count(column) -> int:
        return int(session.execute(select(func.count(column))).scalar_one())

    return Counts(
        current_members=members.count_current(session, on),
        former_members=members.count_former(session, on),
        persons=count(Person.id),
        sections=count(Section.id),
        board_functions=len(members.current_board(session, on)),
    )


def association_name(session: Session) -> str:
    return association.get_details(session).name
